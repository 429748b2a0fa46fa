// dpmctl profile check and cutover check: exit codes, the JSON report on stdout, the first error's
// code on stderr, and no password in any output. The cutover's migration checks run against the
// throwaway PostgreSQL server.

#include "clisupport.h"
#include "domain/error.h"
#include "migrate/migrator.h"
#include "pgserver.h"
#include "store/sqldatabase.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

#define CLI_EXIT(result, exit) QVERIFY2((result).exitCode == (exit), qPrintable((result).describe()))

namespace {

QStringList findingCodes(const QJsonObject &report)
{
    QStringList codes;
    for (const QJsonValue &finding : report.value(QStringLiteral("findings")).toArray())
        codes << finding.toObject().value(QStringLiteral("code")).toString();
    return codes;
}

} // namespace

class TestCliAdmin : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_sandbox;

    QProcessEnvironment environment(const QList<std::pair<QString, QString>> &vars) const
    {
        QProcessEnvironment env = sandboxEnvironment(m_sandbox->path());
        env.remove(QStringLiteral("APP_PERSISTENCE_PROFILE"));
        env.remove(QStringLiteral("PROPOSAL_STORE_BACKEND"));
        env.remove(QStringLiteral("PROPOSAL_POSTGRES_DSN"));
        for (const auto &[name, value] : vars)
            env.insert(name, value);
        return env;
    }

    QProcessEnvironment production(const QString &dsn) const
    {
        return environment({ { QStringLiteral("APP_PERSISTENCE_PROFILE"), QStringLiteral("PRODUCTION") },
            { QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("POSTGRES") },
            { QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN"), dsn },
            { QStringLiteral("PROPOSAL_STORE_BACKEND"), QStringLiteral("POSTGRES") },
            { QStringLiteral("PROPOSAL_POSTGRES_DSN"), dsn } });
    }

    // A migrated database and a login role that may only read and write rows; returns its DSN.
    QString migratedDatabaseWithDmlRole(bool dropDpm0002)
    {
        const StoreLocation location
            = PgServer::instance().createDatabase(QString::fromLatin1(QTest::currentTestFunction()));
        {
            SqlDatabase db(location);
            Migrator(db).apply(Migrator::namespaces());
        }
        const QString database = location.libpqParameter(QStringLiteral("dbname"));
        const QString role = QStringLiteral("cli_dml_%1_%2").arg(QCoreApplication::applicationPid()).arg(++m_roles);
        PgServer &server = PgServer::instance();
        server.execAsSuperuser(database, QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'cli-pw-secret'").arg(role));
        server.execAsSuperuser(database,
            QStringLiteral("GRANT CONNECT ON DATABASE \"%1\" TO %2; GRANT USAGE ON SCHEMA public TO %2; "
                           "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %2")
                .arg(database, role));
        if (dropDpm0002)
            server.execAsSuperuser(
                database, QStringLiteral("DELETE FROM schema_migrations WHERE version = 'dpm:0002'"));
        return QStringLiteral("postgresql://%1:cli-pw-secret@127.0.0.1:%2/%3")
            .arg(role)
            .arg(server.port())
            .arg(database);
    }

    static void verifyNoSecret(const CliResult &r)
    {
        QVERIFY2(!r.out.contains("-secret") && !r.err.contains("-secret"), qPrintable(r.describe()));
    }

    int m_roles = 0;

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<QTemporaryDir>();
        QVERIFY(m_sandbox->isValid());
    }
    void cleanup() { m_sandbox.reset(); }

    void profileCheck_local_passesWithExit0()
    {
        const CliResult r = runDpmctl(
            { QStringLiteral("profile"), QStringLiteral("check"), QStringLiteral("--json") }, environment({}));
        CLI_EXIT(r, 0);
        QVERIFY(r.err.isEmpty());
        const QJsonObject report = r.json();
        QCOMPARE(report.value(QStringLiteral("passed")).toBool(), true);
        QCOMPARE(report.value(QStringLiteral("profile")).toString(), QStringLiteral("LOCAL"));
        QCOMPARE(report.value(QStringLiteral("service_outcome")), QJsonValue(QJsonValue::Null));
        QCOMPARE(findingCodes(report), QStringList { QStringLiteral("PERSISTENCE_PROFILE_LOCAL") });
    }

    void profileCheck_productionGaps_printsReportAndFailsWithFirstCode()
    {
        const QProcessEnvironment env
            = environment({ { QStringLiteral("APP_PERSISTENCE_PROFILE"), QStringLiteral("production") },
                { QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("POSTGRES") },
                { QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN"),
                    QStringLiteral("postgresql://svc:profile-secret@db.example/dpm") },
                { QStringLiteral("DPM_POLICY_PACKS_ENABLED"), QStringLiteral("true") } });
        const CliResult json
            = runDpmctl({ QStringLiteral("profile"), QStringLiteral("check"), QStringLiteral("--json") }, env);
        CLI_EXIT(json, 6);
        const QJsonObject report = json.json();
        QCOMPARE(report.value(QStringLiteral("passed")).toBool(), false);
        QCOMPARE(findingCodes(report),
            QStringList({ QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES"),
                QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES_DSN"),
                QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_POLICY_PACK_POSTGRES"),
                QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_POLICY_PACK_POSTGRES_DSN") }));
        QCOMPARE(report.value(QStringLiteral("service_outcome")).toString(),
            QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES"));
        QCOMPARE(report.value(QStringLiteral("settings")).toObject().value(QStringLiteral("dpm_dsn")).toString(),
            QStringLiteral("postgresql://svc:***@db.example/dpm"));
        QCOMPARE(json.errorJson().value(QStringLiteral("code")).toString(),
            QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES"));
        QCOMPARE(json.errorJson().value(QStringLiteral("kind")).toString(), QStringLiteral("configuration"));
        verifyNoSecret(json);

        const CliResult text = runDpmctl({ QStringLiteral("profile"), QStringLiteral("check") }, env);
        CLI_EXIT(text, 6);
        QVERIFY(text.out.contains("PERSISTENCE_PROFILE_REQUIRES_POLICY_PACK_POSTGRES_DSN"));
        QVERIFY(text.out.contains("the service stops at: PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES"));
        QVERIFY(text.err.startsWith("dpmctl: PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES: "));
        verifyNoSecret(text);
    }

    void cutoverCheck_notProduction_failsWithProfileCode()
    {
        const CliResult r = runDpmctl(
            { QStringLiteral("cutover"), QStringLiteral("check"), QStringLiteral("--json") }, environment({}));
        CLI_EXIT(r, 6);
        QCOMPARE(
            r.errorJson().value(QStringLiteral("code")).toString(), QStringLiteral("CUTOVER_PROFILE_NOT_PRODUCTION"));
        const QJsonObject report = r.json();
        QCOMPARE(report.keys(),
            QStringList({ QStringLiteral("checked_migrations"), QStringLiteral("findings"), QStringLiteral("passed"),
                QStringLiteral("profile"), QStringLiteral("service_outcome") }));
        QCOMPARE(report.value(QStringLiteral("checked_migrations")).toBool(), false);
        QCOMPARE(findingCodes(report).value(0), QStringLiteral("CUTOVER_PROFILE_NOT_PRODUCTION"));
    }

    void cutoverCheck_migratedDatabase_passes()
    {
        DPM_REQUIRE_POSTGRES();
        QString dsn;
        try {
            dsn = migratedDatabaseWithDmlRole(false);
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
        const QStringList args { QStringLiteral("cutover"), QStringLiteral("check"),
            QStringLiteral("--check-migrations") };
        const CliResult text = runDpmctl(args, production(dsn));
        CLI_EXIT(text, 0);
        QVERIFY2(text.out.endsWith("Production cutover contract validation passed.\n"), text.out.constData());
        QVERIFY(text.err.isEmpty());
        verifyNoSecret(text);

        const CliResult json = runDpmctl(args + QStringList { QStringLiteral("--json") }, production(dsn));
        CLI_EXIT(json, 0);
        QCOMPARE(json.json().value(QStringLiteral("passed")).toBool(), true);
        QCOMPARE(json.json().value(QStringLiteral("checked_migrations")).toBool(), true);
        QVERIFY(!findingCodes(json.json()).contains(QStringLiteral("CUTOVER_RUNTIME_ROLE_CAN_ALTER_SCHEMA")));
        verifyNoSecret(json);
    }

    void cutoverCheck_missingMigration_failsWithTheServicesCode()
    {
        DPM_REQUIRE_POSTGRES();
        QString dsn;
        try {
            dsn = migratedDatabaseWithDmlRole(true);
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
        const CliResult r = runDpmctl({ QStringLiteral("cutover"), QStringLiteral("check"),
                                          QStringLiteral("--check-migrations"), QStringLiteral("--json") },
            production(dsn));
        CLI_EXIT(r, 6);
        QCOMPARE(r.errorJson().value(QStringLiteral("code")).toString(),
            QStringLiteral("CUTOVER_MIGRATION_MISSING:dpm:0002"));
        QCOMPARE(r.json().value(QStringLiteral("service_outcome")).toString(),
            QStringLiteral("CUTOVER_MIGRATION_MISSING:dpm:0002"));
        verifyNoSecret(r);

        const CliResult text
            = runDpmctl({ QStringLiteral("cutover"), QStringLiteral("check"), QStringLiteral("--check-migrations") },
                production(dsn));
        CLI_EXIT(text, 6);
        QVERIFY(
            text.out.contains("Production cutover contract validation failed: CUTOVER_MIGRATION_MISSING:dpm:0002."));
        verifyNoSecret(text);
    }

    void cutoverCheck_isRecordedInTheStoresAuditLog()
    {
        const QString path = m_sandbox->filePath(QStringLiteral("console.db"));
        const QString store = QStringLiteral("sqlite:") + path;
        const CliResult migrated = runDpmctl(
            { QStringLiteral("migrate"), QStringLiteral("apply"), QStringLiteral("--store"), store }, environment({}));
        CLI_EXIT(migrated, 0);
        const CliResult r = runDpmctl({ QStringLiteral("cutover"), QStringLiteral("check"), QStringLiteral("--store"),
                                          store, QStringLiteral("--json") },
            environment({}));
        CLI_EXIT(r, 6); // the check's own outcome, whether recorded or not
        const QList<AuditEntry> entries = auditEntries(StoreLocation::sqlite(path));
        QVERIFY(!entries.isEmpty());
        QCOMPARE(entries.first().action, QStringLiteral("cutover.check"));
        QCOMPARE(entries.first().outcome, QStringLiteral("failed: CUTOVER_PROFILE_NOT_PRODUCTION"));
        const QJsonObject details = entries.first().toJson().value(QStringLiteral("details")).toObject();
        QCOMPARE(details.keys(),
            QStringList({ QStringLiteral("check_migrations"), QStringLiteral("findings"), QStringLiteral("passed"),
                QStringLiteral("profile"), QStringLiteral("service_outcome") }));
        QCOMPARE(details.value(QStringLiteral("profile")).toString(), QStringLiteral("LOCAL"));
        QCOMPARE(details.value(QStringLiteral("passed")).toBool(), false);
    }

    void cutoverCheck_storeWithoutAuditTable_runsAndSaysItIsNotRecorded()
    {
        const QString path = m_sandbox->filePath(QStringLiteral("service.db"));
        createServiceSqlite(path);
        const CliResult r = runDpmctl({ QStringLiteral("cutover"), QStringLiteral("check"), QStringLiteral("--store"),
                                          QStringLiteral("sqlite:") + path },
            environment({}));
        CLI_EXIT(r, 6);
        QVERIFY2(r.out.contains("Production cutover contract validation failed: CUTOVER_PROFILE_NOT_PRODUCTION."),
            qPrintable(r.describe()));
        QVERIFY2(r.err.contains("Not recorded in the audit log: CONSOLE_AUDIT_LOG_MISSING"), qPrintable(r.describe()));
        QVERIFY2(r.err.contains("dpmctl: CUTOVER_PROFILE_NOT_PRODUCTION: "), qPrintable(r.describe()));
        QVERIFY(!hasAuditTable(StoreLocation::sqlite(path)));
    }

    void cutoverCheck_unreachableDatabase_redactsThePassword()
    {
        const QString dead = QStringLiteral("postgresql://svc:dead-secret@127.0.0.1:1/dpm?sslmode=require");
        const CliResult r = runDpmctl({ QStringLiteral("cutover"), QStringLiteral("check"),
                                          QStringLiteral("--check-migrations"), QStringLiteral("--json") },
            production(dead));
        CLI_EXIT(r, 6);
        QCOMPARE(r.errorJson().value(QStringLiteral("code")).toString(),
            QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED"));
        verifyNoSecret(r);
    }
};

QTEST_GUILESS_MAIN(TestCliAdmin)
#include "tst_cli_admin.moc"
