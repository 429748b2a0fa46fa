#pragma once

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <string>

namespace dpm::serve {

// httplib's task queue for accepted connections: one thread per connection, so idle keep-alive
// connections never keep a new client waiting (httplib's own pool has a fixed number of threads
// that idle connections can all hold). Above `cap` open connections a connection still gets a
// thread, but is marked over capacity and each of its requests is answered 503 SERVER_BUSY with
// Connection: close. shutdown() is the drain on SIGTERM: httplib calls it once it has stopped
// accepting; it ends the idle keep-alive connections at once (httplib would keep each until its
// keep-alive timeout) and waits for the others, whose requests finish and are answered.
class ConnectionThreads : public httplib::TaskQueue
{
public:
    // `port`: the server's own port, which tells its accepted sockets from any other.
    ConnectionThreads(int cap, std::atomic<int> &open, int port);

    void enqueue(std::function<void()> fn) override;
    void shutdown() override;

    // True on a connection thread that was started above the cap.
    static bool currentIsOverCapacity();
    // On a connection thread: a request from `peer` (REMOTE_ADDR, REMOTE_PORT) is being answered
    // from now until answered() (httplib's logger, which runs once the answer is written); the
    // drain leaves such a connection be.
    static void answering(const std::string &address, const std::string &port);
    static void answered();

private:
    int m_cap;
    std::atomic<int> &m_open;
    int m_port;
    std::mutex m_mutex;
    std::set<std::string> m_answering; // peers, "address port", under m_mutex
    std::condition_variable m_allDone;
};

} // namespace dpm::serve
