#pragma once

#include "domain/entities.h"
#include "domain/page.h"
#include "domain/purgereport.h"
#include "domain/vocabulary.h"
#include "store/dailycount.h"
#include "store/investigationtypes.h"
#include "store/proposalstore.h"
#include "store/statementinterrupter.h"

#include <QString>

#include <optional>

namespace dpm {

class AuditLog;
class RunEventStore;

// The service's write path for one simulate call (Part B §6.7): the run, its artifact when
// persisted, the CORRELATION_TO_RUN edge and, with an idempotency key, the mapping, a history
// row and the IDEMPOTENCY_TO_RUN edge — all with the run's created_at, in one transaction.
struct RunRecord
{
    RebalanceRun run;
    std::optional<QString> artifactJson;
};

// The DPM supportability store (Part B §5 with the decisions of Part A). Every backend behaves
// the same for every method; the contract suite in tests/contract holds them to it.
//
// Errors are thrown as dpm::Error. Timestamps passed in must already be in the service format
// (use normalizeTimestamp); listing limits must be >= 1 (INVALID_LIMIT otherwise).
// Implementations are safe to call from several threads (SQL backends use a connection per
// thread); a single call is atomic.
class SupportStore
{
public:
    virtual ~SupportStore() = default;

    virtual StoreBackend backend() const = 0;
    // The location shown to people, passwords redacted.
    virtual QString describe() const = 0;

    // --- runs ---
    // Upsert on rebalance_run_id. A correlation_id held by another run is the conflict
    // DPM_RUN_CORRELATION_CONFLICT on every backend (the service's SQL adapters fail there
    // with an unmapped integrity error; its in-memory adapter silently overwrites).
    virtual void saveRun(const RebalanceRun &run) = 0;
    virtual void recordRun(const RunRecord &record) = 0;
    virtual std::optional<RebalanceRun> getRun(const QString &rebalanceRunId) = 0;
    virtual std::optional<RebalanceRun> getRunByCorrelation(const QString &correlationId) = 0;
    // Latest run with that hash by (created_at DESC, rebalance_run_id DESC).
    virtual std::optional<RebalanceRun> getRunByRequestHash(const QString &requestHash) = 0;
    // created_at DESC, rebalance_run_id DESC; keyset paging (Part A §4).
    virtual Page<RunListItem> listRuns(const RunFilter &filter, const PageRequest &page) = 0;

    // --- artifacts ---
    virtual void saveRunArtifact(const RunArtifact &artifact) = 0;
    virtual std::optional<RunArtifact> getRunArtifact(const QString &rebalanceRunId) = 0;

    // --- idempotency ---
    virtual void saveIdempotencyMapping(const IdempotencyMapping &mapping) = 0;
    virtual std::optional<IdempotencyMapping> getIdempotencyMapping(const QString &idempotencyKey) = 0;
    virtual void appendIdempotencyHistory(const IdempotencyHistoryEntry &entry) = 0;
    // Oldest first by (created_at, rebalance_run_id, correlation_id, request_hash), the order of
    // the service's history API (§6.3), on every backend. Unknown key -> empty list.
    virtual QList<IdempotencyHistoryEntry> listIdempotencyHistory(const QString &idempotencyKey) = 0;

    // --- async operations ---
    // Both upsert on operation_id; a correlation_id held by another operation is the conflict
    // DPM_ASYNC_OPERATION_CORRELATION_CONFLICT.
    virtual void createOperation(const AsyncOperation &operation) = 0;
    virtual void updateOperation(const AsyncOperation &operation) = 0;
    // The service's async submit: the operation and its OPERATION_TO_CORRELATION edge in one
    // transaction; an existing operation with that correlation is the conflict above.
    virtual void submitOperation(const AsyncOperation &operation) = 0;
    virtual std::optional<AsyncOperation> getOperation(const QString &operationId) = 0;
    virtual std::optional<AsyncOperation> getOperationByCorrelation(const QString &correlationId) = 0;
    // created_at DESC, operation_id DESC; keyset paging.
    virtual Page<AsyncOperation> listOperations(const OperationFilter &filter, const PageRequest &page) = 0;
    // Deletes operations with COALESCE(finished_at, created_at) < now - ttlSeconds (strict).
    // ttlSeconds < 1 deletes nothing. Lineage edges are left in place.
    virtual PurgeReport purgeExpiredOperations(qint64 ttlSeconds, const QString &now, bool dryRun) = 0;

    // --- workflow decisions ---
    // Plain insert; an existing decision_id is DPM_WORKFLOW_DECISION_CONFLICT.
    virtual void appendWorkflowDecision(const WorkflowDecision &decision) = 0;
    // Oldest first: decided_at ASC, decision_id ASC.
    virtual QList<WorkflowDecision> listWorkflowDecisions(const QString &runId) = 0;
    // RFC-0023's decisions by correlation (Part A §12): the run whose correlation_id this is and
    // its decisions, oldest first as above, read in one snapshot; nullopt when no run has it. The
    // decisions' own correlation_id (the action request's) plays no part.
    virtual std::optional<WorkflowHistory> getWorkflowHistoryByCorrelation(const QString &correlationId) = 0;
    // decided_at DESC, decision_id DESC; keyset paging.
    virtual Page<WorkflowDecision> listWorkflowDecisionsFiltered(const DecisionFilter &filter, const PageRequest &page)
        = 0;

