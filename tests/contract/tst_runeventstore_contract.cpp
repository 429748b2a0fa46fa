// The RunEventStore contract (domain spec Part A §8, core/store/runeventstore.h): appending an
// event enqueues its deliveries in one transaction, a retried append is a no-op, sequence numbers
// are gapless with concurrent appenders, and the outbox listings, backlog figures, failure
// groups, operator writes and relay primitives behave the same on every backend. Run once per
// backend (DPM_TEST_BACKEND) like the store contract; each test gets a fresh store.

#include "backendstore.h"
#include "domain/cursor.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "errorassertions.h"
#include "migrate/migrator.h"
#include "store/runeventstore.h"
#include "store/sqldatabase.h"
#include "store/sqlstore.h"
#include "store/supportstore.h"

#include <QMutex>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace dpm;

namespace {

// 2026-03-01T10:00:00+00:00 + minutes.
QString at(int minutes)
{
    return formatTimestamp(QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC).addSecs(qint64(minutes) * 60));
}

RebalanceRun runNamed(const QString &id)
{
    return RebalanceRun { id, QStringLiteral("corr_") + id, QStringLiteral("sha256:x"), std::nullopt,
        QStringLiteral("pf_1"), at(0), QStringLiteral("{\"status\":\"READY\"}") };
}

AppendEventRequest request(const QString &runId, const QString &key, const QStringList &topics = { "dpm.run" },
    const QString &createdAt = {})
{
    AppendEventRequest r;
    r.rebalanceRunId = runId;
    r.eventType = QStringLiteral("RUN_RECORDED");
    r.idempotencyKey = key;
    r.payloadJson = QStringLiteral("{\"b\": 1.0, \"a\": \"x\"}");
    r.topics = topics;
    r.createdAt = createdAt;
    return r;
}

QStringList idsOf(const QList<OutboxDelivery> &deliveries)
{
    QStringList ids;
    for (const OutboxDelivery &d : deliveries)
        ids << d.outboxId;
    return ids;
}

} // namespace

class RunEventStoreContract : public QObject
{
    Q_OBJECT

private:
    RunEventStore &events() { return m_store->runEvents(); }
    // Runs rr_a and rr_b, and on each `perRun` events (one delivery each) a minute apart.
    QList<OutboxDelivery> seed(int perRun);
    // Concurrent appenders on `threads` threads: each appends its keys; returns the errors.
    QStringList appendConcurrently(int threads, const std::function<QString(int thread, int i)> &key, int perThread);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_store;

private Q_SLOTS:
    void init() { DPM_OPEN_FRESH_BACKEND_STORE(m_dir, m_store, "runevents"); }
    void cleanup()
    {
        DPM_EXPECT_DUAL_WRITE_ALIKE(m_store);
        m_store.reset();
        m_dir.reset();
    }

    void isAvailable_migratedStore_isTrue() { QVERIFY(events().isAvailable()); }

    void appendEvent_new_storesEventAndOneDeliveryPerDistinctTopic()
    {
        guarded([&] {
            m_store->saveRun(runNamed(QStringLiteral("rr_a")));
            const AppendEventResult r = events().appendEvent(
                request(QStringLiteral("rr_a"), QStringLiteral("k1"), { "t.one", "t.two", "t.one" }, at(5)));
            QVERIFY(r.created);
            QVERIFY(r.event.eventId.startsWith(QLatin1String("evt_")));
            QCOMPARE(r.event.sequenceNo, qint64(1));
            QCOMPARE(r.event.payloadJson, QStringLiteral("{\"a\":\"x\",\"b\":1.0}"));
            QCOMPARE(r.event.createdAt, at(5));
            QCOMPARE(r.deliveries.size(), 2);
            QSet<QString> topics;
            for (const OutboxDelivery &d : r.deliveries) {
                topics << d.topic;
                QVERIFY(d.outboxId.startsWith(QLatin1String("obx_")));
                QCOMPARE(d.eventId, r.event.eventId);
                QCOMPARE(d.status, OutboxStatus::Pending);
                QCOMPARE(d.attempts, 0);
                QCOMPARE(d.maxAttempts, 5);
                QCOMPARE(d.nextAttemptAt, std::optional<QString>(at(5)));
                QCOMPARE(d.rebalanceRunId, QStringLiteral("rr_a"));
                QVERIFY(d.payloadJson.contains(r.event.eventId));
                QVERIFY(d.payloadJson.contains(QLatin1String("\"payload\":{\"a\":\"x\",\"b\":1.0}")));
            }
            QCOMPARE(topics, (QSet<QString> { "t.one", "t.two" }));
            const auto listed = events().listEvents(QStringLiteral("rr_a"));
            QCOMPARE(listed.size(), 1);
            QCOMPARE(listed.constFirst().event, r.event);
            QCOMPARE(listed.constFirst().deliveries, r.deliveries);
        });
    }

