#pragma once

#include "domain/page.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace dpm {

// Value types for the advisory proposal tables of Part B §3. As for the DPM rows: stored text
// as-is, timestamps in the service format, JSON columns as text, nullable columns optional.

struct ProposalRecord // proposal_records (§3.1)
{
    QString proposalId;
    QString portfolioId;
    std::optional<QString> mandateId;
    std::optional<QString> jurisdiction;
    QString createdBy;
    QString createdAt;
    QString lastEventAt;
    QString currentState;
    qint64 currentVersionNo = 0;
    std::optional<QString> title;
    std::optional<QString> advisorNotes;
    bool operator==(const ProposalRecord &) const = default;
};

struct ProposalVersion // proposal_versions (§3.2); PK (proposal_id, version_no)
{
    QString proposalVersionId;
    QString proposalId;
    qint64 versionNo = 0;
    QString createdAt;
    QString requestHash;
    QString artifactHash;
    QString simulationHash;
    QString statusAtCreation;
    QString proposalResultJson;
    QString artifactJson;
    QString evidenceBundleJson;
    std::optional<QString> gateDecisionJson;
    bool operator==(const ProposalVersion &) const = default;
};

// A version without its JSON payloads: what version lists, lineage and the integrity check's
// numbering rules need.
struct ProposalVersionHeader
{
    QString proposalVersionId;
    QString proposalId;
    qint64 versionNo = 0;
    QString createdAt;
    QString requestHash;
    QString artifactHash;
    QString simulationHash;
    QString statusAtCreation;
    bool operator==(const ProposalVersionHeader &) const = default;
};
ProposalVersionHeader headerOf(const ProposalVersion &version);

struct ProposalWorkflowEvent // proposal_workflow_events (§3.3), append-only
{
    QString eventId;
    QString proposalId;
    QString eventType;
    std::optional<QString> fromState; // null only for CREATED
    QString toState;
    QString actorId;
    QString occurredAt;
    QString reasonJson;
    std::optional<qint64> relatedVersionNo;
    bool operator==(const ProposalWorkflowEvent &) const = default;
};

struct ProposalApproval // proposal_approvals (§3.4), append-only
{
    QString approvalId;
    QString proposalId;
    QString approvalType;
    bool approved = false;
    QString actorId;
    QString occurredAt;
    QString detailsJson;
    std::optional<qint64> relatedVersionNo;
    bool operator==(const ProposalApproval &) const = default;
};

struct ProposalIdempotency // proposal_idempotency (§3.5)
{
    QString idempotencyKey;
    QString requestHash;
    QString proposalId;
    qint64 proposalVersionNo = 0;
    QString createdAt;
    bool operator==(const ProposalIdempotency &) const = default;
};

struct ProposalAsyncOperation // proposal_async_operations (§3.6)
{
    QString operationId;
    QString operationType;
    QString status;
    QString correlationId;
    std::optional<QString> idempotencyKey;
    std::optional<QString> proposalId;
    QString createdBy;
    QString createdAt;
    std::optional<QString> startedAt;
    std::optional<QString> finishedAt;
    std::optional<QString> resultJson;
    std::optional<QString> errorJson;
    bool operator==(const ProposalAsyncOperation &) const = default;
};

struct ProposalSimulationIdempotency // proposal_simulation_idempotency (§3.7)
{
    QString idempotencyKey;
    QString requestHash;
    QString responseJson;
    QString createdAt;
    bool operator==(const ProposalSimulationIdempotency &) const = default;
};

// list_proposals filters (§5.1): state matches current_state; created_at bounds inclusive and
// normalised to the service format by the caller.
struct ProposalFilter
{
    std::optional<QString> portfolioId;
    std::optional<QString> state;
    std::optional<QString> createdBy;
    std::optional<QString> createdFrom;
    std::optional<QString> createdTo;
};

// What transition_proposal wrote (§5.1): the event, the approval when there was one, and the
// proposal as upserted.
struct ProposalTransition
{
    ProposalRecord proposal;
    ProposalWorkflowEvent event;
    std::optional<ProposalApproval> approval;
    bool operator==(const ProposalTransition &) const = default;
};

// Everything stored about one proposal, read in one consistent snapshot: the console's
// proposal pane and the integrity check start here. Lists are in their listing orders
// (versions by version_no, events and approvals oldest first, operations and idempotency rows
// by created_at then id).
struct ProposalAggregate
{
    ProposalRecord proposal;
    QList<ProposalVersionHeader> versions;
    QList<ProposalWorkflowEvent> events;
    QList<ProposalApproval> approvals;
    QList<ProposalAsyncOperation> operations; // proposal_id = this proposal
    QList<ProposalIdempotency> idempotency; // proposal_id = this proposal
};

// The proposal part of the summary (our own JSON key "proposals", never the service's fields).
struct ProposalCounts
{
    qint64 proposalCount = 0;
    QMap<QString, qint64> stateCounts; // current_state -> proposals
    qint64 versionCount = 0;
    qint64 eventCount = 0;
    qint64 approvalCount = 0;
    // "<approval_type>:<APPROVED|REJECTED>" -> approvals, by the approved flag
    QMap<QString, qint64> approvalOutcomeCounts;
    qint64 operationCount = 0;
    std::optional<QString> oldestProposalCreatedAt;
    std::optional<QString> newestProposalCreatedAt;
    bool operator==(const ProposalCounts &) const = default;
};

// The service's proposal artifact hash: "sha256:" + SHA-256 of the canonical JSON of the
// artifact after removing every key named created_at or artifact_hash at any depth (the
// service's build_proposal_artifact strips both). Throws INVALID_JSON for text that is not JSON.
QString proposalArtifactHashOfText(const QString &artifactJson);

// A proposal version and the correlation id its proposal result carries (proposal_result_json's
// top-level "correlation_id", the request it was simulated for): how a proposal meets the DPM
// lineage, whose correlation nodes carry the same ids.
struct ProposalCorrelationLink
{
    QString proposalId;
    qint64 versionNo = 0;
    QString correlationId;
    QString createdAt; // the version's
    bool operator==(const ProposalCorrelationLink &) const = default;
};

// The top-level "correlation_id" of a proposal result's JSON text; nullopt when the text is not
// a JSON object or has no non-empty string there (Part A §11: never an error).
std::optional<QString> proposalResultCorrelationId(const QString &resultJson);

// What a proposal identifier matched on (find anything).
enum class ProposalIdentifierKind {
    ProposalId,
    ProposalVersionId,
    EventId,
    ApprovalId,
    IdempotencyKey,
    OperationId,
    OperationCorrelationId,
};
// "proposal_id", "proposal_version_id", "proposal_event_id", "proposal_approval_id",
// "proposal_idempotency_key", "proposal_operation_id", "proposal_operation_correlation_id".
QString toWire(ProposalIdentifierKind kind);

struct ProposalMatch
{
    ProposalIdentifierKind kind = ProposalIdentifierKind::ProposalId;
    // The proposal it leads to (null for an operation without one).
    std::optional<QString> proposalId;
    bool proposalExists = false; // false for a dangling reference
    std::optional<qint64> versionNo; // version id, event/approval related version, idempotency
    std::optional<QString> operationId; // operation kinds
    bool operator==(const ProposalMatch &) const = default;
};

} // namespace dpm
