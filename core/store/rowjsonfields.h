#pragma once

// The Fields<T> tables of rowjson.h for the store's values: every field, named in snake_case.

#include "domain/entities.h"
#include "domain/page.h"
#include "domain/proposals.h"
#include "domain/runevents.h"
#include "store/dailycount.h"
#include "store/investigationtypes.h"
#include "store/rowjson.h"

namespace dpm::rowjson {


template <> struct Fields<RebalanceRun>
{
    static auto list()
    {
        return std::make_tuple(field("rebalance_run_id", &RebalanceRun::rebalanceRunId), field("correlation_id", &RebalanceRun::correlationId), field("request_hash", &RebalanceRun::requestHash), field("idempotency_key", &RebalanceRun::idempotencyKey), field("portfolio_id", &RebalanceRun::portfolioId), field("created_at", &RebalanceRun::createdAt), field("result_json", &RebalanceRun::resultJson));
    }
};

template <> struct Fields<RunListItem>
{
    static auto list()
    {
        return std::make_tuple(field("rebalance_run_id", &RunListItem::rebalanceRunId), field("correlation_id", &RunListItem::correlationId), field("request_hash", &RunListItem::requestHash), field("idempotency_key", &RunListItem::idempotencyKey), field("portfolio_id", &RunListItem::portfolioId), field("status", &RunListItem::status), field("created_at", &RunListItem::createdAt));
    }
};

template <> struct Fields<RunArtifact>
{
    static auto list()
    {
        return std::make_tuple(field("rebalance_run_id", &RunArtifact::rebalanceRunId), field("artifact_json", &RunArtifact::artifactJson));
    }
};

template <> struct Fields<IdempotencyMapping>
{
    static auto list()
    {
        return std::make_tuple(field("idempotency_key", &IdempotencyMapping::idempotencyKey), field("request_hash", &IdempotencyMapping::requestHash), field("rebalance_run_id", &IdempotencyMapping::rebalanceRunId), field("created_at", &IdempotencyMapping::createdAt));
    }
};

template <> struct Fields<IdempotencyHistoryEntry>
{
    static auto list()
    {
        return std::make_tuple(field("idempotency_key", &IdempotencyHistoryEntry::idempotencyKey), field("rebalance_run_id", &IdempotencyHistoryEntry::rebalanceRunId), field("correlation_id", &IdempotencyHistoryEntry::correlationId), field("request_hash", &IdempotencyHistoryEntry::requestHash), field("created_at", &IdempotencyHistoryEntry::createdAt));
    }
};

template <> struct Fields<AsyncOperation>
{
    static auto list()
    {
        return std::make_tuple(field("operation_id", &AsyncOperation::operationId), field("operation_type", &AsyncOperation::operationType), field("status", &AsyncOperation::status), field("correlation_id", &AsyncOperation::correlationId), field("created_at", &AsyncOperation::createdAt), field("started_at", &AsyncOperation::startedAt), field("finished_at", &AsyncOperation::finishedAt), field("result_json", &AsyncOperation::resultJson), field("error_json", &AsyncOperation::errorJson), field("request_json", &AsyncOperation::requestJson));
    }
};

template <> struct Fields<WorkflowDecision>
{
    static auto list()
    {
        return std::make_tuple(field("decision_id", &WorkflowDecision::decisionId), field("run_id", &WorkflowDecision::runId), field("action", &WorkflowDecision::action), field("reason_code", &WorkflowDecision::reasonCode), field("comment", &WorkflowDecision::comment), field("actor_id", &WorkflowDecision::actorId), field("decided_at", &WorkflowDecision::decidedAt), field("correlation_id", &WorkflowDecision::correlationId));
    }
};

template <> struct Fields<WorkflowHistory>
{
    static auto list()
    {
        return std::make_tuple(field("run_id", &WorkflowHistory::runId), field("decisions", &WorkflowHistory::decisions));
    }
};

template <> struct Fields<LineageEdge>
{
    static auto list()
    {
        return std::make_tuple(field("source_entity_id", &LineageEdge::sourceEntityId), field("edge_type", &LineageEdge::edgeType), field("target_entity_id", &LineageEdge::targetEntityId), field("created_at", &LineageEdge::createdAt), field("metadata_json", &LineageEdge::metadataJson));
    }
};

template <> struct Fields<PolicyPack>
{
    static auto list()
    {
        return std::make_tuple(field("policy_pack_id", &PolicyPack::policyPackId), field("version", &PolicyPack::version), field("definition_json", &PolicyPack::definitionJson), field("created_at", &PolicyPack::createdAt), field("updated_at", &PolicyPack::updatedAt));
    }
};

template <> struct Fields<SupportabilitySummary>
{
    static auto list()
    {
        return std::make_tuple(field("run_count", &SupportabilitySummary::runCount), field("operation_count", &SupportabilitySummary::operationCount), field("operation_status_counts", &SupportabilitySummary::operationStatusCounts), field("run_status_counts", &SupportabilitySummary::runStatusCounts), field("workflow_decision_count", &SupportabilitySummary::workflowDecisionCount), field("workflow_action_counts", &SupportabilitySummary::workflowActionCounts), field("workflow_reason_code_counts", &SupportabilitySummary::workflowReasonCodeCounts), field("lineage_edge_count", &SupportabilitySummary::lineageEdgeCount), field("oldest_run_created_at", &SupportabilitySummary::oldestRunCreatedAt), field("newest_run_created_at", &SupportabilitySummary::newestRunCreatedAt), field("oldest_operation_created_at", &SupportabilitySummary::oldestOperationCreatedAt), field("newest_operation_created_at", &SupportabilitySummary::newestOperationCreatedAt));
    }
};

template <> struct Fields<RunFilter>
{
    static auto list()
    {
        return std::make_tuple(field("created_from", &RunFilter::createdFrom), field("created_to", &RunFilter::createdTo), field("status", &RunFilter::status), field("request_hash", &RunFilter::requestHash), field("portfolio_id", &RunFilter::portfolioId));
    }
};

template <> struct Fields<OperationFilter>
{
    static auto list()
    {
        return std::make_tuple(field("created_from", &OperationFilter::createdFrom), field("created_to", &OperationFilter::createdTo), field("operation_type", &OperationFilter::operationType), field("status", &OperationFilter::status), field("correlation_id", &OperationFilter::correlationId));
    }
};

template <> struct Fields<DecisionFilter>
{
    static auto list()
    {
        return std::make_tuple(field("rebalance_run_id", &DecisionFilter::rebalanceRunId), field("action", &DecisionFilter::action), field("actor_id", &DecisionFilter::actorId), field("reason_code", &DecisionFilter::reasonCode), field("decided_from", &DecisionFilter::decidedFrom), field("decided_to", &DecisionFilter::decidedTo));
    }
};

template <> struct Fields<PageRequest>
{
    static auto list()
    {
        return std::make_tuple(field("limit", &PageRequest::limit), field("cursor", &PageRequest::cursor));
    }
};

template <> struct Fields<SupportBundleEntry>
{
    static auto list()
    {
        return std::make_tuple(field("kind", &SupportBundleEntry::kind), field("value", &SupportBundleEntry::value));
    }
};

template <> struct Fields<SupportBundleOptions>
{
    static auto list()
    {
        return std::make_tuple(field("include_artifact", &SupportBundleOptions::includeArtifact), field("include_async_operation", &SupportBundleOptions::includeAsyncOperation), field("include_idempotency_history", &SupportBundleOptions::includeIdempotencyHistory));
    }
};

template <> struct Fields<SupportBundleRows>
{
    static auto list()
    {
        return std::make_tuple(field("entry_found", &SupportBundleRows::entryFound), field("run", &SupportBundleRows::run), field("artifact", &SupportBundleRows::artifact), field("operation", &SupportBundleRows::operation), field("decisions", &SupportBundleRows::decisions), field("edges", &SupportBundleRows::edges), field("idempotency_history", &SupportBundleRows::idempotencyHistory));
    }
};

template <> struct Fields<LineageFilter>
{
    static auto list()
    {
        return std::make_tuple(field("edge_type", &LineageFilter::edgeType), field("created_from", &LineageFilter::createdFrom), field("created_to", &LineageFilter::createdTo));
    }
};

template <> struct Fields<IdentifierMatch>
{
    static auto list()
    {
        return std::make_tuple(field("kind", &IdentifierMatch::kind), field("run_id", &IdentifierMatch::runId), field("run_exists", &IdentifierMatch::runExists), field("operation_id", &IdentifierMatch::operationId), field("decision_id", &IdentifierMatch::decisionId), field("run_count", &IdentifierMatch::runCount));
    }
};

template <> struct Fields<DailyCount>
{
    static auto list()
    {
        return std::make_tuple(field("day", &DailyCount::day), field("key", &DailyCount::key), field("count", &DailyCount::count));
    }
};

template <> struct Fields<ProposalRecord>
{
    static auto list()
    {
        return std::make_tuple(field("proposal_id", &ProposalRecord::proposalId), field("portfolio_id", &ProposalRecord::portfolioId), field("mandate_id", &ProposalRecord::mandateId), field("jurisdiction", &ProposalRecord::jurisdiction), field("created_by", &ProposalRecord::createdBy), field("created_at", &ProposalRecord::createdAt), field("last_event_at", &ProposalRecord::lastEventAt), field("current_state", &ProposalRecord::currentState), field("current_version_no", &ProposalRecord::currentVersionNo), field("title", &ProposalRecord::title), field("advisor_notes", &ProposalRecord::advisorNotes));
    }
};

template <> struct Fields<ProposalVersion>
{
    static auto list()
    {
        return std::make_tuple(field("proposal_version_id", &ProposalVersion::proposalVersionId), field("proposal_id", &ProposalVersion::proposalId), field("version_no", &ProposalVersion::versionNo), field("created_at", &ProposalVersion::createdAt), field("request_hash", &ProposalVersion::requestHash), field("artifact_hash", &ProposalVersion::artifactHash), field("simulation_hash", &ProposalVersion::simulationHash), field("status_at_creation", &ProposalVersion::statusAtCreation), field("proposal_result_json", &ProposalVersion::proposalResultJson), field("artifact_json", &ProposalVersion::artifactJson), field("evidence_bundle_json", &ProposalVersion::evidenceBundleJson), field("gate_decision_json", &ProposalVersion::gateDecisionJson));
    }
};

template <> struct Fields<ProposalVersionHeader>
{
    static auto list()
    {
        return std::make_tuple(field("proposal_version_id", &ProposalVersionHeader::proposalVersionId), field("proposal_id", &ProposalVersionHeader::proposalId), field("version_no", &ProposalVersionHeader::versionNo), field("created_at", &ProposalVersionHeader::createdAt), field("request_hash", &ProposalVersionHeader::requestHash), field("artifact_hash", &ProposalVersionHeader::artifactHash), field("simulation_hash", &ProposalVersionHeader::simulationHash), field("status_at_creation", &ProposalVersionHeader::statusAtCreation));
    }
};

template <> struct Fields<ProposalWorkflowEvent>
{
    static auto list()
    {
        return std::make_tuple(field("event_id", &ProposalWorkflowEvent::eventId), field("proposal_id", &ProposalWorkflowEvent::proposalId), field("event_type", &ProposalWorkflowEvent::eventType), field("from_state", &ProposalWorkflowEvent::fromState), field("to_state", &ProposalWorkflowEvent::toState), field("actor_id", &ProposalWorkflowEvent::actorId), field("occurred_at", &ProposalWorkflowEvent::occurredAt), field("reason_json", &ProposalWorkflowEvent::reasonJson), field("related_version_no", &ProposalWorkflowEvent::relatedVersionNo));
    }
};

template <> struct Fields<ProposalApproval>
{
    static auto list()
    {
        return std::make_tuple(field("approval_id", &ProposalApproval::approvalId), field("proposal_id", &ProposalApproval::proposalId), field("approval_type", &ProposalApproval::approvalType), field("approved", &ProposalApproval::approved), field("actor_id", &ProposalApproval::actorId), field("occurred_at", &ProposalApproval::occurredAt), field("details_json", &ProposalApproval::detailsJson), field("related_version_no", &ProposalApproval::relatedVersionNo));
    }
};

template <> struct Fields<ProposalIdempotency>
{
    static auto list()
    {
        return std::make_tuple(field("idempotency_key", &ProposalIdempotency::idempotencyKey), field("request_hash", &ProposalIdempotency::requestHash), field("proposal_id", &ProposalIdempotency::proposalId), field("proposal_version_no", &ProposalIdempotency::proposalVersionNo), field("created_at", &ProposalIdempotency::createdAt));
    }
};

template <> struct Fields<ProposalAsyncOperation>
{
    static auto list()
    {
        return std::make_tuple(field("operation_id", &ProposalAsyncOperation::operationId), field("operation_type", &ProposalAsyncOperation::operationType), field("status", &ProposalAsyncOperation::status), field("correlation_id", &ProposalAsyncOperation::correlationId), field("idempotency_key", &ProposalAsyncOperation::idempotencyKey), field("proposal_id", &ProposalAsyncOperation::proposalId), field("created_by", &ProposalAsyncOperation::createdBy), field("created_at", &ProposalAsyncOperation::createdAt), field("started_at", &ProposalAsyncOperation::startedAt), field("finished_at", &ProposalAsyncOperation::finishedAt), field("result_json", &ProposalAsyncOperation::resultJson), field("error_json", &ProposalAsyncOperation::errorJson));
    }
};

template <> struct Fields<ProposalSimulationIdempotency>
{
    static auto list()
    {
        return std::make_tuple(field("idempotency_key", &ProposalSimulationIdempotency::idempotencyKey), field("request_hash", &ProposalSimulationIdempotency::requestHash), field("response_json", &ProposalSimulationIdempotency::responseJson), field("created_at", &ProposalSimulationIdempotency::createdAt));
    }
};

template <> struct Fields<ProposalFilter>
{
    static auto list()
    {
        return std::make_tuple(field("portfolio_id", &ProposalFilter::portfolioId), field("state", &ProposalFilter::state), field("created_by", &ProposalFilter::createdBy), field("created_from", &ProposalFilter::createdFrom), field("created_to", &ProposalFilter::createdTo));
    }
};

template <> struct Fields<ProposalAggregate>
{
    static auto list()
    {
        return std::make_tuple(field("proposal", &ProposalAggregate::proposal), field("versions", &ProposalAggregate::versions), field("events", &ProposalAggregate::events), field("approvals", &ProposalAggregate::approvals), field("operations", &ProposalAggregate::operations), field("idempotency", &ProposalAggregate::idempotency));
    }
};

template <> struct Fields<ProposalCounts>
{
    static auto list()
    {
        return std::make_tuple(field("proposal_count", &ProposalCounts::proposalCount), field("state_counts", &ProposalCounts::stateCounts), field("version_count", &ProposalCounts::versionCount), field("event_count", &ProposalCounts::eventCount), field("approval_count", &ProposalCounts::approvalCount), field("approval_outcome_counts", &ProposalCounts::approvalOutcomeCounts), field("operation_count", &ProposalCounts::operationCount), field("oldest_proposal_created_at", &ProposalCounts::oldestProposalCreatedAt), field("newest_proposal_created_at", &ProposalCounts::newestProposalCreatedAt));
    }
};

template <> struct Fields<ProposalMatch>
{
    static auto list()
    {
        return std::make_tuple(field("kind", &ProposalMatch::kind), field("proposal_id", &ProposalMatch::proposalId), field("proposal_exists", &ProposalMatch::proposalExists), field("version_no", &ProposalMatch::versionNo), field("operation_id", &ProposalMatch::operationId));
    }
};

template <> struct Fields<ProposalCorrelationLink>
{
    static auto list()
    {
        return std::make_tuple(field("proposal_id", &ProposalCorrelationLink::proposalId), field("version_no", &ProposalCorrelationLink::versionNo), field("correlation_id", &ProposalCorrelationLink::correlationId), field("created_at", &ProposalCorrelationLink::createdAt));
    }
};

template <> struct Fields<RunEvent>
{
    static auto list()
    {
        return std::make_tuple(field("event_id", &RunEvent::eventId), field("rebalance_run_id", &RunEvent::rebalanceRunId), field("sequence_no", &RunEvent::sequenceNo), field("event_type", &RunEvent::eventType), field("idempotency_key", &RunEvent::idempotencyKey), field("payload_json", &RunEvent::payloadJson), field("created_at", &RunEvent::createdAt));
    }
};

template <> struct Fields<OutboxDelivery>
{
    static auto list()
    {
        return std::make_tuple(field("outbox_id", &OutboxDelivery::outboxId), field("event_id", &OutboxDelivery::eventId), field("topic", &OutboxDelivery::topic), field("payload_json", &OutboxDelivery::payloadJson), field("status", &OutboxDelivery::status), field("attempts", &OutboxDelivery::attempts), field("max_attempts", &OutboxDelivery::maxAttempts), field("next_attempt_at", &OutboxDelivery::nextAttemptAt), field("last_error", &OutboxDelivery::lastError), field("created_at", &OutboxDelivery::createdAt), field("delivered_at", &OutboxDelivery::deliveredAt), field("lease_owner", &OutboxDelivery::leaseOwner), field("rebalance_run_id", &OutboxDelivery::rebalanceRunId));
    }
};

template <> struct Fields<RunEventWithDeliveries>
{
    static auto list()
    {
        return std::make_tuple(field("event", &RunEventWithDeliveries::event), field("deliveries", &RunEventWithDeliveries::deliveries));
    }
};

template <> struct Fields<OutboxFilter>
{
    static auto list()
    {
        return std::make_tuple(field("status", &OutboxFilter::status), field("topic", &OutboxFilter::topic), field("rebalance_run_id", &OutboxFilter::rebalanceRunId), field("created_from", &OutboxFilter::createdFrom), field("created_to", &OutboxFilter::createdTo));
    }
};

template <> struct Fields<OutboxStats>
{
    static auto list()
    {
        return std::make_tuple(field("pending", &OutboxStats::pending), field("delivered", &OutboxStats::delivered), field("failed", &OutboxStats::failed), field("dead", &OutboxStats::dead), field("due_now", &OutboxStats::dueNow), field("oldest_pending_age_seconds", &OutboxStats::oldestPendingAgeSeconds), field("attempts", &OutboxStats::attempts));
    }
};

template <> struct Fields<OutboxFailureGroup>
{
    static auto list()
    {
        return std::make_tuple(field("group_id", &OutboxFailureGroup::groupId), field("fingerprint", &OutboxFailureGroup::fingerprint), field("count", &OutboxFailureGroup::count), field("failed", &OutboxFailureGroup::failed), field("dead", &OutboxFailureGroup::dead), field("sample_error", &OutboxFailureGroup::sampleError));
    }
};

template <typename T> struct Fields<Page<T>>
{
    static auto list() { return std::make_tuple(field("items", &Page<T>::items), field("next_cursor", &Page<T>::nextCursor)); }
};

} // namespace dpm::rowjson
