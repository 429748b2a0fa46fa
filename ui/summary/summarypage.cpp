#include "summary/summarypage.h"

#include "domain/apijson.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "services/summaryposture.h"
#include "common/statuscolors.h"
#include "store/supportstore.h"
#include "session/storesession.h"
#include "session/whenfinished.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMessageBox>
#include <QPieSeries>
#include <QPieSlice>
#include <QProcessEnvironment>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace dpm {

namespace {

constexpr int kTopReasonCodes = 8;

QString dayStart(const QString &day)
{
    return day + QStringLiteral("T00:00:00+00:00");
}

QString dayEnd(const QString &day)
{
    return day + QStringLiteral("T23:59:59.999999+00:00");
}

[[noreturn]] void throwWriteFailed(const QString &path, const QString &reason)
{
    throw Error(ErrorKind::Storage, QStringLiteral("EXPORT_WRITE_FAILED"),
        QObject::tr("Could not write %1 (%2); choose a folder you can write to.").arg(path, reason));
}

// Neutral series colours for keys without a status colour (actions): mid-saturation hues that
// read on light and dark bases.
QColor seriesColor(int index, const QPalette &palette)
{
    static const int hues[] = { 210, 30, 280, 160, 340, 60, 190, 0 };
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return QColor::fromHsl(hues[index % int(std::size(hues))], 150, dark ? 150 : 110);
}

QStringList daysOf(const QString &fromDay, const QString &toDay)
{
    QStringList days;
    const QDate to = QDate::fromString(toDay, Qt::ISODate);
    for (QDate d = QDate::fromString(fromDay, Qt::ISODate); d.isValid() && d <= to; d = d.addDays(1))
        days << d.toString(Qt::ISODate);
    return days;
}

// An x axis over day indexes 0..n-1 with about eight readable labels (a category per day would
// overlap at 90 days).
QCategoryAxis *dayAxis(const QStringList &days)
{
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setRange(-0.5, std::max<qsizetype>(days.size(), 1) - 0.5);
    const int step = std::max<int>(1, int((days.size() + 7) / 8));
    for (int i = 0; i < days.size(); i += step)
        axis->append(QLocale().toString(QDate::fromString(days.at(i), Qt::ISODate), QStringLiteral("MMM d")), i);
    return axis;
}

// The value axis's upper end: at least 1, so an empty chart has a valid range.
qreal largestBar(const QBarSet *set)
{
    qreal largest = 1;
    for (int i = 0; i < set->count(); ++i)
        largest = std::max(largest, set->at(i));
    return largest;
}

} // namespace

SummaryPage::SummaryPage(QWidget *parent)
    : QWidget(parent)
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
        { m_runsPerDayView, tr("Runs per day chart") }, { m_decisionsPerDayView, tr("Decisions per day chart") } };
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
    ++m_generation; // whatever the old session was reading is no longer wanted
    m_snapshot.reset();
    buildCharts();
    setLoading(false);
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
    const quint64 generation = ++m_generation;
    const RangePreset preset = rangePreset();
    const QString customFrom = m_from->date().toString(Qt::ISODate);
    const QString customTo = m_to->date().toString(Qt::ISODate);
    setLoading(true);
    if (m_inFlight)
        m_inFlight->cancel(); // a refresh replaces the load before it
    m_inFlight = QueryCancel::create();
    auto future = m_session->run([preset, customFrom, customTo](SupportStore &store) {
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
        return snap;
    }, m_inFlight);
    whenFinished(
        future, this,
        [this, generation](const Snapshot &snap) {
            if (generation != m_generation)
                return;
            m_snapshot = snap;
            setLoading(false);
            m_errorBar->hide();
            showSnapshot();
            m_pages->setCurrentWidget(m_scroll);
            Q_EMIT loaded();
        },
        [this, generation](const Error &error) {
            if (generation != m_generation)
                return;
            setLoading(false);
            showError(error.code(), error.message());
            if (!m_snapshot)
                showPlaceholder(tr("No summary to show: it could not be read (see above)."));
            Q_EMIT loadFailed(error.code());
        });
}

