// The demo proposals without a store: deterministic, every state of §4.2 reached, histories the
// integrity check finds clean, and with --with-integrity-faults exactly the injected findings.
#include "demo/demoproposals.h"
#include "domain/proposalvocabulary.h"
#include "domain/timestamp.h"
#include "services/proposalintegrity.h"

#include <QSet>
#include <numeric>
#include <QtTest>

using namespace dpm;

namespace {

DemoProposalOptions options(bool faults = false)
{
    DemoProposalOptions o;
    o.seed = 7;
    o.toMicros = *timestampMicros(QStringLiteral("2026-03-31T00:00:00+00:00"));
    o.fromMicros = o.toMicros - 90LL * 24 * 3600 * 1000000;
    o.withIntegrityFaults = faults;
    return o;
}

ProposalAggregate aggregateOf(const DemoProposal &p)
{
    ProposalAggregate a;
    a.proposal = p.record;
    for (const ProposalVersion &v : p.versions)
        a.versions << headerOf(v);
    a.events = p.events;
    a.approvals = p.approvals;
    return a;
}

QList<ProposalFinding> findings(const DemoProposal &p)
{
    return checkProposalAggregate(aggregateOf(p), [&](qint64 n) -> std::optional<QString> {
        for (const ProposalVersion &v : p.versions)
            if (v.versionNo == n)
                return v.artifactJson;
        return std::nullopt;
    });
}

} // namespace

class TestDemoProposals : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameOptionsGiveTheSameRows()
    {
        for (qint64 i : { 0, 1, 57, 999 }) {
            const DemoProposal a = generateDemoProposal(i, options());
            const DemoProposal b = generateDemoProposal(i, options());
            QCOMPARE(a.record, b.record);
            QCOMPARE(a.versions, b.versions);
            QCOMPARE(a.events, b.events);
            QCOMPARE(a.approvals, b.approvals);
            QCOMPARE(a.operations, b.operations);
        }
        QVERIFY(generateDemoProposal(3, options()).record.proposalId != generateDemoProposal(4, options()).record.proposalId);
    }

    void cleanHistoriesReachEveryStateAndType()
    {
        const DemoProposalOptions o = options();
        QSet<QString> states, approvalTypes, opStatuses, ids;
        QSet<qint64> versionCounts;
        for (qint64 i = 0; i < 1500; ++i) {
            const DemoProposal p = generateDemoProposal(i, o);
            const QList<ProposalFinding> found = findings(p);
            if (!found.isEmpty())
                QFAIL(qPrintable(QStringLiteral("%1: %2").arg(p.record.proposalId, found.first().message)));
            QVERIFY(!ids.contains(p.record.proposalId));
            ids.insert(p.record.proposalId);
            states.insert(p.record.currentState);
            versionCounts.insert(p.versions.size());
            for (const ProposalApproval &a : p.approvals)
                approvalTypes.insert(a.approvalType + (a.approved ? QStringLiteral("+") : QStringLiteral("-")));
            for (const ProposalAsyncOperation &op : p.operations)
                opStatuses.insert(op.status);
            const qint64 created = *timestampMicros(p.record.createdAt);
            const qint64 last = *timestampMicros(p.record.lastEventAt);
            QVERIFY(created >= o.fromMicros && last <= o.toMicros && created <= last);
        }
        const QStringList allStates = proposalStateWireValues();
        QCOMPARE(states, QSet<QString>(allStates.cbegin(), allStates.cend()));
        QCOMPARE(versionCounts, (QSet<qint64> { 1, 2, 3, 4 }));
        QCOMPARE(approvalTypes,
            (QSet<QString> { QStringLiteral("RISK+"), QStringLiteral("RISK-"), QStringLiteral("COMPLIANCE+"),
                QStringLiteral("COMPLIANCE-"), QStringLiteral("CLIENT_CONSENT+"), QStringLiteral("CLIENT_CONSENT-") }));
        QCOMPARE(opStatuses,
            (QSet<QString> { QStringLiteral("PENDING"), QStringLiteral("RUNNING"), QStringLiteral("SUCCEEDED"),
                QStringLiteral("FAILED") }));
    }

    // Approvals follow the creation spread to the span's end: the last two weeks hold about as
    // many approvals per day as the weeks before (they used to thin out there, as proposals
    // stopped being created about fifteen days before the end).
    void approvalsPerDay_lastTwoWeeks_noDrop()
    {
        const DemoProposalOptions o = options();
        constexpr qint64 kDayMicros = 24LL * 3600 * 1000000;
        QList<qint64> perDay(90, 0);
        for (qint64 i = 0; i < 4000; ++i) {
            for (const ProposalApproval &a : generateDemoProposal(i, o).approvals) {
                const qint64 day = (*timestampMicros(a.occurredAt) - o.fromMicros) / kDayMicros;
                QVERIFY(day >= 0 && day < 90);
                ++perDay[day];
            }
        }
        const auto mean = [&](int from, int to) {
            return double(std::accumulate(perDay.begin() + from, perDay.begin() + to, qint64(0))) / (to - from);
        };
        const double middle = mean(14, 76);
        const double lastTwoWeeks = mean(76, 90);
        const double lastDay = mean(89, 90);
        QVERIFY2(lastTwoWeeks >= 0.85 * middle, qPrintable(QStringLiteral("%1 vs %2").arg(lastTwoWeeks).arg(middle)));
        QVERIFY2(lastDay >= 0.5 * middle, qPrintable(QStringLiteral("%1 vs %2").arg(lastDay).arg(middle)));
    }

    void faultsAreFoundExactly()
    {
        QSet<QString> injected;
        for (qint64 i = 0; i < 61 * 12; ++i) {
            const DemoProposal p = generateDemoProposal(i, options(true));
            const QList<ProposalFinding> found = findings(p);
            if (p.injectedFault.isEmpty()) {
                QVERIFY2(found.isEmpty(), qPrintable(p.record.proposalId));
                continue;
            }
            injected.insert(p.injectedFault);
            QVERIFY2(!found.isEmpty(), qPrintable(p.injectedFault));
            for (const ProposalFinding &f : found)
                QVERIFY2(f.code == p.injectedFault, qPrintable(p.injectedFault + QStringLiteral(" gave ") + f.code));
        }
        const QStringList codes = demoIntegrityFaultCodes();
        QCOMPARE(injected, QSet<QString>(codes.cbegin(), codes.cend()));
    }
};

QTEST_GUILESS_MAIN(TestDemoProposals)
#include "tst_demoproposals.moc"
