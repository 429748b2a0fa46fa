#include "services/proposalintegrity.h"

#include "domain/error.h"
#include "domain/proposalvocabulary.h"
#include "store/proposalstore.h"

#include <QJsonArray>
#include <QSet>

namespace dpm {

namespace {

ProposalFinding finding(const QString &code, const QString &proposalId, const QString &message)
{
    ProposalFinding f;
    f.code = code;
    f.proposalId = proposalId;
    f.message = message;
    return f;
}

QString stateText(const std::optional<QString> &state)
{
    return state ? *state : QStringLiteral("(none)");
}

// Replays the events from no state; one finding per event the map forbids, continuing from the
// event's own to_state so that one bad row gives one finding.
void replayEvents(const ProposalAggregate &aggregate, QList<ProposalFinding> &out)
{
    const QString &pid = aggregate.proposal.proposalId;
    std::optional<QString> state;
    for (const ProposalWorkflowEvent &event : aggregate.events) {
        if (event.fromState != state) {
            ProposalFinding f = finding(QStringLiteral("PROPOSAL_EVENT_FROM_STATE_MISMATCH"), pid,
                QStringLiteral("Event %1 (%2) says it moved the proposal from %3, but the events before it leave it in %4.")
                    .arg(event.eventId, event.eventType, stateText(event.fromState), stateText(state)));
            f.eventId = event.eventId;
            out.append(f);
        }
        bool allowed = false;
        QString expected;
        if (event.eventType == QLatin1String("CREATED")) {
            allowed = !state && event.toState == QLatin1String("DRAFT");
            expected = QStringLiteral("which the lifecycle allows only as the first event, to DRAFT");
        } else if (event.eventType == QLatin1String("NEW_VERSION_CREATED")) {
            allowed = state && !isTerminalProposalState(*state) && event.toState == *state;
            expected = QStringLiteral("which the lifecycle allows only in a non-terminal state, keeping it");
        } else if (state) {
            const std::optional<QString> next = proposalTransition(*state, event.eventType);
            allowed = next && *next == event.toState;
            expected = next ? QStringLiteral("which the lifecycle allows only to %1").arg(*next)
                             : QStringLiteral("which the lifecycle does not allow in %1").arg(*state);
        } else {
            expected = QStringLiteral("which the lifecycle allows only after CREATED");
        }
        if (!allowed) {
            ProposalFinding f = finding(QStringLiteral("PROPOSAL_EVENT_FORBIDDEN"), pid,
                QStringLiteral("Event %1 moves the proposal from %2 to %3 by %4, %5.")
                    .arg(event.eventId, stateText(state), event.toState, event.eventType, expected));
            f.eventId = event.eventId;
            out.append(f);
        }
        state = event.toState;
    }
    if (aggregate.events.isEmpty()) {
        out.append(finding(QStringLiteral("PROPOSAL_NO_EVENTS"), pid,
            QStringLiteral("The proposal has no workflow event, not even CREATED.")));
    } else if (aggregate.proposal.currentState != aggregate.events.constLast().toState) {
        out.append(finding(QStringLiteral("PROPOSAL_STATE_MISMATCH"), pid,
            QStringLiteral("The proposal's current_state is %1, but its last event (%2) leaves it in %3.")
                .arg(aggregate.proposal.currentState, aggregate.events.constLast().eventId,
                    aggregate.events.constLast().toState)));
    }
}

void checkVersions(const ProposalAggregate &aggregate, QList<ProposalFinding> &out)
{
    const QString &pid = aggregate.proposal.proposalId;
    QSet<qint64> numbers;
    for (const ProposalVersionHeader &v : aggregate.versions)
        numbers.insert(v.versionNo);
    if (!numbers.contains(aggregate.proposal.currentVersionNo)) {
        ProposalFinding f = finding(QStringLiteral("PROPOSAL_CURRENT_VERSION_MISSING"), pid,
            QStringLiteral("The proposal's current_version_no is %1, but no version %1 is stored.")
                .arg(aggregate.proposal.currentVersionNo));
        f.versionNo = aggregate.proposal.currentVersionNo;
        out.append(f);
    }
    qint64 expected = 1;
    for (const ProposalVersionHeader &v : aggregate.versions) { // version_no ascending
        if (v.versionNo != expected) {
            ProposalFinding f = finding(QStringLiteral("PROPOSAL_VERSION_GAP"), pid,
                v.versionNo > expected
                    ? QStringLiteral("Version %1 follows version %2: versions %3 to %4 are missing.")
                          .arg(v.versionNo).arg(expected - 1).arg(expected).arg(v.versionNo - 1)
                    : QStringLiteral("Version %1 is out of sequence (expected %2).").arg(v.versionNo).arg(expected));
            f.versionNo = v.versionNo;
            out.append(f);
        }
        expected = v.versionNo + 1;
    }
}

// The service writes an approval and its event in one transaction with the same occurred_at,
// actor and related version; the event is the rule's approved event or REJECTED.
void checkApprovals(const ProposalAggregate &aggregate, QList<ProposalFinding> &out)
{
    QSet<QString> used;
    for (const ProposalApproval &approval : aggregate.approvals) {
        const std::optional<ApprovalRule> rule = proposalApprovalRule(approval.approvalType);
        const QString wanted = !rule ? QString() : approval.approved ? rule->approvedEvent : rule->rejectedEvent;
        bool found = false;
        for (const ProposalWorkflowEvent &event : aggregate.events) {
            if (used.contains(event.eventId) || event.eventType != wanted || event.occurredAt != approval.occurredAt
                || event.actorId != approval.actorId || event.relatedVersionNo != approval.relatedVersionNo)
                continue;
            used.insert(event.eventId);
            found = true;
            break;
        }
        if (!found) {
            ProposalFinding f = finding(QStringLiteral("PROPOSAL_APPROVAL_WITHOUT_EVENT"), aggregate.proposal.proposalId,
                QStringLiteral("Approval %1 (%2, %3, by %4 at %5) has no %6 workflow event written with it.")
                    .arg(approval.approvalId, approval.approvalType,
                        approval.approved ? QStringLiteral("approved") : QStringLiteral("not approved"),
                        approval.actorId, approval.occurredAt,
                        wanted.isEmpty() ? QStringLiteral("(unknown approval type)") : wanted));
            f.approvalId = approval.approvalId;
            out.append(f);
        }
    }
}

void checkArtifactHashes(const ProposalAggregate &aggregate,
    const std::function<std::optional<QString>(qint64)> &artifactOf, QList<ProposalFinding> &out)
{
    for (const ProposalVersionHeader &v : aggregate.versions) {
        const std::optional<QString> text = artifactOf ? artifactOf(v.versionNo) : std::nullopt;
        if (!text)
            continue;
        QString recomputed;
        try {
            recomputed = proposalArtifactHashOfText(*text);
        } catch (const Error &e) {
            ProposalFinding f = finding(QStringLiteral("PROPOSAL_ARTIFACT_JSON_INVALID"), v.proposalId,
                QStringLiteral("Version %1's artifact_json is not JSON (%2), so its hash cannot be checked.")
                    .arg(v.versionNo)
                    .arg(e.message()));
            f.versionNo = v.versionNo;
            out.append(f);
            continue;
        }
        if (recomputed != v.artifactHash) {
            ProposalFinding f = finding(QStringLiteral("PROPOSAL_ARTIFACT_HASH_MISMATCH"), v.proposalId,
                QStringLiteral("Version %1 stores artifact_hash %2, but its artifact_json hashes to %3: the artifact "
                               "was changed after it was written.")
                    .arg(v.versionNo)
                    .arg(v.artifactHash, recomputed));
            f.versionNo = v.versionNo;
            out.append(f);
        }
    }
}

} // namespace

QList<ProposalFinding> checkProposalAggregate(
    const ProposalAggregate &aggregate, const std::function<std::optional<QString>(qint64 versionNo)> &artifactOf)
{
    QList<ProposalFinding> out;
    replayEvents(aggregate, out);
    checkVersions(aggregate, out);
    checkApprovals(aggregate, out);
    checkArtifactHashes(aggregate, artifactOf, out);
    return out;
}

namespace {

QList<ProposalFinding> checkStored(ProposalStore &store, const ProposalAggregate &aggregate)
{
    return checkProposalAggregate(aggregate, [&](qint64 versionNo) -> std::optional<QString> {
        const std::optional<ProposalVersion> version = store.getVersion(aggregate.proposal.proposalId, versionNo);
        return version ? std::optional<QString>(version->artifactJson) : std::nullopt;
    });
}

} // namespace

ProposalIntegrityReport checkProposal(ProposalStore &store, const QString &proposalId)
{
    const std::optional<ProposalAggregate> aggregate = store.loadAggregate(proposalId);
    if (!aggregate)
        throw Error(ErrorKind::NotFound, QStringLiteral("PROPOSAL_NOT_FOUND"),
            QStringLiteral("No proposal has the id %1; check the id or search for it.").arg(proposalId));
    ProposalIntegrityReport report;
    report.proposalsChecked = 1;
    report.findings = checkStored(store, *aggregate);
    return report;
}

ProposalIntegrityReport checkAllProposals(ProposalStore &store,
    const std::function<void(qint64 checked, qint64 findings)> &progress, const std::shared_ptr<CancelToken> &cancel)
{
    ProposalIntegrityReport report;
    PageRequest request;
    request.limit = 200;
    for (;;) {
        const Page<ProposalRecord> page = store.listProposals({}, request);
        for (const ProposalRecord &proposal : page.items) {
            if (cancel && cancel->isCancelled()) {
                report.cancelled = true;
                return report;
            }
            // A proposal deleted meanwhile is simply not checked.
            if (const std::optional<ProposalAggregate> aggregate = store.loadAggregate(proposal.proposalId))
                report.findings += checkStored(store, *aggregate);
            ++report.proposalsChecked;
            if (progress)
                progress(report.proposalsChecked, report.findings.size());
        }
        if (!page.nextCursor)
            return report;
        request.cursor = page.nextCursor;
    }
}

QJsonObject proposalIntegrityReportJson(const ProposalIntegrityReport &report)
{
    QJsonArray findings;
    for (const ProposalFinding &f : report.findings) {
        findings.append(QJsonObject{
            {QStringLiteral("code"), f.code},
            {QStringLiteral("proposal_id"), f.proposalId},
            {QStringLiteral("version_no"), f.versionNo ? QJsonValue(double(*f.versionNo)) : QJsonValue()},
            {QStringLiteral("event_id"), f.eventId ? QJsonValue(*f.eventId) : QJsonValue()},
            {QStringLiteral("approval_id"), f.approvalId ? QJsonValue(*f.approvalId) : QJsonValue()},
            {QStringLiteral("message"), f.message},
        });
    }
    return QJsonObject{
        {QStringLiteral("proposals_checked"), double(report.proposalsChecked)},
        {QStringLiteral("finding_count"), double(report.findings.size())},
        {QStringLiteral("cancelled"), report.cancelled},
        {QStringLiteral("findings"), findings},
    };
}

} // namespace dpm
