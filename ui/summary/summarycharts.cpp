#include "summary/summarycharts.h"

#include "common/statuscolors.h"
#include "domain/proposalvocabulary.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace dpm {

namespace {

QString dayStart(const QString &day)
{
    return day + QStringLiteral("T00:00:00+00:00");
}

QString dayEnd(const QString &day)
{
    return day + QStringLiteral("T23:59:59.999999+00:00");
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

SummaryCharts::SummaryCharts(const SummarySnapshot *snapshot, const QPalette &palette, SummaryChartLinks links)
    : m_snapshot(snapshot)
    , m_palette(palette)
    , m_links(std::move(links))
{ }

QChart *SummaryCharts::runStatus() const
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
            slice->setColor(runStatusColor(it.key(), m_palette));
            slice->setProperty("key", it.key());
            const QString status = it.key();
            QObject::connect(slice, &QPieSlice::clicked, slice, [open = m_links.openRuns, status] {
                RunFilter filter;
                filter.status = status;
                open(filter);
            });
        }
    }
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

QChart *SummaryCharts::operationStatus() const
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
            slice->setColor(operationStatusColor(it.key(), m_palette));
            slice->setProperty("key", it.key());
            const QString status = it.key();
            QObject::connect(slice, &QPieSlice::clicked, slice, [open = m_links.openOperations, status] {
                OperationFilter filter;
                filter.status = status;
                open(filter);
            });
        }
    }
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

QChart *SummaryCharts::actions() const
{
    auto *chart = new QChart;
    chart->setTitle(tr("Workflow decisions by action"));
    auto *set = new QBarSet(tr("Decisions"));
    set->setColor(seriesColor(0, m_palette));
    QStringList actions;
    if (m_snapshot) {
        const auto &counts = m_snapshot->summary.workflowActionCounts;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            actions << it.key();
            *set << qreal(it.value());
        }
    }
    QObject::connect(set, &QBarSet::clicked, set, [open = m_links.openDecisions, actions](int index) {
        if (index < 0 || index >= actions.size())
            return;
        DecisionFilter filter;
        filter.action = actions.at(index);
        open(filter);
    });
    addHorizontalBars(chart, set, actions);
    return chart;
}

void SummaryCharts::addHorizontalBars(QChart *chart, QBarSet *set, const QStringList &categoryLabels) const
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
    set->setLabelColor(m_palette.color(QPalette::HighlightedText));
}

QChart *SummaryCharts::reasonCodes() const
{
    auto *chart = new QChart;
    chart->setTitle(tr("Workflow decisions by reason code (top %1)").arg(kTopReasonCodes));
    auto *set = new QBarSet(tr("Decisions"));
    set->setColor(seriesColor(2, m_palette));
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
    QObject::connect(set, &QBarSet::clicked, set, [open = m_links.openDecisions, codes](int index) {
        if (index < 0 || index >= codes.size() || codes.at(index).isEmpty())
            return; // "other" stands for many codes: there is no one listing to open
        DecisionFilter filter;
        filter.reasonCode = codes.at(index);
        open(filter);
    });
    addHorizontalBars(chart, set, labels);
    return chart;
}

