// The demo data is the same wherever it goes: same options -> the same rows, byte for byte, on
// two SQLite stores, in memory (as the store API shows it) and through PostgreSQL's COPY path.

#include "demo/demogenerator.h"
#include "demotestsupport.h"
#include "domain/error.h"
#include "migrate/migrator.h"
#include "pgserver.h"
#include "services/storeopening.h"
#include "services/transfer.h"
#include "store/bulkreader.h"
#include "store/memorystore.h"
#include "store/sqldatabase.h"
#include "store/sqlstore.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace dpm;
using namespace dpm::test;

namespace {

// The proposal tables, written by the load's proposals step (few rows in a small load).
bool isProposalTable(const QString &table)
{
    return table.startsWith(QLatin1String("proposal_"));
}

constexpr qint64 kRuns = 1200;

QString describeDifference(const QMap<QString, QString> &a, const QMap<QString, QString> &b)
{
    if (a.keys() != b.keys())
        return QStringLiteral("tables differ: %1 vs %2")
            .arg(a.keys().join(QLatin1Char(',')), b.keys().join(QLatin1Char(',')));
    for (auto it = a.cbegin(); it != a.cend(); ++it) {
        if (it.value() != b.value(it.key()))
            return it.key() + QStringLiteral(" differs at ") + firstDifference(it.value(), b.value(it.key()));
    }
    return QStringLiteral("no difference");
}

} // namespace

class DemoParity : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_stores = 0;

    std::unique_ptr<SupportStore> newSqliteStore()
    {
        return openStore(StoreLocation::sqlite(m_dir->filePath(QStringLiteral("s%1.db").arg(++m_stores))),
            OpenOptions { .applyMigrations = true });
    }

    // Loads options into store, cancelled (as a killed load: the open transaction is lost) after
    // two of its transactions committed, then resumes it; the store must then hold exactly the
    // rows of an uninterrupted load.
    void interruptThenResume(SupportStore &store, const DemoOptions &options)
    {
        DemoOptions interrupted = options;
        interrupted.runsPerTransaction = 256;
        int calls = 0;
        DemoReport first;
        DPM_TRY(first = generateDemoData(
                    store, interrupted, [&](qint64, qint64, const QString &) { return ++calls <= 3; }));
        QVERIFY(first.cancelled);
        QCOMPARE(first.rows.value(QStringLiteral("dpm_runs")), 512);

        // Without --resume the half-filled store is refused; with it the load completes.
        QVERIFY_THROWS_EXCEPTION(Error, generateDemoData(store, options));
        DemoOptions resume = options;
        resume.resume = true;
        qint64 firstDone = -1;
        DemoReport second;
        DPM_TRY(second = generateDemoData(store, resume, [&](qint64 done, qint64, const QString &) {
            if (firstDone < 0)
                firstDone = done;
            return true;
        }));
        QVERIFY(second.resumed);
        QVERIFY(!second.cancelled);
        QCOMPARE(second.keptRows, first.totalRows());
        QCOMPARE(firstDone, first.totalRows());
        QCOMPARE(second.rows.value(QStringLiteral("dpm_runs")), options.runCount.value() - 512);
        QCOMPARE(second.keptRows + second.totalRows(), second.plannedRows);
    }

    QMap<QString, QString> sqliteDumpOf(const DemoOptions &options)
    {
        auto store = newSqliteStore();
        generateDemoData(*store, options);
        return sqlDump(*store);
    }

private Q_SLOTS:
    void init();
    void cleanup();

    void sameSeed_twoSqliteStores_haveByteIdenticalRows();
    void otherSeed_givesOtherRows();
    void transactionSize_doesNotChangeTheRows();
    void cancelledLoad_keepsAPrefixOfTheFullLoad();
    void interruptedLoad_resumedOnSqlite_equalsAnUninterruptedLoad();
    void interruptedLoad_resumedOnPostgres_equalsAnUninterruptedLoad();
    void resume_ofAnotherLoadOrForeignRows_isRefused();
    void memoryAndSqlite_showTheSameData();
    void memoryBulkRoundTrip_intoMemory_keepsEveryRow();
    void postgresCopyPath_storesTheSameRowsAsSqlite();
    void anchorAndSpan_placeEveryTimeInTheNewSpan();
    void storeWithoutConsoleMigrations_leavesEventsOutWithANote();
    void invariantCheck_reportsBackwardChainsAndStrayDecisions();
    void otherSeedsAndSpans_keepTheDataInvariants_data();
    void otherSeedsAndSpans_keepTheDataInvariants();
};

