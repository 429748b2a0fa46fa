// The ProposalStore contract: Part B §5.1 of shared/spec/domain.md with the decisions of Part A
// and the comments of core/store/proposalstore.h. The same test functions run against every
// backend; DPM_TEST_BACKEND selects which store the fixture opens. Every test
// function gets a fresh, empty, migrated store in init().

#include "backendstore.h"
#include "domain/cursor.h"
#include "domain/timestamp.h"
#include "errorassertions.h"
#include "store/proposalstore.h"
#include "store/sqlstore.h"
#include "store/supportstore.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using namespace dpm;

namespace dpm {

// Readable QCOMPARE failures for the row types (found by ADL).
namespace {
QString opt(const std::optional<QString> &v)
{
    return v.value_or(QStringLiteral("<null>"));
}
QString opt(const std::optional<qint64> &v)
{
    return v ? QString::number(*v) : QStringLiteral("<null>");
}
} // namespace

char *toString(const ProposalRecord &p)
{
    return QTest::toString(QStringLiteral("ProposalRecord(%1, pf=%2, mandate=%3, jur=%4, by=%5, at=%6, last=%7, "
                                          "state=%8, v=%9, title=%10, notes=%11)")
                               .arg(p.proposalId, p.portfolioId, opt(p.mandateId), opt(p.jurisdiction), p.createdBy,
                                   p.createdAt, p.lastEventAt, p.currentState, QString::number(p.currentVersionNo))
                               .arg(opt(p.title), opt(p.advisorNotes)));
}
char *toString(const ProposalVersion &v)
{
    return QTest::toString(QStringLiteral("ProposalVersion(%1, %2#%3, at=%4, hashes=%5/%6/%7, status=%8, gate=%9)")
                               .arg(v.proposalVersionId, v.proposalId, QString::number(v.versionNo), v.createdAt,
                                   v.requestHash, v.artifactHash, v.simulationHash, v.statusAtCreation,
                                   opt(v.gateDecisionJson)));
}
char *toString(const ProposalWorkflowEvent &e)
{
    return QTest::toString(QStringLiteral("Event(%1, %2, %3, %4->%5, actor=%6, at=%7, reason=%8, v=%9)")
                               .arg(e.eventId, e.proposalId, e.eventType, opt(e.fromState), e.toState, e.actorId,
                                   e.occurredAt, e.reasonJson, opt(e.relatedVersionNo)));
}
char *toString(const ProposalApproval &a)
{
    return QTest::toString(QStringLiteral("Approval(%1, %2, %3, approved=%4, actor=%5, at=%6, details=%7, v=%8)")
                               .arg(a.approvalId, a.proposalId, a.approvalType, a.approved ? "1" : "0", a.actorId,
                                   a.occurredAt, a.detailsJson, opt(a.relatedVersionNo)));
}
char *toString(const ProposalAsyncOperation &o)
{
    return QTest::toString(QStringLiteral("Operation(%1, %2, %3, corr=%4, key=%5, pid=%6, by=%7, at=%8, "
                                          "started=%9, finished=%10, result=%11, error=%12)")
                               .arg(o.operationId, o.operationType, o.status, o.correlationId, opt(o.idempotencyKey),
                                   opt(o.proposalId), o.createdBy, o.createdAt, opt(o.startedAt))
                               .arg(opt(o.finishedAt), opt(o.resultJson), opt(o.errorJson)));
}
char *toString(const ProposalMatch &m)
{
    return QTest::toString(QStringLiteral("Match(%1, pid=%2, exists=%3, v=%4, op=%5)")
                               .arg(toWire(m.kind), opt(m.proposalId), m.proposalExists ? "1" : "0",
                                   opt(m.versionNo), opt(m.operationId)));
}
char *toString(const DailyCount &c)
{
    return QTest::toString(QStringLiteral("DailyCount(%1, %2, %3)").arg(c.day, c.key, QString::number(c.count)));
}

} // namespace dpm

namespace {

// kBase + minutes, in the service format.
QString at(int minutes)
{
    return formatTimestamp(QDateTime(QDate(2026, 2, 20), QTime(12, 0), Qt::UTC).addSecs(qint64(minutes) * 60));
}

ProposalRecord makeProposal(const QString &id, const QString &createdAt, const QString &state = QStringLiteral("DRAFT"),
    const QString &portfolioId = QStringLiteral("pf_1"), const QString &createdBy = QStringLiteral("advisor_1"))
{
    ProposalRecord p;
    p.proposalId = id;
    p.portfolioId = portfolioId;
    p.createdBy = createdBy;
    p.createdAt = createdAt;
    p.lastEventAt = createdAt;
    p.currentState = state;
    p.currentVersionNo = 1;
    return p;
}

ProposalVersion makeVersion(const QString &proposalId, qint64 versionNo, const QString &createdAt)
{
    ProposalVersion v;
    v.proposalVersionId = QStringLiteral("ppv_%1_%2").arg(proposalId).arg(versionNo);
    v.proposalId = proposalId;
    v.versionNo = versionNo;
    v.createdAt = createdAt;
    v.requestHash = QStringLiteral("sha256:req%1").arg(versionNo);
    v.artifactHash = QStringLiteral("sha256:art%1").arg(versionNo);
    v.simulationHash = QStringLiteral("sha256:sim%1").arg(versionNo);
    v.statusAtCreation = QStringLiteral("READY");
    v.proposalResultJson = QStringLiteral("{\"status\":\"READY\",\"v\":%1}").arg(versionNo);
    v.artifactJson = QStringLiteral("{\"artifact\":%1}").arg(versionNo);
    v.evidenceBundleJson = QStringLiteral("{}");
    return v;
}

ProposalWorkflowEvent makeEvent(const QString &id, const QString &proposalId, const QString &occurredAt,
    const QString &type = QStringLiteral("SUBMITTED_FOR_RISK_REVIEW"),
    const std::optional<QString> &from = QStringLiteral("DRAFT"), const QString &to = QStringLiteral("RISK_REVIEW"))
{
    ProposalWorkflowEvent e;
    e.eventId = id;
    e.proposalId = proposalId;
    e.eventType = type;
    e.fromState = from;
    e.toState = to;
    e.actorId = QStringLiteral("advisor_1");
    e.occurredAt = occurredAt;
    e.reasonJson = QStringLiteral("{}");
    e.relatedVersionNo = 1;
    return e;
}

ProposalApproval makeApproval(const QString &id, const QString &proposalId, const QString &occurredAt,
    const QString &type = QStringLiteral("RISK"), bool approved = true)
{
    ProposalApproval a;
    a.approvalId = id;
    a.proposalId = proposalId;
    a.approvalType = type;
    a.approved = approved;
    a.actorId = QStringLiteral("risk_officer");
    a.occurredAt = occurredAt;
    a.detailsJson = QStringLiteral("{\"comment\":\"ok\"}");
    a.relatedVersionNo = 1;
    return a;
}

ProposalAsyncOperation makeOperation(const QString &id, const QString &createdAt,
    const std::optional<QString> &proposalId = std::nullopt, const QString &status = QStringLiteral("PENDING"))
{
    ProposalAsyncOperation o;
    o.operationId = id;
    o.operationType = proposalId ? QStringLiteral("CREATE_PROPOSAL_VERSION") : QStringLiteral("CREATE_PROPOSAL");
    o.status = status;
    o.correlationId = QStringLiteral("corr_") + id;
    o.proposalId = proposalId;
    o.createdBy = QStringLiteral("advisor_1");
    o.createdAt = createdAt;
    return o;
}

QStringList idsOf(const QList<ProposalRecord> &rows)
{
    QStringList ids;
    for (const ProposalRecord &p : rows)
        ids << p.proposalId;
    return ids;
}
QStringList idsOf(const QList<ProposalWorkflowEvent> &rows)
{
    QStringList ids;
    for (const ProposalWorkflowEvent &e : rows)
        ids << e.eventId;
    return ids;
}
QStringList idsOf(const QList<ProposalApproval> &rows)
{
    QStringList ids;
    for (const ProposalApproval &a : rows)
        ids << a.approvalId;
    return ids;
}

} // namespace

class ProposalStoreContract : public QObject
{
    Q_OBJECT

    ProposalStore &proposals() { return m_store->proposals(); }
    // pp_1 .. pp_6 over four portfolios, states and advisors (see the body for the table).
    void seedProposalsForFilters();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_store;

private Q_SLOTS:
    void init();
    void cleanup();

    void isAvailable_onAMigratedStore();

    // idempotency
    void saveIdempotency_thenGet_returnsEveryColumnAndUpserts();
    void saveSimulationIdempotency_thenGet_returnsEveryColumnAndUpserts();

