#include "memoryruneventstore.h"

#include "domain/cursor.h"
#include "domain/error.h"
#include "domain/pagelimit.h"
#include "domain/timestamp.h"

#include <QReadLocker>
#include <QWriteLocker>

namespace dpm {

namespace {

bool isDue(const OutboxDelivery &d, const QString &now)
{
    return (d.status == OutboxStatus::Pending || d.status == OutboxStatus::Failed)
        && (!d.nextAttemptAt || *d.nextAttemptAt <= now);
}

[[noreturn]] void runNotFound(const QString &runId)
{
    throw Error(ErrorKind::NotFound, QStringLiteral("DPM_RUN_NOT_FOUND"),
        QStringLiteral("No run has the id %1; check the run id (dpmctl runs list).").arg(runId));
}

} // namespace

MemoryRunEventStore::MemoryRunEventStore(std::function<bool(const QString &)> runExists)
    : m_runExists(std::move(runExists))
{ }

AppendEventResult MemoryRunEventStore::appendEvent(const AppendEventRequest &request)
{
    const QString payload = validateAppendRequest(request);
    if (!m_runExists(request.rebalanceRunId))
        runNotFound(request.rebalanceRunId);
    QWriteLocker locker(&m_lock);
    AppendEventResult result;
    const auto key = std::make_pair(request.rebalanceRunId, request.idempotencyKey);
    if (const auto it = m_eventByKey.constFind(key); it != m_eventByKey.cend()) {
        result.event = m_events.value(*it);
        result.deliveries = deliveriesOfLocked(*it);
        return result;
    }
    QList<QString> &runEvents = m_eventsByRun[request.rebalanceRunId];
    // MAX(sequence_no) + 1 as on SQL, also after a bulk load of a run with gaps.
    const qint64 sequenceNo = runEvents.isEmpty() ? 1 : m_events.value(runEvents.constLast()).sequenceNo + 1;
    const RunEvent event { newRunEventId(), request.rebalanceRunId, sequenceNo, request.eventType,
        request.idempotencyKey, payload, request.createdAt.isEmpty() ? nowTimestamp() : request.createdAt };
    m_events.insert(event.eventId, event);
    runEvents << event.eventId;
    m_eventByKey.insert(key, event.eventId);
    const QString deliveryPayload = outboxPayloadFor(event);
    for (const QString &topic : distinctTopics(request.topics)) {
        OutboxDelivery d;
        d.outboxId = newOutboxId();
        d.eventId = event.eventId;
        d.topic = topic;
        d.payloadJson = deliveryPayload;
        d.status = OutboxStatus::Pending;
        d.maxAttempts = request.maxAttempts;
        d.nextAttemptAt = event.createdAt;
        d.createdAt = event.createdAt;
        d.rebalanceRunId = event.rebalanceRunId;
        m_deliveries.insert(d.outboxId, d);
        m_deliveriesByEvent[d.eventId] << d.outboxId;
        m_outboxOrder.emplace(d.createdAt, d.outboxId);
    }
    result.event = event;
    result.created = true;
    result.deliveries = deliveriesOfLocked(event.eventId);
    return result;
}

QList<RunEventWithDeliveries> MemoryRunEventStore::listEvents(const QString &rebalanceRunId)
{
    QReadLocker locker(&m_lock);
    QList<RunEventWithDeliveries> out;
    for (const QString &eventId : m_eventsByRun.value(rebalanceRunId))
        out << RunEventWithDeliveries { m_events.value(eventId), deliveriesOfLocked(eventId) };
    return out;
}

Page<OutboxDelivery> MemoryRunEventStore::listOutbox(const OutboxFilter &filter, const PageRequest &page)
{
    requirePageLimit(page.limit);
    const std::optional<Cursor> cursor = decodeCursor(CursorListing::Outbox, page.cursor);
    QReadLocker locker(&m_lock);
    auto it = m_outboxOrder.crbegin();
    if (cursor) {
        std::pair<QString, QString> after { cursor->sortKey.value_or(QString()), cursor->id };
        if (cursor->isLegacy()) {
            const auto named = m_deliveries.constFind(cursor->id);
            if (named == m_deliveries.cend())
                return {};
            after.first = named->createdAt;
        }
        // First element strictly below the cursor's key.
        it = std::make_reverse_iterator(m_outboxOrder.lower_bound(after));
    }
    Page<OutboxDelivery> result;
    for (; it != m_outboxOrder.crend(); ++it) {
        const OutboxDelivery &d = m_deliveries[it->second];
        if (!matchesLocked(d, filter))
            continue;
        if (result.items.size() == page.limit) {
            const OutboxDelivery &last = result.items.constLast();
            result.nextCursor = encodeCursor(CursorListing::Outbox, last.createdAt, last.outboxId);
            break;
        }
        result.items << d;
    }
    return result;
}

std::optional<OutboxDelivery> MemoryRunEventStore::getDelivery(const QString &outboxId)
{
    QReadLocker locker(&m_lock);
    const auto it = m_deliveries.constFind(outboxId);
    return it == m_deliveries.cend() ? std::nullopt : std::optional<OutboxDelivery>(*it);
}

OutboxStats MemoryRunEventStore::outboxStats(const QString &now)
{
    QReadLocker locker(&m_lock);
    OutboxStats stats;
    std::optional<QString> oldestPending;
    for (const OutboxDelivery &d : std::as_const(m_deliveries)) {
        if (d.status == OutboxStatus::Pending) {
            ++stats.pending;
            if (!oldestPending || d.createdAt < *oldestPending)
                oldestPending = d.createdAt;
        } else if (d.status == OutboxStatus::Delivered) {
            ++stats.delivered;
        } else if (d.status == OutboxStatus::Failed) {
            ++stats.failed;
        } else if (d.status == OutboxStatus::Dead) {
            ++stats.dead;
        }
        if (isDue(d, now))
            ++stats.dueNow;
        ++stats.attempts[d.attempts];
    }
    if (oldestPending)
        stats.oldestPendingAgeSeconds = outboxAgeSeconds(*oldestPending, now);
    return stats;
}

QList<OutboxFailureGroup> MemoryRunEventStore::failureGroups()
{
    QReadLocker locker(&m_lock);
    QList<OutboxDelivery> failures;
    for (const OutboxDelivery &d : std::as_const(m_deliveries)) {
        if (d.status == OutboxStatus::Failed || d.status == OutboxStatus::Dead)
            failures << d;
    }
    return groupOutboxFailures(failures);
}

qint64 MemoryRunEventStore::retryDeliveries(const OutboxSelection &selection, const QString &now, bool dryRun)
{
    QWriteLocker locker(&m_lock);
    qint64 changed = 0;
    for (const QString &id : selectedLocked(selection)) {
        OutboxDelivery &d = m_deliveries[id];
        if (d.status != OutboxStatus::Failed && d.status != OutboxStatus::Dead)
            continue;
        ++changed;
        if (dryRun)
            continue;
        d.status = OutboxStatus::Pending;
        d.nextAttemptAt = now;
        d.leaseOwner.reset();
    }
    return changed;
}

qint64 MemoryRunEventStore::discardDeliveries(const OutboxSelection &selection, const QString &reason, bool dryRun)
{
    QWriteLocker locker(&m_lock);
    qint64 changed = 0;
    for (const QString &id : selectedLocked(selection)) {
        OutboxDelivery &d = m_deliveries[id];
        if (d.status != OutboxStatus::Pending && d.status != OutboxStatus::Failed)
            continue;
        ++changed;
        if (dryRun)
            continue;
        d.status = OutboxStatus::Dead;
        d.nextAttemptAt.reset();
        d.leaseOwner.reset();
        d.lastError = discardedError(reason);
    }
    return changed;
}

qint64 MemoryRunEventStore::purgeDelivered(int olderThanDays, const QString &now, bool dryRun)
{
    if (olderThanDays < 1)
        return 0;
    const QString cutoff = addSecondsToTimestamp(now, -qint64(olderThanDays) * 86400);
    QWriteLocker locker(&m_lock);
    QList<QString> doomed;
    for (const OutboxDelivery &d : std::as_const(m_deliveries)) {
        if (d.status == OutboxStatus::Delivered && d.deliveredAt.value_or(d.createdAt) < cutoff)
            doomed << d.outboxId;
    }
    if (!dryRun) {
        for (const QString &id : std::as_const(doomed)) {
            const OutboxDelivery gone = m_deliveries.take(id);
            m_outboxOrder.erase({ gone.createdAt, id });
            const auto ofEvent = m_deliveriesByEvent.find(gone.eventId);
            ofEvent->removeOne(id);
            if (ofEvent->isEmpty())
                m_deliveriesByEvent.erase(ofEvent);
        }
    }
    return doomed.size();
}

QList<OutboxDelivery> MemoryRunEventStore::claimDue(
    int batch, const QString &now, const QString &leaseOwner, const QString &leaseUntil)
{
    requirePageLimit(batch);
    QWriteLocker locker(&m_lock);
    QList<OutboxDelivery *> due;
    for (OutboxDelivery &d : m_deliveries) {
        if (isDue(d, now))
            due << &d;
    }
    std::sort(due.begin(), due.end(), [](const OutboxDelivery *a, const OutboxDelivery *b) {
        return std::tie(a->nextAttemptAt, a->outboxId) < std::tie(b->nextAttemptAt, b->outboxId);
    });
    QList<OutboxDelivery> claimed;
    for (OutboxDelivery *d : std::as_const(due)) {
        if (claimed.size() == batch)
            break;
        d->nextAttemptAt = leaseUntil;
        d->leaseOwner = leaseOwner;
        claimed << *d;
    }
    return claimed;
}

void MemoryRunEventStore::markDelivered(const QString &outboxId, const QString &now)
{
    QWriteLocker locker(&m_lock);
    OutboxDelivery &d = deliveryLocked(outboxId);
    d.status = OutboxStatus::Delivered;
    d.deliveredAt = now;
    ++d.attempts;
    d.nextAttemptAt.reset();
    d.leaseOwner.reset();
}

OutboxDelivery MemoryRunEventStore::markFailed(
    const QString &outboxId, const QString &error, const QString &nextAttemptAt)
{
    QWriteLocker locker(&m_lock);
    OutboxDelivery &d = deliveryLocked(outboxId);
    ++d.attempts;
    d.lastError = error;
    d.leaseOwner.reset();
    if (d.attempts >= d.maxAttempts) {
        d.status = OutboxStatus::Dead;
        d.nextAttemptAt.reset();
    } else {
        d.status = OutboxStatus::Failed;
        d.nextAttemptAt = nextAttemptAt;
    }
    return d;
}

QList<OutboxDelivery> MemoryRunEventStore::deliveriesOfLocked(const QString &eventId) const
{
    QList<OutboxDelivery> out;
    for (const QString &outboxId : m_deliveriesByEvent.value(eventId))
        out << m_deliveries.value(outboxId);
    std::sort(out.begin(), out.end(),
        [](const OutboxDelivery &a, const OutboxDelivery &b) { return a.outboxId < b.outboxId; });
    return out;
}

bool MemoryRunEventStore::matchesLocked(const OutboxDelivery &d, const OutboxFilter &f) const
{
    return (!f.status || d.status == *f.status) && (!f.topic || d.topic == *f.topic)
        && (!f.rebalanceRunId || d.rebalanceRunId == *f.rebalanceRunId)
        && (!f.createdFrom || d.createdAt >= *f.createdFrom) && (!f.createdTo || d.createdAt <= *f.createdTo);
}

QList<QString> MemoryRunEventStore::selectedLocked(const OutboxSelection &selection) const
{
    if (selection.outboxId) {
        if (!m_deliveries.contains(*selection.outboxId))
            throw deliveryNotFoundError(*selection.outboxId);
        return { *selection.outboxId };
    }
    QList<QString> ids;
    for (const OutboxDelivery &d : m_deliveries) {
        if (selection.groupId) {
            if ((d.status == OutboxStatus::Failed || d.status == OutboxStatus::Dead)
                && outboxFailureGroupId(outboxErrorFingerprint(d.lastError.value_or(QString()))) == *selection.groupId)
                ids << d.outboxId;
        } else if (matchesLocked(d, selection.filter)) {
            ids << d.outboxId;
        }
    }
    return ids;
}

OutboxDelivery &MemoryRunEventStore::deliveryLocked(const QString &outboxId)
{
    const auto it = m_deliveries.find(outboxId);
    if (it == m_deliveries.end())
        throw deliveryNotFoundError(outboxId);
    return *it;
}

} // namespace dpm
