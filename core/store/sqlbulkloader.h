#pragma once

#include "store/bulkloader.h"
#include "store/sqltransaction.h"

#include <optional>

struct sqlite3;
struct sqlite3_stmt;
struct pg_conn;

namespace dpm {

class SqlDatabase;

// The bulk path of SqlStore, on the store's own connection of the calling thread:
// - SQLite: one prepared INSERT per table, reused for every row (sqlite3 C API on the handle
//   Qt's driver exposes), BEGIN IMMEDIATE per transaction, and while the loader lives a larger
//   page cache and synchronous=OFF (an OS crash or power loss during a load can damage the
//   file; finish() restores the setting and checkpoints, so a finished load is durable);
// - PostgreSQL: COPY … FROM STDIN in text format through libpq on the PGconn of Qt's driver,
//   then ANALYZE of the loaded tables in finish(); values are compressed with lz4 where the server
//   has it (SET LOCAL default_toast_compression in each transaction).
// Failures are dpm::Error: STORE_CONNECTION_LOST when the server went away, STORE_QUERY_FAILED
// otherwise (redacted), and the transaction rolls back.
class SqlBulkLoader final : public BulkLoader
{
public:
    explicit SqlBulkLoader(SqlDatabase &database);
    ~SqlBulkLoader() override;
    SqlBulkLoader(const SqlBulkLoader &) = delete;
    SqlBulkLoader &operator=(const SqlBulkLoader &) = delete;

    bool supports(BulkTable table) const override;
    void begin() override;
    // PostgreSQL: each table's COPY text (tables already encoded are left as they are).
    void prepare(BulkRows &rows) const override;
    void write(const BulkRows &rows) override;
    void commit() override;
    void rollback() override;
    void finish() override;

private:
    void writeSqlite(BulkTable table, const QList<QByteArray> &values);
    void writeCopy(BulkTable table, const BulkRows &rows);
    sqlite3 *sqliteHandle();
    pg_conn *postgresHandle();
    [[noreturn]] void throwSqliteError(BulkTable table, int code);
    // Judges the connection the COPY ran on (never a new one: that would reconnect and report
    // the reconnect's outcome instead of the loss).
    [[noreturn]] void throwPostgresError(pg_conn *conn, BulkTable table, const QString &reason, const QString &sqlState);
    void restoreSqliteSettings();

    SqlDatabase &m_db;
    bool m_hasEvents = false;
    bool m_hasProposals = false;
    bool m_lz4 = false; // PostgreSQL with lz4 TOAST compression
    std::optional<SqlTransaction> m_transaction;
    std::array<sqlite3_stmt *, kBulkTableCount> m_statements {};
    std::optional<qint64> m_previousCacheSize;
    std::optional<qint64> m_previousSynchronous;
    QList<BulkTable> m_loaded;
};

// Whether the database has the console's run events and outbox tables (console/0002).
bool hasConsoleEventTables(SqlDatabase &db);
// Whether the database has every proposal table (proposals/0001, 0002).
bool hasProposalTables(SqlDatabase &db);

// One field of COPY's text format appended to out: NULL as \N, and backslash, newline, carriage
// return and tab escaped, so any text value survives the trip.
void appendCopyTextField(QByteArray &out, const QByteArray &value);
// A table's rows (BulkRows::values) as COPY text: fields tab-separated, rows newline-ended,
// booleans as bulkBooleanValue writes them.
QByteArray encodeCopyText(BulkTable table, const QList<QByteArray> &values);

} // namespace dpm
