// The console's side of the secrets test (tests/cli/tst_cli_secrets.cpp is dpmctl's): a
// PostgreSQL store whose password is a unique marker, given as a URL and as a libpq key/value
// string (and to the cutover check as the service's DPM_SUPPORTABILITY_POSTGRES_DSN), opened in
// the main window and driven through every export and copy the console offers. The marker must
// not show in an exported file, the clipboard, the window title, the status bar, any label or
// tooltip, a log line, the audit table or the settings the console wrote. The test server trusts
// every local connection, so the password is given and ignored.

#include "admin/adminpage.h"
#include "admin/auditlogtab.h"
#include "admin/cutovertab.h"
#include "awaitfuture.h"
#include "bundle/runbundlepane.h"
#include "common/consolesettings.h"
#include "demo/demogenerator.h"
#include "domain/appidentity.h"
#include "lineage/lineagegraphwidget.h"
#include "lineage/lineagepage.h"
#include "listing/decisionspage.h"
#include "listing/keysetlistmodel.h"
#include "listing/listingview.h"
#include "listing/operationspage.h"
#include "listing/runspage.h"
#include "pgserver.h"
#include "shell/mainwindow.h"
#include "store/auditlog.h"
#include "summary/summarypage.h"
#include "widgetlookup.h"

#include <QApplication>
#include <QClipboard>
#include <QDirIterator>
#include <QJsonDocument>
#include <QLabel>
#include <QLoggingCategory>
#include <QMutex>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using namespace dpm;
using namespace dpm::test;

namespace {

const QString kMarker = QStringLiteral("Mk7-console-pw-MARKER");

// Every message logged while the test runs, whatever its category or level.
QMutex g_logMutex;
QStringList g_log;
void collectLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    const QMutexLocker lock(&g_logMutex);
    g_log << message;
}

QString fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestConsoleSecrets : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_settingsDir;
    StoreLocation m_database = StoreLocation::memory();
    QString m_databaseName;
    QStringList m_leaks;

    // Exports of one data row land here; each row starts with an empty folder.
    QString exportPath(const QString &name) const { return m_dir.filePath(QStringLiteral("exports/") + name); }

    // Records where the marker shows, with a little text around it, once per place.
    void checkText(const QString &where, const QString &text)
    {
        const qsizetype at = text.indexOf(kMarker);
        if (at < 0)
            return;
        const QString leak = where + QStringLiteral(": …")
            + text.mid(std::max<qsizetype>(0, at - 60), 60 + kMarker.size()) + QStringLiteral("…");
        if (!m_leaks.contains(leak))
            m_leaks << leak;
    }

    // Everything a person sees of the window now.
    void checkWindow(const QString &step, MainWindow &window)
    {
        checkText(step + QStringLiteral(" / window title"), window.windowTitle());
        checkText(step + QStringLiteral(" / status bar"), window.statusText());
        checkText(step + QStringLiteral(" / status message"), window.statusBar()->currentMessage());
        for (const QWidget *widget : window.findChildren<QWidget *>()) {
            if (const auto *label = qobject_cast<const QLabel *>(widget))
                checkText(step + QStringLiteral(" / label"), label->text());
            checkText(step + QStringLiteral(" / tooltip"), widget->toolTip());
            checkText(step + QStringLiteral(" / accessible text"),
                widget->accessibleName() + QLatin1Char(' ') + widget->accessibleDescription());
        }
    }

    // Exports a listing as CSV and JSON and copies its first rows as TSV and JSON.
    void exportListing(const QString &name, MainWindow &window, ListingView *listing)
    {
        QTRY_VERIFY_WITH_TIMEOUT(listing->model()->rowCount() > 0, 30000);
        QSignalSpy finished(listing, &ListingView::exportFinished);
        QSignalSpy failed(listing, &ListingView::exportFailed);
        for (const auto &[suffix, format] : { std::pair { QStringLiteral("csv"), ExportFormat::Csv },
                 std::pair { QStringLiteral("json"), ExportFormat::Json } }) {
            const QString path = exportPath(name + QLatin1Char('.') + suffix);
            const qsizetype before = finished.size();
            listing->exportTo(path, format);
            QTRY_VERIFY_WITH_TIMEOUT(finished.size() > before || !failed.isEmpty(), 60000);
            QVERIFY2(failed.isEmpty(), qPrintable(name + QStringLiteral(": the export failed")));
            QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
        }
        listing->table()->selectAll();
        listing->copySelectionAsTsv();
        checkText(name + QStringLiteral(" / copied TSV"), QApplication::clipboard()->text());
        QVERIFY(!QApplication::clipboard()->text().isEmpty());
        listing->copySelectionAsJson();
        checkText(name + QStringLiteral(" / copied JSON"), QApplication::clipboard()->text());
        checkWindow(name, window);
    }

