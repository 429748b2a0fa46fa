#include "serverprobe.h"

#include "store/sqlstore.h"

namespace dpm {

ServerState probeServer(SupportStore &store)
{
    ServerState state;
    auto *sql = storeAs<SqlStore>(store);
    if (!sql)
        return state;
    SqlDatabase &db = sql->database();
    if (!db.dialect().isPostgres()) {
        SqlRows rows = db.exec(QStringLiteral("SELECT sqlite_version()"));
        if (rows.next())
            state.serverVersion = QStringLiteral("SQLite ") + rows.value(0).toString();
        return state;
    }
    SqlRows rows = db.exec(QStringLiteral(
        "SELECT current_setting('server_version'), pg_is_in_recovery(), "
        "CASE WHEN NOT pg_is_in_recovery() THEN NULL "
        "WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0 "
        "ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END"));
    if (rows.next()) {
        state.serverVersion = QStringLiteral("PostgreSQL ") + rows.value(0).toString();
        state.isReplica = rows.value(1).toBool();
        if (!rows.value(2).isNull())
            state.replayLagSeconds = std::max(0.0, rows.value(2).toDouble());
    }
    return state;
}

void refuseChangesOnReplica(SupportStore &store, const QString &what)
{
    if (auto *sql = storeAs<SqlStore>(store))
        sql->database().refuseChangesOnStandby(what);
}

} // namespace dpm
