#include "memorystore.h"

#include "domain/canonicaljson.h"
#include "domain/cursor.h"
#include "domain/error.h"
#include "domain/pagelimit.h"
#include "domain/timestamp.h"
#include "store/bulkreader.h"
#include "store/memorykeyset.h"

#include <QJsonObject>
#include <QReadLocker>
#include <QSet>
#include <QWriteLocker>

#include <algorithm>
#include <iterator>
#include <tuple>

namespace dpm {

namespace {

using memory::continuation;
using memory::Continuation;
using memory::keysetPage;
using memory::SortKey;

const QString kCorrelationToRun = QStringLiteral("CORRELATION_TO_RUN");
const QString kIdempotencyToRun = QStringLiteral("IDEMPOTENCY_TO_RUN");
const QString kOperationToCorrelation = QStringLiteral("OPERATION_TO_CORRELATION");
const QString kOperationsTable = QStringLiteral("dpm_async_operations");

bool inBounds(const QString &value, const std::optional<QString> &from, const std::optional<QString> &to)
{
    return (!from || value >= *from) && (!to || value <= *to);
}

bool equalsFilter(const QString &value, const std::optional<QString> &filter)
{
    return !filter || value == *filter;
}

QString metadata(const QString &key, const QString &value)
{
    return QString::fromUtf8(canonicalJson(QJsonObject { { key, value } }));
}

[[noreturn]] void conflict(const char *code, const QString &message)
{
    throw Error(ErrorKind::Conflict, QString::fromLatin1(code), message);
}

} // namespace

// --- runs ---------------------------------------------------------------------------------

void MemoryStore::checkRunCorrelationLocked(const RebalanceRun &run) const
{
    const auto holder = m_runByCorrelation.constFind(run.correlationId);
    if (holder != m_runByCorrelation.cend() && *holder != run.rebalanceRunId) {
        conflict("DPM_RUN_CORRELATION_CONFLICT",
            QStringLiteral("Correlation id '%1' already belongs to run '%2'; a run needs a "
                           "correlation id of its own.")
                .arg(run.correlationId, *holder));
    }
}

void MemoryStore::putRunLocked(const RebalanceRun &run)
{
    removeRunLocked(run.rebalanceRunId);
    m_runs.insert(run.rebalanceRunId, StoredRun { run, statusOfResultJson(run.resultJson) });
    m_runByCorrelation.insert(run.correlationId, run.rebalanceRunId);
    m_runOrder.insert({ run.createdAt, run.rebalanceRunId });
}

void MemoryStore::removeRunLocked(const QString &rebalanceRunId)
{
    const auto it = m_runs.constFind(rebalanceRunId);
    if (it == m_runs.cend())
        return;
    m_runByCorrelation.remove(it->run.correlationId);
    m_runOrder.erase({ it->run.createdAt, rebalanceRunId });
    m_runs.erase(it);
}

void MemoryStore::saveRun(const RebalanceRun &run)
{
    QWriteLocker locker(&m_lock);
    checkRunCorrelationLocked(run);
    putRunLocked(run);
}

void MemoryStore::recordRun(const RunRecord &record)
{
    const RebalanceRun &run = record.run;
    const QString hashMetadata = metadata(QStringLiteral("request_hash"), run.requestHash);

    QWriteLocker locker(&m_lock);
    checkRunCorrelationLocked(run); // before any write: a conflict leaves nothing behind
    putRunLocked(run);
    if (record.artifactJson)
        m_artifacts.insert(run.rebalanceRunId, RunArtifact { run.rebalanceRunId, *record.artifactJson });
    m_edges.append(
        LineageEdge { run.correlationId, kCorrelationToRun, run.rebalanceRunId, run.createdAt, hashMetadata });
    if (run.idempotencyKey) {
        const QString &key = *run.idempotencyKey;
        m_mappings.insert(key, IdempotencyMapping { key, run.requestHash, run.rebalanceRunId, run.createdAt });
        m_history.append(
            IdempotencyHistoryEntry { key, run.rebalanceRunId, run.correlationId, run.requestHash, run.createdAt });
        m_edges.append(LineageEdge { key, kIdempotencyToRun, run.rebalanceRunId, run.createdAt, hashMetadata });
    }
}

std::optional<RebalanceRun> MemoryStore::getRun(const QString &rebalanceRunId)
{
    QReadLocker locker(&m_lock);
    const auto it = m_runs.constFind(rebalanceRunId);
    if (it == m_runs.cend())
        return std::nullopt;
    return it->run;
}

std::optional<RebalanceRun> MemoryStore::getRunByCorrelation(const QString &correlationId)
{
    QReadLocker locker(&m_lock);
    const auto holder = m_runByCorrelation.constFind(correlationId);
    if (holder == m_runByCorrelation.cend())
        return std::nullopt;
    return m_runs.value(*holder).run;
}

std::optional<RebalanceRun> MemoryStore::getRunByRequestHash(const QString &requestHash)
{
    QReadLocker locker(&m_lock);
    for (auto it = m_runOrder.crbegin(); it != m_runOrder.crend(); ++it) {
        const StoredRun &stored = *m_runs.constFind(it->second);
        if (stored.run.requestHash == requestHash)
            return stored.run;
    }
    return std::nullopt;
}

Page<RunListItem> MemoryStore::listRuns(const RunFilter &filter, const PageRequest &page)
{
    requirePageLimit(page.limit);
    QReadLocker locker(&m_lock);

    const auto matches = [&](const QString &id) {
        const StoredRun &stored = *m_runs.constFind(id);
        const RebalanceRun &run = stored.run;
        if (!inBounds(run.createdAt, filter.createdFrom, filter.createdTo))
            return false;
        if (filter.status && (stored.status.isEmpty() || stored.status != *filter.status))
            return false;
        return equalsFilter(run.requestHash, filter.requestHash) && equalsFilter(run.portfolioId, filter.portfolioId);
    };
    const Continuation from
        = continuation(CursorListing::Runs, page.cursor, [&](const QString &id) -> std::optional<QString> {
              const auto it = m_runs.constFind(id);
              if (it == m_runs.cend() || !matches(id))
                  return std::nullopt;
              return it->run.createdAt;
          });
    if (from.empty)
        return {};
    return keysetPage<RunListItem>(
        m_runOrder, from.after, page.limit, filter.createdFrom, CursorListing::Runs, matches, [&](const QString &id) {
            const StoredRun &stored = *m_runs.constFind(id);
            const RebalanceRun &run = stored.run;
            return RunListItem { run.rebalanceRunId, run.correlationId, run.requestHash, run.idempotencyKey,
                run.portfolioId, stored.status, run.createdAt };
        });
}

// --- artifacts ----------------------------------------------------------------------------

void MemoryStore::saveRunArtifact(const RunArtifact &artifact)
{
    QWriteLocker locker(&m_lock);
    m_artifacts.insert(artifact.rebalanceRunId, artifact);
}

std::optional<RunArtifact> MemoryStore::getRunArtifact(const QString &rebalanceRunId)
{
    QReadLocker locker(&m_lock);
    const auto it = m_artifacts.constFind(rebalanceRunId);
    if (it == m_artifacts.cend())
        return std::nullopt;
    return *it;
}

// --- idempotency --------------------------------------------------------------------------

void MemoryStore::saveIdempotencyMapping(const IdempotencyMapping &mapping)
{
    QWriteLocker locker(&m_lock);
    m_mappings.insert(mapping.idempotencyKey, mapping);
}

std::optional<IdempotencyMapping> MemoryStore::getIdempotencyMapping(const QString &idempotencyKey)
{
    QReadLocker locker(&m_lock);
    const auto it = m_mappings.constFind(idempotencyKey);
    if (it == m_mappings.cend())
        return std::nullopt;
    return *it;
}

void MemoryStore::appendIdempotencyHistory(const IdempotencyHistoryEntry &entry)
{
    QWriteLocker locker(&m_lock);
    m_history.append(entry);
}

QList<IdempotencyHistoryEntry> MemoryStore::historyLocked(const QString &idempotencyKey) const
{
    QList<IdempotencyHistoryEntry> entries;
    for (const IdempotencyHistoryEntry &entry : m_history) {
        if (entry.idempotencyKey == idempotencyKey)
            entries.append(entry);
    }
    std::stable_sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) {
        return std::tie(a.createdAt, a.rebalanceRunId, a.correlationId, a.requestHash)
            < std::tie(b.createdAt, b.rebalanceRunId, b.correlationId, b.requestHash);
    });
    return entries;
}

