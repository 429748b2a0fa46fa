#pragma once

#include <functional>
#include <memory>
#include <mutex>

namespace dpm {

// Stops one request started with StoreSession::run(fn, cancel): cancel() (UI thread) interrupts
// the statement running for it on the database and fails every later statement of the request
// with STORE_QUERY_CANCELLED; other requests of the session go on. A cancel that comes before
// the request reached its worker takes effect when it does.
class QueryCancel
{
public:
    static std::shared_ptr<QueryCancel> create() { return std::make_shared<QueryCancel>(); }

    void cancel()
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
        if (m_interrupt)
            m_interrupt();
    }
    bool isCancelled() const
    {
        std::lock_guard lock(m_mutex);
        return m_cancelled;
    }

    // The worker's side, while the request runs.
    void attach(std::function<void()> interrupt)
    {
        std::lock_guard lock(m_mutex);
        m_interrupt = std::move(interrupt);
        if (m_cancelled && m_interrupt)
            m_interrupt();
    }
    void detach()
    {
        std::lock_guard lock(m_mutex);
        m_interrupt = {};
    }

private:
    mutable std::mutex m_mutex;
    std::function<void()> m_interrupt;
    bool m_cancelled = false;
};

} // namespace dpm
