// The seed spec's path from a trusted in-memory store to PostgreSQL (issue 17), on a real server:
// backfill, dual-write, reads switched 10 -> 50 -> 100 %, rollback to 0, with transfer verify
// after each step and nothing lost; PostgreSQL killed and restarted in the middle of the
// dual-write phase (the writes it missed are counted, reported by verify and put back by a
// backfill with --repair); the fail-fast checks of the configuration; the store status.

#include "demotestsupport.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "errorassertions.h"
#include "pgserver.h"
#include "services/dualwriteopening.h"
#include "services/storeopening.h"
#include "services/storestatus.h"
#include "services/transfer.h"
#include "store/dualwritestore.h"
#include "store/memorystore.h"
#include "store/runeventstore.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace dpm;
using namespace dpm::test;

namespace {

QString runId(const QString &step, int i)
{
    return QStringLiteral("rr_dw_%1_%2").arg(step).arg(i, 3, 10, QLatin1Char('0'));
}

RunRecord runRecord(const QString &step, int i)
{
    RebalanceRun run;
    run.rebalanceRunId = runId(step, i);
    run.correlationId = QStringLiteral("corr_dw_%1_%2").arg(step).arg(i);
    run.requestHash = QStringLiteral("sha256:dw_%1_%2").arg(step).arg(i);
    run.idempotencyKey = QStringLiteral("idem_dw_%1_%2").arg(step).arg(i);
    run.portfolioId = QStringLiteral("pf_dw");
    run.createdAt = nowTimestamp();
    run.resultJson = QStringLiteral("{\"rebalance_run_id\":\"%1\",\"status\":\"PENDING_REVIEW\"}").arg(run.rebalanceRunId);
    return { run, QStringLiteral("{\"artifact\":\"%1\"}").arg(run.rebalanceRunId) };
}

// What the service writes for `count` runs: the run (with artifact, mapping, history, edges), a
// decision, an event with two deliveries; then a relay claims and delivers some of the outbox.
void writeStep(SupportStore &store, const QString &step, int count)
{
    for (int i = 0; i < count; ++i) {
        const RunRecord record = runRecord(step, i);
        store.recordRun(record);
        store.appendWorkflowDecision({ QStringLiteral("dec_dw_%1_%2").arg(step).arg(i), record.run.rebalanceRunId,
            QStringLiteral("APPROVE"), QStringLiteral("OK"), std::nullopt, QStringLiteral("reviewer_1"), nowTimestamp(),
            QStringLiteral("corr_dec_%1_%2").arg(step).arg(i) });
        AppendEventRequest event;
        event.rebalanceRunId = record.run.rebalanceRunId;
        event.eventType = QStringLiteral("run.approved");
        event.idempotencyKey = QStringLiteral("evt-key-%1").arg(i);
        event.payloadJson = QStringLiteral("{\"i\":%1}").arg(i);
        event.topics = { QStringLiteral("rebalance.events"), QStringLiteral("audit") };
        store.runEvents().appendEvent(event);
    }
    const QString now = nowTimestamp();
    const QList<OutboxDelivery> claimed = store.runEvents().claimDue(
        count, now, QStringLiteral("relay-") + step, addSecondsToTimestamp(now, 60));
    for (int i = 0; i < claimed.size(); i += 2)
        store.runEvents().markDelivered(claimed.at(i).outboxId, now);
}

// Reads every run of the step back through the dual-write store: nothing lost, whichever store
// answered.
void readStep(SupportStore &store, const QString &step, int count, int rounds)
{
    for (int round = 0; round < rounds; ++round) {
        for (int i = 0; i < count; ++i) {
            const RunRecord expected = runRecord(step, i);
            const auto run = store.getRun(expected.run.rebalanceRunId);
            QVERIFY2(run, qPrintable(expected.run.rebalanceRunId));
            QCOMPARE(run->correlationId, expected.run.correlationId);
            QCOMPARE(store.listWorkflowDecisions(run->rebalanceRunId).size(), 1);
        }
    }
}

QString parityText(const ParityReport &report)
{
    QStringList lines;
    for (const ParityTableReport &table : report.tables) {
        if (!table.matches())
            lines << QStringLiteral("%1: %2 missing, %3 extra, %4 differing")
                         .arg(table.table)
                         .arg(table.missing)
                         .arg(table.extra)
                         .arg(table.differing);
    }
    return lines.join(QStringLiteral("; "));
}

qint64 missingRows(const ParityReport &report)
{
    qint64 missing = 0;
    for (const ParityTableReport &table : report.tables)
        missing += table.missing;
    return missing;
}

constexpr const char *kPassword = "dw-secret-pw";

// Every message logged while a test runs, to look for secrets in.
QStringList &loggedMessages()
{
    static QStringList messages;
    return messages;
}

void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    loggedMessages() << message;
}

} // namespace

