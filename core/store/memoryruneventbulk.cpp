// The bulk path of MemoryRunEventStore: stored rows in and out as the bulk loader and reader
// carry them (memorybulkloader.cpp, bulkreader.cpp).

#include "domain/error.h"
#include "memoryruneventstore.h"
#include "store/bulkreader.h"

#include <QReadLocker>
#include <QSet>
#include <QWriteLocker>

#include <algorithm>

namespace dpm {

namespace {

[[noreturn]] void eventConflict(const RunEvent &event, const QString &clash)
{
    throw Error(ErrorKind::Conflict, QStringLiteral("RUN_EVENT_CONFLICT"),
        QStringLiteral("Run event '%1' has %2 of an event already stored or loaded; load each event once, into a "
                       "store that does not hold it yet.")
            .arg(event.eventId, clash));
}

[[noreturn]] void deliveryConflict(const OutboxDelivery &delivery, const QString &clash)
{
    throw Error(ErrorKind::Conflict, QStringLiteral("OUTBOX_DELIVERY_CONFLICT"),
        QStringLiteral("Outbox delivery '%1' has %2; load each delivery once, with a status of %3, into a store "
                       "that does not hold it yet.")
            .arg(delivery.outboxId, clash, outboxStatuses().join(QStringLiteral(", "))));
}

} // namespace

void MemoryRunEventStore::insertEvents(const QList<RunEvent> &events)
{
    QWriteLocker locker(&m_lock);
    const auto sequenceOf = [this](const QString &eventId) { return m_events.constFind(eventId)->sequenceNo; };
    const auto placeOf = [&](const QList<QString> &runEvents, qint64 sequenceNo) {
        return std::lower_bound(runEvents.cbegin(), runEvents.cend(), sequenceNo,
            [&](const QString &eventId, qint64 wanted) { return sequenceOf(eventId) < wanted; });
    };
    // Every key checked before the first insert, so a refused batch leaves nothing behind.
    QSet<QString> ids;
    QSet<std::pair<QString, QString>> keys;
    QSet<std::pair<QString, qint64>> places;
    for (const RunEvent &e : events) {
        if (m_events.contains(e.eventId) || ids.contains(e.eventId))
            eventConflict(e, QStringLiteral("the event id"));
        const std::pair key { e.rebalanceRunId, e.idempotencyKey };
        if (m_eventByKey.contains(key) || keys.contains(key))
            eventConflict(e, QStringLiteral("the run and idempotency key"));
        const QList<QString> &stored = m_eventsByRun.value(e.rebalanceRunId);
        const auto at = placeOf(stored, e.sequenceNo);
        if ((at != stored.cend() && sequenceOf(*at) == e.sequenceNo)
            || places.contains({ e.rebalanceRunId, e.sequenceNo }))
            eventConflict(e, QStringLiteral("the run and sequence_no"));
        ids << e.eventId;
        keys << key;
        places << std::pair { e.rebalanceRunId, e.sequenceNo };
    }
    for (const RunEvent &e : events) {
        m_events.insert(e.eventId, e);
        m_eventByKey.insert({ e.rebalanceRunId, e.idempotencyKey }, e.eventId);
        QList<QString> &runEvents = m_eventsByRun[e.rebalanceRunId];
        runEvents.insert(placeOf(runEvents, e.sequenceNo) - runEvents.cbegin(), e.eventId);
    }
}

void MemoryRunEventStore::insertDeliveries(const QList<OutboxDelivery> &deliveries)
{
    QWriteLocker locker(&m_lock);
    const QStringList statuses = outboxStatuses();
    QSet<QString> ids;
    QSet<std::pair<QString, QString>> eventTopics;
    for (const OutboxDelivery &d : deliveries) {
        if (m_deliveries.contains(d.outboxId) || ids.contains(d.outboxId))
            deliveryConflict(d, QStringLiteral("the outbox id of a delivery already stored or loaded"));
        bool topicTaken = eventTopics.contains({ d.eventId, d.topic });
        for (const QString &id : m_deliveriesByEvent.value(d.eventId))
            topicTaken |= m_deliveries.constFind(id)->topic == d.topic;
        if (topicTaken)
            deliveryConflict(d, QStringLiteral("the event and topic of a delivery already stored or loaded"));
        if (!statuses.contains(d.status))
            deliveryConflict(d, QStringLiteral("the status '%1'").arg(d.status));
        ids << d.outboxId;
        eventTopics << std::pair { d.eventId, d.topic };
    }
    for (OutboxDelivery d : deliveries) {
        // As SQL reads it through the join with the event.
        if (const auto event = m_events.constFind(d.eventId); event != m_events.cend())
            d.rebalanceRunId = event->rebalanceRunId;
        m_deliveriesByEvent[d.eventId] << d.outboxId;
        m_outboxOrder.emplace(d.createdAt, d.outboxId);
        m_deliveries.insert(d.outboxId, d);
    }
}

QList<QList<QByteArray>> MemoryRunEventStore::bulkRows(BulkTable table) const
{
    QReadLocker locker(&m_lock);
    QList<QList<QByteArray>> rows;
    if (table == BulkTable::RunEvents) {
        for (const RunEvent &e : m_events)
            rows.append(runEventBulkRow(e));
    } else if (table == BulkTable::Outbox) {
        for (const OutboxDelivery &d : m_deliveries)
            rows.append(outboxBulkRow(d));
    }
    return rows;
}

} // namespace dpm
