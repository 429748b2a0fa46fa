#include "sqlstore.h"

#include "domain/canonicaljson.h"
#include "domain/cursor.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "store/sqltransaction.h"

#include <QJsonObject>
#include <QSqlQuery>

#include <type_traits>

namespace dpm {

namespace {

const QString kRunColumns = QStringLiteral(
    "rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id, created_at, result_json");
const QString kOperationColumns
    = QStringLiteral("operation_id, operation_type, status, correlation_id, created_at, started_at, finished_at, "
                     "result_json, error_json, request_json");
const QString kDecisionColumns
    = QStringLiteral("decision_id, run_id, action, reason_code, comment, actor_id, decided_at, correlation_id");
const QString kEdgeColumns = QStringLiteral("source_entity_id, edge_type, target_entity_id, created_at, metadata_json");
const QString kHistoryColumns
    = QStringLiteral("idempotency_key, rebalance_run_id, correlation_id, request_hash, created_at");
const QString kPolicyPackColumns = QStringLiteral("policy_pack_id, version, definition_json, created_at, updated_at");

RebalanceRun readRun(const SqlRows &q)
{
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), optionalText(q.value(3)),
        q.value(4).toString(), q.value(5).toString(), q.value(6).toString() };
}

AsyncOperation readOperation(const SqlRows &q)
{
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
        q.value(4).toString(), optionalText(q.value(5)), optionalText(q.value(6)), optionalText(q.value(7)),
        optionalText(q.value(8)), optionalText(q.value(9)) };
}

WorkflowDecision readDecision(const SqlRows &q)
{
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
        optionalText(q.value(4)), q.value(5).toString(), q.value(6).toString(), q.value(7).toString() };
}

LineageEdge readEdge(const SqlRows &q)
{
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
        q.value(4).toString() };
}

PolicyPack readPolicyPack(const SqlRows &q)
{
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
        q.value(4).toString() };
}

void requireValidLimit(int limit)
{
    if (limit < 1) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_LIMIT"),
            QStringLiteral("The page size must be at least 1 (got %1).").arg(limit));
    }
}

// Builds an AND-ed WHERE clause with its bound values, in order.
class SqlWhere
{
public:
    void add(const QString &condition, const QVariantList &values = {})
    {
        m_conditions << condition;
        m_params << values;
    }
    void equals(const QString &expression, const std::optional<QString> &value)
    {
        if (value)
            add(expression + QStringLiteral(" = ?"), { *value });
    }
    void atLeast(const QString &expression, const std::optional<QString> &value)
    {
        if (value)
            add(expression + QStringLiteral(" >= ?"), { *value });
    }
    void atMost(const QString &expression, const std::optional<QString> &value)
    {
        if (value)
            add(expression + QStringLiteral(" <= ?"), { *value });
    }
    QString sql() const
    {
        return m_conditions.isEmpty() ? QString()
                                      : QStringLiteral(" WHERE ") + m_conditions.join(QStringLiteral(" AND "));
    }
    const QVariantList &params() const { return m_params; }

private:
    QStringList m_conditions;
    QVariantList m_params;
};

// One keyset listing: newest first by (sortColumn, idColumn), both descending.
struct KeysetListing
{
    CursorListing listing;
    QString table;
    QString columns;
    QString sortColumn;
    QString idColumn;
};

