// The DPM read endpoints of http-api.md §3: each one a thin caller of core/services (the same
// functions dpmctl's commands call) and of the shapes that give the service's field order.

#include "apiendpoints.h"

#include "apishapes.h"
#include "domain/apijson.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "services/lineage.h"
#include "services/runlookup.h"
#include "services/summaryposture.h"
#include "services/supportbundle.h"
#include "services/workflowhistory.h"
#include "store/supportstore.h"

namespace dpm::serve {

namespace {

using Kind = ParameterSpec::Kind;

const QString kSupportBundleFlag = QStringLiteral("DPM_SUPPORT_BUNDLE_APIS_ENABLED");
const QString kArtifactsFlag = QStringLiteral("DPM_ARTIFACTS_ENABLED");
const QString kRunOperationsFlag = QStringLiteral("DPM_ASYNC_OPERATIONS_ENABLED");
const QString kWorkflowFlag = QStringLiteral("DPM_WORKFLOW_ENABLED");
const QString kLineageFlag = QStringLiteral("DPM_LINEAGE_APIS_ENABLED");
const QString kHistoryFlag = QStringLiteral("DPM_IDEMPOTENCY_HISTORY_APIS_ENABLED");
const QString kSummaryFlag = QStringLiteral("DPM_SUPPORTABILITY_SUMMARY_APIS_ENABLED");

using params::boolean;
using params::limit;
using params::text;
using params::timestamp;

QList<ParameterSpec> bundleParameters()
{
    return { boolean("include_artifact"), boolean("include_async_operation"),
        boolean("include_idempotency_history") };
}

PageRequest pageOf(const EndpointCall &call)
{
    return { call.query.limit, call.query.text(QStringLiteral("cursor")) };
}

// A cursor the store cannot read names no row for the service: an empty page, not an error.
template <typename T, typename Read> Page<T> readPage(Read read)
{
    try {
        return read();
    } catch (const Error &error) {
        if (error.code() == QLatin1String("INVALID_CURSOR"))
            return {};
        throw;
    }
}

QByteArray runLookupBytes(const RebalanceRun &run)
{
    return apiJsonBytes(runLookupJson(run), &shapes::runLookup);
}

QByteArray bundleBytes(SupportStore &store, const EndpointCall &call, SupportBundleEntry::Kind kind)
{
    SupportBundleOptions options;
    options.includeArtifact = call.query.boolean(QStringLiteral("include_artifact"));
    options.includeAsyncOperation = call.query.boolean(QStringLiteral("include_async_operation"));
    options.includeIdempotencyHistory = call.query.boolean(QStringLiteral("include_idempotency_history"));
    const SupportBundle bundle = buildSupportBundle(store, { kind, call.pathValues.value(0) }, options);
    return apiJsonBytes(supportBundleJson(bundle), &shapes::supportBundle);
}

QByteArray workflowStateBytes(SupportStore &store, const EndpointCall &call, const RebalanceRun &run)
{
    return apiJsonBytes(workflowStateJson(workflowStateOfRun(store, run, call.settings->workflow)),
        &shapes::workflowState);
}

QByteArray historyBytes(const WorkflowHistory &history)
{
    return apiJsonBytes(workflowHistoryJson(history.runId, history.decisions), &shapes::workflowHistory);
}

QList<Endpoint> makeApiEndpoints()
{
    using K = SupportBundleEntry::Kind;
    QList<Endpoint> out;
    out.append({ QStringLiteral("/rebalance/runs"),
        { timestamp("created_from", "from"), timestamp("created_to", "to"), text("status_filter", "status"),
            text("request_hash"), text("portfolio_id"), limit(), text("cursor") },
        {}, true, [](SupportStore &store, const EndpointCall &call) {
            RunFilter filter;
            filter.createdFrom = call.query.text(QStringLiteral("created_from"));
            filter.createdTo = call.query.text(QStringLiteral("created_to"));
            filter.status = call.query.text(QStringLiteral("status_filter"));
            filter.requestHash = call.query.text(QStringLiteral("request_hash"));
            filter.portfolioId = call.query.text(QStringLiteral("portfolio_id"));
            const auto page = withServiceCursor(
                readPage<RunListItem>([&] { return store.listRuns(filter, pageOf(call)); }),
                [](const RunListItem &item) { return item.rebalanceRunId; });
            return apiJsonBytes(listingJson(page, runListItemJson), &shapes::runListing);
        } });
    out.append({ QStringLiteral("/rebalance/supportability/summary"), {}, { kSummaryFlag }, true,
        [](SupportStore &store, const EndpointCall &call) {
            return apiJsonBytes(summaryDocument(store.getSupportabilitySummary(), store.backend(),
                                    call.settings->retentionDays, nowTimestamp()),
                &shapes::summary);
        } });
    out.append({ QStringLiteral("/rebalance/runs/by-correlation/{correlation_id}"), {}, {}, true,
        [](SupportStore &store, const EndpointCall &call) {
            return runLookupBytes(requireRunByCorrelation(store, call.pathValues.value(0)));
        } });
    out.append({ QStringLiteral("/rebalance/runs/by-request-hash/{request_hash}"), {}, {}, true,
        [](SupportStore &store, const EndpointCall &call) {
            return runLookupBytes(requireRunByRequestHash(store, call.pathValues.value(0)));
        } });
    out.append({ QStringLiteral("/rebalance/runs/idempotency/{idempotency_key}"), {}, {}, true,
        [](SupportStore &store, const EndpointCall &call) {
            return apiJsonBytes(idempotencyMappingJson(requireIdempotencyMapping(store, call.pathValues.value(0))),
                &shapes::idempotencyLookup);
        } });
    out.append({ QStringLiteral("/rebalance/idempotency/{idempotency_key}/history"), {}, { kHistoryFlag }, true,
        [](SupportStore &store, const EndpointCall &call) {
            const QString key = call.pathValues.value(0);
            return apiJsonBytes(
                idempotencyHistoryJson(key, requireIdempotencyHistory(store, key)), &shapes::idempotencyHistory);
        } });
    out.append({ QStringLiteral("/rebalance/runs/{rebalance_run_id}"), {}, {}, true,
        [](SupportStore &store, const EndpointCall &call) {
            return runLookupBytes(requireRun(store, call.pathValues.value(0)));
        } });
    const QList<std::pair<QString, K>> bundleEntries { { QStringLiteral("/rebalance/runs/{rebalance_run_id}"), K::RunId },
        { QStringLiteral("/rebalance/runs/by-correlation/{correlation_id}"), K::Correlation },
        { QStringLiteral("/rebalance/runs/idempotency/{idempotency_key}"), K::IdempotencyKey },
        { QStringLiteral("/rebalance/runs/by-operation/{operation_id}"), K::OperationId } };
    for (const auto &[prefix, kind] : bundleEntries) {
        out.append({ prefix + QStringLiteral("/support-bundle"), bundleParameters(), { kSupportBundleFlag }, true,
            [kind](SupportStore &store, const EndpointCall &call) { return bundleBytes(store, call, kind); } });
    }
    out.append({ QStringLiteral("/rebalance/runs/{rebalance_run_id}/artifact"), {}, { kArtifactsFlag }, true,
        [](SupportStore &store, const EndpointCall &call) {
            return apiJsonBytes(runArtifactView(store, call.pathValues.value(0)).json, &shapes::artifact);
        } });
    out.append({ QStringLiteral("/rebalance/operations"),
        { timestamp("created_from", "from"), timestamp("created_to", "to"), text("operation_type"),
            text("status_filter", "status"), text("correlation_id"), limit(), text("cursor") },
        { kRunOperationsFlag }, true, [](SupportStore &store, const EndpointCall &call) {
            OperationFilter filter;
            filter.createdFrom = call.query.text(QStringLiteral("created_from"));
            filter.createdTo = call.query.text(QStringLiteral("created_to"));
            filter.operationType = call.query.text(QStringLiteral("operation_type"));
            filter.status = call.query.text(QStringLiteral("status_filter"));
            filter.correlationId = call.query.text(QStringLiteral("correlation_id"));
            const auto page = withServiceCursor(
                readPage<AsyncOperation>([&] { return store.listOperations(filter, pageOf(call)); }),
                [](const AsyncOperation &item) { return item.operationId; });
            return apiJsonBytes(listingJson(page, operationJson), &shapes::operationListing);
        } });
    out.append({ QStringLiteral("/rebalance/operations/{operation_id}"), {}, { kRunOperationsFlag }, false,
        [](SupportStore &store, const EndpointCall &call) {
            return apiJsonBytes(
                operationJson(requireOperation(store, call.pathValues.value(0))), &shapes::operationStatus);
        } });
    out.append({ QStringLiteral("/rebalance/operations/by-correlation/{correlation_id}"), {}, { kRunOperationsFlag }, false,
        [](SupportStore &store, const EndpointCall &call) {
            return apiJsonBytes(operationJson(requireOperationByCorrelation(store, call.pathValues.value(0))),
                &shapes::operationStatus);
        } });
    out.append({ QStringLiteral("/rebalance/lineage/{entity_id}"),
        { text("edge_type"), timestamp("created_from", "from"), timestamp("created_to", "to"), limit(),
            text("cursor") },
        { kLineageFlag }, true, [](SupportStore &store, const EndpointCall &call) {
            LineageFilter filter;
            filter.edgeType = call.query.text(QStringLiteral("edge_type"));
            filter.createdFrom = call.query.text(QStringLiteral("created_from"));
            filter.createdTo = call.query.text(QStringLiteral("created_to"));
            const QString entityId = call.pathValues.value(0);
            const auto page = readPage<LineageEdge>(
                [&] { return lineageEdgesPage(store, entityId, filter, pageOf(call)); });
            return apiJsonBytes(lineageEdgesPageJson(entityId, page), &shapes::lineage);
        } });
    out.append({ QStringLiteral("/rebalance/workflow/decisions"),
        { text("rebalance_run_id"),
            { QStringLiteral("action"), Kind::Literal, {},
                { QStringLiteral("APPROVE"), QStringLiteral("REJECT"), QStringLiteral("REQUEST_CHANGES") } },
            text("actor_id"), text("reason_code"), timestamp("decided_from", "from"), timestamp("decided_to", "to"),
            limit(), text("cursor") },
        { kWorkflowFlag }, true, [](SupportStore &store, const EndpointCall &call) {
            DecisionFilter filter;
            filter.rebalanceRunId = call.query.text(QStringLiteral("rebalance_run_id"));
            filter.action = call.query.text(QStringLiteral("action"));
            filter.actorId = call.query.text(QStringLiteral("actor_id"));
            filter.reasonCode = call.query.text(QStringLiteral("reason_code"));
            filter.decidedFrom = call.query.text(QStringLiteral("decided_from"));
            filter.decidedTo = call.query.text(QStringLiteral("decided_to"));
            const auto page = withServiceCursor(
                readPage<WorkflowDecision>([&] { return store.listWorkflowDecisionsFiltered(filter, pageOf(call)); }),
                [](const WorkflowDecision &item) { return item.decisionId; });
            return apiJsonBytes(listingJson(page, decisionJson), &shapes::decisionListing);
        } });
    out.append({ QStringLiteral("/rebalance/workflow/decisions/by-correlation/{correlation_id}"), {}, { kWorkflowFlag },
        true, [](SupportStore &store, const EndpointCall &call) {
            return historyBytes(workflowHistoryByCorrelation(store, call.pathValues.value(0)));
        } });
    out.append({ QStringLiteral("/rebalance/runs/{rebalance_run_id}/workflow"), {}, { kWorkflowFlag }, true,
        [](SupportStore &store, const EndpointCall &call) {
            return workflowStateBytes(store, call, requireRun(store, call.pathValues.value(0)));
        } });
    out.append({ QStringLiteral("/rebalance/runs/by-correlation/{correlation_id}/workflow"), {}, { kWorkflowFlag }, true,
        [](SupportStore &store, const EndpointCall &call) {
            return workflowStateBytes(store, call, requireRunByCorrelation(store, call.pathValues.value(0)));
        } });
    out.append({ QStringLiteral("/rebalance/runs/idempotency/{idempotency_key}/workflow"), {}, { kWorkflowFlag }, true,
        [](SupportStore &store, const EndpointCall &call) {
            return workflowStateBytes(store, call, requireRunByIdempotencyKey(store, call.pathValues.value(0)));
        } });
    out.append({ QStringLiteral("/rebalance/runs/{rebalance_run_id}/workflow/history"), {}, { kWorkflowFlag }, true,
        [](SupportStore &store, const EndpointCall &call) {
            // The service checks the run first (DPM_RUN_NOT_FOUND even for decisions left behind).
            const RebalanceRun run = requireRun(store, call.pathValues.value(0));
            return historyBytes(workflowHistoryOfRun(store, run.rebalanceRunId));
        } });
    out.append({ QStringLiteral("/rebalance/runs/by-correlation/{correlation_id}/workflow/history"), {},
        { kWorkflowFlag }, true, [](SupportStore &store, const EndpointCall &call) {
            return historyBytes(workflowHistoryByCorrelation(store, call.pathValues.value(0)));
        } });
    out.append({ QStringLiteral("/rebalance/runs/idempotency/{idempotency_key}/workflow/history"), {},
        { kWorkflowFlag }, true, [](SupportStore &store, const EndpointCall &call) {
            const RebalanceRun run = requireRunByIdempotencyKey(store, call.pathValues.value(0));
            return historyBytes(workflowHistoryOfRun(store, run.rebalanceRunId));
        } });
    // Every DPM endpoint sits behind DPM_SUPPORT_APIS_ENABLED first.
    for (Endpoint &endpoint : out)
        endpoint.flags.prepend(QStringLiteral("DPM_SUPPORT_APIS_ENABLED"));
    return out;
}

QList<const Endpoint *> pointersTo(std::initializer_list<const QList<Endpoint> *> lists)
{
    QList<const Endpoint *> out;
    for (const QList<Endpoint> *list : lists) {
        for (const Endpoint &endpoint : *list)
            out.append(&endpoint);
    }
    return out;
}

} // namespace

namespace params {

ParameterSpec text(const char *name, const char *alias)
{
    return { QString::fromLatin1(name), Kind::Text, QString::fromLatin1(alias), {} };
}

ParameterSpec timestamp(const char *name, const char *alias)
{
    return { QString::fromLatin1(name), Kind::Timestamp, QString::fromLatin1(alias), {} };
}

ParameterSpec limit(int maximum, int defaultValue)
{
    return { QStringLiteral("limit"), Kind::Limit, {}, {}, maximum, defaultValue };
}

ParameterSpec boolean(const char *name)
{
    return { QString::fromLatin1(name), Kind::Boolean, {}, {} };
}

} // namespace params

const QList<Endpoint> &dpmEndpoints()
{
    static const QList<Endpoint> endpoints = makeApiEndpoints();
    return endpoints;
}

const QList<FeatureFlag> &featureFlags()
{
    static const QList<FeatureFlag> flags {
        { QStringLiteral("DPM_SUPPORT_APIS_ENABLED"), true, QStringLiteral("DPM_SUPPORT_APIS_DISABLED") },
        { kRunOperationsFlag, true, QStringLiteral("DPM_ASYNC_OPERATIONS_DISABLED") },
        { kArtifactsFlag, true, QStringLiteral("DPM_ARTIFACTS_DISABLED") },
        { kWorkflowFlag, false, QStringLiteral("DPM_WORKFLOW_DISABLED") },
        { kLineageFlag, false, QStringLiteral("DPM_LINEAGE_APIS_DISABLED") },
        { kHistoryFlag, false, QStringLiteral("DPM_IDEMPOTENCY_HISTORY_APIS_DISABLED") },
        { kSummaryFlag, true, QStringLiteral("DPM_SUPPORTABILITY_SUMMARY_APIS_DISABLED") },
        { kSupportBundleFlag, true, QStringLiteral("DPM_SUPPORT_BUNDLE_APIS_DISABLED") },
        { QStringLiteral("PROPOSAL_WORKFLOW_LIFECYCLE_ENABLED"), true, QStringLiteral("PROPOSAL_WORKFLOW_LIFECYCLE_DISABLED") },
        { QStringLiteral("PROPOSAL_SUPPORT_APIS_ENABLED"), true, QStringLiteral("PROPOSAL_SUPPORT_APIS_DISABLED") },
        { QStringLiteral("PROPOSAL_ASYNC_OPERATIONS_ENABLED"), true, QStringLiteral("PROPOSAL_ASYNC_OPERATIONS_DISABLED") },
    };
    return flags;
}

const FeatureFlag &featureFlag(const QString &variable)
{
    for (const FeatureFlag &flag : featureFlags()) {
        if (flag.variable == variable)
            return flag;
    }
    Q_UNREACHABLE();
}

// Registration order: the DPM routes, then the proposal routes (no path is served by both).
const QList<const Endpoint *> &serviceEndpoints()
{
    static const QList<const Endpoint *> endpoints = pointersTo({ &dpmEndpoints(), &proposalEndpoints() });
    return endpoints;
}

const QList<const Endpoint *> &consoleRoutes()
{
    static const QList<const Endpoint *> endpoints = pointersTo({ &consoleEndpoints(), &storeMirrorEndpoints() });
    return endpoints;
}

std::optional<QStringList> matchPath(const QString &routeTemplate, const QString &path)
{
    const QStringList pattern = routeTemplate.split(QLatin1Char('/'));
    const QStringList segments = path.split(QLatin1Char('/'));
    if (pattern.size() != segments.size())
        return std::nullopt;
    QStringList values;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern[i].startsWith(QLatin1Char('{'))) {
            if (segments[i].isEmpty())
                return std::nullopt;
            values.append(segments[i]);
        } else if (pattern[i] != segments[i]) {
            return std::nullopt;
        }
    }
    return values;
}

} // namespace dpm::serve