private Q_SLOTS:
    void initTestCase()
    {
        DPM_REQUIRE_POSTGRES();
        QVERIFY(m_dir.isValid());
        // Whatever QSettings the console writes (its own through ConsoleSettings, Qt's) lands in
        // the test's folder, where it is read back.
        m_settingsDir = m_dir.filePath(QStringLiteral("settings"));
        for (const QSettings::Format format : { QSettings::NativeFormat, QSettings::IniFormat })
            QSettings::setPath(format, QSettings::UserScope, m_settingsDir);
        setApplicationIdentity();
        ConsoleSettings::instance().closeFileForTesting();

        m_database = PgServer::instance().createDatabase(QStringLiteral("console_secrets"));
        m_databaseName = m_database.libpqParameter(QStringLiteral("dbname"));
        StoreSession session(m_database);
        await(session.open(OpenOptions { .applyMigrations = true }));
        DemoOptions options;
        options.runCount = 300;
        await(session.run([options](SupportStore &store) { return generateDemoData(store, options); }), 180000);

        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        qInstallMessageHandler(collectLog);
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(nullptr);
        QThreadPool::globalInstance()->waitForDone();
    }

    void everyExport_neverShowsThePassword_data()
    {
        QTest::addColumn<QString>("store");
        const int port = PgServer::instance().port();
        QTest::newRow("URL")
            << QStringLiteral("postgresql://postgres:%1@127.0.0.1:%2/%3").arg(kMarker).arg(port).arg(m_databaseName);
        QTest::newRow("key/value") << QStringLiteral("host=127.0.0.1 port=%2 user=postgres password=%1 dbname=%3")
                                          .arg(kMarker)
                                          .arg(port)
                                          .arg(m_databaseName);
    }

    void everyExport_neverShowsThePassword()
    {
        QFETCH(QString, store);
        m_leaks.clear();
        {
            const QMutexLocker lock(&g_logMutex);
            g_log.clear();
        }
        QDir(exportPath({})).removeRecursively();
        QVERIFY(QDir().mkpath(exportPath({})));
        const StoreLocation location = StoreLocation::parse(store);
        QCOMPARE(location.libpqParameter(QStringLiteral("password")), kMarker); // the marker reaches libpq

        {
            MainWindow window;
            QSignalSpy opened(&window, &MainWindow::storeOpened);
            window.resize(1200, 800);
            window.show();
            window.openStore(location, false, false);
            QVERIFY(opened.wait(60000));
            checkWindow(QStringLiteral("opened"), window);

            // Listings: runs, operations, decisions.
            exportListing(QStringLiteral("runs"), window, window.runsPage()->listing());
            if (QTest::currentTestFailed())
                return;
            window.showPage(QStringLiteral("operations"));
            exportListing(QStringLiteral("operations"), window, window.operationsPage()->listing());
            if (QTest::currentTestFailed())
                return;
            window.showPage(QStringLiteral("decisions"));
            exportListing(QStringLiteral("decisions"), window, window.decisionsPage()->listing());
            if (QTest::currentTestFailed())
                return;

            // A run's bundle, its link, and its lineage graph.
            const QString runId = window.runsPage()->listing()->model()->row(0).id;
            QSignalSpy bundleLoaded(window.runPane(), &RunBundlePane::bundleLoaded);
            window.openRun(runId);
            QVERIFY(bundleLoaded.wait(30000));
            QVERIFY(window.runPane()->exportBundleTo(exportPath(QStringLiteral("bundle.json"))));
            window.copyLink();
            checkText(QStringLiteral("copied link"), QApplication::clipboard()->text());
            checkWindow(QStringLiteral("bundle"), window);
            QSignalSpy graphChanged(window.lineagePage()->graph(), &LineageGraphWidget::graphChanged);
            window.openLineage(runId);
            QVERIFY(graphChanged.wait(60000));
            QVERIFY(window.lineagePage()->graph()->exportSvg(exportPath(QStringLiteral("lineage.svg"))));
            QVERIFY(window.lineagePage()->graph()->exportPng(exportPath(QStringLiteral("lineage.png"))));
            checkWindow(QStringLiteral("lineage"), window);

            // The summary.
            QSignalSpy summaryLoaded(window.summaryPage(), &SummaryPage::loaded);
            window.showPage(QStringLiteral("summary"));
            QVERIFY(summaryLoaded.wait(60000));
            window.summaryPage()->exportJson(exportPath(QStringLiteral("summary.json")));
            window.summaryPage()->exportPng(exportPath(QStringLiteral("summary.png")));
            checkWindow(QStringLiteral("summary"), window);

            // The cutover check (audited) with the service's variable holding the same store,
            // its two exports, and the audit log's listing.
            window.showPage(QStringLiteral("admin"));
            AdminPage *admin = window.adminPage();
            QProcessEnvironment environment;
            environment.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("POSTGRES"));
            environment.insert(QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN"), store);
            environment.insert(QStringLiteral("APP_PERSISTENCE_PROFILE"), QStringLiteral("PRODUCTION"));
            admin->setEnvironment(environment);
            admin->tabs()->setCurrentWidget(admin->cutoverTab());
            CutoverTab *cutover = admin->cutoverTab();
            QTest::mouseClick(byName<QPushButton>(admin, QStringLiteral("Run cutover check")), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(cutover->report().has_value(), 60000);
            checkText(QStringLiteral("cutover result"), cutover->resultText());
            QVERIFY(cutover->exportJsonTo(exportPath(QStringLiteral("cutover.json"))));
            QVERIFY(cutover->exportMarkdownTo(exportPath(QStringLiteral("cutover.md"))));
            admin->tabs()->setCurrentWidget(admin->auditLogTab());
            admin->auditLogTab()->reload();
            exportListing(QStringLiteral("audit log"), window, admin->auditLogTab()->listing());
            if (QTest::currentTestFailed())
                return;

            const QList<AuditEntry> audit = await(window.session()->run([](SupportStore &store) {
                return store.auditLog().list(PageRequest { 1000, {} }).items;
            }));
            QVERIFY2(!audit.isEmpty(), "the cutover check recorded nothing");
            for (const AuditEntry &entry : audit)
                checkText(QStringLiteral("audit table"), QString::fromUtf8(QJsonDocument(entry.toJson()).toJson()));
            window.close();
        }
        QThreadPool::globalInstance()->waitForDone();

        // Every exported file, readable as text (the PNGs too: a marker would be plain bytes).
        int files = 0;
        for (QDirIterator it(exportPath({}), QDir::Files); it.hasNext(); ++files) {
            const QString path = it.next();
            checkText(QStringLiteral("exported ") + QFileInfo(path).fileName(), fileText(path));
        }
        QCOMPARE(files, 15);

        // The settings, written out now; the console kept the store without its password.
        ConsoleSettings::instance().closeFileForTesting();
        QString settings;
        for (QDirIterator it(m_settingsDir, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
            const QString path = it.next();
            settings += fileText(path);
            checkText(QStringLiteral("settings ") + path, fileText(path));
        }
        QVERIFY2(settings.contains(m_databaseName), qPrintable(settings)); // the recent store was written

        {
            const QMutexLocker lock(&g_logMutex);
            QVERIFY(!g_log.isEmpty());
            for (const QString &line : std::as_const(g_log))
                checkText(QStringLiteral("log"), line);
        }
        // Every leak on stderr (a test message is cut short), the count in the failure.
        for (const QString &leak : std::as_const(m_leaks))
            std::fprintf(stderr, "leak: %s\n", qPrintable(leak));
        QVERIFY2(m_leaks.isEmpty(), qPrintable(QStringLiteral("the password shows in %1 places").arg(m_leaks.size())));
    }
};

QTEST_MAIN(TestConsoleSecrets)
#include "tst_consolesecrets.moc"
