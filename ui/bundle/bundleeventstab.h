#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace dpm {

struct BundleDocument;
class EventDeliveriesModel;
class JsonTreeView;
class RunEventsModel;

// The bundle pane's Events tab: the run's events by sequence (from the bundle's "run_events", so
// an exported bundle file shows them too), the selected event's payload as a JSON tree and the
// state of each of its deliveries.
class BundleEventsTab : public QWidget
{
    Q_OBJECT

public:
    explicit BundleEventsTab(QWidget *parent = nullptr);

    void setDocument(const BundleDocument &document);

    RunEventsModel *eventsModel() const { return m_events; }
    EventDeliveriesModel *deliveriesModel() const { return m_deliveries; }
    QTableView *eventsView() const { return m_eventsView; }
    JsonTreeView *payloadView() const { return m_payload; }
    QString summaryText() const;

private:
    void showEventAt(int row);

    RunEventsModel *m_events;
    EventDeliveriesModel *m_deliveries;
    QLabel *m_summary;
    QTableView *m_eventsView;
    QTableView *m_deliveriesView;
    JsonTreeView *m_payload;
};

} // namespace dpm
