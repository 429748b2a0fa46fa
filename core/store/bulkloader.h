#pragma once

#include <QByteArray>
#include <QList>

#include <array>
#include <initializer_list>
#include <memory>

namespace dpm {

class SupportStore;

// The tables the bulk path loads (the service's DPM tables, the console's run events and outbox,
// console/0002, and the service's proposal tables), in the order a load writes them.
enum class BulkTable {
    Runs,
    RunArtifacts,
    RunIdempotency,
    RunIdempotencyHistory,
    AsyncOperations,
    WorkflowDecisions,
    LineageEdges,
    RunEvents,
    Outbox,
    ProposalRecords,
    ProposalVersions,
    ProposalWorkflowEvents,
    ProposalApprovals,
    ProposalIdempotency,
    ProposalAsyncOperations,
    ProposalSimulationIdempotency,
};
inline constexpr int kBulkTableCount = 16;

struct BulkTableSpec
{
    const char *name;
    QList<const char *> columns;
    QList<int> integerColumns; // indexes of INTEGER columns (run events, outbox, proposals)
    QList<int> booleanColumns; // indexes of BOOLEAN columns (proposal_approvals.approved); the rest are TEXT
};

const BulkTableSpec &bulkTableSpec(BulkTable table);
// Run events and outbox: on SQL, the tables of console/0002.
bool isConsoleEventTable(BulkTable table);
// The proposal tables (proposals/0001, 0002): a SQL store has them only once migrated.
bool isProposalTable(BulkTable table);
// Whether a SQL store with (or without) console/0002's tables and the proposal tables holds `table`.
bool sqlStoreHoldsBulkTable(BulkTable table, bool hasConsoleEventTables, bool hasProposalTables);
QList<BulkTable> allBulkTables();

// Rows waiting to be loaded: per table, one UTF-8 text value per column, row after row. A null
// QByteArray is SQL NULL; an empty, non-null one is the empty string. Integers are decimal text,
// booleans "true" or "false" (bulkBooleanValue).
class BulkRows
{
public:
    void add(BulkTable table, std::initializer_list<QByteArray> values);
    void addRow(BulkTable table, const QList<QByteArray> &values);
    // Whole rows of a table, row-major as values() holds them.
    void appendRows(BulkTable table, const QList<QByteArray> &values);
    qsizetype rowCount(BulkTable table) const;
    qsizetype totalRows() const;
    // Row-major values of a table: row r, column c is at r * columnCount + c.
    const QList<QByteArray> &values(BulkTable table) const { return m_values[std::size_t(table)]; }
    // The table's rows in the wire format a loader's prepare() put there (PostgreSQL's COPY
    // text), or empty. Adding rows to the table empties it.
    const QByteArray &encoded(BulkTable table) const { return m_encoded[std::size_t(table)]; }
    void setEncoded(BulkTable table, QByteArray encoded) { m_encoded[std::size_t(table)] = std::move(encoded); }
    void clear();

private:
    std::array<QList<QByteArray>, kBulkTableCount> m_values;
    std::array<QByteArray, kBulkTableCount> m_encoded;
};

// The store's bulk write path: rows go in by the tens of thousands per transaction, through the
// fastest path of each backend (a reused prepared statement on SQLite, COPY FROM STDIN on
// PostgreSQL, direct inserts in memory), on the store's own connection. Rows are written as they
// are: no upsert, no conflict mapping (a clash is STORE_QUERY_FAILED and rolls the transaction
// back). Nothing here depends on triggers or on the console's maintained counters; a backend's
// triggers fire as for any insert.
//
// One loader per thread; it must not outlive its store. Destroying a loader with an open
// transaction rolls the transaction back.
class BulkLoader
{
public:
    virtual ~BulkLoader() = default;

    // Whether the store has the table (on SQL, run events and outbox need console/0002).
    virtual bool supports(BulkTable table) const = 0;

    virtual void begin() = 0;
    // What can be done to rows without the database (encoding them for the wire), so that a
    // producer thread can do it while write() is busy with the previous rows. Safe to call on
    // any thread, also during write(); optional: write() does whatever prepare() did not.
    virtual void prepare(BulkRows &rows) const { Q_UNUSED(rows); }
    // Appends rows inside the open transaction. Rows of a table it does not support are an error.
    virtual void write(const BulkRows &rows) = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
    // After the last commit: refresh the planner's statistics where that matters (PostgreSQL).
    virtual void finish() { }

    // Nanoseconds spent writing each table so far, for per-table rates.
    qint64 writeNanos(BulkTable table) const { return m_writeNanos[std::size_t(table)]; }

protected:
    std::array<qint64, kBulkTableCount> m_writeNanos {};
};

// A boolean as the bulk path carries it, and back ("true", "t" and "1" are true).
QByteArray bulkBooleanValue(bool value);
bool bulkBooleanFrom(const QByteArray &value);

// The bulk path of a store: SqlStore and MemoryStore have one. Through a DualWriteStore the rows go
// to both of its stores (DualWriteBulkLoader), through a SeparateProposalsStore the proposal
// tables go to its proposal store (SplitBulkLoader). Throws BULK_LOAD_UNSUPPORTED for any other
// implementation.
std::unique_ptr<BulkLoader> openBulkLoader(SupportStore &store);

} // namespace dpm