template <typename T, typename Read, typename Key>
Page<T> keysetPage(SqlDatabase &db, const QString &collate, const KeysetListing &spec, SqlWhere where,
    const PageRequest &page, Read read, Key sortKeyOf)
{
    requireValidLimit(page.limit);
    const std::optional<Cursor> cursor = decodeCursor(spec.listing, page.cursor);
    QString afterSortKey;
    QString afterId;
    if (cursor) {
        afterId = cursor->id;
        if (cursor->isLegacy()) {
            // The service's cursor is a bare id: it must name a row of this filtered listing.
            SqlWhere named = where;
            named.add(spec.idColumn + QStringLiteral(" = ?"), { cursor->id });
            SqlRows q = db.exec(
                QStringLiteral("SELECT %1 FROM %2%3").arg(spec.sortColumn, spec.table, named.sql()), named.params());
            if (!q.next())
                return {};
            afterSortKey = q.value(0).toString();
        } else {
            afterSortKey = *cursor->sortKey;
        }
        where.add(QStringLiteral("(%1%3, %2%3) < (?, ?)").arg(spec.sortColumn, spec.idColumn, collate),
            { afterSortKey, afterId });
    }
    QVariantList params = where.params();
    params << page.limit + 1;
    SqlRows q = db.exec(QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4%6 DESC, %5%6 DESC LIMIT ?")
                            .arg(spec.columns, spec.table, where.sql(), spec.sortColumn, spec.idColumn, collate),
        params);
    Page<T> result;
    while (q.next())
        result.items << read(q);
    if (result.items.size() > page.limit) {
        result.items.removeLast();
        const auto &[sortKey, id] = sortKeyOf(result.items.constLast());
        result.nextCursor = encodeCursor(spec.listing, sortKey, id);
    }
    return result;
}

bool isUniqueViolation(const Error &error)
{
    // PostgreSQL SQLSTATE 23505; SQLite "UNIQUE constraint failed".
    return error.code() == QLatin1String("STORE_QUERY_FAILED")
        && (error.message().contains(QLatin1String("23505"))
            || error.message().contains(QLatin1String("UNIQUE constraint failed"), Qt::CaseInsensitive)
            || error.message().contains(QLatin1String("duplicate key"), Qt::CaseInsensitive));
}

// A unique violation that slipped past the pre-check (a concurrent writer) is the same conflict.
[[noreturn]] void rethrowAsConflict(const Error &error, const QString &code, const QString &message)
{
    if (isUniqueViolation(error))
        throw Error(ErrorKind::Conflict, code, message);
    throw error;
}

} // namespace

SqlStore::SqlStore(std::unique_ptr<SqlDatabase> database)
    : m_db(std::move(database))
    , m_c(m_db->dialect().collateC())
{
    if (!m_db->tableExists(QStringLiteral("dpm_runs"))) {
        throw Error(ErrorKind::Migration, QStringLiteral("DPM_SCHEMA_NOT_INITIALISED"),
            QStringLiteral("%1 has no DPM tables; apply the migrations first "
                           "(dpmctl --store <location> migrate apply).")
                .arg(m_db->location().redacted()));
    }
    bool consoleFunction = false;
    if (m_db->dialect().isPostgres()) {
        SqlRows q = m_db->exec(QStringLiteral("SELECT to_regprocedure('dpm_console_run_status(text)') IS NOT NULL"));
        consoleFunction = q.next() && q.value(0).toBool();
    }
    m_runStatus = m_db->dialect().runStatusExpression(consoleFunction);
}

SqlStore::~SqlStore() = default;

StoreBackend SqlStore::backend() const
{
    return m_db->location().backend();
}

QString SqlStore::describe() const
{
    return m_db->location().redacted();
}

template <typename F> auto SqlStore::inWriteTransaction(F &&work) -> decltype(work())
{
    SqlTransaction transaction(*m_db, SqlTransaction::Mode::Write);
    if constexpr (std::is_void_v<decltype(work())>) {
        work();
        transaction.commit();
    } else {
        auto result = work();
        transaction.commit();
        return result;
    }
}

template <typename F> auto SqlStore::inReadTransaction(F &&work) -> decltype(work())
{
    SqlTransaction transaction(*m_db, SqlTransaction::Mode::Read);
    auto result = work();
    transaction.commit();
    return result;
}

// ---------------------------------------------------------------- runs

