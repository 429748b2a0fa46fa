// The SupportStore contract: Part B §5 of shared/spec/domain.md with the decisions of Part A and
// the comments of core/store/supportstore.h. The same test functions run against every backend;
// DPM_TEST_BACKEND selects which store the fixture opens. Every test function
// gets a fresh, empty store in init().

#include "backendstore.h"
#include "domain/canonicaljson.h"
#include "domain/cursor.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "services/workflowhistory.h"
#include "store/sqlstore.h"
#include "store/supportstore.h"

#include <QJsonObject>
#include <QMutex>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <thread>
#include <vector>

using namespace dpm;
using dpm::test::TestBackend;

namespace dpm {

// Readable QCOMPARE failures for the row types (found by ADL).
char *toString(const RebalanceRun &r)
{
    return QTest::toString(
        QStringLiteral("RebalanceRun(%1, corr=%2, hash=%3, key=%4, pf=%5, at=%6, result=%7)")
            .arg(r.rebalanceRunId, r.correlationId, r.requestHash, r.idempotencyKey.value_or(QStringLiteral("<null>")),
                r.portfolioId, r.createdAt, r.resultJson));
}
char *toString(const RunListItem &r)
{
    return QTest::toString(
        QStringLiteral("RunListItem(%1, corr=%2, hash=%3, key=%4, pf=%5, status=%6, at=%7)")
            .arg(r.rebalanceRunId, r.correlationId, r.requestHash, r.idempotencyKey.value_or(QStringLiteral("<null>")),
                r.portfolioId, r.status, r.createdAt));
}
char *toString(const RunArtifact &a)
{
    return QTest::toString(QStringLiteral("RunArtifact(%1, %2)").arg(a.rebalanceRunId, a.artifactJson));
}
char *toString(const IdempotencyMapping &m)
{
    return QTest::toString(QStringLiteral("IdempotencyMapping(%1, %2, %3, %4)")
                               .arg(m.idempotencyKey, m.requestHash, m.rebalanceRunId, m.createdAt));
}
char *toString(const IdempotencyHistoryEntry &e)
{
    return QTest::toString(QStringLiteral("History(%1, %2, %3, %4, %5)")
                               .arg(e.idempotencyKey, e.rebalanceRunId, e.correlationId, e.requestHash, e.createdAt));
}
char *toString(const AsyncOperation &o)
{
    const auto opt = [](const std::optional<QString> &v) { return v.value_or(QStringLiteral("<null>")); };
    return QTest::toString(QStringLiteral("AsyncOperation(%1, %2, %3, corr=%4, at=%5, started=%6, finished=%7, "
                                          "result=%8, error=%9, request=%10)")
                               .arg(o.operationId, o.operationType, o.status, o.correlationId, o.createdAt,
                                   opt(o.startedAt), opt(o.finishedAt), opt(o.resultJson), opt(o.errorJson))
                               .arg(opt(o.requestJson)));
}
char *toString(const WorkflowDecision &d)
{
    return QTest::toString(
        QStringLiteral("WorkflowDecision(%1, run=%2, %3, %4, comment=%5, actor=%6, at=%7, corr=%8)")
            .arg(d.decisionId, d.runId, d.action, d.reasonCode, d.comment.value_or(QStringLiteral("<null>")), d.actorId,
                d.decidedAt, d.correlationId));
}
char *toString(const LineageEdge &e)
{
    return QTest::toString(QStringLiteral("LineageEdge(%1 -%2-> %3, at=%4, meta=%5)")
                               .arg(e.sourceEntityId, e.edgeType, e.targetEntityId, e.createdAt, e.metadataJson));
}
char *toString(const PolicyPack &p)
{
    return QTest::toString(QStringLiteral("PolicyPack(%1, v=%2, def=%3, created=%4, updated=%5)")
                               .arg(p.policyPackId, p.version, p.definitionJson, p.createdAt, p.updatedAt));
}

} // namespace dpm

namespace {

// --- builders -----------------------------------------------------------------------------

const QString kBase = QStringLiteral("2026-02-20T12:00:00+00:00");

// kBase + minutes, in the service format.
QString at(int minutes)
{
    return formatTimestamp(QDateTime(QDate(2026, 2, 20), QTime(12, 0), Qt::UTC).addSecs(qint64(minutes) * 60));
}

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(canonicalJson(object));
}

QString resultWithStatus(const QString &id, const QString &status)
{
    QJsonObject result { { QStringLiteral("rebalance_run_id"), id } };
    if (!status.isNull())
        result.insert(QStringLiteral("status"), status);
    return json(result);
}

// A run with defaults; status null = result_json without a status key.
RebalanceRun makeRun(const QString &id, const QString &createdAt, const QString &status = QStringLiteral("READY"),
    const QString &requestHash = QStringLiteral("sha256:aaa"), const QString &portfolioId = QStringLiteral("pf_1"),
    const std::optional<QString> &idempotencyKey = std::nullopt)
{
    RebalanceRun run;
    run.rebalanceRunId = id;
    run.correlationId = QStringLiteral("corr_") + id;
    run.requestHash = requestHash;
    run.idempotencyKey = idempotencyKey;
    run.portfolioId = portfolioId;
    run.createdAt = createdAt;
    run.resultJson = resultWithStatus(id, status);
    return run;
}

RunListItem listItemOf(const RebalanceRun &run, const QString &status)
{
    return RunListItem { run.rebalanceRunId, run.correlationId, run.requestHash, run.idempotencyKey, run.portfolioId,
        status, run.createdAt };
}

AsyncOperation makeOperation(const QString &id, const QString &createdAt,
    const QString &status = QStringLiteral("PENDING"), const QString &type = QStringLiteral("ANALYZE_SCENARIOS"))
{
    AsyncOperation op;
    op.operationId = id;
    op.operationType = type;
    op.status = status;
    op.correlationId = QStringLiteral("corr_") + id;
    op.createdAt = createdAt;
    return op;
}

WorkflowDecision makeDecision(const QString &id, const QString &runId, const QString &decidedAt,
    const QString &action = QStringLiteral("APPROVE"), const QString &reasonCode = QStringLiteral("REVIEW_APPROVED"),
    const QString &actorId = QStringLiteral("reviewer_1"))
{
    WorkflowDecision d;
    d.decisionId = id;
    d.runId = runId;
    d.action = action;
    d.reasonCode = reasonCode;
    d.comment = QStringLiteral("comment for ") + id;
    d.actorId = actorId;
    d.decidedAt = decidedAt;
    d.correlationId = QStringLiteral("corr_action_") + id;
    return d;
}

LineageEdge makeEdge(const QString &source, const QString &type, const QString &target, const QString &createdAt,
    const QString &metadataJson = QStringLiteral("{}"))
{
    return LineageEdge { source, type, target, createdAt, metadataJson };
}

QString hashMetadata(const QString &hash)
{
    return json(QJsonObject { { QStringLiteral("request_hash"), hash } });
}

// --- readers ------------------------------------------------------------------------------

QString idOf(const RunListItem &r)
{
    return r.rebalanceRunId;
}
QString idOf(const AsyncOperation &o)
{
    return o.operationId;
}
QString idOf(const WorkflowDecision &d)
{
    return d.decisionId;
}

template <typename T> QStringList idsOf(const QList<T> &items)
{
    QStringList ids;
    for (const T &item : items)
        ids.append(idOf(item));
    return ids;
}

QString edgesText(const QList<LineageEdge> &edges)
{
    QStringList lines;
    for (const LineageEdge &e : edges)
        lines.append(e.sourceEntityId + QLatin1Char(' ') + e.edgeType + QLatin1Char(' ') + e.targetEntityId
            + QLatin1Char(' ') + e.createdAt);
    return lines.join(QLatin1Char('\n'));
}

QString countsText(const QMap<QString, qint64> &counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(it.key() + QLatin1Char('=') + QString::number(it.value()));
    return parts.join(QLatin1Char(','));
}

QString historyText(const QList<IdempotencyHistoryEntry> &entries)
{
    QStringList lines;
    for (const IdempotencyHistoryEntry &e : entries)
        lines.append(
            QStringList { e.idempotencyKey, e.rebalanceRunId, e.correlationId, e.requestHash, e.createdAt }.join(
                QLatin1Char(' ')));
    return lines.join(QLatin1Char('\n'));
}

// Every page of a listing with a small limit: the ids in order and each page's size; `ended`
// is false when the walk was cut off (a cursor loop).
struct Walk
{
    QStringList ids;
    QList<int> pageSizes;
    bool ended = false;
};

template <typename Fetch> Walk walkAll(Fetch fetch, int limit)
{
    Walk walk;
    std::optional<QString> cursor;
    for (int guard = 0; guard < 1000; ++guard) {
        const auto page = fetch(PageRequest { limit, cursor });
        walk.ids += idsOf(page.items);
        walk.pageSizes.append(int(page.items.size()));
        if (!page.nextCursor) {
            walk.ended = true;
            break;
        }
        cursor = page.nextCursor;
    }
    return walk;
}

QString foreignCursorText()
{
    return encodeCursor(CursorListing::Operations, kBase, QStringLiteral("dop_x"));
}

} // namespace