    // async operations
    void createOperation_thenGet_returnsEveryColumn();
    void updateOperation_replacesEveryColumn();
    void getOperationByCorrelation_findsTheHolder();
    void createOperation_correlationHeldByAnother_isConflictAndChangesNothing();
    void updateOperation_newCorrelation_freesTheOldOne();

    // proposals
    void createProposal_thenGet_returnsEveryColumn();
    void updateProposal_replacesEveryColumn();

    // listing
    void listProposals_emptyStore_returnsEmptyPage();
    void listProposals_ordersByCreatedAtDescThenIdDescInByteOrder();
    void listProposals_eachFilter_matchesExactlyWithInclusiveBounds();
    void listProposals_combinedFilters_areAnded();
    void listProposals_pagingWithSmallLimit_collectsEveryRowOnceInOrder();
    void listProposals_nextCursor_isConsoleCursorOfLastRowOnlyWhenMoreRows();
    void listProposals_legacyCursor_continuesAfterNamedRow();
    void listProposals_legacyCursorNamingNoRow_returnsEmpty();
    void listProposals_legacyCursorNamingRowExcludedByFilters_returnsEmpty();
    void listProposals_consoleCursorRowMovedByUpsert_continuesAfterSortKey();
    void listProposals_cursorAfterLastPage_returnsEmpty();
    void listProposals_undecodableOrForeignCursor_isInvalidCursor();
    void listProposals_limitBelowOne_isInvalidLimit();

    // versions
    void createVersion_thenGet_returnsEveryColumnAndUpsertsOnNumber();
    void getCurrentVersion_isHighestNumber();
    void listVersions_headersOfThatProposalAscending();

    // events and approvals
    void appendEvent_listsOldestFirstThenById();
    void appendEvent_existingId_isConflictAndKeepsTheFirst();
    void createApproval_listsOldestFirstThenById();
    void createApproval_existingId_isConflictAndKeepsTheFirst();
    void transitionProposal_writesEventApprovalAndProposal();
    void transitionProposal_withoutApproval_writesEventAndProposal();
    void transitionProposal_existingApprovalId_writesNothing();
    void transitionProposal_existingEventId_writesNothing();

    // investigation reads
    void loadAggregate_unknownProposal_returnsNothing();
    void loadAggregate_returnsEveryRowOfTheProposalInListingOrder();
    void findIdentifier_eachKind_leadsToItsProposal();
    void findIdentifier_danglingReferences_sayTheProposalIsMissing();
    void findIdentifier_noMatch_returnsEmpty();
    void countProposals_emptyStore_zeroCountsNullBounds();
    void countProposals_populatedStore_exactCounts();
    void countApprovalsPerDay_countsByDayTypeAndOutcome();
    void countApprovalsPerDay_invalidRange_isInvalidDayRange();

    // cross-cutting
    void purgeExpiredRuns_leavesProposalRows();
    void concurrentTransitions_everyRowStored();
    void sqlStoreWithoutProposalTables_isUnavailableAndSaysToMigrate();
};

void ProposalStoreContract::init()
{
    DPM_OPEN_FRESH_BACKEND_STORE(m_dir, m_store, "proposals");
}

void ProposalStoreContract::cleanup()
{
    DPM_EXPECT_DUAL_WRITE_ALIKE(m_store);
    m_store.reset();
    m_dir.reset();
}

void ProposalStoreContract::isAvailable_onAMigratedStore()
{
    guarded([&] { QVERIFY(proposals().isAvailable()); });
}

// --- idempotency ----------------------------------------------------------------------------

void ProposalStoreContract::saveIdempotency_thenGet_returnsEveryColumnAndUpserts()
{
    guarded([&] {
        const ProposalIdempotency row { QStringLiteral("idem_1"), QStringLiteral("sha256:r"), QStringLiteral("pp_1"), 2,
            QStringLiteral("2026-02-20T12:00:00.123456+00:00") };
        proposals().saveIdempotency(row);
        QCOMPARE(proposals().getIdempotency(row.idempotencyKey), std::optional(row));
        const ProposalIdempotency again { row.idempotencyKey, QStringLiteral("sha256:s"), QStringLiteral("pp_2"), 3,
            at(5) };
        proposals().saveIdempotency(again);
        QCOMPARE(proposals().getIdempotency(row.idempotencyKey), std::optional(again));
        QVERIFY(!proposals().getIdempotency(QStringLiteral("idem_unknown")));
    });
}

void ProposalStoreContract::saveSimulationIdempotency_thenGet_returnsEveryColumnAndUpserts()
{
    guarded([&] {
        const ProposalSimulationIdempotency row { QStringLiteral("sim_1"), QStringLiteral("sha256:r"),
            QStringLiteral("{\"proposal_run_id\":\"pr_1\"}"), at(0) };
        proposals().saveSimulationIdempotency(row);
        QCOMPARE(proposals().getSimulationIdempotency(row.idempotencyKey), std::optional(row));
        const ProposalSimulationIdempotency again { row.idempotencyKey, QStringLiteral("sha256:s"),
            QStringLiteral("{\"proposal_run_id\":\"pr_2\"}"), at(1) };
        proposals().saveSimulationIdempotency(again);
        QCOMPARE(proposals().getSimulationIdempotency(row.idempotencyKey), std::optional(again));
        QVERIFY(!proposals().getSimulationIdempotency(QStringLiteral("sim_unknown")));
    });
}

// --- async operations -----------------------------------------------------------------------

void ProposalStoreContract::createOperation_thenGet_returnsEveryColumn()
{
    guarded([&] {
        const ProposalAsyncOperation bare = makeOperation(QStringLiteral("pop_1"), at(0));
        proposals().createOperation(bare);
        QCOMPARE(proposals().getOperation(bare.operationId), std::optional(bare));

        ProposalAsyncOperation full = makeOperation(QStringLiteral("pop_2"), at(1), QStringLiteral("pp_1"),
            QStringLiteral("FAILED"));
        full.idempotencyKey = QStringLiteral("idem_2");
        full.startedAt = at(2);
        full.finishedAt = at(3);
        full.resultJson = QStringLiteral("{\"ok\":true}");
        full.errorJson = QStringLiteral("{\"code\":\"ProposalValidationError\",\"message\":\"bad\"}");
        proposals().createOperation(full);
        QCOMPARE(proposals().getOperation(full.operationId), std::optional(full));
        QVERIFY(!proposals().getOperation(QStringLiteral("pop_unknown")));
    });
}

void ProposalStoreContract::updateOperation_replacesEveryColumn()
{
    guarded([&] {
        ProposalAsyncOperation op = makeOperation(QStringLiteral("pop_1"), at(0));
        op.idempotencyKey = QStringLiteral("idem_1");
        proposals().createOperation(op);
        ProposalAsyncOperation done = op;
        done.status = QStringLiteral("SUCCEEDED");
        done.proposalId = QStringLiteral("pp_9");
        done.idempotencyKey.reset();
        done.startedAt = at(1);
        done.finishedAt = at(2);
        done.resultJson = QStringLiteral("{\"proposal\":{}}");
        proposals().updateOperation(done);
        QCOMPARE(proposals().getOperation(op.operationId), std::optional(done));
        // update_operation upserts as create does.
        const ProposalAsyncOperation fresh = makeOperation(QStringLiteral("pop_new"), at(4));
        proposals().updateOperation(fresh);
        QCOMPARE(proposals().getOperation(fresh.operationId), std::optional(fresh));
    });
}

void ProposalStoreContract::getOperationByCorrelation_findsTheHolder()
{
    guarded([&] {
        const ProposalAsyncOperation a = makeOperation(QStringLiteral("pop_a"), at(0));
        const ProposalAsyncOperation b = makeOperation(QStringLiteral("pop_b"), at(1));
        proposals().createOperation(a);
        proposals().createOperation(b);
        QCOMPARE(proposals().getOperationByCorrelation(QStringLiteral("corr_pop_b")), std::optional(b));
        QVERIFY(!proposals().getOperationByCorrelation(QStringLiteral("pop_b")));
    });
}

