#include "storestatus.h"

#include "domain/error.h"
#include "domain/vocabulary.h"
#include "services/storeopening.h"
#include "store/dualwritestore.h"
#include "store/meteredbulk.h"
#include "store/sqlstore.h"
#include "store/supportstore.h"

#include <QJsonArray>

#include <future>
#include <thread>

namespace dpm {

namespace {

QString targetName(StoreBackend backend)
{
    switch (backend) {
    case StoreBackend::InMemory: return QStringLiteral("in-memory");
    case StoreBackend::Sqlite: return QStringLiteral("sqlite");
    case StoreBackend::Postgres: return QStringLiteral("postgres");
    case StoreBackend::Remote: return QStringLiteral("remote");
    }
    return {};
}

QJsonValue optionalSeconds(const std::optional<double> &seconds)
{
    return seconds ? QJsonValue(*seconds) : QJsonValue();
}

QString milliseconds(double seconds)
{
    return QString::number(seconds * 1000.0, 'f', seconds < 0.01 ? 2 : 1);
}

// Writes go to both; reads to PostgreSQL once the switch is complete, the primary before (at 50 %
// the spec's example still names the in-memory store as the read target).
void fillDualWrite(StoreStatus &status, DualWriteStore &dual)
{
    const DualWriteFigures figures = dual.figures();
    status.writeTarget = QStringLiteral("dual");
    status.readFromPostgresPercent = figures.readFromPostgresPercent;
    status.readTarget = figures.readFromPostgresPercent >= 100 ? QStringLiteral("postgres")
                                                               : targetName(dual.primary().backend());
    status.actualReadFromPostgresPercent = figures.actualReadFromPostgresPercent();
    status.dualWriteEnabled = true;
    status.dualWriteMirroredWrites = figures.mirroredWrites;
    status.dualWriteFailures = figures.writeFailures;
    status.readsFromPostgres = figures.postgresReads;
    status.readsFromPrimary = figures.reads - std::min(figures.reads, figures.postgresReads);
    status.postgresReadFallbacks = figures.readFallbacks;
    status.postgresConfigured = true;
    status.postgresLocation = dual.postgres().describe();
    if (auto *sql = storeAs<SqlStore>(dual.postgres()))
        status.connections = sql->database().poolFigures();
    try {
        status.server = probeServer(dual.postgres());
        status.postgresConnected = true;
    } catch (const Error &error) {
        status.postgresError = error.toString(); // PostgreSQL down: the primary carries on
    }
}

} // namespace

QString StoreStatus::role() const
{
    if (!postgresConnected)
        return {};
    return server.isReplica ? QStringLiteral("replica") : QStringLiteral("primary");
}

QJsonObject StoreStatus::toJson() const
{
    QJsonObject latencyJson;
    for (int k = 0; k < kQueryKindCount; ++k) {
        const LatencySnapshot &s = latency[std::size_t(k)];
        latencyJson.insert(queryKindName(QueryKind(k)),
            QJsonObject { { QStringLiteral("count"), double(s.count) }, { QStringLiteral("failures"), double(s.failures) },
                { QStringLiteral("p50_ms"), s.p50 * 1000 }, { QStringLiteral("p95_ms"), s.p95 * 1000 },
                { QStringLiteral("p99_ms"), s.p99 * 1000 } });
    }
    // The spec's pool figures are PostgreSQL's connections: the limit, and what is open now.
    const ConnectionPoolFigures c = postgresConfigured ? connections.value_or(ConnectionPoolFigures {})
                                                       : ConnectionPoolFigures {};
    const QJsonObject postgres { { QStringLiteral("configured"), postgresConfigured },
        { QStringLiteral("location"), postgresLocation.isEmpty() ? QJsonValue() : QJsonValue(postgresLocation) },
        { QStringLiteral("connected"), postgresConnected },
        { QStringLiteral("error"), postgresError.isEmpty() ? QJsonValue() : QJsonValue(postgresError) },
        { QStringLiteral("pool_size"), c.size }, { QStringLiteral("pool_max_overflow"), c.maxOverflow },
        { QStringLiteral("pool_open"), c.open }, { QStringLiteral("pool_active"), c.active },
        { QStringLiteral("pool_idle"), c.idle() }, { QStringLiteral("pool_waiting"), c.waiting },
        { QStringLiteral("server_version"), postgresConnected ? QJsonValue(server.serverVersion) : QJsonValue() },
        { QStringLiteral("role"), role().isEmpty() ? QJsonValue() : QJsonValue(role()) },
        { QStringLiteral("replay_lag_seconds"), optionalSeconds(server.replayLagSeconds) } };
    // The spec's per-store objects: the three domains share one decorator, so they agree.
    const QJsonObject domainStore { { QStringLiteral("write_target"), writeTarget },
        { QStringLiteral("read_target"), readTarget },
        { QStringLiteral("read_from_postgres_percent"), readFromPostgresPercent },
        { QStringLiteral("dual_write_enabled"), dualWriteEnabled } };
    return { { QStringLiteral("backend"), backend }, { QStringLiteral("location"), location },
        { QStringLiteral("supportability_store"), domainStore }, { QStringLiteral("proposal_store"), domainStore },
        { QStringLiteral("run_event_store"), domainStore },
        { QStringLiteral("write_target"), writeTarget }, { QStringLiteral("read_target"), readTarget },
        { QStringLiteral("read_from_postgres_percent"), readFromPostgresPercent },
        { QStringLiteral("read_from_postgres_actual_percent"), actualReadFromPostgresPercent },
        { QStringLiteral("dual_write_enabled"), dualWriteEnabled },
        { QStringLiteral("dual_write_mirrored_writes"), double(dualWriteMirroredWrites) },
        { QStringLiteral("dual_write_failures"), double(dualWriteFailures) },
        { QStringLiteral("reads"),
            QJsonObject { { QStringLiteral("primary"), double(readsFromPrimary) },
                { QStringLiteral("postgres"), double(readsFromPostgres) } } },
        { QStringLiteral("postgres_read_fallbacks"), double(postgresReadFallbacks) },
        { QStringLiteral("postgres"), postgres },
        { QStringLiteral("pool"),
            QJsonObject { { QStringLiteral("size"), pool.size }, { QStringLiteral("active"), pool.active },
                { QStringLiteral("idle"), std::max(0, pool.size - pool.active) } } },
        { QStringLiteral("latency"), latencyJson } };
}

QString StoreStatus::toText() const
{
    QStringList lines;
    lines << QStringLiteral("Store:            %1 (%2)").arg(location, backend);
    lines << QStringLiteral("Write target:     %1").arg(writeTarget);
    lines << QStringLiteral("Read target:      %1").arg(readTarget);
    lines << QStringLiteral("Read from PostgreSQL: %1% configured, %2% actual")
                 .arg(readFromPostgresPercent)
                 .arg(actualReadFromPostgresPercent, 0, 'f', 1);
    lines << QStringLiteral("Dual-write:       %1 (%2 writes mirrored, %3 failures; reads %4 primary, %5 PostgreSQL, "
                            "%6 fallbacks)")
                 .arg(dualWriteEnabled ? QStringLiteral("on") : QStringLiteral("off"))
                 .arg(dualWriteMirroredWrites)
                 .arg(dualWriteFailures)
                 .arg(readsFromPrimary)
                 .arg(readsFromPostgres)
                 .arg(postgresReadFallbacks);
    if (!postgresConfigured) {
        lines << QStringLiteral("PostgreSQL:       not used");
    } else if (!postgresConnected) {
        lines << QStringLiteral("PostgreSQL:       not connected: %1").arg(postgresError);
    } else {
        QString line = QStringLiteral("PostgreSQL:       connected, %1, %2").arg(server.serverVersion, role());
        if (server.replayLagSeconds)
            line += QStringLiteral(", replay lag %1 s").arg(*server.replayLagSeconds, 0, 'f', 1);
        lines << line;
    }
    lines << QStringLiteral("Workers:          %1, %2 busy").arg(pool.size).arg(pool.active);
    if (connections) {
        lines << QStringLiteral("Connections:      %1 open, %2 active, %3 idle, %4 waiting%5")
                     .arg(connections->open)
                     .arg(connections->active)
                     .arg(connections->idle())
                     .arg(connections->waiting)
                     .arg(connections->size > 0 ? QStringLiteral(" (pool size %1 + overflow %2)")
                                                      .arg(connections->size)
                                                      .arg(connections->maxOverflow)
                                                : QString());
    }
    lines << QStringLiteral("Latency (ms):     kind     count  failures  p50  p95  p99");
    for (int k = 0; k < kQueryKindCount; ++k) {
        const LatencySnapshot &s = latency[std::size_t(k)];
        lines << QStringLiteral("                  %1 %2 %3 %4 %5 %6")
                     .arg(queryKindName(QueryKind(k)), -8)
                     .arg(s.count, 6)
                     .arg(s.failures, 9)
                     .arg(milliseconds(s.p50), 5)
                     .arg(milliseconds(s.p95), 5)
                     .arg(milliseconds(s.p99), 5);
    }
    return lines.join(QLatin1Char('\n'));
}

StoreStatus storeStatus(SupportStore &store, StorePool pool)
{
    StoreStatus status;
    status.backend = toWire(store.backend());
    status.location = store.describe();
    status.pool = pool;
    status.writeTarget = targetName(store.backend());
    status.readTarget = status.writeTarget;
    const bool postgres = store.backend() == StoreBackend::Postgres;
    status.readFromPostgresPercent = postgres ? 100 : 0;
    status.actualReadFromPostgresPercent = status.readFromPostgresPercent;
    status.postgresConfigured = postgres;
    if (postgres)
        status.postgresLocation = store.describe();
    if (auto *sql = storeAs<SqlStore>(store))
        status.connections = sql->database().poolFigures();
    const QueryMetrics &metrics = metricsOf(store);
    for (int k = 0; k < kQueryKindCount; ++k)
        status.latency[std::size_t(k)] = metrics.snapshot(QueryKind(k));
    if (auto *dual = storeAs<DualWriteStore>(store)) {
        fillDualWrite(status, *dual);
        return status;
    }
    try {
        status.server = probeServer(store);
        status.postgresConnected = postgres;
    } catch (const Error &error) {
        if (!postgres)
            throw; // a SQLite file that cannot be read is the caller's error to show
        status.postgresError = error.toString();
    }
    return status;
}

QJsonObject StoreHealth::toJson() const
{
    return { { QStringLiteral("status"), QStringLiteral("ok") }, { QStringLiteral("backend"), backend },
        { QStringLiteral("location"), location },
        { QStringLiteral("server_version"), server.serverVersion.isEmpty() ? QJsonValue() : QJsonValue(server.serverVersion) },
        { QStringLiteral("role"),
            backend == toWire(StoreBackend::Postgres)
                ? QJsonValue(server.isReplica ? QStringLiteral("replica") : QStringLiteral("primary"))
                : QJsonValue() },
        { QStringLiteral("replay_lag_seconds"), optionalSeconds(server.replayLagSeconds) },
        { QStringLiteral("elapsed_ms"), elapsedSeconds * 1000 } };
}

QString StoreHealth::toText() const
{
    QString text = QStringLiteral("ok: %1").arg(location);
    if (!server.serverVersion.isEmpty())
        text += QStringLiteral(", %1").arg(server.serverVersion);
    if (backend == toWire(StoreBackend::Postgres))
        text += server.isReplica ? QStringLiteral(", replica") : QStringLiteral(", primary");
    if (server.replayLagSeconds)
        text += QStringLiteral(", replay lag %1 s").arg(*server.replayLagSeconds, 0, 'f', 1);
    return text + QStringLiteral(" (%1 ms)").arg(elapsedSeconds * 1000, 0, 'f', 1);
}

StoreHealth checkStoreHealth(const StoreLocation &location, std::chrono::milliseconds timeout)
{
    StoreLocation bounded = location;
    if (location.backend() == StoreBackend::Postgres) {
        // libpq's connect_timeout is per host, in whole seconds (at least 2 are honoured).
        auto params = location.libpqParameters();
        const int seconds = std::max<int>(2, int(std::chrono::ceil<std::chrono::seconds>(timeout).count()));
        bool ok = false;
        const int given = params.value(QStringLiteral("connect_timeout")).toInt(&ok);
        if (!ok || given <= 0 || given > seconds)
            params.insert(QStringLiteral("connect_timeout"), QString::number(seconds));
        bounded = StoreLocation::postgres(params);
    }
    struct Shared
    {
        std::promise<StoreHealth> result;
        std::mutex mutex;
        SupportStore *store = nullptr; // while the check runs, for interrupt()
    };
    auto shared = std::make_shared<Shared>();
    std::future<StoreHealth> future = shared->result.get_future();
    const auto started = std::chrono::steady_clock::now();
    // On its own thread so that a server that accepts and never answers cannot hold the caller
    // past the timeout; the thread closes its connection when it ends.
    std::thread worker([shared, bounded, started] {
        try {
            const std::unique_ptr<SupportStore> store = openStore(bounded, OpenOptions { .allowMissingSchema = true });
            {
                std::lock_guard lock(shared->mutex);
                shared->store = store.get();
            }
            StoreHealth health;
            health.backend = toWire(store->backend());
            health.location = store->describe();
            health.server = probeServer(*store);
            health.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            {
                std::lock_guard lock(shared->mutex);
                shared->store = nullptr;
            }
            closeThisThreadsStoreConnections();
            shared->result.set_value(health);
        } catch (...) {
            {
                std::lock_guard lock(shared->mutex);
                shared->store = nullptr;
            }
            closeThisThreadsStoreConnections();
            shared->result.set_exception(std::current_exception());
        }
    });
    if (future.wait_for(timeout) != std::future_status::ready) {
        worker.detach(); // left to end on its own: the caller must not wait past the timeout
        std::lock_guard lock(shared->mutex);
        if (shared->store)
            shared->store->interrupt();
        throw Error(ErrorKind::Connection, QStringLiteral("STORE_HEALTH_TIMEOUT"),
            QStringLiteral("The store at %1 did not answer a trivial query within %2 ms; check that the database "
                           "server is running and reachable.")
                .arg(location.redacted())
                .arg(timeout.count()));
    }
    // The result is set; joining waits only for the thread's exit, whose thread-local cleanup
    // (its connection registry) would otherwise race a caller that exits the process next.
    worker.join();
    return future.get();
}

} // namespace dpm
