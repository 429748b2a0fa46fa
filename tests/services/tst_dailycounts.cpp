// The per-day series of the summary dashboard (SupportStore::countRunsPerDay and
// countDecisionsPerDay). Like the store contract, the same test functions run against every
// backend; the executable's compile definition selects the store. Each test gets a fresh store.

#include "backendstore.h"
#include "domain/error.h"
#include "store/sqlstore.h"
#include "store/supportstore.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace dpm;

namespace {

RebalanceRun makeRun(const QString &id, const QString &createdAt, const QString &resultJson)
{
    RebalanceRun run;
    run.rebalanceRunId = id;
    run.correlationId = QStringLiteral("corr_") + id;
    run.requestHash = QStringLiteral("sha256:") + id;
    run.portfolioId = QStringLiteral("pf_1");
    run.createdAt = createdAt;
    run.resultJson = resultJson;
    return run;
}

QString withStatus(const QString &status)
{
    return QStringLiteral(R"({"status":"%1"})").arg(status);
}

WorkflowDecision makeDecision(const QString &id, const QString &action, const QString &decidedAt)
{
    return WorkflowDecision { id, QStringLiteral("rr_1"), action, QStringLiteral("REVIEW_") + action, std::nullopt,
        QStringLiteral("reviewer_1"), decidedAt, QStringLiteral("corr_") + id };
}

QStringList text(const QList<DailyCount> &counts)
{
    QStringList out;
    for (const DailyCount &c : counts)
        out << QStringLiteral("%1 %2 %3").arg(c.day, c.key.isEmpty() ? QStringLiteral("-") : c.key).arg(c.count);
    return out;
}

} // namespace

class DailyCounts : public QObject
{
    Q_OBJECT

    SupportStore &store() { return *m_store; }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_store;

private Q_SLOTS:
    void init();
    void cleanup();

    void runsPerDay_emptyStore_isEmpty();
    void runsPerDay_countsEachDayByStatus_inDayThenStatusOrder();
    void runsPerDay_runWithoutStatusOrNotJson_countsUnderEmptyStatus();
    void runsPerDay_rangeIsWholeUtcDays_inclusive();
    void runsPerDay_followsStatusUpdatesAndPurges();
    void decisionsPerDay_countsEachDayByAction();
    void decisionsPerDay_rangeIsWholeUtcDays_inclusive();
    void perDay_malformedRange_isInvalidDayRange_data();
    void perDay_malformedRange_isInvalidDayRange();
    // Only SQL backends have a query plan (the in-memory store walks its sorted index).
    void perDay_sqlBackends_readTheStatusAndActionIndexes();
};

void DailyCounts::init()
{
    DPM_OPEN_FRESH_BACKEND_STORE(m_dir, m_store, "dailycounts");
}

void DailyCounts::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void DailyCounts::runsPerDay_emptyStore_isEmpty()
{
    QCOMPARE(store().countRunsPerDay(QStringLiteral("2026-01-01"), QStringLiteral("2026-03-31")), {});
    QCOMPARE(store().countDecisionsPerDay(QStringLiteral("2026-01-01"), QStringLiteral("2026-03-31")), {});
}

void DailyCounts::runsPerDay_countsEachDayByStatus_inDayThenStatusOrder()
{
    store().saveRun(makeRun("r1", "2026-02-01T08:00:00+00:00", withStatus("READY")));
    store().saveRun(makeRun("r2", "2026-02-01T09:00:00+00:00", withStatus("BLOCKED")));
    store().saveRun(makeRun("r3", "2026-02-01T10:00:00.5+00:00", withStatus("READY")));
    store().saveRun(makeRun("r4", "2026-02-03T00:00:01+00:00", withStatus("PENDING_REVIEW")));
    store().saveRun(makeRun("r5", "2026-02-03T12:00:00+00:00", withStatus("READY")));
    store().saveRun(makeRun("r6", "2026-01-15T12:00:00+00:00", withStatus("READY"))); // before the range

    QCOMPARE(text(store().countRunsPerDay(QStringLiteral("2026-02-01"), QStringLiteral("2026-02-28"))),
        QStringList(
            { "2026-02-01 BLOCKED 1", "2026-02-01 READY 2", "2026-02-03 PENDING_REVIEW 1", "2026-02-03 READY 1" }));
    QCOMPARE(text(store().countRunsPerDay(QStringLiteral("2026-01-15"), QStringLiteral("2026-01-15"))),
        QStringList({ "2026-01-15 READY 1" }));
}

