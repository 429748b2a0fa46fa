// The admin page's Transfer tab on real stores: a SQLite source (the console's usual store) copied
// into a migrated PostgreSQL database on the throwaway server; refused while locked, declined,
// cancelled part way and resumed, verified, and refused again once the target holds the rows;
// a snapshot exported and restored into an empty store.

#include "awaitfuture.h"
#include "admin/adminpage.h"
#include "demo/demogenerator.h"
#include "modalanswer.h"
#include "pgserver.h"
#include "store/sqldatabase.h"
#include "session/storesession.h"
#include "admin/transfertab.h"
#include "services/storeopening.h"
#include "widgetlookup.h"

#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QtTest>

using namespace dpm;
using dpm::test::await;
using dpm::test::answerNextConfirmation;
using dpm::test::byName;

namespace {

qint64 countRows(const StoreLocation &location, const QString &table)
{
    SqlDatabase db(location);
    SqlRows rows = db.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table);
    return rows.next() ? rows.value(0).toLongLong() : -1;
}

} // namespace

class TestTransferTab : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreSession> m_session;
    std::unique_ptr<AdminPage> m_page;
    StoreLocation m_target = StoreLocation::memory();
    int m_databases = 0;
    static constexpr qint64 kRuns = 80;

    TransferTab *tab() const { return m_page->transferTab(); }

    bool waitIdle() const
    {
        return QTest::qWaitFor([this] { return !tab()->isBusy(); }, 60000);
    }

    void click(const QString &button)
    {
        QPushButton *b = byName<QPushButton>(tab(), button);
        QVERIFY(b);
        QVERIFY2(b->isEnabled(), qPrintable(button));
        QTest::mouseClick(b, Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        DPM_REQUIRE_POSTGRES();
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        const StoreLocation source = StoreLocation::sqlite(m_dir->filePath(QStringLiteral("source.db")));
        m_session = std::make_unique<StoreSession>(source);
        await(m_session->open({ .applyMigrations = true }));
        DemoOptions demo;
        demo.runCount = kRuns;
        await(m_session->run([demo](SupportStore &store) { return generateDemoData(store, demo).runCount; }));
        m_target = dpm::test::PgServer::instance().createDatabase(QStringLiteral("ui_transfer%1").arg(++m_databases));
        openStore(m_target, OpenOptions { .applyMigrations = true });
        m_page = std::make_unique<AdminPage>();
        m_page->resize(1100, 700);
        m_page->show();
        m_page->setSession(m_session.get());
        m_page->tabs()->setCurrentWidget(tab());
        tab()->targetField()->setText(m_target.withoutSecrets());
    }

    void cleanup()
    {
        m_page.reset();
        m_session.reset();
    }

    void lockedPageRefusesTheBackfillButVerifies()
    {
        QVERIFY(!byName<QPushButton>(tab(), QStringLiteral("Backfill"))->isEnabled());
        tab()->backfill();
        QVERIFY(tab()->resultText().startsWith(QStringLiteral("Read-only")));
        QCOMPARE(countRows(m_target, QStringLiteral("dpm_runs")), 0);

        // Verifying only reads: allowed while locked, and finds every source row missing.
        click(QStringLiteral("Verify parity"));
        QVERIFY(waitIdle());
        QVERIFY2(tab()->resultText().contains(QStringLiteral("TRANSFER_PARITY_MISMATCH")), qPrintable(tab()->resultText()));
        QVERIFY(!byName<QPushButton>(tab(), QStringLiteral("Open the target"))->isEnabled());
        QStandardItemModel *model = tab()->resultModel();
        QCOMPARE(model->rowCount(), 17); // every bulk table (9 DPM and event tables, 7 proposal tables) and the total
        QCOMPARE(model->item(0, 0)->text(), QStringLiteral("dpm_runs"));
        QCOMPARE(model->item(0, 3)->data(Qt::UserRole).toLongLong(), kRuns);
        QCOMPARE(model->item(0, 6)->text(), QStringLiteral("differs"));
    }

    void declinedConfirmationCopiesNothing()
    {
        answerNextConfirmation(QMessageBox::Yes);
        m_page->unlock();
        QVERIFY(m_page->isUnlocked());
        QString question;
        answerNextConfirmation(QMessageBox::No, &question);
        click(QStringLiteral("Backfill"));
        QVERIFY2(question.contains(m_target.redacted()), qPrintable(question));
        QVERIFY2(question.contains(m_session->redactedLocation()), qPrintable(question));
        QCOMPARE(tab()->resultText(), QStringLiteral("Nothing was copied."));
        QCOMPARE(countRows(m_target, QStringLiteral("dpm_runs")), 0);
    }

    void cancelledBackfillResumesAndVerifies()
    {
        answerNextConfirmation(QMessageBox::Yes);
        m_page->unlock();
        QVERIFY(m_page->isUnlocked());
        // The worker waits after its tenth batch until Cancel has been clicked.
        tab()->batchRowsField()->setValue(1);
        QSemaphore reached;
        QSemaphore proceed;
        tab()->setProgressHook([&](qint64 done, qint64) {
            if (done == 10) {
                reached.release();
                proceed.acquire();
            }
        });
        answerNextConfirmation(QMessageBox::Yes);
        click(QStringLiteral("Backfill"));
        QVERIFY(tab()->isBusy());
        QVERIFY(QTest::qWaitFor([&] { return reached.available() > 0; }, 30000));
        click(QStringLiteral("Cancel the backfill or parity check"));
        proceed.release();
        QVERIFY(waitIdle());
        tab()->setProgressHook({});
        QVERIFY2(tab()->resultText().startsWith(QStringLiteral("Cancelled")), qPrintable(tab()->resultText()));
        QCOMPARE(countRows(m_target, QStringLiteral("dpm_runs")), 10);

        // Without Resume the partly filled target is refused, and the tab stays usable.
        tab()->batchRowsField()->setValue(5000);
        answerNextConfirmation(QMessageBox::Yes);
        click(QStringLiteral("Backfill"));
        QVERIFY(waitIdle());
        QVERIFY2(tab()->resultText().contains(QStringLiteral("TRANSFER_TARGET_NOT_EMPTY")), qPrintable(tab()->resultText()));

        tab()->resumeBox()->setChecked(true);
        QString question;
        answerNextConfirmation(QMessageBox::Yes, &question);
        click(QStringLiteral("Backfill"));
        QVERIFY(question.startsWith(QStringLiteral("Resume copying")));
        QVERIFY(waitIdle());
        QVERIFY2(tab()->resultText().startsWith(QStringLiteral("Copied")), qPrintable(tab()->resultText()));
        QCOMPARE(countRows(m_target, QStringLiteral("dpm_runs")), kRuns);
        QStandardItemModel *model = tab()->resultModel();
        QCOMPARE(model->item(0, 0)->text(), QStringLiteral("dpm_runs"));
        QCOMPARE(model->item(0, 2)->data(Qt::UserRole).toLongLong() + model->item(0, 3)->data(Qt::UserRole).toLongLong(),
            kRuns);

        click(QStringLiteral("Verify parity"));
        QVERIFY(waitIdle());
        QVERIFY2(tab()->resultText().startsWith(QStringLiteral("Both stores hold the same rows")),
            qPrintable(tab()->resultText()));
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->item(row, 6)->text(), QStringLiteral("matches"));
        // The read switchover: the verified target can be opened in the console.
        QSignalSpy open(m_page.get(), &AdminPage::openStoreRequested);
        click(QStringLiteral("Open the target"));
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.first().first().value<StoreLocation>().redacted(), m_target.redacted());
        tab()->targetField()->setText(tab()->targetField()->text() + QStringLiteral("_other"));
        QVERIFY(!byName<QPushButton>(tab(), QStringLiteral("Open the target"))->isEnabled());
        // The target's audit log: start and end of the cancelled and of the resumed backfill; the
        // refused one wrote nothing.
        QCOMPARE(countRows(m_target, QStringLiteral("console_audit_log")), 4);
    }

    // Export while locked (it only reads), then restore into an empty store: refused while
    // locked, refused into the non-empty source, loaded once confirmed, and audited on both sides.
    void snapshotExportThenRestoreIntoAnEmptyStore()
    {
        const QString path = m_dir->filePath(QStringLiteral("ui.snapshot.gz"));
        tab()->setFileChooser([path](bool) { return path; });
        click(QStringLiteral("Export snapshot"));
        QVERIFY(waitIdle());
        QVERIFY2(tab()->resultText().startsWith(QStringLiteral("Exported")), qPrintable(tab()->resultText()));
        QVERIFY(QFile::exists(path));
        QCOMPARE(tab()->resultModel()->item(0, 0)->text(), QStringLiteral("dpm_runs"));
        QCOMPARE(tab()->resultModel()->item(0, 1)->data(Qt::UserRole).toLongLong(), kRuns);

        QVERIFY(!byName<QPushButton>(tab(), QStringLiteral("Restore from snapshot"))->isEnabled());
        tab()->restoreSnapshot();
        QVERIFY(tab()->resultText().startsWith(QStringLiteral("Read-only")));

        answerNextConfirmation(QMessageBox::Yes);
        m_page->unlock();
        answerNextConfirmation(QMessageBox::Yes);
        QSignalSpy unchanged(m_page.get(), &AdminPage::storeChanged);
        click(QStringLiteral("Restore from snapshot"));
        QVERIFY(waitIdle());
        QVERIFY2(tab()->resultText().contains(QStringLiteral("SNAPSHOT_TARGET_NOT_EMPTY")), qPrintable(tab()->resultText()));
        QCOMPARE(unchanged.count(), 0);

        const StoreLocation empty = StoreLocation::sqlite(m_dir->filePath(QStringLiteral("empty.db")));
        StoreSession restored(empty);
        await(restored.open({ .applyMigrations = true }));
        m_page->setSession(&restored); // another store: locked again
        QVERIFY(!byName<QPushButton>(tab(), QStringLiteral("Restore from snapshot"))->isEnabled());
        answerNextConfirmation(QMessageBox::Yes);
        m_page->unlock();
        QVERIFY(m_page->isUnlocked());
        QString question;
        answerNextConfirmation(QMessageBox::Yes, &question);
        QSignalSpy storeChanged(m_page.get(), &AdminPage::storeChanged); // the pages reload
        click(QStringLiteral("Restore from snapshot"));
        QVERIFY2(question.contains(restored.redactedLocation()), qPrintable(question));
        QVERIFY(waitIdle());
        QVERIFY2(tab()->resultText().startsWith(QStringLiteral("Restored")), qPrintable(tab()->resultText()));
        QCOMPARE(storeChanged.count(), 1);
        QCOMPARE(countRows(empty, QStringLiteral("dpm_runs")), kRuns);
        // The export is recorded after the snapshot was taken; the import, last of all.
        {
            SqlDatabase db(empty);
            SqlRows rows = db.exec(QStringLiteral("SELECT action, outcome FROM console_audit_log ORDER BY occurred_at DESC LIMIT 1"));
            QVERIFY(rows.next());
            QCOMPARE(rows.value(0).toString(), QStringLiteral("snapshot.import"));
            QCOMPARE(rows.value(1).toString(), QStringLiteral("succeeded"));
        }
        m_page->setSession(m_session.get());
    }
};

QTEST_MAIN(TestTransferTab)
#include "tst_transfertab.moc"