class DualWriteTest : public QObject
{
    Q_OBJECT

private:
    // A fresh, migrated PostgreSQL database and its location.
    StoreLocation migratedPostgres(const QString &name)
    {
        const StoreLocation location = PgServer::instance().createDatabase(name);
        openStore(location, OpenOptions { .applyMigrations = true });
        return location;
    }

    // A demo-filled memory store backfilled into PostgreSQL, both behind a DualWriteStore.
    std::unique_ptr<DualWriteStore> backfilledDualStore(const QString &name, int percent)
    {
        auto primary = std::make_unique<MemoryStore>();
        generateDemoData(*primary, smallDemo(60, 17));
        const StoreLocation postgres = migratedPostgres(name);
        {
            const std::unique_ptr<SupportStore> target = openStore(postgres);
            const TransferReport report = backfillStore(*primary, *target);
            if (report.cancelled || report.copiedRows() == 0)
                return nullptr;
        }
        // With a password (the test server trusts every local login), which no log line may show.
        auto parameters = postgres.libpqParameters();
        parameters.insert(QStringLiteral("password"), QLatin1String(kPassword));
        std::unique_ptr<SupportStore> opened = openDualWrite(std::move(primary),
            DualWriteConfig { .enabled = true,
                .readFromPostgresPercent = percent,
                .postgres = StoreLocation::postgres(parameters) });
        return std::unique_ptr<DualWriteStore>(dynamic_cast<DualWriteStore *>(opened.release()));
    }

private Q_SLOTS:
    void initTestCase() { DPM_REQUIRE_POSTGRES(); }

    void specPath_backfillDualWriteSwitchRollback_verifiesAfterEachStepAndLosesNothing()
    {
        guarded([&] {
            const std::unique_ptr<DualWriteStore> dual = backfilledDualStore(QStringLiteral("dw_path"), 0);
            QVERIFY(dual);
            const ParityReport afterBackfill = verifyParity(dual->primary(), dual->postgres());
            QVERIFY2(afterBackfill.matches(), qPrintable(parityText(afterBackfill)));

            constexpr int kRuns = 20;
            constexpr int kRounds = 10; // 2 reads per run and round: 400 reads per step
            for (const int percent : { 0, 10, 50, 100, 0 }) {
                const QString step = QStringLiteral("p%1_%2").arg(percent).arg(dual->figures().reads);
                dual->setReadFromPostgresPercent(percent);
                writeStep(*dual, step, kRuns);
                const DualWriteFigures before = dual->figures();
                readStep(*dual, step, kRuns, kRounds);
                if (QTest::currentTestFailed())
                    return;
                const DualWriteFigures after = dual->figures();
                const double reads = double(after.reads - before.reads);
                const double share = 100.0 * double(after.postgresReads - before.postgresReads) / reads;
                QCOMPARE(reads, 2.0 * kRuns * kRounds);
                // Chosen per call: the binomial spread over 400 reads is a few percent.
                QVERIFY2(qAbs(share - percent) <= (percent == 0 || percent == 100 ? 0.0 : 10.0),
                    qPrintable(QStringLiteral("configured %1 %, actual %2 %").arg(percent).arg(share)));
                QCOMPARE(after.writeFailures, quint64(0));
                QCOMPARE(after.readFallbacks, quint64(0));

                const ParityReport parity = verifyParity(dual->primary(), dual->postgres());
                QVERIFY2(parity.matches(),
                    qPrintable(QStringLiteral("after %1 %: %2").arg(percent).arg(parityText(parity))));
            }
            // Nothing lost: what the API shows is the same from either store.
            const QString primary = apiDump(dual->primary());
            const QString postgres = apiDump(dual->postgres());
            QVERIFY2(primary == postgres, qPrintable(firstDifference(primary, postgres)));
        });
    }

