// The demo generator and the store's bulk path, on one backend: run once per backend
// (demo_memory, demo_sqlite, demo_postgres) as the contract suite is, selected by
// DPM_TEST_BACKEND. Every test function gets a fresh, empty store; those that only read what a
// default load stored read one load made once (m_loaded).

#include "backendstore.h"
#include "demo/demogenerator.h"
#include "demotestsupport.h"
#include "domain/canonicaljson.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "domain/vocabulary.h"
#include "services/artifact.h"
#include "store/bulkloader.h"
#include "store/runeventstore.h"
#include "store/supportstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

namespace {

// Enough runs that every status and every kind of row shows up, few enough to stay quick.
constexpr qint64 kRuns = 1500;

bool matches(const QString &pattern, const QString &text)
{
    return QRegularExpression(QStringLiteral("^(?:") + pattern + QStringLiteral(")$")).match(text).hasMatch();
}

QJsonObject object(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

} // namespace

class DemoGeneratorSuite : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_store;

    // One load of kRuns runs, made once: the tests that only read what a load stored share it
    // (the generator is deterministic, so each would make the same rows).
    std::unique_ptr<QTemporaryDir> m_loadedDir;
    std::unique_ptr<SupportStore> m_loaded;
    DemoReport m_loadedReport;

    DemoReport generate(qint64 runs = kRuns) { return generateDemoData(*m_store, smallDemo(runs)); }
    const DemoReport &loaded() const { return m_loadedReport; }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void generate_report_countsWhatIsStoredInEveryTable();
    void generate_runs_haveServiceShapesAndTimesInTheSpan();
    void generate_statusMix_isMostlyReadyWithSomeReviewsAndBlocks();
    void generate_resultJson_isCanonicalWithEveryTopLevelKey();
    void generate_artifacts_hashVerifiesAndEqualsTheDerivedArtifact();
    void generate_everyRun_hasTheEdgesTheServiceWrites();
    void generate_idempotency_mappingIsLatestRunAndHistoryShowsReuse();
    void generate_operations_coverEveryStatusWithTheirPayloads();
    void generate_decisions_followTheTransitionTable();
    void generate_chains_pointToEarlierEntities();
    void generate_eventsAndOutbox_onePerEventInSequence();
    void generate_dataInvariants_hold();
    void generate_progress_reachesThePlannedTotal();
    void generate_storeWithRuns_isRefusedAsNotEmpty();
    void generate_badOptions_areInvalidInput();
    void generate_cancelAtStart_leavesTheStoreEmpty();
    void generate_cancelMidway_keepsWholeConsistentRuns();
    void bulkLoad_textWithTabsNewlinesAndBackslashes_roundTrips();
    void bulkLoad_rollback_leavesNothing();
};

void DemoGeneratorSuite::initTestCase()
{
    if (backendIsPostgres())
        DPM_REQUIRE_POSTGRES();
    m_loadedDir = std::make_unique<QTemporaryDir>();
    QVERIFY2(m_loadedDir->isValid(), qPrintable(m_loadedDir->errorString()));
    try {
        m_loaded = openFreshBackendStore(*m_loadedDir, QStringLiteral("demo_loaded"));
        m_loadedReport = generateDemoData(*m_loaded, smallDemo(kRuns));
    } catch (const Error &error) {
        QFAIL(qPrintable(QStringLiteral("cannot load the shared demo store: ") + error.toString()));
    }
}

void DemoGeneratorSuite::cleanupTestCase()
{
    m_loaded.reset();
    m_loadedDir.reset();
}

void DemoGeneratorSuite::init()
{
    if (backendIsPostgres())
        DPM_REQUIRE_POSTGRES();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY2(m_dir->isValid(), qPrintable(m_dir->errorString()));
    try {
        m_store = openFreshBackendStore(*m_dir, QStringLiteral("demo"));
    } catch (const Error &error) {
        QFAIL(qPrintable(QStringLiteral("cannot open the store: ") + error.toString()));
    }
}

