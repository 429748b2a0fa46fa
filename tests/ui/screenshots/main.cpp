// dpm-screenshots: opens the console on a store and saves a PNG of every page, pane, tab and
// dialog, in the light palette and again in a dark one, for a person to look at (not a test).
//   xvfb-run -a build/dev/bin/dpm-screenshots --store sqlite:/path/m.db --out /tmp/shots
#include "admin/adminpage.h"
#include "admin/auditlogtab.h"
#include "connect/connectdialog.h"
#include "common/consolesettings.h"
#include "common/consoletranslations.h"
#include "admin/cutovertab.h"
#include "listing/decisionspage.h"
#include "demo/demogenerator.h"
#include "domain/appidentity.h"
#include "store/proposalstore.h"
#include "registerremotestore.h"
#include "lineage/lineagegraphview.h"
#include "lineage/lineagegraphwidget.h"
#include "lineage/lineagepage.h"
#include "listing/listingview.h"
#include "shell/mainwindow.h"
#include "shell/storehealthdialog.h"
#include "admin/migrationstab.h"
#include "admin/migrationstatusmodel.h"
#include "shell/omnisearch.h"
#include "listing/operationdetailpane.h"
#include "listing/operationspage.h"
#include "admin/purgereportmodel.h"
#include "admin/retentiontab.h"
#include "admin/transfertab.h"
#include "../modalanswer.h"
#include "bundle/runbundlepane.h"
#include "listing/runspage.h"
#include "outbox/failuregroupsmodel.h"
#include "outbox/outboxdeliverypane.h"
#include "outbox/outboxpage.h"
#include "bundle/bundleeventstab.h"
#include "shell/preferencesdialog.h"
#include "shell/shortcutsdialog.h"
#include "session/storesession.h"
#include "shell/storestatuspanel.h"
#include "summary/summarypage.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDateTimeEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QCheckBox>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

using namespace dpm;

namespace {

bool waitFor(const std::function<bool()> &done, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QCoreApplication::processEvents();
    return done();
}

void save(QWidget *widget, const QString &dir, const QString &name)
{
    QCoreApplication::processEvents();
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    if (!widget->grab().save(path))
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
    else
        std::fprintf(stdout, "%s\n", qPrintable(path));
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(37, 37, 38));
    p.setColor(QPalette::WindowText, QColor(220, 220, 220));
    p.setColor(QPalette::Base, QColor(30, 30, 30));
    p.setColor(QPalette::AlternateBase, QColor(45, 45, 48));
    p.setColor(QPalette::Text, QColor(220, 220, 220));
    p.setColor(QPalette::Button, QColor(50, 50, 52));
    p.setColor(QPalette::ButtonText, QColor(220, 220, 220));
    // Breeze Dark's selection blue: styles draw focus frames in the highlight colour.
    p.setColor(QPalette::Highlight, QColor(61, 174, 233));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(50, 50, 52));
    p.setColor(QPalette::ToolTipText, QColor(220, 220, 220));
    p.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
    p.setColor(QPalette::Link, QColor(100, 160, 230));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
    return p;
}

// The summary dashboard on its own (the window does not show it yet): what is on screen, and the
// whole dashboard as its PNG export writes it.
void shootSummary(const StoreLocation &location, const QString &dir, const QString &suffix)
{
    StoreSession session(location);
    session.open().waitForFinished();
    SummaryPage page;
    page.resize(1440, 900);
    page.show();
    QSignalSpy loaded(&page, &SummaryPage::loaded);
    page.setSession(&session);
    if (loaded.isEmpty())
        save(&page, dir, QStringLiteral("summary-loading") + suffix);
    if (loaded.isEmpty() && !loaded.wait(60000)) {
        std::fprintf(stderr, "the summary did not load\n");
        return;
    }
    save(&page, dir, QStringLiteral("summary") + suffix);
    page.exportPng(dir + QStringLiteral("/summary-full") + suffix + QStringLiteral(".png"));
}

