#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <array>
#include <mutex>

namespace dpm {
class QueryMetrics;
struct StoreStatus;
}

namespace dpm::serve {

// The /metrics counters in Prometheus text exposition: requests and their latency per route and
// status, store call latency per route (the query kind), and the pools' state. Labels are route
// templates, never raw paths or query values (no ids, no secrets, bounded cardinality).
class ApiMetrics
{
public:
    struct PoolState
    {
        int storeThreads = 0;
        int storeActive = 0;
        int connections = 0;
    };

    void recordRequest(const QString &route, int status, double seconds);
    void recordStoreCall(const QString &route, double seconds);
    // With the store calls' latency per query kind (core's QueryMetrics) after the HTTP series,
    // then the store's status (PostgreSQL connected, replica and replay lag, the dual-write
    // figures) when it could be asked: null when the store did not answer in time.
    QByteArray render(const PoolState &pool, const QueryMetrics &queries, const StoreStatus *status) const;

private:
    static constexpr std::array<double, 11> kBuckets { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 };
    struct Histogram
    {
        std::array<quint64, kBuckets.size()> buckets {};
        quint64 count = 0;
        double sum = 0;
        void observe(double seconds);
    };

    mutable std::mutex m_mutex;
    QMap<std::pair<QString, int>, Histogram> m_requests;
    QMap<QString, Histogram> m_storeCalls;
};

} // namespace dpm::serve
