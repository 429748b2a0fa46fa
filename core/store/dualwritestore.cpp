#include "dualwritestore.h"

#include "store/dualwriteproposalstore.h"
#include "store/dualwriteruneventstore.h"

namespace dpm {

DualWriteStore::DualWriteStore(
    std::unique_ptr<SupportStore> primary, std::unique_ptr<SupportStore> postgres, int readFromPostgresPercent)
    : m_primary(std::move(primary))
    , m_postgres(std::move(postgres))
    , m_router(std::make_shared<DualWriteRouter>(readFromPostgresPercent))
    , m_proposals(std::make_unique<DualWriteProposalStore>(m_primary->proposals(), m_postgres->proposals(), *m_router))
    , m_runEvents(std::make_unique<DualWriteRunEventStore>(m_primary->runEvents(), *m_postgres, *m_router))
{ }

DualWriteStore::~DualWriteStore() = default;

ProposalStore &DualWriteStore::proposals()
{
    return *m_proposals;
}

RunEventStore &DualWriteStore::runEvents()
{
    return *m_runEvents;
}

void DualWriteStore::interrupt()
{
    m_primary->interrupt();
    m_postgres->interrupt();
}

StatementInterrupter DualWriteStore::interrupterForThisThread()
{
    StatementInterrupter a = m_primary->interrupterForThisThread();
    StatementInterrupter b = m_postgres->interrupterForThisThread();
    const auto both = [](std::function<void()> x, std::function<void()> y) {
        return [x = std::move(x), y = std::move(y)] {
            if (x)
                x();
            if (y)
                y();
        };
    };
    return { both(std::move(a.interrupt), std::move(b.interrupt)), both(std::move(a.release), std::move(b.release)) };
}

void DualWriteStore::saveRun(const RebalanceRun &run)
{
    write("saveRun", &SupportStore::saveRun, run);
}

void DualWriteStore::recordRun(const RunRecord &record)
{
    write("recordRun", &SupportStore::recordRun, record);
}

std::optional<RebalanceRun> DualWriteStore::getRun(const QString &rebalanceRunId)
{
    return read("getRun", &SupportStore::getRun, rebalanceRunId);
}

std::optional<RebalanceRun> DualWriteStore::getRunByCorrelation(const QString &correlationId)
{
    return read("getRunByCorrelation", &SupportStore::getRunByCorrelation, correlationId);
}

std::optional<RebalanceRun> DualWriteStore::getRunByRequestHash(const QString &requestHash)
{
    return read("getRunByRequestHash", &SupportStore::getRunByRequestHash, requestHash);
}

Page<RunListItem> DualWriteStore::listRuns(const RunFilter &filter, const PageRequest &page)
{
    return read("listRuns", &SupportStore::listRuns, filter, page);
}

void DualWriteStore::saveRunArtifact(const RunArtifact &artifact)
{
    write("saveRunArtifact", &SupportStore::saveRunArtifact, artifact);
}

std::optional<RunArtifact> DualWriteStore::getRunArtifact(const QString &rebalanceRunId)
{
    return read("getRunArtifact", &SupportStore::getRunArtifact, rebalanceRunId);
}

void DualWriteStore::saveIdempotencyMapping(const IdempotencyMapping &mapping)
{
    write("saveIdempotencyMapping", &SupportStore::saveIdempotencyMapping, mapping);
}

std::optional<IdempotencyMapping> DualWriteStore::getIdempotencyMapping(const QString &idempotencyKey)
{
    return read("getIdempotencyMapping", &SupportStore::getIdempotencyMapping, idempotencyKey);
}

void DualWriteStore::appendIdempotencyHistory(const IdempotencyHistoryEntry &entry)
{
    write("appendIdempotencyHistory", &SupportStore::appendIdempotencyHistory, entry);
}

QList<IdempotencyHistoryEntry> DualWriteStore::listIdempotencyHistory(const QString &idempotencyKey)
{
    return read("listIdempotencyHistory", &SupportStore::listIdempotencyHistory, idempotencyKey);
}

void DualWriteStore::createOperation(const AsyncOperation &operation)
{
    write("createOperation", &SupportStore::createOperation, operation);
}

void DualWriteStore::updateOperation(const AsyncOperation &operation)
{
    write("updateOperation", &SupportStore::updateOperation, operation);
}

void DualWriteStore::submitOperation(const AsyncOperation &operation)
{
    write("submitOperation", &SupportStore::submitOperation, operation);
}

std::optional<AsyncOperation> DualWriteStore::getOperation(const QString &operationId)
{
    return read("getOperation", &SupportStore::getOperation, operationId);
}

std::optional<AsyncOperation> DualWriteStore::getOperationByCorrelation(const QString &correlationId)
{
    return read("getOperationByCorrelation", &SupportStore::getOperationByCorrelation, correlationId);
}

Page<AsyncOperation> DualWriteStore::listOperations(const OperationFilter &filter, const PageRequest &page)
{
    return read("listOperations", &SupportStore::listOperations, filter, page);
}

PurgeReport DualWriteStore::purgeExpiredOperations(qint64 ttlSeconds, const QString &now, bool dryRun)
{
    if (dryRun) // changes nothing: the primary's count is the answer
        return m_primary->purgeExpiredOperations(ttlSeconds, now, dryRun);
    return write("purgeExpiredOperations", &SupportStore::purgeExpiredOperations, ttlSeconds, now, dryRun);
}

void DualWriteStore::appendWorkflowDecision(const WorkflowDecision &decision)
{
    write("appendWorkflowDecision", &SupportStore::appendWorkflowDecision, decision);
}

QList<WorkflowDecision> DualWriteStore::listWorkflowDecisions(const QString &runId)
{
    return read("listWorkflowDecisions", &SupportStore::listWorkflowDecisions, runId);
}

std::optional<WorkflowHistory> DualWriteStore::getWorkflowHistoryByCorrelation(const QString &correlationId)
{
    return read("getWorkflowHistoryByCorrelation", &SupportStore::getWorkflowHistoryByCorrelation, correlationId);
}

Page<WorkflowDecision> DualWriteStore::listWorkflowDecisionsFiltered(const DecisionFilter &filter, const PageRequest &page)
{
    return read("listWorkflowDecisionsFiltered", &SupportStore::listWorkflowDecisionsFiltered, filter, page);
}

void DualWriteStore::appendLineageEdge(const LineageEdge &edge)
{
    write("appendLineageEdge", &SupportStore::appendLineageEdge, edge);
}

QList<LineageEdge> DualWriteStore::listLineageEdges(const QString &entityId)
{
    return read("listLineageEdges", &SupportStore::listLineageEdges, entityId);
}

void DualWriteStore::upsertPolicyPack(const PolicyPack &pack)
{
    write("upsertPolicyPack", &SupportStore::upsertPolicyPack, pack);
}

std::optional<PolicyPack> DualWriteStore::getPolicyPack(const QString &policyPackId)
{
    return read("getPolicyPack", &SupportStore::getPolicyPack, policyPackId);
}

QList<PolicyPack> DualWriteStore::listPolicyPacks()
{
    return read("listPolicyPacks", &SupportStore::listPolicyPacks);
}

bool DualWriteStore::deletePolicyPack(const QString &policyPackId)
{
    return write("deletePolicyPack", &SupportStore::deletePolicyPack, policyPackId);
}

SupportabilitySummary DualWriteStore::getSupportabilitySummary()
{
    return read("getSupportabilitySummary", &SupportStore::getSupportabilitySummary);
}

PurgeReport DualWriteStore::purgeExpiredRuns(int retentionDays, const QString &now, bool dryRun)
{
    if (dryRun)
        return m_primary->purgeExpiredRuns(retentionDays, now, dryRun);
    return write("purgeExpiredRuns", &SupportStore::purgeExpiredRuns, retentionDays, now, dryRun);
}

SupportBundleRows DualWriteStore::loadSupportBundle(const SupportBundleEntry &entry, const SupportBundleOptions &options)
{
    return read("loadSupportBundle", &SupportStore::loadSupportBundle, entry, options);
}

Page<LineageEdge> DualWriteStore::listLineageEdgesPage(
    const QString &entityId, const LineageFilter &filter, const PageRequest &page)
{
    return read("listLineageEdgesPage", &SupportStore::listLineageEdgesPage, entityId, filter, page);
}

QList<LineageEdge> DualWriteStore::listLineageEdgesTouching(const QStringList &entityIds)
{
    return read("listLineageEdgesTouching", &SupportStore::listLineageEdgesTouching, entityIds);
}

QList<IdentifierMatch> DualWriteStore::findIdentifier(const QString &identifier)
{
    return read("findIdentifier", &SupportStore::findIdentifier, identifier);
}

QList<DailyCount> DualWriteStore::countRunsPerDay(const QString &fromDay, const QString &toDay)
{
    return read("countRunsPerDay", &SupportStore::countRunsPerDay, fromDay, toDay);
}

QList<DailyCount> DualWriteStore::countDecisionsPerDay(const QString &fromDay, const QString &toDay)
{
    return read("countDecisionsPerDay", &SupportStore::countDecisionsPerDay, fromDay, toDay);
}

std::optional<DualWriteFigures> dualWriteFiguresOf(SupportStore &store)
{
    auto *dual = storeAs<DualWriteStore>(store);
    return dual ? std::optional(dual->figures()) : std::nullopt;
}

QString dualWriteBulkNote(SupportStore &store, const std::optional<DualWriteFigures> &before)
{
    const std::optional<DualWriteFigures> after = dualWriteFiguresOf(store);
    if (!before || !after || after->writeFailures == before->writeFailures)
        return {};
    return QStringLiteral("dual-write: %1 of %2 transactions failed in PostgreSQL, which misses their rows (the "
                          "primary has them); \"dpmctl transfer verify\" lists them and \"dpmctl transfer backfill "
                          "--repair\" copies them.")
        .arg(after->writeFailures - before->writeFailures)
        .arg(after->mirroredWrites - before->mirroredWrites);
}

} // namespace dpm