    void postgresKilledDuringDualWrite_writesGoOnAndRepairPutsBackWhatItMissed()
    {
        guarded([&] {
            const std::unique_ptr<DualWriteStore> dual = backfilledDualStore(QStringLiteral("dw_outage"), 50);
            QVERIFY(dual);
            writeStep(*dual, QStringLiteral("before"), 10);
            QCOMPARE(dual->figures().writeFailures, quint64(0));

            QVERIFY2(PgServer::instance().kill(), qPrintable(PgServer::instance().errorString()));
            // Every write succeeds on the primary; each PostgreSQL half fails and is counted, and
            // logged without the password.
            loggedMessages().clear();
            const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
            writeStep(*dual, QStringLiteral("during"), 10);
            qInstallMessageHandler(previous);
            QVERIFY(!loggedMessages().filter(QStringLiteral("dual-write: PostgreSQL write")).isEmpty());
            QVERIFY2(loggedMessages().filter(QLatin1String(kPassword)).isEmpty(),
                qPrintable(loggedMessages().filter(QLatin1String(kPassword)).join(QLatin1Char('\n'))));
            const quint64 failures = dual->figures().writeFailures;
            QVERIFY2(failures >= 30, qPrintable(QString::number(failures))); // run, decision, event per run
            // Reads go on too: the share meant for PostgreSQL falls back to the primary.
            readStep(*dual, QStringLiteral("during"), 10, 4);
            QVERIFY(dual->figures().readFallbacks > 0);
            const StoreStatus down = storeStatus(*dual, StorePool { 1, 0 });
            QVERIFY(!down.postgresConnected);
            QCOMPARE(down.dualWriteFailures, failures);

            QVERIFY2(PgServer::instance().restart(), qPrintable(PgServer::instance().errorString()));
            writeStep(*dual, QStringLiteral("after"), 10);
            const ParityReport missed = verifyParity(dual->primary(), dual->postgres());
            QVERIFY(!missed.matches());
            // The runs written while it was down (each with artifact, mapping, history, 2 edges,
            // decision, event, deliveries) are what verify reports missing.
            QVERIFY2(missingRows(missed) >= 10 * 8, qPrintable(parityText(missed)));

            TransferOptions options;
            options.repair = true;
            options.batchRows = 7; // several batches per table, read past rows just written
            const TransferReport repair = backfillStore(dual->primary(), dual->postgres(), options);
            QVERIFY(repair.repaired);
            QVERIFY(!repair.cancelled);
            QVERIFY(repair.copiedRows() >= missingRows(missed));
            const ParityReport repaired = verifyParity(dual->primary(), dual->postgres());
            QVERIFY2(repaired.matches(), qPrintable(parityText(repaired)));

            // The switch completes on the repaired store, and rolls back.
            for (const int percent : { 100, 0 }) {
                dual->setReadFromPostgresPercent(percent);
                for (const QString &step : { QStringLiteral("before"), QStringLiteral("during"), QStringLiteral("after") })
                    readStep(*dual, step, 10, 1);
            }
        });
    }

    void repair_deletesWhatTheSourceNoLongerHasAndReplacesWhatChanged()
    {
        guarded([&] {
            const std::unique_ptr<DualWriteStore> dual = backfilledDualStore(QStringLiteral("dw_repair"), 0);
            QVERIFY(dual);
            // Behind the decorator's back: a run only PostgreSQL has, one the primary changed.
            dual->postgres().saveRun(runRecord(QStringLiteral("extra"), 0).run);
            RebalanceRun changed = runRecord(QStringLiteral("changed"), 0).run;
            dual->saveRun(changed);
            changed.resultJson = QStringLiteral("{\"status\":\"BLOCKED\"}");
            dual->primary().saveRun(changed);
            const ParityReport before = verifyParity(dual->primary(), dual->postgres());
            QVERIFY(!before.matches());

            TransferOptions options;
            options.repair = true;
            const TransferReport report = backfillStore(dual->primary(), dual->postgres(), options);
            qint64 deleted = 0;
            for (const TransferTableReport &table : report.tables)
                deleted += table.deletedRows;
            QVERIFY2(deleted >= 2, qPrintable(QString::number(deleted))); // the extra run, the changed run's old row
            const ParityReport after = verifyParity(dual->primary(), dual->postgres());
            QVERIFY2(after.matches(), qPrintable(parityText(after)));
            QCOMPARE(dual->postgres().getRun(changed.rebalanceRunId)->resultJson, changed.resultJson);
        });
    }