    void appendEvent_duplicateKey_returnsStoredEventAndEnqueuesNothing()
    {
        guarded([&] {
            m_store->saveRun(runNamed(QStringLiteral("rr_a")));
            const AppendEventResult first
                = events().appendEvent(request(QStringLiteral("rr_a"), QStringLiteral("k1"), { "t.one" }, at(1)));
            AppendEventRequest again = request(QStringLiteral("rr_a"), QStringLiteral("k1"), { "t.one", "t.two" }, at(9));
            again.payloadJson = QStringLiteral("{\"other\": true}");
            const AppendEventResult second = events().appendEvent(again);
            QVERIFY(!second.created);
            QCOMPARE(second.event, first.event);
            QCOMPARE(second.deliveries, first.deliveries);
            QCOMPARE(events().listOutbox({}, PageRequest { 10, {} }).items.size(), 1);
            // The same key on another run is another event.
            m_store->saveRun(runNamed(QStringLiteral("rr_b")));
            const AppendEventResult other = events().appendEvent(request(QStringLiteral("rr_b"), QStringLiteral("k1")));
            QVERIFY(other.created);
            QCOMPARE(other.event.sequenceNo, qint64(1));
        });
    }

    void appendEvent_sequencePerRun_isGapless()
    {
        guarded([&] {
            m_store->saveRun(runNamed(QStringLiteral("rr_a")));
            m_store->saveRun(runNamed(QStringLiteral("rr_b")));
            for (int i = 1; i <= 3; ++i) {
                QCOMPARE(events().appendEvent(request(QStringLiteral("rr_a"), QStringLiteral("a%1").arg(i))).event.sequenceNo,
                    qint64(i));
                events().appendEvent(request(QStringLiteral("rr_a"), QStringLiteral("a%1").arg(i))); // a retry
            }
            QCOMPARE(events().appendEvent(request(QStringLiteral("rr_b"), QStringLiteral("b1"))).event.sequenceNo, qint64(1));
            const auto listed = events().listEvents(QStringLiteral("rr_a"));
            QCOMPARE(listed.size(), 3);
            for (int i = 0; i < 3; ++i)
                QCOMPARE(listed.at(i).event.sequenceNo, qint64(i + 1));
            QVERIFY(events().listEvents(QStringLiteral("rr_none")).isEmpty());
        });
    }

    void appendEvent_badRequests_areRejectedAndStoreNothing()
    {
        m_store->saveRun(runNamed(QStringLiteral("rr_a")));
        EXPECT_ERROR(events().appendEvent(request(QStringLiteral("rr_missing"), QStringLiteral("k"))), "DPM_RUN_NOT_FOUND");
        AppendEventRequest bad = request(QStringLiteral("rr_a"), QStringLiteral("k"));
        bad.payloadJson = QStringLiteral("{not json");
        EXPECT_ERROR(events().appendEvent(bad), "INVALID_RUN_EVENT");
        EXPECT_ERROR(events().appendEvent(request(QStringLiteral("rr_a"), QString())), "INVALID_RUN_EVENT");
        EXPECT_ERROR(events().appendEvent(request(QStringLiteral("rr_a"), QStringLiteral("k"), { "" })),
            "INVALID_RUN_EVENT");
        QVERIFY(events().listEvents(QStringLiteral("rr_a")).isEmpty());
        QCOMPARE(events().outboxStats(at(0)), OutboxStats {});
    }