void DemoGeneratorSuite::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void DemoGeneratorSuite::generate_report_countsWhatIsStoredInEveryTable()
{
    const DemoReport &report = loaded();
    QVERIFY(!report.cancelled);
    QCOMPARE(report.runCount, kRuns);
    QCOMPARE(report.totalRows(), report.plannedRows);
    QCOMPARE(report.rows.value(QStringLiteral("dpm_runs")), kRuns);

    const SupportabilitySummary summary = m_loaded->getSupportabilitySummary();
    QCOMPARE(summary.runCount, kRuns);
    QCOMPARE(summary.operationCount, report.rows.value(QStringLiteral("dpm_async_operations")));
    QCOMPARE(summary.workflowDecisionCount, report.rows.value(QStringLiteral("dpm_workflow_decisions")));
    QCOMPARE(summary.lineageEdgeCount, report.rows.value(QStringLiteral("dpm_lineage_edges")));

    // Per run on average (benchmarks.md), with the spec's semantics (see demogenerator.cpp).
    const auto perRun = [&](const char *table) { return double(report.rows.value(QLatin1String(table))) / kRuns; };
    QVERIFY2(perRun("dpm_run_artifacts") > 0.4 && perRun("dpm_run_artifacts") < 0.6,
        qPrintable(QString::number(perRun("dpm_run_artifacts"))));
    QVERIFY2(perRun("dpm_async_operations") > 0.22 && perRun("dpm_async_operations") < 0.38,
        qPrintable(QString::number(perRun("dpm_async_operations"))));
    QVERIFY2(perRun("dpm_lineage_edges") > 2.5 && perRun("dpm_lineage_edges") < 4.5,
        qPrintable(QString::number(perRun("dpm_lineage_edges"))));
    const double historyPerKey = double(report.rows.value(QStringLiteral("dpm_run_idempotency_history")))
        / double(report.rows.value(QStringLiteral("dpm_run_idempotency")));
    QVERIFY2(historyPerKey > 1.1 && historyPerKey < 1.3, qPrintable(QString::number(historyPerKey)));

    // Every backend, the in-memory store included, holds run events and their outbox.
    QVERIFY2(report.notes.isEmpty(), qPrintable(report.notes.join(QLatin1Char('\n'))));
    for (auto it = report.rows.cbegin(); it != report.rows.cend(); ++it)
        QCOMPARE(tableCount(*m_loaded, it.key()), it.value());
    QVERIFY2(perRun("dpm_run_events") > 2.5 && perRun("dpm_run_events") < 3.5,
        qPrintable(QString::number(perRun("dpm_run_events"))));
    QCOMPARE(report.rows.value(QStringLiteral("dpm_outbox")), report.rows.value(QStringLiteral("dpm_run_events")));
}

void DemoGeneratorSuite::generate_runs_haveServiceShapesAndTimesInTheSpan()
{
    const DemoReport &report = loaded();
    QCOMPARE(report.from, QStringLiteral("2025-12-01T00:00:00+00:00"));
    QCOMPARE(report.anchor, QStringLiteral("2026-03-01T00:00:00+00:00"));
    QSet<QString> portfolios;
    QMap<QString, int> perPortfolio;
    for (const RebalanceRun &run : allRuns(*m_loaded)) {
        QVERIFY2(matches(QStringLiteral("rr_[0-9a-f]{8}"), run.rebalanceRunId), qPrintable(run.rebalanceRunId));
        QVERIFY2(normalizeTimestamp(run.createdAt) == run.createdAt, qPrintable(run.createdAt));
        QVERIFY(run.createdAt >= report.from && run.createdAt <= report.anchor);
        QVERIFY2(matches(QStringLiteral("pf_(sg|us|eu)_[0-9]{5}"), run.portfolioId), qPrintable(run.portfolioId));
        ++perPortfolio[run.portfolioId];
        if (run.idempotencyKey) {
            QVERIFY2(matches(QStringLiteral("corr_[0-9a-f]{12}"), run.correlationId), qPrintable(run.correlationId));
            QVERIFY2(matches(QStringLiteral("sha256:[0-9a-f]{64}"), run.requestHash), qPrintable(run.requestHash));
            QVERIFY2(
                matches(QStringLiteral("idem-[0-9a-f]{16}"), *run.idempotencyKey), qPrintable(*run.idempotencyKey));
        } else if (run.requestHash.startsWith(QLatin1String("batch_"))) {
            // A batch scenario run: "<batch_id>:<scenario>", correlation "<operation corr>:<scenario>".
            QVERIFY2(
                matches(QStringLiteral("batch_[0-9a-f]{8}:[a-z_]+"), run.requestHash), qPrintable(run.requestHash));
            QVERIFY2(
                matches(QStringLiteral("corr_[0-9a-f]{12}:[a-z_]+"), run.correlationId), qPrintable(run.correlationId));
            QCOMPARE(run.requestHash.section(QLatin1Char(':'), 1), run.correlationId.section(QLatin1Char(':'), 1));
        } else {
            QVERIFY2(matches(QStringLiteral("sha256:[0-9a-f]{64}"), run.requestHash), qPrintable(run.requestHash));
        }
        const QJsonObject result = object(run.resultJson);
        QCOMPARE(result.value(QStringLiteral("rebalance_run_id")).toString(), run.rebalanceRunId);
        QCOMPARE(result.value(QStringLiteral("correlation_id")).toString(), run.correlationId);
        QCOMPARE(result.value(QStringLiteral("universe")).toObject().value(QStringLiteral("universe_id")).toString(),
            QStringLiteral("u_") + run.rebalanceRunId);
        QCOMPARE(result.value(QStringLiteral("target")).toObject().value(QStringLiteral("target_id")).toString(),
            QStringLiteral("t_") + run.rebalanceRunId);
        const QJsonObject lineage = result.value(QStringLiteral("lineage")).toObject();
        QCOMPARE(lineage.value(QStringLiteral("request_hash")).toString(), run.requestHash);
        QCOMPARE(lineage.value(QStringLiteral("portfolio_snapshot_id")).toString(), run.portfolioId);
        QCOMPARE(lineage.value(QStringLiteral("idempotency_key")).toString(), run.idempotencyKey.value_or(QString()));
        int number = 0;
        for (const QJsonValue &intent : result.value(QStringLiteral("intents")).toArray()) {
            const QJsonObject i = intent.toObject();
            QCOMPARE(i.value(QStringLiteral("intent_id")).toString(), QStringLiteral("oi_%1").arg(++number));
            QVERIFY(QStringList({ QStringLiteral("SECURITY_TRADE"), QStringLiteral("FX_SPOT") })
                        .contains(i.value(QStringLiteral("intent_type")).toString()));
            for (const QJsonValue &dependency : i.value(QStringLiteral("dependencies")).toArray())
                QVERIFY(dependency.toString() < i.value(QStringLiteral("intent_id")).toString()
                    || dependency.toString().size() < i.value(QStringLiteral("intent_id")).toString().size());
        }
    }
    // 5,000 portfolios with a few hot ones.
    const int hottest = *std::max_element(perPortfolio.cbegin(), perPortfolio.cend());
    QVERIFY2(hottest >= 15, qPrintable(QString::number(hottest)));
    QVERIFY2(perPortfolio.size() > 500, qPrintable(QString::number(perPortfolio.size())));
}

