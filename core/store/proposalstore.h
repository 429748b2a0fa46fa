#pragma once

#include "domain/page.h"
#include "domain/proposals.h"
#include "store/dailycount.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace dpm {

// The advisory proposal store (Part B §5.1 with the decisions of Part A): one contract on
// memory, SQLite and PostgreSQL, over the service's proposals tables (§3), so a database the
// service wrote opens as it is. The contract suite in tests/contract holds every backend to it.
//
// As SupportStore: errors are dpm::Error; timestamps already in the service format; listing
// limits >= 1 (INVALID_LIMIT otherwise); safe to call from several threads; one call is atomic.
// Reached through SupportStore::proposals(); it lives as long as its store.
class ProposalStore
{
public:
    virtual ~ProposalStore() = default;

    // False when the store has no proposals tables (a SQL database opened before the proposals
    // migrations): every other call then throws PROPOSAL_SCHEMA_MISSING.
    virtual bool isAvailable() = 0;

    // --- idempotency (upserts on the key) ---
    virtual void saveIdempotency(const ProposalIdempotency &row) = 0;
    virtual std::optional<ProposalIdempotency> getIdempotency(const QString &idempotencyKey) = 0;
    virtual void saveSimulationIdempotency(const ProposalSimulationIdempotency &row) = 0;
    virtual std::optional<ProposalSimulationIdempotency> getSimulationIdempotency(const QString &idempotencyKey) = 0;

    // --- async operations (create and update both upsert on operation_id, no conflict mapping
    // in the service; a correlation_id held by another operation is
    // PROPOSAL_ASYNC_OPERATION_CORRELATION_CONFLICT on every backend) ---
    virtual void createOperation(const ProposalAsyncOperation &operation) = 0;
    virtual void updateOperation(const ProposalAsyncOperation &operation) = 0;
    virtual std::optional<ProposalAsyncOperation> getOperation(const QString &operationId) = 0;
    virtual std::optional<ProposalAsyncOperation> getOperationByCorrelation(const QString &correlationId) = 0;

    // --- proposals (create and update both upsert on proposal_id) ---
    virtual void createProposal(const ProposalRecord &proposal) = 0;
    virtual void updateProposal(const ProposalRecord &proposal) = 0;
    virtual std::optional<ProposalRecord> getProposal(const QString &proposalId) = 0;
    // created_at DESC, proposal_id DESC; keyset paging in the store (Part A §4): the service's
    // cursor (a bare proposal_id) names the row to continue after, an id naming no row gives an
    // empty page, the console's own cursor also carries created_at; INVALID_CURSOR when it
    // cannot be decoded. The same on every backend (the service's in-memory adapter differs).
    virtual Page<ProposalRecord> listProposals(const ProposalFilter &filter, const PageRequest &page) = 0;

    // --- versions (immutable; create upserts on (proposal_id, version_no)) ---
    virtual void createVersion(const ProposalVersion &version) = 0;
    virtual std::optional<ProposalVersion> getVersion(const QString &proposalId, qint64 versionNo) = 0;
    // The highest version_no; nullopt when the proposal has no version row.
    virtual std::optional<ProposalVersion> getCurrentVersion(const QString &proposalId) = 0;
    // Every version of a proposal without payloads, version_no ascending.
    virtual QList<ProposalVersionHeader> listVersions(const QString &proposalId) = 0;

    // --- workflow events and approvals (append-only; an existing id is
    // PROPOSAL_WORKFLOW_EVENT_CONFLICT / PROPOSAL_APPROVAL_CONFLICT) ---
    virtual void appendEvent(const ProposalWorkflowEvent &event) = 0;
    // occurred_at ASC, event_id ASC.
    virtual QList<ProposalWorkflowEvent> listEvents(const QString &proposalId) = 0;
    virtual void createApproval(const ProposalApproval &approval) = 0;
    // occurred_at ASC, approval_id ASC.
    virtual QList<ProposalApproval> listApprovals(const QString &proposalId) = 0;
    // One transaction: insert the event, the approval if any, upsert the proposal. Nothing is
    // written when any part fails. Returns the three records as stored.
    virtual ProposalTransition transitionProposal(const ProposalRecord &proposal, const ProposalWorkflowEvent &event,
        const std::optional<ProposalApproval> &approval)
        = 0;

    // --- investigation reads (the console's pane, the integrity check, find anything) ---
    // The proposal and every row that belongs to it, in one consistent snapshot; nullopt when
    // no proposal_records row has the id.
    virtual std::optional<ProposalAggregate> loadAggregate(const QString &proposalId) = 0;
    // Every exact match of an identifier over ProposalIdentifierKind, in that enum's order.
    virtual QList<ProposalMatch> findIdentifier(const QString &identifier) = 0;
    // The lineage links of proposal versions (ProposalCorrelationLink): every version whose
    // result carries one of `correlationIds`, and every version with a correlation id of the
    // proposals in `proposalIds`; by (proposal_id, version_no). Versions without one are left out.
    virtual QList<ProposalCorrelationLink> listCorrelationLinks(const QStringList &correlationIds,
        const QStringList &proposalIds)
        = 0;
    // Counts for the summary's own "proposals" key.
    virtual ProposalCounts countProposals() = 0;
    // Approvals per UTC day of occurred_at, keyed "<approval_type>:<APPROVED|REJECTED>", as
    // SupportStore::countRunsPerDay does for runs (INVALID_DAY_RANGE alike).
    virtual QList<DailyCount> countApprovalsPerDay(const QString &fromDay, const QString &toDay) = 0;
};

} // namespace dpm
