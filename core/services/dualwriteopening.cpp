#include "dualwriteopening.h"

#include "domain/error.h"
#include "migrate/migrator.h"
#include "services/storemigrations.h"
#include "services/storeopening.h"
#include "store/dualwritestore.h"
#include "store/serverprobe.h"
#include "store/supportstore.h"

namespace dpm {

namespace {

Error configInvalid(const QString &message)
{
    return Error(ErrorKind::Configuration, QStringLiteral("DUAL_WRITE_CONFIG_INVALID"), message);
}

bool booleanVariable(const QProcessEnvironment &env, const QString &name)
{
    const QString text = env.value(name).trimmed().toLower();
    if (text.isEmpty() || text == QLatin1String("false") || text == QLatin1String("0") || text == QLatin1String("no")
        || text == QLatin1String("off"))
        return false;
    if (text == QLatin1String("true") || text == QLatin1String("1") || text == QLatin1String("yes")
        || text == QLatin1String("on"))
        return true;
    throw configInvalid(QStringLiteral("%1=%2 is not true or false; set %1=true to write to PostgreSQL as well, or "
                                       "false (the default).")
                            .arg(name, env.value(name)));
}

Error schemaMismatch(const QString &where, const QString &what)
{
    return Error(ErrorKind::Migration, QStringLiteral("DUAL_WRITE_SCHEMA_MISMATCH"),
        QStringLiteral("The PostgreSQL database for dual-write (%1) %2; bring it to this build's migrations with "
                       "\"dpmctl --store %1 migrate apply\" before enabling DUAL_WRITE_MODE.")
            .arg(where, what));
}

} // namespace

DualWriteConfig dualWriteConfigFromEnvironment(const QProcessEnvironment &env)
{
    DualWriteConfig config;
    config.enabled = booleanVariable(env, QStringLiteral("DUAL_WRITE_MODE"));
    const QString percent = env.value(QStringLiteral("READ_FROM_POSTGRES_PERCENT")).trimmed();
    if (!percent.isEmpty()) {
        bool ok = false;
        config.readFromPostgresPercent = percent.toInt(&ok);
        if (!ok || config.readFromPostgresPercent < 0 || config.readFromPostgresPercent > 100) {
            throw configInvalid(QStringLiteral("READ_FROM_POSTGRES_PERCENT=%1 is not a whole number from 0 to 100; "
                                               "set e.g. 10 to read a tenth from PostgreSQL, 0 to read none.")
                                    .arg(percent));
        }
    }
    if (config.readFromPostgresPercent > 0 && !config.enabled) {
        throw configInvalid(QStringLiteral("READ_FROM_POSTGRES_PERCENT=%1 needs DUAL_WRITE_MODE=true (PostgreSQL "
                                           "would miss every write); enable dual-write, or set the share to 0.")
                                .arg(config.readFromPostgresPercent));
    }
    for (const char *name : { "DATABASE_URL", "DPM_SUPPORTABILITY_POSTGRES_DSN" }) {
        const QString dsn = env.value(QLatin1String(name)).trimmed();
        if (dsn.isEmpty())
            continue;
        const StoreLocation location = StoreLocation::parse(dsn);
        if (location.backend() != StoreBackend::Postgres) {
            throw configInvalid(QStringLiteral("%1 names %2, not a PostgreSQL database; set it to a postgresql:// "
                                               "URL or a libpq connection string.")
                                    .arg(QLatin1String(name), location.redacted()));
        }
        config.postgres = location;
        break;
    }
    if (config.enabled && !config.postgres) {
        throw Error(ErrorKind::Configuration, QStringLiteral("DUAL_WRITE_POSTGRES_DSN_REQUIRED"),
            QStringLiteral("DUAL_WRITE_MODE=true needs the PostgreSQL database to write to; set DATABASE_URL (or "
                           "DPM_SUPPORTABILITY_POSTGRES_DSN), or set DUAL_WRITE_MODE=false."));
    }
    return config;
}

std::unique_ptr<SupportStore> openDualWrite(std::unique_ptr<SupportStore> primary, const DualWriteConfig &config)
{
    if (!config.enabled)
        return primary;
    if (primary->backend() != StoreBackend::InMemory && primary->backend() != StoreBackend::Sqlite) {
        throw Error(ErrorKind::Configuration, QStringLiteral("DUAL_WRITE_PRIMARY_INVALID"),
            QStringLiteral("Dual-write copies a memory or SQLite store into PostgreSQL, but the store opened is %1; "
                           "open the SQLite store with --store, or set DUAL_WRITE_MODE=false.")
                .arg(primary->describe()));
    }
    if (!config.postgres) {
        throw Error(ErrorKind::Configuration, QStringLiteral("DUAL_WRITE_POSTGRES_DSN_REQUIRED"),
            QStringLiteral("Dual-write needs the PostgreSQL database to write to; set DATABASE_URL."));
    }
    const QString where = config.postgres->redacted();
    std::unique_ptr<SupportStore> postgres;
    try {
        postgres = openStore(*config.postgres, OpenOptions { .allowMissingSchema = true });
        probeServer(*postgres); // a trivial query: opening alone may not have connected
    } catch (const Error &error) {
        if (error.kind() != ErrorKind::Connection)
            throw;
        throw Error(ErrorKind::Connection, QStringLiteral("DUAL_WRITE_POSTGRES_UNREACHABLE"),
            QStringLiteral("The PostgreSQL database for dual-write (%1) cannot be reached (%2); start it or fix "
                           "DATABASE_URL, or set DUAL_WRITE_MODE=false to run on the primary alone.")
                .arg(where, error.code()));
    }
    int pending = 0;
    int modified = 0;
    QString first;
    for (const MigrationStatusRow &row : migrationStatus(*postgres, Migrator::namespaces())) {
        if (row.state != MigrationState::Pending && row.state != MigrationState::Modified)
            continue;
        (row.state == MigrationState::Pending ? pending : modified) += 1;
        if (first.isEmpty())
            first = QStringLiteral("%1:%2").arg(row.ns, row.version);
    }
    if (pending > 0 || modified > 0) {
        throw schemaMismatch(where,
            QStringLiteral("has %1 pending and %2 modified migrations (first %3)").arg(pending).arg(modified).arg(first));
    }
    return std::make_unique<DualWriteStore>(std::move(primary), std::move(postgres), config.readFromPostgresPercent);
}

std::unique_ptr<SupportStore> openStoreWithDualWrite(
    const StoreLocation &location, const OpenOptions &options, const QProcessEnvironment &env)
{
    // The variables first: a bad value is refused before anything is opened or created.
    const DualWriteConfig config = dualWriteConfigFromEnvironment(env);
    return openDualWrite(openStore(location, options), config);
}

} // namespace dpm
