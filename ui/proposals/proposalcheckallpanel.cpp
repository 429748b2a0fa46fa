#include "proposals/proposalcheckallpanel.h"

#include "common/statuscolors.h"
#include "domain/canceltoken.h"
#include "proposals/proposalfindingsmodel.h"
#include "session/storesession.h"
#include "session/whenfinished.h"
#include "store/supportstore.h"

#include <QEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace dpm {

ProposalCheckAllPanel::ProposalCheckAllPanel(QWidget *parent)
    : QWidget(parent)
    , m_start(new QPushButton(tr("Check &all proposals"), this))
    , m_stop(new QPushButton(tr("Cancel check"), this))
    , m_busy(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_model(new ProposalFindingsModel(this))
    , m_view(new QTableView(this))
{
    m_start->setAccessibleName(tr("Check all proposals"));
    m_start->setToolTip(tr("Replay every proposal's history against the §4.2 transition map and recompute its "
                           "artifact hashes (what dpmctl proposals check does)"));
    m_stop->setAccessibleName(tr("Cancel the integrity check"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(fontMetrics().averageCharWidth() * 16);
    m_status->setAccessibleName(tr("Integrity check status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Integrity findings of all proposals"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setToolTip(tr("Enter or double-click opens the proposal"));
    m_view->setMinimumHeight(fontMetrics().height() * 8);
    m_view->hide();
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openProposalRequested(index.data(ProposalFindingsModel::ProposalIdRole).toString());
    });
    connect(m_start, &QPushButton::clicked, this, &ProposalCheckAllPanel::start);
    connect(m_stop, &QPushButton::clicked, this, &ProposalCheckAllPanel::cancel);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_start);
    bar->addWidget(m_busy);
    bar->addWidget(m_stop);
    bar->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setRunning(false);
}

void ProposalCheckAllPanel::setSession(StoreSession *session)
{
    cancel();
    ++m_generation; // an answer from the previous store is dropped
    m_session = session;
    m_report.reset();
    m_model->setFindings({});
    m_view->hide();
    m_status->clear();
}

QString ProposalCheckAllPanel::statusText() const
{
    return m_status->text();
}

void ProposalCheckAllPanel::start()
{
    if (!m_session || isRunning())
        return;
    m_cancel = CancelToken::create();
    const quint64 generation = ++m_generation;
    setRunning(true);
    m_status->setText(tr("Checking…"));
    // Cancel goes through our own token rather than the future: a cancelled future drops its
    // result, and the partial report is worth showing.
    QFuture<ProposalIntegrityReport> future = m_session->runWithPromise<ProposalIntegrityReport>(
        [cancel = m_cancel](QPromise<ProposalIntegrityReport> &promise, SupportStore &store) {
            const auto progress = [&promise](qint64 checked, qint64 findings) {
                promise.setProgressValueAndText(int(qMin<qint64>(checked, INT_MAX)),
                    tr("%Ln proposal(s) checked, %L1 findings so far…", nullptr, int(checked)).arg(findings));
            };
            promise.addResult(checkAllProposals(store.proposals(), progress, cancel));
        });
    auto *watcher = whenFinished(
        future, this,
        [this, generation](const ProposalIntegrityReport &report) {
            if (generation == m_generation)
                showReport(report);
        },
        [this, generation](const Error &error) {
            if (generation != m_generation)
                return;
            setRunning(false);
            m_status->setText(QStringLiteral("%1: %2").arg(error.code(), error.message()));
            Q_EMIT finished();
        });
    connect(watcher, &QFutureWatcherBase::progressTextChanged, this, [this, generation](const QString &text) {
        if (generation == m_generation && isRunning())
            m_status->setText(text);
    });
}

void ProposalCheckAllPanel::cancel()
{
    if (m_cancel)
        m_cancel->cancel();
}

void ProposalCheckAllPanel::showReport(const ProposalIntegrityReport &report)
{
    setRunning(false);
    m_report = report;
    m_model->setFindings(report.findings);
    m_view->setVisible(!report.findings.isEmpty());
    m_view->resizeColumnsToContents();
    QString text = report.findings.isEmpty()
        ? tr("%Ln proposal(s) checked: no findings.", nullptr, int(report.proposalsChecked))
        : tr("%Ln proposal(s) checked", nullptr, int(report.proposalsChecked)) + QStringLiteral(": ")
            + tr("%Ln finding(s).", nullptr, int(report.findings.size()));
    if (report.cancelled)
        text = tr("Cancelled. ") + text;
    m_status->setText(text);
    m_tone = report.findings.isEmpty() ? (report.cancelled ? Tone::Warning : Tone::Good) : Tone::Bad;
    applyTone();
    Q_EMIT finished();
}

void ProposalCheckAllPanel::applyTone()
{
    QPalette p = palette();
    if (m_tone == Tone::Good)
        p.setColor(QPalette::WindowText, goodColor(palette()));
    else if (m_tone == Tone::Warning)
        p.setColor(QPalette::WindowText, warningColor(palette()));
    else if (m_tone == Tone::Bad)
        p.setColor(QPalette::WindowText, badColor(palette()));
    m_status->setPalette(p);
}

void ProposalCheckAllPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTone();
}

void ProposalCheckAllPanel::setRunning(bool running)
{
    if (!running)
        m_cancel.reset();
    m_start->setEnabled(!running);
    m_busy->setVisible(running);
    m_stop->setVisible(running);
    if (running) {
        m_tone = Tone::Neutral;
        applyTone();
    }
}

} // namespace dpm
