// Our own read endpoints under /console/v1/: what the console needs and the service's API does
// not offer (find anything, per-day counts, the lineage neighbourhood, proposal integrity and
// diffs, run events and the outbox, the store's status). Each one calls the same core/services
// function as dpmctl; bodies are compact JSON with sorted keys. Not-found codes answer 404,
// invalid input (INVALID_*) 422 {"detail":"CODE: sentence"}.

#include "apiendpoints.h"

#include "apishapes.h"
#include "domain/apijson.h"
#include "domain/error.h"
#include "domain/runevents.h"
#include "domain/timestamp.h"
#include "domain/vocabulary.h"
#include "services/finder.h"
#include "services/lineagegraph.h"
#include "services/proposaldiff.h"
#include "services/proposalintegrity.h"
#include "services/proposalreads.h"
#include "services/storemigrations.h"
#include "services/storeopening.h"
#include "services/storestatus.h"
#include "store/proposalstore.h"
#include "store/runeventstore.h"
#include "store/supportstore.h"

#include <QJsonArray>
#include <QJsonObject>

namespace dpm::serve {

namespace {

using params::limit;
using params::text;
using params::timestamp;

QByteArray bytes(const QJsonObject &object)
{
    return apiJsonBytes(object);
}

// A whole number parameter: the default when absent, INVALID_<what> when not a number.
int wholeNumber(const EndpointCall &call, const char *name, int defaultValue, const char *code)
{
    const std::optional<QString> given = call.query.text(QString::fromLatin1(name));
    if (!given)
        return defaultValue;
    bool ok = false;
    const int value = given->trimmed().toInt(&ok);
    if (!ok) {
        throw Error(ErrorKind::InvalidInput, QString::fromLatin1(code),
            QStringLiteral("%1 must be a whole number, not \"%2\".").arg(QString::fromLatin1(name), *given));
    }
    return value;
}

QJsonArray dailyCountsJson(const QList<DailyCount> &counts)
{
    QJsonArray out;
    for (const DailyCount &count : counts) {
        out.append(QJsonObject { { QStringLiteral("day"), count.day }, { QStringLiteral("key"), count.key },
            { QStringLiteral("count"), double(count.count) } });
    }
    return out;
}

QByteArray perDayBytes(const EndpointCall &call, const std::function<QList<DailyCount>(const QString &, const QString &)> &read)
{
    const QString from = call.query.text(QStringLiteral("from")).value_or(QString());
    const QString to = call.query.text(QStringLiteral("to")).value_or(QString());
    return bytes({ { QStringLiteral("from"), from }, { QStringLiteral("to"), to },
        { QStringLiteral("days"), dailyCountsJson(read(from, to)) } });
}

// The schema's state and the spec's store-status (targets, read switch, dual-write, PostgreSQL
// connection and pool, latency per kind) in one object.
QJsonObject storeStatusJson(SupportStore &store, const EndpointCall &call)
{
    const SchemaDescription schema = describeSchema(store);
    QJsonObject versions; // namespace -> highest applied version
    qint64 applied = 0;
    if (schema.hasMigrations) {
        for (const MigrationStatusRow &row : migrationStatus(store, Migrator::namespaces())) {
            if (row.state != MigrationState::Applied && row.state != MigrationState::AppliedByService)
                continue;
            ++applied;
            if (row.version > versions.value(row.ns).toString())
                versions.insert(row.ns, row.version);
        }
    }
    const QString notice = readOnlyNotice(store);
    QJsonObject out = storeStatus(store, call.settings && call.settings->pool ? call.settings->pool() : StorePool {})
                          .toJson();
    const QJsonObject schemaState { { QStringLiteral("backend"), toWire(store.backend()) }, { QStringLiteral("location"), store.describe() },
        { QStringLiteral("has_migrations"), schema.hasMigrations }, { QStringLiteral("has_schema"), schema.hasSchema },
        { QStringLiteral("migrations_applied"), double(applied) },
        { QStringLiteral("migrations_pending"), schema.pendingMigrations },
        { QStringLiteral("migrations_modified"), schema.modifiedMigrations },
        { QStringLiteral("schema_versions"), versions }, { QStringLiteral("read_only"), !notice.isEmpty() },
        { QStringLiteral("read_only_replica"), call.settings && call.settings->readOnlyReplica },
        { QStringLiteral("read_only_notice"), notice.isEmpty() ? QJsonValue() : QJsonValue(notice) },
        { QStringLiteral("proposals_available"), store.proposals().isAvailable() },
        { QStringLiteral("run_events_available"), store.runEvents().isAvailable() } };
    for (auto it = schemaState.constBegin(); it != schemaState.constEnd(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

Endpoint console(const char *path, QList<ParameterSpec> parameters,
    std::function<QByteArray(SupportStore &, const EndpointCall &)> run,
    EndpointTables tables = EndpointTables::Dpm)
{
    Endpoint endpoint;
    endpoint.path = QString::fromLatin1(path);
    endpoint.parameters = std::move(parameters);
    endpoint.run = std::move(run);
    endpoint.invalidInputAnswers422 = true;
    endpoint.tables = tables;
    return endpoint;
}

QList<Endpoint> makeConsoleEndpoints()
{
    QList<Endpoint> out;
    out.append(console("/console/v1/find/{identifier}", {}, [](SupportStore &store, const EndpointCall &call) {
        const QString identifier = call.pathValues.value(0);
        // The same answer as `dpmctl find --json`: DPM matches, then proposal matches.
        const QJsonObject result = findResultJson(identifier, findAnything(store, identifier));
        return bytes(result);
    }));
    out.append(console("/console/v1/runs/per-day", { text("from"), text("to") },
        [](SupportStore &store, const EndpointCall &call) {
            return perDayBytes(call, [&](const QString &from, const QString &to) { return store.countRunsPerDay(from, to); });
        }));
    out.append(console("/console/v1/decisions/per-day", { text("from"), text("to") },
        [](SupportStore &store, const EndpointCall &call) {
            return perDayBytes(
                call, [&](const QString &from, const QString &to) { return store.countDecisionsPerDay(from, to); });
        }));
    out.append(console("/console/v1/lineage/{entity_id}/graph", { text("up"), text("down"), text("max_nodes") },
        [](SupportStore &store, const EndpointCall &call) {
            LineageGraphOptions options;
            options.upstream = wholeNumber(call, "up", kLineageGraphDefaultDepth, "INVALID_DEPTH");
            options.downstream = wholeNumber(call, "down", kLineageGraphDefaultDepth, "INVALID_DEPTH");
            options.maxNodes = wholeNumber(call, "max_nodes", kLineageGraphDefaultMaxNodes, "INVALID_LIMIT");
            return bytes(lineageGraphJson(LineageGraph::walk(store, call.pathValues.value(0), options)));
        }));
    // Every proposal: bounded by the per-request store timeout, which interrupts its statements.
    out.append(console("/console/v1/proposals/integrity", {}, [](SupportStore &store, const EndpointCall &) {
        return bytes(proposalIntegrityReportJson(checkAllProposals(store.proposals())));
    }, EndpointTables::Proposals));
    out.append(console("/console/v1/proposals/{proposal_id}/integrity", {},
        [](SupportStore &store, const EndpointCall &call) {
            return bytes(proposalIntegrityReportJson(checkProposal(store.proposals(), call.pathValues.value(0))));
        }, EndpointTables::Proposals));
    // Default: the current version against the one before it.
    out.append(console("/console/v1/proposals/{proposal_id}/diff", { text("from"), text("to") },
        [](SupportStore &store, const EndpointCall &call) {
            const ProposalRecord proposal = requireProposal(store.proposals(), call.pathValues.value(0));
            const int to = wholeNumber(call, "to", int(proposal.currentVersionNo), "INVALID_VERSION");
            const int from = wholeNumber(call, "from", to - 1, "INVALID_VERSION");
            return bytes(proposalVersionDiffJson(diffProposalVersions(store.proposals(), proposal.proposalId, from, to)));
        }, EndpointTables::Proposals));
    out.append(console("/console/v1/runs/{rebalance_run_id}/events", {}, [](SupportStore &store, const EndpointCall &call) {
        const QString runId = call.pathValues.value(0);
        QJsonArray events;
        for (const RunEventWithDeliveries &e : store.runEvents().listEvents(runId)) {
            QJsonObject item = runEventJson(e.event);
            QJsonArray deliveries;
            for (const OutboxDelivery &delivery : e.deliveries)
                deliveries.append(outboxDeliveryJson(delivery));
            item.insert(QStringLiteral("deliveries"), deliveries);
            events.append(item);
        }
        return bytes({ { QStringLiteral("rebalance_run_id"), runId }, { QStringLiteral("events"), events } });
    }, EndpointTables::RunEvents));
    out.append(console("/console/v1/outbox",
        { text("status"), text("topic"), text("run_id"), timestamp("created_from"), timestamp("created_to"), limit(),
            text("cursor") },
        [](SupportStore &store, const EndpointCall &call) {
            OutboxFilter filter;
            filter.status = call.query.text(QStringLiteral("status"));
            filter.topic = call.query.text(QStringLiteral("topic"));
            filter.rebalanceRunId = call.query.text(QStringLiteral("run_id"));
            filter.createdFrom = call.query.text(QStringLiteral("created_from"));
            filter.createdTo = call.query.text(QStringLiteral("created_to"));
            const Page<OutboxDelivery> page
                = store.runEvents().listOutbox(filter, { call.query.limit, call.query.text(QStringLiteral("cursor")) });
            return bytes(listingJson(page, outboxDeliveryJson));
        }, EndpointTables::RunEvents));
    out.append(console("/console/v1/outbox/stats", {}, [](SupportStore &store, const EndpointCall &) {
        return bytes(outboxStatsJson(store.runEvents().outboxStats(nowTimestamp())));
    }, EndpointTables::RunEvents));
    out.append(console("/console/v1/outbox/groups", {}, [](SupportStore &store, const EndpointCall &) {
        QJsonArray groups;
        for (const OutboxFailureGroup &group : store.runEvents().failureGroups())
            groups.append(outboxFailureGroupJson(group));
        return bytes({ { QStringLiteral("groups"), groups } });
    }, EndpointTables::RunEvents));
    out.append(console("/console/v1/store-status", {},
        [](SupportStore &store, const EndpointCall &call) { return bytes(storeStatusJson(store, call)); }));
    return out;
}

} // namespace

const QList<Endpoint> &consoleEndpoints()
{
    static const QList<Endpoint> endpoints = makeConsoleEndpoints();
    return endpoints;
}

} // namespace dpm::serve
