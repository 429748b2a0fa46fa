#include "sqlruneventstore.h"

#include "domain/cursor.h"
#include "domain/error.h"
#include "domain/pagelimit.h"
#include "domain/timestamp.h"
#include "store/sqldatabase.h"
#include "store/sqltransaction.h"

#include <type_traits>

namespace dpm {

namespace {

const QString kEventColumns = QStringLiteral(
    "event_id, rebalance_run_id, sequence_no, event_type, idempotency_key, payload_json, created_at");
// Deliveries with their event's run; LEFT JOIN so a delivery without its event still shows.
const QString kDeliverySelect = QStringLiteral(
    "SELECT o.outbox_id, o.event_id, o.topic, o.payload_json, o.status, o.attempts, o.max_attempts, "
    "o.next_attempt_at, o.last_error, o.created_at, o.delivered_at, o.lease_owner, "
    "COALESCE(e.rebalance_run_id, '') FROM dpm_outbox o LEFT JOIN dpm_run_events e ON e.event_id = o.event_id");
const QString kFrom = QStringLiteral(" FROM dpm_outbox o LEFT JOIN dpm_run_events e ON e.event_id = o.event_id");
// Ids per statement when a failure group is changed: well below every backend's parameter limit.
constexpr int kIdsPerStatement = 500;
// The advisory-lock class of run event appends (two-key form: its own key space).
constexpr int kAppendLockClass = 0x52455654; // "REVT"

RunEvent readEvent(const SqlRows &q)
{
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString(),
        q.value(4).toString(), q.value(5).toString(), q.value(6).toString() };
}

OutboxDelivery readDelivery(const SqlRows &q)
{
    OutboxDelivery d;
    d.outboxId = q.value(0).toString();
    d.eventId = q.value(1).toString();
    d.topic = q.value(2).toString();
    d.payloadJson = q.value(3).toString();
    d.status = q.value(4).toString();
    d.attempts = q.value(5).toInt();
    d.maxAttempts = q.value(6).toInt();
    d.nextAttemptAt = optionalText(q.value(7));
    d.lastError = optionalText(q.value(8));
    d.createdAt = q.value(9).toString();
    d.deliveredAt = optionalText(q.value(10));
    d.leaseOwner = optionalText(q.value(11));
    d.rebalanceRunId = q.value(12).toString();
    return d;
}

} // namespace

SqlRunEventStore::SqlRunEventStore(SqlDatabase &db)
    : m_db(db)
    , m_c(db.dialect().collateC())
{ }

template <typename F> auto SqlRunEventStore::inTransaction(bool write, F &&work) -> decltype(work())
{
    requireAvailable();
    SqlTransaction transaction(m_db, write ? SqlTransaction::Mode::Write : SqlTransaction::Mode::Read);
    if constexpr (std::is_void_v<decltype(work())>) {
        work();
        transaction.commit();
    } else {
        auto result = work();
        transaction.commit();
        return result;
    }
}

