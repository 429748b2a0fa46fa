#include "remotestore.h"

#include "remotecall.h"
#include "remotesubstores.h"

#include <QSet>
#include <QUrl>

#include <algorithm>

namespace dpm {

namespace {

// Request lines stay well under the server's 8 KiB limit; a longer id list goes in batches.
constexpr qsizetype kMaxEncodedIdsPerRequest = 5000;

} // namespace

Error remoteReadOnlyError()
{
    return Error(ErrorKind::Configuration, QStringLiteral("STORE_READ_ONLY_REMOTE"),
        QStringLiteral("A store read over a server is read-only; run this with dpmctl on the server's own store."));
}

Error remoteExtensionMissingError(const QString &what)
{
    return Error(ErrorKind::Configuration, QStringLiteral("REMOTE_EXTENSION_MISSING"),
        QStringLiteral("%1 needs the console's extensions (/console/v1/), which this server does not offer: it "
                       "serves only the service's API. Runs, operations, bundles, summary and proposals work; "
                       "for the rest, read through dpmctl serve.")
            .arg(what));
}

RemoteStore::RemoteStore(const StoreLocation &location)
    : m_location(location)
    , m_client(std::make_unique<RemoteClient>(RemoteSettings::fromLocation(location)))
    , m_service(*m_client)
    , m_proposals(std::make_unique<RemoteProposalStore>(*this))
    , m_runEvents(std::make_unique<RemoteRunEventStore>(*this))
    , m_auditLog(std::make_unique<RemoteAuditLog>())
{ }

RemoteStore::~RemoteStore() = default;

void RemoteStore::probe()
{
    hasExtensions();
}

bool RemoteStore::hasExtensions()
{
    std::lock_guard lock(m_probeMutex);
    if (m_hasExtensions)
        return *m_hasExtensions;
    try {
        remoteStoreCall<bool>(*m_client, "runEvents.isAvailable");
        m_hasExtensions = true;
    } catch (const Error &error) {
        if (error.code() != QLatin1String("REMOTE_NOT_FOUND_ROUTE"))
            throw; // unreachable, refused, untrusted: not an answer about the extensions
        // Still a server of the DPM API? Its health endpoint says so (the service has it too).
        m_client->getJson(QStringLiteral("/health"));
        m_hasExtensions = false;
    }
    return *m_hasExtensions;
}

QString RemoteStore::describe() const
{
    return m_location.redacted();
}

// Every write: refused before anything goes over the network.
void RemoteStore::saveRun(const RebalanceRun &)
{
    throw remoteReadOnlyError();
}
void RemoteStore::recordRun(const RunRecord &)
{
    throw remoteReadOnlyError();
}
void RemoteStore::saveRunArtifact(const RunArtifact &)
{
    throw remoteReadOnlyError();
}
void RemoteStore::saveIdempotencyMapping(const IdempotencyMapping &)
{
    throw remoteReadOnlyError();
}
void RemoteStore::appendIdempotencyHistory(const IdempotencyHistoryEntry &)
{
    throw remoteReadOnlyError();
}
void RemoteStore::createOperation(const AsyncOperation &)
{
    throw remoteReadOnlyError();
}
void RemoteStore::updateOperation(const AsyncOperation &)
{
    throw remoteReadOnlyError();
}
void RemoteStore::submitOperation(const AsyncOperation &)
{
    throw remoteReadOnlyError();
}
PurgeReport RemoteStore::purgeExpiredOperations(qint64, const QString &, bool)
{
    throw remoteReadOnlyError();
}
void RemoteStore::appendWorkflowDecision(const WorkflowDecision &)
{
    throw remoteReadOnlyError();
}
void RemoteStore::appendLineageEdge(const LineageEdge &)
{
    throw remoteReadOnlyError();
}
void RemoteStore::upsertPolicyPack(const PolicyPack &)
{
    throw remoteReadOnlyError();
}
bool RemoteStore::deletePolicyPack(const QString &)
{
    throw remoteReadOnlyError();
}
PurgeReport RemoteStore::purgeExpiredRuns(int, const QString &, bool)
{
    throw remoteReadOnlyError();
}

std::optional<RebalanceRun> RemoteStore::getRun(const QString &id)
{
    if (hasExtensions())
        return remoteStoreCall<std::optional<RebalanceRun>>(*m_client, "support.getRun", id);
    return m_service.getRun(id);
}

std::optional<RebalanceRun> RemoteStore::getRunByCorrelation(const QString &correlationId)
{
    if (hasExtensions())
        return remoteStoreCall<std::optional<RebalanceRun>>(*m_client, "support.getRunByCorrelation", correlationId);
    return m_service.getRunByCorrelation(correlationId);
}

std::optional<RebalanceRun> RemoteStore::getRunByRequestHash(const QString &requestHash)
{
    if (hasExtensions())
        return remoteStoreCall<std::optional<RebalanceRun>>(*m_client, "support.getRunByRequestHash", requestHash);
    return m_service.getRunByRequestHash(requestHash);
}

Page<RunListItem> RemoteStore::listRuns(const RunFilter &filter, const PageRequest &page)
{
    if (hasExtensions())
        return remoteStoreCall<Page<RunListItem>>(*m_client, "support.listRuns", filter, page);
    return m_service.listRuns(filter, page);
}

std::optional<RunArtifact> RemoteStore::getRunArtifact(const QString &runId)
{
    if (hasExtensions())
        return remoteStoreCall<std::optional<RunArtifact>>(*m_client, "support.getRunArtifact", runId);
    return m_service.getRunArtifact(runId);
}

std::optional<IdempotencyMapping> RemoteStore::getIdempotencyMapping(const QString &key)
{
    if (hasExtensions())
        return remoteStoreCall<std::optional<IdempotencyMapping>>(*m_client, "support.getIdempotencyMapping", key);
    return m_service.getIdempotencyMapping(key);
}

QList<IdempotencyHistoryEntry> RemoteStore::listIdempotencyHistory(const QString &key)
{
    if (hasExtensions())
        return remoteStoreCall<QList<IdempotencyHistoryEntry>>(*m_client, "support.listIdempotencyHistory", key);
    return m_service.listIdempotencyHistory(key);
}

std::optional<AsyncOperation> RemoteStore::getOperation(const QString &id)
{
    if (hasExtensions())
        return remoteStoreCall<std::optional<AsyncOperation>>(*m_client, "support.getOperation", id);
    return m_service.getOperation(id);
}

std::optional<AsyncOperation> RemoteStore::getOperationByCorrelation(const QString &correlationId)
{
    if (hasExtensions())
        return remoteStoreCall<std::optional<AsyncOperation>>(*m_client, "support.getOperationByCorrelation", correlationId);
    return m_service.getOperationByCorrelation(correlationId);
}

Page<AsyncOperation> RemoteStore::listOperations(const OperationFilter &filter, const PageRequest &page)
{
    if (hasExtensions())
        return remoteStoreCall<Page<AsyncOperation>>(*m_client, "support.listOperations", filter, page);
    return m_service.listOperations(filter, page);
}

QList<WorkflowDecision> RemoteStore::listWorkflowDecisions(const QString &runId)
{
    if (hasExtensions())
        return remoteStoreCall<QList<WorkflowDecision>>(*m_client, "support.listWorkflowDecisions", runId);
    return m_service.listWorkflowDecisions(runId);
}

std::optional<WorkflowHistory> RemoteStore::getWorkflowHistoryByCorrelation(const QString &correlationId)
{
    if (hasExtensions())
        return remoteStoreCall<std::optional<WorkflowHistory>>(
            *m_client, "support.getWorkflowHistoryByCorrelation", correlationId);
    return m_service.getWorkflowHistoryByCorrelation(correlationId);
}

Page<WorkflowDecision> RemoteStore::listWorkflowDecisionsFiltered(const DecisionFilter &filter, const PageRequest &page)
{
    if (hasExtensions())
        return remoteStoreCall<Page<WorkflowDecision>>(*m_client, "support.listWorkflowDecisionsFiltered", filter, page);
    return m_service.listWorkflowDecisionsFiltered(filter, page);
}

QList<LineageEdge> RemoteStore::listLineageEdges(const QString &entityId)
{
    if (hasExtensions())
        return remoteStoreCall<QList<LineageEdge>>(*m_client, "support.listLineageEdges", entityId);
    return m_service.listLineageEdges(entityId);
}

std::optional<PolicyPack> RemoteStore::getPolicyPack(const QString &policyPackId)
{
    if (hasExtensions())
        return remoteStoreCall<std::optional<PolicyPack>>(*m_client, "support.getPolicyPack", policyPackId);
    throw remoteExtensionMissingError(QStringLiteral("Reading policy packs"));
}

QList<PolicyPack> RemoteStore::listPolicyPacks()
{
    if (hasExtensions())
        return remoteStoreCall<QList<PolicyPack>>(*m_client, "support.listPolicyPacks");
    throw remoteExtensionMissingError(QStringLiteral("Reading policy packs"));
}

SupportabilitySummary RemoteStore::getSupportabilitySummary()
{
    if (hasExtensions())
        return remoteStoreCall<SupportabilitySummary>(*m_client, "support.getSupportabilitySummary");
    return m_service.getSupportabilitySummary();
}

SupportBundleRows RemoteStore::loadSupportBundle(const SupportBundleEntry &entry, const SupportBundleOptions &options)
{
    if (hasExtensions())
        return remoteStoreCall<SupportBundleRows>(*m_client, "support.loadSupportBundle", entry, options);
    return m_service.loadSupportBundle(entry, options);
}

Page<LineageEdge> RemoteStore::listLineageEdgesPage(
    const QString &entityId, const LineageFilter &filter, const PageRequest &page)
{
    if (hasExtensions())
        return remoteStoreCall<Page<LineageEdge>>(*m_client, "support.listLineageEdgesPage", entityId, filter, page);
    return m_service.listLineageEdgesPage(entityId, filter, page);
}

QList<LineageEdge> RemoteStore::listLineageEdgesTouching(const QStringList &entityIds)
{
    if (!hasExtensions())
        throw remoteExtensionMissingError(QStringLiteral("The lineage graph"));
    // In batches; an edge touching ids of two batches is kept from the first only, so each row
    // comes once, and the merge is put back in lineage order.
    QList<QStringList> batches(1);
    qsizetype size = 0;
    for (const QString &id : entityIds) {
        const qsizetype encoded = QUrl::toPercentEncoding(id).size() + 8;
        if (size + encoded > kMaxEncodedIdsPerRequest && !batches.last().isEmpty()) {
            batches.append(QStringList());
            size = 0;
        }
        batches.last().append(id);
        size += encoded;
    }
    if (batches.size() == 1)
        return remoteStoreCall<QList<LineageEdge>>(*m_client, "support.listLineageEdgesTouching", entityIds);
    QList<LineageEdge> out;
    QSet<QString> earlier;
    for (const QStringList &batch : batches) {
        for (const LineageEdge &edge :
            remoteStoreCall<QList<LineageEdge>>(*m_client, "support.listLineageEdgesTouching", batch)) {
            if (!earlier.contains(edge.sourceEntityId) && !earlier.contains(edge.targetEntityId))
                out.append(edge);
        }
        for (const QString &id : batch)
            earlier.insert(id);
    }
    std::stable_sort(out.begin(), out.end(), lineageKeyLess);
    return out;
}

QList<IdentifierMatch> RemoteStore::findIdentifier(const QString &identifier)
{
    if (hasExtensions())
        return remoteStoreCall<QList<IdentifierMatch>>(*m_client, "support.findIdentifier", identifier);
    throw remoteExtensionMissingError(QStringLiteral("Find anything"));
}

QList<DailyCount> RemoteStore::countRunsPerDay(const QString &fromDay, const QString &toDay)
{
    if (hasExtensions())
        return remoteStoreCall<QList<DailyCount>>(*m_client, "support.countRunsPerDay", fromDay, toDay);
    throw remoteExtensionMissingError(QStringLiteral("Runs per day"));
}

QList<DailyCount> RemoteStore::countDecisionsPerDay(const QString &fromDay, const QString &toDay)
{
    if (hasExtensions())
        return remoteStoreCall<QList<DailyCount>>(*m_client, "support.countDecisionsPerDay", fromDay, toDay);
    throw remoteExtensionMissingError(QStringLiteral("Decisions per day"));
}

AuditLog &RemoteStore::auditLog()
{
    return *m_auditLog;
}

ProposalStore &RemoteStore::proposals()
{
    return *m_proposals;
}

RunEventStore &RemoteStore::runEvents()
{
    return *m_runEvents;
}

void RemoteStore::interrupt()
{
    m_client->interruptAll();
}

StatementInterrupter RemoteStore::interrupterForThisThread()
{
    return m_client->interrupterForThisThread();
}

} // namespace dpm
