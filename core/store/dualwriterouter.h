#pragma once

#include "domain/error.h"

#include <QString>

#include <atomic>
#include <mutex>
#include <type_traits>

namespace dpm {

// What a dual-write store has done so far (store status, the health panel).
struct DualWriteFigures
{
    int readFromPostgresPercent = 0; // configured now
    quint64 reads = 0; // every read call
    quint64 postgresReads = 0; // answered by PostgreSQL
    quint64 readFallbacks = 0; // PostgreSQL failed, the primary answered
    quint64 mirroredWrites = 0; // writes the primary took and PostgreSQL was then given
    quint64 writeFailures = 0; // of those, PostgreSQL's failed

    double actualReadFromPostgresPercent() const { return reads ? 100.0 * double(postgresReads) / double(reads) : 0.0; }
};

// The routing shared by DualWriteStore and its proposal and run-event decorators: which store
// answers a read (PostgreSQL for the configured share of calls, chosen per call, the primary
// when PostgreSQL fails), and the one lock that serialises writes, so that both stores apply
// them in the same order (sequence numbers, upserts and claims come out the same on both).
class DualWriteRouter
{
public:
    explicit DualWriteRouter(int readFromPostgresPercent);

    // 0..100 (clamped); 0 is the rollback: every read from the primary again.
    void setReadFromPostgresPercent(int percent);
    int readFromPostgresPercent() const { return m_percent.load(std::memory_order_relaxed); }
    DualWriteFigures figures() const;

    // Runs the read on PostgreSQL for the configured share of calls, else on the primary. A
    // PostgreSQL error falls back to the primary (counted unless it was the caller's own error,
    // which the primary answers the same way); a cancelled query is not retried.
    template <typename P, typename S> auto read(const char *call, P &&onPrimary, S &&onPostgres) -> decltype(onPrimary())
    {
        m_reads.fetch_add(1, std::memory_order_relaxed);
        if (!choosePostgres())
            return onPrimary();
        try {
            auto result = onPostgres();
            m_postgresReads.fetch_add(1, std::memory_order_relaxed);
            return result;
        } catch (const Error &error) {
            if (error.code() == QLatin1String("STORE_QUERY_CANCELLED"))
                throw;
            noteReadFallback(call, error);
        }
        return onPrimary();
    }

    // Held for a whole write: the primary's, then PostgreSQL's.
    std::unique_lock<std::mutex> lockWrites() { return std::unique_lock(m_writeMutex); }
    // PostgreSQL's half of a write, after the primary's succeeded: a failure is logged (redacted)
    // and counted, never thrown.
    template <typename F> void mirror(const char *call, F &&onPostgres)
    {
        m_mirroredWrites.fetch_add(1, std::memory_order_relaxed);
        try {
            onPostgres();
        } catch (const Error &error) {
            noteWriteFailure(call, error);
        }
    }

    // One call of an interface I (SupportStore, ProposalStore, RunEventStore) routed as a read.
    template <typename I, typename R, typename... P, typename... A>
    R readFrom(const char *call, I &primary, I &postgres, R (I::*fn)(P...), const A &...args)
    {
        return read(call, [&] { return (primary.*fn)(args...); }, [&] { return (postgres.*fn)(args...); });
    }

    // One call written to both: the primary's result counts, PostgreSQL's half is mirror()ed.
    template <typename I, typename R, typename... P, typename... A>
    R writeTo(const char *call, I &primary, I &postgres, R (I::*fn)(P...), const A &...args)
    {
        const auto lock = lockWrites();
        if constexpr (std::is_void_v<R>) {
            (primary.*fn)(args...);
            mirror(call, [&] { (postgres.*fn)(args...); });
        } else {
            R result = (primary.*fn)(args...);
            mirror(call, [&] { (postgres.*fn)(args...); });
            return result;
        }
    }

private:
    bool choosePostgres() const;
    void noteReadFallback(const char *call, const Error &error);
    void noteWriteFailure(const char *call, const Error &error);

    std::atomic<int> m_percent;
    std::atomic<quint64> m_reads { 0 };
    std::atomic<quint64> m_postgresReads { 0 };
    std::atomic<quint64> m_readFallbacks { 0 };
    std::atomic<quint64> m_mirroredWrites { 0 };
    std::atomic<quint64> m_writeFailures { 0 };
    std::mutex m_writeMutex;
};

} // namespace dpm
