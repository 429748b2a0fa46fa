#include "dualwriteruneventstore.h"

#include "store/bulkloader.h"
#include "store/bulkreader.h"
#include "store/supportstore.h"

namespace dpm {

DualWriteRunEventStore::DualWriteRunEventStore(RunEventStore &primary, SupportStore &postgres, DualWriteRouter &router)
    : m_primary(primary)
    , m_postgres(postgres)
    , m_postgresEvents(postgres.runEvents())
    , m_router(router)
{ }

AppendEventResult DualWriteRunEventStore::appendEvent(const AppendEventRequest &request)
{
    const auto lock = m_router.lockWrites();
    AppendEventResult result = m_primary.appendEvent(request);
    if (!result.created)
        return result; // a retried append: nothing new on either side
    m_router.mirror("runEvents.appendEvent", [&] {
        BulkRows rows;
        rows.addRow(BulkTable::RunEvents, runEventBulkRow(result.event));
        for (const OutboxDelivery &delivery : std::as_const(result.deliveries))
            rows.addRow(BulkTable::Outbox, outboxBulkRow(delivery));
        const std::unique_ptr<BulkLoader> loader = openBulkLoader(m_postgres);
        loader->begin();
        loader->write(rows);
        loader->commit();
    });
    return result;
}

QList<RunEventWithDeliveries> DualWriteRunEventStore::listEvents(const QString &rebalanceRunId)
{
    return read("runEvents.listEvents", &RunEventStore::listEvents, rebalanceRunId);
}

Page<OutboxDelivery> DualWriteRunEventStore::listOutbox(const OutboxFilter &filter, const PageRequest &page)
{
    return read("runEvents.listOutbox", &RunEventStore::listOutbox, filter, page);
}

std::optional<OutboxDelivery> DualWriteRunEventStore::getDelivery(const QString &outboxId)
{
    return read("runEvents.getDelivery", &RunEventStore::getDelivery, outboxId);
}

OutboxStats DualWriteRunEventStore::outboxStats(const QString &now)
{
    return read("runEvents.outboxStats", &RunEventStore::outboxStats, now);
}

QList<OutboxFailureGroup> DualWriteRunEventStore::failureGroups()
{
    return read("runEvents.failureGroups", &RunEventStore::failureGroups);
}

qint64 DualWriteRunEventStore::retryDeliveries(const OutboxSelection &selection, const QString &now, bool dryRun)
{
    if (dryRun) // changes nothing: the primary's count is the answer
        return m_primary.retryDeliveries(selection, now, dryRun);
    return write("runEvents.retryDeliveries", &RunEventStore::retryDeliveries, selection, now, dryRun);
}

qint64 DualWriteRunEventStore::discardDeliveries(const OutboxSelection &selection, const QString &reason, bool dryRun)
{
    if (dryRun)
        return m_primary.discardDeliveries(selection, reason, dryRun);
    return write("runEvents.discardDeliveries", &RunEventStore::discardDeliveries, selection, reason, dryRun);
}

qint64 DualWriteRunEventStore::purgeDelivered(int olderThanDays, const QString &now, bool dryRun)
{
    if (dryRun)
        return m_primary.purgeDelivered(olderThanDays, now, dryRun);
    return write("runEvents.purgeDelivered", &RunEventStore::purgeDelivered, olderThanDays, now, dryRun);
}

QList<OutboxDelivery> DualWriteRunEventStore::claimDue(
    int batch, const QString &now, const QString &leaseOwner, const QString &leaseUntil)
{
    return write("runEvents.claimDue", &RunEventStore::claimDue, batch, now, leaseOwner, leaseUntil);
}

void DualWriteRunEventStore::markDelivered(const QString &outboxId, const QString &now)
{
    write("runEvents.markDelivered", &RunEventStore::markDelivered, outboxId, now);
}

OutboxDelivery DualWriteRunEventStore::markFailed(const QString &outboxId, const QString &error, const QString &nextAttemptAt)
{
    return write("runEvents.markFailed", &RunEventStore::markFailed, outboxId, error, nextAttemptAt);
}

} // namespace dpm
