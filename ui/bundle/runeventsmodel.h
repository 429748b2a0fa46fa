#pragma once

#include "common/preparedtablemodel.h"

#include <QJsonArray>
#include <QJsonObject>

namespace dpm {

// The run's events of a bundle ("run_events"), by sequence: sequence, time, type, idempotency
// key and a status badge per delivery (topic: STATUS).
class RunEventsModel : public PreparedTableModel
{
    Q_OBJECT

public:
    enum Column { SequenceColumn, TimeColumn, TypeColumn, KeyColumn, DeliveriesColumn };
    enum Role { EventRole = Qt::UserRole + 1 }; // the event's QJsonObject, deliveries included

    explicit RunEventsModel(QObject *parent = nullptr);

    void setEvents(const QJsonArray &events);
    QJsonObject event(int row) const;
    // Deliveries per status over all events ("FAILED" -> 2), for the tab's summary line.
    QMap<QString, int> deliveryStatusCounts() const;

protected:
    QVariant extraData(int row, int column, int role) const override;

private:
    QList<QJsonObject> m_events;
    QList<QVariantList> m_badges;
};

} // namespace dpm
