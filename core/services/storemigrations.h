#pragma once

#include "migrate/migrationcatalog.h"
#include "migrate/migrator.h"
#include "services/adminaction.h"

#include <QHash>
#include <QMap>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace dpm {

class SupportStore;

// A store's schema migrations as the console's Migrations tab and `dpmctl migrate` see them:
// status, plan, validate and the audited apply. This header is how the console reaches the
// migration types (MigrationStatusRow, MigrationPlan, ValidationReport, MigrationCatalog, …).
// Every function works on a SQLite or PostgreSQL store (opened with or without the DPM tables)
// and throws ADMIN_NOT_A_SQL_STORE for the in-memory one, which has no schema.

// The files to use; nullopt for the ones built into this binary.
using OptionalCatalog = std::optional<MigrationCatalog>;

// "migrate apply --to": the last version to apply per namespace, e.g. {console: 0007}.
using MigrationUpTo = QMap<QString, QString>;

// Parses "NS:VERSION[,NS:VERSION…]" (e.g. "dpm:0002,console:0007") against this build's
// migrations; MIGRATION_TARGET_INVALID for anything else, naming what is known.
MigrationUpTo parseMigrationTarget(const QString &text);
// The same, back as text (namespaces in apply order).
QString migrationTargetText(const MigrationUpTo &target);

// False for the in-memory store.
bool hasMigrations(SupportStore &store);
// Whether the DPM tables exist now, asked of the database (a store opened without them gets them
// from the migrations); true in memory.
bool hasDpmTables(SupportStore &store);

QList<MigrationStatusRow> migrationStatus(
    SupportStore &store, const QStringList &namespaces, const OptionalCatalog &catalog = {});
// Every namespace's migrations in the databases that can be reached now: those of a separate
// proposal store that cannot be reached are left out instead of failing (the status bar).
QList<MigrationStatusRow> reachableMigrationStatus(SupportStore &store);
MigrationPlan migrationPlan(SupportStore &store, const QStringList &namespaces, const OptionalCatalog &catalog = {},
    const MigrationUpTo &upTo = {});
ValidationReport validateMigrations(
    SupportStore &store, const QStringList &namespaces, bool strict = false, const OptionalCatalog &catalog = {});

// Everything the Migrations tab shows, read together for every namespace.
struct MigrationOverview
{
    bool isSql = false; // false: the in-memory store, the rest is empty
    QList<MigrationStatusRow> rows;
    ValidationReport validation;
    MigrationPlan plan;
    std::optional<Error> planError; // a modified migration stops the plan
    QHash<QString, qint64> recordedDurations; // from the audit log's migrate.apply entries
};
MigrationOverview readMigrationOverview(SupportStore &store, const OptionalCatalog &catalog = {});

struct MigrationApplyOptions
{
    // With a target, the namespaces it names (plus their prerequisites, whole) instead.
    QStringList namespaces = Migrator::namespaces();
    // Empty: every pending migration. Else each named namespace only up to its version; a store
    // already past it is left as it is (migrations only go forward).
    MigrationUpTo upTo;
    OptionalCatalog catalog;
    AuditMode audit = AuditMode::Required;
};

struct MigrationApplyResult
{
    QStringList namespaces;
    MigrationUpTo upTo; // as asked
    // What was applied and adopted: everything pending on success, what came before the failure
    // or the cancel otherwise (those stay applied).
    MigrationApplyReport report;
    bool cancelled = false;
    std::optional<Error> error;
    QString failedVersion; // the ledger version that failed, "console:0005"
    qint64 durationMs = 0;
    bool recorded = false; // the migrate.apply entry was written
    // The entry could not be written: the write failed, or the apply failed before it created
    // the audit table.
    std::optional<Error> auditError;

    bool succeeded() const { return !cancelled && !error; }
};

// Applies the pending migrations of options.namespaces, each in its own transaction.
// Refuses, throwing before anything is applied: ADMIN_NOT_A_SQL_STORE, MIGRATION_NAMESPACE_UNKNOWN,
// a modified migration (what Migrator::plan throws), and CONSOLE_AUDIT_LOG_MISSING when the store
// has no audit table and the plan does not create it (unless options.audit is Skip).
// On PostgreSQL it first takes every namespace's advisory lock without blocking: while another
// session holds one, progress names that session every 200 ms and the cancel token is honoured.
// The cancel token is looked at before each migration: the ones applied stay applied.
// A failure or a cancel on the way is in the result, not thrown. Afterwards (the apply may have
// created the audit table) it records migrate.apply with details {namespaces, applied
// [{version "ns:vvvv", duration_ms}], adopted [versions], duration_ms, and on failure
// failed_version and error}, outcome "succeeded", "failed: CODE" or "cancelled".
// Progress: (migrations done, migrations planned, sentence).
MigrationApplyResult applyMigrations(SupportStore &store, const MigrationApplyOptions &options = {},
    const ActionProgressFn &progress = {}, CancelToken *cancel = nullptr);

} // namespace dpm
