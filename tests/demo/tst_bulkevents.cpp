// The bulk path of run events and outbox rows, on one backend: run once per backend
// (demo_bulkevents_memory, _sqlite, _postgres) as the contract suite is, selected by
// DPM_TEST_BACKEND. Rows go in exactly as given and a clashing key refuses its batch on
// every backend. Every test function gets a fresh, empty store.

#include "backendstore.h"
#include "demotestsupport.h"
#include "domain/error.h"
#include "store/bulkloader.h"
#include "store/runeventstore.h"
#include "store/supportstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

class BulkEventsSuite : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_store;

private Q_SLOTS:
    void init();
    void cleanup();

    void bulkLoad_eventsAndOutbox_keepEveryColumn();
    void bulkLoad_duplicateEventOrDeliveryKey_isRefusedWithItsBatch_data();
    void bulkLoad_duplicateEventOrDeliveryKey_isRefusedWithItsBatch();
};

void BulkEventsSuite::init()
{
    if (backendIsPostgres())
        DPM_REQUIRE_POSTGRES();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY2(m_dir->isValid(), qPrintable(m_dir->errorString()));
    try {
        m_store = openFreshBackendStore(*m_dir, QStringLiteral("bulkevents"));
    } catch (const Error &error) {
        QFAIL(qPrintable(QStringLiteral("cannot open the store: ") + error.toString()));
    }
}

void BulkEventsSuite::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

namespace {

QList<QByteArray> eventRow(const char *eventId, const char *key, const char *sequenceNo)
{
    return { eventId, "rr_00000001", sequenceNo, "RUN_RECORDED", key, "{\"n\":1}", "2026-02-20T12:00:00+00:00" };
}

QList<QByteArray> deliveryRow(const char *outboxId, const char *topic)
{
    return { outboxId, "evt_000000000001", topic, "{}", "FAILED", "3", "5", "2026-02-20T12:05:00+00:00",
        "timeout after 30s", "2026-02-20T12:00:00+00:00", QByteArray() };
}

} // namespace

void BulkEventsSuite::bulkLoad_eventsAndOutbox_keepEveryColumn()
{
    BulkRows rows;
    // Out of sequence order and with a gap: stored as given, listed by sequence_no.
    rows.addRow(BulkTable::RunEvents, eventRow("evt_000000000003", "k3", "3"));
    rows.addRow(BulkTable::RunEvents, eventRow("evt_000000000001", "k1", "1"));
    rows.addRow(BulkTable::Outbox, deliveryRow("obx_000000000001", "dpm.runs"));
    rows.addRow(BulkTable::Outbox,
        { "obx_000000000002", "evt_000000000001", "dpm.audit", "{\"a\":\"\\t\"}", "DELIVERED", "2", "5", QByteArray(),
            QByteArray(), "2026-02-20T12:00:00+00:00", "2026-02-20T12:00:09.5+00:00" });
    rows.addRow(BulkTable::Outbox, deliveryRow("obx_000000000003", "dpm.other"));
    rows.add(BulkTable::Runs,
        { "rr_00000001", "corr_1", "sha256:h", QByteArray(), "pf_1", "2026-02-20T12:00:00+00:00",
            "{\"status\":\"READY\"}" });
    DPM_TRY({
        const auto loader = openBulkLoader(*m_store);
        QVERIFY(loader->supports(BulkTable::RunEvents));
        QVERIFY(loader->supports(BulkTable::Outbox));
        loader->begin();
        loader->write(rows);
        loader->commit();
    });
    QCOMPARE(tableRows(*m_store, BulkTable::RunEvents).size(), 2);
    QStringList outbox = tableRows(*m_store, BulkTable::Outbox);
    QCOMPARE(outbox.size(), 3);
    QCOMPARE(outbox.at(1),
        QStringLiteral("[\"obx_000000000002\",\"evt_000000000001\",\"dpm.audit\",\"{\\\"a\\\":\\\"\\\\t\\\"}\","
                       "\"DELIVERED\",2,5,null,null,"
                       "\"2026-02-20T12:00:00+00:00\",\"2026-02-20T12:00:09.5+00:00\"]"));

    RunEventStore &events = m_store->runEvents();
    const QList<RunEventWithDeliveries> listed = events.listEvents(QStringLiteral("rr_00000001"));
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed.at(0).event.eventId, QStringLiteral("evt_000000000001"));
    QCOMPARE(listed.at(1).event.sequenceNo, 3);
    QCOMPARE(listed.at(0).deliveries.size(), 3);
    const OutboxDelivery failed = listed.at(0).deliveries.at(0);
    QCOMPARE(failed.status, OutboxStatus::Failed);
    QCOMPARE(failed.attempts, 3);
    QCOMPARE(failed.maxAttempts, 5);
    QCOMPARE(failed.nextAttemptAt, std::optional(QStringLiteral("2026-02-20T12:05:00+00:00")));
    QCOMPARE(failed.lastError, std::optional(QStringLiteral("timeout after 30s")));
    QCOMPARE(failed.rebalanceRunId, QStringLiteral("rr_00000001"));
    QCOMPARE(events.getDelivery(QStringLiteral("obx_000000000002"))->deliveredAt,
        std::optional(QStringLiteral("2026-02-20T12:00:09.5+00:00")));
    QCOMPARE(events.listOutbox({}, PageRequest { 10, std::nullopt }).items.size(), 3);
    const OutboxStats stats = events.outboxStats(QStringLiteral("2026-02-20T12:10:00+00:00"));
    QCOMPARE(stats.failed, 2);
    QCOMPARE(stats.delivered, 1);
    QCOMPARE(stats.dueNow, 2);

    // An append after the load continues after the highest sequence_no.
    AppendEventRequest append;
    append.rebalanceRunId = QStringLiteral("rr_00000001");
    append.eventType = QStringLiteral("RUN_RECORDED");
    append.idempotencyKey = QStringLiteral("k4");
    append.payloadJson = QStringLiteral("{}");
    append.topics = { QStringLiteral("dpm.runs") };
    AppendEventResult appended;
    DPM_TRY(appended = events.appendEvent(append));
    QCOMPARE(appended.event.sequenceNo, 4);
    append.idempotencyKey = QStringLiteral("k1");
    DPM_TRY(appended = events.appendEvent(append));
    QVERIFY(!appended.created);
    QCOMPARE(appended.event.eventId, QStringLiteral("evt_000000000001"));
}

