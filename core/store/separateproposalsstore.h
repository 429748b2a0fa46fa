#pragma once

#include "store/storelocation.h"
#include "store/supportstore.h"

#include <memory>

namespace dpm {

// The two domains in two databases (design.md, Configuration): a SupportStore that reads and
// writes everything of the DPM store it wraps, except the advisory proposals, which come from a
// second store (opened without the DPM tables). openStore() builds it for a location with a
// separate proposal store; code that must reach the second one (its migrations, the cutover
// check) finds it with separateProposalStore().
class SeparateProposalsStore final : public SupportStore
{
public:
    SeparateProposalsStore(
        std::unique_ptr<SupportStore> dpm, std::unique_ptr<SupportStore> proposals, StoreLocation proposalLocation);

    // The store the proposals are read from, with its own schema and migrations.
    SupportStore &proposalStore() { return *m_proposals; }
    // Where it is (password included when one was given: never print it; use redacted()).
    const StoreLocation &proposalLocation() const { return m_proposalLocation; }

    SupportStore *wrapped() override { return m_dpm.get(); }
    StoreBackend backend() const override { return m_dpm->backend(); }
    QString describe() const override { return m_dpm->describe(); }

    void saveRun(const RebalanceRun &run) override { return m_dpm->saveRun(run); }
    void recordRun(const RunRecord &record) override { return m_dpm->recordRun(record); }
    std::optional<RebalanceRun> getRun(const QString &rebalanceRunId) override { return m_dpm->getRun(rebalanceRunId); }
    std::optional<RebalanceRun> getRunByCorrelation(const QString &correlationId) override
    {
        return m_dpm->getRunByCorrelation(correlationId);
    }
    std::optional<RebalanceRun> getRunByRequestHash(const QString &requestHash) override
    {
        return m_dpm->getRunByRequestHash(requestHash);
    }
    Page<RunListItem> listRuns(const RunFilter &filter, const PageRequest &page) override
    {
        return m_dpm->listRuns(filter, page);
    }
    void saveRunArtifact(const RunArtifact &artifact) override { return m_dpm->saveRunArtifact(artifact); }
    std::optional<RunArtifact> getRunArtifact(const QString &rebalanceRunId) override
    {
        return m_dpm->getRunArtifact(rebalanceRunId);
    }
    void saveIdempotencyMapping(const IdempotencyMapping &mapping) override
    {
        return m_dpm->saveIdempotencyMapping(mapping);
    }
    std::optional<IdempotencyMapping> getIdempotencyMapping(const QString &idempotencyKey) override
    {
        return m_dpm->getIdempotencyMapping(idempotencyKey);
    }
    void appendIdempotencyHistory(const IdempotencyHistoryEntry &entry) override
    {
        return m_dpm->appendIdempotencyHistory(entry);
    }
    QList<IdempotencyHistoryEntry> listIdempotencyHistory(const QString &idempotencyKey) override
    {
        return m_dpm->listIdempotencyHistory(idempotencyKey);
    }
    void createOperation(const AsyncOperation &operation) override { return m_dpm->createOperation(operation); }
    void updateOperation(const AsyncOperation &operation) override { return m_dpm->updateOperation(operation); }
    void submitOperation(const AsyncOperation &operation) override { return m_dpm->submitOperation(operation); }
    std::optional<AsyncOperation> getOperation(const QString &operationId) override
    {
        return m_dpm->getOperation(operationId);
    }
    std::optional<AsyncOperation> getOperationByCorrelation(const QString &correlationId) override
    {
        return m_dpm->getOperationByCorrelation(correlationId);
    }
    Page<AsyncOperation> listOperations(const OperationFilter &filter, const PageRequest &page) override
    {
        return m_dpm->listOperations(filter, page);
    }
    PurgeReport purgeExpiredOperations(qint64 ttlSeconds, const QString &now, bool dryRun) override
    {
        return m_dpm->purgeExpiredOperations(ttlSeconds, now, dryRun);
    }
    void appendWorkflowDecision(const WorkflowDecision &decision) override
    {
        return m_dpm->appendWorkflowDecision(decision);
    }
    QList<WorkflowDecision> listWorkflowDecisions(const QString &runId) override
    {
        return m_dpm->listWorkflowDecisions(runId);
    }
    std::optional<WorkflowHistory> getWorkflowHistoryByCorrelation(const QString &correlationId) override
    {
        return m_dpm->getWorkflowHistoryByCorrelation(correlationId);
    }
    Page<WorkflowDecision> listWorkflowDecisionsFiltered(const DecisionFilter &filter, const PageRequest &page) override
    {
        return m_dpm->listWorkflowDecisionsFiltered(filter, page);
    }
    void appendLineageEdge(const LineageEdge &edge) override { return m_dpm->appendLineageEdge(edge); }
    QList<LineageEdge> listLineageEdges(const QString &entityId) override { return m_dpm->listLineageEdges(entityId); }
    void upsertPolicyPack(const PolicyPack &pack) override { return m_dpm->upsertPolicyPack(pack); }
    std::optional<PolicyPack> getPolicyPack(const QString &policyPackId) override
    {
        return m_dpm->getPolicyPack(policyPackId);
    }
    QList<PolicyPack> listPolicyPacks() override { return m_dpm->listPolicyPacks(); }
    bool deletePolicyPack(const QString &policyPackId) override { return m_dpm->deletePolicyPack(policyPackId); }
    SupportabilitySummary getSupportabilitySummary() override { return m_dpm->getSupportabilitySummary(); }
    PurgeReport purgeExpiredRuns(int retentionDays, const QString &now, bool dryRun) override
    {
        return m_dpm->purgeExpiredRuns(retentionDays, now, dryRun);
    }
    SupportBundleRows loadSupportBundle(const SupportBundleEntry &entry, const SupportBundleOptions &options) override
    {
        return m_dpm->loadSupportBundle(entry, options);
    }
    Page<LineageEdge> listLineageEdgesPage(
        const QString &entityId, const LineageFilter &filter, const PageRequest &page) override
    {
        return m_dpm->listLineageEdgesPage(entityId, filter, page);
    }
    QList<LineageEdge> listLineageEdgesTouching(const QStringList &entityIds) override
    {
        return m_dpm->listLineageEdgesTouching(entityIds);
    }
    QList<IdentifierMatch> findIdentifier(const QString &identifier) override
    {
        return m_dpm->findIdentifier(identifier);
    }
    QList<DailyCount> countRunsPerDay(const QString &fromDay, const QString &toDay) override
    {
        return m_dpm->countRunsPerDay(fromDay, toDay);
    }
    QList<DailyCount> countDecisionsPerDay(const QString &fromDay, const QString &toDay) override
    {
        return m_dpm->countDecisionsPerDay(fromDay, toDay);
    }

    AuditLog &auditLog() override { return m_dpm->auditLog(); }
    ProposalStore &proposals() override { return m_proposals->proposals(); }
    RunEventStore &runEvents() override { return m_dpm->runEvents(); }
    void interrupt() override;
    StatementInterrupter interrupterForThisThread() override;

private:
    std::unique_ptr<SupportStore> m_dpm;
    std::unique_ptr<SupportStore> m_proposals;
    StoreLocation m_proposalLocation;
};

// The store the proposals of `store` live in when they have a database of their own (under any
// decorator); nullptr when `store` holds them itself.
SupportStore *separateProposalStore(SupportStore &store);

} // namespace dpm
