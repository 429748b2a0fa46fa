#include "bundle/bundleeventstab.h"

#include "bundle/bundledocument.h"
#include "bundle/eventdeliveriesmodel.h"
#include "bundle/runeventsmodel.h"
#include "common/jsontreeview.h"
#include "common/statusbadgedelegate.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace dpm {

namespace {

QTableView *makeTable(QAbstractItemModel *model, const QString &accessibleName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    view->setModel(model);
    view->setAccessibleName(accessibleName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QWidget *titled(const QString &title, QWidget *content)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(title, box));
    layout->addWidget(content, 1);
    return box;
}

} // namespace

BundleEventsTab::BundleEventsTab(QWidget *parent)
    : QWidget(parent)
    , m_events(new RunEventsModel(this))
    , m_deliveries(new EventDeliveriesModel(this))
    , m_summary(new QLabel(this))
    , m_eventsView(makeTable(m_events, tr("Run events"), this))
    , m_deliveriesView(makeTable(m_deliveries, tr("Deliveries of the event"), this))
    , m_payload(new JsonTreeView(this))
{
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Events summary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *badges = new StatusBadgeDelegate(this);
    m_eventsView->setItemDelegateForColumn(RunEventsModel::DeliveriesColumn, badges);
    m_deliveriesView->setItemDelegateForColumn(EventDeliveriesModel::StatusColumn, badges);
    m_payload->setAccessibleName(tr("Event payload"));

    auto *lower = new QSplitter(Qt::Horizontal);
    lower->addWidget(titled(tr("Payload"), m_payload));
    lower->addWidget(titled(tr("Deliveries"), m_deliveriesView));
    lower->setSizes({ 400, 600 }); // the deliveries' columns need more room than the payload
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_eventsView);
    split->addWidget(lower);
    split->setSizes({ 300, 500 }); // a run has a handful of events; the detail gets the room

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);

    connect(m_eventsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { showEventAt(current.isValid() ? current.row() : -1); });
}

void BundleEventsTab::setDocument(const BundleDocument &document)
{
    const QJsonValue events = document.json.value(QLatin1String("run_events"));
    m_events->setEvents(events.toArray());
    if (!events.isArray()) {
        m_summary->setText(tr("No run events in this bundle: the store has no run event tables (console migrations "
                              "0002 and 0006), or the bundle file was exported without them."));
    } else if (m_events->rowCount() == 0) {
        m_summary->setText(tr("No events were appended for this run."));
    } else {
        QStringList counts;
        const QMap<QString, int> byStatus = m_events->deliveryStatusCounts();
        for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
            counts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
        // Counts as "label: n" so no plural forms are needed without a translation loaded.
        m_summary->setText(tr("Events: %1, by sequence. Deliveries: %2. Select an event for its payload and "
                              "the state of each delivery.")
                               .arg(m_events->rowCount())
                               .arg(counts.isEmpty() ? tr("none") : counts.join(QStringLiteral(", "))));
    }
    m_eventsView->resizeColumnsToContents();
    if (m_events->rowCount() > 0)
        m_eventsView->setCurrentIndex(m_events->index(0, 0));
    else
        showEventAt(-1);
}

QString BundleEventsTab::summaryText() const
{
    return m_summary->text();
}

void BundleEventsTab::showEventAt(int row)
{
    if (row < 0) {
        m_payload->clear();
        m_deliveries->setDeliveries({});
        return;
    }
    const QJsonObject event = m_events->event(row);
    m_payload->setJson(event.value(QLatin1String("payload")));
    m_deliveries->setDeliveries(event.value(QLatin1String("deliveries")).toArray());
    m_deliveriesView->resizeColumnsToContents();
}

} // namespace dpm