void DemoParity::init()
{
    m_stores = 0;
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY2(m_dir->isValid(), qPrintable(m_dir->errorString()));
}

void DemoParity::cleanup()
{
    m_dir.reset();
}

void DemoParity::sameSeed_twoSqliteStores_haveByteIdenticalRows()
{
    const QMap<QString, QString> first = sqliteDumpOf(smallDemo(kRuns));
    const QMap<QString, QString> second = sqliteDumpOf(smallDemo(kRuns));
    QCOMPARE(first.size(), kBulkTableCount);
    for (auto it = first.cbegin(); it != first.cend(); ++it)
        QVERIFY2(!it.value().isEmpty(), qPrintable(it.key())); // the load fills every table
    QVERIFY2(first == second, qPrintable(describeDifference(first, second)));
}

void DemoParity::otherSeed_givesOtherRows()
{
    const QMap<QString, QString> one = sqliteDumpOf(smallDemo(300, 1));
    const QMap<QString, QString> two = sqliteDumpOf(smallDemo(300, 2));
    for (auto it = one.cbegin(); it != one.cend(); ++it) {
        // 15 proposals may leave a small proposal table empty under both seeds.
        if (!isProposalTable(it.key()) || !it.value().isEmpty())
            QVERIFY2(it.value() != two.value(it.key()), qPrintable(it.key()));
    }
}

void DemoParity::transactionSize_doesNotChangeTheRows()
{
    DemoOptions small = smallDemo(900);
    small.runsPerTransaction = 1;
    DemoOptions large = smallDemo(900);
    large.runsPerTransaction = 100000;
    const QMap<QString, QString> a = sqliteDumpOf(small);
    const QMap<QString, QString> b = sqliteDumpOf(large);
    QVERIFY2(a == b, qPrintable(describeDifference(a, b)));
}

void DemoParity::cancelledLoad_keepsAPrefixOfTheFullLoad()
{
    // Cancelled in the third transaction: the rows kept are those a full load writes for the
    // first two (every row of the first 512 runs), nothing else.
    DemoOptions options = smallDemo(1000);
    options.runsPerTransaction = 256;
    auto cancelled = newSqliteStore();
    int calls = 0;
    const DemoReport report
        = generateDemoData(*cancelled, options, [&](qint64, qint64, const QString &) { return ++calls <= 3; });
    QVERIFY(report.cancelled);
    QCOMPARE(report.rows.value(QStringLiteral("dpm_runs")), 512);

    auto full = newSqliteStore();
    generateDemoData(*full, options);
    for (const BulkTable table : allBulkTables()) {
        if (isProposalTable(table))
            continue; // the generator writes no proposals (yet): both are empty
        const QStringList kept = sqlTableRows(*cancelled, table);
        const QStringList all = sqlTableRows(*full, table);
        const QSet<QString> allRows(all.cbegin(), all.cend());
        for (const QString &row : kept)
            QVERIFY2(allRows.contains(row), qPrintable(row.left(300)));
        QVERIFY(kept.size() < all.size());
    }
}

void DemoParity::interruptedLoad_resumedOnSqlite_equalsAnUninterruptedLoad()
{
    const DemoOptions options = smallDemo(1000); // chunks of 256, 256, 256 and 232 runs
    auto resumed = newSqliteStore();
    interruptThenResume(*resumed, options);
    if (QTest::currentTestFailed())
        return;
    const QMap<QString, QString> expected = sqliteDumpOf(options);
    const QMap<QString, QString> actual = sqlDump(*resumed);
    QCOMPARE(actual.size(), kBulkTableCount);
    QVERIFY2(actual == expected, qPrintable(describeDifference(actual, expected)));
}