QList<IdempotencyHistoryEntry> MemoryStore::listIdempotencyHistory(const QString &idempotencyKey)
{
    QReadLocker locker(&m_lock);
    return historyLocked(idempotencyKey);
}

// --- async operations ---------------------------------------------------------------------

void MemoryStore::checkOperationCorrelationLocked(const AsyncOperation &operation) const
{
    const auto holder = m_operationByCorrelation.constFind(operation.correlationId);
    if (holder != m_operationByCorrelation.cend() && *holder != operation.operationId) {
        conflict("DPM_ASYNC_OPERATION_CORRELATION_CONFLICT",
            QStringLiteral("Correlation id '%1' already belongs to operation '%2'; submit with "
                           "a new correlation id.")
                .arg(operation.correlationId, *holder));
    }
}

void MemoryStore::putOperationLocked(const AsyncOperation &operation)
{
    removeOperationLocked(operation.operationId);
    m_operations.insert(operation.operationId, operation);
    m_operationByCorrelation.insert(operation.correlationId, operation.operationId);
    m_operationOrder.insert({ operation.createdAt, operation.operationId });
}

void MemoryStore::removeOperationLocked(const QString &operationId)
{
    const auto it = m_operations.constFind(operationId);
    if (it == m_operations.cend())
        return;
    m_operationByCorrelation.remove(it->correlationId);
    m_operationOrder.erase({ it->createdAt, operationId });
    m_operations.erase(it);
}

