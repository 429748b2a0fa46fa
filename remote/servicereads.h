#pragma once

#include "domain/entities.h"
#include "domain/page.h"
#include "domain/proposals.h"
#include "store/investigationtypes.h"

#include <QList>
#include <QString>

#include <optional>

namespace dpm {

class RemoteClient;

// The reads a remote store can make against the service itself, which has only the API of
// http-api.md §3 and §5 (latest prefix /api/v1): the service's shapes parsed back into the store's
// values. They carry less than the store does (no operation request, the artifact as the API
// shows it, the service's cursors); what the API lacks entirely is REMOTE_EXTENSION_MISSING, and
// a part switched off answers the server's own <FLAG>_DISABLED code.
class ServiceReads
{
public:
    explicit ServiceReads(RemoteClient &client)
        : m_client(client)
    { }

    std::optional<RebalanceRun> getRun(const QString &id);
    std::optional<RebalanceRun> getRunByCorrelation(const QString &correlationId);
    std::optional<RebalanceRun> getRunByRequestHash(const QString &requestHash);
    Page<RunListItem> listRuns(const RunFilter &filter, const PageRequest &page);
    std::optional<RunArtifact> getRunArtifact(const QString &runId);
    std::optional<IdempotencyMapping> getIdempotencyMapping(const QString &key);
    QList<IdempotencyHistoryEntry> listIdempotencyHistory(const QString &key);
    std::optional<AsyncOperation> getOperation(const QString &id);
    std::optional<AsyncOperation> getOperationByCorrelation(const QString &correlationId);
    Page<AsyncOperation> listOperations(const OperationFilter &filter, const PageRequest &page);
    QList<WorkflowDecision> listWorkflowDecisions(const QString &runId);
    std::optional<WorkflowHistory> getWorkflowHistoryByCorrelation(const QString &correlationId);
    Page<WorkflowDecision> listWorkflowDecisionsFiltered(const DecisionFilter &filter, const PageRequest &page);
    QList<LineageEdge> listLineageEdges(const QString &entityId);
    Page<LineageEdge> listLineageEdgesPage(const QString &entityId, const LineageFilter &filter, const PageRequest &page);
    SupportabilitySummary getSupportabilitySummary();
    SupportBundleRows loadSupportBundle(const SupportBundleEntry &entry, const SupportBundleOptions &options);

    Page<ProposalRecord> listProposals(const ProposalFilter &filter, const PageRequest &page);
    std::optional<ProposalRecord> getProposal(const QString &id);
    std::optional<ProposalVersion> getCurrentVersion(const QString &id);
    std::optional<ProposalVersion> getVersion(const QString &id, qint64 versionNo);
    QList<ProposalVersionHeader> listVersions(const QString &id);
    QList<ProposalWorkflowEvent> listEvents(const QString &id);
    QList<ProposalApproval> listApprovals(const QString &id);
    std::optional<ProposalIdempotency> getProposalIdempotency(const QString &key);
    std::optional<ProposalAsyncOperation> getProposalOperation(const QString &operationId, bool byCorrelation);
    std::optional<ProposalAggregate> loadAggregate(const QString &id);

private:
    RemoteClient &m_client;
};

} // namespace dpm
