#pragma once

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <pthread.h>

namespace dpm::serve {

// httplib's task queue for accepted connections: one thread per connection, so idle keep-alive
// connections never keep a new client waiting (httplib's own pool has a fixed number of threads
// that idle connections can all hold). At `cap` open connections, a new one makes room by ending
// the connections idle the longest (nothing being answered, no request waiting; nginx reuses idle
// keep-alive connections alike), so idle clients, however many, never lock a new one out, and the
// process stays below select()'s 1,024 descriptors, beyond which httplib answers nothing but
// errors. Only when there is no idle one to end does the new connection get a thread marked over
// capacity, each of whose requests is answered 503 SERVER_BUSY with Connection: close. shutdown() is the drain on SIGTERM: httplib calls it once it has stopped
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
    // Ends idle connections (the longest idle first) so that no more than `cap` stay open, the
    // new one included; false when there are not enough.
    bool makeRoom();
    // Joins the connection threads that have ended.
    void joinFinished();

    int m_cap;
    std::atomic<int> &m_open;
    int m_port;
    std::mutex m_mutex;
    std::set<std::string> m_answering; // peers, "address port", under m_mutex
    std::condition_variable m_allDone;
    std::vector<pthread_t> m_finished; // ended connection threads not yet joined, under m_mutex
};

} // namespace dpm::serve
