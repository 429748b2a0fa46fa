#include "session/storesession.h"

#include "session/proposalsnotice.h"
#include "domain/error.h"
#include "services/dualwriteopening.h"
#include "services/persistenceprofile.h"
#include "services/storeopening.h"
#include "store/dualwritestore.h"
#include "store/meteredstore.h"
#include "store/proposalstore.h"
#include "store/runeventstore.h"

#include <QCoreApplication>
#include <QProcessEnvironment>


namespace dpm {

namespace {

constexpr int kInterruptAgainMs = 250;

QString schemaStateText(const SchemaDescription &schema)
{
    if (!schema.hasMigrations)
        return StoreSession::tr("in memory, no migrations");
    const int pending = schema.pendingMigrations;
    const int modified = schema.modifiedMigrations;
    if (!schema.hasSchema)
        return StoreSession::tr("not initialised, %n pending migration(s)", nullptr, pending);
    if (modified > 0)
        return StoreSession::tr("%n modified migration(s)", nullptr, modified);
    if (pending > 0)
        return StoreSession::tr("%n pending migration(s)", nullptr, pending);
    return StoreSession::tr("up to date");
}

QString backendDisplayName(StoreBackend backend)
{
    switch (backend) {
    case StoreBackend::Sqlite:
        return StoreSession::tr("SQLite");
    case StoreBackend::Postgres:
        return StoreSession::tr("PostgreSQL");
    case StoreBackend::Remote:
        return StoreSession::tr("Server");
    case StoreBackend::InMemory:
        break;
    }
    return StoreSession::tr("In memory");
}

} // namespace

StoreSession::StoreSession(StoreLocation location, QObject *parent)
    : QObject(parent)
    , m_location(std::move(location))
    , m_pool(new QThreadPool)
{
    // A few threads so a listing, a bundle and a search can run at once; they live as long as
    // the session so each keeps its connection (and its prepared statements).
    m_pool->setMaxThreadCount(3);
    m_pool->setExpiryTimeout(-1);
}

StoreSession::~StoreSession()
{
    // Each worker closes its connections on its own thread as the pool's destructor ends it (see
    // SqlDatabase), so the pool is always deleted. An idle pool is wound down at once; one still
    // running a query winds down on another thread instead of blocking the window, and the
    // application waits for that before it is destroyed.
    {
        std::lock_guard lock(m_alive->mutex);
        m_alive->session = nullptr;
    }
    m_pool->clear();
    // Nobody waits for what still runs: stop it on the server rather than let it hold a worker
    // (and the application's exit) until it ends by itself.
    const std::shared_ptr<SupportStore> store = currentStore();
    if (store)
        store->interrupt();
    if (m_pool->activeThreadCount() == 0) {
        delete m_pool;
        return;
    }
    static const bool joinedAtExit = [] {
        qAddPostRoutine([] { QThreadPool::globalInstance()->waitForDone(); });
        return true;
    }();
    Q_UNUSED(joinedAtExit);
    QThreadPool *pool = m_pool;
    QThreadPool::globalInstance()->start([pool, store] {
        // Again while waiting: a statement that had not started at the first interrupt.
        while (!pool->waitForDone(kInterruptAgainMs)) {
            if (store)
                store->interrupt();
        }
        delete pool;
    });
}

QFuture<StoreInfo> StoreSession::open(OpenOptions options)
{
    const StoreLocation location = m_location;
    return QtConcurrent::run(m_pool, [opened = m_opened, location, options] {
        const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // Timed per query kind for the Store health panel (the process's QueryMetrics).
        std::shared_ptr<SupportStore> store
            = std::make_shared<MeteredStore>(openStoreWithDualWrite(location, options, environment));
        StoreInfo info;
        info.backend = backendDisplayName(store->backend());
        if (const auto *dual = storeAs<DualWriteStore>(*store))
            info.dualWriteReadPercent = dual->figures().readFromPostgresPercent;
        info.redactedLocation = location.redacted();
        info.persistenceProfile = toWire(persistenceProfileFrom(environment));
        const SchemaDescription schema = describeSchema(*store);
        info.schemaState = store->backend() == StoreBackend::Remote ? StoreSession::tr("read-only over a server")
                                                                    : schemaStateText(schema);
        info.hasSchema = schema.hasSchema;
        // Over a server the schema state already says "read-only over a server"; the Admin page
        // says why at length.
        if (store->backend() != StoreBackend::Remote)
            info.readOnlyNotice = readOnlyNotice(*store);
        bool noRuns = true;
        if (info.hasSchema) {
            // The run read by its key is only timed when a notice will quote it.
            const ListingCost cost
                = measureListingCost(*store, schema.listingIndexesPending || schema.runListPending);
            noRuns = cost.noRuns();
            info.listingNotice = listingNotice(schema, cost);
            const bool remote = store->backend() == StoreBackend::Remote;
            const ProposalStoreReach reach = reachProposalStore(*store, false);
            info.proposalsNotice = proposalsNoticeFor(reach, remote);
            if (!store->runEvents().isAvailable()) {
                info.runEventsNotice = remote
                    ? StoreSession::tr("The server offers no run events or outbox: its store has no such tables "
                                       "(an older service database), or it serves only the service's API.")
                    : StoreSession::tr("This store has no run event and outbox tables (an older service "
                                       "database): apply the console migrations on the Admin page to read the outbox.");
            }
        }
        info.isEmpty = !info.hasSchema || (noRuns && store->listOperations({}, PageRequest { 1, {} }).items.isEmpty());
        std::lock_guard lock(opened->mutex);
        opened->store = std::move(store);
        return info;
    });
}

bool StoreSession::isOpen() const
{
    return currentStore() != nullptr;
}

std::shared_ptr<SupportStore> StoreSession::currentStore() const
{
    std::lock_guard lock(m_opened->mutex);
    return m_opened->store;
}

void StoreSession::throwNotOpen()
{
    throw Error(ErrorKind::Connection, QStringLiteral("STORE_NOT_OPEN"),
        tr("The store is not open yet; connect to a store and try again."));
}

void StoreSession::noteQueryFinished()
{
    m_lastQueryFinished = QDateTime::currentDateTime();
    Q_EMIT queryFinished(m_lastQueryFinished);
}

} // namespace dpm
