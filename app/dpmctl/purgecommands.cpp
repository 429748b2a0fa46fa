// dpmctl purge …: run retention and async-operation TTL (Part A §6, §10; Part B §5, §6.6). The
// service purges lazily before its reads; the console never does, so these commands are the only
// way it deletes, and --dry-run shows the same counts first.

#include "command.h"
#include "domain/apijson.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "output.h"
#include "services/retentionpurge.h"

namespace dpm::cli {

namespace {

// Far enough back that any real cut-off fits, near enough that the arithmetic cannot overflow.
constexpr qint64 kMaxPurgeSeconds = qint64(10000) * 366 * 86400;

// The required whole number N of --retention-days / --ttl-seconds. N < 1 is valid: the purge is
// then disabled, as in the service.
qint64 requiredCount(const ParsedCommand &command, const QString &option, const QString &errorCode, qint64 unitSeconds)
{
    const auto text = command.value(option);
    if (!text) {
        throw UsageError { QStringLiteral("\"%1\" needs --%2 N; usage: %3.")
                               .arg(command.spec->name(), option,
                                   QStringLiteral("dpmctl ") + command.spec->name() + QStringLiteral(" --") + option
                                       + QStringLiteral(" N [--now T] [--dry-run]")) };
    }
    bool ok = false;
    const qint64 n = text->trimmed().toLongLong(&ok);
    if (!ok || n > kMaxPurgeSeconds / unitSeconds) {
        throw Error(ErrorKind::InvalidInput, errorCode,
            QStringLiteral("--%1 %2 is not a whole number up to %3; pass e.g. --%1 30 (below 1 disables the purge).")
                .arg(option, *text)
                .arg(kMaxPurgeSeconds / unitSeconds));
    }
    return n;
}

QString nowOption(const ParsedCommand &command)
{
    const auto text = command.value(QStringLiteral("now"));
    return text ? normalizeTimestamp(*text) : nowTimestamp();
}

// The report as JSON (purgeReportJson plus what was asked) and as text for people.
CommandOutput purgeOutput(SupportStore &store, const PurgeReport &report, const QString &target, const QString &option,
    qint64 n, const QString &now, const QStringList &tables)
{
    CommandOutput out;
    out.json = purgeReportJson(report);
    out.json.insert(QStringLiteral("store"), store.describe());
    out.json.insert(QStringLiteral("target"), target);
    out.json.insert(option, n);
    out.json.insert(QStringLiteral("now"), now);

    QJsonObject shown = out.json;
    QStringList keys { QStringLiteral("store"), option, QStringLiteral("now"), QStringLiteral("cutoff") };
    if (!report.cutoff.isEmpty()) {
        // One line per table, in the order the purge goes through them.
        for (const QString &table : tables)
            shown.insert(table, report.count(table));
        keys += tables;
        keys << QStringLiteral("total");
    }
    out.text = formatRecord(shown, keys);
    if (report.cutoff.isEmpty())
        out.text += QStringLiteral("%1 is below 1: the purge is disabled, nothing deleted.\n").arg(option);
    else
        out.text += report.dryRun ? QStringLiteral("dry run: nothing deleted\n") : QStringLiteral("deleted\n");
    return out;
}

// Through the one purge of services/retentionpurge: a real purge is recorded in the console's
// audit log (refused without its table unless --no-audit); a dry run changes nothing.
PurgeResult purge(CommandContext &context, const ParsedCommand &command, PurgeOptions options)
{
    options.dryRun = command.flag(QStringLiteral("dry-run"));
    options.audit = auditModeOf(command);
    const PurgeResult result = purgeExpired(context.store(), options);
    noteNotRecorded(context, result.auditError);
    return result;
}

CommandOutput purgeRuns(CommandContext &context, const ParsedCommand &command)
{
    const qint64 days
        = requiredCount(command, QStringLiteral("retention-days"), QStringLiteral("INVALID_RETENTION_DAYS"), 86400);
    PurgeOptions options;
    options.target = PurgeTarget::Runs;
    options.retentionDays = int(days); // bounded by kMaxPurgeSeconds / 86400
    options.now = nowOption(command);
    const PurgeResult result = purge(context, command, options);
    return purgeOutput(context.store(), result.report, QStringLiteral("runs"), QStringLiteral("retention_days"), days,
        options.now, runPurgeTables());
}

CommandOutput purgeOperations(CommandContext &context, const ParsedCommand &command)
{
    PurgeOptions options;
    options.target = PurgeTarget::Operations;
    options.ttlSeconds
        = requiredCount(command, QStringLiteral("ttl-seconds"), QStringLiteral("INVALID_TTL_SECONDS"), 1);
    options.now = nowOption(command);
    const PurgeResult result = purge(context, command, options);
    return purgeOutput(context.store(), result.report, QStringLiteral("operations"), QStringLiteral("ttl_seconds"),
        options.ttlSeconds, options.now, { QStringLiteral("dpm_async_operations") });
}

} // namespace

QList<CommandSpec> purgeCommands()
{
    const OptionSpec now { QStringLiteral("now"), QStringLiteral("T"),
        QStringLiteral("the moment the cut-off is taken from (ISO-8601; default now)") };
    const OptionSpec dryRun { QStringLiteral("dry-run"), QString(),
        QStringLiteral("count what would be deleted, delete nothing") };
    return {
        { { QStringLiteral("purge"), QStringLiteral("runs") }, {},
            { { QStringLiteral("retention-days"), QStringLiteral("N"),
                  QStringLiteral("required; runs created more than N days before --now expire (below 1: "
                                 "disabled)") },
                now, dryRun, noAuditOption() },
            QStringLiteral("Delete expired runs with their artifacts, idempotency rows, decisions and lineage, in one "
                           "transaction; prints the count per table. Recorded in the console's audit log."),
            purgeRuns },
        { { QStringLiteral("purge"), QStringLiteral("operations") }, {},
            { { QStringLiteral("ttl-seconds"), QStringLiteral("N"),
                  QStringLiteral("required; operations finished (or created) more than N seconds before --now "
                                 "expire (below 1: disabled)") },
                now, dryRun, noAuditOption() },
            QStringLiteral("Delete expired async operations (their lineage edges stay); prints the count. Recorded in "
                           "the console's audit log."),
            purgeOperations },
    };
}

} // namespace dpm::cli
