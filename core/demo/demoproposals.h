#pragma once

#include "domain/proposals.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace dpm {

class ProposalStore;

// The advisory proposals of the demo data (domain spec Part B §3, §4.2, §9.5): one proposal per
// index, deterministic from the seed, every state reached by a legal path of §4.2 (rejected at
// each review, cancelled, expired, executed, and every waiting state), one to four versions with
// a proposal result, artifact (hashed by the service's rule), evidence bundle and gate decision,
// approvals of the three types, create idempotency rows, simulation replay rows and async
// operations in every status (failed ones with the service's error shape).

struct DemoProposal
{
    ProposalRecord record;
    QList<ProposalVersion> versions;
    QList<ProposalWorkflowEvent> events;
    QList<ProposalApproval> approvals;
    QList<ProposalIdempotency> idempotency;
    QList<ProposalSimulationIdempotency> simulationIdempotency;
    // Operations that created this proposal or its versions, plus, now and then, one that never
    // produced a proposal (failed, pending or running: proposal_id null).
    QList<ProposalAsyncOperation> operations;
    // With integrity faults: the finding code this proposal was broken for (empty otherwise).
    QString injectedFault;
};

struct DemoProposalOptions
{
    quint64 seed = 1;
    qint64 fromMicros = 0; // the time span every row lies in
    qint64 toMicros = 0;
    // Breaks a handful of proposals on purpose (every 61st, rotating over the check's codes),
    // so the integrity check has something to find. Never on by default.
    bool withIntegrityFaults = false;
    // Correlation ids of demo runs (demoRunCorrelationSample): the first version of every
    // twentieth proposal (kDemoProposalRunLinkEvery, which ones depends on the seed) carries one
    // of them, in order, as its result's correlation_id, so that run's lineage shows the proposal.
    // Empty: no proposal reuses a run's correlation id.
    QStringList runCorrelationIds;
};

// One proposal in this many reuses a demo run's correlation id.
constexpr qint64 kDemoProposalRunLinkEvery = 20;

// The run correlation id the proposal of `index` reuses, if any.
std::optional<QString> demoProposalRunCorrelation(qint64 index, const DemoProposalOptions &options);

// About one proposal per twenty runs.
qint64 demoProposalCount(qint64 runCount);

// The proposal of one index (0-based). Same options and index -> the same rows.
DemoProposal generateDemoProposal(qint64 index, const DemoProposalOptions &options);

// Writes one demo proposal through the store's ProposalStore calls (tests and small stores;
// the demo generator's bulk path writes the same rows).
void writeDemoProposal(ProposalStore &store, const DemoProposal &proposal);

// The finding codes --with-integrity-faults injects, in rotation order.
QStringList demoIntegrityFaultCodes();

} // namespace dpm
