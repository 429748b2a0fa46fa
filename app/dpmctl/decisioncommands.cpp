// dpmctl decisions …: the append-only workflow decisions (Part B §2.6, §5).

#include "command.h"
#include "domain/apijson.h"
#include "output.h"
#include "services/workflowhistory.h"
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

CommandOutput historyOutput(const WorkflowHistory &history)
{
    CommandOutput out;
    out.json = workflowHistoryJson(history.runId, history.decisions);
    out.text = QStringLiteral("run_id: %1\n").arg(history.runId)
        + formatTable(out.json.value(QStringLiteral("decisions")).toArray(), kDecisionColumns)
        + QStringLiteral("%1 decisions\n").arg(history.decisions.size());
    return out;
}

CommandOutput decisionsForRun(CommandContext &context, const ParsedCommand &command)
{
    return historyOutput(workflowHistoryOfRun(context.store(), command.positional(0)));
}

CommandOutput decisionsByCorrelation(CommandContext &context, const ParsedCommand &command)
{
    return historyOutput(workflowHistoryByCorrelation(context.store(), command.positional(0)));
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
            QStringLiteral("The workflow history {run_id, decisions[]} of the run with this correlation id, "
                           "oldest first."),
            decisionsByCorrelation },
    };
}

} // namespace dpm::cli
