// dpm-bench: measures the store against raw-client references on one backend per invocation
// and prints one JSON line per scenario (../shared/benchmarks.md). Not part of ctest.
//
//   dpm-bench --backend sqlite --dsn sqlite:/tmp/l.db --scale L
//   dpm-bench --backend postgres [--dsn URL]   (no DSN: a throwaway server is started)

#include "domain/appidentity.h"
#include "domain/error.h"
#include "pgserver.h"
#include "scenarios.h"
#include "services/storeopening.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace dpm;
using namespace dpm::bench;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "dpm-bench: %s\n", qPrintable(message));
    return 2;
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
        QStringLiteral("Store location (sqlite:PATH or a PostgreSQL URL). PostgreSQL without one starts a "
                       "throwaway server."),
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
        if (parser.isSet(dsnOption)) {
            location = StoreLocation::parse(parser.value(dsnOption));
        } else if (backend == QLatin1String("postgres")) {
            test::PgServer &server = test::PgServer::instance();
            if (!server.isRunning())
                return fail(QStringLiteral("PostgreSQL is required: ") + server.errorString());
            location = server.createDatabase(QStringLiteral("bench"));
        } else if (backend == QLatin1String("sqlite")) {
            return fail(QStringLiteral("--backend sqlite needs --dsn sqlite:PATH."));
        }
        std::unique_ptr<SupportStore> store = openStore(location, OpenOptions { true });
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