void DemoGeneratorSuite::generate_statusMix_isMostlyReadyWithSomeReviewsAndBlocks()
{
    const SupportabilitySummary summary = m_loaded->getSupportabilitySummary();
    const auto share = [&](const char *status) {
        return double(summary.runStatusCounts.value(QLatin1String(status))) / double(summary.runCount);
    };
    QCOMPARE(summary.runStatusCounts.size(), 3);
    QVERIFY2(share("READY") > 0.65 && share("READY") < 0.9, qPrintable(QString::number(share("READY"))));
    QVERIFY2(share("PENDING_REVIEW") > 0.05 && share("PENDING_REVIEW") < 0.25,
        qPrintable(QString::number(share("PENDING_REVIEW"))));
    QVERIFY2(share("BLOCKED") > 0.02 && share("BLOCKED") < 0.15, qPrintable(QString::number(share("BLOCKED"))));
}

void DemoGeneratorSuite::generate_resultJson_isCanonicalWithEveryTopLevelKey()
{
    const QStringList keys { QStringLiteral("rebalance_run_id"), QStringLiteral("correlation_id"),
        QStringLiteral("status"), QStringLiteral("before"), QStringLiteral("universe"), QStringLiteral("target"),
        QStringLiteral("intents"), QStringLiteral("after_simulated"), QStringLiteral("reconciliation"),
        QStringLiteral("tax_impact"), QStringLiteral("rule_results"), QStringLiteral("explanation"),
        QStringLiteral("diagnostics"), QStringLiteral("gate_decision"), QStringLiteral("lineage") };
    QSet<QString> summaries;
    for (const RebalanceRun &run : allRuns(*m_loaded)) {
        const QByteArray text = run.resultJson.toUtf8();
        QCOMPARE(canonicalizeJsonText(text), text);
        const QJsonObject result = object(run.resultJson);
        for (const QString &key : keys)
            QVERIFY2(result.contains(key), qPrintable(run.rebalanceRunId + QLatin1Char(' ') + key));
        QCOMPARE(result.size(), keys.size());
        const QJsonObject before = result.value(QStringLiteral("before")).toObject();
        for (const char *key : { "total_value", "cash_balances", "positions", "allocation_by_asset_class",
                 "allocation_by_instrument", "allocation", "allocation_by_attribute" })
            QVERIFY(before.contains(QLatin1String(key)));
        // Decimals are strings.
        QVERIFY(before.value(QStringLiteral("total_value")).toObject().value(QStringLiteral("amount")).isString());
        summaries << result.value(QStringLiteral("explanation")).toObject().value(QStringLiteral("summary")).toString();
        QCOMPARE(run.status(), result.value(QStringLiteral("status")).toString());
    }
    QCOMPARE(summaries,
        QSet<QString>({ QStringLiteral("READY"), QStringLiteral("PENDING_REVIEW"), QStringLiteral("Blocked") }));
}

void DemoGeneratorSuite::generate_artifacts_hashVerifiesAndEqualsTheDerivedArtifact()
{
    int stored = 0;
    for (const RebalanceRun &run : allRuns(*m_loaded)) {
        const auto artifact = m_loaded->getRunArtifact(run.rebalanceRunId);
        if (!artifact)
            continue;
        ++stored;
        const QJsonObject parsed = object(artifact->artifactJson);
        QCOMPARE(storedArtifactHash(parsed), artifactHashOfText(artifact->artifactJson));
        // PERSISTED mode stores what DERIVED mode would rebuild on every read (§2.2).
        QCOMPARE(artifact->artifactJson, QString::fromUtf8(canonicalJson(deriveRunArtifact(run))));
    }
    QVERIFY2(stored > kRuns * 4 / 10 && stored < kRuns * 6 / 10, qPrintable(QString::number(stored)));
}

