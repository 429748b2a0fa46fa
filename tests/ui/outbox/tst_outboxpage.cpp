// The Outbox page on a migrated SQLite store: backlog tiles equal the store's figures, the
// listing filters by status, topic and run, a retry through the admin lock turns a FAILED row
// PENDING and writes an audit entry, a missing audit table refuses the retry, and the
// auto-refresh never stacks a read on one still in flight.

#include "domain/timestamp.h"
#include "listing/listingview.h"
#include "modalanswer.h"
#include "outbox/failuregroupsmodel.h"
#include "outbox/outboxbacklogtiles.h"
#include "outbox/outboxdeliverypane.h"
#include "outbox/outboxpage.h"
#include "outbox/outboxrepairpanel.h"
#include "services/storeopening.h"
#include "session/storesession.h"
#include "store/auditlog.h"
#include "store/runeventstore.h"
#include "store/sqlstore.h"
#include "store/storelocation.h"
#include "widgetlookup.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace dpm;
using namespace dpm::test;

namespace {

template <typename T> T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

// The deliveries a test works on, all of run rr_o1 unless said otherwise.
struct Seeded
{
    QString failedId; // FAILED, "HTTP 503 after 30001 ms"
    QString deadId; // DEAD, "connection refused"
    QString pendingId;
    QString otherRunId; // a PENDING delivery of rr_o2, topic dpm.other
};

Seeded seed(SupportStore &store)
{
    for (const char *run : { "rr_o1", "rr_o2" }) {
        store.saveRun({ QString::fromLatin1(run), QStringLiteral("corr_%1").arg(QLatin1String(run)),
            QStringLiteral("sha256:x"), std::nullopt, QStringLiteral("pf"), QStringLiteral("2026-03-01T00:00:00+00:00"),
            QStringLiteral("{}") });
    }
    RunEventStore &events = store.runEvents();
    const auto append = [&](const QString &run, int i, const QString &topic, int maxAttempts) {
        AppendEventRequest r;
        r.rebalanceRunId = run;
        r.eventType = QStringLiteral("RUN_RECORDED");
        r.idempotencyKey = QStringLiteral("k%1").arg(i);
        r.payloadJson = QStringLiteral("{\"step\":%1}").arg(i);
        r.topics = { topic };
        r.maxAttempts = maxAttempts;
        r.createdAt = QStringLiteral("2026-03-01T00:00:0%1+00:00").arg(i);
        return events.appendEvent(r).deliveries.constFirst().outboxId;
    };
    Seeded s;
    s.failedId = append(QStringLiteral("rr_o1"), 1, QStringLiteral("dpm.run"), 5);
    s.deadId = append(QStringLiteral("rr_o1"), 2, QStringLiteral("dpm.run"), 1);
    s.pendingId = append(QStringLiteral("rr_o1"), 3, QStringLiteral("dpm.run"), 5);
    s.otherRunId = append(QStringLiteral("rr_o2"), 4, QStringLiteral("dpm.other"), 5);
    const QString later = QStringLiteral("2026-03-01T00:10:00+00:00");
    events.markFailed(s.failedId, QStringLiteral("HTTP 503 after 30001 ms"), later);
    events.markFailed(s.deadId, QStringLiteral("connection refused"), later);
    return s;
}

QStringList idsIn(const KeysetListModel *model)
{
    QStringList ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->row(row).id;
    return ids;
}

} // namespace

class TestOutboxPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreSession> m_session;
    std::unique_ptr<OutboxPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_listTester;
    std::unique_ptr<QAbstractItemModelTester> m_groupsTester;
    Seeded m_seeded;

    KeysetListModel *model() const { return m_page->listing()->model(); }

    // Waits until nothing the page asked for is in flight.
    bool settled() const
    {
        return QTest::qWaitFor([this] { return !m_page->isRefreshing(); }, 20000);
    }

    void openPage(bool withAuditTable = true)
    {
        const StoreLocation location = StoreLocation::sqlite(m_dir->filePath(QStringLiteral("outbox.db")));
        m_session = std::make_unique<StoreSession>(location);
        await(m_session->open(OpenOptions { .applyMigrations = true }));
        m_seeded = await(m_session->run([withAuditTable](SupportStore &store) {
            if (!withAuditTable)
                (*storeAs<SqlStore>(store)).database().execDirect(QStringLiteral("DROP TABLE console_audit_log"));
            return seed(store);
        }));
        m_page = std::make_unique<OutboxPage>();
        m_listTester = std::make_unique<QAbstractItemModelTester>(
            model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_groupsTester = std::make_unique<QAbstractItemModelTester>(
            m_page->groupsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_page->resize(1300, 800);
        m_page->show();
        QSignalSpy backlog(m_page.get(), &OutboxPage::backlogLoaded);
        m_page->setSession(m_session.get());
        QVERIFY(backlog.count() > 0 || backlog.wait(20000));
        QVERIFY(settled());
    }

    void selectRow(const QString &outboxId)
    {
        const int row = int(idsIn(model()).indexOf(outboxId));
        QVERIFY2(row >= 0, qPrintable(outboxId));
        m_page->listing()->table()->setCurrentIndex(model()->index(row, 0));
        QTRY_COMPARE(m_page->detail()->outboxId(), outboxId);
        QVERIFY(settled());
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup()
    {
        m_listTester.reset();
        m_groupsTester.reset();
        m_page.reset();
        m_session.reset();
        m_dir.reset();
    }

    void load_tilesListingAndGroupsShowTheBacklog()
    {
        openPage();
        const OutboxStats stats = *m_page->stats();
        QCOMPARE(stats.pending, 2);
        QCOMPARE(stats.failed, 1);
        QCOMPARE(stats.dead, 1);
        QCOMPARE(m_page->tiles()->valueText(OutboxBacklogTiles::PendingTile), QStringLiteral("2"));
        QCOMPARE(m_page->tiles()->valueText(OutboxBacklogTiles::FailedTile), QStringLiteral("1"));
        QCOMPARE(m_page->tiles()->valueText(OutboxBacklogTiles::DeadTile), QStringLiteral("1"));
        // The seeded rows are months old: the oldest PENDING age is past the alert.
        QCOMPARE(m_page->tiles()->tone(OutboxBacklogTiles::OldestAgeTile), OutboxBacklogTiles::Tone::Alert);
        QCOMPARE(m_page->tiles()->tone(OutboxBacklogTiles::DeadTile), OutboxBacklogTiles::Tone::Alert);

        // Newest first (created_at DESC).
        QCOMPARE(idsIn(model()),
            (QStringList { m_seeded.otherRunId, m_seeded.pendingId, m_seeded.deadId, m_seeded.failedId }));
        QCOMPARE(model()->index(3, 1).data().toString(), QStringLiteral("FAILED"));

        QCOMPARE(m_page->groupsModel()->rowCount(), 2);
        QCOMPARE(m_page->groupsModel()->groups().at(0).count, 1);
        QVERIFY(m_page->backlogMessage().isEmpty());
    }

    void filters_byStatusTopicAndRun()
    {
        openPage();
        auto *status = byName<QComboBox>(m_page.get(), QStringLiteral("Status:"));
        QVERIFY(status);
        status->setCurrentIndex(status->findData(QStringLiteral("FAILED")));
        QTRY_COMPARE(idsIn(model()), QStringList { m_seeded.failedId });
        QVERIFY(settled());

        m_page->clearFilters();
        auto *topic = byName<QLineEdit>(m_page.get(), QStringLiteral("Topic:"));
        QTest::keyClicks(topic, QStringLiteral("dpm.other"));
        QTest::keyClick(topic, Qt::Key_Return);
        QTRY_COMPARE(idsIn(model()), QStringList { m_seeded.otherRunId });
        QVERIFY(settled());

        OutboxFilter byRun;
        byRun.rebalanceRunId = QStringLiteral("rr_o1");
        m_page->setFilter(byRun);
        QTRY_COMPARE(model()->rowCount(), 3);
        QVERIFY(settled());
        for (int row = 0; row < model()->rowCount(); ++row)
            QCOMPARE(model()->row(row).runId, QStringLiteral("rr_o1"));

        // Keyset paging: two rows a page, the rest as the view asks for more.
        m_page->listing()->model()->setPageSize(2);
        m_page->setFilter({});
        QTRY_VERIFY(model()->rowCount() >= 2);
        QTRY_COMPARE(model()->rowCount(), 4); // the view fetched the second page
    }

    void detail_showsPayloadAttemptsErrorAndEvent()
    {
        openPage();
        selectRow(m_seeded.deadId);
        OutboxDeliveryPane *detail = m_page->detail();
        QCOMPARE(detail->statusText(), QStringLiteral("DEAD"));
        QCOMPARE(detail->lastErrorText(), QStringLiteral("connection refused"));
        QVERIFY(detail->detail()->event.has_value());
        QCOMPARE(detail->detail()->event->idempotencyKey, QStringLiteral("k2"));
        QCOMPARE(byName<QLabel>(detail, QStringLiteral("Attempts"))->text(), QStringLiteral("1 of 1"));
    }

    void retry_throughTheLock_makesTheRowPendingAndIsAudited()
    {
        openPage();
        selectRow(m_seeded.failedId);
        auto *retry = byName<QPushButton>(m_page.get(), QStringLiteral("Retry the selected delivery"));
        QVERIFY(retry);
        // Locked: disabled, and the slot refuses without asking.
        QVERIFY(!retry->isEnabled());
        m_page->repairs()->retrySelected();
        QVERIFY(m_page->repairs()->resultText().contains(QLatin1String("Read-only")));

        m_page->setUnlocked(true);
        QVERIFY(retry->isEnabled());
        QString question;
        answerNextConfirmation(QMessageBox::Yes, &question);
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY2(m_page->repairs()->resultText().contains(QLatin1String("Recorded in the audit log")),
            qPrintable(m_page->repairs()->resultText()));
        QVERIFY2(
            question.contains(QLatin1String("Put 1 FAILED or DEAD delivery back to PENDING")), qPrintable(question));
        QVERIFY(question.contains(m_session->redactedLocation()));

        // The page reads the outbox again: the same row, now PENDING, still selected.
        QVERIFY(settled());
        QTRY_COMPARE(model()->row(int(idsIn(model()).indexOf(m_seeded.failedId))).status, QStringLiteral("PENDING"));
        QCOMPARE(m_page->detail()->statusText(), QStringLiteral("PENDING"));
        QCOMPARE(m_page->stats()->failed, 0);
        QVERIFY(!retry->isEnabled()); // a PENDING delivery cannot be retried

        const QList<AuditEntry> entries = await(m_session->run([](SupportStore &store) {
            return store.auditLog().list(PageRequest { 10, std::nullopt }).items;
        }));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).action, QStringLiteral("outbox.retry"));
        QCOMPARE(entries.at(0).outcome, QStringLiteral("succeeded"));
        QVERIFY(entries.at(0).detailsJson.contains(m_seeded.failedId));
    }

    void retryGroup_andDiscard_withAReason()
    {
        openPage();
        m_page->setUnlocked(true);
        // The "connection refused" group holds the DEAD delivery.
        int groupRow = -1;
        for (int row = 0; row < m_page->groupsModel()->rowCount(); ++row) {
            if (m_page->groupsModel()->groups().at(row).sampleError == QLatin1String("connection refused"))
                groupRow = row;
        }
        QVERIFY(groupRow >= 0);
        m_page->groupsView()->setCurrentIndex(m_page->groupsModel()->index(groupRow, 0));
        answerNextConfirmation(QMessageBox::Yes);
        QTest::mouseClick(m_page->repairs()->retryGroupButton(), Qt::LeftButton);
        QTRY_VERIFY(m_page->repairs()->resultText().startsWith(QLatin1String("Retry: 1 delivery changed")));
        QVERIFY(settled());
        QTRY_COMPARE(m_page->stats()->dead, 0);

        selectRow(m_seeded.pendingId);
        auto *discard = byName<QPushButton>(m_page.get(), QStringLiteral("Discard the selected delivery"));
        QVERIFY(!discard->isEnabled()); // a reason first
        QTest::keyClicks(m_page->repairs()->reasonField(), QStringLiteral("consumer retired"));
        QVERIFY(discard->isEnabled());
        answerNextConfirmation(QMessageBox::Yes);
        QTest::mouseClick(discard, Qt::LeftButton);
        QTRY_VERIFY(m_page->repairs()->resultText().startsWith(QLatin1String("Discard: 1 delivery changed")));
        QVERIFY(settled());
        QTRY_COMPARE(m_page->detail()->statusText(), QStringLiteral("DEAD"));
        QCOMPARE(m_page->detail()->lastErrorText(), QStringLiteral("discarded: consumer retired"));
    }

    void retry_withoutAuditTable_isRefusedAndChangesNothing()
    {
        openPage(false);
        m_page->setUnlocked(true);
        selectRow(m_seeded.failedId);
        QTest::mouseClick(
            byName<QPushButton>(m_page.get(), QStringLiteral("Retry the selected delivery")), Qt::LeftButton);
        QTRY_VERIFY2(m_page->repairs()->resultText().contains(QLatin1String("CONSOLE_AUDIT_LOG_MISSING")),
            qPrintable(m_page->repairs()->resultText()));
        const QString status = await(m_session->run(
            [id = m_seeded.failedId](SupportStore &store) { return store.runEvents().getDelivery(id)->status; }));
        QCOMPARE(status, QStringLiteral("FAILED"));
    }

    void autoRefresh_skipsTicksWhileAReadIsInFlight()
    {
        openPage();
        QVERIFY(!m_page->autoRefreshTimer()->isActive());
        m_page->setAutoRefreshSeconds(5);
        QVERIFY(m_page->autoRefreshTimer()->isActive());
        QCOMPARE(m_page->autoRefreshTimer()->interval(), 5000);

        const int refreshes = m_page->refreshCount();
        m_page->refresh();
        // The answer can only arrive through the event loop: the read is in flight now.
        QVERIFY(m_page->isRefreshing());
        m_page->autoRefreshTick();
        m_page->autoRefreshTick();
        QCOMPARE(m_page->refreshCount(), refreshes + 1);
        QCOMPARE(m_page->skippedTicks(), 2);

        QVERIFY(settled());
        m_page->autoRefreshTick();
        QCOMPARE(m_page->refreshCount(), refreshes + 2);
        QCOMPARE(m_page->skippedTicks(), 2);
        QVERIFY(settled());

        // The timer's own ticks go through the same gate: at 1 ms most of them find a read running.
        QSignalSpy timeout(m_page->autoRefreshTimer(), &QTimer::timeout);
        m_page->autoRefreshTimer()->setInterval(1);
        QTRY_VERIFY(timeout.size() >= 20);
        m_page->setAutoRefreshSeconds(0);
        QVERIFY(!m_page->autoRefreshTimer()->isActive());
        QVERIFY(settled());
        QCOMPARE(m_page->refreshCount() + m_page->skippedTicks(), refreshes + 2 + 2 + int(timeout.size()));
        QVERIFY(m_page->skippedTicks() > 2);
    }
};

QTEST_MAIN(TestOutboxPage)
#include "tst_outboxpage.moc"
