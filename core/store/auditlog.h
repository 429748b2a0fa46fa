#pragma once

#include "domain/page.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace dpm {

class Error;

// One row of the console's audit trail (console/0003's console_audit_log): what an admin did
// through the console or dpmctl, who did it, on which store, and how it ended.
struct AuditEntry
{
    QString auditId; // "aud_" + 12 lowercase hex
    QString occurredAt; // service timestamp format
    QString actor; // "<os user>" or "<os user> as <database role>"
    QString action; // "migrate.apply", "purge.runs", "purge.operations", "cutover.check"
    QString target; // the redacted store location
    QString detailsJson; // canonical JSON object
    QString outcome; // "succeeded", "failed: CODE" or "cancelled"

    // {audit_id, occurred_at, actor, action, target, details (object), outcome}
    QJsonObject toJson() const;

    // A new entry stamped now with a fresh id; details are stored as canonical JSON.
    static AuditEntry create(const QString &actor, const QString &action, const QString &target,
        const QJsonObject &details, const QString &outcome);
};

// The outcome text of an action that failed with `error`: "failed: CODE", or "cancelled" for
// actionCancelledError().
QString auditOutcomeOf(const Error &error);
// ADMIN_ACTION_CANCELLED: what an admin action throws when the person cancelled it.
Error actionCancelledError(const QString &what);
bool isActionCancelled(const Error &error);
// The operating-system user running this process ($USER, else $USERNAME, else "unknown").
QString osUserName();

// Where audit entries are kept: the console_audit_log table of a SQL store, or memory. Append-only.
class AuditLog
{
public:
    virtual ~AuditLog() = default;

    // Whether entries can be written here (on SQL: console/0003 has been applied).
    virtual bool isAvailable() = 0;
    // Throws CONSOLE_AUDIT_LOG_MISSING when !isAvailable().
    virtual void append(const AuditEntry &entry) = 0;
    // Newest first (occurred_at DESC, audit_id DESC), keyset paging. Throws
    // CONSOLE_AUDIT_LOG_MISSING when !isAvailable().
    virtual Page<AuditEntry> list(const PageRequest &page) = 0;
    // The database role actions run as (PostgreSQL current_user); empty where there is none.
    virtual QString databaseRole() = 0;

    // "<os user>" or "<os user> as <role>".
    QString actor();
    // Appends a new entry by actor() stamped now.
    void record(const QString &action, const QString &target, const QJsonObject &details, const QString &outcome);
    // Throws CONSOLE_AUDIT_LOG_MISSING unless entries can be written: an admin action calls it
    // before changing anything, so that nothing is done unaudited.
    void requireAvailable();
};

// The error of a store whose audit table does not exist yet.
Error auditLogMissingError();

// How long each migration took ("console:0003" -> ms), as the migrate.apply entries recorded it;
// the ledger itself has no duration. Empty when the log is
// not available. Reads at most `maxEntries` entries, newest first.
QHash<QString, qint64> recordedMigrationDurations(AuditLog &log, int maxEntries = 10000);

} // namespace dpm