    void appendEvent_concurrentSameKey_storesOneEventWithoutError()
    {
        m_store->saveRun(runNamed(QStringLiteral("rr_a")));
        const QStringList errors = appendConcurrently(4, [](int, int) { return QStringLiteral("same"); }, 10);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        const auto listed = events().listEvents(QStringLiteral("rr_a"));
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.constFirst().event.sequenceNo, qint64(1));
        QCOMPARE(listed.constFirst().deliveries.size(), 1);
    }

    void appendEvent_concurrentDifferentKeys_sequenceHasNoGapOrDuplicate()
    {
        m_store->saveRun(runNamed(QStringLiteral("rr_a")));
        constexpr int kThreads = 4;
        constexpr int kPerThread = 15;
        const QStringList errors = appendConcurrently(
            kThreads, [](int t, int i) { return QStringLiteral("k_%1_%2").arg(t).arg(i); }, kPerThread);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        const auto listed = events().listEvents(QStringLiteral("rr_a"));
        QCOMPARE(listed.size(), kThreads * kPerThread);
        for (int i = 0; i < listed.size(); ++i)
            QCOMPARE(listed.at(i).event.sequenceNo, qint64(i + 1));
        QCOMPARE(events().outboxStats(at(0)).pending, qint64(kThreads * kPerThread));
    }

    void listOutbox_pagesByCreatedAtDescThenIdDesc()
    {
        guarded([&] {
            const QList<OutboxDelivery> all = seed(3); // 6 deliveries, one per minute per run
            QStringList expected = idsOf(all);
            std::sort(expected.begin(), expected.end(), [&](const QString &a, const QString &b) {
                const auto ka = std::find_if(all.cbegin(), all.cend(), [&](auto &d) { return d.outboxId == a; });
                const auto kb = std::find_if(all.cbegin(), all.cend(), [&](auto &d) { return d.outboxId == b; });
                return std::tie(ka->createdAt, a) > std::tie(kb->createdAt, b);
            });
            QStringList walked;
            PageRequest page { 4, {} };
            for (int guard = 0; guard < 10; ++guard) {
                const Page<OutboxDelivery> p = events().listOutbox({}, page);
                walked << idsOf(p.items);
                if (!p.nextCursor)
                    break;
                QVERIFY(decodeCursor(CursorListing::Outbox, p.nextCursor).has_value());
                page.cursor = p.nextCursor;
            }
            QCOMPARE(walked, expected);
            // A legacy cursor (a bare id) continues after that row; an unknown id gives nothing.
            QCOMPARE(idsOf(events().listOutbox({}, PageRequest { 10, expected.at(1) }).items), expected.mid(2));
            QVERIFY(events().listOutbox({}, PageRequest { 10, QStringLiteral("obx_nothere") }).items.isEmpty());
            EXPECT_ERROR(events().listOutbox({}, PageRequest { 10, encodeCursor(CursorListing::Runs, at(0), "x") }),
                "INVALID_CURSOR");
            EXPECT_ERROR(events().listOutbox({}, PageRequest { 0, {} }), "INVALID_LIMIT");
        });
    }

    void listOutbox_filtersCombine()
    {
        guarded([&] {
            const QList<OutboxDelivery> all = seed(3);
            events().markDelivered(all.at(0).outboxId, at(50));
            OutboxFilter byRun;
            byRun.rebalanceRunId = QStringLiteral("rr_b");
            QCOMPARE(events().listOutbox(byRun, PageRequest { 10, {} }).items.size(), 3);
            OutboxFilter byStatus;
            byStatus.status = OutboxStatus::Delivered;
            QCOMPARE(idsOf(events().listOutbox(byStatus, PageRequest { 10, {} }).items), QStringList { all.at(0).outboxId });
            OutboxFilter byTopic;
            byTopic.topic = QStringLiteral("t.rr_a");
            QCOMPARE(events().listOutbox(byTopic, PageRequest { 10, {} }).items.size(), 3);
            OutboxFilter range; // inclusive bounds: minutes 1 and 2 of both runs
            range.createdFrom = at(1);
            range.createdTo = at(2);
            QCOMPARE(events().listOutbox(range, PageRequest { 10, {} }).items.size(), 4);
            range.rebalanceRunId = QStringLiteral("rr_a");
            range.status = OutboxStatus::Pending;
            QCOMPARE(events().listOutbox(range, PageRequest { 10, {} }).items.size(), 2);
        });
    }

    void outboxStats_countsStatusesDueAndOldestPendingAge()
    {
        guarded([&] {
            const QList<OutboxDelivery> all = seed(2); // created at minutes 0, 1 on each run
            events().markDelivered(all.at(0).outboxId, at(3));
            events().markFailed(all.at(1).outboxId, QStringLiteral("HTTP 500"), at(30));
            const OutboxStats s = events().outboxStats(at(10));
            QCOMPARE(s.pending, qint64(2));
            QCOMPARE(s.delivered, qint64(1));
            QCOMPARE(s.failed, qint64(1));
            QCOMPARE(s.dead, qint64(0));
            QCOMPARE(s.dueNow, qint64(2)); // the failed one is due at minute 30
            QCOMPARE(s.oldestPendingAgeSeconds, std::optional<qint64>(10 * 60));
            QCOMPARE(s.attempts, (QMap<int, qint64> { { 0, 2 }, { 1, 2 } }));
            QCOMPARE(events().outboxStats(at(30)).dueNow, qint64(3));
        });
    }

    void failureGroups_groupByNormalisedError()
    {
        guarded([&] {
            const QList<OutboxDelivery> all = seed(3);
            events().markFailed(all.at(0).outboxId, QStringLiteral("HTTP 503 from 'https://a/1' for evt_0123abcd4567"), at(9));
            events().markFailed(all.at(1).outboxId, QStringLiteral("HTTP 502 from 'https://b/2' for evt_ffff0000aaaa"), at(9));
            events().markFailed(all.at(2).outboxId, QStringLiteral("connection refused"), at(9));
            events().markDelivered(all.at(3).outboxId, at(9));
            const QList<OutboxFailureGroup> groups = events().failureGroups();
            QCOMPARE(groups.size(), 2);
            QCOMPARE(groups.at(0).count, qint64(2));
            QCOMPARE(groups.at(0).fingerprint, QStringLiteral("HTTP <n> from '…' for <id>"));
            QCOMPARE(groups.at(0).groupId, outboxFailureGroupId(groups.at(0).fingerprint));
            QVERIFY(groups.at(0).groupId.startsWith(QLatin1String("grp_")) && groups.at(0).groupId.size() == 16);
            QVERIFY(groups.at(0).sampleError.startsWith(QLatin1String("HTTP 50")));
            QCOMPARE(groups.at(1).count, qint64(1));
            QCOMPARE(groups.at(1).sampleError, QStringLiteral("connection refused"));
        });
    }

    void retry_byIdFilterAndGroup_previewsThenMovesFailedAndDeadToPending()
    {
        guarded([&] {
            const QList<OutboxDelivery> all = seed(3);
            for (int i = 0; i < 3; ++i)
                events().markFailed(all.at(i).outboxId, QStringLiteral("timeout after %1 ms").arg(1000 + i), at(40));
            events().discardDeliveries({ all.at(3).outboxId, {}, {} }, QStringLiteral("bad payload"), false);
            const QString group = events().failureGroups().constFirst().groupId;
            OutboxSelection byGroup;
            byGroup.groupId = group;
            QCOMPARE(events().retryDeliveries(byGroup, at(20), true), qint64(3));
            QCOMPARE(events().outboxStats(at(20)).failed, qint64(3)); // a dry run changes nothing
            QCOMPARE(events().retryDeliveries(byGroup, at(20), false), qint64(3));
            const auto retried = *events().getDelivery(all.at(0).outboxId);
            QCOMPARE(retried.status, OutboxStatus::Pending);
            QCOMPARE(retried.nextAttemptAt, std::optional<QString>(at(20)));
            QCOMPARE(retried.attempts, 1);
            OutboxSelection dead;
            dead.filter.status = OutboxStatus::Dead;
            QCOMPARE(events().retryDeliveries(dead, at(20), false), qint64(1));
            QCOMPARE(events().outboxStats(at(20)).dueNow, qint64(6));
            // One id: a PENDING delivery is not retried; an unknown id is an error.
            QCOMPARE(events().retryDeliveries({ all.at(0).outboxId, {}, {} }, at(20), false), qint64(0));
            EXPECT_ERROR(events().retryDeliveries({ QStringLiteral("obx_nothere"), {}, {} }, at(20), false),
                "OUTBOX_DELIVERY_NOT_FOUND");
        });
    }

    void discard_keepsReasonAndLeavesDeliveredAlone()
    {
        guarded([&] {
            const QList<OutboxDelivery> all = seed(2);
            events().markDelivered(all.at(0).outboxId, at(5));
            OutboxSelection runA;
            runA.filter.rebalanceRunId = QStringLiteral("rr_a");
            QCOMPARE(events().discardDeliveries(runA, QStringLiteral("consumer gone"), true), qint64(1));
            QCOMPARE(events().discardDeliveries(runA, QStringLiteral("consumer gone"), false), qint64(1));
            const auto discarded = *events().getDelivery(all.at(1).outboxId);
            QCOMPARE(discarded.status, OutboxStatus::Dead);
            QCOMPARE(discarded.lastError, std::optional<QString>(QStringLiteral("discarded: consumer gone")));
            QVERIFY(!discarded.nextAttemptAt);
            QCOMPARE(events().getDelivery(all.at(0).outboxId)->status, OutboxStatus::Delivered);
        });
    }

    void purgeDelivered_deletesOnlyDeliveredOlderThanTheCutoff()
    {
        guarded([&] {
            const QList<OutboxDelivery> all = seed(2);
            events().markDelivered(all.at(0).outboxId, at(0));
            events().markDelivered(all.at(1).outboxId, at(2 * 24 * 60));
            const QString now = at(3 * 24 * 60 + 1); // 3 days and a minute after minute 0
            QCOMPARE(events().purgeDelivered(0, now, false), qint64(0));
            QCOMPARE(events().purgeDelivered(3, now, true), qint64(1));
            QVERIFY(events().getDelivery(all.at(0).outboxId));
            QCOMPARE(events().purgeDelivered(3, now, false), qint64(1));
            QVERIFY(!events().getDelivery(all.at(0).outboxId));
            QVERIFY(events().getDelivery(all.at(1).outboxId));
            QCOMPARE(events().outboxStats(now).pending, qint64(2));
        });
    }

    void claimDue_leasesRowsSoASecondClaimSkipsThem()
    {
        guarded([&] {
            const QList<OutboxDelivery> all = seed(3);
            const QList<OutboxDelivery> first = events().claimDue(4, at(10), QStringLiteral("relay-1"), at(15));
            QCOMPARE(first.size(), 4);
            for (const OutboxDelivery &d : first) {
                QCOMPARE(d.leaseOwner, std::optional<QString>(QStringLiteral("relay-1")));
                QCOMPARE(d.nextAttemptAt, std::optional<QString>(at(15)));
            }
            const QList<OutboxDelivery> second = events().claimDue(10, at(10), QStringLiteral("relay-2"), at(15));
            QCOMPARE(second.size(), 2);
            const QStringList firstIds = idsOf(first);
            const QSet<QString> ids(firstIds.cbegin(), firstIds.cend());
            for (const QString &id : idsOf(second))
                QVERIFY(!ids.contains(id));
            QVERIFY(events().claimDue(10, at(10), QStringLiteral("relay-3"), at(15)).isEmpty());
            // A lease that ran out (the relay died) makes them due again: at least once.
            QCOMPARE(events().claimDue(10, at(15), QStringLiteral("relay-3"), at(20)).size(), 6);
            EXPECT_ERROR(events().claimDue(0, at(10), QStringLiteral("r"), at(15)), "INVALID_LIMIT");
        });
    }

    void markDeliveredAndFailed_countAttemptsAndEndDeadAtMaxAttempts()
    {
        guarded([&] {
            m_store->saveRun(runNamed(QStringLiteral("rr_a")));
            AppendEventRequest r = request(QStringLiteral("rr_a"), QStringLiteral("k"), { "t" }, at(0));
            r.maxAttempts = 2;
            const QString id = events().appendEvent(r).deliveries.constFirst().outboxId;
            OutboxDelivery d = events().markFailed(id, QStringLiteral("HTTP 500"), at(1));
            QCOMPARE(d.status, OutboxStatus::Failed);
            QCOMPARE(d.attempts, 1);
            QCOMPARE(d.nextAttemptAt, std::optional<QString>(at(1)));
            QCOMPARE(d.lastError, std::optional<QString>(QStringLiteral("HTTP 500")));
            d = events().markFailed(id, QStringLiteral("HTTP 502"), at(2));
            QCOMPARE(d.status, OutboxStatus::Dead);
            QCOMPARE(d.attempts, 2);
            QVERIFY(!d.nextAttemptAt);
            QVERIFY(events().claimDue(5, at(60), QStringLiteral("relay"), at(61)).isEmpty());

            const QString other = events().appendEvent(request(QStringLiteral("rr_a"), QStringLiteral("k2"), { "t" }, at(0)))
                                      .deliveries.constFirst()
                                      .outboxId;
            events().markDelivered(other, at(3));
            const OutboxDelivery delivered = *events().getDelivery(other);
            QCOMPARE(delivered.status, OutboxStatus::Delivered);
            QCOMPARE(delivered.deliveredAt, std::optional<QString>(at(3)));
            QCOMPARE(delivered.attempts, 1);
            EXPECT_ERROR(events().markDelivered(QStringLiteral("obx_nothere"), at(3)), "OUTBOX_DELIVERY_NOT_FOUND");
        });
    }

    void fingerprint_normalisesNumbersIdsAndQuotedValues()
    {
        QCOMPARE(outboxErrorFingerprint(QStringLiteral("timeout  after 3000 ms")), QStringLiteral("timeout after <n> ms"));
        QCOMPARE(outboxErrorFingerprint(QStringLiteral("no row 123e4567-e89b-12d3-a456-426614174000 \"x y\"")),
            QStringLiteral("no row <id> \"…\""));
        QCOMPARE(outboxErrorFingerprint(QStringLiteral("bad deadbeef01 for rr_0a1b2c3d")),
            QStringLiteral("bad <id> for <id>"));
        QCOMPARE(outboxFailureGroupId(QStringLiteral("a")), outboxFailureGroupId(QStringLiteral("a")));
        QVERIFY(outboxFailureGroupId(QStringLiteral("a")) != outboxFailureGroupId(QStringLiteral("b")));
    }

    void withoutConsoleTables_everyCallIsSchemaMissing()
    {
        const auto location = test::freshBackendLocation(*m_dir, QStringLiteral("noevents"));
        {
            SqlDatabase db(*location);
            Migrator(db).apply({ QStringLiteral("dpm") });
        }
        // On the remote backend: served as it is and read over HTTP.
        const auto store = test::openBackendStoreAsItIs(*location);
        QVERIFY(!store->runEvents().isAvailable());
        store->saveRun(runNamed(QStringLiteral("rr_a")));
        EXPECT_ERROR(store->runEvents().appendEvent(request(QStringLiteral("rr_a"), QStringLiteral("k"))),
            "RUN_EVENTS_SCHEMA_MISSING");
        EXPECT_ERROR(store->runEvents().listOutbox({}, PageRequest {}), "RUN_EVENTS_SCHEMA_MISSING");
        EXPECT_ERROR(store->runEvents().outboxStats(at(0)), "RUN_EVENTS_SCHEMA_MISSING");
        EXPECT_ERROR(store->runEvents().purgeDelivered(3, at(0), true), "RUN_EVENTS_SCHEMA_MISSING");
    }
};

