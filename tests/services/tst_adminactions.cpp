// The audited admin actions of core/services (applyMigrations, purgeExpired, checkCutover) on
// each backend: one audit policy (an action that changes the store refuses without the audit
// table, unless AuditMode::Skip; a check is never refused, only not recorded) and one details
// shape per action. Run once per backend (DPM_TEST_BACKEND) like the store contract.

#include "backendstore.h"
#include "demo/demogenerator.h"
#include "services/cutoveraction.h"
#include "services/retentionpurge.h"
#include "services/storemigrations.h"
#include "store/auditlog.h"
#include "store/sqldatabase.h"
#include "store/supportstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;

namespace {

QList<AuditEntry> entriesOf(SupportStore &store)
{
    return store.auditLog().list(PageRequest { 100, std::nullopt }).items;
}

QJsonObject detailsOf(const AuditEntry &entry)
{
    return entry.toJson().value(QStringLiteral("details")).toObject();
}

PurgeOptions runPurge(int days)
{
    PurgeOptions options;
    options.target = PurgeTarget::Runs;
    options.retentionDays = days;
    options.now = demoDefaultAnchor();
    return options;
}

qint64 runCount(SupportStore &store)
{
    return store.getSupportabilitySummary().runCount;
}

#define VERIFY_THROWS_CODE(statement, expectedCode)                                                                    \
    do {                                                                                                               \
        try {                                                                                                          \
            statement;                                                                                                 \
            QFAIL("expected " expectedCode);                                                                           \
        } catch (const Error &error_) {                                                                                \
            QCOMPARE(error_.code(), QStringLiteral(expectedCode));                                                     \
        }                                                                                                              \
    } while (false)

} // namespace

class TestAdminActions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_store;

    void fill(SupportStore &store)
    {
        DemoOptions options;
        options.runCount = 60;
        generateDemoData(store, options);
    }

    // A SQL store with only the dpm namespace applied: no console audit table.
    std::unique_ptr<SupportStore> storeWithoutAuditTable(const QString &name)
    {
        const auto location = test::freshBackendLocation(*m_dir, name);
        {
            SqlDatabase db(*location);
            Migrator(db).apply({ QStringLiteral("dpm") });
        }
        return openStore(*location);
    }

