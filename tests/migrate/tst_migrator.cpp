// The migration runner against a real database: one source, run once per SQL backend
// (DPM_TEST_BACKEND=sqlite / postgres).
#include "domain/error.h"
#include "migrate/migrator.h"
#include "pgserver.h"
#include "services/storeopening.h"
#include "store/sqldatabase.h"
#include "store/sqlstore.h"
#include "testbackend.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <latch>
#include <memory>

using namespace dpm;

namespace {

const bool kPostgres = test::testBackend() == test::TestBackend::Postgres;

const QString kCodePrefix = kPostgres ? QStringLiteral("POSTGRES_") : QStringLiteral("SQLITE_");

const QStringList kAllTables { QStringLiteral("dpm_runs"), QStringLiteral("dpm_run_artifacts"),
    QStringLiteral("dpm_run_idempotency"), QStringLiteral("dpm_run_idempotency_history"),
    QStringLiteral("dpm_async_operations"), QStringLiteral("dpm_workflow_decisions"),
    QStringLiteral("dpm_lineage_edges"), QStringLiteral("dpm_policy_packs"), QStringLiteral("proposal_records"),
    QStringLiteral("proposal_versions"), QStringLiteral("proposal_workflow_events"),
    QStringLiteral("proposal_approvals"), QStringLiteral("proposal_idempotency"),
    QStringLiteral("proposal_async_operations"), QStringLiteral("proposal_simulation_idempotency"),
    QStringLiteral("dpm_run_events"), QStringLiteral("dpm_outbox"), QStringLiteral("console_audit_log"),
    QStringLiteral("console_summary_counts"), QStringLiteral("console_run_list") };

const QStringList kAllLedgerVersions { QStringLiteral("console:0001"), QStringLiteral("console:0002"),
    QStringLiteral("console:0003"), QStringLiteral("console:0004"), QStringLiteral("console:0005"),
    QStringLiteral("console:0006"), QStringLiteral("console:0007"), QStringLiteral("console:0008"),
    QStringLiteral("console:0009"), QStringLiteral("console:0010"),
    QStringLiteral("dpm:0001"), QStringLiteral("dpm:0002"),
    QStringLiteral("proposals:0001"), QStringLiteral("proposals:0002") };

// The seven tables as the service's SQLite adapter creates them: its own text, same columns.
const QStringList kServiceDpmTables {
    QStringLiteral("CREATE TABLE dpm_runs (rebalance_run_id TEXT PRIMARY KEY, correlation_id TEXT NOT NULL UNIQUE, "
                   "request_hash TEXT NOT NULL, idempotency_key TEXT, portfolio_id TEXT NOT NULL, "
                   "created_at TEXT NOT NULL, result_json TEXT NOT NULL)"),
    QStringLiteral("CREATE TABLE dpm_run_artifacts (rebalance_run_id TEXT PRIMARY KEY, artifact_json TEXT NOT NULL)"),
    QStringLiteral("CREATE TABLE dpm_run_idempotency (idempotency_key TEXT PRIMARY KEY, request_hash TEXT NOT NULL, "
                   "rebalance_run_id TEXT NOT NULL, created_at TEXT NOT NULL)"),
    QStringLiteral("CREATE TABLE dpm_run_idempotency_history (idempotency_key TEXT NOT NULL, rebalance_run_id TEXT "
                   "NOT NULL, correlation_id TEXT NOT NULL, request_hash TEXT NOT NULL, created_at TEXT NOT NULL)"),
    QStringLiteral("CREATE TABLE dpm_async_operations (operation_id TEXT PRIMARY KEY, operation_type TEXT NOT NULL, "
                   "status TEXT NOT NULL, correlation_id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, "
                   "started_at TEXT, finished_at TEXT, result_json TEXT, error_json TEXT, request_json TEXT)"),
    QStringLiteral("CREATE TABLE dpm_workflow_decisions (decision_id TEXT PRIMARY KEY, run_id TEXT NOT NULL, "
                   "action TEXT NOT NULL, reason_code TEXT NOT NULL, comment TEXT, actor_id TEXT NOT NULL, "
                   "decided_at TEXT NOT NULL, correlation_id TEXT NOT NULL)"),
    QStringLiteral("CREATE TABLE dpm_lineage_edges (source_entity_id TEXT NOT NULL, edge_type TEXT NOT NULL, "
                   "target_entity_id TEXT NOT NULL, created_at TEXT NOT NULL, metadata_json TEXT NOT NULL)")
};

QStringList ledgerVersions(SqlDatabase &db)
{
    QStringList versions;
    SqlRows q = db.exec(QStringLiteral("SELECT version FROM schema_migrations"));
    while (q.next())
        versions << q.value(0).toString();
    versions.sort();
    return versions;
}

QStringList appliedVersions(const MigrationApplyReport &report)
{
    QStringList versions;
    for (const AppliedMigration &migration : report.applied)
        versions << migration.ns + u':' + migration.version;
    return versions;
}

QList<MigrationState> states(const QList<MigrationStatusRow> &rows)
{
    QList<MigrationState> result;
    for (const MigrationStatusRow &row : rows)
        result << row.state;
    return result;
}

QStringList findingCodes(const ValidationReport &report, const QString &severity)
{
    QStringList codes;
    for (const MigrationFinding &finding : report.findings) {
        if (finding.severity == severity)
            codes << finding.code;
    }
    return codes;
}

// The code of the dpm::Error the call throws, or "" when it throws none.
template <typename Call> QString errorCodeOf(Call &&call, QString *message = nullptr)
{
    try {
        call();
    } catch (const Error &error) {
        if (message)
            *message = error.message();
        return error.code();
    }
    return {};
}

} // namespace