void MemoryStore::createOperation(const AsyncOperation &operation)
{
    QWriteLocker locker(&m_lock);
    checkOperationCorrelationLocked(operation);
    putOperationLocked(operation);
}

void MemoryStore::updateOperation(const AsyncOperation &operation)
{
    createOperation(operation);
}

void MemoryStore::submitOperation(const AsyncOperation &operation)
{
    const QString typeMetadata = metadata(QStringLiteral("operation_type"), operation.operationType);

    QWriteLocker locker(&m_lock);
    // The service's submit rejects any operation already holding the correlation, even its own
    // id: a submit is a new operation, never an update.
    const auto holder = m_operationByCorrelation.constFind(operation.correlationId);
    if (holder != m_operationByCorrelation.cend()) {
        conflict("DPM_ASYNC_OPERATION_CORRELATION_CONFLICT",
            QStringLiteral("Correlation id '%1' already belongs to operation '%2'; submit with "
                           "a new correlation id.")
                .arg(operation.correlationId, *holder));
    }
    putOperationLocked(operation);
    m_edges.append(LineageEdge {
        operation.operationId, kOperationToCorrelation, operation.correlationId, operation.createdAt, typeMetadata });
}

std::optional<AsyncOperation> MemoryStore::getOperation(const QString &operationId)
{
    QReadLocker locker(&m_lock);
    const auto it = m_operations.constFind(operationId);
    if (it == m_operations.cend())
        return std::nullopt;
    return *it;
}

std::optional<AsyncOperation> MemoryStore::getOperationByCorrelation(const QString &correlationId)
{
    QReadLocker locker(&m_lock);
    const auto holder = m_operationByCorrelation.constFind(correlationId);
    if (holder == m_operationByCorrelation.cend())
        return std::nullopt;
    return m_operations.value(*holder);
}

Page<AsyncOperation> MemoryStore::listOperations(const OperationFilter &filter, const PageRequest &page)
{
    requirePageLimit(page.limit);
    QReadLocker locker(&m_lock);

    const auto matches = [&](const QString &id) {
        const AsyncOperation &op = *m_operations.constFind(id);
        return inBounds(op.createdAt, filter.createdFrom, filter.createdTo)
            && equalsFilter(op.operationType, filter.operationType) && equalsFilter(op.status, filter.status)
            && equalsFilter(op.correlationId, filter.correlationId);
    };
    const Continuation from
        = continuation(CursorListing::Operations, page.cursor, [&](const QString &id) -> std::optional<QString> {
              const auto it = m_operations.constFind(id);
              if (it == m_operations.cend() || !matches(id))
                  return std::nullopt;
              return it->createdAt;
          });
    if (from.empty)
        return {};
    return keysetPage<AsyncOperation>(m_operationOrder, from.after, page.limit, filter.createdFrom,
        CursorListing::Operations, matches, [&](const QString &id) { return *m_operations.constFind(id); });
}