void DemoGeneratorSuite::generate_everyRun_hasTheEdgesTheServiceWrites()
{
    for (const RebalanceRun &run : allRuns(*m_loaded)) {
        const QList<LineageEdge> edges = m_loaded->listLineageEdges(run.rebalanceRunId);
        const QString metadata = QStringLiteral("{\"request_hash\":\"%1\"}").arg(run.requestHash);
        const auto has = [&](const QString &source, const QString &type) {
            return std::any_of(edges.cbegin(), edges.cend(), [&](const LineageEdge &e) {
                return e.sourceEntityId == source && e.edgeType == type && e.targetEntityId == run.rebalanceRunId
                    && e.createdAt == run.createdAt && e.metadataJson == metadata;
            });
        };
        QVERIFY2(has(run.correlationId, QStringLiteral("CORRELATION_TO_RUN")), qPrintable(run.rebalanceRunId));
        if (run.idempotencyKey)
            QVERIFY2(has(*run.idempotencyKey, QStringLiteral("IDEMPOTENCY_TO_RUN")), qPrintable(run.rebalanceRunId));
    }
}

void DemoGeneratorSuite::generate_idempotency_mappingIsLatestRunAndHistoryShowsReuse()
{
    QSet<QString> keys;
    for (const RebalanceRun &run : allRuns(*m_loaded)) {
        if (run.idempotencyKey)
            keys << *run.idempotencyKey;
    }
    int retriedWithSameRequest = 0;
    int reusedWithNewRequest = 0;
    for (const QString &key : std::as_const(keys)) {
        const QList<IdempotencyHistoryEntry> history = m_loaded->listIdempotencyHistory(key);
        QVERIFY(!history.isEmpty());
        const auto mapping = m_loaded->getIdempotencyMapping(key);
        QVERIFY2(mapping, qPrintable(key));
        // The mapping is the latest recorded run of the key (the service's upsert).
        QCOMPARE(mapping->rebalanceRunId, history.constLast().rebalanceRunId);
        QCOMPARE(mapping->requestHash, history.constLast().requestHash);
        QCOMPARE(mapping->createdAt, history.constLast().createdAt);
        for (qsizetype i = 1; i < history.size(); ++i) {
            QVERIFY(history.at(i).createdAt > history.at(i - 1).createdAt);
            if (history.at(i).requestHash == history.at(0).requestHash)
                ++retriedWithSameRequest;
            else
                ++reusedWithNewRequest;
        }
        for (const IdempotencyHistoryEntry &entry : history) {
            const auto run = m_loaded->getRun(entry.rebalanceRunId);
            QVERIFY(run);
            QCOMPARE(run->correlationId, entry.correlationId);
            QCOMPARE(run->requestHash, entry.requestHash);
            QCOMPARE(run->createdAt, entry.createdAt);
        }
    }
    QVERIFY2(retriedWithSameRequest > 0, "no key retried with the same request (replay disabled)");
    QVERIFY2(reusedWithNewRequest > 0, "no key re-used with a different request (replay disabled)");
}

void DemoGeneratorSuite::generate_operations_coverEveryStatusWithTheirPayloads()
{
    QMap<QString, int> statuses;
    for (const AsyncOperation &op : allOperations(*m_loaded)) {
        ++statuses[op.status];
        QVERIFY2(matches(QStringLiteral("dop_[0-9a-f]{12}"), op.operationId), qPrintable(op.operationId));
        QVERIFY2(matches(QStringLiteral("corr_[0-9a-f]{12}"), op.correlationId), qPrintable(op.correlationId));
        QCOMPARE(op.operationType, QStringLiteral("ANALYZE_SCENARIOS"));
        QVERIFY(op.requestJson);
        QCOMPARE(canonicalizeJsonText(op.requestJson->toUtf8()), op.requestJson->toUtf8());
        const QList<LineageEdge> edges = m_loaded->listLineageEdges(op.operationId);
        QVERIFY(std::any_of(edges.cbegin(), edges.cend(), [&](const LineageEdge &e) {
            return e.edgeType == QLatin1String("OPERATION_TO_CORRELATION") && e.targetEntityId == op.correlationId
                && e.createdAt == op.createdAt
                && e.metadataJson == QLatin1String("{\"operation_type\":\"ANALYZE_SCENARIOS\"}");
        }));
        if (op.status == QLatin1String("PENDING")) {
            QVERIFY(op.isExecutable());
            QVERIFY(!op.startedAt && !op.finishedAt && !op.resultJson && !op.errorJson);
        } else if (op.status == QLatin1String("RUNNING")) {
            QVERIFY(op.startedAt && !op.finishedAt && !op.resultJson && !op.errorJson);
            QVERIFY(*op.startedAt >= op.createdAt);
        } else if (op.status == QLatin1String("FAILED")) {
            QVERIFY(op.startedAt && op.finishedAt && !op.resultJson && op.errorJson);
            const QJsonObject error = object(*op.errorJson);
            QCOMPARE(error.keys(), QStringList({ QStringLiteral("code"), QStringLiteral("message") }));
            QVERIFY(!error.value(QStringLiteral("code")).toString().isEmpty());
        } else {
            QCOMPARE(op.status, QStringLiteral("SUCCEEDED"));
            QVERIFY(op.startedAt && op.finishedAt && op.resultJson && !op.errorJson);
            QVERIFY(*op.finishedAt >= *op.startedAt);
            const QJsonObject result = object(*op.resultJson);
            const QString batch = result.value(QStringLiteral("batch_run_id")).toString();
            QVERIFY2(matches(QStringLiteral("batch_[0-9a-f]{8}"), batch), qPrintable(batch));
            const QJsonObject results = result.value(QStringLiteral("results")).toObject();
            QVERIFY(results.contains(QStringLiteral("baseline")));
            // Each scenario result is the recorded run (§6.7): correlation <corr>:<scenario>.
            for (auto it = results.constBegin(); it != results.constEnd(); ++it) {
                const auto run = m_loaded->getRunByCorrelation(op.correlationId + QLatin1Char(':') + it.key());
                QVERIFY2(run, qPrintable(op.operationId + QLatin1Char(' ') + it.key()));
                QCOMPARE(run->requestHash, batch + QLatin1Char(':') + it.key());
                QVERIFY(!run->idempotencyKey);
                QCOMPARE(QString::fromUtf8(canonicalJson(it.value())), run->resultJson);
                QVERIFY(result.value(QStringLiteral("comparison_metrics")).toObject().contains(it.key()));
            }
            const bool partial = !result.value(QStringLiteral("failed_scenarios")).toObject().isEmpty();
            QCOMPARE(
                result.value(QStringLiteral("warnings")).toArray().contains(QStringLiteral("PARTIAL_BATCH_FAILURE")),
                partial);
        }
    }
    QCOMPARE(statuses.keys(),
        QStringList({ QStringLiteral("FAILED"), QStringLiteral("PENDING"), QStringLiteral("RUNNING"),
            QStringLiteral("SUCCEEDED") }));
    QVERIFY(statuses.value(QStringLiteral("SUCCEEDED")) > statuses.value(QStringLiteral("FAILED")));
}

