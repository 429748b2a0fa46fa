#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace dpm {

class SqlDatabase;

// The PostgreSQL session holding a namespace's migration advisory lock (pg_locks joined with
// pg_stat_activity), shown to people so they know whom they are waiting for.
struct AdvisoryLockHolder
{
    qint64 pid = 0;
    QString applicationName;
    QString userName;
    QString clientAddress; // empty for a local socket
    QString backendStart; // service timestamp format

    // "pid 4711 (dpmctl, user dpm_admin from 10.0.0.5, connected since 2026-03-01T10:00:00+00:00)"
    QString describe() const;
};

// Takes the migration advisory locks of namespaces without waiting, on this thread's connection
// of a PostgreSQL database (on SQLite there are none: every call succeeds and holds nothing).
// PostgreSQL's session advisory locks are re-entrant, so a Migrator applying on the same thread
// while these are held takes them again at once, and never blocks behind another migrator;
// the destructor releases what this object took.
class MigrationLocks
{
public:
    explicit MigrationLocks(SqlDatabase &db);
    ~MigrationLocks();
    MigrationLocks(const MigrationLocks &) = delete;
    MigrationLocks &operator=(const MigrationLocks &) = delete;

    // Takes every namespace's lock not yet held; returns the first namespace whose lock another
    // session holds (the others taken so far stay held), nullopt when all are held.
    std::optional<QString> tryTake(const QStringList &namespaces);
    // Who holds the namespace's lock, nullopt when nobody else does.
    std::optional<AdvisoryLockHolder> holderOf(const QString &ns);
    void releaseAll();

private:
    SqlDatabase &m_db;
    QStringList m_held;
};

} // namespace dpm
