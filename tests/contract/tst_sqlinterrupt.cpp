// Stopping a running statement from another thread (SqlDatabase::interruptAll, what a closing
// console session does): built once per SQL backend (DPM_CONTRACT_BACKEND_SQLITE / _POSTGRES).
#include "backendstore.h"
#include "domain/error.h"
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

#if defined(DPM_CONTRACT_BACKEND_POSTGRES)
constexpr bool kPostgres = true;
#else
constexpr bool kPostgres = false;
#endif

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

#if defined(DPM_CONTRACT_BACKEND_POSTGRES)
    // Only PostgreSQL has a server-side statement_timeout, COPY and pg_terminate_backend: these
    // exist in the PostgreSQL build alone rather than being skipped in the SQLite one.
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
#endif
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

QTEST_GUILESS_MAIN(TestSqlInterrupt)
#include "tst_sqlinterrupt.moc"
