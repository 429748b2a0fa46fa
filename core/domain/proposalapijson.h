#pragma once

#include "domain/proposals.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace dpm {

// The service's advisory proposal payloads (http-api.md §5, the service's proposal models) built
// from stored rows, in the same way as apijson.h: nullable values are JSON null, JSON columns
// are parsed and a column that is not JSON becomes null plus "<column>_error" {message, raw}.

// ProposalSummary: {proposal_id, portfolio_id, mandate_id, jurisdiction, created_by, created_at,
// last_event_at, current_state, current_version_no, title} (advisor_notes is never exposed).
QJsonObject proposalSummaryJson(const ProposalRecord &proposal);
// ProposalVersionDetail: {proposal_version_id, proposal_id, version_no, created_at, request_hash,
// artifact_hash, simulation_hash, status_at_creation, proposal_result, artifact, evidence_bundle,
// gate_decision}; evidence_bundle is {} when !includeEvidence (the artifact stays whole).
QJsonObject proposalVersionJson(const ProposalVersion &version, bool includeEvidence = true);
// {proposal, current_version, last_gate_decision}: the current version's gate decision.
QJsonObject proposalDetailJson(const ProposalRecord &proposal, const ProposalVersion &current, bool includeEvidence);
// {event_id, proposal_id, event_type, from_state, to_state, actor_id, occurred_at, reason,
// related_version_no}
QJsonObject proposalEventJson(const ProposalWorkflowEvent &event);
// {proposal_id, current_state, events[]}
QJsonObject proposalTimelineJson(const ProposalRecord &proposal, const QList<ProposalWorkflowEvent> &events);
// {approval_id, proposal_id, approval_type, approved, actor_id, occurred_at, details,
// related_version_no}
QJsonObject proposalApprovalJson(const ProposalApproval &approval);
// {proposal_id, approvals[]}
QJsonObject proposalApprovalsJson(const QString &proposalId, const QList<ProposalApproval> &approvals);
// {proposal, versions:[{proposal_version_id, version_no, created_at, status_at_creation,
// request_hash, simulation_hash, artifact_hash}]}: versions 1..current_version_no, rows that are
// missing skipped, as the service's lineage view.
QJsonObject proposalLineageJson(const ProposalRecord &proposal, const QList<ProposalVersionHeader> &versions);
// {idempotency_key, request_hash, proposal_id, proposal_version_no, created_at}
QJsonObject proposalIdempotencyJson(const ProposalIdempotency &row);
// {operation_id, operation_type, status, correlation_id, idempotency_key, proposal_id,
// created_by, created_at, started_at, finished_at, result, error}
QJsonObject proposalOperationJson(const ProposalAsyncOperation &operation);

} // namespace dpm