void DemoGeneratorSuite::generate_decisions_followTheTransitionTable()
{
    const QStringList seenReasons { QStringLiteral("REVIEW_APPROVED"), QStringLiteral("POLICY_REJECTED"),
        QStringLiteral("NEEDS_DETAIL"), QStringLiteral("NEEDS_CLIENT_NOTE"), QStringLiteral("MORE_DETAIL"),
        QStringLiteral("REQUIRES_ADVISOR_NOTE") };
    QSet<QString> runsWithDecisions;
    int withComment = 0;
    for (const WorkflowDecision &d : allDecisions(*m_loaded)) {
        QVERIFY2(matches(QStringLiteral("dwd_[0-9a-f]{12}"), d.decisionId), qPrintable(d.decisionId));
        QVERIFY2(matches(QStringLiteral("corr_[0-9a-f]{12}"), d.correlationId), qPrintable(d.correlationId));
        QVERIFY(seenReasons.contains(d.reasonCode));
        QVERIFY(isValidReasonCode(d.reasonCode));
        QVERIFY(!d.actorId.isEmpty());
        QVERIFY(d.decidedAt <= QStringLiteral("2026-03-01T00:00:00+00:00"));
        withComment += d.comment ? 1 : 0;
        runsWithDecisions << d.runId;
    }
    QVERIFY(withComment > 0);
    QVERIFY(!runsWithDecisions.isEmpty());
    int twoToFour = 0;
    for (const QString &runId : std::as_const(runsWithDecisions)) {
        const auto run = m_loaded->getRun(runId);
        QVERIFY(run);
        QCOMPARE(run->status(), QStringLiteral("PENDING_REVIEW"));
        WorkflowStatus state = WorkflowStatus::PendingReview;
        const QList<WorkflowDecision> decisions = m_loaded->listWorkflowDecisions(runId);
        for (const WorkflowDecision &d : decisions) {
            QVERIFY(d.decidedAt > run->createdAt);
            const auto action = workflowActionFromWire(d.action);
            QVERIFY(action);
            const auto next = workflowTransition(state, *action);
            QVERIFY2(next, qPrintable(runId + QLatin1Char(' ') + d.action));
            state = *next;
            QCOMPARE(d.reasonCode == QLatin1String("REVIEW_APPROVED"), *action == WorkflowAction::Approve);
        }
        twoToFour += decisions.size() >= 2 && decisions.size() <= 4 ? 1 : 0;
    }
    QVERIFY2(twoToFour * 10 >= runsWithDecisions.size() * 8, qPrintable(QString::number(twoToFour)));
}

