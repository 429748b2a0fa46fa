#include "apishapes.h"

namespace dpm::serve::shapes {

namespace {

ApiShape plain(std::initializer_list<const char *> names, QStringList omitted = {})
{
    ApiShape shape;
    for (const char *name : names)
        shape.fields.append({ QString::fromLatin1(name), nullptr });
    shape.omitted = std::move(omitted);
    return shape;
}

ApiShape listing(const ApiShape &item)
{
    return { { { QStringLiteral("items"), &item }, { QStringLiteral("next_cursor"), nullptr } }, {} };
}

const ApiShape historyItem = plain({ "rebalance_run_id", "correlation_id", "request_hash", "created_at" });
const ApiShape postureShape = plain(
    { "state", "reason", "freshness_bucket", "run_count", "operation_count", "workflow_decision_count" });
const ApiShape hashesShape = plain({ "request_hash", "artifact_hash" });
const ApiShape evidenceShape { { { QStringLiteral("engine_version"), nullptr },
                                   { QStringLiteral("run_created_at"), nullptr },
                                   { QStringLiteral("hashes"), &hashesShape } },
    {} };
const ApiShape requestSnapshotShape = plain({ "portfolio_id", "request_hash" });
const ApiShape operationErrorShape = plain({ "code", "message" });
const ApiShape operationListItem = plain({ "operation_id", "operation_type", "status", "correlation_id",
                                             "is_executable", "created_at", "started_at", "finished_at" },
    { QStringLiteral("result"), QStringLiteral("error"), QStringLiteral("result_json_error"),
        QStringLiteral("error_json_error") });
const ApiShape lineageEdge = plain({ "source_entity_id", "edge_type", "target_entity_id", "created_at", "metadata" });
const ApiShape proposalEvent = plain({ "event_id", "proposal_id", "event_type", "from_state", "to_state",
    "actor_id", "occurred_at", "reason", "related_version_no" });
const ApiShape proposalApproval = plain({ "approval_id", "proposal_id", "approval_type", "approved", "actor_id",
    "occurred_at", "details", "related_version_no" });
const ApiShape proposalLineageVersion = plain({ "proposal_version_id", "version_no", "created_at",
    "status_at_creation", "request_hash", "simulation_hash", "artifact_hash" });
const ApiShape validationError = plain({ "type", "loc", "msg", "input", "ctx" });

} // namespace

const ApiShape runItem = plain(
    { "rebalance_run_id", "correlation_id", "request_hash", "idempotency_key", "portfolio_id", "status", "created_at" });
const ApiShape runListing = listing(runItem);
const ApiShape runLookup = plain(
    { "rebalance_run_id", "correlation_id", "request_hash", "idempotency_key", "portfolio_id", "created_at", "result" });
const ApiShape idempotencyLookup = plain({ "idempotency_key", "request_hash", "rebalance_run_id", "created_at" });
const ApiShape idempotencyHistory { { { QStringLiteral("idempotency_key"), nullptr },
                                        { QStringLiteral("history"), &historyItem } },
    {} };
const ApiShape summary = [] {
    ApiShape shape = plain({ "store_backend", "retention_days", "run_count", "operation_count",
        "operation_status_counts", "run_status_counts", "workflow_decision_count", "workflow_action_counts",
        "workflow_reason_code_counts", "lineage_edge_count", "oldest_run_created_at", "newest_run_created_at",
        "oldest_operation_created_at", "newest_operation_created_at" });
    shape.fields.append({ QStringLiteral("supportability"), &postureShape });
    return shape;
}();
const ApiShape artifact = [] {
    ApiShape shape = plain({ "artifact_id", "artifact_version", "rebalance_run_id", "correlation_id",
        "idempotency_key", "portfolio_id", "status" });
    shape.fields.append({ QStringLiteral("request_snapshot"), &requestSnapshotShape });
    for (const char *name :
        { "before_summary", "after_summary", "order_intents", "rule_outcomes", "diagnostics", "result" })
        shape.fields.append({ QString::fromLatin1(name), nullptr });
    shape.fields.append({ QStringLiteral("evidence"), &evidenceShape });
    return shape;
}();
const ApiShape operationStatus = [] {
    ApiShape shape = plain({ "operation_id", "operation_type", "status", "is_executable", "correlation_id",
        "created_at", "started_at", "finished_at", "result" });
    shape.fields.append({ QStringLiteral("error"), &operationErrorShape });
    return shape;
}();
const ApiShape operationListing = listing(operationListItem);
const ApiShape decision = plain(
    { "decision_id", "run_id", "action", "reason_code", "comment", "actor_id", "decided_at", "correlation_id" });
const ApiShape decisionListing = listing(decision);
const ApiShape workflowHistory { { { QStringLiteral("run_id"), nullptr }, { QStringLiteral("decisions"), &decision } },
    {} };
const ApiShape workflowState { { { QStringLiteral("run_id"), nullptr }, { QStringLiteral("run_status"), nullptr },
                                   { QStringLiteral("workflow_status"), nullptr },
                                   { QStringLiteral("requires_review"), nullptr },
                                   { QStringLiteral("latest_decision"), &decision } },
    {} };
const ApiShape lineage { { { QStringLiteral("entity_id"), nullptr }, { QStringLiteral("edges"), &lineageEdge },
                             { QStringLiteral("next_cursor"), nullptr } },
    {} };
const ApiShape supportBundle { { { QStringLiteral("run"), &runLookup }, { QStringLiteral("artifact"), &artifact },
                                   { QStringLiteral("async_operation"), &operationStatus },
                                   { QStringLiteral("workflow_history"), &workflowHistory },
                                   { QStringLiteral("lineage"), &lineage },
                                   { QStringLiteral("idempotency_history"), &idempotencyHistory } },
    {} };

const ApiShape proposalSummary = plain({ "proposal_id", "portfolio_id", "mandate_id", "jurisdiction", "created_by",
    "created_at", "last_event_at", "current_state", "current_version_no", "title" });
const ApiShape proposalListing = listing(proposalSummary);
const ApiShape proposalVersion = plain({ "proposal_version_id", "proposal_id", "version_no", "created_at",
    "request_hash", "artifact_hash", "simulation_hash", "status_at_creation", "proposal_result", "artifact",
    "evidence_bundle", "gate_decision" });
const ApiShape proposalDetail { { { QStringLiteral("proposal"), &proposalSummary },
                                    { QStringLiteral("current_version"), &proposalVersion },
                                    { QStringLiteral("last_gate_decision"), nullptr } },
    {} };
const ApiShape proposalTimeline { { { QStringLiteral("proposal_id"), nullptr },
                                      { QStringLiteral("current_state"), nullptr },
                                      { QStringLiteral("events"), &proposalEvent } },
    {} };
const ApiShape proposalApprovals { { { QStringLiteral("proposal_id"), nullptr },
                                       { QStringLiteral("approvals"), &proposalApproval } },
    {} };
const ApiShape proposalLineage { { { QStringLiteral("proposal"), &proposalSummary },
                                     { QStringLiteral("versions"), &proposalLineageVersion } },
    {} };
const ApiShape proposalIdempotency = plain(
    { "idempotency_key", "request_hash", "proposal_id", "proposal_version_no", "created_at" });
const ApiShape proposalOperation = plain({ "operation_id", "operation_type", "status", "correlation_id",
    "idempotency_key", "proposal_id", "created_by", "created_at", "started_at", "finished_at", "result", "error" });

const ApiShape detail = plain({ "detail" });
const ApiShape validationErrors { { { QStringLiteral("detail"), &validationError } }, {} };
const ApiShape problem = plain({ "type", "title", "status", "detail", "instance", "correlation_id" });
const ApiShape health = plain({ "status" });

} // namespace dpm::serve::shapes