void DemoParity::interruptedLoad_resumedOnPostgres_equalsAnUninterruptedLoad()
{
    DPM_REQUIRE_POSTGRES();
    std::unique_ptr<SupportStore> postgres;
    DPM_TRY(postgres = openStore(PgServer::instance().createDatabase(QStringLiteral("demo_resume")),
                OpenOptions { .applyMigrations = true }));
    const DemoOptions options = smallDemo(1000);
    interruptThenResume(*postgres, options);
    if (QTest::currentTestFailed())
        return;
    const QMap<QString, QString> expected = sqliteDumpOf(options); // postgresCopyPath_… shows they agree
    const QMap<QString, QString> actual = sqlDump(*postgres);
    QCOMPARE(actual.size(), kBulkTableCount);
    QVERIFY2(actual == expected, qPrintable(describeDifference(actual, expected)));
}

void DemoParity::resume_ofAnotherLoadOrForeignRows_isRefused()
{
    const auto failsWith = [](SupportStore &store, const DemoOptions &options, const QString &code) {
        try {
            generateDemoData(store, options);
        } catch (const Error &e) {
            return e.code() == code;
        }
        return false;
    };
    auto store = newSqliteStore();
    DemoOptions options = smallDemo(600);
    options.runsPerTransaction = 256;
    int calls = 0;
    generateDemoData(*store, options, [&](qint64, qint64, const QString &) { return ++calls <= 2; });
    const QMap<QString, QString> before = sqlDump(*store);

    options.resume = true;
    DemoOptions otherSeed = options;
    otherSeed.seed = 2;
    QVERIFY(failsWith(*store, otherSeed, QStringLiteral("DEMO_RESUME_MISMATCH")));
    DemoOptions otherAnchor = options;
    otherAnchor.anchor = QStringLiteral("2026-03-02");
    QVERIFY(failsWith(*store, otherAnchor, QStringLiteral("DEMO_RESUME_MISMATCH")));
    DemoOptions otherCount = options;
    otherCount.runCount = 700;
    QVERIFY(failsWith(*store, otherCount, QStringLiteral("DEMO_RESUME_MISMATCH")));
    QVERIFY(sqlDump(*store) == before); // nothing written by a refused resume

    // A store with rows of its own is not a demo load to continue.
    auto foreign = newSqliteStore();
    foreign->saveRun({ QStringLiteral("rr_00000001"), QStringLiteral("corr_1"), QStringLiteral("sha256:h"),
        std::nullopt, QStringLiteral("pf_1"), QStringLiteral("2026-02-20T12:00:00+00:00"), QStringLiteral("{}") });
    QVERIFY(failsWith(*foreign, options, QStringLiteral("DEMO_RESUME_MISMATCH")));

    // Resuming a complete load adds nothing.
    DPM_TRY(generateDemoData(*store, options));
    const QMap<QString, QString> complete = sqlDump(*store);
    DemoReport again;
    DPM_TRY(again = generateDemoData(*store, options));
    QVERIFY(again.resumed);
    QCOMPARE(again.totalRows(), 0);
    QCOMPARE(again.keptRows, again.plannedRows);
    QVERIFY(sqlDump(*store) == complete);
}

void DemoParity::memoryAndSqlite_showTheSameData()
{
    MemoryStore memory;
    const DemoReport memoryReport = generateDemoData(memory, smallDemo(600));
    auto sqlite = newSqliteStore();
    const DemoReport sqliteReport = generateDemoData(*sqlite, smallDemo(600));
    for (auto it = memoryReport.rows.cbegin(); it != memoryReport.rows.cend(); ++it)
        QCOMPARE(sqliteReport.rows.value(it.key()), it.value());
    const QString a = apiDump(memory);
    const QString b = apiDump(*sqlite);
    QVERIFY(a.size() > 100000);
    QVERIFY2(a == b, qPrintable(firstDifference(a, b)));
}

