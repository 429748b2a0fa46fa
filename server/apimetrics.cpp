#include "apimetrics.h"

#include "store/querymetrics.h"

namespace dpm::serve {

void ApiMetrics::Histogram::observe(double seconds)
{
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i])
            ++buckets[i];
    }
    ++count;
    sum += seconds;
}

void ApiMetrics::recordRequest(const QString &route, int status, double seconds)
{
    std::lock_guard lock(m_mutex);
    m_requests[{ route, status }].observe(seconds);
}

void ApiMetrics::recordStoreCall(const QString &route, double seconds)
{
    std::lock_guard lock(m_mutex);
    m_storeCalls[route].observe(seconds);
}

namespace {

void appendHistogram(QByteArray &out, const QByteArray &name, const QByteArray &labels,
    const std::array<double, 11> &bounds, const auto &histogram)
{
    for (size_t i = 0; i < bounds.size(); ++i) {
        out += name + "_bucket{" + labels + ",le=\"" + QByteArray::number(bounds[i]) + "\"} "
            + QByteArray::number(histogram.buckets[i]) + '\n';
    }
    out += name + "_bucket{" + labels + ",le=\"+Inf\"} " + QByteArray::number(histogram.count) + '\n';
    out += name + "_sum{" + labels + "} " + QByteArray::number(histogram.sum, 'g', 9) + '\n';
    out += name + "_count{" + labels + "} " + QByteArray::number(histogram.count) + '\n';
}

// Every kind always, so that a series exists (at 0) before the first call of its kind.
void appendQueryMetrics(QByteArray &out, const QueryMetrics &queries)
{
    std::array<LatencySnapshot, kQueryKindCount> snapshots;
    for (int k = 0; k < kQueryKindCount; ++k)
        snapshots[std::size_t(k)] = queries.snapshot(QueryKind(k));
    const auto label = [](int k) -> QByteArray { return "kind=\"" + queryKindName(QueryKind(k)).toUtf8() + '"'; };

    out += "# HELP dpm_store_call_duration_seconds Store call latency by query kind.\n"
           "# TYPE dpm_store_call_duration_seconds histogram\n";
    for (int k = 0; k < kQueryKindCount; ++k) {
        const LatencySnapshot &s = snapshots[std::size_t(k)];
        quint64 cumulative = 0;
        for (int i = 0; i < LatencySnapshot::kBucketCount; ++i) {
            cumulative += s.buckets[std::size_t(i)];
            out += "dpm_store_call_duration_seconds_bucket{" + label(k) + ",le=\""
                + QByteArray::number(LatencySnapshot::bucketBound(i), 'g', 6) + "\"} " + QByteArray::number(cumulative)
                + '\n';
        }
        out += "dpm_store_call_duration_seconds_bucket{" + label(k) + ",le=\"+Inf\"} " + QByteArray::number(s.count) + '\n';
        out += "dpm_store_call_duration_seconds_sum{" + label(k) + "} " + QByteArray::number(s.sumSeconds, 'g', 9) + '\n';
        out += "dpm_store_call_duration_seconds_count{" + label(k) + "} " + QByteArray::number(s.count) + '\n';
    }
    out += "# HELP dpm_store_call_failures_total Store calls that failed on the store's side, by query kind.\n"
           "# TYPE dpm_store_call_failures_total counter\n";
    for (int k = 0; k < kQueryKindCount; ++k)
        out += "dpm_store_call_failures_total{" + label(k) + "} " + QByteArray::number(snapshots[std::size_t(k)].failures) + '\n';
    out += "# HELP dpm_store_call_latency_seconds Store call latency percentiles by query kind, from the histogram.\n"
           "# TYPE dpm_store_call_latency_seconds gauge\n";
    for (int k = 0; k < kQueryKindCount; ++k) {
        const LatencySnapshot &s = snapshots[std::size_t(k)];
        for (const auto &[q, value] : { std::pair { "0.5", s.p50 }, std::pair { "0.95", s.p95 }, std::pair { "0.99", s.p99 } }) {
            out += "dpm_store_call_latency_seconds{" + label(k) + ",quantile=\"" + q + "\"} "
                + QByteArray::number(value, 'g', 6) + '\n';
        }
    }
}

} // namespace

QByteArray ApiMetrics::render(const PoolState &pool, const QueryMetrics &queries) const
{
    std::lock_guard lock(m_mutex);
    QByteArray out;
    out += "# HELP dpm_http_requests_total HTTP requests answered, by route template and status.\n"
           "# TYPE dpm_http_requests_total counter\n";
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        out += "dpm_http_requests_total{route=\"" + it.key().first.toUtf8() + "\",status=\""
            + QByteArray::number(it.key().second) + "\"} " + QByteArray::number(it.value().count) + '\n';
    }
    out += "# HELP dpm_http_request_duration_seconds Time to answer a request, by route template and status.\n"
           "# TYPE dpm_http_request_duration_seconds histogram\n";
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        appendHistogram(out, "dpm_http_request_duration_seconds",
            "route=\"" + it.key().first.toUtf8() + "\",status=\"" + QByteArray::number(it.key().second) + '"',
            kBuckets, it.value());
    }
    out += "# HELP dpm_store_query_duration_seconds Time of a request's store work, by route template.\n"
           "# TYPE dpm_store_query_duration_seconds histogram\n";
    for (auto it = m_storeCalls.cbegin(); it != m_storeCalls.cend(); ++it)
        appendHistogram(out, "dpm_store_query_duration_seconds", "kind=\"" + it.key().toUtf8() + '"', kBuckets, it.value());
    out += "# HELP dpm_store_pool_size Store worker threads (one database connection each).\n"
           "# TYPE dpm_store_pool_size gauge\n"
           "dpm_store_pool_size "
        + QByteArray::number(pool.storeThreads) + '\n';
    out += "# HELP dpm_store_pool_active Store workers running a request.\n"
           "# TYPE dpm_store_pool_active gauge\n"
           "dpm_store_pool_active "
        + QByteArray::number(pool.storeActive) + '\n';
    out += "# HELP dpm_store_pool_idle Store workers free.\n"
           "# TYPE dpm_store_pool_idle gauge\n"
           "dpm_store_pool_idle "
        + QByteArray::number(std::max(0, pool.storeThreads - pool.storeActive)) + '\n';
    out += "# HELP dpm_http_connections_open Client connections open.\n"
           "# TYPE dpm_http_connections_open gauge\n"
           "dpm_http_connections_open "
        + QByteArray::number(pool.connections) + '\n';
    appendQueryMetrics(out, queries);
    return out;
}

} // namespace dpm::serve