PurgeReport MemoryStore::purgeExpiredOperations(qint64 ttlSeconds, const QString &now, bool dryRun)
{
    PurgeReport report = startOperationPurge(ttlSeconds, now, dryRun);
    if (report.cutoff.isEmpty())
        return report;

    QWriteLocker locker(&m_lock);
    QStringList expired;
    for (const AsyncOperation &op : std::as_const(m_operations)) {
        if (op.finishedAt.value_or(op.createdAt) < report.cutoff)
            expired.append(op.operationId);
    }
    report.deleted[kOperationsTable] = expired.size();
    if (!dryRun) {
        for (const QString &id : std::as_const(expired))
            removeOperationLocked(id);
    }
    return report;
}

// --- workflow decisions -------------------------------------------------------------------

void MemoryStore::appendWorkflowDecision(const WorkflowDecision &decision)
{
    QWriteLocker locker(&m_lock);
    if (m_decisions.contains(decision.decisionId)) {
        conflict("DPM_WORKFLOW_DECISION_CONFLICT",
            QStringLiteral("Workflow decision '%1' is already recorded; decisions are append-only, "
                           "record a new decision with a new id.")
                .arg(decision.decisionId));
    }
    m_decisions.insert(decision.decisionId, decision);
    m_decisionOrder.insert({ decision.decidedAt, decision.decisionId });
}

QList<WorkflowDecision> MemoryStore::decisionsLocked(const QString &runId) const
{
    QList<WorkflowDecision> decisions;
    for (const SortKey &key : m_decisionOrder) {
        const WorkflowDecision &decision = *m_decisions.constFind(key.second);
        if (decision.runId == runId)
            decisions.append(decision);
    }
    return decisions;
}

QList<WorkflowDecision> MemoryStore::listWorkflowDecisions(const QString &runId)
{
    QReadLocker locker(&m_lock);
    return decisionsLocked(runId);
}

std::optional<WorkflowHistory> MemoryStore::getWorkflowHistoryByCorrelation(const QString &correlationId)
{
    QReadLocker locker(&m_lock);
    const auto holder = m_runByCorrelation.constFind(correlationId);
    if (holder == m_runByCorrelation.cend())
        return std::nullopt;
    return WorkflowHistory { *holder, decisionsLocked(*holder) };
}

Page<WorkflowDecision> MemoryStore::listWorkflowDecisionsFiltered(const DecisionFilter &filter, const PageRequest &page)
{
    requirePageLimit(page.limit);
    QReadLocker locker(&m_lock);

    const auto matches = [&](const QString &id) {
        const WorkflowDecision &d = *m_decisions.constFind(id);
        return inBounds(d.decidedAt, filter.decidedFrom, filter.decidedTo)
            && equalsFilter(d.runId, filter.rebalanceRunId) && equalsFilter(d.action, filter.action)
            && equalsFilter(d.actorId, filter.actorId) && equalsFilter(d.reasonCode, filter.reasonCode);
    };
    const Continuation from
        = continuation(CursorListing::Decisions, page.cursor, [&](const QString &id) -> std::optional<QString> {
              const auto it = m_decisions.constFind(id);
              if (it == m_decisions.cend() || !matches(id))
                  return std::nullopt;
              return it->decidedAt;
          });
    if (from.empty)
        return {};
    return keysetPage<WorkflowDecision>(m_decisionOrder, from.after, page.limit, filter.decidedFrom,
        CursorListing::Decisions, matches, [&](const QString &id) { return *m_decisions.constFind(id); });
}

// --- lineage ------------------------------------------------------------------------------

void MemoryStore::appendLineageEdge(const LineageEdge &edge)
{
    QWriteLocker locker(&m_lock);
    m_edges.append(edge);
}

QList<LineageEdge> MemoryStore::edgesTouchingLocked(const QString &entityId) const
{
    QList<LineageEdge> edges;
    for (const LineageEdge &edge : m_edges) {
        if (edge.sourceEntityId == entityId || edge.targetEntityId == entityId)
            edges.append(edge);
    }
    std::stable_sort(edges.begin(), edges.end(), lineageKeyLess);
    return edges;
}

QList<LineageEdge> MemoryStore::listLineageEdges(const QString &entityId)
{
    QReadLocker locker(&m_lock);
    return edgesTouchingLocked(entityId);
}

// --- policy packs -------------------------------------------------------------------------