// A call that must throw dpm::Error with this code (and kind).
#define EXPECT_STORE_ERROR(expr, expectedKind, expectedCode)                                                           \
    do {                                                                                                               \
        bool thrown_ = false;                                                                                          \
        try {                                                                                                          \
            expr;                                                                                                      \
        } catch (const ::dpm::Error &error_) {                                                                         \
            thrown_ = true;                                                                                            \
            QCOMPARE(error_.code(), QStringLiteral(expectedCode));                                                     \
            QCOMPARE(errorKindName(error_.kind()), errorKindName(expectedKind));                                       \
        }                                                                                                              \
        QVERIFY2(thrown_, "expected dpm::Error " expectedCode " from: " #expr);                                        \
    } while (false)

class SupportStoreContract : public QObject
{
    Q_OBJECT

public:
    // Runs a test body; an exception escaping it is a failure of that test, not of the whole run.
    template <typename Body> void guarded(Body body)
    {
        try {
            body();
        } catch (const Error &error) {
            QFAIL(qPrintable(QStringLiteral("unexpected dpm::Error ") + error.toString()));
        } catch (const std::exception &error) {
            QFAIL(qPrintable(QStringLiteral("unexpected exception: ") + QString::fromLocal8Bit(error.what())));
        } catch (...) {
            QFAIL("unexpected non-standard exception");
        }
    }

    SupportStore &store() { return *m_store; }

private:
    void seedRetentionScenario();
    void seedRunsForFilters();
    void seedOperationsForFilters();
    void seedDecisionsForFilters();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_store;

private Q_SLOTS:
    void init();
    void cleanup();

    // backend
    void backend_matchesExecutable();

    // runs: writes and lookups
    void saveRun_thenGetRun_returnsEveryColumn();
    void saveRun_twice_replacesEveryColumn();
    void saveRun_correlationHeldByAnotherRun_isConflictAndChangesNothing();
    void getRun_unknownId_returnsNothing();
    void getRunByCorrelation_returnsTheRunHoldingIt();
    void getRunByRequestHash_picksLatestCreatedAt();
    void getRunByRequestHash_equalCreatedAt_picksGreatestId();
    void getRunByRequestHash_unknownHash_returnsNothing();

    // runs: listing
    void listRuns_emptyStore_returnsEmptyPage();
    void listRuns_itemsCarryListingFields();
    void listRuns_ordersByCreatedAtDescThenIdDesc();
    void listRuns_idTieBreak_usesByteOrder();
    void listRuns_microsecondTimestamps_sortInTimeOrder();
    void listRuns_filterCreatedFrom_isInclusive();
    void listRuns_filterCreatedTo_isInclusive();
    void listRuns_filterBothBounds_includesRowsAtEachEnd();
    void listRuns_filterStatus_matchesResultJsonStatus();
    void listRuns_filterRequestHash_matchesExactly();
    void listRuns_filterPortfolio_matchesExactly();
    void listRuns_combinedFilters_areAnded();
    void listRuns_filtersMatchingNothing_returnEmptyPage();
    void listRuns_resultWithoutStatusOrNotJson_listsEmptyStatus();
    void listRuns_statusFilter_neverMatchesMissingStatus();
    void listRuns_resultRewrittenAfterInsert_listsAndFiltersByNewStatus();
    void listRuns_pagingWithSmallLimit_collectsEveryRowOnceInOrder();
    void listRuns_pagingWithFilters_collectsOnlyMatchingRows();
    void listRuns_rowsExactlyFillPages_lastPageHasNoNextCursor();
    void listRuns_limitAboveRowCount_hasNoNextCursor();
    void listRuns_nextCursor_isConsoleCursorOfLastRow();
    void listRuns_cursorAfterLastPage_returnsEmpty();
    void listRuns_emptyCursorText_returnsFirstPage();
    void listRuns_legacyCursor_continuesAfterNamedRow();
    void listRuns_legacyCursorNamingNoRow_returnsEmpty();
    void listRuns_legacyCursorNamingRowExcludedByFilters_returnsEmpty();
    void listRuns_consoleCursorRowMovedByUpsert_continuesAfterSortKey();
    void listRuns_consoleCursorRowPurged_continuesAfterSortKey();
    void listRuns_consoleCursorOutsideStoredRows_pagesBySortKey();
    void listRuns_undecodableCursor_isInvalidCursor();
    void listRuns_cursorOfNonJson_isInvalidCursor();
    void listRuns_cursorOfAnotherListing_isInvalidCursor();
    void listRuns_limitZeroOrNegative_isInvalidLimit();

    // artifacts
    void saveRunArtifact_thenGet_returnsIt();
    void saveRunArtifact_twice_replacesJson();
    void getRunArtifact_unknownRun_returnsNothing();

    // idempotency
    void saveIdempotencyMapping_thenGet_returnsIt();
    void saveIdempotencyMapping_twice_keepsLatest();
    void getIdempotencyMapping_unknownKey_returnsNothing();
    void listIdempotencyHistory_keepsDuplicatesInDocumentedOrder();
    void listIdempotencyHistory_onlyListsThatKey();
    void listIdempotencyHistory_unknownKey_returnsEmpty();

    // recordRun
    void recordRun_withKeyAndArtifact_writesEveryRow();
    void recordRun_withoutKeyOrArtifact_writesRunAndCorrelationEdge();
    void recordRun_sameKeyTwice_mappingFollowsLatestAndHistoryKeepsBoth();
    void recordRun_correlationConflict_writesNothing();

    // async operations
    void createOperation_thenGet_returnsEveryColumn();
    void createOperation_nullableColumns_roundTripAsNull();
    void updateOperation_replacesEveryColumn();
    void createOperation_twice_isUpsert();
    void createOperation_correlationHeldByAnother_isConflict();
    void updateOperation_correlationHeldByAnother_isConflict();
    void getOperation_unknown_returnsNothing();
    void getOperationByCorrelation_returnsTheOperation();
    void submitOperation_writesOperationAndCorrelationEdge();
    void submitOperation_correlationHeldByAnother_isConflictAndWritesNothing();
    void submitOperation_sameOperationResubmitted_isConflict();

    // async operations: listing
    void listOperations_ordersByCreatedAtDescThenIdDesc();
    void listOperations_filterCreatedBounds_areInclusive();
    void listOperations_filterOperationType();
    void listOperations_filterStatus();
    void listOperations_filterCorrelation();
    void listOperations_combinedFilters_areAnded();
    void listOperations_pagingWithSmallLimit_collectsEveryRowOnceInOrder();
    void listOperations_legacyCursor_continuesAfterNamedRow();
    void listOperations_legacyCursorNamingNoRow_returnsEmpty();
    void listOperations_legacyCursorNamingRowExcludedByFilters_returnsEmpty();
    void listOperations_consoleCursorRowPurged_continuesAfterSortKey();
    void listOperations_cursorAfterLastPage_returnsEmpty();
    void listOperations_invalidOrForeignCursor_isInvalidCursor();
    void listOperations_limitZero_isInvalidLimit();

    // async operations: TTL purge
    void purgeExpiredOperations_deletesOnlyStrictlyOlderThanCutoff();
    void purgeExpiredOperations_comparesFinishedAtBeforeCreatedAt();
    void purgeExpiredOperations_dryRun_reportsSameCountsAndDeletesNothing();
    void purgeExpiredOperations_ttlBelowOne_deletesNothing();
    void purgeExpiredOperations_keepsLineageEdges();

    // workflow decisions
    void appendWorkflowDecision_thenListForRun_returnsEveryColumn();
    void appendWorkflowDecision_nullComment_roundTripsAsNull();
    void appendWorkflowDecision_existingId_isConflictAndKeepsOriginal();
    void listWorkflowDecisions_forRun_oldestFirstWithIdTieBreak();
    void listWorkflowDecisions_unknownRun_returnsEmpty();
    void getWorkflowHistoryByCorrelation_answersTheRunsDecisionsOldestFirst();
    void getWorkflowHistoryByCorrelation_runWithoutDecisions_answersEmptyHistory();
    void getWorkflowHistoryByCorrelation_noRunHasIt_isRunNotFound();
    void listWorkflowDecisionsFiltered_ordersByDecidedAtDescThenIdDesc();
    void listWorkflowDecisionsFiltered_filterRunId();
    void listWorkflowDecisionsFiltered_filterAction();
    void listWorkflowDecisionsFiltered_filterActor();
    void listWorkflowDecisionsFiltered_filterReasonCode();
    void listWorkflowDecisionsFiltered_filterDecidedBounds_areInclusive();
    void listWorkflowDecisionsFiltered_combinedFilters_areAnded();
    void listWorkflowDecisionsFiltered_pagingWithSmallLimit_collectsEveryRowOnceInOrder();
    void listWorkflowDecisionsFiltered_legacyCursor_continuesAfterNamedRow();
    void listWorkflowDecisionsFiltered_legacyCursorNamingNoRow_returnsEmpty();
    void listWorkflowDecisionsFiltered_legacyCursorNamingRowExcludedByFilters_returnsEmpty();
    void listWorkflowDecisionsFiltered_consoleCursorRowPurged_continuesAfterSortKey();
    void listWorkflowDecisionsFiltered_cursorAfterLastPage_returnsEmpty();
    void listWorkflowDecisionsFiltered_invalidOrForeignCursor_isInvalidCursor();
    void listWorkflowDecisionsFiltered_limitZero_isInvalidLimit();

    // lineage
    void listLineageEdges_sourceOrTarget_oldestFirstByFullKey();
    void listLineageEdges_selfEdge_appearsOnce();
    void listLineageEdges_duplicates_areKept();
    void listLineageEdges_anyEdgeType_isStoredAndShown();
    void listLineageEdges_unknownEntity_returnsEmpty();

    // policy packs
    void upsertPolicyPack_new_storesEveryColumn();
    void upsertPolicyPack_existing_keepsCreatedAtRefreshesTheRest();
    void listPolicyPacks_orderedById();
    void deletePolicyPack_returnsWhetherARowWasRemoved();
    void getPolicyPack_unknown_returnsNothing();

    // summary
    void summary_emptyStore_zeroCountsEmptyMapsNullTimestamps();
    void summary_populatedStore_exactCountsMapsAndBounds();

    // retention
    void purgeExpiredRuns_cascadesExactlyAsSpecified();
    void purgeExpiredRuns_sharedIdempotencyKey_deletesSurvivingRunsKeyEdgesOnly();
    void purgeExpiredRuns_operationEdgeToExpiredCorrelation_isDeletedOperationKept();
    void purgeExpiredRuns_runAtCutoff_isKept();
    void purgeExpiredRuns_retentionBelowOne_touchesNothing();
    void purgeExpiredRuns_dryRun_reportsSameCountsAndDeletesNothing();
    void purgeExpiredRuns_nothingExpired_reportsZeroForEveryTable();

    // cross-cutting
    void reads_neverDeleteExpiredRows();
    void concurrentWritersAndReaders_everyRowStored();
};

// --- fixture ------------------------------------------------------------------------------

void SupportStoreContract::init()
{
    DPM_OPEN_FRESH_BACKEND_STORE(m_dir, m_store, "contract");
}

void SupportStoreContract::cleanup()
{
    DPM_EXPECT_DUAL_WRITE_ALIKE(m_store);
    m_store.reset();
    m_dir.reset();
}

void SupportStoreContract::backend_matchesExecutable()
{
    guarded([&] {
        const TestBackend backend = dpm::test::testBackend();
        if (backend == TestBackend::Memory) {
            QCOMPARE(toWire(store().backend()), toWire(StoreBackend::InMemory));
            QCOMPARE(store().describe(), QStringLiteral("memory:"));
        } else if (backend == TestBackend::Sqlite) {
            QCOMPARE(toWire(store().backend()), toWire(StoreBackend::Sqlite));
            QVERIFY2(store().describe().contains(QStringLiteral("contract.db")), qPrintable(store().describe()));
        } else if (backend == TestBackend::Dual) {
            // The dual-write store stands in for its primary; the share of reads is the run's.
            QCOMPARE(toWire(store().backend()), toWire(StoreBackend::InMemory));
            QCOMPARE(store().describe(), QStringLiteral("memory:"));
            auto *dual = storeAs<DualWriteStore>(store());
            QVERIFY(dual);
            QCOMPARE(dual->figures().readFromPostgresPercent, dpm::test::dualReadPercent());
            QCOMPARE(toWire(dual->postgres().backend()), toWire(StoreBackend::Postgres));
        } else if (backend == TestBackend::Remote) {
            QCOMPARE(toWire(store().backend()), QStringLiteral("REMOTE"));
            QVERIFY2(
                store().describe().startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(store().describe()));
        } else {
            QCOMPARE(toWire(store().backend()), toWire(StoreBackend::Postgres));
            QVERIFY(!store().describe().isEmpty());
        }
    });
}

// --- runs: writes and lookups -------------------------------------------------------------

void SupportStoreContract::saveRun_thenGetRun_returnsEveryColumn()
{
    guarded([&] {
        const RebalanceRun run = makeRun(QStringLiteral("rr_0001"), QStringLiteral("2026-02-20T12:00:00.123456+00:00"),
            QStringLiteral("PENDING_REVIEW"), QStringLiteral("sha256:abc"), QStringLiteral("pf_9"),
            QStringLiteral("idem_1"));
        store().saveRun(run);
        const auto got = store().getRun(run.rebalanceRunId);
        QVERIFY(got);
        QCOMPARE(*got, run);
        QCOMPARE(got->status(), QStringLiteral("PENDING_REVIEW"));

        const RebalanceRun noKey = makeRun(QStringLiteral("rr_0002"), at(1));
        store().saveRun(noKey);
        const auto gotNoKey = store().getRun(noKey.rebalanceRunId);
        QVERIFY(gotNoKey);
        QCOMPARE(*gotNoKey, noKey);
        QVERIFY(!gotNoKey->idempotencyKey.has_value());
    });
}

void SupportStoreContract::saveRun_twice_replacesEveryColumn()
{
    guarded([&] {
        const RebalanceRun first = makeRun(QStringLiteral("rr_1"), at(0), QStringLiteral("READY"),
            QStringLiteral("sha256:one"), QStringLiteral("pf_1"), QStringLiteral("idem_1"));
        store().saveRun(first);
        store().saveRun(makeRun(QStringLiteral("rr_2"), at(5)));

        RebalanceRun second = makeRun(QStringLiteral("rr_1"), at(10), QStringLiteral("BLOCKED"),
            QStringLiteral("sha256:two"), QStringLiteral("pf_2"), std::nullopt);
        second.correlationId = QStringLiteral("corr_changed");
        store().saveRun(second);

        const auto got = store().getRun(QStringLiteral("rr_1"));
        QVERIFY(got);
        QCOMPARE(*got, second);
        QVERIFY(!store().getRunByCorrelation(first.correlationId));
        const auto byNewCorrelation = store().getRunByCorrelation(QStringLiteral("corr_changed"));
        QVERIFY(byNewCorrelation);
        QCOMPARE(byNewCorrelation->rebalanceRunId, QStringLiteral("rr_1"));

        // One row, listed at its new place with its new values.
        const auto page = store().listRuns({}, PageRequest { 10, {} });
        QCOMPARE(idsOf(page.items), (QStringList { QStringLiteral("rr_1"), QStringLiteral("rr_2") }));
        QCOMPARE(page.items.at(0), listItemOf(second, QStringLiteral("BLOCKED")));
        QCOMPARE(store().getSupportabilitySummary().runCount, qint64(2));

        // The old correlation id is free again.
        RebalanceRun third = makeRun(QStringLiteral("rr_3"), at(11));
        third.correlationId = first.correlationId;
        store().saveRun(third);
        QCOMPARE(store().getRunByCorrelation(first.correlationId)->rebalanceRunId, QStringLiteral("rr_3"));
    });
}

void SupportStoreContract::saveRun_correlationHeldByAnotherRun_isConflictAndChangesNothing()
{
    guarded([&] {
        const RebalanceRun holder = makeRun(QStringLiteral("rr_1"), at(0));
        store().saveRun(holder);
        RebalanceRun clash = makeRun(QStringLiteral("rr_2"), at(1));
        clash.correlationId = holder.correlationId;
        EXPECT_STORE_ERROR(store().saveRun(clash), ErrorKind::Conflict, "DPM_RUN_CORRELATION_CONFLICT");

        QVERIFY(!store().getRun(QStringLiteral("rr_2")));
        QCOMPARE(*store().getRunByCorrelation(holder.correlationId), holder);
        QCOMPARE(store().getSupportabilitySummary().runCount, qint64(1));

        // An existing run moving onto a held correlation is the same conflict.
        store().saveRun(makeRun(QStringLiteral("rr_3"), at(2)));
        RebalanceRun moved = makeRun(QStringLiteral("rr_3"), at(2));
        moved.correlationId = holder.correlationId;
        EXPECT_STORE_ERROR(store().saveRun(moved), ErrorKind::Conflict, "DPM_RUN_CORRELATION_CONFLICT");
        QCOMPARE(store().getRun(QStringLiteral("rr_3"))->correlationId, QStringLiteral("corr_rr_3"));
    });
}

void SupportStoreContract::getRun_unknownId_returnsNothing()
{
    guarded([&] {
        store().saveRun(makeRun(QStringLiteral("rr_1"), at(0)));
        QVERIFY(!store().getRun(QStringLiteral("rr_missing")));
        QVERIFY(!store().getRunByCorrelation(QStringLiteral("corr_missing")));
    });
}

void SupportStoreContract::getRunByCorrelation_returnsTheRunHoldingIt()
{
    guarded([&] {
        const RebalanceRun a = makeRun(QStringLiteral("rr_a"), at(0));
        const RebalanceRun b = makeRun(QStringLiteral("rr_b"), at(1));
        store().saveRun(a);
        store().saveRun(b);
        QCOMPARE(*store().getRunByCorrelation(QStringLiteral("corr_rr_a")), a);
        QCOMPARE(*store().getRunByCorrelation(QStringLiteral("corr_rr_b")), b);
    });
}

void SupportStoreContract::getRunByRequestHash_picksLatestCreatedAt()
{
    guarded([&] {
        const QString hash = QStringLiteral("sha256:shared");
        store().saveRun(makeRun(QStringLiteral("rr_z"), at(0), QStringLiteral("READY"), hash));
        store().saveRun(makeRun(QStringLiteral("rr_b"), at(20), QStringLiteral("READY"), hash));
        store().saveRun(makeRun(QStringLiteral("rr_a"), at(10), QStringLiteral("READY"), hash));
        store().saveRun(
            makeRun(QStringLiteral("rr_other"), at(30), QStringLiteral("READY"), QStringLiteral("sha256:x")));
        const auto got = store().getRunByRequestHash(hash);
        QVERIFY(got);
        QCOMPARE(got->rebalanceRunId, QStringLiteral("rr_b"));
    });
}

void SupportStoreContract::getRunByRequestHash_equalCreatedAt_picksGreatestId()
{
    guarded([&] {
        const QString hash = QStringLiteral("batch_1a2b3c4d:baseline");
        store().saveRun(makeRun(QStringLiteral("rr_b"), at(5), QStringLiteral("READY"), hash));
        store().saveRun(makeRun(QStringLiteral("rr_c"), at(5), QStringLiteral("READY"), hash));
        store().saveRun(makeRun(QStringLiteral("rr_a"), at(5), QStringLiteral("READY"), hash));
        store().saveRun(makeRun(QStringLiteral("rr_d"), at(4), QStringLiteral("READY"), hash));
        QCOMPARE(store().getRunByRequestHash(hash)->rebalanceRunId, QStringLiteral("rr_c"));
    });
}

void SupportStoreContract::getRunByRequestHash_unknownHash_returnsNothing()
{
    guarded([&] {
        store().saveRun(makeRun(QStringLiteral("rr_1"), at(0)));
        QVERIFY(!store().getRunByRequestHash(QStringLiteral("sha256:nothing")));
    });
}

// --- runs: listing ------------------------------------------------------------------------

// Six runs over three statuses, two hashes, two portfolios; rr_3 and rr_4 share created_at.
//   rr_1 at(0)  READY          sha256:h1 pf_a
//   rr_2 at(10) BLOCKED        sha256:h2 pf_a
//   rr_3 at(20) READY          sha256:h1 pf_b
//   rr_4 at(20) PENDING_REVIEW sha256:h1 pf_a
//   rr_5 at(30) READY          sha256:h2 pf_b
//   rr_6 at(40) READY          sha256:h1 pf_a
void SupportStoreContract::seedRunsForFilters()
{
    const QString h1 = QStringLiteral("sha256:h1"), h2 = QStringLiteral("sha256:h2");
    const QString a = QStringLiteral("pf_a"), b = QStringLiteral("pf_b");
    store().saveRun(makeRun(QStringLiteral("rr_4"), at(20), QStringLiteral("PENDING_REVIEW"), h1, a));
    store().saveRun(makeRun(QStringLiteral("rr_1"), at(0), QStringLiteral("READY"), h1, a));
    store().saveRun(makeRun(QStringLiteral("rr_6"), at(40), QStringLiteral("READY"), h1, a));
    store().saveRun(makeRun(QStringLiteral("rr_2"), at(10), QStringLiteral("BLOCKED"), h2, a));
    store().saveRun(makeRun(QStringLiteral("rr_5"), at(30), QStringLiteral("READY"), h2, b));
    store().saveRun(makeRun(QStringLiteral("rr_3"), at(20), QStringLiteral("READY"), h1, b));
}

void SupportStoreContract::listRuns_emptyStore_returnsEmptyPage()
{
    guarded([&] {
        const auto page = store().listRuns({}, PageRequest {});
        QVERIFY(page.items.isEmpty());
        QVERIFY(!page.nextCursor);
    });
}

void SupportStoreContract::listRuns_itemsCarryListingFields()
{
    guarded([&] {
        const RebalanceRun withKey = makeRun(QStringLiteral("rr_1"), at(1), QStringLiteral("BLOCKED"),
            QStringLiteral("sha256:k"), QStringLiteral("pf_k"), QStringLiteral("idem_k"));
        const RebalanceRun withoutKey = makeRun(QStringLiteral("rr_0"), at(0), QStringLiteral("READY"),
            QStringLiteral("batch_00000001:baseline"), QStringLiteral("pf_n"));
        store().saveRun(withKey);
        store().saveRun(withoutKey);
        const auto page = store().listRuns({}, PageRequest { 10, {} });
        QCOMPARE(page.items.size(), 2);
        QCOMPARE(page.items.at(0), listItemOf(withKey, QStringLiteral("BLOCKED")));
        QCOMPARE(page.items.at(1), listItemOf(withoutKey, QStringLiteral("READY")));
        QVERIFY(!page.items.at(1).idempotencyKey.has_value());
        QVERIFY(!page.nextCursor);
    });
}

void SupportStoreContract::listRuns_ordersByCreatedAtDescThenIdDesc()
{
    guarded([&] {
        seedRunsForFilters();
        const auto page = store().listRuns({}, PageRequest { 50, {} });
        QCOMPARE(idsOf(page.items), (QStringList { "rr_6", "rr_5", "rr_4", "rr_3", "rr_2", "rr_1" }));
        QVERIFY(!page.nextCursor);
    });
}

void SupportStoreContract::listRuns_idTieBreak_usesByteOrder()
{
    guarded([&] {
        // Byte order (SQL COLLATE "C"): '-' 0x2D < 'B' 0x42 < '_' 0x5F < 'a' 0x61.
        for (const char *id : { "rr_a", "rr-b", "rr_B", "rrB", "rra" })
            store().saveRun(makeRun(QString::fromLatin1(id), at(0)));
        const auto page = store().listRuns({}, PageRequest { 50, {} });
        QCOMPARE(idsOf(page.items), (QStringList { "rra", "rr_a", "rr_B", "rrB", "rr-b" }));
    });
}

void SupportStoreContract::listRuns_microsecondTimestamps_sortInTimeOrder()
{
    guarded([&] {
        store().saveRun(makeRun(QStringLiteral("rr_1"), QStringLiteral("2026-02-20T12:00:00+00:00")));
        store().saveRun(makeRun(QStringLiteral("rr_2"), QStringLiteral("2026-02-20T12:00:00.000001+00:00")));
        store().saveRun(makeRun(QStringLiteral("rr_3"), QStringLiteral("2026-02-20T12:00:00.500000+00:00")));
        store().saveRun(makeRun(QStringLiteral("rr_4"), QStringLiteral("2026-02-20T12:00:01+00:00")));
        const auto page = store().listRuns({}, PageRequest { 50, {} });
        QCOMPARE(idsOf(page.items), (QStringList { "rr_4", "rr_3", "rr_2", "rr_1" }));

        RunFilter fromFraction;
        fromFraction.createdFrom = QStringLiteral("2026-02-20T12:00:00.000001+00:00");
        fromFraction.createdTo = QStringLiteral("2026-02-20T12:00:00.500000+00:00");
        QCOMPARE(idsOf(store().listRuns(fromFraction, PageRequest { 50, {} }).items), (QStringList { "rr_3", "rr_2" }));
    });
}

void SupportStoreContract::listRuns_filterCreatedFrom_isInclusive()
{
    guarded([&] {
        seedRunsForFilters();
        RunFilter filter;
        filter.createdFrom = at(20);
        QCOMPARE(idsOf(store().listRuns(filter, PageRequest { 50, {} }).items),
            (QStringList { "rr_6", "rr_5", "rr_4", "rr_3" }));
        filter.createdFrom = at(41);
        QVERIFY(store().listRuns(filter, PageRequest { 50, {} }).items.isEmpty());
    });
}

void SupportStoreContract::listRuns_filterCreatedTo_isInclusive()
{
    guarded([&] {
        seedRunsForFilters();
        RunFilter filter;
        filter.createdTo = at(20);
        QCOMPARE(idsOf(store().listRuns(filter, PageRequest { 50, {} }).items),
            (QStringList { "rr_4", "rr_3", "rr_2", "rr_1" }));
        filter.createdTo = at(0);
        QCOMPARE(idsOf(store().listRuns(filter, PageRequest { 50, {} }).items), (QStringList { "rr_1" }));
    });
}

void SupportStoreContract::listRuns_filterBothBounds_includesRowsAtEachEnd()
{
    guarded([&] {
        seedRunsForFilters();
        RunFilter filter;
        filter.createdFrom = at(10);
        filter.createdTo = at(30);
        QCOMPARE(idsOf(store().listRuns(filter, PageRequest { 50, {} }).items),
            (QStringList { "rr_5", "rr_4", "rr_3", "rr_2" }));
        filter.createdFrom = at(20);
        filter.createdTo = at(20);
        QCOMPARE(idsOf(store().listRuns(filter, PageRequest { 50, {} }).items), (QStringList { "rr_4", "rr_3" }));
    });
}

void SupportStoreContract::listRuns_filterStatus_matchesResultJsonStatus()
{
    guarded([&] {
        seedRunsForFilters();
        RunFilter filter;
        filter.status = QStringLiteral("READY");
        QCOMPARE(idsOf(store().listRuns(filter, PageRequest { 50, {} }).items),
            (QStringList { "rr_6", "rr_5", "rr_3", "rr_1" }));
        filter.status = QStringLiteral("BLOCKED");
        QCOMPARE(idsOf(store().listRuns(filter, PageRequest { 50, {} }).items), (QStringList { "rr_2" }));
        filter.status = QStringLiteral("PENDING_REVIEW");
        QCOMPARE(idsOf(store().listRuns(filter, PageRequest { 50, {} }).items), (QStringList { "rr_4" }));
        filter.status = QStringLiteral("ready"); // exact, case-sensitive
        QVERIFY(store().listRuns(filter, PageRequest { 50, {} }).items.isEmpty());
    });
}

void SupportStoreContract::listRuns_filterRequestHash_matchesExactly()
{
    guarded([&] {
        seedRunsForFilters();
        RunFilter filter;
        filter.requestHash = QStringLiteral("sha256:h2");
        QCOMPARE(idsOf(store().listRuns(filter, PageRequest { 50, {} }).items), (QStringList { "rr_5", "rr_2" }));
        filter.requestHash = QStringLiteral("sha256:h");
        QVERIFY(store().listRuns(filter, PageRequest { 50, {} }).items.isEmpty());
    });
}

void SupportStoreContract::listRuns_filterPortfolio_matchesExactly()
{
    guarded([&] {
        seedRunsForFilters();
        RunFilter filter;
        filter.portfolioId = QStringLiteral("pf_b");
        QCOMPARE(idsOf(store().listRuns(filter, PageRequest { 50, {} }).items), (QStringList { "rr_5", "rr_3" }));
        filter.portfolioId = QStringLiteral("PF_B");
        QVERIFY(store().listRuns(filter, PageRequest { 50, {} }).items.isEmpty());
    });
}

void SupportStoreContract::listRuns_combinedFilters_areAnded()
{
    guarded([&] {
        seedRunsForFilters();
        RunFilter filter;
        filter.status = QStringLiteral("READY");
        filter.requestHash = QStringLiteral("sha256:h1");
        QCOMPARE(
            idsOf(store().listRuns(filter, PageRequest { 50, {} }).items), (QStringList { "rr_6", "rr_3", "rr_1" }));
        filter.portfolioId = QStringLiteral("pf_a");
        QCOMPARE(idsOf(store().listRuns(filter, PageRequest { 50, {} }).items), (QStringList { "rr_6", "rr_1" }));
        filter.createdFrom = at(0);
        filter.createdTo = at(39);
        QCOMPARE(idsOf(store().listRuns(filter, PageRequest { 50, {} }).items), (QStringList { "rr_1" }));

        RunFilter all;
        all.createdFrom = at(10);
        all.createdTo = at(30);
        all.status = QStringLiteral("READY");
        all.requestHash = QStringLiteral("sha256:h2");
        all.portfolioId = QStringLiteral("pf_b");
        QCOMPARE(idsOf(store().listRuns(all, PageRequest { 50, {} }).items), (QStringList { "rr_5" }));
    });
}

void SupportStoreContract::listRuns_filtersMatchingNothing_returnEmptyPage()
{
    guarded([&] {
        seedRunsForFilters();
        RunFilter filter;
        filter.status = QStringLiteral("BLOCKED");
        filter.portfolioId = QStringLiteral("pf_b");
        const auto page = store().listRuns(filter, PageRequest { 1, {} });
        QVERIFY(page.items.isEmpty());
        QVERIFY(!page.nextCursor);
    });
}

void SupportStoreContract::listRuns_resultWithoutStatusOrNotJson_listsEmptyStatus()
{
    guarded([&] {
        RebalanceRun noStatus = makeRun(QStringLiteral("rr_1"), at(0), QString());
        RebalanceRun notJson = makeRun(QStringLiteral("rr_2"), at(1));
        notJson.resultJson = QStringLiteral("this is not json {");
        RebalanceRun notObject = makeRun(QStringLiteral("rr_3"), at(2));
        notObject.resultJson = QStringLiteral("[1,2,3]");
        RebalanceRun ok = makeRun(QStringLiteral("rr_4"), at(3), QStringLiteral("READY"));
        for (const RebalanceRun &run : { noStatus, notJson, notObject, ok })
            store().saveRun(run);

        const auto page = store().listRuns({}, PageRequest { 50, {} });
        QCOMPARE(page.items.size(), 4);
        QCOMPARE(page.items.at(0), listItemOf(ok, QStringLiteral("READY")));
        QCOMPARE(page.items.at(1), listItemOf(notObject, QString()));
        QCOMPARE(page.items.at(2), listItemOf(notJson, QString()));
        QCOMPARE(page.items.at(3), listItemOf(noStatus, QString()));
        QVERIFY(page.items.at(2).status.isEmpty());
        // The raw text is kept as stored.
        QCOMPARE(store().getRun(QStringLiteral("rr_2"))->resultJson, notJson.resultJson);
    });
}

void SupportStoreContract::listRuns_statusFilter_neverMatchesMissingStatus()
{
    guarded([&] {
        RebalanceRun noStatus = makeRun(QStringLiteral("rr_1"), at(0), QString());
        RebalanceRun notJson = makeRun(QStringLiteral("rr_2"), at(1));
        notJson.resultJson = QStringLiteral("not json");
        store().saveRun(noStatus);
        store().saveRun(notJson);
        store().saveRun(makeRun(QStringLiteral("rr_3"), at(2), QStringLiteral("READY")));

        RunFilter filter;
        filter.status = QStringLiteral("READY");
        QCOMPARE(idsOf(store().listRuns(filter, PageRequest { 50, {} }).items), (QStringList { "rr_3" }));
        filter.status = QString(QLatin1String(""));
        QVERIFY(store().listRuns(filter, PageRequest { 50, {} }).items.isEmpty());
    });
}

void SupportStoreContract::listRuns_resultRewrittenAfterInsert_listsAndFiltersByNewStatus()
{
    guarded([&] {
        store().saveRun(makeRun(QStringLiteral("rr_1"), at(0), QStringLiteral("READY")));
        store().saveRun(makeRun(QStringLiteral("rr_2"), at(1), QStringLiteral("PENDING_REVIEW")));
        // The service rewrites a run's result in place (an upsert of the same id).
        const RebalanceRun rewritten = makeRun(QStringLiteral("rr_2"), at(1), QStringLiteral("BLOCKED"));
        store().saveRun(rewritten);

        const auto ids = [&](const std::optional<QString> &status) {
            RunFilter filter;
            filter.status = status;
            return idsOf(store().listRuns(filter, PageRequest { 50, {} }).items);
        };
        QCOMPARE(store().listRuns({}, PageRequest { 50, {} }).items.at(0), listItemOf(rewritten, QStringLiteral("BLOCKED")));
        QCOMPARE(ids(QStringLiteral("BLOCKED")), QStringList { "rr_2" });
        QVERIFY(ids(QStringLiteral("PENDING_REVIEW")).isEmpty());
        if (!dpm::test::testBackendIsOneOf(TestBackend::Memory | TestBackend::Dual)) {
            // And with plain SQL, as the service's own repository writes: a new status, then a payload
            // that is not JSON (listed without a status).
            // storeAs: on the remote backend the SQL store is the seeded local one behind the server.
            SqlStore *sql = storeAs<SqlStore>(store());
            QVERIFY(sql);
            SqlDatabase &db = sql->database();
            db.exec(QStringLiteral("UPDATE dpm_runs SET result_json = ? WHERE rebalance_run_id = ?"),
                { resultWithStatus(QStringLiteral("rr_1"), QStringLiteral("PENDING_REVIEW")), QStringLiteral("rr_1") });
            QCOMPARE(ids(QStringLiteral("PENDING_REVIEW")), QStringList { "rr_1" });
            QVERIFY(ids(QStringLiteral("READY")).isEmpty());
            db.exec(QStringLiteral("UPDATE dpm_runs SET result_json = 'not json' WHERE rebalance_run_id = ?"),
                { QStringLiteral("rr_2") });
            QCOMPARE(store().listRuns({}, PageRequest { 50, {} }).items.at(0), listItemOf(rewritten, QString()));
            QVERIFY(ids(QStringLiteral("BLOCKED")).isEmpty());
        }
    });
}

void SupportStoreContract::listRuns_pagingWithSmallLimit_collectsEveryRowOnceInOrder()
{
    guarded([&] {
        // 11 runs, ties on created_at in groups, inserted in scrambled order.
        QStringList expected;
        for (int minute = 5; minute >= 0; --minute) {
            for (const char *suffix : { "b", "a" }) {
                if (minute == 0 && QLatin1String(suffix) == QLatin1String("b"))
                    continue;
                expected.append(QStringLiteral("rr_%1%2").arg(minute).arg(QLatin1String(suffix)));
            }
        }
        QStringList scrambled = expected;
        std::reverse(scrambled.begin(), scrambled.end());
        std::rotate(scrambled.begin(), scrambled.begin() + 4, scrambled.end());
        for (const QString &id : scrambled)
            store().saveRun(makeRun(id, at(id.mid(3, 1).toInt())));

        const Walk walk = walkAll([&](const PageRequest &p) { return store().listRuns({}, p); }, 3);
        QVERIFY(walk.ended);
        QCOMPARE(walk.ids, expected);
        QCOMPARE(walk.pageSizes, (QList<int> { 3, 3, 3, 2 }));
    });
}

void SupportStoreContract::listRuns_pagingWithFilters_collectsOnlyMatchingRows()
{
    guarded([&] {
        seedRunsForFilters();
        RunFilter filter;
        filter.requestHash = QStringLiteral("sha256:h1");
        const Walk walk = walkAll([&](const PageRequest &p) { return store().listRuns(filter, p); }, 1);
        QVERIFY(walk.ended);
        QCOMPARE(walk.ids, (QStringList { "rr_6", "rr_4", "rr_3", "rr_1" }));
        QCOMPARE(walk.pageSizes, (QList<int> { 1, 1, 1, 1 }));
    });
}

void SupportStoreContract::listRuns_rowsExactlyFillPages_lastPageHasNoNextCursor()
{
    guarded([&] {
        seedRunsForFilters();
        const auto first = store().listRuns({}, PageRequest { 3, {} });
        QCOMPARE(idsOf(first.items), (QStringList { "rr_6", "rr_5", "rr_4" }));
        QVERIFY(first.nextCursor);
        const auto second = store().listRuns({}, PageRequest { 3, first.nextCursor });
        QCOMPARE(idsOf(second.items), (QStringList { "rr_3", "rr_2", "rr_1" }));
        QVERIFY2(!second.nextCursor, "a full last page must not offer a next cursor");
    });
}

void SupportStoreContract::listRuns_limitAboveRowCount_hasNoNextCursor()
{
    guarded([&] {
        seedRunsForFilters();
        const auto page = store().listRuns({}, PageRequest { 6, {} });
        QCOMPARE(page.items.size(), 6);
        QVERIFY(!page.nextCursor);
        const auto bigger = store().listRuns({}, PageRequest { 1000, {} });
        QCOMPARE(bigger.items.size(), 6);
        QVERIFY(!bigger.nextCursor);
    });
}

void SupportStoreContract::listRuns_nextCursor_isConsoleCursorOfLastRow()
{
    guarded([&] {
        seedRunsForFilters();
        const auto page = store().listRuns({}, PageRequest { 3, {} });
        QVERIFY(page.nextCursor);
        QCOMPARE(*page.nextCursor, encodeCursor(CursorListing::Runs, at(20), QStringLiteral("rr_4")));
        const auto decoded = decodeCursor(CursorListing::Runs, page.nextCursor);
        QVERIFY(decoded && !decoded->isLegacy());
        QCOMPARE(decoded->id, QStringLiteral("rr_4"));
    });
}

void SupportStoreContract::listRuns_cursorAfterLastPage_returnsEmpty()
{
    guarded([&] {
        seedRunsForFilters();
        const auto console = store().listRuns({}, PageRequest { 5, encodeCursor(CursorListing::Runs, at(0), "rr_1") });
        QVERIFY(console.items.isEmpty());
        QVERIFY(!console.nextCursor);
        const auto legacy = store().listRuns({}, PageRequest { 5, QStringLiteral("rr_1") });
        QVERIFY(legacy.items.isEmpty());
        QVERIFY(!legacy.nextCursor);
    });
}

void SupportStoreContract::listRuns_emptyCursorText_returnsFirstPage()
{
    guarded([&] {
        seedRunsForFilters();
        const auto page = store().listRuns({}, PageRequest { 2, QString(QLatin1String("")) });
        QCOMPARE(idsOf(page.items), (QStringList { "rr_6", "rr_5" }));
        QVERIFY(page.nextCursor);
    });
}

void SupportStoreContract::listRuns_legacyCursor_continuesAfterNamedRow()
{
    guarded([&] {
        seedRunsForFilters();
        const auto page = store().listRuns({}, PageRequest { 2, QStringLiteral("rr_4") });
        QCOMPARE(idsOf(page.items), (QStringList { "rr_3", "rr_2" }));
        QVERIFY(page.nextCursor);
        const auto rest = store().listRuns({}, PageRequest { 2, page.nextCursor });
        QCOMPARE(idsOf(rest.items), (QStringList { "rr_1" }));
        QVERIFY(!rest.nextCursor);

        RunFilter ready;
        ready.status = QStringLiteral("READY");
        QCOMPARE(idsOf(store().listRuns(ready, PageRequest { 50, QStringLiteral("rr_5") }).items),
            (QStringList { "rr_3", "rr_1" }));
    });
}

void SupportStoreContract::listRuns_legacyCursorNamingNoRow_returnsEmpty()
{
    guarded([&] {
        seedRunsForFilters();
        const auto page = store().listRuns({}, PageRequest { 50, QStringLiteral("rr_missing") });
        QVERIFY(page.items.isEmpty());
        QVERIFY(!page.nextCursor);
    });
}

void SupportStoreContract::listRuns_legacyCursorNamingRowExcludedByFilters_returnsEmpty()
{
    guarded([&] {
        seedRunsForFilters();
        RunFilter ready;
        ready.status = QStringLiteral("READY");
        // rr_4 exists (PENDING_REVIEW) but is not in the READY listing.
        const auto page = store().listRuns(ready, PageRequest { 50, QStringLiteral("rr_4") });
        QVERIFY(page.items.isEmpty());
        QVERIFY(!page.nextCursor);

        RunFilter window;
        window.createdTo = at(10);
        QVERIFY(store().listRuns(window, PageRequest { 50, QStringLiteral("rr_6") }).items.isEmpty());
    });
}

void SupportStoreContract::listRuns_consoleCursorRowMovedByUpsert_continuesAfterSortKey()
{
    guarded([&] {
        seedRunsForFilters();
        const auto first = store().listRuns({}, PageRequest { 3, {} });
        QCOMPARE(idsOf(first.items), (QStringList { "rr_6", "rr_5", "rr_4" }));
        // The cursor row moves away (upsert with a new created_at): no row sits at the cursor's key.
        RebalanceRun moved = *store().getRun(QStringLiteral("rr_4"));
        moved.createdAt = at(50);
        store().saveRun(moved);
        const auto second = store().listRuns({}, PageRequest { 3, first.nextCursor });
        QCOMPARE(idsOf(second.items), (QStringList { "rr_3", "rr_2", "rr_1" }));
        QVERIFY(!second.nextCursor);
        // A legacy cursor names the row, which is now at its new place.
        QCOMPARE(idsOf(store().listRuns({}, PageRequest { 2, QStringLiteral("rr_4") }).items),
            (QStringList { "rr_6", "rr_5" }));
    });
}

void SupportStoreContract::listRuns_consoleCursorRowPurged_continuesAfterSortKey()
{
    guarded([&] {
        store().saveRun(makeRun(QStringLiteral("rr_old_b"), QStringLiteral("2026-02-01T00:00:00+00:00")));
        store().saveRun(makeRun(QStringLiteral("rr_old_a"), QStringLiteral("2026-02-01T00:00:00+00:00")));
        store().saveRun(makeRun(QStringLiteral("rr_new"), QStringLiteral("2026-03-01T00:00:00+00:00")));
        const auto first = store().listRuns({}, PageRequest { 2, {} });
        QCOMPARE(idsOf(first.items), (QStringList { "rr_new", "rr_old_b" }));
        QVERIFY(first.nextCursor);
        const PurgeReport report = store().purgeExpiredRuns(10, QStringLiteral("2026-03-01T12:00:00+00:00"), false);
        QCOMPARE(report.count(QStringLiteral("dpm_runs")), qint64(2));
        QVERIFY(!store().getRun(QStringLiteral("rr_old_b")));
        // The cursor's row is gone; paging continues (here: nothing is left below it).
        const auto second = store().listRuns({}, PageRequest { 2, first.nextCursor });
        QVERIFY(second.items.isEmpty());
        QVERIFY(!second.nextCursor);
        // A row written below the cursor key afterwards (a backfill) is found by the continuing cursor.
        store().saveRun(makeRun(QStringLiteral("rr_backfilled"), QStringLiteral("2026-01-15T00:00:00+00:00")));
        QCOMPARE(
            idsOf(store().listRuns({}, PageRequest { 2, first.nextCursor }).items), (QStringList { "rr_backfilled" }));
        // The legacy cursor of the purged row names nothing: empty page.
        QVERIFY(store().listRuns({}, PageRequest { 2, QStringLiteral("rr_old_b") }).items.isEmpty());
    });
}

void SupportStoreContract::listRuns_consoleCursorOutsideStoredRows_pagesBySortKey()
{
    guarded([&] {
        seedRunsForFilters();
        // A console cursor from above every row continues with the first row; one from below, nothing.
        const auto fromTop = store().listRuns({}, PageRequest { 2, encodeCursor(CursorListing::Runs, at(99), "rr_9") });
        QCOMPARE(idsOf(fromTop.items), (QStringList { "rr_6", "rr_5" }));
        const auto fromBottom = store().listRuns({},
            PageRequest { 2, encodeCursor(CursorListing::Runs, QStringLiteral("2000-01-01T00:00:00+00:00"), "rr_0") });
        QVERIFY(fromBottom.items.isEmpty());
        QVERIFY(!fromBottom.nextCursor);
        // Same created_at as rr_3/rr_4 with an id between them: continues with rr_3.
        QCOMPARE(
            idsOf(store().listRuns({}, PageRequest { 1, encodeCursor(CursorListing::Runs, at(20), "rr_3z") }).items),
            (QStringList { "rr_3" }));
    });
}

void SupportStoreContract::listRuns_undecodableCursor_isInvalidCursor()
{
    guarded([&] {
        seedRunsForFilters();
        EXPECT_STORE_ERROR(store().listRuns({}, PageRequest { 10, QStringLiteral("c1.!!!") }), ErrorKind::InvalidInput,
            "INVALID_CURSOR");
        EXPECT_STORE_ERROR(
            store().listRuns({}, PageRequest { 10, QStringLiteral("c1.") }), ErrorKind::InvalidInput, "INVALID_CURSOR");
    });
}

void SupportStoreContract::listRuns_cursorOfNonJson_isInvalidCursor()
{
    guarded([&] {
        seedRunsForFilters();
        const QString notJson = QStringLiteral("c1.")
            + QString::fromLatin1(
                QByteArray("not json at all").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        EXPECT_STORE_ERROR(
            store().listRuns({}, PageRequest { 10, notJson }), ErrorKind::InvalidInput, "INVALID_CURSOR");
        const QString wrongShape = QStringLiteral("c1.")
            + QString::fromLatin1(QByteArray(R"({"id":1,"k":2,"l":"runs"})")
                                      .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        EXPECT_STORE_ERROR(
            store().listRuns({}, PageRequest { 10, wrongShape }), ErrorKind::InvalidInput, "INVALID_CURSOR");
    });
}

void SupportStoreContract::listRuns_cursorOfAnotherListing_isInvalidCursor()
{
    guarded([&] {
        seedRunsForFilters();
        EXPECT_STORE_ERROR(
            store().listRuns({}, PageRequest { 10, foreignCursorText() }), ErrorKind::InvalidInput, "INVALID_CURSOR");
        const QString decisionsCursor = encodeCursor(CursorListing::Decisions, at(0), QStringLiteral("rr_1"));
        EXPECT_STORE_ERROR(
            store().listRuns({}, PageRequest { 10, decisionsCursor }), ErrorKind::InvalidInput, "INVALID_CURSOR");
    });
}

void SupportStoreContract::listRuns_limitZeroOrNegative_isInvalidLimit()
{
    guarded([&] {
        seedRunsForFilters();
        EXPECT_STORE_ERROR(store().listRuns({}, PageRequest { 0, {} }), ErrorKind::InvalidInput, "INVALID_LIMIT");
        EXPECT_STORE_ERROR(store().listRuns({}, PageRequest { -3, {} }), ErrorKind::InvalidInput, "INVALID_LIMIT");
        QCOMPARE(store().listRuns({}, PageRequest { 1, {} }).items.size(), 1);
    });
}

// --- artifacts ----------------------------------------------------------------------------

void SupportStoreContract::saveRunArtifact_thenGet_returnsIt()
{
    guarded([&] {
        const RunArtifact artifact { QStringLiteral("rr_1"),
            QStringLiteral(R"({"artifact_id":"dra_1","artifact_version":"1.0"})") };
        store().saveRunArtifact(artifact);
        const auto got = store().getRunArtifact(QStringLiteral("rr_1"));
        QVERIFY(got);
        QCOMPARE(*got, artifact);
    });
}

void SupportStoreContract::saveRunArtifact_twice_replacesJson()
{
    guarded([&] {
        store().saveRunArtifact({ QStringLiteral("rr_1"), QStringLiteral(R"({"v":1})") });
        store().saveRunArtifact({ QStringLiteral("rr_2"), QStringLiteral(R"({"v":9})") });
        store().saveRunArtifact({ QStringLiteral("rr_1"), QStringLiteral(R"({"v":2})") });
        QCOMPARE(store().getRunArtifact(QStringLiteral("rr_1"))->artifactJson, QStringLiteral(R"({"v":2})"));
        QCOMPARE(store().getRunArtifact(QStringLiteral("rr_2"))->artifactJson, QStringLiteral(R"({"v":9})"));
    });
}

void SupportStoreContract::getRunArtifact_unknownRun_returnsNothing()
{
    guarded([&] {
        store().saveRun(makeRun(QStringLiteral("rr_1"), at(0)));
        QVERIFY(!store().getRunArtifact(QStringLiteral("rr_1")));
        QVERIFY(!store().getRunArtifact(QStringLiteral("rr_none")));
    });
}

// --- idempotency --------------------------------------------------------------------------

void SupportStoreContract::saveIdempotencyMapping_thenGet_returnsIt()
{
    guarded([&] {
        const IdempotencyMapping mapping { QStringLiteral("idem_1"), QStringLiteral("sha256:h"), QStringLiteral("rr_1"),
            at(0) };
        store().saveIdempotencyMapping(mapping);
        QCOMPARE(*store().getIdempotencyMapping(QStringLiteral("idem_1")), mapping);
    });
}

void SupportStoreContract::saveIdempotencyMapping_twice_keepsLatest()
{
    guarded([&] {
        store().saveIdempotencyMapping(
            { QStringLiteral("idem_1"), QStringLiteral("sha256:a"), QStringLiteral("rr_1"), at(0) });
        store().saveIdempotencyMapping(
            { QStringLiteral("idem_2"), QStringLiteral("sha256:z"), QStringLiteral("rr_9"), at(1) });
        const IdempotencyMapping latest { QStringLiteral("idem_1"), QStringLiteral("sha256:b"), QStringLiteral("rr_2"),
            at(5) };
        store().saveIdempotencyMapping(latest);
        QCOMPARE(*store().getIdempotencyMapping(QStringLiteral("idem_1")), latest);
        QCOMPARE(store().getIdempotencyMapping(QStringLiteral("idem_2"))->rebalanceRunId, QStringLiteral("rr_9"));
    });
}

void SupportStoreContract::getIdempotencyMapping_unknownKey_returnsNothing()
{
    guarded([&] {
        store().saveIdempotencyMapping(
            { QStringLiteral("idem_1"), QStringLiteral("sha256:a"), QStringLiteral("rr_1"), at(0) });
        QVERIFY(!store().getIdempotencyMapping(QStringLiteral("idem_unknown")));
    });
}

void SupportStoreContract::listIdempotencyHistory_keepsDuplicatesInDocumentedOrder()
{
    guarded([&] {
        const QString key = QStringLiteral("idem_1");
        const IdempotencyHistoryEntry late { key, QStringLiteral("rr_a"), QStringLiteral("corr_a"),
            QStringLiteral("sha256:a"), at(10) };
        const IdempotencyHistoryEntry tieRunB { key, QStringLiteral("rr_b"), QStringLiteral("corr_a"),
            QStringLiteral("sha256:a"), at(5) };
        const IdempotencyHistoryEntry tieRunACorrB { key, QStringLiteral("rr_a"), QStringLiteral("corr_b"),
            QStringLiteral("sha256:a"), at(5) };
        const IdempotencyHistoryEntry tieRunACorrAHashB { key, QStringLiteral("rr_a"), QStringLiteral("corr_a"),
            QStringLiteral("sha256:b"), at(5) };
        const IdempotencyHistoryEntry tieRunACorrAHashA { key, QStringLiteral("rr_a"), QStringLiteral("corr_a"),
            QStringLiteral("sha256:a"), at(5) };
        const IdempotencyHistoryEntry early { key, QStringLiteral("rr_z"), QStringLiteral("corr_z"),
            QStringLiteral("sha256:z"), at(0) };
        // Appended out of order, with an exact duplicate.
        for (const auto &entry : { late, tieRunB, tieRunACorrB, tieRunACorrAHashB, early, tieRunACorrAHashA, late })
            store().appendIdempotencyHistory(entry);

        const QList<IdempotencyHistoryEntry> expected { early, tieRunACorrAHashA, tieRunACorrAHashB, tieRunACorrB,
            tieRunB, late, late };
        QCOMPARE(historyText(store().listIdempotencyHistory(key)), historyText(expected));
        QCOMPARE(store().listIdempotencyHistory(key), expected);
    });
}

void SupportStoreContract::listIdempotencyHistory_onlyListsThatKey()
{
    guarded([&] {
        store().appendIdempotencyHistory(
            { QStringLiteral("idem_1"), QStringLiteral("rr_1"), QStringLiteral("c1"), QStringLiteral("h"), at(0) });
        store().appendIdempotencyHistory(
            { QStringLiteral("idem_2"), QStringLiteral("rr_2"), QStringLiteral("c2"), QStringLiteral("h"), at(1) });
        store().appendIdempotencyHistory(
            { QStringLiteral("idem_10"), QStringLiteral("rr_3"), QStringLiteral("c3"), QStringLiteral("h"), at(2) });
        const auto history = store().listIdempotencyHistory(QStringLiteral("idem_1"));
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.at(0).rebalanceRunId, QStringLiteral("rr_1"));
    });
}

void SupportStoreContract::listIdempotencyHistory_unknownKey_returnsEmpty()
{
    guarded([&] {
        store().appendIdempotencyHistory(
            { QStringLiteral("idem_1"), QStringLiteral("rr_1"), QStringLiteral("c1"), QStringLiteral("h"), at(0) });
        QVERIFY(store().listIdempotencyHistory(QStringLiteral("idem_unknown")).isEmpty());
    });
}

// --- recordRun ----------------------------------------------------------------------------

void SupportStoreContract::recordRun_withKeyAndArtifact_writesEveryRow()
{
    guarded([&] {
        const RebalanceRun run = makeRun(QStringLiteral("rr_1a2b3c4d"),
            QStringLiteral("2026-02-20T12:00:00.250000+00:00"), QStringLiteral("READY"), QStringLiteral("sha256:req"),
            QStringLiteral("pf_1"), QStringLiteral("idem_abc"));
        const QString artifact = QStringLiteral(R"({"artifact_id":"dra_1a2b3c4d"})");
        store().recordRun(RunRecord { run, artifact });

        QCOMPARE(*store().getRun(run.rebalanceRunId), run);
        QCOMPARE(*store().getRunArtifact(run.rebalanceRunId), (RunArtifact { run.rebalanceRunId, artifact }));
        QCOMPARE(*store().getIdempotencyMapping(QStringLiteral("idem_abc")),
            (IdempotencyMapping { QStringLiteral("idem_abc"), run.requestHash, run.rebalanceRunId, run.createdAt }));
        QCOMPARE(store().listIdempotencyHistory(QStringLiteral("idem_abc")),
            (QList<IdempotencyHistoryEntry> { { QStringLiteral("idem_abc"), run.rebalanceRunId, run.correlationId,
                run.requestHash, run.createdAt } }));

        const QString meta = hashMetadata(run.requestHash);
        QCOMPARE(meta, QStringLiteral(R"({"request_hash":"sha256:req"})"));
        const QList<LineageEdge> expected { { run.correlationId, QStringLiteral("CORRELATION_TO_RUN"),
                                                run.rebalanceRunId, run.createdAt, meta },
            { QStringLiteral("idem_abc"), QStringLiteral("IDEMPOTENCY_TO_RUN"), run.rebalanceRunId, run.createdAt,
                meta } };
        QCOMPARE(store().listLineageEdges(run.rebalanceRunId), expected);
        QCOMPARE(store().listLineageEdges(run.correlationId), expected.mid(0, 1));
        QCOMPARE(store().listLineageEdges(QStringLiteral("idem_abc")), expected.mid(1, 1));
        QCOMPARE(store().getSupportabilitySummary().lineageEdgeCount, qint64(2));
    });
}

void SupportStoreContract::recordRun_withoutKeyOrArtifact_writesRunAndCorrelationEdge()
{
    guarded([&] {
        const RebalanceRun run = makeRun(
            QStringLiteral("rr_batch"), at(0), QStringLiteral("READY"), QStringLiteral("batch_00000001:baseline"));
        store().recordRun(RunRecord { run, std::nullopt });
        QCOMPARE(*store().getRun(run.rebalanceRunId), run);
        QVERIFY(!store().getRunArtifact(run.rebalanceRunId));
        QCOMPARE(store().listLineageEdges(run.rebalanceRunId),
            (QList<LineageEdge> { { run.correlationId, QStringLiteral("CORRELATION_TO_RUN"), run.rebalanceRunId,
                run.createdAt, QStringLiteral(R"({"request_hash":"batch_00000001:baseline"})") } }));
        const SupportabilitySummary summary = store().getSupportabilitySummary();
        QCOMPARE(summary.runCount, qint64(1));
        QCOMPARE(summary.lineageEdgeCount, qint64(1));
    });
}

void SupportStoreContract::recordRun_sameKeyTwice_mappingFollowsLatestAndHistoryKeepsBoth()
{
    guarded([&] {
        const QString key = QStringLiteral("idem_replay_off");
        const RebalanceRun first = makeRun(QStringLiteral("rr_1"), at(0), QStringLiteral("READY"),
            QStringLiteral("sha256:a"), QStringLiteral("pf_1"), key);
        const RebalanceRun second = makeRun(QStringLiteral("rr_2"), at(1), QStringLiteral("BLOCKED"),
            QStringLiteral("sha256:b"), QStringLiteral("pf_1"), key);
        store().recordRun({ first, std::nullopt });
        store().recordRun({ second, std::nullopt });
        QCOMPARE(*store().getIdempotencyMapping(key),
            (IdempotencyMapping { key, QStringLiteral("sha256:b"), QStringLiteral("rr_2"), at(1) }));
        QCOMPARE(idsOf(store().listRuns({}, PageRequest { 10, {} }).items), (QStringList { "rr_2", "rr_1" }));
        const auto history = store().listIdempotencyHistory(key);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).rebalanceRunId, QStringLiteral("rr_1"));
        QCOMPARE(history.at(1).rebalanceRunId, QStringLiteral("rr_2"));
        QCOMPARE(store().listLineageEdges(key).size(), 2);
    });
}

