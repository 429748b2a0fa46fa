#pragma once

#include "domain/canceltoken.h"
#include "domain/proposals.h" // proposalArtifactHashOfText

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace dpm {

class ProposalStore;

// An auditor's integrity check of the proposal lifecycle, beyond what the service checks: the
// stored history must be one the service could have written. Each finding has a stable code and
// a sentence naming the row:
//   PROPOSAL_NO_EVENTS                  a proposal without any workflow event
//   PROPOSAL_EVENT_FORBIDDEN            an event §4.2's transition map forbids in the replayed state
//   PROPOSAL_EVENT_FROM_STATE_MISMATCH  an event whose from_state is not the replayed state
//   PROPOSAL_STATE_MISMATCH             current_state is not the last event's to_state
//   PROPOSAL_CURRENT_VERSION_MISSING    current_version_no has no version row
//   PROPOSAL_VERSION_GAP                version numbers are not 1, 2, … without a gap
//   PROPOSAL_APPROVAL_WITHOUT_EVENT     an approval without the workflow event written with it
//   PROPOSAL_ARTIFACT_HASH_MISMATCH     artifact_hash differs from the one recomputed from artifact_json
//   PROPOSAL_ARTIFACT_JSON_INVALID      artifact_json is not JSON, so its hash cannot be recomputed
struct ProposalFinding
{
    QString code;
    QString proposalId;
    QString message;
    std::optional<QString> eventId;
    std::optional<QString> approvalId;
    std::optional<qint64> versionNo;
    bool operator==(const ProposalFinding &) const = default;
};

struct ProposalIntegrityReport
{
    qint64 proposalsChecked = 0;
    QList<ProposalFinding> findings;
    bool cancelled = false; // stopped by the cancel token: the report covers what was checked
};

// The findings about one proposal's stored rows. `artifacts` are the versions' artifact_json by
// version_no (versions without an entry are not hash-checked).
QList<ProposalFinding> checkProposalAggregate(
    const ProposalAggregate &aggregate, const std::function<std::optional<QString>(qint64 versionNo)> &artifactOf);

// One proposal; PROPOSAL_NOT_FOUND when the store has no such proposal.
ProposalIntegrityReport checkProposal(ProposalStore &store, const QString &proposalId);

// Every proposal, newest first, a page at a time; `progress(checked, findings)` after each
// proposal; stops between proposals when `cancel` is cancelled.
ProposalIntegrityReport checkAllProposals(ProposalStore &store,
    const std::function<void(qint64 checked, qint64 findings)> &progress = {},
    const std::shared_ptr<CancelToken> &cancel = {});

// {proposals_checked, finding_count, cancelled, findings:[{code, proposal_id, version_no,
// event_id, approval_id, message}]}
QJsonObject proposalIntegrityReportJson(const ProposalIntegrityReport &report);

} // namespace dpm
