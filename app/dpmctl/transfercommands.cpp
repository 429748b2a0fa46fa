// dpmctl transfer …: copy the store (--store, usually SQLite) into another (--to, usually a
// migrated PostgreSQL database) and check that both hold the same rows. A backfill that stopped
// for any reason continues with --resume; "transfer verify" is the parity check to run before
// pointing the service at the new store.

#include "command.h"
#include "domain/error.h"
#include "output.h"
#include "services/storeopening.h"
#include "services/transfer.h"
#include "services/transfersample.h"
#include "store/storelocation.h"
#include "store/supportstore.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <cmath>

namespace dpm::cli {

namespace {

std::unique_ptr<SupportStore> openTarget(CommandContext &context, const ParsedCommand &command)
{
    const auto to = command.value(QStringLiteral("to"));
    if (!to || to->trimmed().isEmpty()) {
        throw UsageError { QStringLiteral("\"%1\" needs --to LOCATION, the store to copy into; usage: dpmctl %1 "
                                          "--to postgresql://…  (with --store for the source).")
                               .arg(command.spec->name()) };
    }
    StoreLocation location = StoreLocation::parse(*to);
    context.progress(QStringLiteral("transfer: opening the target %1").arg(location.redacted()));
    // The target may keep its proposals in a database of their own, as the source may.
    if (const auto proposals = command.value(QStringLiteral("to-proposal-store"));
        proposals && !proposals->trimmed().isEmpty()) {
        const StoreLocation proposalLocation = StoreLocation::parse(*proposals);
        context.progress(QStringLiteral("transfer: the target's proposals go to %1").arg(proposalLocation.redacted()));
        location = location.withProposalStore(proposalLocation);
    }
    return openTransferTarget(location); // never migrated implicitly: it must be migrated first
}

int batchRows(const ParsedCommand &command)
{
    const auto text = command.value(QStringLiteral("batch-rows"));
    if (!text)
        return TransferOptions {}.batchRows;
    bool ok = false;
    const int n = text->trimmed().toInt(&ok);
    if (!ok || n < 1 || n > 1000000) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_BATCH_ROWS"),
            QStringLiteral("--batch-rows %1 is not a whole number from 1 to 1000000; pass e.g. --batch-rows 20000.")
                .arg(*text));
    }
    return n;
}

QString secondsText(double seconds)
{
    return QString::number(seconds, 'f', 2);
}

CommandOutput transferBackfill(CommandContext &context, const ParsedCommand &command)
{
    SupportStore &source = context.store();
    const std::unique_ptr<SupportStore> target = openTarget(context, command);
    TransferOptions options;
    options.batchRows = batchRows(command);
    options.resume = command.flag(QStringLiteral("resume"));
    options.repair = command.flag(QStringLiteral("repair"));
    const TransferReport report
        = backfillStore(source, *target, options, context.stepProgress(QStringLiteral("transfer: copying")));

    CommandOutput out;
    out.json = report.toJson();
    const double rate = report.totalSeconds > 0 ? report.copiedRows() / report.totalSeconds : 0;
    out.json.insert(QStringLiteral("rows_per_second"), qRound64(rate));

    QJsonArray tables;
    for (const QJsonValue &table : out.json.value(QStringLiteral("tables")).toArray()) {
        QJsonObject row = table.toObject();
        row.insert(QStringLiteral("seconds"), secondsText(row.value(QStringLiteral("seconds")).toDouble()));
        tables.append(row);
    }
    QJsonObject shown = out.json;
    shown.insert(QStringLiteral("total_seconds"), secondsText(report.totalSeconds));
    out.text = formatRecord(shown,
                   { QStringLiteral("source"), QStringLiteral("target"), QStringLiteral("resumed"),
                       QStringLiteral("repaired"), QStringLiteral("cancelled"), QStringLiteral("source_rows"), QStringLiteral("copied_rows"),
                       QStringLiteral("total_seconds"), QStringLiteral("rows_per_second"), QStringLiteral("notes") })
        + QLatin1Char('\n')
        + formatTable(tables,
            { QStringLiteral("table"), QStringLiteral("source_rows"), QStringLiteral("kept_rows"),
                QStringLiteral("copied_rows"), QStringLiteral("deleted_rows"), QStringLiteral("seconds") })
        + QStringLiteral("\nNext: dpmctl transfer verify --to … to compare both stores row by row.\n");
    return out;
}