void SqlStore::upsertRun(const RebalanceRun &run)
{
    SqlRows clash = m_db->exec(
        QStringLiteral("SELECT rebalance_run_id FROM dpm_runs WHERE correlation_id = ? AND rebalance_run_id <> ?"),
        { run.correlationId, run.rebalanceRunId });
    const auto conflictMessage = [&](const QString &other) {
        return QStringLiteral("Correlation id %1 already belongs to run %2; a run's correlation id must be unique.")
            .arg(run.correlationId, other);
    };
    if (clash.next())
        throw Error(ErrorKind::Conflict, QStringLiteral("DPM_RUN_CORRELATION_CONFLICT"),
            conflictMessage(clash.value(0).toString()));
    try {
        m_db->exec(QStringLiteral("INSERT INTO dpm_runs (%1) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                  "ON CONFLICT (rebalance_run_id) DO UPDATE SET "
                                  "correlation_id = excluded.correlation_id, request_hash = excluded.request_hash, "
                                  "idempotency_key = excluded.idempotency_key, portfolio_id = excluded.portfolio_id, "
                                  "created_at = excluded.created_at, result_json = excluded.result_json")
                       .arg(kRunColumns),
            { run.rebalanceRunId, run.correlationId, run.requestHash, nullableText(run.idempotencyKey), run.portfolioId,
                run.createdAt, run.resultJson });
    } catch (const Error &e) {
        rethrowAsConflict(
            e, QStringLiteral("DPM_RUN_CORRELATION_CONFLICT"), conflictMessage(QStringLiteral("another run")));
    }
}

void SqlStore::saveRun(const RebalanceRun &run)
{
    inWriteTransaction([&] { upsertRun(run); });
}

void SqlStore::recordRun(const RunRecord &record)
{
    const RebalanceRun &run = record.run;
    const QString metadata
        = QString::fromUtf8(canonicalJson(QJsonObject { { QStringLiteral("request_hash"), run.requestHash } }));
    inWriteTransaction([&] {
        upsertRun(run);
        if (record.artifactJson)
            saveRunArtifact({ run.rebalanceRunId, *record.artifactJson });
        insertLineageEdge(
            { run.correlationId, QStringLiteral("CORRELATION_TO_RUN"), run.rebalanceRunId, run.createdAt, metadata });
        if (run.idempotencyKey) {
            const QString &key = *run.idempotencyKey;
            saveIdempotencyMapping({ key, run.requestHash, run.rebalanceRunId, run.createdAt });
            appendIdempotencyHistory({ key, run.rebalanceRunId, run.correlationId, run.requestHash, run.createdAt });
            insertLineageEdge(
                { key, QStringLiteral("IDEMPOTENCY_TO_RUN"), run.rebalanceRunId, run.createdAt, metadata });
        }
    });
}

std::optional<RebalanceRun> SqlStore::selectOneRun(const QString &where, const QVariantList &params)
{
    SqlRows q = m_db->exec(QStringLiteral("SELECT %1 FROM dpm_runs %2").arg(kRunColumns, where), params);
    if (!q.next())
        return std::nullopt;
    return readRun(q);
}

std::optional<RebalanceRun> SqlStore::getRun(const QString &rebalanceRunId)
{
    return selectOneRun(QStringLiteral("WHERE rebalance_run_id = ?"), { rebalanceRunId });
}

std::optional<RebalanceRun> SqlStore::getRunByCorrelation(const QString &correlationId)
{
    return selectOneRun(QStringLiteral("WHERE correlation_id = ?"), { correlationId });
}

std::optional<RebalanceRun> SqlStore::getRunByRequestHash(const QString &requestHash)
{
    return selectOneRun(
        QStringLiteral("WHERE request_hash = ? ORDER BY created_at%1 DESC, rebalance_run_id%1 DESC LIMIT 1").arg(m_c),
        { requestHash });
}

