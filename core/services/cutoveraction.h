#pragma once

#include "services/adminaction.h"
#include "services/cutovercheck.h"

#include <QProcessEnvironment>

#include <optional>

namespace dpm {

class SupportStore;

// The production cutover check as an admin action: the check of cutovercheck.h, recorded as
// cutover.check in the audit log of the store it was run from (the console's open store,
// dpmctl's --store).

struct CutoverCheckOptions
{
    // The service's variables the check reads (APP_PERSISTENCE_PROFILE, the stores' DSNs, …).
    QProcessEnvironment environment;
    bool checkMigrations = false;
    // The expected migrations; nullopt for the files built into this binary.
    std::optional<MigrationCatalog> catalog;
};

struct CutoverCheckResult
{
    CutoverReport report;
    bool recorded = false;
    // Why the check is not in the audit log: the store has no audit table
    // (CONSOLE_AUDIT_LOG_MISSING), or the write failed.
    std::optional<Error> auditError;
};

// Runs the check and records cutover.check with details {profile, check_migrations, passed,
// service_outcome, findings (count)} and outcome "succeeded", "failed: CODE" (the service's code,
// else the first error's) or "cancelled". A check changes nothing, so a store without the audit
// table does not stop it: it is then only not recorded (auditError says so).
// The cancel token is looked at before the check and before each namespace's migrations; a
// cancel throws ADMIN_ACTION_CANCELLED.
CutoverCheckResult checkCutover(SupportStore &store, const CutoverCheckOptions &options,
    const ActionProgressFn &progress = {}, CancelToken *cancel = nullptr);

} // namespace dpm
