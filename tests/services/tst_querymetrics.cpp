// Store call metrics: the latency histogram per query kind, its percentiles, the failure count
// (the store's failures, not the caller's), lock-free recording from many threads, and the
// MeteredStore decorator that records them while leaving the backend reachable (storeAs).

#include "domain/error.h"
#include "services/storeopening.h"
#include "store/bulkloader.h"
#include "store/memorystore.h"
#include "store/meteredstore.h"
#include "store/querymetrics.h"
#include "store/sqlstore.h"

#include <QTemporaryDir>
#include <QTest>

#include <thread>
#include <vector>

using namespace dpm;
using namespace std::chrono_literals;

class QueryMetricsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snapshot_empty_isZero();
    void percentiles_fallInTheBucketsOfTheirRank();
    void record_fromManyThreads_losesNoCall();
    void meteredStore_countsCallsPerKind_callerErrorsAreNotFailures();
    void meteredStore_storeFailure_isCounted();
    void meteredStore_backendStaysReachable();
};

void QueryMetricsTest::snapshot_empty_isZero()
{
    QueryMetrics metrics;
    const LatencySnapshot s = metrics.snapshot(QueryKind::Listing);
    QCOMPARE(s.count, 0u);
    QCOMPARE(s.failures, 0u);
    QCOMPARE(s.p95, 0.0);
    QCOMPARE(s.failureRate(), 0.0);
}

void QueryMetricsTest::percentiles_fallInTheBucketsOfTheirRank()
{
    QueryMetrics metrics;
    for (int i = 0; i < 90; ++i)
        metrics.record(QueryKind::Lookup, 1ms, false);
    for (int i = 0; i < 10; ++i)
        metrics.record(QueryKind::Lookup, 100ms, i < 2);
    const LatencySnapshot s = metrics.snapshot(QueryKind::Lookup);
    QCOMPARE(s.count, 100u);
    QCOMPARE(s.failures, 2u);
    QCOMPARE(s.failureRate(), 0.02);
    QVERIFY(std::abs(s.sumSeconds - (0.090 + 1.0)) < 1e-9);
    // 1 ms lies in (0.8 ms, 1.6 ms], 100 ms in (51.2 ms, 102.4 ms].
    QVERIFY2(s.p50 > 0.0008 && s.p50 <= 0.0016, qPrintable(QString::number(s.p50)));
    QVERIFY2(s.p95 > 0.0512 && s.p95 <= 0.1024, qPrintable(QString::number(s.p95)));
    QVERIFY2(s.p99 > 0.0512 && s.p99 <= 0.1024, qPrintable(QString::number(s.p99)));
    QVERIFY(s.p99 >= s.p95);
    // Other kinds are untouched.
    QCOMPARE(metrics.snapshot(QueryKind::Write).count, 0u);
}

void QueryMetricsTest::record_fromManyThreads_losesNoCall()
{
    QueryMetrics metrics;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&metrics, t] {
            for (int i = 0; i < 20000; ++i)
                metrics.record(QueryKind::Listing, std::chrono::microseconds(50 + (i % 7) * 300), (i % 100) == t);
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    const LatencySnapshot s = metrics.snapshot(QueryKind::Listing);
    QCOMPARE(s.count, 80000u);
    QCOMPARE(s.failures, 800u);
}

void QueryMetricsTest::meteredStore_countsCallsPerKind_callerErrorsAreNotFailures()
{
    QueryMetrics metrics;
    MeteredStore store(std::make_shared<MemoryStore>(), metrics);
    QVERIFY(!store.getRun(QStringLiteral("rr_nobody")));
    store.listRuns({}, PageRequest { 10, {} });
    store.getSupportabilitySummary();
    store.listLineageEdges(QStringLiteral("rr_nobody"));
    QVERIFY_THROWS_EXCEPTION(Error, store.listRuns({}, PageRequest { 0, {} })); // INVALID_LIMIT
    QCOMPARE(metrics.snapshot(QueryKind::Lookup).count, 1u);
    QCOMPARE(metrics.snapshot(QueryKind::Listing).count, 2u);
    QCOMPARE(metrics.snapshot(QueryKind::Listing).failures, 0u);
    QCOMPARE(metrics.snapshot(QueryKind::Summary).count, 1u);
    QCOMPARE(metrics.snapshot(QueryKind::Lineage).count, 1u);
    QCOMPARE(metrics.snapshot(QueryKind::Bundle).count, 0u);
}

void QueryMetricsTest::meteredStore_storeFailure_isCounted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QueryMetrics metrics;
    std::shared_ptr<SupportStore> sqlite = openStore(
        StoreLocation::sqlite(dir.filePath(QStringLiteral("m.db"))), OpenOptions { .applyMigrations = true });
    MeteredStore store(sqlite, metrics);
    storeAs<SqlStore>(store)->database().execDirect(QStringLiteral("DROP TABLE dpm_runs"));
    try {
        store.getRun(QStringLiteral("rr_1"));
        QFAIL("a query on a dropped table must fail");
    } catch (const Error &error) {
        QCOMPARE(error.code(), QStringLiteral("DPM_SCHEMA_MISMATCH"));
        QVERIFY(!isCallerError(error));
    }
    QCOMPARE(metrics.snapshot(QueryKind::Lookup).count, 1u);
    QCOMPARE(metrics.snapshot(QueryKind::Lookup).failures, 1u);
}

void QueryMetricsTest::meteredStore_backendStaysReachable()
{
    QueryMetrics metrics;
    MeteredStore store(std::make_shared<MemoryStore>(), metrics);
    QVERIFY(storeAs<MemoryStore>(store));
    QVERIFY(!storeAs<SqlStore>(store));
    QCOMPARE(storeAs<MeteredStore>(store), &store);
    // The bulk path goes through the decorator to the backend's own, and is timed as bulk.
    const std::unique_ptr<BulkLoader> loader = openBulkLoader(store);
    loader->begin();
    loader->write(BulkRows {});
    loader->commit();
    QCOMPARE(metrics.snapshot(QueryKind::Bulk).count, 2u);
}

QTEST_GUILESS_MAIN(QueryMetricsTest)
#include "tst_querymetrics.moc"
