#pragma once

#include "apiquery.h"
#include "domain/page.h"
#include "services/storestatus.h"
#include "services/workflowstatus.h"

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace dpm {
class SupportStore;
}

namespace dpm::serve {

// What the service's settings give every request: read once from the environment at start.
struct EndpointSettings
{
    QProcessEnvironment environment;
    int retentionDays = 0; // DPM_SUPPORTABILITY_RETENTION_DAYS, shown by the summary
    WorkflowSettings workflow;
    // The server's store workers now (store-status's pool figures).
    std::function<StorePool()> pool;
    bool readOnlyReplica = false; // served with --read-only-replica (store-status)
};

// The tables an endpoint reads beyond the DPM ones: an older service database has the DPM tables
// only, and a request for the others is answered 503 before anything else (http-api.md §2).
enum class EndpointTables { Dpm, Proposals, RunEvents };

struct EndpointCall
{
    QStringList pathValues; // the {…} segments, in order
    ValidatedQuery query;
    const EndpointSettings *settings = nullptr;
};

// One GET endpoint of http-api.md §3/§5 (path after the prefix) or of our own /console/v1/.
// `run` executes on a store worker and returns the 200 body; not-found and other failures are
// thrown as dpm::Error.
struct Endpoint
{
    QString path; // "/rebalance/runs/{rebalance_run_id}": the route's name in logs and metrics
    QList<ParameterSpec> parameters; // declared order, as the service validates them
    QStringList flags; // feature flags checked in order (DPM endpoints: DPM_SUPPORT_APIS_ENABLED first)
    bool rejectsUnknownParameters = true;
    std::function<QByteArray(SupportStore &, const EndpointCall &)> run;
    // The proposal routers name only the first unknown parameter (sorted), not all of them.
    bool namesFirstUnknownOnly = false;
    // {…} segments that must be integers >= 1 (FastAPI's Path(ge=1)), validated before the query.
    QStringList positiveIntegerSegments {};
    // The service's 503 codes when the store cannot start: <prefix>_POSTGRES_DSN_REQUIRED and
    // <prefix>_POSTGRES_CONNECTION_FAILED.
    QString storeCodePrefix = QStringLiteral("DPM_SUPPORTABILITY");
    // Our own endpoints: a dpm::Error of kind InvalidInput (INVALID_DEPTH, INVALID_DAY_RANGE, …)
    // answers 422 {"detail":"CODE: sentence"}; the service's routes have no such answer.
    bool invalidInputAnswers422 = false;
    EndpointTables tables = EndpointTables::Dpm;
};

// Every DPM endpoint in registration order (first match wins).
const QList<Endpoint> &dpmEndpoints();
// The advisory proposal endpoints of §5, in registration order.
const QList<Endpoint> &proposalEndpoints();
// Our own read endpoints under /console/v1/ (full paths), for what the service does not offer.
const QList<Endpoint> &consoleEndpoints();
// /console/v1/store/{method}: the store's own reads for the console's remote store (rowjson).
const QList<Endpoint> &storeMirrorEndpoints();
// What the router tries, in order: the service's routes (DPM then proposals; served under both
// prefixes) and our own (full paths).
const QList<const Endpoint *> &serviceEndpoints();
const QList<const Endpoint *> &consoleRoutes();

// Parameter declarations shared by the endpoint tables.
namespace params {
ParameterSpec text(const char *name, const char *alias = "");
ParameterSpec timestamp(const char *name, const char *alias = "");
ParameterSpec limit(int maximum = 200, int defaultValue = 50);
ParameterSpec boolean(const char *name);
} // namespace params

// The service's cursors are the last row's id; ours also carry its sort key. Served pages hand
// out the service's form (a client may hold it against the service too); both page the same.
template <typename T, typename IdOf> Page<T> withServiceCursor(Page<T> page, IdOf idOf)
{
    if (page.nextCursor && !page.items.isEmpty())
        page.nextCursor = idOf(page.items.constLast());
    return page;
}

// The feature flags of http-api.md §2: env var -> (default, 404 code when off).
struct FeatureFlag
{
    QString variable;
    bool defaultOn = true;
    QString disabledCode;
};
const QList<FeatureFlag> &featureFlags();
const FeatureFlag &featureFlag(const QString &variable);

// Matches a decoded path against a route template's segments; the {…} segments match any
// non-empty segment and are returned in order.
std::optional<QStringList> matchPath(const QString &routeTemplate, const QString &path);

} // namespace dpm::serve
