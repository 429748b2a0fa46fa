// The remote store's transport (dpmremote over dpmserve on loopback): the bearer token and its
// 401 sentence, TLS with a CA made here with openssl (trusted with ca_file; otherwise an error
// naming the certificate), the transfer timeout, cancelling a request in flight, and a server
// without the console's /console/v1/ extensions (the service itself), where the reads the
// service offers work and the rest say why they cannot.

#include "clisupport.h"
#include "hookedstore.h"
#include "registerremotestore.h"
#include "remotestore.h"
#include "servetestsupport.h"

#include "domain/error.h"
#include "services/storeopening.h"
#include "store/runeventstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <thread>

using namespace dpm;
using namespace dpm::test;

namespace {

// The service without our extensions: forwards every request to a real server, except that
// /console/v1/… answers the service's 404 for a route it does not have.
class ServiceOnlyProxy
{
public:
    explicit ServiceOnlyProxy(int upstreamPort)
    {
        m_server.Get(".*", [upstreamPort](const httplib::Request &request, httplib::Response &response) {
            if (request.path.rfind("/console/v1/", 0) == 0) {
                response.status = 404;
                response.set_content(R"({"detail":"Not Found"})", "application/json");
                return;
            }
            httplib::Client client("127.0.0.1", upstreamPort);
            std::string target = request.path;
            if (!request.params.empty()) {
                target += '?';
                bool first = true;
                for (const auto &[name, value] : request.params) {
                    target += (first ? "" : "&") + httplib::detail::encode_query_param(name) + '='
                        + httplib::detail::encode_query_param(value);
                    first = false;
                }
            }
            if (auto answer = client.Get(target)) {
                response.status = answer->status;
                response.set_content(answer->body, "application/json");
            } else {
                response.status = 502;
            }
        });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
    }
    ~ServiceOnlyProxy()
    {
        m_server.stop();
        m_thread.join();
    }
    int port() const { return m_port; }

private:
    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
};

QString url(const char *scheme, int port, const QString &options = {})
{
    return QStringLiteral("%1://127.0.0.1:%2").arg(QLatin1String(scheme)).arg(port)
        + (options.isEmpty() ? QString() : QLatin1Char('?') + options);
}

// The error a call throws (or an empty one with code "<no error>").
template <typename F> Error errorOf(F call)
{
    try {
        call();
    } catch (const Error &error) {
        return error;
    }
    return Error(ErrorKind::Internal, QStringLiteral("<no error>"), QString());
}

} // namespace

class RemoteTransportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void token_missingOrWrong_isRemoteUnauthorized_theRightOneReads();
    void tls_testCaTrustedWithCaFile_otherwiseAnErrorNamingTheCertificate();
    void transferTimeout_slowServer_isRemoteTimeout();
    void interrupt_stopsTheRequestInFlight();
    void serviceWithoutExtensions_readsWhatTheApiOffers_theRestSaysWhy();
    void writes_areReadOnlyRemote();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_inner;
    std::unique_ptr<HookedStore> m_store;
    std::atomic<int> m_slowMs { 0 };
};

void RemoteTransportTest::initTestCase()
{
    registerRemoteStore();
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
        if (runId == QLatin1String("rr_slow"))
            std::this_thread::sleep_for(std::chrono::milliseconds(m_slowMs.load()));
    });
}

void RemoteTransportTest::cleanup()
{
    // Each test's servers are gone: drop this thread's kept connections with them.
    closeThisThreadsStoreConnections();
}