    // The bulk path is a write like any other: demo generate through a dual-write store (a SQLite
    // primary, as dpmctl opens one) fills PostgreSQL with the same rows, proposals included.
    void demoGenerate_throughDualWrite_fillsBothStoresAlike()
    {
        guarded([&] {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            const StoreLocation sqlite = StoreLocation::sqlite(dir.filePath(QStringLiteral("primary.db")));
            std::unique_ptr<SupportStore> opened = openDualWrite(openStore(sqlite, OpenOptions { .applyMigrations = true }),
                DualWriteConfig { .enabled = true, .readFromPostgresPercent = 0, .postgres = migratedPostgres(QStringLiteral("dw_demo")) });
            auto *dual = dynamic_cast<DualWriteStore *>(opened.get());
            QVERIFY(dual);
            DemoOptions options = smallDemo(600, 5);
            options.runsPerTransaction = 256; // several transactions, each mirrored
            const DemoReport report = generateDemoData(*dual, options);
            QVERIFY(!report.cancelled);
            QVERIFY2(report.notes.filter(QStringLiteral("dual-write")).isEmpty(), qPrintable(report.notes.join(u' ')));
            const DualWriteFigures figures = dual->figures();
            QVERIFY2(figures.mirroredWrites >= 3, qPrintable(QString::number(figures.mirroredWrites)));
            QCOMPARE(figures.writeFailures, quint64(0));

            const ParityReport parity = verifyParity(dual->primary(), dual->postgres());
            QVERIFY2(parity.matches(), qPrintable(parityText(parity)));
            qint64 postgresRows = 0;
            for (const ParityTableReport &table : parity.tables) {
                QCOMPARE(table.targetRows, table.sourceRows);
                postgresRows += table.targetRows;
            }
            QCOMPARE(postgresRows, report.totalRows());
            QVERIFY(tableCount(dual->postgres(), QStringLiteral("proposal_records")) > 0);
            QVERIFY(tableCount(dual->postgres(), QStringLiteral("dpm_outbox")) > 0);
        });
    }

    // PostgreSQL lost in the middle of a bulk load: the primary gets every row, each transaction
    // PostgreSQL missed is counted as a dual-write failure and named in the report, the load goes
    // on into PostgreSQL once it is back, and backfill --repair puts back what it missed.
    void demoGenerate_postgresLostMidLoad_isReportedAndRepaired()
    {
        guarded([&] {
            auto primary = std::make_unique<MemoryStore>();
            const StoreLocation postgres = migratedPostgres(QStringLiteral("dw_demo_outage"));
            {
                // The spec's order: a backfill (here of an empty store) before dual-write, which
                // is what lets a repair into PostgreSQL later trust this source.
                const std::unique_ptr<SupportStore> target = openStore(postgres);
                backfillStore(*primary, *target);
            }
            std::unique_ptr<SupportStore> opened = openDualWrite(
                std::move(primary), DualWriteConfig { .enabled = true, .readFromPostgresPercent = 0, .postgres = postgres });
            auto *dual = dynamic_cast<DualWriteStore *>(opened.get());
            QVERIFY(dual);
            DemoOptions options = smallDemo(1024, 9);
            options.runsPerTransaction = 256;
            int chunks = 0;
            bool restarted = false;
            const DemoReport report = generateDemoData(*dual, options, [&](qint64, qint64, const QString &phase) {
                if (phase != QLatin1String("loading"))
                    return true;
                ++chunks; // called once before the first chunk, then after each chunk is written
                if (chunks == 3 && !PgServer::instance().kill())
                    qWarning("kill failed: %s", qPrintable(PgServer::instance().errorString()));
                if (chunks == 4)
                    restarted = PgServer::instance().restart();
                return true;
            });
            QVERIFY2(restarted, qPrintable(PgServer::instance().errorString()));
            QVERIFY(!report.cancelled);
            const DualWriteFigures figures = dual->figures();
            QVERIFY2(figures.writeFailures >= 2, qPrintable(QString::number(figures.writeFailures)));
            QVERIFY2(figures.writeFailures < figures.mirroredWrites, "PostgreSQL got no transaction after its restart");
            const QStringList notes = report.notes.filter(QStringLiteral("dual-write: %1 of").arg(figures.writeFailures));
            QVERIFY2(notes.size() == 1, qPrintable(report.notes.join(u'\n')));
            QVERIFY(notes.first().contains(QLatin1String("--repair")));

            const ParityReport missed = verifyParity(dual->primary(), dual->postgres());
            QVERIFY(!missed.matches());
            QVERIFY2(missingRows(missed) >= 256, qPrintable(parityText(missed))); // at least one chunk's runs
            TransferOptions repairOptions;
            repairOptions.repair = true;
            const TransferReport repair = backfillStore(dual->primary(), dual->postgres(), repairOptions);
            QVERIFY(!repair.cancelled);
            QVERIFY(repair.copiedRows() >= missingRows(missed));
            const ParityReport repaired = verifyParity(dual->primary(), dual->postgres());
            QVERIFY2(repaired.matches(), qPrintable(parityText(repaired)));
        });
    }

