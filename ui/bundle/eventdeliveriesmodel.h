#pragma once

#include "common/preparedtablemodel.h"

#include <QJsonArray>

namespace dpm {

// The deliveries of one run event: topic, status (a badge), attempts of the maximum, last error,
// next attempt, delivered at and the outbox id.
class EventDeliveriesModel : public PreparedTableModel
{
    Q_OBJECT

public:
    enum Column {
        TopicColumn,
        StatusColumn,
        AttemptsColumn,
        LastErrorColumn,
        NextAttemptColumn,
        DeliveredColumn,
        IdColumn
    };
    enum Role { StatusRole = Qt::UserRole + 1, OutboxIdRole };

    explicit EventDeliveriesModel(QObject *parent = nullptr);

    void setDeliveries(const QJsonArray &deliveries);

protected:
    QVariant extraData(int row, int column, int role) const override;

private:
    QStringList m_statuses;
    QStringList m_ids;
};

} // namespace dpm
