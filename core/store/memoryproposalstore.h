#pragma once

#include "store/bulkloader.h"
#include "store/memorykeyset.h"
#include "store/proposalstore.h"

#include <QHash>
#include <QReadWriteLock>

#include <map>
#include <tuple>

namespace dpm {

// The proposal tables in memory, behaving exactly as the SQL backends do (Part A §4: an unknown
// bare-id cursor gives an empty page here too, unlike the service's in-memory adapter). Always
// available. Thread-safe with its own lock: reads share it, writes take it exclusively, so
// transitionProposal and loadAggregate are atomic.
class MemoryProposalStore final : public ProposalStore
{
public:
    MemoryProposalStore() = default;
    MemoryProposalStore(const MemoryProposalStore &) = delete;
    MemoryProposalStore &operator=(const MemoryProposalStore &) = delete;

    bool isAvailable() override { return true; }

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

    // Every row of a proposal table as the bulk path carries it (bulkreader.h), in no set order;
    // empty for any other table.
    QList<QList<QByteArray>> bulkRows(BulkTable table) const;

private:
    // (proposal_id, occurred_at, id): a proposal's history in listing order.
    using HistoryKey = std::tuple<QString, QString, QString>;

    // Unlocked helpers; callers hold m_lock.
    void putProposalLocked(const ProposalRecord &proposal);
    void putOperationLocked(const ProposalAsyncOperation &operation);
    void checkEventLocked(const ProposalWorkflowEvent &event) const;
    void checkApprovalLocked(const ProposalApproval &approval) const;
    template <typename T> QList<T> historyLocked(const std::map<HistoryKey, T> &rows, const QString &proposalId) const;

    mutable QReadWriteLock m_lock;
    QHash<QString, ProposalRecord> m_proposals;
    memory::SortIndex m_proposalOrder; // (created_at, proposal_id)
    std::map<std::pair<QString, qint64>, ProposalVersion> m_versions; // (proposal_id, version_no)
    std::map<HistoryKey, ProposalWorkflowEvent> m_events;
    QHash<QString, HistoryKey> m_eventKeys; // event_id -> its key
    std::map<HistoryKey, ProposalApproval> m_approvals;
    QHash<QString, HistoryKey> m_approvalKeys;
    QHash<QString, ProposalIdempotency> m_idempotency;
    QHash<QString, ProposalSimulationIdempotency> m_simulationIdempotency;
    QHash<QString, ProposalAsyncOperation> m_operations;
    QHash<QString, QString> m_operationByCorrelation;
};

} // namespace dpm
