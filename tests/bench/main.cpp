// dpm-bench: measures the store against raw-client references on one backend per invocation
// and prints one JSON line per scenario (../shared/benchmarks.md). Not part of ctest.
//
//   dpm-bench --backend sqlite --dsn sqlite:/tmp/l.db --scale L
//   dpm-bench --backend sqlite --scale S       (no DSN: a demo store of that scale in a temporary folder)
//   dpm-bench --backend postgres [--dsn URL]   (no DSN: a throwaway server, filled the same way)
//
// A store given with --dsn is never changed: a store lacking a migration a scenario needs is
// refused (naming it) unless --as-is measures it as it is, or --copy-to LOCATION copies it into a
// fresh store there, migrates the copy and measures that.

#include "demo/demogenerator.h"
#include "domain/appidentity.h"
#include "domain/error.h"
#include "domain/heapretention.h"
#include "pgserver.h"
#include "scenarios.h"
#include "migrate/migrator.h"
#include "services/storeopening.h"
#include "services/transfer.h"
#include "store/sqlstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSet>
#include <QTemporaryDir>

#include <cstdio>

using namespace dpm;
using namespace dpm::bench;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "dpm-bench: %s\n", qPrintable(message));
    return 2;
}

// A store the bench made itself is filled with the demo data of its scale (benchmarks.md "Data sets").
void fillWithDemoData(SupportStore &store, DemoScale scale)
{
    std::fprintf(stderr, "dpm-bench: filling %s with the scale-%s demo data\n", qPrintable(store.describe()),
        qPrintable(demoScaleName(scale)));
    DemoOptions options;
    options.scale = scale;
    const DemoReport report = generateDemoData(store, options);
    std::fprintf(stderr, "dpm-bench: %lld runs in %.1f s\n", static_cast<long long>(report.runCount),
        report.totalSeconds);
}

// The console migrations the scenarios need, with what each gives them.
const QList<std::pair<QString, QString>> kNeededMigrations {
    { QStringLiteral("console:0001"), QStringLiteral("the listing and lookup indexes") },
    { QStringLiteral("console:0004"), QStringLiteral("the summary counters") },
    { QStringLiteral("console:0007"), QStringLiteral("the narrow run list") },
};

// The needed migrations the store's ledger lacks (the memory store lacks none).
QStringList missingMigrations(SupportStore &store)
{
    auto *sql = dynamic_cast<SqlStore *>(&store);
    if (!sql)
        return {};
    QSet<QString> applied;
    for (const MigrationStatusRow &row : Migrator(sql->database()).status({ QStringLiteral("console") })) {
        if (row.state != MigrationState::Pending)
            applied.insert(row.ns + u':' + row.version);
    }
    QStringList missing;
    for (const auto &[version, what] : kNeededMigrations) {
        if (!applied.contains(version))
            missing << QStringLiteral("%1 (%2)").arg(version, what);
    }
    return missing;
}

// Copies `source` into a fresh store at `target` (migrated first), reading the source only.
void copyStore(SupportStore &source, const StoreLocation &target)
{
    std::fprintf(stderr, "dpm-bench: copying %s into %s\n", qPrintable(source.describe()), qPrintable(target.redacted()));
    std::unique_ptr<SupportStore> copy = openStore(target, OpenOptions { .applyMigrations = true });
    const TransferReport report = backfillStore(source, *copy, {}, [](qint64 done, qint64 total, const QString &) {
        if (total > 0 && done % 200000 < 20000)
            std::fprintf(stderr, "dpm-bench: copied %lld of %lld rows\n", static_cast<long long>(done),
                static_cast<long long>(total));
        return true;
    });
    std::fprintf(stderr, "dpm-bench: %lld rows copied in %.1f s\n", static_cast<long long>(report.copiedRows()),
        report.totalSeconds);
}

} // namespace

