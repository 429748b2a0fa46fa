#include "apimetrics.h"

#include "services/storestatus.h"
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

void appendGauge(QByteArray &out, const char *name, const char *type, const char *help, double value)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n' + name + ' '
        + QByteArray::number(value, 'g', 9) + '\n';
}

// What store-status reports, as gauges and counters. The replay lag only exists on a replica
// that reports one; the dual-write series only with the decorator (DUAL_WRITE_MODE).
void appendStoreStatus(QByteArray &out, const StoreStatus *status)
{
    appendGauge(out, "dpm_store_status_up", "gauge", "1 when the store answered the status query of this scrape.",
        status ? 1 : 0);
    if (!status)
        return;
    if (status->postgresConfigured) {
        appendGauge(out, "dpm_store_postgres_connected", "gauge", "1 when the PostgreSQL database answers.",
            status->postgresConnected ? 1 : 0);
    }
    if (status->postgresConnected) {
        appendGauge(out, "dpm_store_replica", "gauge", "1 when the PostgreSQL connection reached a hot standby.",
            status->server.isReplica ? 1 : 0);
    }
    if (status->server.replayLagSeconds) {
        appendGauge(out, "dpm_store_replay_lag_seconds", "gauge",
            "How far the standby replays behind its primary (0 when it has replayed all it received).",
            *status->server.replayLagSeconds);
    }
    if (status->postgresConfigured && status->connections) {
        const ConnectionPoolFigures &c = *status->connections;
        appendGauge(out, "dpm_postgres_pool_size", "gauge", "POSTGRES_POOL_SIZE.", c.size);
        appendGauge(out, "dpm_postgres_pool_max_overflow", "gauge", "POSTGRES_MAX_OVERFLOW.", c.maxOverflow);
        appendGauge(out, "dpm_postgres_pool_open", "gauge", "PostgreSQL connections open.", c.open);
        appendGauge(out, "dpm_postgres_pool_active", "gauge", "PostgreSQL connections running a statement or transaction.",
            c.active);
        appendGauge(out, "dpm_postgres_pool_idle", "gauge", "PostgreSQL connections open and unused.", c.idle());
        appendGauge(out, "dpm_postgres_pool_waiting", "gauge",
            "Threads waiting for a PostgreSQL connection (the pool is exhausted).", c.waiting);
    }
    appendGauge(out, "dpm_dual_write_enabled", "gauge", "1 while writes go to the primary and PostgreSQL.",
        status->dualWriteEnabled ? 1 : 0);
    if (!status->dualWriteEnabled)
        return;
    appendGauge(out, "dpm_dual_write_mirrored_writes_total", "counter",
        "Writes the primary took and then gave to PostgreSQL.", double(status->dualWriteMirroredWrites));
    appendGauge(out, "dpm_dual_write_failures_total", "counter",
        "PostgreSQL writes that failed while the primary's succeeded.", double(status->dualWriteFailures));
    out += "# HELP dpm_dual_write_reads_total Reads by the store that answered them.\n"
           "# TYPE dpm_dual_write_reads_total counter\n"
           "dpm_dual_write_reads_total{target=\"primary\"} "
        + QByteArray::number(status->readsFromPrimary) + "\ndpm_dual_write_reads_total{target=\"postgres\"} "
        + QByteArray::number(status->readsFromPostgres) + '\n';
    appendGauge(out, "dpm_dual_write_read_fallbacks_total", "counter",
        "PostgreSQL reads that failed and were answered by the primary.", double(status->postgresReadFallbacks));
    appendGauge(out, "dpm_dual_write_read_from_postgres_percent", "gauge",
        "The configured share of reads sent to PostgreSQL (READ_FROM_POSTGRES_PERCENT).",
        status->readFromPostgresPercent);
    appendGauge(out, "dpm_dual_write_read_from_postgres_actual_percent", "gauge",
        "The share of reads PostgreSQL answered so far.", status->actualReadFromPostgresPercent);
}

} // namespace

QByteArray ApiMetrics::render(const PoolState &pool, const QueryMetrics &queries, const StoreStatus *status) const
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
    appendStoreStatus(out, status);
    return out;
}

} // namespace dpm::serve
