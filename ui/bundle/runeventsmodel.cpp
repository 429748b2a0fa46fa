#include "bundle/runeventsmodel.h"

#include "common/statusbadgedelegate.h"
#include "common/statuscolors.h"

#include <QGuiApplication>

namespace dpm {

RunEventsModel::RunEventsModel(QObject *parent)
    : PreparedTableModel({ tr("Seq"), tr("Time (UTC)"), tr("Type"), tr("Idempotency key"), tr("Deliveries") }, parent)
{
    setMonospaceColumns({ KeyColumn });
}

void RunEventsModel::setEvents(const QJsonArray &events)
{
    m_events.clear();
    m_badges.clear();
    QList<QStringList> rows;
    for (const QJsonValue &value : events) {
        const QJsonObject event = value.toObject();
        QStringList deliveries;
        QVariantList badges;
        for (const QJsonValue &d : event.value(QLatin1String("deliveries")).toArray()) {
            const QJsonObject delivery = d.toObject();
            const QString status = delivery.value(QLatin1String("status")).toString();
            const QString text
                = QStringLiteral("%1: %2").arg(delivery.value(QLatin1String("topic")).toString(), status);
            deliveries << text;
            badges << StatusBadgeDelegate::badge(text, outboxStatusColor(status, QGuiApplication::palette()));
        }
        rows << QStringList { QString::number(event.value(QLatin1String("sequence_no")).toInteger()),
            event.value(QLatin1String("created_at")).toString(), event.value(QLatin1String("event_type")).toString(),
            event.value(QLatin1String("idempotency_key")).toString(),
            deliveries.isEmpty() ? tr("(no deliveries)") : deliveries.join(QStringLiteral(", ")) };
        m_events << event;
        m_badges << badges;
    }
    setRows(std::move(rows));
}

QJsonObject RunEventsModel::event(int row) const
{
    return m_events.value(row);
}

QMap<QString, int> RunEventsModel::deliveryStatusCounts() const
{
    QMap<QString, int> counts;
    for (const QJsonObject &event : m_events) {
        for (const QJsonValue &d : event.value(QLatin1String("deliveries")).toArray())
            ++counts[d.toObject().value(QLatin1String("status")).toString()];
    }
    return counts;
}

QVariant RunEventsModel::extraData(int row, int column, int role) const
{
    if (role == EventRole)
        return m_events.at(row);
    if (role == StatusBadgeDelegate::BadgesRole && column == DeliveriesColumn && !m_badges.at(row).isEmpty())
        return m_badges.at(row);
    return {};
}

} // namespace dpm