double percentOption(const ParsedCommand &command, const QString &name, double fallback, const QString &code)
{
    const auto text = command.value(name);
    if (!text)
        return fallback;
    bool ok = false;
    const double value = text->trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value)) {
        throw Error(ErrorKind::InvalidInput, code,
            QStringLiteral("--%1 %2 is not a number of percent; pass e.g. --%1 1.").arg(name, *text));
    }
    return value;
}

CommandOutput transferVerifySample(CommandContext &context, const ParsedCommand &command, SupportStore &source,
    SupportStore &target)
{
    SampleOptions options;
    options.percent = percentOption(command, QStringLiteral("sample"), 1, QStringLiteral("INVALID_SAMPLE_PERCENT"));
    options.maxMismatchPercent = percentOption(
        command, QStringLiteral("max-mismatch-percent"), 1, QStringLiteral("INVALID_MISMATCH_PERCENT"));
    if (const auto seed = command.value(QStringLiteral("seed"))) {
        bool ok = false;
        options.seed = seed->trimmed().toULongLong(&ok);
        if (!ok) {
            throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_SEED"),
                QStringLiteral("--seed %1 is not a whole number from 0 to 18446744073709551615; pass e.g. --seed 42.")
                    .arg(*seed));
        }
    } else {
        options.seed = QRandomGenerator::system()->generate64(); // printed, so the same sample can be drawn again
    }
    // The phase is the table being sampled; the count is of the whole check.
    const SampleReport report = verifySample(source, target, options,
        context.stepProgress(QStringLiteral("transfer: sampling"), QStringLiteral("keys, every table both ways")));

    CommandOutput out;
    out.json = report.toJson();
    QJsonObject shown = out.json;
    shown.insert(QStringLiteral("total_seconds"), secondsText(report.totalSeconds));
    QJsonArray tables;
    for (const QJsonValue &table : out.json.value(QStringLiteral("tables")).toArray()) {
        QJsonObject row = table.toObject();
        row.insert(QStringLiteral("mismatch_percent"),
            QString::number(row.value(QStringLiteral("mismatch_percent")).toDouble(), 'f', 2));
        tables.append(row);
    }
    out.text = formatRecord(shown,
                   { QStringLiteral("source"), QStringLiteral("target"), QStringLiteral("mode"),
                       QStringLiteral("sample_percent"), QStringLiteral("max_mismatch_percent"), QStringLiteral("seed"),
                       QStringLiteral("passes"), QStringLiteral("total_seconds"), QStringLiteral("notes") })
        + QLatin1Char('\n')
        + formatTable(tables,
            { QStringLiteral("table"), QStringLiteral("source_rows"), QStringLiteral("target_rows"),
                QStringLiteral("sampled_from_source"), QStringLiteral("sampled_from_target"),
                QStringLiteral("missing_in_target"), QStringLiteral("extra_in_target"), QStringLiteral("differing"),
                QStringLiteral("mismatch_percent") });
    if (!report.samples.isEmpty()) {
        out.text += QStringLiteral("\nFirst differences:\n")
            + formatTable(out.json.value(QStringLiteral("samples")).toArray(),
                { QStringLiteral("table"), QStringLiteral("kind"), QStringLiteral("key") });
    }
    if (!report.passes()) {
        const QStringList over = report.tablesOverThreshold();
        const double threshold = report.maxMismatchPercent;
        const bool cancelled = report.cancelled;
        out.failure = [over, threshold, cancelled] {
            if (cancelled) {
                throw Error(ErrorKind::Conflict, QStringLiteral("TRANSFER_SAMPLE_MISMATCH"),
                    QStringLiteral("The sampled check was cancelled before every table was sampled; run it again."));
            }
            throw Error(ErrorKind::Conflict, QStringLiteral("TRANSFER_SAMPLE_MISMATCH"),
                QStringLiteral("More than %1 % of the sampled keys differ in %2; run the full check "
                               "(\"dpmctl transfer verify\" without --sample) to list every difference, then repair "
                               "with \"dpmctl transfer backfill --repair\".")
                    .arg(QString::number(threshold), over.join(QStringLiteral(", "))));
        };
    }
    return out;
}

