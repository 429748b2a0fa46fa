#include "retentionpurge.h"

#include "domain/apijson.h"
#include "store/auditlog.h"
#include "store/serverprobe.h"

#include <QElapsedTimer>

namespace dpm {

namespace {

PurgeReport runPurge(SupportStore &store, const PurgeOptions &options, bool dryRun)
{
    return options.target == PurgeTarget::Runs ? store.purgeExpiredRuns(options.retentionDays, options.now, dryRun)
                                               : store.purgeExpiredOperations(options.ttlSeconds, options.now, dryRun);
}

QJsonObject purgeDetails(const PurgeOptions &options)
{
    QJsonObject details { { QStringLiteral("now"), options.now } };
    if (options.target == PurgeTarget::Runs)
        details.insert(QStringLiteral("retention_days"), options.retentionDays);
    else
        details.insert(QStringLiteral("ttl_seconds"), options.ttlSeconds);
    return details;
}

} // namespace

bool PurgeOptions::isDisabled() const
{
    return target == PurgeTarget::Runs ? retentionDays < 1 : ttlSeconds < 1;
}

QString purgeAction(PurgeTarget target)
{
    return target == PurgeTarget::Runs ? QStringLiteral("purge.runs") : QStringLiteral("purge.operations");
}

PurgeResult purgeExpired(
    SupportStore &store, const PurgeOptions &options, const ActionProgressFn &progress, CancelToken *cancel)
{
    const bool changes = !options.dryRun && !options.isDisabled();
    const bool audited = changes && options.audit == AuditMode::Required;
    if (changes)
        refuseChangesOnReplica(store, QStringLiteral("the purge"));
    if (audited)
        requireAuditable(store, options.audit);
    const QString what = options.dryRun ? QStringLiteral("The dry run") : QStringLiteral("The purge");
    throwIfCancelled(cancel, what);
    if (progress) {
        progress(0, 0,
            options.dryRun ? QStringLiteral("Counting what would be deleted…")
                           : QStringLiteral("Purging in one transaction (a cancel or a failure rolls it back: "
                                            "nothing is deleted)…"));
    }

    PurgeResult result;
    QJsonObject details = purgeDetails(options);
    QElapsedTimer timer;
    timer.start();
    StatementCancel statements(store, cancel);
    try {
        result.report = runPurge(store, options, options.dryRun);
    } catch (const Error &error) {
        statements.end();
        if (audited) {
            details.insert(QStringLiteral("duration_ms"), timer.elapsed());
            details.insert(QStringLiteral("error"), error.message());
            recordAction(store, purgeAction(options.target), details, auditOutcomeOf(error));
        }
        throw;
    }
    statements.end();
    result.durationMs = timer.elapsed();
    if (audited) {
        details.insert(QStringLiteral("duration_ms"), result.durationMs);
        details.insert(QStringLiteral("report"), purgeReportJson(result.report));
        result.auditError = recordAction(store, purgeAction(options.target), details, QStringLiteral("succeeded"));
        result.recorded = !result.auditError;
    }
    return result;
}

PurgeResult previewPurge(SupportStore &store, PurgeOptions options, CancelToken *cancel)
{
    if (!options.isDisabled())
        requireAuditable(store, options.audit);
    options.dryRun = true;
    return purgeExpired(store, options, {}, cancel);
}

} // namespace dpm
