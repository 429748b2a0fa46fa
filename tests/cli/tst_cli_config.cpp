// How dpmctl selects and opens its store (--store > the service's variables > the embedded
// default), keeps passwords out of every output, and reports usage errors and help.

#include "clisupport.h"
#include "domain/appidentity.h"
#include "pgserver.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

class TestCliConfig : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_sandbox;

    QProcessEnvironment env() const { return sandboxEnvironment(m_sandbox->path()); }

    QString seededServiceSqlite(const QString &name) const
    {
        const QString path = m_sandbox->filePath(name);
        createServiceSqlite(path);
        seedStore(StoreLocation::sqlite(path));
        return path;
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<QTemporaryDir>();
        QVERIFY(m_sandbox->isValid());
    }

    void embeddedDefault_createdAndMigratedOnFirstUse()
    {
        const QString expected = m_sandbox->path() + QStringLiteral("/data/") + QLatin1String(kOrganizationName) + u'/'
            + QLatin1String(kApplicationName) + QStringLiteral("/dpm_supportability.db");
        QVERIFY(!QFileInfo::exists(expected));

        const CliResult summary = runDpmctl({ "summary", "--json" }, env());
        CLI_OK(summary);
        QVERIFY2(QFileInfo::exists(expected), qPrintable(expected));
        QCOMPARE(summary.json().value("store_backend").toString(), QStringLiteral("SQL"));
        QCOMPARE(summary.json().value("run_count").toInteger(), 0);
        QCOMPARE(summary.json().value("supportability").toObject().value("state").toString(), QStringLiteral("empty"));

        const CliResult status = runDpmctl({ "migrate", "status", "--json" }, env());
        CLI_OK(status);
        QCOMPARE(status.json().value("store").toString(), QStringLiteral("sqlite:") + expected);
        const QJsonArray rows = status.json().value("migrations").toArray();
        QVERIFY(!rows.isEmpty());
        for (const QJsonValue &row : rows)
            QCOMPARE(row.toObject().value("state").toString(), QStringLiteral("applied"));

        // Second use: the same store, nothing new.
        CLI_OK(runDpmctl({ "runs", "list" }, env()));
    }

    void environment_sqlBackend_selectsTheSqlitePath()
    {
        const QString path = seededServiceSqlite("service.db");
        QProcessEnvironment e = env();
        e.insert("DPM_SUPPORTABILITY_STORE_BACKEND", "SQL");
        e.insert("DPM_SUPPORTABILITY_SQLITE_PATH", path);
        const CliResult runs = runDpmctl({ "runs", "list", "--json" }, e);
        CLI_OK(runs);
        QCOMPARE(runs.json().value("items").toArray().size(), 4);
        const CliResult summary = runDpmctl({ "summary", "--json" }, e);
        CLI_OK(summary);
        QCOMPARE(summary.json().value("store_backend").toString(), QStringLiteral("SQL"));

        // DPM_SUPPORTABILITY_SQL_PATH wins over DPM_SUPPORTABILITY_SQLITE_PATH; SQLITE is an alias.
        e.insert("DPM_SUPPORTABILITY_STORE_BACKEND", "sqlite");
        e.insert("DPM_SUPPORTABILITY_SQL_PATH", path);
        e.insert("DPM_SUPPORTABILITY_SQLITE_PATH", m_sandbox->filePath("absent.db"));
        CLI_OK(runDpmctl({ "runs", "get", "rr_00000001" }, e));
        QVERIFY(!QFileInfo::exists(m_sandbox->filePath("absent.db")));
        // Nothing went to the embedded default.
        QVERIFY(!QDir(m_sandbox->path() + QStringLiteral("/data")).exists());
    }

    void environment_inMemory()
    {
        QProcessEnvironment e = env();
        e.insert("DPM_SUPPORTABILITY_STORE_BACKEND", "IN_MEMORY");
        const CliResult summary = runDpmctl({ "summary", "--json" }, e);
        CLI_OK(summary);
        QCOMPARE(summary.json().value("store_backend").toString(), QStringLiteral("IN_MEMORY"));
        QCOMPARE(summary.json().value("run_count").toInteger(), 0);
        CLI_OK(runDpmctl({ "migrate", "status" }, e));
    }

    void environment_postgresWithoutDsn_exit6()
    {
        QProcessEnvironment e = env();
        e.insert("DPM_SUPPORTABILITY_STORE_BACKEND", "POSTGRES");
        const CliResult json = runDpmctl({ "runs", "list", "--json" }, e);
        QVERIFY2(json.exitCode == 6, qPrintable(json.describe()));
        QVERIFY(json.out.isEmpty());
        QCOMPARE(json.errorJson().value("code").toString(), QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN_REQUIRED"));
        QCOMPARE(json.errorJson().value("kind").toString(), QStringLiteral("configuration"));
        const CliResult text = runDpmctl({ "summary" }, e);
        QCOMPARE(text.exitCode, 6);
        QVERIFY2(text.err.startsWith("dpmctl: DPM_SUPPORTABILITY_POSTGRES_DSN_REQUIRED: "), text.err.constData());
        QCOMPARE(runDpmctl({ "migrate", "status" }, e).exitCode, 6);

        // --store wins over the environment.
        CLI_OK(runDpmctl({ "summary", "--store", "memory:" }, e));
    }

    void environment_unknownBackend_exit6()
    {
        QProcessEnvironment e = env();
        e.insert("DPM_SUPPORTABILITY_STORE_BACKEND", "ORACLE");
        const CliResult r = runDpmctl({ "summary", "--json" }, e);
        QCOMPARE(r.exitCode, 6);
        QCOMPARE(
            r.errorJson().value("code").toString(), QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND_UNSUPPORTED"));
    }

    void environment_postgresDsn_selectsPostgres()
    {
        DPM_REQUIRE_POSTGRES();
        const StoreLocation location = createServicePostgres(QStringLiteral("env_dsn"));
        seedStore(location);
        QProcessEnvironment e = env();
        e.insert("DPM_SUPPORTABILITY_STORE_BACKEND", "POSTGRES");
        e.insert("DPM_SUPPORTABILITY_POSTGRES_DSN",
            PgServer::instance().url(location.libpqParameter(QStringLiteral("dbname"))));
        const CliResult summary = runDpmctl({ "summary", "--json" }, e);
        CLI_OK(summary);
        QCOMPARE(summary.json().value("store_backend").toString(), QStringLiteral("POSTGRES"));
        QCOMPARE(summary.json().value("run_count").toInteger(), 4);
    }

    void password_neverPrinted_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("envDsn");
        const QString url = QStringLiteral("postgresql://u:s3cret@127.0.0.1:1/db");
        const QString kv = QStringLiteral("host=127.0.0.1 port=1 user=u password=s3cret dbname=db");
        QTest::newRow("url, runs list") << QStringList { "runs", "list", "--store", url } << QString();
        QTest::newRow("url, summary, json") << QStringList { "summary", "--json", "--store", url } << QString();
        QTest::newRow("url, migrate status") << QStringList { "migrate", "status", "--store", url } << QString();
        QTest::newRow("url, migrate apply, json")
            << QStringList { "--json", "migrate", "apply", "--store=" + url } << QString();
        QTest::newRow("key=value") << QStringList { "runs", "get", "rr_1", "--store", kv } << QString();
        QTest::newRow("key=value, json") << QStringList { "--store", kv, "--json", "lineage", "edges", "x" }
                                         << QString();
        QTest::newRow("env DSN") << QStringList { "runs", "list" } << url;
        QTest::newRow("env DSN, json") << QStringList { "operations", "list", "--json" } << kv;
    }

    void password_neverPrinted()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, envDsn);
        QProcessEnvironment e = env();
        if (!envDsn.isEmpty()) {
            e.insert("DPM_SUPPORTABILITY_STORE_BACKEND", "POSTGRES");
            e.insert("DPM_SUPPORTABILITY_POSTGRES_DSN", envDsn);
        }
        const CliResult r = runDpmctl(args, e);
        QVERIFY2(r.exitCode == 7, qPrintable(r.describe()));
        QVERIFY(r.out.isEmpty());
        QVERIFY2(!r.err.contains("s3cret"), r.err.constData());
        QVERIFY2(r.err.contains("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED"), r.err.constData());
        QVERIFY2(r.err.contains("127.0.0.1"), r.err.constData()); // the redacted location is still named
        if (args.contains(QStringLiteral("--json"))) {
            // stderr holds exactly the error object, nothing else.
            QCOMPARE(r.errorJson().value("code").toString(),
                QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED"));
            QCOMPARE(r.errorJson().value("kind").toString(), QStringLiteral("connection"));
            QCOMPARE(r.err.count('\n'), 1);
        } else {
            QVERIFY2(r.err.startsWith("dpmctl: DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED: "), r.err.constData());
        }
    }

    void password_notOnStdoutWhenConnected()
    {
        DPM_REQUIRE_POSTGRES();
        // The test server trusts local connections, so a password in the URL is accepted and ignored.
        const StoreLocation location = createServicePostgres(QStringLiteral("password_stdout"));
        seedStore(location);
        const QString url = QStringLiteral("postgresql://postgres:s3cret@127.0.0.1:%1/%2")
                                .arg(PgServer::instance().port())
                                .arg(location.libpqParameter(QStringLiteral("dbname")));
        const QList<QStringList> commands { { "summary" }, { "summary", "--json" }, { "migrate", "status" },
            { "migrate", "status", "--json" }, { "migrate", "plan" }, { "runs", "list" },
            { "migrate", "validate", "--json" } };
        for (const QStringList &command : commands) {
            const CliResult r = runDpmctl(command + QStringList { "--store", url }, env());
            CLI_OK(r);
            QVERIFY2(!r.out.contains("s3cret") && !r.err.contains("s3cret"), qPrintable(r.describe()));
        }
        const CliResult status = runDpmctl({ "migrate", "status", "--json", "--store", url }, env());
        QVERIFY2(
            status.json().value("store").toString().startsWith(QLatin1String("postgresql://postgres:***@127.0.0.1:")),
            status.out.constData());
    }

    void password_notInInvalidLocationMessages()
    {
        const CliResult r = runDpmctl({ "runs", "list", "--store", "postgresql://u:s3cret@host:notaport/db" }, env());
        QVERIFY2(r.exitCode == 6, qPrintable(r.describe()));
        QVERIFY2(!r.err.contains("s3cret"), r.err.constData());
        const CliResult bad = runDpmctl({ "runs", "list", "--store", "password=s3cret host" }, env());
        QVERIFY2(bad.exitCode == 6, qPrintable(bad.describe()));
        QVERIFY2(!bad.err.contains("s3cret"), bad.err.constData());
    }

    void sqliteWithoutDpmTables_exit8()
    {
        const QString path = m_sandbox->filePath("empty.db");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "empty");
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec("CREATE TABLE unrelated (x TEXT)"));
            db.close();
        }
        QSqlDatabase::removeDatabase("empty");
        const CliResult r = runDpmctl({ "runs", "list", "--json", "--store", "sqlite:" + path }, env());
        QVERIFY2(r.exitCode == 8, qPrintable(r.describe()));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.errorJson().value("code").toString(), QStringLiteral("DPM_SCHEMA_NOT_INITIALISED"));
        QCOMPARE(r.errorJson().value("kind").toString(), QStringLiteral("migration"));
    }

    void postgresWithoutDpmTables_exit8()
    {
        DPM_REQUIRE_POSTGRES();
        const StoreLocation location = PgServer::instance().createDatabase(QStringLiteral("no_tables"));
        const CliResult r = runDpmctl({ "summary", "--json", "--store",
                                          PgServer::instance().url(location.libpqParameter(QStringLiteral("dbname"))) },
            env());
        QVERIFY2(r.exitCode == 8, qPrintable(r.describe()));
        QCOMPARE(r.errorJson().value("code").toString(), QStringLiteral("DPM_SCHEMA_NOT_INITIALISED"));
    }

    void missingSqliteFile_exit6_andNotCreated()
    {
        const QString path = m_sandbox->filePath("nowhere/none.db");
        const CliResult r = runDpmctl({ "summary", "--json", "--store", path }, env());
        QVERIFY2(r.exitCode == 6, qPrintable(r.describe()));
        QCOMPARE(r.errorJson().value("code").toString(), QStringLiteral("STORE_LOCATION_INVALID"));
        QVERIFY(!QFileInfo::exists(path));
    }

    void invalidStoreLocation_exit6()
    {
        const CliResult r = runDpmctl({ "summary", "--json", "--store", "not a location" }, env());
        QCOMPARE(r.exitCode, 6);
        QCOMPARE(r.errorJson().value("code").toString(), QStringLiteral("STORE_LOCATION_INVALID"));
    }

    void usageErrors_exit2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList {};
        QTest::newRow("unknown command") << QStringList { "frobnicate" };
        QTest::newRow("unknown subcommand") << QStringList { "runs", "frobnicate" };
        QTest::newRow("group without subcommand") << QStringList { "runs" };
        QTest::newRow("unknown option") << QStringList { "runs", "list", "--bogus", "1" };
        QTest::newRow("unknown global-looking option") << QStringList { "summary", "--verbose" };
        QTest::newRow("missing argument") << QStringList { "runs", "get" };
        QTest::newRow("extra argument") << QStringList { "runs", "get", "a", "b" };
        QTest::newRow("missing option value") << QStringList { "runs", "list", "--limit" };
        QTest::newRow("missing store value") << QStringList { "runs", "list", "--store" };
        QTest::newRow("flag with value") << QStringList { "migrate", "validate", "--strict=yes" };
        QTest::newRow("strict on status") << QStringList { "migrate", "status", "--strict" };
    }

    void usageErrors_exit2()
    {
        QFETCH(QStringList, args);
        const CliResult text = runDpmctl(args + QStringList { "--store", "memory:" }, env());
        QVERIFY2(text.exitCode == 2, qPrintable(text.describe()));
        QVERIFY(text.out.isEmpty());
        QVERIFY2(text.err.startsWith("dpmctl: USAGE_ERROR: "), text.err.constData());
        QVERIFY2(text.err.trimmed().endsWith('.'), text.err.constData()); // a sentence

        const CliResult json = runDpmctl(args + QStringList { "--json", "--store", "memory:" }, env());
        QCOMPARE(json.exitCode, 2);
        QVERIFY(json.out.isEmpty());
        QCOMPARE(json.errorJson().value("code").toString(), QStringLiteral("USAGE_ERROR"));
        QCOMPARE(json.errorJson().value("kind").toString(), QStringLiteral("usage"));
    }

    void help_listsEveryCommandAndExitCode()
    {
        const CliResult r = runDpmctl({ "--help" }, env());
        CLI_OK(r);
        const QString help = QString::fromUtf8(r.out);
        const QStringList commands { "migrate status", "migrate plan", "migrate apply", "migrate validate", "runs list",
            "runs get", "runs by-correlation", "runs by-request-hash", "runs by-idempotency", "artifact",
            "idempotency history", "operations list", "operations get", "operations by-correlation", "decisions list",
            "decisions for-run", "decisions by-correlation", "lineage edges", "summary", "proposals list",
            "proposals get", "proposals version", "proposals events", "proposals approvals", "proposals lineage",
            "proposals by-idempotency", "proposals operations get", "proposals operations by-correlation",
            "proposals diff", "proposals check" };
        for (const QString &command : commands)
            QVERIFY2(help.contains(QStringLiteral("\n  ") + command + u' '), qPrintable(command));
        for (int code = 0; code <= 9; ++code)
            QVERIFY2(help.contains(QStringLiteral("\n  %1  ").arg(code)), qPrintable(QString::number(code)));
        QVERIFY(help.contains("\n 10  findings: proposals check"));
        QVERIFY(help.contains("--store"));
        QVERIFY(help.contains("--json"));

        const CliResult one = runDpmctl({ "runs", "list", "--help" }, env());
        CLI_OK(one);
        QVERIFY(one.out.startsWith("Usage: dpmctl runs list"));
        QVERIFY(one.out.contains("--cursor C"));
        const CliResult check = runDpmctl({ "proposals", "check", "--help" }, env());
        CLI_OK(check);
        QVERIFY(check.out.startsWith("Usage: dpmctl proposals check [PROPOSAL_ID]"));
        QVERIFY(check.out.contains("exits 10 (PROPOSAL_INTEGRITY_FINDINGS)"));
        const CliResult list = runDpmctl({ "proposals", "list", "--help" }, env());
        CLI_OK(list);
        QVERIFY(list.out.contains("rows per page, 1..100 (default 20)"));
        CLI_OK(runDpmctl({ "help" }, env()));
    }

    void globalOptions_mayAppearAnywhere()
    {
        const QString path = seededServiceSqlite("anywhere.db");
        const CliResult r = runDpmctl({ "runs", "--json", "get", "--store", path, "rr_00000001" }, env());
        CLI_OK(r);
        QCOMPARE(r.json().value("rebalance_run_id").toString(), QStringLiteral("rr_00000001"));
        const CliResult inline_ = runDpmctl({ "--store=sqlite:" + path, "runs", "list", "--limit=1", "--json" }, env());
        CLI_OK(inline_);
        QCOMPARE(inline_.json().value("items").toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliConfig)
#include "tst_cli_config.moc"
