#include "connectionthreads.h"

#include <memory>

#include <pthread.h>

namespace dpm::serve {

namespace {

thread_local bool t_overCapacity = false;

// The connection threads run httplib's parser and the dispatcher; the store work runs on the
// store pool. A small stack keeps a thousand idle connections cheap.
constexpr size_t kStackBytes = 512 * 1024;

} // namespace

ConnectionThreads::ConnectionThreads(int cap, std::atomic<int> &open)
    : m_cap(cap)
    , m_open(open)
{ }

bool ConnectionThreads::currentIsOverCapacity()
{
    return t_overCapacity;
}

void ConnectionThreads::enqueue(std::function<void()> fn)
{
    struct Start
    {
        std::function<void()> fn;
        bool overCapacity;
        std::atomic<int> *open;
        std::mutex *mutex;
        std::condition_variable *allDone;
    };
    const int before = m_open.fetch_add(1);
    auto *start = new Start { std::move(fn), before >= m_cap, &m_open, &m_mutex, &m_allDone };
    auto body = [](void *arg) -> void * {
        std::unique_ptr<Start> start(static_cast<Start *>(arg));
        t_overCapacity = start->overCapacity;
        start->fn();
        // Notified under the lock: once it is released, shutdown() may return and the queue go.
        std::lock_guard lock(*start->mutex);
        start->open->fetch_sub(1);
        start->allDone->notify_all();
        return nullptr;
    };
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, kStackBytes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    pthread_t thread;
    if (pthread_create(&thread, &attributes, body, start) != 0) {
        // No thread to be had: serve it here rather than drop the socket unclosed.
        pthread_attr_destroy(&attributes);
        body(start);
        return;
    }
    pthread_attr_destroy(&attributes);
}

void ConnectionThreads::shutdown()
{
    std::unique_lock lock(m_mutex);
    m_allDone.wait(lock, [this] { return m_open.load() == 0; });
}

} // namespace dpm::serve
