#pragma once

#include "migrate/migrationcatalog.h"
#include "services/persistenceprofile.h"

#include <QJsonObject>
#include <QProcessEnvironment>

#include <functional>
#include <optional>

namespace dpm {

// The production cutover check (Part B §7.4) and what the console checks beside it. The service
// raises its first failure; this report lists every finding, in the service's order with the
// console's own checks after the step they belong to, and names the code the service would raise.
struct CutoverReport
{
    PersistenceProfile profile = PersistenceProfile::Local;
    bool checkedMigrations = false;
    QList<CheckFinding> findings;

    bool passed() const; // no finding of severity "error"
    std::optional<QString> serviceOutcome() const; // the service's first failing check, if any

    // {passed, profile, checked_migrations, findings[], service_outcome}
    QJsonObject toJson() const;
    // The findings, then "Production cutover contract validation passed." or "... failed: CODE."
    QString toText() const;
};

// In order:
//  1. APP_PERSISTENCE_PROFILE must be PRODUCTION, else CUTOVER_PROFILE_NOT_PRODUCTION;
//  2. the persistence-profile guardrails, checked as for PRODUCTION whatever the profile says (so
//     one run lists everything to fix);
//  3. console: every DSN whose sslmode (libpq rules: the DSN's key=value or URI parameter, else
//     PGSSLMODE, else libpq's default "prefer") is below "require" for a TCP host:
//     warning CUTOVER_DSN_TLS_NOT_REQUIRED;
//  4. with checkMigrations, per namespace — dpm (DPM_SUPPORTABILITY_POSTGRES_DSN), proposals
//     (PROPOSAL_POSTGRES_DSN), then the console's own (DPM DSN; its findings are the console's):
//     no embedded files -> CUTOVER_MIGRATIONS_EMPTY:<ns>; QPSQL missing ->
//     CUTOVER_POSTGRES_DRIVER_MISSING; no connection -> the service's connection code
//     (DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED / PROPOSAL_POSTGRES_CONNECTION_FAILED);
//     to_regclass('public.schema_migrations') null -> CUTOVER_SCHEMA_MIGRATIONS_TABLE_MISSING;
//     every file not in the ledger -> CUTOVER_MIGRATION_MISSING:<ns>:<version> (the smallest is
//     the service's; console files are warnings: the service does not need them). The console's:
//     an applied file whose ledger checksum is not acceptable (Migrator's "modified") ->
//     error CUTOVER_MIGRATION_CHECKSUM_DRIFT:<ns>:<version>; applied by the service with a
//     checksum the console does not know -> info CUTOVER_MIGRATION_APPLIED_BY_SERVICE:<ns>:<v>;
//     a ledger row without a file here -> CUTOVER_MIGRATION_NOT_IN_CONSOLE:<ns>:<v> (info for the
//     service's namespaces, warning for console); every table and column an applied migration
//     created that the database lacks -> error MIGRATION_SCHEMA_TABLE_MISSING / _COLUMN_MISSING,
//     the findings of Migrator::schemaDrift (as migrate validate shows them); a query that fails on the way (no right
//     to read the ledger) -> CUTOVER_CHECK_FAILED:<ns>; and once per database, the runtime role:
//     CUTOVER_RUNTIME_ROLE_CAN_ALTER_SCHEMA, an error for a superuser, a warning for a role that
//     may create tables in the schema, owns a service table or may truncate one.
CutoverReport checkProductionCutover(const QProcessEnvironment &env, bool checkMigrations);
// The same with the expected migrations taken from `catalog` instead of the embedded files.
// `beforeNamespace` (if set) is called before each namespace's migrations are checked; it may
// throw to stop the check there (a cancel).
CutoverReport checkProductionCutover(const QProcessEnvironment &env, bool checkMigrations,
    const MigrationCatalog &catalog, const std::function<void(const QString &ns)> &beforeNamespace = {});

} // namespace dpm
