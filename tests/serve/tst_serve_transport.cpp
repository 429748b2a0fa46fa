// dpmctl serve's transport and safety: bearer tokens, TLS with a CA made here with openssl,
// request size limits, idle connections, the connection cap, store timeouts and failures, and the
// drain on stop. Behaviour of the server, not of a backend: one SQLite store.

#include "clisupport.h"
#include "hookedstore.h"
#include "servetestsupport.h"

#include "domain/error.h"
#include "services/storeopening.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <httplib.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

using namespace dpm;
using namespace dpm::test;

namespace {

// A raw client connection: connects, sends what it is given, reads the status line.
class RawConnection
{
public:
    // `lowestFd`: the client's descriptor is moved to this number or above (see
    // idleConnections_aThousand_doNotStopANewClientBeingServed). `receiveBuffer`: a small one
    // makes the server wait to write a large answer.
    explicit RawConnection(int port, int lowestFd = 0, int receiveBuffer = 0)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (lowestFd > 0 && m_fd >= 0) {
            const int moved = ::fcntl(m_fd, F_DUPFD_CLOEXEC, lowestFd);
            ::close(m_fd);
            m_fd = moved;
        }
        if (receiveBuffer > 0)
            setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(quint16(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
        timeval timeout { 10, 0 };
        setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    }
    ~RawConnection()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool isConnected() const { return m_fd >= 0; }
    // The server has ended the connection (nothing more to read).
    bool isEndedByServer() const
    {
        char byte = 0;
        return ::recv(m_fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
    }
    // Reads `bytes` of the answer, then goes away at once (a reset, as a killed client does).
    QByteArray receiveSomeAndAbort(qsizetype bytes)
    {
        QByteArray out;
        char buffer[4096];
        while (out.size() < bytes) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                break;
            out.append(buffer, n);
        }
        const linger reset { 1, 0 };
        setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
        ::close(m_fd);
        m_fd = -1;
        return out;
    }
    bool send(const QByteArray &bytes)
    {
        qsizetype sent = 0;
        while (sent < bytes.size()) {
            const ssize_t n = ::send(m_fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            sent += n;
        }
        return true;
    }
    // The whole answer up to the end of its headers and the body's first bytes.
    QByteArray receive()
    {
        QByteArray out;
        char buffer[4096];
        while (!out.contains("\r\n\r\n") || !out.contains("}")) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                break;
            out.append(buffer, n);
        }
        return out;
    }

private:
    int m_fd = -1;
};

HttpAnswer httpsGet(int port, const QString &caFile, const QString &target, const std::string &token = {})
{
    httplib::SSLClient client("127.0.0.1", port);
    client.set_connection_timeout(5);
    client.set_read_timeout(10);
    if (!caFile.isEmpty())
        client.set_ca_cert_path(caFile.toStdString().c_str());
    client.enable_server_certificate_verification(true);
    httplib::Headers headers;
    if (!token.empty())
        headers.emplace("Authorization", "Bearer " + token);
    HttpAnswer out;
    if (auto result = client.Get(target.toStdString().c_str(), headers)) {
        out.status = result->status;
        out.body = QByteArray::fromStdString(result->body);
    }
    return out;
}

} // namespace

class ServeTransportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void tokens_required_answer401WithBearerChallenge_probesStayOpen();
    void tls_servesWithTheTestCa_refusesAnUnknownCaAndPlainHttp();
    void tls_unreadableCertificate_refusesToStart();
    void limits_longTarget414_hugeHeader431_hugeBody413_serverStaysUp();
    void limits_chunkedBodyBeyondTheLimit413_serverStaysUp();
    void idleConnections_aThousand_doNotStopANewClientBeingServed();
    void connectionCap_idleConnectionsMakeRoom_busyOnesAnswer503ServerBusy();
    void clientGoneMidAnswer_serverKeepsServing();
    void storeTimeout_answers503_andTheServerStaysResponsive();
    void storeFailure_answers500ProblemJson_withoutTheError();
    void storeConnectionLost_answers503_andReadyFails();
    void stop_letsTheRequestInFlightFinish();
    void stop_endsIdleKeepAliveConnectionsAtOnce();
    void stop_withAnIdleClient_stillAnswersTheRequestInFlight();
    void keepAlive_answersAreNotHeldByNagleAndDelayedAck();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_inner;
    std::unique_ptr<HookedStore> m_store;
    std::atomic<int> m_slowMs { 0 };
    std::atomic<bool> m_slowEntered { false };
    std::atomic<int> m_slowInStore { 0 };
};