// The Outbox page with a FAILED delivery and the largest failure group selected, then the Events
// tab of that delivery's run.
void shootOutbox(MainWindow &window, const QString &dir, const QString &suffix)
{
    window.showPage(QStringLiteral("outbox"));
    OutboxPage *page = window.outboxPage();
    ListingView *listing = page->listing();
    waitFor([&] { return listing->model()->rowCount() > 0 && !page->isRefreshing(); });
    QString runId;
    for (int row = 0; row < listing->model()->rowCount(); ++row) {
        if (listing->model()->row(row).status == QLatin1String("FAILED")) {
            listing->table()->selectRow(row);
            runId = listing->model()->row(row).runId;
            break;
        }
    }
    if (page->groupsModel()->rowCount() > 0)
        page->groupsView()->selectRow(0);
    waitFor([&] { return !page->detail()->outboxId().isEmpty() && !page->isRefreshing(); });
    save(&window, dir, QStringLiteral("outbox") + suffix);
    if (runId.isEmpty())
        return;
    window.openRun(runId);
    RunBundlePane *pane = window.runPane();
    waitFor([&] { return pane->currentRunId() == runId && pane->state() == RunBundlePane::State::Loaded; });
    pane->tabs()->setCurrentIndex(RunBundlePane::EventsTab);
    // The event whose delivery failed, so its deliveries table shows the error.
    QTableView *events = pane->eventsTab()->eventsView();
    for (int row = 0; row < events->model()->rowCount(); ++row) {
        if (events->model()->index(row, 4).data().toString().contains(QLatin1String("FAILED")))
            events->setCurrentIndex(events->model()->index(row, 0));
    }
    save(&window, dir, QStringLiteral("run-events") + suffix);
}

void shootWindow(MainWindow &window, const QString &dir, const QString &suffix)
{
    window.showPage(QStringLiteral("runs"));
    ListingView *runs = window.runsPage()->listing();
    waitFor([&] { return runs->model()->rowCount() > 0 && !runs->model()->isLoading(); });
    save(&window, dir, QStringLiteral("runs") + suffix);
    // The focus frame on a button, a text field and the table's current cell (each reached by
    // Tab), to check that focus shows in this palette.
    QApplication::setActiveWindow(&window);
    const auto shootFocus = [&](QWidget *widget, const QString &name) {
        window.setAttribute(Qt::WA_KeyboardFocusChange); // what a Tab press sets: styles draw focus frames then
        widget->setFocus(Qt::TabFocusReason);
        save(&window, dir, QStringLiteral("focus-") + name + suffix);
    };
    for (QPushButton *button : window.runsPage()->findChildren<QPushButton *>()) {
        if (button->isVisible() && button->isEnabled()) {
            shootFocus(button, QStringLiteral("button"));
            break;
        }
    }
    for (QLineEdit *field : window.runsPage()->findChildren<QLineEdit *>()) {
        if (field->isVisible() && field->isEnabled()) {
            shootFocus(field, QStringLiteral("field"));
            break;
        }
    }
    runs->table()->setCurrentIndex(runs->table()->model()->index(2, 1));
    shootFocus(runs->table(), QStringLiteral("table"));

    window.showPage(QStringLiteral("decisions"));
    ListingView *decisions = window.decisionsPage()->listing();
    waitFor([&] { return decisions->model()->rowCount() > 0 && !decisions->model()->isLoading(); });
    save(&window, dir, QStringLiteral("decisions") + suffix);

    window.showPage(QStringLiteral("operations"));
    ListingView *operations = window.operationsPage()->listing();
    waitFor([&] { return operations->model()->rowCount() > 0 && !operations->model()->isLoading(); });
    for (int row = 0; row < operations->model()->rowCount(); ++row) {
        if (operations->model()->row(row).status == QLatin1String("FAILED")) {
            operations->table()->selectRow(row);
            break;
        }
    }
    waitFor([&] { return !window.operationsPage()->detail()->operationId().isEmpty(); });
    save(&window, dir, QStringLiteral("operations") + suffix);

    // A run with an idempotency key, so the history tab has rows.
    window.showPage(QStringLiteral("runs"));
    QString runId = runs->model()->row(0).runId;
    for (int row = 0; row < runs->model()->rowCount(); ++row) {
        if (!runs->model()->row(row).values.at(5).isEmpty()) {
            runId = runs->model()->row(row).runId;
            break;
        }
    }
    window.openRun(runId);
    RunBundlePane *pane = window.runPane();
    waitFor([&] { return pane->currentRunId() == runId && pane->findChild<QTabWidget *>()->isVisible(); });
    QTabWidget *tabs = pane->findChild<QTabWidget *>();
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        save(&window, dir, QStringLiteral("run-tab%1").arg(tab) + suffix);
    }
    window.showPage(QStringLiteral("summary"));
    waitFor([&] { return window.summaryPage()->snapshot().has_value() && !window.summaryPage()->isLoading(); });
    save(&window, dir, QStringLiteral("summary-in-window") + suffix);
    shootOutbox(window, dir, suffix);
}

