#include "servicereads.h"

#include "domain/canonicaljson.h"
#include "domain/error.h"
#include "remoteclient.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace dpm {

namespace {

const QString kDpm = QStringLiteral("/api/v1/rebalance");

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

std::optional<QString> optionalText(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    return v.toString();
}

std::optional<qint64> optionalNumber(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    return v.toInteger();
}

// A JSON column as the store keeps it: canonical text, or the raw text the API reported under
// "<key>_error" when the stored text was not JSON (Part A §11); nullopt for null.
std::optional<QString> optionalColumn(const QJsonObject &o, const char *key, const char *errorKey = nullptr)
{
    const QString errorName
        = errorKey ? QString::fromLatin1(errorKey) : QString(QLatin1String(key) + QStringLiteral("_json_error"));
    if (o.value(errorName).isObject())
        return o.value(errorName).toObject().value(QStringLiteral("raw")).toString();
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    return QString::fromUtf8(canonicalJson(v));
}

QString column(const QJsonObject &o, const char *key, const char *errorKey = nullptr)
{
    return optionalColumn(o, key, errorKey).value_or(QStringLiteral("null"));
}

void addFilter(QueryItems &query, const char *name, const std::optional<QString> &value)
{
    if (value)
        query.append({ QLatin1String(name), *value });
}

// A lookup's not-found answer (the service's 404 code) is "no row"; a missing route is not.
template <typename T> std::optional<T> unlessNotFound(const std::function<T()> &read)
{
    try {
        return read();
    } catch (const Error &error) {
        if (error.kind() == ErrorKind::NotFound && error.code() != QLatin1String("REMOTE_NOT_FOUND_ROUTE"))
            return std::nullopt;
        throw;
    }
}

// A listing of any limit through pages of at most `maxLimit` (the API's own range).
template <typename T>
Page<T> pagedList(RemoteClient &client, const QString &path, const QueryItems &filters, const PageRequest &page,
    int maxLimit, const std::function<T(const QJsonObject &)> &parse)
{
    if (page.limit < 1) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_LIMIT"),
            QStringLiteral("The page size must be at least 1."));
    }
    Page<T> out;
    std::optional<QString> cursor = page.cursor;
    int remaining = page.limit;
    while (true) {
        QueryItems query = filters;
        query.append({ QStringLiteral("limit"), QString::number(std::min(remaining, maxLimit)) });
        if (cursor && !cursor->isEmpty())
            query.append({ QStringLiteral("cursor"), *cursor });
        const QJsonObject answer = client.getJson(path, query);
        const QJsonArray items = answer.value(QStringLiteral("items")).toArray();
        for (const QJsonValue &item : items)
            out.items.append(parse(item.toObject()));
        remaining -= int(items.size());
        cursor = optionalText(answer, "next_cursor");
        if (!cursor || remaining <= 0 || items.isEmpty()) {
            out.nextCursor = cursor;
            return out;
        }
    }
}

RebalanceRun runFrom(const QJsonObject &o)
{
    return { text(o, "rebalance_run_id"), text(o, "correlation_id"), text(o, "request_hash"),
        optionalText(o, "idempotency_key"), text(o, "portfolio_id"), text(o, "created_at"),
        column(o, "result", "result_json_error") };
}

RunListItem runItemFrom(const QJsonObject &o)
{
    return { text(o, "rebalance_run_id"), text(o, "correlation_id"), text(o, "request_hash"),
        optionalText(o, "idempotency_key"), text(o, "portfolio_id"), text(o, "status"), text(o, "created_at") };
}

AsyncOperation operationFrom(const QJsonObject &o)
{
    AsyncOperation op;
    op.operationId = text(o, "operation_id");
    op.operationType = text(o, "operation_type");
    op.status = text(o, "status");
    op.correlationId = text(o, "correlation_id");
    op.createdAt = text(o, "created_at");
    op.startedAt = optionalText(o, "started_at");
    op.finishedAt = optionalText(o, "finished_at");
    op.resultJson = optionalColumn(o, "result", "result_json_error");
    op.errorJson = optionalColumn(o, "error", "error_json_error");
    // The API shows only whether a request is stored, not the request.
    if (o.value(QStringLiteral("is_executable")).toBool())
        op.requestJson = QStringLiteral("{}");
    return op;
}

