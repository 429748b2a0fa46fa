// The PostgreSQL server killed (SIGKILL to the postmaster and its backends) while dpmctl migrates,
// purges, backfills and loads demo data, then started again on the same data directory and port.
// The kill point is not a guess in time: the test holds a table lock in a transaction of its own
// that the command, inside its transaction (or between two committed batches), needs next, and
// kills the server once the command waits for it. Then: the documented lost-connection error
// (exit 7, STORE_CONNECTION_LOST), nothing half done, and the same command finishes the job.

#include "clisupport.h"
#include "demotestsupport.h"
#include "domain/timestamp.h"
#include "migrate/migrator.h"
#include "pgserver.h"
#include "services/storeopening.h"
#include "store/sqldatabase.h"
#include "store/supportstore.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace dpm;
using namespace dpm::test;

namespace {

constexpr int kStepTimeoutMs = 60000;

// The error object dpmctl --json printed last on stderr (log lines may come before it).
QJsonObject errorOf(const CliResult &result)
{
    const QList<QByteArray> lines = result.err.split('\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QJsonObject error
            = QJsonDocument::fromJson(it->trimmed()).object().value(QStringLiteral("error")).toObject();
        if (!error.isEmpty())
            return error;
    }
    return {};
}

// A transaction of the test's own holding a lock on one table, so that a command that needs a
// conflicting lock waits for it exactly there. The table names are the test's constants.
class TableLock
{
public:
    TableLock(const QString &database, const QString &table, const QString &mode)
        : m_name(QStringLiteral("faults-lock-") + QUuid::createUuid().toString(QUuid::Id128))
        , m_table(table)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(PgServer::instance().port());
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(database);
        if (!db.open()) {
            m_error = db.lastError().text();
            return;
        }
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("BEGIN")) || !q.exec(QStringLiteral("LOCK TABLE %1 IN %2 MODE").arg(table, mode)))
            m_error = q.lastError().text();
    }
    ~TableLock()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    TableLock(const TableLock &) = delete;
    TableLock &operator=(const TableLock &) = delete;

    QString error() const { return m_error; }

    // Whether another session waits for a lock on the table now.
    bool someoneWaits() const
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        q.prepare(QStringLiteral("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = to_regclass(?)"));
        q.addBindValue(m_table);
        return q.exec() && q.next() && q.value(0).toInt() > 0;
    }

private:
    QString m_name;
    QString m_table;
    QString m_error;
};

qint64 countRows(SqlDatabase &db, const QString &table)
{
    SqlRows q = db.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
    return q.next() ? q.value(0).toLongLong() : -1;
}

// dpmctl running as a child process.
class Dpmctl
{
public:
    Dpmctl(const QStringList &arguments, const QProcessEnvironment &environment)
    {
        m_process.setProcessEnvironment(environment);
        m_process.start(QStringLiteral(DPMCTL_PATH), arguments + QStringList { QStringLiteral("--json") });
        m_process.closeWriteChannel();
    }
    ~Dpmctl()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Waits until `lock` has a waiter (true) or the command ended first (false), within the step
    // timeout. The wait is for the child's exit, never a fixed pause.
    bool waitsFor(const TableLock &lock)
    {
        const QDeadlineTimer deadline(kStepTimeoutMs);
        while (!deadline.hasExpired()) {
            if (lock.someoneWaits())
                return true;
            if (m_process.state() == QProcess::NotRunning || m_process.waitForFinished(25))
                return false;
        }
        return false;
    }

    // Waits until runs of the command are committed in `location` (true) or the command ended
    // first (false), within the step timeout.
    bool waitsForRuns(const StoreLocation &location)
    {
        SqlDatabase db(location);
        const QDeadlineTimer deadline(kStepTimeoutMs);
        while (!deadline.hasExpired()) {
            if (countRows(db, QStringLiteral("dpm_runs")) > 0)
                return true;
            if (m_process.state() == QProcess::NotRunning || m_process.waitForFinished(25))
                return false;
        }
        return false;
    }

