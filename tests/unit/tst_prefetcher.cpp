#include "store/prefetcher.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

using namespace dpm;

class TestPrefetcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void next_givesEveryItemInOrderThenNothing()
    {
        int made = 0;
        Prefetcher<int> items([&]() -> std::optional<int> {
            if (made == 1000)
                return std::nullopt;
            return made++;
        });
        for (int expected = 0; expected < 1000; ++expected) {
            const std::optional<int> item = items.next();
            QVERIFY(item);
            QCOMPARE(*item, expected);
        }
        QVERIFY(!items.next());
        QVERIFY(!items.next()); // and stays at the end
    }

    void producer_staysAtMostDepthAhead()
    {
        std::atomic<int> made = 0;
        Prefetcher<int> items(
            [&]() -> std::optional<int> {
                if (made == 100)
                    return std::nullopt;
                return made++;
            },
            3);
        // Nothing taken: the producer makes the three it may hold, then waits.
        QTRY_COMPARE_WITH_TIMEOUT(made.load(), 3, 5000);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        QCOMPARE(made.load(), 3);
        QCOMPARE(*items.next(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(made.load(), 4, 5000);
    }

    void producerFailure_reachesTheConsumerAfterTheItemsMadeBefore()
    {
        int made = 0;
        Prefetcher<int> items([&]() -> std::optional<int> {
            if (made == 2)
                throw std::runtime_error("generator broke");
            return made++;
        });
        QCOMPARE(*items.next(), 0);
        QCOMPARE(*items.next(), 1);
        try {
            items.next();
            QFAIL("the producer's exception was lost");
        } catch (const std::runtime_error &e) {
            QCOMPARE(QByteArray(e.what()), QByteArray("generator broke"));
        }
    }

    void destroyingEarly_stopsTheProducer()
    {
        std::atomic<int> made = 0;
        {
            Prefetcher<int> items([&]() -> std::optional<int> { return made++; }); // endless
            QCOMPARE(*items.next(), 0);
        }
        const int afterStop = made.load();
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        QCOMPARE(made.load(), afterStop); // joined: nothing runs on
        QVERIFY(afterStop <= 4);
    }
};

QTEST_GUILESS_MAIN(TestPrefetcher)
#include "tst_prefetcher.moc"