WorkflowDecision decisionFrom(const QJsonObject &o)
{
    return { text(o, "decision_id"), text(o, "run_id"), text(o, "action"), text(o, "reason_code"),
        optionalText(o, "comment"), text(o, "actor_id"), text(o, "decided_at"), text(o, "correlation_id") };
}

QList<WorkflowDecision> decisionsFrom(const QJsonArray &array)
{
    QList<WorkflowDecision> out;
    for (const QJsonValue &item : array)
        out.append(decisionFrom(item.toObject()));
    return out;
}

LineageEdge edgeFrom(const QJsonObject &o)
{
    return { text(o, "source_entity_id"), text(o, "edge_type"), text(o, "target_entity_id"), text(o, "created_at"),
        column(o, "metadata", "metadata_json_error") };
}

QList<IdempotencyHistoryEntry> historyFrom(const QJsonObject &o)
{
    QList<IdempotencyHistoryEntry> out;
    const QString key = text(o, "idempotency_key");
    for (const QJsonValue &item : o.value(QStringLiteral("history")).toArray()) {
        const QJsonObject h = item.toObject();
        out.append({ key, text(h, "rebalance_run_id"), text(h, "correlation_id"), text(h, "request_hash"),
            text(h, "created_at") });
    }
    return out;
}

QMap<QString, qint64> countsFrom(const QJsonValue &value)
{
    QMap<QString, qint64> out;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toInteger());
    return out;
}

ProposalRecord proposalFrom(const QJsonObject &o)
{
    ProposalRecord p;
    p.proposalId = text(o, "proposal_id");
    p.portfolioId = text(o, "portfolio_id");
    p.mandateId = optionalText(o, "mandate_id");
    p.jurisdiction = optionalText(o, "jurisdiction");
    p.createdBy = text(o, "created_by");
    p.createdAt = text(o, "created_at");
    p.lastEventAt = text(o, "last_event_at");
    p.currentState = text(o, "current_state");
    p.currentVersionNo = o.value(QStringLiteral("current_version_no")).toInteger();
    p.title = optionalText(o, "title");
    return p; // advisor_notes is never exposed
}

ProposalVersion versionFrom(const QJsonObject &o)
{
    ProposalVersion v;
    v.proposalVersionId = text(o, "proposal_version_id");
    v.proposalId = text(o, "proposal_id");
    v.versionNo = o.value(QStringLiteral("version_no")).toInteger();
    v.createdAt = text(o, "created_at");
    v.requestHash = text(o, "request_hash");
    v.artifactHash = text(o, "artifact_hash");
    v.simulationHash = text(o, "simulation_hash");
    v.statusAtCreation = text(o, "status_at_creation");
    v.proposalResultJson = column(o, "proposal_result", "proposal_result_json_error");
    v.artifactJson = column(o, "artifact", "artifact_json_error");
    v.evidenceBundleJson = column(o, "evidence_bundle", "evidence_bundle_json_error");
    v.gateDecisionJson = optionalColumn(o, "gate_decision", "gate_decision_json_error");
    return v;
}

ProposalAsyncOperation proposalOperationFrom(const QJsonObject &o)
{
    ProposalAsyncOperation op;
    op.operationId = text(o, "operation_id");
    op.operationType = text(o, "operation_type");
    op.status = text(o, "status");
    op.correlationId = text(o, "correlation_id");
    op.idempotencyKey = optionalText(o, "idempotency_key");
    op.proposalId = optionalText(o, "proposal_id");
    op.createdBy = text(o, "created_by");
    op.createdAt = text(o, "created_at");
    op.startedAt = optionalText(o, "started_at");
    op.finishedAt = optionalText(o, "finished_at");
    op.resultJson = optionalColumn(o, "result", "result_json_error");
    op.errorJson = optionalColumn(o, "error", "error_json_error");
    return op;
}

QString proposalPath(const QString &id)
{
    return kDpm + QStringLiteral("/proposals/") + remotePathSegment(id);
}

} // namespace