void ServeTransportTest::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    try {
        const QString path = m_dir->filePath(QStringLiteral("service.db"));
        createServiceSqlite(path);
        seedStore(StoreLocation::sqlite(path));
        m_inner = openStore(StoreLocation::sqlite(path));
    } catch (const Error &error) {
        QFAIL(qPrintable(error.toString()));
    }
    m_store = std::make_unique<HookedStore>(*m_inner, [this](const QString &runId) {
        if (runId == QLatin1String("rr_slow")) {
            m_slowEntered = true;
            ++m_slowInStore;
            std::this_thread::sleep_for(std::chrono::milliseconds(m_slowMs.load()));
            --m_slowInStore;
        }
        if (runId == QLatin1String("rr_broken")) {
            throw Error(ErrorKind::Storage, QStringLiteral("STORE_QUERY_FAILED"),
                QStringLiteral("The query failed near \"secret-detail\"; check the server log."));
        }
        if (runId == QLatin1String("rr_down") || runId == QLatin1String("rr_ready_probe")) {
            if (m_slowMs.load() < 0)
                throw Error(ErrorKind::Connection, QStringLiteral("STORE_CONNECTION_LOST"),
                    QStringLiteral("The connection to the database was lost; check the server."));
        }
    });
}

void ServeTransportTest::cleanupTestCase()
{
    m_store.reset();
    m_inner.reset();
}

void ServeTransportTest::tokens_required_answer401WithBearerChallenge_probesStayOpen()
{
    serve::ServeOptions options = testServeOptions();
    options.tokens = { QStringLiteral("token-one"), QStringLiteral("token-two-longer") };
    RunningServer server(*m_store, options);
    for (const std::multimap<std::string, std::string> &headers :
        { std::multimap<std::string, std::string> {}, { { "Authorization", "Bearer wrong" } },
            { { "Authorization", "Bearer token-one-and-more" } }, { { "Authorization", "token-one" } },
            { { "Authorization", "Basic dG9rZW4tb25lOg==" } } }) {
        const HttpAnswer answer = server.get(QStringLiteral("/api/v1/rebalance/runs/rr_00000001"), headers);
        QCOMPARE(answer.status, 401);
        QCOMPARE(answer.body, QByteArray(R"({"detail":"Not authenticated"})"));
        QCOMPARE(answer.header("WWW-Authenticate"), QByteArray("Bearer"));
    }
    // Before routing: an unknown path says nothing either.
    QCOMPARE(server.get(QStringLiteral("/nope")).status, 401);
    QCOMPARE(server.get(QStringLiteral("/metrics")).status, 401);
    QCOMPARE(server.get(QStringLiteral("/api/v1/rebalance/runs/rr_00000001"), { { "Authorization", "Bearer token-two-longer" } })
                 .status,
        200);
    QCOMPARE(server.get(QStringLiteral("/rebalance/runs/rr_00000001"), { { "Authorization", "bearer token-one" } }).status,
        200);
    // Load balancers probe without a token.
    QCOMPARE(server.get(QStringLiteral("/health/live")).status, 200);
    QCOMPARE(server.get(QStringLiteral("/health/ready")).status, 200);
    for (const QByteArray &line : server.logLines())
        QVERIFY2(!line.contains("token-one") && !line.contains("token-two"), line.constData());
}