void RemoteTransportTest::token_missingOrWrong_isRemoteUnauthorized_theRightOneReads()
{
    serve::ServeOptions options = testServeOptions();
    options.tokens = { QStringLiteral("remote-token-1") };
    RunningServer server(*m_store, options);

    const Error missing = errorOf([&] { openStore(StoreLocation::parse(url("http", server.port()))); });
    QCOMPARE(missing.code(), QStringLiteral("REMOTE_UNAUTHORIZED"));
    QVERIFY2(missing.message().contains(QLatin1String("needs a bearer token")), qPrintable(missing.message()));

    const StoreLocation wrong = StoreLocation::parse(url("http", server.port())).withPassword(QStringLiteral("nope-7"));
    const Error refused = errorOf([&] { openStore(wrong); });
    QCOMPARE(refused.code(), QStringLiteral("REMOTE_UNAUTHORIZED"));
    QVERIFY2(refused.message().contains(QLatin1String("refused the token")), qPrintable(refused.message()));
    QVERIFY(!refused.message().contains(QLatin1String("nope-7")));
    QVERIFY(!wrong.redacted().contains(QLatin1String("nope-7")));
    QVERIFY(!wrong.withoutSecrets().contains(QLatin1String("nope-7")));

    QFile tokenFile(m_dir->filePath(QStringLiteral("token")));
    QVERIFY(tokenFile.open(QIODevice::WriteOnly));
    tokenFile.write("remote-token-1\n");
    tokenFile.close();
    try {
        const auto store = openStore(
            StoreLocation::parse(url("http", server.port(), QStringLiteral("token_file=") + tokenFile.fileName())));
        QCOMPARE(store->getRun(QStringLiteral("rr_00000001"))->correlationId, QStringLiteral("corr_run1"));
        QVERIFY(!store->describe().contains(QLatin1String("remote-token-1")));
    } catch (const Error &error) {
        QFAIL(qPrintable(error.toString()));
    }
}

void RemoteTransportTest::tls_testCaTrustedWithCaFile_otherwiseAnErrorNamingTheCertificate()
{
    const QByteArray failure = makeTestCertificates(m_dir->path());
    QVERIFY2(failure.isEmpty(), failure.constData());
    serve::ServeOptions options = testServeOptions();
    options.tlsCertificate = m_dir->filePath(QStringLiteral("server.pem"));
    options.tlsKey = m_dir->filePath(QStringLiteral("server.key"));
    RunningServer server(*m_store, options);

    try {
        const auto store = openStore(StoreLocation::parse(
            url("https", server.port(), QStringLiteral("ca_file=") + m_dir->filePath(QStringLiteral("ca.pem")))));
        QCOMPARE(store->listRuns({}, { 2, {} }).items.size(), 2);
    } catch (const Error &error) {
        QFAIL(qPrintable(error.toString()));
    }
    // Not trusted: never read anyway, and the sentence shows what the server offered.
    for (const QString &options :
        QStringList { QString(), QStringLiteral("ca_file=") + m_dir->filePath(QStringLiteral("other.pem")) }) {
        const Error untrusted = errorOf([&] { openStore(StoreLocation::parse(url("https", server.port(), options))); });
        QCOMPARE(untrusted.code(), QStringLiteral("REMOTE_TLS_ERROR"));
        for (const char *part : { "issuer \"dpm serve test CA\"", "subject \"127.0.0.1\"", "valid until",
                 "SHA-256 fingerprint", "ca_file" })
            QVERIFY2(untrusted.message().contains(QLatin1String(part)), qPrintable(untrusted.message()));
    }
}

void RemoteTransportTest::transferTimeout_slowServer_isRemoteTimeout()
{
    m_slowMs = 3000;
    RunningServer server(*m_store, testServeOptions());
    try {
        const auto store = openStore(StoreLocation::parse(url("http", server.port(), QStringLiteral("transfer_timeout=0.5"))));
        QElapsedTimer clock;
        clock.start();
        const Error timeout = errorOf([&] { store->getRun(QStringLiteral("rr_slow")); });
        QCOMPARE(timeout.code(), QStringLiteral("REMOTE_TIMEOUT"));
        QVERIFY2(timeout.message().contains(QLatin1String("sent nothing for 0.5 s")), qPrintable(timeout.message()));
        QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
    } catch (const Error &error) {
        QFAIL(qPrintable(error.toString()));
    }
    m_slowMs = 0;
}

void RemoteTransportTest::interrupt_stopsTheRequestInFlight()
{
    m_slowMs = 4000;
    RunningServer server(*m_store, testServeOptions());
    std::unique_ptr<SupportStore> store;
    try {
        store = openStore(StoreLocation::parse(url("http", server.port())));
    } catch (const Error &error) {
        QFAIL(qPrintable(error.toString()));
    }
    std::atomic<bool> started = false;
    StatementInterrupter interrupter;
    std::optional<Error> outcome;
    QElapsedTimer clock;
    clock.start();
    std::thread worker([&] {
        interrupter = store->interrupterForThisThread();
        started = true;
        outcome = errorOf([&] { store->getRun(QStringLiteral("rr_slow")); });
        interrupter.release();
        closeThisThreadsStoreConnections();
    });
    QTRY_VERIFY(started.load());
    QTest::qWait(300);
    interrupter.interrupt();
    worker.join();
    QVERIFY(outcome);
    QCOMPARE(outcome->code(), QStringLiteral("STORE_QUERY_CANCELLED"));
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    m_slowMs = 0;
}