std::optional<RebalanceRun> ServiceReads::getRun(const QString &id)
{
    return unlessNotFound<RebalanceRun>(
        [&] { return runFrom(m_client.getJson(kDpm + QStringLiteral("/runs/") + remotePathSegment(id))); });
}

std::optional<RebalanceRun> ServiceReads::getRunByCorrelation(const QString &correlationId)
{
    return unlessNotFound<RebalanceRun>([&] {
        return runFrom(m_client.getJson(kDpm + QStringLiteral("/runs/by-correlation/") + remotePathSegment(correlationId)));
    });
}

std::optional<RebalanceRun> ServiceReads::getRunByRequestHash(const QString &requestHash)
{
    return unlessNotFound<RebalanceRun>([&] {
        return runFrom(m_client.getJson(kDpm + QStringLiteral("/runs/by-request-hash/") + remotePathSegment(requestHash)));
    });
}

Page<RunListItem> ServiceReads::listRuns(const RunFilter &filter, const PageRequest &page)
{
    QueryItems query;
    addFilter(query, "created_from", filter.createdFrom);
    addFilter(query, "created_to", filter.createdTo);
    addFilter(query, "status_filter", filter.status);
    addFilter(query, "request_hash", filter.requestHash);
    addFilter(query, "portfolio_id", filter.portfolioId);
    return pagedList<RunListItem>(m_client, kDpm + QStringLiteral("/runs"), query, page, 200, runItemFrom);
}

std::optional<RunArtifact> ServiceReads::getRunArtifact(const QString &runId)
{
    return unlessNotFound<RunArtifact>([&] {
        const QJsonObject artifact
            = m_client.getJson(kDpm + QStringLiteral("/runs/") + remotePathSegment(runId) + QStringLiteral("/artifact"));
        return RunArtifact { runId, QString::fromUtf8(canonicalJson(artifact)) };
    });
}

std::optional<IdempotencyMapping> ServiceReads::getIdempotencyMapping(const QString &key)
{
    return unlessNotFound<IdempotencyMapping>([&] {
        const QJsonObject o = m_client.getJson(kDpm + QStringLiteral("/runs/idempotency/") + remotePathSegment(key));
        return IdempotencyMapping { text(o, "idempotency_key"), text(o, "request_hash"), text(o, "rebalance_run_id"),
            text(o, "created_at") };
    });
}

QList<IdempotencyHistoryEntry> ServiceReads::listIdempotencyHistory(const QString &key)
{
    return unlessNotFound<QList<IdempotencyHistoryEntry>>([&] {
        return historyFrom(m_client.getJson(
            kDpm + QStringLiteral("/idempotency/") + remotePathSegment(key) + QStringLiteral("/history")));
    }).value_or(QList<IdempotencyHistoryEntry> {});
}

std::optional<AsyncOperation> ServiceReads::getOperation(const QString &id)
{
    return unlessNotFound<AsyncOperation>(
        [&] { return operationFrom(m_client.getJson(kDpm + QStringLiteral("/operations/") + remotePathSegment(id))); });
}

std::optional<AsyncOperation> ServiceReads::getOperationByCorrelation(const QString &correlationId)
{
    return unlessNotFound<AsyncOperation>([&] {
        return operationFrom(
            m_client.getJson(kDpm + QStringLiteral("/operations/by-correlation/") + remotePathSegment(correlationId)));
    });
}

Page<AsyncOperation> ServiceReads::listOperations(const OperationFilter &filter, const PageRequest &page)
{
    QueryItems query;
    addFilter(query, "created_from", filter.createdFrom);
    addFilter(query, "created_to", filter.createdTo);
    addFilter(query, "operation_type", filter.operationType);
    addFilter(query, "status_filter", filter.status);
    addFilter(query, "correlation_id", filter.correlationId);
    return pagedList<AsyncOperation>(m_client, kDpm + QStringLiteral("/operations"), query, page, 200, operationFrom);
}

