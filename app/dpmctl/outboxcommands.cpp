// dpmctl outbox …: the delivery backlog of run events (Part A §8): listing, backlog figures,
// failure groups, and the operators' repairs (retry, discard, purge) through the audited actions
// of services/outboxactions, each with --dry-run first.

#include "command.h"
#include "domain/apijson.h"
#include "domain/error.h"
#include "domain/runevents.h"
#include "domain/timestamp.h"
#include "output.h"
#include "services/outboxactions.h"
#include "store/runeventstore.h"
#include "store/supportstore.h"

namespace dpm::cli {

namespace {

const QStringList kListColumns { QStringLiteral("outbox_id"), QStringLiteral("status"), QStringLiteral("topic"),
    QStringLiteral("attempts"), QStringLiteral("next_attempt_at"), QStringLiteral("created_at"),
    QStringLiteral("rebalance_run_id"), QStringLiteral("last_error") };

std::optional<QString> statusOption(const ParsedCommand &command)
{
    const auto status = command.value(QStringLiteral("status"));
    if (status && !outboxStatuses().contains(*status)) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_OUTBOX_STATUS"),
            QStringLiteral("--status %1 is not a delivery state; pass one of %2.")
                .arg(*status, outboxStatuses().join(QStringLiteral(", "))));
    }
    return status;
}

OutboxFilter filterOf(const ParsedCommand &command)
{
    OutboxFilter filter;
    filter.status = statusOption(command);
    filter.topic = command.value(QStringLiteral("topic"));
    filter.rebalanceRunId = command.value(QStringLiteral("run"));
    filter.createdFrom = timestampOption(command, QStringLiteral("from"));
    filter.createdTo = timestampOption(command, QStringLiteral("to"));
    return filter;
}

QList<OptionSpec> filterOptions()
{
    return { { QStringLiteral("status"), QStringLiteral("S"), QStringLiteral("PENDING, DELIVERED, FAILED or DEAD") },
        { QStringLiteral("topic"), QStringLiteral("T"), QStringLiteral("exact topic") },
        { QStringLiteral("run"), QStringLiteral("RUN_ID"), QStringLiteral("deliveries of that run's events") },
        { QStringLiteral("from"), QStringLiteral("T"), QStringLiteral("created at or after T (inclusive)") },
        { QStringLiteral("to"), QStringLiteral("T"), QStringLiteral("created at or before T (inclusive)") } };
}

QString nowOption(const ParsedCommand &command)
{
    const auto text = command.value(QStringLiteral("now"));
    return text ? normalizeTimestamp(*text) : nowTimestamp();
}

CommandOutput listOutbox(CommandContext &context, const ParsedCommand &command)
{
    const OutboxFilter filter = filterOf(command);
    PageRequest page;
    page.limit = parseLimit(command.value(QStringLiteral("limit")));
    page.cursor = command.value(QStringLiteral("cursor"));
    CommandOutput out;
    out.json = listingJson(context.store().runEvents().listOutbox(filter, page), outboxDeliveryJson);
    out.text = formatListing(out.json, kListColumns);
    return out;
}

CommandOutput outboxStats(CommandContext &context, const ParsedCommand &command)
{
    const QString now = nowOption(command);
    CommandOutput out;
    out.json = outboxStatsJson(context.store().runEvents().outboxStats(now));
    out.json.insert(QStringLiteral("now"), now);
    out.text = formatRecord(out.json,
        { QStringLiteral("now"), QStringLiteral("pending"), QStringLiteral("due_now"),
            QStringLiteral("oldest_pending_age_seconds"), QStringLiteral("failed"), QStringLiteral("dead"),
            QStringLiteral("delivered"), QStringLiteral("attempts") });
    return out;
}

CommandOutput outboxGroups(CommandContext &context, const ParsedCommand &)
{
    QJsonArray groups;
    for (const OutboxFailureGroup &group : context.store().runEvents().failureGroups())
        groups << outboxFailureGroupJson(group);
    CommandOutput out;
    out.json = { { QStringLiteral("groups"), groups } };
    out.text = formatTable(groups,
                   { QStringLiteral("group_id"), QStringLiteral("count"), QStringLiteral("failed"),
                       QStringLiteral("dead"), QStringLiteral("fingerprint"), QStringLiteral("sample_error") })
        + QStringLiteral("%1 groups; retry one with dpmctl outbox retry --group G\n").arg(groups.size());
    return out;
}

// What retry and discard act on: --id, --group or the filters, exactly one kind of them.
OutboxSelection selectionOf(const ParsedCommand &command)
{
    OutboxSelection selection;
    selection.outboxId = command.value(QStringLiteral("id"));
    selection.groupId = command.value(QStringLiteral("group"));
    selection.filter = filterOf(command);
    const int kinds = int(bool(selection.outboxId)) + int(bool(selection.groupId)) + int(!selection.filter.isEmpty());
    if (kinds != 1) {
        throw UsageError { QStringLiteral("\"%1\" needs exactly one of --id ID, --group G or filters (--status, "
                                          "--topic, --run, --from, --to); usage: %2.")
                               .arg(command.spec->name(),
                                   QStringLiteral("dpmctl ") + command.spec->name()
                                       + QStringLiteral(" (--id ID | --group G | filters) [--dry-run]")) };
    }
    return selection;
}