// The lineage page on the demo run with the most edges among the newest ones, and the bundle
// pane's Graph tab on the same run.
void shootLineage(const StoreLocation &location, const QString &dir, const QString &suffix)
{
    StoreSession session(location);
    QFuture<StoreInfo> opening = session.open();
    opening.waitForFinished();
    QFuture<QString> richest = session.run([](SupportStore &store) {
        QString best;
        qsizetype most = -1;
        for (const RunListItem &run : store.listRuns({}, PageRequest { 300, {} }).items) {
            const qsizetype edges = store.listLineageEdges(run.rebalanceRunId).size();
            if (edges > most) {
                most = edges;
                best = run.rebalanceRunId;
            }
        }
        return best;
    });
    richest.waitForFinished();
    const QString runId = richest.result();

    LineagePage page;
    page.setSession(&session);
    page.resize(1400, 860);
    page.show();
    QSignalSpy changed(page.graph(), &LineageGraphWidget::graphChanged);
    page.graph()->setDepths(3, 3);
    page.showEntity(runId);
    waitFor([&] { return changed.count() > 0; });
    page.graph()->selectNode(runId);
    waitFor([&] { return !page.graph()->isLoading(); }, 3000);
    QElapsedTimer settle;
    settle.start();
    waitFor([&] { return settle.elapsed() > 500; }, 1000); // the side panel's read
    save(&page, dir, QStringLiteral("lineage-page") + suffix);
    page.graph()->view()->fitGraph();
    save(&page, dir, QStringLiteral("lineage-page-fit") + suffix);

    // A proposal's graph: its node, its versions in the side panel, its correlations.
    QFuture<QString> proposal = session.run([](SupportStore &store) {
        const QList<ProposalRecord> items = store.proposals().listProposals({}, PageRequest { 1, {} }).items;
        return items.isEmpty() ? QString() : items.first().proposalId;
    });
    proposal.waitForFinished();
    if (!proposal.result().isEmpty()) {
        changed.clear();
        page.showEntity(proposal.result());
        waitFor([&] { return changed.count() > 0; });
        page.graph()->selectNode(proposal.result());
        waitFor([&] { return !page.graph()->isLoading(); }, 3000);
        settle.restart();
        waitFor([&] { return settle.elapsed() > 500; }, 1000);
        save(&page, dir, QStringLiteral("lineage-proposal") + suffix);
    }

    RunBundlePane pane;
    pane.setSession(&session);
    pane.resize(1200, 800);
    pane.show();
    pane.showRun(runId);
    waitFor([&] { return pane.state() != RunBundlePane::State::Loading; });
    QSignalSpy paneChanged(pane.graphWidget(), &LineageGraphWidget::graphChanged);
    pane.tabs()->setCurrentWidget(pane.graphWidget());
    waitFor([&] { return paneChanged.count() > 0; });
    save(&pane, dir, QStringLiteral("bundle-graph") + suffix);
}