bool SqlRunEventStore::isAvailable()
{
    if (m_available)
        return true;
    if (!m_db.tableExists(QStringLiteral("dpm_run_events")) || !m_db.tableExists(QStringLiteral("dpm_outbox")))
        return false;
    // console/0006 added lease_owner; without it the outbox is the older one-delivery-per-event form.
    SqlRows q = m_db.exec(m_db.dialect().isPostgres()
            ? QStringLiteral("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() "
                             "AND table_name = 'dpm_outbox' AND column_name = 'lease_owner'")
            : QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('dpm_outbox') WHERE name = 'lease_owner'"));
    m_available = q.next() && q.value(0).toInt() > 0;
    return m_available;
}

std::optional<RunEvent> SqlRunEventStore::eventByKey(const QString &runId, const QString &key)
{
    SqlRows q = m_db.exec(QStringLiteral("SELECT %1 FROM dpm_run_events WHERE rebalance_run_id = ? AND "
                                         "idempotency_key = ?")
                              .arg(kEventColumns),
        { runId, key });
    return q.next() ? std::optional<RunEvent>(readEvent(q)) : std::nullopt;
}

QList<OutboxDelivery> SqlRunEventStore::deliveries(const Clause &where, const QString &orderBy)
{
    SqlRows q = m_db.exec(kDeliverySelect + QStringLiteral(" WHERE ") + where.sql + orderBy, where.params);
    QList<OutboxDelivery> out;
    while (q.next())
        out << readDelivery(q);
    return out;
}

AppendEventResult SqlRunEventStore::appendEvent(const AppendEventRequest &request)
{
    const QString payload = validateAppendRequest(request);
    const QString createdAt = request.createdAt.isEmpty() ? nowTimestamp() : request.createdAt;
    return inTransaction(true, [&] {
        // One appender per run at a time (SQLite's BEGIN IMMEDIATE already serialises writers).
        if (m_db.dialect().isPostgres()) {
            m_db.exec(QStringLiteral("SELECT pg_advisory_xact_lock(?, hashtext(?))"),
                { kAppendLockClass, request.rebalanceRunId });
        }
        const Clause ofEvent { QStringLiteral("o.event_id = ?"), {} };
        const auto stored = [&](const RunEvent &event) {
            return AppendEventResult { event, false,
                deliveries({ ofEvent.sql, { event.eventId } }, QStringLiteral(" ORDER BY o.outbox_id") + m_c) };
        };
        if (const auto existing = eventByKey(request.rebalanceRunId, request.idempotencyKey))
            return stored(*existing);
        if (!m_db.exec(QStringLiteral("SELECT 1 FROM dpm_runs WHERE rebalance_run_id = ?"), { request.rebalanceRunId })
                 .next()) {
            throw Error(ErrorKind::NotFound, QStringLiteral("DPM_RUN_NOT_FOUND"),
                QStringLiteral("No run has the id %1; check the run id (dpmctl runs list).")
                    .arg(request.rebalanceRunId));
        }
        SqlRows next = m_db.exec(
            QStringLiteral("SELECT COALESCE(MAX(sequence_no), 0) + 1 FROM dpm_run_events WHERE rebalance_run_id = ?"),
            { request.rebalanceRunId });
        next.next();
        const RunEvent event { newRunEventId(), request.rebalanceRunId, next.value(0).toLongLong(),
            request.eventType, request.idempotencyKey, payload, createdAt };
        SqlRows insert = m_db.exec(QStringLiteral("INSERT INTO dpm_run_events (%1) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                                  "ON CONFLICT DO NOTHING")
                                       .arg(kEventColumns),
            { event.eventId, event.rebalanceRunId, event.sequenceNo, event.eventType, event.idempotencyKey,
                event.payloadJson, event.createdAt });
        if (insert.numRowsAffected() != 1) {
            // Only a writer that bypassed the lock can get here; its row is the stored one.
            if (const auto existing = eventByKey(request.rebalanceRunId, request.idempotencyKey))
                return stored(*existing);
            throw Error(ErrorKind::Conflict, QStringLiteral("RUN_EVENT_CONFLICT"),
                QStringLiteral("Another event took sequence number %1 of run %2 at the same time; append again.")
                    .arg(event.sequenceNo)
                    .arg(event.rebalanceRunId));
        }
        const QString deliveryPayload = outboxPayloadFor(event);
        for (const QString &topic : distinctTopics(request.topics)) {
            m_db.exec(QStringLiteral("INSERT INTO dpm_outbox (outbox_id, event_id, topic, payload_json, status, "
                                     "attempts, max_attempts, next_attempt_at, created_at) "
                                     "VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)"),
                { newOutboxId(), event.eventId, topic, deliveryPayload, request.maxAttempts, createdAt, createdAt });
        }
        AppendEventResult result = stored(event);
        result.created = true;
        return result;
    });
}

QList<RunEventWithDeliveries> SqlRunEventStore::listEvents(const QString &rebalanceRunId)
{
    return inTransaction(false, [&] {
        QList<RunEventWithDeliveries> out;
        QHash<QString, qsizetype> index;
        SqlRows q = m_db.exec(
            QStringLiteral("SELECT %1 FROM dpm_run_events WHERE rebalance_run_id = ? ORDER BY sequence_no")
                .arg(kEventColumns),
            { rebalanceRunId });
        while (q.next()) {
            out << RunEventWithDeliveries { readEvent(q), {} };
            index.insert(out.constLast().event.eventId, out.size() - 1);
        }
        const QList<OutboxDelivery> all = deliveries(
            { QStringLiteral("e.rebalance_run_id = ?"), { rebalanceRunId } }, QStringLiteral(" ORDER BY o.outbox_id") + m_c);
        for (const OutboxDelivery &d : all)
            out[index.value(d.eventId)].deliveries << d;
        return out;
    });
}

SqlRunEventStore::Clause SqlRunEventStore::filterClause(const OutboxFilter &f) const
{
    QStringList parts { QStringLiteral("1 = 1") };
    QVariantList params;
    const auto add = [&](const std::optional<QString> &value, const QString &sql) {
        if (value) {
            parts << sql;
            params << *value;
        }
    };
    add(f.status, QStringLiteral("o.status = ?"));
    add(f.topic, QStringLiteral("o.topic = ?"));
    add(f.rebalanceRunId, QStringLiteral("e.rebalance_run_id = ?"));
    add(f.createdFrom, QStringLiteral("o.created_at%1 >= ?").arg(m_c));
    add(f.createdTo, QStringLiteral("o.created_at%1 <= ?").arg(m_c));
    return { parts.join(QStringLiteral(" AND ")), params };
}

Page<OutboxDelivery> SqlRunEventStore::listOutbox(const OutboxFilter &filter, const PageRequest &page)
{
    requirePageLimit(page.limit);
    const std::optional<Cursor> cursor = decodeCursor(CursorListing::Outbox, page.cursor);
    Clause where = filterClause(filter);
    if (cursor) {
        if (cursor->isLegacy()) {
            where.sql += QStringLiteral(" AND (o.created_at%1, o.outbox_id%1) < (SELECT created_at, outbox_id FROM "
                                        "dpm_outbox WHERE outbox_id = ?)")
                             .arg(m_c);
            where.params << cursor->id;
        } else {
            where.sql += QStringLiteral(" AND (o.created_at%1, o.outbox_id%1) < (?, ?)").arg(m_c);
            where.params << *cursor->sortKey << cursor->id;
        }
    }
    where.params << page.limit + 1;
    Page<OutboxDelivery> result;
    result.items = inTransaction(false, [&] {
        return deliveries(where, QStringLiteral(" ORDER BY o.created_at%1 DESC, o.outbox_id%1 DESC LIMIT ?").arg(m_c));
    });
    if (result.items.size() > page.limit) {
        result.items.removeLast();
        const OutboxDelivery &last = result.items.constLast();
        result.nextCursor = encodeCursor(CursorListing::Outbox, last.createdAt, last.outboxId);
    }
    return result;
}

std::optional<OutboxDelivery> SqlRunEventStore::getDelivery(const QString &outboxId)
{
    const QList<OutboxDelivery> found
        = inTransaction(false, [&] { return deliveries({ QStringLiteral("o.outbox_id = ?"), { outboxId } }, {}); });
    return found.isEmpty() ? std::nullopt : std::optional<OutboxDelivery>(found.constFirst());
}

OutboxStats SqlRunEventStore::outboxStats(const QString &now)
{
    return inTransaction(false, [&] {
        OutboxStats stats;
        SqlRows byStatus = m_db.exec(QStringLiteral("SELECT status, COUNT(*) FROM dpm_outbox GROUP BY status"));
        while (byStatus.next()) {
            const QString status = byStatus.value(0).toString();
            const qint64 count = byStatus.value(1).toLongLong();
            if (status == OutboxStatus::Pending)
                stats.pending = count;
            else if (status == OutboxStatus::Delivered)
                stats.delivered = count;
            else if (status == OutboxStatus::Failed)
                stats.failed = count;
            else if (status == OutboxStatus::Dead)
                stats.dead = count;
        }
        SqlRows due = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM dpm_outbox WHERE status IN ('PENDING', 'FAILED') "
                                               "AND (next_attempt_at IS NULL OR next_attempt_at%1 <= ?)")
                                    .arg(m_c),
            { now });
        stats.dueNow = due.next() ? due.value(0).toLongLong() : 0;
        SqlRows oldest = m_db.exec(
            QStringLiteral("SELECT MIN(created_at%1) FROM dpm_outbox WHERE status = 'PENDING'").arg(m_c));
        if (oldest.next() && !oldest.value(0).isNull())
            stats.oldestPendingAgeSeconds = outboxAgeSeconds(oldest.value(0).toString(), now);
        SqlRows attempts = m_db.exec(QStringLiteral("SELECT attempts, COUNT(*) FROM dpm_outbox GROUP BY attempts"));
        while (attempts.next())
            stats.attempts.insert(attempts.value(0).toInt(), attempts.value(1).toLongLong());
        return stats;
    });
}

