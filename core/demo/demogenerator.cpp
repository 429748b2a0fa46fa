#include "demogenerator.h"

#include "demoproposalload.h"
#include "demorunsimulator.h"
#include "demotime.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "store/bulkloader.h"
#include "store/dualwritestore.h"
#include "store/prefetcher.h"
#include "store/proposalstore.h"
#include "store/serverprobe.h"
#include "store/supportstore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QScopeGuard>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <future>
#include <vector>

namespace dpm {

namespace {

using demotime::kDay;

// Runs' chunks per write, never across a commit: each COPY (or prepared-statement pass) has a
// fixed cost worth a few hundred rows.
constexpr qint64 kChunksPerWrite = 4;

// How many chunks of the load the store already holds. Chunks commit whole and in order, so a
// store an interrupted load left behind holds chunks [0, n): found by looking up the first run
// of a chunk (a binary search), and checked by its time, which depends on every option.
qint64 committedChunks(SupportStore &store, const std::vector<std::pair<QByteArray, QByteArray>> &starts)
{
    const auto mismatch = [&] {
        return Error(ErrorKind::Conflict, QStringLiteral("DEMO_RESUME_MISMATCH"),
            QStringLiteral("%1 holds rows that are not the start of this demo load; resume with the interrupted "
                           "load's --scale, --seed, --anchor and --span-days, or use an empty store.")
                .arg(store.describe()));
    };
    const auto present = [&](qint64 chunk) {
        const auto &[runId, createdAt] = starts[std::size_t(chunk)];
        const std::optional<RebalanceRun> run = store.getRun(QString::fromLatin1(runId));
        if (run && run->createdAt != QLatin1String(createdAt))
            throw mismatch();
        return run.has_value();
    };
    const qint64 count = qint64(starts.size());
    if (!present(0))
        throw mismatch();
    qint64 low = 1; // chunk low - 1 is present; the first missing one is in [low, high]
    qint64 high = count;
    while (low < high) {
        const qint64 middle = low + (high - low) / 2;
        if (present(middle))
            low = middle + 1;
        else
            high = middle;
    }
    if (low < count && present(count - 1))
        throw mismatch(); // not a prefix: rows of another origin
    return low;
}

} // namespace

QString demoScaleName(DemoScale scale)
{
    switch (scale) {
    case DemoScale::S:
        return QStringLiteral("S");
    case DemoScale::M:
        return QStringLiteral("M");
    case DemoScale::L:
        break;
    }
    return QStringLiteral("L");
}

std::optional<DemoScale> demoScaleFromName(const QString &name)
{
    const QString upper = name.trimmed().toUpper();
    for (const DemoScale scale : { DemoScale::S, DemoScale::M, DemoScale::L }) {
        if (upper == demoScaleName(scale))
            return scale;
    }
    return std::nullopt;
}

qint64 demoScaleRunCount(DemoScale scale)
{
    switch (scale) {
    case DemoScale::S:
        return 10000;
    case DemoScale::M:
        return 100000;
    case DemoScale::L:
        break;
    }
    return 1000000;
}

QString demoDefaultAnchor()
{
    return QStringLiteral("2026-03-01T00:00:00+00:00");
}

qint64 DemoReport::totalRows() const
{
    qint64 total = 0;
    for (const qint64 n : rows)
        total += n;
    return total;
}

QJsonObject DemoReport::toJson() const
{
    QJsonObject rowsJson;
    QJsonObject rates;
    QJsonObject tableSeconds;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        rowsJson.insert(it.key(), it.value());
        if (!tableWriteSeconds.contains(it.key()))
            continue; // not measured apart (the proposal tables)
        const double seconds = tableWriteSeconds.value(it.key());
        tableSeconds.insert(it.key(), seconds);
        if (seconds > 0)
            rates.insert(it.key(), qRound64(double(it.value()) / seconds));
    }
    return { { QStringLiteral("scale"), scale }, { QStringLiteral("seed"), QString::number(seed) },
        { QStringLiteral("from"), from }, { QStringLiteral("anchor"), anchor },
        { QStringLiteral("run_count"), runCount }, { QStringLiteral("planned_rows"), plannedRows },
        { QStringLiteral("cancelled"), cancelled }, { QStringLiteral("resumed"), resumed },
        { QStringLiteral("kept_rows"), keptRows }, { QStringLiteral("rows"), rowsJson },
        { QStringLiteral("total_rows"), totalRows() }, { QStringLiteral("plan_seconds"), planSeconds },
        { QStringLiteral("generate_seconds"), generateSeconds }, { QStringLiteral("commit_seconds"), commitSeconds },
        { QStringLiteral("total_seconds"), totalSeconds },
        { QStringLiteral("rows_per_second"), totalSeconds > 0 ? qRound64(double(totalRows()) / totalSeconds) : 0 },
        { QStringLiteral("table_write_seconds"), tableSeconds },
        { QStringLiteral("table_write_rows_per_second"), rates },
        { QStringLiteral("notes"), QJsonArray::fromStringList(notes) } };
}

