#include "summary/summarypage.h"

#include "common/statuscolors.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "services/outboxposture.h"
#include "services/summaryposture.h"
#include "session/requesttracker.h"
#include "session/storesession.h"
#include "store/proposalstore.h"
#include "store/runeventstore.h"
#include "store/supportstore.h"
#include "summary/summarycharts.h"
#include "summary/summaryexport.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace dpm {

SummaryPage::SummaryPage(QWidget *parent)
    : QWidget(parent)
    , m_request(new RequestTracker(this))
    , m_range(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_exportPng(new QPushButton(tr("Export &PNG…"), this))
    , m_exportJson(new QPushButton(tr("Export &JSON…"), this))
    , m_busy(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
    , m_errorBar(new QFrame(this))
    , m_errorText(new QLabel(m_errorBar))
    , m_retry(new QPushButton(tr("Re&try"), m_errorBar))
    , m_pages(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_content(new QWidget)
    , m_totals(new QLabel)
    , m_posture(new QLabel)
    , m_runStatusView(new QChartView)
    , m_operationStatusView(new QChartView)
    , m_actionView(new QChartView)
    , m_reasonCodeView(new QChartView)
    , m_runsPerDayView(new QChartView)
    , m_decisionsPerDayView(new QChartView)
    , m_proposalStateView(new QChartView)
    , m_approvalsPerDayView(new QChartView)
{
    m_range->addItem(tr("Last 30 days of data"), QVariant::fromValue(RangePreset::Last30Days));
    m_range->addItem(tr("Last 90 days of data"), QVariant::fromValue(RangePreset::Last90Days));
    m_range->addItem(tr("Custom range"), QVariant::fromValue(RangePreset::Custom));
    m_range->setCurrentIndex(1);
    m_range->setAccessibleName(tr("Per-day range"));
    auto *rangeLabel = new QLabel(tr("R&ange:"), this);
    rangeLabel->setBuddy(m_range);
    for (QDateEdit *edit : { m_from, m_to }) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setCalendarPopup(true);
        // A dash until the first load says which days the range covers (not QDateEdit's 2000-01-01).
        edit->setMinimumDate(QDate(1970, 1, 1));
        edit->setSpecialValueText(QStringLiteral("—"));
        edit->setDate(edit->minimumDate());
        edit->setEnabled(false);
        connect(edit, &QDateEdit::editingFinished, this, [this] {
            if (rangePreset() == RangePreset::Custom)
                refresh();
        });
    }
    m_from->setAccessibleName(tr("Range from day (UTC)"));
    m_to->setAccessibleName(tr("Range to day (UTC)"));
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = rangePreset() == RangePreset::Custom;
        m_from->setEnabled(custom);
        m_to->setEnabled(custom);
        refresh();
    });
    m_refresh->setAccessibleName(tr("Refresh the summary"));
    m_refresh->setToolTip(tr("Read the summary again (F5)"));
    m_exportPng->setAccessibleName(tr("Export the dashboard as PNG"));
    m_exportJson->setAccessibleName(tr("Export the summary as JSON"));
    m_exportJson->setToolTip(tr("The same fields as dpmctl summary --json"));
    connect(m_refresh, &QPushButton::clicked, this, &SummaryPage::refresh);
    connect(m_exportPng, &QPushButton::clicked, this, &SummaryPage::chooseExportPng);
    connect(m_exportJson, &QPushButton::clicked, this, &SummaryPage::chooseExportJson);

    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(fontMetrics().averageCharWidth() * 16);
    m_busy->setAccessibleName(tr("Loading the summary"));
    m_busy->hide();
    m_cancel->setAccessibleName(tr("Cancel loading the summary"));
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &SummaryPage::cancelLoading);
    connect(m_request, &RequestTracker::busyChanged, this, &SummaryPage::showLoading);

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(rangeLabel);
    toolbar->addWidget(m_range);
    toolbar->addWidget(m_from);
    toolbar->addWidget(new QLabel(QStringLiteral("–"), this));
    toolbar->addWidget(m_to);
    toolbar->addWidget(m_busy);
    toolbar->addWidget(m_cancel);
    toolbar->addStretch(1);
    toolbar->addWidget(m_refresh);
    toolbar->addWidget(m_exportPng);
    toolbar->addWidget(m_exportJson);

    m_errorBar->setFrameShape(QFrame::StyledPanel);
    m_errorText->setWordWrap(true);
    m_errorText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorText->setAccessibleName(tr("Error"));
    m_retry->setAccessibleName(tr("Retry loading the summary"));
    connect(m_retry, &QPushButton::clicked, this, &SummaryPage::refresh);
    auto *errorLayout = new QHBoxLayout(m_errorBar);
    errorLayout->addWidget(m_errorText, 1);
    errorLayout->addWidget(m_retry);
    m_errorBar->hide();

    // Totals and posture side by side, then the charts two per row, the per-day ones full width.
    for (QLabel *label : { m_totals, m_posture }) {
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        label->setWordWrap(true);
    }
    m_totals->setAccessibleName(tr("Totals"));
    m_posture->setAccessibleName(tr("Supportability posture"));
    auto *totalsBox = new QGroupBox(tr("Totals"));
    (new QVBoxLayout(totalsBox))->addWidget(m_totals);
    auto *postureBox = new QGroupBox(tr("Supportability"));
    (new QVBoxLayout(postureBox))->addWidget(m_posture);

    const struct
    {
        QChartView *view;
        QString name;
    } views[] = { { m_runStatusView, tr("Run status chart") }, { m_operationStatusView, tr("Operation status chart") },
        { m_actionView, tr("Workflow action chart") }, { m_reasonCodeView, tr("Reason code chart") },
        { m_runsPerDayView, tr("Runs per day chart") }, { m_decisionsPerDayView, tr("Decisions per day chart") },
        { m_proposalStateView, tr("Proposal state chart") },
        { m_approvalsPerDayView, tr("Proposal approvals per day chart") } };
    const int chartHeight = fontMetrics().height() * 18;
    for (const auto &v : views) {
        v.view->setAccessibleName(v.name);
        v.view->setRenderHint(QPainter::Antialiasing);
        v.view->setFrameShape(QFrame::NoFrame);
        v.view->setMinimumHeight(chartHeight);
        v.view->setMinimumWidth(fontMetrics().averageCharWidth() * 50);
        v.view->setFocusPolicy(Qt::NoFocus); // the listings they open are reachable from the window
    }
    auto *grid = new QGridLayout(m_content);
    grid->addWidget(totalsBox, 0, 0);
    grid->addWidget(postureBox, 0, 1);
    grid->addWidget(m_runStatusView, 1, 0);
    grid->addWidget(m_operationStatusView, 1, 1);
    grid->addWidget(m_actionView, 2, 0);
    grid->addWidget(m_reasonCodeView, 2, 1);
    grid->addWidget(m_runsPerDayView, 3, 0, 1, 2);
    grid->addWidget(m_decisionsPerDayView, 4, 0, 1, 2);
    // The proposal state legend has nine entries and the approvals six long keys: full width.
    grid->addWidget(m_proposalStateView, 5, 0, 1, 2);
    grid->addWidget(m_approvalsPerDayView, 6, 0, 1, 2);
    m_proposalStateView->setMinimumHeight(fontMetrics().height() * 22);
    m_scroll->setWidget(m_content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setAccessibleName(tr("Summary dashboard"));

    // Until the first snapshot a sentence says what is happening, instead of empty axes.
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAccessibleName(tr("Summary state"));
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_pages->addWidget(m_placeholder);
    m_pages->addWidget(m_scroll);
    m_placeholder->setText(tr("The summary is read when a store is open."));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_errorBar);
    layout->addWidget(m_pages, 1);

    setTabOrder(m_range, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_refresh);
    setTabOrder(m_refresh, m_exportPng);
    setTabOrder(m_exportPng, m_exportJson);
    m_exportPng->setEnabled(false);
    m_exportJson->setEnabled(false);
    buildCharts();
}