void ProposalStoreContract::createOperation_correlationHeldByAnother_isConflictAndChangesNothing()
{
    guarded([&] {
        const ProposalAsyncOperation a = makeOperation(QStringLiteral("pop_a"), at(0));
        const ProposalAsyncOperation b = makeOperation(QStringLiteral("pop_b"), at(1));
        proposals().createOperation(a);
        proposals().createOperation(b);
        ProposalAsyncOperation clash = makeOperation(QStringLiteral("pop_c"), at(2));
        clash.correlationId = a.correlationId;
        EXPECT_ERROR(proposals().createOperation(clash), "PROPOSAL_ASYNC_OPERATION_CORRELATION_CONFLICT");
        QVERIFY(!proposals().getOperation(clash.operationId));
        ProposalAsyncOperation moved = b;
        moved.correlationId = a.correlationId;
        moved.status = QStringLiteral("RUNNING");
        EXPECT_ERROR(proposals().updateOperation(moved), "PROPOSAL_ASYNC_OPERATION_CORRELATION_CONFLICT");
        QCOMPARE(proposals().getOperation(b.operationId), std::optional(b));
        QCOMPARE(proposals().getOperationByCorrelation(a.correlationId), std::optional(a));
    });
}

void ProposalStoreContract::updateOperation_newCorrelation_freesTheOldOne()
{
    guarded([&] {
        const ProposalAsyncOperation a = makeOperation(QStringLiteral("pop_a"), at(0));
        proposals().createOperation(a);
        ProposalAsyncOperation renamed = a;
        renamed.correlationId = QStringLiteral("corr_new");
        proposals().updateOperation(renamed);
        QVERIFY(!proposals().getOperationByCorrelation(a.correlationId));
        QCOMPARE(proposals().getOperationByCorrelation(QStringLiteral("corr_new")), std::optional(renamed));
        // The freed correlation id can be taken by another operation.
        ProposalAsyncOperation other = makeOperation(QStringLiteral("pop_b"), at(1));
        other.correlationId = a.correlationId;
        proposals().createOperation(other);
        QCOMPARE(proposals().getOperationByCorrelation(a.correlationId), std::optional(other));
    });
}

// --- proposals ------------------------------------------------------------------------------

void ProposalStoreContract::createProposal_thenGet_returnsEveryColumn()
{
    guarded([&] {
        const ProposalRecord bare = makeProposal(QStringLiteral("pp_1"), at(0));
        proposals().createProposal(bare);
        QCOMPARE(proposals().getProposal(bare.proposalId), std::optional(bare));

        ProposalRecord full = makeProposal(QStringLiteral("pp_2"), QStringLiteral("2026-02-20T12:00:00.5+00:00"),
            QStringLiteral("RISK_REVIEW"), QStringLiteral("pf_9"), QStringLiteral("advisor_9"));
        full.mandateId = QStringLiteral("mandate_1");
        full.jurisdiction = QStringLiteral("SG");
        full.lastEventAt = at(5);
        full.currentVersionNo = 3;
        full.title = QStringLiteral("Rebalance to target — ünïcode");
        full.advisorNotes = QStringLiteral("notes");
        proposals().createProposal(full);
        QCOMPARE(proposals().getProposal(full.proposalId), std::optional(full));
        QVERIFY(!proposals().getProposal(QStringLiteral("pp_unknown")));
    });
}

void ProposalStoreContract::updateProposal_replacesEveryColumn()
{
    guarded([&] {
        ProposalRecord p = makeProposal(QStringLiteral("pp_1"), at(0));
        p.title = QStringLiteral("first");
        proposals().createProposal(p);
        ProposalRecord moved = p;
        moved.currentState = QStringLiteral("CANCELLED");
        moved.currentVersionNo = 2;
        moved.lastEventAt = at(9);
        moved.title.reset();
        moved.mandateId = QStringLiteral("m");
        moved.createdAt = at(1);
        proposals().updateProposal(moved);
        QCOMPARE(proposals().getProposal(p.proposalId), std::optional(moved));
        QCOMPARE(idsOf(proposals().listProposals({}, PageRequest { 10, {} }).items), QStringList { "pp_1" });
        // Create upserts too.
        proposals().createProposal(p);
        QCOMPARE(proposals().getProposal(p.proposalId), std::optional(p));
    });
}

// --- listing --------------------------------------------------------------------------------

// id     created_at  state        portfolio  created_by
// pp_1   at(0)       DRAFT        pf_1       advisor_1
// pp_2   at(10)      RISK_REVIEW  pf_1       advisor_2
// pp_3   at(20)      DRAFT        pf_2       advisor_1
// pp_4   at(20)      EXECUTED     pf_1       advisor_1
// pp_5   at(30)      DRAFT        pf_1       advisor_2
// pp_6   at(40)      DRAFT        pf_2       advisor_1
void ProposalStoreContract::seedProposalsForFilters()
{
    const auto add = [&](const char *id, int minute, const char *state, const char *pf, const char *by) {
        proposals().createProposal(makeProposal(QString::fromLatin1(id), at(minute), QString::fromLatin1(state),
            QString::fromLatin1(pf), QString::fromLatin1(by)));
    };
    add("pp_4", 20, "EXECUTED", "pf_1", "advisor_1");
    add("pp_1", 0, "DRAFT", "pf_1", "advisor_1");
    add("pp_6", 40, "DRAFT", "pf_2", "advisor_1");
    add("pp_2", 10, "RISK_REVIEW", "pf_1", "advisor_2");
    add("pp_5", 30, "DRAFT", "pf_1", "advisor_2");
    add("pp_3", 20, "DRAFT", "pf_2", "advisor_1");
}

void ProposalStoreContract::listProposals_emptyStore_returnsEmptyPage()
{
    guarded([&] {
        const auto page = proposals().listProposals({}, PageRequest { 10, {} });
        QVERIFY(page.items.isEmpty());
        QVERIFY(!page.nextCursor);
    });
}

void ProposalStoreContract::listProposals_ordersByCreatedAtDescThenIdDescInByteOrder()
{
    guarded([&] {
        seedProposalsForFilters();
        const auto page = proposals().listProposals({}, PageRequest { 50, {} });
        QCOMPARE(idsOf(page.items), (QStringList { "pp_6", "pp_5", "pp_4", "pp_3", "pp_2", "pp_1" }));
        QCOMPARE(page.items.at(2), makeProposal(QStringLiteral("pp_4"), at(20), QStringLiteral("EXECUTED")));

        // Byte order of ids ('B' < 'a') and microsecond timestamps in time order.
        proposals().createProposal(makeProposal(QStringLiteral("pp_a"), at(100)));
        proposals().createProposal(makeProposal(QStringLiteral("pp_B"), at(100)));
        proposals().createProposal(makeProposal(QStringLiteral("pp_micro"), formatTimestamp(
            QDateTime(QDate(2026, 2, 20), QTime(13, 40, 0, 500), Qt::UTC))));
        QCOMPARE(idsOf(proposals().listProposals({}, PageRequest { 3, {} }).items),
            (QStringList { "pp_micro", "pp_a", "pp_B" }));
    });
}

void ProposalStoreContract::listProposals_eachFilter_matchesExactlyWithInclusiveBounds()
{
    guarded([&] {
        seedProposalsForFilters();
        const auto ids = [&](const ProposalFilter &filter) {
            return idsOf(proposals().listProposals(filter, PageRequest { 50, {} }).items);
        };
        ProposalFilter f;
        f.portfolioId = QStringLiteral("pf_2");
        QCOMPARE(ids(f), (QStringList { "pp_6", "pp_3" }));
        f = {};
        f.state = QStringLiteral("DRAFT");
        QCOMPARE(ids(f), (QStringList { "pp_6", "pp_5", "pp_3", "pp_1" }));
        f = {};
        f.createdBy = QStringLiteral("advisor_2");
        QCOMPARE(ids(f), (QStringList { "pp_5", "pp_2" }));
        f = {};
        f.createdFrom = at(20);
        QCOMPARE(ids(f), (QStringList { "pp_6", "pp_5", "pp_4", "pp_3" }));
        f = {};
        f.createdTo = at(20);
        QCOMPARE(ids(f), (QStringList { "pp_4", "pp_3", "pp_2", "pp_1" }));
        f = {};
        f.createdFrom = at(10);
        f.createdTo = at(30);
        QCOMPARE(ids(f), (QStringList { "pp_5", "pp_4", "pp_3", "pp_2" }));
        f = {};
        f.state = QStringLiteral("draft"); // exact, case-sensitive
        QVERIFY(ids(f).isEmpty());
    });
}

void ProposalStoreContract::listProposals_combinedFilters_areAnded()
{
    guarded([&] {
        seedProposalsForFilters();
        ProposalFilter f;
        f.portfolioId = QStringLiteral("pf_1");
        f.state = QStringLiteral("DRAFT");
        f.createdBy = QStringLiteral("advisor_1");
        QCOMPARE(idsOf(proposals().listProposals(f, PageRequest { 50, {} }).items), QStringList { "pp_1" });
        f.createdFrom = at(1);
        const auto none = proposals().listProposals(f, PageRequest { 50, {} });
        QVERIFY(none.items.isEmpty());
        QVERIFY(!none.nextCursor);
    });
}

