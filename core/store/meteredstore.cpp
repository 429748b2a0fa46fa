#include "meteredstore.h"

#include "domain/error.h"

namespace dpm {

MeteredStore::MeteredStore(std::shared_ptr<SupportStore> inner, QueryMetrics &metrics)
    : m_inner(std::move(inner))
    , m_metrics(metrics)
{ }

template <typename F> auto MeteredStore::timed(QueryKind kind, F &&call) -> decltype(call())
{
    QueryTimer timer(m_metrics, kind);
    try {
        return call();
    } catch (const Error &error) {
        if (isCallerError(error))
            timer.endedWithCallerError();
        throw;
    }
}

void MeteredStore::saveRun(const RebalanceRun &run)
{
    return timed(QueryKind::Write, [&] { return m_inner->saveRun(run); });
}

void MeteredStore::recordRun(const RunRecord &record)
{
    return timed(QueryKind::Write, [&] { return m_inner->recordRun(record); });
}

std::optional<RebalanceRun> MeteredStore::getRun(const QString &rebalanceRunId)
{
    return timed(QueryKind::Lookup, [&] { return m_inner->getRun(rebalanceRunId); });
}

std::optional<RebalanceRun> MeteredStore::getRunByCorrelation(const QString &correlationId)
{
    return timed(QueryKind::Lookup, [&] { return m_inner->getRunByCorrelation(correlationId); });
}

std::optional<RebalanceRun> MeteredStore::getRunByRequestHash(const QString &requestHash)
{
    return timed(QueryKind::Lookup, [&] { return m_inner->getRunByRequestHash(requestHash); });
}

Page<RunListItem> MeteredStore::listRuns(const RunFilter &filter, const PageRequest &page)
{
    return timed(QueryKind::Listing, [&] { return m_inner->listRuns(filter, page); });
}

void MeteredStore::saveRunArtifact(const RunArtifact &artifact)
{
    return timed(QueryKind::Write, [&] { return m_inner->saveRunArtifact(artifact); });
}

std::optional<RunArtifact> MeteredStore::getRunArtifact(const QString &rebalanceRunId)
{
    return timed(QueryKind::Lookup, [&] { return m_inner->getRunArtifact(rebalanceRunId); });
}

void MeteredStore::saveIdempotencyMapping(const IdempotencyMapping &mapping)
{
    return timed(QueryKind::Write, [&] { return m_inner->saveIdempotencyMapping(mapping); });
}

std::optional<IdempotencyMapping> MeteredStore::getIdempotencyMapping(const QString &idempotencyKey)
{
    return timed(QueryKind::Lookup, [&] { return m_inner->getIdempotencyMapping(idempotencyKey); });
}

void MeteredStore::appendIdempotencyHistory(const IdempotencyHistoryEntry &entry)
{
    return timed(QueryKind::Write, [&] { return m_inner->appendIdempotencyHistory(entry); });
}

QList<IdempotencyHistoryEntry> MeteredStore::listIdempotencyHistory(const QString &idempotencyKey)
{
    return timed(QueryKind::Listing, [&] { return m_inner->listIdempotencyHistory(idempotencyKey); });
}

void MeteredStore::createOperation(const AsyncOperation &operation)
{
    return timed(QueryKind::Write, [&] { return m_inner->createOperation(operation); });
}

void MeteredStore::updateOperation(const AsyncOperation &operation)
{
    return timed(QueryKind::Write, [&] { return m_inner->updateOperation(operation); });
}

void MeteredStore::submitOperation(const AsyncOperation &operation)
{
    return timed(QueryKind::Write, [&] { return m_inner->submitOperation(operation); });
}

std::optional<AsyncOperation> MeteredStore::getOperation(const QString &operationId)
{
    return timed(QueryKind::Lookup, [&] { return m_inner->getOperation(operationId); });
}

std::optional<AsyncOperation> MeteredStore::getOperationByCorrelation(const QString &correlationId)
{
    return timed(QueryKind::Lookup, [&] { return m_inner->getOperationByCorrelation(correlationId); });
}

Page<AsyncOperation> MeteredStore::listOperations(const OperationFilter &filter, const PageRequest &page)
{
    return timed(QueryKind::Listing, [&] { return m_inner->listOperations(filter, page); });
}

PurgeReport MeteredStore::purgeExpiredOperations(qint64 ttlSeconds, const QString &now, bool dryRun)
{
    return timed(QueryKind::Write, [&] { return m_inner->purgeExpiredOperations(ttlSeconds, now, dryRun); });
}

void MeteredStore::appendWorkflowDecision(const WorkflowDecision &decision)
{
    return timed(QueryKind::Write, [&] { return m_inner->appendWorkflowDecision(decision); });
}

QList<WorkflowDecision> MeteredStore::listWorkflowDecisions(const QString &runId)
{
    return timed(QueryKind::Listing, [&] { return m_inner->listWorkflowDecisions(runId); });
}

std::optional<WorkflowHistory> MeteredStore::getWorkflowHistoryByCorrelation(const QString &correlationId)
{
    return timed(QueryKind::Lookup, [&] { return m_inner->getWorkflowHistoryByCorrelation(correlationId); });
}

Page<WorkflowDecision> MeteredStore::listWorkflowDecisionsFiltered(const DecisionFilter &filter, const PageRequest &page)
{
    return timed(QueryKind::Listing, [&] { return m_inner->listWorkflowDecisionsFiltered(filter, page); });
}

void MeteredStore::appendLineageEdge(const LineageEdge &edge)
{
    return timed(QueryKind::Write, [&] { return m_inner->appendLineageEdge(edge); });
}

QList<LineageEdge> MeteredStore::listLineageEdges(const QString &entityId)
{
    return timed(QueryKind::Lineage, [&] { return m_inner->listLineageEdges(entityId); });
}

void MeteredStore::upsertPolicyPack(const PolicyPack &pack)
{
    return timed(QueryKind::Write, [&] { return m_inner->upsertPolicyPack(pack); });
}

std::optional<PolicyPack> MeteredStore::getPolicyPack(const QString &policyPackId)
{
    return timed(QueryKind::Lookup, [&] { return m_inner->getPolicyPack(policyPackId); });
}

QList<PolicyPack> MeteredStore::listPolicyPacks()
{
    return timed(QueryKind::Listing, [&] { return m_inner->listPolicyPacks(); });
}

bool MeteredStore::deletePolicyPack(const QString &policyPackId)
{
    return timed(QueryKind::Write, [&] { return m_inner->deletePolicyPack(policyPackId); });
}

SupportabilitySummary MeteredStore::getSupportabilitySummary()
{
    return timed(QueryKind::Summary, [&] { return m_inner->getSupportabilitySummary(); });
}

PurgeReport MeteredStore::purgeExpiredRuns(int retentionDays, const QString &now, bool dryRun)
{
    return timed(QueryKind::Write, [&] { return m_inner->purgeExpiredRuns(retentionDays, now, dryRun); });
}

SupportBundleRows MeteredStore::loadSupportBundle(const SupportBundleEntry &entry, const SupportBundleOptions &options)
{
    return timed(QueryKind::Bundle, [&] { return m_inner->loadSupportBundle(entry, options); });
}

Page<LineageEdge> MeteredStore::listLineageEdgesPage(const QString &entityId, const LineageFilter &filter, const PageRequest &page)
{
    return timed(QueryKind::Lineage, [&] { return m_inner->listLineageEdgesPage(entityId, filter, page); });
}

QList<LineageEdge> MeteredStore::listLineageEdgesTouching(const QStringList &entityIds)
{
    return timed(QueryKind::Lineage, [&] { return m_inner->listLineageEdgesTouching(entityIds); });
}

QList<IdentifierMatch> MeteredStore::findIdentifier(const QString &identifier)
{
    return timed(QueryKind::Lookup, [&] { return m_inner->findIdentifier(identifier); });
}

QList<DailyCount> MeteredStore::countRunsPerDay(const QString &fromDay, const QString &toDay)
{
    return timed(QueryKind::Summary, [&] { return m_inner->countRunsPerDay(fromDay, toDay); });
}

QList<DailyCount> MeteredStore::countDecisionsPerDay(const QString &fromDay, const QString &toDay)
{
    return timed(QueryKind::Summary, [&] { return m_inner->countDecisionsPerDay(fromDay, toDay); });
}

} // namespace dpm
