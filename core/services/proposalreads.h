#pragma once

#include "domain/proposals.h"

#include <QString>

namespace dpm {

class ProposalStore;

// The proposal lookups of the service's API (http-api.md §5) with its not-found codes, for every
// front end (dpmctl, serve, the console): each returns the row or throws dpm::Error of kind
// NotFound with the service's code and a sentence.

ProposalRecord requireProposal(ProposalStore &store, const QString &proposalId); // PROPOSAL_NOT_FOUND
// The proposal's current (highest) version: PROPOSAL_NOT_FOUND, or PROPOSAL_VERSION_NOT_FOUND
// when the proposal has no version row.
ProposalVersion requireCurrentVersion(ProposalStore &store, const QString &proposalId);
ProposalVersion requireVersion(ProposalStore &store, const QString &proposalId, qint64 versionNo); // PROPOSAL_VERSION_NOT_FOUND
ProposalIdempotency requireProposalIdempotency(ProposalStore &store, const QString &key); // PROPOSAL_IDEMPOTENCY_KEY_NOT_FOUND
ProposalAsyncOperation requireProposalOperation(ProposalStore &store, const QString &operationId); // PROPOSAL_ASYNC_OPERATION_NOT_FOUND
ProposalAsyncOperation requireProposalOperationByCorrelation(ProposalStore &store, const QString &correlationId);

} // namespace dpm