SummaryPage::~SummaryPage() = default;

void SummaryPage::setSession(StoreSession *session)
{
    m_session = session;
    m_request->forget(); // whatever the old session was reading is no longer wanted
    m_snapshot.reset();
    buildCharts();
    showPlaceholder(tr("The summary is read when a store is open."));
    if (session)
        refresh();
}

SummaryPage::RangePreset SummaryPage::rangePreset() const
{
    return m_range->currentData().value<RangePreset>();
}

void SummaryPage::setRangePreset(RangePreset preset)
{
    const int index = m_range->findData(QVariant::fromValue(preset));
    if (index == m_range->currentIndex())
        refresh();
    else
        m_range->setCurrentIndex(index); // reloads
}

void SummaryPage::setCustomRange(const QDate &from, const QDate &to)
{
    const QSignalBlocker blockRange(m_range);
    m_from->setDate(from);
    m_to->setDate(to);
    m_range->setCurrentIndex(m_range->findData(QVariant::fromValue(RangePreset::Custom)));
    m_from->setEnabled(true);
    m_to->setEnabled(true);
    refresh();
}

void SummaryPage::refresh()
{
    if (!m_session)
        return;
    const RangePreset preset = rangePreset();
    const QString customFrom = m_from->date().toString(Qt::ISODate);
    const QString customTo = m_to->date().toString(Qt::ISODate);
    // A refresh replaces the load before it.
    m_request->start(
        *m_session,
        [preset, customFrom, customTo](SupportStore &store) {
            Snapshot snap;
            snap.summary = store.getSupportabilitySummary();
            snap.backend = store.backend();
            snap.now = nowTimestamp();
            if (preset == RangePreset::Custom) {
                snap.fromDay = customFrom;
                snap.toDay = customTo;
            } else {
                // Anchored on the newest run, not today: demo data lives in the past.
                const QString newest = snap.summary.newestRunCreatedAt.value_or(snap.now);
                const QDate to = QDate::fromString(newest.left(10), Qt::ISODate);
                snap.toDay = to.toString(Qt::ISODate);
                snap.fromDay = to.addDays(preset == RangePreset::Last30Days ? -29 : -89).toString(Qt::ISODate);
            }
            snap.runsPerDay = store.countRunsPerDay(snap.fromDay, snap.toDay);
            snap.decisionsPerDay = store.countDecisionsPerDay(snap.fromDay, snap.toDay);
            snap.proposals = summaryProposalCounts(store);
            if (snap.proposals)
                snap.approvalsPerDay = store.proposals().countApprovalsPerDay(snap.fromDay, snap.toDay);
            snap.outbox = summaryOutboxStats(store, snap.now);
            return snap;
        },
        [this](const Snapshot &snap) {
            m_snapshot = snap;
            m_errorBar->hide();
            showSnapshot();
            m_pages->setCurrentWidget(m_scroll);
            Q_EMIT loaded();
        },
        [this](const Error &error) {
            showError(error.code(), error.message());
            if (!m_snapshot)
                showPlaceholder(tr("No summary to show: it could not be read (see above)."));
            Q_EMIT loadFailed(error.code());
        });
}