void DemoGeneratorSuite::generate_chains_pointToEarlierEntities()
{
    QMap<QString, WorkflowDecision> decisions;
    for (const WorkflowDecision &d : allDecisions(*m_loaded))
        decisions.insert(d.decisionId, d);
    QMap<QString, int> types;
    for (const RebalanceRun &run : allRuns(*m_loaded)) {
        for (const LineageEdge &e : m_loaded->listLineageEdges(run.rebalanceRunId)) {
            if (e.sourceEntityId != run.rebalanceRunId || e.edgeType.toUpper() == e.edgeType)
                continue;
            ++types[e.edgeType];
            QCOMPARE(e.createdAt, run.createdAt);
            QCOMPARE(canonicalizeJsonText(e.metadataJson.toUtf8()), e.metadataJson.toUtf8());
            if (e.edgeType == QLatin1String("caused_by") && e.targetEntityId.startsWith(QLatin1String("dwd_"))) {
                const auto d = decisions.constFind(e.targetEntityId);
                QVERIFY(d != decisions.cend());
                QCOMPARE(d->action, QStringLiteral("REQUEST_CHANGES"));
                QVERIFY(d->decidedAt < run.createdAt);
            } else if (e.edgeType == QLatin1String("caused_by")) {
                const auto op = m_loaded->getOperation(e.targetEntityId);
                QVERIFY2(op, qPrintable(e.targetEntityId));
                QCOMPARE(op->status, QStringLiteral("SUCCEEDED"));
            } else {
                const auto earlier = m_loaded->getRun(e.targetEntityId);
                QVERIFY2(earlier, qPrintable(e.targetEntityId));
                QVERIFY(earlier->createdAt < run.createdAt);
                QCOMPARE(earlier->portfolioId, run.portfolioId);
                if (e.edgeType == QLatin1String("replayed_from")) {
                    QCOMPARE(earlier->requestHash, run.requestHash);
                    QCOMPARE(earlier->idempotencyKey, run.idempotencyKey);
                }
            }
        }
    }
    QCOMPARE(types.keys(),
        QStringList({ QStringLiteral("caused_by"), QStringLiteral("derived_from"), QStringLiteral("replayed_from") }));
}

void DemoGeneratorSuite::generate_eventsAndOutbox_onePerEventInSequence()
{
    const DemoReport report = generate(400);
    QVERIFY(report.rows.value(QStringLiteral("dpm_run_events")) > 400);
    QMap<QString, QList<QJsonArray>> eventsByRun;
    QMap<QString, QString> eventTypeById;
    for (const QString &row : tableRows(*m_store, BulkTable::RunEvents)) {
        const QJsonArray e = QJsonDocument::fromJson(row.toUtf8()).array();
        eventsByRun[e.at(1).toString()] << e;
        eventTypeById.insert(e.at(0).toString(), e.at(3).toString());
        QVERIFY2(matches(QStringLiteral("evt_[0-9a-f]{12}"), e.at(0).toString()), qPrintable(row));
        QCOMPARE(canonicalizeJsonText(e.at(5).toString().toUtf8()), e.at(5).toString().toUtf8());
        QCOMPARE(object(e.at(5).toString()).value(QStringLiteral("rebalance_run_id")).toString(), e.at(1).toString());
    }
    QCOMPARE(eventsByRun.size(), 400); // every run has at least RUN_RECORDED
    for (auto it = eventsByRun.begin(); it != eventsByRun.end(); ++it) {
        std::sort(it->begin(), it->end(),
            [](const QJsonArray &a, const QJsonArray &b) { return a.at(2).toInteger() < b.at(2).toInteger(); });
        QSet<QString> keys;
        for (qsizetype i = 0; i < it->size(); ++i) {
            QCOMPARE(it->at(i).at(2).toInteger(), i + 1);
            if (i > 0)
                QVERIFY(it->at(i).at(6).toString() >= it->at(i - 1).at(6).toString());
            keys << it->at(i).at(4).toString();
        }
        QCOMPARE(keys.size(), it->size()); // unique (run, idempotency key)
        QCOMPARE(it->constFirst().at(3).toString(), QStringLiteral("RUN_RECORDED"));
        QCOMPARE(it->constFirst().at(6).toString(), m_store->getRun(it.key())->createdAt);
    }
    QSet<QString> outboxEvents;
    QMap<QString, qint64> deliveryStatuses;
    for (const QString &row : tableRows(*m_store, BulkTable::Outbox)) {
        const QJsonArray o = QJsonDocument::fromJson(row.toUtf8()).array();
        QVERIFY2(eventTypeById.contains(o.at(1).toString()), qPrintable(row));
        outboxEvents << o.at(1).toString();
        const QString status = o.at(4).toString();
        ++deliveryStatuses[status];
        QCOMPARE(o.at(6).toInteger(), 5);
        QCOMPARE(o.at(10).isNull(), status != QLatin1String("DELIVERED"));
        QCOMPARE(o.at(8).isNull(), status == QLatin1String("DELIVERED") || status == QLatin1String("PENDING"));
        QCOMPARE(object(o.at(3).toString()).value(QStringLiteral("event_id")).toString(), o.at(1).toString());
    }
    QCOMPARE(outboxEvents.size(), eventTypeById.size());
    // PENDING only for events in the last two minutes before the anchor, which a small load has not.
    QCOMPARE(
        deliveryStatuses.keys(), QStringList({ OutboxStatus::Dead, OutboxStatus::Delivered, OutboxStatus::Failed }));

    // The events API shows the same: each run's events in sequence with its one delivery, and the
    // backlog figures count the deliveries of each status.
    for (auto it = eventsByRun.cbegin(); it != eventsByRun.cend(); ++it) {
        const QList<RunEventWithDeliveries> listed = m_store->runEvents().listEvents(it.key());
        QCOMPARE(listed.size(), it->size());
        for (qsizetype i = 0; i < listed.size(); ++i) {
            QCOMPARE(listed.at(i).event.eventId, it->at(i).at(0).toString());
            QCOMPARE(listed.at(i).event.sequenceNo, i + 1);
            QCOMPARE(listed.at(i).deliveries.size(), 1);
            QCOMPARE(listed.at(i).deliveries.constFirst().rebalanceRunId, it.key());
        }
    }
    const OutboxStats stats = m_store->runEvents().outboxStats(report.anchor);
    QCOMPARE(stats.pending, deliveryStatuses.value(OutboxStatus::Pending));
    QCOMPARE(stats.delivered, deliveryStatuses.value(OutboxStatus::Delivered));
    QCOMPARE(stats.failed, deliveryStatuses.value(OutboxStatus::Failed));
    QCOMPARE(stats.dead, deliveryStatuses.value(OutboxStatus::Dead));
}

