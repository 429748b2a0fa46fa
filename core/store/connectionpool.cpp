#include "connectionpool.h"

#include "domain/error.h"

namespace dpm {

namespace {

int wholeNumber(const QProcessEnvironment &env, const char *name, int fallback, int minimum, int maximum,
    bool seconds, const QString &example)
{
    QString text = env.value(QLatin1String(name)).trimmed();
    if (text.isEmpty())
        return fallback;
    if (seconds && text.endsWith(QLatin1Char('s'), Qt::CaseInsensitive))
        text.chop(1);
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < minimum || value > maximum) {
        throw Error(ErrorKind::Configuration, QStringLiteral("POSTGRES_POOL_CONFIG_INVALID"),
            QStringLiteral("%1=%2 is not a whole number%3 from %4 to %5; set e.g. %1=%6, or leave it unset for %7.")
                .arg(QLatin1String(name), env.value(QLatin1String(name)),
                    seconds ? QStringLiteral(" of seconds") : QString())
                .arg(minimum)
                .arg(maximum)
                .arg(example)
                .arg(fallback));
    }
    return value;
}

} // namespace

PostgresPoolSettings PostgresPoolSettings::fromEnvironment(const QProcessEnvironment &env)
{
    PostgresPoolSettings settings;
    settings.size = wholeNumber(env, "POSTGRES_POOL_SIZE", settings.size, 1, 1000, false, QStringLiteral("20"));
    settings.maxOverflow
        = wholeNumber(env, "POSTGRES_MAX_OVERFLOW", settings.maxOverflow, 0, 1000, false, QStringLiteral("10"));
    settings.timeoutSeconds
        = wholeNumber(env, "POSTGRES_POOL_TIMEOUT", settings.timeoutSeconds, 1, 3600, true, QStringLiteral("30"));
    settings.recycleSeconds = std::max(0,
        wholeNumber(env, "POSTGRES_POOL_RECYCLE", settings.recycleSeconds, -1, 86400 * 7, true, QStringLiteral("3600")));
    return settings;
}

ConnectionPool::ConnectionPool(std::optional<PostgresPoolSettings> limits)
    : m_limits(std::move(limits))
{ }

void ConnectionPool::acquire(const QString &where)
{
    std::unique_lock lock(m_mutex);
    if (m_limits && m_open >= m_limits->capacity()) {
        ++m_waiting;
        const bool freed = m_closed.wait_for(lock, std::chrono::seconds(m_limits->timeoutSeconds),
            [this] { return m_open < m_limits->capacity(); });
        --m_waiting;
        if (!freed) {
            throw Error(ErrorKind::Connection, QStringLiteral("POSTGRES_POOL_EXHAUSTED"),
                QStringLiteral("All %1 connections to %2 (POSTGRES_POOL_SIZE %3 + POSTGRES_MAX_OVERFLOW %4) stayed in "
                               "use for %5 s; raise POSTGRES_POOL_SIZE or POSTGRES_MAX_OVERFLOW to at least the number "
                               "of store workers, or use fewer.")
                    .arg(m_limits->capacity())
                    .arg(where)
                    .arg(m_limits->size)
                    .arg(m_limits->maxOverflow)
                    .arg(m_limits->timeoutSeconds));
        }
    }
    ++m_open;
}

void ConnectionPool::release()
{
    {
        std::lock_guard lock(m_mutex);
        m_open = std::max(0, m_open - 1);
    }
    m_closed.notify_one();
}

bool ConnectionPool::dueForRecycle(std::chrono::steady_clock::time_point openedAt) const
{
    return m_limits && m_limits->recycleSeconds > 0
        && std::chrono::steady_clock::now() - openedAt >= std::chrono::seconds(m_limits->recycleSeconds);
}

ConnectionPoolFigures ConnectionPool::figures() const
{
    std::lock_guard lock(m_mutex);
    ConnectionPoolFigures figures;
    figures.size = m_limits ? m_limits->size : 0;
    figures.maxOverflow = m_limits ? m_limits->maxOverflow : 0;
    figures.open = m_open;
    figures.active = std::clamp(m_active.load(std::memory_order_relaxed), 0, m_open);
    figures.waiting = m_waiting;
    return figures;
}

} // namespace dpm