CommandOutput actionOutput(CommandContext &context, const OutboxActionOptions &options)
{
    const OutboxActionResult result = runOutboxAction(context.store(), options);
    noteNotRecorded(context, result.auditError);
    CommandOutput out;
    out.json = outboxActionResultJson(options.kind, result);
    out.json.insert(QStringLiteral("store"), context.store().describe());
    out.json.insert(QStringLiteral("now"), options.now);
    QStringList keys { QStringLiteral("store"), QStringLiteral("action"), QStringLiteral("now") };
    if (options.kind == OutboxActionKind::Purge) {
        out.json.insert(QStringLiteral("older_than_days"), options.olderThanDays);
        keys << QStringLiteral("older_than_days");
    } else {
        out.json.insert(QStringLiteral("selection"), outboxSelectionJson(options.selection));
        keys << QStringLiteral("selection");
    }
    if (options.kind == OutboxActionKind::Discard) {
        out.json.insert(QStringLiteral("reason"), options.reason);
        keys << QStringLiteral("reason");
    }
    keys << QStringLiteral("affected");
    out.text = formatRecord(out.json, keys)
        + (result.dryRun ? QStringLiteral("dry run: nothing changed\n") : QStringLiteral("done\n"));
    return out;
}

OutboxActionOptions actionOptions(const ParsedCommand &command, OutboxActionKind kind)
{
    OutboxActionOptions options;
    options.kind = kind;
    options.now = nowOption(command);
    options.dryRun = command.flag(QStringLiteral("dry-run"));
    options.audit = auditModeOf(command);
    return options;
}

CommandOutput retryDeliveries(CommandContext &context, const ParsedCommand &command)
{
    OutboxActionOptions options = actionOptions(command, OutboxActionKind::Retry);
    options.selection = selectionOf(command);
    return actionOutput(context, options);
}

CommandOutput discardDeliveries(CommandContext &context, const ParsedCommand &command)
{
    OutboxActionOptions options = actionOptions(command, OutboxActionKind::Discard);
    options.selection = selectionOf(command);
    options.reason = command.value(QStringLiteral("reason")).value_or(QString());
    return actionOutput(context, options);
}

CommandOutput purgeDelivered(CommandContext &context, const ParsedCommand &command)
{
    OutboxActionOptions options = actionOptions(command, OutboxActionKind::Purge);
    const auto text = command.value(QStringLiteral("delivered-older-than-days"));
    if (!text) {
        throw UsageError { QStringLiteral("\"outbox purge\" needs --delivered-older-than-days N; usage: dpmctl outbox "
                                          "purge --delivered-older-than-days N [--dry-run].") };
    }
    bool ok = false;
    const int days = text->trimmed().toInt(&ok);
    if (!ok || days < 1 || days > 3660000) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_RETENTION_DAYS"),
            QStringLiteral("--delivered-older-than-days %1 is not a whole number of at least 1; pass e.g. 7.")
                .arg(*text));
    }
    options.olderThanDays = days;
    return actionOutput(context, options);
}

} // namespace

QList<CommandSpec> outboxCommands()
{
    const OptionSpec now { QStringLiteral("now"), QStringLiteral("T"),
        QStringLiteral("the moment to count from (ISO-8601; default now)") };
    const OptionSpec dryRun { QStringLiteral("dry-run"), QString(),
        QStringLiteral("count what would change, change nothing") };
    QList<OptionSpec> listOptions = filterOptions() + pagingOptions();
    QList<OptionSpec> selectOptions { { QStringLiteral("id"), QStringLiteral("ID"), QStringLiteral("one delivery") },
        { QStringLiteral("group"), QStringLiteral("G"), QStringLiteral("a failure group of dpmctl outbox groups") } };
    selectOptions += filterOptions();
    QList<OptionSpec> retryOptions = selectOptions;
    retryOptions << now << dryRun << noAuditOption();
    QList<OptionSpec> discardOptions = selectOptions;
    discardOptions << OptionSpec { QStringLiteral("reason"), QStringLiteral("R"),
        QStringLiteral("why, kept in last_error as \"discarded: R\"") }
                   << now << dryRun << noAuditOption();

    QList<CommandSpec> commands {
        { { QStringLiteral("outbox"), QStringLiteral("list") }, {}, listOptions,
            QStringLiteral("List outbox deliveries, newest first."), listOutbox },
        { { QStringLiteral("outbox"), QStringLiteral("stats") }, {}, { now },
            QStringLiteral("Backlog figures: deliveries per state, due now, age of the oldest pending, attempts."),
            outboxStats },
        { { QStringLiteral("outbox"), QStringLiteral("groups") }, {}, {},
            QStringLiteral("Failed and dead deliveries grouped by their normalised last error."), outboxGroups },
        { { QStringLiteral("outbox"), QStringLiteral("retry") }, {}, retryOptions,
            QStringLiteral("Make FAILED or DEAD deliveries PENDING and due now. Recorded in the console's audit log."),
            retryDeliveries },
        { { QStringLiteral("outbox"), QStringLiteral("discard") }, {}, discardOptions,
            QStringLiteral("Give up PENDING or FAILED deliveries (DEAD, with the reason). Recorded in the console's "
                           "audit log."),
            discardDeliveries },
        { { QStringLiteral("outbox"), QStringLiteral("purge") }, {},
            { { QStringLiteral("delivered-older-than-days"), QStringLiteral("N"),
                  QStringLiteral("required; delete DELIVERED deliveries delivered more than N days before --now") },
                now, dryRun, noAuditOption() },
            QStringLiteral("Delete old delivered deliveries. Recorded in the console's audit log."), purgeDelivered },
    };
    commands << outboxRelayCommand();
    return commands;
}

} // namespace dpm::cli
