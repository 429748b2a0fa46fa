// dpmctl store health and store status: a trivial query within the timeout (exit 0, or the
// reason code and exit 7), the spec's store-status fields, on SQLite and the throwaway PostgreSQL
// server; a server that accepts and never answers is reported in time.

#include "clisupport.h"
#include "pgserver.h"
#include "services/storeopening.h"

#include <QElapsedTimer>
#include <QJsonArray>
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
        // PostgreSQL's connections (POSTGRES_POOL_SIZE's default 20): the command's one is open.
        QCOMPARE(pg.value(QStringLiteral("pool_size")).toInt(), 20);
        QCOMPARE(pg.value(QStringLiteral("pool_open")).toInt(), 1);
        QCOMPARE(json.json().value(QStringLiteral("read_from_postgres_percent")).toInt(), 100);
        const CliResult text = runDpmctl(
            { QStringLiteral("--store"), url, QStringLiteral("store"), QStringLiteral("status") }, env());
        CLI_OK(text);
        QVERIFY2(text.out.contains("PostgreSQL:       connected, PostgreSQL "), text.out.constData());
        QVERIFY2(text.out.contains(", primary"), text.out.constData());
    }

    // DUAL_WRITE_MODE: the command's store writes to SQLite and PostgreSQL, and status says so in
    // the spec's shape; without a DSN, or with PostgreSQL not migrated, nothing is opened.
    void status_dualWrite_specShape_andFailFast()
    {
        DPM_REQUIRE_POSTGRES();
        const QString sqlite = migratedSqlite(QStringLiteral("dual.db"));
        QProcessEnvironment dual = env();
        dual.insert(QStringLiteral("DUAL_WRITE_MODE"), QStringLiteral("true"));
        CLI_FAILS(runDpmctl({ QStringLiteral("--json"), QStringLiteral("--store"), sqlite, QStringLiteral("store"),
                                QStringLiteral("status") },
                      dual),
            6, "DUAL_WRITE_POSTGRES_DSN_REQUIRED");
        const StoreLocation empty = PgServer::instance().createDatabase(QStringLiteral("dual_empty"));
        dual.insert(QStringLiteral("DATABASE_URL"),
            PgServer::instance().url(empty.libpqParameter(QStringLiteral("dbname"))));
        CLI_FAILS(runDpmctl({ QStringLiteral("--json"), QStringLiteral("--store"), sqlite, QStringLiteral("store"),
                                QStringLiteral("status") },
                      dual),
            8, "DUAL_WRITE_SCHEMA_MISMATCH");

        const StoreLocation location = PgServer::instance().createDatabase(QStringLiteral("dual"));
        openStore(location, OpenOptions { .applyMigrations = true });
        dual.insert(QStringLiteral("DATABASE_URL"),
            PgServer::instance().url(location.libpqParameter(QStringLiteral("dbname"))));
        dual.insert(QStringLiteral("READ_FROM_POSTGRES_PERCENT"), QStringLiteral("50"));
        const CliResult result = runDpmctl(
            { QStringLiteral("--json"), QStringLiteral("--store"), sqlite, QStringLiteral("store"), QStringLiteral("status") },
            dual);
        CLI_OK(result);
        const QJsonObject json = result.json();
        QCOMPARE(json.value(QStringLiteral("write_target")).toString(), QStringLiteral("dual"));
        QCOMPARE(json.value(QStringLiteral("read_target")).toString(), QStringLiteral("sqlite"));
        QCOMPARE(json.value(QStringLiteral("read_from_postgres_percent")).toInt(), 50);
        QCOMPARE(json.value(QStringLiteral("dual_write_enabled")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("dual_write_failures")).toInt(), 0);
        for (const char *domain : { "supportability_store", "proposal_store", "run_event_store" }) {
            const QJsonObject store = json.value(QLatin1String(domain)).toObject();
            QCOMPARE(store.value(QStringLiteral("write_target")).toString(), QStringLiteral("dual"));
            QCOMPARE(store.value(QStringLiteral("read_from_postgres_percent")).toInt(), 50);
        }
        const QJsonObject pg = json.value(QStringLiteral("postgres")).toObject();
        QCOMPARE(pg.value(QStringLiteral("connected")).toBool(), true);
        QCOMPARE(pg.value(QStringLiteral("role")).toString(), QStringLiteral("primary"));
        QCOMPARE(pg.value(QStringLiteral("pool_size")).toInt(), 20);
        QCOMPARE(pg.value(QStringLiteral("pool_open")).toInt(), 1);
        QVERIFY(!result.err.contains("postgres@"));
    }

    // DUAL_WRITE_MODE reaches the bulk path too: demo generate into a new SQLite file (which the
    // command creates and migrates itself) fills PostgreSQL with the same rows.
    void demoGenerate_dualWrite_fillsPostgresToo()
    {
        DPM_REQUIRE_POSTGRES();
        const StoreLocation location = PgServer::instance().createDatabase(QStringLiteral("dual_demo"));
        openStore(location, OpenOptions { .applyMigrations = true });
        const QString postgres = PgServer::instance().url(location.libpqParameter(QStringLiteral("dbname")));
        QProcessEnvironment dual = env();
        dual.insert(QStringLiteral("DUAL_WRITE_MODE"), QStringLiteral("true"));
        dual.insert(QStringLiteral("DATABASE_URL"), postgres);
        const QString sqlite = QStringLiteral("sqlite:") + m_sandbox->filePath(QStringLiteral("dual_demo.db"));
        const CliResult demo = runDpmctl({ QStringLiteral("--json"), QStringLiteral("--store"), sqlite,
                                             QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--scale"),
                                             QStringLiteral("s"), QStringLiteral("--seed"), QStringLiteral("4") },
            dual);
        CLI_OK(demo);
        QVERIFY(demo.json().value(QStringLiteral("store_created")).toBool());
        QCOMPARE(demo.json().value(QStringLiteral("notes")).toArray().size(), 0);

        const CliResult verify = runDpmctl({ QStringLiteral("--json"), QStringLiteral("--store"), sqlite,
                                               QStringLiteral("transfer"), QStringLiteral("verify"),
                                               QStringLiteral("--to"), postgres },
            env());
        CLI_OK(verify);
        QCOMPARE(verify.json().value(QStringLiteral("matches")).toBool(), true);
        qint64 rows = 0;
        for (const QJsonValue &table : verify.json().value(QStringLiteral("tables")).toArray()) {
            const QJsonObject t = table.toObject();
            QCOMPARE(t.value(QStringLiteral("target_rows")).toInteger(), t.value(QStringLiteral("source_rows")).toInteger());
            rows += t.value(QStringLiteral("target_rows")).toInteger();
        }
        QCOMPARE(rows, demo.json().value(QStringLiteral("total_rows")).toInteger());
    }
};

QTEST_GUILESS_MAIN(TestCliStore)
#include "tst_cli_store.moc"