    CliResult finish()
    {
        CliResult result;
        if (!m_process.waitForFinished(kStepTimeoutMs)) {
            m_process.kill();
            m_process.waitForFinished(5000);
            result.err = "dpmctl did not finish within the step timeout";
            return result;
        }
        result.out = m_process.readAllStandardOutput();
        result.err = m_process.readAllStandardError();
        result.exitCode = m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -2;
        return result;
    }

private:
    QProcess m_process;
};

const QStringList kPurgedTables { QStringLiteral("dpm_runs"), QStringLiteral("dpm_run_artifacts"),
    QStringLiteral("dpm_run_idempotency"), QStringLiteral("dpm_run_idempotency_history"),
    QStringLiteral("dpm_workflow_decisions"), QStringLiteral("dpm_lineage_edges") };

QMap<QString, qint64> counts(const StoreLocation &location)
{
    SqlDatabase db(location);
    QMap<QString, qint64> out;
    for (const QString &table : kPurgedTables)
        out.insert(table, countRows(db, table));
    return out;
}

QStringList ledger(const StoreLocation &location)
{
    SqlDatabase db(location);
    QStringList versions;
    SqlRows q = db.exec(QStringLiteral("SELECT version FROM schema_migrations ORDER BY version"));
    while (q.next())
        versions << q.value(0).toString();
    return versions;
}

} // namespace

// The documented answer to a lost server: exit 7 with STORE_CONNECTION_LOST (not the failure of
// a reconnect attempted afterwards, nor a query or migration error). Checked last in each test,
// after what the data must look like.
#define VERIFY_LOST_CONNECTION(result)                                                                                 \
    do {                                                                                                               \
        QVERIFY2((result).exitCode == 7, qPrintable((result).describe()));                                             \
        QVERIFY2(errorOf(result).value(QStringLiteral("code")).toString() == QLatin1String("STORE_CONNECTION_LOST"),   \
            qPrintable((result).describe()));                                                                          \
    } while (false)

class TestPostgresKill : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_sandbox;

    QProcessEnvironment environment() const { return sandboxEnvironment(m_sandbox->path()); }
    static QString urlOf(const StoreLocation &location)
    {
        return PgServer::instance().url(location.libpqParameter(QStringLiteral("dbname")));
    }
    CliResult run(const QStringList &arguments) const { return Dpmctl(arguments, environment()).finish(); }

    // Kills the server while `command` waits for `lock`, lets the command end, starts the server
    // again; the command's result. A failure to kill or restart is m_serverError.
    CliResult killServerDuring(Dpmctl &command)
    {
        if (!PgServer::instance().kill())
            m_serverError = PgServer::instance().errorString();
        const CliResult result = command.finish();
        if (!PgServer::instance().restart())
            m_serverError = PgServer::instance().errorString();
        return result;
    }
    QString m_serverError;