void SupportStoreContract::recordRun_correlationConflict_writesNothing()
{
    guarded([&] {
        const RebalanceRun holder = makeRun(QStringLiteral("rr_1"), at(0));
        store().recordRun({ holder, std::nullopt });
        RebalanceRun clash = makeRun(QStringLiteral("rr_2"), at(1), QStringLiteral("READY"), QStringLiteral("sha256:x"),
            QStringLiteral("pf_1"), QStringLiteral("idem_clash"));
        clash.correlationId = holder.correlationId;
        EXPECT_STORE_ERROR(
            store().recordRun({ clash, QStringLiteral("{}") }), ErrorKind::Conflict, "DPM_RUN_CORRELATION_CONFLICT");

        QVERIFY(!store().getRun(QStringLiteral("rr_2")));
        QVERIFY(!store().getRunArtifact(QStringLiteral("rr_2")));
        QVERIFY(!store().getIdempotencyMapping(QStringLiteral("idem_clash")));
        QVERIFY(store().listIdempotencyHistory(QStringLiteral("idem_clash")).isEmpty());
        QVERIFY(store().listLineageEdges(QStringLiteral("rr_2")).isEmpty());
        const SupportabilitySummary summary = store().getSupportabilitySummary();
        QCOMPARE(summary.runCount, qint64(1));
        QCOMPARE(summary.lineageEdgeCount, qint64(1));
    });
}

