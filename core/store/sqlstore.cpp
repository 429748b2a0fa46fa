#include "sqlstore.h"

#include "domain/canonicaljson.h"
#include "domain/cursor.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "store/sqlauditlog.h"
#include "store/sqlitefastreads.h"
#include "store/sqlkeyset.h"
#include "store/sqlproposalstore.h"
#include "store/sqlruneventstore.h"
#include "store/sqltransaction.h"

#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

#include <type_traits>

namespace dpm {

namespace {

using sql::forEachRow;
using sql::isUniqueViolation;
using sql::keysetPage;
using sql::KeysetListing;
using sql::requireValidLimit;
using sql::rethrowAsConflict;
using sql::SqlWhere;

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

// The row readers take SqlRows or SqliteRows (sql::forEachRow): the hot reads go through the
// sqlite3 C API on SQLite.
template <typename Rows> RebalanceRun readRun(const Rows &q)
{
    return { q.text(0), q.text(1), q.text(2), q.optionalText(3), q.text(4), q.text(5), q.text(6) };
}

template <typename Rows> AsyncOperation readOperation(const Rows &q)
{
    return { q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.optionalText(5), q.optionalText(6),
        q.optionalText(7), q.optionalText(8), q.optionalText(9) };
}

// `columns` as a SELECT list, the JSON columns among them read as SqlDialect::wideText.
QString selectList(const SqlDialect &dialect, const QString &columns)
{
    QStringList out;
    for (const QString &column : columns.split(QStringLiteral(", ")))
        out << (column.endsWith(QLatin1String("_json")) ? dialect.wideText(column) : column);
    return out.join(QStringLiteral(", "));
}

// "a, b" -> {"x.a", "x.b"}.
QStringList qualified(const QString &alias, const QString &columns)
{
    QStringList out;
    for (const QString &column : columns.split(QStringLiteral(", ")))
        out << alias + QLatin1Char('.') + column;
    return out;
}

// The kDecisionColumns of a row, starting at column `first`.
template <typename Rows> WorkflowDecision readDecisionFrom(const Rows &q, int first)
{
    return { q.text(first), q.text(first + 1), q.text(first + 2), q.text(first + 3), q.optionalText(first + 4),
        q.text(first + 5), q.text(first + 6), q.text(first + 7) };
}

template <typename Rows> WorkflowDecision readDecision(const Rows &q)
{
    return readDecisionFrom(q, 0);
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

} // namespace

SqlStore::SqlStore(std::unique_ptr<SqlDatabase> database, SchemaCheck check)
    : m_db(std::move(database))
    , m_c(m_db->dialect().collateC())
    , m_hasSchema(m_db->tableExists(QStringLiteral("dpm_runs")))
{
    if (!m_hasSchema && check == SchemaCheck::RequireTables) {
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
    m_pageRunStatus = m_db->dialect().runStatusExpression(consoleFunction, QStringLiteral("r.result_json"));
    m_runSelect = selectList(m_db->dialect(), kRunColumns);
    m_operationSelect = selectList(m_db->dialect(), kOperationColumns);
    // Checked once: the counters come with a migration, not while a store is open.
    m_summaryCounters = m_db->tableExists(QStringLiteral("console_summary_counts"));
    m_runList = m_db->tableExists(QStringLiteral("console_run_list"));
    m_auditLog = std::make_unique<SqlAuditLog>(*m_db);
    m_proposals = std::make_unique<SqlProposalStore>(*m_db);
    m_runEvents = std::make_unique<SqlRunEventStore>(*m_db);
}

SqlStore::~SqlStore() = default;

void SqlStore::interrupt()
{
    m_db->interruptAll();
}

StatementInterrupter SqlStore::interrupterForThisThread()
{
    return m_db->interrupterForThisThread();
}

AuditLog &SqlStore::auditLog()
{
    return *m_auditLog;
}

ProposalStore &SqlStore::proposals()
{
    return *m_proposals;
}

RunEventStore &SqlStore::runEvents()
{
    return *m_runEvents;
}

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
    std::optional<RebalanceRun> run;
    forEachRow(*m_db, QStringLiteral("SELECT %1 FROM dpm_runs %2").arg(m_runSelect, where), params,
        [&](const auto &q) { run = readRun(q); });
    return run;
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
    // console/0007's narrow copy holds the status extracted when the run was written; without
    // it the status comes from each run's JSON.
    SqlWhere where;
    where.atLeast(QStringLiteral("created_at") + m_c, filter.createdFrom);
    where.atMost(QStringLiteral("created_at") + m_c, filter.createdTo);
    where.equals(m_runList ? QStringLiteral("status") : m_runStatus, filter.status);
    where.equals(QStringLiteral("request_hash"), filter.requestHash);
    where.equals(QStringLiteral("portfolio_id"), filter.portfolioId);
    const QString narrow
        = QStringLiteral("rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id, ");
    const KeysetListing spec = m_runList
        ? KeysetListing { CursorListing::Runs, QStringLiteral("console_run_list"),
              narrow + QStringLiteral("COALESCE(status, ''), created_at"), QStringLiteral("created_at"),
              QStringLiteral("rebalance_run_id") }
        // Sorted and limited on the narrow columns first; the status is read from the JSON of
        // the page's rows only, so a store without the console's indexes costs what a plain
        // ORDER BY … LIMIT costs rather than parsing every run's payload before the sort.
        : KeysetListing { CursorListing::Runs, QStringLiteral("dpm_runs"), narrow + QStringLiteral("created_at"),
              QStringLiteral("created_at"), QStringLiteral("rebalance_run_id"),
              QStringLiteral("SELECT p.rebalance_run_id, p.correlation_id, p.request_hash, p.idempotency_key, "
                             "p.portfolio_id, COALESCE(%2, ''), p.created_at FROM (%1) p "
                             "JOIN dpm_runs r ON r.rebalance_run_id = p.rebalance_run_id "
                             "ORDER BY p.created_at%3 DESC, p.rebalance_run_id%3 DESC")
                  .arg(QStringLiteral("%1"), m_pageRunStatus, m_c) };
    return keysetPage<RunListItem>(
        *m_db, m_c, spec, where, page,
        [](const auto &q) {
            return RunListItem { q.text(0), q.text(1), q.text(2), q.optionalText(3), q.text(4), q.text(5), q.text(6) };
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
    std::optional<IdempotencyMapping> mapping;
    forEachRow(*m_db,
        QStringLiteral("SELECT idempotency_key, request_hash, rebalance_run_id, created_at "
                       "FROM dpm_run_idempotency WHERE idempotency_key = ?"),
        { idempotencyKey }, [&](const auto &q) {
            mapping = IdempotencyMapping { q.text(0), q.text(1), q.text(2), q.text(3) };
        });
    return mapping;
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
    std::optional<AsyncOperation> operation;
    forEachRow(*m_db, QStringLiteral("SELECT %1 FROM dpm_async_operations %2").arg(m_operationSelect, where), params,
        [&](const auto &q) { operation = readOperation(q); });
    return operation;
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
    const KeysetListing spec { CursorListing::Operations, QStringLiteral("dpm_async_operations"), m_operationSelect,
        QStringLiteral("created_at"), QStringLiteral("operation_id") };
    return keysetPage<AsyncOperation>(
        *m_db, m_c, spec, where, page, [](const auto &q) { return readOperation(q); },
        [](const AsyncOperation &o) {
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
    // A dry run only counts: a read, which a replica serves too.
    const auto purge = [&] {
        if (dryRun) {
            SqlRows q = m_db->exec(QStringLiteral("SELECT COUNT(*) FROM ") + table + where, { report.cutoff });
            report.deleted[table] = q.next() ? q.value(0).toLongLong() : 0;
        } else {
            SqlRows q = m_db->exec(QStringLiteral("DELETE FROM ") + table + where, { report.cutoff });
            report.deleted[table] = q.numRowsAffected();
        }
        return report;
    };
    return dryRun ? inReadTransaction(purge) : inWriteTransaction(purge);
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

std::optional<WorkflowHistory> SqlStore::getWorkflowHistoryByCorrelation(const QString &correlationId)
{
    // One statement, so the run and its decisions come from one snapshot: no row means no run,
    // a row without a decision id a run without decisions.
    SqlRows q = m_db->exec(QStringLiteral("SELECT r.rebalance_run_id, %1 FROM dpm_runs r "
                                          "LEFT JOIN dpm_workflow_decisions d ON d.run_id = r.rebalance_run_id "
                                          "WHERE r.correlation_id = ? ORDER BY d.decided_at%2, d.decision_id%2")
                               .arg(qualified(QStringLiteral("d"), kDecisionColumns).join(QStringLiteral(", ")), m_c),
        { correlationId });
    std::optional<WorkflowHistory> history;
    while (q.next()) {
        if (!history)
            history = WorkflowHistory { q.value(0).toString(), {} };
        if (!q.value(1).isNull())
            history->decisions << readDecisionFrom(q, 1);
    }
    return history;
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
    return keysetPage<WorkflowDecision>(
        *m_db, m_c, spec, where, page, [](const auto &q) { return readDecision(q); },
        [](const WorkflowDecision &d) {
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
    if (!m_summaryCounters)
        return recountSupportabilitySummary();
    // One read snapshot so the numbers describe one moment.
    return inReadTransaction([&] {
        SupportabilitySummary s;
        SqlRows q = m_db->exec(QStringLiteral("SELECT metric, bucket, n FROM console_summary_counts WHERE n <> 0"));
        while (q.next()) {
            const QString metric = q.value(0).toString();
            const QString bucket = q.value(1).toString();
            const qint64 n = q.value(2).toLongLong();
            // Totals are the sums of their buckets; the '' bucket (no status) counts only there.
            const auto add = [&](qint64 &total, QMap<QString, qint64> &buckets) {
                total += n;
                if (!bucket.isEmpty())
                    buckets[bucket] += n;
            };
            if (metric == QLatin1String("run_status"))
                add(s.runCount, s.runStatusCounts);
            else if (metric == QLatin1String("operation_status"))
                add(s.operationCount, s.operationStatusCounts);
            else if (metric == QLatin1String("workflow_action"))
                add(s.workflowDecisionCount, s.workflowActionCounts);
            else if (metric == QLatin1String("workflow_reason_code") && !bucket.isEmpty())
                s.workflowReasonCodeCounts[bucket] += n;
            else if (metric == QLatin1String("lineage_edges"))
                s.lineageEdgeCount += n;
        }
        // Separate MIN and MAX sub-selects: each is one probe of the created_at index (SQLite
        // scans the table for a MIN and a MAX in one select).
        SqlRows range = m_db->exec(QStringLiteral("SELECT (SELECT MIN(created_at%1) FROM dpm_runs), "
                                                  "(SELECT MAX(created_at%1) FROM dpm_runs), "
                                                  "(SELECT MIN(created_at%1) FROM dpm_async_operations), "
                                                  "(SELECT MAX(created_at%1) FROM dpm_async_operations)")
                                       .arg(m_c));
        range.next();
        s.oldestRunCreatedAt = optionalText(range.value(0));
        s.newestRunCreatedAt = optionalText(range.value(1));
        s.oldestOperationCreatedAt = optionalText(range.value(2));
        s.newestOperationCreatedAt = optionalText(range.value(3));
        return s;
    });
}

SupportabilitySummary SqlStore::recountSupportabilitySummary()
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
    // Deletes the rows of `table` matching `condition`, or in a dry run counts them.
    const auto purgeWhere = [&](const QString &table, const QString &condition, const QVariantList &params) {
        if (dryRun) {
            SqlRows q = m_db->exec(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(table, condition), params);
            return q.next() ? q.value(0).toLongLong() : qint64(0);
        }
        SqlRows q = m_db->exec(QStringLiteral("DELETE FROM %1 WHERE %2").arg(table, condition), params);
        return qint64(q.numRowsAffected());
    };
    const QList<std::tuple<QString, QString, QVariantList>> children {
        { QStringLiteral("dpm_workflow_decisions"), QStringLiteral("run_id IN (%1)").arg(expiredRuns), { c } },
        { QStringLiteral("dpm_run_artifacts"), QStringLiteral("rebalance_run_id IN (%1)").arg(expiredRuns), { c } },
        { QStringLiteral("dpm_run_idempotency"), QStringLiteral("rebalance_run_id IN (%1)").arg(expiredRuns), { c } },
        { QStringLiteral("dpm_run_idempotency_history"), QStringLiteral("rebalance_run_id IN (%1)").arg(expiredRuns),
            { c } },
    };
    // An edge goes when either end is an expired run's id, correlation or idempotency key. Never
    // "source IN (…) OR target IN (…)": PostgreSQL cannot turn an OR of sub-selects into joins,
    // and once the expired ids outgrow work_mem it re-runs the sub-select for every edge (over
    // ten minutes at scale M). Each condition alone is a hash semi-join; deleting by source first
    // leaves the target pass only the rest, and a dry run counts both ends once by
    // inclusion-exclusion.
    const QString edges = QStringLiteral("dpm_lineage_edges");
    const QString bySource = QStringLiteral("source_entity_id IN (%1)").arg(expiredEntities);
    const QString byTarget = QStringLiteral("target_entity_id IN (%1)").arg(expiredEntities);
    const QVariantList entityParams { c, c, c };
    // A dry run only counts: a read, which a replica serves too.
    const auto purge = [&] {
        if (!dryRun && m_summaryCounters && m_db->dialect().isPostgres()) {
            // The purge updates the lineage counter before the run-status ones, a run write the
            // other way round: taking the run-status rows first keeps one lock order, so a purge
            // and a concurrent write wait for each other instead of deadlocking.
            m_db->exec(QStringLiteral("SELECT n FROM console_summary_counts WHERE metric = 'run_status' "
                                      "ORDER BY bucket FOR UPDATE"));
        }
        for (const auto &[table, condition, params] : children)
            report.deleted[table] = purgeWhere(table, condition, params);
        qint64 edgeRows = purgeWhere(edges, bySource, entityParams) + purgeWhere(edges, byTarget, entityParams);
        if (dryRun)
            edgeRows -= purgeWhere(edges, bySource + QStringLiteral(" AND ") + byTarget, entityParams + entityParams);
        report.deleted[edges] = edgeRows;
        // Last: the other tables' conditions name the expired runs.
        report.deleted[QStringLiteral("dpm_runs")] = purgeWhere(QStringLiteral("dpm_runs"),
            QStringLiteral("created_at%1 < ?").arg(m_c), { c });
        return report;
    };
    return dryRun ? inReadTransaction(purge) : inWriteTransaction(purge);
}

// ---------------------------------------------------------------- investigation reads

namespace {

const QString kNullText = QStringLiteral("CAST(NULL AS TEXT)");

// One branch of the support bundle's UNION ALL. Every branch has the same shape: ten value
// columns first (so the row readers above read them at their usual positions), then the row's
// kind and four sort keys; missing ones are typed NULLs.
constexpr int kBundleValues = 10;
constexpr int kBundleKeys = 4;

QString bundleBranch(const QString &kind, const QStringList &values, const QStringList &keys, const QString &from)
{
    QStringList columns;
    for (int i = 0; i < kBundleValues; ++i)
        columns << QStringLiteral("%1 AS c%2").arg(i < values.size() ? values.at(i) : kNullText).arg(i + 1);
    columns << QStringLiteral("'%1' AS kind").arg(kind);
    for (int i = 0; i < kBundleKeys; ++i)
        columns << QStringLiteral("%1 AS k%2").arg(i < keys.size() ? keys.at(i) : kNullText).arg(i + 1);
    return QStringLiteral("SELECT ") + columns.join(QStringLiteral(", ")) + QStringLiteral(" FROM ") + from;
}

// Ids per statement when looking up the edges of a set of entities: two IN lists of this size
// stay far below SQLite's and PostgreSQL's limits on bound parameters.
constexpr qsizetype kEntityChunk = 500;

} // namespace

SupportBundleRows SqlStore::loadSupportBundle(const SupportBundleEntry &entry, const SupportBundleOptions &options)
{
    // One statement: the entry resolves to the run in a CTE and every part of the bundle is a
    // branch of one UNION ALL joined to it, each on an index. A single statement reads one
    // snapshot on both backends, so no transaction (and none of its round trips) is needed.
    // Measured at 200k runs: on PostgreSQL it beats the six separate lookups (1.50 vs 1.64 ms on
    // a local socket; the gap grows with the network's latency); on SQLite, which has no round
    // trips to save, preparing the larger statement makes it 0.69 vs 0.33 ms.
    QString resolve;
    QVariantList params { entry.value };
    QStringList branches;
    const QStringList runColumns = qualified(QStringLiteral("r"), kRunColumns);
    switch (entry.kind) {
    case SupportBundleEntry::Kind::RunId:
        resolve = QStringLiteral("rebalance_run_id = ?");
        break;
    case SupportBundleEntry::Kind::Correlation:
        resolve = QStringLiteral("correlation_id = ?");
        break;
    case SupportBundleEntry::Kind::IdempotencyKey:
        resolve = QStringLiteral(
            "rebalance_run_id = (SELECT rebalance_run_id FROM dpm_run_idempotency WHERE idempotency_key = ?)");
        // The mapping's existence: a key without a mapping is not found, one whose run is gone is.
        branches << bundleBranch(
            QStringLiteral("x"), {}, {}, QStringLiteral("dpm_run_idempotency WHERE idempotency_key = ?"));
        params << entry.value;
        break;
    case SupportBundleEntry::Kind::OperationId:
        resolve = QStringLiteral(
            "correlation_id = (SELECT correlation_id FROM dpm_async_operations WHERE operation_id = ?)");
        // The entry operation is the bundle's operation: correlation ids are unique per operation.
        branches << bundleBranch(QStringLiteral("o"), qualified(QStringLiteral("o"), kOperationColumns), {},
            QStringLiteral("dpm_async_operations o WHERE o.operation_id = ?"));
        params << entry.value;
        break;
    }

    branches << bundleBranch(QStringLiteral("r"), runColumns, {}, QStringLiteral("r"));
    if (options.includeArtifact) {
        branches << bundleBranch(QStringLiteral("a"), { QStringLiteral("a.artifact_json") }, {},
            QStringLiteral("dpm_run_artifacts a JOIN r ON a.rebalance_run_id = r.rebalance_run_id"));
    }
    if (options.includeAsyncOperation && entry.kind != SupportBundleEntry::Kind::OperationId) {
        branches << bundleBranch(QStringLiteral("o"), qualified(QStringLiteral("o"), kOperationColumns), {},
            QStringLiteral("dpm_async_operations o JOIN r ON o.correlation_id = r.correlation_id"));
    }
    branches << bundleBranch(QStringLiteral("d"), qualified(QStringLiteral("d"), kDecisionColumns),
        { QStringLiteral("d.decided_at"), QStringLiteral("d.decision_id") },
        QStringLiteral("dpm_workflow_decisions d JOIN r ON d.run_id = r.rebalance_run_id"));
    // Source and target as two branches so each uses its index; a self-edge only in the first.
    const QStringList edgeKeys { QStringLiteral("e.created_at"), QStringLiteral("e.source_entity_id"),
        QStringLiteral("e.edge_type"), QStringLiteral("e.target_entity_id") };
    branches << bundleBranch(QStringLiteral("e"), qualified(QStringLiteral("e"), kEdgeColumns), edgeKeys,
        QStringLiteral("dpm_lineage_edges e JOIN r ON e.source_entity_id = r.rebalance_run_id"));
    branches << bundleBranch(QStringLiteral("e"), qualified(QStringLiteral("e"), kEdgeColumns), edgeKeys,
        QStringLiteral("dpm_lineage_edges e JOIN r ON e.target_entity_id = r.rebalance_run_id "
                       "AND e.source_entity_id <> r.rebalance_run_id"));
    if (options.includeIdempotencyHistory) {
        branches << bundleBranch(QStringLiteral("h"), qualified(QStringLiteral("h"), kHistoryColumns),
            { QStringLiteral("h.created_at"), QStringLiteral("h.rebalance_run_id"), QStringLiteral("h.correlation_id"),
                QStringLiteral("h.request_hash") },
            QStringLiteral("dpm_run_idempotency_history h JOIN r ON h.idempotency_key = r.idempotency_key"));
    }

    const QString sql = QStringLiteral("WITH r AS (SELECT %1 FROM dpm_runs WHERE %2) "
                                       "SELECT * FROM (%3) b ORDER BY kind, k1%4, k2%4, k3%4, k4%4")
                            .arg(kRunColumns, resolve, branches.join(QStringLiteral(" UNION ALL ")), m_c);
    SqlRows q = m_db->exec(sql, params);

    SupportBundleRows rows;
    const int kindColumn = kBundleValues;
    while (q.next()) {
        const QString kind = q.value(kindColumn).toString();
        if (kind == QLatin1String("x")) {
            rows.entryFound = true;
        } else if (kind == QLatin1String("r")) {
            rows.run = readRun(q);
        } else if (kind == QLatin1String("a")) {
            rows.artifact = RunArtifact { QString(), q.value(0).toString() };
        } else if (kind == QLatin1String("o")) {
            rows.operation = readOperation(q);
        } else if (kind == QLatin1String("d")) {
            rows.decisions << readDecision(q);
        } else if (kind == QLatin1String("e")) {
            rows.edges << readEdge(q);
        } else if (kind == QLatin1String("h")) {
            rows.idempotencyHistory << IdempotencyHistoryEntry { q.value(0).toString(), q.value(1).toString(),
                q.value(2).toString(), q.value(3).toString(), q.value(4).toString() };
        }
    }
    if (rows.artifact && rows.run)
        rows.artifact->rebalanceRunId = rows.run->rebalanceRunId;
    switch (entry.kind) {
    case SupportBundleEntry::Kind::RunId:
    case SupportBundleEntry::Kind::Correlation:
        rows.entryFound = rows.run.has_value();
        break;
    case SupportBundleEntry::Kind::OperationId:
        rows.entryFound = rows.operation.has_value();
        break;
    case SupportBundleEntry::Kind::IdempotencyKey:
        break;
    }
    return rows;
}

Page<LineageEdge> SqlStore::listLineageEdgesPage(
    const QString &entityId, const LineageFilter &filter, const PageRequest &page)
{
    requireValidLimit(page.limit);
    const std::optional<LineageCursor> cursor = decodeLineageCursor(page.cursor);

    // The entity's filtered edges under a table alias.
    const auto touching = [&](const QString &alias) {
        SqlWhere where;
        where.add(
            QStringLiteral("(%1.source_entity_id = ? OR %1.target_entity_id = ?)").arg(alias), { entityId, entityId });
        where.equals(alias + QStringLiteral(".edge_type"), filter.edgeType);
        where.atLeast(alias + QStringLiteral(".created_at") + m_c, filter.createdFrom);
        where.atMost(alias + QStringLiteral(".created_at") + m_c, filter.createdTo);
        return where;
    };
    const QString key
        = QStringLiteral("(e.created_at%1, e.source_entity_id%1, e.edge_type%1, e.target_entity_id%1)").arg(m_c);
    const QString order
        = QStringLiteral(" ORDER BY e.created_at%1, e.source_entity_id%1, e.edge_type%1, e.target_entity_id%1")
              .arg(m_c);
    const QString columns = qualified(QStringLiteral("e"), kEdgeColumns).join(QStringLiteral(", "));

    // The cursor must name an edge of the filtered list (§6.2); the CTE finds it, and an empty
    // CTE gives an empty page. The rest of the cursor is compared as one string because ids may
    // hold "|".
    QString with;
    QString from = QStringLiteral(" FROM dpm_lineage_edges e");
    QVariantList params;
    SqlWhere where = touching(QStringLiteral("e"));
    if (cursor) {
        SqlWhere named = touching(QStringLiteral("n"));
        named.add(QStringLiteral("n.created_at = ? AND n.source_entity_id || '|' || n.edge_type || '|' || "
                                 "n.target_entity_id = ?"),
            { cursor->createdAt, cursor->rest });
        with = QStringLiteral("WITH c AS (SELECT n.created_at, n.source_entity_id, n.edge_type, n.target_entity_id "
                              "FROM dpm_lineage_edges n%1 ORDER BY n.source_entity_id%2, n.edge_type%2, "
                              "n.target_entity_id%2 LIMIT 1) ")
                   .arg(named.sql(), m_c);
        params = named.params();
        from += QStringLiteral(", c");
        where.add(key + QStringLiteral(" > (c.created_at, c.source_entity_id, c.edge_type, c.target_entity_id)"));
    }
    params += where.params();
    params << page.limit + 1;
    SqlRows q = m_db->exec(
        with + QStringLiteral("SELECT ") + columns + from + where.sql() + order + QStringLiteral(" LIMIT ?"), params);
    Page<LineageEdge> result;
    while (q.next())
        result.items << readEdge(q);
    if (result.items.size() <= page.limit)
        return result;

    const LineageEdge last = result.items.at(page.limit - 1);
    if (!lineageKeyEqual(last, result.items.at(page.limit))) {
        result.items.removeLast();
        result.nextCursor = encodeLineageCursor(last);
        return result;
    }
    // Exact duplicates straddle the page's end: the page takes the whole run of them, since a
    // cursor naming their key continues after all of them. Rare, so two more small queries.
    // (Edges are append-only; a concurrent append or purge changes the next page, never this one's
    // consistency with the cursor it returns.)
    const QVariantList lastKey { last.createdAt, last.sourceEntityId, last.edgeType, last.targetEntityId };
    while (!result.items.isEmpty() && lineageKeyEqual(result.items.constLast(), last))
        result.items.removeLast();
    SqlWhere group = touching(QStringLiteral("e"));
    group.add(
        QStringLiteral("e.created_at = ? AND e.source_entity_id = ? AND e.edge_type = ? AND e.target_entity_id = ?"),
        lastKey);
    SqlRows g
        = m_db->exec(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM dpm_lineage_edges e") + group.sql(),
            group.params());
    while (g.next())
        result.items << readEdge(g);
    SqlWhere beyond = touching(QStringLiteral("e"));
    beyond.add(key + QStringLiteral(" > (?, ?, ?, ?)"), lastKey);
    SqlRows more
        = m_db->exec(QStringLiteral("SELECT 1 FROM dpm_lineage_edges e") + beyond.sql() + QStringLiteral(" LIMIT 1"),
            beyond.params());
    if (more.next())
        result.nextCursor = encodeLineageCursor(last);
    return result;
}

QList<LineageEdge> SqlStore::listLineageEdgesTouching(const QStringList &entityIds)
{
    const QSet<QString> ids(entityIds.cbegin(), entityIds.cend());
    const QStringList unique(ids.cbegin(), ids.cend());
    QList<LineageEdge> edges;
    // An edge is taken from the chunk holding its source, or else from the chunk holding its
    // target: each row exactly once, however the ids are chunked.
    for (qsizetype at = 0; at < unique.size(); at += kEntityChunk) {
        const QStringList chunk = unique.mid(at, kEntityChunk);
        const QString marks = sqlPlaceholders(chunk.size());
        QVariantList params;
        for (int side = 0; side < 2; ++side) {
            for (const QString &id : chunk)
                params << id;
        }
        SqlRows q = m_db->exec(QStringLiteral("SELECT %1, 'S' FROM dpm_lineage_edges WHERE source_entity_id IN (%2) "
                                              "UNION ALL SELECT %1, 'T' FROM dpm_lineage_edges "
                                              "WHERE target_entity_id IN (%2)")
                                   .arg(kEdgeColumns, marks),
            params);
        while (q.next()) {
            LineageEdge edge = readEdge(q);
            if (q.value(5).toString() == QLatin1String("T") && ids.contains(edge.sourceEntityId))
                continue;
            edges << std::move(edge);
        }
    }
    std::stable_sort(edges.begin(), edges.end(), lineageKeyLess);
    return edges;
}

QList<IdentifierMatch> SqlStore::findIdentifier(const QString &identifier)
{
    // One statement: a UNION ALL of exact lookups, each on a primary key, a UNIQUE constraint or
    // a console index, so an identifier costs one round trip whatever it turns out to be. Where a
    // match leads to a run, the run is looked up with a correlated sub-select rather than a join:
    // PostgreSQL plans that statement in about half the time (measured), and planning is most of
    // its cost.
    const auto runExists = [](const QString &runId) {
        return QStringLiteral(
            "CASE WHEN EXISTS (SELECT 1 FROM dpm_runs r WHERE r.rebalance_run_id = %1) THEN 1 ELSE 0 END")
            .arg(runId);
    };
    const QString runOfOperation
        = QStringLiteral("(SELECT r.rebalance_run_id FROM dpm_runs r WHERE r.correlation_id = o.correlation_id)");
    const auto branch
        = [&](IdentifierKind kind, const QString &runId, const QString &exists, const QString &operationId,
              const QString &decisionId, const QString &count, const QString &from, const QStringList &keys = {}) {
              return QStringLiteral("SELECT %1 AS kind, %2 AS run_id, %3 AS run_exists, %4 AS operation_id, "
                                    "%5 AS decision_id, %6 AS run_count, %7 AS k1, %8 AS k2 FROM %9")
                  .arg(QString::number(int(kind)), runId, exists, operationId, decisionId, count,
                      keys.value(0, kNullText), keys.value(1, kNullText), from);
          };
    const QString zero = QStringLiteral("0");
    const QString one = QStringLiteral("1"); // for operations: the run exists when its id is not NULL
    const QStringList branches {
        branch(IdentifierKind::RunId, QStringLiteral("rebalance_run_id"), one, kNullText, kNullText, zero,
            QStringLiteral("dpm_runs WHERE rebalance_run_id = ?")),
        branch(IdentifierKind::RunCorrelationId, QStringLiteral("rebalance_run_id"), one, kNullText, kNullText, zero,
            QStringLiteral("dpm_runs WHERE correlation_id = ?")),
        branch(IdentifierKind::OperationId, runOfOperation, one, QStringLiteral("o.operation_id"), kNullText, zero,
            QStringLiteral("dpm_async_operations o WHERE o.operation_id = ?")),
        branch(IdentifierKind::OperationCorrelationId, runOfOperation, one, QStringLiteral("o.operation_id"), kNullText,
            zero, QStringLiteral("dpm_async_operations o WHERE o.correlation_id = ?")),
        branch(IdentifierKind::IdempotencyKey, QStringLiteral("m.rebalance_run_id"),
            runExists(QStringLiteral("m.rebalance_run_id")), kNullText, kNullText, zero,
            QStringLiteral("dpm_run_idempotency m WHERE m.idempotency_key = ?")),
        // The latest run of the hash and how many runs share it; no row when none does.
        branch(IdentifierKind::RequestHash,
            QStringLiteral("(SELECT x.rebalance_run_id FROM dpm_runs x WHERE x.request_hash = ? "
                           "ORDER BY x.created_at%1 DESC, x.rebalance_run_id%1 DESC LIMIT 1)")
                .arg(m_c),
            one, kNullText, kNullText, QStringLiteral("h.n"),
            QStringLiteral("(SELECT COUNT(*) AS n FROM dpm_runs WHERE request_hash = ?) h WHERE h.n > 0")),
        branch(IdentifierKind::DecisionId, QStringLiteral("d.run_id"), runExists(QStringLiteral("d.run_id")), kNullText,
            QStringLiteral("d.decision_id"), zero, QStringLiteral("dpm_workflow_decisions d WHERE d.decision_id = ?")),
        branch(IdentifierKind::DecisionCorrelationId, QStringLiteral("d.run_id"), runExists(QStringLiteral("d.run_id")),
            kNullText, QStringLiteral("d.decision_id"), zero,
            QStringLiteral("dpm_workflow_decisions d WHERE d.correlation_id = ?"),
            { QStringLiteral("d.decided_at"), QStringLiteral("d.decision_id") }),
    };
    const QVariantList params(9, identifier); // the request hash branch binds it twice
    SqlRows q = m_db->exec(QStringLiteral("SELECT kind, run_id, run_exists, operation_id, decision_id, run_count "
                                          "FROM (%1) f ORDER BY kind, k1%2, k2%2")
                               .arg(branches.join(QStringLiteral(" UNION ALL ")), m_c),
        params);
    QList<IdentifierMatch> matches;
    while (q.next()) {
        IdentifierMatch match;
        match.kind = IdentifierKind(q.value(0).toInt());
        match.runId = optionalText(q.value(1));
        match.runExists = match.runId && q.value(2).toInt() != 0;
        match.operationId = optionalText(q.value(3));
        match.decisionId = optionalText(q.value(4));
        if (match.kind == IdentifierKind::RequestHash)
            match.runCount = q.value(5).toLongLong();
        matches << match;
    }
    return matches;
}

// ---------------------------------------------------------------- per-day series

QList<DailyCount> SqlStore::countRunsPerDay(const QString &fromDay, const QString &toDay)
{
    const DayRangeBounds bounds = dayRangeBounds(fromDay, toDay);
    // console/0007's narrow rows and their (status, created_at) index when there, else the runs.
    const QString table = m_runList ? QStringLiteral("console_run_list") : QStringLiteral("dpm_runs");
    const QString runStatus = m_runList ? QStringLiteral("status") : m_runStatus;
    return inReadTransaction([&] {
        // The statuses present: the maintained counters when there are any (a few rows), else a
        // scan; '' stands for the runs without a status, which the index holds as NULL or ''.
        QStringList statuses;
        SqlRows keys = m_db->exec(m_summaryCounters
                ? QStringLiteral("SELECT bucket FROM console_summary_counts WHERE metric = 'run_status' AND n <> 0")
                : QStringLiteral("SELECT DISTINCT COALESCE(%1, '') FROM %2").arg(runStatus, table));
        while (keys.next())
            statuses << keys.value(0).toString();
        // One equality range of the status index per status (console_run_list's; console/0001's on
        // dpm_runs before 0007): an index-only range read of the runs inside the days (a GROUP BY
        // over the created_at index instead would parse every run's JSON). The status is a bound
        // value, never a selected column, so PostgreSQL need not evaluate the status function per row.
        const QString perDay
            = QStringLiteral("SELECT substr(created_at, 1, 10), COUNT(*) FROM %2 WHERE %1 "
                             "AND created_at%3 >= ? AND created_at%3 < ? GROUP BY substr(created_at, 1, 10)")
                  .arg(QStringLiteral("%1"), table, m_c);
        QList<DailyCount> counts;
        const auto read = [&](const QString &condition, const QVariantList &params, const QString &key) {
            SqlRows q
                = m_db->exec(perDay.arg(condition), params + QVariantList { bounds.lower, bounds.upperExclusive });
            while (q.next())
                counts << DailyCount { q.value(0).toString(), key, q.value(1).toLongLong() };
        };
        for (const QString &status : std::as_const(statuses)) {
            if (status.isEmpty()) {
                read(QStringLiteral("%1 IS NULL").arg(runStatus), {}, QString());
                read(QStringLiteral("%1 = ''").arg(runStatus), {}, QString());
            } else {
                read(QStringLiteral("%1 = ?").arg(runStatus), { status }, status);
            }
        }
        return normalizedDailyCounts(counts);
    });
}

QList<DailyCount> SqlStore::countDecisionsPerDay(const QString &fromDay, const QString &toDay)
{
    const DayRangeBounds bounds = dayRangeBounds(fromDay, toDay);
    return inReadTransaction([&] {
        QStringList actions;
        SqlRows keys
            = m_db->exec(m_summaryCounters ? QStringLiteral(
                             "SELECT bucket FROM console_summary_counts WHERE metric = 'workflow_action' AND n <> 0")
                                           : QStringLiteral("SELECT DISTINCT action FROM dpm_workflow_decisions"));
        while (keys.next())
            actions << keys.value(0).toString();
        // One range of ix_console_decisions_action_decided per action (covering).
        const QString perDay = QStringLiteral("SELECT substr(decided_at, 1, 10), COUNT(*) FROM dpm_workflow_decisions "
                                              "WHERE action = ? AND decided_at%1 >= ? AND decided_at%1 < ? "
                                              "GROUP BY substr(decided_at, 1, 10)")
                                   .arg(m_c);
        QList<DailyCount> counts;
        for (const QString &action : std::as_const(actions)) {
            SqlRows q = m_db->exec(perDay, { action, bounds.lower, bounds.upperExclusive });
            while (q.next())
                counts << DailyCount { q.value(0).toString(), action, q.value(1).toLongLong() };
        }
        return normalizedDailyCounts(counts);
    });
}

} // namespace dpm
