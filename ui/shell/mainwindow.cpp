#include "shell/mainwindow.h"

#include "admin/adminpage.h"
#include "bundle/runbundlepane.h"
#include "common/consolesettings.h"
#include "common/icons.h"
#include "listing/decisionspage.h"
#include "common/entitylink.h"
#include "lineage/lineagepage.h"
#include "session/requesttracker.h"
#include "shell/aboutdialog.h"
#include "shell/omnisearch.h"
#include "shell/preferencesdialog.h"
#include "listing/operationdetailpane.h"
#include "listing/operationspage.h"
#include "listing/runspage.h"
#include "proposals/proposalpane.h"
#include "proposals/proposalspage.h"
#include "outbox/outboxpage.h"
#include "shell/shortcutsdialog.h"
#include "shell/storehealthdialog.h"
#include "shell/storestatuspanel.h"
#include "summary/summarypage.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QToolTip>

namespace dpm {

namespace {

// The navigation list's entries, in order; the page names are the places' names.
struct NavigationEntry
{
    const char *page;
    const char *title;
};
constexpr NavigationEntry kNavigation[] = {
    { "runs", QT_TRANSLATE_NOOP("dpm::MainWindow", "Runs") },
    { "decisions", QT_TRANSLATE_NOOP("dpm::MainWindow", "Decisions") },
    { "operations", QT_TRANSLATE_NOOP("dpm::MainWindow", "Operations") },
    { "proposals", QT_TRANSLATE_NOOP("dpm::MainWindow", "Proposals") },
    { "outbox", QT_TRANSLATE_NOOP("dpm::MainWindow", "Outbox") },
    { "lineage", QT_TRANSLATE_NOOP("dpm::MainWindow", "Lineage") },
    { "summary", QT_TRANSLATE_NOOP("dpm::MainWindow", "Summary") },
    { "admin", QT_TRANSLATE_NOOP("dpm::MainWindow", "Admin") },
};

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_navigation(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_statusPanel(new StoreStatusPanel(this))
    , m_runs(new RunsPage(this))
    , m_decisions(new DecisionsPage(this))
    , m_operations(new OperationsPage(this))
    , m_outbox(new OutboxPage(this))
    , m_runPane(new RunBundlePane(this))
    , m_proposals(new ProposalsPage(this))
    , m_proposalPane(new ProposalPane(this))
    , m_lineage(new LineagePage(this))
    , m_summary(new SummaryPage(this))
    , m_admin(new AdminPage(this))
    , m_search(new OmniSearch(this))
    , m_opening(new RequestTracker(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    buildPages();
    buildActions();
    buildStatusBar();

    if (const QByteArray geometry = ConsoleSettings::instance().windowGeometry(); !geometry.isEmpty())
        restoreGeometry(geometry);
    else
        resize(1280, 800);
    if (const QByteArray state = ConsoleSettings::instance().windowState(); !state.isEmpty())
        restoreState(state);
    updateTitle();
    updateHistoryActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildPages()
{
    for (const NavigationEntry &entry : kNavigation) {
        auto *item = new QListWidgetItem(tr(entry.title), m_navigation);
        item->setData(Qt::UserRole, QString::fromLatin1(entry.page));
        item->setIcon(glyphIcon(QString::fromLatin1(entry.page)));
    }
    const int iconSide = m_navigation->fontMetrics().height() * 5 / 4;
    m_navigation->setIconSize(QSize(iconSide, iconSide));
    m_navigation->setSpacing(2);
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setEnabled(false);
    connect(m_navigation, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && m_session && m_session->isOpen())
            navigate({ item->data(Qt::UserRole).toString(), {} }, true);
    });

    m_stack->addWidget(m_statusPanel);
    m_stack->addWidget(m_runs);
    m_stack->addWidget(m_decisions);
    m_stack->addWidget(m_operations);
    m_stack->addWidget(m_proposals);
    m_stack->addWidget(m_outbox);
    m_stack->addWidget(m_lineage);
    m_stack->addWidget(m_summary);
    m_stack->addWidget(m_admin);
    m_stack->addWidget(m_runPane);
    m_stack->addWidget(m_proposalPane);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(1, false);
    // Wide enough for the longest page name in the language shown (German ones are long).
    int widestTitle = m_navigation->fontMetrics().averageCharWidth() * 16;
    for (int i = 0; i < m_navigation->count(); ++i)
        widestTitle = qMax(widestTitle, m_navigation->fontMetrics().horizontalAdvance(m_navigation->item(i)->text()));
    const int navigationWidth = widestTitle + m_navigation->iconSize().width() + 24;
    // A page with many filters would otherwise squeeze it below its names.
    m_navigation->setMinimumWidth(navigationWidth);
    splitter->setSizes({ navigationWidth, 1280 - navigationWidth });
    if (const QByteArray state = ConsoleSettings::instance().layoutState(splitter->objectName()); !state.isEmpty())
        splitter->restoreState(state);
    connect(splitter, &QSplitter::splitterMoved, this,
        [splitter] { ConsoleSettings::instance().setLayoutState(splitter->objectName(), splitter->saveState()); });
    setCentralWidget(splitter);

    connect(m_runs, &RunsPage::openRunRequested, this, &MainWindow::openRun);
    connect(m_decisions, &DecisionsPage::openRunRequested, this, &MainWindow::openRun);
    connect(m_operations, &OperationsPage::openRunRequested, this, &MainWindow::openRun);
    connect(m_outbox, &OutboxPage::openRunRequested, this, &MainWindow::openRun);
    // One admin lock for the whole console: the Outbox page's repairs follow the Admin page's.
    connect(m_admin, &AdminPage::unlockedChanged, m_outbox, &OutboxPage::setUnlocked);
    connect(m_outbox, &OutboxPage::lockToggleRequested, this, [this] {
        if (!m_adminAttached) {
            m_adminAttached = true;
            m_admin->setSession(m_session.get());
        }
        m_admin->toggleLock();
    });
    connect(m_runPane, &RunBundlePane::openRunRequested, this, &MainWindow::openRun);
    connect(m_runPane, &RunBundlePane::openOperationRequested, this, &MainWindow::openOperation);
    connect(m_runPane, &RunBundlePane::lineageRequested, this, &MainWindow::openLineage);
    connect(m_runPane, &RunBundlePane::findRequested, this, [this](const QString &identifier) {
        m_search->setText(identifier);
        m_search->search(identifier);
    });
    connect(m_proposals, &ProposalsPage::openProposalRequested, this,
        [this](const QString &proposalId) { openProposal(proposalId); });
    connect(m_proposals, &ProposalsPage::proposalStorePasswordWanted, this, &MainWindow::askProposalStorePassword);
    connect(m_lineage, &LineagePage::openRunRequested, this, &MainWindow::openRun);
    connect(m_lineage, &LineagePage::openOperationRequested, this, &MainWindow::openOperation);
    connect(m_lineage, &LineagePage::openProposalRequested, this,
        [this](const QString &proposalId) { openProposal(proposalId); });
    connect(m_proposalPane, &ProposalPane::lineageRequested, this, &MainWindow::openLineage);
    connect(m_proposalPane, &ProposalPane::linkCopied, this,
        [this](const QString &link) { statusBar()->showMessage(tr("Copied %1").arg(link), 5000); });
    connect(m_search, &OmniSearch::proposalLinkOpened, this,
        [this](const QString &proposalId, std::optional<qint64> versionNo) {
            openProposal(proposalId, versionNo);
            Q_EMIT searchHandled(m_search->text().trimmed(), 1);
        });
    connect(m_summary, &SummaryPage::openRunsRequested, this, [this](const RunFilter &filter) {
        m_runs->setFilter(filter);
        showPage(QStringLiteral("runs"));
    });
    connect(m_summary, &SummaryPage::openOperationsRequested, this, [this](const OperationFilter &filter) {
        m_operations->setFilter(filter);
        showPage(QStringLiteral("operations"));
    });
    connect(m_summary, &SummaryPage::openProposalsRequested, this, [this](const ProposalFilter &filter) {
        m_proposals->setFilter(filter);
        showPage(QStringLiteral("proposals"));
    });
    connect(m_summary, &SummaryPage::openDecisionsRequested, this, [this](const DecisionFilter &filter) {
        m_decisions->setFilter(filter);
        showPage(QStringLiteral("decisions"));
    });
    // Migrations and purges change what every page shows (and a new console migration may give
    // the store faster reads): the store is reopened when the person leaves the admin page,
    // which then lands where they went.
    connect(m_admin, &AdminPage::storeChanged, this, [this] { m_reopenAfterAdmin = true; });
    connect(m_admin, &AdminPage::schemaCreated, this, [this] { enablePages(true); });
    connect(m_admin, &AdminPage::openStoreRequested, this,
        [this](const StoreLocation &location) { openStore(location, false, false); });
    connect(m_search, &OmniSearch::resolved, this, &MainWindow::searchResolved);
    connect(m_search, &OmniSearch::failed, this, &MainWindow::searchFailed);
    connect(m_statusPanel, &StoreStatusPanel::retryRequested, this, [this] { startOpening(m_location); });
    connect(m_statusPanel, &StoreStatusPanel::connectRequested, this, &MainWindow::connectToStore);
    connect(m_statusPanel, &StoreStatusPanel::cancelRequested, this, [this] {
        m_opening->cancel();
        m_statusPanel->showError(m_location.redacted(),
            Error(ErrorKind::Connection, QStringLiteral("STORE_OPEN_CANCELLED"),
                tr("Opening was cancelled; retry, or connect to another store.")));
    });
}

QAction *MainWindow::addShortcutAction(
    QMenu *menu, const QString &text, const QKeySequence &shortcut, const QString &category, std::function<void()> slot)
{
    QAction *action = menu->addAction(text);
    action->setShortcut(shortcut);
    action->setProperty("category", category);
    connect(action, &QAction::triggered, this, std::move(slot));
    m_shortcutActions << action;
    return action;
}

void MainWindow::buildActions()
{
    const QString fileCategory = tr("Store");
    const QString goCategory = tr("Navigation");
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = addShortcutAction(file, tr("&Connect to a store…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), fileCategory, [this] { connectToStore(); });
    connectAction->setIcon(glyphIcon(QStringLiteral("connect")));
    QMenu *recent = file->addMenu(tr("&Recent stores"));
    connect(recent, &QMenu::aboutToShow, this, [this, recent] {
        recent->clear();
        for (const QString &text : ConsoleSettings::instance().recentStores()) {
            recent->addAction(text, this, [this, text] {
                try {
                    openStore(StoreLocation::parse(text), false, false);
                } catch (const Error &error) {
                    QMessageBox::warning(
                        this, tr("Recent store"), error.code() + QStringLiteral("\n\n") + error.message());
                }
            });
        }
        if (recent->isEmpty())
            recent->addAction(tr("(none yet)"))->setEnabled(false);
    });
    addShortcutAction(file, tr("&Open bundle file…"), QKeySequence::Open, fileCategory, [this] { openBundleFile(); });
    addShortcutAction(file, tr("Store &health…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), fileCategory,
        [this] { showStoreHealth(); })
        ->setObjectName(QStringLiteral("storeHealthAction"));
    file->addSeparator();
    addShortcutAction(file, tr("&Quit"), QKeySequence::Quit, fileCategory, [this] { close(); });

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    addShortcutAction(edit, tr("&Preferences…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), tr("Settings"), [this] {
        PreferencesDialog dialog(this);
        dialog.exec();
    })->setObjectName(QStringLiteral("preferencesAction"));

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    m_back = addShortcutAction(go, tr("&Back"), QKeySequence(Qt::ALT | Qt::Key_Left), goCategory, [this] { goBack(); });
    m_forward = addShortcutAction(
        go, tr("&Forward"), QKeySequence(Qt::ALT | Qt::Key_Right), goCategory, [this] { goForward(); });
    go->addSeparator();
    addShortcutAction(
        go, tr("Fi&nd any identifier"), QKeySequence(Qt::CTRL | Qt::Key_K), goCategory, [this] { focusSearch(); })
        ->setIcon(glyphIcon(QStringLiteral("find")));
    addShortcutAction(go, tr("Copy &link to what is shown"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), goCategory,
        [this] { copyLink(); });
    addShortcutAction(
        go, tr("Focus the page's &filters"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), goCategory, [this] {
            if (m_stack->currentWidget() == m_runs)
                m_runs->focusFilters();
            else if (m_stack->currentWidget() == m_decisions)
                m_decisions->focusFilters();
            else if (m_stack->currentWidget() == m_operations)
                m_operations->focusFilters();
            else if (m_stack->currentWidget() == m_proposals)
                m_proposals->focusFilters();
            else if (m_stack->currentWidget() == m_outbox)
                m_outbox->focusFilters();
        });
    QAction *reload
        = addShortcutAction(go, tr("&Reload"), QKeySequence::Refresh, goCategory, [this] { reloadCurrentPage(); });
    reload->setIcon(glyphIcon(QStringLiteral("reload")));
    go->addSeparator();
    int number = 1;
    for (const NavigationEntry &entry : kNavigation) {
        const QString page = QString::fromLatin1(entry.page);
        addShortcutAction(go, tr(entry.title), QKeySequence(Qt::ALT | (Qt::Key_0 + number++)), goCategory,
            [this, page] { showPage(page); })
            ->setIcon(glyphIcon(page));
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    addShortcutAction(
        help, tr("&Keyboard shortcuts"), QKeySequence::HelpContents, tr("Help"), [this] { showShortcuts(); });
    QAction *about = help->addAction(tr("&About"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    about->setObjectName(QStringLiteral("aboutAction"));

    QToolBar *toolbar = addToolBar(tr("Navigation"));
    toolbar->setObjectName(QStringLiteral("navigationToolbar"));
    toolbar->setMovable(false);
    m_back->setIcon(glyphIcon(QStringLiteral("back")));
    m_forward->setIcon(glyphIcon(QStringLiteral("forward")));
    toolbar->addAction(m_back);
    toolbar->addAction(m_forward);
    toolbar->addAction(reload);
    toolbar->addAction(connectAction);
    toolbar->addSeparator();
    toolbar->addWidget(m_search);
    m_search->setMinimumWidth(m_search->fontMetrics().averageCharWidth() * 60);
    m_search->setEnabled(false);
}

void MainWindow::buildStatusBar()
{
    auto label = [this](const QString &accessibleName) {
        auto *l = new QLabel(this);
        l->setAccessibleName(accessibleName);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        statusBar()->addPermanentWidget(l);
        return l;
    };
    m_backendLabel = new QToolButton(this);
    m_backendLabel->setObjectName(QStringLiteral("backendButton"));
    m_backendLabel->setAccessibleName(tr("Backend"));
    m_backendLabel->setToolTip(tr("Store health (Ctrl+Shift+H)"));
    m_backendLabel->setAutoRaise(true);
    connect(m_backendLabel, &QToolButton::clicked, this, &MainWindow::showStoreHealth);
    statusBar()->addPermanentWidget(m_backendLabel);
    m_locationLabel = label(tr("Connection"));
    m_profileLabel = label(tr("Persistence profile"));
    m_schemaLabel = label(tr("Schema state"));
    m_lastQueryLabel = label(tr("Last query"));
    updateStatusBar();
}

void MainWindow::showStoreHealth()
{
    if (!m_healthDialog) {
        m_healthDialog = new StoreHealthDialog(this);
        m_healthDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_healthDialog->setSession(m_session.get());
    m_healthDialog->show();
    m_healthDialog->raise();
    m_healthDialog->activateWindow();
}

QString MainWindow::statusText() const
{
    return QStringList { m_backendLabel->text(), m_locationLabel->text(), m_profileLabel->text(), m_schemaLabel->text(),
        m_lastQueryLabel->text() }
        .join(QStringLiteral(" | "));
}

void MainWindow::updateStatusBar()
{
    const bool open = m_session && m_session->isOpen();
    QString backend = open ? m_info.backend : tr("not connected");
    if (open && m_info.dualWriteReadPercent) {
        backend = tr("%1 · dual-write to PostgreSQL, %2% of reads from it")
                      .arg(m_info.backend)
                      .arg(*m_info.dualWriteReadPercent);
    }
    m_backendLabel->setText(backend);
    // Where each domain comes from, when the proposals have a database of their own.
    const StoreLocation *proposals = m_location.proposalStore();
    m_locationLabel->setText(!m_session ? QString()
            : proposals ? tr("%1 · proposals from %2").arg(m_location.redacted(), proposals->redacted())
                        : m_location.redacted());
    m_profileLabel->setText(open ? tr("profile %1").arg(m_info.persistenceProfile) : QString());
    QString schema = open ? tr("schema %1").arg(m_info.schemaState) : QString();
    if (open && !m_info.readOnlyNotice.isEmpty())
        schema += QStringLiteral(" — ") + m_info.readOnlyNotice;
    if (open && !m_info.listingNotice.isEmpty())
        schema += QStringLiteral(" — ") + m_info.listingNotice;
    m_schemaLabel->setText(schema);
    const QDateTime last = m_session ? m_session->lastQueryFinished() : QDateTime();
    m_lastQueryLabel->setText(
        last.isValid() ? tr("last query %1").arg(last.toString(QStringLiteral("HH:mm:ss"))) : QString());
}

void MainWindow::updateTitle()
{
    // Only ever the redacted form: titles end up in screenshots and window lists.
    const QString store = m_session ? m_location.redacted() : tr("no store");
    setWindowTitle(tr("DPM Support Console — %1").arg(store));
}

void MainWindow::showPage(const QString &page)
{
    navigate({ page, {} }, true);
}

void MainWindow::openRun(const QString &runId)
{
    if (!runId.isEmpty())
        navigate({ QStringLiteral("run"), runId }, true);
}

void MainWindow::openOperation(const QString &operationId)
{
    if (!operationId.isEmpty())
        navigate({ QStringLiteral("operation"), operationId }, true);
}

void MainWindow::openProposal(const QString &proposalId, std::optional<qint64> versionNo)
{
    if (proposalId.isEmpty())
        return;
    // A version asked for is shown even when the proposal is already open.
    if (versionNo || m_proposalPane->currentProposalId() != proposalId)
        m_proposalPane->showProposal(proposalId, versionNo);
    navigate({ QStringLiteral("proposal"), proposalId }, true);
}

void MainWindow::openLineage(const QString &entityId)
{
    if (!entityId.isEmpty())
        navigate({ QStringLiteral("lineage"), entityId }, true);
}

void MainWindow::navigate(const Place &place, bool record)
{
    if (!m_session || !m_session->isOpen())
        return;
    // Without the DPM tables only the admin page works, until its migrations changed the store.
    if (!m_info.hasSchema && !m_reopenAfterAdmin && place.page != QLatin1String("admin"))
        return;
    if (record)
        m_history.visit(place);
    QWidget *target = nullptr;
    if (place.page == QLatin1String("run")) {
        if (m_runPane->currentRunId() != place.id)
            m_runPane->showRun(place.id);
        target = m_runPane;
    } else if (place.page == QLatin1String("proposal")) {
        if (m_proposalPane->currentProposalId() != place.id)
            m_proposalPane->showProposal(place.id);
        target = m_proposalPane;
    } else if (place.page == QLatin1String("operation")) {
        m_operations->detail()->showOperation(place.id);
        target = m_operations;
    } else {
        for (int i = 0; i < m_navigation->count(); ++i) {
            if (m_navigation->item(i)->data(Qt::UserRole).toString() == place.page)
                target = m_stack->widget(i + 1); // after the status panel, in navigation order
        }
    }
    if (!target)
        return;
    if (target == m_lineage && !place.id.isEmpty() && m_lineage->focusedEntity() != place.id)
        m_lineage->showEntity(place.id);
    if (target == m_admin && !m_adminAttached) {
        m_adminAttached = true;
        m_admin->setSession(m_session.get());
    }
    if (target != m_admin && m_reopenAfterAdmin) {
        // Leaving the admin page after it changed the store: a new session reads the schema
        // afresh (a new console migration may change how the store queries) and every page
        // reloads.
        m_reopenAfterAdmin = false;
        reopenAt(place);
        return;
    }
    if (target == m_summary && !m_summaryAttached) {
        m_summaryAttached = true;
        m_summary->setSession(m_session.get());
    }
    m_stack->setCurrentWidget(target);
    // Keep the navigation list in step without re-entering navigate().
    const QSignalBlocker block(m_navigation);
    m_navigation->clearSelection();
    m_navigation->setCurrentRow(-1);
    for (int i = 0; i < m_navigation->count(); ++i) {
        const QString page = m_navigation->item(i)->data(Qt::UserRole).toString();
        if (page == place.page || (place.page == QLatin1String("operation") && page == QLatin1String("operations"))
            || (place.page == QLatin1String("proposal") && page == QLatin1String("proposals")))
            m_navigation->setCurrentRow(i);
    }
    updateHistoryActions();
}

void MainWindow::updateHistoryActions()
{
    m_back->setEnabled(m_history.canGoBack());
    m_forward->setEnabled(m_history.canGoForward());
}

void MainWindow::goBack()
{
    if (m_history.canGoBack())
        navigate(m_history.back(), false);
}

void MainWindow::goForward()
{
    if (m_history.canGoForward())
        navigate(m_history.forward(), false);
}

void MainWindow::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void MainWindow::openBundleFile()
{
    m_runPane->openBundleFile();
    m_stack->setCurrentWidget(m_runPane);
}

void MainWindow::copyLink()
{
    const Place place = m_history.current();
    QString link;
    if (place.page == QLatin1String("run"))
        link = entityLink(EntityLinkKind::Run, place.id);
    else if (place.page == QLatin1String("operation"))
        link = entityLink(EntityLinkKind::Operation, place.id);
    else if (place.page == QLatin1String("proposal"))
        link = m_proposalPane->currentLink();
    if (link.isEmpty()) {
        statusBar()->showMessage(tr("Open a run, an operation or a proposal to copy its link."), 5000);
        return;
    }
    QApplication::clipboard()->setText(link);
    statusBar()->showMessage(tr("Copied %1").arg(link), 5000);
}

void MainWindow::showShortcuts()
{
    QList<QAction *> actions = m_shortcutActions;
    for (QWidget *page : { static_cast<QWidget *>(m_runs->listing()), static_cast<QWidget *>(m_runPane) })
        actions += page->actions();
    ShortcutsDialog dialog(actions, this);
    dialog.exec();
}

void MainWindow::reloadCurrentPage()
{
    QWidget *current = m_stack->currentWidget();
    if (current == m_runs)
        m_runs->applyFilter();
    else if (current == m_decisions)
        m_decisions->applyFilter();
    else if (current == m_operations)
        m_operations->applyFilter();
    else if (current == m_proposals)
        m_proposals->applyFilter();
    else if (current == m_proposalPane)
        m_proposalPane->reload();
    else if (current == m_outbox)
        m_outbox->refresh();
    else if (current == m_summary)
        m_summary->refresh();
    else if (current == m_runPane && !m_runPane->currentRunId().isEmpty())
        m_runPane->showRun(m_runPane->currentRunId());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    ConsoleSettings::instance().setWindowGeometry(saveGeometry());
    ConsoleSettings::instance().setWindowState(saveState());
    QMainWindow::closeEvent(event);
}

} // namespace dpm