// The admin page's four tabs on its own session of the store (run on a copy: the cutover check
// writes an audit entry).
void shootAdmin(const StoreLocation &location, const QString &dir, const QString &suffix)
{
    StoreSession session(location);
    auto opened = session.open();
    waitFor([&] { return opened.isFinished(); });
    AdminPage page;
    page.resize(1280, 760);
    page.show();
    QProcessEnvironment env;
    env.insert(QStringLiteral("DPM_SUPPORTABILITY_RETENTION_DAYS"), QStringLiteral("30"));
    page.setEnvironment(env);
    page.setSession(&session);
    waitFor([&] { return page.migrationsTab()->statusModel()->rowCount() > 0; });
    save(&page, dir, QStringLiteral("admin-migrations") + suffix);

    page.tabs()->setCurrentWidget(page.cutoverTab());
    page.cutoverTab()->run();
    waitFor([&] { return page.cutoverTab()->report().has_value(); });
    save(&page, dir, QStringLiteral("admin-cutover") + suffix);

    page.tabs()->setCurrentWidget(page.retentionTab());
    page.retentionTab()->nowField()->setDateTime(QDateTime::fromString(demoDefaultAnchor(), Qt::ISODate).toUTC());
    page.retentionTab()->dryRun();
    waitFor([&] { return page.retentionTab()->reportModel()->rowCount() > 0; });
    save(&page, dir, QStringLiteral("admin-retention") + suffix);

    page.tabs()->setCurrentWidget(page.auditLogTab());
    page.auditLogTab()->reload();
    waitFor([&] { return page.auditLogTab()->model()->rowCount() > 0 && !page.auditLogTab()->model()->isLoading(); });
    save(&page, dir, QStringLiteral("admin-audit") + suffix);
}

// The admin page's Transfer tab copying the store into `target` (a migrated PostgreSQL database):
// part way, at the end, and the parity check after it. A second call resumes into the same
// target, so the dark shots show the rows kept.
void shootTransfer(const StoreLocation &source, const StoreLocation &target, const QString &dir, const QString &suffix)
{
    StoreSession session(source);
    auto opened = session.open();
    waitFor([&] { return opened.isFinished(); });
    AdminPage page;
    page.resize(1280, 760);
    page.show();
    page.setSession(&session);
    page.tabs()->setCurrentWidget(page.transferTab());
    TransferTab *tab = page.transferTab();
    tab->targetField()->setText(target.withoutSecrets());
    tab->resumeBox()->setChecked(!suffix.isEmpty());
    dpm::test::answerNextConfirmation(QMessageBox::Yes);
    page.unlock();
    QSemaphore reached;
    QSemaphore proceed;
    bool paused = false;
    tab->setProgressHook([&](qint64 done, qint64 total) {
        if (!paused && total > 0 && done * 3 > total) {
            paused = true;
            reached.release();
            proceed.acquire();
        }
    });
    dpm::test::answerNextConfirmation(QMessageBox::Yes);
    tab->backfill();
    waitFor([&] { return reached.available() > 0 || !tab->isBusy(); });
    if (reached.tryAcquire()) {
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 300)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        save(&page, dir, QStringLiteral("admin-transfer-progress") + suffix);
        proceed.release();
    }
    waitFor([&] { return !tab->isBusy(); });
    save(&page, dir, QStringLiteral("admin-transfer") + suffix);
    tab->verify();
    waitFor([&] { return !tab->isBusy(); });
    save(&page, dir, QStringLiteral("admin-transfer-verify") + suffix);
    tab->setProgressHook({});
}

