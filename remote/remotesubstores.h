#pragma once

#include "store/auditlog.h"
#include "store/proposalstore.h"
#include "store/runeventstore.h"

namespace dpm {

class RemoteStore;

// The proposal tables of a remote store: read through dpmctl serve's mirror, or the service's
// §5 endpoints where the server has no extensions; writes answer STORE_READ_ONLY_REMOTE.
class RemoteProposalStore final : public ProposalStore
{
public:
    explicit RemoteProposalStore(RemoteStore &store)
        : m_store(store)
    { }

    bool isAvailable() override;
    void saveIdempotency(const ProposalIdempotency &row) override;
    std::optional<ProposalIdempotency> getIdempotency(const QString &idempotencyKey) override;
    void saveSimulationIdempotency(const ProposalSimulationIdempotency &row) override;
    std::optional<ProposalSimulationIdempotency> getSimulationIdempotency(const QString &idempotencyKey) override;
    void createOperation(const ProposalAsyncOperation &operation) override;
    void updateOperation(const ProposalAsyncOperation &operation) override;
    std::optional<ProposalAsyncOperation> getOperation(const QString &operationId) override;
    std::optional<ProposalAsyncOperation> getOperationByCorrelation(const QString &correlationId) override;
    void createProposal(const ProposalRecord &proposal) override;
    void updateProposal(const ProposalRecord &proposal) override;
    std::optional<ProposalRecord> getProposal(const QString &proposalId) override;
    Page<ProposalRecord> listProposals(const ProposalFilter &filter, const PageRequest &page) override;
    void createVersion(const ProposalVersion &version) override;
    std::optional<ProposalVersion> getVersion(const QString &proposalId, qint64 versionNo) override;
    std::optional<ProposalVersion> getCurrentVersion(const QString &proposalId) override;
    QList<ProposalVersionHeader> listVersions(const QString &proposalId) override;
    void appendEvent(const ProposalWorkflowEvent &event) override;
    QList<ProposalWorkflowEvent> listEvents(const QString &proposalId) override;
    void createApproval(const ProposalApproval &approval) override;
    QList<ProposalApproval> listApprovals(const QString &proposalId) override;
    ProposalTransition transitionProposal(const ProposalRecord &proposal, const ProposalWorkflowEvent &event,
        const std::optional<ProposalApproval> &approval) override;
    std::optional<ProposalAggregate> loadAggregate(const QString &proposalId) override;
    QList<ProposalMatch> findIdentifier(const QString &identifier) override;
    QList<ProposalCorrelationLink> listCorrelationLinks(
        const QStringList &correlationIds, const QStringList &proposalIds) override;
    ProposalCounts countProposals() override;
    QList<DailyCount> countApprovalsPerDay(const QString &fromDay, const QString &toDay) override;

private:
    RemoteStore &m_store;
};

// Run events and the outbox of a remote store: only dpmctl serve has them (its mirror); against
// the service, isAvailable() is false and every read says why (REMOTE_EXTENSION_MISSING).
class RemoteRunEventStore final : public RunEventStore
{
public:
    explicit RemoteRunEventStore(RemoteStore &store)
        : m_store(store)
    { }

    bool isAvailable() override;
    AppendEventResult appendEvent(const AppendEventRequest &request) override;
    QList<RunEventWithDeliveries> listEvents(const QString &rebalanceRunId) override;
    Page<OutboxDelivery> listOutbox(const OutboxFilter &filter, const PageRequest &page) override;
    std::optional<OutboxDelivery> getDelivery(const QString &outboxId) override;
    OutboxStats outboxStats(const QString &now) override;
    QList<OutboxFailureGroup> failureGroups() override;
    qint64 retryDeliveries(const OutboxSelection &selection, const QString &now, bool dryRun) override;
    qint64 discardDeliveries(const OutboxSelection &selection, const QString &reason, bool dryRun) override;
    qint64 purgeDelivered(int olderThanDays, const QString &now, bool dryRun) override;
    QList<OutboxDelivery> claimDue(int batch, const QString &now, const QString &leaseOwner, const QString &leaseUntil) override;
    void markDelivered(const QString &outboxId, const QString &now) override;
    OutboxDelivery markFailed(const QString &outboxId, const QString &error, const QString &nextAttemptAt) override;

private:
    void requireExtensions();
    RemoteStore &m_store;
};

// Admin actions are not taken over a server: nothing can be audited here.
class RemoteAuditLog final : public AuditLog
{
public:
    bool isAvailable() override { return false; }
    void append(const AuditEntry &entry) override;
    Page<AuditEntry> list(const PageRequest &page) override;
    QString databaseRole() override { return {}; }
};

} // namespace dpm