void SummaryPage::setLoading(bool loading)
{
    m_loading = loading;
    m_busy->setVisible(loading);
    m_cancel->setVisible(loading);
    m_refresh->setEnabled(!loading);
    // A refresh keeps the dashboard it replaces on screen.
    if (loading && !m_snapshot)
        showPlaceholder(tr("Reading the summary of %1…").arg(m_session ? m_session->redactedLocation() : QString()));
}

void SummaryPage::cancelLoading()
{
    if (!m_loading)
        return;
    ++m_generation; // the answer, when it comes, is dropped
    if (m_inFlight)
        m_inFlight->cancel(); // and its statement stops on the database
    setLoading(false);
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
    m_posture->setText(QStringLiteral("<p><b><span style=\"color:%1; font-size:large\">%2</span></b></p>"
                                      "<table>%3%4%5</table>")
                           .arg(stateColor.name(), posture.state.toHtmlEscaped(), row(tr("Reason"), posture.reason),
                               row(tr("Freshness"), posture.freshnessBucket), row(tr("As of"), snap.now)));

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
    const struct
    {
        QChartView *view;
        QChart *(SummaryPage::*make)();
    } charts[] = { { m_runStatusView, &SummaryPage::runStatusChart },
        { m_operationStatusView, &SummaryPage::operationStatusChart }, { m_actionView, &SummaryPage::actionChart },
        { m_reasonCodeView, &SummaryPage::reasonCodeChart }, { m_runsPerDayView, &SummaryPage::runsPerDayChart },
        { m_decisionsPerDayView, &SummaryPage::decisionsPerDayChart } };
    for (const auto &c : charts) {
        QChart *chart = (this->*c.make)();
        applyPalette(chart);
        QChart *old = c.view->chart();
        c.view->setChart(chart); // the view owns the new chart
        delete old;
    }
}

void SummaryPage::applyPalette(QChart *chart) const
{
    const QPalette &pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor grid = pal.color(QPalette::Mid);
    chart->setBackgroundBrush(pal.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen); // the grid cell is frame enough
    chart->setBackgroundRoundness(0);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    chart->legend()->setFont(font());
    QFont title = font();
    title.setBold(true);
    chart->setTitleFont(title);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setLabelsFont(font());
        axis->setLinePenColor(grid);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
    }
    for (QAbstractSeries *series : chart->series()) {
        if (auto *pie = qobject_cast<QPieSeries *>(series)) {
            for (QPieSlice *slice : pie->slices()) {
                slice->setLabelColor(text);
                slice->setLabelFont(font());
                slice->setBorderColor(pal.color(QPalette::Base));
            }
        }
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

QChart *SummaryPage::runStatusChart()
{
    auto *chart = new QChart;
    chart->setTitle(tr("Runs by status"));
    auto *series = new QPieSeries(chart);
    series->setHoleSize(0.45);
    if (m_snapshot) {
        for (auto it = m_snapshot->summary.runStatusCounts.cbegin(); it != m_snapshot->summary.runStatusCounts.cend();
             ++it) {
            if (it.value() == 0)
                continue;
            QPieSlice *slice
                = series->append(QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value()), qreal(it.value()));
            slice->setColor(runStatusColor(it.key(), palette()));
            slice->setProperty("key", it.key());
            const QString status = it.key();
            connect(slice, &QPieSlice::clicked, this, [this, status] {
                RunFilter filter;
                filter.status = status;
                Q_EMIT openRunsRequested(filter);
            });
        }
    }
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

QChart *SummaryPage::operationStatusChart()
{
    auto *chart = new QChart;
    chart->setTitle(tr("Operations by status"));
    auto *series = new QPieSeries(chart);
    series->setHoleSize(0.45);
    if (m_snapshot) {
        const auto &counts = m_snapshot->summary.operationStatusCounts;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (it.value() == 0)
                continue;
            QPieSlice *slice
                = series->append(QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value()), qreal(it.value()));
            slice->setColor(operationStatusColor(it.key(), palette()));
            slice->setProperty("key", it.key());
            const QString status = it.key();
            connect(slice, &QPieSlice::clicked, this, [this, status] {
                OperationFilter filter;
                filter.status = status;
                Q_EMIT openOperationsRequested(filter);
            });
        }
    }
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

