#include "storemigrations.h"

#include "migrate/migrationlock.h"
#include "migrate/sqlsplitter.h"
#include "store/auditlog.h"
#include "store/separateproposalsstore.h"
#include "store/sqlstore.h"
#include "store/serverprobe.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QThread>

#include <algorithm>

namespace dpm {

namespace {

const QString kApplyAction = QStringLiteral("migrate.apply");
const QString kAuditTable = QStringLiteral("console_audit_log");

SqlDatabase &sqlDatabaseOf(SupportStore &store)
{
    auto *sql = storeAs<SqlStore>(store);
    if (!sql) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("ADMIN_NOT_A_SQL_STORE"),
            QStringLiteral("The in-memory store has no schema; open a SQLite or PostgreSQL store to manage "
                           "migrations."));
    }
    return sql->database();
}

// The namespaces of a store by the database they live in. A store holding both domains runs
// everything in its own database. When the proposals have a database of their own, the
// proposals namespace and the console migrations over the proposal tables run there (an
// in-memory or remote proposal store has nothing to migrate) and the rest in the store's own
// database, which comes first.
struct MigrationPart
{
    SqlDatabase *db = nullptr;
    QStringList namespaces;
    MigrationCatalog catalog;
    MigrationDatabase database = MigrationDatabase::Single;

    Migrator migrator() const { return Migrator(*db, catalog); }
};

MigrationCatalog catalogFor(
    SqlDatabase &db, const OptionalCatalog &catalog, MigrationDatabase database, const MigrationUpTo &upTo)
{
    return (catalog ? *catalog : MigrationCatalog::embedded(db.dialect().kind())).upTo(upTo).forDatabase(database);
}

QList<MigrationPart> migrationParts(SupportStore &store, const QStringList &namespaces,
    const OptionalCatalog &catalog, bool skipUnreachable = false, const MigrationUpTo &upTo = {})
{
    SqlDatabase &own = sqlDatabaseOf(store);
    const bool split = storeAs<SeparateProposalsStore>(store) != nullptr;
    SupportStore *proposals
        = split && skipUnreachable && proposalStoreUnreachable(store) ? nullptr : separateProposalStore(store);
    if (!split)
        return { { &own, namespaces, catalogFor(own, catalog, MigrationDatabase::Single, upTo), MigrationDatabase::Single } };
    QList<MigrationPart> parts;
    MigrationPart dpmPart { &own, {}, catalogFor(own, catalog, MigrationDatabase::DpmStore, upTo),
        MigrationDatabase::DpmStore };
    for (const QString &ns : namespaces) {
        if (!dpmPart.catalog.files(ns).isEmpty() || Migrator::namespaces().indexOf(ns) < 0)
            dpmPart.namespaces << ns; // one that is not ours: Migrator reports it
    }
    if (!dpmPart.namespaces.isEmpty())
        parts.append(dpmPart);
    if (auto *sql = proposals ? storeAs<SqlStore>(*proposals) : nullptr) {
        MigrationPart proposalPart { &sql->database(), {},
            catalogFor(sql->database(), catalog, MigrationDatabase::ProposalStore, upTo), MigrationDatabase::ProposalStore };
        for (const QString &ns : namespaces) {
            if (!proposalPart.catalog.files(ns).isEmpty())
                proposalPart.namespaces << ns;
        }
        if (!proposalPart.namespaces.isEmpty())
            parts.append(proposalPart);
    }
    return parts;
}

QList<MigrationStatusRow> statusOf(const QList<MigrationPart> &parts)
{
    QList<MigrationStatusRow> rows;
    for (const MigrationPart &part : parts) {
        for (MigrationStatusRow &row : part.migrator().status(part.namespaces)) {
            row.database = part.database;
            rows << row;
        }
    }
    return rows;
}

MigrationPlan planOf(const QList<MigrationPart> &parts)
{
    MigrationPlan plan;
    for (const MigrationPart &part : parts) {
        for (MigrationPlanStep &step : part.migrator().plan(part.namespaces).steps) {
            step.database = part.database;
            plan.steps << step;
        }
    }
    return plan;
}

ValidationReport validationOf(const QList<MigrationPart> &parts, bool strict)
{
    ValidationReport report;
    for (const MigrationPart &part : parts) {
        const ValidationReport one = part.migrator().validate(part.namespaces, strict);
        report.ok = report.ok && one.ok;
        report.findings << one.findings;
    }
    return report;
}

bool createsAuditTable(const MigrationPlan &plan)
{
    for (const MigrationPlanStep &step : plan.steps) {
        if (!step.adopt && tableColumnsCreatedBy(step.statements.join(QStringLiteral(";\n"))).contains(kAuditTable))
            return true;
    }
    return false;
}

// The first planned migration that did not get done: the one that failed.
QString firstNotDone(const MigrationPlan &plan, const MigrationApplyReport &report)
{
    QStringList done = report.adopted;
    for (const AppliedMigration &m : report.applied)
        done << m.ns + u':' + m.version;
    for (const MigrationPlanStep &step : plan.steps) {
        const QString version = step.ns + u':' + step.version;
        if (!done.contains(version))
            return version;
    }
    return {};
}

