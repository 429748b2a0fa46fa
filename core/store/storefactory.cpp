#include "storefactory.h"

#include "domain/error.h"
#include "migrate/migrator.h"
#include "store/memorystore.h"
#include "store/sqldatabase.h"
#include "store/sqlstore.h"

#include <QDir>
#include <QStandardPaths>

namespace dpm {

std::unique_ptr<SupportStore> openStore(const StoreLocation &location, const OpenOptions &options)
{
    if (location.backend() == StoreBackend::InMemory)
        return std::make_unique<MemoryStore>();

    auto database = std::make_unique<SqlDatabase>(location);
    if (options.applyMigrations) {
        Migrator migrator(*database);
        migrator.apply(Migrator::namespaces());
    }
    return std::make_unique<SqlStore>(std::move(database),
        options.allowMissingSchema ? SqlStore::SchemaCheck::AllowMissing : SqlStore::SchemaCheck::RequireTables);
}

QString embeddedDefaultStorePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("dpm_supportability.db"));
}

ResolvedLocation resolveStoreLocation(const std::optional<QString> &explicitLocation, const QProcessEnvironment &env)
{
    if (explicitLocation)
        return { StoreLocation::parse(*explicitLocation), false };
    if (auto fromEnv = StoreLocation::fromEnvironment(env))
        return { *fromEnv, false };
    return { StoreLocation::sqlite(embeddedDefaultStorePath()), true };
}

} // namespace dpm
