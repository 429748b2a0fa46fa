// dpmctl runs …, artifact, idempotency history: the run lookups of Part B §6.1, §6.3 and §9.2.

#include "command.h"
#include "domain/apijson.h"
#include "output.h"
#include "services/artifact.h"
#include "services/runlookup.h"
#include "store/supportstore.h"

namespace dpm::cli {

namespace {

const QStringList kRunListColumns { QStringLiteral("rebalance_run_id"), QStringLiteral("status"),
    QStringLiteral("created_at"), QStringLiteral("portfolio_id"), QStringLiteral("correlation_id"),
    QStringLiteral("idempotency_key"), QStringLiteral("request_hash") };

const QStringList kRunRecordKeys { QStringLiteral("rebalance_run_id"), QStringLiteral("correlation_id"),
    QStringLiteral("request_hash"), QStringLiteral("idempotency_key"), QStringLiteral("portfolio_id"),
    QStringLiteral("created_at"), QStringLiteral("status"), QStringLiteral("result_json_error"),
    QStringLiteral("result") };

CommandOutput runOutput(const RebalanceRun &run)
{
    CommandOutput out;
    out.json = runLookupJson(run);
    QJsonObject shown = out.json;
    shown.insert(QStringLiteral("status"), run.status());
    out.text = formatRecord(shown, kRunRecordKeys);
    return out;
}

CommandOutput listRuns(CommandContext &context, const ParsedCommand &command)
{
    RunFilter filter;
    filter.createdFrom = timestampOption(command, QStringLiteral("from"));
    filter.createdTo = timestampOption(command, QStringLiteral("to"));
    filter.status = command.value(QStringLiteral("status"));
    filter.requestHash = command.value(QStringLiteral("request-hash"));
    filter.portfolioId = command.value(QStringLiteral("portfolio"));
    PageRequest page;
    page.limit = parseLimit(command.value(QStringLiteral("limit")));
    page.cursor = command.value(QStringLiteral("cursor"));

    CommandOutput out;
    out.json = listingJson(context.store().listRuns(filter, page), runListItemJson);
    out.text = formatListing(out.json, kRunListColumns);
    return out;
}

CommandOutput getRun(CommandContext &context, const ParsedCommand &command)
{
    return runOutput(requireRun(context.store(), command.positional(0)));
}

CommandOutput runByCorrelation(CommandContext &context, const ParsedCommand &command)
{
    return runOutput(requireRunByCorrelation(context.store(), command.positional(0)));
}

CommandOutput runByRequestHash(CommandContext &context, const ParsedCommand &command)
{
    return runOutput(requireRunByRequestHash(context.store(), command.positional(0)));
}

CommandOutput runByIdempotency(CommandContext &context, const ParsedCommand &command)
{
    return runOutput(requireRunByIdempotencyKey(context.store(), command.positional(0)));
}

CommandOutput runArtifact(CommandContext &context, const ParsedCommand &command)
{
    const RunArtifactView view = runArtifactView(context.store(), command.positional(0));
    CommandOutput out;
    out.json = view.json;
    if (!view.valid) {
        out.text = QStringLiteral("source: persisted\n") + formatRecord(out.json, out.json.keys());
        return out;
    }
    const QString stored = storedArtifactHash(out.json);
    QString text = QStringLiteral("source:        %1\n")
                       .arg(view.persisted ? QStringLiteral("persisted") : QStringLiteral("derived"));
    text += QStringLiteral("artifact_id:   %1\n").arg(displayValue(out.json.value(QStringLiteral("artifact_id"))));
    text += QStringLiteral("artifact_hash: %1 (%2)\n")
                .arg(stored.isEmpty() ? QStringLiteral("-") : stored,
                    stored == view.computedHash ? QStringLiteral("verified")
                                                : QStringLiteral("MISMATCH: computed ") + view.computedHash);
    text += QStringLiteral("artifact:\n") + jsonText(out.json);
    out.text = text;
    return out;
}

CommandOutput idempotencyHistory(CommandContext &context, const ParsedCommand &command)
{
    const QString key = command.positional(0);
    CommandOutput out;
    out.json = idempotencyHistoryJson(key, requireIdempotencyHistory(context.store(), key));
    out.text = QStringLiteral("idempotency_key: %1\n").arg(key)
        + formatTable(out.json.value(QStringLiteral("history")).toArray(),
            { QStringLiteral("created_at"), QStringLiteral("rebalance_run_id"), QStringLiteral("correlation_id"),
                QStringLiteral("request_hash") });
    return out;
}

} // namespace

QList<CommandSpec> runCommands()
{
    QList<OptionSpec> listOptions { { QStringLiteral("from"), QStringLiteral("T"),
                                        QStringLiteral("created at or after T (inclusive)") },
        { QStringLiteral("to"), QStringLiteral("T"), QStringLiteral("created at or before T (inclusive)") },
        { QStringLiteral("status"), QStringLiteral("S"),
            QStringLiteral("result status: READY, PENDING_REVIEW, BLOCKED") },
        { QStringLiteral("request-hash"), QStringLiteral("H"), QStringLiteral("exact request hash") },
        { QStringLiteral("portfolio"), QStringLiteral("P"), QStringLiteral("exact portfolio id") } };
    listOptions += pagingOptions();

    return {
        { { QStringLiteral("runs"), QStringLiteral("list") }, {}, listOptions,
            QStringLiteral("List runs, newest first (created_at DESC, rebalance_run_id DESC)."), listRuns },
        { { QStringLiteral("runs"), QStringLiteral("get") }, { QStringLiteral("RUN_ID") }, {},
            QStringLiteral("Show a run with its result (DPM_RUN_NOT_FOUND when unknown)."), getRun },
        { { QStringLiteral("runs"), QStringLiteral("by-correlation") }, { QStringLiteral("CORRELATION_ID") }, {},
            QStringLiteral("Show the run of a correlation id."), runByCorrelation },
        { { QStringLiteral("runs"), QStringLiteral("by-request-hash") }, { QStringLiteral("REQUEST_HASH") }, {},
            QStringLiteral("Show the latest run with a request hash."), runByRequestHash },
        { { QStringLiteral("runs"), QStringLiteral("by-idempotency") }, { QStringLiteral("KEY") }, {},
            QStringLiteral("Show the run an idempotency key maps to (DPM_IDEMPOTENCY_KEY_NOT_FOUND when unmapped)."),
            runByIdempotency },
        { { QStringLiteral("artifact") }, { QStringLiteral("RUN_ID") }, {},
            QStringLiteral("Show a run's artifact: the persisted one, else derived from its result; checks its hash."),
            runArtifact },
        { { QStringLiteral("idempotency"), QStringLiteral("history") }, { QStringLiteral("KEY") }, {},
            QStringLiteral("Show every run recorded with an idempotency key, oldest first."), idempotencyHistory },
    };
}

} // namespace dpm::cli
