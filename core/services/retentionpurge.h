#pragma once

#include "services/adminaction.h"
#include "store/supportstore.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace dpm {

// Purging expired runs and async operations by retention (Part A §6, §10; Part B §5): the one
// home of what the console's Retention tab and `dpmctl purge` do, dry run and real purge.

enum class PurgeTarget { Runs, Operations };

struct PurgeOptions
{
    PurgeTarget target = PurgeTarget::Runs;
    // Runs: those created more than this many days before `now` expire; below 1 disables it.
    int retentionDays = 0;
    // Operations: those finished (or created) more than this many seconds before `now` expire;
    // below 1 disables it.
    qint64 ttlSeconds = 0;
    QString now; // the moment the cut-off is taken from (service timestamp format)
    bool dryRun = false; // count what would be deleted, delete nothing
    AuditMode audit = AuditMode::Required;

    bool isDisabled() const;
};

struct PurgeResult
{
    PurgeReport report;
    qint64 durationMs = 0;
    bool recorded = false; // an audit entry was written
    // The purge happened but its audit entry could not be written (the write failed).
    std::optional<Error> auditError;
};

// "purge.runs" or "purge.operations", the audit action of a real purge.
QString purgeAction(PurgeTarget target);

// A real purge of `options` (its dryRun ignored):
//  - refuses with CONSOLE_AUDIT_LOG_MISSING before deleting anything when the audit table is
//    missing (unless options.audit is Skip);
//  - deletes in one transaction; a cancel stops the statement on the database and rolls it back
//    (ADMIN_ACTION_CANCELLED / STORE_QUERY_CANCELLED is thrown), as does a failure;
//  - records purge.runs / purge.operations with details {now, retention_days | ttl_seconds,
//    duration_ms, report (on success) | error (on failure)} and outcome "succeeded",
//    "failed: CODE" or "cancelled".
// A dry run, and a disabled purge (retention or TTL below 1), change nothing: they need no audit
// table and are not recorded.
PurgeResult purgeExpired(SupportStore &store, const PurgeOptions &options, const ActionProgressFn &progress = {},
    CancelToken *cancel = nullptr);

// The dry run a confirmation shows before the real purge: refuses first as that purge would
// (CONSOLE_AUDIT_LOG_MISSING), then counts what it would delete.
PurgeResult previewPurge(SupportStore &store, PurgeOptions options, CancelToken *cancel = nullptr);

} // namespace dpm
