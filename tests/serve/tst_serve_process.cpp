// The real `dpmctl serve` end to end: on a PostgreSQL store named with a password in its URL, it
// serves the golden bytes, never shows the password (answers, log lines, /metrics), and stops
// cleanly on SIGTERM; it refuses unsafe listening addresses unless told --insecure.

#include "clisupport.h"
#include "servetestsupport.h"

#include "domain/error.h"
#include "pgserver.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <httplib.h>

#include <signal.h>

using namespace dpm;
using namespace dpm::test;

namespace {

const QByteArray kPassword = "Pw-serve-9f3k2";

// A started `dpmctl serve`, its port read from its "listening" line.
struct ServeProcess
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    int port = 0;
    QByteArray stderrText;

    bool start(const QStringList &arguments, const QProcessEnvironment &environment)
    {
        process->setProcessEnvironment(environment);
        process->start(QStringLiteral(DPMCTL_PATH), arguments);
        if (!process->waitForStarted(10000))
            return false;
        static const QRegularExpression listening(QStringLiteral("msg=listening address=https?://[^ ]+:(\\d+) "));
        for (int i = 0; i < 300 && port == 0; ++i) {
            process->waitForReadyRead(100);
            stderrText += process->readAllStandardError();
            const auto match = listening.match(QString::fromUtf8(stderrText));
            if (match.hasMatch())
                port = match.captured(1).toInt();
            if (process->state() == QProcess::NotRunning)
                break;
        }
        return port > 0;
    }

    HttpAnswer get(const QString &target) const
    {
        httplib::Client client("127.0.0.1", port);
        client.set_url_encode(false);
        HttpAnswer out;
        if (auto result = client.Get(target.toStdString().c_str())) {
            out.status = result->status;
            out.body = QByteArray::fromStdString(result->body);
        }
        return out;
    }

    // SIGTERM, then the exit code (-1 when it did not stop).
    int terminate()
    {
        ::kill(pid_t(process->processId()), SIGTERM);
        if (!process->waitForFinished(20000))
            return -1;
        stderrText += process->readAllStandardError();
        return process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    }

    ~ServeProcess()
    {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
};

} // namespace

class ServeProcessTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void serve_postgresWithPassword_answersGoldenBytes_neverShowsThePassword_stopsOnSigterm();
    void serve_nonLoopbackWithoutTlsAndTokens_refusesToStart();
    void serve_insecure_warnsAndServes();
    void serve_badOptions_areRefused();

private:
    QTemporaryDir m_dir;
    QString m_sqlitePath;
};

void ServeProcessTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_sqlitePath = m_dir.filePath(QStringLiteral("service.db"));
    createServiceSqlite(m_sqlitePath);
    seedStore(StoreLocation::sqlite(m_sqlitePath));
}

void ServeProcessTest::serve_postgresWithPassword_answersGoldenBytes_neverShowsThePassword_stopsOnSigterm()
{
    DPM_REQUIRE_POSTGRES();
    StoreLocation location;
    try {
        location = createServicePostgres(QStringLiteral("serve_process"));
        seedStore(location);
    } catch (const Error &error) {
        QFAIL(qPrintable(error.toString()));
    }
    // The test server trusts every local connection, so any password opens it: the point is
    // where the password goes.
    const QString url = QStringLiteral("postgresql://postgres:%1@127.0.0.1:%2/%3")
                            .arg(QString::fromLatin1(kPassword))
                            .arg(PgServer::instance().port())
                            .arg(location.libpqParameter(QStringLiteral("dbname")));
    QProcessEnvironment environment = sandboxEnvironment(m_dir.path());
    environment.insert(QStringLiteral("DPM_WORKFLOW_ENABLED"), QStringLiteral("1"));
    ServeProcess serve;
    QVERIFY2(serve.start({ QStringLiteral("--store"), url, QStringLiteral("serve"), QStringLiteral("--listen"),
                             QStringLiteral("127.0.0.1:0") },
                 environment),
        serve.stderrText.constData());

    QByteArray everything;
    for (const auto &[target, goldenName] : QList<std::pair<QString, QString>> {
             { QStringLiteral("/api/v1/rebalance/runs/rr_00000001"), QStringLiteral("run_rr_00000001") },
             { QStringLiteral("/rebalance/runs/rr_00000002/workflow/history"),
                 QStringLiteral("workflow_history_rr_00000002") },
             { QStringLiteral("/api/v1/rebalance/operations/by-correlation/corr_op2"),
                 QStringLiteral("operation_failed") } }) {
        const HttpAnswer answer = serve.get(target);
        QVERIFY2(answer.status == 200, qPrintable(target + QLatin1String(": ") + answer.describe()));
        QCOMPARE(answer.body, golden(goldenName, {}));
        everything += answer.body;
    }
    const HttpAnswer summary = serve.get(QStringLiteral("/rebalance/supportability/summary"));
    QCOMPARE(summary.status, 200);
    QVERIFY(summary.body.startsWith(R"({"store_backend":"POSTGRES",)"));
    everything += summary.body + serve.get(QStringLiteral("/health/ready")).body
        + serve.get(QStringLiteral("/rebalance/runs/rr_nobody")).body + serve.get(QStringLiteral("/metrics")).body;

    QCOMPARE(serve.terminate(), 0);
    QVERIFY2(serve.stderrText.contains("msg=stopped"), serve.stderrText.constData());
    QVERIFY2(serve.stderrText.contains("status=404"), serve.stderrText.constData());
    everything += serve.stderrText + serve.process->readAllStandardOutput();
    QVERIFY2(!everything.contains(kPassword), everything.constData());
    QVERIFY2(serve.stderrText.contains("store=\"postgresql://postgres:***@127.0.0.1"), serve.stderrText.constData());
}