private Q_SLOTS:
    void initTestCase() { DPM_REQUIRE_POSTGRES(); }

    void init()
    {
        m_sandbox = std::make_unique<QTemporaryDir>();
        QVERIFY(m_sandbox->isValid());
        // A failed test must not leave the next one without a server.
        QVERIFY2(PgServer::instance().restart(), qPrintable(PgServer::instance().errorString()));
        m_serverError.clear();
    }

    // Killed inside console:0001 (its CREATE INDEX on dpm_runs waits for the test's lock): the
    // migrations before it stay applied, console:0001 leaves neither a ledger row nor an index,
    // and a second apply finishes the job.
    void migrateApply_killedInsideAMigration_ledgerAndTablesAgree_secondApplyFinishes()
    {
        const StoreLocation location = PgServer::instance().createDatabase(QStringLiteral("kill_migrate"));
        {
            SqlDatabase db(location);
            Migrator(db).apply({ QStringLiteral("dpm") });
        }
        const QString store = urlOf(location);
        TableLock lock(location.libpqParameter(QStringLiteral("dbname")), QStringLiteral("dpm_runs"),
            QStringLiteral("ROW EXCLUSIVE"));
        QVERIFY2(lock.error().isEmpty(), qPrintable(lock.error()));

        Dpmctl apply(
            { QStringLiteral("--store"), store, QStringLiteral("migrate"), QStringLiteral("apply") }, environment());
        if (!apply.waitsFor(lock))
            QFAIL(qPrintable(apply.finish().describe()));
        const CliResult failed = killServerDuring(apply);
        QVERIFY2(m_serverError.isEmpty(), qPrintable(m_serverError));

        QCOMPARE(ledger(location),
            QStringList({ QStringLiteral("dpm:0001"), QStringLiteral("dpm:0002"), QStringLiteral("proposals:0001"),
                QStringLiteral("proposals:0002") }));
        {
            SqlDatabase db(location);
            QVERIFY(db.tableExists(QStringLiteral("proposal_simulation_idempotency")));
            QVERIFY(!db.tableExists(QStringLiteral("ix_console_runs_created"))); // rolled back with console:0001
            QVERIFY(!db.tableExists(QStringLiteral("console_audit_log")));
            // The ledger and the tables agree: only pending console migrations, no drift.
            QStringList codes;
            for (const MigrationFinding &finding : Migrator(db).validate(Migrator::namespaces()).findings)
                codes << finding.code;
            QCOMPARE(codes,
                QStringList({ QStringLiteral("MIGRATION_PENDING:console:0001"),
                    QStringLiteral("MIGRATION_PENDING:console:0002"), QStringLiteral("MIGRATION_PENDING:console:0003"),
                    QStringLiteral("MIGRATION_PENDING:console:0004"), QStringLiteral("MIGRATION_PENDING:console:0005"),
                    QStringLiteral("MIGRATION_PENDING:console:0006"), QStringLiteral("MIGRATION_PENDING:console:0007"),
                    QStringLiteral("MIGRATION_PENDING:console:0008"),
                    QStringLiteral("MIGRATION_PENDING:console:0009"),
                    QStringLiteral("MIGRATION_PENDING:console:0010") }));
        }

        const CliResult again
            = run({ QStringLiteral("--store"), store, QStringLiteral("migrate"), QStringLiteral("apply") });
        CLI_OK(again);
        QCOMPARE(again.json().value(QStringLiteral("applied")).toArray().size(), 10); // console:0001 … 0010
        CLI_OK(run({ QStringLiteral("--store"), store, QStringLiteral("migrate"), QStringLiteral("validate"),
            QStringLiteral("--strict") }));
        VERIFY_LOST_CONNECTION(failed);
    }

    // Killed after the purge deleted the expired runs' children, while its DELETE of dpm_runs
    // waits for the test's lock: every count is as before; the purge run again deletes what its
    // dry run said.
    void purge_killedMidPurge_deletesAllOrNothing()
    {
        const StoreLocation location = PgServer::instance().createDatabase(QStringLiteral("kill_purge"));
        {
            auto store = openStore(location, { .applyMigrations = true });
            DemoOptions options = smallDemo(150, 5);
            options.anchor = nowTimestamp(); // runs over the last 90 days: a 30-day retention purges some
            generateDemoData(*store, options);
        }
        const QString store = urlOf(location);
        const QStringList purge { QStringLiteral("--store"), store, QStringLiteral("purge"), QStringLiteral("runs"),
            QStringLiteral("--retention-days"), QStringLiteral("30") };
        const CliResult dryRun = run(purge + QStringList { QStringLiteral("--dry-run") });
        CLI_OK(dryRun);
        const QMap<QString, qint64> before = counts(location);
        QMap<QString, qint64> after = before;
        const QJsonObject deleted = dryRun.json().value(QStringLiteral("deleted")).toObject();
        for (const QString &table : kPurgedTables)
            after[table] -= deleted.value(table).toInteger();
        QVERIFY2(after.value(QStringLiteral("dpm_runs")) < before.value(QStringLiteral("dpm_runs"))
                && after.value(QStringLiteral("dpm_runs")) > 0,
            qPrintable(dryRun.describe())); // some runs expire, some stay

        CliResult failed;
        {
            TableLock lock(
                location.libpqParameter(QStringLiteral("dbname")), QStringLiteral("dpm_runs"), QStringLiteral("SHARE"));
            QVERIFY2(lock.error().isEmpty(), qPrintable(lock.error()));
            Dpmctl running(purge, environment());
            if (!running.waitsFor(lock))
                QFAIL(qPrintable(running.finish().describe()));
            failed = killServerDuring(running);
            QVERIFY2(m_serverError.isEmpty(), qPrintable(m_serverError));
        }
        QCOMPARE(counts(location), before);

        CLI_OK(run(purge));
        QCOMPARE(counts(location), after);
        VERIFY_LOST_CONNECTION(failed);
    }

    // Killed while the backfill waits to copy the lineage edges (the runs and the tables before
    // them are committed, batch by batch): --resume continues and verify finds parity.
    void transferBackfill_killedBetweenBatches_resumesToParity()
    {
        const QString source = m_sandbox->filePath(QStringLiteral("source.db"));
        {
            auto store = openStore(StoreLocation::sqlite(source), { .applyMigrations = true });
            generateDemoData(*store, smallDemo(200, 9));
        }
        const StoreLocation target = PgServer::instance().createDatabase(QStringLiteral("kill_transfer"));
        {
            SqlDatabase db(target);
            Migrator(db).apply(Migrator::namespaces());
        }
        const QStringList backfill { QStringLiteral("--store"), QStringLiteral("sqlite:") + source,
            QStringLiteral("transfer"), QStringLiteral("backfill"), QStringLiteral("--to"), urlOf(target),
            QStringLiteral("--batch-rows"), QStringLiteral("50") };
        CliResult failed;
        {
            TableLock lock(target.libpqParameter(QStringLiteral("dbname")), QStringLiteral("dpm_lineage_edges"),
                QStringLiteral("SHARE"));
            QVERIFY2(lock.error().isEmpty(), qPrintable(lock.error()));
            Dpmctl running(backfill, environment());
            if (!running.waitsFor(lock))
                QFAIL(qPrintable(running.finish().describe()));
            failed = killServerDuring(running);
            QVERIFY2(m_serverError.isEmpty(), qPrintable(m_serverError));
        }
        {
            SqlDatabase db(target);
            QCOMPARE(countRows(db, QStringLiteral("dpm_runs")), qint64(200)); // committed before the kill
            QCOMPARE(countRows(db, QStringLiteral("dpm_lineage_edges")), qint64(0));
        }
        const QStringList verify { QStringLiteral("--store"), QStringLiteral("sqlite:") + source,
            QStringLiteral("transfer"), QStringLiteral("verify"), QStringLiteral("--to"), urlOf(target) };
        const CliResult partial = run(verify);
        QVERIFY2(partial.exitCode == 4, qPrintable(partial.describe()));

        const CliResult resumed = run(backfill + QStringList { QStringLiteral("--resume") });
        CLI_OK(resumed);
        QCOMPARE(resumed.json().value(QStringLiteral("resumed")).toBool(), true);
        CLI_OK(run(verify));
        VERIFY_LOST_CONNECTION(failed);
    }

    // Killed between two transactions of a demo load (scale S commits 4,096 runs at a time): once
    // the first transaction's runs are visible, the test's lock on dpm_runs makes the load wait at
    // the next one. The committed runs stay, a plain re-run is refused, --resume completes, and the
    // store then holds what an uninterrupted load of the same options puts into a fresh database.
    void demoGenerate_killedBetweenTransactions_resumeEqualsAnUninterruptedLoad()
    {
        const StoreLocation location = PgServer::instance().createDatabase(QStringLiteral("kill_demo"));
        const StoreLocation reference = PgServer::instance().createDatabase(QStringLiteral("kill_demo_reference"));
        for (const StoreLocation &each : { location, reference }) {
            SqlDatabase db(each);
            Migrator(db).apply(Migrator::namespaces());
        }
        const QStringList generate { QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--scale"),
            QStringLiteral("S"), QStringLiteral("--seed"), QStringLiteral("13") };
        const QStringList onStore = QStringList { QStringLiteral("--store"), urlOf(location) } + generate;

        CliResult failed;
        qint64 committedRuns = 0;
        {
            Dpmctl running(onStore, environment());
            if (!running.waitsForRuns(location))
                QFAIL(qPrintable(running.finish().describe()));
            // Granted once the load's open transaction (if it wrote runs already) commits.
            TableLock lock(
                location.libpqParameter(QStringLiteral("dbname")), QStringLiteral("dpm_runs"), QStringLiteral("SHARE"));
            QVERIFY2(lock.error().isEmpty(), qPrintable(lock.error()));
            if (!running.waitsFor(lock))
                QFAIL(qPrintable(running.finish().describe()));
            failed = killServerDuring(running);
            QVERIFY2(m_serverError.isEmpty(), qPrintable(m_serverError));
        }
        {
            SqlDatabase db(location);
            committedRuns = countRows(db, QStringLiteral("dpm_runs"));
        }
        // Whole transactions only, and not all of them.
        QVERIFY2(committedRuns > 0 && committedRuns % 4096 == 0 && committedRuns < 10000,
            qPrintable(QString::number(committedRuns)));

        const QMap<QString, qint64> interrupted = counts(location);
        const CliResult refused = run(onStore);
        QVERIFY2(refused.exitCode == 4, qPrintable(refused.describe()));
        QCOMPARE(errorOf(refused).value(QStringLiteral("code")).toString(), QStringLiteral("DEMO_STORE_NOT_EMPTY"));
        QCOMPARE(counts(location), interrupted);

        // The uninterrupted load into a fresh database runs alongside the resumed one (they share
        // nothing), which keeps the test's time near one load's.
        Dpmctl referenceLoad(QStringList { QStringLiteral("--store"), urlOf(reference) } + generate, environment());
        const CliResult resumed = run(onStore + QStringList { QStringLiteral("--resume") });
        const CliResult uninterrupted = referenceLoad.finish();
        CLI_OK(resumed);
        QCOMPARE(resumed.json().value(QStringLiteral("resumed")).toBool(), true);
        QVERIFY(resumed.json().value(QStringLiteral("kept_rows")).toInteger() > 0);
        CLI_OK(uninterrupted);
        const QStringList tables = uninterrupted.json().value(QStringLiteral("rows")).toObject().keys();
        QVERIFY2(tables.contains(QStringLiteral("dpm_outbox")), qPrintable(uninterrupted.describe()));
        {
            SqlDatabase resumedDb(location);
            SqlDatabase referenceDb(reference);
            for (const QString &table : tables) {
                const qint64 resumedRows = countRows(resumedDb, table);
                const qint64 referenceRows = countRows(referenceDb, table);
                QVERIFY2(resumedRows == referenceRows,
                    qPrintable(QStringLiteral("%1: %2 rows resumed, %3 uninterrupted")
                                   .arg(table)
                                   .arg(resumedRows)
                                   .arg(referenceRows)));
            }
            // The same runs, not only as many: their ids and request hashes.
            const QString runIds = QStringLiteral("SELECT md5(string_agg(rebalance_run_id || ':' || request_hash, ',' "
                                                  "ORDER BY rebalance_run_id)) FROM dpm_runs");
            SqlRows resumedIds = resumedDb.exec(runIds);
            SqlRows referenceIds = referenceDb.exec(runIds);
            QVERIFY(resumedIds.next() && referenceIds.next());
            QCOMPARE(resumedIds.value(0).toString(), referenceIds.value(0).toString());
        }
        VERIFY_LOST_CONNECTION(failed);
    }
};

QTEST_GUILESS_MAIN(TestPostgresKill)
#include "tst_postgreskill.moc"
