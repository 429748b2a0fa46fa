// The Runs, Decisions and Operations pages driven like a person: filter, scroll for more, open,
// copy and export, on a store filled by the demo generator (built once for SQLite, once for
// PostgreSQL).
#include "awaitfuture.h"
#include "common/consolesettings.h"
#include "listing/decisionspage.h"
#include "demo/demogenerator.h"
#include "listing/keysetlistmodel.h"
#include "listing/listingexport.h"
#include "listing/listingview.h"
#include "listing/operationdetailpane.h"
#include "listing/operationspage.h"
#include "listing/runspage.h"
#include "session/storesession.h"
#include "uitestbackend.h"
#include "widgetlookup.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace dpm;
using dpm::test::await;

namespace {

constexpr int kRuns = 600;

} // namespace

class TestListingPages : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreSession> m_session;

    static QComboBox *combo(QWidget *page, const QString &accessibleName)
    {
        return test::byName<QComboBox>(page, accessibleName);
    }
    static QLineEdit *edit(QWidget *page, const QString &accessibleName)
    {
        return test::byName<QLineEdit>(page, accessibleName);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DPM_UI_REQUIRE_BACKEND();
        ConsoleSettings::instance().setFileForTesting(m_dir.filePath(QStringLiteral("settings.ini")));
        m_session = std::make_unique<StoreSession>(dpm::test::freshUiTestStore(m_dir, QStringLiteral("ui_listings")));
        QFuture<StoreInfo> opened = m_session->open(OpenOptions { .applyMigrations = true });
        QTRY_VERIFY_WITH_TIMEOUT(opened.isFinished(), 60000);
        QVERIFY(opened.result().isEmpty);
        DemoOptions options;
        options.runCount = kRuns;
        const DemoReport report
            = await(m_session->run([options](SupportStore &store) { return generateDemoData(store, options); }), 120000);
        QCOMPARE(report.rows.value(QStringLiteral("dpm_runs")), kRuns);
    }

    void cleanupTestCase()
    {
        // The session's worker threads close their connections as they end.
        m_session.reset();
        QThreadPool::globalInstance()->waitForDone();
        ConsoleSettings::instance().closeFileForTesting();
    }

    void runsPage_firstPageThenMoreAsTheUserScrolls()
    {
        RunsPage page;
        QAbstractItemModelTester tester(
            page.listing()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.resize(1000, 600);
        page.show();
        page.setSession(m_session.get());
        QTRY_COMPARE(page.listing()->model()->rowCount(), 200);
        QVERIFY(page.listing()->footerText().contains(QLatin1String("more available")));

        QTableView *table = page.listing()->table();
        for (int loaded : { 400, 600 }) {
            table->scrollToBottom();
            QTRY_COMPARE(page.listing()->model()->rowCount(), loaded);
        }
        QTRY_VERIFY(!page.listing()->model()->hasMore());
        QCOMPARE(page.listing()->footerText(), QStringLiteral("All 600 rows loaded"));

        // Newest first, ids unique: the pages joined without overlap.
        QSet<QString> ids;
        QString previous = QStringLiteral("9999");
        for (int row = 0; row < 600; ++row) {
            const ListRow &r = page.listing()->model()->row(row);
            ids.insert(r.id);
            QVERIFY(r.values.at(0) <= previous);
            previous = r.values.at(0);
        }
        QCOMPARE(ids.size(), 600);
    }

    void runsPage_typingAFilterNarrowsTheListing()
    {
        RunsPage page;
        QAbstractItemModelTester tester(
            page.listing()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.show();
        page.setSession(m_session.get());
        QTRY_COMPARE(page.listing()->model()->rowCount(), 200);
        const QString portfolio = page.listing()->model()->row(0).values.at(3);

        QLineEdit *field = edit(&page, QStringLiteral("Portfolio:"));
        QVERIFY(field);
        QTest::keyClicks(field, portfolio);
        QTRY_VERIFY(!page.listing()->model()->isLoading() && page.listing()->model()->rowCount() < 200);
        QVERIFY(page.listing()->model()->rowCount() > 0);
        for (int row = 0; row < page.listing()->model()->rowCount(); ++row)
            QCOMPARE(page.listing()->model()->row(row).values.at(3), portfolio);

        QComboBox *status = combo(&page, QStringLiteral("Status:"));
        QVERIFY(status);
        status->setCurrentIndex(status->findData(QStringLiteral("BLOCKED")));
        QTRY_VERIFY(!page.listing()->model()->isLoading());
        for (int row = 0; row < page.listing()->model()->rowCount(); ++row)
            QCOMPARE(page.listing()->model()->row(row).status, QStringLiteral("BLOCKED"));

        page.clearFilters();
        QTRY_COMPARE(page.listing()->model()->rowCount(), 200);
    }

    void runsPage_enterOnARowOpensThatRun()
    {
        RunsPage page;
        page.show();
        page.setSession(m_session.get());
        QTRY_COMPARE(page.listing()->model()->rowCount(), 200);
        QSignalSpy opened(&page, &RunsPage::openRunRequested);
        QTableView *table = page.listing()->table();
        table->setFocus();
        table->setCurrentIndex(page.listing()->model()->index(3, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), page.listing()->model()->row(3).runId);
    }

    void runsPage_copiesSelectedRowsAsTsvAndJson()
    {
        RunsPage page;
        page.show();
        page.setSession(m_session.get());
        QTRY_COMPARE(page.listing()->model()->rowCount(), 200);
        QTableView *table = page.listing()->table();
        table->selectRow(0);
        table->setFocus();
        QTest::keySequence(table, QKeySequence::Copy);
        const QString tsv = QApplication::clipboard()->text();
        const ListRow &first = page.listing()->model()->row(0);
        QCOMPARE(tsv, first.values.join(QLatin1Char('\t')));

        page.listing()->copySelectionAsJson();
        const QJsonArray json = QJsonDocument::fromJson(QApplication::clipboard()->text().toUtf8()).array();
        QCOMPARE(json.size(), 1);
        QCOMPARE(json.at(0).toObject().value(QStringLiteral("rebalance_run_id")).toString(), first.id);
    }

    void runsPage_exportsEveryRowOfTheFilterAsCsvAndJson()
    {
        RunsPage page;
        page.show();
        page.setSession(m_session.get());
        QTRY_COMPARE(page.listing()->model()->rowCount(), 200);
        QSignalSpy finished(page.listing(), &ListingView::exportFinished);

        const QString csvPath = m_dir.filePath(QStringLiteral("runs.csv"));
        page.listing()->exportTo(csvPath, ExportFormat::Csv);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished.at(0).at(1).toLongLong(), kRuns);
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.first().trimmed(),
            QByteArray("created_at,status,rebalance_run_id,portfolio_id,correlation_id,idempotency_key,request_hash"));
        QCOMPARE(lines.size(), kRuns + 2); // header, rows, and the empty text after the last line break

        const QString jsonPath = m_dir.filePath(QStringLiteral("runs.json"));
        page.listing()->exportTo(jsonPath, ExportFormat::Json);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonArray rows = QJsonDocument::fromJson(json.readAll()).array();
        QCOMPARE(rows.size(), kRuns);
        QVERIFY(rows.at(0).toObject().contains(QStringLiteral("idempotency_key")));
    }

    // Cancelled half-way (one page written, the next being read): no file at the target and no
    // temporary file beside it.
    void export_cancelledMidway_leavesNoFile()
    {
        QTemporaryDir dir;
        auto secondPageAsked = std::make_shared<QSemaphore>();
        auto release = std::make_shared<QSemaphore>();
        const PageLoader loader = [secondPageAsked, release](SupportStore &, const PageRequest &request) {
            ListPage page;
            if (request.cursor) {
                secondPageAsked->release();
                release->acquire(); // held until the test has cancelled
                return page;
            }
            ListRow row;
            row.values = QStringList { QStringLiteral("rr_1") };
            page.rows << row;
            page.nextCursor = QStringLiteral("next");
            return page;
        };
        const QString path = dir.filePath(QStringLiteral("runs.csv"));
        QFuture<qint64> future = exportListing(
            *m_session, loader, { ListColumn { QStringLiteral("rebalance_run_id"), QStringLiteral("Run") } }, path,
            ExportFormat::Csv);
        QVERIFY(secondPageAsked->tryAcquire(1, 30000));
        future.cancel();
        release->release();
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 30000);
        QVERIFY(future.isCanceled());
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }

    void export_intoAMissingFolder_failsWithItsReasonCode()
    {
        RunsPage page;
        page.show();
        page.setSession(m_session.get());
        QStringList failedCodes;
        connect(page.listing(), &ListingView::exportFailed, this,
            [&failedCodes](const Error &error) { failedCodes << error.code(); });
        page.listing()->exportTo(m_dir.filePath(QStringLiteral("no/such/folder/runs.csv")), ExportFormat::Csv);
        QTRY_COMPARE_WITH_TIMEOUT(failedCodes.size(), 1, 30000);
        QCOMPARE(failedCodes.first(), QStringLiteral("EXPORT_WRITE_FAILED"));
        // The person sees it too, with the code, and can close it.
        auto *box = page.findChild<QMessageBox *>();
        QVERIFY(box);
        QVERIFY(box->text().startsWith(QLatin1String("EXPORT_WRITE_FAILED")));
        box->close();
    }

    void decisionsPage_filtersByActionAndOpensTheRun()
    {
        DecisionsPage page;
        QAbstractItemModelTester tester(
            page.listing()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.show();
        page.setSession(m_session.get());
        QTRY_VERIFY(page.listing()->model()->rowCount() > 0);
        const QString action = page.listing()->model()->row(0).values.at(1);
        QComboBox *actions = combo(&page, QStringLiteral("Action:"));
        QVERIFY(actions);
        actions->setCurrentIndex(actions->findData(action));
        QTRY_VERIFY(!page.listing()->model()->isLoading());
        QVERIFY(page.listing()->model()->rowCount() > 0);
        for (int row = 0; row < page.listing()->model()->rowCount(); ++row)
            QCOMPARE(page.listing()->model()->row(row).values.at(1), action);

        QSignalSpy opened(&page, &DecisionsPage::openRunRequested);
        const QPoint cell = page.listing()->table()->visualRect(page.listing()->model()->index(0, 0)).center();
        QTest::mouseClick(page.listing()->table()->viewport(), Qt::LeftButton, {}, cell);
        QTest::mouseDClick(page.listing()->table()->viewport(), Qt::LeftButton, {}, cell);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), page.listing()->model()->row(0).runId);
    }

    void operationsPage_selectingARowShowsItsDetail()
    {
        OperationsPage page;
        QAbstractItemModelTester tester(
            page.listing()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.show();
        page.setSession(m_session.get());
        QTRY_VERIFY(page.listing()->model()->rowCount() > 0);
        QComboBox *status = combo(&page, QStringLiteral("Status:"));
        status->setCurrentIndex(status->findData(QStringLiteral("FAILED")));
        QTRY_VERIFY(!page.listing()->model()->isLoading());
        QVERIFY2(page.listing()->model()->rowCount() > 0, "the demo data has failed operations");

        QSignalSpy loaded(page.detail(), &OperationDetailPane::loaded);
        page.listing()->table()->setCurrentIndex(page.listing()->model()->index(0, 0));
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(page.detail()->operationId(), page.listing()->model()->row(0).id);
        QCOMPARE(page.detail()->statusText(), QStringLiteral("FAILED"));
        QVERIFY2(!page.detail()->errorText().isEmpty(), "a failed operation shows its error message");
    }

    void operationsPage_opensTheRunsAnOperationProduced()
    {
        OperationsPage page;
        page.show();
        page.setSession(m_session.get());
        QComboBox *status = combo(&page, QStringLiteral("Status:"));
        status->setCurrentIndex(status->findData(QStringLiteral("SUCCEEDED")));
        QTRY_VERIFY(!page.listing()->model()->isLoading());
        QVERIFY(page.listing()->model()->rowCount() > 0);
        // A finished batch records its scenario runs, each with a caused_by edge to the operation.
        QSignalSpy opened(&page, &OperationsPage::openRunRequested);
        QStringList produced;
        for (int row = 0; row < page.listing()->model()->rowCount() && produced.isEmpty(); ++row) {
            QSignalSpy loaded(page.detail(), &OperationDetailPane::loaded);
            page.listing()->table()->setCurrentIndex(page.listing()->model()->index(row, 0));
            QVERIFY(loaded.wait(10000));
            produced = page.detail()->producedRunIds();
        }
        QVERIFY2(!produced.isEmpty(), "some succeeded operation produced runs");
        page.detail()->openRun();
        if (produced.size() == 1) {
            QCOMPARE(opened.size(), 1);
            QCOMPARE(opened.first().first().toString(), produced.first());
        } else {
            auto *menu = page.detail()->findChild<QMenu *>(QStringLiteral("producedRunsMenu"));
            QVERIFY(menu);
            QCOMPARE(menu->actions().size(), produced.size());
            menu->actions().at(1)->trigger();
            QCOMPARE(opened.size(), 1);
            QCOMPARE(opened.first().first().toString(), produced.at(1));
        }
    }

    void hiddenPage_loadsOnlyWhenShown()
    {
        DecisionsPage page;
        page.setSession(m_session.get());
        QCoreApplication::processEvents();
        QVERIFY(!page.listing()->model()->isLoading());
        QCOMPARE(page.listing()->model()->rowCount(), 0);
        page.show();
        QTRY_VERIFY(page.listing()->model()->rowCount() > 0);
    }

    void model_slowPageShowsLoadingAndCancelDropsIt()
    {
        KeysetListModel model({ { QStringLiteral("n"), QStringLiteral("N") } });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_session.get());
        auto gate = std::make_shared<QSemaphore>();
        model.setLoader([gate](SupportStore &, const PageRequest &) {
            gate->acquire();
            ListPage page;
            page.rows << ListRow { QStringLiteral("late"), {}, {}, { QStringLiteral("late") },
                { QStringLiteral("late") }, {} };
            return page;
        });
        QVERIFY(model.isLoading());
        model.cancel();
        QVERIFY(!model.isLoading());
        // The late page must not land once its query has finished (its watcher has then delivered
        // and deleted itself); a later request still works.
        gate->release();
        QTRY_VERIFY(model.findChildren<QFutureWatcherBase *>().isEmpty());
        QCOMPARE(model.rowCount(), 0);
        gate->release();
        model.reload();
        QTRY_COMPARE(model.rowCount(), 1);
    }
};

DPM_BACKEND_TEST_MAIN(TestListingPages)
#include "tst_listingpages.moc"
