#pragma once

#include "store/auditlog.h"
#include "store/supportstore.h"

#include <functional>

namespace dpm::test {

// A store that forwards every call to another and runs a hook before getRun: the serve tests make
// a lookup slow, fail or lose its connection with it, on any backend.
class HookedStore final : public SupportStore
{
public:
    HookedStore(SupportStore &inner, std::function<void(const QString &runId)> onGetRun)
        : m_inner(inner)
        , m_onGetRun(std::move(onGetRun))
    { }

    StoreBackend backend() const override
    {
        return m_inner.backend();
    }
    QString describe() const override
    {
        return m_inner.describe();
    }
    void saveRun(const RebalanceRun &run) override
    {
        return m_inner.saveRun(run);
    }
    void recordRun(const RunRecord &record) override
    {
        m_inner.recordRun(record);
    }
    std::optional<RebalanceRun> getRun(const QString &rebalanceRunId) override
    {
        if (m_onGetRun)
            m_onGetRun(rebalanceRunId);
        return m_inner.getRun(rebalanceRunId);
    }
    std::optional<RebalanceRun> getRunByCorrelation(const QString &correlationId) override
    {
        return m_inner.getRunByCorrelation(correlationId);
    }
    std::optional<RebalanceRun> getRunByRequestHash(const QString &requestHash) override
    {
        return m_inner.getRunByRequestHash(requestHash);
    }
    Page<RunListItem> listRuns(const RunFilter &filter, const PageRequest &page) override
    {
        return m_inner.listRuns(filter, page);
    }
    void saveRunArtifact(const RunArtifact &artifact) override
    {
        return m_inner.saveRunArtifact(artifact);
    }
    std::optional<RunArtifact> getRunArtifact(const QString &rebalanceRunId) override
    {
        return m_inner.getRunArtifact(rebalanceRunId);
    }
    void saveIdempotencyMapping(const IdempotencyMapping &mapping) override
    {
        return m_inner.saveIdempotencyMapping(mapping);
    }
    std::optional<IdempotencyMapping> getIdempotencyMapping(const QString &idempotencyKey) override
    {
        return m_inner.getIdempotencyMapping(idempotencyKey);
    }
    void appendIdempotencyHistory(const IdempotencyHistoryEntry &entry) override
    {
        return m_inner.appendIdempotencyHistory(entry);
    }
    QList<IdempotencyHistoryEntry> listIdempotencyHistory(const QString &idempotencyKey) override
    {
        return m_inner.listIdempotencyHistory(idempotencyKey);
    }
    void createOperation(const AsyncOperation &operation) override
    {
        return m_inner.createOperation(operation);
    }
    void updateOperation(const AsyncOperation &operation) override
    {
        return m_inner.updateOperation(operation);
    }
    void submitOperation(const AsyncOperation &operation) override
    {
        return m_inner.submitOperation(operation);
    }
    std::optional<AsyncOperation> getOperation(const QString &operationId) override
    {
        return m_inner.getOperation(operationId);
    }
    std::optional<AsyncOperation> getOperationByCorrelation(const QString &correlationId) override
    {
        return m_inner.getOperationByCorrelation(correlationId);
    }
    Page<AsyncOperation> listOperations(const OperationFilter &filter, const PageRequest &page) override
    {
        return m_inner.listOperations(filter, page);
    }
    PurgeReport purgeExpiredOperations(qint64 ttlSeconds, const QString &now, bool dryRun) override
    {
        return m_inner.purgeExpiredOperations(ttlSeconds, now, dryRun);
    }
    void appendWorkflowDecision(const WorkflowDecision &decision) override
    {
        return m_inner.appendWorkflowDecision(decision);
    }
    QList<WorkflowDecision> listWorkflowDecisions(const QString &runId) override
    {
        return m_inner.listWorkflowDecisions(runId);
    }
    std::optional<WorkflowHistory> getWorkflowHistoryByCorrelation(const QString &correlationId) override
    {
        return m_inner.getWorkflowHistoryByCorrelation(correlationId);
    }
    Page<WorkflowDecision> listWorkflowDecisionsFiltered(const DecisionFilter &filter, const PageRequest &page) override
    {
        return m_inner.listWorkflowDecisionsFiltered(filter, page);
    }
    void appendLineageEdge(const LineageEdge &edge) override
    {
        return m_inner.appendLineageEdge(edge);
    }
    QList<LineageEdge> listLineageEdges(const QString &entityId) override
    {
        return m_inner.listLineageEdges(entityId);
    }
    void upsertPolicyPack(const PolicyPack &pack) override
    {
        return m_inner.upsertPolicyPack(pack);
    }
    std::optional<PolicyPack> getPolicyPack(const QString &policyPackId) override
    {
        return m_inner.getPolicyPack(policyPackId);
    }
    QList<PolicyPack> listPolicyPacks() override
    {
        return m_inner.listPolicyPacks();
    }
    bool deletePolicyPack(const QString &policyPackId) override
    {
        return m_inner.deletePolicyPack(policyPackId);
    }
    SupportabilitySummary getSupportabilitySummary() override
    {
        return m_inner.getSupportabilitySummary();
    }
    PurgeReport purgeExpiredRuns(int retentionDays, const QString &now, bool dryRun) override
    {
        return m_inner.purgeExpiredRuns(retentionDays, now, dryRun);
    }
    SupportBundleRows loadSupportBundle(const SupportBundleEntry &entry, const SupportBundleOptions &options) override
    {
        return m_inner.loadSupportBundle(entry, options);
    }
    Page<LineageEdge> listLineageEdgesPage( const QString &entityId, const LineageFilter &filter, const PageRequest &page) override
    {
        return m_inner.listLineageEdgesPage(entityId, filter, page);
    }
    QList<LineageEdge> listLineageEdgesTouching(const QStringList &entityIds) override
    {
        return m_inner.listLineageEdgesTouching(entityIds);
    }
    QList<IdentifierMatch> findIdentifier(const QString &identifier) override
    {
        return m_inner.findIdentifier(identifier);
    }
    QList<DailyCount> countRunsPerDay(const QString &fromDay, const QString &toDay) override
    {
        return m_inner.countRunsPerDay(fromDay, toDay);
    }
    QList<DailyCount> countDecisionsPerDay(const QString &fromDay, const QString &toDay) override
    {
        return m_inner.countDecisionsPerDay(fromDay, toDay);
    }
    ProposalStore &proposals() override { return m_inner.proposals(); }
    RunEventStore &runEvents() override { return m_inner.runEvents(); }
    AuditLog &auditLog() override
    {
        return m_inner.auditLog();
    }
    void interrupt() override { m_inner.interrupt(); }
    StatementInterrupter interrupterForThisThread() override { return m_inner.interrupterForThisThread(); }

private:
    SupportStore &m_inner;
    std::function<void(const QString &runId)> m_onGetRun;
};

} // namespace dpm::test