    void storeStatus_reportsTargetsShareAndPostgres()
    {
        guarded([&] {
            const std::unique_ptr<DualWriteStore> dual = backfilledDualStore(QStringLiteral("dw_status"), 100);
            QVERIFY(dual);
            dual->getRun(QStringLiteral("rr_none"));
            StoreStatus status = storeStatus(*dual, StorePool { 4, 1 });
            QCOMPARE(status.writeTarget, QStringLiteral("dual"));
            QCOMPARE(status.readTarget, QStringLiteral("postgres"));
            QCOMPARE(status.readFromPostgresPercent, 100);
            QCOMPARE(status.actualReadFromPostgresPercent, 100.0);
            QVERIFY(status.dualWriteEnabled);
            QVERIFY(status.postgresConnected);
            const QJsonObject json = status.toJson();
            const QJsonObject domain = json.value(QStringLiteral("proposal_store")).toObject();
            QCOMPARE(domain.value(QStringLiteral("write_target")).toString(), QStringLiteral("dual"));
            QCOMPARE(domain.value(QStringLiteral("read_target")).toString(), QStringLiteral("postgres"));
            QCOMPARE(domain.value(QStringLiteral("dual_write_enabled")).toBool(), true);
            const QJsonObject postgres = json.value(QStringLiteral("postgres")).toObject();
            QCOMPARE(postgres.value(QStringLiteral("connected")).toBool(), true);
            // PostgreSQL's own connections (POSTGRES_POOL_SIZE's default 20), not the caller's
            // workers: this thread's one, open and idle between statements.
            QCOMPARE(postgres.value(QStringLiteral("pool_size")).toInt(), 20);
            QCOMPARE(postgres.value(QStringLiteral("pool_max_overflow")).toInt(), 10);
            QCOMPARE(postgres.value(QStringLiteral("pool_open")).toInt(), 1);
            QCOMPARE(postgres.value(QStringLiteral("pool_active")).toInt(), 0);
            QCOMPARE(postgres.value(QStringLiteral("pool_idle")).toInt(), 1);
            QCOMPARE(postgres.value(QStringLiteral("pool_waiting")).toInt(), 0);
            QCOMPARE(json.value(QStringLiteral("pool")).toObject().value(QStringLiteral("size")).toInt(), 4);
            QCOMPARE(json.value(QStringLiteral("dual_write_failures")).toInt(), 0);

            dual->setReadFromPostgresPercent(50);
            status = storeStatus(*dual, StorePool {});
            QCOMPARE(status.readTarget, QStringLiteral("in-memory")); // the trusted store until the switch completes
            QCOMPARE(status.readFromPostgresPercent, 50);
        });
    }

