// The SQLite hot reads on the sqlite3 C API (store/sqlitefastreads.h): what the contract suite
// does not reach through the store's answers (nested use of one statement, statements let go
// half-read, NULL against empty text, the errors and the cancel).
#include "domain/error.h"
#include "errorassertions.h"
#include "store/sqldatabase.h"
#include "store/sqlitefastreads.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <future>

using namespace dpm;

class TestSqliteFastReads : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SqlDatabase> m_db;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<SqlDatabase>(
            StoreLocation::sqlite(m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".db")));
        m_db->execDirect(QStringLiteral("CREATE TABLE t (x TEXT)"));
        m_db->execDirect(QStringLiteral("INSERT INTO t VALUES ('1'), ('2'), ('3')"));
    }
    void cleanup() { m_db.reset(); }

    void sameSqlNested_eachReadsItsOwnRows_andTheCacheServesTheNext()
    {
        const QString sql = QStringLiteral("SELECT x FROM t ORDER BY x");
        {
            SqliteRows outer(*m_db, sql, {});
            QVERIFY(outer.next());
            QCOMPARE(outer.text(0), QStringLiteral("1"));
            {
                SqliteRows inner(*m_db, sql, {});
                QStringList seen;
                while (inner.next())
                    seen << inner.text(0);
                QCOMPARE(seen, QStringList({ "1", "2", "3" }));
            }
            QVERIFY(outer.next());
            QCOMPARE(outer.text(0), QStringLiteral("2"));
        }
        SqliteRows again(*m_db, sql, {});
        QVERIFY(again.next());
        QCOMPARE(again.text(0), QStringLiteral("1"));
    }

    // A statement still stepping keeps a read open: DROP TABLE fails with "database table is
    // locked" while one is. Letting the rows go half-read must reset it.
    void rowsLetGoHalfRead_leaveNoStatementRunning()
    {
        {
            SqliteRows rows(*m_db, QStringLiteral("SELECT x FROM t ORDER BY x"), {});
            QVERIFY(rows.next());
        }
        m_db->execDirect(QStringLiteral("DROP TABLE t"));
        EXPECT_ERROR(SqliteRows(*m_db, QStringLiteral("SELECT x FROM t ORDER BY x"), {}).next(), "DPM_SCHEMA_MISMATCH");
    }

    void nullEmptyAndBytes_readAsQtSqlReadsThem()
    {
        SqliteRows rows(*m_db, QStringLiteral("SELECT NULL, '', ?, CAST(? AS BLOB), ?, ?"),
            { QStringLiteral("päivä"), QStringLiteral("{\"a\":1}"), 51, QVariant(QMetaType::fromType<QString>()) });
        QVERIFY(rows.next());
        QVERIFY(rows.isNull(0));
        QVERIFY(rows.text(0).isNull());
        QCOMPARE(rows.optionalText(0), std::nullopt);
        QVERIFY(!rows.isNull(1));
        QVERIFY(!rows.text(1).isNull());
        QVERIFY(rows.text(1).isEmpty());
        QCOMPARE(rows.optionalText(1), std::optional<QString>(QString()));
        QCOMPARE(rows.text(2), QStringLiteral("päivä"));
        QCOMPARE(rows.text(3), QStringLiteral("{\"a\":1}"));
        QCOMPARE(rows.text(4), QStringLiteral("51"));
        QVERIFY(rows.isNull(5));
        QVERIFY(!rows.next());
    }

    void missingTable_isSchemaMismatch()
    {
        EXPECT_ERROR(SqliteRows(*m_db, QStringLiteral("SELECT x FROM nowhere"), {}), "DPM_SCHEMA_MISMATCH");
    }

    void requestCancelledBeforeTheRead_failsAtOnce_andTheNextRequestReads()
    {
        const StatementInterrupter interrupter = m_db->interrupterForThisThread();
        interrupter.interrupt();
        EXPECT_ERROR(SqliteRows(*m_db, QStringLiteral("SELECT x FROM t"), {}), "STORE_QUERY_CANCELLED");
        interrupter.release();
        SqliteRows rows(*m_db, QStringLiteral("SELECT COUNT(*) FROM t"), {});
        QVERIFY(rows.next());
        QCOMPARE(rows.text(0), QStringLiteral("3"));
    }

    void interruptAll_stopsARunningRead()
    {
        std::future<QString> worker = std::async(std::launch::async, [this] {
            try {
                SqliteRows rows(*m_db,
                    QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                                   "WHERE x < 100000000000) SELECT COUNT(*) FROM c"),
                    {});
                rows.next();
                return QStringLiteral("(finished)");
            } catch (const Error &error) {
                return error.code();
            }
        });
        QElapsedTimer elapsed;
        elapsed.start();
        while (
            worker.wait_for(std::chrono::milliseconds(200)) != std::future_status::ready && elapsed.elapsed() < 30000)
            m_db->interruptAll();
        QVERIFY2(worker.wait_for(std::chrono::seconds(0)) == std::future_status::ready, "the read was not stopped");
        QCOMPARE(worker.get(), QStringLiteral("STORE_QUERY_CANCELLED"));
    }
};

QTEST_GUILESS_MAIN(TestSqliteFastReads)
#include "tst_sqlitefastreads.moc"