bool SummaryPage::isLoading() const
{
    return m_request->isBusy();
}

void SummaryPage::showLoading(bool loading)
{
    m_busy->setVisible(loading);
    m_cancel->setVisible(loading);
    m_refresh->setEnabled(!loading);
    // A refresh keeps the dashboard it replaces on screen.
    if (loading && !m_snapshot)
        showPlaceholder(tr("Reading the summary of %1…").arg(m_session ? m_session->redactedLocation() : QString()));
}

void SummaryPage::cancelLoading()
{
    if (!isLoading())
        return;
    m_request->cancel(); // the statement stops on the database; the answer is dropped
    if (!m_snapshot)
        showPlaceholder(tr("Cancelled. Press Refresh (F5) to read the summary."));
}

void SummaryPage::showPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_pages->setCurrentWidget(m_placeholder);
}

void SummaryPage::showError(const QString &code, const QString &message)
{
    m_errorText->setText(QStringLiteral("<b>%1</b> %2").arg(code.toHtmlEscaped(), message.toHtmlEscaped()));
    m_errorBar->show();
}

void SummaryPage::showSnapshot()
{
    const Snapshot &snap = *m_snapshot;
    const SupportabilitySummary &s = snap.summary;
    const QLocale locale;
    const auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td>%1</td><td align=\"right\">&nbsp;&nbsp;%2</td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    const QString none = tr("none");
    m_totals->setText(QStringLiteral("<table>") + row(tr("Runs"), locale.toString(s.runCount))
        + row(tr("Operations"), locale.toString(s.operationCount))
        + row(tr("Workflow decisions"), locale.toString(s.workflowDecisionCount))
        + row(tr("Lineage edges"), locale.toString(s.lineageEdgeCount))
        + (snap.proposals ? row(tr("Proposals"), locale.toString(snap.proposals->proposalCount))
                    + row(tr("Proposal versions"), locale.toString(snap.proposals->versionCount))
                    + row(tr("Proposal approvals"), locale.toString(snap.proposals->approvalCount))
                               : QString())
        + row(tr("Oldest run"), s.oldestRunCreatedAt.value_or(none))
        + row(tr("Newest run"), s.newestRunCreatedAt.value_or(none))
        + row(tr("Oldest operation"), s.oldestOperationCreatedAt.value_or(none))
        + row(tr("Newest operation"), s.newestOperationCreatedAt.value_or(none)) + QStringLiteral("</table>"));

    const SupportabilityPosture posture = supportabilityPosture(s, snap.now);
    const QPalette &pal = palette();
    QColor stateColor = pal.color(QPalette::Text);
    if (posture.state == QLatin1String("ready"))
        stateColor = goodColor(pal);
    else if (posture.state == QLatin1String("stale"))
        stateColor = warningColor(pal);
    else if (posture.state == QLatin1String("degraded"))
        stateColor = badColor(pal);
    QString outbox;
    if (snap.outbox) {
        // The console's own addition: a dead or stale delivery backlog is named next to the
        // service's posture (the summary JSON's "outbox" key).
        const OutboxPosture op = outboxPosture(*snap.outbox);
        QColor outboxColor = goodColor(pal);
        QString sentence = tr("Deliveries are flowing.");
        if (op.state == QLatin1String("dead")) {
            outboxColor = badColor(pal);
            sentence = tr("%Ln delivery(s) DEAD: retry or discard them on the Outbox page.", nullptr, int(op.stats.dead));
        } else if (op.state == QLatin1String("stale")) {
            outboxColor = warningColor(pal);
            sentence = tr("The oldest PENDING delivery is %1 s old: is the relay running?")
                           .arg(op.stats.oldestPendingAgeSeconds.value_or(0));
        } else if (op.state == QLatin1String("clear")) {
            sentence = tr("Nothing is waiting for delivery.");
        }
        if (op.staleBacklog && op.deadBacklog)
            sentence
                += u' ' + tr("The backlog is stale too (oldest PENDING %1 s).").arg(*op.stats.oldestPendingAgeSeconds);
        outbox = QStringLiteral("<p><b>%1</b> <span style=\"color:%2\"><b>%3</b></span> %4</p>")
                     .arg(tr("Outbox:").toHtmlEscaped(), outboxColor.name(), op.state.toHtmlEscaped(),
                         sentence.toHtmlEscaped());
    }
    m_posture->setText(QStringLiteral("<p><b><span style=\"color:%1; font-size:large\">%2</span></b></p>"
                                      "<table>%3%4%5</table>%6")
                           .arg(stateColor.name(), posture.state.toHtmlEscaped(), row(tr("Reason"), posture.reason),
                               row(tr("Freshness"), posture.freshnessBucket), row(tr("As of"), snap.now), outbox));

    if (rangePreset() != RangePreset::Custom) {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(QDate::fromString(snap.fromDay, Qt::ISODate));
        m_to->setDate(QDate::fromString(snap.toDay, Qt::ISODate));
    }
    m_exportPng->setEnabled(true);
    m_exportJson->setEnabled(true);
    buildCharts();
}

