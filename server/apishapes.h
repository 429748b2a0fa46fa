#pragma once

#include "apijsonwriter.h"

namespace dpm::serve::shapes {

// The response shapes of http-api.md §4/§2, fields in the order the service emits them.
extern const ApiShape runItem;
extern const ApiShape runListing;
extern const ApiShape runLookup;
extern const ApiShape idempotencyLookup;
extern const ApiShape idempotencyHistory;
extern const ApiShape summary;
extern const ApiShape artifact;
extern const ApiShape operationStatus;
extern const ApiShape operationListing;
extern const ApiShape decision;
extern const ApiShape decisionListing;
extern const ApiShape workflowHistory;
extern const ApiShape workflowState;
extern const ApiShape lineage;
extern const ApiShape supportBundle;

// http-api.md §5.
extern const ApiShape proposalSummary;
extern const ApiShape proposalListing;
extern const ApiShape proposalVersion;
extern const ApiShape proposalDetail;
extern const ApiShape proposalTimeline;
extern const ApiShape proposalApprovals;
extern const ApiShape proposalLineage;
extern const ApiShape proposalIdempotency;
extern const ApiShape proposalOperation;

extern const ApiShape detail; // {detail}
extern const ApiShape validationErrors; // {detail:[{type, loc, msg, input, ctx}]}
extern const ApiShape problem; // application/problem+json of a 500
extern const ApiShape health; // {status}

} // namespace dpm::serve::shapes
