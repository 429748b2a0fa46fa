#pragma once

#include "apiquery.h"
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
};

struct EndpointCall
{
    QStringList pathValues; // the {…} segments, in order
    ValidatedQuery query;
    const EndpointSettings *settings = nullptr;
};

// One GET endpoint of http-api.md §3, path after the prefix. `run` executes on a store worker
// and returns the 200 body; not-found and other failures are thrown as dpm::Error.
struct Endpoint
{
    QString path; // "/rebalance/runs/{rebalance_run_id}": the route's name in logs and metrics
    QList<ParameterSpec> parameters; // declared order, as the service validates them
    QStringList flags; // feature flags checked after DPM_SUPPORT_APIS_ENABLED, in order
    bool rejectsUnknownParameters = true;
    std::function<QByteArray(SupportStore &, const EndpointCall &)> run;
};

// Every DPM endpoint in registration order (first match wins).
const QList<Endpoint> &dpmEndpoints();

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
