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
    CommandOutput out;
    out.json = readSummaryDocument(store, retentionDaysFromEnvironment(context.environment()), nowTimestamp());
    const QJsonObject posture = out.json.value(QStringLiteral("supportability")).toObject();

    QJsonObject shown = out.json;
    shown.insert(QStringLiteral("store"), store.describe());
    shown.remove(QStringLiteral("supportability"));
    for (const QString &key : { QStringLiteral("state"), QStringLiteral("reason"), QStringLiteral("freshness_bucket") })
        shown.insert(key, posture.value(key));
    out.text = formatRecord(shown,
        { QStringLiteral("store"), QStringLiteral("store_backend"), QStringLiteral("retention_days"),
            QStringLiteral("state"), QStringLiteral("reason"), QStringLiteral("freshness_bucket"),
            QStringLiteral("run_count"), QStringLiteral("run_status_counts"), QStringLiteral("oldest_run_created_at"),
            QStringLiteral("newest_run_created_at"), QStringLiteral("operation_count"),
            QStringLiteral("operation_status_counts"), QStringLiteral("oldest_operation_created_at"),
            QStringLiteral("newest_operation_created_at"), QStringLiteral("workflow_decision_count"),
            QStringLiteral("workflow_action_counts"), QStringLiteral("workflow_reason_code_counts"),
            QStringLiteral("lineage_edge_count"), QStringLiteral("proposals"), QStringLiteral("outbox") });
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