QList<OutboxFailureGroup> SqlRunEventStore::failureGroups()
{
    return groupOutboxFailures(inTransaction(false, [&] {
        return deliveries({ QStringLiteral("o.status IN ('FAILED', 'DEAD')"), {} }, {});
    }));
}

QList<QString> SqlRunEventStore::groupMembers(const QString &groupId)
{
    QList<QString> ids;
    SqlRows q = m_db.exec(
        QStringLiteral("SELECT outbox_id, last_error FROM dpm_outbox WHERE status IN ('FAILED', 'DEAD')"));
    while (q.next()) {
        if (outboxFailureGroupId(outboxErrorFingerprint(q.value(1).toString())) == groupId)
            ids << q.value(0).toString();
    }
    return ids;
}

qint64 SqlRunEventStore::applyToSelection(
    const OutboxSelection &selection, const QString &state, const Clause &set, bool dryRun)
{
    return inTransaction(!dryRun, [&] {
        QList<Clause> parts;
        if (selection.outboxId) {
            if (!m_db.exec(QStringLiteral("SELECT 1 FROM dpm_outbox WHERE outbox_id = ?"), { *selection.outboxId })
                     .next())
                throw deliveryNotFoundError(*selection.outboxId);
            parts << Clause { QStringLiteral("o.outbox_id = ?"), { *selection.outboxId } };
        } else if (selection.groupId) {
            const QList<QString> ids = groupMembers(*selection.groupId);
            for (qsizetype i = 0; i < ids.size(); i += kIdsPerStatement) {
                const QList<QString> chunk = ids.mid(i, kIdsPerStatement);
                parts << Clause { QStringLiteral("o.outbox_id IN (%1)").arg(sqlPlaceholders(chunk.size())),
                    QVariantList(chunk.cbegin(), chunk.cend()) };
            }
        } else {
            parts << filterClause(selection.filter);
        }
        qint64 changed = 0;
        for (const Clause &part : std::as_const(parts)) {
            const QString where = QStringLiteral(" WHERE %1 AND (%2)").arg(state, part.sql);
            if (dryRun) {
                SqlRows q = m_db.exec(QStringLiteral("SELECT COUNT(*)") + kFrom + where, part.params);
                changed += q.next() ? q.value(0).toLongLong() : 0;
            } else {
                SqlRows q = m_db.exec(QStringLiteral("UPDATE dpm_outbox SET %1 WHERE outbox_id IN (SELECT o.outbox_id")
                                          .arg(set.sql)
                        + kFrom + where + u')',
                    set.params + part.params);
                changed += q.numRowsAffected();
            }
        }
        return changed;
    });
}