Page<RunListItem> SqlStore::listRuns(const RunFilter &filter, const PageRequest &page)
{
    SqlWhere where;
    where.atLeast(QStringLiteral("created_at") + m_c, filter.createdFrom);
    where.atMost(QStringLiteral("created_at") + m_c, filter.createdTo);
    where.equals(m_runStatus, filter.status);
    where.equals(QStringLiteral("request_hash"), filter.requestHash);
    where.equals(QStringLiteral("portfolio_id"), filter.portfolioId);
    const KeysetListing spec { CursorListing::Runs, QStringLiteral("dpm_runs"),
        QStringLiteral("rebalance_run_id, correlation_id, request_hash, idempotency_key, "
                       "portfolio_id, COALESCE(%1, ''), created_at")
            .arg(m_runStatus),
        QStringLiteral("created_at"), QStringLiteral("rebalance_run_id") };
    return keysetPage<RunListItem>(
        *m_db, m_c, spec, where, page,
        [](const SqlRows &q) {
            return RunListItem { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                optionalText(q.value(3)), q.value(4).toString(), q.value(5).toString(), q.value(6).toString() };
        },
        [](const RunListItem &r) {
            return std::pair { r.createdAt, r.rebalanceRunId };
        });
}

// ---------------------------------------------------------------- artifacts and idempotency

void SqlStore::saveRunArtifact(const RunArtifact &artifact)
{
    m_db->exec(QStringLiteral("INSERT INTO dpm_run_artifacts (rebalance_run_id, artifact_json) VALUES (?, ?) "
                              "ON CONFLICT (rebalance_run_id) DO UPDATE SET artifact_json = excluded.artifact_json"),
        { artifact.rebalanceRunId, artifact.artifactJson });
}

std::optional<RunArtifact> SqlStore::getRunArtifact(const QString &rebalanceRunId)
{
    SqlRows q = m_db->exec(
        QStringLiteral("SELECT rebalance_run_id, artifact_json FROM dpm_run_artifacts WHERE rebalance_run_id = ?"),
        { rebalanceRunId });
    if (!q.next())
        return std::nullopt;
    return RunArtifact { q.value(0).toString(), q.value(1).toString() };
}

void SqlStore::saveIdempotencyMapping(const IdempotencyMapping &mapping)
{
    m_db->exec(
        QStringLiteral("INSERT INTO dpm_run_idempotency (idempotency_key, request_hash, rebalance_run_id, created_at) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT (idempotency_key) DO UPDATE SET "
                       "request_hash = excluded.request_hash, rebalance_run_id = excluded.rebalance_run_id, "
                       "created_at = excluded.created_at"),
        { mapping.idempotencyKey, mapping.requestHash, mapping.rebalanceRunId, mapping.createdAt });
}

std::optional<IdempotencyMapping> SqlStore::getIdempotencyMapping(const QString &idempotencyKey)
{
    SqlRows q = m_db->exec(QStringLiteral("SELECT idempotency_key, request_hash, rebalance_run_id, created_at "
                                          "FROM dpm_run_idempotency WHERE idempotency_key = ?"),
        { idempotencyKey });
    if (!q.next())
        return std::nullopt;
    return IdempotencyMapping { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
        q.value(3).toString() };
}

void SqlStore::appendIdempotencyHistory(const IdempotencyHistoryEntry &entry)
{
    m_db->exec(
        QStringLiteral("INSERT INTO dpm_run_idempotency_history (%1) VALUES (?, ?, ?, ?, ?)").arg(kHistoryColumns),
        { entry.idempotencyKey, entry.rebalanceRunId, entry.correlationId, entry.requestHash, entry.createdAt });
}

QList<IdempotencyHistoryEntry> SqlStore::listIdempotencyHistory(const QString &idempotencyKey)
{
    SqlRows q = m_db->exec(QStringLiteral("SELECT %1 FROM dpm_run_idempotency_history WHERE idempotency_key = ? "
                                          "ORDER BY created_at%2, rebalance_run_id%2, correlation_id%2, request_hash%2")
                               .arg(kHistoryColumns, m_c),
        { idempotencyKey });
    QList<IdempotencyHistoryEntry> out;
    while (q.next())
        out << IdempotencyHistoryEntry { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), q.value(4).toString() };
    return out;
}

// ---------------------------------------------------------------- async operations

