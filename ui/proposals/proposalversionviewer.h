#pragma once

#include "domain/error.h"
#include "domain/proposals.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QLabel;
class QTabWidget;

namespace dpm {

class JsonTreeView;
class RequestTracker;
class StoreSession;
class SupportStore;

// One version of a proposal as read from the store, with its artifact hash recomputed by the
// service's rule on the worker thread.
struct ProposalVersionView
{
    ProposalVersion version;
    QJsonObject json; // ProposalVersionDetail (proposalapijson.h)
    QString computedArtifactHash; // empty when the artifact could not be hashed
    QString hashProblem; // why not (the artifact_json is not JSON)
};

// Reads and checks a version (PROPOSAL_VERSION_NOT_FOUND when missing); runs on a worker thread.
ProposalVersionView loadProposalVersionView(SupportStore &store, const QString &proposalId, qint64 versionNo);

// The version viewer of the proposal pane: the artifact hash verified or mismatching, then the
// proposal result, artifact, evidence bundle and gate decision, each a JSON tree with search.
class ProposalVersionViewer : public QWidget
{
    Q_OBJECT

public:
    explicit ProposalVersionViewer(QWidget *parent = nullptr);

    void setSession(StoreSession *session);
    void showVersion(const QString &proposalId, qint64 versionNo);
    void clear();

    bool isLoading() const;
    qint64 versionNo() const { return m_versionNo; }
    QString hashBannerText() const;
    QTabWidget *tabs() const { return m_tabs; }
    JsonTreeView *resultView() const { return m_result; }
    JsonTreeView *artifactView() const { return m_artifact; }
    JsonTreeView *evidenceView() const { return m_evidence; }
    JsonTreeView *gateView() const { return m_gate; }

Q_SIGNALS:
    void versionShown(qint64 versionNo);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showView(const ProposalVersionView &view);
    void showError(const Error &error);
    void updateBanner();

    QPointer<StoreSession> m_session;
    RequestTracker *m_load;
    QString m_proposalId;
    qint64 m_versionNo = 0;
    std::optional<ProposalVersionView> m_view;
    QLabel *m_title;
    QLabel *m_banner;
    QTabWidget *m_tabs;
    JsonTreeView *m_result;
    JsonTreeView *m_artifact;
    JsonTreeView *m_evidence;
    JsonTreeView *m_gate;
};

} // namespace dpm
