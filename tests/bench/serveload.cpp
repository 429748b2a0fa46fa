// dpm-serve-load: `dpmctl serve` under load (issue 16). Runs the same mix of reads — the runs'
// first page, a run lookup, a support bundle, the summary — twice for a bounded time with N
// concurrent clients: in-process (each client calls the endpoint's own code on the store, as a
// store worker of the server does, without HTTP) and over HTTP against a `dpmctl serve` child on a
// loopback port (keep-alive httplib clients). Prints one JSON line per phase and read with
// requests/s and p50/p95/p99, then one with the ratios and the server's RSS before and after.
// A quarter of the time is spent first warming the store's pages, unmeasured.
// Not part of ctest. The store is only read.
//
//   dpm-serve-load --store /tmp/m.db --dpmctl build/dev/bin/dpmctl --clients 8 --seconds 20

#include "apiendpoints.h"
#include "apiquery.h"
#include "domain/error.h"
#include "domain/heapretention.h"
#include "services/storeopening.h"
#include "services/summaryposture.h"
#include "services/workflowstatus.h"
#include "store/supportstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

using namespace dpm;

namespace {

using Clock = std::chrono::steady_clock;

enum Read { RunsFirstPage, RunLookup, SupportBundle, Summary, ReadCount };
const char *const kReadNames[ReadCount] = { "runs_first_page", "run_lookup", "support_bundle", "summary" };

// What one client does for its next request: the read and its run id (lookups and bundles).
struct Step
{
    Read read;
    QString runId;
};

// Latencies per read, merged from every client.
struct Figures
{
    std::vector<double> ms[ReadCount];
    qint64 failures = 0;
    double seconds = 0;

    void merge(const Figures &other)
    {
        for (int r = 0; r < ReadCount; ++r)
            ms[r].insert(ms[r].end(), other.ms[r].begin(), other.ms[r].end());
        failures += other.failures;
    }
    qint64 total() const
    {
        qint64 n = 0;
        for (const auto &list : ms)
            n += qint64(list.size());
        return n;
    }
};

double percentile(std::vector<double> sorted, double p)
{
    if (sorted.empty())
        return 0;
    std::sort(sorted.begin(), sorted.end());
    return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5))];
}

QJsonObject describe(const std::vector<double> &ms, double seconds)
{
    return QJsonObject { { QStringLiteral("requests"), qint64(ms.size()) },
        { QStringLiteral("rps"), seconds > 0 ? double(ms.size()) / seconds : 0 },
        { QStringLiteral("p50_ms"), percentile(ms, 0.50) }, { QStringLiteral("p95_ms"), percentile(ms, 0.95) },
        { QStringLiteral("p99_ms"), percentile(ms, 0.99) } };
}