void ServeProcessTest::serve_nonLoopbackWithoutTlsAndTokens_refusesToStart()
{
    const QProcessEnvironment environment = sandboxEnvironment(m_dir.path());
    QFile tokens(m_dir.filePath(QStringLiteral("tokens")));
    QVERIFY(tokens.open(QIODevice::WriteOnly));
    tokens.write("# one token per line\nsecret-token-1\n");
    tokens.close();
    for (const QStringList &extra : { QStringList {}, QStringList { "--token-file", tokens.fileName() } }) {
        const CliResult result = runDpmctl(QStringList { "--json", "--store", m_sqlitePath, "serve", "--listen",
                                               "0.0.0.0:0" }
                + extra,
            environment);
        CLI_FAILS(result, 6, "SERVE_INSECURE_LISTEN");
    }
}

void ServeProcessTest::serve_insecure_warnsAndServes()
{
    ServeProcess serve;
    QVERIFY2(serve.start({ QStringLiteral("--store"), m_sqlitePath, QStringLiteral("serve"), QStringLiteral("--listen"),
                             QStringLiteral("0.0.0.0:0"), QStringLiteral("--insecure") },
                 sandboxEnvironment(m_dir.path())),
        serve.stderrText.constData());
    QVERIFY2(serve.stderrText.contains("WARNING: serving on 0.0.0.0 without TLS or tokens"), serve.stderrText.constData());
    QCOMPARE(serve.get(QStringLiteral("/api/v1/rebalance/runs/rr_00000001")).body, golden(QStringLiteral("run_rr_00000001"), {}));
    QCOMPARE(serve.terminate(), 0);
}

void ServeProcessTest::serve_badOptions_areRefused()
{
    const QProcessEnvironment environment = sandboxEnvironment(m_dir.path());
    QFile empty(m_dir.filePath(QStringLiteral("empty-tokens")));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.write("\n# nothing\n");
    empty.close();
    CLI_FAILS(runDpmctl({ "--json", "--store", m_sqlitePath, "serve", "--token-file", empty.fileName() }, environment), 6,
        "SERVE_TOKEN_FILE_EMPTY");
    CLI_FAILS(runDpmctl({ "--json", "--store", m_sqlitePath, "serve", "--token-file", m_dir.filePath("missing") },
                  environment),
        6, "SERVE_TOKEN_FILE_UNREADABLE");
    CLI_FAILS(runDpmctl({ "--json", "--store", m_sqlitePath, "serve", "--listen", "nowhere" }, environment), 5,
        "SERVE_OPTIONS_INVALID");
    CLI_FAILS(runDpmctl({ "--json", "--store", m_sqlitePath, "serve", "--compat", "rfc9999" }, environment), 5,
        "SERVE_OPTIONS_INVALID");
    CLI_FAILS(runDpmctl({ "--json", "--store", m_sqlitePath, "serve", "--tls-cert", m_dir.filePath("missing.pem") },
                  environment),
        6, "SERVE_TLS_INVALID");
    // A SQLite file this user may write is no replica (the standby: contract_replica).
    CLI_FAILS(runDpmctl({ "--json", "--store", m_sqlitePath, "serve", "--read-only-replica" }, environment), 6,
        "SERVE_STORE_NOT_READ_ONLY");
}

QTEST_GUILESS_MAIN(ServeProcessTest)
#include "tst_serve_process.moc"