QChart *SummaryCharts::runsPerDay() const
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
            set->setColor(runStatusColor(status, m_palette));
            set->setBorderColor(Qt::transparent);
            set->append(it.value());
            QObject::connect(set, &QBarSet::clicked, set, [open = m_links.openRuns, days, status](int index) {
                if (index < 0 || index >= days.size())
                    return;
                RunFilter filter;
                filter.createdFrom = dayStart(days.at(index));
                filter.createdTo = dayEnd(days.at(index));
                if (!status.isEmpty())
                    filter.status = status;
                open(filter);
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

QChart *SummaryCharts::decisionsPerDay() const
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
            QPen pen(seriesColor(colour++, m_palette));
            pen.setWidthF(2);
            series->setPen(pen);
            series->setPointsVisible(days.size() <= 31);
            const QString action = it.key();
            QObject::connect(series, &QLineSeries::clicked, series,
                [open = m_links.openDecisions, days, action](const QPointF &point) {
                    const int index = qRound(point.x());
                    if (index < 0 || index >= days.size())
                        return;
                    DecisionFilter filter;
                    filter.decidedFrom = dayStart(days.at(index));
                    filter.decidedTo = dayEnd(days.at(index));
                    filter.action = action;
                    open(filter);
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

QChart *SummaryCharts::proposalStates() const
{
    auto *chart = new QChart;
    chart->setTitle(tr("Advisory proposals by state"));
    auto *series = new QPieSeries(chart);
    series->setHoleSize(0.45);
    if (m_snapshot && m_snapshot->proposals) {
        const auto &counts = m_snapshot->proposals->stateCounts;
        // In lifecycle order, not alphabetical: the legend reads as the workflow does.
        QStringList states = proposalStateWireValues();
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (!states.contains(it.key()))
                states << it.key();
        }
        for (const QString &state : std::as_const(states)) {
            const qint64 count = counts.value(state);
            if (count == 0)
                continue;
            QPieSlice *slice = series->append(QStringLiteral("%1 (%2)").arg(state).arg(count), qreal(count));
            slice->setColor(proposalStateColor(state, m_palette));
            slice->setProperty("key", state);
            QObject::connect(slice, &QPieSlice::clicked, slice, [open = m_links.openProposals, state] {
                if (!open)
                    return;
                ProposalFilter filter;
                filter.state = state;
                open(filter);
            });
        }
    }
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

QChart *SummaryCharts::approvalsPerDay() const
{
    auto *chart = new QChart;
    const QStringList days = m_snapshot ? daysOf(m_snapshot->fromDay, m_snapshot->toDay) : QStringList();
    chart->setTitle(tr("Proposal approvals per day by type and outcome (UTC)"));
    auto *series = new QStackedBarSeries(chart);
    series->setBarWidth(0.8);
    qint64 maxTotal = 0;
    if (m_snapshot) {
        QMap<QString, QList<qreal>> byKey; // "RISK:APPROVED" -> count per day index
        QList<qint64> totals(days.size(), 0);
        for (const DailyCount &c : m_snapshot->approvalsPerDay) {
            const qsizetype i = days.indexOf(c.day);
            if (i < 0)
                continue;
            auto &values = byKey[c.key];
            if (values.isEmpty())
                values.resize(days.size(), 0);
            values[i] += qreal(c.count);
            totals[i] += c.count;
        }
        for (const qint64 t : totals)
            maxTotal = std::max(maxTotal, t);
        const bool dark = m_palette.color(QPalette::Base).lightness() < 128;
        const QStringList types = proposalApprovalTypeWireValues();
        for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
            // Approved green, rejected red; the type sets the shade (and the legend names it).
            const bool approved = it.key().endsWith(QLatin1String(":APPROVED"));
            const int shade = int(qMax<qsizetype>(0, types.indexOf(it.key().section(QLatin1Char(':'), 0, 0))));
            const int lightness = dark ? 120 + 30 * shade : 70 + 30 * shade;
            auto *set = new QBarSet(it.key());
            set->setColor(QColor::fromHsl(approved ? 130 : 2, 170, lightness));
            set->setBorderColor(Qt::transparent);
            set->append(it.value());
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

void SummaryCharts::applyPalette(QChart *chart, const QPalette &pal, const QFont &font)
{
    const QColor text = pal.color(QPalette::Text);
    const QColor grid = pal.color(QPalette::Mid);
    chart->setBackgroundBrush(pal.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen); // the grid cell is frame enough
    chart->setBackgroundRoundness(0);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    chart->legend()->setFont(font);
    QFont title = font;
    title.setBold(true);
    chart->setTitleFont(title);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setLabelsFont(font);
        axis->setLinePenColor(grid);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
    }
    for (QAbstractSeries *series : chart->series()) {
        if (auto *pie = qobject_cast<QPieSeries *>(series)) {
            for (QPieSlice *slice : pie->slices()) {
                slice->setLabelColor(text);
                slice->setLabelFont(font);
                slice->setBorderColor(pal.color(QPalette::Base));
            }
        }
    }
}

} // namespace dpm
