#include "bulkloader.h"

#include "domain/error.h"
#include "store/dualwritebulkloader.h"
#include "store/dualwritestore.h"
#include "store/memorybulkloader.h"
#include "store/memorystore.h"
#include "store/meteredbulk.h"
#include "store/separateproposalsstore.h"
#include "store/splitbulkloader.h"
#include "store/sqlbulkloader.h"
#include "store/sqlstore.h"

namespace dpm {

const BulkTableSpec &bulkTableSpec(BulkTable table)
{
    // Column lists exactly as in migrations/*/dpm/0001_baseline.sql, console/0002 and
    // proposals/0001, 0002.
    static const std::array<BulkTableSpec, kBulkTableCount> kSpecs { {
        { "dpm_runs",
            { "rebalance_run_id", "correlation_id", "request_hash", "idempotency_key", "portfolio_id", "created_at",
                "result_json" },
            {}, {} },
        { "dpm_run_artifacts", { "rebalance_run_id", "artifact_json" }, {}, {} },
        { "dpm_run_idempotency", { "idempotency_key", "request_hash", "rebalance_run_id", "created_at" }, {}, {} },
        { "dpm_run_idempotency_history",
            { "idempotency_key", "rebalance_run_id", "correlation_id", "request_hash", "created_at" }, {}, {} },
        { "dpm_async_operations",
            { "operation_id", "operation_type", "status", "correlation_id", "created_at", "started_at", "finished_at",
                "result_json", "error_json", "request_json" },
            {}, {} },
        { "dpm_workflow_decisions",
            { "decision_id", "run_id", "action", "reason_code", "comment", "actor_id", "decided_at", "correlation_id" },
            {}, {} },
        { "dpm_lineage_edges", { "source_entity_id", "edge_type", "target_entity_id", "created_at", "metadata_json" },
            {}, {} },
        { "dpm_run_events",
            { "event_id", "rebalance_run_id", "sequence_no", "event_type", "idempotency_key", "payload_json",
                "created_at" },
            { 2 }, {} },
        { "dpm_outbox",
            { "outbox_id", "event_id", "topic", "payload_json", "status", "attempts", "max_attempts", "next_attempt_at",
                "last_error", "created_at", "delivered_at" },
            { 5, 6 }, {} },
        { "proposal_records",
            { "proposal_id", "portfolio_id", "mandate_id", "jurisdiction", "created_by", "created_at", "last_event_at",
                "current_state", "current_version_no", "title", "advisor_notes" },
            { 8 }, {} },
        { "proposal_versions",
            { "proposal_version_id", "proposal_id", "version_no", "created_at", "request_hash", "artifact_hash",
                "simulation_hash", "status_at_creation", "proposal_result_json", "artifact_json",
                "evidence_bundle_json", "gate_decision_json" },
            { 2 }, {} },
        { "proposal_workflow_events",
            { "event_id", "proposal_id", "event_type", "from_state", "to_state", "actor_id", "occurred_at",
                "reason_json", "related_version_no" },
            { 8 }, {} },
        { "proposal_approvals",
            { "approval_id", "proposal_id", "approval_type", "approved", "actor_id", "occurred_at", "details_json",
                "related_version_no" },
            { 7 }, { 3 } },
        { "proposal_idempotency",
            { "idempotency_key", "request_hash", "proposal_id", "proposal_version_no", "created_at" }, { 3 }, {} },
        { "proposal_async_operations",
            { "operation_id", "operation_type", "status", "correlation_id", "idempotency_key", "proposal_id",
                "created_by", "created_at", "started_at", "finished_at", "result_json", "error_json" },
            {}, {} },
        { "proposal_simulation_idempotency", { "idempotency_key", "request_hash", "response_json", "created_at" },
            {}, {} },
    } };
    return kSpecs[std::size_t(table)];
}

bool isConsoleEventTable(BulkTable table)
{
    return table == BulkTable::RunEvents || table == BulkTable::Outbox;
}

bool isProposalTable(BulkTable table)
{
    return table >= BulkTable::ProposalRecords;
}

bool sqlStoreHoldsBulkTable(BulkTable table, bool hasConsoleEventTables, bool hasProposalTables)
{
    if (isConsoleEventTable(table))
        return hasConsoleEventTables;
    return hasProposalTables || !isProposalTable(table);
}

QByteArray bulkBooleanValue(bool value)
{
    return value ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
}

bool bulkBooleanFrom(const QByteArray &value)
{
    return value == "true" || value == "t" || value == "1";
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
    m_encoded[std::size_t(table)].clear();
    QList<QByteArray> &target = m_values[std::size_t(table)];
    for (const QByteArray &value : values)
        target.append(value);
}

void BulkRows::addRow(BulkTable table, const QList<QByteArray> &values)
{
    Q_ASSERT(values.size() == bulkTableSpec(table).columns.size());
    m_encoded[std::size_t(table)].clear();
    m_values[std::size_t(table)].append(values);
}

void BulkRows::appendRows(BulkTable table, const QList<QByteArray> &values)
{
    Q_ASSERT(values.size() % bulkTableSpec(table).columns.size() == 0);
    m_encoded[std::size_t(table)].clear();
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
    for (QByteArray &encoded : m_encoded)
        encoded.clear();
}

namespace {

// The loader of the store's backend, not yet metered: the decorators' loaders are made of their
// stores' loaders, and the whole is timed once.
std::unique_ptr<BulkLoader> openUnmeteredLoader(SupportStore &store)
{
    // The decorators that route writes first: what a write to the store does, a load does too.
    if (auto *dual = storeAs<DualWriteStore>(store)) {
        SupportStore &postgres = dual->postgres();
        return std::make_unique<DualWriteBulkLoader>(openUnmeteredLoader(dual->primary()),
            [&postgres] { return openUnmeteredLoader(postgres); }, dual->router());
    }
    if (auto *split = storeAs<SeparateProposalsStore>(store)) {
        std::unique_ptr<BulkLoader> dpm = openUnmeteredLoader(*split->wrapped());
        return std::make_unique<SplitBulkLoader>(std::move(dpm), openUnmeteredLoader(split->proposalStore()));
    }
    if (auto *sql = storeAs<SqlStore>(store))
        return std::make_unique<SqlBulkLoader>(sql->database());
    if (auto *memory = storeAs<MemoryStore>(store))
        return std::make_unique<MemoryBulkLoader>(*memory);
    throw Error(ErrorKind::Internal, QStringLiteral("BULK_LOAD_UNSUPPORTED"),
        QStringLiteral("This store (%1) has no bulk load path; use a memory, SQLite or PostgreSQL store.")
            .arg(store.describe()));
}

} // namespace

std::unique_ptr<BulkLoader> openBulkLoader(SupportStore &store)
{
    return meteredBulkLoader(openUnmeteredLoader(store), metricsOf(store));
}

} // namespace dpm
