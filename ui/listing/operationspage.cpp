#include "listing/operationspage.h"

#include "common/consolesettings.h"
#include "domain/vocabulary.h"
#include "listing/listrows.h"
#include "listing/operationdetailpane.h"
#include "common/statuscolors.h"
#include "store/supportstore.h"
#include "common/timerangefilter.h"

#include <QComboBox>
#include <QGuiApplication>
#include <QLineEdit>
#include <QSplitter>
#include <QVBoxLayout>
#include <QTableView>

namespace dpm {

OperationsPage::OperationsPage(QWidget *parent)
    : ListingPage(QStringLiteral("operations"), operationListColumns(), parent)
    , m_time(new TimeRangeFilter(this))
    , m_detail(new OperationDetailPane(this))
{
    setObjectName(QStringLiteral("operationsPage"));
    listing()->table()->setAccessibleName(tr("Async operations"));
    addFilterField(tr("&Created:"), m_time);
    connect(m_time, &TimeRangeFilter::changed, this, &OperationsPage::scheduleApply);
    m_type = addChoiceFilter(tr("&Type:"), operationTypeWireValues());
    m_status = addChoiceFilter(tr("&Status:"), operationStatusWireValues());
    m_correlation = addTextFilter(tr("C&orrelation:"), tr("correlation id"));
    listing()->model()->setStatusColumn(operationStatusColumn());
    listing()->model()->setStatusColors([](const QString &status) {
        const QColor color = operationStatusColor(status, QGuiApplication::palette());
        return color.isValid() ? QVariant(color) : QVariant();
    });

    // The listing and the detail share the page's space side by side.
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    delete pageLayout()->replaceWidget(listing(), splitter); // the caller owns the replaced item
    splitter->addWidget(listing());
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setObjectName(QStringLiteral("operationsSplitter"));
    splitter->setSizes({ 600, 500 });
    if (const QByteArray state = ConsoleSettings::instance().layoutState(splitter->objectName()); !state.isEmpty())
        splitter->restoreState(state);
    connect(splitter, &QSplitter::splitterMoved, this,
        [splitter] { ConsoleSettings::instance().setLayoutState(splitter->objectName(), splitter->saveState()); });

    connect(listing(), &ListingView::currentRowChanged, this, [this](int row) {
        if (row < 0)
            m_detail->clear();
        else
            m_detail->showOperation(listing()->model()->row(row).id);
    });
    // Enter on an operation opens the run it produced, once its detail is shown.
    connect(listing(), &ListingView::rowActivated, m_detail, &OperationDetailPane::openRun);
    connect(m_detail, &OperationDetailPane::openRunRequested, this, &OperationsPage::openRunRequested);
}

void OperationsPage::setSession(StoreSession *session)
{
    m_detail->setSession(session);
    ListingPage::setSession(session);
}

OperationFilter OperationsPage::filter() const
{
    OperationFilter filter;
    filter.createdFrom = m_time->from();
    filter.createdTo = m_time->to();
    filter.operationType = optionalFilterText(m_type->currentData().toString());
    filter.status = optionalFilterText(m_status->currentData().toString());
    filter.correlationId = optionalFilterText(m_correlation->text());
    return filter;
}

void OperationsPage::setFilter(const OperationFilter &filter)
{
    m_time->setRange(filter.createdFrom, filter.createdTo);
    m_type->setCurrentIndex(qMax(0, m_type->findData(filter.operationType.value_or(QString()))));
    m_status->setCurrentIndex(qMax(0, m_status->findData(filter.status.value_or(QString()))));
    m_correlation->setText(filter.correlationId.value_or(QString()));
    applyFilter();
}

PageLoader OperationsPage::makeLoader() const
{
    return [filter = filter()](SupportStore &store, const PageRequest &request) {
        return listPageOf(store.listOperations(filter, request), operationListRow);
    };
}

void OperationsPage::resetFilterFields()
{
    m_time->clear();
    m_type->setCurrentIndex(0);
    m_status->setCurrentIndex(0);
    m_correlation->clear();
}

} // namespace dpm
