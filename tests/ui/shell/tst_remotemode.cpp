// The console in remote mode (issue 16): the main window opened on a server of the DPM API —
// dpmserve serving a demo SQLite store in-process on a free loopback port — lists the runs, opens
// a run's bundle, names the server in the status bar and keeps the Admin page off with a sentence.
#include "admin/adminpage.h"
#include "awaitfuture.h"
#include "bundle/runbundlepane.h"
#include "common/consolesettings.h"
#include "demo/demogenerator.h"
#include "domain/appidentity.h"
#include "listing/keysetlistmodel.h"
#include "listing/listingview.h"
#include "listing/runspage.h"
#include "outbox/outboxpage.h"
#include "proposals/proposalcheckallpanel.h"
#include "proposals/proposalspage.h"
#include "registerremotestore.h"
#include "servetestsupport.h"
#include "services/storeopening.h"
#include "shell/mainwindow.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace dpm;

class TestRemoteMode : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SupportStore> m_served;
    std::unique_ptr<test::RunningServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        setApplicationIdentity();
        registerRemoteStore();
        ConsoleSettings::instance().setFileForTesting(m_dir.filePath(QStringLiteral("settings.ini")));
        try {
            m_served = openStore(StoreLocation::sqlite(m_dir.filePath(QStringLiteral("served.db"))),
                OpenOptions { .applyMigrations = true });
            DemoOptions options;
            options.runCount = 300;
            generateDemoData(*m_served, options);
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
        m_server = std::make_unique<test::RunningServer>(*m_served, test::testServeOptions());
    }

    void cleanupTestCase()
    {
        QThreadPool::globalInstance()->waitForDone();
        m_server.reset();
        m_served.reset();
        ConsoleSettings::instance().closeFileForTesting();
    }

    void remoteStore_listsRunsOpensABundle_andTheAdminPageSaysWhyItIsOff()
    {
        const StoreLocation location
            = StoreLocation::parse(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()));
        MainWindow window;
        QSignalSpy opened(&window, &MainWindow::storeOpened);
        window.show();
        window.openStore(location, false, false);
        QVERIFY(opened.wait(60000));

        QTRY_COMPARE_WITH_TIMEOUT(window.runsPage()->listing()->model()->rowCount(), 200, 30000);
        const QString status = window.statusText();
        QVERIFY2(status.startsWith(QStringLiteral("Server | http://127.0.0.1:%1").arg(m_server->port())),
            qPrintable(status));
        QVERIFY(ConsoleSettings::instance().recentStores().contains(location.withoutSecrets()));

        // The newest run, as the served store has it, opens into its bundle over the server.
        const QString newest = m_served->listRuns({}, { 1, {} }).items.value(0).rebalanceRunId;
        QAbstractItemModel *runs = window.runsPage()->listing()->model();
        QStringList firstRow;
        for (int column = 0; column < runs->columnCount(); ++column)
            firstRow << runs->index(0, column).data(Qt::DisplayRole).toString();
        QVERIFY2(firstRow.contains(newest), qPrintable(firstRow.join(QLatin1Char(' '))));
        QSignalSpy loaded(window.runPane(), &RunBundlePane::bundleLoaded);
        window.openRun(newest);
        QTRY_COMPARE_WITH_TIMEOUT(window.runPane()->state(), RunBundlePane::State::Loaded, 30000);
        QCOMPARE(window.runPane()->currentRunId(), newest);

        window.showPage(QStringLiteral("admin"));
        AdminPage *admin = window.adminPage();
        QVERIFY(admin->isReadOnlyRemote());
        QVERIFY2(admin->schemaNotice().contains(QLatin1String("Read-only over a server")), qPrintable(admin->schemaNotice()));
        QVERIFY(!admin->tabs()->isEnabled());
        admin->unlock(); // refused: nothing to unlock over a server
        QVERIFY(!admin->isUnlocked());
    }

    // An older service database (the DPM tables only), opened here and over a server: the
    // Proposals and Outbox pages show a sentence about the store instead of an error, query
    // nothing, and the runs are listed as ever.
    void olderStore_proposalsAndOutboxPagesSayWhy_data()
    {
        QTest::addColumn<bool>("overServer");
        QTest::newRow("local") << false;
        QTest::newRow("server") << true;
    }

    void olderStore_proposalsAndOutboxPagesSayWhy()
    {
        QFETCH(bool, overServer);
        const StoreLocation olderLocation
            = StoreLocation::sqlite(m_dir.filePath(QStringLiteral("older_%1.db").arg(overServer)));
        std::unique_ptr<SupportStore> older;
        try {
            older = test::openOlderServiceStore(olderLocation);
            DemoOptions options;
            options.runCount = 20;
            generateDemoData(*older, options);
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
        std::unique_ptr<test::RunningServer> server;
        StoreLocation location = olderLocation;
        if (overServer) {
            server = std::make_unique<test::RunningServer>(*older, test::testServeOptions());
            location = StoreLocation::parse(QStringLiteral("http://127.0.0.1:%1").arg(server->port()));
        }
        {
            MainWindow window;
            QSignalSpy opened(&window, &MainWindow::storeOpened);
            window.show();
            window.openStore(location, false, false);
            QVERIFY(opened.wait(60000));
            QTRY_COMPARE_WITH_TIMEOUT(window.runsPage()->listing()->model()->rowCount(), 20, 30000);

            window.showPage(QStringLiteral("proposals"));
            ProposalsPage *proposals = window.proposalsPage();
            QVERIFY2(proposals->storeNotice().contains(QLatin1String("no advisory proposal tables")),
                qPrintable(proposals->storeNotice()));
            QVERIFY(proposals->isUnavailable());
            QVERIFY(!proposals->checkAllPanel()->isEnabled());

            window.showPage(QStringLiteral("outbox"));
            OutboxPage *outbox = window.outboxPage();
            QVERIFY2(outbox->storeNotice().contains(QLatin1String(overServer ? "offers no run events" : "no run event")),
                qPrintable(outbox->storeNotice()));
            outbox->refresh();
            for (KeysetListModel *model : { proposals->listing()->model(), outbox->listing()->model() }) {
                QVERIFY(!model->lastError());
                QVERIFY(!model->isLoading());
                QCOMPARE(model->rowCount(), 0);
            }
            QCOMPARE(outbox->backlogMessage(), QString());
            QVERIFY(!outbox->isRefreshing());
        }
        QThreadPool::globalInstance()->waitForDone();
        server.reset();
    }
};

QTEST_MAIN(TestRemoteMode)
#include "tst_remotemode.moc"