// --- async operations ---------------------------------------------------------------------

void SupportStoreContract::createOperation_thenGet_returnsEveryColumn()
{
    guarded([&] {
        AsyncOperation op = makeOperation(QStringLiteral("dop_000000000001"),
            QStringLiteral("2026-02-20T12:00:00.500000+00:00"), QStringLiteral("FAILED"));
        op.startedAt = at(1);
        op.finishedAt = at(2);
        op.resultJson = QStringLiteral(R"({"batch_run_id":"batch_1"})");
        op.errorJson = QStringLiteral(R"({"code":"ValueError","message":"boom"})");
        op.requestJson = QStringLiteral(R"({"scenarios":{"baseline":{"options":{}}}})");
        store().createOperation(op);
        QCOMPARE(*store().getOperation(op.operationId), op);
    });
}

void SupportStoreContract::createOperation_nullableColumns_roundTripAsNull()
{
    guarded([&] {
        const AsyncOperation op = makeOperation(QStringLiteral("dop_1"), at(0));
        store().createOperation(op);
        const auto got = store().getOperation(op.operationId);
        QVERIFY(got);
        QCOMPARE(*got, op);
        QVERIFY(!got->startedAt && !got->finishedAt && !got->resultJson && !got->errorJson && !got->requestJson);
        QVERIFY(!got->isExecutable());
    });
}

void SupportStoreContract::updateOperation_replacesEveryColumn()
{
    guarded([&] {
        AsyncOperation op = makeOperation(QStringLiteral("dop_1"), at(0));
        op.requestJson = QStringLiteral(R"({"scenarios":{"baseline":{"options":{}}}})");
        op.errorJson = QStringLiteral(R"({"code":"X","message":"old"})");
        store().createOperation(op);
        QVERIFY(store().getOperation(op.operationId)->isExecutable());

        AsyncOperation done = op;
        done.status = QStringLiteral("SUCCEEDED");
        done.startedAt = at(1);
        done.finishedAt = at(2);
        done.resultJson = QStringLiteral(R"({"batch_run_id":"batch_2"})");
        done.errorJson = std::nullopt; // error cleared
        done.requestJson = std::nullopt;
        store().updateOperation(done);
        QCOMPARE(*store().getOperation(op.operationId), done);
        QCOMPARE(store().getSupportabilitySummary().operationCount, qint64(1));
    });
}