void DemoGeneratorSuite::generate_dataInvariants_hold()
{
    DemoReport report;
    DPM_TRY(report = loaded());
    const QStringList problems = demoInvariantViolations(*m_loaded, report.from, report.anchor);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(QLatin1Char('\n'))));
}

void DemoGeneratorSuite::generate_progress_reachesThePlannedTotal()
{
    QList<qint64> done;
    QStringList phases;
    qint64 total = -1;
    DemoOptions options = smallDemo(700);
    options.runsPerTransaction = 256;
    const DemoReport report
        = generateDemoData(*m_store, options, [&](qint64 rows, qint64 planned, const QString &phase) {
              done << rows;
              phases << phase;
              total = planned;
              return true;
          });
    QCOMPARE(total, report.plannedRows);
    QCOMPARE(done.constFirst(), 0);
    QCOMPARE(done.constLast(), report.plannedRows);
    QVERIFY(std::is_sorted(done.cbegin(), done.cend()));
    QCOMPARE(phases.constFirst(), QStringLiteral("loading"));
    QCOMPARE(phases.constLast(), QStringLiteral("analyzing"));
    QVERIFY(done.size() >= 4); // one call per chunk of 256 runs, and the start
}

void DemoGeneratorSuite::generate_storeWithRuns_isRefusedAsNotEmpty()
{
    RebalanceRun run { QStringLiteral("rr_00000001"), QStringLiteral("corr_1"), QStringLiteral("sha256:h"),
        std::nullopt, QStringLiteral("pf_1"), QStringLiteral("2026-02-20T12:00:00+00:00"), QStringLiteral("{}") };
    m_store->saveRun(run);
    try {
        generate(50);
        QFAIL("a store with runs was filled");
    } catch (const Error &e) {
        QCOMPARE(e.code(), QStringLiteral("DEMO_STORE_NOT_EMPTY"));
        QCOMPARE(e.kind(), ErrorKind::Conflict);
    }
    QCOMPARE(m_store->getSupportabilitySummary().runCount, 1);
}

void DemoGeneratorSuite::generate_badOptions_areInvalidInput()
{
    const auto failsWith = [&](const DemoOptions &options, const QString &code) {
        try {
            generateDemoData(*m_store, options);
        } catch (const Error &e) {
            return e.code() == code && e.kind() == ErrorKind::InvalidInput;
        }
        return false;
    };
    DemoOptions options = smallDemo(10);
    options.spanDays = 0;
    QVERIFY(failsWith(options, QStringLiteral("DEMO_OPTIONS_INVALID")));
    options = smallDemo(0);
    QVERIFY(failsWith(options, QStringLiteral("DEMO_OPTIONS_INVALID")));
    options = smallDemo(10);
    options.anchor = QStringLiteral("soon");
    QVERIFY(failsWith(options, QStringLiteral("INVALID_TIMESTAMP")));
    QCOMPARE(m_store->getSupportabilitySummary().runCount, 0);
}

void DemoGeneratorSuite::generate_cancelAtStart_leavesTheStoreEmpty()
{
    const DemoReport report
        = generateDemoData(*m_store, smallDemo(300), [](qint64, qint64, const QString &) { return false; });
    QVERIFY(report.cancelled);
    QCOMPARE(report.totalRows(), 0);
    QVERIFY(report.plannedRows > 300);
    const SupportabilitySummary summary = m_store->getSupportabilitySummary();
    QCOMPARE(summary.runCount + summary.operationCount + summary.lineageEdgeCount + summary.workflowDecisionCount, 0);
    for (const BulkTable table : allBulkTables())
        QCOMPARE(tableCount(*m_store, QLatin1String(bulkTableSpec(table).name)), 0);
}