void BulkEventsSuite::bulkLoad_duplicateEventOrDeliveryKey_isRefusedWithItsBatch_data()
{
    QTest::addColumn<int>("table");
    QTest::addColumn<QList<QByteArray>>("row");
    const auto event
        = [](const char *name, QList<QByteArray> row) { QTest::newRow(name) << int(BulkTable::RunEvents) << row; };
    event("event id", eventRow("evt_000000000001", "k9", "9"));
    event("run and idempotency key", eventRow("evt_000000000009", "k1", "9"));
    event("run and sequence_no", eventRow("evt_000000000009", "k9", "1"));
    QTest::newRow("outbox id") << int(BulkTable::Outbox) << deliveryRow("obx_000000000001", "dpm.other");
    QTest::newRow("event and topic") << int(BulkTable::Outbox) << deliveryRow("obx_000000000009", "dpm.runs");
    QList<QByteArray> badStatus = deliveryRow("obx_000000000009", "dpm.other");
    badStatus[4] = "LOST";
    QTest::newRow("status") << int(BulkTable::Outbox) << badStatus;
}

void BulkEventsSuite::bulkLoad_duplicateEventOrDeliveryKey_isRefusedWithItsBatch()
{
    QFETCH(int, table);
    QFETCH(QList<QByteArray>, row);
    BulkRows first;
    first.addRow(BulkTable::RunEvents, eventRow("evt_000000000001", "k1", "1"));
    first.addRow(BulkTable::Outbox, deliveryRow("obx_000000000001", "dpm.runs"));
    DPM_TRY({
        const auto loader = openBulkLoader(*m_store);
        loader->begin();
        loader->write(first);
        loader->commit();
    });
    // A valid row first: the whole batch goes, as a primary key violation rolls back on SQL.
    BulkRows clash;
    if (BulkTable(table) == BulkTable::RunEvents)
        clash.addRow(BulkTable::RunEvents, eventRow("evt_000000000002", "k2", "2"));
    else
        clash.addRow(BulkTable::Outbox, deliveryRow("obx_000000000002", "dpm.audit"));
    clash.addRow(BulkTable(table), row);
    QString code;
    try {
        const auto loader = openBulkLoader(*m_store);
        loader->begin();
        loader->write(clash);
        loader->commit();
    } catch (const Error &error) {
        code = error.code();
    }
    QVERIFY2(!code.isEmpty(), "the clashing batch was stored");
    if (testBackend() == TestBackend::Memory) {
        QCOMPARE(code,
            BulkTable(table) == BulkTable::RunEvents ? QStringLiteral("RUN_EVENT_CONFLICT")
                                                     : QStringLiteral("OUTBOX_DELIVERY_CONFLICT"));
    }
    QCOMPARE(tableRows(*m_store, BulkTable::RunEvents).size(), 1);
    QCOMPARE(tableRows(*m_store, BulkTable::Outbox).size(), 1);
    QCOMPARE(m_store->runEvents().listEvents(QStringLiteral("rr_00000001")).size(), 1);
    QCOMPARE(m_store->runEvents().listOutbox({}, PageRequest { 10, std::nullopt }).items.size(), 1);
}

DPM_BACKEND_TEST_GUILESS_MAIN(BulkEventsSuite)
#include "tst_bulkevents.moc"