QJsonObject applyDetails(const MigrationApplyResult &result)
{
    QJsonArray applied;
    for (const AppliedMigration &m : result.report.applied) {
        applied.append(QJsonObject { { QStringLiteral("version"), QString(m.ns + u':' + m.version) },
            { QStringLiteral("duration_ms"), m.durationMs } });
    }
    QJsonObject details { { QStringLiteral("namespaces"), QJsonArray::fromStringList(result.namespaces) },
        { QStringLiteral("applied"), applied },
        { QStringLiteral("adopted"), QJsonArray::fromStringList(result.report.adopted) },
        { QStringLiteral("duration_ms"), result.durationMs } };
    if (!result.upTo.isEmpty())
        details.insert(QStringLiteral("to"), migrationTargetText(result.upTo));
    if (result.error) {
        details.insert(QStringLiteral("failed_version"), result.failedVersion);
        details.insert(QStringLiteral("error"), result.error->message());
    }
    return details;
}

QString applyOutcome(const MigrationApplyResult &result)
{
    if (result.cancelled)
        return QStringLiteral("cancelled");
    return result.error ? auditOutcomeOf(*result.error) : QStringLiteral("succeeded");
}

// Takes every namespace's advisory lock without blocking (PostgreSQL; nothing to take on SQLite),
// naming the session that holds one while waiting for it.
void takeLocks(MigrationLocks &locks, const QStringList &namespaces, int planned, const ActionProgressFn &progress,
    const CancelToken *cancel)
{
    while (const auto busy = locks.tryTake(namespaces)) {
        throwIfCancelled(cancel, QStringLiteral("Applying migrations"));
        if (progress) {
            const auto holder = locks.holderOf(*busy);
            progress(0, planned,
                QStringLiteral("Waiting for the migration lock of namespace %1, held by %2…")
                    .arg(*busy, holder ? holder->describe() : QStringLiteral("another session")));
        }
        QThread::msleep(200);
    }
}

QStringList targetNamespaces(const MigrationUpTo &target)
{
    QStringList namespaces;
    for (const QString &ns : Migrator::namespaces()) {
        if (target.contains(ns))
            namespaces << ns;
    }
    return namespaces;
}

Error targetInvalid(const QString &what)
{
    QStringList known;
    const MigrationCatalog catalog = MigrationCatalog::embedded(SqlDialect::Kind::Sqlite);
    for (const QString &ns : Migrator::namespaces()) {
        const QList<MigrationFile> files = catalog.files(ns);
        if (!files.isEmpty())
            known << QStringLiteral("%1:%2..%3").arg(ns, files.constFirst().version, files.constLast().version);
    }
    return Error(ErrorKind::InvalidInput, QStringLiteral("MIGRATION_TARGET_INVALID"),
        QStringLiteral("%1; pass --to NAMESPACE:VERSION[,NAMESPACE:VERSION...] with this build's migrations (%2), "
                       "e.g. --to console:0007.")
            .arg(what, known.join(QStringLiteral(", "))));
}

} // namespace

bool hasMigrations(SupportStore &store)
{
    return storeAs<SqlStore>(store) != nullptr;
}

bool hasDpmTables(SupportStore &store)
{
    auto *sql = storeAs<SqlStore>(store);
    return !sql || sql->database().tableExists(QStringLiteral("dpm_runs"));
}

QList<MigrationStatusRow> migrationStatus(
    SupportStore &store, const QStringList &namespaces, const OptionalCatalog &catalog)
{
    return statusOf(migrationParts(store, namespaces, catalog));
}

QList<MigrationStatusRow> reachableMigrationStatus(SupportStore &store)
{
    return statusOf(migrationParts(store, Migrator::namespaces(), {}, true));
}

MigrationPlan migrationPlan(
    SupportStore &store, const QStringList &namespaces, const OptionalCatalog &catalog, const MigrationUpTo &upTo)
{
    return planOf(migrationParts(store, namespaces, catalog, false, upTo));
}

ValidationReport validateMigrations(
    SupportStore &store, const QStringList &namespaces, bool strict, const OptionalCatalog &catalog)
{
    return validationOf(migrationParts(store, namespaces, catalog), strict);
}

MigrationOverview readMigrationOverview(SupportStore &store, const OptionalCatalog &catalog)
{
    MigrationOverview overview;
    if (!hasMigrations(store))
        return overview;
    overview.isSql = true;
    // A proposal store that cannot be reached leaves the store's own migrations to show, and a
    // finding that says why the rest are missing.
    const QList<MigrationPart> parts = migrationParts(store, Migrator::namespaces(), catalog, true);
    overview.rows = statusOf(parts);
    overview.validation = validationOf(parts, false);
    if (const std::optional<Error> unreachable = proposalStoreUnreachable(store)) {
        overview.validation.ok = false;
        overview.validation.findings << MigrationFinding { unreachable->code(), QStringLiteral("error"),
            unreachable->message() };
    }
    try {
        overview.plan = planOf(parts);
    } catch (const Error &error) {
        overview.planError = error;
    }
    try {
        overview.recordedDurations = recordedMigrationDurations(store.auditLog());
    } catch (const Error &) {
        // Durations are a nicety: a log that cannot be read leaves them blank.
    }
    return overview;
}

