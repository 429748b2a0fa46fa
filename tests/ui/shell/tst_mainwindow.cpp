// The console's frame driven like a person: open a store, find things by every kind of
// identifier, go back and forward, and survive a database that goes away.
#include "awaitfuture.h"
#include "common/consolesettings.h"
#include "demo/demogenerator.h"
#include "domain/appidentity.h"
#include "listing/keysetlistmodel.h"
#include "listing/listingview.h"
#include "admin/adminpage.h"
#include "shell/mainwindow.h"
#include "admin/migrationstab.h"
#include "admin/migrationstatusmodel.h"
#include "modalanswer.h"
#include "shell/omnisearch.h"
#include "listing/operationdetailpane.h"
#include "listing/operationspage.h"
#include "pgserver.h"
#include "bundle/runbundlepane.h"
#include "listing/runspage.h"
#include "probes/scrollprobe.h"
#include "store/auditlog.h"
#include "store/sqldatabase.h"
#include "store/sqlstore.h"
#include "shell/storestatuspanel.h"
#include "widgetlookup.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QScrollBar>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace dpm;
using dpm::test::await;

namespace {

constexpr int kRuns = 400;

// A demo store at `location`, migrated and filled; returns after the session let go of it.
void fillDemoStore(const StoreLocation &location)
{
    StoreSession session(location);
    await(session.open(OpenOptions { .applyMigrations = true }));
    DemoOptions options;
    options.runCount = kRuns;
    await(session.run([options](SupportStore &store) { return generateDemoData(store, options); }), 180000);
}

// A request that counts for hours on SQLite unless stopped: "(finished)" or its error's code.
// `started` counts the requests that reached their worker.
auto longQuery(std::shared_ptr<std::atomic<int>> started)
{
    return [started](SupportStore &store) {
        started->fetch_add(1);
        try {
            (*storeAs<SqlStore>(store)).database().exec(
                QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                               "WHERE x < 100000000000) SELECT COUNT(*) FROM c"));
            return QStringLiteral("(finished)");
        } catch (const Error &error) {
            return error.code();
        }
    };
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    StoreLocation m_sqlite = StoreLocation::memory();

    std::unique_ptr<MainWindow> openWindow(const StoreLocation &location)
    {
        auto window = std::make_unique<MainWindow>();
        QSignalSpy opened(window.get(), &MainWindow::storeOpened);
        window->show();
        window->openStore(location, false, false);
        if (!opened.wait(60000))
            return nullptr;
        return window;
    }

    // Types an identifier into the omni-search and presses Enter; waits for the answer.
    static int search(MainWindow &window, const QString &text)
    {
        QSignalSpy handled(&window, &MainWindow::searchHandled);
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        if (!window.omniSearch()->hasFocus())
            return -1;
        QTest::keyClicks(window.omniSearch(), text);
        QTest::keyClick(window.omniSearch(), Qt::Key_Return);
        if (!handled.wait(30000))
            return -1;
        return handled.first().at(1).toInt();
    }

    // A run of the store and its identifiers, read through the store itself.
    struct RunIds
    {
        RebalanceRun run;
        AsyncOperation operation;
        WorkflowDecision decision;
    };
    RunIds sampleIds(MainWindow &window)
    {
        return await(window.session()->run([](SupportStore &store) {
            RunIds ids;
            // A run with an idempotency key and a decision, and any operation.
            PageRequest page { 500, {} };
            for (const RunListItem &item : store.listRuns({}, page).items) {
                if (!item.idempotencyKey)
                    continue;
                const auto decisions = store.listWorkflowDecisions(item.rebalanceRunId);
                if (decisions.isEmpty())
                    continue;
                ids.run = *store.getRun(item.rebalanceRunId);
                ids.decision = decisions.first();
                break;
            }
            ids.operation = store.listOperations({}, PageRequest { 1, {} }).items.value(0);
            return ids;
        }));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        setApplicationIdentity();
        ConsoleSettings::instance().setFileForTesting(m_dir.filePath(QStringLiteral("settings.ini")));
        m_sqlite = StoreLocation::sqlite(m_dir.filePath(QStringLiteral("demo.db")));
        fillDemoStore(m_sqlite);
    }

    void cleanupTestCase()
    {
        QThreadPool::globalInstance()->waitForDone();
        ConsoleSettings::instance().closeFileForTesting();
    }

