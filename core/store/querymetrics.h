#pragma once

#include <QString>

#include <array>
#include <atomic>
#include <chrono>

namespace dpm {

class Error;

// What a store call does, as the health panel, `dpmctl store status` and /metrics group it.
enum class QueryKind { Listing, Lookup, Bundle, Summary, Lineage, Write, Bulk };
inline constexpr int kQueryKindCount = 7;

// "listing", "lookup", "bundle", "summary", "lineage", "write", "bulk": the metric label.
QString queryKindName(QueryKind kind);

// Latency of one kind at one moment, in seconds. Percentiles are read from the buckets (the
// upper bound of the bucket holding that rank, interpolated inside it), so they are within one
// bucket's width (a factor of two) of the truth.
struct LatencySnapshot
{
    static constexpr int kBucketCount = 20;
    // Upper bounds: 100 µs · 2^i, i = 0..19 (100 µs .. 52 s); one more bucket holds the rest.
    static double bucketBound(int index);

    quint64 count = 0; // calls finished, failed ones included
    quint64 failures = 0; // calls that failed on the store's side (not not-found, invalid input)
    double sumSeconds = 0;
    std::array<quint64, kBucketCount + 1> buckets {}; // per bucket, not cumulative
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;

    double failureRate() const { return count ? double(failures) / double(count) : 0.0; }
};

// Per query kind: a latency histogram with fixed logarithmic buckets and a failure count. Every
// counter is a relaxed atomic: recording takes no lock, so store workers never wait on each other
// here. A snapshot read while calls finish may be off by the calls in flight, never torn.
class QueryMetrics
{
public:
    void record(QueryKind kind, std::chrono::nanoseconds elapsed, bool failed);
    LatencySnapshot snapshot(QueryKind kind) const;

    // The process's metrics: what every metered store records into unless given its own.
    static QueryMetrics &global();

private:
    struct Kind
    {
        std::array<std::atomic<quint64>, LatencySnapshot::kBucketCount + 1> buckets {};
        std::atomic<quint64> count { 0 };
        std::atomic<quint64> failures { 0 };
        std::atomic<quint64> sumNanos { 0 };
    };
    std::array<Kind, kQueryKindCount> m_kinds;
};

// The caller's own errors (not found, invalid input, conflict, a cancelled query): a store
// that answers them is working, so they are not counted as failures.
bool isCallerError(const Error &error);

// Times one call: records on destruction, as a failure when an exception is leaving the scope,
// unless endedWithCallerError() said it was the caller's own (std::uncaught_exceptions, so a
// plain `return call();` needs no bookkeeping).
class QueryTimer
{
public:
    QueryTimer(QueryMetrics &metrics, QueryKind kind);
    ~QueryTimer();
    QueryTimer(const QueryTimer &) = delete;
    QueryTimer &operator=(const QueryTimer &) = delete;

    // The call ended in the caller's own error (not found, invalid input, conflict, cancelled):
    // timed, but not a failure of the store.
    void endedWithCallerError() { m_callerError = true; }

private:
    QueryMetrics &m_metrics;
    QueryKind m_kind;
    std::chrono::steady_clock::time_point m_started;
    int m_exceptionsAtStart;
    bool m_callerError = false;
};

} // namespace dpm