void ProposalStoreContract::listProposals_pagingWithSmallLimit_collectsEveryRowOnceInOrder()
{
    guarded([&] {
        seedProposalsForFilters();
        QStringList walked;
        QList<int> sizes;
        std::optional<QString> cursor;
        for (int guard = 0; guard < 20; ++guard) {
            const auto page = proposals().listProposals({}, PageRequest { 4, cursor });
            walked += idsOf(page.items);
            sizes << int(page.items.size());
            cursor = page.nextCursor;
            if (!cursor)
                break;
        }
        QCOMPARE(walked, (QStringList { "pp_6", "pp_5", "pp_4", "pp_3", "pp_2", "pp_1" }));
        QCOMPARE(sizes, (QList<int> { 4, 2 }));

        ProposalFilter drafts;
        drafts.state = QStringLiteral("DRAFT");
        const auto first = proposals().listProposals(drafts, PageRequest { 2, {} });
        QCOMPARE(idsOf(first.items), (QStringList { "pp_6", "pp_5" }));
        const auto second = proposals().listProposals(drafts, PageRequest { 2, first.nextCursor });
        QCOMPARE(idsOf(second.items), (QStringList { "pp_3", "pp_1" }));
        QVERIFY2(!second.nextCursor, "a full last page must not offer a next cursor");
    });
}

void ProposalStoreContract::listProposals_nextCursor_isConsoleCursorOfLastRowOnlyWhenMoreRows()
{
    guarded([&] {
        seedProposalsForFilters();
        const auto page = proposals().listProposals({}, PageRequest { 3, {} });
        QVERIFY(page.nextCursor);
        QCOMPARE(*page.nextCursor, encodeCursor(CursorListing::Proposals, at(20), QStringLiteral("pp_4")));
        QVERIFY(!proposals().listProposals({}, PageRequest { 6, {} }).nextCursor);
        QVERIFY(!proposals().listProposals({}, PageRequest { 7, {} }).nextCursor);
        // An empty cursor text is the first page, as the service treats "".
        QCOMPARE(idsOf(proposals().listProposals({}, PageRequest { 2, QString(QLatin1String("")) }).items),
            (QStringList { "pp_6", "pp_5" }));
    });
}

void ProposalStoreContract::listProposals_legacyCursor_continuesAfterNamedRow()
{
    guarded([&] {
        seedProposalsForFilters();
        const auto page = proposals().listProposals({}, PageRequest { 2, QStringLiteral("pp_4") });
        QCOMPARE(idsOf(page.items), (QStringList { "pp_3", "pp_2" }));
        QVERIFY(page.nextCursor);
        const auto rest = proposals().listProposals({}, PageRequest { 2, page.nextCursor });
        QCOMPARE(idsOf(rest.items), QStringList { "pp_1" });
        QVERIFY(!rest.nextCursor);

        ProposalFilter drafts;
        drafts.state = QStringLiteral("DRAFT");
        QCOMPARE(idsOf(proposals().listProposals(drafts, PageRequest { 50, QStringLiteral("pp_5") }).items),
            (QStringList { "pp_3", "pp_1" }));
    });
}

void ProposalStoreContract::listProposals_legacyCursorNamingNoRow_returnsEmpty()
{
    guarded([&] {
        seedProposalsForFilters();
        // Part A §4: an id naming no row is an empty page on every backend (the service's
        // in-memory adapter ignores it and starts over; we do not).
        const auto page = proposals().listProposals({}, PageRequest { 50, QStringLiteral("pp_missing") });
        QVERIFY(page.items.isEmpty());
        QVERIFY(!page.nextCursor);
    });
}

void ProposalStoreContract::listProposals_legacyCursorNamingRowExcludedByFilters_returnsEmpty()
{
    guarded([&] {
        seedProposalsForFilters();
        ProposalFilter drafts;
        drafts.state = QStringLiteral("DRAFT");
        // pp_4 exists (EXECUTED) but is not in the DRAFT listing: as for runs, the bare id must
        // name a row of the filtered listing.
        const auto page = proposals().listProposals(drafts, PageRequest { 50, QStringLiteral("pp_4") });
        QVERIFY(page.items.isEmpty());
        QVERIFY(!page.nextCursor);
        ProposalFilter window;
        window.createdTo = at(10);
        QVERIFY(proposals().listProposals(window, PageRequest { 50, QStringLiteral("pp_6") }).items.isEmpty());
    });
}

void ProposalStoreContract::listProposals_consoleCursorRowMovedByUpsert_continuesAfterSortKey()
{
    guarded([&] {
        seedProposalsForFilters();
        const auto first = proposals().listProposals({}, PageRequest { 3, {} });
        QCOMPARE(idsOf(first.items), (QStringList { "pp_6", "pp_5", "pp_4" }));
        ProposalRecord moved = *proposals().getProposal(QStringLiteral("pp_4"));
        moved.createdAt = at(50);
        proposals().updateProposal(moved);
        const auto second = proposals().listProposals({}, PageRequest { 3, first.nextCursor });
        QCOMPARE(idsOf(second.items), (QStringList { "pp_3", "pp_2", "pp_1" }));
        QVERIFY(!second.nextCursor);
        // The bare id names the row at its new place.
        QCOMPARE(idsOf(proposals().listProposals({}, PageRequest { 2, QStringLiteral("pp_4") }).items),
            (QStringList { "pp_6", "pp_5" }));
        // A console cursor between stored keys continues below it.
        QCOMPARE(idsOf(proposals()
                           .listProposals({}, PageRequest { 1, encodeCursor(CursorListing::Proposals, at(20), "pp_3z") })
                           .items),
            QStringList { "pp_3" });
    });
}

void ProposalStoreContract::listProposals_cursorAfterLastPage_returnsEmpty()
{
    guarded([&] {
        seedProposalsForFilters();
        const auto console
            = proposals().listProposals({}, PageRequest { 5, encodeCursor(CursorListing::Proposals, at(0), "pp_1") });
        QVERIFY(console.items.isEmpty());
        QVERIFY(!console.nextCursor);
        const auto legacy = proposals().listProposals({}, PageRequest { 5, QStringLiteral("pp_1") });
        QVERIFY(legacy.items.isEmpty());
        QVERIFY(!legacy.nextCursor);
    });
}

void ProposalStoreContract::listProposals_undecodableOrForeignCursor_isInvalidCursor()
{
    guarded([&] {
        seedProposalsForFilters();
        EXPECT_ERROR(proposals().listProposals({}, PageRequest { 10, QStringLiteral("c1.!!!") }), "INVALID_CURSOR");
        EXPECT_ERROR(proposals().listProposals({}, PageRequest { 10, QStringLiteral("c1.") }), "INVALID_CURSOR");
        EXPECT_ERROR(proposals().listProposals(
                         {}, PageRequest { 10, encodeCursor(CursorListing::Runs, at(0), QStringLiteral("pp_1")) }),
            "INVALID_CURSOR");
        EXPECT_ERROR(proposals().listProposals({}, PageRequest { 10, QStringLiteral("pp\x01") }), "INVALID_CURSOR");
    });
}

void ProposalStoreContract::listProposals_limitBelowOne_isInvalidLimit()
{
    guarded([&] {
        seedProposalsForFilters();
        EXPECT_ERROR(proposals().listProposals({}, PageRequest { 0, {} }), "INVALID_LIMIT");
        EXPECT_ERROR(proposals().listProposals({}, PageRequest { -1, QStringLiteral("pp_4") }), "INVALID_LIMIT");
    });
}

// --- versions -------------------------------------------------------------------------------

void ProposalStoreContract::createVersion_thenGet_returnsEveryColumnAndUpsertsOnNumber()
{
    guarded([&] {
        const ProposalVersion v1 = makeVersion(QStringLiteral("pp_1"), 1, at(0));
        ProposalVersion v2 = makeVersion(QStringLiteral("pp_1"), 2, at(1));
        v2.gateDecisionJson = QStringLiteral("{\"gate\":\"CLIENT_CONSENT_REQUIRED\"}");
        v2.statusAtCreation = QStringLiteral("PENDING_REVIEW");
        proposals().createVersion(v1);
        proposals().createVersion(v2);
        QCOMPARE(proposals().getVersion(QStringLiteral("pp_1"), 1), std::optional(v1));
        QCOMPARE(proposals().getVersion(QStringLiteral("pp_1"), 2), std::optional(v2));
        QVERIFY(!proposals().getVersion(QStringLiteral("pp_1"), 3));
        QVERIFY(!proposals().getVersion(QStringLiteral("pp_2"), 1));

        ProposalVersion replaced = makeVersion(QStringLiteral("pp_1"), 1, at(5));
        replaced.proposalVersionId = QStringLiteral("ppv_other");
        replaced.evidenceBundleJson = QStringLiteral("{\"evidence\":1}");
        proposals().createVersion(replaced);
        QCOMPARE(proposals().getVersion(QStringLiteral("pp_1"), 1), std::optional(replaced));
        QCOMPARE(proposals().listVersions(QStringLiteral("pp_1")).size(), 2);
    });
}