void DailyCounts::runsPerDay_runWithoutStatusOrNotJson_countsUnderEmptyStatus()
{
    store().saveRun(makeRun("r1", "2026-02-01T08:00:00+00:00", QStringLiteral(R"({"other":1})")));
    store().saveRun(makeRun("r2", "2026-02-01T09:00:00+00:00", QStringLiteral("not json")));
    store().saveRun(makeRun("r3", "2026-02-01T10:00:00+00:00", withStatus("READY")));

    QCOMPARE(text(store().countRunsPerDay(QStringLiteral("2026-02-01"), QStringLiteral("2026-02-01"))),
        QStringList({ "2026-02-01 - 2", "2026-02-01 READY 1" }));
}

void DailyCounts::runsPerDay_rangeIsWholeUtcDays_inclusive()
{
    store().saveRun(makeRun("r0", "2026-01-31T23:59:59.999999+00:00", withStatus("READY")));
    store().saveRun(makeRun("r1", "2026-02-01T00:00:00+00:00", withStatus("READY")));
    store().saveRun(makeRun("r2", "2026-02-02T23:59:59.999999+00:00", withStatus("READY")));
    store().saveRun(makeRun("r3", "2026-02-03T00:00:00+00:00", withStatus("READY")));

    QCOMPARE(text(store().countRunsPerDay(QStringLiteral("2026-02-01"), QStringLiteral("2026-02-02"))),
        QStringList({ "2026-02-01 READY 1", "2026-02-02 READY 1" }));
}

void DailyCounts::runsPerDay_followsStatusUpdatesAndPurges()
{
    store().saveRun(makeRun("r1", "2026-02-01T08:00:00+00:00", withStatus("PENDING_REVIEW")));
    store().saveRun(makeRun("r2", "2026-02-01T09:00:00+00:00", withStatus("PENDING_REVIEW")));
    store().saveRun(makeRun("r1", "2026-02-01T08:00:00+00:00", withStatus("READY"))); // upsert

    QCOMPARE(text(store().countRunsPerDay(QStringLiteral("2026-02-01"), QStringLiteral("2026-02-01"))),
        QStringList({ "2026-02-01 PENDING_REVIEW 1", "2026-02-01 READY 1" }));

    store().purgeExpiredRuns(1, QStringLiteral("2026-02-10T00:00:00+00:00"), false);
    QCOMPARE(store().countRunsPerDay(QStringLiteral("2026-02-01"), QStringLiteral("2026-02-01")), {});
}

void DailyCounts::decisionsPerDay_countsEachDayByAction()
{
    store().appendWorkflowDecision(makeDecision("d1", "APPROVE", "2026-02-01T08:00:00+00:00"));
    store().appendWorkflowDecision(makeDecision("d2", "REJECT", "2026-02-01T09:00:00+00:00"));
    store().appendWorkflowDecision(makeDecision("d3", "APPROVE", "2026-02-01T23:00:00+00:00"));
    store().appendWorkflowDecision(makeDecision("d4", "REQUEST_CHANGES", "2026-02-05T01:00:00+00:00"));
    store().appendWorkflowDecision(makeDecision("d5", "APPROVE", "2026-03-05T01:00:00+00:00")); // after

    QCOMPARE(text(store().countDecisionsPerDay(QStringLiteral("2026-02-01"), QStringLiteral("2026-02-28"))),
        QStringList({ "2026-02-01 APPROVE 2", "2026-02-01 REJECT 1", "2026-02-05 REQUEST_CHANGES 1" }));
}

void DailyCounts::decisionsPerDay_rangeIsWholeUtcDays_inclusive()
{
    store().appendWorkflowDecision(makeDecision("d0", "APPROVE", "2026-01-31T23:59:59.999999+00:00"));
    store().appendWorkflowDecision(makeDecision("d1", "APPROVE", "2026-02-01T00:00:00+00:00"));
    store().appendWorkflowDecision(makeDecision("d2", "APPROVE", "2026-02-01T23:59:59.999999+00:00"));
    store().appendWorkflowDecision(makeDecision("d3", "APPROVE", "2026-02-02T00:00:00+00:00"));

    QCOMPARE(text(store().countDecisionsPerDay(QStringLiteral("2026-02-01"), QStringLiteral("2026-02-01"))),
        QStringList({ "2026-02-01 APPROVE 2" }));
}

