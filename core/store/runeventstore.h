#pragma once

#include "domain/page.h"
#include "domain/runevents.h"

#include <QList>
#include <QString>

namespace dpm {

class Error;

// Run events and the transactional outbox (domain spec Part A §8): appending an event and
// enqueueing its deliveries is one transaction; a retried append is a no-op that returns the
// stored event. Every backend behaves the same; tests/contract/tst_runeventstore_contract.cpp
// holds them to it. Errors are thrown as dpm::Error; every method but isAvailable() throws
// RUN_EVENTS_SCHEMA_MISSING when !isAvailable(). Timestamps passed in are in the service format.
// Safe to call from several threads (SQL: a connection per thread).
class RunEventStore
{
public:
    virtual ~RunEventStore() = default;

    // On SQL: console/0002 and console/0006 have been applied.
    virtual bool isAvailable() = 0;

    // The next sequence_no of the run (gapless, also with concurrent writers), the event row and
    // one PENDING delivery per distinct topic (due at once), in one transaction. A duplicate
    // (run, idempotency key) returns the stored event with created false and enqueues nothing.
    // DPM_RUN_NOT_FOUND when the run does not exist; INVALID_RUN_EVENT for an empty type, key or
    // topic, or a payload that is not JSON.
    virtual AppendEventResult appendEvent(const AppendEventRequest &request) = 0;
    // The run's events by sequence_no, each with its deliveries. Unknown run: empty.
    virtual QList<RunEventWithDeliveries> listEvents(const QString &rebalanceRunId) = 0;

    // created_at DESC, outbox_id DESC; keyset paging (CursorListing::Outbox).
    virtual Page<OutboxDelivery> listOutbox(const OutboxFilter &filter, const PageRequest &page) = 0;
    virtual std::optional<OutboxDelivery> getDelivery(const QString &outboxId) = 0;
    virtual OutboxStats outboxStats(const QString &now) = 0;
    // FAILED and DEAD deliveries grouped by the fingerprint of last_error (groupOutboxFailures).
    virtual QList<OutboxFailureGroup> failureGroups() = 0;

    // Operator writes, each in one transaction; with dryRun they count and change nothing.
    // Returns how many deliveries were (or would be) changed.
    // FAILED or DEAD -> PENDING, due at `now`, lease cleared; attempts kept. Other states untouched.
    virtual qint64 retryDeliveries(const OutboxSelection &selection, const QString &now, bool dryRun) = 0;
    // PENDING or FAILED -> DEAD, next attempt cleared, last_error = "discarded: <reason>".
    virtual qint64 discardDeliveries(const OutboxSelection &selection, const QString &reason, bool dryRun) = 0;
    // Deletes DELIVERED deliveries with delivered_at (else created_at) < now - days (strict).
    // days < 1 deletes nothing.
    virtual qint64 purgeDelivered(int olderThanDays, const QString &now, bool dryRun) = 0;

    // Relay primitives. claimDue takes up to `batch` due deliveries (PENDING or FAILED with
    // next_attempt_at absent or <= now; oldest next attempt first) and leases them to `leaseOwner`
    // until `leaseUntil` (next_attempt_at is set to it) so that no other relay takes them in the
    // meantime; a relay that dies leaves them due again after the lease (at least once).
    virtual QList<OutboxDelivery> claimDue(
        int batch, const QString &now, const QString &leaseOwner, const QString &leaseUntil)
        = 0;
    // -> DELIVERED, delivered_at = now, attempts + 1, next attempt and lease cleared.
    virtual void markDelivered(const QString &outboxId, const QString &now) = 0;
    // attempts + 1, last_error = error; DEAD when attempts reaches max_attempts (no next
    // attempt), else FAILED due at nextAttemptAt. Returns the delivery as stored after.
    virtual OutboxDelivery markFailed(const QString &outboxId, const QString &error, const QString &nextAttemptAt) = 0;

    // Throws RUN_EVENTS_SCHEMA_MISSING unless isAvailable().
    void requireAvailable();
};

Error runEventsSchemaMissingError();
// Checks an append request; throws INVALID_RUN_EVENT. Returns the canonical payload text.
QString validateAppendRequest(const AppendEventRequest &request);
// Distinct topics in the order given.
QStringList distinctTopics(const QStringList &topics);
// "evt_" / "obx_" + 12 random lowercase hex.
QString newRunEventId();
QString newOutboxId();
// The payload of a delivery as the outbox stores it (the demo generator's envelope).
QString outboxPayloadFor(const RunEvent &event);
// Whole seconds from `from` to `now` (0 when from is later); both in the service format.
qint64 outboxAgeSeconds(const QString &from, const QString &now);
// The last_error a discard leaves: "discarded: <reason>" ("discarded" without a reason).
QString discardedError(const QString &reason);
// OUTBOX_DELIVERY_NOT_FOUND.
Error deliveryNotFoundError(const QString &outboxId);

} // namespace dpm