void ServeTransportTest::tls_servesWithTheTestCa_refusesAnUnknownCaAndPlainHttp()
{
    const QByteArray failure = makeTestCertificates(m_dir->path());
    QVERIFY2(failure.isEmpty(), failure.constData());

    serve::ServeOptions options = testServeOptions();
    options.tlsCertificate = m_dir->filePath(QStringLiteral("server.pem"));
    options.tlsKey = m_dir->filePath(QStringLiteral("server.key"));
    options.tokens = { QStringLiteral("tls-token") };
    RunningServer server(*m_store, options);

    const HttpAnswer ok = httpsGet(server.port(), m_dir->filePath(QStringLiteral("ca.pem")),
        QStringLiteral("/api/v1/rebalance/runs/rr_00000001"), "tls-token");
    QVERIFY2(ok.status == 200, qPrintable(ok.describe()));
    QCOMPARE(QJsonDocument::fromJson(ok.body).object().value(QStringLiteral("rebalance_run_id")).toString(),
        QStringLiteral("rr_00000001"));
    QCOMPARE(httpsGet(server.port(), m_dir->filePath(QStringLiteral("ca.pem")), QStringLiteral("/api/v1/rebalance/runs"))
                 .status,
        401);
    // A client that trusts another CA does not get through the handshake.
    QCOMPARE(httpsGet(server.port(), m_dir->filePath(QStringLiteral("other.pem")), QStringLiteral("/health")).status, 0);
    // Plain HTTP to the TLS port gets no HTTP answer.
    QCOMPARE(server.get(QStringLiteral("/health")).status, 0);
    // The server is still there for a good client.
    QCOMPARE(httpsGet(server.port(), m_dir->filePath(QStringLiteral("ca.pem")), QStringLiteral("/health")).status, 200);
}

void ServeTransportTest::tls_unreadableCertificate_refusesToStart()
{
    serve::ServeOptions options = testServeOptions();
    options.tlsCertificate = m_dir->filePath(QStringLiteral("missing.pem"));
    options.tlsKey = m_dir->filePath(QStringLiteral("missing.key"));
    try {
        serve::ApiServer server(*m_store, options);
        QFAIL("a server without a usable certificate was made");
    } catch (const Error &error) {
        QCOMPARE(error.code(), QStringLiteral("SERVE_TLS_INVALID"));
    }
    options.tlsKey.clear();
    try {
        serve::ApiServer server(*m_store, options);
        QFAIL("a certificate without a key was accepted");
    } catch (const Error &error) {
        QCOMPARE(error.code(), QStringLiteral("SERVE_TLS_INVALID"));
    }
}

void ServeTransportTest::limits_longTarget414_hugeHeader431_hugeBody413_serverStaysUp()
{
    RunningServer server(*m_store, testServeOptions());
    const QByteArray tenMegabytes(10 * 1024 * 1024, 'x');

    HttpAnswer answer = server.get(QStringLiteral("/rebalance/runs/") + QString(9000, QLatin1Char('r')));
    QCOMPARE(answer.status, 414);
    QCOMPARE(answer.body, QByteArray(R"({"detail":"Request-URI Too Long"})"));
    QCOMPARE(server.get(QStringLiteral("/health")).status, 200);

    // One header line of 10 MB, sent as raw bytes: httplib's client formats such a header with
    // repeated snprintf calls that take seconds on a loaded machine, longer than this server's
    // 2 s wait for a request's first byte, which then closed the connection before anything came.
    {
        RawConnection huge(server.port());
        QVERIFY(huge.isConnected());
        QVERIFY(huge.send("GET /health HTTP/1.1\r\nHost: x\r\nX-Huge: " + tenMegabytes + "\r\n\r\n"));
        const QByteArray hugeAnswer = huge.receive();
        QVERIFY2(hugeAnswer.startsWith("HTTP/1.1 431 "), hugeAnswer.left(200).constData());
        QVERIFY(hugeAnswer.endsWith(R"({"detail":"Request Header Fields Too Large"})"));
    }
    QCOMPARE(server.get(QStringLiteral("/health")).status, 200);

    // Many small headers beyond the total.
    std::multimap<std::string, std::string> many;
    for (int i = 0; i < 40; ++i)
        many.emplace("X-Filler-" + std::to_string(i), std::string(1000, 'y'));
    QCOMPARE(server.get(QStringLiteral("/health"), many).status, 431);

    // A 10 MB body: POST (httplib reads and drops it) and a GET that announces one.
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(30);
    client.set_write_timeout(30);
    const auto posted = client.Post("/api/v1/rebalance/runs", tenMegabytes.toStdString(), "application/json");
    QVERIFY(posted);
    QCOMPARE(posted->status, 413);
    RawConnection raw(server.port());
    QVERIFY(raw.isConnected());
    QVERIFY(raw.send("GET /rebalance/runs HTTP/1.1\r\nHost: x\r\nContent-Length: 10485760\r\n\r\n"));
    const QByteArray rawAnswer = raw.receive();
    QVERIFY2(rawAnswer.startsWith("HTTP/1.1 413 "), rawAnswer.constData());
    QVERIFY(rawAnswer.contains("Connection: close"));

    QCOMPARE(server.get(QStringLiteral("/api/v1/rebalance/runs/rr_00000001")).status, 200);
}

