#include "listing/decisionspage.h"

#include "domain/vocabulary.h"
#include "listing/listrows.h"
#include "store/supportstore.h"
#include "common/timerangefilter.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTableView>

namespace dpm {

DecisionsPage::DecisionsPage(QWidget *parent)
    : ListingPage(QStringLiteral("decisions"), decisionListColumns(), parent)
    , m_time(new TimeRangeFilter(this))
{
    setObjectName(QStringLiteral("decisionsPage"));
    listing()->table()->setAccessibleName(tr("Workflow decisions"));
    addFilterField(tr("&Decided:"), m_time);
    connect(m_time, &TimeRangeFilter::changed, this, &DecisionsPage::scheduleApply);
    m_run = addTextFilter(tr("R&un:"), tr("run id"));
    m_action = addChoiceFilter(tr("&Action:"), workflowActionWireValues());
    m_actor = addTextFilter(tr("Ac&tor:"), tr("actor id"));
    m_reasonCode = addTextFilter(tr("&Reason code:"), tr("REASON_CODE"));
    connect(listing(), &ListingView::rowActivated, this,
        [this](int row) { Q_EMIT openRunRequested(listing()->model()->row(row).runId); });
}

DecisionFilter DecisionsPage::filter() const
{
    DecisionFilter filter;
    filter.decidedFrom = m_time->from();
    filter.decidedTo = m_time->to();
    filter.rebalanceRunId = optionalFilterText(m_run->text());
    filter.action = optionalFilterText(m_action->currentData().toString());
    filter.actorId = optionalFilterText(m_actor->text());
    filter.reasonCode = optionalFilterText(m_reasonCode->text());
    return filter;
}

void DecisionsPage::setFilter(const DecisionFilter &filter)
{
    m_time->setRange(filter.decidedFrom, filter.decidedTo);
    m_run->setText(filter.rebalanceRunId.value_or(QString()));
    m_action->setCurrentIndex(qMax(0, m_action->findData(filter.action.value_or(QString()))));
    m_actor->setText(filter.actorId.value_or(QString()));
    m_reasonCode->setText(filter.reasonCode.value_or(QString()));
    applyFilter();
}

PageLoader DecisionsPage::makeLoader() const
{
    return [filter = filter()](SupportStore &store, const PageRequest &request) {
        return listPageOf(store.listWorkflowDecisionsFiltered(filter, request), decisionListRow);
    };
}

void DecisionsPage::resetFilterFields()
{
    m_time->clear();
    m_run->clear();
    m_action->setCurrentIndex(0);
    m_actor->clear();
    m_reasonCode->clear();
}

} // namespace dpm
