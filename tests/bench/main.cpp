// dpm-bench: measures the store against raw-client references on one backend per invocation
// and prints one JSON line per scenario (../shared/benchmarks.md). Not part of ctest.
//
//   dpm-bench --backend sqlite --dsn sqlite:/tmp/l.db --scale L
//   dpm-bench --backend sqlite --scale S       (no DSN: a demo store of that scale in a temporary folder)
//   dpm-bench --backend postgres [--dsn URL]   (no DSN: a throwaway server, filled the same way)

#include "demo/demogenerator.h"
#include "domain/appidentity.h"
#include "domain/error.h"
#include "pgserver.h"
#include "scenarios.h"
#include "services/storeopening.h"

#include <QCommandLineParser>
#include <QCoreApplication>
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

} // namespace

int main(int argc, char *argv[])
{
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
    parser.addOptions(
        { backendOption, dsnOption, scaleOption, repeatOption, onlyOption, ingestRunsOption, transferSourceOption });
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
        std::unique_ptr<SupportStore> store = openStore(location, OpenOptions { .applyMigrations = true });
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
