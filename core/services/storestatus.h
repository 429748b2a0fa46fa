#pragma once

#include "store/connectionpool.h"
#include "store/querymetrics.h"
#include "store/serverprobe.h"
#include "store/storelocation.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <chrono>
#include <optional>

namespace dpm {

class SupportStore;

// The store workers of the caller (dpmctl serve's store threads, the console session's pool, 1
// for a dpmctl command): each holds one database connection.
struct StorePool
{
    int size = 1;
    int active = 0;
};

// What the spec's store-status shows (write and read target, the read switch, dual-write, the
// PostgreSQL connection and pool), with the server's role and the latency per query kind. One
// function computes it for `dpmctl store status`, /console/v1/store-status and the console's
// Store health panel.
struct StoreStatus
{
    QString backend; // toWire(StoreBackend): IN_MEMORY, SQL, POSTGRES
    QString location; // redacted
    QString writeTarget; // "in-memory", "sqlite", "postgres", "remote" or "dual"
    QString readTarget; // "in-memory", "sqlite", "postgres" or "remote"
    int readFromPostgresPercent = 0; // configured
    double actualReadFromPostgresPercent = 0; // of the reads made so far
    bool dualWriteEnabled = false;
    quint64 dualWriteMirroredWrites = 0; // writes the primary took, then given to PostgreSQL
    quint64 dualWriteFailures = 0; // PostgreSQL writes that failed while the primary's succeeded
    quint64 readsFromPrimary = 0; // dual-write reads the primary answered (fallbacks included)
    quint64 readsFromPostgres = 0; // dual-write reads PostgreSQL answered
    quint64 postgresReadFallbacks = 0; // PostgreSQL reads that failed and were served by the primary

    bool postgresConfigured = false;
    QString postgresLocation; // redacted; the dual-write target or the store itself
    bool postgresConnected = false;
    QString postgresError; // "CODE: sentence" when it could not be reached
    StorePool pool;
    // The connections of the PostgreSQL database (or of the SQLite file) as the store counts them:
    // open, active, idle, waiting, and the POSTGRES_POOL_* limits. Unset in memory.
    std::optional<ConnectionPoolFigures> connections;
    ServerState server; // of the PostgreSQL database when there is one, else of the store
    std::array<LatencySnapshot, kQueryKindCount> latency {};

    QString role() const; // "primary", "replica"; "" when not PostgreSQL
    // The spec's shape plus ours: {backend, location, supportability_store, proposal_store,
    // run_event_store (each {write_target, read_target, read_from_postgres_percent,
    // dual_write_enabled}, as the spec's graph_store), write_target, read_target,
    // read_from_postgres_percent, read_from_postgres_actual_percent, dual_write_enabled,
    // dual_write_mirrored_writes, dual_write_failures, reads:{primary, postgres},
    // postgres_read_fallbacks, postgres:{configured, location, connected, error,
    // pool_size, pool_max_overflow, pool_open, pool_active, pool_idle, pool_waiting (its
    // connections), server_version, role, replay_lag_seconds},
    // pool:{size, active, idle} (the caller's store workers),
    // latency:{kind:{count, failures, p50_ms, p95_ms, p99_ms}}}.
    QJsonObject toJson() const;
    QString toText() const;
};

// Asks the store's server (one query on this thread's connection: call it on a worker). A server
// that cannot be reached is reported (postgresConnected false, postgresError), not thrown.
StoreStatus storeStatus(SupportStore &store, StorePool pool);

// `dpmctl store health`: what a health check got when it succeeded.
struct StoreHealth
{
    QString backend;
    QString location; // redacted
    ServerState server;
    double elapsedSeconds = 0;

    QJsonObject toJson() const;
    QString toText() const;
};

// Opens the store at the location (schema not required), connecting within the timeout, and runs
// one trivial query. Throws the store's error (a connection error, the query's), or
// STORE_HEALTH_TIMEOUT when the whole check takes longer than the timeout.
StoreHealth checkStoreHealth(const StoreLocation &location, std::chrono::milliseconds timeout = std::chrono::seconds(5));

} // namespace dpm
