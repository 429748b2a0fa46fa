#include "listing/runspage.h"

#include "domain/vocabulary.h"
#include "listing/listrows.h"
#include "common/statuscolors.h"
#include "store/supportstore.h"
#include "common/timerangefilter.h"

#include <QComboBox>
#include <QGuiApplication>
#include <QLineEdit>
#include <QTableView>

namespace dpm {

RunsPage::RunsPage(QWidget *parent)
    : ListingPage(QStringLiteral("runs"), runListColumns(), parent)
    , m_time(new TimeRangeFilter(this))
{
    setObjectName(QStringLiteral("runsPage"));
    listing()->table()->setAccessibleName(tr("Runs"));
    addFilterField(tr("&Created:"), m_time);
    connect(m_time, &TimeRangeFilter::changed, this, &RunsPage::scheduleApply);
    m_status = addChoiceFilter(tr("&Status:"), runStatusWireValues());
    m_portfolio = addTextFilter(tr("&Portfolio:"), tr("portfolio id"));
    m_requestHash = addTextFilter(tr("Request &hash:"), tr("sha256:…"));
    listing()->model()->setStatusColumn(runStatusColumn());
    listing()->model()->setStatusColors([](const QString &status) {
        const QColor color = runStatusColor(status, QGuiApplication::palette());
        return color.isValid() ? QVariant(color) : QVariant();
    });
    connect(listing(), &ListingView::rowActivated, this,
        [this](int row) { Q_EMIT openRunRequested(listing()->model()->row(row).runId); });
}

RunFilter RunsPage::filter() const
{
    RunFilter filter;
    filter.createdFrom = m_time->from();
    filter.createdTo = m_time->to();
    filter.status = optionalFilterText(m_status->currentData().toString());
    filter.portfolioId = optionalFilterText(m_portfolio->text());
    filter.requestHash = optionalFilterText(m_requestHash->text());
    return filter;
}

void RunsPage::setFilter(const RunFilter &filter)
{
    m_time->setRange(filter.createdFrom, filter.createdTo);
    m_status->setCurrentIndex(qMax(0, m_status->findData(filter.status.value_or(QString()))));
    m_portfolio->setText(filter.portfolioId.value_or(QString()));
    m_requestHash->setText(filter.requestHash.value_or(QString()));
    applyFilter();
}

PageLoader RunsPage::makeLoader() const
{
    return [filter = filter()](SupportStore &store, const PageRequest &request) {
        return listPageOf(store.listRuns(filter, request), runListRow);
    };
}

void RunsPage::resetFilterFields()
{
    m_time->clear();
    m_status->setCurrentIndex(0);
    m_portfolio->clear();
    m_requestHash->clear();
}

} // namespace dpm
