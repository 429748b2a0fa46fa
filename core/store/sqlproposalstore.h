#pragma once

#include "store/proposalstore.h"

#include <atomic>

namespace dpm {

class SqlDatabase;

// The proposal tables of a SQL store (proposals/0001, 0002 in the service's layout) on SQLite or
// PostgreSQL. Listings page by keyset in SQL with console/0005's indexes; every write that
// belongs together is one transaction; every value is a bound parameter.
class SqlProposalStore final : public ProposalStore
{
public:
    explicit SqlProposalStore(SqlDatabase &db);

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
    QList<ProposalCorrelationLink> listCorrelationLinks(const QStringList &correlationIds,
        const QStringList &proposalIds) override;
    ProposalCounts countProposals() override;
    QList<DailyCount> countApprovalsPerDay(const QString &fromDay, const QString &toDay) override;

    // console/0008's index expression (the result's top-level correlation_id), spelled as the
    // index is so that the planner uses it; listCorrelationLinks reads by it when the index exists.
    static QString indexedCorrelationExpression(bool postgres);

private:
    // Throws PROPOSAL_SCHEMA_MISSING unless the proposal tables exist.
    void requireAvailable();
    // The same, and STORE_READ_ONLY_REPLICA on a hot standby: before a write's statement.
    void requireWritable();
    // Unchecked pieces, also used inside transactions.
    void upsertOperation(const ProposalAsyncOperation &operation);
    void upsertProposal(const ProposalRecord &proposal);
    void insertEvent(const ProposalWorkflowEvent &event);
    void insertApproval(const ProposalApproval &approval);
    QList<ProposalVersionHeader> selectHeaders(const QString &proposalId);
    QList<ProposalWorkflowEvent> selectEvents(const QString &proposalId);
    QList<ProposalApproval> selectApprovals(const QString &proposalId);

    SqlDatabase &m_db;
    QString m_c; // COLLATE "C" on PostgreSQL, empty on SQLite
    std::atomic<bool> m_available { false }; // every proposal table was found once
};

} // namespace dpm
