#pragma once

#include "domain/error.h"
#include "services/proposalintegrity.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;

namespace dpm {

class ProposalDiffTab;
class ProposalFindingsModel;
class ProposalIdempotencyModel;
class ProposalOperationsModel;
class ProposalTimelineModel;
class ProposalVersionViewer;
class ProposalVersionsModel;
class RequestTracker;
class StoreSession;

// What the pane reads in one worker call: the aggregate and the integrity findings about it.
struct ProposalPaneData
{
    ProposalAggregate aggregate;
    ProposalIntegrityReport integrity;
};

// An advisory proposal (issue 14), as a run opens into its bundle: a header (state, portfolio,
// mandate, jurisdiction, creator, current version, title) and tabs — Timeline (events and
// approvals merged, oldest first), Versions (headers and the version viewer), Diff (any two
// versions), Operations, Idempotency and Integrity (checkProposal's findings). Ctrl+1..6 switch
// tabs; the header's Lineage (Ctrl+Shift+G) opens the lineage graph centred on the proposal and
// Copy link copies its dpm:// link. Reads on the session's workers; a newer load replaces the one in flight.
class ProposalPane : public QWidget
{
    Q_OBJECT

public:
    enum Tab { TimelineTab, VersionsTab, DiffTab, OperationsTab, IdempotencyTab, IntegrityTab, TabCount };
    Q_ENUM(Tab)
    enum class State { Empty, Loading, Error, Loaded };

    explicit ProposalPane(QWidget *parent = nullptr);

    void setSession(StoreSession *session);
    // Loads the proposal; with versionNo, the Versions tab opens on that version.
    void showProposal(const QString &proposalId, std::optional<qint64> versionNo = std::nullopt);
    QString currentProposalId() const { return m_proposalId; }
    State state() const { return m_state; }
    QString errorCode() const { return m_errorCode; }
    const std::optional<ProposalPaneData> &data() const { return m_data; }

    QTabWidget *tabs() const { return m_tabs; }
    QString headerText() const;
    ProposalTimelineModel *timelineModel() const { return m_timeline; }
    ProposalVersionsModel *versionsModel() const { return m_versions; }
    QTableView *versionsView() const { return m_versionsView; }
    ProposalVersionViewer *versionViewer() const { return m_viewer; }
    ProposalDiffTab *diffTab() const { return m_diff; }
    ProposalOperationsModel *operationsModel() const { return m_operations; }
    ProposalIdempotencyModel *idempotencyModel() const { return m_idempotency; }
    ProposalFindingsModel *findingsModel() const { return m_findings; }
    QString integritySummary() const;
    // dpm://proposal/<id>, with /version/<n> while the Versions tab shows a version; empty
    // before a proposal is loaded.
    QString currentLink() const;

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void proposalLoaded(const QString &proposalId);
    void loadFailed(const dpm::Error &error);
    // The Lineage button: the graph centred on this proposal.
    void lineageRequested(const QString &proposalId);
    // Copy link put this link on the clipboard.
    void linkCopied(const QString &link);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildLoadedPage();
    void showData(const ProposalPaneData &data);
    void showMessage(const QString &text);
    void updateColours(); // the state badge and the integrity summary, from the palette
    void currentTabChanged();

    QPointer<StoreSession> m_session;
    RequestTracker *m_load;
    QString m_proposalId;
    std::optional<qint64> m_openVersion;
    std::optional<ProposalPaneData> m_data;
    State m_state = State::Empty;
    QString m_errorCode;

    QStackedWidget *m_pages;
    QLabel *m_message;
    QLabel *m_title;
    QLabel *m_stateBadge;
    QToolButton *m_lineageButton;
    QToolButton *m_copyLinkButton;
    QLabel *m_facts;
    QTabWidget *m_tabs;
    ProposalTimelineModel *m_timeline;
    QLabel *m_timelineSummary;
    ProposalVersionsModel *m_versions;
    QTableView *m_versionsView;
    ProposalVersionViewer *m_viewer;
    ProposalDiffTab *m_diff;
    ProposalOperationsModel *m_operations;
    ProposalIdempotencyModel *m_idempotency;
    ProposalFindingsModel *m_findings;
    QLabel *m_integritySummary;
    QTableView *m_findingsView;
    QLabel *m_findingText;
};

} // namespace dpm
