// dpmctl store health and store status: a trivial query within the timeout (exit 0, or the
// reason code and exit 7), the spec's store-status fields, on SQLite and the throwaway PostgreSQL
// server; a server that accepts and never answers is reported in time.

#include "clisupport.h"
#include "pgserver.h"
#include "services/storeopening.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

#define CLI_EXIT(result, exit) QVERIFY2((result).exitCode == (exit), qPrintable((result).describe()))

class TestCliStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_sandbox;
    QProcessEnvironment env() const { return sandboxEnvironment(m_sandbox->path()); }
    QString migratedSqlite(const QString &name) const
    {
        const QString path = m_sandbox->filePath(name);
        openStore(StoreLocation::sqlite(path), OpenOptions { .applyMigrations = true });
        return QStringLiteral("sqlite:") + path;
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<QTemporaryDir>();
        QVERIFY(m_sandbox->isValid());
    }

    void health_sqlite_okWithVersion()
    {
        const CliResult result = runDpmctl(
            { QStringLiteral("--json"), QStringLiteral("--store"), migratedSqlite(QStringLiteral("h.db")),
                QStringLiteral("store"), QStringLiteral("health") },
            env());
        CLI_OK(result);
        const QJsonObject json = result.json();
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QVERIFY(json.value(QStringLiteral("server_version")).toString().startsWith(QLatin1String("SQLite 3.")));
        QVERIFY(json.value(QStringLiteral("role")).isNull());
    }

    void health_missingSqliteFile_isUnreachable_andNotCreated()
    {
        const QString path = m_sandbox->filePath(QStringLiteral("absent.db"));
        const CliResult result = runDpmctl({ QStringLiteral("--json"), QStringLiteral("--store"),
                                               QStringLiteral("sqlite:") + path, QStringLiteral("store"),
                                               QStringLiteral("health") },
            env());
        CLI_FAILS(result, 7, "STORE_UNREACHABLE");
        QVERIFY(!QFile::exists(path));
    }

    void health_postgres_primary()
    {
        DPM_REQUIRE_POSTGRES();
        const StoreLocation location = PgServer::instance().createDatabase(QStringLiteral("health"));
        const CliResult result = runDpmctl({ QStringLiteral("--json"), QStringLiteral("--store"),
                                               PgServer::instance().url(location.libpqParameter(QStringLiteral("dbname"))),
                                               QStringLiteral("store"), QStringLiteral("health") },
            env());
        CLI_OK(result);
        const QJsonObject json = result.json();
        QVERIFY(json.value(QStringLiteral("server_version")).toString().startsWith(QLatin1String("PostgreSQL ")));
        QCOMPARE(json.value(QStringLiteral("role")).toString(), QStringLiteral("primary"));
        QVERIFY(json.value(QStringLiteral("replay_lag_seconds")).isNull());
    }

    void health_nothingListening_failsWithConnectionCode()
    {
        QTcpServer probe; // a port nobody listens on once it is closed again
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        const CliResult result = runDpmctl({ QStringLiteral("--json"), QStringLiteral("--store"),
                                               QStringLiteral("postgresql://postgres@127.0.0.1:%1/none").arg(port),
                                               QStringLiteral("store"), QStringLiteral("health") },
            env());
        CLI_FAILS(result, 7, "DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED");
    }

    void health_serverThatNeverAnswers_timesOut()
    {
        QTcpServer silent; // accepts (the kernel's backlog) and never says a word
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QElapsedTimer clock;
        clock.start();
        const CliResult result = runDpmctl(
            { QStringLiteral("--json"), QStringLiteral("--store"),
                QStringLiteral("postgresql://postgres@127.0.0.1:%1/none").arg(silent.serverPort()), QStringLiteral("store"),
                QStringLiteral("health"), QStringLiteral("--timeout-ms"), QStringLiteral("1000") },
            env());
        CLI_FAILS(result, 7, "STORE_HEALTH_TIMEOUT");
        QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
    }

    void status_sqlite_spec_fields()
    {
        const CliResult result = runDpmctl(
            { QStringLiteral("--json"), QStringLiteral("--store"), migratedSqlite(QStringLiteral("s.db")),
                QStringLiteral("store"), QStringLiteral("status") },
            env());
        CLI_OK(result);
        const QJsonObject json = result.json();
        QCOMPARE(json.value(QStringLiteral("write_target")).toString(), QStringLiteral("sqlite"));
        QCOMPARE(json.value(QStringLiteral("read_target")).toString(), QStringLiteral("sqlite"));
        QCOMPARE(json.value(QStringLiteral("read_from_postgres_percent")).toInt(), 0);
        QCOMPARE(json.value(QStringLiteral("dual_write_enabled")).toBool(), false);
        QCOMPARE(json.value(QStringLiteral("postgres")).toObject().value(QStringLiteral("connected")).toBool(), false);
        QCOMPARE(json.value(QStringLiteral("pool")).toObject().value(QStringLiteral("size")).toInt(), 1);
        QVERIFY(json.value(QStringLiteral("latency")).toObject().contains(QStringLiteral("listing")));
    }

    void status_postgres_connectedPrimary_text()
    {
        DPM_REQUIRE_POSTGRES();
        const StoreLocation location = PgServer::instance().createDatabase(QStringLiteral("status"));
        openStore(location, OpenOptions { .applyMigrations = true });
        const QString url = PgServer::instance().url(location.libpqParameter(QStringLiteral("dbname")));
        const CliResult json = runDpmctl(
            { QStringLiteral("--json"), QStringLiteral("--store"), url, QStringLiteral("store"), QStringLiteral("status") },
            env());
        CLI_OK(json);
        const QJsonObject pg = json.json().value(QStringLiteral("postgres")).toObject();
        QCOMPARE(pg.value(QStringLiteral("connected")).toBool(), true);
        QCOMPARE(pg.value(QStringLiteral("role")).toString(), QStringLiteral("primary"));
        QCOMPARE(pg.value(QStringLiteral("pool_size")).toInt(), 1);
        QCOMPARE(json.json().value(QStringLiteral("read_from_postgres_percent")).toInt(), 100);
        const CliResult text = runDpmctl(
            { QStringLiteral("--store"), url, QStringLiteral("store"), QStringLiteral("status") }, env());
        CLI_OK(text);
        QVERIFY2(text.out.contains("PostgreSQL:       connected, PostgreSQL "), text.out.constData());
        QVERIFY2(text.out.contains(", primary"), text.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliStore)
#include "tst_cli_store.moc"