qint64 SqlRunEventStore::retryDeliveries(const OutboxSelection &selection, const QString &now, bool dryRun)
{
    return applyToSelection(selection, QStringLiteral("o.status IN ('FAILED', 'DEAD')"),
        { QStringLiteral("status = 'PENDING', next_attempt_at = ?, lease_owner = NULL"), { now } }, dryRun);
}

qint64 SqlRunEventStore::discardDeliveries(const OutboxSelection &selection, const QString &reason, bool dryRun)
{
    return applyToSelection(selection, QStringLiteral("o.status IN ('PENDING', 'FAILED')"),
        { QStringLiteral("status = 'DEAD', next_attempt_at = NULL, lease_owner = NULL, last_error = ?"),
            { discardedError(reason) } },
        dryRun);
}

qint64 SqlRunEventStore::purgeDelivered(int olderThanDays, const QString &now, bool dryRun)
{
    requireAvailable();
    if (olderThanDays < 1)
        return 0;
    const QString cutoff = addSecondsToTimestamp(now, -qint64(olderThanDays) * 86400);
    const QString where
        = QStringLiteral(" FROM dpm_outbox WHERE status = 'DELIVERED' AND COALESCE(delivered_at, created_at)%1 < ?")
              .arg(m_c);
    return inTransaction(!dryRun, [&] {
        if (dryRun) {
            SqlRows q = m_db.exec(QStringLiteral("SELECT COUNT(*)") + where, { cutoff });
            return q.next() ? q.value(0).toLongLong() : qint64(0);
        }
        return qint64(m_db.exec(QStringLiteral("DELETE") + where, { cutoff }).numRowsAffected());
    });
}

