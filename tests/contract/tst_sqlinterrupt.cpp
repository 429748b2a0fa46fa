// Stopping a running statement from another thread (SqlDatabase::interruptAll, what a closing
// console session does), and the connections a SqlDatabase holds (the POSTGRES_POOL_* variables,
// open/active/idle/waiting): run once per SQL backend (DPM_TEST_BACKEND=sqlite / postgres).
#include "backendstore.h"
#include "domain/error.h"
#include "errorassertions.h"
#include "services/storestatus.h"
#include "store/connectionpool.h"
#include "store/sqlbulkloader.h"
#include "store/sqldatabase.h"
#include "store/sqltransaction.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <future>

using namespace dpm;

namespace {

const bool kPostgres = test::backendIsPostgres();

// Runs for a minute or more unless stopped.
QString longStatement()
{
    if (kPostgres)
        return QStringLiteral("SELECT pg_sleep(60)");
    return QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000000) "
                          "SELECT COUNT(*) FROM c");
}

} // namespace

class TestSqlInterrupt : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    StoreLocation freshLocation(const QString &hint) { return *test::freshBackendLocation(m_dir, hint); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (kPostgres)
            DPM_REQUIRE_POSTGRES();
    }

    void interruptAll_stopsTheRunningStatement_andItsConnectionServesTheNext()
    {
        SqlDatabase db(freshLocation(QStringLiteral("interrupt")));
        QElapsedTimer elapsed;
        elapsed.start();
        // The statement runs on a thread of its own, with that thread's connection.
        std::future<QStringList> worker = std::async(std::launch::async, [&db] {
            QStringList outcome;
            try {
                SqlRows rows = db.exec(longStatement());
                outcome << QStringLiteral("(finished)");
            } catch (const Error &error) {
                outcome << error.code() << error.message();
            }
            SqlRows next = db.exec(QStringLiteral("SELECT 41 + 1"));
            outcome << (next.next() ? next.value(0).toString() : QStringLiteral("(no row)"));
            return outcome;
        });
        // Until it stops: the first interrupt may come before the statement started.
        while (
            worker.wait_for(std::chrono::milliseconds(200)) != std::future_status::ready && elapsed.elapsed() < 30000)
            db.interruptAll();
        QVERIFY2(
            worker.wait_for(std::chrono::seconds(0)) == std::future_status::ready, "the statement was not stopped");
        const QStringList outcome = worker.get();
        QCOMPARE(outcome.value(0), QStringLiteral("STORE_QUERY_CANCELLED"));
        QVERIFY2(outcome.value(1).contains(QLatin1String("stopped")), qPrintable(outcome.value(1)));
        QCOMPARE(outcome.value(2), QStringLiteral("42"));
        QVERIFY2(elapsed.elapsed() < 30000, qPrintable(QString::number(elapsed.elapsed())));
    }

    // Only PostgreSQL has a server-side statement_timeout, COPY and pg_terminate_backend: these
    // run on the PostgreSQL backend alone (DPM_BACKEND_TEST_GUILESS_MAIN), never skipped on SQLite.
    void serverStatementTimeout_isItsOwnError_notACancel()
    {
        SqlDatabase db(freshLocation(QStringLiteral("timeout")));
        db.execDirect(QStringLiteral("SET statement_timeout = '100ms'"));
        try {
            SqlRows rows = db.exec(longStatement());
            QFAIL("the statement was not stopped by the server");
        } catch (const Error &error) {
            // Before: STORE_QUERY_CANCELLED, "nobody waits for its result any more".
            QCOMPARE(error.code(), QStringLiteral("STORE_STATEMENT_TIMEOUT"));
            QVERIFY2(error.message().contains(QLatin1String("statement_timeout")), qPrintable(error.message()));
            QCOMPARE(error.kind(), ErrorKind::Storage);
        }
        db.execDirect(QStringLiteral("SET statement_timeout = 0"));
        SqlRows next = db.exec(QStringLiteral("SELECT 41 + 1"));
        QVERIFY(next.next());
        QCOMPARE(next.value(0).toInt(), 42);
    }

    void bulkLoad_serverEndsTheSession_isConnectionLost()
    {
        const StoreLocation location = freshLocation(QStringLiteral("copyloss"));
        openStore(location, OpenOptions { .applyMigrations = true }).reset();
        SqlDatabase db(location);
        SqlBulkLoader loader(db);
        loader.begin();
        SqlRows pid = db.exec(QStringLiteral("SELECT pg_backend_pid()"));
        QVERIFY(pid.next());
        test::PgServer::instance().execAsSuperuser(location.libpqParameter(QStringLiteral("dbname")),
            QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid.value(0).toInt()));
        BulkRows rows;
        rows.add(BulkTable::Runs, { "rr_1", "corr_1", "h", QByteArray(), "pf", "2026-02-20T10:00:00+00:00", "{}" });
        try {
            loader.write(rows);
            QFAIL("the COPY went through on a terminated session");
        } catch (const Error &error) {
            // Before: judged on a fresh connection, so a server that was back said
            // STORE_QUERY_FAILED (dpmctl exit 9) and one that was not said CONNECTION_FAILED.
            QCOMPARE(error.code(), QStringLiteral("STORE_CONNECTION_LOST"));
            QCOMPARE(error.kind(), ErrorKind::Connection);
        }
    }
    // A request cancelled between two statements: PQcancel / sqlite3_interrupt find nothing
    // running and are lost, so the cancel is remembered and the next statement of any kind
    // (prepared, transaction control, COPY) fails at once; ROLLBACK still runs, and after
    // release() the connection serves the next request.
    void requestCancelledBetweenStatements_nextStatementFailsAtOnce()
    {
        SqlDatabase db(freshLocation(QStringLiteral("pending")));
        {
            SqlRows before = db.exec(QStringLiteral("SELECT 1")); // the connection is open and idle
            QVERIFY(before.next());
        }
        const StatementInterrupter interrupter = db.interrupterForThisThread();
        interrupter.interrupt();
        QElapsedTimer elapsed;
        elapsed.start();
        try {
            SqlRows rows = db.exec(longStatement());
            QFAIL("the statement ran after its request was cancelled");
        } catch (const Error &error) {
            QCOMPARE(error.code(), QStringLiteral("STORE_QUERY_CANCELLED"));
        }
        QVERIFY2(elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
        try {
            db.execDirect(QStringLiteral("BEGIN"));
            QFAIL("BEGIN ran after its request was cancelled");
        } catch (const Error &error) {
            QCOMPARE(error.code(), QStringLiteral("STORE_QUERY_CANCELLED"));
        }
        interrupter.release();
        SqlRows next = db.exec(QStringLiteral("SELECT 41 + 1"));
        QVERIFY(next.next());
        QCOMPARE(next.value(0).toInt(), 42);
    }

    // Cancelled after its last write, before COMMIT: the transaction rolls back.
    void requestCancelledBeforeCommit_commitFails_andNothingIsWritten()
    {
        SqlDatabase db(freshLocation(QStringLiteral("commit")));
        db.execDirect(QStringLiteral("CREATE TABLE cancel_probe (x INTEGER)"));
        const StatementInterrupter interrupter = db.interrupterForThisThread();
        try {
            SqlTransaction transaction(db);
            db.exec(QStringLiteral("INSERT INTO cancel_probe (x) VALUES (1)"));
            interrupter.interrupt();
            transaction.commit();
            QFAIL("COMMIT ran after its request was cancelled");
        } catch (const Error &error) {
            QCOMPARE(error.code(), QStringLiteral("STORE_QUERY_CANCELLED"));
        } // ~SqlTransaction: ROLLBACK, which a cancel never stops
        interrupter.release();
        SqlRows count = db.exec(QStringLiteral("SELECT COUNT(*) FROM cancel_probe"));
        QVERIFY(count.next());
        QCOMPARE(count.value(0).toInt(), 0);
    }

    // The bulk path (COPY on PostgreSQL) checks the cancel too.
    void bulkLoad_requestCancelledBetweenBatches_nextBatchFailsAtOnce()
    {
        const StoreLocation location = freshLocation(QStringLiteral("copycancel"));
        openStore(location, OpenOptions { .applyMigrations = true }).reset();
        SqlDatabase db(location);
        const StatementInterrupter interrupter = db.interrupterForThisThread();
        {
            SqlBulkLoader loader(db);
            loader.begin();
            interrupter.interrupt();
            BulkRows rows;
            rows.add(BulkTable::Runs, { "rr_1", "corr_1", "h", QByteArray(), "pf", "2026-02-20T10:00:00+00:00", "{}" });
            try {
                loader.write(rows);
                QFAIL("the batch was written after its request was cancelled");
            } catch (const Error &error) {
                QCOMPARE(error.code(), QStringLiteral("STORE_QUERY_CANCELLED"));
            }
            loader.rollback();
        }
        interrupter.release();
        SqlRows count = db.exec(QStringLiteral("SELECT COUNT(*) FROM dpm_runs"));
        QVERIFY(count.next());
        QCOMPARE(count.value(0).toInt(), 0);
    }

    void poolVariables_parsedWithDefaults_invalidRefusedWithReasonCode()
    {
        const PostgresPoolSettings defaults = PostgresPoolSettings::fromEnvironment(QProcessEnvironment());
        QCOMPARE(defaults.size, 20);
        QCOMPARE(defaults.maxOverflow, 10);
        QCOMPARE(defaults.timeoutSeconds, 30);
        QCOMPARE(defaults.recycleSeconds, 3600);
        QProcessEnvironment env;
        env.insert(QStringLiteral("POSTGRES_POOL_SIZE"), QStringLiteral("5"));
        env.insert(QStringLiteral("POSTGRES_MAX_OVERFLOW"), QStringLiteral("0"));
        env.insert(QStringLiteral("POSTGRES_POOL_TIMEOUT"), QStringLiteral("2s"));
        env.insert(QStringLiteral("POSTGRES_POOL_RECYCLE"), QStringLiteral("-1"));
        const PostgresPoolSettings set = PostgresPoolSettings::fromEnvironment(env);
        QCOMPARE(set.size, 5);
        QCOMPARE(set.maxOverflow, 0);
        QCOMPARE(set.timeoutSeconds, 2);
        QCOMPARE(set.recycleSeconds, 0); // never
        for (const auto &[name, value] : { std::pair { "POSTGRES_POOL_SIZE", "0" }, std::pair { "POSTGRES_POOL_SIZE", "many" },
                 std::pair { "POSTGRES_MAX_OVERFLOW", "-1" }, std::pair { "POSTGRES_POOL_TIMEOUT", "0" },
                 std::pair { "POSTGRES_POOL_RECYCLE", "1h" } }) {
            QProcessEnvironment bad;
            bad.insert(QLatin1String(name), QLatin1String(value));
            try {
                PostgresPoolSettings::fromEnvironment(bad);
                QFAIL(qPrintable(QStringLiteral("%1=%2 was accepted").arg(QLatin1String(name), QLatin1String(value))));
            } catch (const Error &error) {
                QCOMPARE(error.code(), QStringLiteral("POSTGRES_POOL_CONFIG_INVALID"));
                QVERIFY2(error.message().contains(QLatin1String(name)), qPrintable(error.message()));
            }
        }
        // Read where the store opens connections: a PostgreSQL store refuses to open with a bad value.
        if (kPostgres) {
            qputenv("POSTGRES_POOL_SIZE", "zero");
            EXPECT_ERROR(SqlDatabase(freshLocation(QStringLiteral("badpool"))), "POSTGRES_POOL_CONFIG_INVALID");
            qunsetenv("POSTGRES_POOL_SIZE");
        }
    }

    void pool_countsOpenActiveIdle_capsConnections_andWaitsThenFails()
    {
        if (kPostgres) {
            qputenv("POSTGRES_POOL_SIZE", "1");
            qputenv("POSTGRES_MAX_OVERFLOW", "0");
            qputenv("POSTGRES_POOL_TIMEOUT", "1");
        }
        const auto unset = qScopeGuard([] {
            for (const char *name : { "POSTGRES_POOL_SIZE", "POSTGRES_MAX_OVERFLOW", "POSTGRES_POOL_TIMEOUT" })
                qunsetenv(name);
        });
        const StoreLocation location = freshLocation(QStringLiteral("pool"));
        SqlDatabase db(location);
        QCOMPARE(db.poolFigures().open, 0);
        {
            SqlRows one = db.exec(QStringLiteral("SELECT 1"));
            QVERIFY(one.next());
        }
        ConnectionPoolFigures figures = db.poolFigures();
        QCOMPARE(figures.size, kPostgres ? 1 : 0);
        QCOMPARE(figures.open, 1);
        QCOMPARE(figures.active, 0);
        QCOMPARE(figures.idle(), 1);
        {
            SqlTransaction transaction(db, SqlTransaction::Mode::Read);
            QCOMPARE(db.poolFigures().active, 1); // a transaction holds its connection
        }
        QCOMPARE(db.poolFigures().active, 0);

        // Another thread needs a second connection: on PostgreSQL beyond the pool it waits for
        // POSTGRES_POOL_TIMEOUT, then fails with a reason code; SQLite has no limit.
        std::future<QString> other = std::async(std::launch::async, [&db] {
            QString outcome;
            try {
                SqlRows rows = db.exec(QStringLiteral("SELECT 2"));
                outcome = rows.next() ? rows.value(0).toString() : QStringLiteral("(no row)");
            } catch (const Error &error) {
                outcome = error.code();
            }
            SqlDatabase::closeThisThreadsConnections();
            return outcome;
        });
        if (kPostgres)
            QTRY_COMPARE_WITH_TIMEOUT(db.poolFigures().waiting, 1, 5000);
        QCOMPARE(other.get(), kPostgres ? QStringLiteral("POSTGRES_POOL_EXHAUSTED") : QStringLiteral("2"));
        QCOMPARE(db.poolFigures().waiting, 0);
        QCOMPARE(db.poolFigures().open, 1);

        // Once this thread lets its connection go, the other thread gets one.
        SqlDatabase::closeThisThreadsConnections();
        QCOMPARE(db.poolFigures().open, 0);
        std::future<QString> after = std::async(std::launch::async, [&db] {
            QString value;
            {
                SqlRows rows = db.exec(QStringLiteral("SELECT 3"));
                value = rows.next() ? rows.value(0).toString() : QString();
            }
            SqlDatabase::closeThisThreadsConnections();
            return value;
        });
        QCOMPARE(after.get(), QStringLiteral("3"));
    }

    void storeStatus_reportsThePoolFromTheConnections()
    {
        if (!kPostgres)
            return; // the spec's pool figures are PostgreSQL's
        qputenv("POSTGRES_POOL_SIZE", "3");
        qputenv("POSTGRES_MAX_OVERFLOW", "2");
        const auto unset = qScopeGuard([] {
            qunsetenv("POSTGRES_POOL_SIZE");
            qunsetenv("POSTGRES_MAX_OVERFLOW");
        });
        guarded([&] {
            const std::unique_ptr<SupportStore> store = test::openFreshBackendStore(m_dir, QStringLiteral("poolstatus"));
            store->getRun(QStringLiteral("rr_none"));
            const QJsonObject pg = storeStatus(*store, StorePool { 7, 2 }).toJson().value(QStringLiteral("postgres")).toObject();
            QCOMPARE(pg.value(QStringLiteral("pool_size")).toInt(), 3);
            QCOMPARE(pg.value(QStringLiteral("pool_max_overflow")).toInt(), 2);
            QCOMPARE(pg.value(QStringLiteral("pool_open")).toInt(), 1);
            QCOMPARE(pg.value(QStringLiteral("pool_active")).toInt(), 0);
            QCOMPARE(pg.value(QStringLiteral("pool_idle")).toInt(), 1);
            QCOMPARE(pg.value(QStringLiteral("pool_waiting")).toInt(), 0);
        });
    }

    void poolRecycle_opensAnOldConnectionAfresh()
    {
        if (!kPostgres)
            return; // POSTGRES_POOL_RECYCLE is PostgreSQL's
        qputenv("POSTGRES_POOL_RECYCLE", "1");
        const auto unset = qScopeGuard([] { qunsetenv("POSTGRES_POOL_RECYCLE"); });
        SqlDatabase db(freshLocation(QStringLiteral("recycle")));
        const auto backendPid = [&db] {
            SqlRows rows = db.exec(QStringLiteral("SELECT pg_backend_pid()"));
            return rows.next() ? rows.value(0).toInt() : 0;
        };
        const int first = backendPid();
        QVERIFY(first > 0);
        QCOMPARE(backendPid(), first); // within the second: the same connection
        QTRY_VERIFY_WITH_TIMEOUT(backendPid() != first, 5000);
        QCOMPARE(db.poolFigures().open, 1);
    }

    void interruptAll_withNothingRunning_changesNothing()
    {
        SqlDatabase db(freshLocation(QStringLiteral("idle")));
        {
            // Read and let go: SQLite counts a statement whose rows are still held as running.
            SqlRows before = db.exec(QStringLiteral("SELECT 1"));
            QVERIFY(before.next());
        }
        db.interruptAll();
        SqlRows after = db.exec(QStringLiteral("SELECT 2"));
        QVERIFY(after.next());
        QCOMPARE(after.value(0).toInt(), 2);
    }
};

DPM_BACKEND_TEST_GUILESS_MAIN(TestSqlInterrupt,
    { "serverStatementTimeout_isItsOwnError_notACancel", test::TestBackend::Postgres },
    { "bulkLoad_serverEndsTheSession_isConnectionLost", test::TestBackend::Postgres })
#include "tst_sqlinterrupt.moc"
