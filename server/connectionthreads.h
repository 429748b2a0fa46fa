#pragma once

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace dpm::serve {

// httplib's task queue for accepted connections: one thread per connection, so idle keep-alive
// connections never keep a new client waiting (httplib's own pool has a fixed number of threads
// that idle connections can all hold). Above `cap` open connections a connection still gets a
// thread, but is marked over capacity and each of its requests is answered 503 SERVER_BUSY with
// Connection: close. shutdown() waits for every connection to end (httplib stops the keep-alive
// loops once the listening socket is closed), which is the drain on SIGTERM.
class ConnectionThreads : public httplib::TaskQueue
{
public:
    explicit ConnectionThreads(int cap, std::atomic<int> &open);

    void enqueue(std::function<void()> fn) override;
    void shutdown() override;

    // True on a connection thread that was started above the cap.
    static bool currentIsOverCapacity();

private:
    int m_cap;
    std::atomic<int> &m_open;
    std::mutex m_mutex;
    std::condition_variable m_allDone;
};

} // namespace dpm::serve