QChart *SummaryPage::actionChart()
{
    auto *chart = new QChart;
    chart->setTitle(tr("Workflow decisions by action"));
    auto *set = new QBarSet(tr("Decisions"));
    set->setColor(seriesColor(0, palette()));
    QStringList actions;
    if (m_snapshot) {
        const auto &counts = m_snapshot->summary.workflowActionCounts;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            actions << it.key();
            *set << qreal(it.value());
        }
    }
    connect(set, &QBarSet::clicked, this, [this, actions](int index) {
        if (index < 0 || index >= actions.size())
            return;
        DecisionFilter filter;
        filter.action = actions.at(index);
        Q_EMIT openDecisionsRequested(filter);
    });
    addHorizontalBars(chart, set, actions);
    return chart;
}

// The action and reason-code charts: one labelled bar per category, values along the bottom.
void SummaryPage::addHorizontalBars(QChart *chart, QBarSet *set, const QStringList &categoryLabels) const
{
    auto *series = new QHorizontalBarSeries(chart);
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    chart->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    categories->append(categoryLabels.isEmpty() ? QStringList { QStringLiteral(" ") } : categoryLabels);
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    auto *values = new QValueAxis;
    values->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    values->setRange(0, largestBar(set));
    values->applyNiceNumbers();
    chart->legend()->hide();
    set->setLabelColor(palette().color(QPalette::HighlightedText));
}

QChart *SummaryPage::reasonCodeChart()
{
    auto *chart = new QChart;
    chart->setTitle(tr("Workflow decisions by reason code (top %1)").arg(kTopReasonCodes));
    auto *set = new QBarSet(tr("Decisions"));
    set->setColor(seriesColor(2, palette()));
    QStringList codes; // the "other" bar has no code
    QStringList labels;
    QList<qreal> barValues;
    if (m_snapshot) {
        QList<std::pair<QString, qint64>> sorted;
        const auto &counts = m_snapshot->summary.workflowReasonCodeCounts;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (it.value() > 0)
                sorted.append({ it.key(), it.value() });
        }
        std::stable_sort(
            sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
        qint64 other = 0;
        for (qsizetype i = 0; i < sorted.size(); ++i) {
            if (i < kTopReasonCodes) {
                codes << sorted.at(i).first;
                labels << sorted.at(i).first;
                barValues << qreal(sorted.at(i).second);
            } else {
                other += sorted.at(i).second;
            }
        }
        if (other > 0) {
            codes << QString();
            labels << tr("(other)");
            barValues << qreal(other);
        }
    }
    // A horizontal bar chart draws its first category at the bottom: reverse, so the largest
    // is on top and "other" last.
    std::reverse(codes.begin(), codes.end());
    std::reverse(labels.begin(), labels.end());
    std::reverse(barValues.begin(), barValues.end());
    set->append(barValues);
    connect(set, &QBarSet::clicked, this, [this, codes](int index) {
        if (index < 0 || index >= codes.size() || codes.at(index).isEmpty())
            return; // "other" stands for many codes: there is no one listing to open
        DecisionFilter filter;
        filter.reasonCode = codes.at(index);
        Q_EMIT openDecisionsRequested(filter);
    });
    addHorizontalBars(chart, set, labels);
    return chart;
}

