#include "domain/error.h"
#include "services/summaryposture.h"
#include "store/memorystore.h"

#include <QTest>

using namespace dpm;

class TestSummaryPosture : public QObject
{
    Q_OBJECT

private:
    static SupportabilitySummary summaryWith(
        qint64 runs, qint64 ops, std::optional<QString> newestRun, std::optional<QString> newestOp)
    {
        SupportabilitySummary s;
        s.runCount = runs;
        s.operationCount = ops;
        s.newestRunCreatedAt = std::move(newestRun);
        s.newestOperationCreatedAt = std::move(newestOp);
        return s;
    }

private Q_SLOTS:
    void posture_noRunsNoOperations_isEmptyWithUnknownFreshness()
    {
        const auto p = supportabilityPosture({}, QStringLiteral("2026-02-20T12:00:00+00:00"));
        QCOMPARE(p.state, QStringLiteral("empty"));
        QCOMPARE(p.reason, QStringLiteral("supportability_summary_empty"));
        QCOMPARE(p.freshnessBucket, QStringLiteral("unknown"));
    }

    void posture_emptyWins_evenWithFailedCountsOrOldTimestamps()
    {
        auto s = summaryWith(0, 0, QStringLiteral("2020-01-01T00:00:00+00:00"), std::nullopt);
        s.operationStatusCounts.insert(QStringLiteral("FAILED"), 1);
        const auto p = supportabilityPosture(s, QStringLiteral("2026-02-20T12:00:00+00:00"));
        QCOMPARE(p.state, QStringLiteral("empty"));
        QCOMPARE(p.freshnessBucket, QStringLiteral("stale"));
    }

    void freshness_byUtcCalendarDay_data()
    {
        QTest::addColumn<QString>("newest");
        QTest::addColumn<QString>("now");
        QTest::addColumn<QString>("bucket");
        QTest::newRow("same instant") << "2026-02-20T12:00:00+00:00"
                                      << "2026-02-20T12:00:00+00:00"
                                      << "current";
        QTest::newRow("earlier same day") << "2026-02-20T00:00:00+00:00"
                                          << "2026-02-20T23:59:59+00:00"
                                          << "current";
        QTest::newRow("future") << "2026-02-21T08:00:00+00:00"
                                << "2026-02-20T12:00:00+00:00"
                                << "current";
        QTest::newRow("yesterday late") << "2026-02-19T23:59:59.999999+00:00"
                                        << "2026-02-20T00:00:01+00:00"
                                        << "same_day";
        QTest::newRow("yesterday, more than 24h") << "2026-02-19T00:00:00+00:00"
                                                  << "2026-02-20T23:00:00+00:00"
                                                  << "same_day";
        QTest::newRow("two days") << "2026-02-18T23:59:59+00:00"
                                  << "2026-02-20T00:00:00+00:00"
                                  << "stale";
        QTest::newRow("offset now, UTC day counts") << "2026-02-19T12:00:00+00:00"
                                                    << "2026-02-20T01:00:00+02:00"
                                                    << "current";
    }

    void freshness_byUtcCalendarDay()
    {
        QFETCH(QString, newest);
        QFETCH(QString, now);
        QFETCH(QString, bucket);
        QCOMPARE(freshnessBucket(summaryWith(1, 0, newest, std::nullopt), now), bucket);
    }

    void freshness_usesNewestOfRunAndOperation()
    {
        const QString now = QStringLiteral("2026-02-20T12:00:00+00:00");
        QCOMPARE(freshnessBucket(summaryWith(1, 1, QStringLiteral("2026-02-10T00:00:00+00:00"),
                                     QStringLiteral("2026-02-20T01:00:00+00:00")),
                     now),
            QStringLiteral("current"));
        QCOMPARE(freshnessBucket(summaryWith(1, 1, QStringLiteral("2026-02-19T00:00:00+00:00"),
                                     QStringLiteral("2026-02-01T01:00:00+00:00")),
                     now),
            QStringLiteral("same_day"));
        QCOMPARE(freshnessBucket(summaryWith(0, 1, std::nullopt, QStringLiteral("2026-02-01T01:00:00+00:00")), now),
            QStringLiteral("stale"));
    }

    void posture_staleBeforeDegraded()
    {
        auto s = summaryWith(1, 1, QStringLiteral("2026-02-17T00:00:00+00:00"), std::nullopt);
        s.operationStatusCounts.insert(QStringLiteral("FAILED"), 1);
        const auto p = supportabilityPosture(s, QStringLiteral("2026-02-20T12:00:00+00:00"));
        QCOMPARE(p.state, QStringLiteral("stale"));
        QCOMPARE(p.reason, QStringLiteral("supportability_summary_stale"));
    }