MigrationApplyResult applyMigrations(
    SupportStore &store, const MigrationApplyOptions &options, const ActionProgressFn &progress, CancelToken *cancel)
{
    // A target names the namespaces to apply.
    const QStringList namespaces = options.upTo.isEmpty() ? options.namespaces : targetNamespaces(options.upTo);
    const QList<MigrationPart> parts = migrationParts(store, namespaces, options.catalog, false, options.upTo);
    // On a hot standby (the store's or the proposal store's) nothing is applied, before any lock.
    for (const MigrationPart &part : parts)
        part.db->refuseChangesOnStandby(QStringLiteral("applying migrations"));
    MigrationApplyResult result;
    result.namespaces = namespaces;
    result.upTo = options.upTo;
    // Refusals first, before anything is locked or applied. The audit table lives in the store's
    // own database, the first part.
    MigrationPlan plan = migrationPlan(store, namespaces, options.catalog, options.upTo);
    const bool audited = options.audit == AuditMode::Required;
    if (audited && !store.auditLog().isAvailable()) {
        const bool createsIt = !parts.isEmpty() && parts.constFirst().db == &sqlDatabaseOf(store)
            && createsAuditTable(parts.constFirst().migrator().plan(parts.constFirst().namespaces));
        if (!createsIt)
            throw auditLogMissingError();
    }

    QElapsedTimer total;
    total.start();
    bool applying = false;
    try {
        for (const MigrationPart &part : parts) {
            Migrator migrator = part.migrator();
            MigrationLocks locks(*part.db);
            takeLocks(locks, Migrator::withPrerequisites(part.namespaces), int(plan.steps.size()), progress, cancel);
            if (&part == &parts.constFirst()) // another session may have applied some meanwhile
                plan = migrationPlan(store, namespaces, options.catalog, options.upTo);
            const int planned = int(plan.steps.size());
            applying = true;
            migrator.apply(part.namespaces, result.report, [&](const QString &line) {
                throwIfCancelled(cancel, QStringLiteral("Applying migrations"));
                if (progress)
                    progress(int(result.report.applied.size() + result.report.adopted.size()), planned, line);
            });
            applying = false;
        }
    } catch (const Error &error) {
        if (isActionCancelled(error)) {
            result.cancelled = true;
        } else {
            result.error = error;
            if (applying)
                result.failedVersion = firstNotDone(plan, result.report);
        }
    }
    result.durationMs = total.elapsed();
    // Recorded after the apply (and after the locks are released): it may have created the table.
    if (audited) {
        QJsonObject details = applyDetails(result);
        if (SupportStore *proposals = separateProposalStore(store))
            details.insert(QStringLiteral("proposal_store"), proposals->describe());
        result.auditError = recordAction(store, kApplyAction, details, applyOutcome(result));
        result.recorded = !result.auditError;
    }
    return result;
}

MigrationUpTo parseMigrationTarget(const QString &text)
{
    MigrationUpTo target;
    // The SQLite and PostgreSQL files carry the same versions.
    const MigrationCatalog catalog = MigrationCatalog::embedded(SqlDialect::Kind::Sqlite);
    for (const QString &item : text.split(u',', Qt::SkipEmptyParts)) {
        const QStringList parts = item.trimmed().split(u':');
        if (parts.size() != 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
            throw targetInvalid(QStringLiteral("\"%1\" is not NAMESPACE:VERSION").arg(item.trimmed()));
        const QString &ns = parts.at(0);
        const QString &version = parts.at(1);
        const QList<MigrationFile> files = catalog.files(ns);
        if (!Migrator::namespaces().contains(ns) || files.isEmpty())
            throw targetInvalid(QStringLiteral("%1 is not a migration namespace").arg(ns));
        if (std::none_of(files.cbegin(), files.cend(), [&](const MigrationFile &f) { return f.version == version; }))
            throw targetInvalid(QStringLiteral("%1:%2 is not one of this build's migrations").arg(ns, version));
        if (target.contains(ns))
            throw targetInvalid(QStringLiteral("%1 is named twice").arg(ns));
        target.insert(ns, version);
    }
    if (target.isEmpty())
        throw targetInvalid(QStringLiteral("no migration was named"));
    return target;
}

QString migrationTargetText(const MigrationUpTo &target)
{
    QStringList items;
    for (const QString &ns : targetNamespaces(target))
        items << ns + u':' + target.value(ns);
    return items.join(u',');
}

} // namespace dpm
