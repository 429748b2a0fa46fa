#include "supportstore.h"

#include "domain/timestamp.h"

namespace dpm {

QStringList runPurgeTables()
{
    return { QStringLiteral("dpm_runs"), QStringLiteral("dpm_run_artifacts"), QStringLiteral("dpm_run_idempotency"),
        QStringLiteral("dpm_run_idempotency_history"), QStringLiteral("dpm_workflow_decisions"),
        QStringLiteral("dpm_lineage_edges") };
}

PurgeReport startRunPurge(int retentionDays, const QString &now, bool dryRun)
{
    PurgeReport report;
    report.dryRun = dryRun;
    for (const QString &table : runPurgeTables())
        report.deleted.insert(table, 0);
    if (retentionDays >= 1)
        report.cutoff = addSecondsToTimestamp(now, -qint64(retentionDays) * 86400);
    return report;
}

PurgeReport startOperationPurge(qint64 ttlSeconds, const QString &now, bool dryRun)
{
    PurgeReport report;
    report.dryRun = dryRun;
    report.deleted.insert(QStringLiteral("dpm_async_operations"), 0);
    if (ttlSeconds >= 1)
        report.cutoff = addSecondsToTimestamp(now, -ttlSeconds);
    return report;
}

} // namespace dpm
