// The supportability summary (Part B §5, §6.5) stays exact on every backend whatever writes the
// rows: on SQLite and PostgreSQL it is read from console/0004's maintained counters, and those
// must equal the recount after inserts, upserts that change a status, deletes, purges and
// (PostgreSQL) TRUNCATE — also when the writes are plain SQL, as the service's are. Run once per
// backend (DPM_TEST_BACKEND) like the store contract; every test gets a fresh store.

#include "backendstore.h"
#include "domain/canonicaljson.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "migrate/migrator.h"
#include "services/storeopening.h"
#include "store/sqldatabase.h"
#include "store/sqlstore.h"
#include "store/storelocation.h"
#include "store/supportstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <thread>
#include <vector>

using namespace dpm;

namespace dpm {

char *toString(const SupportabilitySummary &s)
{
    const auto counts = [](const QMap<QString, qint64> &m) -> QString {
        QStringList parts;
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            parts << it.key() + u'=' + QString::number(it.value());
        return u'{' + parts.join(u',') + u'}';
    };
    const auto opt = [](const std::optional<QString> &v) -> QString { return v.value_or(QStringLiteral("null")); };
    return QTest::toString(
        QStringLiteral("Summary(runs=%1 %2 [%3..%4], ops=%5 %6 [%7..%8], decisions=%9 %10 %11, "
                       "edges=%12)")
            .arg(s.runCount)
            .arg(counts(s.runStatusCounts), opt(s.oldestRunCreatedAt), opt(s.newestRunCreatedAt))
            .arg(s.operationCount)
            .arg(counts(s.operationStatusCounts), opt(s.oldestOperationCreatedAt), opt(s.newestOperationCreatedAt))
            .arg(s.workflowDecisionCount)
            .arg(counts(s.workflowActionCounts), counts(s.workflowReasonCodeCounts))
            .arg(s.lineageEdgeCount));
}

} // namespace dpm

namespace {

// 2026-02-20T12:00:00+00:00 + minutes, in the service format.
QString at(int minutes)
{
    return formatTimestamp(QDateTime(QDate(2026, 2, 20), QTime(12, 0), Qt::UTC).addSecs(qint64(minutes) * 60));
}

// A result payload; a null status leaves the key out.
QString result(const QString &status)
{
    QJsonObject object { { QStringLiteral("intents"), QJsonArray() } };
    if (!status.isNull())
        object.insert(QStringLiteral("status"), status);
    return QString::fromUtf8(canonicalJson(object));
}

RebalanceRun run(const QString &id, const QString &createdAt, const QString &resultJson,
    const std::optional<QString> &key = std::nullopt)
{
    return { id, QStringLiteral("corr_") + id, QStringLiteral("sha256:") + id, key, QStringLiteral("pf_1"), createdAt,
        resultJson };
}

AsyncOperation operation(const QString &id, const QString &createdAt, const QString &status)
{
    AsyncOperation op;
    op.operationId = id;
    op.operationType = QStringLiteral("ANALYZE_SCENARIOS");
    op.status = status;
    op.correlationId = QStringLiteral("corr_") + id;
    op.createdAt = createdAt;
    op.requestJson = QStringLiteral(R"({"scenarios":{"baseline":{"options":{}}}})");
    return op;
}

WorkflowDecision decision(
    const QString &id, const QString &runId, const QString &action, const QString &reason, const QString &decidedAt)
{
    return { id, runId, action, reason, std::nullopt, QStringLiteral("reviewer"), decidedAt,
        QStringLiteral("corr_action_") + id };
}

using Counts = QMap<QString, qint64>;

} // namespace

