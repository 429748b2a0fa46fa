// RequestTracker: a page's request replaced by a newer one is stopped on the database and never
// answers; follow() gives the same dropping and busy state to work without a CancelToken.
#include "awaitfuture.h"
#include "session/requesttracker.h"
#include "store/sqldatabase.h"
#include "store/sqlstore.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

#include <atomic>

using namespace dpm;
using dpm::test::await;

class TestRequestTracker : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void start_newerRequestStopsTheOlderOnTheDatabase()
    {
        StoreSession session(StoreLocation::sqlite(m_dir.filePath(QStringLiteral("tracker.db"))));
        await(session.open(OpenOptions { .applyMigrations = true }));
        RequestTracker tracker;
        QSignalSpy busy(&tracker, &RequestTracker::busyChanged);
        auto started = std::make_shared<std::atomic<int>>(0);
        auto outcome = std::make_shared<QString>(); // the first request's end, written by its worker
        auto ended = std::make_shared<std::atomic<bool>>(false); // set after outcome is written
        QStringList answers;
        const auto onError = [&answers](const Error &error) { answers << error.code(); };
        // Counts for hours on SQLite unless stopped.
        tracker.start(
            session,
            [started, outcome, ended](SupportStore &store) {
                started->fetch_add(1);
                try {
                    (*storeAs<SqlStore>(store)).database().exec(
                        QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                                       "WHERE x < 100000000000) SELECT COUNT(*) FROM c"));
                    *outcome = QStringLiteral("(finished)");
                    ended->store(true);
                } catch (const Error &error) {
                    *outcome = error.code();
                    ended->store(true);
                    throw;
                }
                return QStringLiteral("first");
            },
            [&answers](const QString &value) { answers << value; }, onError);
        QVERIFY(tracker.isBusy());
        QTRY_COMPARE(started->load(), 1);
        tracker.start(
            session, [](SupportStore &) { return QStringLiteral("second"); },
            [&answers](const QString &value) { answers << value; }, onError);
        QTRY_COMPARE(answers, QStringList { QStringLiteral("second") });
        QVERIFY(!tracker.isBusy());
        // The stopped request runs on the session's own pool: wait for its worker to end.
        QTRY_VERIFY_WITH_TIMEOUT(ended->load(), 30000);
        QCoreApplication::processEvents();
        QCOMPARE(*outcome, QStringLiteral("STORE_QUERY_CANCELLED"));
        QCOMPARE(answers, QStringList { QStringLiteral("second") }); // the stopped one never answers
        QCOMPARE(busy.size(), 2); // busy once, for both requests
    }

    void follow_laterRequestOrCancelDropsTheAnswer()
    {
        RequestTracker tracker;
        QSignalSpy busy(&tracker, &RequestTracker::busyChanged);
        QStringList answers;
        const auto onValue = [&answers](const QString &value) { answers << value; };
        const auto onError = [&answers](const Error &error) { answers << error.code(); };
        auto gate = std::make_shared<QSemaphore>();
        const auto gated = [gate](const QString &value) {
            return QtConcurrent::run([gate, value] {
                gate->acquire();
                return value;
            });
        };

        QFuture<QString> replaced = gated(QStringLiteral("replaced"));
        tracker.follow(replaced, onValue, onError);
        QVERIFY(tracker.isBusy());
        tracker.follow(QtConcurrent::run([] { return QStringLiteral("newer"); }), onValue, onError);
        QTRY_COMPARE(answers, QStringList { QStringLiteral("newer") });
        QVERIFY(!tracker.isBusy());
        gate->release();
        await(replaced);
        QTest::qWait(50);
        QCOMPARE(answers, QStringList { QStringLiteral("newer") });

        QFuture<QString> cancelled = gated(QStringLiteral("cancelled"));
        tracker.follow(cancelled, onValue, onError);
        tracker.cancel();
        QVERIFY(!tracker.isBusy());
        gate->release();
        await(cancelled);
        QTest::qWait(50);
        QCOMPARE(answers, QStringList { QStringLiteral("newer") });

        tracker.follow(QtConcurrent::run([]() -> QString {
            throw Error(ErrorKind::Storage, QStringLiteral("SOME_FAILURE"), QStringLiteral("It failed; retry."));
        }),
            onValue, onError);
        QTRY_COMPARE(answers.size(), 2);
        QCOMPARE(answers.last(), QStringLiteral("SOME_FAILURE"));
        QCOMPARE(busy.size(), 6); // on and off for each of the three rounds
    }
};

QTEST_MAIN(TestRequestTracker)
#include "tst_requesttracker.moc"
