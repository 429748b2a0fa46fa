#include "migrationlock.h"

#include "domain/error.h"
#include "domain/logging.h"
#include "migrate/migrator.h"
#include "store/sqldatabase.h"

namespace dpm {

QString AdvisoryLockHolder::describe() const
{
    QString who = QStringLiteral("pid %1 (%2, user %3")
                      .arg(pid)
                      .arg(applicationName.isEmpty() ? QStringLiteral("no application name") : applicationName,
                          userName.isEmpty() ? QStringLiteral("unknown") : userName);
    if (!clientAddress.isEmpty())
        who += QStringLiteral(" from ") + clientAddress;
    if (!backendStart.isEmpty())
        who += QStringLiteral(", connected since ") + backendStart;
    return who + u')';
}

MigrationLocks::MigrationLocks(SqlDatabase &db)
    : m_db(db)
{ }

MigrationLocks::~MigrationLocks()
{
    try {
        releaseAll();
    } catch (const Error &error) {
        qCWarning(lcMigrate) << "could not release the migration advisory locks" << error.toString();
    }
}

std::optional<QString> MigrationLocks::tryTake(const QStringList &namespaces)
{
    if (!m_db.dialect().isPostgres())
        return std::nullopt;
    for (const QString &ns : namespaces) {
        if (m_held.contains(ns))
            continue;
        SqlRows q = m_db.exec(QStringLiteral("SELECT pg_try_advisory_lock(?::bigint)"), { advisoryLockKey(ns) });
        if (!(q.next() && q.value(0).toBool()))
            return ns;
        m_held << ns;
    }
    return std::nullopt;
}

std::optional<AdvisoryLockHolder> MigrationLocks::holderOf(const QString &ns)
{
    if (!m_db.dialect().isPostgres())
        return std::nullopt;
    // pg_advisory_lock(bigint) shows in pg_locks as classid = the key's high 32 bits, objid = its
    // low 32 bits, objsubid = 1 (both oids, so unsigned).
    const quint64 key = quint64(advisoryLockKey(ns));
    const qint64 high = qint64(key >> 32);
    const qint64 low = qint64(key & Q_UINT64_C(0xffffffff));
    SqlRows q
        = m_db.exec(QStringLiteral("SELECT l.pid, COALESCE(a.application_name, ''), COALESCE(a.usename::text, ''), "
                                   "COALESCE(host(a.client_addr), ''), "
                                   "COALESCE(to_char(a.backend_start AT TIME ZONE 'UTC', "
                                   "'YYYY-MM-DD\"T\"HH24:MI:SS\"+00:00\"'), '') "
                                   "FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
                                   "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ?::bigint::oid "
                                   "AND l.objid = ?::bigint::oid AND l.objsubid = 1 AND l.pid <> pg_backend_pid() "
                                   "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                                   "ORDER BY l.pid LIMIT 1"),
            { high, low });
    if (!q.next())
        return std::nullopt;
    return AdvisoryLockHolder { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
        q.value(3).toString(), q.value(4).toString() };
}

void MigrationLocks::releaseAll()
{
    while (!m_held.isEmpty()) {
        const QString ns = m_held.takeLast();
        m_db.exec(QStringLiteral("SELECT pg_advisory_unlock(?::bigint)"), { advisoryLockKey(ns) });
    }
}

} // namespace dpm
