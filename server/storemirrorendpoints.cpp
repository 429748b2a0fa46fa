// /console/v1/store/{method}?args=<JSON array>: the store's own reads, one endpoint per read of
// SupportStore, ProposalStore and RunEventStore, answered in rowjson's form. The console's remote
// store reads through them, so what it shows over HTTP is what the store answered (stored text,
// console cursors, not-found as nullopt) rather than the service's shapes, which drop columns.
// Writes are not here: a remote store is read-only.

#include "apiendpoints.h"

#include "apijsonwriter.h"
#include "domain/error.h"
#include "store/proposalstore.h"
#include "store/rowjsonfields.h"
#include "store/runeventstore.h"
#include "store/supportstore.h"

#include <QJsonDocument>

namespace dpm::serve {

namespace {

using Handler = std::function<QJsonValue(SupportStore &, const QJsonArray &)>;

template <typename C> C &targetOf(SupportStore &store)
{
    if constexpr (std::is_same_v<C, ProposalStore>)
        return store.proposals();
    else if constexpr (std::is_same_v<C, RunEventStore>)
        return store.runEvents();
    else
        return store;
}

template <typename R, typename C, typename... A> Handler mirror(R (C::*method)(A...))
{
    return [method](SupportStore &store, const QJsonArray &arguments) {
        auto values = rowjson::decodeArguments<A...>(arguments);
        C &target = targetOf<C>(store);
        return rowjson::encode(std::apply([&](auto &...value) { return (target.*method)(value...); }, values));
    };
}

QList<std::pair<const char *, Handler>> handlers()
{
    return {
        { "support.getRun", mirror(&SupportStore::getRun) },
        { "support.getRunByCorrelation", mirror(&SupportStore::getRunByCorrelation) },
        { "support.getRunByRequestHash", mirror(&SupportStore::getRunByRequestHash) },
        { "support.listRuns", mirror(&SupportStore::listRuns) },
        { "support.getRunArtifact", mirror(&SupportStore::getRunArtifact) },
        { "support.getIdempotencyMapping", mirror(&SupportStore::getIdempotencyMapping) },
        { "support.listIdempotencyHistory", mirror(&SupportStore::listIdempotencyHistory) },
        { "support.getOperation", mirror(&SupportStore::getOperation) },
        { "support.getOperationByCorrelation", mirror(&SupportStore::getOperationByCorrelation) },
        { "support.listOperations", mirror(&SupportStore::listOperations) },
        { "support.listWorkflowDecisions", mirror(&SupportStore::listWorkflowDecisions) },
        { "support.getWorkflowHistoryByCorrelation", mirror(&SupportStore::getWorkflowHistoryByCorrelation) },
        { "support.listWorkflowDecisionsFiltered", mirror(&SupportStore::listWorkflowDecisionsFiltered) },
        { "support.listLineageEdges", mirror(&SupportStore::listLineageEdges) },
        { "support.getPolicyPack", mirror(&SupportStore::getPolicyPack) },
        { "support.listPolicyPacks", mirror(&SupportStore::listPolicyPacks) },
        { "support.getSupportabilitySummary", mirror(&SupportStore::getSupportabilitySummary) },
        { "support.loadSupportBundle", mirror(&SupportStore::loadSupportBundle) },
        { "support.listLineageEdgesPage", mirror(&SupportStore::listLineageEdgesPage) },
        { "support.listLineageEdgesTouching", mirror(&SupportStore::listLineageEdgesTouching) },
        { "support.findIdentifier", mirror(&SupportStore::findIdentifier) },
        { "support.countRunsPerDay", mirror(&SupportStore::countRunsPerDay) },
        { "support.countDecisionsPerDay", mirror(&SupportStore::countDecisionsPerDay) },
        { "proposals.isAvailable", mirror(&ProposalStore::isAvailable) },
        { "proposals.getIdempotency", mirror(&ProposalStore::getIdempotency) },
        { "proposals.getSimulationIdempotency", mirror(&ProposalStore::getSimulationIdempotency) },
        { "proposals.getOperation", mirror(&ProposalStore::getOperation) },
        { "proposals.getOperationByCorrelation", mirror(&ProposalStore::getOperationByCorrelation) },
        { "proposals.getProposal", mirror(&ProposalStore::getProposal) },
        { "proposals.listProposals", mirror(&ProposalStore::listProposals) },
        { "proposals.getVersion", mirror(&ProposalStore::getVersion) },
        { "proposals.getCurrentVersion", mirror(&ProposalStore::getCurrentVersion) },
        { "proposals.listVersions", mirror(&ProposalStore::listVersions) },
        { "proposals.listEvents", mirror(&ProposalStore::listEvents) },
        { "proposals.listApprovals", mirror(&ProposalStore::listApprovals) },
        { "proposals.loadAggregate", mirror(&ProposalStore::loadAggregate) },
        { "proposals.findIdentifier", mirror(&ProposalStore::findIdentifier) },
        { "proposals.listCorrelationLinks", mirror(&ProposalStore::listCorrelationLinks) },
        { "proposals.countProposals", mirror(&ProposalStore::countProposals) },
        { "proposals.countApprovalsPerDay", mirror(&ProposalStore::countApprovalsPerDay) },
        { "runEvents.isAvailable", mirror(&RunEventStore::isAvailable) },
        { "runEvents.listEvents", mirror(&RunEventStore::listEvents) },
        { "runEvents.listOutbox", mirror(&RunEventStore::listOutbox) },
        { "runEvents.getDelivery", mirror(&RunEventStore::getDelivery) },
        { "runEvents.outboxStats", mirror(&RunEventStore::outboxStats) },
        { "runEvents.failureGroups", mirror(&RunEventStore::failureGroups) },
    };
}

QList<Endpoint> makeMirrorEndpoints()
{
    QList<Endpoint> out;
    for (const auto &[name, handler] : handlers()) {
        Endpoint endpoint;
        endpoint.path = QStringLiteral("/console/v1/store/") + QString::fromLatin1(name);
        endpoint.parameters = { params::text("args") };
        endpoint.invalidInputAnswers422 = true;
        endpoint.run = [handler](SupportStore &store, const EndpointCall &call) {
            QJsonParseError parseError;
            const QJsonDocument arguments = QJsonDocument::fromJson(
                call.query.text(QStringLiteral("args")).value_or(QStringLiteral("[]")).toUtf8(), &parseError);
            if (!arguments.isArray()) {
                throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_ARGUMENTS"),
                    QStringLiteral("args must be a JSON array of the call's arguments."));
            }
            QJsonObject answer;
            try {
                answer.insert(QStringLiteral("result"), handler(store, arguments.array()));
            } catch (const Error &error) {
                // A timeout or a lost database stays the server's 503; the store's own answers
                // (not found, invalid cursor, schema missing) travel to the client as they are.
                if (error.code() == QLatin1String("STORE_QUERY_CANCELLED") || error.kind() == ErrorKind::Connection)
                    throw;
                answer.insert(QStringLiteral("error"),
                    QJsonObject { { QStringLiteral("kind"), int(error.kind()) }, { QStringLiteral("code"), error.code() },
                        { QStringLiteral("message"), error.message() } });
            }
            return apiJsonBytes(answer);
        };
        out.append(endpoint);
    }
    return out;
}

} // namespace

const QList<Endpoint> &storeMirrorEndpoints()
{
    static const QList<Endpoint> endpoints = makeMirrorEndpoints();
    return endpoints;
}

} // namespace dpm::serve
