#pragma once

#include "domain/error.h"
#include "shell/navigationhistory.h"
#include "shell/storehealthdialog.h"
#include "store/investigationtypes.h"
#include "store/storelocation.h"
#include "session/storesession.h"

#include <QMainWindow>
#include <QMenu>
#include <QPointer>

#include <memory>

class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QToolButton;

namespace dpm {

class AdminPage;
class DecisionsPage;
class LineagePage;
class SummaryPage;
class OmniSearch;
class OperationsPage;
class ProposalPane;
class ProposalsPage;
struct OmniSearchResult;
class OutboxPage;
class RequestTracker;
class RunBundlePane;
class RunsPage;
class StoreStatusPanel;

// The console's frame: navigation, omni-search, status bar, back/forward history, and the
// routing between pages. The pages do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a store on a worker thread; the pages appear when it is open. An empty embedded
    // default is filled with demo data first when fillDemoIfEmpty is set.
    void openStore(const StoreLocation &location, bool isEmbeddedDefault, bool fillDemoIfEmpty);

    StoreSession *session() const { return m_session.get(); }
    const StoreInfo &storeInfo() const { return m_info; }
    Place currentPlace() const { return m_history.current(); }
    QString statusText() const; // every status bar field, for tests
    QList<QAction *> shortcutActions() const { return m_shortcutActions; }

    RunsPage *runsPage() const { return m_runs; }
    DecisionsPage *decisionsPage() const { return m_decisions; }
    OperationsPage *operationsPage() const { return m_operations; }
    OutboxPage *outboxPage() const { return m_outbox; }
    RunBundlePane *runPane() const { return m_runPane; }
    ProposalsPage *proposalsPage() const { return m_proposals; }
    ProposalPane *proposalPane() const { return m_proposalPane; }
    LineagePage *lineagePage() const { return m_lineage; }
    SummaryPage *summaryPage() const { return m_summary; }
    AdminPage *adminPage() const { return m_admin; }
    OmniSearch *omniSearch() const { return m_search; }
    StoreStatusPanel *statusPanel() const { return m_statusPanel; }
    StoreHealthDialog *storeHealthDialog() const { return m_healthDialog; }
    // The choice offered when a search matched several things (tests pick from it).
    QMenu *matchMenu() const { return m_matchMenu; }

public Q_SLOTS:
    void showPage(const QString &page);
    void openRun(const QString &runId);
    void openOperation(const QString &operationId);
    // The proposal pane; with versionNo, on that version.
    void openProposal(const QString &proposalId, std::optional<qint64> versionNo = std::nullopt);
    // The lineage page centred on an entity.
    void openLineage(const QString &entityId);
    void openMatch(const QString &identifier, const dpm::IdentifierMatch &match);
    void openProposalMatch(const QString &identifier, const dpm::ProposalMatch &match);
    void goBack();
    void goForward();
    void focusSearch();
    void connectToStore();
    void openBundleFile();
    void copyLink();
    void showShortcuts();
    void reloadCurrentPage();
    // The Store health panel (also the status bar's backend button): opened, or raised and
    // refreshed when it is already open.
    void showStoreHealth();

Q_SIGNALS:
    // The store is open and the pages show it (or it failed: storeFailed).
    void storeOpened();
    void storeFailed(const dpm::Error &error);
    // A search finished: what it resolved to is already shown or offered.
    void searchHandled(const QString &identifier, int matches);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildPages();
    void buildActions();
    void buildStatusBar();
    void navigate(const Place &place, bool record);
    void startOpening(const StoreLocation &location);
    void reopenAt(const Place &place);
    void enablePages(bool hasSchema);
    void storeReady(const StoreInfo &info);
    void openFailed(const StoreLocation &location, const Error &error);
    // Asks the separate proposal store's password and opens the store again with it.
    void askProposalStorePassword();
    void attachSession();
    void updateStatusBar();
    void updateTitle();
    void updateHistoryActions();
    void searchResolved(const QString &identifier, const OmniSearchResult &result);
    void searchFailed(const QString &identifier, const Error &error);
    QAction *addShortcutAction(QMenu *menu, const QString &text, const QKeySequence &shortcut, const QString &category,
        std::function<void()> slot);

    std::unique_ptr<StoreSession> m_session;
    StoreInfo m_info;
    StoreLocation m_location;
    bool m_isEmbeddedDefault = false;
    bool m_fillDemoIfEmpty = false;
    NavigationHistory m_history;

    QListWidget *m_navigation;
    QStackedWidget *m_stack;
    StoreStatusPanel *m_statusPanel;
    RunsPage *m_runs;
    DecisionsPage *m_decisions;
    OperationsPage *m_operations;
    OutboxPage *m_outbox;
    RunBundlePane *m_runPane;
    ProposalsPage *m_proposals;
    ProposalPane *m_proposalPane;
    LineagePage *m_lineage;
    SummaryPage *m_summary;
    AdminPage *m_admin;
    // Pages that read a lot attach to the store the first time they are shown.
    bool m_summaryAttached = false;
    bool m_adminAttached = false;
    bool m_reopenAfterAdmin = false;
    std::optional<Place> m_placeAfterOpen; // where a reopen returns to, instead of Runs
    OmniSearch *m_search;
    RequestTracker *m_opening; // the store being opened
    QPointer<QMenu> m_matchMenu;
    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
    QList<QAction *> m_shortcutActions;
    QToolButton *m_backendLabel; // opens the Store health panel
    QPointer<StoreHealthDialog> m_healthDialog;
    QLabel *m_locationLabel;
    QLabel *m_profileLabel;
    QLabel *m_schemaLabel;
    QLabel *m_lastQueryLabel;
};

} // namespace dpm
