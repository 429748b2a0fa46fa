// The outbox repairs of core/services/outboxactions (retry, discard, purge) on each backend: a
// preview changes and records nothing, a real run changes the rows in one go and writes one audit
// entry with its selection and count, and without the audit table it refuses before changing
// anything unless AuditMode::Skip. Run once per backend like the store contract.

#include "backendstore.h"
#include "domain/timestamp.h"
#include "errorassertions.h"
#include "services/outboxactions.h"
#include "store/auditlog.h"
#include "store/runeventstore.h"
#include "store/sqlstore.h"
#include "store/supportstore.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;

namespace {

const QString kNow = QStringLiteral("2026-03-05T10:00:00+00:00");

QList<AuditEntry> entriesOf(SupportStore &store)
{
    return store.auditLog().list(PageRequest { 100, std::nullopt }).items;
}

QJsonObject detailsOf(const AuditEntry &entry)
{
    return entry.toJson().value(QStringLiteral("details")).toObject();
}

} // namespace

class TestOutboxActions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_store;
    QStringList m_ids; // four deliveries of rr_a: FAILED, FAILED, DEAD, DELIVERED (days ago)

    RunEventStore &events() { return m_store->runEvents(); }

private Q_SLOTS:
    void init()
    {
        DPM_OPEN_FRESH_BACKEND_STORE(m_dir, m_store, "outbox_actions");
        m_store->saveRun({ QStringLiteral("rr_a"), QStringLiteral("corr_a"), QStringLiteral("sha256:x"), std::nullopt,
            QStringLiteral("pf"), QStringLiteral("2026-03-01T00:00:00+00:00"), QStringLiteral("{}") });
        m_ids.clear();
        for (int i = 0; i < 4; ++i) {
            AppendEventRequest r;
            r.rebalanceRunId = QStringLiteral("rr_a");
            r.eventType = QStringLiteral("RUN_RECORDED");
            r.idempotencyKey = QStringLiteral("k%1").arg(i);
            r.payloadJson = QStringLiteral("{}");
            r.topics = { QStringLiteral("dpm.run") };
            r.maxAttempts = i == 2 ? 1 : 5;
            r.createdAt = QStringLiteral("2026-03-01T00:00:0%1+00:00").arg(i);
            m_ids << events().appendEvent(r).deliveries.constFirst().outboxId;
        }
        events().markFailed(m_ids.at(0), QStringLiteral("HTTP 503 after 30001 ms"), kNow);
        events().markFailed(m_ids.at(1), QStringLiteral("HTTP 500 after 12 ms"), kNow);
        events().markFailed(m_ids.at(2), QStringLiteral("connection refused"), kNow); // max 1: DEAD
        events().markDelivered(m_ids.at(3), QStringLiteral("2026-03-01T00:00:10+00:00"));
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void retryGroup_previewThenRun_changesRowsAndRecordsOneEntry()
    {
        guarded([&] {
            OutboxActionOptions o;
            o.kind = OutboxActionKind::Retry;
            o.selection.groupId = outboxFailureGroupId(QStringLiteral("HTTP <n> after <n> ms"));
            o.now = kNow;
            const OutboxActionResult preview = previewOutboxAction(*m_store, o);
            QCOMPARE(preview.affected, qint64(2));
            QVERIFY(preview.dryRun);
            QVERIFY(!preview.recorded);
            QCOMPARE(events().getDelivery(m_ids.at(0))->status, OutboxStatus::Failed);
            QVERIFY(entriesOf(*m_store).isEmpty());

            QList<int> steps;
            const OutboxActionResult done
                = runOutboxAction(*m_store, o, [&](int d, int, const QString &) { steps << d; });
            QCOMPARE(done.affected, qint64(2));
            QVERIFY(done.recorded);
            QVERIFY(!steps.isEmpty());
            QCOMPARE(events().getDelivery(m_ids.at(0))->status, OutboxStatus::Pending);
            QCOMPARE(events().getDelivery(m_ids.at(1))->status, OutboxStatus::Pending);
            QCOMPARE(events().getDelivery(m_ids.at(2))->status, OutboxStatus::Dead);
            const QList<AuditEntry> entries = entriesOf(*m_store);
            QCOMPARE(entries.size(), 1);
            QCOMPARE(entries.constFirst().action, QStringLiteral("outbox.retry"));
            QCOMPARE(entries.constFirst().outcome, QStringLiteral("succeeded"));
            const QJsonObject details = detailsOf(entries.constFirst());
            QCOMPARE(details.value("affected").toInteger(), 2);
            QCOMPARE(details.value("selection").toObject().value("group_id").toString(), *o.selection.groupId);
            QCOMPARE(details.value("now").toString(), kNow);
        });
    }

    void discardById_keepsTheReasonAndRecordsIt()
    {
        guarded([&] {
            OutboxActionOptions o;
            o.kind = OutboxActionKind::Discard;
            o.selection.outboxId = m_ids.at(1);
            o.reason = QStringLiteral("consumer retired");
            o.now = kNow;
            QCOMPARE(runOutboxAction(*m_store, o).affected, qint64(1));
            const OutboxDelivery d = *events().getDelivery(m_ids.at(1));
            QCOMPARE(d.status, OutboxStatus::Dead);
            QCOMPARE(*d.lastError, QStringLiteral("discarded: consumer retired"));
            const QJsonObject details = detailsOf(entriesOf(*m_store).constFirst());
            QCOMPARE(details.value("reason").toString(), o.reason);
            QCOMPARE(details.value("selection").toObject().value("outbox_id").toString(), m_ids.at(1));
        });
    }

    void purge_deletesOldDeliveredAndRecordsTheDays()
    {
        guarded([&] {
            OutboxActionOptions o;
            o.kind = OutboxActionKind::Purge;
            o.olderThanDays = 3;
            o.now = kNow;
            QCOMPARE(previewOutboxAction(*m_store, o).affected, qint64(1));
            QVERIFY(events().getDelivery(m_ids.at(3)));
            QCOMPARE(runOutboxAction(*m_store, o).affected, qint64(1));
            QVERIFY(!events().getDelivery(m_ids.at(3)));
            const AuditEntry entry = entriesOf(*m_store).constFirst();
            QCOMPARE(entry.action, QStringLiteral("outbox.purge"));
            QCOMPARE(detailsOf(entry).value("older_than_days").toInt(), 3);
        });
    }

    void failure_isRecordedWithItsCode()
    {
        OutboxActionOptions o;
        o.kind = OutboxActionKind::Retry;
        o.selection.outboxId = QStringLiteral("obx_nothere");
        o.now = kNow;
        EXPECT_ERROR(runOutboxAction(*m_store, o), "OUTBOX_DELIVERY_NOT_FOUND");
        const QList<AuditEntry> entries = entriesOf(*m_store);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.constFirst().outcome, QStringLiteral("failed: OUTBOX_DELIVERY_NOT_FOUND"));
    }

    void cancelledBeforeStart_changesNothing()
    {
        OutboxActionOptions o;
        o.kind = OutboxActionKind::Retry;
        o.selection.filter.status = OutboxStatus::Failed;
        o.now = kNow;
        const auto token = CancelToken::create();
        token->cancel();
        EXPECT_ERROR(runOutboxAction(*m_store, o, {}, token.get()), "ADMIN_ACTION_CANCELLED");
        QCOMPARE(events().getDelivery(m_ids.at(0))->status, OutboxStatus::Failed);
    }

    void withoutAuditTable_refusesUnlessSkipped()
    {
        dynamic_cast<SqlStore &>(*m_store).database().execDirect(QStringLiteral("DROP TABLE console_audit_log"));
        OutboxActionOptions o;
        o.kind = OutboxActionKind::Retry;
        o.selection.filter.status = OutboxStatus::Failed;
        o.now = kNow;
        EXPECT_ERROR(previewOutboxAction(*m_store, o), "CONSOLE_AUDIT_LOG_MISSING");
        EXPECT_ERROR(runOutboxAction(*m_store, o), "CONSOLE_AUDIT_LOG_MISSING");
        QCOMPARE(events().getDelivery(m_ids.at(0))->status, OutboxStatus::Failed);
        o.audit = AuditMode::Skip;
        guarded([&] {
            const OutboxActionResult done = runOutboxAction(*m_store, o);
            QCOMPARE(done.affected, qint64(2));
            QVERIFY(!done.recorded);
        });
    }
};

DPM_BACKEND_TEST_GUILESS_MAIN(TestOutboxActions,
    { "withoutAuditTable_refusesUnlessSkipped", test::everyBackendBut(test::TestBackend::Memory) })
#include "tst_outboxactions.moc"