void SqlStore::upsertOperation(const AsyncOperation &op)
{
    SqlRows clash = m_db->exec(
        QStringLiteral("SELECT operation_id FROM dpm_async_operations WHERE correlation_id = ? AND operation_id <> ?"),
        { op.correlationId, op.operationId });
    const QString message = QStringLiteral("Correlation id %1 already belongs to another async operation; "
                                           "use a new correlation id.")
                                .arg(op.correlationId);
    if (clash.next())
        throw Error(ErrorKind::Conflict, QStringLiteral("DPM_ASYNC_OPERATION_CORRELATION_CONFLICT"), message);
    try {
        m_db->exec(QStringLiteral("INSERT INTO dpm_async_operations (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                  "ON CONFLICT (operation_id) DO UPDATE SET operation_type = excluded.operation_type, "
                                  "status = excluded.status, correlation_id = excluded.correlation_id, "
                                  "created_at = excluded.created_at, started_at = excluded.started_at, "
                                  "finished_at = excluded.finished_at, result_json = excluded.result_json, "
                                  "error_json = excluded.error_json, request_json = excluded.request_json")
                       .arg(kOperationColumns),
            { op.operationId, op.operationType, op.status, op.correlationId, op.createdAt, nullableText(op.startedAt),
                nullableText(op.finishedAt), nullableText(op.resultJson), nullableText(op.errorJson),
                nullableText(op.requestJson) });
    } catch (const Error &e) {
        rethrowAsConflict(e, QStringLiteral("DPM_ASYNC_OPERATION_CORRELATION_CONFLICT"), message);
    }
}

void SqlStore::createOperation(const AsyncOperation &operation)
{
    inWriteTransaction([&] { upsertOperation(operation); });
}

void SqlStore::updateOperation(const AsyncOperation &operation)
{
    inWriteTransaction([&] { upsertOperation(operation); });
}

void SqlStore::submitOperation(const AsyncOperation &operation)
{
    const QString metadata = QString::fromUtf8(
        canonicalJson(QJsonObject { { QStringLiteral("operation_type"), operation.operationType } }));
    inWriteTransaction([&] {
        SqlRows existing = m_db->exec(
            QStringLiteral("SELECT 1 FROM dpm_async_operations WHERE correlation_id = ?"), { operation.correlationId });
        if (existing.next()) {
            throw Error(ErrorKind::Conflict, QStringLiteral("DPM_ASYNC_OPERATION_CORRELATION_CONFLICT"),
                QStringLiteral("An async operation with correlation id %1 already exists; use a new "
                               "correlation id.")
                    .arg(operation.correlationId));
        }
        upsertOperation(operation);
        insertLineageEdge({ operation.operationId, QStringLiteral("OPERATION_TO_CORRELATION"), operation.correlationId,
            operation.createdAt, metadata });
    });
}

std::optional<AsyncOperation> SqlStore::selectOneOperation(const QString &where, const QVariantList &params)
{
    SqlRows q
        = m_db->exec(QStringLiteral("SELECT %1 FROM dpm_async_operations %2").arg(kOperationColumns, where), params);
    if (!q.next())
        return std::nullopt;
    return readOperation(q);
}

std::optional<AsyncOperation> SqlStore::getOperation(const QString &operationId)
{
    return selectOneOperation(QStringLiteral("WHERE operation_id = ?"), { operationId });
}

std::optional<AsyncOperation> SqlStore::getOperationByCorrelation(const QString &correlationId)
{
    return selectOneOperation(QStringLiteral("WHERE correlation_id = ?"), { correlationId });
}

