#pragma once

#include "domain/runevents.h"
#include "services/adminaction.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace dpm {

// The operators' repairs of the outbox (Part A §8): retry, discard and purge of deliveries, the
// one home of what the console's Outbox page and `dpmctl outbox retry|discard|purge` do, with a
// preview first, audited like the other admin actions.

enum class OutboxActionKind {
    Retry, // FAILED or DEAD -> PENDING, due now
    Discard, // PENDING or FAILED -> DEAD, with the reason in last_error
    Purge, // delete DELIVERED older than olderThanDays
};

struct OutboxActionOptions
{
    OutboxActionKind kind = OutboxActionKind::Retry;
    OutboxSelection selection; // Retry and Discard: one id, a failure group or a filter
    QString reason; // Discard
    int olderThanDays = 0; // Purge; below 1 deletes nothing
    QString now; // service timestamp format: due time of retried rows, purge cut-off
    bool dryRun = false;
    AuditMode audit = AuditMode::Required;
};

struct OutboxActionResult
{
    qint64 affected = 0; // changed, or (dry run) would be changed
    bool dryRun = false;
    qint64 durationMs = 0;
    bool recorded = false;
    std::optional<Error> auditError; // the action happened but its audit entry could not be written
};

// "outbox.retry", "outbox.discard", "outbox.purge": the audit action of a real run.
QString outboxActionName(OutboxActionKind kind);

// A real run of `options` (or, with dryRun, a count that changes nothing):
//  - RUN_EVENTS_SCHEMA_MISSING without the tables; a real run refuses with
//    CONSOLE_AUDIT_LOG_MISSING before changing anything when the audit table is missing (unless
//    options.audit is Skip);
//  - one transaction; a cancel stops it and rolls it back (ADMIN_ACTION_CANCELLED /
//    STORE_QUERY_CANCELLED), as does a failure;
//  - records the action with details {now, selection | older_than_days, reason, duration_ms,
//    affected (on success) | error} and outcome "succeeded", "failed: CODE" or "cancelled".
OutboxActionResult runOutboxAction(SupportStore &store, const OutboxActionOptions &options,
    const ActionProgressFn &progress = {}, CancelToken *cancel = nullptr);

// The preview a confirmation shows: refuses first as the real run would, then counts.
OutboxActionResult previewOutboxAction(SupportStore &store, OutboxActionOptions options, CancelToken *cancel = nullptr);

// {action, dry_run, affected, duration_ms, recorded}.
QJsonObject outboxActionResultJson(OutboxActionKind kind, const OutboxActionResult &result);
// The selection as the audit entry and dpmctl show it: {outbox_id} | {group_id} | {filter: {…}}.
QJsonObject outboxSelectionJson(const OutboxSelection &selection);

} // namespace dpm
