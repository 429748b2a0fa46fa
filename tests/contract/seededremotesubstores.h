#pragma once

#include "store/proposalstore.h"
#include "store/runeventstore.h"

namespace dpm::test {

// The proposal and run-event stores of the contract suite's "remote" backend, as
// SeededRemoteStore is for the DPM tables: writes go to the local store the server serves (the
// remote store is read-only by design), every read goes over HTTP. So a write test of the suite
// checks what the server reads back after the write, and every read test what the remote store
// answers against what the store holds.
class SeededRemoteProposalStore final : public ProposalStore
{
public:
    SeededRemoteProposalStore(ProposalStore &local, ProposalStore &remote)
        : m_local(local)
        , m_remote(remote)
    { }

    bool isAvailable() override { return m_remote.isAvailable(); }

    // Writes: the local store.
    void saveIdempotency(const ProposalIdempotency &row) override { m_local.saveIdempotency(row); }
    void saveSimulationIdempotency(const ProposalSimulationIdempotency &row) override
    {
        m_local.saveSimulationIdempotency(row);
    }
    void createOperation(const ProposalAsyncOperation &operation) override { m_local.createOperation(operation); }
    void updateOperation(const ProposalAsyncOperation &operation) override { m_local.updateOperation(operation); }
    void createProposal(const ProposalRecord &proposal) override { m_local.createProposal(proposal); }
    void updateProposal(const ProposalRecord &proposal) override { m_local.updateProposal(proposal); }
    void createVersion(const ProposalVersion &version) override { m_local.createVersion(version); }
    void appendEvent(const ProposalWorkflowEvent &event) override { m_local.appendEvent(event); }
    void createApproval(const ProposalApproval &approval) override { m_local.createApproval(approval); }
    ProposalTransition transitionProposal(const ProposalRecord &proposal, const ProposalWorkflowEvent &event,
        const std::optional<ProposalApproval> &approval) override
    {
        return m_local.transitionProposal(proposal, event, approval);
    }

    // Reads: over HTTP.
    std::optional<ProposalIdempotency> getIdempotency(const QString &key) override
    {
        return m_remote.getIdempotency(key);
    }
    std::optional<ProposalSimulationIdempotency> getSimulationIdempotency(const QString &key) override
    {
        return m_remote.getSimulationIdempotency(key);
    }
    std::optional<ProposalAsyncOperation> getOperation(const QString &id) override { return m_remote.getOperation(id); }
    std::optional<ProposalAsyncOperation> getOperationByCorrelation(const QString &correlationId) override
    {
        return m_remote.getOperationByCorrelation(correlationId);
    }
    std::optional<ProposalRecord> getProposal(const QString &id) override { return m_remote.getProposal(id); }
    Page<ProposalRecord> listProposals(const ProposalFilter &filter, const PageRequest &page) override
    {
        return m_remote.listProposals(filter, page);
    }
    std::optional<ProposalVersion> getVersion(const QString &id, qint64 versionNo) override
    {
        return m_remote.getVersion(id, versionNo);
    }
    std::optional<ProposalVersion> getCurrentVersion(const QString &id) override
    {
        return m_remote.getCurrentVersion(id);
    }
    QList<ProposalVersionHeader> listVersions(const QString &id) override { return m_remote.listVersions(id); }
    QList<ProposalWorkflowEvent> listEvents(const QString &id) override { return m_remote.listEvents(id); }
    QList<ProposalApproval> listApprovals(const QString &id) override { return m_remote.listApprovals(id); }
    std::optional<ProposalAggregate> loadAggregate(const QString &id) override { return m_remote.loadAggregate(id); }
    QList<ProposalMatch> findIdentifier(const QString &identifier) override
    {
        return m_remote.findIdentifier(identifier);
    }
    QList<ProposalCorrelationLink> listCorrelationLinks(
        const QStringList &correlationIds, const QStringList &proposalIds) override
    {
        return m_remote.listCorrelationLinks(correlationIds, proposalIds);
    }
    ProposalCounts countProposals() override { return m_remote.countProposals(); }
    QList<DailyCount> countApprovalsPerDay(const QString &fromDay, const QString &toDay) override
    {
        return m_remote.countApprovalsPerDay(fromDay, toDay);
    }

private:
    ProposalStore &m_local;
    ProposalStore &m_remote;
};

class SeededRemoteRunEventStore final : public RunEventStore
{
public:
    SeededRemoteRunEventStore(RunEventStore &local, RunEventStore &remote)
        : m_local(local)
        , m_remote(remote)
    { }

    bool isAvailable() override { return m_remote.isAvailable(); }

    // Writes (the operator's and the relay's): the local store.
    AppendEventResult appendEvent(const AppendEventRequest &request) override { return m_local.appendEvent(request); }
    qint64 retryDeliveries(const OutboxSelection &selection, const QString &now, bool dryRun) override
    {
        return m_local.retryDeliveries(selection, now, dryRun);
    }
    qint64 discardDeliveries(const OutboxSelection &selection, const QString &reason, bool dryRun) override
    {
        return m_local.discardDeliveries(selection, reason, dryRun);
    }
    qint64 purgeDelivered(int olderThanDays, const QString &now, bool dryRun) override
    {
        return m_local.purgeDelivered(olderThanDays, now, dryRun);
    }
    QList<OutboxDelivery> claimDue(
        int batch, const QString &now, const QString &leaseOwner, const QString &leaseUntil) override
    {
        return m_local.claimDue(batch, now, leaseOwner, leaseUntil);
    }
    void markDelivered(const QString &outboxId, const QString &now) override { m_local.markDelivered(outboxId, now); }
    OutboxDelivery markFailed(const QString &outboxId, const QString &error, const QString &nextAttemptAt) override
    {
        return m_local.markFailed(outboxId, error, nextAttemptAt);
    }

    // Reads: over HTTP.
    QList<RunEventWithDeliveries> listEvents(const QString &runId) override { return m_remote.listEvents(runId); }
    Page<OutboxDelivery> listOutbox(const OutboxFilter &filter, const PageRequest &page) override
    {
        return m_remote.listOutbox(filter, page);
    }
    std::optional<OutboxDelivery> getDelivery(const QString &outboxId) override
    {
        return m_remote.getDelivery(outboxId);
    }
    OutboxStats outboxStats(const QString &now) override { return m_remote.outboxStats(now); }
    QList<OutboxFailureGroup> failureGroups() override { return m_remote.failureGroups(); }

private:
    RunEventStore &m_local;
    RunEventStore &m_remote;
};

} // namespace dpm::test