// httplib 0.11 limits a body by its Content-Length only; a chunked one it read whole into memory.
void ServeTransportTest::limits_chunkedBodyBeyondTheLimit413_serverStaysUp()
{
    RunningServer server(*m_store, testServeOptions());
    const QByteArray chunk = QByteArray::number(1024 * 1024, 16) + "\r\n" + QByteArray(1024 * 1024, 'z') + "\r\n";
    {
        RawConnection raw(server.port());
        QVERIFY(raw.isConnected());
        QVERIFY(raw.send("POST /api/v1/rebalance/runs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"));
        for (int i = 0; i < 10; ++i) // 10 MB in 1 MB chunks
            QVERIFY(raw.send(chunk));
        QVERIFY(raw.send("0\r\n\r\n"));
        const QByteArray answer = raw.receive();
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.left(200).constData());
        QVERIFY(answer.contains("Connection: close"));
        QVERIFY(answer.endsWith(R"({"detail":"Request Entity Too Large"})"));
    }
    // A GET's body httplib leaves unread: a chunked one, of no known length, is refused at once.
    {
        RawConnection raw(server.port());
        QVERIFY(raw.send("GET /api/v1/rebalance/runs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"));
        const QByteArray answer = raw.receive();
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.left(200).constData());
        QVERIFY(answer.contains("Connection: close"));
    }
    // A small chunked body is read and dropped: the method is simply not allowed.
    RawConnection small(server.port());
    QVERIFY(small.send("POST /api/v1/rebalance/runs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                       "3\r\nabc\r\n0\r\n\r\n"));
    QVERIFY2(small.receive().startsWith("HTTP/1.1 405 "), "a small chunked body");
    QCOMPARE(server.get(QStringLiteral("/api/v1/rebalance/runs/rr_00000001")).status, 200);
}

void ServeTransportTest::idleConnections_aThousand_doNotStopANewClientBeingServed()
{
    constexpr int kIdle = 1000;
    // The idle clients' descriptors go above the server's: in production they are other
    // processes; here, sharing one table, they would push the server's own sockets beyond
    // select()'s 1,024, where httplib serves nothing. So the limit is raised as far as that needs.
    constexpr int kClientFds = 2048;
    rlimit files {};
    QVERIFY(::getrlimit(RLIMIT_NOFILE, &files) == 0);
    if (files.rlim_cur < rlim_t(kClientFds + kIdle + 256)) {
        files.rlim_cur = std::min(files.rlim_max, rlim_t(kClientFds + kIdle + 256));
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &files) == 0);
    }
    QVERIFY2(files.rlim_cur >= rlim_t(kClientFds + kIdle + 256),
        qPrintable(QStringLiteral("the descriptor limit (hard %1) is too low for %2 clients").arg(files.rlim_max).arg(kIdle)));

    serve::ServeOptions options = testServeOptions(); // the default cap of 512
    options.keepAliveTimeoutSec = 30; // none ends by itself during the test
    options.readTimeoutSec = 30;
    RunningServer server(*m_store, options);
    std::vector<std::unique_ptr<RawConnection>> idle;
    // Accepted at once (a burst is not held back by a small listen backlog).
    const auto connecting = std::chrono::steady_clock::now();
    for (int i = 0; i < kIdle; ++i) {
        idle.push_back(std::make_unique<RawConnection>(server.port(), kClientFds));
        QVERIFY(idle.back()->isConnected());
    }
    QVERIFY(std::chrono::steady_clock::now() - connecting < std::chrono::seconds(10));
    // Some half-sent requests (slow clients) too.
    for (int i = kIdle - 20; i < kIdle; ++i)
        QVERIFY(idle[size_t(i)]->send("GET /health HTTP/1.1\r\nHost: x\r\n"));
    const auto started = std::chrono::steady_clock::now();
    const HttpAnswer answer = server.get(QStringLiteral("/api/v1/rebalance/runs/rr_00000002"));
    const auto waited = std::chrono::steady_clock::now() - started;
    QVERIFY2(answer.status == 200, qPrintable(answer.describe()));
    QVERIFY2(waited < std::chrono::seconds(3),
        qPrintable(QStringLiteral("waited %1 ms").arg(std::chrono::duration_cast<std::chrono::milliseconds>(waited).count())));
    // The room was made by ending the connections idle the longest: at least 489 had to end, so
    // the first 100 connected all have. (On a busy machine the server's scan of its sockets is
    // slow, and idle times read at its start and at its end once ranked younger ones first.)
    // Ending one wakes its thread, which then closes it: the client sees the end a moment later,
    // later still on a busy machine.
    constexpr int kOldest = 100;
    const auto endedOfTheOldest = [&] {
        return std::count_if(idle.begin(), idle.begin() + kOldest, [](const auto &raw) { return raw->isEndedByServer(); });
    };
    QTRY_VERIFY2_WITH_TIMEOUT(endedOfTheOldest() == kOldest,
        qPrintable(QStringLiteral("%1 of the %2 oldest ended; the first: %3")
                       .arg(endedOfTheOldest())
                       .arg(kOldest)
                       .arg(idle.front()->isEndedByServer() ? "ended" : "open")),
        10000);
}

