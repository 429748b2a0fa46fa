#pragma once

#include "store/bulkloader.h"
#include "store/memoryauditlog.h"
#include "store/memorykeyset.h"
#include "store/memoryproposalstore.h"
#include "store/memoryruneventstore.h"
#include "store/supportstore.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QReadWriteLock>
#include <QString>

#include <set>
#include <utility>

namespace dpm {

// The in-memory backend of the DPM supportability store. It behaves exactly as the SQL backends
// do (Part A decides where the service's own in-memory adapter differs): correlation clashes are
// conflicts, lineage counts are row counts, cursors page by keyset, reads never delete.
//
// Rows are kept as the value types of entities.h; each keyset listing has an ordered index of
// (sort key, id) so a page is found without sorting all rows. QString's operator< compares UTF-16
// code units, which for the ASCII timestamps and ids of the store is the byte order of SQL's
// COLLATE "C". Thread-safe: reads share a QReadWriteLock, writes take it exclusively, so every
// call (including recordRun, submitOperation and the purges) is atomic.
class MemoryStore final : public SupportStore
{
public:
    MemoryStore() = default;
    MemoryStore(const MemoryStore &) = delete;
    MemoryStore &operator=(const MemoryStore &) = delete;

    StoreBackend backend() const override { return StoreBackend::InMemory; }
    QString describe() const override { return QStringLiteral("memory:"); }
    AuditLog &auditLog() override { return m_auditLog; }
    ProposalStore &proposals() override { return m_proposals; }
    RunEventStore &runEvents() override { return m_runEvents; }
    // The bulk path's way in (memorybulkloader.cpp).
    MemoryRunEventStore &memoryRunEvents() { return m_runEvents; }

    void saveRun(const RebalanceRun &run) override;
    void recordRun(const RunRecord &record) override;
    std::optional<RebalanceRun> getRun(const QString &rebalanceRunId) override;
    std::optional<RebalanceRun> getRunByCorrelation(const QString &correlationId) override;
    std::optional<RebalanceRun> getRunByRequestHash(const QString &requestHash) override;
    Page<RunListItem> listRuns(const RunFilter &filter, const PageRequest &page) override;

    void saveRunArtifact(const RunArtifact &artifact) override;
    std::optional<RunArtifact> getRunArtifact(const QString &rebalanceRunId) override;

    void saveIdempotencyMapping(const IdempotencyMapping &mapping) override;
    std::optional<IdempotencyMapping> getIdempotencyMapping(const QString &idempotencyKey) override;
    void appendIdempotencyHistory(const IdempotencyHistoryEntry &entry) override;
    QList<IdempotencyHistoryEntry> listIdempotencyHistory(const QString &idempotencyKey) override;

    void createOperation(const AsyncOperation &operation) override;
    void updateOperation(const AsyncOperation &operation) override;
    void submitOperation(const AsyncOperation &operation) override;
    std::optional<AsyncOperation> getOperation(const QString &operationId) override;
    std::optional<AsyncOperation> getOperationByCorrelation(const QString &correlationId) override;
    Page<AsyncOperation> listOperations(const OperationFilter &filter, const PageRequest &page) override;
    PurgeReport purgeExpiredOperations(qint64 ttlSeconds, const QString &now, bool dryRun) override;

    void appendWorkflowDecision(const WorkflowDecision &decision) override;
    QList<WorkflowDecision> listWorkflowDecisions(const QString &runId) override;
    std::optional<WorkflowHistory> getWorkflowHistoryByCorrelation(const QString &correlationId) override;
    Page<WorkflowDecision> listWorkflowDecisionsFiltered(
        const DecisionFilter &filter, const PageRequest &page) override;

    void appendLineageEdge(const LineageEdge &edge) override;
    QList<LineageEdge> listLineageEdges(const QString &entityId) override;

    void upsertPolicyPack(const PolicyPack &pack) override;
    std::optional<PolicyPack> getPolicyPack(const QString &policyPackId) override;
    QList<PolicyPack> listPolicyPacks() override;
    bool deletePolicyPack(const QString &policyPackId) override;

    SupportabilitySummary getSupportabilitySummary() override;
    PurgeReport purgeExpiredRuns(int retentionDays, const QString &now, bool dryRun) override;

    SupportBundleRows loadSupportBundle(const SupportBundleEntry &entry, const SupportBundleOptions &options) override;
    Page<LineageEdge> listLineageEdgesPage(
        const QString &entityId, const LineageFilter &filter, const PageRequest &page) override;
    QList<LineageEdge> listLineageEdgesTouching(const QStringList &entityIds) override;
    QList<IdentifierMatch> findIdentifier(const QString &identifier) override;
    QList<DailyCount> countRunsPerDay(const QString &fromDay, const QString &toDay) override;
    QList<DailyCount> countDecisionsPerDay(const QString &fromDay, const QString &toDay) override;

    // Every row of a bulk table as the bulk path carries it (bulkreader.h), in no set order.
    QList<QList<QByteArray>> bulkRows(BulkTable table) const;

private:
    using SortIndex = memory::SortIndex;

    // Unlocked helpers; callers hold m_lock.
    void checkRunCorrelationLocked(const RebalanceRun &run) const;
    void putRunLocked(const RebalanceRun &run);
    void removeRunLocked(const QString &rebalanceRunId);
    void checkOperationCorrelationLocked(const AsyncOperation &operation) const;
    void putOperationLocked(const AsyncOperation &operation);
    void removeOperationLocked(const QString &operationId);
    QList<LineageEdge> edgesTouchingLocked(const QString &entityId) const;
    QList<WorkflowDecision> decisionsLocked(const QString &runId) const;
    QList<IdempotencyHistoryEntry> historyLocked(const QString &idempotencyKey) const;

    mutable QReadWriteLock m_lock;

    struct StoredRun
    {
        RebalanceRun run;
        QString status; // result_json.status, parsed once on write
    };

    QHash<QString, StoredRun> m_runs; // rebalance_run_id -> run
    QHash<QString, QString> m_runByCorrelation; // correlation_id -> rebalance_run_id
    SortIndex m_runOrder;
    QHash<QString, RunArtifact> m_artifacts;
    QHash<QString, IdempotencyMapping> m_mappings; // idempotency_key -> mapping
    QList<IdempotencyHistoryEntry> m_history; // append-only, no key
    QHash<QString, AsyncOperation> m_operations;
    QHash<QString, QString> m_operationByCorrelation;
    SortIndex m_operationOrder;
    QHash<QString, WorkflowDecision> m_decisions;
    SortIndex m_decisionOrder;
    QList<LineageEdge> m_edges; // append-only, duplicates kept
    QMap<QString, PolicyPack> m_policyPacks; // ordered by policy_pack_id
    MemoryAuditLog m_auditLog;
    MemoryProposalStore m_proposals;
    MemoryRunEventStore m_runEvents { [this](const QString &id) { return getRun(id).has_value(); } };
};

} // namespace dpm