void SummaryPage::buildCharts()
{
    // Rebuilt whole (cheap: a few dozen bars) on every load and palette change, so colours and
    // series never drift from the palette or the data.
    const SummaryCharts charts(m_snapshot ? &*m_snapshot : nullptr, palette(),
        { [this](const RunFilter &filter) { Q_EMIT openRunsRequested(filter); },
            [this](const OperationFilter &filter) { Q_EMIT openOperationsRequested(filter); },
            [this](const DecisionFilter &filter) { Q_EMIT openDecisionsRequested(filter); },
            [this](const ProposalFilter &filter) { Q_EMIT openProposalsRequested(filter); } });
    const struct
    {
        QChartView *view;
        QChart *(SummaryCharts::*make)() const;
    } views[] = { { m_runStatusView, &SummaryCharts::runStatus },
        { m_operationStatusView, &SummaryCharts::operationStatus }, { m_actionView, &SummaryCharts::actions },
        { m_reasonCodeView, &SummaryCharts::reasonCodes }, { m_runsPerDayView, &SummaryCharts::runsPerDay },
        { m_decisionsPerDayView, &SummaryCharts::decisionsPerDay },
        { m_proposalStateView, &SummaryCharts::proposalStates },
        { m_approvalsPerDayView, &SummaryCharts::approvalsPerDay } };
    for (const auto &v : views) {
        QChart *chart = (charts.*v.make)();
        SummaryCharts::applyPalette(chart, palette(), font());
        QChart *old = v.view->chart();
        v.view->setChart(chart); // the view owns the new chart
        delete old;
    }
}

void SummaryPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        buildCharts();
        if (m_snapshot)
            showSnapshot(); // the posture colour
    }
}

QByteArray SummaryPage::summaryJsonBytes() const
{
    return m_snapshot ? summaryDocumentBytes(*m_snapshot) : QByteArray();
}

void SummaryPage::requireSnapshot() const
{
    if (!m_snapshot) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("EXPORT_NOTHING_LOADED"),
            tr("The summary has not been read yet; refresh, then export."));
    }
}

void SummaryPage::exportJson(const QString &path) const
{
    requireSnapshot();
    writeSummaryJson(*m_snapshot, path);
}

void SummaryPage::exportPng(const QString &path) const
{
    requireSnapshot();
    writeDashboardPng(m_content, path);
}

void SummaryPage::chooseExportJson()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export summary as JSON"), QStringLiteral("summary.json"), tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    try {
        exportJson(path);
    } catch (const Error &e) {
        QMessageBox::warning(this, tr("Export failed"), QStringLiteral("%1\n\n%2").arg(e.code(), e.message()));
    }
}

void SummaryPage::chooseExportPng()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export dashboard as PNG"), QStringLiteral("summary.png"), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    try {
        exportPng(path);
    } catch (const Error &e) {
        QMessageBox::warning(this, tr("Export failed"), QStringLiteral("%1\n\n%2").arg(e.code(), e.message()));
    }
}

} // namespace dpm