void MemoryStore::upsertPolicyPack(const PolicyPack &pack)
{
    QWriteLocker locker(&m_lock);
    PolicyPack stored = pack;
    const auto existing = m_policyPacks.constFind(pack.policyPackId);
    if (existing != m_policyPacks.cend())
        stored.createdAt = existing->createdAt;
    m_policyPacks.insert(pack.policyPackId, stored);
}

std::optional<PolicyPack> MemoryStore::getPolicyPack(const QString &policyPackId)
{
    QReadLocker locker(&m_lock);
    const auto it = m_policyPacks.constFind(policyPackId);
    if (it == m_policyPacks.cend())
        return std::nullopt;
    return *it;
}

QList<PolicyPack> MemoryStore::listPolicyPacks()
{
    QReadLocker locker(&m_lock);
    return m_policyPacks.values();
}

bool MemoryStore::deletePolicyPack(const QString &policyPackId)
{
    QWriteLocker locker(&m_lock);
    return m_policyPacks.remove(policyPackId) > 0;
}

// --- summary and retention ----------------------------------------------------------------

SupportabilitySummary MemoryStore::getSupportabilitySummary()
{
    QReadLocker locker(&m_lock);
    SupportabilitySummary summary;

    summary.runCount = m_runs.size();
    for (const StoredRun &stored : std::as_const(m_runs)) {
        if (!stored.status.isEmpty())
            ++summary.runStatusCounts[stored.status];
    }
    if (!m_runOrder.empty()) {
        summary.oldestRunCreatedAt = m_runOrder.begin()->first;
        summary.newestRunCreatedAt = m_runOrder.rbegin()->first;
    }

    summary.operationCount = m_operations.size();
    for (const AsyncOperation &op : std::as_const(m_operations))
        ++summary.operationStatusCounts[op.status];
    if (!m_operationOrder.empty()) {
        summary.oldestOperationCreatedAt = m_operationOrder.begin()->first;
        summary.newestOperationCreatedAt = m_operationOrder.rbegin()->first;
    }

    summary.workflowDecisionCount = m_decisions.size();
    for (const WorkflowDecision &decision : std::as_const(m_decisions)) {
        ++summary.workflowActionCounts[decision.action];
        ++summary.workflowReasonCodeCounts[decision.reasonCode];
    }

    summary.lineageEdgeCount = m_edges.size(); // rows, duplicates included (Part A §5)
    return summary;
}

PurgeReport MemoryStore::purgeExpiredRuns(int retentionDays, const QString &now, bool dryRun)
{
    PurgeReport report = startRunPurge(retentionDays, now, dryRun);
    if (report.cutoff.isEmpty())
        return report;

    QWriteLocker locker(&m_lock);

    // Expired runs: the head of the created_at index, strictly below the cutoff.
    QSet<QString> expiredIds;
    QSet<QString> lineageIds;
    for (const SortKey &key : m_runOrder) {
        if (!(key.first < report.cutoff))
            break;
        const RebalanceRun &run = m_runs.constFind(key.second)->run;
        expiredIds.insert(run.rebalanceRunId);
        lineageIds.insert(run.rebalanceRunId);
        lineageIds.insert(run.correlationId);
        if (run.idempotencyKey)
            lineageIds.insert(*run.idempotencyKey);
    }

    QStringList decisionIds;
    for (const WorkflowDecision &decision : std::as_const(m_decisions)) {
        if (expiredIds.contains(decision.runId))
            decisionIds.append(decision.decisionId);
    }
    QStringList artifactIds;
    for (const RunArtifact &artifact : std::as_const(m_artifacts)) {
        if (expiredIds.contains(artifact.rebalanceRunId))
            artifactIds.append(artifact.rebalanceRunId);
    }
    QStringList mappingKeys;
    for (const IdempotencyMapping &mapping : std::as_const(m_mappings)) {
        if (expiredIds.contains(mapping.rebalanceRunId))
            mappingKeys.append(mapping.idempotencyKey);
    }
    const auto historyExpired
        = [&](const IdempotencyHistoryEntry &entry) { return expiredIds.contains(entry.rebalanceRunId); };
    const auto edgeExpired = [&](const LineageEdge &edge) {
        return lineageIds.contains(edge.sourceEntityId) || lineageIds.contains(edge.targetEntityId);
    };

    report.deleted[QStringLiteral("dpm_runs")] = expiredIds.size();
    report.deleted[QStringLiteral("dpm_run_artifacts")] = artifactIds.size();
    report.deleted[QStringLiteral("dpm_run_idempotency")] = mappingKeys.size();
    report.deleted[QStringLiteral("dpm_run_idempotency_history")]
        = std::count_if(m_history.cbegin(), m_history.cend(), historyExpired);
    report.deleted[QStringLiteral("dpm_workflow_decisions")] = decisionIds.size();
    report.deleted[QStringLiteral("dpm_lineage_edges")] = std::count_if(m_edges.cbegin(), m_edges.cend(), edgeExpired);
    if (dryRun)
        return report;

    for (const QString &id : std::as_const(expiredIds))
        removeRunLocked(id);
    for (const QString &id : std::as_const(decisionIds)) {
        const WorkflowDecision decision = m_decisions.take(id);
        m_decisionOrder.erase({ decision.decidedAt, id });
    }
    for (const QString &id : std::as_const(artifactIds))
        m_artifacts.remove(id);
    for (const QString &key : std::as_const(mappingKeys))
        m_mappings.remove(key);
    m_history.removeIf(historyExpired);
    m_edges.removeIf(edgeExpired);
    return report;
}

