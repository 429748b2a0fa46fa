// dpmctl runs …, artifact, idempotency history: the run lookups of Part B §6.1, §6.3 and §9.2.

#include "command.h"
#include "domain/apijson.h"
#include "domain/canonicaljson.h"
#include "domain/error.h"
#include "output.h"
#include "services/artifact.h"
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

[[noreturn]] void runNotFound(const QString &what)
{
    throw Error(ErrorKind::NotFound, QStringLiteral("DPM_RUN_NOT_FOUND"),
        QStringLiteral("No run has %1; check it, or find the run with dpmctl runs list.").arg(what));
}

CommandOutput runOutput(const std::optional<RebalanceRun> &run, const QString &what)
{
    if (!run)
        runNotFound(what);
    CommandOutput out;
    out.json = runLookupJson(*run);
    QJsonObject shown = out.json;
    shown.insert(QStringLiteral("status"), run->status());
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
    const QString id = command.positional(0);
    return runOutput(context.store().getRun(id), QStringLiteral("id %1").arg(id));
}

CommandOutput runByCorrelation(CommandContext &context, const ParsedCommand &command)
{
    const QString id = command.positional(0);
    return runOutput(context.store().getRunByCorrelation(id), QStringLiteral("correlation id %1").arg(id));
}

CommandOutput runByRequestHash(CommandContext &context, const ParsedCommand &command)
{
    const QString hash = command.positional(0);
    return runOutput(context.store().getRunByRequestHash(hash), QStringLiteral("request hash %1").arg(hash));
}

CommandOutput runByIdempotency(CommandContext &context, const ParsedCommand &command)
{
    const QString key = command.positional(0);
    SupportStore &store = context.store();
    const auto mapping = store.getIdempotencyMapping(key);
    if (!mapping) {
        throw Error(ErrorKind::NotFound, QStringLiteral("DPM_IDEMPOTENCY_KEY_NOT_FOUND"),
            QStringLiteral("No run is mapped to idempotency key %1; check the key.").arg(key));
    }
    return runOutput(store.getRun(mapping->rebalanceRunId),
        QStringLiteral("id %1 (the run idempotency key %2 maps to)").arg(mapping->rebalanceRunId, key));
}

CommandOutput runArtifact(CommandContext &context, const ParsedCommand &command)
{
    const QString id = command.positional(0);
    SupportStore &store = context.store();
    const auto run = store.getRun(id);
    if (!run)
        runNotFound(QStringLiteral("id %1").arg(id));

    CommandOutput out;
    QString source;
    QString computed;
    if (const auto persisted = store.getRunArtifact(id)) {
        source = QStringLiteral("persisted");
        QString message;
        const QJsonValue value = parseJsonText(persisted->artifactJson, &message);
        if (value.isObject()) {
            out.json = value.toObject();
            computed = artifactHashOfText(persisted->artifactJson);
        } else {
            // Part A §11: show what is stored instead of failing.
            out.json = { { QStringLiteral("rebalance_run_id"), id }, { QStringLiteral("artifact"), QJsonValue::Null },
                { QStringLiteral("artifact_json_error"),
                    QJsonObject {
                        { QStringLiteral("message"),
                            value.isUndefined() ? message : QStringLiteral("the artifact is not a JSON object") },
                        { QStringLiteral("raw"), persisted->artifactJson } } } };
            out.text = QStringLiteral("source: persisted\n") + formatRecord(out.json, out.json.keys());
            return out;
        }
    } else {
        source = QStringLiteral("derived");
        out.json = deriveRunArtifact(*run);
        computed = artifactHash(out.json);
    }

    const QString stored = storedArtifactHash(out.json);
    QString text = QStringLiteral("source:        %1\n").arg(source);
    text += QStringLiteral("artifact_id:   %1\n").arg(displayValue(out.json.value(QStringLiteral("artifact_id"))));
    text += QStringLiteral("artifact_hash: %1 (%2)\n")
                .arg(stored.isEmpty() ? QStringLiteral("-") : stored,
                    stored == computed ? QStringLiteral("verified") : QStringLiteral("MISMATCH: computed ") + computed);
    text += QStringLiteral("artifact:\n") + jsonText(out.json);
    out.text = text;
    return out;
}

CommandOutput idempotencyHistory(CommandContext &context, const ParsedCommand &command)
{
    const QString key = command.positional(0);
    const auto entries = context.store().listIdempotencyHistory(key);
    if (entries.isEmpty()) {
        throw Error(ErrorKind::NotFound, QStringLiteral("DPM_IDEMPOTENCY_KEY_NOT_FOUND"),
            QStringLiteral("Idempotency key %1 has no history; check the key.").arg(key));
    }
    CommandOutput out;
    out.json = idempotencyHistoryJson(key, entries);
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