CommandOutput transferVerify(CommandContext &context, const ParsedCommand &command)
{
    SupportStore &source = context.store();
    const std::unique_ptr<SupportStore> target = openTarget(context, command);
    if (command.value(QStringLiteral("sample")))
        return transferVerifySample(context, command, source, *target);
    if (command.value(QStringLiteral("max-mismatch-percent")) || command.value(QStringLiteral("seed")))
        throw UsageError { QStringLiteral("--max-mismatch-percent and --seed go with --sample PERCENT; usage: dpmctl "
                                          "transfer verify --to … --sample 1 [--max-mismatch-percent 1] [--seed N].") };
    const ParityReport report
        = verifyParity(source, *target, batchRows(command), context.stepProgress(QStringLiteral("transfer: comparing")));

    CommandOutput out;
    out.json = report.toJson();
    QJsonObject shown = out.json;
    shown.insert(QStringLiteral("total_seconds"), secondsText(report.totalSeconds));
    out.text = formatRecord(shown,
                   { QStringLiteral("source"), QStringLiteral("target"), QStringLiteral("matches"),
                       QStringLiteral("total_seconds"), QStringLiteral("notes") })
        + QLatin1Char('\n')
        + formatTable(out.json.value(QStringLiteral("tables")).toArray(),
            { QStringLiteral("table"), QStringLiteral("source_rows"), QStringLiteral("target_rows"),
                QStringLiteral("missing_in_target"), QStringLiteral("extra_in_target"), QStringLiteral("differing") });
    if (!report.samples.isEmpty()) {
        out.text += QStringLiteral("\nFirst differences:\n")
            + formatTable(out.json.value(QStringLiteral("samples")).toArray(),
                { QStringLiteral("table"), QStringLiteral("kind"), QStringLiteral("key") });
    }
    if (!report.matches()) {
        qint64 differences = 0;
        for (const ParityTableReport &table : report.tables)
            differences += table.missing + table.extra + table.differing;
        out.failure = [differences] {
            throw Error(ErrorKind::Conflict, QStringLiteral("TRANSFER_PARITY_MISMATCH"),
                QStringLiteral("The stores differ in %1 rows (listed above); resume the backfill with "
                               "\"dpmctl transfer backfill --resume\" (a copy that stopped), or repair it with "
                               "\"--repair\" (rows missed or changed since, as during dual-write), or inspect the "
                               "rows named above, then verify again.")
                    .arg(differences));
        };
    }
    return out;
}

OptionSpec toOption()
{
    return { QStringLiteral("to"), QStringLiteral("LOCATION"),
        QStringLiteral("the target store, e.g. postgresql://user@host/db (required; must be migrated)") };
}

OptionSpec toProposalStoreOption()
{
    return { QStringLiteral("to-proposal-store"), QStringLiteral("LOCATION"),
        QStringLiteral("where the target keeps its proposals, when in a database of their own (must be migrated)") };
}

OptionSpec batchOption()
{
    return { QStringLiteral("batch-rows"), QStringLiteral("N"),
        QStringLiteral("rows per transaction and per read (default 20000)") };
}

} // namespace

QList<CommandSpec> transferCommands()
{
    return {
        { { QStringLiteral("transfer"), QStringLiteral("backfill") }, {},
            { toOption(), toProposalStoreOption(), batchOption(),
                { QStringLiteral("resume"), {},
                    QStringLiteral("continue an interrupted backfill from the same source into the same target") },
                { QStringLiteral("repair"), {},
                    QStringLiteral("make a target the same source filled equal to it again: copy missing rows, "
                                   "replace differing ones, delete ones the source no longer has (after dual-write "
                                   "missed writes)") } },
            QStringLiteral("Copy every row of the store into an empty, migrated target (COPY on PostgreSQL), in "
                           "key order and a batch per transaction; records transfer.backfill in the target's audit "
                           "log."),
            transferBackfill },
        { { QStringLiteral("transfer"), QStringLiteral("verify") }, {},
            { toOption(), toProposalStoreOption(), batchOption(),
                { QStringLiteral("sample"), QStringLiteral("PERCENT"),
                    QStringLiteral("check a seeded random sample of this percent of each table's keys, drawn from "
                                   "both stores and looked up in the other (index seeks, not a full read)") },
                { QStringLiteral("max-mismatch-percent"), QStringLiteral("P"),
                    QStringLiteral("with --sample: the highest mismatch rate a table may have (default 1)") },
                { QStringLiteral("seed"), QStringLiteral("N"),
                    QStringLiteral("with --sample: the random seed, to draw the same keys again (default: random, "
                                   "printed)") } },
            QStringLiteral("Compare the store and the target row by row (parity); exits 4 with "
                           "TRANSFER_PARITY_MISMATCH when they differ. With --sample, compare a random sample and "
                           "exit 4 with TRANSFER_SAMPLE_MISMATCH when a table's mismatch rate is above the "
                           "threshold."),
            transferVerify },
    };
}

} // namespace dpm::cli