void SupportStoreContract::createOperation_twice_isUpsert()
{
    guarded([&] {
        store().createOperation(makeOperation(QStringLiteral("dop_1"), at(0)));
        AsyncOperation again = makeOperation(QStringLiteral("dop_1"), at(3), QStringLiteral("RUNNING"));
        again.correlationId = QStringLiteral("corr_new");
        store().createOperation(again);
        QCOMPARE(*store().getOperation(QStringLiteral("dop_1")), again);
        QVERIFY(!store().getOperationByCorrelation(QStringLiteral("corr_dop_1")));
        QCOMPARE(idsOf(store().listOperations({}, PageRequest { 10, {} }).items), (QStringList { "dop_1" }));
    });
}

void SupportStoreContract::createOperation_correlationHeldByAnother_isConflict()
{
    guarded([&] {
        const AsyncOperation holder = makeOperation(QStringLiteral("dop_1"), at(0));
        store().createOperation(holder);
        AsyncOperation clash = makeOperation(QStringLiteral("dop_2"), at(1));
        clash.correlationId = holder.correlationId;
        EXPECT_STORE_ERROR(
            store().createOperation(clash), ErrorKind::Conflict, "DPM_ASYNC_OPERATION_CORRELATION_CONFLICT");
        QVERIFY(!store().getOperation(QStringLiteral("dop_2")));
        QCOMPARE(*store().getOperationByCorrelation(holder.correlationId), holder);
    });
}

void SupportStoreContract::updateOperation_correlationHeldByAnother_isConflict()
{
    guarded([&] {
        const AsyncOperation holder = makeOperation(QStringLiteral("dop_1"), at(0));
        const AsyncOperation other = makeOperation(QStringLiteral("dop_2"), at(1));
        store().createOperation(holder);
        store().createOperation(other);
        AsyncOperation moved = other;
        moved.correlationId = holder.correlationId;
        moved.status = QStringLiteral("RUNNING");
        EXPECT_STORE_ERROR(
            store().updateOperation(moved), ErrorKind::Conflict, "DPM_ASYNC_OPERATION_CORRELATION_CONFLICT");
        QCOMPARE(*store().getOperation(QStringLiteral("dop_2")), other);
    });
}

void SupportStoreContract::getOperation_unknown_returnsNothing()
{
    guarded([&] {
        store().createOperation(makeOperation(QStringLiteral("dop_1"), at(0)));
        QVERIFY(!store().getOperation(QStringLiteral("dop_missing")));
        QVERIFY(!store().getOperationByCorrelation(QStringLiteral("corr_missing")));
    });
}

void SupportStoreContract::getOperationByCorrelation_returnsTheOperation()
{
    guarded([&] {
        const AsyncOperation a = makeOperation(QStringLiteral("dop_a"), at(0));
        const AsyncOperation b = makeOperation(QStringLiteral("dop_b"), at(1));
        store().createOperation(a);
        store().createOperation(b);
        QCOMPARE(*store().getOperationByCorrelation(QStringLiteral("corr_dop_a")), a);
        QCOMPARE(*store().getOperationByCorrelation(QStringLiteral("corr_dop_b")), b);
    });
}

void SupportStoreContract::submitOperation_writesOperationAndCorrelationEdge()
{
    guarded([&] {
        AsyncOperation op = makeOperation(QStringLiteral("dop_abcdef012345"), at(7));
        op.correlationId = QStringLiteral("corr_abcdef012345");
        op.requestJson = QStringLiteral(R"({"scenarios":{"baseline":{"options":{}}}})");
        store().submitOperation(op);
        QCOMPARE(*store().getOperation(op.operationId), op);
        QVERIFY(store().getOperation(op.operationId)->isExecutable());
        const QList<LineageEdge> expected { { op.operationId, QStringLiteral("OPERATION_TO_CORRELATION"),
            op.correlationId, op.createdAt, QStringLiteral(R"({"operation_type":"ANALYZE_SCENARIOS"})") } };
        QCOMPARE(store().listLineageEdges(op.operationId), expected);
        QCOMPARE(store().listLineageEdges(op.correlationId), expected);
    });
}

void SupportStoreContract::submitOperation_correlationHeldByAnother_isConflictAndWritesNothing()
{
    guarded([&] {
        const AsyncOperation holder = makeOperation(QStringLiteral("dop_1"), at(0));
        store().submitOperation(holder);
        AsyncOperation clash = makeOperation(QStringLiteral("dop_2"), at(1));
        clash.correlationId = holder.correlationId;
        EXPECT_STORE_ERROR(
            store().submitOperation(clash), ErrorKind::Conflict, "DPM_ASYNC_OPERATION_CORRELATION_CONFLICT");
        QVERIFY(!store().getOperation(QStringLiteral("dop_2")));
        QVERIFY(store().listLineageEdges(QStringLiteral("dop_2")).isEmpty());
        QCOMPARE(store().getSupportabilitySummary().lineageEdgeCount, qint64(1));
    });
}

void SupportStoreContract::submitOperation_sameOperationResubmitted_isConflict()
{
    guarded([&] {
        const AsyncOperation op = makeOperation(QStringLiteral("dop_1"), at(0));
        store().submitOperation(op);
        AsyncOperation again = op;
        again.status = QStringLiteral("RUNNING");
        EXPECT_STORE_ERROR(
            store().submitOperation(again), ErrorKind::Conflict, "DPM_ASYNC_OPERATION_CORRELATION_CONFLICT");
        QCOMPARE(*store().getOperation(op.operationId), op);
        QCOMPARE(store().getSupportabilitySummary().lineageEdgeCount, qint64(1));
    });
}

// --- async operations: listing ------------------------------------------------------------

// dop_1 at(0) ANALYZE_SCENARIOS PENDING; dop_2 at(10) ANALYZE_SCENARIOS SUCCEEDED;
// dop_3 at(10) OTHER_TYPE SUCCEEDED; dop_4 at(20) ANALYZE_SCENARIOS FAILED;
// dop_5 at(30) ANALYZE_SCENARIOS SUCCEEDED.
void SupportStoreContract::seedOperationsForFilters()
{
    store().createOperation(
        makeOperation(QStringLiteral("dop_3"), at(10), QStringLiteral("SUCCEEDED"), QStringLiteral("OTHER_TYPE")));
    store().createOperation(makeOperation(QStringLiteral("dop_5"), at(30), QStringLiteral("SUCCEEDED")));
    store().createOperation(makeOperation(QStringLiteral("dop_1"), at(0), QStringLiteral("PENDING")));
    store().createOperation(makeOperation(QStringLiteral("dop_4"), at(20), QStringLiteral("FAILED")));
    store().createOperation(makeOperation(QStringLiteral("dop_2"), at(10), QStringLiteral("SUCCEEDED")));
}

void SupportStoreContract::listOperations_ordersByCreatedAtDescThenIdDesc()
{
    guarded([&] {
        seedOperationsForFilters();
        const auto page = store().listOperations({}, PageRequest { 50, {} });
        QCOMPARE(idsOf(page.items), (QStringList { "dop_5", "dop_4", "dop_3", "dop_2", "dop_1" }));
        QVERIFY(!page.nextCursor);
        QCOMPARE(page.items.at(2),
            makeOperation(QStringLiteral("dop_3"), at(10), QStringLiteral("SUCCEEDED"), QStringLiteral("OTHER_TYPE")));
        QVERIFY(store().listOperations({}, PageRequest {}).items.size() == 5);
    });
}

void SupportStoreContract::listOperations_filterCreatedBounds_areInclusive()
{
    guarded([&] {
        seedOperationsForFilters();
        OperationFilter filter;
        filter.createdFrom = at(10);
        QCOMPARE(idsOf(store().listOperations(filter, PageRequest { 50, {} }).items),
            (QStringList { "dop_5", "dop_4", "dop_3", "dop_2" }));
        filter.createdTo = at(20);
        QCOMPARE(idsOf(store().listOperations(filter, PageRequest { 50, {} }).items),
            (QStringList { "dop_4", "dop_3", "dop_2" }));
        filter.createdFrom.reset();
        filter.createdTo = at(0);
        QCOMPARE(idsOf(store().listOperations(filter, PageRequest { 50, {} }).items), (QStringList { "dop_1" }));
    });
}

void SupportStoreContract::listOperations_filterOperationType()
{
    guarded([&] {
        seedOperationsForFilters();
        OperationFilter filter;
        filter.operationType = QStringLiteral("OTHER_TYPE");
        QCOMPARE(idsOf(store().listOperations(filter, PageRequest { 50, {} }).items), (QStringList { "dop_3" }));
        filter.operationType = QStringLiteral("ANALYZE_SCENARIOS");
        QCOMPARE(idsOf(store().listOperations(filter, PageRequest { 50, {} }).items),
            (QStringList { "dop_5", "dop_4", "dop_2", "dop_1" }));
    });
}

void SupportStoreContract::listOperations_filterStatus()
{
    guarded([&] {
        seedOperationsForFilters();
        OperationFilter filter;
        filter.status = QStringLiteral("SUCCEEDED");
        QCOMPARE(idsOf(store().listOperations(filter, PageRequest { 50, {} }).items),
            (QStringList { "dop_5", "dop_3", "dop_2" }));
        filter.status = QStringLiteral("RUNNING");
        QVERIFY(store().listOperations(filter, PageRequest { 50, {} }).items.isEmpty());
    });
}

void SupportStoreContract::listOperations_filterCorrelation()
{
    guarded([&] {
        seedOperationsForFilters();
        OperationFilter filter;
        filter.correlationId = QStringLiteral("corr_dop_4");
        QCOMPARE(idsOf(store().listOperations(filter, PageRequest { 50, {} }).items), (QStringList { "dop_4" }));
        filter.correlationId = QStringLiteral("corr_dop");
        QVERIFY(store().listOperations(filter, PageRequest { 50, {} }).items.isEmpty());
    });
}

void SupportStoreContract::listOperations_combinedFilters_areAnded()
{
    guarded([&] {
        seedOperationsForFilters();
        OperationFilter filter;
        filter.status = QStringLiteral("SUCCEEDED");
        filter.operationType = QStringLiteral("ANALYZE_SCENARIOS");
        QCOMPARE(
            idsOf(store().listOperations(filter, PageRequest { 50, {} }).items), (QStringList { "dop_5", "dop_2" }));
        filter.createdTo = at(29);
        QCOMPARE(idsOf(store().listOperations(filter, PageRequest { 50, {} }).items), (QStringList { "dop_2" }));
        filter.correlationId = QStringLiteral("corr_dop_5");
        QVERIFY(store().listOperations(filter, PageRequest { 50, {} }).items.isEmpty());
    });
}

void SupportStoreContract::listOperations_pagingWithSmallLimit_collectsEveryRowOnceInOrder()
{
    guarded([&] {
        seedOperationsForFilters();
        const Walk walk = walkAll([&](const PageRequest &p) { return store().listOperations({}, p); }, 2);
        QVERIFY(walk.ended);
        QCOMPARE(walk.ids, (QStringList { "dop_5", "dop_4", "dop_3", "dop_2", "dop_1" }));
        QCOMPARE(walk.pageSizes, (QList<int> { 2, 2, 1 }));

        OperationFilter succeeded;
        succeeded.status = QStringLiteral("SUCCEEDED");
        const Walk filtered = walkAll([&](const PageRequest &p) { return store().listOperations(succeeded, p); }, 1);
        QVERIFY(filtered.ended);
        QCOMPARE(filtered.ids, (QStringList { "dop_5", "dop_3", "dop_2" }));
        QCOMPARE(filtered.pageSizes, (QList<int> { 1, 1, 1 }));
    });
}

void SupportStoreContract::listOperations_legacyCursor_continuesAfterNamedRow()
{
    guarded([&] {
        seedOperationsForFilters();
        const auto page = store().listOperations({}, PageRequest { 2, QStringLiteral("dop_4") });
        QCOMPARE(idsOf(page.items), (QStringList { "dop_3", "dop_2" }));
        QCOMPARE(*page.nextCursor, encodeCursor(CursorListing::Operations, at(10), QStringLiteral("dop_2")));
    });
}

void SupportStoreContract::listOperations_legacyCursorNamingNoRow_returnsEmpty()
{
    guarded([&] {
        seedOperationsForFilters();
        const auto page = store().listOperations({}, PageRequest { 2, QStringLiteral("dop_missing") });
        QVERIFY(page.items.isEmpty());
        QVERIFY(!page.nextCursor);
    });
}

void SupportStoreContract::listOperations_legacyCursorNamingRowExcludedByFilters_returnsEmpty()
{
    guarded([&] {
        seedOperationsForFilters();
        OperationFilter succeeded;
        succeeded.status = QStringLiteral("SUCCEEDED");
        const auto page = store().listOperations(succeeded, PageRequest { 2, QStringLiteral("dop_4") });
        QVERIFY(page.items.isEmpty());
        QVERIFY(!page.nextCursor);
    });
}

void SupportStoreContract::listOperations_consoleCursorRowPurged_continuesAfterSortKey()
{
    guarded([&] {
        // dop_x is unfinished and old enough to expire; the older dop_c/dop_d finished recently.
        store().createOperation(makeOperation(QStringLiteral("dop_a"), QStringLiteral("2026-02-20T16:00:00+00:00")));
        store().createOperation(makeOperation(QStringLiteral("dop_b"), QStringLiteral("2026-02-20T15:00:00+00:00")));
        store().createOperation(makeOperation(QStringLiteral("dop_x"), QStringLiteral("2026-02-20T14:00:00+00:00")));
        for (const char *id : { "dop_c", "dop_d" }) {
            AsyncOperation op = makeOperation(QString::fromLatin1(id),
                QString::fromLatin1(id) == QLatin1String("dop_c") ? QStringLiteral("2026-02-20T13:00:00+00:00")
                                                                  : QStringLiteral("2026-02-20T12:00:00+00:00"),
                QStringLiteral("SUCCEEDED"));
            op.finishedAt = QStringLiteral("2026-02-20T20:00:00+00:00");
            store().createOperation(op);
        }
        const auto first = store().listOperations({}, PageRequest { 3, {} });
        QCOMPARE(idsOf(first.items), (QStringList { "dop_a", "dop_b", "dop_x" }));
        QVERIFY(first.nextCursor);

        // now - 1h = 14:30: dop_x (14:00) expires; dop_b (15:00) and the finished ones stay.
        const PurgeReport report
            = store().purgeExpiredOperations(3600, QStringLiteral("2026-02-20T15:30:00+00:00"), false);
        QCOMPARE(report.count(QStringLiteral("dpm_async_operations")), qint64(1));
        QVERIFY(!store().getOperation(QStringLiteral("dop_x")));

        const auto second = store().listOperations({}, PageRequest { 3, first.nextCursor });
        QCOMPARE(idsOf(second.items), (QStringList { "dop_c", "dop_d" }));
        QVERIFY(!second.nextCursor);
        QVERIFY(store().listOperations({}, PageRequest { 3, QStringLiteral("dop_x") }).items.isEmpty());
    });
}

void SupportStoreContract::listOperations_cursorAfterLastPage_returnsEmpty()
{
    guarded([&] {
        seedOperationsForFilters();
        const auto console = store().listOperations(
            {}, PageRequest { 5, encodeCursor(CursorListing::Operations, at(0), QStringLiteral("dop_1")) });
        QVERIFY(console.items.isEmpty());
        QVERIFY(!console.nextCursor);
        const auto legacy = store().listOperations({}, PageRequest { 5, QStringLiteral("dop_1") });
        QVERIFY(legacy.items.isEmpty());
        QVERIFY(!legacy.nextCursor);
    });
}