void ServeTransportTest::connectionCap_idleConnectionsMakeRoom_busyOnesAnswer503ServerBusy()
{
    serve::ServeOptions options = testServeOptions();
    options.maxConnections = 3;
    options.keepAliveTimeoutSec = 30;
    RunningServer server(*m_store, options);

    // Three idle connections: a new client is served, and idle connections end to make room.
    auto idle = std::vector<std::unique_ptr<RawConnection>>();
    for (int i = 0; i < 3; ++i)
        idle.push_back(std::make_unique<RawConnection>(server.port()));
    // (A connection younger than 50 ms is never ended: it may be a new one whose request is on its way.)
    QTRY_COMPARE(server.get(QStringLiteral("/health")).status, 200);
    QTRY_VERIFY(std::any_of(idle.begin(), idle.end(), [](const auto &raw) { return raw->isEndedByServer(); }));
    idle.clear();

    // Three connections whose requests are being answered: there is no room, the next is refused.
    m_slowMs = 1500;
    m_slowInStore = 0;
    std::vector<std::jthread> clients; // joined also when a check fails (no std::terminate)
    std::atomic<int> answered { 0 };
    for (int i = 0; i < 3; ++i) {
        clients.emplace_back([&] {
            if (server.get(QStringLiteral("/rebalance/runs/rr_slow")).status == 404)
                ++answered;
        });
    }
    QTRY_COMPARE(m_slowInStore.load(), 3);
    const HttpAnswer busy = server.get(QStringLiteral("/health"));
    QCOMPARE(busy.status, 503);
    QCOMPARE(busy.body, QByteArray(R"({"detail":"SERVER_BUSY"})"));
    QCOMPARE(busy.header("Connection"), QByteArray("close"));
    for (std::jthread &client : clients)
        client.join();
    m_slowMs = 0;
    QCOMPARE(answered.load(), 3);
    QTRY_COMPARE(server.get(QStringLiteral("/health")).status, 200);
}