void DailyCounts::perDay_malformedRange_isInvalidDayRange_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::newRow("from after to") << "2026-02-02"
                                   << "2026-02-01";
    QTest::newRow("not a date") << "yesterday"
                                << "2026-02-01";
    QTest::newRow("timestamp, not a day") << "2026-02-01T00:00:00+00:00"
                                          << "2026-02-02";
    QTest::newRow("no such day") << "2026-02-01"
                                 << "2026-02-30";
    QTest::newRow("empty") << ""
                           << "2026-02-01";
}

void DailyCounts::perDay_malformedRange_isInvalidDayRange()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    for (const bool runs : { true, false }) {
        try {
            runs ? store().countRunsPerDay(from, to) : store().countDecisionsPerDay(from, to);
            QFAIL("no error");
        } catch (const Error &e) {
            QCOMPARE(e.code(), QStringLiteral("INVALID_DAY_RANGE"));
        }
    }
}

void DailyCounts::perDay_sqlBackends_readTheStatusAndActionIndexes()
{
    // The plans of the queries countRunsPerDay/countDecisionsPerDay run (same text, same
    // parameters): each must be a range of a status or action index (console/0007's run list,
    // console/0001's decisions), never a table scan that would read every run's JSON.
    auto &sql = dynamic_cast<SqlStore &>(store());
    QVERIFY(sql.hasRunList());
    const bool postgres = sql.database().dialect().isPostgres();
    const QString c = sql.database().dialect().collateC();
    const QString explain = postgres ? QStringLiteral("EXPLAIN ") : QStringLiteral("EXPLAIN QUERY PLAN ");
    // EXPLAIN cannot be a prepared statement on PostgreSQL: run it as plain text with the test's
    // constants in place of the parameters.
    // Runs over 100 days in three statuses, analyzed: on an empty table every index of the run
    // list (status, portfolio or request hash, then created_at) costs the same to the planner.
    const QStringList statuses { QStringLiteral("READY"), QStringLiteral("BLOCKED"), QStringLiteral("PENDING_REVIEW") };
    const QDateTime first(QDate(2026, 1, 1), QTime(6, 0), Qt::UTC);
    for (int i = 0; i < 300; ++i) {
        store().saveRun(makeRun(QStringLiteral("r%1").arg(i),
            first.addSecs(qint64(i) * 8 * 3600).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss+00:00")),
            withStatus(statuses.at(i % statuses.size()))));
    }
    QSqlQuery q(sql.database().connection());
    QVERIFY2(q.exec(QStringLiteral("ANALYZE console_run_list")), qPrintable(q.lastError().text()));
    if (postgres)
        QVERIFY(q.exec(QStringLiteral("SET enable_seqscan = off"))); // small tables favour a scan
    const auto plan = [&](QString query, const QStringList &params) {
        for (const QString &p : params)
            query.replace(query.indexOf(QLatin1Char('?')), 1, QLatin1Char('\'') + p + QLatin1Char('\''));
        if (!q.exec(explain + query))
            return q.lastError().text();
        QString out;
        while (q.next())
            out += q.value(postgres ? 0 : 3).toString() + QLatin1Char('\n');
        return out;
    };
    const QString runsPlan = plan(QStringLiteral("SELECT substr(created_at, 1, 10), COUNT(*) FROM console_run_list "
                                                 "WHERE status = ? AND created_at%1 >= ? AND created_at%1 < ? "
                                                 "GROUP BY substr(created_at, 1, 10)")
                                      .arg(c),
        { QStringLiteral("READY"), QStringLiteral("2026-01-01"), QStringLiteral("2026-04-01") });
    QVERIFY2(runsPlan.contains(QStringLiteral("ix_console_run_list_status_created")), qPrintable(runsPlan));
    const QString decisionsPlan
        = plan(QStringLiteral("SELECT substr(decided_at, 1, 10), COUNT(*) FROM dpm_workflow_decisions "
                              "WHERE action = ? AND decided_at%1 >= ? AND decided_at%1 < ? "
                              "GROUP BY substr(decided_at, 1, 10)")
                   .arg(c),
            { QStringLiteral("APPROVE"), QStringLiteral("2026-01-01"), QStringLiteral("2026-04-01") });
    QVERIFY2(decisionsPlan.contains(QStringLiteral("ix_console_decisions_action_decided")), qPrintable(decisionsPlan));
}

DPM_BACKEND_TEST_GUILESS_MAIN(DailyCounts,
    { "perDay_sqlBackends_readTheStatusAndActionIndexes", test::everyBackendBut(test::TestBackend::Memory) })
#include "tst_dailycounts.moc"