    // --- lineage ---
    virtual void appendLineageEdge(const LineageEdge &edge) = 0;
    // Every edge whose source or target is the entity (a self-edge once), oldest first by
    // (created_at, source_entity_id, edge_type, target_entity_id).
    virtual QList<LineageEdge> listLineageEdges(const QString &entityId) = 0;

    // --- policy packs (dpm 0002) ---
    // Upsert keeps created_at and refreshes version, definition_json and updated_at.
    virtual void upsertPolicyPack(const PolicyPack &pack) = 0;
    virtual std::optional<PolicyPack> getPolicyPack(const QString &policyPackId) = 0;
    virtual QList<PolicyPack> listPolicyPacks() = 0; // policy_pack_id ASC
    virtual bool deletePolicyPack(const QString &policyPackId) = 0;

    // --- summary and retention ---
    virtual SupportabilitySummary getSupportabilitySummary() = 0;
    // retentionDays < 1 touches nothing. Otherwise deletes, in one transaction, what Part B §5
    // lists for runs with created_at < now - retentionDays days (strict), and reports per table.
    virtual PurgeReport purgeExpiredRuns(int retentionDays, const QString &now, bool dryRun) = 0;

    // --- investigation reads (support bundle, lineage paging and graph, find) ---
    // Every row of one support bundle (§6.4) in one consistent snapshot, with as few round trips
    // as the backend allows. Never throws not-found: the rows say what was found.
    virtual SupportBundleRows loadSupportBundle(const SupportBundleEntry &entry, const SupportBundleOptions &options)
        = 0;
    // The lineage listing of §6.2: edges touching the entity (a self-edge once), sorted
    // (created_at, source, edge_type, target) ascending, filtered, paged by the composite cursor
    // in the store. A cursor naming no edge of the filtered list gives an empty page. A page
    // never splits a run of identical keys (exact duplicates), so it may exceed the limit there.
    virtual Page<LineageEdge> listLineageEdgesPage(
        const QString &entityId, const LineageFilter &filter, const PageRequest &page)
        = 0;
    // Every edge whose source or target is one of the ids, each row once, in lineage order.
    virtual QList<LineageEdge> listLineageEdgesTouching(const QStringList &entityIds) = 0;
    // Every exact match of an identifier over the kinds of IdentifierKind, in that enum's order
    // (decision correlation matches by decided_at, decision_id). No match: an empty list.
    virtual QList<IdentifierMatch> findIdentifier(const QString &identifier) = 0;

    // --- per-day series (the summary dashboard) ---
    // Runs per UTC day (the first 10 characters of created_at) and status ('' for a run without
    // one), over the days fromDay..toDay inclusive ("YYYY-MM-DD"): non-zero rows only, ordered by
    // (day, status). INVALID_DAY_RANGE when a day is malformed or from is after to.
    virtual QList<DailyCount> countRunsPerDay(const QString &fromDay, const QString &toDay) = 0;
    // Workflow decisions per UTC day of decided_at and action, the same way.
    virtual QList<DailyCount> countDecisionsPerDay(const QString &fromDay, const QString &toDay) = 0;
    // --- console audit trail (console/0003) ---
    // What admins did to this store; lives as long as the store.
    virtual AuditLog &auditLog() = 0;
    // --- advisory proposals (proposals/0001, 0002) ---
    // The proposal tables of this store; lives as long as the store.
    virtual ProposalStore &proposals() = 0;
    // --- run events and outbox (console/0002, console/0006) ---
    // Lives as long as the store; see RunEventStore::isAvailable.
    virtual RunEventStore &runEvents() = 0;

    // Stops the statements this store runs right now, on any thread; each fails with
    // STORE_QUERY_CANCELLED. Safe to call from any thread; nothing to stop in memory.
    virtual void interrupt() { }
    // Stops one request: taken on the worker thread that runs it, interrupt() may then be called
    // from any thread; it stops the statement running on that thread's connection and makes each
    // later one fail at once with STORE_QUERY_CANCELLED, until release() (on the worker, when the
    // request ends). Empty functions where there is nothing to stop (in memory).
    virtual StatementInterrupter interrupterForThisThread() { return {}; }

    // A decorator (MeteredStore, DualWriteStore) returns the store it forwards to; a backend
    // returns nullptr. Use storeAs<T>() rather than a dynamic_cast on a store you were given.
    virtual SupportStore *wrapped() { return nullptr; }
};

// The backend of type T under any decorators (the first one of that type), or nullptr.
template <typename T> T *storeAs(SupportStore &store)
{
    for (SupportStore *s = &store; s; s = s->wrapped()) {
        if (auto *found = dynamic_cast<T *>(s))
            return found;
    }
    return nullptr;
}

// Tables a run purge reports on, in the order they are shown.
QStringList runPurgeTables();

// The report a purge starts from, every table it touches at 0, with the cut-off of Part B §5:
// now - retentionDays days (runs) or now - ttlSeconds (operations), microseconds kept. The
// cut-off is empty when the purge is disabled (retention or TTL below 1): then nothing is done.
PurgeReport startRunPurge(int retentionDays, const QString &now, bool dryRun);
PurgeReport startOperationPurge(qint64 ttlSeconds, const QString &now, bool dryRun);

} // namespace dpm