private Q_SLOTS:
    void init()
    {
        DPM_OPEN_FRESH_BACKEND_STORE(m_dir, m_store, "admin_actions");
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void purgeExpired_recordsOneDetailsShapeForRunsAndOperations()
    {
        fill(*m_store);
        const qint64 before = runCount(*m_store);
        const PurgeResult preview = previewPurge(*m_store, runPurge(30));
        QVERIFY(preview.report.dryRun);
        QCOMPARE(runCount(*m_store), before);
        QVERIFY(entriesOf(*m_store).isEmpty()); // a dry run is not recorded

        const PurgeResult runs = purgeExpired(*m_store, runPurge(30));
        QVERIFY(runs.recorded);
        QCOMPARE(runs.report.deleted, preview.report.deleted);
        QCOMPARE(runCount(*m_store), before - preview.report.count(QStringLiteral("dpm_runs")));

        PurgeOptions operations;
        operations.target = PurgeTarget::Operations;
        operations.ttlSeconds = 3600;
        operations.now = demoDefaultAnchor();
        QVERIFY(purgeExpired(*m_store, operations).recorded);

        // Both entries may carry the same millisecond, so the log's order between them is not
        // fixed: look each up by its action.
        const QList<AuditEntry> entries = entriesOf(*m_store);
        QCOMPARE(entries.size(), 2);
        const auto entryOf = [&entries](const QString &action) {
            return entries.at(entries.at(0).action == action ? 0 : 1);
        };
        const AuditEntry runsEntry = entryOf(QStringLiteral("purge.runs"));
        const AuditEntry operationsEntry = entryOf(QStringLiteral("purge.operations"));
        QCOMPARE(runsEntry.action, QStringLiteral("purge.runs"));
        QCOMPARE(runsEntry.outcome, QStringLiteral("succeeded"));
        QCOMPARE(runsEntry.target, m_store->describe());
        QCOMPARE(detailsOf(runsEntry).keys(),
            QStringList({ QStringLiteral("duration_ms"), QStringLiteral("now"), QStringLiteral("report"),
                QStringLiteral("retention_days") }));
        QCOMPARE(detailsOf(runsEntry).value(QStringLiteral("retention_days")).toInt(), 30);
        QCOMPARE(operationsEntry.action, QStringLiteral("purge.operations"));
        QCOMPARE(detailsOf(operationsEntry).keys(),
            QStringList({ QStringLiteral("duration_ms"), QStringLiteral("now"), QStringLiteral("report"),
                QStringLiteral("ttl_seconds") }));
    }

    void purgeExpired_cancelledBeforeItStarts_deletesNothing()
    {
        fill(*m_store);
        const qint64 before = runCount(*m_store);
        CancelToken cancel;
        cancel.cancel();
        VERIFY_THROWS_CODE(purgeExpired(*m_store, runPurge(1), {}, &cancel), "ADMIN_ACTION_CANCELLED");
        QCOMPARE(runCount(*m_store), before);
    }

    void checkCutover_isRecorded()
    {
        CutoverCheckOptions options; // an empty environment: LOCAL, so the check fails
        QStringList sentences;
        const CutoverCheckResult result = checkCutover(
            *m_store, options, [&](int, int, const QString &sentence) { sentences << sentence; });
        QVERIFY(!result.report.passed());
        QVERIFY(result.recorded);
        QVERIFY(!result.auditError);
        QVERIFY(!sentences.isEmpty());
        const QList<AuditEntry> entries = entriesOf(*m_store);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().action, QStringLiteral("cutover.check"));
        QCOMPARE(entries.first().outcome, QStringLiteral("failed: CUTOVER_PROFILE_NOT_PRODUCTION"));
        QCOMPARE(detailsOf(entries.first()).keys(),
            QStringList({ QStringLiteral("check_migrations"), QStringLiteral("findings"), QStringLiteral("passed"),
                QStringLiteral("profile"), QStringLiteral("service_outcome") }));
        QCOMPARE(detailsOf(entries.first()).value(QStringLiteral("findings")).toInteger(),
            qint64(result.report.findings.size()));
    }

    void checkCutover_cancelled_throwsAndIsRecordedAsCancelled()
    {
        CancelToken cancel;
        cancel.cancel();
        VERIFY_THROWS_CODE(checkCutover(*m_store, {}, {}, &cancel), "ADMIN_ACTION_CANCELLED");
        QVERIFY(entriesOf(*m_store).isEmpty()); // cancelled before it started: nothing ran
    }

    void applyMigrations_inMemory_isNotASqlStore()
    {
        VERIFY_THROWS_CODE(applyMigrations(*m_store), "ADMIN_NOT_A_SQL_STORE");
        QVERIFY(!hasMigrations(*m_store));
        QVERIFY(!readMigrationOverview(*m_store).isSql);
    }
    void purgeExpired_withoutAuditTable_refusesUnlessSkipped()
    {
        const auto store = storeWithoutAuditTable(QStringLiteral("purge_noaudit"));
        fill(*store);
        const qint64 before = runCount(*store);
        VERIFY_THROWS_CODE(purgeExpired(*store, runPurge(1)), "CONSOLE_AUDIT_LOG_MISSING");
        VERIFY_THROWS_CODE(previewPurge(*store, runPurge(1)), "CONSOLE_AUDIT_LOG_MISSING");
        QCOMPARE(runCount(*store), before);

        // Changing nothing needs no record: a dry run and a disabled purge go ahead.
        PurgeOptions dry = runPurge(1);
        dry.dryRun = true;
        QVERIFY(purgeExpired(*store, dry).report.count(QStringLiteral("dpm_runs")) > 0);
        QCOMPARE(purgeExpired(*store, runPurge(0)).report.cutoff, QString());

        PurgeOptions skipped = runPurge(1);
        skipped.audit = AuditMode::Skip;
        const PurgeResult result = purgeExpired(*store, skipped);
        QVERIFY(!result.recorded);
        QVERIFY(!result.auditError);
        QVERIFY(runCount(*store) < before);
        QVERIFY(!store->auditLog().isAvailable());
    }

    void applyMigrations_withoutAuditTable_refusesUnlessThePlanCreatesIt()
    {
        const auto store = storeWithoutAuditTable(QStringLiteral("apply_noaudit"));
        MigrationApplyOptions proposals;
        proposals.namespaces = { QStringLiteral("proposals") };
        VERIFY_THROWS_CODE(applyMigrations(*store, proposals), "CONSOLE_AUDIT_LOG_MISSING");
        QVERIFY(migrationPlan(*store, proposals.namespaces).steps.size() > 0); // nothing applied

        proposals.audit = AuditMode::Skip;
        const MigrationApplyResult skipped = applyMigrations(*store, proposals);
        QVERIFY(skipped.succeeded());
        QVERIFY(!skipped.report.applied.isEmpty());
        QVERIFY(!skipped.recorded);
        QVERIFY(!store->auditLog().isAvailable());

        // Every namespace: the apply creates the audit table (console/0003), then records in it.
        QList<std::pair<int, int>> steps;
        const MigrationApplyResult all = applyMigrations(
            *store, {}, [&](int done, int total, const QString &) { steps << std::pair { done, total }; });
        QVERIFY(all.succeeded());
        QVERIFY(all.recorded);
        QVERIFY(!steps.isEmpty());
        QCOMPARE(steps.constLast().second, int(all.report.applied.size() + all.report.adopted.size()));

        const QList<AuditEntry> entries = entriesOf(*store);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().action, QStringLiteral("migrate.apply"));
        QCOMPARE(entries.first().outcome, QStringLiteral("succeeded"));
        const QJsonObject details = detailsOf(entries.first());
        QCOMPARE(details.keys(),
            QStringList({ QStringLiteral("adopted"), QStringLiteral("applied"), QStringLiteral("duration_ms"),
                QStringLiteral("namespaces") }));
        const QJsonObject first = details.value(QStringLiteral("applied")).toArray().first().toObject();
        QVERIFY2(first.value(QStringLiteral("version")).toString().startsWith(QLatin1String("console:")),
            qPrintable(first.value(QStringLiteral("version")).toString()));
        // The durations the Migrations tab shows come back from that shape.
        QCOMPARE(recordedMigrationDurations(store->auditLog()).size(), all.report.applied.size());
    }

    void applyMigrations_cancelled_recordsCancelledAndKeepsNothingHalfDone()
    {
        const auto store = storeWithoutAuditTable(QStringLiteral("apply_cancel"));
        CancelToken cancel;
        cancel.cancel();
        const MigrationApplyResult result = applyMigrations(*store, {}, {}, &cancel);
        QVERIFY(result.cancelled);
        QVERIFY(result.report.applied.isEmpty());
        // Cancelled before console/0003 ran: there is no table to record in, and it says so.
        QVERIFY(!result.recorded);
        QCOMPARE(result.auditError->code(), QStringLiteral("CONSOLE_AUDIT_LOG_MISSING"));
    }

    void checkCutover_withoutAuditTable_runsButIsNotRecorded()
    {
        const auto store = storeWithoutAuditTable(QStringLiteral("cutover_noaudit"));
        const CutoverCheckResult result = checkCutover(*store, {});
        QVERIFY(!result.report.findings.isEmpty());
        QVERIFY(!result.recorded);
        QCOMPARE(result.auditError->code(), QStringLiteral("CONSOLE_AUDIT_LOG_MISSING"));
    }

    void hasDpmTables_asksTheDatabase()
    {
        const auto location = test::freshBackendLocation(*m_dir, QStringLiteral("empty"));
        const auto store = openStore(*location, OpenOptions { .allowMissingSchema = true });
        QVERIFY(hasMigrations(*store));
        QVERIFY(!hasDpmTables(*store));
        MigrationApplyOptions dpm;
        dpm.namespaces = { QStringLiteral("dpm") };
        dpm.audit = AuditMode::Skip;
        QVERIFY(applyMigrations(*store, dpm).succeeded());
        QVERIFY(hasDpmTables(*store));
    }
};

DPM_BACKEND_TEST_GUILESS_MAIN(TestAdminActions,
    { "applyMigrations_inMemory_isNotASqlStore", test::TestBackend::Memory },
    { "purgeExpired_withoutAuditTable_refusesUnlessSkipped", test::everyBackendBut(test::TestBackend::Memory) },
    { "applyMigrations_withoutAuditTable_refusesUnlessThePlanCreatesIt",
        test::everyBackendBut(test::TestBackend::Memory) },
    { "applyMigrations_cancelled_recordsCancelledAndKeepsNothingHalfDone",
        test::everyBackendBut(test::TestBackend::Memory) },
    { "checkCutover_withoutAuditTable_runsButIsNotRecorded", test::everyBackendBut(test::TestBackend::Memory) },
    { "hasDpmTables_asksTheDatabase", test::everyBackendBut(test::TestBackend::Memory) })
#include "tst_adminactions.moc"
