// dpmctl snapshot export / import: the whole store in one compressed file of JSON lines, and
// back into an empty store migrated as the source was (core/services/snapshotexport.h,
// snapshotimport.h) — the rollback point of a move to PostgreSQL.

#include "command.h"
#include "output.h"
#include "services/snapshotexport.h"
#include "services/snapshotimport.h"
#include "store/supportstore.h"

#include <QJsonArray>

namespace dpm::cli {

namespace {

CommandOutput reportOutput(const SnapshotReport &report, const QString &next)
{
    CommandOutput out;
    out.json = report.toJson();
    QJsonObject shown = out.json;
    shown.insert(QStringLiteral("total_seconds"), QString::number(report.totalSeconds, 'f', 2));
    out.text = formatRecord(shown,
                   { QStringLiteral("store"), QStringLiteral("file"), QStringLiteral("cancelled"), QStringLiteral("rows"),
                       QStringLiteral("file_bytes"), QStringLiteral("sha256"), QStringLiteral("total_seconds"),
                       QStringLiteral("rows_per_second"), QStringLiteral("notes") })
        + QLatin1Char('\n')
        + formatTable(out.json.value(QStringLiteral("tables")).toArray(), { QStringLiteral("table"), QStringLiteral("rows") })
        + next;
    return out;
}

CommandOutput snapshotExport(CommandContext &context, const ParsedCommand &command)
{
    const auto path = command.value(QStringLiteral("out"));
    if (!path || path->trimmed().isEmpty())
        throw UsageError { QStringLiteral("\"snapshot export\" needs --out FILE; usage: dpmctl snapshot export --out dpm.snapshot.gz") };
    const SnapshotReport report
        = exportSnapshot(context.store(), *path, context.stepProgress(QStringLiteral("snapshot: exporting")));
    return reportOutput(report,
        QStringLiteral("\nRestore with: dpmctl --store … snapshot import %1 (into an empty, migrated store).\n").arg(*path));
}

CommandOutput snapshotImport(CommandContext &context, const ParsedCommand &command)
{
    const QString path = command.positional(0);
    const SnapshotReport report = importSnapshot(
        context.store(), path, auditModeOf(command), context.stepProgress(QStringLiteral("snapshot: importing")));
    return reportOutput(report, QStringLiteral("\nNext: dpmctl transfer verify --to … to compare with the source.\n"));
}

} // namespace

QList<CommandSpec> snapshotCommands()
{
    return {
        { { QStringLiteral("snapshot"), QStringLiteral("export") }, {},
            { { QStringLiteral("out"), QStringLiteral("FILE"), QStringLiteral("the snapshot file to write (required; gzip)") } },
            QStringLiteral("Write every table of the store (DPM, run events and outbox, proposals, policy packs, "
                           "audit log) to one gzip file of canonical JSON lines, with the schema versions and row "
                           "counts in its header and a SHA-256 checksum line at the end."),
            snapshotExport },
        { { QStringLiteral("snapshot"), QStringLiteral("import") }, { QStringLiteral("FILE") }, { noAuditOption() },
            QStringLiteral("Load a snapshot into an empty store migrated to the snapshot's schema versions, in one "
                           "transaction through the bulk path; refuses a non-empty store, another schema, a truncated "
                           "file or a checksum mismatch. Recorded in the store's audit log."),
            snapshotImport },
    };
}

} // namespace dpm::cli