void DemoParity::memoryBulkRoundTrip_intoMemory_keepsEveryRow()
{
    MemoryStore source;
    DPM_TRY(generateDemoData(source, smallDemo(600)));
    MemoryStore copy;
    DPM_TRY({
        const std::unique_ptr<BulkReader> reader = openBulkReader(source);
        const std::unique_ptr<BulkLoader> loader = openBulkLoader(copy);
        // One transaction per table, as a transfer writes them.
        for (const BulkTable table : allBulkTables()) {
            QVERIFY(reader->supports(table) && loader->supports(table));
            BulkRows batch;
            for (const BulkRow &row : reader->readBatch(table, std::nullopt, false, std::numeric_limits<int>::max()))
                batch.addRow(table, row);
            loader->begin();
            loader->write(batch);
            loader->commit();
        }
    });
    for (const BulkTable table : allBulkTables()) {
        const QStringList rows = tableRows(source, table);
        QVERIFY2(
            !rows.isEmpty() || isProposalTable(QLatin1String(bulkTableSpec(table).name)), bulkTableSpec(table).name);
        QVERIFY2(tableRows(copy, table) == rows, bulkTableSpec(table).name);
    }
    QVERIFY(tableCount(copy, QStringLiteral("dpm_outbox")) > 600);
    const QString a = apiDump(source);
    const QString b = apiDump(copy);
    QVERIFY2(a == b, qPrintable(firstDifference(a, b)));
    ParityReport parity;
    DPM_TRY(parity = verifyParity(source, copy, 97));
    QVERIFY(parity.matches());
    QVERIFY(parity.notes.isEmpty());
}

void DemoParity::postgresCopyPath_storesTheSameRowsAsSqlite()
{
    DPM_REQUIRE_POSTGRES();
    std::unique_ptr<SupportStore> postgres;
    DPM_TRY(postgres = openStore(PgServer::instance().createDatabase(QStringLiteral("demo_parity")),
                OpenOptions { .applyMigrations = true }));
    DemoOptions options = smallDemo(kRuns);
    options.runsPerTransaction = 512;
    DemoReport report;
    DPM_TRY(report = generateDemoData(*postgres, options));
    QVERIFY(report.notes.isEmpty());
    auto sqlite = newSqliteStore();
    generateDemoData(*sqlite, smallDemo(kRuns));
    const QMap<QString, QString> fromPostgres = sqlDump(*postgres);
    const QMap<QString, QString> fromSqlite = sqlDump(*sqlite);
    QCOMPARE(fromPostgres.size(), kBulkTableCount);
    QVERIFY2(fromPostgres == fromSqlite, qPrintable(describeDifference(fromPostgres, fromSqlite)));
    // And the store API reads them back alike (collation, NULLs, integers).
    const QString a = apiDump(*postgres);
    const QString b = apiDump(*sqlite);
    QVERIFY2(a == b, qPrintable(firstDifference(a, b)));
}

void DemoParity::anchorAndSpan_placeEveryTimeInTheNewSpan()
{
    DemoOptions options = smallDemo(500);
    options.anchor = QStringLiteral("2026-06-15T16:30:00.123456+08:00");
    options.spanDays = 30;
    auto store = newSqliteStore();
    const DemoReport report = generateDemoData(*store, options);
    QCOMPARE(report.anchor, QStringLiteral("2026-06-15T08:30:00.123456+00:00"));
    QCOMPARE(report.from, QStringLiteral("2026-05-16T08:30:00.123456+00:00"));
    const SupportabilitySummary summary = store->getSupportabilitySummary();
    QVERIFY(*summary.oldestRunCreatedAt >= report.from);
    QVERIFY(*summary.newestRunCreatedAt <= report.anchor);
    QVERIFY(*summary.oldestOperationCreatedAt >= report.from);
    QVERIFY(*summary.newestOperationCreatedAt <= report.anchor);
    for (const WorkflowDecision &d : allDecisions(*store))
        QVERIFY(d.decidedAt <= report.anchor);
    // Bursts: the busiest hour holds far more runs than an even spread would.
    QMap<QString, int> perHour;
    for (const RebalanceRun &run : allRuns(*store))
        ++perHour[run.createdAt.left(13)];
    const int busiest = *std::max_element(perHour.cbegin(), perHour.cend());
    QVERIFY2(busiest >= 5 * 500 / (30 * 24) + 3, qPrintable(QString::number(busiest)));
}