QList<WorkflowDecision> ServiceReads::listWorkflowDecisions(const QString &runId)
{
    return unlessNotFound<QList<WorkflowDecision>>([&] {
        const QJsonObject o = m_client.getJson(
            kDpm + QStringLiteral("/runs/") + remotePathSegment(runId) + QStringLiteral("/workflow/history"));
        return decisionsFrom(o.value(QStringLiteral("decisions")).toArray());
    }).value_or(QList<WorkflowDecision> {});
}

std::optional<WorkflowHistory> ServiceReads::getWorkflowHistoryByCorrelation(const QString &correlationId)
{
    return unlessNotFound<WorkflowHistory>([&] {
        const QJsonObject o = m_client.getJson(
            kDpm + QStringLiteral("/workflow/decisions/by-correlation/") + remotePathSegment(correlationId));
        return WorkflowHistory { text(o, "run_id"), decisionsFrom(o.value(QStringLiteral("decisions")).toArray()) };
    });
}

Page<WorkflowDecision> ServiceReads::listWorkflowDecisionsFiltered(const DecisionFilter &filter, const PageRequest &page)
{
    QueryItems query;
    addFilter(query, "rebalance_run_id", filter.rebalanceRunId);
    addFilter(query, "action", filter.action);
    addFilter(query, "actor_id", filter.actorId);
    addFilter(query, "reason_code", filter.reasonCode);
    addFilter(query, "decided_from", filter.decidedFrom);
    addFilter(query, "decided_to", filter.decidedTo);
    return pagedList<WorkflowDecision>(
        m_client, kDpm + QStringLiteral("/workflow/decisions"), query, page, 200, decisionFrom);
}

QList<LineageEdge> ServiceReads::listLineageEdges(const QString &entityId)
{
    QList<LineageEdge> out;
    std::optional<QString> cursor;
    do {
        const Page<LineageEdge> page = listLineageEdgesPage(entityId, {}, { 200, cursor });
        out += page.items;
        cursor = page.nextCursor;
    } while (cursor);
    return out;
}

Page<LineageEdge> ServiceReads::listLineageEdgesPage(
    const QString &entityId, const LineageFilter &filter, const PageRequest &page)
{
    QueryItems query;
    addFilter(query, "edge_type", filter.edgeType);
    addFilter(query, "created_from", filter.createdFrom);
    addFilter(query, "created_to", filter.createdTo);
    // The lineage answer is {entity_id, edges, next_cursor}: read it as a listing of edges.
    if (page.limit < 1) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_LIMIT"),
            QStringLiteral("The page size must be at least 1."));
    }
    query.append({ QStringLiteral("limit"), QString::number(std::min(page.limit, 200)) });
    if (page.cursor && !page.cursor->isEmpty())
        query.append({ QStringLiteral("cursor"), *page.cursor });
    const QJsonObject o = m_client.getJson(kDpm + QStringLiteral("/lineage/") + remotePathSegment(entityId), query);
    Page<LineageEdge> out;
    for (const QJsonValue &edge : o.value(QStringLiteral("edges")).toArray())
        out.items.append(edgeFrom(edge.toObject()));
    out.nextCursor = optionalText(o, "next_cursor");
    return out;
}

SupportabilitySummary ServiceReads::getSupportabilitySummary()
{
    const QJsonObject o = m_client.getJson(kDpm + QStringLiteral("/supportability/summary"));
    SupportabilitySummary s;
    s.runCount = o.value(QStringLiteral("run_count")).toInteger();
    s.operationCount = o.value(QStringLiteral("operation_count")).toInteger();
    s.operationStatusCounts = countsFrom(o.value(QStringLiteral("operation_status_counts")));
    s.runStatusCounts = countsFrom(o.value(QStringLiteral("run_status_counts")));
    s.workflowDecisionCount = o.value(QStringLiteral("workflow_decision_count")).toInteger();
    s.workflowActionCounts = countsFrom(o.value(QStringLiteral("workflow_action_counts")));
    s.workflowReasonCodeCounts = countsFrom(o.value(QStringLiteral("workflow_reason_code_counts")));
    s.lineageEdgeCount = o.value(QStringLiteral("lineage_edge_count")).toInteger();
    s.oldestRunCreatedAt = optionalText(o, "oldest_run_created_at");
    s.newestRunCreatedAt = optionalText(o, "newest_run_created_at");
    s.oldestOperationCreatedAt = optionalText(o, "oldest_operation_created_at");
    s.newestOperationCreatedAt = optionalText(o, "newest_operation_created_at");
    return s;
}

