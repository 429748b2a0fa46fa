#pragma once

#include "domain/error.h"
#include "store/storelocation.h"
#include "store/supportstore.h"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace dpm {

// The two domains in two databases (design.md, Configuration): a SupportStore that reads and
// writes everything of the DPM store it wraps, except the advisory proposals, which come from a
// second store (opened without the DPM tables). openStore() builds it for a location with a
// separate proposal store; code that must reach the second one (its migrations, the cutover
// check) finds it with separateProposalStore().
//
// A proposal store that cannot be reached does not take the DPM store down with it: the store
// opens, everything DPM works, and every use of the proposals throws PROPOSAL_STORE_UNREACHABLE
// (naming the cause's reason code) until retryProposalStore() reaches it.
class SeparateProposalsStore final : public SupportStore
{
public:
    // Opens the proposal store; called again by retryProposalStore() while it is unreachable.
    using ProposalStoreOpener = std::function<std::unique_ptr<SupportStore>()>;

    SeparateProposalsStore(
        std::unique_ptr<SupportStore> dpm, std::unique_ptr<SupportStore> proposals, StoreLocation proposalLocation);
    // Tries `open` at once; a connection error (ErrorKind::Connection) leaves the proposal store
    // unreachable, any other error is thrown.
    SeparateProposalsStore(std::unique_ptr<SupportStore> dpm, ProposalStoreOpener open, StoreLocation proposalLocation);

    // The store the proposals are read from, with its own schema and migrations. Throws
    // PROPOSAL_STORE_UNREACHABLE while it cannot be reached.
    SupportStore &proposalStore();
    // Where it is (password included when one was given: never print it; use redacted()).
    const StoreLocation &proposalLocation() const { return m_proposalLocation; }
    // Why the proposal store could not be opened (the connection's own error, to tell whether a
    // password would help); nullopt once it is open.
    std::optional<Error> proposalStoreCause() const;
    // The error every proposal read throws while the proposal store is unreachable.
    std::optional<Error> proposalStoreUnreachable() const;
    // Opens the proposal store again when it was unreachable (nothing to do when it is open).
    // Throws PROPOSAL_STORE_UNREACHABLE when it still cannot be reached.
    void retryProposalStore();

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
    ProposalStore &proposals() override { return proposalStore().proposals(); }
    RunEventStore &runEvents() override { return m_dpm->runEvents(); }
    void interrupt() override;
    StatementInterrupter interrupterForThisThread() override;

private:
    Error unreachableError(const Error &cause) const;
    SupportStore *openedProposalStore() const;

    std::unique_ptr<SupportStore> m_dpm;
    ProposalStoreOpener m_open;
    StoreLocation m_proposalLocation;
    // Set once, from unreachable to open, and never replaced: other threads may hold references
    // into it.
    mutable std::mutex m_mutex;
    std::unique_ptr<SupportStore> m_proposals;
    std::optional<Error> m_cause;
};

// The store the proposals of `store` live in when they have a database of their own (under any
// decorator); nullptr when `store` holds them itself. Throws PROPOSAL_STORE_UNREACHABLE when it
// has one that cannot be reached.
SupportStore *separateProposalStore(SupportStore &store);
// PROPOSAL_STORE_UNREACHABLE of a store whose separate proposal store cannot be reached now;
// nullopt otherwise.
std::optional<Error> proposalStoreUnreachable(SupportStore &store);

// Where a store's proposals stand after (re)trying to reach them: reachable, with or without the
// proposal tables; or unreachable, with PROPOSAL_STORE_UNREACHABLE and the connection's own
// error (whether a password would help).
struct ProposalStoreReach
{
    std::optional<Error> unreachable;
    std::optional<Error> cause;
    bool hasTables = false;
};
// Reports where the proposals stand, first retrying (with `retry`) a separate proposal store
// that could not be reached; runs queries.
ProposalStoreReach reachProposalStore(SupportStore &store, bool retry);

} // namespace dpm