QList<OutboxDelivery> SqlRunEventStore::claimDue(
    int batch, const QString &now, const QString &leaseOwner, const QString &leaseUntil)
{
    requirePageLimit(batch);
    return inTransaction(true, [&] {
        // PostgreSQL: rows another relay is claiming right now are skipped, not waited for; once it
        // commits they are leased (next attempt in the future) and no longer due.
        SqlRows q = m_db.exec(QStringLiteral("SELECT outbox_id FROM dpm_outbox WHERE status IN ('PENDING', 'FAILED') "
                                             "AND (next_attempt_at IS NULL OR next_attempt_at%1 <= ?) "
                                             "ORDER BY COALESCE(next_attempt_at, '')%1, outbox_id%1 LIMIT ?%2")
                                  .arg(m_c,
                                      m_db.dialect().isPostgres() ? QStringLiteral(" FOR UPDATE SKIP LOCKED")
                                                                  : QString()),
            { now, batch });
        QVariantList ids;
        while (q.next())
            ids << q.value(0);
        if (ids.isEmpty())
            return QList<OutboxDelivery>();
        const QString in = QStringLiteral("outbox_id IN (%1)").arg(sqlPlaceholders(ids.size()));
        m_db.exec(QStringLiteral("UPDATE dpm_outbox SET next_attempt_at = ?, lease_owner = ? WHERE ") + in,
            QVariantList { leaseUntil, leaseOwner } + ids);
        return deliveries({ QStringLiteral("o.") + in, ids },
            QStringLiteral(" ORDER BY o.created_at%1, o.outbox_id%1").arg(m_c));
    });
}

void SqlRunEventStore::markDelivered(const QString &outboxId, const QString &now)
{
    inTransaction(true, [&] {
        SqlRows q = m_db.exec(QStringLiteral("UPDATE dpm_outbox SET status = 'DELIVERED', delivered_at = ?, "
                                             "attempts = attempts + 1, next_attempt_at = NULL, lease_owner = NULL "
                                             "WHERE outbox_id = ?"),
            { now, outboxId });
        if (q.numRowsAffected() != 1)
            throw deliveryNotFoundError(outboxId);
    });
}

OutboxDelivery SqlRunEventStore::markFailed(
    const QString &outboxId, const QString &error, const QString &nextAttemptAt)
{
    return inTransaction(true, [&] {
        SqlRows q = m_db.exec(
            QStringLiteral("UPDATE dpm_outbox SET attempts = attempts + 1, last_error = ?, lease_owner = NULL, "
                           "status = CASE WHEN attempts + 1 >= max_attempts THEN 'DEAD' ELSE 'FAILED' END, "
                           "next_attempt_at = CASE WHEN attempts + 1 >= max_attempts THEN NULL ELSE CAST(? AS TEXT) END "
                           "WHERE outbox_id = ?"),
            { error, nextAttemptAt, outboxId });
        if (q.numRowsAffected() != 1)
            throw deliveryNotFoundError(outboxId);
        return deliveries({ QStringLiteral("o.outbox_id = ?"), { outboxId } }, {}).constFirst();
    });
}

} // namespace dpm
