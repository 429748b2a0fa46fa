#pragma once

#include "domain/page.h"
#include "domain/proposals.h"
#include "summary/summarysnapshot.h"

#include <QCoreApplication>
#include <QPalette>

#include <functional>

class QBarSet;
class QChart;
class QFont;

namespace dpm {

// Where a click on a chart element leads: the listing it counts.
struct SummaryChartLinks
{
    std::function<void(const RunFilter &)> openRuns;
    std::function<void(const OperationFilter &)> openOperations;
    std::function<void(const DecisionFilter &)> openDecisions;
    std::function<void(const ProposalFilter &)> openProposals;
};

// The summary dashboard's charts, each built whole from a snapshot (without one: empty
// charts with their titles and axes) in the page's palette. Every call returns a new chart for
// the caller's view to own; the chart's elements call the links when clicked.
class SummaryCharts
{
    Q_DECLARE_TR_FUNCTIONS(dpm::SummaryCharts)

public:
    // How many reason codes get a bar of their own; the rest share "(other)".
    static constexpr int kTopReasonCodes = 8;

    SummaryCharts(const SummarySnapshot *snapshot, const QPalette &palette, SummaryChartLinks links);

    QChart *runStatus() const;
    QChart *operationStatus() const;
    QChart *actions() const;
    QChart *reasonCodes() const;
    QChart *runsPerDay() const;
    QChart *decisionsPerDay() const;
    QChart *proposalStates() const; // a slice opens the proposal listing of that state
    QChart *approvalsPerDay() const; // stacked by approval type and outcome

    // Background, text, grid and label colours and fonts from the palette (light or dark).
    static void applyPalette(QChart *chart, const QPalette &palette, const QFont &font);

private:
    // The action and reason-code charts: one labelled bar per category, values along the bottom.
    void addHorizontalBars(QChart *chart, QBarSet *set, const QStringList &categoryLabels) const;

    const SummarySnapshot *m_snapshot;
    QPalette m_palette;
    SummaryChartLinks m_links;
};

} // namespace dpm