// --- investigation reads --------------------------------------------------------------------

SupportBundleRows MemoryStore::loadSupportBundle(const SupportBundleEntry &entry, const SupportBundleOptions &options)
{
    SupportBundleRows rows;
    QReadLocker locker(&m_lock); // one lock: the rows describe one moment

    const auto runById = [&](const QString &id) -> std::optional<RebalanceRun> {
        const auto it = m_runs.constFind(id);
        return it == m_runs.cend() ? std::nullopt : std::optional(it->run);
    };
    const auto runByCorrelation = [&](const QString &correlationId) -> std::optional<RebalanceRun> {
        const auto holder = m_runByCorrelation.constFind(correlationId);
        return holder == m_runByCorrelation.cend() ? std::nullopt : runById(*holder);
    };

    switch (entry.kind) {
    case SupportBundleEntry::Kind::RunId:
        rows.run = runById(entry.value);
        rows.entryFound = rows.run.has_value();
        break;
    case SupportBundleEntry::Kind::Correlation:
        rows.run = runByCorrelation(entry.value);
        rows.entryFound = rows.run.has_value();
        break;
    case SupportBundleEntry::Kind::IdempotencyKey:
        if (const auto mapping = m_mappings.constFind(entry.value); mapping != m_mappings.cend()) {
            rows.entryFound = true;
            rows.run = runById(mapping->rebalanceRunId);
        }
        break;
    case SupportBundleEntry::Kind::OperationId:
        if (const auto op = m_operations.constFind(entry.value); op != m_operations.cend()) {
            rows.entryFound = true;
            rows.operation = *op;
            rows.run = runByCorrelation(op->correlationId);
        }
        break;
    }
    if (!rows.run)
        return rows;

    const RebalanceRun &run = *rows.run;
    if (options.includeArtifact) {
        if (const auto artifact = m_artifacts.constFind(run.rebalanceRunId); artifact != m_artifacts.cend())
            rows.artifact = *artifact;
    }
    if (options.includeAsyncOperation && !rows.operation) {
        if (const auto holder = m_operationByCorrelation.constFind(run.correlationId);
            holder != m_operationByCorrelation.cend())
            rows.operation = m_operations.value(*holder);
    }
    rows.decisions = decisionsLocked(run.rebalanceRunId);
    rows.edges = edgesTouchingLocked(run.rebalanceRunId);
    if (options.includeIdempotencyHistory && run.idempotencyKey)
        rows.idempotencyHistory = historyLocked(*run.idempotencyKey);
    return rows;
}

Page<LineageEdge> MemoryStore::listLineageEdgesPage(
    const QString &entityId, const LineageFilter &filter, const PageRequest &page)
{
    requirePageLimit(page.limit);
    const std::optional<LineageCursor> cursor = decodeLineageCursor(page.cursor);

    QList<LineageEdge> edges;
    {
        QReadLocker locker(&m_lock);
        edges = edgesTouchingLocked(entityId);
    }
    edges.removeIf([&](const LineageEdge &edge) {
        return !equalsFilter(edge.edgeType, filter.edgeType)
            || !inBounds(edge.createdAt, filter.createdFrom, filter.createdTo);
    });

    qsizetype start = 0;
    if (cursor) {
        const auto named = std::find_if(
            edges.cbegin(), edges.cend(), [&](const LineageEdge &edge) { return lineageCursorNames(*cursor, edge); });
        if (named == edges.cend())
            return {};
        // After the whole run of edges sharing the named key: a page never splits one.
        start = std::upper_bound(edges.cbegin(), edges.cend(), *named, lineageKeyLess) - edges.cbegin();
    }

    Page<LineageEdge> result;
    qsizetype end = std::min(start + page.limit, edges.size());
    while (end > start && end < edges.size() && lineageKeyEqual(edges.at(end - 1), edges.at(end)))
        ++end;
    result.items = edges.mid(start, end - start);
    if (end < edges.size())
        result.nextCursor = encodeLineageCursor(result.items.constLast());
    return result;
}

