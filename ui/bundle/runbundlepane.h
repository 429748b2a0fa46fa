#pragma once

#include "bundle/bundledocument.h"
#include "domain/error.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace dpm {

class BundleEventsTab;
class BundleOperationTab;
class BundleOverviewTab;
class DecisionTimelineModel;
class IdempotencyHistoryModel;
class JsonTreeView;
class LineageEdgeListModel;
class LineageGraphWidget;
class RequestTracker;
class StoreSession;

// A run's support bundle (issue 4): overview, result JSON, artifact with hash verification,
// workflow decisions, idempotency history, async operation, run events and lineage edges, each in
// a tab (Ctrl+1..Ctrl+9 or Alt+mnemonic). Loads on the session's worker threads with a cancellable
// busy state; a newer load replaces and stops the one in flight. Also an offline viewer for
// bundle files, and Export bundle… (Ctrl+Shift+E) writing exactly what
// `dpmctl bundle --run ID --json` prints.
class RunBundlePane : public QWidget
{
    Q_OBJECT

public:
    enum Tab {
        OverviewTab,
        ResultTab,
        ArtifactTab,
        DecisionsTab,
        IdempotencyTab,
        OperationTab,
        EventsTab,
        LineageTab,
        GraphTab,
        TabCount
    };
    Q_ENUM(Tab)

    explicit RunBundlePane(QWidget *parent = nullptr);

    void setSession(StoreSession *session);
    void showRun(const QString &runId);
    void showBundleFile(const QString &path);
    QString currentRunId() const;

    // What the pane shows, for tests and the window's status.
    enum class State { Empty, Loading, Error, Loaded };
    State state() const { return m_state; }
    // The loaded bundle (valid in State::Loaded).
    const BundleDocument &document() const { return m_document; }
    // Writes the loaded bundle to `path` (QSaveFile). False and an inline error on failure.
    bool exportBundleTo(const QString &path);

    QTabWidget *tabs() const { return m_tabs; }
    QString artifactBannerText() const;
    QString errorCode() const { return m_errorCode; }
    QString offlineBannerText() const;
    IdempotencyHistoryModel *idempotencyModel() const { return m_idempotencyModel; }
    DecisionTimelineModel *decisionModel() const { return m_decisionModel; }
    LineageEdgeListModel *lineageModel() const { return m_lineageModel; }
    QTableView *idempotencyView() const { return m_idempotencyView; }
    QTableView *lineageView() const { return m_lineageView; }
    LineageGraphWidget *graphWidget() const { return m_graph; }
    BundleOverviewTab *overviewTab() const { return m_overview; }
    BundleOperationTab *operationTab() const { return m_operation; }
    BundleEventsTab *eventsTab() const { return m_events; }

public Q_SLOTS:
    // Asks for a file name (default bundle-<runId>.json) and exports.
    void exportBundle();
    // Asks for a bundle file and shows it read-only.
    void openBundleFile();
    void retry();
    void cancelLoading();

Q_SIGNALS:
    void openRunRequested(const QString &runId);
    void openOperationRequested(const QString &operationId);
    void findRequested(const QString &identifier);
    // The header's Lineage button (Ctrl+Shift+G): the lineage page centred on the run.
    void lineageRequested(const QString &runId);
    void loadFailed(const dpm::Error &error);
    // A bundle is shown (from the store or a file).
    void bundleLoaded(const QString &runId);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Request
    {
        enum class Kind { Run, File };
        Kind kind = Kind::Run;
        QString value;
    };

    QWidget *buildLoadedPage();
    void startLoading(const Request &request);
    void showDocument(const BundleDocument &document);
    void showGraphIfCurrent();
    void showError(const Error &error);
    void updateArtifactBanner();
    void lineageActivated(const QModelIndex &index);
    void setLabelColor(QLabel *label, const QColor &color);

    QPointer<StoreSession> m_session;
    RequestTracker *m_load; // the bundle being read
    State m_state = State::Empty;
    std::optional<Request> m_request;
    BundleDocument m_document;
    QString m_errorCode;
    QString m_lastDirectory;

    QStackedWidget *m_pages;
    // empty
    QLabel *m_emptyLabel;
    QPushButton *m_emptyRetry;
    // loading
    QLabel *m_loadingLabel;
    // error
    QLabel *m_errorCodeLabel;
    QLabel *m_errorMessageLabel;
    // loaded
    QLabel *m_title;
    QLabel *m_offlineBanner;
    QLabel *m_exportStatus;
    QTabWidget *m_tabs;
    BundleOverviewTab *m_overview;
    JsonTreeView *m_result;
    QLabel *m_resultProblem;
    QLabel *m_artifactBanner;
    JsonTreeView *m_artifact;
    DecisionTimelineModel *m_decisionModel;
    QLabel *m_decisionSummary;
    IdempotencyHistoryModel *m_idempotencyModel;
    QLabel *m_idempotencySummary;
    QTableView *m_idempotencyView;
    BundleOperationTab *m_operation;
    BundleEventsTab *m_events;
    LineageEdgeListModel *m_lineageModel;
    QLabel *m_lineageSummary;
    QTableView *m_lineageView;
    LineageGraphWidget *m_graph;
    QAction *m_exportAction;
    QAction *m_openFileAction;
};

} // namespace dpm
