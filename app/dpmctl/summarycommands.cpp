// dpmctl summary: the supportability summary of Part B §6.5.

#include "command.h"
#include "domain/apijson.h"
#include "domain/timestamp.h"
#include "output.h"
#include "services/summaryposture.h"
#include "store/supportstore.h"

namespace dpm::cli {

namespace {

CommandOutput summary(CommandContext &context, const ParsedCommand &)
{
    SupportStore &store = context.store();
    const SupportabilitySummary data = store.getSupportabilitySummary();
    const QString now = nowTimestamp();
    const SupportabilityPosture posture = supportabilityPosture(data, now);

    CommandOutput out;
    out.json = summaryDocument(
        data, store.backend(), retentionDaysFromEnvironment(context.environment()), now, summaryProposalCounts(store));

    QJsonObject shown = out.json;
    shown.insert(QStringLiteral("store"), store.describe());
    shown.remove(QStringLiteral("supportability"));
    shown.insert(QStringLiteral("state"), posture.state);
    shown.insert(QStringLiteral("reason"), posture.reason);
    shown.insert(QStringLiteral("freshness_bucket"), posture.freshnessBucket);
    out.text = formatRecord(shown,
        { QStringLiteral("store"), QStringLiteral("store_backend"), QStringLiteral("retention_days"),
            QStringLiteral("state"), QStringLiteral("reason"), QStringLiteral("freshness_bucket"),
            QStringLiteral("run_count"), QStringLiteral("run_status_counts"), QStringLiteral("oldest_run_created_at"),
            QStringLiteral("newest_run_created_at"), QStringLiteral("operation_count"),
            QStringLiteral("operation_status_counts"), QStringLiteral("oldest_operation_created_at"),
            QStringLiteral("newest_operation_created_at"), QStringLiteral("workflow_decision_count"),
            QStringLiteral("workflow_action_counts"), QStringLiteral("workflow_reason_code_counts"),
            QStringLiteral("lineage_edge_count") });
    return out;
}

} // namespace

QList<CommandSpec> summaryCommands()
{
    return {
        { { QStringLiteral("summary") }, {}, {},
            QStringLiteral("Counts, time range and supportability posture of the store (never purges)."), summary },
    };
}

} // namespace dpm::cli
