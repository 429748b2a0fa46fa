#include "outboxactions.h"

#include "store/runeventstore.h"
#include "store/supportstore.h"
#include "store/serverprobe.h"

#include <QElapsedTimer>

namespace dpm {

namespace {

qint64 apply(RunEventStore &events, const OutboxActionOptions &o, bool dryRun)
{
    switch (o.kind) {
    case OutboxActionKind::Retry:
        return events.retryDeliveries(o.selection, o.now, dryRun);
    case OutboxActionKind::Discard:
        return events.discardDeliveries(o.selection, o.reason, dryRun);
    case OutboxActionKind::Purge:
        return events.purgeDelivered(o.olderThanDays, o.now, dryRun);
    }
    return 0;
}

QJsonObject actionDetails(const OutboxActionOptions &o)
{
    QJsonObject details { { QStringLiteral("now"), o.now } };
    if (o.kind == OutboxActionKind::Purge) {
        details.insert(QStringLiteral("older_than_days"), o.olderThanDays);
    } else {
        details.insert(QStringLiteral("selection"), outboxSelectionJson(o.selection));
        if (o.kind == OutboxActionKind::Discard)
            details.insert(QStringLiteral("reason"), o.reason);
    }
    return details;
}

QString progressSentence(const OutboxActionOptions &o)
{
    if (o.dryRun)
        return QStringLiteral("Counting the deliveries this would change…");
    switch (o.kind) {
    case OutboxActionKind::Retry:
        return QStringLiteral("Making the selected deliveries due again, in one transaction…");
    case OutboxActionKind::Discard:
        return QStringLiteral("Discarding the selected deliveries, in one transaction…");
    case OutboxActionKind::Purge:
        return QStringLiteral("Deleting old delivered deliveries, in one transaction…");
    }
    return {};
}

} // namespace

QString outboxActionName(OutboxActionKind kind)
{
    switch (kind) {
    case OutboxActionKind::Retry:
        return QStringLiteral("outbox.retry");
    case OutboxActionKind::Discard:
        return QStringLiteral("outbox.discard");
    case OutboxActionKind::Purge:
        return QStringLiteral("outbox.purge");
    }
    return {};
}

OutboxActionResult runOutboxAction(
    SupportStore &store, const OutboxActionOptions &options, const ActionProgressFn &progress, CancelToken *cancel)
{
    if (!options.dryRun)
        refuseChangesOnReplica(store, QStringLiteral("the outbox repair"));
    store.runEvents().requireAvailable();
    const bool audited = !options.dryRun && options.audit == AuditMode::Required;
    if (audited)
        requireAuditable(store, options.audit);
    const QString what = options.dryRun ? QStringLiteral("The preview") : QStringLiteral("The outbox repair");
    throwIfCancelled(cancel, what);
    if (progress)
        progress(0, 0, progressSentence(options));

    OutboxActionResult result;
    result.dryRun = options.dryRun;
    QJsonObject details = actionDetails(options);
    QElapsedTimer timer;
    timer.start();
    StatementCancel statements(store, cancel);
    try {
        result.affected = apply(store.runEvents(), options, options.dryRun);
    } catch (const Error &error) {
        statements.end();
        if (audited) {
            details.insert(QStringLiteral("duration_ms"), timer.elapsed());
            details.insert(QStringLiteral("error"), error.message());
            recordAction(store, outboxActionName(options.kind), details, auditOutcomeOf(error));
        }
        throw;
    }
    statements.end();
    result.durationMs = timer.elapsed();
    if (audited) {
        details.insert(QStringLiteral("duration_ms"), result.durationMs);
        details.insert(QStringLiteral("affected"), result.affected);
        result.auditError = recordAction(store, outboxActionName(options.kind), details, QStringLiteral("succeeded"));
        result.recorded = !result.auditError;
    }
    if (progress)
        progress(1, 1, QStringLiteral("%1 deliveries %2.").arg(result.affected).arg(options.dryRun ? QLatin1String("would change") : QLatin1String("changed")));
    return result;
}

OutboxActionResult previewOutboxAction(SupportStore &store, OutboxActionOptions options, CancelToken *cancel)
{
    store.runEvents().requireAvailable();
    requireAuditable(store, options.audit);
    options.dryRun = true;
    return runOutboxAction(store, options, {}, cancel);
}

QJsonObject outboxActionResultJson(OutboxActionKind kind, const OutboxActionResult &result)
{
    return { { QStringLiteral("action"), outboxActionName(kind) }, { QStringLiteral("dry_run"), result.dryRun },
        { QStringLiteral("affected"), result.affected }, { QStringLiteral("duration_ms"), result.durationMs },
        { QStringLiteral("recorded"), result.recorded } };
}

QJsonObject outboxSelectionJson(const OutboxSelection &selection)
{
    if (selection.outboxId)
        return { { QStringLiteral("outbox_id"), *selection.outboxId } };
    if (selection.groupId)
        return { { QStringLiteral("group_id"), *selection.groupId } };
    QJsonObject filter;
    const auto add = [&](const char *key, const std::optional<QString> &value) {
        if (value)
            filter.insert(QLatin1String(key), *value);
    };
    const OutboxFilter &f = selection.filter;
    add("status", f.status);
    add("topic", f.topic);
    add("rebalance_run_id", f.rebalanceRunId);
    add("created_from", f.createdFrom);
    add("created_to", f.createdTo);
    return { { QStringLiteral("filter"), filter } };
}

} // namespace dpm