Page<AsyncOperation> SqlStore::listOperations(const OperationFilter &filter, const PageRequest &page)
{
    SqlWhere where;
    where.atLeast(QStringLiteral("created_at") + m_c, filter.createdFrom);
    where.atMost(QStringLiteral("created_at") + m_c, filter.createdTo);
    where.equals(QStringLiteral("operation_type"), filter.operationType);
    where.equals(QStringLiteral("status"), filter.status);
    where.equals(QStringLiteral("correlation_id"), filter.correlationId);
    const KeysetListing spec { CursorListing::Operations, QStringLiteral("dpm_async_operations"), kOperationColumns,
        QStringLiteral("created_at"), QStringLiteral("operation_id") };
    return keysetPage<AsyncOperation>(*m_db, m_c, spec, where, page, readOperation, [](const AsyncOperation &o) {
        return std::pair { o.createdAt, o.operationId };
    });
}

PurgeReport SqlStore::purgeExpiredOperations(qint64 ttlSeconds, const QString &now, bool dryRun)
{
    PurgeReport report = startOperationPurge(ttlSeconds, now, dryRun);
    if (report.cutoff.isEmpty())
        return report;
    const QString table = QStringLiteral("dpm_async_operations");
    const QString where = QStringLiteral(" WHERE COALESCE(finished_at, created_at)%1 < ?").arg(m_c);
    return inWriteTransaction([&] {
        if (dryRun) {
            SqlRows q = m_db->exec(QStringLiteral("SELECT COUNT(*) FROM ") + table + where, { report.cutoff });
            report.deleted[table] = q.next() ? q.value(0).toLongLong() : 0;
        } else {
            SqlRows q = m_db->exec(QStringLiteral("DELETE FROM ") + table + where, { report.cutoff });
            report.deleted[table] = q.numRowsAffected();
        }
        return report;
    });
}

// ---------------------------------------------------------------- workflow decisions

