#pragma once

#include <QString>

#include <optional>

namespace dpm {

class SupportStore;

// What the database server says about itself: its version and, on PostgreSQL, whether this
// connection reached a hot standby and how far behind the primary it replays.
struct ServerState
{
    QString serverVersion; // "PostgreSQL 15.6", "SQLite 3.40.1"; empty in memory
    bool isReplica = false; // pg_is_in_recovery()
    // now() - pg_last_xact_replay_timestamp() on a standby that has not replayed all it received
    // (0 when it has: an idle primary is not lag); nullopt on a primary or when nothing replayed yet.
    std::optional<double> replayLagSeconds;
};

// One query on the calling thread's connection (run it on a worker). Throws the store's
// connection or query error.
ServerState probeServer(SupportStore &store);

// Throws STORE_READ_ONLY_REPLICA, naming `what` ("applying migrations"), when the store's
// connection reached a PostgreSQL hot standby: every change (migrations, purge, outbox repair, a
// transfer into it, demo data, proposal writes) is refused before its first statement, by this one
// check, whichever front end asks. Memory, SQLite and remote stores pass.
void refuseChangesOnReplica(SupportStore &store, const QString &what);

} // namespace dpm
