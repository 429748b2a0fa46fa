#pragma once

#include "sqldialect.h"
#include "storelocation.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace dpm {

// A SQL database (SQLite file or PostgreSQL) with one QSqlDatabase connection per thread,
// opened lazily on first use in that thread, since QSqlDatabase connections belong to the thread
// that opened them. Connections of other threads are closed when those threads end; the calling
// thread's connection is closed when this object is destroyed.
class SqlDatabase
{
public:
    // Checks that the driver exists; does not connect yet. Throws
    // DPM_SUPPORTABILITY_POSTGRES_DRIVER_MISSING / DPM_SUPPORTABILITY_SQLITE_DRIVER_MISSING.
    explicit SqlDatabase(StoreLocation location);
    ~SqlDatabase();
    SqlDatabase(const SqlDatabase &) = delete;
    SqlDatabase &operator=(const SqlDatabase &) = delete;

    const StoreLocation &location() const { return m_location; }
    const SqlDialect &dialect() const { return m_dialect; }

    // This thread's open connection. Throws DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED or
    // DPM_SUPPORTABILITY_SQLITE_OPEN_FAILED with the driver's (redacted) reason.
    QSqlDatabase connection();

    // Prepares and runs a statement on this thread's connection with positional parameters,
    // returning the active query positioned before the first row. Throws STORE_QUERY_FAILED
    // (or the connection error if the server went away).
    QSqlQuery exec(const QString &sql, const QVariantList &params = {});

    // Runs a statement without preparing it (transaction control, session settings).
    void execDirect(const QString &sql);

    // True when a table of that name exists (in the current schema on PostgreSQL).
    bool tableExists(const QString &table);

private:
    void configureNewConnection(QSqlDatabase &db);

    StoreLocation m_location;
    SqlDialect m_dialect;
    QString m_connectionPrefix;
};

// Throws the right dpm::Error for a failed query: the connection error when the server is gone,
// STORE_QUERY_FAILED otherwise, naming what was being done. Messages are redacted.
[[noreturn]] void throwQueryError(const QSqlQuery &query, const QString &what);

// Binds a std::optional as a value or SQL NULL of text type.
QVariant nullableText(const std::optional<QString> &value);
std::optional<QString> optionalText(const QVariant &value);

} // namespace dpm
