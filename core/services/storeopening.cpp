#include "storeopening.h"

#include "migrate/migrator.h"
#include "store/memorystore.h"
#include "store/sqldatabase.h"
#include "store/sqlstore.h"

#include <latch>
#include <memory>

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

SchemaDescription describeSchema(SupportStore &store)
{
    SchemaDescription description;
    auto *sql = storeAs<SqlStore>(store);
    if (!sql)
        return description;
    description.hasMigrations = true;
    description.hasSchema = sql->hasSchema();
    Migrator migrator(sql->database());
    for (const MigrationStatusRow &row : migrator.status(Migrator::namespaces())) {
        if (row.state == MigrationState::Pending)
            ++description.pendingMigrations;
        else if (row.state == MigrationState::Modified)
            ++description.modifiedMigrations;
    }
    return description;
}

QString readOnlyNotice(SupportStore &store)
{
    auto *sql = storeAs<SqlStore>(store);
    return sql ? sql->database().readOnlyNotice() : QString();
}

void closeThisThreadsStoreConnections()
{
    SqlDatabase::closeThisThreadsConnections();
}

void closeStoreConnectionsOnEachWorker(QThreadPool &pool)
{
    const int threads = pool.maxThreadCount();
    auto allThere = std::make_shared<std::latch>(threads);
    for (int i = 0; i < threads; ++i) {
        pool.start([allThere] {
            closeThisThreadsStoreConnections();
            allThere->arrive_and_wait();
        });
    }
}

} // namespace dpm
