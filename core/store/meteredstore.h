#pragma once

#include "store/querymetrics.h"
#include "store/supportstore.h"

#include <memory>

namespace dpm {

// A SupportStore that times every call of the store it wraps by query kind (QueryMetrics) and
// otherwise forwards it unchanged. The console's sessions and `dpmctl serve` open their stores
// through it; code that needs the backend itself finds it with storeAs<SqlStore>().
class MeteredStore : public SupportStore
{
public:
    explicit MeteredStore(std::shared_ptr<SupportStore> inner, QueryMetrics &metrics = QueryMetrics::global());

    SupportStore *wrapped() override { return m_inner.get(); }
    QueryMetrics &metrics() const { return m_metrics; }

    StoreBackend backend() const override { return m_inner->backend(); }
    QString describe() const override { return m_inner->describe(); }

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
    Page<WorkflowDecision> listWorkflowDecisionsFiltered(const DecisionFilter &filter, const PageRequest &page) override;
    void appendLineageEdge(const LineageEdge &edge) override;
    QList<LineageEdge> listLineageEdges(const QString &entityId) override;
    void upsertPolicyPack(const PolicyPack &pack) override;
    std::optional<PolicyPack> getPolicyPack(const QString &policyPackId) override;
    QList<PolicyPack> listPolicyPacks() override;
    bool deletePolicyPack(const QString &policyPackId) override;
    SupportabilitySummary getSupportabilitySummary() override;
    PurgeReport purgeExpiredRuns(int retentionDays, const QString &now, bool dryRun) override;
    SupportBundleRows loadSupportBundle(const SupportBundleEntry &entry, const SupportBundleOptions &options) override;
    Page<LineageEdge> listLineageEdgesPage(const QString &entityId, const LineageFilter &filter, const PageRequest &page) override;
    QList<LineageEdge> listLineageEdgesTouching(const QStringList &entityIds) override;
    QList<IdentifierMatch> findIdentifier(const QString &identifier) override;
    QList<DailyCount> countRunsPerDay(const QString &fromDay, const QString &toDay) override;
    QList<DailyCount> countDecisionsPerDay(const QString &fromDay, const QString &toDay) override;

    AuditLog &auditLog() override { return m_inner->auditLog(); }
    ProposalStore &proposals() override { return m_inner->proposals(); }
    RunEventStore &runEvents() override { return m_inner->runEvents(); }
    void interrupt() override { m_inner->interrupt(); }
    StatementInterrupter interrupterForThisThread() override { return m_inner->interrupterForThisThread(); }

private:
    template <typename F> auto timed(QueryKind kind, F &&call) -> decltype(call());

    std::shared_ptr<SupportStore> m_inner;
    QueryMetrics &m_metrics;
};

} // namespace dpm
