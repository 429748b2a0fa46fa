// The production cutover check (Part B §7.4 plus the console's checks) against a real PostgreSQL
// server: ledger missing, migrations missing, checksum drift, the runtime role, connection
// failures, and the TLS findings of the DSNs (those need no server). Each test makes its own
// database and roles.

#include "domain/error.h"
#include "migrate/migrator.h"
#include "pgserver.h"
#include "services/cutovercheck.h"
#include "store/sqldatabase.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace dpm;
using dpm::test::PgServer;

namespace {

QStringList codes(const CutoverReport &report)
{
    QStringList out;
    for (const CheckFinding &finding : report.findings)
        out << finding.code;
    return out;
}

const CheckFinding *find(const CutoverReport &report, const QString &code)
{
    for (const CheckFinding &finding : report.findings) {
        if (finding.code == code)
            return &finding;
    }
    return nullptr;
}

QString describe(const CutoverReport &report)
{
    return QString::fromUtf8(QJsonDocument(report.toJson()).toJson());
}

// The guardrails satisfied, with both DSNs given.
QProcessEnvironment production(const QString &dpmDsn, const QString &proposalDsn)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("APP_PERSISTENCE_PROFILE"), QStringLiteral("PRODUCTION"));
    env.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("POSTGRES"));
    env.insert(QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN"), dpmDsn);
    env.insert(QStringLiteral("PROPOSAL_STORE_BACKEND"), QStringLiteral("POSTGRES"));
    env.insert(QStringLiteral("PROPOSAL_POSTGRES_DSN"), proposalDsn);
    return env;
}

int s_roleCounter = 0;

} // namespace

#define VERIFY_FINDING(report, expectedCode, expectedSeverity)                                                         \
    do {                                                                                                               \
        const CheckFinding *finding_ = find((report), QStringLiteral(expectedCode));                                   \
        QVERIFY2(finding_, qPrintable(QStringLiteral("no finding " expectedCode " in ") + describe(report)));          \
        QCOMPARE(finding_->severity, QStringLiteral(expectedSeverity));                                                \
    } while (false)

class TestCutoverCheck : public QObject
{
    Q_OBJECT

private:
    QString m_db; // this test's database

    // A fresh database with every embedded migration applied (as the superuser, its owner).
    QString migratedDatabase()
    {
        const StoreLocation location
            = PgServer::instance().createDatabase(QString::fromLatin1(QTest::currentTestFunction()));
        SqlDatabase db(location);
        Migrator(db).apply(Migrator::namespaces());
        return location.libpqParameter(QStringLiteral("dbname"));
    }

    void superuserSql(const QString &sql) { PgServer::instance().execAsSuperuser(m_db, sql); }

