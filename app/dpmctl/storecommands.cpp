// dpmctl store health / store status: is the store reachable (a trivial query within 5 s), and
// what the spec's store-status shows (targets, read switch, dual-write, PostgreSQL, pool,
// latency per query kind). Both are core/services/storestatus; serve and the console call it too.

#include "command.h"
#include "domain/error.h"
#include "services/storestatus.h"
#include "store/storelocation.h"

#include <QFileInfo>

namespace dpm::cli {

namespace {

CommandOutput storeHealth(CommandContext &context, const ParsedCommand &command)
{
    const ResolvedLocation &resolved = context.location();
    const StoreLocation &location = resolved.location;
    // Opening a SQLite path would create the file: a health check must not.
    if (location.backend() == StoreBackend::Sqlite && !QFileInfo::exists(location.sqlitePath())) {
        throw Error(ErrorKind::Connection, QStringLiteral("STORE_UNREACHABLE"),
            QStringLiteral("The SQLite file %1 does not exist; check the path, or create the store with \"dpmctl "
                           "--store %2 migrate apply\".")
                .arg(location.sqlitePath(), location.redacted()));
    }
    int timeoutMs = 5000;
    if (const auto given = command.value(QStringLiteral("timeout-ms"))) {
        bool ok = false;
        timeoutMs = given->toInt(&ok);
        if (!ok || timeoutMs < 1)
            throw UsageError { QStringLiteral("--timeout-ms needs a whole number of milliseconds >= 1.") };
    }
    const StoreHealth health = checkStoreHealth(location, std::chrono::milliseconds(timeoutMs));
    return { health.toJson(), health.toText(), {}, {} };
}

CommandOutput storeStatusCommand(CommandContext &context, const ParsedCommand &)
{
    const StoreStatus status = storeStatus(context.store(), StorePool { 1, 0 });
    return { status.toJson(), status.toText(), {}, {} };
}

} // namespace

QList<CommandSpec> storeCommands()
{
    return {
        { { QStringLiteral("store"), QStringLiteral("health") }, {},
            { { QStringLiteral("timeout-ms"), QStringLiteral("MS"),
                QStringLiteral("connect and answer within this (default 5000)") } },
            QStringLiteral("Connect to the store and run a trivial query: exit 0, or the reason code (exit 7 when it "
                           "cannot be reached in time). Says whether PostgreSQL is a primary or a replica."),
            storeHealth },
        { { QStringLiteral("store"), QStringLiteral("status") }, {}, {},
            QStringLiteral("Where writes and reads go (write/read target, read switch, dual-write and its failures), "
                           "the PostgreSQL connection, role and pool, and latency per query kind."),
            storeStatusCommand },
    };
}

} // namespace dpm::cli