void ProposalStoreContract::getCurrentVersion_isHighestNumber()
{
    guarded([&] {
        QVERIFY(!proposals().getCurrentVersion(QStringLiteral("pp_1")));
        // 10 > 9 > 2 numerically (not as text), whatever the insertion order.
        proposals().createVersion(makeVersion(QStringLiteral("pp_1"), 9, at(9)));
        proposals().createVersion(makeVersion(QStringLiteral("pp_1"), 10, at(1)));
        proposals().createVersion(makeVersion(QStringLiteral("pp_1"), 2, at(2)));
        proposals().createVersion(makeVersion(QStringLiteral("pp_10"), 11, at(3)));
        proposals().createVersion(makeVersion(QStringLiteral("pp_0"), 12, at(3)));
        QCOMPARE(proposals().getCurrentVersion(QStringLiteral("pp_1")),
            std::optional(makeVersion(QStringLiteral("pp_1"), 10, at(1))));
        QVERIFY(!proposals().getCurrentVersion(QStringLiteral("pp_")));
    });
}

void ProposalStoreContract::listVersions_headersOfThatProposalAscending()
{
    guarded([&] {
        proposals().createVersion(makeVersion(QStringLiteral("pp_1"), 3, at(3)));
        proposals().createVersion(makeVersion(QStringLiteral("pp_1"), 1, at(1)));
        proposals().createVersion(makeVersion(QStringLiteral("pp_2"), 1, at(0)));
        proposals().createVersion(makeVersion(QStringLiteral("pp_1"), 2, at(2)));
        const QList<ProposalVersionHeader> expected { headerOf(makeVersion(QStringLiteral("pp_1"), 1, at(1))),
            headerOf(makeVersion(QStringLiteral("pp_1"), 2, at(2))),
            headerOf(makeVersion(QStringLiteral("pp_1"), 3, at(3))) };
        QVERIFY(proposals().listVersions(QStringLiteral("pp_1")) == expected);
        QVERIFY(proposals().listVersions(QStringLiteral("pp_unknown")).isEmpty());
    });
}

// --- events and approvals -------------------------------------------------------------------

void ProposalStoreContract::appendEvent_listsOldestFirstThenById()
{
    guarded([&] {
        ProposalWorkflowEvent created = makeEvent(QStringLiteral("pwe_c"), QStringLiteral("pp_1"), at(0),
            QStringLiteral("CREATED"), std::nullopt, QStringLiteral("DRAFT"));
        created.relatedVersionNo.reset();
        created.reasonJson = QStringLiteral("{\"correlation_id\":\"corr_1\"}");
        proposals().appendEvent(makeEvent(QStringLiteral("pwe_b"), QStringLiteral("pp_1"), at(5)));
        proposals().appendEvent(created);
        proposals().appendEvent(makeEvent(QStringLiteral("pwe_a"), QStringLiteral("pp_1"), at(5)));
        proposals().appendEvent(makeEvent(QStringLiteral("pwe_other"), QStringLiteral("pp_2"), at(1)));
        const auto events = proposals().listEvents(QStringLiteral("pp_1"));
        QCOMPARE(idsOf(events), (QStringList { "pwe_c", "pwe_a", "pwe_b" }));
        QCOMPARE(events.first(), created);
        QCOMPARE(events.last(), makeEvent(QStringLiteral("pwe_b"), QStringLiteral("pp_1"), at(5)));
        QVERIFY(proposals().listEvents(QStringLiteral("pp_unknown")).isEmpty());
    });
}

void ProposalStoreContract::appendEvent_existingId_isConflictAndKeepsTheFirst()
{
    guarded([&] {
        const ProposalWorkflowEvent first = makeEvent(QStringLiteral("pwe_1"), QStringLiteral("pp_1"), at(0));
        proposals().appendEvent(first);
        ProposalWorkflowEvent again = makeEvent(QStringLiteral("pwe_1"), QStringLiteral("pp_2"), at(1));
        EXPECT_ERROR(proposals().appendEvent(again), "PROPOSAL_WORKFLOW_EVENT_CONFLICT");
        QCOMPARE(proposals().listEvents(QStringLiteral("pp_1")), QList<ProposalWorkflowEvent> { first });
        QVERIFY(proposals().listEvents(QStringLiteral("pp_2")).isEmpty());
    });
}

void ProposalStoreContract::createApproval_listsOldestFirstThenById()
{
    guarded([&] {
        ProposalApproval rejected = makeApproval(QStringLiteral("pap_b"), QStringLiteral("pp_1"), at(5),
            QStringLiteral("COMPLIANCE"), false);
        rejected.relatedVersionNo.reset();
        proposals().createApproval(rejected);
        proposals().createApproval(makeApproval(QStringLiteral("pap_c"), QStringLiteral("pp_1"), at(0)));
        proposals().createApproval(makeApproval(QStringLiteral("pap_a"), QStringLiteral("pp_1"), at(5)));
        proposals().createApproval(makeApproval(QStringLiteral("pap_other"), QStringLiteral("pp_2"), at(0)));
        const auto approvals = proposals().listApprovals(QStringLiteral("pp_1"));
        QCOMPARE(idsOf(approvals), (QStringList { "pap_c", "pap_a", "pap_b" }));
        QCOMPARE(approvals.last(), rejected);
        QCOMPARE(approvals.first(), makeApproval(QStringLiteral("pap_c"), QStringLiteral("pp_1"), at(0)));
        QVERIFY(proposals().listApprovals(QStringLiteral("pp_unknown")).isEmpty());
    });
}

void ProposalStoreContract::createApproval_existingId_isConflictAndKeepsTheFirst()
{
    guarded([&] {
        const ProposalApproval first = makeApproval(QStringLiteral("pap_1"), QStringLiteral("pp_1"), at(0));
        proposals().createApproval(first);
        EXPECT_ERROR(proposals().createApproval(makeApproval(QStringLiteral("pap_1"), QStringLiteral("pp_1"), at(1),
                         QStringLiteral("RISK"), false)),
            "PROPOSAL_APPROVAL_CONFLICT");
        QCOMPARE(proposals().listApprovals(QStringLiteral("pp_1")), QList<ProposalApproval> { first });
    });
}

void ProposalStoreContract::transitionProposal_writesEventApprovalAndProposal()
{
    guarded([&] {
        ProposalRecord p = makeProposal(QStringLiteral("pp_1"), at(0), QStringLiteral("RISK_REVIEW"));
        proposals().createProposal(p);
        p.currentState = QStringLiteral("AWAITING_CLIENT_CONSENT");
        p.lastEventAt = at(5);
        const ProposalWorkflowEvent event = makeEvent(QStringLiteral("pwe_1"), QStringLiteral("pp_1"), at(5),
            QStringLiteral("RISK_APPROVED"), QStringLiteral("RISK_REVIEW"), QStringLiteral("AWAITING_CLIENT_CONSENT"));
        const ProposalApproval approval = makeApproval(QStringLiteral("pap_1"), QStringLiteral("pp_1"), at(5));
        const ProposalTransition written = proposals().transitionProposal(p, event, approval);
        QCOMPARE(written.proposal, p);
        QCOMPARE(written.event, event);
        QCOMPARE(written.approval, std::optional(approval));
        QCOMPARE(proposals().getProposal(QStringLiteral("pp_1")), std::optional(p));
        QCOMPARE(proposals().listEvents(QStringLiteral("pp_1")), QList<ProposalWorkflowEvent> { event });
        QCOMPARE(proposals().listApprovals(QStringLiteral("pp_1")), QList<ProposalApproval> { approval });
    });
}

void ProposalStoreContract::transitionProposal_withoutApproval_writesEventAndProposal()
{
    guarded([&] {
        // The proposal need not exist before: the record is upserted.
        const ProposalRecord p = makeProposal(QStringLiteral("pp_1"), at(0), QStringLiteral("RISK_REVIEW"));
        const ProposalWorkflowEvent event = makeEvent(QStringLiteral("pwe_1"), QStringLiteral("pp_1"), at(1));
        const ProposalTransition written = proposals().transitionProposal(p, event, std::nullopt);
        QVERIFY(!written.approval);
        QCOMPARE(written.event, event);
        QCOMPARE(proposals().getProposal(QStringLiteral("pp_1")), std::optional(p));
        QCOMPARE(proposals().listEvents(QStringLiteral("pp_1")), QList<ProposalWorkflowEvent> { event });
        QVERIFY(proposals().listApprovals(QStringLiteral("pp_1")).isEmpty());
    });
}

