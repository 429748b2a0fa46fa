// dpmctl demo …: the deterministic demo data of benchmarks.md "Data sets", loaded through the
// store's bulk path (core/demo/demogenerator.h).

#include "command.h"
#include "demo/demogenerator.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "output.h"
#include "services/dualwriteopening.h"
#include "services/storeopening.h"
#include "store/supportstore.h"

#include <QFileInfo>
#include <QJsonArray>

#include <utility>

namespace dpm::cli {

namespace {

Error invalidOption(const QString &message)
{
    return Error(ErrorKind::InvalidInput, QStringLiteral("DEMO_OPTIONS_INVALID"), message);
}

DemoOptions demoOptions(const ParsedCommand &command)
{
    DemoOptions options;
    const auto scale = command.value(QStringLiteral("scale"));
    if (!scale)
        throw UsageError { QStringLiteral("\"demo generate\" needs --scale S, M or L (10,000 / 100,000 / "
                                          "1,000,000 runs).") };
    const auto parsedScale = demoScaleFromName(*scale);
    if (!parsedScale)
        throw invalidOption(QStringLiteral("--scale %1 is not S, M or L; pass e.g. --scale S.").arg(*scale));
    options.scale = *parsedScale;
    if (const auto seed = command.value(QStringLiteral("seed"))) {
        bool ok = false;
        options.seed = seed->trimmed().toULongLong(&ok);
        if (!ok)
            throw invalidOption(QStringLiteral("--seed %1 is not a whole number from 0 to 2^64-1; pass e.g. "
                                               "--seed 1.")
                                    .arg(*seed));
    }
    if (const auto anchor = command.value(QStringLiteral("anchor")))
        options.anchor = normalizeTimestamp(*anchor);
    if (const auto span = command.value(QStringLiteral("span-days"))) {
        bool ok = false;
        options.spanDays = span->trimmed().toInt(&ok);
        if (!ok || options.spanDays < 1 || options.spanDays > 3650)
            throw invalidOption(
                QStringLiteral("--span-days %1 is not a whole number from 1 to 3650; pass e.g. --span-days 90.")
                    .arg(*span));
    }
    options.resume = command.flag(QStringLiteral("resume"));
    options.withIntegrityFaults = command.flag(QStringLiteral("with-integrity-faults"));
    return options;
}

CommandOutput demoGenerate(CommandContext &context, const ParsedCommand &command)
{
    const DemoOptions options = demoOptions(command);

    // A SQLite file that does not exist yet is created and migrated, as "migrate apply" would;
    // any other store is opened as it is (never migrated implicitly) and must hold the schema.
    const ResolvedLocation &resolved = context.location();
    std::unique_ptr<SupportStore> created;
    SupportStore *store = nullptr;
    if (!resolved.isEmbeddedDefault && resolved.location.backend() == StoreBackend::Sqlite
        && !QFileInfo::exists(resolved.location.sqlitePath())) {
        context.progress(QStringLiteral("demo: creating and migrating %1").arg(resolved.location.redacted()));
        // With DUAL_WRITE_MODE on, the new store's rows go to PostgreSQL too, as every command's do.
        created = openStoreWithDualWrite(resolved.location, OpenOptions { .applyMigrations = true }, context.environment());
        store = created.get();
    } else {
        store = &context.store();
    }

    // The load starts while its rows are still being counted: until the total is known there is
    // no percentage to print, so one line says so.
    const auto steps = context.stepProgress(QStringLiteral("demo:"));
    bool countingSaid = false;
    const DemoReport report
        = generateDemoData(*store, options, [&](qint64 done, qint64 total, const QString &phase) {
              if (total > 0)
                  return steps(done, total, phase);
              if (!std::exchange(countingSaid, true))
                  context.progress(QStringLiteral("demo: %1 (counting the rows to write)").arg(phase));
              return true;
          });

    CommandOutput out;
    out.json = report.toJson();
    out.json.insert(QStringLiteral("store"), store->describe());
    out.json.insert(QStringLiteral("store_created"), created != nullptr);

    QJsonArray tables;
    const QJsonObject rates = out.json.value(QStringLiteral("table_write_rows_per_second")).toObject();
    for (auto it = report.rows.cbegin(); it != report.rows.cend(); ++it) {
        tables.append(QJsonObject { { QStringLiteral("table"), it.key() }, { QStringLiteral("rows"), it.value() },
            { QStringLiteral("write_seconds"),
                report.tableWriteSeconds.contains(it.key())
                    ? QJsonValue(QString::number(report.tableWriteSeconds.value(it.key()), 'f', 2))
                    : QJsonValue(QJsonValue::Null) },
            { QStringLiteral("write_rows_per_second"), rates.value(it.key()) } });
    }
    QJsonObject shown = out.json;
    shown.insert(QStringLiteral("total_seconds"), QString::number(report.totalSeconds, 'f', 2));
    shown.insert(QStringLiteral("generate_seconds"), QString::number(report.generateSeconds, 'f', 2));
    out.text
        = formatRecord(shown,
              { QStringLiteral("store"), QStringLiteral("store_created"), QStringLiteral("scale"),
                  QStringLiteral("seed"), QStringLiteral("from"), QStringLiteral("anchor"), QStringLiteral("run_count"),
                  QStringLiteral("cancelled"), QStringLiteral("resumed"), QStringLiteral("kept_rows"),
                  QStringLiteral("total_rows"), QStringLiteral("total_seconds"),
                  QStringLiteral("generate_seconds"), QStringLiteral("rows_per_second"), QStringLiteral("notes") })
        + QLatin1Char('\n')
        + formatTable(tables,
            { QStringLiteral("table"), QStringLiteral("rows"), QStringLiteral("write_seconds"),
                QStringLiteral("write_rows_per_second") });
    return out;
}

} // namespace

QList<CommandSpec> demoCommands()
{
    return {
        { { QStringLiteral("demo"), QStringLiteral("generate") }, {},
            { { QStringLiteral("scale"), QStringLiteral("S|M|L"),
                  QStringLiteral("10,000, 100,000 or 1,000,000 runs with their rows (required)") },
                { QStringLiteral("seed"), QStringLiteral("N"), QStringLiteral("same seed, same rows (default 1)") },
                { QStringLiteral("anchor"), QStringLiteral("T"),
                    QStringLiteral("end of the time span (default 2026-03-01T00:00:00+00:00)") },
                { QStringLiteral("span-days"), QStringLiteral("D"),
                    QStringLiteral("length of the time span in days (default 90)") },
                { QStringLiteral("resume"), {},
                    QStringLiteral("continue an interrupted load (same --scale, --seed, --anchor, --span-days): the "
                                   "runs it committed stay, the rest is added") },
                { QStringLiteral("with-integrity-faults"), {},
                    QStringLiteral("break every 61st demo proposal on purpose (one integrity finding each, rotating "
                                   "over the check's codes), so \"proposals check\" has something to find") } },
            QStringLiteral("Fill an empty store with deterministic demo data: runs with their rows, then about one "
                           "advisory proposal per twenty runs (creates and migrates a new SQLite file; other stores "
                           "must be migrated). The load commits a few thousand runs, or as many proposals, at a time: "
                           "an interrupted load is resumable, not undone."),
            demoGenerate },
    };
}

} // namespace dpm::cli
