#include "apijson.h"

#include "domain/canonicaljson.h"
#include "domain/jsonkey.h"
#include "domain/purgereport.h"

#include <QJsonDocument>

#include <algorithm>
#include <tuple>

namespace dpm {

namespace {

using json::key;

QJsonValue countMapJson(const QMap<QString, qint64> &counts)
{
    QJsonObject out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

} // namespace

QJsonValue nullableJson(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

void insertParsedJson(
    QJsonObject &out, const QString &field, const std::optional<QString> &text, const QString &errorKey)
{
    if (!text) {
        out.insert(field, QJsonValue::Null);
        return;
    }
    QString message;
    const QJsonValue value = parseJsonText(*text, &message);
    if (value.isUndefined()) {
        out.insert(field, QJsonValue::Null);
        out.insert(errorKey, QJsonObject { { key("message"), message }, { key("raw"), *text } });
        return;
    }
    out.insert(field, value);
}

QJsonObject runLookupJson(const RebalanceRun &run)
{
    QJsonObject out { { key("rebalance_run_id"), run.rebalanceRunId }, { key("correlation_id"), run.correlationId },
        { key("request_hash"), run.requestHash }, { key("idempotency_key"), nullableJson(run.idempotencyKey) },
        { key("portfolio_id"), run.portfolioId }, { key("created_at"), run.createdAt } };
    insertParsedJson(out, key("result"), run.resultJson, key("result_json_error"));
    return out;
}

QJsonObject runListItemJson(const RunListItem &item)
{
    return { { key("rebalance_run_id"), item.rebalanceRunId }, { key("correlation_id"), item.correlationId },
        { key("request_hash"), item.requestHash }, { key("idempotency_key"), nullableJson(item.idempotencyKey) },
        { key("portfolio_id"), item.portfolioId }, { key("status"), item.status },
        { key("created_at"), item.createdAt } };
}

QJsonObject operationJson(const AsyncOperation &operation)
{
    QJsonObject out { { key("operation_id"), operation.operationId },
        { key("operation_type"), operation.operationType }, { key("status"), operation.status },
        { key("is_executable"), operation.isExecutable() }, { key("correlation_id"), operation.correlationId },
        { key("created_at"), operation.createdAt }, { key("started_at"), nullableJson(operation.startedAt) },
        { key("finished_at"), nullableJson(operation.finishedAt) } };
    insertParsedJson(out, key("result"), operation.resultJson, key("result_json_error"));
    insertParsedJson(out, key("error"), operation.errorJson, key("error_json_error"));
    // The view shows {code, message}; a stored object with other keys keeps only those two.
    const QJsonValue error = out.value(key("error"));
    if (error.isObject()) {
        const QJsonObject stored = error.toObject();
        QJsonObject view;
        for (const char *name : { "code", "message" }) {
            if (stored.contains(key(name)))
                view.insert(key(name), stored.value(key(name)));
        }
        out.insert(key("error"), view);
    }
    return out;
}

QJsonObject decisionJson(const WorkflowDecision &decision)
{
    return { { key("decision_id"), decision.decisionId }, { key("run_id"), decision.runId },
        { key("action"), decision.action }, { key("reason_code"), decision.reasonCode },
        { key("comment"), nullableJson(decision.comment) }, { key("actor_id"), decision.actorId },
        { key("decided_at"), decision.decidedAt }, { key("correlation_id"), decision.correlationId } };
}

QJsonObject lineageEdgeJson(const LineageEdge &edge)
{
    QJsonObject out { { key("source_entity_id"), edge.sourceEntityId }, { key("edge_type"), edge.edgeType },
        { key("target_entity_id"), edge.targetEntityId }, { key("created_at"), edge.createdAt } };
    insertParsedJson(out, key("metadata"), edge.metadataJson, key("metadata_json_error"));
    return out;
}

QJsonObject idempotencyMappingJson(const IdempotencyMapping &mapping)
{
    return { { key("idempotency_key"), mapping.idempotencyKey }, { key("request_hash"), mapping.requestHash },
        { key("rebalance_run_id"), mapping.rebalanceRunId }, { key("created_at"), mapping.createdAt } };
}

QJsonObject idempotencyHistoryItemJson(const IdempotencyHistoryEntry &entry)
{
    return { { key("rebalance_run_id"), entry.rebalanceRunId }, { key("correlation_id"), entry.correlationId },
        { key("request_hash"), entry.requestHash }, { key("created_at"), entry.createdAt } };
}

QJsonObject idempotencyHistoryJson(const QString &idempotencyKey, QList<IdempotencyHistoryEntry> entries)
{
    std::stable_sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) {
        return std::tie(a.createdAt, a.rebalanceRunId, a.correlationId, a.requestHash)
            < std::tie(b.createdAt, b.rebalanceRunId, b.correlationId, b.requestHash);
    });
    QJsonArray history;
    for (const auto &entry : entries)
        history.append(idempotencyHistoryItemJson(entry));
    return { { key("idempotency_key"), idempotencyKey }, { key("history"), history } };
}

namespace {

QJsonArray decisionsArray(const QList<WorkflowDecision> &decisions)
{
    QJsonArray out;
    for (const auto &decision : decisions)
        out.append(decisionJson(decision));
    return out;
}

} // namespace

QJsonObject workflowHistoryJson(const QString &runId, const QList<WorkflowDecision> &decisions)
{
    return { { key("run_id"), runId }, { key("decisions"), decisionsArray(decisions) } };
}

QJsonObject lineageJson(const QString &entityId, const QList<LineageEdge> &edges)
{
    QJsonArray items;
    for (const auto &edge : edges)
        items.append(lineageEdgeJson(edge));
    return { { key("entity_id"), entityId }, { key("edges"), items }, { key("next_cursor"), QJsonValue::Null } };
}

QJsonObject listingJson(const QJsonArray &items, const std::optional<QString> &nextCursor)
{
    return { { key("items"), items }, { key("next_cursor"), nullableJson(nextCursor) } };
}

QJsonObject summaryJson(const SupportabilitySummary &summary, const QString &storeBackend, int retentionDays,
    const QJsonObject &supportability)
{
    return { { key("store_backend"), storeBackend }, { key("retention_days"), retentionDays },
        { key("run_count"), summary.runCount }, { key("operation_count"), summary.operationCount },
        { key("operation_status_counts"), countMapJson(summary.operationStatusCounts) },
        { key("run_status_counts"), countMapJson(summary.runStatusCounts) },
        { key("workflow_decision_count"), summary.workflowDecisionCount },
        { key("workflow_action_counts"), countMapJson(summary.workflowActionCounts) },
        { key("workflow_reason_code_counts"), countMapJson(summary.workflowReasonCodeCounts) },
        { key("lineage_edge_count"), summary.lineageEdgeCount },
        { key("oldest_run_created_at"), nullableJson(summary.oldestRunCreatedAt) },
        { key("newest_run_created_at"), nullableJson(summary.newestRunCreatedAt) },
        { key("oldest_operation_created_at"), nullableJson(summary.oldestOperationCreatedAt) },
        { key("newest_operation_created_at"), nullableJson(summary.newestOperationCreatedAt) },
        { key("supportability"), supportability } };
}

QJsonObject proposalCountsJson(const ProposalCounts &counts)
{
    return { { key("proposal_count"), counts.proposalCount },
        { key("state_counts"), countMapJson(counts.stateCounts) }, { key("version_count"), counts.versionCount },
        { key("event_count"), counts.eventCount }, { key("approval_count"), counts.approvalCount },
        { key("approval_outcome_counts"), countMapJson(counts.approvalOutcomeCounts) },
        { key("operation_count"), counts.operationCount },
        { key("oldest_proposal_created_at"), nullableJson(counts.oldestProposalCreatedAt) },
        { key("newest_proposal_created_at"), nullableJson(counts.newestProposalCreatedAt) } };
}

QJsonObject purgeReportJson(const PurgeReport &report)
{
    qint64 total = 0;
    for (const qint64 n : report.deleted)
        total += n;
    return { { key("dry_run"), report.dryRun },
        { key("cutoff"), report.cutoff.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(report.cutoff) },
        { key("deleted"), countMapJson(report.deleted) }, { key("total"), total } };
}

QByteArray apiJsonDocumentBytes(const QJsonObject &document)
{
    QByteArray bytes = QJsonDocument(document).toJson(QJsonDocument::Indented);
    if (!bytes.endsWith('\n'))
        bytes += '\n';
    return bytes;
}

} // namespace dpm