QList<LineageEdge> MemoryStore::listLineageEdgesTouching(const QStringList &entityIds)
{
    const QSet<QString> ids(entityIds.cbegin(), entityIds.cend());
    QList<LineageEdge> edges;
    {
        QReadLocker locker(&m_lock);
        for (const LineageEdge &edge : m_edges) {
            if (ids.contains(edge.sourceEntityId) || ids.contains(edge.targetEntityId))
                edges.append(edge);
        }
    }
    std::stable_sort(edges.begin(), edges.end(), lineageKeyLess);
    return edges;
}

QList<IdentifierMatch> MemoryStore::findIdentifier(const QString &identifier)
{
    QList<IdentifierMatch> matches;
    QReadLocker locker(&m_lock);

    const auto leadingToRun = [&](IdentifierKind kind, const QString &runId) {
        IdentifierMatch match;
        match.kind = kind;
        match.runId = runId;
        match.runExists = m_runs.contains(runId);
        return match;
    };
    const auto leadingToOperation = [&](IdentifierKind kind, const AsyncOperation &op) {
        IdentifierMatch match;
        match.kind = kind;
        match.operationId = op.operationId;
        if (const auto holder = m_runByCorrelation.constFind(op.correlationId); holder != m_runByCorrelation.cend()) {
            match.runId = *holder;
            match.runExists = true;
        }
        return match;
    };

    if (m_runs.contains(identifier))
        matches << leadingToRun(IdentifierKind::RunId, identifier);
    if (const auto holder = m_runByCorrelation.constFind(identifier); holder != m_runByCorrelation.cend())
        matches << leadingToRun(IdentifierKind::RunCorrelationId, *holder);
    if (const auto op = m_operations.constFind(identifier); op != m_operations.cend())
        matches << leadingToOperation(IdentifierKind::OperationId, *op);
    if (const auto holder = m_operationByCorrelation.constFind(identifier); holder != m_operationByCorrelation.cend())
        matches << leadingToOperation(IdentifierKind::OperationCorrelationId, *m_operations.constFind(*holder));
    if (const auto mapping = m_mappings.constFind(identifier); mapping != m_mappings.cend())
        matches << leadingToRun(IdentifierKind::IdempotencyKey, mapping->rebalanceRunId);

    // Request hash: the latest run (the newest in the created_at index) and how many share it.
    std::optional<QString> latest;
    qint64 count = 0;
    for (auto it = m_runOrder.crbegin(); it != m_runOrder.crend(); ++it) {
        if (m_runs.constFind(it->second)->run.requestHash == identifier) {
            if (!latest)
                latest = it->second;
            ++count;
        }
    }
    if (latest) {
        IdentifierMatch match = leadingToRun(IdentifierKind::RequestHash, *latest);
        match.runCount = count;
        matches << match;
    }

    const auto leadingToDecision = [&](IdentifierKind kind, const WorkflowDecision &decision) {
        IdentifierMatch match = leadingToRun(kind, decision.runId);
        match.decisionId = decision.decisionId;
        return match;
    };
    if (const auto decision = m_decisions.constFind(identifier); decision != m_decisions.cend())
        matches << leadingToDecision(IdentifierKind::DecisionId, *decision);
    for (const SortKey &key : m_decisionOrder) {
        const WorkflowDecision &decision = *m_decisions.constFind(key.second);
        if (decision.correlationId == identifier)
            matches << leadingToDecision(IdentifierKind::DecisionCorrelationId, decision);
    }
    return matches;
}

// --- per-day series ------------------------------------------------------------------------

