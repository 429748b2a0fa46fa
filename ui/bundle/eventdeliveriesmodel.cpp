#include "bundle/eventdeliveriesmodel.h"

#include "common/statuscolors.h"

#include <QGuiApplication>
#include <QJsonObject>

namespace dpm {

namespace {

QString textOf(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isNull() || value.isUndefined() ? QString() : value.toVariant().toString();
}

} // namespace

EventDeliveriesModel::EventDeliveriesModel(QObject *parent)
    : PreparedTableModel({ tr("Topic"), tr("Status"), tr("Attempts"), tr("Last error"), tr("Next attempt (UTC)"),
                             tr("Delivered (UTC)"), tr("Outbox id") },
        parent)
{
    setMonospaceColumns({ IdColumn });
}

void EventDeliveriesModel::setDeliveries(const QJsonArray &deliveries)
{
    m_statuses.clear();
    m_ids.clear();
    QList<QStringList> rows;
    for (const QJsonValue &value : deliveries) {
        const QJsonObject d = value.toObject();
        m_statuses << textOf(d, "status");
        m_ids << textOf(d, "outbox_id");
        rows << QStringList { textOf(d, "topic"), m_statuses.last(),
            tr("%1 of %2").arg(textOf(d, "attempts"), textOf(d, "max_attempts")), textOf(d, "last_error"),
            textOf(d, "next_attempt_at"), textOf(d, "delivered_at"), m_ids.last() };
    }
    setRows(std::move(rows));
}

QVariant EventDeliveriesModel::extraData(int row, int column, int role) const
{
    switch (role) {
    case Qt::ForegroundRole:
        if (column == StatusColumn)
            return outboxStatusColor(m_statuses.at(row), QGuiApplication::palette());
        return {};
    case StatusRole:
        return m_statuses.at(row);
    case OutboxIdRole:
        return m_ids.at(row);
    default:
        return {};
    }
}

} // namespace dpm
