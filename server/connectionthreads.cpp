#include "connectionthreads.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <memory>
#include <vector>

#include <arpa/inet.h>
#include <dirent.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>

namespace dpm::serve {

namespace {

thread_local bool t_overCapacity = false;
thread_local ConnectionThreads *t_queue = nullptr;
thread_local std::string t_peer; // while a request is answered

// The connection threads run httplib's parser and the dispatcher; the store work runs on the
// store pool. A small stack keeps a thousand idle connections cheap.
constexpr size_t kStackBytes = 512 * 1024;

// "address port" of the peer, as httplib writes REMOTE_ADDR (numeric host) and REMOTE_PORT.
std::string peerOf(int fd)
{
    sockaddr_storage address {};
    socklen_t length = sizeof address;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return {};
    char host[NI_MAXHOST];
    char port[NI_MAXSERV];
    if (::getnameinfo(reinterpret_cast<sockaddr *>(&address), length, host, sizeof host, port, sizeof port,
            NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        return {};
    return std::string(host) + ' ' + port;
}

int localPort(int fd)
{
    sockaddr_storage address {};
    socklen_t length = sizeof address;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return -1;
    if (address.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in &>(address).sin_port);
    if (address.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 &>(address).sin6_port);
    return -1;
}

int64_t coarseNowMs()
{
    timespec now {};
    ::clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
    return int64_t(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

// A TCP socket's state, and the coarse clock when it was asked (see stateOf()); false for any
// other kind of socket. The coarse clock ticks with TCP's own (jiffies): a tick between the clock
// and the question would make the two disagree by one, so then it is asked again.
bool tcpInfoOf(int fd, tcp_info &info, int64_t &askedAtMs)
{
    for (int attempt = 0; attempt < 3; ++attempt) {
        socklen_t length = sizeof info;
        const int64_t before = coarseNowMs();
        if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &length) != 0)
            return false;
        askedAtMs = coarseNowMs();
        if (before == askedAtMs)
            break;
    }
    return true;
}

// httplib 0.11 hands its task queue a closure, not the socket, and has no hook for accepted
// sockets; so the server's are found among the process's descriptors: TCP sockets other than the
// listener whose local port is the server's. Clients in this process have the port as their
// peer's, never as their own. Calls `visit` with each, its TCP_INFO and when that was asked. As
// few system calls as will do: on a busy machine a scan is what keeps a new client waiting.
template<typename Visit>
void forEachServerConnection(int port, Visit visit)
{
    DIR *directory = ::opendir("/proc/self/fd");
    if (!directory)
        return;
    const int own = ::dirfd(directory);
    while (const dirent *entry = ::readdir(directory)) {
        char *end = nullptr;
        const long fd = std::strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0' || fd == own || localPort(int(fd)) != port)
            continue;
        tcp_info info {};
        int64_t askedAtMs = 0;
        if (tcpInfoOf(int(fd), info, askedAtMs) && info.tcpi_state != TCP_LISTEN)
            visit(int(fd), info, askedAtMs);
    }
    ::closedir(directory);
}

// An idle one is waiting in httplib's keep-alive loop; ending its reading side wakes that loop,
// which then finds the server stopped and closes. A connection whose request is being answered
// is left alone: after its answer its loop sees the server stopped and closes. So is one with
// request bytes already waiting, which is served first. A request that arrives just as the drain
// starts may find its connection closed, the keep-alive race every HTTP client knows (and
// retries an idempotent GET after).
void endIdleConnections(int port, const std::set<std::string> &answering)
{
    forEachServerConnection(port, [&](int fd, const tcp_info &, int64_t) {
        int pending = 0;
        if (::ioctl(fd, FIONREAD, &pending) != 0 || pending > 0)
            return;
        // httplib writes an answer only to a socket that still reads (is_socket_alive).
        if (answering.count(peerOf(fd)) > 0)
            return;
        ::shutdown(fd, SHUT_RD);
    });
}

// How a connection looks to makeRoom(): its reading side already ended (by the peer, or by an
// earlier makeRoom whose thread has not closed it yet), or idle for `idleMs` since `lastDataMs`
// (on the coarse clock), or neither.
struct ConnectionState
{
    bool ending = false;
    bool idle = false;
    uint32_t idleMs = 0;
    int64_t lastDataMs = 0;
};

// TCP_INFO tells how long ago data last went either way, as of the moment it is asked. On a busy
// machine a scan of a few hundred sockets takes 100 ms and more, so "how long ago" is not
// comparable between the first socket scanned and the last: the one idle the longest, scanned
// first, looked younger than those scanned after it and was never chosen. So the instant is
// compared: connections idle since the same tick get the same one, whenever each was asked.
ConnectionState stateOf(int fd, const tcp_info &info, int64_t askedAtMs)
{
    ConnectionState state;
    char byte = 0;
    const ssize_t peeked = ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (peeked == 0) {
        state.ending = true;
        return state;
    }
    if (peeked > 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
        return state; // a request is waiting, or the socket failed (its thread will see)
    state.idle = true;
    state.idleMs = std::min(info.tcpi_last_data_recv, info.tcpi_last_data_sent);
    state.lastDataMs = askedAtMs - state.idleMs;
    return state;
}

// A connection younger than this is never ended to make room: it may be the new one itself, whose
// first request is still on its way.
constexpr uint32_t kMinIdleMs = 50;

} // namespace

ConnectionThreads::ConnectionThreads(int cap, std::atomic<int> &open, int port)
    : m_cap(cap)
    , m_open(open)
    , m_port(port)
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
        bool ownThread;
        ConnectionThreads *queue;
    };
    joinFinished();
    const int before = m_open.fetch_add(1);
    const bool overCapacity = before >= m_cap && !makeRoom();
    auto *start = new Start { std::move(fn), overCapacity, true, this };
    auto body = [](void *arg) -> void * {
        ConnectionThreads *queue = nullptr;
        bool ownThread = false;
        {
            std::unique_ptr<Start> start(static_cast<Start *>(arg));
            queue = start->queue;
            ownThread = start->ownThread;
            t_overCapacity = start->overCapacity;
            t_queue = queue;
            start->fn();
            ConnectionThreads::answered(); // a connection that ended mid-answer
            t_queue = nullptr;
            std::string().swap(t_peer); // nothing of this thread's own left to free after the notify
        }
        // Notified under the lock: once it is released, shutdown() may join this thread and return.
        std::lock_guard lock(queue->m_mutex);
        if (ownThread)
            queue->m_finished.push_back(pthread_self());
        queue->m_open.fetch_sub(1);
        queue->m_allDone.notify_all();
        return nullptr;
    };
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, kStackBytes);
    pthread_t thread;
    if (pthread_create(&thread, &attributes, body, start) != 0) {
        // No thread to be had: serve it here rather than drop the socket unclosed.
        pthread_attr_destroy(&attributes);
        start->ownThread = false;
        body(start);
        return;
    }
    pthread_attr_destroy(&attributes);
}

// The threads are joined, not detached: one still unwinding when shutdown() returned could run
// while the process ends (an ASan run of the remote contract suite crashed at exit so).
void ConnectionThreads::joinFinished()
{
    std::vector<pthread_t> finished;
    {
        std::lock_guard lock(m_mutex);
        finished.swap(m_finished);
    }
    for (const pthread_t thread : finished)
        pthread_join(thread, nullptr);
}

bool ConnectionThreads::makeRoom()
{
    if (m_port <= 0)
        return false;
    std::set<std::string> answering;
    {
        std::lock_guard lock(m_mutex);
        answering = m_answering;
    }
    // The sockets themselves are counted, not the open count: a connection's thread counts until
    // it has ended, a moment after it closed its socket; on a busy machine that moment is long
    // enough for a burst of new clients to be refused by connections that are already gone.
    int open = 0;
    int ending = 0;
    // (instant of the last data, fd): the earliest first; of those idle since the same tick, the
    // lowest descriptor, most often the one accepted first.
    std::vector<std::pair<int64_t, int>> idle;
    forEachServerConnection(m_port, [&](int fd, const tcp_info &info, int64_t askedAtMs) {
        ++open;
        const ConnectionState state = stateOf(fd, info, askedAtMs);
        if (state.ending)
            ++ending;
        else if (state.idle && state.idleMs >= kMinIdleMs && (answering.empty() || answering.count(peerOf(fd)) == 0))
            idle.emplace_back(state.lastDataMs, fd);
    });
    const int missing = open - ending - m_cap; // the new socket is among them; those ending make room soon
    if (missing <= 0)
        return true;
    // A few more than missing, so that the next connections find room without a scan of their own.
    const int count = std::min(int(idle.size()), missing + std::max(1, m_cap / 16));
    std::partial_sort(idle.begin(), idle.begin() + count, idle.end());
    for (int i = 0; i < count; ++i)
        ::shutdown(idle[size_t(i)].second, SHUT_RD); // its thread wakes, reads the end and closes
    return count >= missing;
}

void ConnectionThreads::answering(const std::string &address, const std::string &port)
{
    if (!t_queue)
        return;
    answered();
    t_peer = address + ' ' + port;
    std::lock_guard lock(t_queue->m_mutex);
    t_queue->m_answering.insert(t_peer);
}

void ConnectionThreads::answered()
{
    if (!t_queue || t_peer.empty())
        return;
    std::lock_guard lock(t_queue->m_mutex);
    t_queue->m_answering.erase(t_peer);
    t_peer.clear();
}

void ConnectionThreads::shutdown()
{
    if (m_port > 0) {
        std::set<std::string> answering;
        {
            std::lock_guard lock(m_mutex);
            answering = m_answering;
        }
        endIdleConnections(m_port, answering);
    }
    {
        std::unique_lock lock(m_mutex);
        m_allDone.wait(lock, [this] { return m_open.load() == 0; });
    }
    joinFinished();
}

} // namespace dpm::serve
