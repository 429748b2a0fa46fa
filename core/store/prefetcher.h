#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace dpm {

// Runs a producer on a thread of its own, up to `depth` items ahead of the consumer, so that
// making the next item (a bulk load's rows) overlaps with consuming this one (writing them to
// the database). Items come out in the order they were made. An exception thrown by the
// producer reaches the consumer from next(); destroying the prefetcher stops the producer at its
// next item and waits for it.
template <typename T> class Prefetcher
{
public:
    // Returns the next item, or nullopt when there are no more. Called on the producer's thread.
    using Produce = std::function<std::optional<T>()>;

    explicit Prefetcher(Produce produce, std::size_t depth = 2)
        : m_produce(std::move(produce))
        , m_depth(depth < 1 ? 1 : depth)
        , m_thread([this] { run(); })
    { }

    ~Prefetcher()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }

    Prefetcher(const Prefetcher &) = delete;
    Prefetcher &operator=(const Prefetcher &) = delete;

    // The next item, waiting for it if needed; nullopt after the last one. Rethrows what the
    // producer threw, once the items made before it have been taken.
    std::optional<T> next()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_items.empty() || m_done; });
        if (!m_items.empty()) {
            std::optional<T> item = std::move(m_items.front());
            m_items.pop_front();
            lock.unlock();
            m_changed.notify_all();
            return item;
        }
        if (m_failure)
            std::rethrow_exception(std::exchange(m_failure, nullptr));
        return std::nullopt;
    }

private:
    void run()
    {
        try {
            for (;;) {
                {
                    std::unique_lock lock(m_mutex);
                    m_changed.wait(lock, [this] { return m_items.size() < m_depth || m_stopping; });
                    if (m_stopping)
                        break;
                }
                std::optional<T> item = m_produce();
                std::lock_guard lock(m_mutex);
                if (!item)
                    break;
                m_items.push_back(std::move(*item));
                m_changed.notify_all();
            }
        } catch (...) {
            std::lock_guard lock(m_mutex);
            m_failure = std::current_exception();
        }
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_changed.notify_all();
    }

    Produce m_produce;
    const std::size_t m_depth;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<T> m_items;
    std::exception_ptr m_failure;
    bool m_stopping = false;
    bool m_done = false;
    std::thread m_thread; // last: started once everything above is ready
};

} // namespace dpm