SupportBundleRows ServiceReads::loadSupportBundle(const SupportBundleEntry &entry, const SupportBundleOptions &options)
{
    // One request: the bundle carries the workflow history and lineage even where their own
    // endpoints are switched off.
    QString path = kDpm + QStringLiteral("/runs/");
    switch (entry.kind) {
    case SupportBundleEntry::Kind::RunId:
        break;
    case SupportBundleEntry::Kind::Correlation:
        path += QStringLiteral("by-correlation/");
        break;
    case SupportBundleEntry::Kind::IdempotencyKey:
        path += QStringLiteral("idempotency/");
        break;
    case SupportBundleEntry::Kind::OperationId:
        path += QStringLiteral("by-operation/");
        break;
    }
    path += remotePathSegment(entry.value) + QStringLiteral("/support-bundle");
    const auto flag = [](bool on) { return on ? QStringLiteral("true") : QStringLiteral("false"); };
    const QueryItems query { { QStringLiteral("include_artifact"), flag(options.includeArtifact) },
        { QStringLiteral("include_async_operation"), flag(options.includeAsyncOperation) },
        { QStringLiteral("include_idempotency_history"), flag(options.includeIdempotencyHistory) } };
    SupportBundleRows rows;
    const std::optional<QJsonObject> bundle
        = unlessNotFound<QJsonObject>([&] { return m_client.getJson(path, query); });
    if (!bundle)
        return rows;
    rows.entryFound = true;
    rows.run = runFrom(bundle->value(QStringLiteral("run")).toObject());
    if (bundle->value(QStringLiteral("artifact")).isObject()) {
        rows.artifact = RunArtifact { rows.run->rebalanceRunId,
            QString::fromUtf8(canonicalJson(bundle->value(QStringLiteral("artifact")))) };
    }
    if (bundle->value(QStringLiteral("async_operation")).isObject())
        rows.operation = operationFrom(bundle->value(QStringLiteral("async_operation")).toObject());
    rows.decisions = decisionsFrom(
        bundle->value(QStringLiteral("workflow_history")).toObject().value(QStringLiteral("decisions")).toArray());
    for (const QJsonValue &edge :
        bundle->value(QStringLiteral("lineage")).toObject().value(QStringLiteral("edges")).toArray())
        rows.edges.append(edgeFrom(edge.toObject()));
    if (bundle->value(QStringLiteral("idempotency_history")).isObject())
        rows.idempotencyHistory = historyFrom(bundle->value(QStringLiteral("idempotency_history")).toObject());
    return rows;
}

Page<ProposalRecord> ServiceReads::listProposals(const ProposalFilter &filter, const PageRequest &page)
{
    QueryItems query;
    addFilter(query, "portfolio_id", filter.portfolioId);
    addFilter(query, "state", filter.state);
    addFilter(query, "created_by", filter.createdBy);
    addFilter(query, "created_from", filter.createdFrom);
    addFilter(query, "created_to", filter.createdTo);
    return pagedList<ProposalRecord>(m_client, kDpm + QStringLiteral("/proposals"), query, page, 100, proposalFrom);
}

std::optional<ProposalRecord> ServiceReads::getProposal(const QString &id)
{
    return unlessNotFound<ProposalRecord>([&] {
        return proposalFrom(m_client.getJson(proposalPath(id)).value(QStringLiteral("proposal")).toObject());
    });
}

std::optional<ProposalVersion> ServiceReads::getCurrentVersion(const QString &id)
{
    return unlessNotFound<ProposalVersion>([&] {
        return versionFrom(m_client.getJson(proposalPath(id)).value(QStringLiteral("current_version")).toObject());
    });
}

