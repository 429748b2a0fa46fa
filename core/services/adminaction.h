#pragma once

#include "domain/canceltoken.h"
#include "domain/error.h"
#include "store/auditlog.h" // actionCancelledError, isActionCancelled
#include "store/statementinterrupter.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace dpm {

class SupportStore;

// What the audited admin actions (applyMigrations, purgeExpired, checkCutover) share: how they
// report progress, how they are cancelled, and the one audit policy of both front ends.

// A step of an action: `done` of `total` (total 0 when the action cannot count its steps) and a
// sentence for people. Called on the thread that runs the action.
using ActionProgressFn = std::function<void(int done, int total, const QString &sentence)>;

// Whether an action that changes the store writes its audit entry.
enum class AuditMode {
    // The store must have the console's audit table (console/0003); without it the action
    // refuses with CONSOLE_AUDIT_LOG_MISSING before changing anything. The console always uses it.
    Required,
    // Nothing is recorded, knowingly: for a store the service owns, where the console's audit
    // table must not be created (dpmctl --no-audit).
    Skip,
};

// Throws CONSOLE_AUDIT_LOG_MISSING when `mode` is Required and the store cannot record.
void requireAuditable(SupportStore &store, AuditMode mode);

// Appends an entry to the store's audit log; returns the error instead of throwing when it
// cannot (the action is done by then, and its result must still reach the person).
std::optional<Error> recordAction(SupportStore &store, const QString &action, const QJsonObject &details,
    const QString &outcome);

// Throws ADMIN_ACTION_CANCELLED when the token (if any) was cancelled.
void throwIfCancelled(const CancelToken *cancel, const QString &what);

// Lets the token stop this thread's statements on the store while it lives. Ended before the
// audit entry is written: a cancel stops the action, not its record.
class StatementCancel
{
public:
    StatementCancel(SupportStore &store, CancelToken *cancel);
    ~StatementCancel() { end(); }
    StatementCancel(const StatementCancel &) = delete;
    StatementCancel &operator=(const StatementCancel &) = delete;

    void end();

private:
    CancelToken *m_cancel;
    StatementInterrupter m_interrupter;
};

} // namespace dpm