QList<OutboxDelivery> RunEventStoreContract::seed(int perRun)
{
    QList<OutboxDelivery> out;
    for (const QString &run : { QStringLiteral("rr_a"), QStringLiteral("rr_b") }) {
        m_store->saveRun(runNamed(run));
        for (int i = 0; i < perRun; ++i) {
            out << events()
                       .appendEvent(request(run, QStringLiteral("k%1").arg(i), { QStringLiteral("t.") + run }, at(i)))
                       .deliveries;
        }
    }
    return out;
}

QStringList RunEventStoreContract::appendConcurrently(
    int threads, const std::function<QString(int, int)> &key, int perThread)
{
    QStringList errors;
    QMutex mutex;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            try {
                for (int i = 0; i < perThread; ++i)
                    events().appendEvent(request(QStringLiteral("rr_a"), key(t, i)));
            } catch (const std::exception &error) {
                QMutexLocker locker(&mutex);
                errors << QString::fromLocal8Bit(error.what());
            }
            SqlDatabase::closeThisThreadsConnections();
        });
    }
    for (std::thread &worker : workers)
        worker.join();
    return errors;
}

DPM_BACKEND_TEST_GUILESS_MAIN(RunEventStoreContract,
    { "withoutConsoleTables_everyCallIsSchemaMissing",
        dpm::test::everyBackendBut(dpm::test::TestBackend::Memory | dpm::test::TestBackend::Dual) })
#include "tst_runeventstore_contract.moc"