void ProposalStoreContract::transitionProposal_existingApprovalId_writesNothing()
{
    guarded([&] {
        const ProposalRecord before = makeProposal(QStringLiteral("pp_1"), at(0), QStringLiteral("RISK_REVIEW"));
        proposals().createProposal(before);
        const ProposalApproval existing = makeApproval(QStringLiteral("pap_1"), QStringLiteral("pp_other"), at(0));
        proposals().createApproval(existing);

        ProposalRecord after = before;
        after.currentState = QStringLiteral("REJECTED");
        after.lastEventAt = at(5);
        const ProposalWorkflowEvent event = makeEvent(QStringLiteral("pwe_1"), QStringLiteral("pp_1"), at(5),
            QStringLiteral("REJECTED"), QStringLiteral("RISK_REVIEW"), QStringLiteral("REJECTED"));
        const ProposalApproval clash = makeApproval(QStringLiteral("pap_1"), QStringLiteral("pp_1"), at(5),
            QStringLiteral("RISK"), false);
        EXPECT_ERROR(proposals().transitionProposal(after, event, clash), "PROPOSAL_APPROVAL_CONFLICT");
        // Nothing of the transition was written: no event, no approval, the record unchanged.
        QVERIFY(proposals().listEvents(QStringLiteral("pp_1")).isEmpty());
        QVERIFY(proposals().listApprovals(QStringLiteral("pp_1")).isEmpty());
        QCOMPARE(proposals().getProposal(QStringLiteral("pp_1")), std::optional(before));
        QCOMPARE(proposals().listApprovals(QStringLiteral("pp_other")), QList<ProposalApproval> { existing });
        QVERIFY(proposals().findIdentifier(QStringLiteral("pwe_1")).isEmpty());
    });
}

void ProposalStoreContract::transitionProposal_existingEventId_writesNothing()
{
    guarded([&] {
        const ProposalRecord before = makeProposal(QStringLiteral("pp_1"), at(0), QStringLiteral("RISK_REVIEW"));
        proposals().createProposal(before);
        const ProposalWorkflowEvent existing = makeEvent(QStringLiteral("pwe_1"), QStringLiteral("pp_1"), at(1));
        proposals().appendEvent(existing);
        ProposalRecord after = before;
        after.currentState = QStringLiteral("AWAITING_CLIENT_CONSENT");
        const ProposalWorkflowEvent clash = makeEvent(QStringLiteral("pwe_1"), QStringLiteral("pp_1"), at(5),
            QStringLiteral("RISK_APPROVED"), QStringLiteral("RISK_REVIEW"), QStringLiteral("AWAITING_CLIENT_CONSENT"));
        EXPECT_ERROR(proposals().transitionProposal(
                         after, clash, makeApproval(QStringLiteral("pap_new"), QStringLiteral("pp_1"), at(5))),
            "PROPOSAL_WORKFLOW_EVENT_CONFLICT");
        QCOMPARE(proposals().listEvents(QStringLiteral("pp_1")), QList<ProposalWorkflowEvent> { existing });
        QVERIFY(proposals().listApprovals(QStringLiteral("pp_1")).isEmpty());
        QCOMPARE(proposals().getProposal(QStringLiteral("pp_1")), std::optional(before));
    });
}

// --- investigation reads --------------------------------------------------------------------

void ProposalStoreContract::loadAggregate_unknownProposal_returnsNothing()
{
    guarded([&] {
        // Rows that name the proposal do not make it exist.
        proposals().appendEvent(makeEvent(QStringLiteral("pwe_1"), QStringLiteral("pp_ghost"), at(0)));
        QVERIFY(!proposals().loadAggregate(QStringLiteral("pp_ghost")));
        QVERIFY(!proposals().loadAggregate(QStringLiteral("pp_unknown")));
    });
}

void ProposalStoreContract::loadAggregate_returnsEveryRowOfTheProposalInListingOrder()
{
    guarded([&] {
        ProposalRecord p = makeProposal(QStringLiteral("pp_1"), at(0), QStringLiteral("AWAITING_CLIENT_CONSENT"));
        p.currentVersionNo = 2;
        proposals().createProposal(p);
        proposals().createProposal(makeProposal(QStringLiteral("pp_2"), at(0)));
        proposals().createVersion(makeVersion(QStringLiteral("pp_1"), 2, at(3)));
        proposals().createVersion(makeVersion(QStringLiteral("pp_1"), 1, at(0)));
        proposals().createVersion(makeVersion(QStringLiteral("pp_2"), 1, at(0)));
        proposals().appendEvent(makeEvent(QStringLiteral("pwe_2"), QStringLiteral("pp_1"), at(4)));
        proposals().appendEvent(makeEvent(QStringLiteral("pwe_1"), QStringLiteral("pp_1"), at(1)));
        proposals().appendEvent(makeEvent(QStringLiteral("pwe_x"), QStringLiteral("pp_2"), at(1)));
        proposals().createApproval(makeApproval(QStringLiteral("pap_1"), QStringLiteral("pp_1"), at(4)));
        proposals().createApproval(makeApproval(QStringLiteral("pap_x"), QStringLiteral("pp_2"), at(4)));
        proposals().createOperation(makeOperation(QStringLiteral("pop_b"), at(2), QStringLiteral("pp_1")));
        proposals().createOperation(makeOperation(QStringLiteral("pop_a"), at(2), QStringLiteral("pp_1")));
        proposals().createOperation(makeOperation(QStringLiteral("pop_0"), at(1), QStringLiteral("pp_1")));
        proposals().createOperation(makeOperation(QStringLiteral("pop_x"), at(0), QStringLiteral("pp_2")));
        proposals().createOperation(makeOperation(QStringLiteral("pop_none"), at(0)));
        proposals().saveIdempotency({ QStringLiteral("idem_b"), QStringLiteral("h"), QStringLiteral("pp_1"), 1, at(0) });
        proposals().saveIdempotency({ QStringLiteral("idem_a"), QStringLiteral("h"), QStringLiteral("pp_1"), 2, at(3) });
        proposals().saveIdempotency({ QStringLiteral("idem_x"), QStringLiteral("h"), QStringLiteral("pp_2"), 1, at(0) });

        const auto aggregate = proposals().loadAggregate(QStringLiteral("pp_1"));
        QVERIFY(aggregate);
        QCOMPARE(aggregate->proposal, p);
        QVERIFY(aggregate->versions
            == (QList<ProposalVersionHeader> { headerOf(makeVersion(QStringLiteral("pp_1"), 1, at(0))),
                headerOf(makeVersion(QStringLiteral("pp_1"), 2, at(3))) }));
        QCOMPARE(idsOf(aggregate->events), (QStringList { "pwe_1", "pwe_2" }));
        QCOMPARE(aggregate->events.last(), makeEvent(QStringLiteral("pwe_2"), QStringLiteral("pp_1"), at(4)));
        QCOMPARE(aggregate->approvals,
            QList<ProposalApproval> { makeApproval(QStringLiteral("pap_1"), QStringLiteral("pp_1"), at(4)) });
        QStringList operationIds;
        for (const ProposalAsyncOperation &op : aggregate->operations)
            operationIds << op.operationId;
        QCOMPARE(operationIds, (QStringList { "pop_0", "pop_a", "pop_b" }));
        QCOMPARE(aggregate->operations.first(), makeOperation(QStringLiteral("pop_0"), at(1), QStringLiteral("pp_1")));
        QCOMPARE(aggregate->idempotency.size(), 2);
        QCOMPARE(aggregate->idempotency.first(),
            (ProposalIdempotency { QStringLiteral("idem_b"), QStringLiteral("h"), QStringLiteral("pp_1"), 1, at(0) }));
        QCOMPARE(aggregate->idempotency.last().idempotencyKey, QStringLiteral("idem_a"));
    });
}

