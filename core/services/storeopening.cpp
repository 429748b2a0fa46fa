#include "storeopening.h"

#include "migrate/migrator.h"
#include "services/storemigrations.h"
#include "store/memorystore.h"
#include "store/separateproposalsstore.h"
#include "store/sqldatabase.h"
#include "store/serverprobe.h"
#include "store/sqlstore.h"

#include "domain/error.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QLocale>
#include <QMap>

#include <memory>
#include <mutex>

namespace dpm {

namespace {

struct Registry
{
    std::mutex mutex;
    QMap<StoreBackend, StoreOpener> openers;
    QList<std::function<void()>> closers;
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

} // namespace

void registerStoreOpener(StoreBackend backend, StoreOpener opener)
{
    std::lock_guard lock(registry().mutex);
    registry().openers.insert(backend, std::move(opener));
}

void registerThreadConnectionCloser(std::function<void()> closer)
{
    std::lock_guard lock(registry().mutex);
    registry().closers.append(std::move(closer));
}

namespace {

// Applies every pending migration that runs in `database`, in all namespaces.
void applyAll(SqlDatabase &db, MigrationDatabase database)
{
    const MigrationCatalog catalog = MigrationCatalog::embedded(db.dialect().kind()).forDatabase(database);
    QStringList namespaces;
    for (const QString &ns : Migrator::namespaces()) {
        if (!catalog.files(ns).isEmpty())
            namespaces << ns;
    }
    Migrator(db, catalog).apply(namespaces);
}

std::unique_ptr<SupportStore> openOneStore(
    const StoreLocation &location, const OpenOptions &options, MigrationDatabase database = MigrationDatabase::Single)
{
    if (location.backend() == StoreBackend::InMemory)
        return std::make_unique<MemoryStore>();
    if (location.backend() == StoreBackend::Remote) {
        StoreOpener opener;
        {
            std::lock_guard lock(registry().mutex);
            opener = registry().openers.value(StoreBackend::Remote);
        }
        if (!opener) {
            throw Error(ErrorKind::Configuration, QStringLiteral("REMOTE_STORE_UNSUPPORTED"),
                QStringLiteral("This program cannot read a store over HTTP; open it with dpm-console or dpmctl."));
        }
        return opener(location, options);
    }

    auto db = std::make_unique<SqlDatabase>(location);
    if (options.applyMigrations)
        applyAll(*db, database);
    return std::make_unique<SqlStore>(std::move(db),
        options.allowMissingSchema ? SqlStore::SchemaCheck::AllowMissing : SqlStore::SchemaCheck::RequireTables);
}

// The proposal store of a location that has one: a database of the proposals namespace and the
// console's indexes over it only (the service's PROPOSAL_POSTGRES_DSN), never required to hold the
// DPM tables. Without its proposal tables every proposal read says PROPOSAL_SCHEMA_MISSING, and
// migrate apply creates them.
std::unique_ptr<SupportStore> openProposalStore(const StoreLocation &location, const OpenOptions &options)
{
    if (location.backend() == StoreBackend::InMemory || location.backend() == StoreBackend::Remote)
        return openOneStore(location, options);
    auto database = std::make_unique<SqlDatabase>(location);
    if (options.applyMigrations)
        applyAll(*database, MigrationDatabase::ProposalStore);
    return std::make_unique<SqlStore>(std::move(database), SqlStore::SchemaCheck::AllowMissing);
}

} // namespace

std::unique_ptr<SupportStore> openStore(const StoreLocation &location, const OpenOptions &options)
{
    const StoreLocation *proposals = location.proposalStore();
    if (!proposals)
        return openOneStore(location, options);
    std::unique_ptr<SupportStore> dpm
        = openOneStore(location.withoutProposalStore(), options, MigrationDatabase::DpmStore);
    // An unreachable proposal store leaves the DPM store usable (SeparateProposalsStore says why).
    const StoreLocation proposalLocation = *proposals;
    return std::make_unique<SeparateProposalsStore>(
        std::move(dpm), [proposalLocation, options] { return openProposalStore(proposalLocation, options); },
        proposalLocation);
}

SchemaDescription describeSchema(SupportStore &store)
{
    SchemaDescription description;
    auto *sql = storeAs<SqlStore>(store);
    if (!sql)
        return description;
    description.hasMigrations = true;
    description.hasSchema = sql->hasSchema();
    // Split-aware: a separate proposal store's migrations are read there, unless it cannot be
    // reached (its pages say so).
    for (const MigrationStatusRow &row : reachableMigrationStatus(store)) {
        if (row.state == MigrationState::Pending) {
            ++description.pendingMigrations;
            if (row.ns == QLatin1String("console") && row.version == QLatin1String("0001"))
                description.listingIndexesPending = true;
            if (row.ns == QLatin1String("console") && row.version == QLatin1String("0007"))
                description.runListPending = true;
        } else if (row.state == MigrationState::Modified)
            ++description.modifiedMigrations;
    }
    return description;
}

ListingCost measureListingCost(SupportStore &store, bool timeIndexRead)
{
    ListingCost cost;
    QElapsedTimer timer;
    timer.start();
    const Page<RunListItem> newest = store.listRuns({}, PageRequest { 1, {} });
    cost.newestRunMs = double(timer.nsecsElapsed()) / 1e6;
    cost.hasRuns = !newest.items.isEmpty();
    if (cost.hasRuns && timeIndexRead) {
        // The same row through an index: what a listing page costs once its indexes exist.
        timer.restart();
        store.getRun(newest.items.constFirst().rebalanceRunId);
        cost.indexReadMs = double(timer.nsecsElapsed()) / 1e6;
    }
    return cost;
}

QString listingNotice(const SchemaDescription &schema, const ListingCost &cost)
{
    const auto ms = [](double value) { return QLocale().toString(value, 'f', value < 10 ? 1 : 0); };
    const auto gain = [&] {
        // Both figures come from this store; no constant measured elsewhere stands in for them.
        return cost.indexReadMs ? QCoreApplication::translate(
                   "dpm::StoreOpening", " (reading that run through its key's index took %1 ms here).")
                                      .arg(ms(*cost.indexReadMs))
                                : QStringLiteral(".");
    };
    if (schema.listingIndexesPending) {
        return QCoreApplication::translate("dpm::StoreOpening",
                   "The console's listing indexes (console:0001) are missing, so every listing reads its whole "
                   "table: listing the newest run took %1 ms here. Apply the console migrations on the Admin page "
                   "to make each page an index read")
                   .arg(ms(cost.newestRunMs))
            + gain();
    }
    if (schema.runListPending) {
        return QCoreApplication::translate("dpm::StoreOpening",
                   "The console's narrow run list (console:0007) is not applied, so the runs listing reads each "
                   "listed run's JSON: listing the newest run took %1 ms here. Apply the console migrations on the "
                   "Admin page to list runs from narrow rows through an index")
                   .arg(ms(cost.newestRunMs))
            + gain();
    }
    return {};
}

QString readOnlyNotice(SupportStore &store)
{
    if (store.backend() == StoreBackend::Remote) {
        return QStringLiteral("Read-only over a server: migrations, retention, transfer, cutover and outbox repair "
                              "run where the database is (dpmctl on the server's store).");
    }
    auto *sql = storeAs<SqlStore>(store);
    if (!sql)
        return {};
    if (sql->database().dialect().isPostgres() && sql->database().isStandby()) {
        const ServerState server = probeServer(store);
        const QString lag = server.replayLagSeconds
            ? QCoreApplication::translate("dpm::StoreOpening", "replay lag %1 s")
                  .arg(QLocale().toString(*server.replayLagSeconds, 'f', 1))
            : QCoreApplication::translate("dpm::StoreOpening", "nothing replayed yet");
        return QCoreApplication::translate("dpm::StoreOpening",
            "Read-only replica (%1): migrations, purge, outbox repair, transfers into it and demo data are "
            "refused; connect to the primary to change the store.")
            .arg(lag);
    }
    return sql->database().readOnlyNotice();
}

void closeThisThreadsStoreConnections()
{
    SqlDatabase::closeThisThreadsConnections();
    QList<std::function<void()>> closers;
    {
        std::lock_guard lock(registry().mutex);
        closers = registry().closers;
    }
    for (const auto &close : closers)
        close();
}

} // namespace dpm