void DemoParity::storeWithoutConsoleMigrations_leavesEventsOutWithANote()
{
    auto database
        = std::make_unique<SqlDatabase>(StoreLocation::sqlite(m_dir->filePath(QStringLiteral("dpm-only.db"))));
    Migrator(*database).apply({ QStringLiteral("dpm") });
    SqlStore store(std::move(database));
    const DemoReport report = generateDemoData(store, smallDemo(200));
    QVERIFY(!report.rows.contains(QStringLiteral("dpm_run_events")));
    QCOMPARE(report.rows.value(QStringLiteral("dpm_runs")), 200);
    // Only the dpm migrations: no proposal tables either, and a note for each part left out.
    QVERIFY(!report.rows.contains(QStringLiteral("proposal_records")));
    QCOMPARE(report.notes.size(), 2);
    QVERIFY(report.notes.constFirst().contains(QStringLiteral("0002")));
    QVERIFY(report.notes.constLast().startsWith(QStringLiteral("proposal tables left out")));
    // The other tables are exactly those of a store with every migration.
    const QMap<QString, QString> withEvents = sqliteDumpOf(smallDemo(200));
    const QMap<QString, QString> without = sqlDump(store);
    for (auto it = without.cbegin(); it != without.cend(); ++it)
        QVERIFY2(it.value() == withEvents.value(it.key()), qPrintable(it.key()));
}

void DemoParity::invariantCheck_reportsBackwardChainsAndStrayDecisions()
{
    // The checker the seeds below rely on does find broken data.
    MemoryStore store;
    DemoReport report;
    DPM_TRY(report = generateDemoData(store, smallDemo(200)));
    QVERIFY(demoInvariantViolations(store, report.from, report.anchor).isEmpty());
    const QList<RebalanceRun> runs = allRuns(store); // newest first
    store.appendLineageEdge({ runs.constLast().rebalanceRunId, QStringLiteral("derived_from"),
        runs.constFirst().rebalanceRunId, runs.constLast().createdAt, QStringLiteral("{}") });
    const auto ready = std::find_if(
        runs.cbegin(), runs.cend(), [](const RebalanceRun &r) { return r.status() == QLatin1String("READY"); });
    QVERIFY(ready != runs.cend());
    store.appendWorkflowDecision({ QStringLiteral("dwd_stray"), ready->rebalanceRunId, QStringLiteral("APPROVE"),
        QStringLiteral("REVIEW_APPROVED"), std::nullopt, QStringLiteral("x"), report.anchor,
        QStringLiteral("corr_x") });
    const QStringList problems = demoInvariantViolations(store, report.from, report.anchor);
    QCOMPARE(problems.size(), 2);
    QVERIFY2(problems.filter(QStringLiteral("derived_from")).size() == 1, qPrintable(problems.join(u'\n')));
    QVERIFY2(problems.filter(QStringLiteral("has decisions")).size() == 1, qPrintable(problems.join(u'\n')));
}

void DemoParity::otherSeedsAndSpans_keepTheDataInvariants_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<int>("spanDays");
    QTest::addColumn<qint64>("runs");
    QTest::newRow("seed 2, 90 days") << quint64(2) << 90 << qint64(1000);
    QTest::newRow("seed 3, 1 day (dense)") << quint64(3) << 1 << qint64(1000);
    QTest::newRow("seed 4, 3650 days (sparse)") << quint64(4) << 3650 << qint64(600);
    QTest::newRow("seed 2^64-1, 7 days") << ~quint64(0) << 7 << qint64(800);
}

void DemoParity::otherSeedsAndSpans_keepTheDataInvariants()
{
    QFETCH(quint64, seed);
    QFETCH(int, spanDays);
    QFETCH(qint64, runs);
    DemoOptions options = smallDemo(runs, seed);
    options.spanDays = spanDays;
    MemoryStore store;
    DemoReport report;
    DPM_TRY(report = generateDemoData(store, options));
    QCOMPARE(report.rows.value(QStringLiteral("dpm_runs")), runs);
    const QStringList problems = demoInvariantViolations(store, report.from, report.anchor);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(DemoParity)
#include "tst_demoparity.moc"