    void open_showsRunsAndTheStoreInTheStatusBar()
    {
        auto window = openWindow(m_sqlite);
        QVERIFY(window);
        QCOMPARE(window->currentPlace().page, QStringLiteral("runs"));
        QTRY_COMPARE(window->runsPage()->listing()->model()->rowCount(), 200);
        const QString status = window->statusText();
        QVERIFY2(status.contains(QLatin1String("SQLite")), qPrintable(status));
        QVERIFY2(status.contains(m_sqlite.redacted()), qPrintable(status));
        QVERIFY2(status.contains(QLatin1String("up to date")), qPrintable(status));
        QVERIFY2(status.contains(QLatin1String("profile LOCAL")), qPrintable(status));
        QTRY_VERIFY(window->statusText().contains(QLatin1String("last query")));
        QVERIFY(window->windowTitle().contains(m_sqlite.redacted()));
        QVERIFY(ConsoleSettings::instance().recentStores().contains(m_sqlite.withoutSecrets()));
    }

    // The Transfer tab's "Open the target" switches the whole window to that store.
    void adminOpenStoreRequest_switchesTheWindowToThatStore()
    {
        auto window = openWindow(m_sqlite);
        QVERIFY(window);
        const StoreLocation other = StoreLocation::sqlite(m_dir.filePath(QStringLiteral("switched.db")));
        openStore(other, OpenOptions { .applyMigrations = true });
        QSignalSpy opened(window.get(), &MainWindow::storeOpened);
        Q_EMIT window->adminPage()->openStoreRequested(other);
        QVERIFY(opened.wait(60000));
        QVERIFY2(window->statusText().contains(other.redacted()), qPrintable(window->statusText()));
        QVERIFY(window->windowTitle().contains(other.redacted()));
    }