void ProposalStoreContract::findIdentifier_eachKind_leadsToItsProposal()
{
    guarded([&] {
        proposals().createProposal(makeProposal(QStringLiteral("pp_1"), at(0)));
        proposals().createVersion(makeVersion(QStringLiteral("pp_1"), 2, at(0)));
        ProposalWorkflowEvent event = makeEvent(QStringLiteral("pwe_1"), QStringLiteral("pp_1"), at(1));
        event.relatedVersionNo = 2;
        proposals().appendEvent(event);
        ProposalApproval approval = makeApproval(QStringLiteral("pap_1"), QStringLiteral("pp_1"), at(1));
        approval.relatedVersionNo.reset();
        proposals().createApproval(approval);
        proposals().saveIdempotency({ QStringLiteral("idem_1"), QStringLiteral("h"), QStringLiteral("pp_1"), 2, at(0) });
        proposals().createOperation(makeOperation(QStringLiteral("pop_1"), at(0), QStringLiteral("pp_1")));
        proposals().createOperation(makeOperation(QStringLiteral("pop_2"), at(0)));

        const auto one = [&](const QString &identifier) {
            const QList<ProposalMatch> matches = proposals().findIdentifier(identifier);
            if (matches.size() != 1)
                qWarning() << identifier << "matched" << matches.size() << "times";
            return matches.value(0);
        };
        QCOMPARE(one(QStringLiteral("pp_1")),
            (ProposalMatch { ProposalIdentifierKind::ProposalId, QStringLiteral("pp_1"), true, {}, {} }));
        QCOMPARE(one(QStringLiteral("ppv_pp_1_2")),
            (ProposalMatch { ProposalIdentifierKind::ProposalVersionId, QStringLiteral("pp_1"), true, 2, {} }));
        QCOMPARE(one(QStringLiteral("pwe_1")),
            (ProposalMatch { ProposalIdentifierKind::EventId, QStringLiteral("pp_1"), true, 2, {} }));
        QCOMPARE(one(QStringLiteral("pap_1")),
            (ProposalMatch { ProposalIdentifierKind::ApprovalId, QStringLiteral("pp_1"), true, {}, {} }));
        QCOMPARE(one(QStringLiteral("idem_1")),
            (ProposalMatch { ProposalIdentifierKind::IdempotencyKey, QStringLiteral("pp_1"), true, 2, {} }));
        QCOMPARE(one(QStringLiteral("pop_1")), (ProposalMatch { ProposalIdentifierKind::OperationId,
                                                   QStringLiteral("pp_1"), true, {}, QStringLiteral("pop_1") }));
        QCOMPARE(one(QStringLiteral("corr_pop_1")), (ProposalMatch { ProposalIdentifierKind::OperationCorrelationId,
                                                        QStringLiteral("pp_1"), true, {}, QStringLiteral("pop_1") }));
        // An operation without a proposal (CREATE_PROPOSAL before it succeeded).
        QCOMPARE(one(QStringLiteral("pop_2")),
            (ProposalMatch { ProposalIdentifierKind::OperationId, {}, false, {}, QStringLiteral("pop_2") }));

        // One identifier matching several kinds: every match, in the enum's order.
        proposals().createProposal(makeProposal(QStringLiteral("shared"), at(0)));
        proposals().saveIdempotency({ QStringLiteral("shared"), QStringLiteral("h"), QStringLiteral("pp_1"), 1, at(0) });
        ProposalAsyncOperation sharedOp = makeOperation(QStringLiteral("shared"), at(0), QStringLiteral("shared"));
        sharedOp.correlationId = QStringLiteral("shared");
        proposals().createOperation(sharedOp);
        ProposalVersion sharedVersion = makeVersion(QStringLiteral("pp_1"), 3, at(0));
        sharedVersion.proposalVersionId = QStringLiteral("shared");
        proposals().createVersion(sharedVersion);
        const QList<ProposalMatch> expected {
            { ProposalIdentifierKind::ProposalId, QStringLiteral("shared"), true, {}, {} },
            { ProposalIdentifierKind::ProposalVersionId, QStringLiteral("pp_1"), true, 3, {} },
            { ProposalIdentifierKind::IdempotencyKey, QStringLiteral("pp_1"), true, 1, {} },
            { ProposalIdentifierKind::OperationId, QStringLiteral("shared"), true, {}, QStringLiteral("shared") },
            { ProposalIdentifierKind::OperationCorrelationId, QStringLiteral("shared"), true, {},
                QStringLiteral("shared") },
        };
        QCOMPARE(proposals().findIdentifier(QStringLiteral("shared")), expected);
    });
}

void ProposalStoreContract::findIdentifier_danglingReferences_sayTheProposalIsMissing()
{
    guarded([&] {
        proposals().createVersion(makeVersion(QStringLiteral("pp_gone"), 1, at(0)));
        proposals().appendEvent(makeEvent(QStringLiteral("pwe_1"), QStringLiteral("pp_gone"), at(0)));
        proposals().createApproval(makeApproval(QStringLiteral("pap_1"), QStringLiteral("pp_gone"), at(0)));
        proposals().saveIdempotency({ QStringLiteral("idem_1"), QStringLiteral("h"), QStringLiteral("pp_gone"), 1, at(0) });
        proposals().createOperation(makeOperation(QStringLiteral("pop_1"), at(0), QStringLiteral("pp_gone")));
        const QList<std::pair<QString, ProposalIdentifierKind>> cases {
            { QStringLiteral("ppv_pp_gone_1"), ProposalIdentifierKind::ProposalVersionId },
            { QStringLiteral("pwe_1"), ProposalIdentifierKind::EventId },
            { QStringLiteral("pap_1"), ProposalIdentifierKind::ApprovalId },
            { QStringLiteral("idem_1"), ProposalIdentifierKind::IdempotencyKey },
            { QStringLiteral("pop_1"), ProposalIdentifierKind::OperationId },
            { QStringLiteral("corr_pop_1"), ProposalIdentifierKind::OperationCorrelationId },
        };
        for (const auto &[identifier, kind] : cases) {
            const QList<ProposalMatch> matches = proposals().findIdentifier(identifier);
            QCOMPARE(matches.size(), 1);
            QCOMPARE(toWire(matches.first().kind), toWire(kind));
            QCOMPARE(matches.first().proposalId, std::optional(QStringLiteral("pp_gone")));
            QVERIFY2(!matches.first().proposalExists, qPrintable(identifier));
        }
        QVERIFY(proposals().findIdentifier(QStringLiteral("pp_gone")).isEmpty());
    });
}

void ProposalStoreContract::findIdentifier_noMatch_returnsEmpty()
{
    guarded([&] {
        proposals().createProposal(makeProposal(QStringLiteral("pp_1"), at(0)));
        QVERIFY(proposals().findIdentifier(QStringLiteral("pp_")).isEmpty());
        QVERIFY(proposals().findIdentifier(QStringLiteral("PP_1")).isEmpty());
        QVERIFY(proposals().findIdentifier(QString()).isEmpty());
    });
}

void ProposalStoreContract::countProposals_emptyStore_zeroCountsNullBounds()
{
    guarded([&] { QCOMPARE(proposals().countProposals(), ProposalCounts {}); });
}

void ProposalStoreContract::countProposals_populatedStore_exactCounts()
{
    guarded([&] {
        seedProposalsForFilters();
        proposals().createVersion(makeVersion(QStringLiteral("pp_1"), 1, at(0)));
        proposals().createVersion(makeVersion(QStringLiteral("pp_1"), 2, at(1)));
        proposals().createVersion(makeVersion(QStringLiteral("pp_2"), 1, at(1)));
        proposals().appendEvent(makeEvent(QStringLiteral("pwe_1"), QStringLiteral("pp_1"), at(0)));
        proposals().appendEvent(makeEvent(QStringLiteral("pwe_2"), QStringLiteral("pp_2"), at(0)));
        proposals().createApproval(makeApproval(QStringLiteral("pap_1"), QStringLiteral("pp_1"), at(0)));
        proposals().createApproval(makeApproval(QStringLiteral("pap_2"), QStringLiteral("pp_2"), at(1)));
        proposals().createApproval(makeApproval(QStringLiteral("pap_3"), QStringLiteral("pp_3"), at(1),
            QStringLiteral("RISK"), false));
        proposals().createApproval(makeApproval(QStringLiteral("pap_4"), QStringLiteral("pp_3"), at(1),
            QStringLiteral("CLIENT_CONSENT"), true));
        proposals().createOperation(makeOperation(QStringLiteral("pop_1"), at(0)));

        ProposalCounts expected;
        expected.proposalCount = 6;
        expected.stateCounts = { { QStringLiteral("DRAFT"), 4 }, { QStringLiteral("EXECUTED"), 1 },
            { QStringLiteral("RISK_REVIEW"), 1 } };
        expected.versionCount = 3;
        expected.eventCount = 2;
        expected.approvalCount = 4;
        expected.approvalOutcomeCounts = { { QStringLiteral("CLIENT_CONSENT:APPROVED"), 1 },
            { QStringLiteral("RISK:APPROVED"), 2 }, { QStringLiteral("RISK:REJECTED"), 1 } };
        expected.operationCount = 1;
        expected.oldestProposalCreatedAt = at(0);
        expected.newestProposalCreatedAt = at(40);
        const ProposalCounts counts = proposals().countProposals();
        QCOMPARE(counts.stateCounts, expected.stateCounts);
        QCOMPARE(counts.approvalOutcomeCounts, expected.approvalOutcomeCounts);
        QCOMPARE(counts.oldestProposalCreatedAt, expected.oldestProposalCreatedAt);
        QCOMPARE(counts.newestProposalCreatedAt, expected.newestProposalCreatedAt);
        QVERIFY(counts == expected);
    });
}