void RemoteTransportTest::serviceWithoutExtensions_readsWhatTheApiOffers_theRestSaysWhy()
{
    // The service's default flags: workflow, lineage and idempotency history off.
    RunningServer server(*m_store, testServeOptions());
    ServiceOnlyProxy service(server.port());
    try {
        const auto opened = openStore(StoreLocation::parse(url("http", service.port())));
        auto &store = dynamic_cast<RemoteStore &>(*opened);
        QVERIFY(!store.hasExtensions());

        const auto run = store.getRun(QStringLiteral("rr_00000002"));
        QVERIFY(run);
        QCOMPARE(*run, *m_inner->getRun(QStringLiteral("rr_00000002")));
        QVERIFY(!store.getRun(QStringLiteral("rr_missing")));
        // Paged by the service's cursor, one page after another.
        const auto first = store.listRuns({}, { 3, {} });
        QCOMPARE(first.items.size(), 3);
        QVERIFY(first.nextCursor);
        const auto rest = store.listRuns({}, { 3, first.nextCursor });
        QCOMPARE(first.items + rest.items, m_inner->listRuns({}, { 10, {} }).items);
        QCOMPARE(store.listOperations({}, { 10, {} }).items.size(), 2);
        QCOMPARE(store.getSupportabilitySummary().runCount, m_inner->getSupportabilitySummary().runCount);
        // The bundle carries the decisions even with the workflow endpoints off.
        const SupportBundleRows bundle
            = store.loadSupportBundle({ SupportBundleEntry::Kind::RunId, QStringLiteral("rr_00000002") }, {});
        QVERIFY(bundle.entryFound);
        QCOMPARE(bundle.decisions.size(), 2);
        QCOMPARE(bundle.run->rebalanceRunId, QStringLiteral("rr_00000002"));

        const Error find = errorOf([&] { store.findIdentifier(QStringLiteral("corr_run1")); });
        QCOMPARE(find.code(), QStringLiteral("REMOTE_EXTENSION_MISSING"));
        QVERIFY2(find.message().startsWith(QLatin1String("Find anything needs the console's extensions")),
            qPrintable(find.message()));
        QCOMPARE(errorOf([&] { store.countRunsPerDay(QStringLiteral("2026-02-01"), QStringLiteral("2026-02-28")); })
                     .code(),
            QStringLiteral("REMOTE_EXTENSION_MISSING"));
        QVERIFY(!store.runEvents().isAvailable());
        const Error decisions = errorOf([&] { store.listWorkflowDecisionsFiltered({}, { 10, {} }); });
        QCOMPARE(decisions.code(), QStringLiteral("DPM_WORKFLOW_DISABLED"));
        QVERIFY2(decisions.message().contains(QLatin1String("switched off")), qPrintable(decisions.message()));
    } catch (const Error &error) {
        QFAIL(qPrintable(error.toString()));
    }
}

void RemoteTransportTest::writes_areReadOnlyRemote()
{
    RunningServer server(*m_store, testServeOptions());
    try {
        const auto store = openStore(StoreLocation::parse(url("http", server.port())));
        for (const Error &error : { errorOf([&] { store->saveRun({}); }),
                 errorOf([&] { store->purgeExpiredRuns(30, QStringLiteral("2026-03-01T00:00:00+00:00"), true); }),
                 errorOf([&] { store->proposals().createProposal({}); }),
                 errorOf([&] { store->runEvents().retryDeliveries({}, {}, true); }),
                 errorOf([&] { store->auditLog().requireAvailable(); }) }) {
            QVERIFY2(error.code() == QLatin1String("STORE_READ_ONLY_REMOTE")
                    || error.code() == QLatin1String("CONSOLE_AUDIT_LOG_MISSING"),
                qPrintable(error.toString()));
        }
        QCOMPARE(errorOf([&] { store->saveRun({}); }).code(), QStringLiteral("STORE_READ_ONLY_REMOTE"));
    } catch (const Error &error) {
        QFAIL(qPrintable(error.toString()));
    }
}

QTEST_GUILESS_MAIN(RemoteTransportTest)
#include "tst_remote_transport.moc"
