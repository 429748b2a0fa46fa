#pragma once

#include <QProcessEnvironment>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

namespace dpm {

// The seed spec's pool variables, as the service names them: POSTGRES_POOL_SIZE (default 20),
// POSTGRES_MAX_OVERFLOW (10), POSTGRES_POOL_TIMEOUT (30 s) and POSTGRES_POOL_RECYCLE (3600 s).
struct PostgresPoolSettings
{
    int size = 20;
    int maxOverflow = 10;
    int timeoutSeconds = 30;
    int recycleSeconds = 3600; // 0 (or -1, SQLAlchemy's spelling): never

    int capacity() const { return size + maxOverflow; }

    // Throws POSTGRES_POOL_CONFIG_INVALID naming the variable and what it takes. Seconds may
    // carry an "s" ("30s").
    static PostgresPoolSettings fromEnvironment(const QProcessEnvironment &env);
};

// What a store's connections are doing now (store status, /metrics).
struct ConnectionPoolFigures
{
    int size = 0; // POSTGRES_POOL_SIZE; 0 without a limit (SQLite)
    int maxOverflow = 0;
    int open = 0; // connections open now (one per thread that used the store)
    int active = 0; // of those, running a statement or inside a transaction
    int waiting = 0; // threads waiting for a connection because `size + maxOverflow` are open

    int idle() const { return std::max(0, open - active); }
};

// The connections one SqlDatabase holds: each thread that uses the store opens its own, and keeps
// it while it lives (QSqlDatabase connections belong to their thread). This counts them and, on
// PostgreSQL, caps them at size + overflow: a thread that needs one more waits up to the timeout
// for another to close, then fails with POSTGRES_POOL_EXHAUSTED; a connection older than the
// recycle time is closed and opened afresh at its next use outside a transaction.
class ConnectionPool
{
public:
    // nullopt: count only, no cap and no recycling (SQLite).
    explicit ConnectionPool(std::optional<PostgresPoolSettings> limits);

    // Before a connection opens. Throws POSTGRES_POOL_EXHAUSTED, naming `where` (redacted).
    void acquire(const QString &where);
    // A connection closed, or failed to open after acquire().
    void release();
    // A connection starts or stops being busy (a statement, a transaction).
    void noteActive(int delta) { m_active.fetch_add(delta, std::memory_order_relaxed); }
    bool dueForRecycle(std::chrono::steady_clock::time_point openedAt) const;

    ConnectionPoolFigures figures() const;

private:
    std::optional<PostgresPoolSettings> m_limits;
    mutable std::mutex m_mutex;
    std::condition_variable m_closed;
    int m_open = 0;
    int m_waiting = 0;
    std::atomic<int> m_active { 0 };
};

} // namespace dpm