    // The console.scroll benchmark's probe: it pages down until the rows are loaded and the last
    // is on screen, and reports what it measured (the figures themselves live in benchmarks).
    void scrollProbe_pagesToTheTargetRow_andReportsStallsAndMemory()
    {
        auto window = openWindow(m_sqlite);
        QVERIFY(window);
        QTableView *table = window->runsPage()->listing()->table();
        QTRY_COMPARE(table->model()->rowCount(), 200);
        ScrollProbe probe(table, 350);
        QSignalSpy finished(&probe, &ScrollProbe::finished);
        probe.start();
        QVERIFY(finished.wait(60000));
        const QJsonObject report = QJsonDocument::fromJson(finished.first().first().toByteArray()).object();
        QCOMPARE(report.value(QStringLiteral("scenario")).toString(), QStringLiteral("console.scroll"));
        QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("ok"));
        QVERIFY(report.value(QStringLiteral("rows")).toInt() >= 350);
        QVERIFY(report.value(QStringLiteral("page_steps")).toInt() > 0);
        QCOMPARE(table->verticalScrollBar()->value(), table->verticalScrollBar()->maximum());
        const double p99 = report.value(QStringLiteral("p99_stall_ms")).toDouble();
        QVERIFY(p99 > 0 && p99 <= report.value(QStringLiteral("max_stall_ms")).toDouble());
        QVERIFY(report.value(QStringLiteral("peak_rss_mb")).toDouble() > 0);
        // Each page's paint timed alone, once the scrolling is done.
        QVERIFY(report.value(QStringLiteral("page_paints")).toInt() > 0);
        QVERIFY(report.value(QStringLiteral("median_page_paint_ms")).toDouble() > 0);
        QVERIFY(report.value(QStringLiteral("rows_per_page")).toInt() > 0);
    }

    // A session closed while a query runs stops it on the database instead of keeping a worker
    // (and the application's exit) busy until the query ends by itself.
    void closingASession_stopsItsRunningQuery()
    {
        auto session = std::make_unique<StoreSession>(m_sqlite);
        await(session->open());
        auto started = std::make_shared<std::atomic<int>>(0);
        QFuture<QString> running = session->run(longQuery(started));
        QTRY_COMPARE(started->load(), 1);
        session.reset();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(30000));
        QCOMPARE(running.result(), QStringLiteral("STORE_QUERY_CANCELLED"));
    }

    // One request of a session stopped on the database while another goes on; a request cancelled
    // before it reached its worker runs no statement.
    void cancellingARequest_stopsOnlyThatRequest()
    {
        auto session = std::make_unique<StoreSession>(m_sqlite);
        await(session->open());
        auto started = std::make_shared<std::atomic<int>>(0);
        const auto stopped = CancelToken::create();
        QFuture<QString> cancelled = session->run(longQuery(started), stopped);
        QFuture<QString> other = session->run(longQuery(started));
        QTRY_COMPARE(started->load(), 2);
        // Again until it stops: the first cancel may come before the statement started.
        QDeadlineTimer deadline(30000);
        while (!cancelled.isFinished() && !deadline.hasExpired()) {
            stopped->cancel();
            QTest::qWait(100);
        }
        QVERIFY(cancelled.isFinished());
        QCOMPARE(cancelled.result(), QStringLiteral("STORE_QUERY_CANCELLED"));
        QTest::qWait(300);
        QVERIFY(!other.isFinished()); // the session's other request goes on

        const auto early = CancelToken::create();
        early->cancel();
        QCOMPARE(await(session->run(
                     [](SupportStore &store) {
                         try {
                             return QString::number(store.listRuns({}, PageRequest { 1, {} }).items.size());
                         } catch (const Error &error) {
                             return error.code();
                         }
                     },
                     early)),
            QStringLiteral("STORE_QUERY_CANCELLED"));
        // The worker that ran it serves the next request.
        QCOMPARE(await(session->run([](SupportStore &store) { return store.listRuns({}, PageRequest { 1, {} }).items.size(); })),
            qsizetype(1));
        session.reset(); // stops `other`
        QVERIFY(QThreadPool::globalInstance()->waitForDone(30000));
        QCOMPARE(other.result(), QStringLiteral("STORE_QUERY_CANCELLED"));
    }

    void search_findsARunByEachOfItsIdentifiers()
    {
        auto window = openWindow(m_sqlite);
        QVERIFY(window);
        const RunIds ids = sampleIds(*window);
        QVERIFY2(!ids.run.rebalanceRunId.isEmpty(), "the demo store has a keyed run with a decision");
        QVERIFY(!ids.operation.operationId.isEmpty());

        const QStringList leadToRun { ids.run.rebalanceRunId, ids.run.correlationId, *ids.run.idempotencyKey,
            ids.decision.decisionId, QStringLiteral("dpm://run/") + ids.run.rebalanceRunId };
        for (const QString &identifier : leadToRun) {
            window->showPage(QStringLiteral("runs"));
            QCOMPARE(search(*window, identifier), 1);
            QCOMPARE(window->currentPlace(), (Place { QStringLiteral("run"), ids.run.rebalanceRunId }));
            QTRY_COMPARE(window->runPane()->currentRunId(), ids.run.rebalanceRunId);
        }

        QVERIFY(search(*window, ids.operation.operationId) >= 1);
        QCOMPARE(window->currentPlace(), (Place { QStringLiteral("operation"), ids.operation.operationId }));
        QTRY_COMPARE(window->operationsPage()->detail()->operationId(), ids.operation.operationId);

        // The run's own request hash: the latest run with it, or all of them when several share it.
        QVERIFY(search(*window, ids.run.requestHash) >= 1);
        const Place place = window->currentPlace();
        QVERIFY2(place.page == QLatin1String("run") || place.page == QLatin1String("runs"), qPrintable(place.page));
        if (place.page == QLatin1String("runs"))
            QCOMPARE(window->runsPage()->filter().requestHash, std::optional<QString>(ids.run.requestHash));
    }

    void search_severalMatches_offersTheChoice()
    {
        auto window = openWindow(m_sqlite);
        QVERIFY(window);
        const RunIds ids = sampleIds(*window);
        // A decision whose action request carried the run's correlation id: the id now names both.
        // It is recorded on another run, so the two choices lead to different places.
        const QString otherRun = await(window->session()->run([ids](SupportStore &store) {
            WorkflowDecision decision = ids.decision;
            decision.decisionId = QStringLiteral("dwd_sharedcorr01");
            decision.correlationId = ids.run.correlationId;
            for (const RunListItem &item : store.listRuns({}, PageRequest { 2, {} }).items)
                if (item.rebalanceRunId != ids.run.rebalanceRunId)
                    decision.runId = item.rebalanceRunId;
            store.appendWorkflowDecision(decision);
            return decision.runId;
        }));
        QVERIFY(otherRun != ids.run.rebalanceRunId);
        QCOMPARE(search(*window, ids.run.correlationId), 2);
        QMenu *menu = window->matchMenu();
        QVERIFY(menu);
        QTRY_VERIFY(menu->isVisible());
        QCOMPARE(menu->actions().size(), 2);
        QVERIFY(menu->actions().at(0)->text().contains(ids.run.rebalanceRunId));
        QVERIFY(menu->actions().at(1)->text().contains(QLatin1String("dwd_sharedcorr01")));
        // Choosing with the keyboard opens the decision's run.
        QTest::keyClick(menu, Qt::Key_Down);
        QTest::keyClick(menu, Qt::Key_Down);
        QTest::keyClick(menu, Qt::Key_Return);
        QTRY_COMPARE(window->currentPlace(), (Place { QStringLiteral("run"), otherRun }));
    }

    void search_unknownIdentifier_saysNotFound()
    {
        auto window = openWindow(m_sqlite);
        QVERIFY(window);
        const Place before = window->currentPlace();
        QCOMPARE(search(*window, QStringLiteral("rr_does_not_exist")), 0);
        QCOMPARE(window->currentPlace(), before);
        QVERIFY(window->statusBar()->currentMessage().startsWith(QLatin1String("DPM_IDENTIFIER_NOT_FOUND")));
    }

    void history_altLeftAndAltRightRetraceWhatWasOpened()
    {
        auto window = openWindow(m_sqlite);
        QVERIFY(window);
        QTRY_COMPARE(window->runsPage()->listing()->model()->rowCount(), 200);
        const QString first = window->runsPage()->listing()->model()->row(0).runId;
        const QString second = window->runsPage()->listing()->model()->row(1).runId;
        window->openRun(first);
        window->showPage(QStringLiteral("decisions"));
        window->openRun(second);

        QTest::keyClick(window.get(), Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(window->currentPlace().page, QStringLiteral("decisions"));
        QTest::keyClick(window.get(), Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(window->currentPlace(), (Place { QStringLiteral("run"), first }));
        QTRY_COMPARE(window->runPane()->currentRunId(), first);
        QTest::keyClick(window.get(), Qt::Key_Right, Qt::AltModifier);
        QTest::keyClick(window.get(), Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(window->currentPlace(), (Place { QStringLiteral("run"), second }));
        QTRY_COMPARE(window->runPane()->currentRunId(), second);
    }

    void openingAnUnreachableServer_showsTheReasonAndNeverThePassword()
    {
        // A port nobody listens on; the password must not show anywhere a person looks.
        const StoreLocation location
            = StoreLocation::parse(QStringLiteral("postgresql://dpm:s3cret-pw@127.0.0.1:1/dpm?connect_timeout=2"));
        MainWindow window;
        QSignalSpy failed(&window, &MainWindow::storeFailed);
        window.show();
        window.openStore(location, false, false);
        QVERIFY(!window.windowTitle().contains(QLatin1String("s3cret")));
        QVERIFY(failed.wait(30000));
        QCOMPARE(window.statusPanel()->errorCode(), QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED"));
        for (const QLabel *label : window.findChildren<QLabel *>())
            QVERIFY2(!label->text().contains(QLatin1String("s3cret")), qPrintable(label->text()));
        QVERIFY(!window.windowTitle().contains(QLatin1String("s3cret")));
        QVERIFY(!window.statusText().contains(QLatin1String("s3cret")));

        // Retry tries again and fails the same way; the window answers meanwhile.
        QPushButton *retry = nullptr;
        for (QPushButton *button : window.statusPanel()->findChildren<QPushButton *>())
            if (button->text() == QLatin1String("&Retry"))
                retry = button;
        QVERIFY(retry && retry->isVisible());
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.size(), 2);
        QCOMPARE(window.statusPanel()->errorCode(), QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED"));
    }

    void databaseWithoutTables_opensOnTheAdminPage_andItsMigrationsOpenTheRest_data()
    {
        QTest::addColumn<bool>("postgres");
        QTest::newRow("sqlite") << false;
        QTest::newRow("postgres") << true;
    }

    // A new user pointing the console at an empty database: only the admin page works, it says
    // what to do, and applying its migrations from there opens the other pages on the new schema.
    void databaseWithoutTables_opensOnTheAdminPage_andItsMigrationsOpenTheRest()
    {
        QFETCH(bool, postgres);
        if (postgres)
            DPM_REQUIRE_POSTGRES();
        const StoreLocation location = postgres
            ? test::PgServer::instance().createDatabase(QStringLiteral("ui_empty"))
            : StoreLocation::sqlite(m_dir.filePath(QStringLiteral("empty.db")));

        auto window = openWindow(location);
        QVERIFY(window);
        QCOMPARE(window->currentPlace().page, QStringLiteral("admin"));
        QVERIFY2(window->statusText().contains(QLatin1String("not initialised, 14 pending migrations")),
            qPrintable(window->statusText()));
        AdminPage *admin = window->adminPage();
        QVERIFY2(admin->schemaNotice().contains(QLatin1String("no DPM tables")), qPrintable(admin->schemaNotice()));
        QVERIFY(!window->omniSearch()->isEnabled());
        QListWidget *pages = window->findChild<QListWidget *>();
        QVERIFY(!(pages->item(0)->flags() & Qt::ItemIsEnabled)); // Runs
        window->showPage(QStringLiteral("runs"));
        QCOMPARE(window->currentPlace().page, QStringLiteral("admin"));

        MigrationsTab *migrations = admin->migrationsTab();
        QTRY_COMPARE(migrations->statusModel()->pendingCount(), 14);
        test::answerNextConfirmation(QMessageBox::Yes);
        QTest::mouseClick(test::byName<QPushButton>(admin, QStringLiteral("Unlock or lock admin actions")), Qt::LeftButton);
        QTRY_VERIFY(admin->isUnlocked());
        QString question;
        test::answerNextConfirmation(QMessageBox::Yes, &question);
        QTest::mouseClick(test::byName<QPushButton>(admin, QStringLiteral("Apply pending migrations")), Qt::LeftButton);
        QVERIFY2(question.contains(location.redacted()), qPrintable(question));
        QTRY_VERIFY_WITH_TIMEOUT(admin->schemaNotice().contains(QLatin1String("schema is created")), 60000);
        QTRY_COMPARE(migrations->statusModel()->pendingCount(), 0); // the tab re-reads after the apply
        QVERIFY(pages->item(0)->flags() & Qt::ItemIsEnabled);
        {
            SqlDatabase db(location);
            SqlRows ledger = db.exec(QStringLiteral("SELECT COUNT(*) FROM schema_migrations"));
            QVERIFY(ledger.next());
            QCOMPARE(ledger.value(0).toInt(), 14);
        }

        // Leaving the admin page reopens the store on its new schema and lands where asked.
        QSignalSpy reopened(window.get(), &MainWindow::storeOpened);
        window->showPage(QStringLiteral("runs"));
        QVERIFY(reopened.wait(60000));
        QCOMPARE(window->currentPlace().page, QStringLiteral("runs"));
        QVERIFY2(window->statusText().contains(QLatin1String("up to date")), qPrintable(window->statusText()));
        QVERIFY(window->omniSearch()->isEnabled());
        KeysetListModel *runs = window->runsPage()->listing()->model();
        QTRY_VERIFY(!runs->isLoading());
        QVERIFY(!runs->lastError());
        QCOMPARE(runs->rowCount(), 0);
        const Page<AuditEntry> audit
            = await(window->session()->run([](SupportStore &store) { return store.auditLog().list(PageRequest { 10, {} }); }));
        QCOMPARE(audit.items.size(), 1);
        QCOMPARE(audit.items.first().action, QStringLiteral("migrate.apply"));
        QCOMPARE(audit.items.first().outcome, QStringLiteral("succeeded"));
    }

    void losingTheDatabaseMidSession_showsTheErrorAndRetryRecovers()
    {
        DPM_REQUIRE_POSTGRES();
        auto &server = test::PgServer::instance();
        const StoreLocation location = server.createDatabase(QStringLiteral("ui_lose"));
        fillDemoStore(location);
        const QString database = location.libpqParameter(QStringLiteral("dbname"));

        auto window = openWindow(location);
        QVERIFY(window);
        ListingView *listing = window->runsPage()->listing();
        QTRY_COMPARE(listing->model()->rowCount(), 200);

        // The server refuses this database and drops the console's connections.
        server.execAsSuperuser(
            QStringLiteral("postgres"), QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS false").arg(database));
        server.execAsSuperuser(QStringLiteral("postgres"),
            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1'")
                .arg(database));

        listing->table()->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(listing->model()->lastError().has_value(), 30000);
        const QString code = listing->model()->lastError()->code();
        QVERIFY2(code == QLatin1String("STORE_CONNECTION_LOST")
                || code == QLatin1String("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED"),
            qPrintable(code));
        QCOMPARE(listing->model()->rowCount(), 200); // what was loaded stays
        QPushButton *retry = nullptr;
        for (QPushButton *button : listing->findChildren<QPushButton *>())
            if (button->accessibleName() == QLatin1String("Retry loading"))
                retry = button;
        QVERIFY(retry);
        QTRY_VERIFY(retry->isVisible());

        server.execAsSuperuser(
            QStringLiteral("postgres"), QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS true").arg(database));
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(listing->model()->rowCount() == 400 || listing->model()->lastError(), 30000);
        // QVERIFY2 builds its message even when the check passes: only read an error that exists.
        const std::optional<Error> &error = listing->model()->lastError();
        QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
        QCOMPARE(listing->model()->rowCount(), 400);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
