#pragma once

#include "apiendpoints.h"
#include "apimetrics.h"
#include "store/meteredstore.h"
#include "store/querymetrics.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace dpm {
class SupportStore;
}

namespace dpm::serve {

// How `dpmctl serve` listens and what it allows. The defaults are the safe ones.
struct ServeOptions
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 8080; // 0: any free port (tests)
    QStringList tokens; // bearer tokens; empty: no authentication (loopback only)
    QString tlsCertificate; // PEM files; both or neither
    QString tlsKey;
    bool compatRfc0023 = false; // also accept from/to/status and ignore unknown parameters
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment(); // flags and settings

    int storeTimeoutMs = 10000; // per request's store work: 503 STORE_TIMEOUT beyond
    int storeThreads = 8; // store workers, one database connection each
    int maxConnections = 512; // open connections; above, 503 SERVER_BUSY
    int keepAliveTimeoutSec = 5; // an idle keep-alive connection is closed after this
    int readTimeoutSec = 5; // a client that stops sending mid-request
    qsizetype maxHeaderBytes = 16 * 1024; // all request headers together: 431 beyond
    qsizetype maxBodyBytes = 64 * 1024; // request body: 413 beyond (the read API takes none)
    // The deployment promises a store nobody changes through this server's database connection
    // (a hot standby): the server refuses to start on any other, and store-status says so.
    bool readOnlyReplica = false;

    // One logfmt line per request. Default: stderr.
    std::function<void(const QByteArray &line)> log;
};

// Is this address one that only this machine can reach (127.0.0.0/8, ::1, localhost)?
bool isLoopbackAddress(const QString &host);

// Serves http-api.md §2, §3 and §6 from one store with cpp-httplib: both prefixes, the service's
// bytes, error precedence, flags, health and metrics; bearer tokens, TLS, request limits, a
// connection cap, per-request store timeouts and one log line per request.
class ApiServer
{
public:
    // The store must outlive the server; it is used from the store workers only (but for the
    // check of readOnlyReplica, here). Throws SERVE_TLS_INVALID, SERVE_STORE_NOT_READ_ONLY.
    ApiServer(SupportStore &store, ServeOptions options);
    ~ApiServer();

    ApiServer(const ApiServer &) = delete;
    ApiServer &operator=(const ApiServer &) = delete;

    // Binds the address; throws dpm::Error SERVE_BIND_FAILED / SERVE_TLS_INVALID. Returns the port.
    int bind();
    // Serves until stop(); returns when every connection has ended. Call after bind().
    void run();
    // Stops accepting, lets requests in flight finish; safe from any thread or a signal watcher.
    void stop();

    int port() const { return m_port; }
    bool isTls() const;

private:
    struct Answer;
    // What became of a request's body: the read API takes none, so one is only read to be dropped.
    enum class RequestBody { Acceptable, TooLarge, Unreadable };
    void dispatch(const httplib::Request &request, httplib::Response &response, RequestBody body);
    Answer answer(const httplib::Request &request, const QString &correlationId, QString *route, RequestBody body);
    Answer answerEndpoint(const Endpoint &endpoint, const QStringList &pathValues, const httplib::Request &request,
        const QString &correlationId);
    Answer answerHealth(const QString &path);
    // Runs the store work on a store worker; beyond timeoutMs its statement is interrupted and
    // the answer is 503 STORE_TIMEOUT. Maps the work's dpm::Error to the service's statuses.
    Answer runOnStore(const QString &route, const QString &path, const QString &correlationId,
        std::function<QByteArray(SupportStore &)> work, int timeoutMs,
        const QString &storeCodePrefix = QStringLiteral("DPM_SUPPORTABILITY"), bool invalidInputAnswers422 = false);
    // 503 when the store lacks the tables the endpoint reads (an older service database), else
    // nullopt; checked before anything else, as a store that cannot start is (http-api.md §2).
    std::optional<Answer> answerMissingTables(const Endpoint &endpoint, const QString &path, const QString &correlationId);
    bool authorised(const httplib::Request &request) const;
    void writeLog(const QByteArray &line) const;

    // This server's store calls, timed per query kind for /metrics.
    QueryMetrics m_queryMetrics;
    MeteredStore m_store;
    ServeOptions m_options;
    EndpointSettings m_settings;
    std::unique_ptr<httplib::Server> m_server;
    QThreadPool m_storePool;
    std::atomic<int> m_storeActive { 0 };
    std::atomic<int> m_openConnections { 0 };
    std::atomic<bool> m_proposalsAvailable { false };
    std::atomic<bool> m_runEventsAvailable { false };
    ApiMetrics m_metrics;
    QList<QByteArray> m_tokenDigests;
    int m_port = 0;
    int m_listenSocket = -1;
};

} // namespace dpm::serve