void DemoGeneratorSuite::generate_cancelMidway_keepsWholeConsistentRuns()
{
    // Transactions of 256 runs; cancel during the fourth: three stay, the fourth rolls back.
    DemoOptions options = smallDemo(1500);
    options.runsPerTransaction = 256;
    int calls = 0;
    const DemoReport report
        = generateDemoData(*m_store, options, [&](qint64, qint64, const QString &) { return ++calls <= 4; });
    QVERIFY(report.cancelled);
    QCOMPARE(report.rows.value(QStringLiteral("dpm_runs")), 3 * 256);
    const SupportabilitySummary summary = m_store->getSupportabilitySummary();
    QCOMPARE(summary.runCount, 3 * 256);
    QCOMPARE(summary.operationCount, report.rows.value(QStringLiteral("dpm_async_operations")));
    QCOMPARE(summary.lineageEdgeCount, report.rows.value(QStringLiteral("dpm_lineage_edges")));
    QCOMPARE(summary.workflowDecisionCount, report.rows.value(QStringLiteral("dpm_workflow_decisions")));
    for (auto it = report.rows.cbegin(); it != report.rows.cend(); ++it)
        QCOMPARE(tableCount(*m_store, it.key()), it.value());
    // Whatever stayed is whole: every run with its edges and mapping, every decision's run.
    for (const RebalanceRun &run : allRuns(*m_store)) {
        const QList<LineageEdge> edges = m_store->listLineageEdges(run.rebalanceRunId);
        QVERIFY(std::any_of(edges.cbegin(), edges.cend(),
            [&](const LineageEdge &e) { return e.edgeType == QLatin1String("CORRELATION_TO_RUN"); }));
        if (run.idempotencyKey)
            QVERIFY(m_store->getIdempotencyMapping(*run.idempotencyKey));
    }
    for (const WorkflowDecision &d : allDecisions(*m_store))
        QVERIFY(m_store->getRun(d.runId));
}

void DemoGeneratorSuite::bulkLoad_textWithTabsNewlinesAndBackslashes_roundTrips()
{
    const QByteArray tricky("tab\there\nnewline\r\nback\\slash \\N \\t end\\");
    BulkRows rows;
    rows.add(BulkTable::WorkflowDecisions,
        { "dwd_000000000001", "rr_00000001", "APPROVE", "REVIEW_APPROVED", tricky, "alice\tx",
            "2026-02-20T12:00:00+00:00", "corr_1" });
    rows.add(BulkTable::WorkflowDecisions,
        { "dwd_000000000002", "rr_00000001", "REJECT", "POLICY_REJECTED", QByteArray(), "bob",
            "2026-02-20T12:00:01+00:00", "corr_2" });
    rows.add(BulkTable::WorkflowDecisions,
        { "dwd_000000000003", "rr_00000001", "REJECT", "POLICY_REJECTED", QByteArray(""), "bob",
            "2026-02-20T12:00:02+00:00", "corr_3" });
    rows.add(BulkTable::LineageEdges,
        { "a\\b", "caused_by", "c\td", "2026-02-20T12:00:00+00:00", "{\"note\":\"line\\nbreak\"}" });
    const auto loader = openBulkLoader(*m_store);
    loader->begin();
    loader->write(rows);
    loader->commit();

    const QList<WorkflowDecision> decisions = m_store->listWorkflowDecisions(QStringLiteral("rr_00000001"));
    QCOMPARE(decisions.size(), 3);
    QCOMPARE(decisions.at(0).comment, std::optional<QString>(QString::fromUtf8(tricky)));
    QCOMPARE(decisions.at(0).actorId, QStringLiteral("alice\tx"));
    QCOMPARE(decisions.at(1).comment, std::nullopt);
    QCOMPARE(decisions.at(2).comment, std::optional<QString>(QString()));
    const QList<LineageEdge> edges = m_store->listLineageEdges(QStringLiteral("a\\b"));
    QCOMPARE(edges.size(), 1);
    QCOMPARE(edges.at(0).targetEntityId, QStringLiteral("c\td"));
    QCOMPARE(edges.at(0).metadataJson, QStringLiteral("{\"note\":\"line\\nbreak\"}"));
}

void DemoGeneratorSuite::bulkLoad_rollback_leavesNothing()
{
    BulkRows rows;
    rows.add(BulkTable::Runs,
        { "rr_00000001", "corr_1", "sha256:h", QByteArray(), "pf_1", "2026-02-20T12:00:00+00:00",
            "{\"status\":\"READY\"}" });
    rows.add(
        BulkTable::LineageEdges, { "corr_1", "CORRELATION_TO_RUN", "rr_00000001", "2026-02-20T12:00:00+00:00", "{}" });
    {
        const auto loader = openBulkLoader(*m_store);
        loader->begin();
        loader->write(rows);
        loader->rollback();
        loader->begin();
        loader->write(rows); // and an open transaction at destruction rolls back too
    }
    QCOMPARE(m_store->getSupportabilitySummary().runCount, 0);
    QCOMPARE(m_store->getSupportabilitySummary().lineageEdgeCount, 0);
}

DPM_BACKEND_TEST_GUILESS_MAIN(DemoGeneratorSuite)
#include "tst_demogenerator.moc"
