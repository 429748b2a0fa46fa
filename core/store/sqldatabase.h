#pragma once

#include "connectionpool.h"
#include "domain/error.h"
#include "sqldialect.h"
#include "storelocation.h"
#include "statementinterrupter.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>
#include <optional>

namespace dpm {

class SqliteStatementCache;

// The rows of one executed statement; read them, then let this go: destroying it finishes the
// statement (on SQLite an unfinished one would keep its read snapshot open).
class SqlRows
{
public:
    explicit SqlRows(std::shared_ptr<QSqlQuery> query)
        : m_query(std::move(query))
    { }
    SqlRows(SqlRows &&) noexcept = default;
    SqlRows &operator=(SqlRows &&) noexcept = default;
    ~SqlRows();

    bool next() { return m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    // What SqliteRows offers too, so that one row reader serves both (see sql::forEachRow).
    bool isNull(int column) const { return m_query->isNull(column); }
    QString text(int column) const { return m_query->value(column).toString(); }
    std::optional<QString> optionalText(int column) const;
    int numRowsAffected() const { return m_query->numRowsAffected(); }
    QSqlQuery &query() { return *m_query; }

private:
    std::shared_ptr<QSqlQuery> m_query;
};

// A SQL database (SQLite file or PostgreSQL) with one QSqlDatabase connection per thread,
// opened lazily on first use in that thread, since QSqlDatabase connections belong to the thread
// that opened them. Each thread's connections are closed on that thread as it finishes (a QThread's
// before its wait() returns, the main thread's with QCoreApplication); the calling thread's
// connection is also closed when this object is destroyed.
class SqlDatabase
{
public:
    // Checks that the driver exists and, on PostgreSQL, reads the pool variables
    // (PostgresPoolSettings); does not connect yet. Throws
    // DPM_SUPPORTABILITY_POSTGRES_DRIVER_MISSING / DPM_SUPPORTABILITY_SQLITE_DRIVER_MISSING and
    // POSTGRES_POOL_CONFIG_INVALID.
    explicit SqlDatabase(StoreLocation location);
    ~SqlDatabase();
    SqlDatabase(const SqlDatabase &) = delete;
    SqlDatabase &operator=(const SqlDatabase &) = delete;

    const StoreLocation &location() const { return m_location; }
    const SqlDialect &dialect() const { return m_dialect; }

    // A SQLite file this user cannot write is opened read-only; in a folder this user cannot
    // write, where SQLite could not create the WAL's -shm file that even reads need, it is opened
    // immutable. Then this is the sentence a status bar shows (empty when the store is
    // writable), and every write fails with STORE_READ_ONLY.
    const QString &readOnlyNotice() const { return m_readOnlyNotice; }

    // Whether this thread's connection (opened now if need be) reached a PostgreSQL hot standby:
    // pg_is_in_recovery() when it opened. False on SQLite.
    bool isStandby();
    // Throws STORE_READ_ONLY_REPLICA, naming `what` ("applying migrations"), when isStandby():
    // every change is refused before its first statement.
    void refuseChangesOnStandby(const QString &what);

    // This thread's open connection. Throws DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED or
    // DPM_SUPPORTABILITY_SQLITE_OPEN_FAILED with the driver's (redacted) reason, and
    // POSTGRES_POOL_EXHAUSTED when the pool's connections stayed in use (see ConnectionPool).
    QSqlDatabase connection();

    // This database's connections now: open, active, idle, waiting, and the pool's limits
    // (POSTGRES_POOL_*, read when this object was made).
    ConnectionPoolFigures poolFigures() const { return m_pool->figures(); }

    // Runs a statement on this thread's connection with positional parameters, returning its
    // rows positioned before the first. Statements stay prepared per connection, so running the
    // same SQL again costs one round trip on PostgreSQL instead of prepare + execute +
    // deallocate. Throws STORE_QUERY_FAILED (or the connection error if the server went away).
    SqlRows exec(const QString &sql, const QVariantList &params = {});

    // This thread's SQLite connection's statement cache for reads on the sqlite3 C API (opened
    // now if need be). SQLite only.
    SqliteStatementCache &sqliteStatements();

    // Runs a statement without preparing it (transaction control, session settings).
    void execDirect(const QString &sql);

    // True when a table of that name exists (in the current schema on PostgreSQL).
    bool tableExists(const QString &table);

    // Stops the statement running now on each of this database's connections, from any thread
    // (PQcancel / sqlite3_interrupt): those statements fail with STORE_QUERY_CANCELLED and their
    // connections stay usable. For work nobody waits for any more, such as a closing session.
    void interruptAll();
    // The calling thread's connection only, for one request (see
    // SupportStore::interrupterForThisThread): interrupt() from any thread stops its running
    // statement and fails every later one until release().
    StatementInterrupter interrupterForThisThread();
    // Throws STORE_QUERY_CANCELLED while this thread's request is cancelled (interrupt() called,
    // release() not yet). PQcancel and sqlite3_interrupt stop only a statement that is running, so
    // a cancel that comes between two statements is remembered and checked here before each one:
    // by exec(), by execDirect() (except ROLLBACK and the connection's PRAGMA/SET settings, which
    // leave it clean for the next request) and by paths that bypass both, such as COPY.
    void throwIfCancelled();

    // Closes every connection the calling thread holds, of any SqlDatabase, now rather than when
    // the thread finishes: on a thread nobody waits for (it could finish after Qt SQL is gone),
    // or before the database it used is dropped.
    static void closeThisThreadsConnections();

    struct Interrupters;

private:
    void configureNewConnection(QSqlDatabase &db);
    SqlRows execOnce(const QString &sql, const QVariantList &params);
    // Forgets this thread's connection after the server dropped it; false when a transaction
    // was open on it (then the work is lost and the caller must see the error).
    bool dropLostConnection();

    enum class SqliteAccess { ReadWrite, ReadOnly, Immutable };

    StoreLocation m_location;
    SqlDialect m_dialect;
    SqliteAccess m_sqliteAccess = SqliteAccess::ReadWrite;
    QString m_readOnlyNotice;
    QString m_connectionPrefix;
    // Shared with the connections' guards, which may outlive this object on their threads.
    std::shared_ptr<Interrupters> m_interrupters;
    std::shared_ptr<ConnectionPool> m_pool;
};

// STORE_READ_ONLY_REPLICA: `what` ("applying migrations") was refused on a hot standby.
Error readOnlyReplicaError(const QString &what);

// Throws the right dpm::Error for a failed query: the connection error when the server is gone,
// STORE_QUERY_FAILED otherwise, naming what was being done. Messages are redacted.
[[noreturn]] void throwQueryError(const QSqlQuery &query, const QString &what);

// The same for a failed SQLite call: its extended result code, SQLite's own message and the
// reason as shown (Qt's adds the driver's words).
[[noreturn]] void throwSqliteError(int code, const QString &databaseText, const QString &reason, const QString &what);

// Binds a std::optional as a value or SQL NULL of text type.
QVariant nullableText(const std::optional<QString> &value);
std::optional<QString> optionalText(const QVariant &value);

} // namespace dpm
