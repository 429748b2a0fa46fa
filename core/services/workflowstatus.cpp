#include "workflowstatus.h"

#include "domain/apijson.h"
#include "store/supportstore.h"

namespace dpm {

WorkflowSettings workflowSettingsFromEnvironment(const QProcessEnvironment &environment)
{
    WorkflowSettings settings;
    const QString flag = environment.value(QStringLiteral("DPM_WORKFLOW_ENABLED")).trimmed().toLower();
    settings.enabled = flag == QLatin1String("1") || flag == QLatin1String("true") || flag == QLatin1String("yes")
        || flag == QLatin1String("on");
    QSet<QString> statuses;
    const QString csv = environment.value(QStringLiteral("DPM_WORKFLOW_REQUIRES_REVIEW_FOR_STATUSES"));
    for (const QString &part : csv.split(QLatin1Char(','))) {
        if (const QString status = part.trimmed(); !status.isEmpty())
            statuses.insert(status);
    }
    if (!statuses.isEmpty())
        settings.requiresReviewForStatuses = statuses;
    return settings;
}

WorkflowState workflowStateOfRun(SupportStore &store, const RebalanceRun &run, const WorkflowSettings &settings)
{
    WorkflowState state;
    state.runId = run.rebalanceRunId;
    state.runStatus = run.status();
    // Oldest first, so the first decision with the greatest decided_at is Python's max().
    for (const WorkflowDecision &decision : store.listWorkflowDecisions(run.rebalanceRunId)) {
        if (!state.latestDecision || decision.decidedAt > state.latestDecision->decidedAt)
            state.latestDecision = decision;
    }
    state.requiresReview = settings.enabled && settings.requiresReviewForStatuses.contains(state.runStatus);
    if (!state.requiresReview)
        state.workflowStatus = QStringLiteral("NOT_REQUIRED");
    else if (!state.latestDecision || state.latestDecision->action == QLatin1String("REQUEST_CHANGES"))
        state.workflowStatus = QStringLiteral("PENDING_REVIEW");
    else if (state.latestDecision->action == QLatin1String("APPROVE"))
        state.workflowStatus = QStringLiteral("APPROVED");
    else if (state.latestDecision->action == QLatin1String("REJECT"))
        state.workflowStatus = QStringLiteral("REJECTED");
    else
        state.workflowStatus = QStringLiteral("PENDING_REVIEW"); // an action the service never writes
    return state;
}

QJsonObject workflowStateJson(const WorkflowState &state)
{
    return { { QStringLiteral("run_id"), state.runId }, { QStringLiteral("run_status"), state.runStatus },
        { QStringLiteral("workflow_status"), state.workflowStatus },
        { QStringLiteral("requires_review"), state.requiresReview },
        { QStringLiteral("latest_decision"),
            state.latestDecision ? QJsonValue(decisionJson(*state.latestDecision)) : QJsonValue(QJsonValue::Null) } };
}

} // namespace dpm
