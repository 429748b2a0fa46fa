#include "querymetrics.h"

#include "domain/error.h"

#include <algorithm>
#include <cmath>
#include <exception>

namespace dpm {

namespace {

constexpr double kFirstBoundSeconds = 100e-6;

int bucketIndex(std::chrono::nanoseconds elapsed)
{
    const double seconds = std::chrono::duration<double>(elapsed).count();
    if (seconds <= kFirstBoundSeconds)
        return 0;
    const int index = int(std::ceil(std::log2(seconds / kFirstBoundSeconds)));
    return std::min(index, LatencySnapshot::kBucketCount);
}

// The value at rank q·count, interpolated linearly inside the bucket that holds it.
double percentile(const LatencySnapshot &s, double q)
{
    if (s.count == 0)
        return 0;
    const double rank = q * double(s.count);
    double below = 0;
    for (int i = 0; i <= LatencySnapshot::kBucketCount; ++i) {
        const double inBucket = double(s.buckets[std::size_t(i)]);
        if (inBucket > 0 && below + inBucket >= rank) {
            const double lower = i == 0 ? 0.0 : LatencySnapshot::bucketBound(i - 1);
            // The overflow bucket has no upper bound: report its lower one.
            if (i == LatencySnapshot::kBucketCount)
                return lower;
            const double upper = LatencySnapshot::bucketBound(i);
            return lower + (upper - lower) * std::clamp((rank - below) / inBucket, 0.0, 1.0);
        }
        below += inBucket;
    }
    return LatencySnapshot::bucketBound(LatencySnapshot::kBucketCount - 1);
}

} // namespace

QString queryKindName(QueryKind kind)
{
    switch (kind) {
    case QueryKind::Listing: return QStringLiteral("listing");
    case QueryKind::Lookup: return QStringLiteral("lookup");
    case QueryKind::Bundle: return QStringLiteral("bundle");
    case QueryKind::Summary: return QStringLiteral("summary");
    case QueryKind::Lineage: return QStringLiteral("lineage");
    case QueryKind::Write: return QStringLiteral("write");
    case QueryKind::Bulk: return QStringLiteral("bulk");
    }
    return {};
}

double LatencySnapshot::bucketBound(int index)
{
    return kFirstBoundSeconds * std::ldexp(1.0, index);
}

void QueryMetrics::record(QueryKind kind, std::chrono::nanoseconds elapsed, bool failed)
{
    Kind &k = m_kinds[std::size_t(kind)];
    k.buckets[std::size_t(bucketIndex(elapsed))].fetch_add(1, std::memory_order_relaxed);
    k.sumNanos.fetch_add(quint64(std::max<qint64>(0, elapsed.count())), std::memory_order_relaxed);
    if (failed)
        k.failures.fetch_add(1, std::memory_order_relaxed);
    k.count.fetch_add(1, std::memory_order_relaxed);
}

LatencySnapshot QueryMetrics::snapshot(QueryKind kind) const
{
    const Kind &k = m_kinds[std::size_t(kind)];
    LatencySnapshot s;
    for (std::size_t i = 0; i < s.buckets.size(); ++i) {
        s.buckets[i] = k.buckets[i].load(std::memory_order_relaxed);
        s.count += s.buckets[i]; // consistent with the buckets even while calls finish
    }
    s.failures = std::min(k.failures.load(std::memory_order_relaxed), s.count);
    s.sumSeconds = double(k.sumNanos.load(std::memory_order_relaxed)) / 1e9;
    s.p50 = percentile(s, 0.50);
    s.p95 = percentile(s, 0.95);
    s.p99 = percentile(s, 0.99);
    return s;
}

QueryMetrics &QueryMetrics::global()
{
    static QueryMetrics metrics;
    return metrics;
}

bool isCallerError(const Error &error)
{
    switch (error.kind()) {
    case ErrorKind::InvalidInput:
    case ErrorKind::NotFound:
    case ErrorKind::Conflict:
        return true;
    default:
        return error.code() == QLatin1String("STORE_QUERY_CANCELLED");
    }
}

QueryTimer::QueryTimer(QueryMetrics &metrics, QueryKind kind)
    : m_metrics(metrics)
    , m_kind(kind)
    , m_started(std::chrono::steady_clock::now())
    , m_exceptionsAtStart(std::uncaught_exceptions())
{ }

QueryTimer::~QueryTimer()
{
    const bool failed = !m_callerError && std::uncaught_exceptions() > m_exceptionsAtStart;
    m_metrics.record(m_kind, std::chrono::steady_clock::now() - m_started, failed);
}

} // namespace dpm