// A client that goes away while a large answer is written: the connection's thread ends, the
// server keeps serving, and its count of open connections comes back down (ASan: no leak).
void ServeTransportTest::clientGoneMidAnswer_serverKeepsServing()
{
    RebalanceRun huge = *m_inner->getRun(QStringLiteral("rr_00000001"));
    huge.rebalanceRunId = QStringLiteral("rr_huge");
    huge.correlationId = QStringLiteral("corr_huge");
    huge.idempotencyKey = std::nullopt;
    // 4 MB of answer, far more than the client's small receive buffer and the server's send buffer.
    huge.resultJson = QStringLiteral("{\"padding\":\"%1\",\"status\":\"READY\"}").arg(QString(4 * 1024 * 1024, QLatin1Char('p')));
    m_inner->saveRun(huge);

    RunningServer server(*m_store, testServeOptions());
    for (int i = 0; i < 3; ++i) {
        RawConnection raw(server.port(), 0, 8 * 1024);
        QVERIFY(raw.send("GET /rebalance/runs/rr_huge HTTP/1.1\r\nHost: x\r\n\r\n"));
        const QByteArray start = raw.receiveSomeAndAbort(64 * 1024);
        QVERIFY2(start.startsWith("HTTP/1.1 200 "), start.left(200).constData());
    }
    QCOMPARE(server.get(QStringLiteral("/api/v1/rebalance/runs/rr_00000001")).status, 200);
    // Only the connection asking stays open. One kept-alive connection asks every time: a new
    // one per poll would leave the previous poll's connection closing while the next is counted.
    httplib::Client metrics("127.0.0.1", server.port());
    metrics.set_keep_alive(true);
    const auto openConnections = [&metrics] {
        const auto answer = metrics.Get("/metrics");
        return answer ? QByteArray::fromStdString(answer->body) : QByteArray();
    };
    QTRY_VERIFY(openConnections().contains("\ndpm_http_connections_open 1\n"));
}

void ServeTransportTest::storeTimeout_answers503_andTheServerStaysResponsive()
{
    serve::ServeOptions options = testServeOptions();
    options.storeTimeoutMs = 200;
    RunningServer server(*m_store, options);
    m_slowMs = 1500;
    const auto started = std::chrono::steady_clock::now();
    const HttpAnswer answer = server.get(QStringLiteral("/api/v1/rebalance/runs/rr_slow"));
    QCOMPARE(answer.status, 503);
    QCOMPARE(answer.body, QByteArray(R"({"detail":"STORE_TIMEOUT"})"));
    QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(1200));
    QCOMPARE(server.get(QStringLiteral("/api/v1/rebalance/runs/rr_00000001")).status, 200);
    m_slowMs = 0;
}

void ServeTransportTest::storeFailure_answers500ProblemJson_withoutTheError()
{
    RunningServer server(*m_store, testServeOptions());
    const HttpAnswer answer = server.get(QStringLiteral("/api/v1/rebalance/runs/rr_broken?"),
        { { "X-Correlation-Id", "corr_problem" } });
    QCOMPARE(answer.status, 500);
    QCOMPARE(answer.header("Content-Type"), QByteArray("application/problem+json"));
    QCOMPARE(answer.body, QByteArray(R"({"type":"about:blank","title":"Internal Server Error","status":500,)"
                                     R"("detail":"An unexpected error occurred.","instance":"/api/v1/rebalance/runs/rr_broken",)"
                                     R"("correlation_id":"corr_problem"})"));
    bool logged = false;
    for (const QByteArray &line : server.logLines()) {
        QVERIFY2(!line.contains("secret-detail"), line.constData());
        logged = logged || (line.contains("error=STORE_QUERY_FAILED") && line.contains("correlation_id=corr_problem"));
    }
    QVERIFY(logged);
}

void ServeTransportTest::storeConnectionLost_answers503_andReadyFails()
{
    RunningServer server(*m_store, testServeOptions());
    m_slowMs = -1;
    HttpAnswer answer = server.get(QStringLiteral("/rebalance/runs/rr_down"));
    QCOMPARE(answer.status, 503);
    QCOMPARE(answer.body, QByteArray(R"({"detail":"DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED"})"));
    answer = server.get(QStringLiteral("/health/ready"));
    QCOMPARE(answer.status, 503);
    QCOMPARE(answer.body, QByteArray(R"({"detail":"DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED"})"));
    QCOMPARE(server.get(QStringLiteral("/health/live")).status, 200);
    m_slowMs = 0;
    QCOMPARE(server.get(QStringLiteral("/health/ready")).status, 200);
}

