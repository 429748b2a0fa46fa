// dpmctl decisions …: the append-only workflow decisions (Part B §2.6, §5).

#include "command.h"
#include "domain/apijson.h"
#include "domain/error.h"
#include "output.h"
#include "store/supportstore.h"

namespace dpm::cli {

namespace {

const QStringList kDecisionColumns { QStringLiteral("decided_at"), QStringLiteral("decision_id"),
    QStringLiteral("run_id"), QStringLiteral("action"), QStringLiteral("reason_code"), QStringLiteral("actor_id"),
    QStringLiteral("correlation_id"), QStringLiteral("comment") };

CommandOutput listDecisions(CommandContext &context, const ParsedCommand &command)
{
    DecisionFilter filter;
    filter.rebalanceRunId = command.value(QStringLiteral("run"));
    filter.action = command.value(QStringLiteral("action"));
    filter.actorId = command.value(QStringLiteral("actor"));
    filter.reasonCode = command.value(QStringLiteral("reason-code"));
    filter.decidedFrom = timestampOption(command, QStringLiteral("from"));
    filter.decidedTo = timestampOption(command, QStringLiteral("to"));
    PageRequest page;
    page.limit = parseLimit(command.value(QStringLiteral("limit")));
    page.cursor = command.value(QStringLiteral("cursor"));

    CommandOutput out;
    out.json = listingJson(context.store().listWorkflowDecisionsFiltered(filter, page), decisionJson);
    out.text = formatListing(out.json, kDecisionColumns);
    return out;
}

CommandOutput decisionsForRun(CommandContext &context, const ParsedCommand &command)
{
    const QString runId = command.positional(0);
    SupportStore &store = context.store();
    const auto decisions = store.listWorkflowDecisions(runId);
    // As the service's workflow history: an unknown run is not found. Decisions whose run is gone
    // (hand-made rows) are still shown.
    if (decisions.isEmpty() && !store.getRun(runId)) {
        throw Error(ErrorKind::NotFound, QStringLiteral("DPM_RUN_NOT_FOUND"),
            QStringLiteral("No run has id %1; check it, or find the run with dpmctl runs list.").arg(runId));
    }
    CommandOutput out;
    out.json = workflowHistoryJson(runId, decisions);
    out.text = QStringLiteral("run_id: %1\n").arg(runId)
        + formatTable(out.json.value(QStringLiteral("decisions")).toArray(), kDecisionColumns)
        + QStringLiteral("%1 decisions\n").arg(decisions.size());
    return out;
}

CommandOutput decisionsByCorrelation(CommandContext &context, const ParsedCommand &command)
{
    const QString correlationId = command.positional(0);
    const auto decisions = context.store().listWorkflowDecisionsByCorrelation(correlationId);
    CommandOutput out;
    out.json = decisionsByCorrelationJson(correlationId, decisions);
    out.text = QStringLiteral("correlation_id: %1\n").arg(correlationId)
        + formatTable(out.json.value(QStringLiteral("decisions")).toArray(), kDecisionColumns)
        + QStringLiteral("%1 decisions\n").arg(decisions.size());
    return out;
}

} // namespace

QList<CommandSpec> decisionCommands()
{
    QList<OptionSpec> listOptions { { QStringLiteral("run"), QStringLiteral("RUN_ID"),
                                        QStringLiteral("decisions on this run") },
        { QStringLiteral("action"), QStringLiteral("A"), QStringLiteral("APPROVE, REJECT or REQUEST_CHANGES") },
        { QStringLiteral("actor"), QStringLiteral("ACTOR"), QStringLiteral("exact actor id") },
        { QStringLiteral("reason-code"), QStringLiteral("CODE"), QStringLiteral("exact reason code") },
        { QStringLiteral("from"), QStringLiteral("T"), QStringLiteral("decided at or after T (inclusive)") },
        { QStringLiteral("to"), QStringLiteral("T"), QStringLiteral("decided at or before T (inclusive)") } };
    listOptions += pagingOptions();

    return {
        { { QStringLiteral("decisions"), QStringLiteral("list") }, {}, listOptions,
            QStringLiteral("List workflow decisions, newest first (decided_at DESC, decision_id DESC)."),
            listDecisions },
        { { QStringLiteral("decisions"), QStringLiteral("for-run") }, { QStringLiteral("RUN_ID") }, {},
            QStringLiteral("A run's workflow history {run_id, decisions[]}, oldest first."), decisionsForRun },
        { { QStringLiteral("decisions"), QStringLiteral("by-correlation") }, { QStringLiteral("CORRELATION_ID") }, {},
            QStringLiteral("Decisions made by action requests with a correlation id, oldest first."),
            decisionsByCorrelation },
    };
}

} // namespace dpm::cli