std::optional<ProposalVersion> ServiceReads::getVersion(const QString &id, qint64 versionNo)
{
    if (versionNo < 1)
        return std::nullopt;
    return unlessNotFound<ProposalVersion>([&] {
        return versionFrom(m_client.getJson(proposalPath(id) + QStringLiteral("/versions/") + QString::number(versionNo)));
    });
}

QList<ProposalVersionHeader> ServiceReads::listVersions(const QString &id)
{
    QList<ProposalVersionHeader> out;
    const std::optional<QJsonObject> lineage
        = unlessNotFound<QJsonObject>([&] { return m_client.getJson(proposalPath(id) + QStringLiteral("/lineage")); });
    if (!lineage)
        return out;
    for (const QJsonValue &item : lineage->value(QStringLiteral("versions")).toArray()) {
        const QJsonObject o = item.toObject();
        out.append({ text(o, "proposal_version_id"), id, o.value(QStringLiteral("version_no")).toInteger(),
            text(o, "created_at"), text(o, "request_hash"), text(o, "artifact_hash"), text(o, "simulation_hash"),
            text(o, "status_at_creation") });
    }
    return out;
}

QList<ProposalWorkflowEvent> ServiceReads::listEvents(const QString &id)
{
    QList<ProposalWorkflowEvent> out;
    const std::optional<QJsonObject> timeline = unlessNotFound<QJsonObject>(
        [&] { return m_client.getJson(proposalPath(id) + QStringLiteral("/workflow-events")); });
    if (!timeline)
        return out;
    for (const QJsonValue &item : timeline->value(QStringLiteral("events")).toArray()) {
        const QJsonObject o = item.toObject();
        out.append({ text(o, "event_id"), text(o, "proposal_id"), text(o, "event_type"), optionalText(o, "from_state"),
            text(o, "to_state"), text(o, "actor_id"), text(o, "occurred_at"), column(o, "reason", "reason_json_error"),
            optionalNumber(o, "related_version_no") });
    }
    return out;
}

QList<ProposalApproval> ServiceReads::listApprovals(const QString &id)
{
    QList<ProposalApproval> out;
    const std::optional<QJsonObject> approvals = unlessNotFound<QJsonObject>(
        [&] { return m_client.getJson(proposalPath(id) + QStringLiteral("/approvals")); });
    if (!approvals)
        return out;
    for (const QJsonValue &item : approvals->value(QStringLiteral("approvals")).toArray()) {
        const QJsonObject o = item.toObject();
        out.append({ text(o, "approval_id"), text(o, "proposal_id"), text(o, "approval_type"),
            o.value(QStringLiteral("approved")).toBool(), text(o, "actor_id"), text(o, "occurred_at"),
            column(o, "details", "details_json_error"), optionalNumber(o, "related_version_no") });
    }
    return out;
}

std::optional<ProposalIdempotency> ServiceReads::getProposalIdempotency(const QString &key)
{
    return unlessNotFound<ProposalIdempotency>([&] {
        const QJsonObject o = m_client.getJson(kDpm + QStringLiteral("/proposals/idempotency/") + remotePathSegment(key));
        return ProposalIdempotency { text(o, "idempotency_key"), text(o, "request_hash"), text(o, "proposal_id"),
            o.value(QStringLiteral("proposal_version_no")).toInteger(), text(o, "created_at") };
    });
}

std::optional<ProposalAsyncOperation> ServiceReads::getProposalOperation(const QString &id, bool byCorrelation)
{
    return unlessNotFound<ProposalAsyncOperation>([&] {
        return proposalOperationFrom(m_client.getJson(kDpm + QStringLiteral("/proposals/operations/")
            + (byCorrelation ? QStringLiteral("by-correlation/") : QString()) + remotePathSegment(id)));
    });
}

std::optional<ProposalAggregate> ServiceReads::loadAggregate(const QString &id)
{
    const std::optional<ProposalRecord> proposal = getProposal(id);
    if (!proposal)
        return std::nullopt;
    ProposalAggregate aggregate;
    aggregate.proposal = *proposal;
    aggregate.versions = listVersions(id);
    aggregate.events = listEvents(id);
    aggregate.approvals = listApprovals(id);
    return aggregate; // the API lists neither a proposal's operations nor its idempotency keys
}

} // namespace dpm
