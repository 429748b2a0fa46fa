#include "domain/proposalapijson.h"

#include "domain/apijson.h"
#include "domain/jsonkey.h"

#include <QJsonArray>

namespace dpm {

namespace {

using json::key;

QJsonValue nullableNumber(const std::optional<qint64> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject proposalSummaryJson(const ProposalRecord &p)
{
    return { { key("proposal_id"), p.proposalId }, { key("portfolio_id"), p.portfolioId },
        { key("mandate_id"), nullableJson(p.mandateId) }, { key("jurisdiction"), nullableJson(p.jurisdiction) },
        { key("created_by"), p.createdBy }, { key("created_at"), p.createdAt },
        { key("last_event_at"), p.lastEventAt }, { key("current_state"), p.currentState },
        { key("current_version_no"), double(p.currentVersionNo) }, { key("title"), nullableJson(p.title) } };
}

QJsonObject proposalVersionJson(const ProposalVersion &v, bool includeEvidence)
{
    QJsonObject out { { key("proposal_version_id"), v.proposalVersionId }, { key("proposal_id"), v.proposalId },
        { key("version_no"), double(v.versionNo) }, { key("created_at"), v.createdAt },
        { key("request_hash"), v.requestHash }, { key("artifact_hash"), v.artifactHash },
        { key("simulation_hash"), v.simulationHash }, { key("status_at_creation"), v.statusAtCreation } };
    insertParsedJson(out, key("proposal_result"), v.proposalResultJson, key("proposal_result_json_error"));
    insertParsedJson(out, key("artifact"), v.artifactJson, key("artifact_json_error"));
    if (includeEvidence)
        insertParsedJson(out, key("evidence_bundle"), v.evidenceBundleJson, key("evidence_bundle_json_error"));
    else
        out.insert(key("evidence_bundle"), QJsonObject());
    insertParsedJson(out, key("gate_decision"), v.gateDecisionJson, key("gate_decision_json_error"));
    return out;
}

QJsonObject proposalDetailJson(const ProposalRecord &proposal, const ProposalVersion &current, bool includeEvidence)
{
    const QJsonObject version = proposalVersionJson(current, includeEvidence);
    return { { key("proposal"), proposalSummaryJson(proposal) }, { key("current_version"), version },
        { key("last_gate_decision"), version.value(key("gate_decision")) } };
}

QJsonObject proposalEventJson(const ProposalWorkflowEvent &e)
{
    QJsonObject out { { key("event_id"), e.eventId }, { key("proposal_id"), e.proposalId },
        { key("event_type"), e.eventType }, { key("from_state"), nullableJson(e.fromState) },
        { key("to_state"), e.toState }, { key("actor_id"), e.actorId }, { key("occurred_at"), e.occurredAt },
        { key("related_version_no"), nullableNumber(e.relatedVersionNo) } };
    insertParsedJson(out, key("reason"), e.reasonJson, key("reason_json_error"));
    return out;
}

QJsonObject proposalTimelineJson(const ProposalRecord &proposal, const QList<ProposalWorkflowEvent> &events)
{
    QJsonArray items;
    for (const ProposalWorkflowEvent &e : events)
        items.append(proposalEventJson(e));
    return { { key("proposal_id"), proposal.proposalId }, { key("current_state"), proposal.currentState },
        { key("events"), items } };
}

QJsonObject proposalApprovalJson(const ProposalApproval &a)
{
    QJsonObject out { { key("approval_id"), a.approvalId }, { key("proposal_id"), a.proposalId },
        { key("approval_type"), a.approvalType }, { key("approved"), a.approved }, { key("actor_id"), a.actorId },
        { key("occurred_at"), a.occurredAt }, { key("related_version_no"), nullableNumber(a.relatedVersionNo) } };
    insertParsedJson(out, key("details"), a.detailsJson, key("details_json_error"));
    return out;
}

QJsonObject proposalApprovalsJson(const QString &proposalId, const QList<ProposalApproval> &approvals)
{
    QJsonArray items;
    for (const ProposalApproval &a : approvals)
        items.append(proposalApprovalJson(a));
    return { { key("proposal_id"), proposalId }, { key("approvals"), items } };
}

QJsonObject proposalLineageJson(const ProposalRecord &proposal, const QList<ProposalVersionHeader> &versions)
{
    QJsonArray items;
    for (const ProposalVersionHeader &v : versions) {
        if (v.versionNo < 1 || v.versionNo > proposal.currentVersionNo)
            continue;
        items.append(QJsonObject { { key("proposal_version_id"), v.proposalVersionId },
            { key("version_no"), double(v.versionNo) }, { key("created_at"), v.createdAt },
            { key("status_at_creation"), v.statusAtCreation }, { key("request_hash"), v.requestHash },
            { key("simulation_hash"), v.simulationHash }, { key("artifact_hash"), v.artifactHash } });
    }
    return { { key("proposal"), proposalSummaryJson(proposal) }, { key("versions"), items } };
}

QJsonObject proposalIdempotencyJson(const ProposalIdempotency &row)
{
    return { { key("idempotency_key"), row.idempotencyKey }, { key("request_hash"), row.requestHash },
        { key("proposal_id"), row.proposalId }, { key("proposal_version_no"), double(row.proposalVersionNo) },
        { key("created_at"), row.createdAt } };
}

QJsonObject proposalOperationJson(const ProposalAsyncOperation &op)
{
    QJsonObject out { { key("operation_id"), op.operationId }, { key("operation_type"), op.operationType },
        { key("status"), op.status }, { key("correlation_id"), op.correlationId },
        { key("idempotency_key"), nullableJson(op.idempotencyKey) }, { key("proposal_id"), nullableJson(op.proposalId) },
        { key("created_by"), op.createdBy }, { key("created_at"), op.createdAt },
        { key("started_at"), nullableJson(op.startedAt) }, { key("finished_at"), nullableJson(op.finishedAt) } };
    insertParsedJson(out, key("result"), op.resultJson, key("result_json_error"));
    insertParsedJson(out, key("error"), op.errorJson, key("error_json_error"));
    return out;
}

} // namespace dpm
