#include "proposals/proposalversionviewer.h"

#include "common/jsontreeview.h"
#include "common/statuscolors.h"
#include "domain/proposalapijson.h"
#include "services/proposalreads.h"
#include "session/requesttracker.h"
#include "session/storesession.h"
#include "store/supportstore.h"

#include <QEvent>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace dpm {

ProposalVersionView loadProposalVersionView(SupportStore &store, const QString &proposalId, qint64 versionNo)
{
    ProposalVersionView view;
    view.version = requireVersion(store.proposals(), proposalId, versionNo);
    view.json = proposalVersionJson(view.version);
    try {
        view.computedArtifactHash = proposalArtifactHashOfText(view.version.artifactJson);
    } catch (const Error &error) {
        view.hashProblem = error.message();
    }
    return view;
}

ProposalVersionViewer::ProposalVersionViewer(QWidget *parent)
    : QWidget(parent)
    , m_load(new RequestTracker(this))
    , m_title(new QLabel(this))
    , m_banner(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_result(new JsonTreeView)
    , m_artifact(new JsonTreeView)
    , m_evidence(new JsonTreeView)
    , m_gate(new JsonTreeView)
{
    m_title->setAccessibleName(tr("Version"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setAccessibleName(tr("Artifact verification"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont bold = m_banner->font();
    bold.setBold(true);
    m_banner->setFont(bold);
    m_result->setAccessibleName(tr("Proposal result JSON"));
    m_artifact->setAccessibleName(tr("Artifact JSON"));
    m_evidence->setAccessibleName(tr("Evidence bundle JSON"));
    m_gate->setAccessibleName(tr("Gate decision JSON"));
    m_tabs->setDocumentMode(true);
    m_tabs->setAccessibleName(tr("Version parts"));
    m_tabs->addTab(m_result, tr("Result"));
    m_tabs->addTab(m_artifact, tr("Artifact"));
    m_tabs->addTab(m_evidence, tr("Evidence bundle"));
    m_tabs->addTab(m_gate, tr("Gate decision"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    clear();
}

void ProposalVersionViewer::setSession(StoreSession *session)
{
    m_session = session;
    m_load->forget();
}

bool ProposalVersionViewer::isLoading() const
{
    return m_load->isBusy();
}

void ProposalVersionViewer::clear()
{
    m_load->cancel();
    m_view.reset();
    m_versionNo = 0;
    m_title->setText(tr("Select a version to see its result, artifact, evidence and gate decision."));
    m_banner->clear();
    for (JsonTreeView *view : { m_result, m_artifact, m_evidence, m_gate })
        view->clear();
}

void ProposalVersionViewer::showVersion(const QString &proposalId, qint64 versionNo)
{
    if (!m_session)
        return;
    m_proposalId = proposalId;
    m_versionNo = versionNo;
    m_title->setText(tr("Loading version %1…").arg(versionNo));
    m_load->start(
        *m_session,
        [proposalId, versionNo](SupportStore &store) { return loadProposalVersionView(store, proposalId, versionNo); },
        [this](const ProposalVersionView &view) { showView(view); }, [this](const Error &error) { showError(error); });
}

void ProposalVersionViewer::showView(const ProposalVersionView &view)
{
    m_view = view;
    const ProposalVersion &v = view.version;
    m_title->setText(tr("Version %1 — %2, created %3, id %4")
                         .arg(v.versionNo)
                         .arg(v.statusAtCreation, v.createdAt, v.proposalVersionId));
    m_result->setJson(view.json.value(QLatin1String("proposal_result")));
    m_artifact->setJson(view.json.value(QLatin1String("artifact")));
    m_evidence->setJson(view.json.value(QLatin1String("evidence_bundle")));
    m_gate->setJson(view.json.value(QLatin1String("gate_decision")));
    updateBanner();
    Q_EMIT versionShown(v.versionNo);
}

void ProposalVersionViewer::showError(const Error &error)
{
    m_view.reset();
    m_title->setText(QStringLiteral("%1: %2").arg(error.code(), error.message()));
    m_banner->clear();
    for (JsonTreeView *view : { m_result, m_artifact, m_evidence, m_gate })
        view->clear();
}

void ProposalVersionViewer::updateBanner()
{
    if (!m_view)
        return;
    const QString stored = m_view->version.artifactHash;
    QString text;
    QColor color;
    if (m_view->computedArtifactHash.isEmpty()) {
        text = tr("\u2718 The artifact cannot be hashed: %1").arg(m_view->hashProblem);
        color = badColor(palette());
    } else if (m_view->computedArtifactHash == stored) {
        text = tr("\u2714 Artifact hash verified: %1").arg(stored);
        color = goodColor(palette());
    } else {
        text = tr("\u2718 Artifact hash mismatch: stored %1, computed %2").arg(stored, m_view->computedArtifactHash);
        color = badColor(palette());
    }
    m_banner->setText(text);
    QPalette p = m_banner->palette();
    p.setColor(QPalette::WindowText, color);
    m_banner->setPalette(p);
}

QString ProposalVersionViewer::hashBannerText() const
{
    return m_banner->text();
}

void ProposalVersionViewer::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateBanner();
}

} // namespace dpm
