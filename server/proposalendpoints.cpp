// The advisory proposal endpoints of http-api.md §5: thin callers of core/services/proposalreads
// and the proposal payload builders, written in the service's field order.

#include "apiendpoints.h"

#include "apishapes.h"
#include "domain/apijson.h"
#include "domain/error.h"
#include "domain/proposalapijson.h"
#include "services/proposalreads.h"
#include "store/proposalstore.h"
#include "store/supportstore.h"

#include <QJsonArray>

namespace dpm::serve {

namespace {

const QString kLifecycleFlag = QStringLiteral("PROPOSAL_WORKFLOW_LIFECYCLE_ENABLED");
const QString kSupportFlag = QStringLiteral("PROPOSAL_SUPPORT_APIS_ENABLED");
const QString kProposalOperationsFlag = QStringLiteral("PROPOSAL_ASYNC_OPERATIONS_ENABLED");

QString pathValue(const EndpointCall &call, int index)
{
    return call.pathValues.value(index);
}

qint64 versionNumber(const EndpointCall &call)
{
    QJsonArray ignored; // validated before the call
    return validatePathInteger(QStringLiteral("version_no"), pathValue(call, 1), 1, &ignored).value_or(0);
}

bool includeEvidence(const EndpointCall &call)
{
    return call.query.boolean(QStringLiteral("include_evidence"));
}

// An endpoint of the proposal routers: behind the lifecycle flag (and `extraFlag`), the
// proposal store's 503 codes; list, get and version name only the first unknown parameter,
// the others take no parameters and ignore any.
Endpoint proposalEndpoint(const char *path, QList<ParameterSpec> parameters, const QString &extraFlag,
    bool rejectsUnknown, std::function<QByteArray(ProposalStore &, const EndpointCall &)> run)
{
    Endpoint endpoint;
    endpoint.path = QString::fromLatin1(path);
    endpoint.parameters = std::move(parameters);
    endpoint.flags = { kLifecycleFlag };
    if (!extraFlag.isEmpty())
        endpoint.flags.append(extraFlag);
    endpoint.rejectsUnknownParameters = rejectsUnknown;
    endpoint.namesFirstUnknownOnly = true;
    endpoint.storeCodePrefix = QStringLiteral("PROPOSAL");
    endpoint.tables = EndpointTables::Proposals;
    endpoint.run = [run = std::move(run)](SupportStore &store, const EndpointCall &call) {
        return run(store.proposals(), call);
    };
    return endpoint;
}

QByteArray operationBytes(const ProposalAsyncOperation &operation)
{
    return apiJsonBytes(proposalOperationJson(operation), &shapes::proposalOperation);
}

QList<Endpoint> makeProposalEndpoints()
{
    using params::boolean;
    using params::limit;
    using params::text;
    using params::timestamp;
    QList<Endpoint> out;
    out.append(proposalEndpoint("/rebalance/proposals",
        { text("portfolio_id"), text("state"), text("created_by"), timestamp("created_from"), timestamp("created_to"),
            limit(100, 20), text("cursor") },
        {}, true, [](ProposalStore &store, const EndpointCall &call) {
            ProposalFilter filter;
            filter.portfolioId = call.query.text(QStringLiteral("portfolio_id"));
            filter.state = call.query.text(QStringLiteral("state"));
            filter.createdBy = call.query.text(QStringLiteral("created_by"));
            filter.createdFrom = call.query.text(QStringLiteral("created_from"));
            filter.createdTo = call.query.text(QStringLiteral("created_to"));
            Page<ProposalRecord> page;
            try {
                page = store.listProposals(filter, { call.query.limit, call.query.text(QStringLiteral("cursor")) });
            } catch (const Error &error) {
                // A cursor naming no row is an empty page for the service, not an error.
                if (error.code() != QLatin1String("INVALID_CURSOR"))
                    throw;
            }
            page = withServiceCursor(page, [](const ProposalRecord &item) { return item.proposalId; });
            return apiJsonBytes(listingJson(page, proposalSummaryJson), &shapes::proposalListing);
        }));
    // Before /proposals/{id}: these fixed segments would otherwise be taken for an id.
    out.append(proposalEndpoint("/rebalance/proposals/idempotency/{idempotency_key}", {}, kSupportFlag, false,
        [](ProposalStore &store, const EndpointCall &call) {
            return apiJsonBytes(proposalIdempotencyJson(requireProposalIdempotency(store, pathValue(call, 0))),
                &shapes::proposalIdempotency);
        }));
    out.append(proposalEndpoint("/rebalance/proposals/operations/{operation_id}", {}, kProposalOperationsFlag, false,
        [](ProposalStore &store, const EndpointCall &call) {
            return operationBytes(requireProposalOperation(store, pathValue(call, 0)));
        }));
    out.append(proposalEndpoint("/rebalance/proposals/operations/by-correlation/{correlation_id}", {}, kProposalOperationsFlag,
        false, [](ProposalStore &store, const EndpointCall &call) {
            return operationBytes(requireProposalOperationByCorrelation(store, pathValue(call, 0)));
        }));
    out.append(proposalEndpoint("/rebalance/proposals/{proposal_id}", { boolean("include_evidence") }, {}, true,
        [](ProposalStore &store, const EndpointCall &call) {
            const QString id = pathValue(call, 0);
            const ProposalRecord proposal = requireProposal(store, id);
            const ProposalVersion current = requireCurrentVersion(store, id);
            return apiJsonBytes(proposalDetailJson(proposal, current, includeEvidence(call)), &shapes::proposalDetail);
        }));
    Endpoint version = proposalEndpoint("/rebalance/proposals/{proposal_id}/versions/{version_no}",
        { boolean("include_evidence") }, {}, true, [](ProposalStore &store, const EndpointCall &call) {
            const ProposalVersion row = requireVersion(store, pathValue(call, 0), versionNumber(call));
            return apiJsonBytes(proposalVersionJson(row, includeEvidence(call)), &shapes::proposalVersion);
        });
    version.positiveIntegerSegments = { QStringLiteral("version_no") };
    out.append(version);
    out.append(proposalEndpoint("/rebalance/proposals/{proposal_id}/workflow-events", {}, kSupportFlag, false,
        [](ProposalStore &store, const EndpointCall &call) {
            const ProposalRecord proposal = requireProposal(store, pathValue(call, 0));
            return apiJsonBytes(proposalTimelineJson(proposal, store.listEvents(proposal.proposalId)),
                &shapes::proposalTimeline);
        }));
    out.append(proposalEndpoint("/rebalance/proposals/{proposal_id}/approvals", {}, kSupportFlag, false,
        [](ProposalStore &store, const EndpointCall &call) {
            const ProposalRecord proposal = requireProposal(store, pathValue(call, 0));
            return apiJsonBytes(proposalApprovalsJson(proposal.proposalId, store.listApprovals(proposal.proposalId)),
                &shapes::proposalApprovals);
        }));
    out.append(proposalEndpoint("/rebalance/proposals/{proposal_id}/lineage", {}, kSupportFlag, false,
        [](ProposalStore &store, const EndpointCall &call) {
            const ProposalRecord proposal = requireProposal(store, pathValue(call, 0));
            return apiJsonBytes(proposalLineageJson(proposal, store.listVersions(proposal.proposalId)),
                &shapes::proposalLineage);
        }));
    return out;
}

} // namespace

const QList<Endpoint> &proposalEndpoints()
{
    static const QList<Endpoint> endpoints = makeProposalEndpoints();
    return endpoints;
}

} // namespace dpm::serve
