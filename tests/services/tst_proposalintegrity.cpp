// The proposal integrity check over hand-made histories: every finding code on the row that
// causes it, nothing on a history the service could have written, and the service's artifact
// hash rule pinned against a value computed with Python's json.dumps.
#include "domain/error.h"
#include "services/proposalintegrity.h"

#include <QtTest>

using namespace dpm;

namespace {

const QString kArtifact = QStringLiteral(
    "{\"artifact_id\":\"pa_1\",\"created_at\":\"2026-01-01T00:00:00+00:00\",\"status\":\"READY\",\"weight\":0.5,"
    "\"evidence_bundle\":{\"hashes\":{\"request_hash\":\"sha256:ab\",\"artifact_hash\":\"\"},"
    "\"engine_version\":\"1.2.0\",\"inputs\":{\"name\":\"Z\u00fcrich\",\"created_at\":\"x\"}}}");
// python3: sha256 of json.dumps(strip(created_at, artifact_hash), sort_keys=True, separators=(",", ":"))
const QString kArtifactHash = QStringLiteral("sha256:baa58fee023872e0adb4eb058d944986ff58120b23fe99f4c96b9c796f183c6a");

ProposalWorkflowEvent makeEvent(const QString &id, const QString &type, std::optional<QString> from, const QString &to,
    const QString &at, std::optional<qint64> version = std::nullopt)
{
    ProposalWorkflowEvent e;
    e.eventId = id;
    e.proposalId = QStringLiteral("pp_1");
    e.eventType = type;
    e.fromState = std::move(from);
    e.toState = to;
    e.actorId = QStringLiteral("advisor_1");
    e.occurredAt = at;
    e.reasonJson = QStringLiteral("{}");
    e.relatedVersionNo = version;
    return e;
}

ProposalApproval approval(const QString &id, const QString &type, bool approved, const QString &at)
{
    ProposalApproval a;
    a.approvalId = id;
    a.proposalId = QStringLiteral("pp_1");
    a.approvalType = type;
    a.approved = approved;
    a.actorId = QStringLiteral("advisor_1");
    a.occurredAt = at;
    a.detailsJson = QStringLiteral("{}");
    return a;
}

ProposalVersionHeader version(qint64 n, const QString &hash = kArtifactHash)
{
    ProposalVersionHeader v;
    v.proposalVersionId = QStringLiteral("ppv_%1").arg(n);
    v.proposalId = QStringLiteral("pp_1");
    v.versionNo = n;
    v.artifactHash = hash;
    return v;
}

// DRAFT -> RISK_REVIEW -> (RISK approved) -> AWAITING_CLIENT_CONSENT -> (consent) ->
// EXECUTION_READY -> EXECUTED, with a second version on the way.
ProposalAggregate cleanHistory()
{
    ProposalAggregate a;
    a.proposal.proposalId = QStringLiteral("pp_1");
    a.proposal.currentState = QStringLiteral("EXECUTED");
    a.proposal.currentVersionNo = 2;
    a.versions = {version(1), version(2)};
    a.events = {
        makeEvent(QStringLiteral("pwe_1"), QStringLiteral("CREATED"), std::nullopt, QStringLiteral("DRAFT"), QStringLiteral("2026-01-01T00:00:00+00:00")),
        makeEvent(QStringLiteral("pwe_2"), QStringLiteral("NEW_VERSION_CREATED"), QStringLiteral("DRAFT"), QStringLiteral("DRAFT"), QStringLiteral("2026-01-01T00:01:00+00:00"), 2),
        makeEvent(QStringLiteral("pwe_3"), QStringLiteral("SUBMITTED_FOR_RISK_REVIEW"), QStringLiteral("DRAFT"), QStringLiteral("RISK_REVIEW"), QStringLiteral("2026-01-01T00:02:00+00:00")),
        makeEvent(QStringLiteral("pwe_4"), QStringLiteral("RISK_APPROVED"), QStringLiteral("RISK_REVIEW"), QStringLiteral("AWAITING_CLIENT_CONSENT"), QStringLiteral("2026-01-01T00:03:00+00:00")),
        makeEvent(QStringLiteral("pwe_5"), QStringLiteral("CLIENT_CONSENT_RECORDED"), QStringLiteral("AWAITING_CLIENT_CONSENT"), QStringLiteral("EXECUTION_READY"), QStringLiteral("2026-01-01T00:04:00+00:00")),
        makeEvent(QStringLiteral("pwe_6"), QStringLiteral("EXECUTED"), QStringLiteral("EXECUTION_READY"), QStringLiteral("EXECUTED"), QStringLiteral("2026-01-01T00:05:00+00:00")),
    };
    a.approvals = {
        approval(QStringLiteral("pap_1"), QStringLiteral("RISK"), true, QStringLiteral("2026-01-01T00:03:00+00:00")),
        approval(QStringLiteral("pap_2"), QStringLiteral("CLIENT_CONSENT"), true, QStringLiteral("2026-01-01T00:04:00+00:00")),
    };
    return a;
}

QList<ProposalFinding> check(const ProposalAggregate &a, const QString &artifact = kArtifact)
{
    return checkProposalAggregate(a, [&](qint64) { return std::optional<QString>(artifact); });
}

QStringList codes(const QList<ProposalFinding> &findings)
{
    QStringList out;
    for (const ProposalFinding &f : findings)
        out << f.code;
    return out;
}

} // namespace

