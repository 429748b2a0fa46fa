#include "bulkloader.h"

#include "domain/error.h"
#include "store/memorybulkloader.h"
#include "store/memorystore.h"
#include "store/sqlbulkloader.h"
#include "store/sqlstore.h"

namespace dpm {

const BulkTableSpec &bulkTableSpec(BulkTable table)
{
    // Column lists exactly as in migrations/*/dpm/0001_baseline.sql and console/0002.
    static const std::array<BulkTableSpec, kBulkTableCount> kSpecs { {
        { "dpm_runs",
            { "rebalance_run_id", "correlation_id", "request_hash", "idempotency_key", "portfolio_id", "created_at",
                "result_json" },
            {} },
        { "dpm_run_artifacts", { "rebalance_run_id", "artifact_json" }, {} },
        { "dpm_run_idempotency", { "idempotency_key", "request_hash", "rebalance_run_id", "created_at" }, {} },
        { "dpm_run_idempotency_history",
            { "idempotency_key", "rebalance_run_id", "correlation_id", "request_hash", "created_at" }, {} },
        { "dpm_async_operations",
            { "operation_id", "operation_type", "status", "correlation_id", "created_at", "started_at", "finished_at",
                "result_json", "error_json", "request_json" },
            {} },
        { "dpm_workflow_decisions",
            { "decision_id", "run_id", "action", "reason_code", "comment", "actor_id", "decided_at", "correlation_id" },
            {} },
        { "dpm_lineage_edges", { "source_entity_id", "edge_type", "target_entity_id", "created_at", "metadata_json" },
            {} },
        { "dpm_run_events",
            { "event_id", "rebalance_run_id", "sequence_no", "event_type", "idempotency_key", "payload_json",
                "created_at" },
            { 2 } },
        { "dpm_outbox",
            { "outbox_id", "event_id", "topic", "payload_json", "status", "attempts", "max_attempts", "next_attempt_at",
                "last_error", "created_at", "delivered_at" },
            { 5, 6 } },
    } };
    return kSpecs[std::size_t(table)];
}

bool isConsoleEventTable(BulkTable table)
{
    return table == BulkTable::RunEvents || table == BulkTable::Outbox;
}

QList<BulkTable> allBulkTables()
{
    QList<BulkTable> out;
    for (int i = 0; i < kBulkTableCount; ++i)
        out << BulkTable(i);
    return out;
}

void BulkRows::add(BulkTable table, std::initializer_list<QByteArray> values)
{
    Q_ASSERT(qsizetype(values.size()) == bulkTableSpec(table).columns.size());
    QList<QByteArray> &target = m_values[std::size_t(table)];
    for (const QByteArray &value : values)
        target.append(value);
}

void BulkRows::addRow(BulkTable table, const QList<QByteArray> &values)
{
    Q_ASSERT(values.size() == bulkTableSpec(table).columns.size());
    m_values[std::size_t(table)].append(values);
}

qsizetype BulkRows::rowCount(BulkTable table) const
{
    return m_values[std::size_t(table)].size() / bulkTableSpec(table).columns.size();
}

qsizetype BulkRows::totalRows() const
{
    qsizetype total = 0;
    for (const BulkTable table : allBulkTables())
        total += rowCount(table);
    return total;
}

void BulkRows::clear()
{
    for (QList<QByteArray> &values : m_values)
        values.clear();
}

std::unique_ptr<BulkLoader> openBulkLoader(SupportStore &store)
{
    if (auto *sql = dynamic_cast<SqlStore *>(&store))
        return std::make_unique<SqlBulkLoader>(sql->database());
    if (auto *memory = dynamic_cast<MemoryStore *>(&store))
        return std::make_unique<MemoryBulkLoader>(*memory);
    throw Error(ErrorKind::Internal, QStringLiteral("BULK_LOAD_UNSUPPORTED"),
        QStringLiteral("This store (%1) has no bulk load path; use a memory, SQLite or PostgreSQL store.")
            .arg(store.describe()));
}

} // namespace dpm
