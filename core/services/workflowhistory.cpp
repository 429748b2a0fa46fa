#include "workflowhistory.h"

#include "domain/error.h"
#include "services/runlookup.h"
#include "store/supportstore.h"

namespace dpm {

WorkflowHistory workflowHistoryOfRun(SupportStore &store, const QString &runId)
{
    WorkflowHistory history { runId, store.listWorkflowDecisions(runId) };
    if (history.decisions.isEmpty() && !store.getRun(runId)) {
        throw Error(ErrorKind::NotFound, QStringLiteral("DPM_RUN_NOT_FOUND"),
            QStringLiteral("No run has id %1; check it, or find the run with dpmctl runs list.").arg(runId));
    }
    return history;
}

WorkflowHistory workflowHistoryByCorrelation(SupportStore &store, const QString &correlationId)
{
    std::optional<WorkflowHistory> history = store.getWorkflowHistoryByCorrelation(correlationId);
    if (!history) {
        throw Error(ErrorKind::NotFound, QStringLiteral("DPM_RUN_NOT_FOUND"),
            QStringLiteral("No run has correlation id %1; check it, or look it up with dpmctl find (it may be "
                           "the correlation id of a decision or an operation).")
                .arg(correlationId));
    }
    return *std::move(history);
}

WorkflowHistory workflowHistoryByIdempotencyKey(SupportStore &store, const QString &idempotencyKey)
{
    return workflowHistoryOfRun(store, requireIdempotencyMapping(store, idempotencyKey).rebalanceRunId);
}

} // namespace dpm
