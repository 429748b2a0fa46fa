#pragma once

#include "store/sqldatabase.h"

#include <QString>
#include <QVariantList>

#include <optional>
#include <type_traits>
#include <unordered_map>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

namespace dpm {

// The prepared statements of one SQLite connection for the hot reads (listings and lookups), kept
// for the connection's life: Qt SQL's per-row QVariant/QString work cost 1.5-1.9x of the raw
// sqlite3 calls on a 0.1 ms query (tests/bench/results). Owned by the connection's guard in
// SqlDatabase and finalised before the connection closes.
class SqliteStatementCache
{
public:
    explicit SqliteStatementCache(sqlite3 *db)
        : m_db(db)
    { }
    ~SqliteStatementCache();
    SqliteStatementCache(const SqliteStatementCache &) = delete;
    SqliteStatementCache &operator=(const SqliteStatementCache &) = delete;

    sqlite3 *handle() const { return m_db; }
    // The statement of `sql`, prepared once; a statement still being read (a nested use of the
    // same SQL) gets a fresh one, finalised when given back. Throws as SqlDatabase::exec does.
    sqlite3_stmt *acquire(const QString &sql);
    void release(sqlite3_stmt *statement);

private:
    struct Entry
    {
        sqlite3_stmt *statement = nullptr;
        bool inUse = false;
    };
    sqlite3 *m_db;
    std::unordered_map<QString, Entry> m_statements;
};

// The rows of one read on this thread's SQLite connection through the sqlite3 C API: the same
// SQL and parameters as SqlDatabase::exec, the columns read straight into QStrings. Destroying it
// resets the statement (an unfinished one would keep its read snapshot open).
class SqliteRows
{
public:
    SqliteRows(SqlDatabase &db, const QString &sql, const QVariantList &params);
    ~SqliteRows();
    SqliteRows(const SqliteRows &) = delete;
    SqliteRows &operator=(const SqliteRows &) = delete;

    bool next();
    bool isNull(int column) const;
    QString text(int column) const;
    std::optional<QString> optionalText(int column) const;

private:
    [[noreturn]] void fail(int code, const QString &what) const;

    SqliteStatementCache &m_cache;
    sqlite3_stmt *m_statement;
};

namespace sql {

// Runs a read and calls onRow(row) for each row: on SQLite through SqliteRows when onRow reads
// that row type too (row readers written against text()/optionalText()), else through Qt SQL.
template <typename OnRow>
void forEachRow(SqlDatabase &db, const QString &sql, const QVariantList &params, OnRow &&onRow)
{
    if constexpr (std::is_invocable_v<OnRow &, const SqliteRows &>) {
        if (!db.dialect().isPostgres()) {
            SqliteRows rows(db, sql, params);
            while (rows.next())
                onRow(std::as_const(rows));
            return;
        }
    }
    SqlRows rows = db.exec(sql, params);
    while (rows.next())
        onRow(std::as_const(rows));
}

} // namespace sql

} // namespace dpm