class SummaryCounters : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<StoreLocation> m_location;
    std::unique_ptr<SupportStore> m_store;

    SupportStore &store() { return *m_store; }

    // Runs a test body; a dpm::Error escaping it fails that test, not the whole run.
    template <typename Body> void guarded(Body body)
    {
        try {
            body();
        } catch (const Error &error) {
            QFAIL(qPrintable(QStringLiteral("unexpected dpm::Error ") + error.toString()));
        }
    }

    // A location of a fresh, empty database of this backend (nullopt for memory).
    std::optional<StoreLocation> freshLocation(const QString &name) { return test::freshBackendLocation(*m_dir, name); }

    // The embedded migrations of every namespace without console/0004 and later: a database as
    // the console left it before the counters existed.
    MigrationCatalog catalogBefore0004(const SqlDialect &dialect)
    {
        const QString source = QStringLiteral(":/migrations/") + dialect.migrationFolder();
        const QString target = m_dir->filePath(QStringLiteral("before_0004"));
        for (const QString &ns : Migrator::namespaces()) {
            QDir().mkpath(target + u'/' + ns);
            for (const QFileInfo &file : QDir(source + u'/' + ns).entryInfoList({ QStringLiteral("*.sql") })) {
                if (ns == QLatin1String("console") && file.fileName() >= QLatin1String("0004"))
                    continue;
                QFile::copy(file.filePath(), target + u'/' + ns + u'/' + file.fileName());
            }
        }
        return MigrationCatalog::fromDirectory(target);
    }

    SqlStore &sql()
    {
        return static_cast<SqlStore &>(*m_store);
    }
    // Not prepared: PostgreSQL cannot prepare TRUNCATE.
    void exec(const QString &statement)
    {
        sql().database().execDirect(statement);
    }
    bool isPostgres() { return sql().database().dialect().isPostgres(); }

    // The summary equals `expected`; on SQL backends it comes from the counters and equals the
    // recount as well.
    void verifySummary(const SupportabilitySummary &expected)
    {
        const SupportabilitySummary summary = store().getSupportabilitySummary();
        QCOMPARE(summary, expected);
        if (test::testBackend() != test::TestBackend::Memory) {
            QVERIFY(sql().hasSummaryCounters());
            QCOMPARE(sql().recountSupportabilitySummary(), summary);
        }
    }

    // Runs of every status shape, status-changing upserts, operations through their life,
    // decisions and a duplicate lineage edge (see the expected summary in mixedSummary()).
    static void writeMix(SupportStore &s)
    {
        s.recordRun({ run(QStringLiteral("rr_a"), at(0), result(QStringLiteral("READY")), QStringLiteral("idem_1")),
            std::nullopt });
        s.recordRun({ run(QStringLiteral("rr_b"), at(10), result(QStringLiteral("PENDING_REVIEW"))), std::nullopt });
        s.recordRun({ run(QStringLiteral("rr_c"), at(20), result(QStringLiteral("BLOCKED"))), std::nullopt });
        s.recordRun({ run(QStringLiteral("rr_d"), at(30), result(QString())), std::nullopt });
        s.saveRun(run(QStringLiteral("rr_e"), at(40), QStringLiteral("not json at all")));
        s.saveRun(run(QStringLiteral("rr_f"), at(50), result(QStringLiteral(""))));
        // Upserts that move runs between buckets, into and out of "no status".
        s.saveRun(run(QStringLiteral("rr_b"), at(10), result(QStringLiteral("BLOCKED"))));
        s.saveRun(run(QStringLiteral("rr_c"), at(20), result(QString())));
        s.saveRun(run(QStringLiteral("rr_d"), at(30), result(QStringLiteral("READY"))));

        s.submitOperation(operation(QStringLiteral("dop_1"), at(5), QStringLiteral("PENDING")));
        s.submitOperation(operation(QStringLiteral("dop_2"), at(15), QStringLiteral("PENDING")));
        AsyncOperation one = operation(QStringLiteral("dop_1"), at(5), QStringLiteral("RUNNING"));
        one.startedAt = at(5);
        s.updateOperation(one);
        one.status = QStringLiteral("SUCCEEDED");
        one.finishedAt = at(6);
        s.updateOperation(one);
        AsyncOperation two = operation(QStringLiteral("dop_2"), at(15), QStringLiteral("FAILED"));
        two.finishedAt = at(16);
        s.updateOperation(two);
        s.createOperation(operation(QStringLiteral("dop_3"), at(25), QStringLiteral("PENDING")));

        s.appendWorkflowDecision(decision(QStringLiteral("dwd_1"), QStringLiteral("rr_b"),
            QStringLiteral("REQUEST_CHANGES"), QStringLiteral("NEEDS_DETAIL"), at(11)));
        s.appendWorkflowDecision(decision(QStringLiteral("dwd_2"), QStringLiteral("rr_b"), QStringLiteral("APPROVE"),
            QStringLiteral("REVIEW_APPROVED"), at(12)));
        s.appendWorkflowDecision(decision(QStringLiteral("dwd_3"), QStringLiteral("rr_a"), QStringLiteral("REJECT"),
            QStringLiteral("POLICY_REJECTED"), at(13)));
        s.appendWorkflowDecision(decision(QStringLiteral("dwd_4"), QStringLiteral("rr_d"), QStringLiteral("APPROVE"),
            QStringLiteral("REVIEW_APPROVED"), at(31)));

        // A duplicate row counts (Part A §5).
        s.appendLineageEdge({ QStringLiteral("corr_rr_c"), QStringLiteral("CORRELATION_TO_RUN"), QStringLiteral("rr_c"),
            at(20), QStringLiteral(R"({"request_hash":"sha256:rr_c"})") });
    }

    static SupportabilitySummary mixedSummary()
    {
        SupportabilitySummary s;
        s.runCount = 6; // rr_c, rr_e and rr_f count without a status
        s.runStatusCounts = Counts { { QStringLiteral("READY"), 2 }, { QStringLiteral("BLOCKED"), 1 } };
        s.oldestRunCreatedAt = at(0);
        s.newestRunCreatedAt = at(50);
        s.operationCount = 3;
        s.operationStatusCounts = Counts { { QStringLiteral("SUCCEEDED"), 1 }, { QStringLiteral("FAILED"), 1 },
            { QStringLiteral("PENDING"), 1 } };
        s.oldestOperationCreatedAt = at(5);
        s.newestOperationCreatedAt = at(25);
        s.workflowDecisionCount = 4;
        s.workflowActionCounts = Counts { { QStringLiteral("APPROVE"), 2 }, { QStringLiteral("REJECT"), 1 },
            { QStringLiteral("REQUEST_CHANGES"), 1 } };
        s.workflowReasonCodeCounts = Counts { { QStringLiteral("REVIEW_APPROVED"), 2 },
            { QStringLiteral("NEEDS_DETAIL"), 1 }, { QStringLiteral("POLICY_REJECTED"), 1 } };
        s.lineageEdgeCount = 8; // 5 run edges (rr_a has two), 2 operation edges, 1 duplicate
        return s;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        if (test::backendIsPostgres())
            DPM_REQUIRE_POSTGRES();
        try {
            m_location = freshLocation(QString::fromLatin1(QTest::currentTestFunction()));
            m_store = m_location ? openStore(*m_location, OpenOptions { .applyMigrations = true })
                                 : std::make_unique<MemoryStore>();
        } catch (const Error &error) {
            QFAIL(qPrintable(QStringLiteral("cannot open the store: ") + error.toString()));
        }
    }

    void cleanup()
    {
        m_store.reset();
        m_location.reset();
        m_dir.reset();
    }

    void summary_emptyStore_isZeroWithNullBounds()
    {
        guarded([&] { verifySummary(SupportabilitySummary {}); });
    }

    void summary_mixedWrites_equalsExpectedAndRecount()
    {
        guarded([&] {
            writeMix(store());
            verifySummary(mixedSummary());
        });
    }

    void summary_upsertChangingStatus_movesTheRunBetweenBuckets()
    {
        guarded([&] {
            store().saveRun(run(QStringLiteral("rr_1"), at(0), result(QStringLiteral("PENDING_REVIEW"))));
            store().saveRun(run(QStringLiteral("rr_1"), at(0), result(QStringLiteral("READY"))));
            store().saveRun(run(QStringLiteral("rr_1"), at(1), result(QStringLiteral("READY"))));
            SupportabilitySummary expected;
            expected.runCount = 1;
            expected.runStatusCounts = Counts { { QStringLiteral("READY"), 1 } };
            expected.oldestRunCreatedAt = at(1);
            expected.newestRunCreatedAt = at(1);
            verifySummary(expected);

            store().saveRun(run(QStringLiteral("rr_1"), at(1), QStringLiteral("[1,2")));
            expected.runStatusCounts.clear();
            verifySummary(expected);
        });
    }

    void summary_dryRunPurges_changeNoCount()
    {
        guarded([&] {
            writeMix(store());
            const PurgeReport runs = store().purgeExpiredRuns(1, addSecondsToTimestamp(at(25), 86400), true);
            QCOMPARE(runs.count(QStringLiteral("dpm_runs")), qint64(3));
            const PurgeReport ops = store().purgeExpiredOperations(60, at(17), true);
            QCOMPARE(ops.count(QStringLiteral("dpm_async_operations")), qint64(1));
            verifySummary(mixedSummary());
        });
    }

    void summary_afterPurges_countsWhatRemains()
    {
        guarded([&] {
            writeMix(store());
            // Cut-off at(25): rr_a, rr_b and rr_c expire with their decisions dwd_1..3 and the
            // edges touching them, their correlations or idem_1 (5 of 8).
            const PurgeReport runs = store().purgeExpiredRuns(1, addSecondsToTimestamp(at(25), 86400), false);
            QCOMPARE(runs.count(QStringLiteral("dpm_runs")), qint64(3));
            QCOMPARE(runs.count(QStringLiteral("dpm_lineage_edges")), qint64(5));
            // Cut-off at(16), strict: only dop_1 (finished at(6)) expires.
            const PurgeReport ops = store().purgeExpiredOperations(60, at(17), false);
            QCOMPARE(ops.count(QStringLiteral("dpm_async_operations")), qint64(1));

            SupportabilitySummary expected;
            expected.runCount = 3;
            expected.runStatusCounts = Counts { { QStringLiteral("READY"), 1 } };
            expected.oldestRunCreatedAt = at(30);
            expected.newestRunCreatedAt = at(50);
            expected.operationCount = 2;
            expected.operationStatusCounts
                = Counts { { QStringLiteral("FAILED"), 1 }, { QStringLiteral("PENDING"), 1 } };
            expected.oldestOperationCreatedAt = at(15);
            expected.newestOperationCreatedAt = at(25);
            expected.workflowDecisionCount = 1;
            expected.workflowActionCounts = Counts { { QStringLiteral("APPROVE"), 1 } };
            expected.workflowReasonCodeCounts = Counts { { QStringLiteral("REVIEW_APPROVED"), 1 } };
            expected.lineageEdgeCount = 3;
            verifySummary(expected);
        });
    }

    // What the service (or a person with psql) does: multi-row statements, upserts that insert
    // and update in one statement, updates and deletes of many rows.
    void summary_plainSqlWrites_areCounted()
    {
        guarded([&] {
            const QString insertRuns = QStringLiteral(
                "INSERT INTO dpm_runs (rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id, "
                "created_at, result_json) VALUES "
                "('r1', 'c1', 'h', NULL, 'p', '%1', '{\"status\":\"READY\"}'), "
                "('r2', 'c2', 'h', NULL, 'p', '%2', '{\"status\":\"READY\"}'), "
                "('r3', 'c3', 'h', NULL, 'p', '%3', '{\"status\":\"BLOCKED\"}')");
            exec(insertRuns.arg(at(1), at(2), at(3)));
            exec(QStringLiteral("INSERT INTO dpm_runs (rebalance_run_id, correlation_id, request_hash, "
                                "idempotency_key, portfolio_id, created_at, result_json) VALUES "
                                "('r1', 'c1', 'h', NULL, 'p', '%1', '{\"status\":\"PENDING_REVIEW\"}'), "
                                "('r4', 'c4', 'h', NULL, 'p', '%2', '{\"status\":\"READY\"}') "
                                "ON CONFLICT (rebalance_run_id) DO UPDATE SET result_json = excluded.result_json")
                     .arg(at(1), at(4)));
            exec(QStringLiteral("UPDATE dpm_runs SET result_json = '{}' WHERE rebalance_run_id IN ('r2', 'r3')"));
            exec(QStringLiteral("UPDATE dpm_runs SET portfolio_id = 'other'")); // no status change

            exec(
                QStringLiteral("INSERT INTO dpm_async_operations (operation_id, operation_type, status, "
                               "correlation_id, created_at) VALUES ('o1', 'ANALYZE_SCENARIOS', 'PENDING', 'k1', '%1'), "
                               "('o2', 'ANALYZE_SCENARIOS', 'PENDING', 'k2', '%2'), "
                               "('o3', 'ANALYZE_SCENARIOS', 'PENDING', 'k3', '%3')")
                    .arg(at(1), at(2), at(3)));
            exec(QStringLiteral("UPDATE dpm_async_operations SET status = 'RUNNING' WHERE operation_id <> 'o3'"));
            exec(QStringLiteral("DELETE FROM dpm_async_operations WHERE operation_id = 'o3'"));

            exec(QStringLiteral("INSERT INTO dpm_workflow_decisions (decision_id, run_id, action, reason_code, "
                                "actor_id, decided_at, correlation_id) VALUES "
                                "('x1', 'r1', 'APPROVE', 'REVIEW_APPROVED', 'a', '%1', 'k'), "
                                "('x2', 'r1', 'APPROVE', 'REVIEW_APPROVED', 'a', '%2', 'k')")
                     .arg(at(5), at(6)));
            exec(QStringLiteral("UPDATE dpm_workflow_decisions SET action = 'REJECT', reason_code = "
                                "'POLICY_REJECTED' WHERE decision_id = 'x2'"));

            exec(QStringLiteral("INSERT INTO dpm_lineage_edges (source_entity_id, edge_type, target_entity_id, "
                                "created_at, metadata_json) VALUES ('c1', 'CORRELATION_TO_RUN', 'r1', '%1', '{}'), "
                                "('c1', 'CORRELATION_TO_RUN', 'r1', '%1', '{}'), "
                                "('c2', 'CORRELATION_TO_RUN', 'r2', '%2', '{}')")
                     .arg(at(1), at(2)));
            exec(QStringLiteral("DELETE FROM dpm_lineage_edges WHERE source_entity_id = 'c2'"));

            SupportabilitySummary expected;
            expected.runCount = 4;
            expected.runStatusCounts
                = Counts { { QStringLiteral("PENDING_REVIEW"), 1 }, { QStringLiteral("READY"), 1 } };
            expected.oldestRunCreatedAt = at(1);
            expected.newestRunCreatedAt = at(4);
            expected.operationCount = 2;
            expected.operationStatusCounts = Counts { { QStringLiteral("RUNNING"), 2 } };
            expected.oldestOperationCreatedAt = at(1);
            expected.newestOperationCreatedAt = at(2);
            expected.workflowDecisionCount = 2;
            expected.workflowActionCounts
                = Counts { { QStringLiteral("APPROVE"), 1 }, { QStringLiteral("REJECT"), 1 } };
            expected.workflowReasonCodeCounts
                = Counts { { QStringLiteral("REVIEW_APPROVED"), 1 }, { QStringLiteral("POLICY_REJECTED"), 1 } };
            expected.lineageEdgeCount = 2;
            verifySummary(expected);
        });
    }

    // SQLite: DELETE without WHERE (its truncate shortcut must not bypass the triggers);
    // PostgreSQL: TRUNCATE, one table and several at once. Counting resumes afterwards.
    void summary_emptyingEveryTable_zeroesTheCounters()
    {
        guarded([&] {
            writeMix(store());
            if (isPostgres()) {
                exec(QStringLiteral("TRUNCATE dpm_runs"));
                exec(QStringLiteral("TRUNCATE dpm_async_operations, dpm_workflow_decisions, dpm_lineage_edges"));
            } else {
                for (const char *table :
                    { "dpm_runs", "dpm_async_operations", "dpm_workflow_decisions", "dpm_lineage_edges" })
                    exec(QStringLiteral("DELETE FROM ") + QLatin1String(table));
            }
            verifySummary(SupportabilitySummary {});

            store().recordRun({ run(QStringLiteral("rr_z"), at(60), result(QStringLiteral("READY"))), std::nullopt });
            SupportabilitySummary expected;
            expected.runCount = 1;
            expected.runStatusCounts = Counts { { QStringLiteral("READY"), 1 } };
            expected.oldestRunCreatedAt = at(60);
            expected.newestRunCreatedAt = at(60);
            expected.lineageEdgeCount = 1;
            verifySummary(expected);
        });
    }

    // A database migrated before console/0004 existed is summarised by recounting; applying
    // 0004 later starts the counters from the rows already there.
    void summary_beforeCounterMigration_recountsAndMigrationStartsFromExistingRows()
    {
        guarded([&] {
            const std::optional<StoreLocation> location = freshLocation(QStringLiteral("before_0004"));
            QVERIFY(location);
            {
                auto database = std::make_unique<SqlDatabase>(*location);
                Migrator(*database, catalogBefore0004(database->dialect())).apply(Migrator::namespaces());
                SqlStore before(std::move(database));
                QVERIFY(!before.hasSummaryCounters());
                writeMix(before);
                QCOMPARE(before.getSupportabilitySummary(), mixedSummary());

                const MigrationApplyReport report = Migrator(before.database()).apply({ QStringLiteral("console") });
                // 0004 and the later console migrations (0005 proposal indexes, 0006 outbox per topic,
                // 0007 run list, 0008 proposal correlation index, 0009 one parse per inserted run,
                // 0010 without console/0001's runs status index).
                QCOMPARE(report.applied.size(), 7);
                QCOMPARE(report.applied.constFirst().version, QStringLiteral("0004"));
            }
            SqlStore migrated(std::make_unique<SqlDatabase>(*location));
            QVERIFY(migrated.hasSummaryCounters());
            QCOMPARE(migrated.getSupportabilitySummary(), mixedSummary());
            QCOMPARE(migrated.recountSupportabilitySummary(), mixedSummary());
            // And the triggers count from there on.
            migrated.saveRun(run(QStringLiteral("rr_e"), at(40), result(QStringLiteral("BLOCKED"))));
            SupportabilitySummary expected = mixedSummary();
            expected.runStatusCounts[QStringLiteral("BLOCKED")] = 2;
            QCOMPARE(migrated.getSupportabilitySummary(), expected);
            QCOMPARE(migrated.recountSupportabilitySummary(), expected);
        });
    }

    // Writers on their own connections at once: every write is counted exactly once.
    void summary_concurrentWriters_areCountedExactly()
    {
        guarded([&] {
            constexpr int kThreads = 4;
            constexpr int kRunsPerThread = 25;
            std::vector<std::thread> threads;
            std::vector<QString> failures(kThreads);
            for (int t = 0; t < kThreads; ++t) {
                threads.emplace_back([this, t, &failures] {
                    try {
                        for (int i = 0; i < kRunsPerThread; ++i) {
                            const QString id = QStringLiteral("rr_%1_%2").arg(t).arg(i);
                            store().recordRun(
                                { run(id, at(i), result(i % 2 ? QStringLiteral("READY") : QStringLiteral("BLOCKED"))),
                                    std::nullopt });
                            if (i % 5 == 0)
                                store().saveRun(run(id, at(i), result(QStringLiteral("PENDING_REVIEW"))));
                        }
                    } catch (const Error &error) {
                        failures[t] = error.toString();
                    }
                });
            }
            for (std::thread &thread : threads)
                thread.join();
            for (const QString &failure : std::as_const(failures))
                QVERIFY2(failure.isEmpty(), qPrintable(failure));

            // Per thread: i = 0,5,10,15,20 -> PENDING_REVIEW; other odd i READY (10), other even BLOCKED (10).
            SupportabilitySummary expected;
            expected.runCount = kThreads * kRunsPerThread;
            expected.runStatusCounts = Counts { { QStringLiteral("PENDING_REVIEW"), kThreads * 5 },
                { QStringLiteral("READY"), kThreads * 10 }, { QStringLiteral("BLOCKED"), kThreads * 10 } };
            expected.oldestRunCreatedAt = at(0);
            expected.newestRunCreatedAt = at(kRunsPerThread - 1);
            expected.lineageEdgeCount = kThreads * kRunsPerThread;
            verifySummary(expected);
        });
    }
};

DPM_BACKEND_TEST_GUILESS_MAIN(SummaryCounters,
    { "summary_plainSqlWrites_areCounted", test::everyBackendBut(test::TestBackend::Memory) },
    { "summary_emptyingEveryTable_zeroesTheCounters", test::everyBackendBut(test::TestBackend::Memory) },
    { "summary_beforeCounterMigration_recountsAndMigrationStartsFromExistingRows",
        test::everyBackendBut(test::TestBackend::Memory) },
    { "summary_concurrentWriters_areCountedExactly", test::TestBackend::Postgres })
#include "tst_summarycounters.moc"