QChart *SummaryPage::runsPerDayChart()
{
    auto *chart = new QChart;
    const QStringList days = m_snapshot ? daysOf(m_snapshot->fromDay, m_snapshot->toDay) : QStringList();
    chart->setTitle(m_snapshot ? tr("Runs per day, %1 to %2 (UTC)").arg(m_snapshot->fromDay, m_snapshot->toDay)
                               : tr("Runs per day"));
    auto *series = new QStackedBarSeries(chart);
    series->setBarWidth(0.8);
    qint64 maxTotal = 0;
    if (m_snapshot) {
        QMap<QString, QList<qreal>> byStatus; // status -> count per day index
        QList<qint64> totals(days.size(), 0);
        for (const DailyCount &c : m_snapshot->runsPerDay) {
            const qsizetype i = days.indexOf(c.day);
            if (i < 0)
                continue;
            auto &values = byStatus[c.key];
            if (values.isEmpty())
                values.resize(days.size(), 0);
            values[i] += qreal(c.count);
            totals[i] += c.count;
        }
        for (const qint64 t : totals)
            maxTotal = std::max(maxTotal, t);
        for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it) {
            const QString status = it.key();
            auto *set = new QBarSet(status.isEmpty() ? tr("(no status)") : status);
            set->setColor(runStatusColor(status, palette()));
            set->setBorderColor(Qt::transparent);
            set->append(it.value());
            connect(set, &QBarSet::clicked, this, [this, days, status](int index) {
                if (index < 0 || index >= days.size())
                    return;
                RunFilter filter;
                filter.createdFrom = dayStart(days.at(index));
                filter.createdTo = dayEnd(days.at(index));
                if (!status.isEmpty())
                    filter.status = status;
                Q_EMIT openRunsRequested(filter);
            });
            series->append(set);
        }
    }
    chart->addSeries(series);
    QCategoryAxis *x = dayAxis(days);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    y->setRange(0, std::max<qint64>(maxTotal, 1));
    y->applyNiceNumbers();
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

QChart *SummaryPage::decisionsPerDayChart()
{
    auto *chart = new QChart;
    const QStringList days = m_snapshot ? daysOf(m_snapshot->fromDay, m_snapshot->toDay) : QStringList();
    chart->setTitle(tr("Workflow decisions per day by action (UTC)"));
    QCategoryAxis *x = dayAxis(days);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    qint64 maxCount = 0;
    if (m_snapshot) {
        QMap<QString, QList<qreal>> byAction;
        for (const DailyCount &c : m_snapshot->decisionsPerDay) {
            const qsizetype i = days.indexOf(c.day);
            if (i < 0)
                continue;
            auto &values = byAction[c.key];
            if (values.isEmpty())
                values.resize(days.size(), 0);
            values[i] += qreal(c.count);
            maxCount = std::max(maxCount, c.count);
        }
        int colour = 0;
        for (auto it = byAction.cbegin(); it != byAction.cend(); ++it) {
            auto *series = new QLineSeries(chart);
            series->setName(it.key());
            for (int i = 0; i < it.value().size(); ++i)
                series->append(i, it.value().at(i));
            QPen pen(seriesColor(colour++, palette()));
            pen.setWidthF(2);
            series->setPen(pen);
            series->setPointsVisible(days.size() <= 31);
            const QString action = it.key();
            connect(series, &QLineSeries::clicked, this, [this, days, action](const QPointF &point) {
                const int index = qRound(point.x());
                if (index < 0 || index >= days.size())
                    return;
                DecisionFilter filter;
                filter.decidedFrom = dayStart(days.at(index));
                filter.decidedTo = dayEnd(days.at(index));
                filter.action = action;
                Q_EMIT openDecisionsRequested(filter);
            });
            chart->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
        }
    }
    y->setRange(0, std::max<qint64>(maxCount, 1));
    y->applyNiceNumbers();
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

QByteArray SummaryPage::summaryJsonBytes() const
{
    if (!m_snapshot)
        return {};
    // The environment's retention, as dpmctl reads it, so both print the same document.
    const int retention = retentionDaysFromEnvironment(QProcessEnvironment::systemEnvironment());
    return apiJsonDocumentBytes(summaryDocument(m_snapshot->summary, m_snapshot->backend, retention, m_snapshot->now));
}

void SummaryPage::exportJson(const QString &path) const
{
    if (!m_snapshot) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("EXPORT_NOTHING_LOADED"),
            tr("The summary has not been read yet; refresh, then export."));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throwWriteFailed(path, file.errorString());
    file.write(summaryJsonBytes());
    if (!file.commit())
        throwWriteFailed(path, file.errorString());
}

void SummaryPage::exportPng(const QString &path) const
{
    if (!m_snapshot) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("EXPORT_NOTHING_LOADED"),
            tr("The summary has not been read yet; refresh, then export."));
    }
    // The whole dashboard, also the part scrolled out of view.
    const QPixmap image = m_content->grab();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throwWriteFailed(path, file.errorString());
    if (!image.save(&file, "PNG"))
        throwWriteFailed(path, tr("the image could not be encoded"));
    if (!file.commit())
        throwWriteFailed(path, file.errorString());
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
