#pragma once

#include "store/bulkloader.h"
#include "store/runeventstore.h"

#include <QHash>
#include <QReadWriteLock>

#include <functional>
#include <set>
#include <utility>

namespace dpm {

// Run events and outbox of the in-memory store: always available, every call atomic under one
// lock, so sequence numbers are gapless and a duplicate append is found like on SQL.
class MemoryRunEventStore final : public RunEventStore
{
public:
    // runExists answers whether the supportability store holds the run (appendEvent needs it).
    explicit MemoryRunEventStore(std::function<bool(const QString &)> runExists);

    bool isAvailable() override { return true; }
    AppendEventResult appendEvent(const AppendEventRequest &request) override;
    QList<RunEventWithDeliveries> listEvents(const QString &rebalanceRunId) override;
    Page<OutboxDelivery> listOutbox(const OutboxFilter &filter, const PageRequest &page) override;
    std::optional<OutboxDelivery> getDelivery(const QString &outboxId) override;
    OutboxStats outboxStats(const QString &now) override;
    QList<OutboxFailureGroup> failureGroups() override;
    qint64 retryDeliveries(const OutboxSelection &selection, const QString &now, bool dryRun) override;
    qint64 discardDeliveries(const OutboxSelection &selection, const QString &reason, bool dryRun) override;
    qint64 purgeDelivered(int olderThanDays, const QString &now, bool dryRun) override;
    QList<OutboxDelivery> claimDue(
        int batch, const QString &now, const QString &leaseOwner, const QString &leaseUntil) override;
    void markDelivered(const QString &outboxId, const QString &now) override;
    OutboxDelivery markFailed(const QString &outboxId, const QString &error, const QString &nextAttemptAt) override;

    // The bulk path (memoryruneventbulk.cpp). Stored rows go in exactly as given, all or nothing:
    // a key already stored or given twice (event id, (run, idempotency key), (run, sequence_no);
    // outbox id, (event, topic)) or a status outside outboxStatuses() is RUN_EVENT_CONFLICT or
    // OUTBOX_DELIVERY_CONFLICT, as SQL's keys and checks refuse it. A delivery takes
    // rebalanceRunId from its event, so events go in before their deliveries.
    void insertEvents(const QList<RunEvent> &events);
    void insertDeliveries(const QList<OutboxDelivery> &deliveries);
    // Every row of dpm_run_events or dpm_outbox in the columns of bulkTableSpec(), in no set order.
    QList<QList<QByteArray>> bulkRows(BulkTable table) const;

private:
    // Unlocked helpers; callers hold m_lock.
    QList<OutboxDelivery> deliveriesOfLocked(const QString &eventId) const;
    bool matchesLocked(const OutboxDelivery &delivery, const OutboxFilter &filter) const;
    QList<QString> selectedLocked(const OutboxSelection &selection) const;
    OutboxDelivery &deliveryLocked(const QString &outboxId);

    std::function<bool(const QString &)> m_runExists;
    mutable QReadWriteLock m_lock;
    QHash<QString, RunEvent> m_events; // event_id -> event
    QHash<QString, QList<QString>> m_eventsByRun; // run -> event ids by sequence_no
    QHash<std::pair<QString, QString>, QString> m_eventByKey; // (run, key) -> event_id
    QHash<QString, OutboxDelivery> m_deliveries; // outbox_id -> delivery
    QHash<QString, QList<QString>> m_deliveriesByEvent; // event_id -> outbox ids
    std::set<std::pair<QString, QString>> m_outboxOrder; // (created_at, outbox_id)
};

} // namespace dpm
