#pragma once

#include "store/dualwriterouter.h"
#include "store/proposalstore.h"

namespace dpm {

// DualWriteStore::proposals(): the primary's proposal store and PostgreSQL's, written to both
// and read as the router decides (see DualWriteStore).
class DualWriteProposalStore : public ProposalStore
{
public:
    DualWriteProposalStore(ProposalStore &primary, ProposalStore &postgres, DualWriteRouter &router);

    bool isAvailable() override { return m_primary.isAvailable(); }
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
    QList<ProposalCorrelationLink> listCorrelationLinks(const QStringList &correlationIds,
        const QStringList &proposalIds) override;
    ProposalCounts countProposals() override;
    QList<DailyCount> countApprovalsPerDay(const QString &fromDay, const QString &toDay) override;

private:
    template <typename R, typename... P, typename... A> R read(const char *call, R (ProposalStore::*fn)(P...), const A &...args)
    {
        return m_router.readFrom(call, m_primary, m_postgres, fn, args...);
    }
    template <typename R, typename... P, typename... A> R write(const char *call, R (ProposalStore::*fn)(P...), const A &...args)
    {
        return m_router.writeTo(call, m_primary, m_postgres, fn, args...);
    }

    ProposalStore &m_primary;
    ProposalStore &m_postgres;
    DualWriteRouter &m_router;
};

} // namespace dpm