class TestProposalIntegrity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void artifactHashFollowsTheServiceRule()
    {
        QCOMPARE(proposalArtifactHashOfText(kArtifact), kArtifactHash);
        // created_at is outside the hash at any depth; any other change is not.
        QString moved = kArtifact;
        moved.replace(QStringLiteral("2026-01-01T00:00:00+00:00"), QStringLiteral("2027-02-02T00:00:00+00:00"));
        QCOMPARE(proposalArtifactHashOfText(moved), kArtifactHash);
        QString changed = kArtifact;
        changed.replace(QStringLiteral("0.5"), QStringLiteral("0.6"));
        QVERIFY(proposalArtifactHashOfText(changed) != kArtifactHash);
    }

    void cleanHistoryHasNoFinding() { QCOMPARE(codes(check(cleanHistory())), QStringList()); }

    void everyCancelFromANonTerminalStateIsAllowed()
    {
        ProposalAggregate a = cleanHistory();
        a.events.resize(4); // in AWAITING_CLIENT_CONSENT
        a.approvals.resize(1);
        a.events << makeEvent(QStringLiteral("pwe_9"), QStringLiteral("CANCELLED"), QStringLiteral("AWAITING_CLIENT_CONSENT"),
            QStringLiteral("CANCELLED"), QStringLiteral("2026-01-02T00:00:00+00:00"));
        a.proposal.currentState = QStringLiteral("CANCELLED");
        QCOMPARE(codes(check(a)), QStringList());
    }

    void forbiddenEventIsNamed()
    {
        ProposalAggregate a = cleanHistory();
        // EXECUTED straight from DRAFT, then the rest continues from EXECUTED.
        a.events = {a.events[0],
            makeEvent(QStringLiteral("pwe_x"), QStringLiteral("EXECUTED"), QStringLiteral("DRAFT"), QStringLiteral("EXECUTED"),
                QStringLiteral("2026-01-01T00:01:00+00:00"))};
        a.approvals.clear();
        const QList<ProposalFinding> findings = check(a);
        QCOMPARE(codes(findings), QStringList{QStringLiteral("PROPOSAL_EVENT_FORBIDDEN")});
        QCOMPARE(findings[0].eventId, std::optional<QString>(QStringLiteral("pwe_x")));
        QVERIFY(findings[0].message.contains(QStringLiteral("DRAFT")));

        // A CANCELLED after a terminal state is forbidden too; so is EXECUTION_REQUESTED anywhere.
        ProposalAggregate b = cleanHistory();
        b.events << makeEvent(QStringLiteral("pwe_7"), QStringLiteral("CANCELLED"), QStringLiteral("EXECUTED"),
            QStringLiteral("CANCELLED"), QStringLiteral("2026-01-01T00:06:00+00:00"));
        b.proposal.currentState = QStringLiteral("CANCELLED");
        QCOMPARE(codes(check(b)), QStringList{QStringLiteral("PROPOSAL_EVENT_FORBIDDEN")});
    }

    void fromStateAndCurrentStateMismatches()
    {
        ProposalAggregate a = cleanHistory();
        a.events[2].fromState = QStringLiteral("RISK_REVIEW");
        a.proposal.currentState = QStringLiteral("EXECUTION_READY");
        QCOMPARE(codes(check(a)),
            (QStringList{QStringLiteral("PROPOSAL_EVENT_FROM_STATE_MISMATCH"), QStringLiteral("PROPOSAL_STATE_MISMATCH")}));

        ProposalAggregate none = cleanHistory();
        none.events.clear();
        none.approvals.clear();
        QCOMPARE(codes(check(none)), QStringList{QStringLiteral("PROPOSAL_NO_EVENTS")});
    }

    void versionRules()
    {
        ProposalAggregate a = cleanHistory();
        a.versions = {version(1), version(3)};
        a.proposal.currentVersionNo = 4;
        const QList<ProposalFinding> findings = check(a);
        QCOMPARE(codes(findings),
            (QStringList{QStringLiteral("PROPOSAL_CURRENT_VERSION_MISSING"), QStringLiteral("PROPOSAL_VERSION_GAP")}));
        QCOMPARE(findings[0].versionNo, std::optional<qint64>(4));
        QCOMPARE(findings[1].versionNo, std::optional<qint64>(3));
    }

    void approvalNeedsItsEvent()
    {
        ProposalAggregate a = cleanHistory();
        a.approvals << approval(QStringLiteral("pap_9"), QStringLiteral("COMPLIANCE"), false,
            QStringLiteral("2026-01-01T00:04:00+00:00"));
        // The consent approval's event written at another time no longer matches either.
        a.approvals[1].occurredAt = QStringLiteral("2026-01-01T00:04:30+00:00");
        const QList<ProposalFinding> findings = check(a);
        QCOMPARE(codes(findings),
            (QStringList{QStringLiteral("PROPOSAL_APPROVAL_WITHOUT_EVENT"), QStringLiteral("PROPOSAL_APPROVAL_WITHOUT_EVENT")}));
        QCOMPARE(findings[0].approvalId, std::optional<QString>(QStringLiteral("pap_2")));
        QCOMPARE(findings[1].approvalId, std::optional<QString>(QStringLiteral("pap_9")));
    }

    void artifactHashMismatchAndInvalidJson()
    {
        ProposalAggregate a = cleanHistory();
        a.versions[1].artifactHash = QStringLiteral("sha256:00");
        const QList<ProposalFinding> findings = check(a);
        QCOMPARE(codes(findings), QStringList{QStringLiteral("PROPOSAL_ARTIFACT_HASH_MISMATCH")});
        QCOMPARE(findings[0].versionNo, std::optional<qint64>(2));

        QCOMPARE(codes(check(cleanHistory(), QStringLiteral("{not json"))),
            (QStringList{QStringLiteral("PROPOSAL_ARTIFACT_JSON_INVALID"), QStringLiteral("PROPOSAL_ARTIFACT_JSON_INVALID")}));
    }
};

QTEST_GUILESS_MAIN(TestProposalIntegrity)
#include "tst_proposalintegrity.moc"