    // The read switch chooses per call: over 10,000 reads the share PostgreSQL answered is the
    // configured one within 2 points (four standard deviations at 50 %). The figures are printed
    // for the closing note.
    void readSwitch_actualShareFollowsTheConfiguredOne()
    {
        guarded([&] {
            const std::unique_ptr<DualWriteStore> dual = backfilledDualStore(QStringLiteral("dw_share"), 0);
            QVERIFY(dual);
            const QString runId = dual->primary().listRuns({}, PageRequest { 1, {} }).items.value(0).rebalanceRunId;
            QVERIFY(!runId.isEmpty());
            constexpr int kReads = 10000;
            for (const int percent : { 10, 50, 90 }) {
                dual->setReadFromPostgresPercent(percent);
                const DualWriteFigures before = dual->figures();
                for (int i = 0; i < kReads; ++i)
                    QVERIFY(dual->getRun(runId));
                const DualWriteFigures after = dual->figures();
                QCOMPARE(after.reads - before.reads, quint64(kReads));
                QCOMPARE(after.readFallbacks, before.readFallbacks);
                const double actual = 100.0 * double(after.postgresReads - before.postgresReads) / kReads;
                qInfo("read switch: %d %% configured, %.2f %% actual over %d reads", percent, actual, kReads);
                QVERIFY2(std::abs(actual - percent) < 2.0, qPrintable(QString::number(actual)));
            }
        });
    }

    void config_failsFastWithReasonCodes()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("DUAL_WRITE_MODE"), QStringLiteral("true"));
        EXPECT_ERROR(dualWriteConfigFromEnvironment(env), "DUAL_WRITE_POSTGRES_DSN_REQUIRED");
        env.insert(QStringLiteral("DUAL_WRITE_MODE"), QStringLiteral("maybe"));
        EXPECT_ERROR(dualWriteConfigFromEnvironment(env), "DUAL_WRITE_CONFIG_INVALID");
        env.insert(QStringLiteral("DUAL_WRITE_MODE"), QStringLiteral("false"));
        env.insert(QStringLiteral("READ_FROM_POSTGRES_PERCENT"), QStringLiteral("10"));
        EXPECT_ERROR(dualWriteConfigFromEnvironment(env), "DUAL_WRITE_CONFIG_INVALID"); // reads without writes
        env.insert(QStringLiteral("DUAL_WRITE_MODE"), QStringLiteral("true"));
        env.insert(QStringLiteral("READ_FROM_POSTGRES_PERCENT"), QStringLiteral("101"));
        env.insert(QStringLiteral("DATABASE_URL"), PgServer::instance().url(QStringLiteral("postgres")));
        EXPECT_ERROR(dualWriteConfigFromEnvironment(env), "DUAL_WRITE_CONFIG_INVALID");
        env.insert(QStringLiteral("READ_FROM_POSTGRES_PERCENT"), QStringLiteral("10"));
        guarded([&] {
            const DualWriteConfig config = dualWriteConfigFromEnvironment(env);
            QVERIFY(config.enabled);
            QCOMPARE(config.readFromPostgresPercent, 10);
            QVERIFY(config.postgres);
        });
        // Off (the default): the primary is returned as it is.
        guarded([&] {
            auto plain = openStoreWithDualWrite(StoreLocation::memory(), OpenOptions {}, QProcessEnvironment());
            QVERIFY(dynamic_cast<MemoryStore *>(plain.get()));
        });
    }

    void open_unmigratedOrUnreachablePostgres_failsBeforeTheFirstWrite()
    {
        DPM_REQUIRE_POSTGRES();
        StoreLocation empty;
        DPM_TRY(empty = PgServer::instance().createDatabase(QStringLiteral("dw_empty")));
        DualWriteConfig config { .enabled = true, .readFromPostgresPercent = 0, .postgres = empty };
        EXPECT_ERROR(openDualWrite(std::make_unique<MemoryStore>(), config), "DUAL_WRITE_SCHEMA_MISMATCH");

        config.postgres = StoreLocation::parse(QStringLiteral("postgresql://dpm:secret@127.0.0.1:1/dpm"));
        try {
            openDualWrite(std::make_unique<MemoryStore>(), config);
            QFAIL("opened a dual-write store on a port nobody listens on");
        } catch (const Error &error) {
            QCOMPARE(error.code(), QStringLiteral("DUAL_WRITE_POSTGRES_UNREACHABLE"));
            QVERIFY2(!error.message().contains(QLatin1String("secret")), qPrintable(error.message()));
        }

        config.postgres = migratedPostgres(QStringLiteral("dw_primary_pg"));
        EXPECT_ERROR(openDualWrite(openStore(*config.postgres), config), "DUAL_WRITE_PRIMARY_INVALID");
    }
};

QTEST_GUILESS_MAIN(DualWriteTest)
#include "tst_dualwrite.moc"
