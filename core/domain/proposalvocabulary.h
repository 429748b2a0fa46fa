#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace dpm {

// The advisory proposal vocabularies of Part B §4.2, as wire strings (the stored values).

QStringList proposalStateWireValues(); // DRAFT … EXPIRED, in lifecycle order
QStringList proposalEventTypeWireValues(); // CREATED … CANCELLED, in §4.2's order
QStringList proposalApprovalTypeWireValues(); // RISK, COMPLIANCE, CLIENT_CONSENT
QStringList proposalOperationTypeWireValues(); // CREATE_PROPOSAL, CREATE_PROPOSAL_VERSION

bool isTerminalProposalState(const QString &state); // EXECUTED, REJECTED, CANCELLED, EXPIRED

// The state an event moves a proposal in `state` to, by §4.2's transition map (CANCELLED from
// any non-terminal state); nullopt where the map forbids it (the service's INVALID_TRANSITION).
// The system events are not in the map: CREATED has no from-state and NEW_VERSION_CREATED keeps
// the state; see isSystemProposalEvent.
std::optional<QString> proposalTransition(const QString &state, const QString &eventType);
bool isSystemProposalEvent(const QString &eventType); // CREATED, NEW_VERSION_CREATED

// The approval rules of §4.2: the state an approval type may be recorded in, and the event it
// writes when approved or not (RISK in RISK_REVIEW -> RISK_APPROVED or REJECTED, …); nullopt for
// an unknown type.
struct ApprovalRule
{
    QString requiredState;
    QString approvedEvent;
    QString rejectedEvent; // always REJECTED
};
std::optional<ApprovalRule> proposalApprovalRule(const QString &approvalType);

} // namespace dpm