void SupportStoreContract::listOperations_invalidOrForeignCursor_isInvalidCursor()
{
    guarded([&] {
        seedOperationsForFilters();
        const QString runsCursor = encodeCursor(CursorListing::Runs, at(0), QStringLiteral("rr_1"));
        EXPECT_STORE_ERROR(
            store().listOperations({}, PageRequest { 5, runsCursor }), ErrorKind::InvalidInput, "INVALID_CURSOR");
        EXPECT_STORE_ERROR(store().listOperations({}, PageRequest { 5, QStringLiteral("c1.!!!") }),
            ErrorKind::InvalidInput, "INVALID_CURSOR");
        const QString notJson = QStringLiteral("c1.")
            + QString::fromLatin1(
                QByteArray("{{nope").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        EXPECT_STORE_ERROR(
            store().listOperations({}, PageRequest { 5, notJson }), ErrorKind::InvalidInput, "INVALID_CURSOR");
    });
}

void SupportStoreContract::listOperations_limitZero_isInvalidLimit()
{
    guarded([&] {
        seedOperationsForFilters();
        EXPECT_STORE_ERROR(store().listOperations({}, PageRequest { 0, {} }), ErrorKind::InvalidInput, "INVALID_LIMIT");
    });
}

// --- async operations: TTL purge ----------------------------------------------------------

void SupportStoreContract::purgeExpiredOperations_deletesOnlyStrictlyOlderThanCutoff()
{
    guarded([&] {
        // now 2026-02-21T12:00:00, ttl 86400 -> cutoff 2026-02-20T12:00:00+00:00.
        store().createOperation(
            makeOperation(QStringLiteral("dop_before"), QStringLiteral("2026-02-20T11:59:59+00:00")));
        store().createOperation(
            makeOperation(QStringLiteral("dop_before_us"), QStringLiteral("2026-02-20T11:59:59.999999+00:00")));
        store().createOperation(makeOperation(QStringLiteral("dop_at"), QStringLiteral("2026-02-20T12:00:00+00:00")));
        store().createOperation(
            makeOperation(QStringLiteral("dop_after"), QStringLiteral("2026-02-20T12:00:00.000001+00:00")));
        const PurgeReport report
            = store().purgeExpiredOperations(86400, QStringLiteral("2026-02-21T12:00:00+00:00"), false);
        QVERIFY(!report.dryRun);
        QCOMPARE(report.cutoff, QStringLiteral("2026-02-20T12:00:00+00:00"));
        QCOMPARE(countsText(report.deleted), QStringLiteral("dpm_async_operations=2"));
        QCOMPARE(
            idsOf(store().listOperations({}, PageRequest { 10, {} }).items), (QStringList { "dop_after", "dop_at" }));
    });
}

void SupportStoreContract::purgeExpiredOperations_comparesFinishedAtBeforeCreatedAt()
{
    guarded([&] {
        // cutoff = 2026-02-20T12:00:00+00:00 (now - 60s).
        AsyncOperation oldButFinishedLate = makeOperation(
            QStringLiteral("dop_1"), QStringLiteral("2026-02-01T00:00:00+00:00"), QStringLiteral("SUCCEEDED"));
        oldButFinishedLate.finishedAt = QStringLiteral("2026-02-20T12:00:00+00:00"); // == cutoff: kept
        AsyncOperation newButFinishedEarly = makeOperation(
            QStringLiteral("dop_2"), QStringLiteral("2026-02-20T12:00:30+00:00"), QStringLiteral("FAILED"));
        newButFinishedEarly.finishedAt = QStringLiteral("2026-02-20T11:00:00+00:00"); // < cutoff: deleted
        AsyncOperation oldUnfinished = makeOperation(
            QStringLiteral("dop_3"), QStringLiteral("2026-02-20T11:59:59+00:00"), QStringLiteral("RUNNING"));
        oldUnfinished.startedAt = QStringLiteral("2026-02-20T12:00:30+00:00"); // started_at is not looked at
        store().createOperation(oldButFinishedLate);
        store().createOperation(newButFinishedEarly);
        store().createOperation(oldUnfinished);
        const PurgeReport report
            = store().purgeExpiredOperations(60, QStringLiteral("2026-02-20T12:01:00+00:00"), false);
        QCOMPARE(report.cutoff, QStringLiteral("2026-02-20T12:00:00+00:00"));
        QCOMPARE(report.count(QStringLiteral("dpm_async_operations")), qint64(2));
        QCOMPARE(idsOf(store().listOperations({}, PageRequest { 10, {} }).items), (QStringList { "dop_1" }));
    });
}

void SupportStoreContract::purgeExpiredOperations_dryRun_reportsSameCountsAndDeletesNothing()
{
    guarded([&] {
        seedOperationsForFilters(); // at(0)..at(30) = 12:00..12:30
        const QString now = QStringLiteral("2026-02-20T13:15:00+00:00"); // ttl 3600 -> cutoff 12:15
        const PurgeReport dry = store().purgeExpiredOperations(3600, now, true);
        QVERIFY(dry.dryRun);
        QCOMPARE(dry.cutoff, QStringLiteral("2026-02-20T12:15:00+00:00"));
        QCOMPARE(countsText(dry.deleted), QStringLiteral("dpm_async_operations=3"));
        QCOMPARE(store().listOperations({}, PageRequest { 10, {} }).items.size(), 5);

        const PurgeReport real = store().purgeExpiredOperations(3600, now, false);
        QVERIFY(!real.dryRun);
        QCOMPARE(real.cutoff, dry.cutoff);
        QCOMPARE(countsText(real.deleted), countsText(dry.deleted));
        QCOMPARE(idsOf(store().listOperations({}, PageRequest { 10, {} }).items), (QStringList { "dop_5", "dop_4" }));
    });
}

void SupportStoreContract::purgeExpiredOperations_ttlBelowOne_deletesNothing()
{
    guarded([&] {
        store().createOperation(
            makeOperation(QStringLiteral("dop_ancient"), QStringLiteral("2000-01-01T00:00:00+00:00")));
        for (const qint64 ttl : { qint64(0), qint64(-1), qint64(-86400) }) {
            const PurgeReport report
                = store().purgeExpiredOperations(ttl, QStringLiteral("2026-02-20T12:00:00+00:00"), false);
            QCOMPARE(report.count(QStringLiteral("dpm_async_operations")), qint64(0));
        }
        QVERIFY(store().getOperation(QStringLiteral("dop_ancient")));
    });
}

void SupportStoreContract::purgeExpiredOperations_keepsLineageEdges()
{
    guarded([&] {
        const AsyncOperation op = makeOperation(QStringLiteral("dop_1"), QStringLiteral("2026-01-01T00:00:00+00:00"));
        store().submitOperation(op);
        const PurgeReport report
            = store().purgeExpiredOperations(60, QStringLiteral("2026-02-20T12:00:00+00:00"), false);
        QCOMPARE(report.count(QStringLiteral("dpm_async_operations")), qint64(1));
        QVERIFY(!store().getOperation(op.operationId));
        QCOMPARE(store().listLineageEdges(op.operationId).size(), 1);
        QCOMPARE(store().getSupportabilitySummary().lineageEdgeCount, qint64(1));
    });
}

// --- workflow decisions -------------------------------------------------------------------

// dwd_1 rr_1 at(0)  APPROVE         REVIEW_APPROVED  alice
// dwd_2 rr_1 at(10) REJECT          POLICY_REJECTED  bob
// dwd_3 rr_2 at(10) REQUEST_CHANGES NEEDS_DETAIL     alice
// dwd_4 rr_2 at(20) APPROVE         REVIEW_APPROVED  bob
// dwd_5 rr_3 at(30) REJECT          NEEDS_DETAIL     alice
void SupportStoreContract::seedDecisionsForFilters()
{
    const QString alice = QStringLiteral("alice"), bob = QStringLiteral("bob");
    store().appendWorkflowDecision(makeDecision(QStringLiteral("dwd_4"), QStringLiteral("rr_2"), at(20),
        QStringLiteral("APPROVE"), QStringLiteral("REVIEW_APPROVED"), bob));
    store().appendWorkflowDecision(makeDecision(QStringLiteral("dwd_1"), QStringLiteral("rr_1"), at(0),
        QStringLiteral("APPROVE"), QStringLiteral("REVIEW_APPROVED"), alice));
    store().appendWorkflowDecision(makeDecision(QStringLiteral("dwd_5"), QStringLiteral("rr_3"), at(30),
        QStringLiteral("REJECT"), QStringLiteral("NEEDS_DETAIL"), alice));
    store().appendWorkflowDecision(makeDecision(QStringLiteral("dwd_3"), QStringLiteral("rr_2"), at(10),
        QStringLiteral("REQUEST_CHANGES"), QStringLiteral("NEEDS_DETAIL"), alice));
    store().appendWorkflowDecision(makeDecision(QStringLiteral("dwd_2"), QStringLiteral("rr_1"), at(10),
        QStringLiteral("REJECT"), QStringLiteral("POLICY_REJECTED"), bob));
}

void SupportStoreContract::appendWorkflowDecision_thenListForRun_returnsEveryColumn()
{
    guarded([&] {
        WorkflowDecision d = makeDecision(QStringLiteral("dwd_000000000001"), QStringLiteral("rr_1"),
            QStringLiteral("2026-02-20T12:00:00.000100+00:00"), QStringLiteral("REQUEST_CHANGES"),
            QStringLiteral("NEEDS_CLIENT_NOTE"));
        d.comment = QStringLiteral("Please add the client's note — ünïcode ok");
        store().appendWorkflowDecision(d);
        QCOMPARE(store().listWorkflowDecisions(QStringLiteral("rr_1")), (QList<WorkflowDecision> { d }));
    });
}

void SupportStoreContract::appendWorkflowDecision_nullComment_roundTripsAsNull()
{
    guarded([&] {
        WorkflowDecision d = makeDecision(QStringLiteral("dwd_1"), QStringLiteral("rr_1"), at(0));
        d.comment = std::nullopt;
        store().appendWorkflowDecision(d);
        const auto listed = store().listWorkflowDecisions(QStringLiteral("rr_1"));
        QCOMPARE(listed.size(), 1);
        QVERIFY(!listed.at(0).comment.has_value());
        QCOMPARE(listed.at(0), d);
    });
}

void SupportStoreContract::appendWorkflowDecision_existingId_isConflictAndKeepsOriginal()
{
    guarded([&] {
        const WorkflowDecision original = makeDecision(QStringLiteral("dwd_1"), QStringLiteral("rr_1"), at(0));
        store().appendWorkflowDecision(original);
        const WorkflowDecision reuse = makeDecision(QStringLiteral("dwd_1"), QStringLiteral("rr_2"), at(5),
            QStringLiteral("REJECT"), QStringLiteral("POLICY_REJECTED"));
        EXPECT_STORE_ERROR(
            store().appendWorkflowDecision(reuse), ErrorKind::Conflict, "DPM_WORKFLOW_DECISION_CONFLICT");
        QCOMPARE(store().listWorkflowDecisions(QStringLiteral("rr_1")), (QList<WorkflowDecision> { original }));
        QVERIFY(store().listWorkflowDecisions(QStringLiteral("rr_2")).isEmpty());
        QCOMPARE(store().getSupportabilitySummary().workflowDecisionCount, qint64(1));
    });
}

void SupportStoreContract::listWorkflowDecisions_forRun_oldestFirstWithIdTieBreak()
{
    guarded([&] {
        store().appendWorkflowDecision(makeDecision(QStringLiteral("dwd_c"), QStringLiteral("rr_1"), at(5)));
        store().appendWorkflowDecision(makeDecision(QStringLiteral("dwd_b"), QStringLiteral("rr_1"), at(1)));
        store().appendWorkflowDecision(makeDecision(QStringLiteral("dwd_z"), QStringLiteral("rr_2"), at(0)));
        store().appendWorkflowDecision(makeDecision(QStringLiteral("dwd_a"), QStringLiteral("rr_1"), at(5)));
        QCOMPARE(
            idsOf(store().listWorkflowDecisions(QStringLiteral("rr_1"))), (QStringList { "dwd_b", "dwd_a", "dwd_c" }));
        QCOMPARE(idsOf(store().listWorkflowDecisions(QStringLiteral("rr_2"))), (QStringList { "dwd_z" }));
    });
}

void SupportStoreContract::listWorkflowDecisions_unknownRun_returnsEmpty()
{
    guarded([&] {
        seedDecisionsForFilters();
        QVERIFY(store().listWorkflowDecisions(QStringLiteral("rr_none")).isEmpty());
    });
}

void SupportStoreContract::getWorkflowHistoryByCorrelation_answersTheRunsDecisionsOldestFirst()
{
    guarded([&] {
        const RebalanceRun run = makeRun(QStringLiteral("rr_1"), at(0)); // correlation corr_rr_1
        store().saveRun(run);
        store().saveRun(makeRun(QStringLiteral("rr_2"), at(0)));
        // The run's decisions carry their action requests' own correlation ids, never the run's.
        for (const auto &[id, minute] :
            { std::pair { "dwd_3", 9 }, std::pair { "dwd_2", 2 }, std::pair { "dwd_1", 2 } })
            store().appendWorkflowDecision(makeDecision(QString::fromLatin1(id), run.rebalanceRunId, at(minute)));
        // Another run's decision whose own correlation id happens to be the run's: not this history.
        WorkflowDecision other = makeDecision(QStringLiteral("dwd_0"), QStringLiteral("rr_2"), at(1));
        other.correlationId = run.correlationId;
        store().appendWorkflowDecision(other);

        const std::optional<WorkflowHistory> history = store().getWorkflowHistoryByCorrelation(run.correlationId);
        QVERIFY(history);
        QCOMPARE(history->runId, run.rebalanceRunId);
        QCOMPARE(idsOf(history->decisions), (QStringList { "dwd_1", "dwd_2", "dwd_3" }));
        QCOMPARE(history->decisions, store().listWorkflowDecisions(run.rebalanceRunId));
        // Every column, as listWorkflowDecisions reads it.
        QCOMPARE(history->decisions.constFirst(), makeDecision(QStringLiteral("dwd_1"), run.rebalanceRunId, at(2)));
        // A decision's own correlation id names no run.
        QVERIFY(!store().getWorkflowHistoryByCorrelation(QStringLiteral("corr_action_dwd_1")));
    });
}

void SupportStoreContract::getWorkflowHistoryByCorrelation_runWithoutDecisions_answersEmptyHistory()
{
    guarded([&] {
        store().saveRun(makeRun(QStringLiteral("rr_1"), at(0)));
        const std::optional<WorkflowHistory> history
            = store().getWorkflowHistoryByCorrelation(QStringLiteral("corr_rr_1"));
        QVERIFY(history);
        QCOMPARE(history->runId, QStringLiteral("rr_1"));
        QVERIFY(history->decisions.isEmpty());
    });
}

void SupportStoreContract::getWorkflowHistoryByCorrelation_noRunHasIt_isRunNotFound()
{
    guarded([&] {
        WorkflowDecision orphan = makeDecision(QStringLiteral("dwd_1"), QStringLiteral("rr_gone"), at(0));
        orphan.correlationId = QStringLiteral("corr_gone");
        store().appendWorkflowDecision(orphan);
        QVERIFY(!store().getWorkflowHistoryByCorrelation(QStringLiteral("corr_gone")));
        QVERIFY(!store().getWorkflowHistoryByCorrelation(QStringLiteral("corr_none")));
        // The use case (RFC-0023's endpoint, dpmctl decisions by-correlation) answers not found.
        EXPECT_STORE_ERROR(workflowHistoryByCorrelation(store(), QStringLiteral("corr_gone")), ErrorKind::NotFound,
            "DPM_RUN_NOT_FOUND");
    });
}

void SupportStoreContract::listWorkflowDecisionsFiltered_ordersByDecidedAtDescThenIdDesc()
{
    guarded([&] {
        seedDecisionsForFilters();
        const auto page = store().listWorkflowDecisionsFiltered({}, PageRequest { 50, {} });
        QCOMPARE(idsOf(page.items), (QStringList { "dwd_5", "dwd_4", "dwd_3", "dwd_2", "dwd_1" }));
        QVERIFY(!page.nextCursor);
        QCOMPARE(page.items.at(0),
            makeDecision(QStringLiteral("dwd_5"), QStringLiteral("rr_3"), at(30), QStringLiteral("REJECT"),
                QStringLiteral("NEEDS_DETAIL"), QStringLiteral("alice")));
    });
}

void SupportStoreContract::listWorkflowDecisionsFiltered_filterRunId()
{
    guarded([&] {
        seedDecisionsForFilters();
        DecisionFilter filter;
        filter.rebalanceRunId = QStringLiteral("rr_2");
        QCOMPARE(idsOf(store().listWorkflowDecisionsFiltered(filter, PageRequest { 50, {} }).items),
            (QStringList { "dwd_4", "dwd_3" }));
    });
}

void SupportStoreContract::listWorkflowDecisionsFiltered_filterAction()
{
    guarded([&] {
        seedDecisionsForFilters();
        DecisionFilter filter;
        filter.action = QStringLiteral("REJECT");
        QCOMPARE(idsOf(store().listWorkflowDecisionsFiltered(filter, PageRequest { 50, {} }).items),
            (QStringList { "dwd_5", "dwd_2" }));
    });
}

void SupportStoreContract::listWorkflowDecisionsFiltered_filterActor()
{
    guarded([&] {
        seedDecisionsForFilters();
        DecisionFilter filter;
        filter.actorId = QStringLiteral("bob");
        QCOMPARE(idsOf(store().listWorkflowDecisionsFiltered(filter, PageRequest { 50, {} }).items),
            (QStringList { "dwd_4", "dwd_2" }));
    });
}

void SupportStoreContract::listWorkflowDecisionsFiltered_filterReasonCode()
{
    guarded([&] {
        seedDecisionsForFilters();
        DecisionFilter filter;
        filter.reasonCode = QStringLiteral("NEEDS_DETAIL");
        QCOMPARE(idsOf(store().listWorkflowDecisionsFiltered(filter, PageRequest { 50, {} }).items),
            (QStringList { "dwd_5", "dwd_3" }));
    });
}

void SupportStoreContract::listWorkflowDecisionsFiltered_filterDecidedBounds_areInclusive()
{
    guarded([&] {
        seedDecisionsForFilters();
        DecisionFilter filter;
        filter.decidedFrom = at(10);
        QCOMPARE(idsOf(store().listWorkflowDecisionsFiltered(filter, PageRequest { 50, {} }).items),
            (QStringList { "dwd_5", "dwd_4", "dwd_3", "dwd_2" }));
        filter.decidedTo = at(20);
        QCOMPARE(idsOf(store().listWorkflowDecisionsFiltered(filter, PageRequest { 50, {} }).items),
            (QStringList { "dwd_4", "dwd_3", "dwd_2" }));
        filter.decidedFrom = at(0);
        filter.decidedTo = at(0);
        QCOMPARE(idsOf(store().listWorkflowDecisionsFiltered(filter, PageRequest { 50, {} }).items),
            (QStringList { "dwd_1" }));
    });
}

void SupportStoreContract::listWorkflowDecisionsFiltered_combinedFilters_areAnded()
{
    guarded([&] {
        seedDecisionsForFilters();
        DecisionFilter filter;
        filter.actorId = QStringLiteral("alice");
        filter.reasonCode = QStringLiteral("NEEDS_DETAIL");
        QCOMPARE(idsOf(store().listWorkflowDecisionsFiltered(filter, PageRequest { 50, {} }).items),
            (QStringList { "dwd_5", "dwd_3" }));
        filter.action = QStringLiteral("REQUEST_CHANGES");
        QCOMPARE(idsOf(store().listWorkflowDecisionsFiltered(filter, PageRequest { 50, {} }).items),
            (QStringList { "dwd_3" }));
        filter.rebalanceRunId = QStringLiteral("rr_2");
        filter.decidedFrom = at(10);
        filter.decidedTo = at(10);
        QCOMPARE(idsOf(store().listWorkflowDecisionsFiltered(filter, PageRequest { 50, {} }).items),
            (QStringList { "dwd_3" }));
        filter.rebalanceRunId = QStringLiteral("rr_1");
        QVERIFY(store().listWorkflowDecisionsFiltered(filter, PageRequest { 50, {} }).items.isEmpty());
    });
}

void SupportStoreContract::listWorkflowDecisionsFiltered_pagingWithSmallLimit_collectsEveryRowOnceInOrder()
{
    guarded([&] {
        seedDecisionsForFilters();
        const Walk walk
            = walkAll([&](const PageRequest &p) { return store().listWorkflowDecisionsFiltered({}, p); }, 2);
        QVERIFY(walk.ended);
        QCOMPARE(walk.ids, (QStringList { "dwd_5", "dwd_4", "dwd_3", "dwd_2", "dwd_1" }));
        QCOMPARE(walk.pageSizes, (QList<int> { 2, 2, 1 }));

        DecisionFilter alice;
        alice.actorId = QStringLiteral("alice");
        const Walk filtered
            = walkAll([&](const PageRequest &p) { return store().listWorkflowDecisionsFiltered(alice, p); }, 3);
        QVERIFY(filtered.ended);
        QCOMPARE(filtered.ids, (QStringList { "dwd_5", "dwd_3", "dwd_1" }));
        QCOMPARE(filtered.pageSizes, (QList<int> { 3 }));
    });
}

void SupportStoreContract::listWorkflowDecisionsFiltered_legacyCursor_continuesAfterNamedRow()
{
    guarded([&] {
        seedDecisionsForFilters();
        const auto page = store().listWorkflowDecisionsFiltered({}, PageRequest { 2, QStringLiteral("dwd_3") });
        QCOMPARE(idsOf(page.items), (QStringList { "dwd_2", "dwd_1" }));
        QVERIFY(!page.nextCursor);
    });
}

void SupportStoreContract::listWorkflowDecisionsFiltered_legacyCursorNamingNoRow_returnsEmpty()
{
    guarded([&] {
        seedDecisionsForFilters();
        const auto page = store().listWorkflowDecisionsFiltered({}, PageRequest { 2, QStringLiteral("dwd_missing") });
        QVERIFY(page.items.isEmpty());
        QVERIFY(!page.nextCursor);
    });
}

void SupportStoreContract::listWorkflowDecisionsFiltered_legacyCursorNamingRowExcludedByFilters_returnsEmpty()
{
    guarded([&] {
        seedDecisionsForFilters();
        DecisionFilter bob;
        bob.actorId = QStringLiteral("bob");
        const auto page = store().listWorkflowDecisionsFiltered(bob, PageRequest { 2, QStringLiteral("dwd_3") });
        QVERIFY(page.items.isEmpty());
        QVERIFY(!page.nextCursor);
    });
}

void SupportStoreContract::listWorkflowDecisionsFiltered_consoleCursorRowPurged_continuesAfterSortKey()
{
    guarded([&] {
        // dwd_x belongs to an expiring run; the older decisions belong to a surviving run.
        store().saveRun(makeRun(QStringLiteral("rr_old"), QStringLiteral("2026-01-01T00:00:00+00:00")));
        store().saveRun(makeRun(QStringLiteral("rr_new"), QStringLiteral("2026-02-19T00:00:00+00:00")));
        store().appendWorkflowDecision(makeDecision(QStringLiteral("dwd_a"), QStringLiteral("rr_new"), at(40)));
        store().appendWorkflowDecision(makeDecision(QStringLiteral("dwd_x"), QStringLiteral("rr_old"), at(30)));
        store().appendWorkflowDecision(makeDecision(QStringLiteral("dwd_b"), QStringLiteral("rr_new"), at(20)));
        store().appendWorkflowDecision(makeDecision(QStringLiteral("dwd_c"), QStringLiteral("rr_new"), at(10)));
        const auto first = store().listWorkflowDecisionsFiltered({}, PageRequest { 2, {} });
        QCOMPARE(idsOf(first.items), (QStringList { "dwd_a", "dwd_x" }));

        const PurgeReport report = store().purgeExpiredRuns(30, QStringLiteral("2026-02-20T00:00:00+00:00"), false);
        QCOMPARE(report.count(QStringLiteral("dpm_workflow_decisions")), qint64(1));

        const auto second = store().listWorkflowDecisionsFiltered({}, PageRequest { 2, first.nextCursor });
        QCOMPARE(idsOf(second.items), (QStringList { "dwd_b", "dwd_c" }));
        QVERIFY(!second.nextCursor);
        QVERIFY(store().listWorkflowDecisionsFiltered({}, PageRequest { 2, QStringLiteral("dwd_x") }).items.isEmpty());
    });
}

void SupportStoreContract::listWorkflowDecisionsFiltered_cursorAfterLastPage_returnsEmpty()
{
    guarded([&] {
        seedDecisionsForFilters();
        const auto console = store().listWorkflowDecisionsFiltered(
            {}, PageRequest { 5, encodeCursor(CursorListing::Decisions, at(0), QStringLiteral("dwd_1")) });
        QVERIFY(console.items.isEmpty());
        QVERIFY(!console.nextCursor);
        QVERIFY(store().listWorkflowDecisionsFiltered({}, PageRequest { 5, QStringLiteral("dwd_1") }).items.isEmpty());
    });
}

void SupportStoreContract::listWorkflowDecisionsFiltered_invalidOrForeignCursor_isInvalidCursor()
{
    guarded([&] {
        seedDecisionsForFilters();
        const QString runsCursor = encodeCursor(CursorListing::Runs, at(0), QStringLiteral("dwd_1"));
        EXPECT_STORE_ERROR(store().listWorkflowDecisionsFiltered({}, PageRequest { 5, runsCursor }),
            ErrorKind::InvalidInput, "INVALID_CURSOR");
        EXPECT_STORE_ERROR(store().listWorkflowDecisionsFiltered({}, PageRequest { 5, QStringLiteral("c1.!!!") }),
            ErrorKind::InvalidInput, "INVALID_CURSOR");
    });
}

void SupportStoreContract::listWorkflowDecisionsFiltered_limitZero_isInvalidLimit()
{
    guarded([&] {
        seedDecisionsForFilters();
        EXPECT_STORE_ERROR(
            store().listWorkflowDecisionsFiltered({}, PageRequest { 0, {} }), ErrorKind::InvalidInput, "INVALID_LIMIT");
    });
}

// --- lineage ------------------------------------------------------------------------------

void SupportStoreContract::listLineageEdges_sourceOrTarget_oldestFirstByFullKey()
{
    guarded([&] {
        const QString e = QStringLiteral("rr_1");
        const LineageEdge late = makeEdge(QStringLiteral("corr_1"), QStringLiteral("CORRELATION_TO_RUN"), e, at(9));
        const LineageEdge tieSourceB = makeEdge(QStringLiteral("b_src"), QStringLiteral("A_TYPE"), e, at(5));
        const LineageEdge tieSourceATypeB = makeEdge(QStringLiteral("a_src"), QStringLiteral("B_TYPE"), e, at(5));
        const LineageEdge tieSourceATypeATargetZ
            = makeEdge(e, QStringLiteral("A_TYPE"), QStringLiteral("z_tgt"), at(5));
        const LineageEdge outgoingEarly = makeEdge(e, QStringLiteral("derived_from"), QStringLiteral("rr_0"), at(1));
        const LineageEdge unrelated
            = makeEdge(QStringLiteral("x"), QStringLiteral("A_TYPE"), QStringLiteral("y"), at(0));
        for (const auto &edge : { late, unrelated, tieSourceB, tieSourceATypeATargetZ, outgoingEarly, tieSourceATypeB })
            store().appendLineageEdge(edge);
        // (created_at, source, edge_type, target): "a_src" < "b_src" < "rr_1".
        const QList<LineageEdge> expected { outgoingEarly, tieSourceATypeB, tieSourceB, tieSourceATypeATargetZ, late };
        QCOMPARE(edgesText(store().listLineageEdges(e)), edgesText(expected));
        QCOMPARE(store().listLineageEdges(e), expected);
    });
}

void SupportStoreContract::listLineageEdges_selfEdge_appearsOnce()
{
    guarded([&] {
        const LineageEdge self
            = makeEdge(QStringLiteral("rr_1"), QStringLiteral("replayed_from"), QStringLiteral("rr_1"), at(0));
        store().appendLineageEdge(self);
        QCOMPARE(store().listLineageEdges(QStringLiteral("rr_1")), (QList<LineageEdge> { self }));
    });
}

void SupportStoreContract::listLineageEdges_duplicates_areKept()
{
    guarded([&] {
        const LineageEdge edge = makeEdge(QStringLiteral("corr_1"), QStringLiteral("CORRELATION_TO_RUN"),
            QStringLiteral("rr_1"), at(0), hashMetadata(QStringLiteral("sha256:a")));
        store().appendLineageEdge(edge);
        store().appendLineageEdge(edge);
        QCOMPARE(store().listLineageEdges(QStringLiteral("rr_1")), (QList<LineageEdge> { edge, edge }));
        QCOMPARE(store().getSupportabilitySummary().lineageEdgeCount, qint64(2));
    });
}

void SupportStoreContract::listLineageEdges_anyEdgeType_isStoredAndShown()
{
    guarded([&] {
        const LineageEdge custom = makeEdge(QStringLiteral("pp_000000000001"), QStringLiteral("some_future_type"),
            QStringLiteral("rr_1"), at(0), QStringLiteral(R"({"note":"x"})"));
        store().appendLineageEdge(custom);
        QCOMPARE(store().listLineageEdges(QStringLiteral("pp_000000000001")), (QList<LineageEdge> { custom }));
    });
}

void SupportStoreContract::listLineageEdges_unknownEntity_returnsEmpty()
{
    guarded([&] {
        store().appendLineageEdge(makeEdge(QStringLiteral("a"), QStringLiteral("T"), QStringLiteral("b"), at(0)));
        QVERIFY(store().listLineageEdges(QStringLiteral("c")).isEmpty());
        QVERIFY(store().listLineageEdges(QStringLiteral("")).isEmpty());
    });
}

// --- policy packs -------------------------------------------------------------------------

void SupportStoreContract::upsertPolicyPack_new_storesEveryColumn()
{
    guarded([&] {
        const PolicyPack pack { QStringLiteral("dpm_standard_v1"), QStringLiteral("1"),
            QStringLiteral(R"({"policy_pack_id":"dpm_standard_v1","version":"1"})"), at(0), at(0) };
        store().upsertPolicyPack(pack);
        QCOMPARE(*store().getPolicyPack(pack.policyPackId), pack);
    });
}

void SupportStoreContract::upsertPolicyPack_existing_keepsCreatedAtRefreshesTheRest()
{
    guarded([&] {
        store().upsertPolicyPack(
            { QStringLiteral("pack_a"), QStringLiteral("1"), QStringLiteral(R"({"v":1})"), at(0), at(0) });
        store().upsertPolicyPack(
            { QStringLiteral("pack_a"), QStringLiteral("2"), QStringLiteral(R"({"v":2})"), at(50), at(60) });
        const PolicyPack expected { QStringLiteral("pack_a"), QStringLiteral("2"), QStringLiteral(R"({"v":2})"), at(0),
            at(60) };
        QCOMPARE(*store().getPolicyPack(QStringLiteral("pack_a")), expected);
        QCOMPARE(store().listPolicyPacks().size(), 1);
    });
}

void SupportStoreContract::listPolicyPacks_orderedById()
{
    guarded([&] {
        for (const char *id : { "pack_b", "pack_C", "pack_a", "pack-d" })
            store().upsertPolicyPack(
                { QString::fromLatin1(id), QStringLiteral("1"), QStringLiteral("{}"), at(0), at(0) });
        QStringList ids;
        for (const PolicyPack &pack : store().listPolicyPacks())
            ids.append(pack.policyPackId);
        QCOMPARE(ids, (QStringList { "pack-d", "pack_C", "pack_a", "pack_b" }));
    });
}

void SupportStoreContract::deletePolicyPack_returnsWhetherARowWasRemoved()
{
    guarded([&] {
        store().upsertPolicyPack({ QStringLiteral("pack_a"), QStringLiteral("1"), QStringLiteral("{}"), at(0), at(0) });
        store().upsertPolicyPack({ QStringLiteral("pack_b"), QStringLiteral("1"), QStringLiteral("{}"), at(0), at(0) });
        QVERIFY(store().deletePolicyPack(QStringLiteral("pack_a")));
        QVERIFY(!store().deletePolicyPack(QStringLiteral("pack_a")));
        QVERIFY(!store().deletePolicyPack(QStringLiteral("pack_none")));
        QVERIFY(!store().getPolicyPack(QStringLiteral("pack_a")));
        QCOMPARE(store().listPolicyPacks().size(), 1);
    });
}

void SupportStoreContract::getPolicyPack_unknown_returnsNothing()
{
    guarded([&] {
        QVERIFY(!store().getPolicyPack(QStringLiteral("pack_none")));
        QVERIFY(store().listPolicyPacks().isEmpty());
    });
}

// --- summary ------------------------------------------------------------------------------

void SupportStoreContract::summary_emptyStore_zeroCountsEmptyMapsNullTimestamps()
{
    guarded([&] {
        const SupportabilitySummary s = store().getSupportabilitySummary();
        QCOMPARE(s.runCount, qint64(0));
        QCOMPARE(s.operationCount, qint64(0));
        QCOMPARE(s.workflowDecisionCount, qint64(0));
        QCOMPARE(s.lineageEdgeCount, qint64(0));
        QVERIFY(s.runStatusCounts.isEmpty());
        QVERIFY(s.operationStatusCounts.isEmpty());
        QVERIFY(s.workflowActionCounts.isEmpty());
        QVERIFY(s.workflowReasonCodeCounts.isEmpty());
        QVERIFY(!s.oldestRunCreatedAt && !s.newestRunCreatedAt);
        QVERIFY(!s.oldestOperationCreatedAt && !s.newestOperationCreatedAt);
        QVERIFY(s == SupportabilitySummary {});
    });
}

void SupportStoreContract::summary_populatedStore_exactCountsMapsAndBounds()
{
    guarded([&] {
        store().saveRun(makeRun(
            QStringLiteral("rr_1"), QStringLiteral("2026-02-20T12:00:00.500000+00:00"), QStringLiteral("READY")));
        store().saveRun(
            makeRun(QStringLiteral("rr_2"), QStringLiteral("2026-02-20T12:00:00+00:00"), QStringLiteral("READY")));
        store().saveRun(makeRun(QStringLiteral("rr_3"), at(5), QStringLiteral("BLOCKED")));
        store().saveRun(makeRun(QStringLiteral("rr_4"), at(6), QString())); // no status: omitted
        RebalanceRun notJson = makeRun(QStringLiteral("rr_5"), at(7));
        notJson.resultJson = QStringLiteral("not json");
        store().saveRun(notJson);
        store().saveRun(makeRun(QStringLiteral("rr_6"), QStringLiteral("2026-02-21T00:00:00.000001+00:00"),
            QStringLiteral("PENDING_REVIEW")));

        store().createOperation(makeOperation(QStringLiteral("dop_1"), at(3), QStringLiteral("PENDING")));
        store().createOperation(makeOperation(
            QStringLiteral("dop_2"), QStringLiteral("2026-02-19T23:59:59.999999+00:00"), QStringLiteral("SUCCEEDED")));
        store().createOperation(makeOperation(QStringLiteral("dop_3"), at(90), QStringLiteral("SUCCEEDED")));

        store().appendWorkflowDecision(makeDecision(QStringLiteral("dwd_1"), QStringLiteral("rr_1"), at(1),
            QStringLiteral("APPROVE"), QStringLiteral("REVIEW_APPROVED")));
        store().appendWorkflowDecision(makeDecision(QStringLiteral("dwd_2"), QStringLiteral("rr_1"), at(2),
            QStringLiteral("REJECT"), QStringLiteral("POLICY_REJECTED")));
        store().appendWorkflowDecision(makeDecision(QStringLiteral("dwd_3"), QStringLiteral("rr_3"), at(3),
            QStringLiteral("APPROVE"), QStringLiteral("REVIEW_APPROVED")));

        const LineageEdge dup = makeEdge(
            QStringLiteral("corr_rr_1"), QStringLiteral("CORRELATION_TO_RUN"), QStringLiteral("rr_1"), at(0));
        store().appendLineageEdge(dup);
        store().appendLineageEdge(dup);
        store().appendLineageEdge(
            makeEdge(QStringLiteral("corr_rr_2"), QStringLiteral("CORRELATION_TO_RUN"), QStringLiteral("rr_2"), at(0)));

        const SupportabilitySummary s = store().getSupportabilitySummary();
        QCOMPARE(s.runCount, qint64(6));
        QCOMPARE(countsText(s.runStatusCounts), QStringLiteral("BLOCKED=1,PENDING_REVIEW=1,READY=2"));
        QCOMPARE(s.oldestRunCreatedAt.value_or(QString()), QStringLiteral("2026-02-20T12:00:00+00:00"));
        QCOMPARE(s.newestRunCreatedAt.value_or(QString()), QStringLiteral("2026-02-21T00:00:00.000001+00:00"));
        QCOMPARE(s.operationCount, qint64(3));
        QCOMPARE(countsText(s.operationStatusCounts), QStringLiteral("PENDING=1,SUCCEEDED=2"));
        QCOMPARE(s.oldestOperationCreatedAt.value_or(QString()), QStringLiteral("2026-02-19T23:59:59.999999+00:00"));
        QCOMPARE(s.newestOperationCreatedAt.value_or(QString()), at(90));
        QCOMPARE(s.workflowDecisionCount, qint64(3));
        QCOMPARE(countsText(s.workflowActionCounts), QStringLiteral("APPROVE=2,REJECT=1"));
        QCOMPARE(countsText(s.workflowReasonCodeCounts), QStringLiteral("POLICY_REJECTED=1,REVIEW_APPROVED=2"));
        QCOMPARE(s.lineageEdgeCount, qint64(3));
    });
}

// --- retention ----------------------------------------------------------------------------

// now 2026-03-01T00:00:00+00:00, retention 7 days -> cutoff 2026-02-22T00:00:00+00:00.
//   rr_old1  2026-02-20T12:00:00            key idem_shared, artifact, decision dwd_1
//   rr_old2  2026-02-21T23:59:59.999999     no key; a hand-made mapping idem_only_old -> rr_old2
//                                           and its history row; decision dwd_2
//   rr_edge  2026-02-22T00:00:00 (= cutoff) survives
//   rr_new   2026-02-25T00:00:00            key idem_shared (mapping now points here), artifact,
//                                           decision dwd_3, edge rr_new caused_by rr_old1
//   rr_new2  2026-02-26T00:00:00            key idem_new
//   dop_1 submitted with correlation corr_rr_old1 (its edge points at an expired correlation)
//   an unrelated edge x -> y
void SupportStoreContract::seedRetentionScenario()
{
    const QString shared = QStringLiteral("idem_shared");
    store().recordRun({ makeRun(QStringLiteral("rr_old1"), QStringLiteral("2026-02-20T12:00:00+00:00"),
                            QStringLiteral("READY"), QStringLiteral("sha256:o1"), QStringLiteral("pf_1"), shared),
        QStringLiteral(R"({"artifact_id":"dra_old1"})") });
    store().recordRun({ makeRun(QStringLiteral("rr_old2"), QStringLiteral("2026-02-21T23:59:59.999999+00:00"),
                            QStringLiteral("BLOCKED"), QStringLiteral("batch_00000001:baseline")),
        std::nullopt });
    store().saveIdempotencyMapping({ QStringLiteral("idem_only_old"), QStringLiteral("sha256:o2"),
        QStringLiteral("rr_old2"), QStringLiteral("2026-02-21T23:59:59.999999+00:00") });
    store().appendIdempotencyHistory(
        { QStringLiteral("idem_only_old"), QStringLiteral("rr_old2"), QStringLiteral("corr_rr_old2"),
            QStringLiteral("sha256:o2"), QStringLiteral("2026-02-21T23:59:59.999999+00:00") });
    store().recordRun(
        { makeRun(QStringLiteral("rr_edge"), QStringLiteral("2026-02-22T00:00:00+00:00")), std::nullopt });
    store().recordRun({ makeRun(QStringLiteral("rr_new"), QStringLiteral("2026-02-25T00:00:00+00:00"),
                            QStringLiteral("READY"), QStringLiteral("sha256:n1"), QStringLiteral("pf_1"), shared),
        QStringLiteral(R"({"artifact_id":"dra_new"})") });
    store().recordRun(
        { makeRun(QStringLiteral("rr_new2"), QStringLiteral("2026-02-26T00:00:00+00:00"), QStringLiteral("READY"),
              QStringLiteral("sha256:n2"), QStringLiteral("pf_2"), QStringLiteral("idem_new")),
            std::nullopt });
    store().appendWorkflowDecision(
        makeDecision(QStringLiteral("dwd_1"), QStringLiteral("rr_old1"), QStringLiteral("2026-02-28T00:00:00+00:00")));
    store().appendWorkflowDecision(
        makeDecision(QStringLiteral("dwd_2"), QStringLiteral("rr_old2"), QStringLiteral("2026-02-22T00:00:00+00:00")));
    store().appendWorkflowDecision(
        makeDecision(QStringLiteral("dwd_3"), QStringLiteral("rr_new"), QStringLiteral("2026-02-25T01:00:00+00:00")));
    AsyncOperation op = makeOperation(QStringLiteral("dop_1"), QStringLiteral("2026-02-20T11:00:00+00:00"));
    op.correlationId = QStringLiteral("corr_rr_old1");
    store().submitOperation(op);
    store().appendLineageEdge(makeEdge(QStringLiteral("rr_new"), QStringLiteral("caused_by"), QStringLiteral("rr_old1"),
        QStringLiteral("2026-02-25T00:00:00+00:00")));
    store().appendLineageEdge(makeEdge(
        QStringLiteral("x"), QStringLiteral("T"), QStringLiteral("y"), QStringLiteral("2026-02-01T00:00:00+00:00")));
}

namespace {
const QString kRetentionNow = QStringLiteral("2026-03-01T00:00:00+00:00");
const QString kRetentionCutoff = QStringLiteral("2026-02-22T00:00:00+00:00");
// Per table, in QMap (key) order.
const QString kRetentionCounts
    = QStringLiteral("dpm_lineage_edges=6,dpm_run_artifacts=1,dpm_run_idempotency=1,dpm_run_idempotency_history=2,"
                     "dpm_runs=2,dpm_workflow_decisions=2");
} // namespace

void SupportStoreContract::purgeExpiredRuns_cascadesExactlyAsSpecified()
{
    guarded([&] {
        seedRetentionScenario();
        QCOMPARE(store().getSupportabilitySummary().lineageEdgeCount, qint64(11));

        const PurgeReport report = store().purgeExpiredRuns(7, kRetentionNow, false);
        QVERIFY(!report.dryRun);
        QCOMPARE(report.cutoff, kRetentionCutoff);
        QStringList tables = runPurgeTables();
        tables.sort();
        QCOMPARE(QStringList(report.deleted.keys()), tables);
        QCOMPARE(countsText(report.deleted), kRetentionCounts);

        // dpm_runs
        QVERIFY(!store().getRun(QStringLiteral("rr_old1")));
        QVERIFY(!store().getRun(QStringLiteral("rr_old2")));
        QCOMPARE(idsOf(store().listRuns({}, PageRequest { 10, {} }).items),
            (QStringList { "rr_new2", "rr_new", "rr_edge" }));
        // dpm_run_artifacts
        QVERIFY(!store().getRunArtifact(QStringLiteral("rr_old1")));
        QVERIFY(store().getRunArtifact(QStringLiteral("rr_new")));
        // dpm_run_idempotency: by the mapping's run, not by key
        QVERIFY(!store().getIdempotencyMapping(QStringLiteral("idem_only_old")));
        QCOMPARE(
            store().getIdempotencyMapping(QStringLiteral("idem_shared"))->rebalanceRunId, QStringLiteral("rr_new"));
        QVERIFY(store().getIdempotencyMapping(QStringLiteral("idem_new")));
        // dpm_run_idempotency_history: by the row's run
        QVERIFY(store().listIdempotencyHistory(QStringLiteral("idem_only_old")).isEmpty());
        const auto sharedHistory = store().listIdempotencyHistory(QStringLiteral("idem_shared"));
        QCOMPARE(sharedHistory.size(), 1);
        QCOMPARE(sharedHistory.at(0).rebalanceRunId, QStringLiteral("rr_new"));
        QCOMPARE(store().listIdempotencyHistory(QStringLiteral("idem_new")).size(), 1);
        // dpm_workflow_decisions: by run_id
        QVERIFY(store().listWorkflowDecisions(QStringLiteral("rr_old1")).isEmpty());
        QVERIFY(store().listWorkflowDecisions(QStringLiteral("rr_old2")).isEmpty());
        QCOMPARE(idsOf(store().listWorkflowDecisions(QStringLiteral("rr_new"))), (QStringList { "dwd_3" }));
        // dpm_lineage_edges: 5 left
        const SupportabilitySummary summary = store().getSupportabilitySummary();
        QCOMPARE(summary.lineageEdgeCount, qint64(5));
        QCOMPARE(edgesText(store().listLineageEdges(QStringLiteral("rr_new"))),
            QStringLiteral("corr_rr_new CORRELATION_TO_RUN rr_new 2026-02-25T00:00:00+00:00"));
        QCOMPARE(store().listLineageEdges(QStringLiteral("rr_edge")).size(), 1);
        QCOMPARE(store().listLineageEdges(QStringLiteral("rr_new2")).size(), 2);
        QCOMPARE(store().listLineageEdges(QStringLiteral("x")).size(), 1);
        // Async operations are never cascaded.
        QVERIFY(store().getOperation(QStringLiteral("dop_1")));
        QCOMPARE(summary.operationCount, qint64(1));
        QCOMPARE(summary.runCount, qint64(3));
        QCOMPARE(summary.workflowDecisionCount, qint64(1));
    });
}

void SupportStoreContract::purgeExpiredRuns_sharedIdempotencyKey_deletesSurvivingRunsKeyEdgesOnly()
{
    guarded([&] {
        seedRetentionScenario();
        // idem_only_old is a key only in a hand-made mapping (rr_old2's own key is null), so it is
        // not one of the expired runs' lineage ids: its edge to a surviving entity stays.
        store().appendLineageEdge(makeEdge(QStringLiteral("idem_only_old"), QStringLiteral("IDEMPOTENCY_TO_RUN"),
            QStringLiteral("rr_elsewhere"), QStringLiteral("2026-02-21T23:59:59.999999+00:00")));
        QCOMPARE(store().listLineageEdges(QStringLiteral("idem_shared")).size(), 2);
        const PurgeReport report = store().purgeExpiredRuns(7, kRetentionNow, false);
        QCOMPARE(report.count(QStringLiteral("dpm_lineage_edges")), qint64(6));
        // The surviving run's IDEMPOTENCY_TO_RUN edge goes with the expired run's key; its
        // mapping, history row and correlation edge stay.
        QVERIFY(store().listLineageEdges(QStringLiteral("idem_shared")).isEmpty());
        QCOMPARE(
            store().getIdempotencyMapping(QStringLiteral("idem_shared"))->rebalanceRunId, QStringLiteral("rr_new"));
        QCOMPARE(store().listIdempotencyHistory(QStringLiteral("idem_shared")).size(), 1);
        QCOMPARE(store().listLineageEdges(QStringLiteral("corr_rr_new")).size(), 1);
        QCOMPARE(store().listLineageEdges(QStringLiteral("idem_only_old")).size(), 1);
        QCOMPARE(store().listLineageEdges(QStringLiteral("idem_new")).size(), 1);
    });
}

void SupportStoreContract::purgeExpiredRuns_operationEdgeToExpiredCorrelation_isDeletedOperationKept()
{
    guarded([&] {
        seedRetentionScenario();
        QCOMPARE(store().listLineageEdges(QStringLiteral("dop_1")).size(), 1);
        store().purgeExpiredRuns(7, kRetentionNow, false);
        QVERIFY(store().listLineageEdges(QStringLiteral("dop_1")).isEmpty());
        QVERIFY(store().listLineageEdges(QStringLiteral("corr_rr_old1")).isEmpty());
        const auto op = store().getOperation(QStringLiteral("dop_1"));
        QVERIFY(op);
        QCOMPARE(op->correlationId, QStringLiteral("corr_rr_old1"));
        QCOMPARE(
            store().getOperationByCorrelation(QStringLiteral("corr_rr_old1"))->operationId, QStringLiteral("dop_1"));
    });
}

void SupportStoreContract::purgeExpiredRuns_runAtCutoff_isKept()
{
    guarded([&] {
        // cutoff = 2026-02-20T12:00:00+00:00 (now - 1 day).
        store().recordRun(
            { makeRun(QStringLiteral("rr_at"), QStringLiteral("2026-02-20T12:00:00+00:00")), std::nullopt });
        store().recordRun(
            { makeRun(QStringLiteral("rr_after"), QStringLiteral("2026-02-20T12:00:00.000001+00:00")), std::nullopt });
        store().recordRun(
            { makeRun(QStringLiteral("rr_before"), QStringLiteral("2026-02-20T11:59:59.999999+00:00")), std::nullopt });
        const PurgeReport report = store().purgeExpiredRuns(1, QStringLiteral("2026-02-21T12:00:00+00:00"), false);
        QCOMPARE(report.cutoff, QStringLiteral("2026-02-20T12:00:00+00:00"));
        QCOMPARE(report.count(QStringLiteral("dpm_runs")), qint64(1));
        QCOMPARE(report.count(QStringLiteral("dpm_lineage_edges")), qint64(1));
        QCOMPARE(idsOf(store().listRuns({}, PageRequest { 10, {} }).items), (QStringList { "rr_after", "rr_at" }));
    });
}

void SupportStoreContract::purgeExpiredRuns_retentionBelowOne_touchesNothing()
{
    guarded([&] {
        seedRetentionScenario();
        const SupportabilitySummary before = store().getSupportabilitySummary();
        for (const int days : { 0, -1, -30 }) {
            const PurgeReport report = store().purgeExpiredRuns(days, kRetentionNow, false);
            for (const QString &table : runPurgeTables())
                QCOMPARE(report.count(table), qint64(0));
        }
        QVERIFY(store().getSupportabilitySummary() == before);
        QVERIFY(store().getRun(QStringLiteral("rr_old1")));
        QCOMPARE(store().listLineageEdges(QStringLiteral("idem_shared")).size(), 2);
    });
}

void SupportStoreContract::purgeExpiredRuns_dryRun_reportsSameCountsAndDeletesNothing()
{
    guarded([&] {
        seedRetentionScenario();
        const SupportabilitySummary before = store().getSupportabilitySummary();
        const PurgeReport dry = store().purgeExpiredRuns(7, kRetentionNow, true);
        QVERIFY(dry.dryRun);
        QCOMPARE(dry.cutoff, kRetentionCutoff);
        QCOMPARE(countsText(dry.deleted), kRetentionCounts);

        QVERIFY(store().getSupportabilitySummary() == before);
        QVERIFY(store().getRun(QStringLiteral("rr_old1")));
        QVERIFY(store().getRunArtifact(QStringLiteral("rr_old1")));
        QVERIFY(store().getIdempotencyMapping(QStringLiteral("idem_only_old")));
        QCOMPARE(store().listIdempotencyHistory(QStringLiteral("idem_shared")).size(), 2);
        QCOMPARE(store().listWorkflowDecisions(QStringLiteral("rr_old2")).size(), 1);
        QCOMPARE(store().listLineageEdges(QStringLiteral("dop_1")).size(), 1);

        const PurgeReport real = store().purgeExpiredRuns(7, kRetentionNow, false);
        QCOMPARE(countsText(real.deleted), countsText(dry.deleted));
        QCOMPARE(real.cutoff, dry.cutoff);
    });
}

void SupportStoreContract::purgeExpiredRuns_nothingExpired_reportsZeroForEveryTable()
{
    guarded([&] {
        store().recordRun({ makeRun(QStringLiteral("rr_1"), at(0)), std::nullopt });
        const PurgeReport report = store().purgeExpiredRuns(30, QStringLiteral("2026-02-21T00:00:00+00:00"), false);
        QCOMPARE(report.cutoff, QStringLiteral("2026-01-22T00:00:00+00:00"));
        QCOMPARE(countsText(report.deleted),
            QStringLiteral("dpm_lineage_edges=0,dpm_run_artifacts=0,dpm_run_idempotency=0,"
                           "dpm_run_idempotency_history=0,dpm_runs=0,dpm_workflow_decisions=0"));
        QVERIFY(store().getRun(QStringLiteral("rr_1")));
    });
}

// --- cross-cutting ------------------------------------------------------------------------

void SupportStoreContract::reads_neverDeleteExpiredRows()
{
    guarded([&] {
        store().recordRun({ makeRun(QStringLiteral("rr_ancient"), QStringLiteral("2001-01-01T00:00:00+00:00"),
                                QStringLiteral("READY"), QStringLiteral("sha256:a"), QStringLiteral("pf_1"),
                                QStringLiteral("idem_a")),
            QStringLiteral("{}") });
        store().submitOperation(
            makeOperation(QStringLiteral("dop_ancient"), QStringLiteral("2001-01-01T00:00:00+00:00")));
        store().appendWorkflowDecision(makeDecision(
            QStringLiteral("dwd_ancient"), QStringLiteral("rr_ancient"), QStringLiteral("2001-01-02T00:00:00+00:00")));
        const SupportabilitySummary before = store().getSupportabilitySummary();

        store().getRun(QStringLiteral("rr_ancient"));
        store().getRunByCorrelation(QStringLiteral("corr_rr_ancient"));
        store().getRunByRequestHash(QStringLiteral("sha256:a"));
        store().listRuns({}, PageRequest {});
        store().getRunArtifact(QStringLiteral("rr_ancient"));
        store().getIdempotencyMapping(QStringLiteral("idem_a"));
        store().listIdempotencyHistory(QStringLiteral("idem_a"));
        store().getOperation(QStringLiteral("dop_ancient"));
        store().getOperationByCorrelation(QStringLiteral("corr_dop_ancient"));
        store().listOperations({}, PageRequest {});
        store().listWorkflowDecisions(QStringLiteral("rr_ancient"));
        store().listWorkflowDecisionsFiltered({}, PageRequest {});
        store().listLineageEdges(QStringLiteral("rr_ancient"));
        store().getSupportabilitySummary();

        QVERIFY(store().getSupportabilitySummary() == before);
        QCOMPARE(before.runCount, qint64(1));
        QCOMPARE(before.operationCount, qint64(1));
        QCOMPARE(before.workflowDecisionCount, qint64(1));
        QCOMPARE(before.lineageEdgeCount, qint64(3));
    });
}

void SupportStoreContract::concurrentWritersAndReaders_everyRowStored()
{
    guarded([&] {
        constexpr int kThreads = 4;
        constexpr int kRunsPerThread = 25;
        std::atomic<int> failures { 0 };
        QStringList errors;
        QMutex errorsMutex;
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                try {
                    for (int i = 0; i < kRunsPerThread; ++i) {
                        const QString id = QStringLiteral("rr_t%1_%2").arg(t).arg(i, 3, 10, QLatin1Char('0'));
                        store().recordRun({ makeRun(id, at(i), QStringLiteral("READY"), QStringLiteral("sha256:t"),
                                                QStringLiteral("pf_%1").arg(t), QStringLiteral("idem_%1").arg(id)),
                            std::nullopt });
                        store().listRuns({}, PageRequest { 5, {} });
                        store().getSupportabilitySummary();
                    }
                } catch (const std::exception &error) {
                    ++failures;
                    QMutexLocker locker(&errorsMutex);
                    errors.append(QString::fromLocal8Bit(error.what()));
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QVERIFY2(failures == 0, qPrintable(errors.join(QLatin1Char('\n'))));

        const SupportabilitySummary s = store().getSupportabilitySummary();
        QCOMPARE(s.runCount, qint64(kThreads * kRunsPerThread));
        QCOMPARE(s.lineageEdgeCount, qint64(2 * kThreads * kRunsPerThread));
        const Walk walk = walkAll([&](const PageRequest &p) { return store().listRuns({}, p); }, 7);
        QVERIFY(walk.ended);
        QCOMPARE(walk.ids.size(), kThreads * kRunsPerThread);
        QCOMPARE(QSet<QString>(walk.ids.cbegin(), walk.ids.cend()).size(), kThreads * kRunsPerThread);
    });
}

DPM_BACKEND_TEST_GUILESS_MAIN(SupportStoreContract)
#include "tst_supportstore_contract.moc"