void SqlStore::appendWorkflowDecision(const WorkflowDecision &d)
{
    try {
        m_db->exec(QStringLiteral("INSERT INTO dpm_workflow_decisions (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                       .arg(kDecisionColumns),
            { d.decisionId, d.runId, d.action, d.reasonCode, nullableText(d.comment), d.actorId, d.decidedAt,
                d.correlationId });
    } catch (const Error &e) {
        rethrowAsConflict(e, QStringLiteral("DPM_WORKFLOW_DECISION_CONFLICT"),
            QStringLiteral("Workflow decision %1 already exists; decisions are append-only, "
                           "record a new decision with a new id.")
                .arg(d.decisionId));
    }
}

QList<WorkflowDecision> SqlStore::selectDecisions(const QString &where, const QVariantList &params)
{
    SqlRows q
        = m_db->exec(QStringLiteral("SELECT %1 FROM dpm_workflow_decisions %2 ORDER BY decided_at%3, decision_id%3")
                         .arg(kDecisionColumns, where, m_c),
            params);
    QList<WorkflowDecision> out;
    while (q.next())
        out << readDecision(q);
    return out;
}

QList<WorkflowDecision> SqlStore::listWorkflowDecisions(const QString &runId)
{
    return selectDecisions(QStringLiteral("WHERE run_id = ?"), { runId });
}

QList<WorkflowDecision> SqlStore::listWorkflowDecisionsByCorrelation(const QString &correlationId)
{
    return selectDecisions(QStringLiteral("WHERE correlation_id = ?"), { correlationId });
}

Page<WorkflowDecision> SqlStore::listWorkflowDecisionsFiltered(const DecisionFilter &filter, const PageRequest &page)
{
    SqlWhere where;
    where.equals(QStringLiteral("run_id"), filter.rebalanceRunId);
    where.equals(QStringLiteral("action"), filter.action);
    where.equals(QStringLiteral("actor_id"), filter.actorId);
    where.equals(QStringLiteral("reason_code"), filter.reasonCode);
    where.atLeast(QStringLiteral("decided_at") + m_c, filter.decidedFrom);
    where.atMost(QStringLiteral("decided_at") + m_c, filter.decidedTo);
    const KeysetListing spec { CursorListing::Decisions, QStringLiteral("dpm_workflow_decisions"), kDecisionColumns,
        QStringLiteral("decided_at"), QStringLiteral("decision_id") };
    return keysetPage<WorkflowDecision>(*m_db, m_c, spec, where, page, readDecision, [](const WorkflowDecision &d) {
        return std::pair { d.decidedAt, d.decisionId };
    });
}

// ---------------------------------------------------------------- lineage

void SqlStore::insertLineageEdge(const LineageEdge &edge)
{
    m_db->exec(QStringLiteral("INSERT INTO dpm_lineage_edges (%1) VALUES (?, ?, ?, ?, ?)").arg(kEdgeColumns),
        { edge.sourceEntityId, edge.edgeType, edge.targetEntityId, edge.createdAt, edge.metadataJson });
}

void SqlStore::appendLineageEdge(const LineageEdge &edge)
{
    insertLineageEdge(edge);
}

QList<LineageEdge> SqlStore::listLineageEdges(const QString &entityId)
{
    SqlRows q = m_db->exec(
        QStringLiteral("SELECT %1 FROM dpm_lineage_edges WHERE source_entity_id = ? OR target_entity_id = ? "
                       "ORDER BY created_at%2, source_entity_id%2, edge_type%2, target_entity_id%2")
            .arg(kEdgeColumns, m_c),
        { entityId, entityId });
    QList<LineageEdge> out;
    while (q.next())
        out << readEdge(q);
    return out;
}

// ---------------------------------------------------------------- policy packs

void SqlStore::upsertPolicyPack(const PolicyPack &pack)
{
    m_db->exec(QStringLiteral("INSERT INTO dpm_policy_packs (%1) VALUES (?, ?, ?, ?, ?) "
                              "ON CONFLICT (policy_pack_id) DO UPDATE SET version = excluded.version, "
                              "definition_json = excluded.definition_json, updated_at = excluded.updated_at")
                   .arg(kPolicyPackColumns),
        { pack.policyPackId, pack.version, pack.definitionJson, pack.createdAt, pack.updatedAt });
}

std::optional<PolicyPack> SqlStore::getPolicyPack(const QString &policyPackId)
{
    SqlRows q
        = m_db->exec(QStringLiteral("SELECT %1 FROM dpm_policy_packs WHERE policy_pack_id = ?").arg(kPolicyPackColumns),
            { policyPackId });
    if (!q.next())
        return std::nullopt;
    return readPolicyPack(q);
}

QList<PolicyPack> SqlStore::listPolicyPacks()
{
    SqlRows q = m_db->exec(
        QStringLiteral("SELECT %1 FROM dpm_policy_packs ORDER BY policy_pack_id%2").arg(kPolicyPackColumns, m_c));
    QList<PolicyPack> out;
    while (q.next())
        out << readPolicyPack(q);
    return out;
}

bool SqlStore::deletePolicyPack(const QString &policyPackId)
{
    SqlRows q = m_db->exec(QStringLiteral("DELETE FROM dpm_policy_packs WHERE policy_pack_id = ?"), { policyPackId });
    return q.numRowsAffected() > 0;
}

// ---------------------------------------------------------------- summary and retention

SupportabilitySummary SqlStore::getSupportabilitySummary()
{
    SupportabilitySummary s;
    const auto countsBy = [&](const QString &expression, const QString &table) {
        QMap<QString, qint64> counts;
        SqlRows q = m_db->exec(QStringLiteral("SELECT %1, COUNT(*) FROM %2 GROUP BY %1").arg(expression, table));
        while (q.next()) {
            const QString key = q.value(0).toString();
            if (!q.value(0).isNull() && !key.isEmpty())
                counts[key] += q.value(1).toLongLong();
        }
        return counts;
    };
    const auto countAndRange
        = [&](const QString &table, qint64 &count, std::optional<QString> &oldest, std::optional<QString> &newest) {
              SqlRows q = m_db->exec(
                  QStringLiteral("SELECT COUNT(*), MIN(created_at%1), MAX(created_at%1) FROM %2").arg(m_c, table));
              q.next();
              count = q.value(0).toLongLong();
              oldest = optionalText(q.value(1));
              newest = optionalText(q.value(2));
          };
    // One read snapshot so the numbers describe one moment.
    return inReadTransaction([&] {
        countAndRange(QStringLiteral("dpm_runs"), s.runCount, s.oldestRunCreatedAt, s.newestRunCreatedAt);
        countAndRange(QStringLiteral("dpm_async_operations"), s.operationCount, s.oldestOperationCreatedAt,
            s.newestOperationCreatedAt);
        s.runStatusCounts = countsBy(m_runStatus, QStringLiteral("dpm_runs"));
        s.operationStatusCounts = countsBy(QStringLiteral("status"), QStringLiteral("dpm_async_operations"));
        s.workflowActionCounts = countsBy(QStringLiteral("action"), QStringLiteral("dpm_workflow_decisions"));
        s.workflowReasonCodeCounts = countsBy(QStringLiteral("reason_code"), QStringLiteral("dpm_workflow_decisions"));
        SqlRows d = m_db->exec(QStringLiteral("SELECT COUNT(*) FROM dpm_workflow_decisions"));
        s.workflowDecisionCount = d.next() ? d.value(0).toLongLong() : 0;
        SqlRows e = m_db->exec(QStringLiteral("SELECT COUNT(*) FROM dpm_lineage_edges"));
        s.lineageEdgeCount = e.next() ? e.value(0).toLongLong() : 0;
        return s;
    });
}

PurgeReport SqlStore::purgeExpiredRuns(int retentionDays, const QString &now, bool dryRun)
{
    PurgeReport report = startRunPurge(retentionDays, now, dryRun);
    if (report.cutoff.isEmpty())
        return report;

    // Each table's condition names the expired runs through a sub-select, so nothing is loaded
    // into memory however many runs expire; dpm_runs goes last because the others refer to it.
    const QString expiredRuns = QStringLiteral("SELECT rebalance_run_id FROM dpm_runs WHERE created_at%1 < ?").arg(m_c);
    const QString expiredEntities = QStringLiteral(
        "SELECT rebalance_run_id FROM dpm_runs WHERE created_at%1 < ? "
        "UNION ALL SELECT correlation_id FROM dpm_runs WHERE created_at%1 < ? "
        "UNION ALL SELECT idempotency_key FROM dpm_runs WHERE created_at%1 < ? AND idempotency_key IS NOT NULL")
                                        .arg(m_c);
    const QString &c = report.cutoff;
    const QList<std::tuple<QString, QString, QVariantList>> steps {
        { QStringLiteral("dpm_workflow_decisions"), QStringLiteral("run_id IN (%1)").arg(expiredRuns), { c } },
        { QStringLiteral("dpm_run_artifacts"), QStringLiteral("rebalance_run_id IN (%1)").arg(expiredRuns), { c } },
        { QStringLiteral("dpm_run_idempotency"), QStringLiteral("rebalance_run_id IN (%1)").arg(expiredRuns), { c } },
        { QStringLiteral("dpm_run_idempotency_history"), QStringLiteral("rebalance_run_id IN (%1)").arg(expiredRuns),
            { c } },
        { QStringLiteral("dpm_lineage_edges"),
            QStringLiteral("source_entity_id IN (%1) OR target_entity_id IN (%1)").arg(expiredEntities),
            { c, c, c, c, c, c } },
        { QStringLiteral("dpm_runs"), QStringLiteral("created_at%1 < ?").arg(m_c), { c } },
    };
    return inWriteTransaction([&] {
        for (const auto &[table, condition, params] : steps) {
            if (dryRun) {
                SqlRows q
                    = m_db->exec(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(table, condition), params);
                report.deleted[table] = q.next() ? q.value(0).toLongLong() : 0;
            } else {
                SqlRows q = m_db->exec(QStringLiteral("DELETE FROM %1 WHERE %2").arg(table, condition), params);
                report.deleted[table] = q.numRowsAffected();
            }
        }
        return report;
    });
}

} // namespace dpm