    void posture_failedOperation_isDegraded()
    {
        auto s = summaryWith(0, 2, std::nullopt, QStringLiteral("2026-02-20T11:00:00+00:00"));
        s.operationStatusCounts.insert(QStringLiteral("FAILED"), 1);
        s.operationStatusCounts.insert(QStringLiteral("SUCCEEDED"), 1);
        s.workflowDecisionCount = 3;
        const auto p = supportabilityPosture(s, QStringLiteral("2026-02-20T12:00:00+00:00"));
        QCOMPARE(p.state, QStringLiteral("degraded"));
        QCOMPARE(p.reason, QStringLiteral("supportability_summary_degraded"));
        QCOMPARE(p.freshnessBucket, QStringLiteral("current"));
        const QJsonObject json = p.toJson();
        QCOMPARE(json.value(QStringLiteral("operation_count")).toInteger(), 2);
        QCOMPARE(json.value(QStringLiteral("run_count")).toInteger(), 0);
        QCOMPARE(json.value(QStringLiteral("workflow_decision_count")).toInteger(), 3);
        QCOMPARE(json.keys(),
            (QStringList {
                "freshness_bucket", "operation_count", "reason", "run_count", "state", "workflow_decision_count" }));
    }

    void posture_zeroFailedCount_isReady()
    {
        auto s = summaryWith(1, 0, QStringLiteral("2026-02-19T12:00:00+00:00"), std::nullopt);
        s.operationStatusCounts.insert(QStringLiteral("FAILED"), 0);
        const auto p = supportabilityPosture(s, QStringLiteral("2026-02-20T12:00:00+00:00"));
        QCOMPARE(p.state, QStringLiteral("ready"));
        QCOMPARE(p.reason, QStringLiteral("supportability_summary_ready"));
        QCOMPARE(p.freshnessBucket, QStringLiteral("same_day"));
    }

    void posture_unparsableNewest_isUnknownNotStale()
    {
        const auto p = supportabilityPosture(
            summaryWith(1, 0, QStringLiteral("yesterday"), std::nullopt), QStringLiteral("2026-02-20T12:00:00+00:00"));
        QCOMPARE(p.freshnessBucket, QStringLiteral("unknown"));
        QCOMPARE(p.state, QStringLiteral("ready"));
    }

    void posture_invalidNow_throwsInvalidTimestamp()
    {
        try {
            supportabilityPosture({}, QStringLiteral("not a time"));
            QFAIL("expected INVALID_TIMESTAMP");
        } catch (const Error &e) {
            QCOMPARE(e.code(), QStringLiteral("INVALID_TIMESTAMP"));
        }
    }

    // Our own key "proposals", next to the service's fields, which stay exactly as they were.
    void summaryDocument_withProposalCounts_addsOwnKeyOnly()
    {
        const QString now = QStringLiteral("2026-02-20T12:00:00+00:00");
        const SupportabilitySummary data = summaryWith(2, 1, now, now);
        const QJsonObject without = summaryDocument(data, StoreBackend::Sqlite, 7, now);
        QVERIFY(!without.contains(QLatin1String("proposals")));

        MemoryStore store;
        ProposalRecord p;
        p.proposalId = QStringLiteral("pp_1");
        p.portfolioId = QStringLiteral("pf_1");
        p.createdBy = QStringLiteral("advisor_1");
        p.createdAt = QStringLiteral("2026-02-19T10:00:00+00:00");
        p.lastEventAt = p.createdAt;
        p.currentState = QStringLiteral("RISK_REVIEW");
        p.currentVersionNo = 1;
        store.proposals().createProposal(p);
        ProposalApproval a;
        a.approvalId = QStringLiteral("pap_1");
        a.proposalId = p.proposalId;
        a.approvalType = QStringLiteral("RISK");
        a.approved = false;
        a.actorId = QStringLiteral("risk");
        a.occurredAt = p.createdAt;
        a.detailsJson = QStringLiteral("{}");
        store.proposals().createApproval(a);
        const std::optional<ProposalCounts> counts = summaryProposalCounts(store);
        QVERIFY(counts);

        QJsonObject with = summaryDocument(data, StoreBackend::Sqlite, 7, now, counts);
        const QJsonObject expected { { "proposal_count", 1 }, { "state_counts", QJsonObject { { "RISK_REVIEW", 1 } } },
            { "version_count", 0 }, { "event_count", 0 }, { "approval_count", 1 },
            { "approval_outcome_counts", QJsonObject { { "RISK:REJECTED", 1 } } }, { "operation_count", 0 },
            { "oldest_proposal_created_at", "2026-02-19T10:00:00+00:00" },
            { "newest_proposal_created_at", "2026-02-19T10:00:00+00:00" } };
        QCOMPARE(with.value(QLatin1String("proposals")).toObject(), expected);
        with.remove(QLatin1String("proposals"));
        QCOMPARE(with, without);

        // An empty proposal store still has the key, with zero counts and null bounds.
        const QJsonObject empty
            = summaryDocument(data, StoreBackend::InMemory, 0, now, summaryProposalCounts(*std::make_unique<MemoryStore>()))
                  .value(QLatin1String("proposals"))
                  .toObject();
        QCOMPARE(empty.value(QLatin1String("proposal_count")).toInteger(), 0);
        QVERIFY(empty.value(QLatin1String("newest_proposal_created_at")).isNull());
        QCOMPARE(empty.value(QLatin1String("state_counts")).toObject(), QJsonObject {});
    }
};

QTEST_GUILESS_MAIN(TestSummaryPosture)
#include "tst_summaryposture.moc"