void ProposalStoreContract::countApprovalsPerDay_countsByDayTypeAndOutcome()
{
    guarded([&] {
        const auto add = [&](const char *id, const char *when, const char *type, bool approved) {
            proposals().createApproval(makeApproval(QString::fromLatin1(id), QStringLiteral("pp_1"),
                QString::fromLatin1(when), QString::fromLatin1(type), approved));
        };
        add("pap_1", "2026-02-19T23:59:59.999999+00:00", "RISK", true);
        add("pap_2", "2026-02-20T00:00:00+00:00", "RISK", true);
        add("pap_3", "2026-02-20T10:00:00+00:00", "RISK", true);
        add("pap_4", "2026-02-20T11:00:00+00:00", "RISK", false);
        add("pap_5", "2026-02-21T23:59:59.5+00:00", "CLIENT_CONSENT", true);
        add("pap_6", "2026-02-22T00:00:00+00:00", "COMPLIANCE", true);
        const QList<DailyCount> expected {
            { QStringLiteral("2026-02-20"), QStringLiteral("RISK:APPROVED"), 2 },
            { QStringLiteral("2026-02-20"), QStringLiteral("RISK:REJECTED"), 1 },
            { QStringLiteral("2026-02-21"), QStringLiteral("CLIENT_CONSENT:APPROVED"), 1 },
        };
        QCOMPARE(normalizedDailyCounts(proposals().countApprovalsPerDay(QStringLiteral("2026-02-20"),
                     QStringLiteral("2026-02-21"))),
            expected);
        QCOMPARE(proposals().countApprovalsPerDay(QStringLiteral("2026-02-20"), QStringLiteral("2026-02-21")),
            expected);
        QVERIFY(proposals().countApprovalsPerDay(QStringLiteral("2026-03-01"), QStringLiteral("2026-03-02")).isEmpty());
    });
}

void ProposalStoreContract::countApprovalsPerDay_invalidRange_isInvalidDayRange()
{
    guarded([&] {
        EXPECT_ERROR(proposals().countApprovalsPerDay(QStringLiteral("2026-02-21"), QStringLiteral("2026-02-20")),
            "INVALID_DAY_RANGE");
        EXPECT_ERROR(proposals().countApprovalsPerDay(QStringLiteral("2026-2-1"), QStringLiteral("2026-02-20")),
            "INVALID_DAY_RANGE");
    });
}

// --- cross-cutting --------------------------------------------------------------------------

void ProposalStoreContract::purgeExpiredRuns_leavesProposalRows()
{
    guarded([&] {
        // Old proposal rows, far before any cut-off: the service has no retention rule for them.
        const QString old = QStringLiteral("2020-01-01T00:00:00+00:00");
        proposals().createProposal(makeProposal(QStringLiteral("pp_old"), old));
        proposals().createVersion(makeVersion(QStringLiteral("pp_old"), 1, old));
        proposals().appendEvent(makeEvent(QStringLiteral("pwe_old"), QStringLiteral("pp_old"), old));
        proposals().createApproval(makeApproval(QStringLiteral("pap_old"), QStringLiteral("pp_old"), old));
        proposals().saveIdempotency({ QStringLiteral("idem_old"), QStringLiteral("h"), QStringLiteral("pp_old"), 1, old });
        proposals().saveSimulationIdempotency({ QStringLiteral("sim_old"), QStringLiteral("h"), QStringLiteral("{}"), old });
        ProposalAsyncOperation op = makeOperation(QStringLiteral("pop_old"), old, QStringLiteral("pp_old"));
        op.finishedAt = old;
        proposals().createOperation(op);
        RebalanceRun run;
        run.rebalanceRunId = QStringLiteral("rr_old");
        run.correlationId = QStringLiteral("corr_rr_old");
        run.requestHash = QStringLiteral("sha256:a");
        run.portfolioId = QStringLiteral("pf_1");
        run.createdAt = old;
        run.resultJson = QStringLiteral("{}");
        m_store->saveRun(run);
        const ProposalCounts before = proposals().countProposals();

        const PurgeReport runs = m_store->purgeExpiredRuns(1, at(0), false);
        QCOMPARE(runs.count(QStringLiteral("dpm_runs")), qint64(1));
        m_store->purgeExpiredOperations(1, at(0), false);
        QCOMPARE(proposals().countProposals(), before);
        QVERIFY(proposals().loadAggregate(QStringLiteral("pp_old")));
        QCOMPARE(proposals().getOperation(QStringLiteral("pop_old")), std::optional(op));
        QVERIFY(proposals().getSimulationIdempotency(QStringLiteral("sim_old")));
        QVERIFY(proposals().getIdempotency(QStringLiteral("idem_old")));
    });
}

void ProposalStoreContract::concurrentTransitions_everyRowStored()
{
    guarded([&] {
        constexpr int kThreads = 4;
        constexpr int kPerThread = 15;
        std::atomic<int> failures { 0 };
        std::vector<std::thread> threads;
        ProposalStore &store = proposals();
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < kPerThread; ++i) {
                    try {
                        const QString id = QStringLiteral("pp_%1_%2").arg(t).arg(i);
                        store.transitionProposal(makeProposal(id, at(i), QStringLiteral("RISK_REVIEW")),
                            makeEvent(QStringLiteral("pwe_") + id, id, at(i)),
                            makeApproval(QStringLiteral("pap_") + id, id, at(i)));
                        store.listProposals({}, PageRequest { 5, {} });
                    } catch (...) {
                        ++failures;
                    }
                }
                closeThisThreadsStoreConnections();
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(failures.load(), 0);
        const ProposalCounts counts = proposals().countProposals();
        QCOMPARE(counts.proposalCount, qint64(kThreads * kPerThread));
        QCOMPARE(counts.eventCount, qint64(kThreads * kPerThread));
        QCOMPARE(counts.approvalCount, qint64(kThreads * kPerThread));
    });
}

void ProposalStoreContract::sqlStoreWithoutProposalTables_isUnavailableAndSaysToMigrate()
{
    guarded([&] {
        const StoreLocation location = *dpm::test::freshBackendLocation(*m_dir, QStringLiteral("no_proposals"));
        {
            auto migrated = openStore(location, OpenOptions { .applyMigrations = true });
            auto &sql = dynamic_cast<SqlStore &>(*migrated);
            for (const char *table : { "proposal_records", "proposal_versions", "proposal_workflow_events",
                     "proposal_approvals", "proposal_idempotency", "proposal_async_operations",
                     "proposal_simulation_idempotency" })
                sql.database().execDirect(QStringLiteral("DROP TABLE %1").arg(QLatin1String(table)));
        }
        auto store = dpm::test::openBackendStoreAsItIs(location);
        ProposalStore &p = store->proposals();
        QVERIFY(!p.isAvailable());
        EXPECT_ERROR(p.getProposal(QStringLiteral("pp_1")), "PROPOSAL_SCHEMA_MISSING");
        EXPECT_ERROR(p.listProposals({}, PageRequest { 10, {} }), "PROPOSAL_SCHEMA_MISSING");
        EXPECT_ERROR(p.countProposals(), "PROPOSAL_SCHEMA_MISSING");
        EXPECT_ERROR(p.createProposal(makeProposal(QStringLiteral("pp_1"), at(0))), "PROPOSAL_SCHEMA_MISSING");
        bool thrown = false;
        try {
            p.findIdentifier(QStringLiteral("pp_1"));
        } catch (const Error &error) {
            thrown = true;
            QVERIFY2(error.message().contains(QLatin1String("migrate apply")), qPrintable(error.message()));
        }
        QVERIFY(thrown);
        // The DPM side keeps working.
        QVERIFY(store->listRuns({}, PageRequest { 10, {} }).items.isEmpty());
    });
}

DPM_BACKEND_TEST_GUILESS_MAIN(ProposalStoreContract,
    { "sqlStoreWithoutProposalTables_isUnavailableAndSaysToMigrate",
        dpm::test::everyBackendBut(dpm::test::TestBackend::Memory | dpm::test::TestBackend::Dual) })
#include "tst_proposalstore_contract.moc"