QList<DailyCount> MemoryStore::countRunsPerDay(const QString &fromDay, const QString &toDay)
{
    const DayRangeBounds bounds = dayRangeBounds(fromDay, toDay);
    QReadLocker locker(&m_lock);
    QMap<std::pair<QString, QString>, qint64> counts;
    // The sort index is (created_at, id): walk only the range.
    const auto end = m_runOrder.lower_bound({ bounds.upperExclusive, QString() });
    for (auto it = m_runOrder.lower_bound({ bounds.lower, QString() }); it != end; ++it)
        ++counts[{ it->first.left(10), m_runs.value(it->second).status }];
    QList<DailyCount> result;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        result << DailyCount { it.key().first, it.key().second, it.value() };
    return result;
}

QList<DailyCount> MemoryStore::countDecisionsPerDay(const QString &fromDay, const QString &toDay)
{
    const DayRangeBounds bounds = dayRangeBounds(fromDay, toDay);
    QReadLocker locker(&m_lock);
    QMap<std::pair<QString, QString>, qint64> counts;
    const auto end = m_decisionOrder.lower_bound({ bounds.upperExclusive, QString() });
    for (auto it = m_decisionOrder.lower_bound({ bounds.lower, QString() }); it != end; ++it)
        ++counts[{ it->first.left(10), m_decisions.value(it->second).action }];
    QList<DailyCount> result;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        result << DailyCount { it.key().first, it.key().second, it.value() };
    return result;
}

QList<QList<QByteArray>> MemoryStore::bulkRows(BulkTable table) const
{
    QReadLocker locker(&m_lock);
    QList<QList<QByteArray>> rows;
    switch (table) {
    case BulkTable::Runs:
        for (const StoredRun &stored : m_runs) {
            const RebalanceRun &r = stored.run;
            rows.append({ bulkTextValue(r.rebalanceRunId), bulkTextValue(r.correlationId), bulkTextValue(r.requestHash),
                bulkOptionalText(r.idempotencyKey), bulkTextValue(r.portfolioId), bulkTextValue(r.createdAt),
                bulkTextValue(r.resultJson) });
        }
        break;
    case BulkTable::RunArtifacts:
        for (const RunArtifact &a : m_artifacts)
            rows.append({ bulkTextValue(a.rebalanceRunId), bulkTextValue(a.artifactJson) });
        break;
    case BulkTable::RunIdempotency:
        for (const IdempotencyMapping &m : m_mappings)
            rows.append(
                { bulkTextValue(m.idempotencyKey), bulkTextValue(m.requestHash), bulkTextValue(m.rebalanceRunId), bulkTextValue(m.createdAt) });
        break;
    case BulkTable::RunIdempotencyHistory:
        for (const IdempotencyHistoryEntry &h : m_history)
            rows.append({ bulkTextValue(h.idempotencyKey), bulkTextValue(h.rebalanceRunId), bulkTextValue(h.correlationId),
                bulkTextValue(h.requestHash), bulkTextValue(h.createdAt) });
        break;
    case BulkTable::AsyncOperations:
        for (const AsyncOperation &o : m_operations)
            rows.append({ bulkTextValue(o.operationId), bulkTextValue(o.operationType), bulkTextValue(o.status),
                bulkTextValue(o.correlationId), bulkTextValue(o.createdAt), bulkOptionalText(o.startedAt),
                bulkOptionalText(o.finishedAt), bulkOptionalText(o.resultJson), bulkOptionalText(o.errorJson),
                bulkOptionalText(o.requestJson) });
        break;
    case BulkTable::WorkflowDecisions:
        for (const WorkflowDecision &d : m_decisions)
            rows.append({ bulkTextValue(d.decisionId), bulkTextValue(d.runId), bulkTextValue(d.action), bulkTextValue(d.reasonCode),
                bulkOptionalText(d.comment), bulkTextValue(d.actorId), bulkTextValue(d.decidedAt), bulkTextValue(d.correlationId) });
        break;
    case BulkTable::LineageEdges:
        for (const LineageEdge &e : m_edges)
            rows.append({ bulkTextValue(e.sourceEntityId), bulkTextValue(e.edgeType), bulkTextValue(e.targetEntityId),
                bulkTextValue(e.createdAt), bulkTextValue(e.metadataJson) });
        break;
    case BulkTable::RunEvents:
    case BulkTable::Outbox:
        return m_runEvents.bulkRows(table);
    default:
        return m_proposals.bulkRows(table);
    }
    return rows;
}

} // namespace dpm