int main(int argc, char *argv[])
{
    retainFreedHeap(); // as dpm-console and dpmctl do: the bench measures what ships
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Benchmarks of the DPM store against raw-client references."));
    parser.addHelpOption();
    const QCommandLineOption backendOption(
        QStringLiteral("backend"), QStringLiteral("sqlite, postgres or memory."), QStringLiteral("backend"));
    const QCommandLineOption dsnOption(QStringLiteral("dsn"),
        QStringLiteral("Store location (sqlite:PATH or a PostgreSQL URL). Without one, SQLite gets a demo store "
                       "of --scale in a temporary folder, and PostgreSQL a throwaway server filled the same way."),
        QStringLiteral("location"));
    const QCommandLineOption scaleOption(QStringLiteral("scale"), QStringLiteral("Data set label: S, M or L."),
        QStringLiteral("scale"), QStringLiteral("S"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
        QStringLiteral("Multiplies every scenario's repetitions."), QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption onlyOption(QStringLiteral("only"),
        QStringLiteral("Run only scenarios starting with this prefix."), QStringLiteral("prefix"));
    const QCommandLineOption ingestRunsOption(QStringLiteral("ingest-runs"),
        QStringLiteral("Runs (with their children) loaded by ingest.runs_full."), QStringLiteral("n"),
        QStringLiteral("20000"));
    const QCommandLineOption transferSourceOption(QStringLiteral("transfer-source"),
        QStringLiteral("SQLite store copied by transfer.sqlite_to_postgres (PostgreSQL backend only; e.g. a "
                       "scale-M demo store)."),
        QStringLiteral("location"));
    const QCommandLineOption asIsOption(QStringLiteral("as-is"),
        QStringLiteral("Measure the --dsn store as it is, without the console migrations it may lack."));
    const QCommandLineOption copyToOption(QStringLiteral("copy-to"),
        QStringLiteral("Copy the --dsn store into a fresh store at this location, migrate the copy and measure it."),
        QStringLiteral("location"));
    parser.addOptions({ backendOption, dsnOption, scaleOption, repeatOption, onlyOption, ingestRunsOption,
        transferSourceOption, asIsOption, copyToOption });
    parser.process(app);

    const QString backend = parser.value(backendOption);
    if (backend != QLatin1String("sqlite") && backend != QLatin1String("postgres")
        && backend != QLatin1String("memory"))
        return fail(QStringLiteral("--backend must be sqlite, postgres or memory."));
    const QString scale = parser.value(scaleOption).toUpper();

    try {
        StoreLocation location = StoreLocation::memory();
        std::unique_ptr<QTemporaryDir> scratch; // holds a SQLite store made here; removed on exit
        bool madeHere = false;
        if (parser.isSet(dsnOption)) {
            location = StoreLocation::parse(parser.value(dsnOption));
        } else if (backend == QLatin1String("postgres")) {
            test::PgServer &server = test::PgServer::instance();
            if (!server.isRunning())
                return fail(QStringLiteral("PostgreSQL is required: ") + server.errorString());
            location = server.createDatabase(QStringLiteral("bench"));
            madeHere = true;
        } else if (backend == QLatin1String("sqlite")) {
            scratch = std::make_unique<QTemporaryDir>();
            if (!scratch->isValid())
                return fail(QStringLiteral("cannot make a temporary folder: ") + scratch->errorString());
            location = StoreLocation::sqlite(scratch->filePath(QStringLiteral("bench.db")));
            madeHere = true;
        }
        const std::optional<DemoScale> demoScale = demoScaleFromName(scale);
        if (madeHere && !demoScale)
            return fail(QStringLiteral("--scale must be S, M or L to make the store's demo data."));
        if ((parser.isSet(asIsOption) || parser.isSet(copyToOption)) && !parser.isSet(dsnOption))
            return fail(QStringLiteral("--as-is and --copy-to measure a store given with --dsn."));
        if (parser.isSet(asIsOption) && parser.isSet(copyToOption))
            return fail(QStringLiteral("--as-is and --copy-to exclude each other."));
        // Only a store made here is migrated; a given one is read, never written.
        std::unique_ptr<SupportStore> store = openStore(location, OpenOptions { .applyMigrations = madeHere });
        if (parser.isSet(copyToOption)) {
            const StoreLocation target = StoreLocation::parse(parser.value(copyToOption));
            copyStore(*store, target);
            location = target;
            store = openStore(location);
        }
        if (!parser.isSet(asIsOption)) {
            if (const QStringList missing = missingMigrations(*store); !missing.isEmpty()) {
                return fail(QStringLiteral("%1 lacks %2, which the scenarios need; apply the console migrations "
                                           "(dpmctl --store … migrate apply --namespace console), measure a copy "
                                           "(--copy-to LOCATION) or measure the store as it is (--as-is).")
                                .arg(location.redacted(), missing.join(QStringLiteral(", "))));
            }
        }
        std::unique_ptr<ReferenceDb> reference = ReferenceDb::open(location);
        BenchRunner runner(backend, scale);
        runner.setFilter(parser.value(onlyOption));
        if (parser.isSet(transferSourceOption)) {
            // Needs no data in the bench store: it copies its own source into fresh databases.
            BenchContext transfer { *store, reference.get(), runner, {}, 1 };
            runTransferScenario(transfer, location, StoreLocation::parse(parser.value(transferSourceOption)));
            if (parser.value(onlyOption).startsWith(QLatin1String("transfer")))
                return 0;
        }
        if (madeHere)
            fillWithDemoData(*store, *demoScale);
        if (store->getSupportabilitySummary().runCount == 0)
            return fail(QStringLiteral("%1 has no runs; fill it first (dpmctl --store … demo generate --scale %2).")
                            .arg(location.redacted(), scale));

        BenchContext context { *store, reference.get(), runner, {}, qMax(1, parser.value(repeatOption).toInt()) };
        if (!reference)
            return fail(QStringLiteral("the in-memory backend has no raw reference yet."));
        context.samples = drawSamples(*reference, 200);
        runListingScenarios(context);
        runLookupScenarios(context);
        runInvestigationScenarios(context);
        runSummaryScenario(context);
        runMigrateScenarios(context, location);
        runIngestScenario(context, location, parser.value(ingestRunsOption).toLongLong());

    } catch (const Error &error) {
        return fail(error.code() + QStringLiteral(": ") + error.message());
    }
    return 0;
}