DemoReport generateDemoData(SupportStore &store, const DemoOptions &options, const DemoProgressFn &progress)
{
    QElapsedTimer clock;
    clock.start();
    refuseChangesOnReplica(store, QStringLiteral("generating demo data"));
    const qint64 runCount = options.runCount.value_or(demoScaleRunCount(options.scale));
    const auto invalid = [](const QString &message) {
        return Error(ErrorKind::InvalidInput, QStringLiteral("DEMO_OPTIONS_INVALID"), message);
    };
    if (runCount < 1 || runCount > 100000000)
        throw invalid(QStringLiteral("The run count must be from 1 to 100,000,000 (got %1).").arg(runCount));
    if (options.spanDays < 1 || options.spanDays > 3650)
        throw invalid(QStringLiteral("The time span must be from 1 to 3650 days (got %1).").arg(options.spanDays));
    if (options.runsPerTransaction < 1)
        throw invalid(
            QStringLiteral("Runs per transaction must be at least 1 (got %1).").arg(options.runsPerTransaction));
    const QString anchor = normalizeTimestamp(options.anchor);
    const qint64 anchorMicros = *timestampMicros(anchor);

    // Demo ids are made up and never checked against existing rows: only an empty store, or
    // the start of this very load, is safe.
    const bool withProposals = store.proposals().isAvailable();
    const bool storeEmpty = store.listRuns({}, PageRequest { 1, std::nullopt }).items.isEmpty()
        && store.listOperations({}, PageRequest { 1, std::nullopt }).items.isEmpty()
        && (!withProposals || store.proposals().listProposals({}, PageRequest { 1, std::nullopt }).items.isEmpty());
    if (!storeEmpty && !options.resume) {
        throw Error(ErrorKind::Conflict, QStringLiteral("DEMO_STORE_NOT_EMPTY"),
            QStringLiteral("%1 already holds runs, async operations or proposals; demo data goes only into an "
                           "empty store, so use a new SQLite file or an empty database, or add --resume to continue an "
                           "interrupted load with the same options.")
                .arg(store.describe()));
    }

    // Proposals that live in a database of their own are loaded there, and with dual-write on
    // every row goes to PostgreSQL too: the store's bulk path routes them as its writes go.
    const std::unique_ptr<BulkLoader> loader = openBulkLoader(store);
    const std::optional<DualWriteFigures> dualWriteBefore = dualWriteFiguresOf(store);
    const bool withEvents = loader->supports(BulkTable::RunEvents) && loader->supports(BulkTable::Outbox);

    DemoReport report;
    report.scale = options.runCount ? QStringLiteral("custom") : demoScaleName(options.scale);
    report.seed = options.seed;
    report.anchor = anchor;
    report.from = formatTimestampMicros(anchorMicros - qint64(options.spanDays) * kDay);
    report.runCount = runCount;
    QList<BulkTable> tables;
    // The runs' tables; the proposal tables (also on the bulk path) are the proposals step's.
    const QStringList proposalTables = DemoProposalLoad::tableNames();
    for (const BulkTable table : allBulkTables()) {
        if (loader->supports(table) && !proposalTables.contains(QLatin1String(bulkTableSpec(table).name))) {
            tables << table;
            report.rows.insert(QLatin1String(bulkTableSpec(table).name), 0);
        }
    }
    if (!withEvents) {
        report.notes << QStringLiteral("dpm_run_events and dpm_outbox left out: the store lacks the console's "
                                       "migration 0002 (dpmctl migrate apply adds it).");
    }
    if (!withProposals) {
        report.notes << QStringLiteral("proposal tables left out: the store lacks the proposals migrations (dpmctl "
                                       "migrate apply adds them).");
    }

    // A counting pass, so progress has a true total. It runs beside the load, as it takes half a
    // minute at scale L: until it is done, progress reports a total of 0 (not yet known). A
    // resumed load waits for it, to find where the store's rows end.
    struct Plan
    {
        DemoRunSimulator counted;
        std::optional<DemoProposalLoad> proposals; // counting them means making each once
        qint64 nanos = 0;
    };
    std::atomic<bool> stopPlanning = false;
    std::future<Plan> planning = std::async(std::launch::async, [&] {
        QElapsedTimer clock;
        clock.start();
        Plan plan { DemoRunSimulator(options.seed, options.spanDays, runCount, anchorMicros, withEvents),
            std::nullopt };
        for (qint64 chunk = 0; chunk < plan.counted.chunkCount() && !stopPlanning; ++chunk)
            plan.counted.generateChunk(chunk, nullptr);
        if (withProposals && !stopPlanning) {
            // Every twentieth proposal reuses a run's correlation id, so lineage links the two.
            plan.proposals.emplace(
                demoProposalOptions(options, plan.counted.runCorrelationSample()), demoProposalCount(runCount));
        }
        plan.nanos = clock.nsecsElapsed();
        return plan;
    });
    // Leaving early (an error) stops the count; the future waits for it on destruction.
    const auto stopPlan = qScopeGuard([&] { stopPlanning = true; });
    std::optional<Plan> plan;
    std::optional<DemoProposalLoad> proposals;
    const auto takePlan = [&](bool wait) {
        if (plan)
            return true;
        if (!wait && planning.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            return false;
        plan.emplace(planning.get());
        for (const BulkTable table : std::as_const(tables))
            report.plannedRows += plan->counted.count(table);
        if (withProposals) {
            proposals = std::move(plan->proposals);
            const QMap<QString, qint64> planned = proposals->plannedRows();
            for (auto it = planned.cbegin(); it != planned.cend(); ++it) {
                report.rows.insert(it.key(), 0);
                report.plannedRows += it.value();
            }
        }
        report.planSeconds = double(plan->nanos) / 1e9;
        return true;
    };
    const auto reportProgress = [&](qint64 rowsDone) {
        return !progress || progress(rowsDone, takePlan(false) ? report.plannedRows : 0, QStringLiteral("loading"));
    };

    DemoRunSimulator generator(options.seed, options.spanDays, runCount, anchorMicros, withEvents);
    qint64 firstChunk = 0;
    qint64 firstProposal = 0;
    if (!storeEmpty) {
        takePlan(true);
        firstChunk = committedChunks(store, plan->counted.chunkStarts());
        report.resumed = true;
        // The generator's state after those chunks comes from counting them again.
        for (qint64 chunk = 0; chunk < firstChunk; ++chunk)
            generator.generateChunk(chunk, nullptr);
        for (const BulkTable table : std::as_const(tables))
            report.keptRows += generator.count(table);
        if (proposals) {
            // Proposals follow the runs: a store holding some has every run of the load.
            firstProposal = proposals->presentProposals(store.proposals());
            if (firstProposal > 0 && firstChunk < generator.chunkCount()) {
                throw Error(ErrorKind::Conflict, QStringLiteral("DEMO_RESUME_MISMATCH"),
                    QStringLiteral("%1 holds demo proposals but not every run of this load; use an empty store.")
                        .arg(store.describe()));
            }
            for (const qint64 rows : proposals->rowsOf(0, firstProposal))
                report.keptRows += rows;
        }
    }

    const auto finishReport = [&] {
        for (const BulkTable table : std::as_const(tables)) {
            report.tableWriteSeconds.insert(
                QLatin1String(bulkTableSpec(table).name), double(loader->writeNanos(table)) / 1e9);
        }
        if (const QString note = dualWriteBulkNote(store, dualWriteBefore); !note.isEmpty())
            report.notes << note;
        report.totalSeconds = double(clock.nsecsElapsed()) / 1e9;
        return report;
    };
    if (!reportProgress(report.keptRows)) {
        report.cancelled = true;
        takePlan(true);
        return finishReport();
    }

    const qint64 chunksPerTransaction = std::max<qint64>(
        1, (options.runsPerTransaction + DemoRunSimulator::kChunkRuns - 1) / DemoRunSimulator::kChunkRuns);
    const qint64 chunksPerWrite = std::min(chunksPerTransaction, kChunksPerWrite);
    const qint64 chunkCount = generator.chunkCount();
    const auto endsTransaction
        = [&](qint64 chunk) { return (chunk + 1 - firstChunk) % chunksPerTransaction == 0 || chunk + 1 == chunkCount; };
    // The last chunk of the write starting at `chunk`: chunksPerWrite on, or the transaction's end.
    const auto lastOfWrite = [&](qint64 chunk) {
        const qint64 transactionLast
            = firstChunk + ((chunk - firstChunk) / chunksPerTransaction + 1) * chunksPerTransaction - 1;
        return std::min({ chunk + chunksPerWrite - 1, transactionLast, chunkCount - 1 });
    };
    struct Batch
    {
        BulkRows rows;
        qint64 lastChunk = 0;
    };
    // The generator runs on a thread of its own, a batch or two ahead of the writes, so making
    // rows overlaps with the database storing the previous ones. Only that thread touches the
    // generator and generateNanos until the prefetcher is gone.
    qint64 nextChunk = firstChunk;
    qint64 generateNanos = 0;
    qint64 commitNanos = 0;
    std::array<qint64, kBulkTableCount> uncommitted {};
    qint64 done = report.keptRows;
    {
        Prefetcher<Batch> batches([&]() -> std::optional<Batch> {
            if (nextChunk >= chunkCount)
                return std::nullopt;
            QElapsedTimer generating;
            generating.start();
            Batch batch;
            batch.lastChunk = lastOfWrite(nextChunk);
            for (; nextChunk <= batch.lastChunk; ++nextChunk)
                generator.generateChunk(nextChunk, &batch.rows);
            loader->prepare(batch.rows);
            generateNanos += generating.nsecsElapsed();
            return batch;
        });
        bool open = false;
        while (std::optional<Batch> batch = batches.next()) {
            if (!open) {
                loader->begin();
                open = true;
            }
            loader->write(batch->rows);
            for (const BulkTable table : std::as_const(tables))
                uncommitted[std::size_t(table)] += batch->rows.rowCount(table);
            done += batch->rows.totalRows();
            if (!reportProgress(done)) {
                loader->rollback();
                report.cancelled = true;
                break;
            }
            if (endsTransaction(batch->lastChunk)) {
                QElapsedTimer committing;
                committing.start();
                loader->commit();
                commitNanos += committing.nsecsElapsed();
                open = false;
                for (const BulkTable table : std::as_const(tables)) {
                    report.rows[QLatin1String(bulkTableSpec(table).name)] += uncommitted[std::size_t(table)];
                    uncommitted[std::size_t(table)] = 0;
                }
            }
        }
    }
    takePlan(true);
    if (!report.cancelled && proposals) {
        // As many proposals per transaction as runs (a proposal is about as many rows as a run).
        const qint64 end = proposals->writeBulk(
            store.proposals(), *loader, firstProposal, options.runsPerTransaction, [&](qint64 index) {
                done += proposals->totalRowsOf(index);
                return !progress || progress(done, report.plannedRows, QStringLiteral("loading"));
            });
        report.cancelled = end < proposals->count();
        const QMap<QString, qint64> written = proposals->rowsOf(firstProposal, end);
        for (auto it = written.cbegin(); it != written.cend(); ++it)
            report.rows[it.key()] += it.value();
    }
    report.generateSeconds = double(generateNanos) / 1e9;
    report.commitSeconds = double(commitNanos) / 1e9;
    if (!report.cancelled) {
        Q_ASSERT(done == report.plannedRows);
        if (progress)
            progress(done, report.plannedRows, QStringLiteral("analyzing"));
        loader->finish();
    }
    return finishReport();
}

} // namespace dpm