    // A login role with the given grants on this test's database; returns its DSN (with a
    // password, so the tests can check that it never shows).
    QString role(const QString &kind, const QString &grants)
    {
        const QString name
            = QStringLiteral("%1_%2_%3").arg(kind).arg(QCoreApplication::applicationPid()).arg(++s_roleCounter);
        superuserSql(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'pw-%1-secret'").arg(name));
        superuserSql(QStringLiteral("GRANT CONNECT ON DATABASE \"%1\" TO %2").arg(m_db, name));
        superuserSql(QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(name));
        if (!grants.isEmpty())
            superuserSql(grants.arg(name));
        return QStringLiteral("postgresql://%1:pw-%1-secret@127.0.0.1:%2/%3")
            .arg(name)
            .arg(PgServer::instance().port())
            .arg(m_db);
    }

    QString dmlRole()
    {
        return role(QStringLiteral("dml"),
            QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1"));
    }

    QString superuserDsn() const { return PgServer::instance().url(m_db); }

    static void verifyNoSecret(const CutoverReport &report)
    {
        const QString everything = describe(report) + report.toText();
        QVERIFY2(!everything.contains(QLatin1String("-secret")), qPrintable(everything));
    }

private Q_SLOTS:
    void cleanup() { m_db.clear(); }

    // --- no server needed ---------------------------------------------------------------------

    void notProduction_isTheFirstFindingAndGuardrailsFollow()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("APP_PERSISTENCE_PROFILE"), QStringLiteral("local"));
        const CutoverReport report = checkProductionCutover(env, false);
        QCOMPARE(codes(report),
            QStringList({ QStringLiteral("CUTOVER_PROFILE_NOT_PRODUCTION"),
                QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_DPM_POSTGRES"),
                QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_DPM_POSTGRES_DSN"),
                QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES"),
                QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES_DSN") }));
        QCOMPARE(report.serviceOutcome(), QStringLiteral("CUTOVER_PROFILE_NOT_PRODUCTION"));
        QVERIFY(!report.passed());
        QVERIFY(report.toText().endsWith(
            QLatin1String("Production cutover contract validation failed: CUTOVER_PROFILE_NOT_PRODUCTION.\n")));
    }

    void guardrailFailure_isTheServiceOutcome()
    {
        QProcessEnvironment env = production(QStringLiteral("postgresql://a@db.example/dpm?sslmode=require"),
            QStringLiteral("postgresql://a@db.example/proposals?sslmode=require"));
        env.insert(QStringLiteral("PROPOSAL_STORE_BACKEND"), QStringLiteral("IN_MEMORY"));
        const CutoverReport report = checkProductionCutover(env, false);
        QCOMPARE(codes(report), QStringList { QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES") });
        QCOMPARE(report.serviceOutcome(), QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES"));
        const QJsonObject json = report.toJson();
        QCOMPARE(json.keys(),
            QStringList({ QStringLiteral("checked_migrations"), QStringLiteral("findings"), QStringLiteral("passed"),
                QStringLiteral("profile"), QStringLiteral("service_outcome") }));
        QCOMPARE(json.value(QStringLiteral("checked_migrations")).toBool(), false);
    }

    void tls_sslmodeBelowRequire_isAWarning_data()
    {
        QTest::addColumn<QString>("dsn");
        QTest::addColumn<QString>("pgsslmode");
        QTest::addColumn<bool>("warned");
        const QString none;
        QTest::newRow("URI without sslmode") << "postgresql://u:p-secret@db.example/dpm" << none << true;
        QTest::newRow("URI disable") << "postgresql://u@db.example/dpm?sslmode=disable" << none << true;
        QTest::newRow("key=value allow") << "host=db.example dbname=dpm sslmode=allow" << none << true;
        QTest::newRow("key=value prefer")
            << "host=db.example dbname=dpm sslmode=prefer password=p-secret" << none << true;
        QTest::newRow("URI require") << "postgresql://u@db.example/dpm?sslmode=require" << none << false;
        QTest::newRow("key=value verify-full") << "host=db.example dbname=dpm sslmode=verify-full" << none << false;
        QTest::newRow("verify-ca upper case") << "host=db.example dbname=dpm sslmode=VERIFY-CA" << none << false;
        QTest::newRow("PGSSLMODE require") << "host=db.example dbname=dpm"
                                           << "require" << false;
        QTest::newRow("PGSSLMODE prefer") << "host=db.example dbname=dpm"
                                          << "prefer" << true;
        QTest::newRow("DSN wins over PGSSLMODE") << "host=db.example dbname=dpm sslmode=disable"
                                                 << "verify-full" << true;
        QTest::newRow("legacy requiressl=1") << "host=db.example dbname=dpm requiressl=1" << none << false;
        QTest::newRow("Unix socket") << "host=/var/run/postgresql dbname=dpm" << none << false;
        QTest::newRow("no host: local socket") << "dbname=dpm user=u" << none << false;
        QTest::newRow("hostaddr") << "hostaddr=10.0.0.5 dbname=dpm" << none << true;
    }
    void tls_sslmodeBelowRequire_isAWarning()
    {
        QFETCH(QString, dsn);
        QFETCH(QString, pgsslmode);
        QFETCH(bool, warned);
        QProcessEnvironment env = production(dsn, QStringLiteral("postgresql://u@db.example/p?sslmode=verify-full"));
        if (!pgsslmode.isNull())
            env.insert(QStringLiteral("PGSSLMODE"), pgsslmode);
        const CutoverReport report = checkProductionCutover(env, false);
        const CheckFinding *finding = find(report, QStringLiteral("CUTOVER_DSN_TLS_NOT_REQUIRED"));
        QCOMPARE(bool(finding), warned);
        if (finding) {
            QCOMPARE(finding->severity, QStringLiteral("warning"));
            QVERIFY(!finding->serviceCheck);
            QVERIFY(finding->message.startsWith(QLatin1String("DPM_SUPPORTABILITY_POSTGRES_DSN ")));
        }
        QVERIFY(report.passed()); // a warning does not fail the cutover
        verifyNoSecret(report);
    }

    void tls_everyDsnIsChecked()
    {
        QProcessEnvironment env = production(QStringLiteral("postgresql://u@db.example/dpm"),
            QStringLiteral("host=db.example dbname=p sslmode=disable"));
        env.insert(QStringLiteral("DPM_POLICY_PACK_POSTGRES_DSN"), QStringLiteral("postgresql://u@db.example/pp"));
        const CutoverReport report = checkProductionCutover(env, false);
        QCOMPARE(codes(report), QStringList(3, QStringLiteral("CUTOVER_DSN_TLS_NOT_REQUIRED")));
        QVERIFY(report.findings.at(1).message.startsWith(QLatin1String("PROPOSAL_POSTGRES_DSN ")));
        QVERIFY(report.findings.at(2).message.startsWith(QLatin1String("DPM_POLICY_PACK_POSTGRES_DSN ")));
    }

    void migrationsEmpty_isReportedPerNamespace()
    {
        QTemporaryDir empty;
        const QProcessEnvironment env = production(QStringLiteral("postgresql://u@db.example/d?sslmode=require"),
            QStringLiteral("postgresql://u@db.example/p?sslmode=require"));
        const CutoverReport report = checkProductionCutover(env, true, MigrationCatalog::fromDirectory(empty.path()));
        QCOMPARE(codes(report),
            QStringList(
                { QStringLiteral("CUTOVER_MIGRATIONS_EMPTY:dpm"), QStringLiteral("CUTOVER_MIGRATIONS_EMPTY:proposals"),
                    QStringLiteral("CUTOVER_MIGRATIONS_EMPTY:console") }));
        QCOMPARE(report.serviceOutcome(), QStringLiteral("CUTOVER_MIGRATIONS_EMPTY:dpm"));
        QVERIFY(!report.findings.at(2).serviceCheck);
    }

    // --- a real server ------------------------------------------------------------------------

    void happyPath_restrictedRole_passes()
    {
        DPM_REQUIRE_POSTGRES();
        try {
            m_db = migratedDatabase();
            const QString dsn = dmlRole();
            const CutoverReport report = checkProductionCutover(production(dsn, dsn), true);
            QVERIFY2(report.passed(), qPrintable(describe(report)));
            QVERIFY(!report.serviceOutcome());
            QVERIFY2(
                !find(report, QStringLiteral("CUTOVER_RUNTIME_ROLE_CAN_ALTER_SCHEMA")), qPrintable(describe(report)));
            // The test server speaks TCP without TLS: the only finding is that warning.
            QCOMPARE(codes(report), QStringList(2, QStringLiteral("CUTOVER_DSN_TLS_NOT_REQUIRED")));
            QVERIFY(report.toText().endsWith(QLatin1String("Production cutover contract validation passed.\n")));
            QCOMPARE(report.toJson().value(QStringLiteral("service_outcome")), QJsonValue(QJsonValue::Null));
            verifyNoSecret(report);
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    void superuser_isAnError_theServiceWouldPass()
    {
        DPM_REQUIRE_POSTGRES();
        try {
            m_db = migratedDatabase();
            const CutoverReport report = checkProductionCutover(production(superuserDsn(), superuserDsn()), true);
            VERIFY_FINDING(report, "CUTOVER_RUNTIME_ROLE_CAN_ALTER_SCHEMA", "error");
            QVERIFY(find(report, QStringLiteral("CUTOVER_RUNTIME_ROLE_CAN_ALTER_SCHEMA"))
                        ->message.contains(QLatin1String("superuser")));
            QVERIFY(!report.passed());
            QVERIFY(!report.serviceOutcome()); // a console check: the service's own check passes
            QCOMPARE(
                codes(report).count(QStringLiteral("CUTOVER_RUNTIME_ROLE_CAN_ALTER_SCHEMA")), 1); // once per database
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    void ownerCreateOrTruncateRights_areWarnings_data()
    {
        QTest::addColumn<QString>("grants");
        QTest::addColumn<QString>("reason");
        QTest::newRow("owns a table") << "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1; "
                                         "ALTER TABLE dpm_runs OWNER TO %1"
                                      << "owns dpm_runs";
        QTest::newRow("may create in public") << "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public "
                                                 "TO %1; GRANT CREATE ON SCHEMA public TO %1"
                                              << "may create tables in schema public";
        QTest::newRow("may truncate") << "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1; "
                                         "GRANT TRUNCATE ON dpm_lineage_edges TO %1"
                                      << "may truncate dpm_lineage_edges";
    }
    void ownerCreateOrTruncateRights_areWarnings()
    {
        QFETCH(QString, grants);
        QFETCH(QString, reason);
        DPM_REQUIRE_POSTGRES();
        try {
            m_db = migratedDatabase();
            const QString dsn = role(QStringLiteral("wide"), grants);
            const CutoverReport report = checkProductionCutover(production(dsn, dsn), true);
            VERIFY_FINDING(report, "CUTOVER_RUNTIME_ROLE_CAN_ALTER_SCHEMA", "warning");
            const QString message = find(report, QStringLiteral("CUTOVER_RUNTIME_ROLE_CAN_ALTER_SCHEMA"))->message;
            QVERIFY2(message.contains(reason), qPrintable(message));
            QVERIFY2(report.passed(), qPrintable(describe(report)));
            verifyNoSecret(report);
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    void ledgerNotReadable_isACheckFailureOfTheNamespace()
    {
        DPM_REQUIRE_POSTGRES();
        try {
            m_db = migratedDatabase();
            const QString dsn = role(QStringLiteral("norights"), QString());
            const CutoverReport report = checkProductionCutover(production(dsn, dsn), true);
            VERIFY_FINDING(report, "CUTOVER_CHECK_FAILED:dpm", "error");
            QVERIFY(find(report, QStringLiteral("CUTOVER_CHECK_FAILED:dpm"))
                        ->message.contains(QLatin1String("permission denied")));
            QCOMPARE(report.serviceOutcome(), QStringLiteral("CUTOVER_CHECK_FAILED:dpm"));
            verifyNoSecret(report);
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    void ledgerTableMissing_isTheServicesError()
    {
        DPM_REQUIRE_POSTGRES();
        try {
            m_db = PgServer::instance()
                       .createDatabase(QStringLiteral("ledger_missing"))
                       .libpqParameter(QStringLiteral("dbname"));
            const QString dsn = dmlRole();
            const CutoverReport report = checkProductionCutover(production(dsn, dsn), true);
            VERIFY_FINDING(report, "CUTOVER_SCHEMA_MIGRATIONS_TABLE_MISSING", "error");
            QCOMPARE(report.serviceOutcome(), QStringLiteral("CUTOVER_SCHEMA_MIGRATIONS_TABLE_MISSING"));
            QVERIFY(!report.passed());
            QVERIFY(report.toText().contains(QLatin1String("failed: CUTOVER_SCHEMA_MIGRATIONS_TABLE_MISSING.")));
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    void missingMigrations_allListed_smallestIsTheServices()
    {
        DPM_REQUIRE_POSTGRES();
        try {
            m_db = migratedDatabase();
            superuserSql(QStringLiteral("DELETE FROM schema_migrations WHERE version IN "
                                        "('dpm:0002', 'proposals:0001', 'proposals:0002', 'console:0004')"));
            const QString dsn = dmlRole();
            const CutoverReport report = checkProductionCutover(production(dsn, dsn), true);
            QStringList missing;
            for (const QString &code : codes(report)) {
                if (code.startsWith(QLatin1String("CUTOVER_MIGRATION_MISSING:")))
                    missing << code;
            }
            QCOMPARE(missing,
                QStringList({ QStringLiteral("CUTOVER_MIGRATION_MISSING:dpm:0002"),
                    QStringLiteral("CUTOVER_MIGRATION_MISSING:proposals:0001"),
                    QStringLiteral("CUTOVER_MIGRATION_MISSING:proposals:0002"),
                    QStringLiteral("CUTOVER_MIGRATION_MISSING:console:0004") }));
            VERIFY_FINDING(report, "CUTOVER_MIGRATION_MISSING:dpm:0002", "error");
            VERIFY_FINDING(report, "CUTOVER_MIGRATION_MISSING:console:0004", "warning");
            QCOMPARE(report.serviceOutcome(), QStringLiteral("CUTOVER_MIGRATION_MISSING:dpm:0002"));
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    // The proposals in a database of their own: console/0005 and 0008 run there, and are
    // checked there, not missed in the DPM database.
    void splitSetup_consoleMigrationsAreCheckedWhereTheyRun()
    {
        DPM_REQUIRE_POSTGRES();
        try {
            const MigrationCatalog catalog = MigrationCatalog::embedded(SqlDialect::Kind::Postgres);
            const auto migrated = [&](const QString &hint, MigrationDatabase database, const QStringList &namespaces) {
                const StoreLocation location = PgServer::instance().createDatabase(hint);
                SqlDatabase db(location);
                Migrator(db, catalog.forDatabase(database)).apply(namespaces);
                return location;
            };
            const StoreLocation dpm = migrated(QStringLiteral("split_dpm"), MigrationDatabase::DpmStore,
                { QStringLiteral("dpm"), QStringLiteral("console") });
            const StoreLocation proposals = migrated(QStringLiteral("split_proposals"),
                MigrationDatabase::ProposalStore, { QStringLiteral("proposals"), QStringLiteral("console") });
            const auto dsn = [](const StoreLocation &location) {
                return PgServer::instance().url(location.libpqParameter(QStringLiteral("dbname")));
            };
            CutoverReport report = checkProductionCutover(production(dsn(dpm), dsn(proposals)), true);
            for (const QString &code : codes(report))
                QVERIFY2(!code.startsWith(QLatin1String("CUTOVER_MIGRATION_MISSING:")), qPrintable(describe(report)));

            PgServer::instance().execAsSuperuser(proposals.libpqParameter(QStringLiteral("dbname")),
                QStringLiteral("DELETE FROM schema_migrations WHERE version = 'console:0008'"));
            report = checkProductionCutover(production(dsn(dpm), dsn(proposals)), true);
            VERIFY_FINDING(report, "CUTOVER_MIGRATION_MISSING:console:0008", "warning");
            const CheckFinding *missing = find(report, QStringLiteral("CUTOVER_MIGRATION_MISSING:console:0008"));
            QVERIFY2(missing->message.contains(QLatin1String("PROPOSAL_POSTGRES_DSN")), qPrintable(missing->message));
            QCOMPARE(codes(report).count(QStringLiteral("CUTOVER_MIGRATION_MISSING:console:0008")), 1);
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    void checksumDrift_isAConsoleError_unknownServiceChecksumIsInfo()
    {
        DPM_REQUIRE_POSTGRES();
        try {
            m_db = migratedDatabase();
            superuserSql(QStringLiteral("UPDATE schema_migrations SET checksum = repeat('ab', 32) "
                                        "WHERE version IN ('console:0002', 'dpm:0001')"));
            const QString dsn = dmlRole();
            const CutoverReport report = checkProductionCutover(production(dsn, dsn), true);
            VERIFY_FINDING(report, "CUTOVER_MIGRATION_CHECKSUM_DRIFT:console:0002", "error");
            // dpm:0001's tables and columns exist: the service applied its own text of it.
            VERIFY_FINDING(report, "CUTOVER_MIGRATION_APPLIED_BY_SERVICE:dpm:0001", "info");
            QVERIFY(!find(report, QStringLiteral("CUTOVER_MIGRATION_CHECKSUM_DRIFT:dpm:0001")));
            QVERIFY(!report.passed());
            QVERIFY(!report.serviceOutcome()); // the service does not compare checksums
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    // The same findings as migrate validate's (Migrator::schemaDrift), whatever the role may read.
    void schemaDrift_droppedTableAndColumn_areConsoleErrors()
    {
        DPM_REQUIRE_POSTGRES();
        try {
            m_db = migratedDatabase();
            superuserSql(QStringLiteral("DROP TABLE dpm_lineage_edges"));
            superuserSql(QStringLiteral("ALTER TABLE proposal_records DROP COLUMN created_by"));
            const QString dsn = dmlRole();
            superuserSql(QStringLiteral("REVOKE ALL ON dpm_runs FROM %1").arg(QUrl(dsn).userName()));
            const CutoverReport report = checkProductionCutover(production(dsn, dsn), true);
            VERIFY_FINDING(report, "MIGRATION_SCHEMA_TABLE_MISSING:dpm:0001:dpm_lineage_edges", "error");
            VERIFY_FINDING(
                report, "MIGRATION_SCHEMA_COLUMN_MISSING:proposals:0001:proposal_records.created_by", "error");
            QStringList drift = codes(report).filter(QStringLiteral("MIGRATION_SCHEMA_"));
            QCOMPARE(drift.size(), 2); // dpm_runs, which the role may not read, is there
            QVERIFY(!report.passed());
            QVERIFY(!report.serviceOutcome()); // the service checks only the ledger
            QVERIFY(!find(report, QStringLiteral("MIGRATION_SCHEMA_TABLE_MISSING:dpm:0001:dpm_lineage_edges"))
                         ->serviceCheck);

            SqlDatabase db(StoreLocation::parse(superuserDsn()));
            QStringList validated;
            for (const MigrationFinding &finding : Migrator(db).validate(Migrator::namespaces()).findings)
                validated << finding.code + u' ' + finding.message;
            for (const CheckFinding &finding : report.findings) {
                if (finding.code.startsWith(QLatin1String("MIGRATION_SCHEMA_")))
                    QVERIFY(validated.contains(finding.code + u' ' + finding.message));
            }
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    void connectionFailure_usesTheServicesCodes_redacted()
    {
        DPM_REQUIRE_POSTGRES();
        // Port 1 on localhost refuses at once.
        const QString dead = QStringLiteral("postgresql://app:pw-dead-secret@127.0.0.1:1/dpm?connect_timeout=5");
        const CutoverReport report
            = checkProductionCutover(production(dead, dead + QStringLiteral("&application_name=proposals")), true);
        VERIFY_FINDING(report, "DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED", "error");
        VERIFY_FINDING(report, "PROPOSAL_POSTGRES_CONNECTION_FAILED", "error");
        // The console namespace shares the DPM DSN: its failure is reported once.
        QCOMPARE(codes(report).count(QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED")), 1);
        QCOMPARE(report.serviceOutcome(), QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED"));
        verifyNoSecret(report);
    }
};

QTEST_GUILESS_MAIN(TestCutoverCheck)
#include "tst_cutovercheck.moc"