void printLine(const QJsonObject &line)
{
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

// Runs `clients` threads for `seconds`, each calling `once(step)` on its own sequence of steps
// (round robin over the reads, random runs); `once` returns false for a failed request.
Figures drive(int clients, int seconds, const QStringList &runIds,
    const std::function<std::function<bool(const Step &)>()> &makeClient)
{
    std::vector<Figures> perClient(static_cast<size_t>(clients));
    std::vector<std::thread> threads;
    const auto started = Clock::now();
    const auto until = started + std::chrono::seconds(seconds);
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            const auto once = makeClient();
            QRandomGenerator random(quint32(1000 + c));
            Figures &mine = perClient[size_t(c)];
            for (int i = c; Clock::now() < until; ++i) {
                const Step step { Read(i % ReadCount), runIds.at(int(random.bounded(quint32(runIds.size())))) };
                const auto begun = Clock::now();
                const bool ok = once(step);
                const double ms = std::chrono::duration<double, std::milli>(Clock::now() - begun).count();
                if (ok)
                    mine.ms[step.read].push_back(ms);
                else
                    ++mine.failures;
            }
            closeThisThreadsStoreConnections();
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    Figures all;
    for (const Figures &figures : perClient)
        all.merge(figures);
    all.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return all;
}

void report(const char *phase, const Figures &figures, int clients)
{
    for (int r = 0; r < ReadCount; ++r) {
        QJsonObject line = describe(figures.ms[r], figures.seconds);
        line.insert(QStringLiteral("scenario"), QStringLiteral("serve.load"));
        line.insert(QStringLiteral("phase"), QLatin1String(phase));
        line.insert(QStringLiteral("read"), QLatin1String(kReadNames[r]));
        line.insert(QStringLiteral("clients"), clients);
        printLine(line);
    }
    std::vector<double> all;
    for (const auto &list : figures.ms)
        all.insert(all.end(), list.begin(), list.end());
    QJsonObject line = describe(all, figures.seconds);
    line.insert(QStringLiteral("scenario"), QStringLiteral("serve.load"));
    line.insert(QStringLiteral("phase"), QLatin1String(phase));
    line.insert(QStringLiteral("read"), QStringLiteral("all"));
    line.insert(QStringLiteral("clients"), clients);
    line.insert(QStringLiteral("failures"), figures.failures);
    printLine(line);
}

// The endpoint of the service's routes with this path (after the prefix).
const serve::Endpoint &endpointNamed(const QString &path)
{
    for (const serve::Endpoint &endpoint : serve::dpmEndpoints()) {
        if (endpoint.path == path)
            return endpoint;
    }
    throw Error(ErrorKind::Internal, QStringLiteral("BENCH_ENDPOINT_MISSING"), QStringLiteral("No endpoint %1.").arg(path));
}

qint64 rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "dpm-serve-load: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    retainFreedHeap(); // as dpmctl does: both phases alike
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("dpmctl serve under load, against the same reads in-process."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("store"), QStringLiteral("The store to serve (only read)."), QStringLiteral("location") });
    parser.addOption({ QStringLiteral("dpmctl"), QStringLiteral("The dpmctl to run."), QStringLiteral("path") });
    parser.addOption({ QStringLiteral("clients"), QStringLiteral("Concurrent clients (default 8)."), QStringLiteral("n"), QStringLiteral("8") });
    parser.addOption({ QStringLiteral("seconds"), QStringLiteral("Seconds per phase (default 20)."), QStringLiteral("s"), QStringLiteral("20") });
    parser.process(app);
    const QString location = parser.value(QStringLiteral("store"));
    const QString dpmctl = parser.value(QStringLiteral("dpmctl"));
    const int clients = std::max(1, parser.value(QStringLiteral("clients")).toInt());
    const int seconds = std::max(1, parser.value(QStringLiteral("seconds")).toInt());
    if (location.isEmpty() || dpmctl.isEmpty())
        return fail(QStringLiteral("give --store and --dpmctl."));

    try {
        const StoreLocation storeLocation = StoreLocation::parse(location);
        auto store = openStore(storeLocation);
        // Runs to read: the newest 1,000, as investigations mostly are.
        QStringList runIds;
        PageRequest page { 200, {} };
        while (runIds.size() < 1000) {
            const Page<RunListItem> runs = store->listRuns({}, page);
            for (const RunListItem &run : runs.items)
                runIds << run.rebalanceRunId;
            if (!runs.nextCursor)
                break;
            page.cursor = runs.nextCursor;
        }
        if (runIds.isEmpty())
            return fail(QStringLiteral("the store has no runs."));

        // In-process: the endpoints' own code on a store worker's connection, without HTTP.
        serve::EndpointSettings settings;
        settings.environment = QProcessEnvironment::systemEnvironment();
        settings.retentionDays = retentionDaysFromEnvironment(settings.environment);
        settings.workflow = workflowSettingsFromEnvironment(settings.environment);
        settings.pool = [] { return StorePool {}; };
        const serve::Endpoint *endpoints[ReadCount] = { &endpointNamed(QStringLiteral("/rebalance/runs")),
            &endpointNamed(QStringLiteral("/rebalance/runs/{rebalance_run_id}")),
            &endpointNamed(QStringLiteral("/rebalance/runs/{rebalance_run_id}/support-bundle")),
            &endpointNamed(QStringLiteral("/rebalance/supportability/summary")) };
        const auto inProcessClient = [&] {
            return [&](const Step &step) {
                const serve::Endpoint &endpoint = *endpoints[step.read];
                serve::EndpointCall call;
                if (step.read == RunLookup || step.read == SupportBundle)
                    call.pathValues = QStringList { step.runId };
                QJsonArray errors;
                call.query = serve::validateQuery(serve::QueryParameters::parse({}), endpoint.parameters, false, &errors);
                call.settings = &settings;
                try {
                    return !endpoint.run(*store, call).isEmpty();
                } catch (const Error &) {
                    return false;
                }
            };
        };
        // A first, unmeasured pass warms the page cache for both phases alike.
        drive(clients, std::max(1, seconds / 4), runIds, inProcessClient);
        const Figures inProcess = drive(clients, seconds, runIds, inProcessClient);
        report("in_process", inProcess, clients);

        // Over HTTP: dpmctl serve on a free loopback port, its log in a file.
        QTemporaryDir dir;
        QProcess server;
        server.setProgram(dpmctl);
        server.setArguments({ QStringLiteral("--store"), location, QStringLiteral("serve"), QStringLiteral("--listen"),
            QStringLiteral("127.0.0.1:0"), QStringLiteral("--store-threads"), QString::number(std::max(8, clients)) });
        server.setStandardOutputFile(QProcess::nullDevice());
        const QString logPath = dir.filePath(QStringLiteral("serve.log"));
        server.setStandardErrorFile(logPath);
        server.start();
        if (!server.waitForStarted(10000))
            return fail(QStringLiteral("%1 did not start.").arg(dpmctl));
        int port = 0;
        const QRegularExpression listening(QStringLiteral("msg=listening address=http://127.0.0.1:(\\d+)"));
        for (int i = 0; i < 300 && port == 0 && server.state() == QProcess::Running; ++i) {
            QThread::msleep(100);
            QFile log(logPath);
            if (log.open(QIODevice::ReadOnly)) {
                const auto match = listening.match(QString::fromUtf8(log.readAll()));
                if (match.hasMatch())
                    port = match.captured(1).toInt();
            }
        }
        if (port == 0)
            return fail(QStringLiteral("dpmctl serve did not say where it listens (see %1).").arg(logPath));
        const qint64 rssBefore = rssKiB(server.processId());

        const std::string paths[ReadCount] = { "/api/v1/rebalance/runs", "/api/v1/rebalance/runs/",
            "/api/v1/rebalance/runs/", "/api/v1/rebalance/supportability/summary" };
        const Figures overHttp = drive(clients, seconds, runIds, [&] {
            auto client = std::make_shared<httplib::Client>("127.0.0.1", port);
            client->set_keep_alive(true);
            client->set_read_timeout(30);
            return [client, &paths](const Step &step) {
                std::string target = paths[step.read];
                if (step.read == RunLookup || step.read == SupportBundle)
                    target += step.runId.toStdString();
                if (step.read == SupportBundle)
                    target += "/support-bundle";
                const auto result = client->Get(target.c_str());
                return result && result->status == 200;
            };
        });
        const qint64 rssAfter = rssKiB(server.processId());
        report("http", overHttp, clients);
        server.terminate();
        server.waitForFinished(30000);

        QJsonObject ratios;
        for (int r = 0; r < ReadCount; ++r) {
            const double local = double(inProcess.ms[r].size());
            ratios.insert(QLatin1String(kReadNames[r]), local > 0 ? double(overHttp.ms[r].size()) / local : 0);
        }
        const double localAll = double(inProcess.total()) / inProcess.seconds;
        printLine(QJsonObject { { QStringLiteral("scenario"), QStringLiteral("serve.load") },
            { QStringLiteral("phase"), QStringLiteral("summary") }, { QStringLiteral("store"), storeLocation.redacted() },
            { QStringLiteral("clients"), clients }, { QStringLiteral("seconds"), seconds },
            { QStringLiteral("http_rps"), double(overHttp.total()) / overHttp.seconds },
            { QStringLiteral("in_process_rps"), localAll },
            { QStringLiteral("http_to_in_process_throughput"), localAll > 0 ? double(overHttp.total()) / overHttp.seconds / localAll : 0 },
            { QStringLiteral("per_read_throughput_ratio"), ratios },
            { QStringLiteral("http_failures"), overHttp.failures },
            { QStringLiteral("server_rss_kib_before"), rssBefore }, { QStringLiteral("server_rss_kib_after"), rssAfter },
            { QStringLiteral("server_exit_code"), server.exitCode() } });
    } catch (const Error &error) {
        return fail(error.toString());
    }
    return 0;
}