class TestMigrator : public QObject
{
    Q_OBJECT

private:
    StoreLocation freshLocation(const QString &hint)
    {
        if (kPostgres)
            return test::PgServer::instance().createDatabase(hint);
        return StoreLocation::sqlite(m_dir.filePath(QStringLiteral("%1-%2.db").arg(hint).arg(++m_counter)));
    }

    // A catalog from files written into a fresh folder: relative path -> text.
    MigrationCatalog catalogFrom(const QMap<QString, QString> &files)
    {
        const QString root = m_dir.filePath(QStringLiteral("catalog-%1").arg(++m_counter));
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            const QString path = root + u'/' + it.key();
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                qFatal("cannot write %s", qPrintable(path));
            file.write(it.value().toUtf8());
        }
        return MigrationCatalog::fromDirectory(root);
    }

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<SqlDatabase> m_indexed; // one migrated database for every query shape

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (kPostgres)
            DPM_REQUIRE_POSTGRES();
    }

    void apply_freshDatabase_createsEveryTableAndLedgerRow()
    {
        SqlDatabase db(freshLocation(QStringLiteral("fresh")));
        QStringList progressLines;
        const MigrationApplyReport report
            = Migrator(db).apply(Migrator::namespaces(), [&](const QString &line) { progressLines << line; });

        QCOMPARE(appliedVersions(report),
            QStringList({ QStringLiteral("dpm:0001"), QStringLiteral("dpm:0002"), QStringLiteral("proposals:0001"),
                QStringLiteral("proposals:0002"), QStringLiteral("console:0001"), QStringLiteral("console:0002"),
                QStringLiteral("console:0003"), QStringLiteral("console:0004"), QStringLiteral("console:0005"),
                QStringLiteral("console:0006"), QStringLiteral("console:0007"),
                QStringLiteral("console:0008"), QStringLiteral("console:0009"), QStringLiteral("console:0010") }));
        QVERIFY(report.adopted.isEmpty());
        QCOMPARE(progressLines.size(), report.applied.size());
        for (const QString &table : kAllTables)
            QVERIFY2(db.tableExists(table), qPrintable(table));
        QCOMPARE(ledgerVersions(db), kAllLedgerVersions);

        const MigrationCatalog catalog = MigrationCatalog::embedded(db.dialect().kind());
        SqlRows q
            = db.exec(QStringLiteral("SELECT checksum, namespace, applied_at FROM schema_migrations WHERE version = ?"),
                { QStringLiteral("console:0002") });
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), catalog.files(QStringLiteral("console")).at(1).checksum);
        QCOMPARE(q.value(1).toString(), QStringLiteral("console"));
        QVERIFY(q.value(2).toString().endsWith(QLatin1String("+00:00")));
    }

    void openStore_emptyDatabase_refusedUnlessAllowed_andSchemaSeenAfterApply()
    {
        const StoreLocation location = freshLocation(QStringLiteral("uninitialised"));
        QString message;
        QCOMPARE(errorCodeOf([&] { openStore(location); }, &message), QStringLiteral("DPM_SCHEMA_NOT_INITIALISED"));
        QVERIFY2(message.contains(QLatin1String("migrate apply")), qPrintable(message));

        // The console's admin mode: opened, says it has no schema, and migrates through it.
        std::unique_ptr<SupportStore> store = openStore(location, { .allowMissingSchema = true });
        auto *sql = dynamic_cast<SqlStore *>(store.get());
        QVERIFY(sql);
        QVERIFY(!sql->hasSchema());
        Migrator(sql->database()).apply(Migrator::namespaces());
        QVERIFY(!sql->hasSchema()); // read once: the caller reopens

        std::unique_ptr<SupportStore> reopened = openStore(location);
        QVERIFY(dynamic_cast<SqlStore &>(*reopened).hasSchema());
        QVERIFY(reopened->listRuns({}, PageRequest { 1, {} }).items.isEmpty());
    }

    void apply_secondTime_appliesNothing()
    {
        SqlDatabase db(freshLocation(QStringLiteral("reapply")));
        Migrator migrator(db);
        migrator.apply(Migrator::namespaces());
        const MigrationApplyReport again = migrator.apply(Migrator::namespaces());
        QVERIFY(again.applied.isEmpty());
        QVERIFY(again.adopted.isEmpty());
        QCOMPARE(ledgerVersions(db), kAllLedgerVersions);
    }

    void apply_consoleAlone_appliesWhatItBuildsOnFirst()
    {
        // console/0005 indexes the proposal tables: "migrate apply --namespace console", which the
        // console's error sentences recommend, must work on a store that has neither dpm nor proposals.
        SqlDatabase db(freshLocation(QStringLiteral("console-alone")));
        Migrator migrator(db);
        const QStringList console { QStringLiteral("console") };
        QCOMPARE(migrator.plan(console).steps.size(), 14);
        const MigrationApplyReport report = migrator.apply(console);
        QCOMPARE(appliedVersions(report).first(), QStringLiteral("dpm:0001"));
        QCOMPARE(ledgerVersions(db), kAllLedgerVersions);
        QCOMPARE(Migrator::withPrerequisites({ QStringLiteral("proposals") }), QStringList({ QStringLiteral("proposals") }));
        QCOMPARE(Migrator::withPrerequisites(console),
            QStringList({ QStringLiteral("dpm"), QStringLiteral("proposals"), QStringLiteral("console") }));
    }

    void status_afterApply_isAllApplied()
    {
        SqlDatabase db(freshLocation(QStringLiteral("status")));
        Migrator migrator(db);
        QCOMPARE(states(migrator.status(Migrator::namespaces())), QList<MigrationState>(14, MigrationState::Pending));
        migrator.apply(Migrator::namespaces());
        const QList<MigrationStatusRow> rows = migrator.status(Migrator::namespaces());
        QCOMPARE(states(rows), QList<MigrationState>(14, MigrationState::Applied));
        for (const MigrationStatusRow &row : rows) {
            QCOMPARE(row.ledgerChecksum, row.fileChecksum);
            QVERIFY(!row.appliedAt.isEmpty());
        }
        QCOMPARE(rows.first().toJson().value(QStringLiteral("state")).toString(), QStringLiteral("applied"));
        const ValidationReport validation = migrator.validate(Migrator::namespaces(), true);
        QVERIFY(validation.ok);
        QVERIFY(validation.findings.isEmpty());
    }

    void plan_freshDatabase_listsEveryFileAndChangesNothing()
    {
        SqlDatabase db(freshLocation(QStringLiteral("plan")));
        const MigrationCatalog catalog = MigrationCatalog::embedded(db.dialect().kind());
        const MigrationPlan plan = Migrator(db).plan(Migrator::namespaces());

        QCOMPARE(plan.steps.size(), 14);
        for (const MigrationPlanStep &step : plan.steps) {
            const auto files = catalog.files(step.ns);
            const auto file = std::find_if(
                files.begin(), files.end(), [&](const MigrationFile &f) { return f.version == step.version; });
            QVERIFY(file != files.end());
            QCOMPARE(step.checksum, file->checksum);
            QCOMPARE(step.statements, splitSqlStatements(file->sql));
            QVERIFY(!step.statements.isEmpty());
            QVERIFY(!step.adopt);
        }
        QCOMPARE(plan.steps.first().ns, QStringLiteral("dpm"));
        QCOMPARE(plan.steps.last().ns, QStringLiteral("console"));
        QVERIFY(!db.tableExists(QStringLiteral("schema_migrations")));
        QVERIFY(!db.tableExists(QStringLiteral("dpm_runs")));
    }

    void apply_modifiedConsoleFile_failsWithChecksumMismatch()
    {
        SqlDatabase db(freshLocation(QStringLiteral("modified")));
        const QString path = QStringLiteral("console/0001_notes.sql");
        const QString original = QStringLiteral("CREATE TABLE console_test_notes (note_id TEXT PRIMARY KEY);\n");
        Migrator(db, catalogFrom({ { path, original } })).apply({ QStringLiteral("console") });

        Migrator edited(db, catalogFrom({ { path, original + QStringLiteral("-- edited afterwards\n") } }));
        const QString expected = kCodePrefix + QStringLiteral("MIGRATION_CHECKSUM_MISMATCH:console:0001");
        QCOMPARE(
            states(edited.status({ QStringLiteral("console") })), QList<MigrationState> { MigrationState::Modified });
        QString message;
        QCOMPARE(errorCodeOf([&] { edited.apply({ QStringLiteral("console") }); }, &message), expected);
        QVERIFY2(message.contains(QLatin1String("fix forward with a new numbered file")), qPrintable(message));
        QCOMPARE(errorCodeOf([&] { edited.plan({ QStringLiteral("console") }); }), expected);
        const ValidationReport validation = edited.validate({ QStringLiteral("console") });
        QVERIFY(!validation.ok);
        QCOMPARE(findingCodes(validation, QStringLiteral("error")), QStringList { expected });

        Migrator crlf(db, catalogFrom({ { path, QString(original).replace(u'\n', QStringLiteral("\r\n")) } }));
        QCOMPARE(states(crlf.status({ QStringLiteral("console") })), QList<MigrationState> { MigrationState::Applied });
    }

    void status_serviceNamespaceUnknownChecksum_acceptedOnlyWhenSchemaMatches()
    {
        SqlDatabase db(freshLocation(QStringLiteral("servicechecksum")));
        const QString path = QStringLiteral("dpm/0001_things.sql");
        const QString ours = QStringLiteral(
            "CREATE TABLE IF NOT EXISTS svc_things (thing_id TEXT PRIMARY KEY, label TEXT NOT NULL);\n");
        Migrator(db, catalogFrom({ { path, ours } })).apply({ QStringLiteral("dpm") });

        Migrator sameSchema(db, catalogFrom({ { path, QStringLiteral("-- another text\n") + ours } }));
        QCOMPARE(states(sameSchema.status({ QStringLiteral("dpm") })),
            QList<MigrationState> { MigrationState::AppliedByService });
        QVERIFY(sameSchema.apply({ QStringLiteral("dpm") }).applied.isEmpty());
        const ValidationReport lenient = sameSchema.validate({ QStringLiteral("dpm") });
        QVERIFY(lenient.ok);
        QCOMPARE(findingCodes(lenient, QStringLiteral("info")),
            QStringList { QStringLiteral("MIGRATION_APPLIED_BY_SERVICE:dpm:0001") });
        const ValidationReport strict = sameSchema.validate({ QStringLiteral("dpm") }, true);
        QVERIFY(!strict.ok);
        QCOMPARE(findingCodes(strict, QStringLiteral("error")),
            QStringList { kCodePrefix + QStringLiteral("MIGRATION_CHECKSUM_MISMATCH:dpm:0001") });

        Migrator widerSchema(db,
            catalogFrom({ { path,
                QString(ours).replace(QStringLiteral("NOT NULL"), QStringLiteral("NOT NULL, extra TEXT")) } }));
        QCOMPARE(
            states(widerSchema.status({ QStringLiteral("dpm") })), QList<MigrationState> { MigrationState::Modified });
        QString message;
        QCOMPARE(errorCodeOf([&] { widerSchema.apply({ QStringLiteral("dpm") }); }, &message),
            kCodePrefix + QStringLiteral("MIGRATION_CHECKSUM_MISMATCH:dpm:0001"));
        QVERIFY2(message.contains(QLatin1String("svc_things.extra")), qPrintable(message));
    }

    void apply_failingStatement_rollsBackThatMigrationOnly()
    {
        SqlDatabase db(freshLocation(QStringLiteral("failing")));
        const QString first = QStringLiteral("CREATE TABLE console_test_notes (note_id TEXT PRIMARY KEY);\n");
        Migrator broken(db,
            catalogFrom({ { QStringLiteral("console/0001_notes.sql"), first },
                { QStringLiteral("console/0002_broken.sql"),
                    QStringLiteral("CREATE TABLE console_test_partial (x TEXT);\n"
                                   "INSERT INTO console_test_nowhere VALUES ('x');\n") } }));
        QString message;
        QCOMPARE(errorCodeOf([&] { broken.apply({ QStringLiteral("console") }); }, &message),
            kCodePrefix + QStringLiteral("MIGRATION_FAILED:console:0002"));
        QVERIFY2(message.contains(QLatin1String("statement 2 of 2")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("INSERT INTO console_test_nowhere")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("console_test_nowhere")), qPrintable(message));

        QCOMPARE(ledgerVersions(db), QStringList { QStringLiteral("console:0001") });
        QVERIFY(db.tableExists(QStringLiteral("console_test_notes")));
        QVERIFY(!db.tableExists(QStringLiteral("console_test_partial")));
        if (kPostgres) {
            SqlRows locks = db.exec(QStringLiteral("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'"));
            QVERIFY(locks.next());
            QCOMPARE(locks.value(0).toInt(), 0);
        }

        // The connection is usable: no transaction left open, and a fixed file applies.
        db.exec(QStringLiteral("INSERT INTO console_test_notes (note_id) VALUES (?)"), { QStringLiteral("n1") });
        Migrator fixed(db,
            catalogFrom({ { QStringLiteral("console/0001_notes.sql"), first },
                { QStringLiteral("console/0002_fixed.sql"),
                    QStringLiteral("CREATE TABLE console_test_partial (x TEXT);\n") } }));
        QCOMPARE(appliedVersions(fixed.apply({ QStringLiteral("console") })),
            QStringList { QStringLiteral("console:0002") });
        QVERIFY(db.tableExists(QStringLiteral("console_test_partial")));
    }

    void apply_twoMigratorsAtOnce_applyEachFileOnce()
    {
        const StoreLocation location = freshLocation(QStringLiteral("concurrent"));
        struct Outcome
        {
            MigrationApplyReport report;
            QString error;
        };
        Outcome outcomes[2];
        std::latch bothRunning(2);
        auto migrate = [&location, &bothRunning](Outcome *outcome) {
            bothRunning.arrive_and_wait();
            try {
                SqlDatabase db(location);
                outcome->report = Migrator(db).apply(Migrator::namespaces());
            } catch (const Error &error) {
                outcome->error = error.toString();
            }
        };
        std::unique_ptr<QThread> threads[2] = { std::unique_ptr<QThread>(QThread::create(migrate, &outcomes[0])),
            std::unique_ptr<QThread>(QThread::create(migrate, &outcomes[1])) };
        for (auto &thread : threads)
            thread->start();
        for (auto &thread : threads)
            QVERIFY(thread->wait(120000));

        QVERIFY2(outcomes[0].error.isEmpty(), qPrintable(outcomes[0].error));
        QVERIFY2(outcomes[1].error.isEmpty(), qPrintable(outcomes[1].error));
        QStringList appliedByEither = appliedVersions(outcomes[0].report) + appliedVersions(outcomes[1].report);
        appliedByEither.sort();
        QCOMPARE(appliedByEither, kAllLedgerVersions);
        SqlDatabase db(location);
        QCOMPARE(ledgerVersions(db), kAllLedgerVersions);
    }

    void apply_serviceTablesWithoutLedger_adoptsDpmBaseline()
    {
        SqlDatabase db(freshLocation(QStringLiteral("adopt")));
        for (const QString &statement : kServiceDpmTables)
            db.execDirect(statement);
        db.exec(QStringLiteral("INSERT INTO dpm_runs VALUES (?, ?, ?, NULL, ?, ?, ?)"),
            { QStringLiteral("rr_00000001"), QStringLiteral("corr_1"), QStringLiteral("sha256:00"),
                QStringLiteral("P1"), QStringLiteral("2026-02-20T12:00:00+00:00"),
                QStringLiteral("{\"status\":\"READY\"}") });
        Migrator migrator(db);

        const MigrationPlan plan = migrator.plan(Migrator::namespaces());
        QCOMPARE(plan.steps.first().version, QStringLiteral("0001"));
        QVERIFY(plan.steps.first().adopt);
        QCOMPARE(plan.steps.first().toJson().value(QStringLiteral("action")).toString(), QStringLiteral("adopt"));

        const MigrationApplyReport report = migrator.apply(Migrator::namespaces());
        QCOMPARE(report.adopted, QStringList { QStringLiteral("dpm:0001") });
        QCOMPARE(appliedVersions(report),
            QStringList({ QStringLiteral("dpm:0002"), QStringLiteral("proposals:0001"),
                QStringLiteral("proposals:0002"), QStringLiteral("console:0001"), QStringLiteral("console:0002"),
                QStringLiteral("console:0003"), QStringLiteral("console:0004"), QStringLiteral("console:0005"),
                QStringLiteral("console:0006"), QStringLiteral("console:0007"),
                QStringLiteral("console:0008"), QStringLiteral("console:0009"), QStringLiteral("console:0010") }));
        QCOMPARE(states(migrator.status(Migrator::namespaces())), QList<MigrationState>(14, MigrationState::Applied));
        QVERIFY(migrator.validate(Migrator::namespaces(), true).ok);
        SqlRows runs = db.exec(QStringLiteral("SELECT COUNT(*) FROM dpm_runs"));
        QVERIFY(runs.next());
        QCOMPARE(runs.value(0).toInt(), 1);
    }

    void apply_serviceTableMissingColumn_failsWithSchemaMismatch()
    {
        SqlDatabase db(freshLocation(QStringLiteral("mismatch")));
        db.execDirect(
            QStringLiteral("CREATE TABLE dpm_runs (rebalance_run_id TEXT PRIMARY KEY, created_at TEXT NOT NULL)"));
        QString message;
        QCOMPARE(errorCodeOf([&] { Migrator(db).apply(Migrator::namespaces()); }, &message),
            kCodePrefix + QStringLiteral("MIGRATION_SCHEMA_MISMATCH:dpm:0001"));
        QVERIFY2(message.contains(QLatin1String("dpm_runs.result_json")), qPrintable(message));
        QVERIFY(ledgerVersions(db).isEmpty());
    }

    void apply_serviceLedgerRows_acceptedAsAppliedByService()
    {
        SqlDatabase db(freshLocation(QStringLiteral("serviceledger")));
        for (const QString &statement : kServiceDpmTables)
            db.execDirect(statement);
        db.execDirect(
            QStringLiteral("CREATE TABLE dpm_policy_packs (policy_pack_id TEXT PRIMARY KEY, version TEXT NOT NULL, "
                           "definition_json TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"));
        db.execDirect(
            QStringLiteral("CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, namespace TEXT NOT NULL, "
                           "checksum TEXT NOT NULL, applied_at TEXT NOT NULL)"));
        for (const QString &version : { QStringLiteral("0001"), QStringLiteral("0002"), QStringLiteral("0003") }) {
            db.exec(QStringLiteral("INSERT INTO schema_migrations VALUES (?, ?, ?, ?)"),
                { QString(QStringLiteral("dpm:") + version), QStringLiteral("dpm"), QString(64, u'a'),
                    QStringLiteral("2026-01-05T09:00:00+00:00") });
        }
        Migrator migrator(db);
        QCOMPARE(states(migrator.status({ QStringLiteral("dpm") })),
            QList<MigrationState>(
                { MigrationState::AppliedByService, MigrationState::AppliedByService, MigrationState::Missing }));

        const MigrationApplyReport report = migrator.apply(Migrator::namespaces());
        QVERIFY(report.adopted.isEmpty());
        QCOMPARE(appliedVersions(report),
            QStringList(
                { QStringLiteral("proposals:0001"), QStringLiteral("proposals:0002"), QStringLiteral("console:0001"),
                    QStringLiteral("console:0002"), QStringLiteral("console:0003"), QStringLiteral("console:0004"),
                    QStringLiteral("console:0005"), QStringLiteral("console:0006"), QStringLiteral("console:0007"),
                    QStringLiteral("console:0008"), QStringLiteral("console:0009"), QStringLiteral("console:0010") }));

        const ValidationReport lenient = migrator.validate(Migrator::namespaces());
        QVERIFY(lenient.ok);
        QCOMPARE(findingCodes(lenient, QStringLiteral("info")),
            QStringList({ QStringLiteral("MIGRATION_APPLIED_BY_SERVICE:dpm:0001"),
                QStringLiteral("MIGRATION_APPLIED_BY_SERVICE:dpm:0002"),
                QStringLiteral("MIGRATION_FILE_MISSING:dpm:0003") }));
        QVERIFY(findingCodes(lenient, QStringLiteral("warning")).isEmpty());
        const ValidationReport strict = migrator.validate(Migrator::namespaces(), true);
        QVERIFY(!strict.ok);
        QVERIFY(findingCodes(strict, QStringLiteral("error"))
                    .contains(kCodePrefix + QStringLiteral("MIGRATION_CHECKSUM_MISMATCH:dpm:0001")));
    }

    void status_legacyUnprefixedVersion_countsAsDpm()
    {
        SqlDatabase db(freshLocation(QStringLiteral("legacy")));
        Migrator migrator(db);
        migrator.apply({ QStringLiteral("dpm") });
        db.exec(QStringLiteral("UPDATE schema_migrations SET version = ? WHERE version = ?"),
            { QStringLiteral("0001"), QStringLiteral("dpm:0001") });
        QCOMPARE(states(migrator.status({ QStringLiteral("dpm") })),
            QList<MigrationState>({ MigrationState::Applied, MigrationState::Applied }));
        QVERIFY(migrator.apply({ QStringLiteral("dpm") }).applied.isEmpty());
    }

    void status_namespaceWithoutFiles_failsWithNamespaceNotFound()
    {
        SqlDatabase db(freshLocation(QStringLiteral("nonamespace")));
        Migrator migrator(db, catalogFrom({ { QStringLiteral("console/0001_x.sql"), QStringLiteral("SELECT 1;") } }));
        QCOMPARE(errorCodeOf([&] { migrator.status({ QStringLiteral("dpm") }); }),
            kCodePrefix + QStringLiteral("MIGRATIONS_NAMESPACE_NOT_FOUND:dpm"));
        QCOMPARE(errorCodeOf([&] { migrator.apply({ QStringLiteral("dpm") }); }),
            kCodePrefix + QStringLiteral("MIGRATIONS_NAMESPACE_NOT_FOUND:dpm"));
    }

    void runStatusExpression_invalidJson_givesNull()
    {
        SqlDatabase db(freshLocation(QStringLiteral("runstatus")));
        Migrator(db).apply(Migrator::namespaces());
        const QString insert
            = QStringLiteral("INSERT INTO dpm_runs VALUES (?, ?, 'h', NULL, 'P1', '2026-02-20T12:00:00+00:00', ?)");
        db.exec(insert, { QStringLiteral("rr_1"), QStringLiteral("c1"), QStringLiteral("{\"status\":\"READY\"}") });
        db.exec(insert, { QStringLiteral("rr_2"), QStringLiteral("c2"), QStringLiteral("not json") });
        db.exec(insert, { QStringLiteral("rr_3"), QStringLiteral("c3"), QStringLiteral("{}") });
        SqlRows q = db.exec(QStringLiteral("SELECT %1 FROM dpm_runs ORDER BY rebalance_run_id")
                                .arg(db.dialect().runStatusExpression(true)));
        QStringList statuses;
        while (q.next())
            statuses << (q.value(0).isNull() ? QStringLiteral("<null>") : q.value(0).toString());
        QCOMPARE(
            statuses, QStringList({ QStringLiteral("READY"), QStringLiteral("<null>"), QStringLiteral("<null>") }));
    }

    // The store's query shapes (keyset order, filters, the status expression, the TTL cut-off)
    // are served by the console's indexes without a sort: collations and expressions match.
    void consoleIndexes_serveTheStoreQueryShapes_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("index");
        const QString c = SqlDialect(kPostgres ? SqlDialect::Kind::Postgres : SqlDialect::Kind::Sqlite).collateC();
        const QString runOrder = QStringLiteral(" ORDER BY created_at%1 DESC, rebalance_run_id%1 DESC LIMIT 51").arg(c);
        QTest::newRow("runs keyset") << QStringLiteral("SELECT rebalance_run_id FROM dpm_runs WHERE (created_at%1, "
                                                       "rebalance_run_id%1) < ('2026-02-20', 'rr_9')")
                                            .arg(c)
                + runOrder << QStringLiteral("ix_console_runs_created");
        QTest::newRow("runs by portfolio")
            << QStringLiteral("SELECT rebalance_run_id FROM dpm_runs WHERE portfolio_id = 'P1'") + runOrder
            << QStringLiteral("ix_console_runs_portfolio_created");
        QTest::newRow("runs by request hash")
            << QStringLiteral("SELECT rebalance_run_id FROM dpm_runs WHERE request_hash = 'sha256:00'") + runOrder
            << QStringLiteral("ix_console_runs_request_hash_created");
        QTest::newRow("runs by status (run list)")
            << QStringLiteral("SELECT rebalance_run_id FROM console_run_list WHERE status = 'READY'") + runOrder
            << QStringLiteral("ix_console_run_list_status_created");
        QTest::newRow("idempotency history")
            << QStringLiteral("SELECT rebalance_run_id FROM dpm_run_idempotency_history WHERE idempotency_key = 'k' "
                              "ORDER BY created_at%1")
                   .arg(c)
            << QStringLiteral("ix_console_idempotency_history_key_created");
        QTest::newRow("operations by status")
            << QStringLiteral("SELECT operation_id FROM dpm_async_operations WHERE status = 'PENDING' "
                              "ORDER BY created_at%1 DESC, operation_id%1 DESC LIMIT 51")
                   .arg(c)
            << QStringLiteral("ix_console_operations_status_created");
        QTest::newRow("operations ttl purge")
            << QStringLiteral("SELECT operation_id FROM dpm_async_operations WHERE COALESCE(finished_at, created_at)%1 "
                              "< '2026-02-20T00:00:00+00:00'")
                   .arg(c)
            << QStringLiteral("ix_console_operations_expiry");
        QTest::newRow("decisions by actor")
            << QStringLiteral("SELECT decision_id FROM dpm_workflow_decisions WHERE actor_id = 'a' "
                              "ORDER BY decided_at%1 DESC, decision_id%1 DESC LIMIT 51")
                   .arg(c)
            << QStringLiteral("ix_console_decisions_actor_decided");
        QTest::newRow("decisions of a run") << QStringLiteral(
            "SELECT decision_id FROM dpm_workflow_decisions WHERE run_id = 'rr_1' ORDER BY decided_at%1")
                                                   .arg(c)
                                            << QStringLiteral("ix_console_decisions_run_decided");
        QTest::newRow("lineage by target") << QStringLiteral(
            "SELECT source_entity_id FROM dpm_lineage_edges WHERE source_entity_id = 'x' "
            "OR target_entity_id = 'x'") << QStringLiteral("ix_console_lineage_target_created");
        QTest::newRow("outbox due") << QStringLiteral(
            "SELECT outbox_id FROM dpm_outbox WHERE status = 'PENDING' AND next_attempt_at%1 <= 'z' "
            "ORDER BY next_attempt_at%1 LIMIT 10")
                                           .arg(c)
                                    << QStringLiteral("ix_console_outbox_status_next_attempt");
        const QString proposalOrder
            = QStringLiteral(" ORDER BY created_at%1 DESC, proposal_id%1 DESC LIMIT 51").arg(c);
        QTest::newRow("proposals keyset")
            << QStringLiteral("SELECT proposal_id FROM proposal_records WHERE (created_at%1, proposal_id%1) < "
                              "('2026-02-20', 'pp_9')")
                       .arg(c)
                + proposalOrder
            << QStringLiteral("ix_console_proposals_created");
        QTest::newRow("proposals by portfolio, state and creator")
            << QStringLiteral("SELECT proposal_id FROM proposal_records WHERE portfolio_id = 'P1' AND "
                              "current_state = 'DRAFT' AND created_by = 'a'")
                + proposalOrder
            << QStringLiteral("ix_console_proposals_filters_created|ix_console_proposals_state_created");
        QTest::newRow("proposals by state")
            << QStringLiteral("SELECT proposal_id FROM proposal_records WHERE current_state = 'DRAFT'") + proposalOrder
            << QStringLiteral("ix_console_proposals_state_created");
        QTest::newRow("proposal events") << QStringLiteral(
            "SELECT event_id FROM proposal_workflow_events WHERE proposal_id = 'pp_1' ORDER BY occurred_at%1, event_id%1")
                                                .arg(c)
                                         << QStringLiteral("ix_console_proposal_events_history");
        QTest::newRow("proposal approvals")
            << QStringLiteral("SELECT approval_id FROM proposal_approvals WHERE proposal_id = 'pp_1' "
                              "ORDER BY occurred_at%1, approval_id%1")
                   .arg(c)
            << QStringLiteral("ix_console_proposal_approvals_history");
        QTest::newRow("proposal version id")
            << QStringLiteral("SELECT proposal_id, version_no FROM proposal_versions WHERE proposal_version_id = 'v'")
            << QStringLiteral("ix_console_proposal_versions_id");
        QTest::newRow("proposal operations")
            << QStringLiteral("SELECT operation_id FROM proposal_async_operations WHERE proposal_id = 'pp_1' "
                              "ORDER BY created_at%1, operation_id%1")
                   .arg(c)
            << QStringLiteral("ix_console_proposal_operations_proposal");
        QTest::newRow("approvals per day")
            << QStringLiteral("SELECT approval_type, approved FROM proposal_approvals WHERE occurred_at%1 >= '2026-01-01' "
                              "AND occurred_at%1 < '2026-04-01' ORDER BY occurred_at%1")
                   .arg(c)
            << QStringLiteral("ix_console_proposal_approvals_occurred");
        QTest::newRow("audit log") << QStringLiteral(
            "SELECT audit_id FROM console_audit_log ORDER BY occurred_at%1 DESC, audit_id%1 DESC LIMIT 51")
                                          .arg(c)
                                   << QStringLiteral("ix_console_audit_log_occurred");
    }

    void consoleIndexes_serveTheStoreQueryShapes()
    {
        QFETCH(QString, sql);
        QFETCH(QString, index);
        if (!m_indexed) {
            m_indexed = std::make_unique<SqlDatabase>(freshLocation(QStringLiteral("indexes")));
            Migrator(*m_indexed).apply(Migrator::namespaces());
            // Empty tables make a scan and a sort cheapest; this asks whether an index can serve
            // the filter and deliver the order.
            if (kPostgres) {
                m_indexed->execDirect(QStringLiteral("SET enable_seqscan = off"));
                m_indexed->execDirect(QStringLiteral("SET enable_sort = off"));
            }
        }
        QSqlQuery q(m_indexed->connection());
        QVERIFY2(q.exec((kPostgres ? QStringLiteral("EXPLAIN ") : QStringLiteral("EXPLAIN QUERY PLAN ")) + sql),
            qPrintable(q.lastError().text()));
        QStringList plan;
        while (q.next())
            plan << q.value(kPostgres ? 0 : 3).toString();
        const QString planText = plan.join(u'\n');
        // "a|b": either index serves the shape (on empty tables the planner picks one of them).
        const QStringList indexes = index.split(u'|');
        QVERIFY2(std::any_of(indexes.cbegin(), indexes.cend(), [&](const QString &i) { return planText.contains(i); }),
            qPrintable(planText));
        QVERIFY2(!planText.contains(QLatin1String("Sort Key")) && !planText.contains(QLatin1String("TEMP B-TREE")),
            qPrintable(planText));
    }
};

DPM_BACKEND_TEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
