#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace dpm {

// Run events and their outbox deliveries (domain spec Part A §8, console/0002 and console/0006).
// Field values are the stored text as-is: timestamps in the service format, JSON as canonical
// JSON text.

// The delivery states of dpm_outbox.status.
namespace OutboxStatus {
inline const QString Pending = QStringLiteral("PENDING");
inline const QString Delivered = QStringLiteral("DELIVERED");
inline const QString Failed = QStringLiteral("FAILED");
inline const QString Dead = QStringLiteral("DEAD");
} // namespace OutboxStatus
QStringList outboxStatuses();

// One row of dpm_run_events.
struct RunEvent
{
    QString eventId; // "evt_" + 12 lowercase hex
    QString rebalanceRunId;
    qint64 sequenceNo = 0; // 1, 2, … per run, without gaps
    QString eventType;
    QString idempotencyKey;
    QString payloadJson;
    QString createdAt;

    bool operator==(const RunEvent &) const = default;
};

// One row of dpm_outbox: the delivery of an event to one topic. rebalanceRunId is the event's
// (read through the join, not a column of the outbox).
struct OutboxDelivery
{
    QString outboxId; // "obx_" + 12 lowercase hex
    QString eventId;
    QString topic;
    QString payloadJson;
    QString status;
    int attempts = 0;
    int maxAttempts = 0;
    std::optional<QString> nextAttemptAt;
    std::optional<QString> lastError;
    QString createdAt;
    std::optional<QString> deliveredAt;
    std::optional<QString> leaseOwner; // the relay that claimed it last (console/0006)
    QString rebalanceRunId;

    bool operator==(const OutboxDelivery &) const = default;
};

struct RunEventWithDeliveries
{
    RunEvent event;
    QList<OutboxDelivery> deliveries; // outbox_id order
};

// What appendEvent is asked to store. createdAt empty = now.
struct AppendEventRequest
{
    QString rebalanceRunId;
    QString eventType;
    QString idempotencyKey;
    QString payloadJson; // any JSON text; stored canonical
    QStringList topics; // one delivery per distinct topic; none = an event without deliveries
    int maxAttempts = 5;
    QString createdAt;
};

struct AppendEventResult
{
    RunEvent event;
    bool created = false; // false: the (run, key) was already stored and nothing was enqueued
    QList<OutboxDelivery> deliveries; // the event's deliveries as stored now
};

// Filters of the outbox listing and of the operator writes; bounds inclusive, normalised.
struct OutboxFilter
{
    std::optional<QString> status;
    std::optional<QString> topic;
    std::optional<QString> rebalanceRunId;
    std::optional<QString> createdFrom;
    std::optional<QString> createdTo;

    bool isEmpty() const { return !status && !topic && !rebalanceRunId && !createdFrom && !createdTo; }
};

// Which deliveries an operator write touches: one id, a failure group, or a filter (in that order
// of precedence; exactly one should be set by callers).
struct OutboxSelection
{
    std::optional<QString> outboxId;
    std::optional<QString> groupId;
    OutboxFilter filter;
};

// Backlog figures at a moment `now`.
struct OutboxStats
{
    qint64 pending = 0;
    qint64 delivered = 0;
    qint64 failed = 0;
    qint64 dead = 0;
    qint64 dueNow = 0; // PENDING or FAILED with next_attempt_at absent or <= now
    std::optional<qint64> oldestPendingAgeSeconds; // now - created_at of the oldest PENDING
    QMap<int, qint64> attempts; // attempts -> deliveries with that many

    bool operator==(const OutboxStats &) const = default;
};

// FAILED and DEAD deliveries whose last_error has one fingerprint.
struct OutboxFailureGroup
{
    QString groupId; // "grp_" + 12 hex of the fingerprint's SHA-256
    QString fingerprint;
    qint64 count = 0;
    qint64 failed = 0;
    qint64 dead = 0;
    QString sampleError; // the last_error of the group's newest delivery
};

// last_error with what varies between occurrences of one failure replaced: quoted values by
// '…' ("…" for double quotes), UUIDs and hex ids (8+ hex digits, or prefixed ids like
// evt_0123abcd) by <id>, numbers by <n>; whitespace collapsed.
QString outboxErrorFingerprint(const QString &lastError);
QString outboxFailureGroupId(const QString &fingerprint);
// Groups deliveries (FAILED or DEAD) by fingerprint: largest first, then by group id.
QList<OutboxFailureGroup> groupOutboxFailures(const QList<OutboxDelivery> &failures);

// JSON for dpmctl and exports: payloads parsed (raw text kept when not JSON).
QJsonObject runEventJson(const RunEvent &event);
QJsonObject outboxDeliveryJson(const OutboxDelivery &delivery);
QJsonObject outboxStatsJson(const OutboxStats &stats);
QJsonObject outboxFailureGroupJson(const OutboxFailureGroup &group);

// The body a relay sends for a delivery: its payload JSON plus outbox_id, event_id and topic.
QJsonObject outboxMessageJson(const OutboxDelivery &delivery);

} // namespace dpm