// A window on a database without the DPM tables: it opens on the admin page, which says what
// to do.
void shootUninitialised(const StoreLocation &location, const QString &dir, const QString &suffix)
{
    MainWindow window;
    window.resize(1440, 900);
    window.show();
    QSignalSpy opened(&window, &MainWindow::storeOpened);
    window.openStore(location, false, false);
    if (!opened.wait(60000)) {
        std::fprintf(stderr, "the empty store did not open\n");
        return;
    }
    waitFor([&] { return window.adminPage()->migrationsTab()->statusModel()->rowCount() > 0; });
    save(&window, dir, QStringLiteral("admin-uninitialised") + suffix);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    setApplicationIdentity();
    registerRemoteStore(); // --store http(s)://…: the console in remote mode
    QCommandLineParser parser;
    const QCommandLineOption storeOption(QStringLiteral("store"), QStringLiteral("store"), QStringLiteral("location"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("folder"), QStringLiteral("dir"));
    const QCommandLineOption emptyOption(QStringLiteral("empty-store"),
        QStringLiteral("a database without the DPM tables, for the admin page's first state"), QStringLiteral("location"));
    const QCommandLineOption transferOption(QStringLiteral("transfer-target"),
        QStringLiteral("a migrated, empty PostgreSQL database the Transfer tab copies the store into"),
        QStringLiteral("location"));
    const QCommandLineOption languageOption(QStringLiteral("language"),
        QStringLiteral("the console's language: en or de (default: the system's, LANG)"), QStringLiteral("code"));
    parser.addOptions({ storeOption, outOption, emptyOption, transferOption, languageOption });
    parser.process(app);
    installConsoleTranslations(&app, parser.value(languageOption));
    const QString dir = parser.value(outOption);
    QDir().mkpath(dir);
    QTemporaryDir settings;
    ConsoleSettings::instance().setFileForTesting(settings.filePath(QStringLiteral("s.ini")));

    MainWindow window;
    window.resize(1440, 900);
    window.show();
    QSignalSpy opened(&window, &MainWindow::storeOpened);
    window.openStore(StoreLocation::parse(parser.value(storeOption)), false, false);
    if (!opened.wait(120000)) {
        std::fprintf(stderr, "the store did not open\n");
        return 1;
    }
    shootWindow(window, dir, QString());
    shootLineage(StoreLocation::parse(parser.value(storeOption)), dir, QString());
    shootSummary(StoreLocation::parse(parser.value(storeOption)), dir, QString());
    shootAdmin(StoreLocation::parse(parser.value(storeOption)), dir, QString());
    if (parser.isSet(emptyOption))
        shootUninitialised(StoreLocation::parse(parser.value(emptyOption)), dir, QString());
    if (parser.isSet(transferOption))
        shootTransfer(StoreLocation::parse(parser.value(storeOption)),
            StoreLocation::parse(parser.value(transferOption)), dir, QString());

    ConnectDialog connect(&window);
    connect.setLocation(
        StoreLocation::parse(QStringLiteral("postgresql://support@db.internal:5432/dpm?sslmode=require")));
    connect.show();
    save(&connect, dir, QStringLiteral("connect-dialog"));
    connect.hide();
    ShortcutsDialog shortcuts(window.shortcutActions(), &window);
    shortcuts.resize(640, 560);
    shortcuts.show();
    save(&shortcuts, dir, QStringLiteral("shortcuts-dialog"));
    shortcuts.hide();
    window.showStoreHealth();
    StoreHealthDialog *health = window.storeHealthDialog();
    waitFor([&] { return !health->status().writeTarget.isEmpty(); });
    save(health, dir, QStringLiteral("store-health-dialog"));
    health->close();
    PreferencesDialog preferences(&window);
    preferences.show();
    save(&preferences, dir, QStringLiteral("preferences-dialog"));
    preferences.hide();

    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(darkPalette());
    shootWindow(window, dir, QStringLiteral("-dark"));
    shootLineage(StoreLocation::parse(parser.value(storeOption)), dir, QStringLiteral("-dark"));
    shootSummary(StoreLocation::parse(parser.value(storeOption)), dir, QStringLiteral("-dark"));
    shootAdmin(StoreLocation::parse(parser.value(storeOption)), dir, QStringLiteral("-dark"));
    if (parser.isSet(emptyOption))
        shootUninitialised(StoreLocation::parse(parser.value(emptyOption)), dir, QStringLiteral("-dark"));
    if (parser.isSet(transferOption))
        shootTransfer(StoreLocation::parse(parser.value(storeOption)),
            StoreLocation::parse(parser.value(transferOption)), dir, QStringLiteral("-dark"));

    MainWindow failing;
    failing.resize(1100, 700);
    failing.show();
    QSignalSpy failed(&failing, &MainWindow::storeFailed);
    failing.openStore(StoreLocation::parse(QStringLiteral("postgresql://dpm:secret@127.0.0.1:1/dpm")), false, false);
    failed.wait(30000);
    save(&failing, dir, QStringLiteral("open-failed-dark"));
    return 0;
}
