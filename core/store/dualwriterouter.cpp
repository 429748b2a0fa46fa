#include "dualwriterouter.h"

#include "domain/logging.h"
#include "store/querymetrics.h"

#include <QRandomGenerator>

#include <algorithm>

namespace dpm {

namespace {

// While PostgreSQL is down every write fails: log the first ten, then every thousandth.
bool worthLogging(quint64 count)
{
    return count <= 10 || count % 1000 == 0;
}

} // namespace

DualWriteRouter::DualWriteRouter(int readFromPostgresPercent)
    : m_percent(std::clamp(readFromPostgresPercent, 0, 100))
{ }

void DualWriteRouter::setReadFromPostgresPercent(int percent)
{
    m_percent.store(std::clamp(percent, 0, 100), std::memory_order_relaxed);
}

DualWriteFigures DualWriteRouter::figures() const
{
    DualWriteFigures figures;
    figures.readFromPostgresPercent = readFromPostgresPercent();
    figures.reads = m_reads.load(std::memory_order_relaxed);
    figures.postgresReads = m_postgresReads.load(std::memory_order_relaxed);
    figures.readFallbacks = m_readFallbacks.load(std::memory_order_relaxed);
    figures.mirroredWrites = m_mirroredWrites.load(std::memory_order_relaxed);
    figures.writeFailures = m_writeFailures.load(std::memory_order_relaxed);
    return figures;
}

bool DualWriteRouter::choosePostgres() const
{
    const int percent = readFromPostgresPercent();
    if (percent <= 0)
        return false;
    return percent >= 100 || int(QRandomGenerator::global()->bounded(100)) < percent;
}

void DualWriteRouter::noteReadFallback(const char *call, const Error &error)
{
    // The caller's own error (not found, invalid input): the primary says the same, and
    // PostgreSQL worked.
    if (isCallerError(error))
        return;
    const quint64 count = m_readFallbacks.fetch_add(1, std::memory_order_relaxed) + 1;
    if (worthLogging(count))
        qCWarning(lcStore).noquote() << "dual-write: PostgreSQL read" << call << "failed, the primary answered ("
                                     << count << "so far):" << error.toString();
}

void DualWriteRouter::noteWriteFailure(const char *call, const Error &error)
{
    const quint64 count = m_writeFailures.fetch_add(1, std::memory_order_relaxed) + 1;
    if (worthLogging(count))
        qCWarning(lcStore).noquote() << "dual-write: PostgreSQL write" << call
                                     << "failed; the primary's succeeded and counts (" << count
                                     << "so far; transfer verify finds the row, backfill --repair copies it):"
                                     << error.toString();
}

} // namespace dpm
