#pragma once

#include "domain/entities.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace dpm {

class SupportStore;

// The single-item lookups of Part B §6.1 with the service's not-found codes, as dpmctl and
// `dpmctl serve` both answer them. Each throws dpm::Error NotFound with the code named and a
// sentence saying what to check.

// DPM_RUN_NOT_FOUND.
RebalanceRun requireRun(SupportStore &store, const QString &rebalanceRunId);
RebalanceRun requireRunByCorrelation(SupportStore &store, const QString &correlationId);
// The latest run with that request hash.
RebalanceRun requireRunByRequestHash(SupportStore &store, const QString &requestHash);

// DPM_IDEMPOTENCY_KEY_NOT_FOUND when the key has no current mapping.
IdempotencyMapping requireIdempotencyMapping(SupportStore &store, const QString &idempotencyKey);
// The run the key maps to: DPM_IDEMPOTENCY_KEY_NOT_FOUND, then DPM_RUN_NOT_FOUND for a mapping
// that names no stored run.
RebalanceRun requireRunByIdempotencyKey(SupportStore &store, const QString &idempotencyKey);
// The key's history (§6.3); an empty history counts as missing: DPM_IDEMPOTENCY_KEY_NOT_FOUND.
QList<IdempotencyHistoryEntry> requireIdempotencyHistory(SupportStore &store, const QString &idempotencyKey);

// DPM_ASYNC_OPERATION_NOT_FOUND.
AsyncOperation requireOperation(SupportStore &store, const QString &operationId);
AsyncOperation requireOperationByCorrelation(SupportStore &store, const QString &correlationId);

// A run's artifact (§9.2) as the API answers it: the persisted row when there is one, else derived
// from the run's result (DERIVED mode), the same rule as the support bundle's artifact.
// DPM_RUN_NOT_FOUND for an unknown run.
struct RunArtifactView
{
    bool persisted = false;
    // False when the persisted text is not a JSON object (Part A §11): `json` is then
    // {rebalance_run_id, artifact: null, artifact_json_error{message, raw}}.
    bool valid = true;
    QJsonObject json;
    // The hash computed over what is stored (empty when not valid), to compare with
    // storedArtifactHash(json).
    QString computedHash;
};
RunArtifactView runArtifactView(SupportStore &store, const QString &rebalanceRunId);

} // namespace dpm
