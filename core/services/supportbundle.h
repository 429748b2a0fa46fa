#pragma once

#include "domain/entities.h"
#include "domain/runevents.h"
#include "store/investigationtypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace dpm {

class SupportStore;

// A run's support bundle (Part B §6.4): everything an engineer needs to investigate one run,
// read in one snapshot. Parts switched off by the options are empty here and null in the JSON.
struct SupportBundle
{
    SupportBundleOptions options;
    RebalanceRun run;
    // The persisted artifact row, if any; without it the artifact is derived from the run's result
    // (DERIVED mode) when the JSON is built. Unused when options.includeArtifact is off.
    std::optional<RunArtifact> storedArtifact;
    // The operation whose correlation_id is the run's (nullopt: none, or the toggle is off).
    std::optional<AsyncOperation> asyncOperation;
    QList<WorkflowDecision> decisions; // oldest first
    QList<LineageEdge> lineage; // §6.2 order
    // Set when includeIdempotencyHistory is on and the run has a key (the list may be empty).
    std::optional<QList<IdempotencyHistoryEntry>> idempotencyHistory;
    // The run's events with their deliveries, when the store has the run event tables
    // (console/0002 and 0006); nullopt on a store without them.
    std::optional<QList<RunEventWithDeliveries>> runEvents;
};

// Reads a bundle from any entry point with one store call. Never purges (Part A §10). Throws
// dpm::Error NotFound: DPM_RUN_NOT_FOUND (no such run, a mapping or an operation that leads to
// no run), DPM_IDEMPOTENCY_KEY_NOT_FOUND (the key has no mapping), DPM_ASYNC_OPERATION_NOT_FOUND.
SupportBundle buildSupportBundle(
    SupportStore &store, const SupportBundleEntry &entry, const SupportBundleOptions &options = {});

// The §6.4 body: {run, artifact, async_operation, workflow_history{run_id, decisions},
// lineage{entity_id, edges, next_cursor: null}, idempotency_history}. The artifact is the
// persisted one when a row exists (a row that is not JSON gives null plus "artifact_json_error"
// {message, raw}, Part A §11), else derived from the result; null when the toggle is off.
// The console adds its own key "run_events" (runEventsJson) when the bundle has them.
QJsonObject supportBundleJson(const SupportBundle &bundle);

// [{event fields (runEventJson)…, deliveries: [outboxDeliveryJson…]}] by sequence.
QJsonArray runEventsJson(const QList<RunEventWithDeliveries> &events);

} // namespace dpm