void ServeTransportTest::stop_letsTheRequestInFlightFinish()
{
    auto server = std::make_unique<RunningServer>(*m_store, testServeOptions());
    m_slowMs = 700;
    HttpAnswer answer;
    std::thread client([&] { answer = server->get(QStringLiteral("/rebalance/runs/rr_slow")); });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    server.reset(); // stop(): no new connections; this one is answered first
    client.join();
    m_slowMs = 0;
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.body, QByteArray(R"({"detail":"DPM_RUN_NOT_FOUND"})"));
}

// httplib 0.11 alone ends an idle keep-alive connection only at its keep-alive timeout, so a
// SIGTERM drain waited that long for every idle client.
void ServeTransportTest::stop_endsIdleKeepAliveConnectionsAtOnce()
{
    serve::ServeOptions options = testServeOptions();
    options.keepAliveTimeoutSec = 30;
    auto server = std::make_unique<RunningServer>(*m_store, options);
    std::vector<std::unique_ptr<httplib::Client>> idle;
    for (int i = 0; i < 3; ++i) {
        idle.push_back(std::make_unique<httplib::Client>("127.0.0.1", server->port()));
        idle.back()->set_keep_alive(true);
        const auto result = idle.back()->Get("/health");
        QVERIFY(result);
        QCOMPARE(result->status, 200);
    }
    const auto stopping = std::chrono::steady_clock::now();
    server.reset();
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - stopping);
    QVERIFY2(took.count() < 500, qPrintable(QStringLiteral("stop took %1 ms").arg(took.count())));
}

void ServeTransportTest::stop_withAnIdleClient_stillAnswersTheRequestInFlight()
{
    serve::ServeOptions options = testServeOptions();
    options.keepAliveTimeoutSec = 30;
    auto server = std::make_unique<RunningServer>(*m_store, options);
    httplib::Client idle("127.0.0.1", server->port());
    idle.set_keep_alive(true);
    QVERIFY(idle.Get("/health"));
    m_slowMs = 700;
    m_slowEntered = false;
    HttpAnswer answer;
    std::thread client([&] { answer = server->get(QStringLiteral("/rebalance/runs/rr_slow")); });
    QTRY_VERIFY(m_slowEntered.load());
    const auto stopping = std::chrono::steady_clock::now();
    server.reset(); // the request in flight is answered, the idle connection ends at once
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - stopping);
    client.join();
    m_slowMs = 0;
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.body, QByteArray(R"({"detail":"DPM_RUN_NOT_FOUND"})"));
    QVERIFY2(took.count() < 700 + 500, qPrintable(QStringLiteral("stop took %1 ms").arg(took.count())));
}

void ServeTransportTest::keepAlive_answersAreNotHeldByNagleAndDelayedAck()
{
    // httplib writes an answer's headers and body separately; with Nagle on, the body waits for
    // the client's delayed ACK (40 ms on Linux) on every keep-alive request: 20 requests took
    // over 800 ms. With TCP_NODELAY they take a few ms each, even on a busy machine.
    RunningServer server(*m_store, testServeOptions());
    httplib::Client client("127.0.0.1", server.port());
    client.set_keep_alive(true);
    QVERIFY(client.Get("/rebalance/runs/rr_00000001")); // connect once
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < 20; ++i) {
        const auto result = client.Get("/rebalance/runs/rr_00000001");
        QVERIFY(result);
        QCOMPARE(result->status, 200);
    }
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    QVERIFY2(elapsed.count() < 500, qPrintable(QStringLiteral("20 keep-alive requests took %1 ms").arg(elapsed.count())));
}

QTEST_GUILESS_MAIN(ServeTransportTest)
#include "tst_serve_transport.moc"
