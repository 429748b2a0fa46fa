#pragma once

#include "domain/entities.h"

#include <QString>

namespace dpm {

class SupportStore;

// A run's append-only workflow decisions as the service's API answers them, oldest first.

// By run id (RFC-0023 `…/runs/{id}/workflow/history`). An unknown run is DPM_RUN_NOT_FOUND;
// decisions whose run is gone (hand-made rows) are still answered.
WorkflowHistory workflowHistoryOfRun(SupportStore &store, const QString &runId);

// By the correlation id of a run (`…/workflow/decisions/by-correlation/{id}`, Part A §12): that
// run's history; DPM_RUN_NOT_FOUND when no run has the correlation id. A decision's own
// correlation id does not count here (find-anything matches it).
WorkflowHistory workflowHistoryByCorrelation(SupportStore &store, const QString &correlationId);

// By idempotency key (`…/runs/idempotency/{key}/workflow/history`): the history of the run the key
// currently maps to; DPM_IDEMPOTENCY_KEY_NOT_FOUND when the key maps to nothing.
WorkflowHistory workflowHistoryByIdempotencyKey(SupportStore &store, const QString &idempotencyKey);

} // namespace dpm
