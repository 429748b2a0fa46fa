#include "cutovercheck.h"

#include "domain/apijson.h"
#include "domain/error.h"
#include "migrate/migrator.h"
#include "migrate/sqlsplitter.h"
#include "store/sqldatabase.h"
#include "store/storelocation.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

namespace dpm {

namespace {

const QString kDpmDsn = QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN");
const QString kProposalDsn = QStringLiteral("PROPOSAL_POSTGRES_DSN");
const QString kPolicyPackDsn = QStringLiteral("DPM_POLICY_PACK_POSTGRES_DSN");

// A namespace the cutover checks, the variable its DSN comes from, and which of its migrations
// run in that database.
struct NamespaceTarget
{
    QString ns;
    QString dsnVariable;
    QString connectionCode; // the service's code for a failed connection to that store
    bool serviceNamespace; // the service's own cutover check covers it
    MigrationDatabase database = MigrationDatabase::Single;
};

// When the proposals have a database of their own (the two DSNs differ), the console migrations
// over the proposal tables (console/0005, 0008) run there: the console namespace is checked in
// both databases, each for its own part.
QList<NamespaceTarget> namespaceTargets(const QProcessEnvironment &env)
{
    const QString dpmDsn = env.value(kDpmDsn).trimmed();
    const QString proposalDsn = env.value(kProposalDsn).trimmed();
    const bool split = !proposalDsn.isEmpty() && proposalDsn != dpmDsn;
    const QString dpmFailed = QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED");
    const QString proposalFailed = QStringLiteral("PROPOSAL_POSTGRES_CONNECTION_FAILED");
    if (!split) {
        return { { QStringLiteral("dpm"), kDpmDsn, dpmFailed, true },
            { QStringLiteral("proposals"), kProposalDsn, proposalFailed, true },
            { QStringLiteral("console"), kDpmDsn, dpmFailed, false } };
    }
    return { { QStringLiteral("dpm"), kDpmDsn, dpmFailed, true, MigrationDatabase::DpmStore },
        { QStringLiteral("proposals"), kProposalDsn, proposalFailed, true, MigrationDatabase::ProposalStore },
        { QStringLiteral("console"), kDpmDsn, dpmFailed, false, MigrationDatabase::DpmStore },
        { QStringLiteral("console"), kProposalDsn, proposalFailed, false, MigrationDatabase::ProposalStore } };
}

// --- TLS ------------------------------------------------------------------------------------

// The sslmode libpq would use for this DSN, and whether the connection goes over TCP at all (a
// Unix-domain socket needs no TLS). nullopt sslmode = libpq's default, "prefer".
struct TlsSetting
{
    std::optional<QString> sslmode;
    QString from; // "the DSN", "PGSSLMODE"
    bool tcp = true;
    bool viaService = false; // service=… may set sslmode in pg_service.conf
};

TlsSetting tlsSettingOf(const StoreLocation &location, const QProcessEnvironment &env)
{
    TlsSetting tls;
    const QString mode = location.libpqParameter(QStringLiteral("sslmode")).trimmed();
    if (!mode.isEmpty()) {
        tls.sslmode = mode.toLower();
        tls.from = QStringLiteral("the DSN");
    } else if (location.libpqParameter(QStringLiteral("requiressl")).trimmed() == QLatin1String("1")) {
        tls.sslmode = QStringLiteral("require"); // libpq's deprecated spelling
        tls.from = QStringLiteral("the DSN (requiressl=1)");
    } else if (!env.value(QStringLiteral("PGSSLMODE")).trimmed().isEmpty()) {
        tls.sslmode = env.value(QStringLiteral("PGSSLMODE")).trimmed().toLower();
        tls.from = QStringLiteral("PGSSLMODE");
    }
    QString host = location.libpqParameter(QStringLiteral("host"));
    if (host.isEmpty())
        host = env.value(QStringLiteral("PGHOST"));
    QString hostaddr = location.libpqParameter(QStringLiteral("hostaddr"));
    if (hostaddr.isEmpty())
        hostaddr = env.value(QStringLiteral("PGHOSTADDR"));
    tls.viaService = !location.libpqParameter(QStringLiteral("service")).isEmpty()
        || !env.value(QStringLiteral("PGSERVICE")).isEmpty();
    // Without host or hostaddr libpq uses its Unix-domain socket; a host starting with "/" or
    // "@" is a socket directory (or abstract socket). A host list is TCP if any entry is.
    bool anyTcp = !hostaddr.isEmpty();
    for (const QString &entry : host.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString h = entry.trimmed();
        if (!h.startsWith(QLatin1Char('/')) && !h.startsWith(QLatin1Char('@')))
            anyTcp = true;
    }
    tls.tcp = anyTcp || tls.viaService; // a service file may name a TCP host
    return tls;
}

void checkTls(const QProcessEnvironment &env, QList<CheckFinding> &findings)
{
    static const QStringList secure { QStringLiteral("require"), QStringLiteral("verify-ca"),
        QStringLiteral("verify-full") };
    for (const QString &variable : { kDpmDsn, kProposalDsn, kPolicyPackDsn }) {
        const QString dsn = env.value(variable).trimmed();
        if (dsn.isEmpty())
            continue;
        StoreLocation location;
        try {
            location = StoreLocation::parse(dsn);
        } catch (const Error &) {
            continue; // the connection check reports a DSN that cannot be read
        }
        if (location.backend() != StoreBackend::Postgres)
            continue;
        const TlsSetting tls = tlsSettingOf(location, env);
        if (!tls.tcp || (tls.sslmode && secure.contains(*tls.sslmode)))
            continue;
        const QString mode = tls.sslmode
            ? QStringLiteral("sslmode=%1 (from %2)").arg(*tls.sslmode, tls.from)
            : QStringLiteral("no sslmode (libpq then uses \"prefer\")%1")
                  .arg(tls.viaService ? QStringLiteral(" unless the pg_service.conf entry sets one") : QString());
        findings << CheckFinding { QStringLiteral("CUTOVER_DSN_TLS_NOT_REQUIRED"), QStringLiteral("warning"),
            QStringLiteral("%1 (%2) has %3, which allows an unencrypted connection; add sslmode=verify-full (at least "
                           "sslmode=require) to it or set PGSSLMODE.")
                .arg(variable, location.redacted(), mode),
            false };
    }
}

// --- migrations and the runtime role ----------------------------------------------------------

// The tables the namespace's migration files create (the service's tables for dpm/proposals).
QStringList tablesOf(const QList<MigrationFile> &files)
{
    QStringList tables;
    for (const MigrationFile &file : files)
        tables += tableColumnsCreatedBy(file.sql).keys();
    tables.removeDuplicates();
    tables.sort();
    return tables;
}

void checkRuntimeRole(
    SqlDatabase &db, const QString &dsnVariable, const QStringList &tables, QList<CheckFinding> &findings)
{
    SqlRows role = db.exec(QStringLiteral("SELECT current_user, r.rolsuper, "
                                            "has_schema_privilege(current_schema(), 'CREATE'), current_schema() "
                                            "FROM pg_roles r WHERE r.rolname = current_user"));
    if (!role.next())
        return;
    const QString user = role.value(0).toString();
    const bool superuser = role.value(1).toBool();
    const bool mayCreate = role.value(2).toBool();
    const QString schema = role.value(3).toString();

    QStringList owned;
    QStringList truncatable;
    SqlRows rights = db.exec(QStringLiteral("SELECT c.relname, pg_has_role(current_user, c.relowner, 'USAGE'), "
                                              "has_table_privilege(c.oid, 'TRUNCATE') "
                                              "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                              "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') "
                                              "AND c.relname = ANY (string_to_array(?, ',')) ORDER BY c.relname"),
        { tables.join(QLatin1Char(',')) });
    while (rights.next()) {
        if (rights.value(1).toBool())
            owned << rights.value(0).toString();
        else if (rights.value(2).toBool())
            truncatable << rights.value(0).toString();
    }
    QStringList reasons;
    if (superuser)
        reasons << QStringLiteral("is a superuser");
    if (mayCreate && !superuser)
        reasons << QStringLiteral("may create tables in schema %1").arg(schema);
    if (!owned.isEmpty() && !superuser)
        reasons
            << QStringLiteral("owns %1 (so may alter, drop and truncate them)").arg(owned.join(QStringLiteral(", ")));
    if (!truncatable.isEmpty() && !superuser)
        reasons << QStringLiteral("may truncate %1").arg(truncatable.join(QStringLiteral(", ")));
    if (reasons.isEmpty())
        return;
    findings << CheckFinding { QStringLiteral("CUTOVER_RUNTIME_ROLE_CAN_ALTER_SCHEMA"),
        superuser ? QStringLiteral("error") : QStringLiteral("warning"),
        QStringLiteral("The runtime role %1 of %2 %3; run the service with a role that may only SELECT, INSERT, "
                       "UPDATE and DELETE rows, and migrate with a separate owner role.")
            .arg(user, dsnVariable, reasons.join(QStringLiteral(", "))),
        false };
}

void checkLedger(
    SqlDatabase &db, const MigrationCatalog &catalog, const NamespaceTarget &target, QList<CheckFinding> &findings)
{
    const QString &ns = target.ns;
    const QString missingSeverity = target.serviceNamespace ? QStringLiteral("error") : QStringLiteral("warning");
    Migrator migrator(db, catalog);
    for (const MigrationStatusRow &row : migrator.status({ ns })) {
        const QString id = ns + u':' + row.version;
        switch (row.state) {
        case MigrationState::Applied:
            break;
        case MigrationState::Pending:
            findings << CheckFinding { QStringLiteral("CUTOVER_MIGRATION_MISSING:") + id, missingSeverity,
                target.serviceNamespace
                    ? QStringLiteral("Migration %1 (%2) is not applied; apply the migrations (dpmctl migrate apply, "
                                     "or the service's postgres_migrate) before starting the service.")
                          .arg(id, row.name)
                    : QStringLiteral("The console's migration %1 (%2) is not applied in the database of %3; the "
                                     "service does not need it, but apply it (dpmctl migrate apply --namespace "
                                     "console) for the console.")
                          .arg(id, row.name, target.dsnVariable),
                target.serviceNamespace };
            break;
        case MigrationState::Modified:
            findings << CheckFinding { QStringLiteral("CUTOVER_MIGRATION_CHECKSUM_DRIFT:") + id,
                QStringLiteral("error"),
                QStringLiteral("Migration %1 is recorded with checksum %2, not the %3 of its file here%4; find out who "
                               "changed it and fix forward with a new numbered migration, never by editing an "
                               "applied one.")
                    .arg(id, row.ledgerChecksum, row.fileChecksum,
                        target.serviceNamespace ? QStringLiteral(", and the tables and columns it creates are not all "
                                                                 "there")
                                                : QString()),
                false };
            break;
        case MigrationState::AppliedByService:
            findings << CheckFinding { QStringLiteral("CUTOVER_MIGRATION_APPLIED_BY_SERVICE:") + id,
                QStringLiteral("info"),
                QStringLiteral("Migration %1 was applied by the service (checksum %2, which the console does not know; "
                               "its tables and columns exist); nothing to do.")
                    .arg(id, row.ledgerChecksum),
                false };
            break;
        case MigrationState::Missing:
            findings << CheckFinding { QStringLiteral("CUTOVER_MIGRATION_NOT_IN_CONSOLE:") + id,
                target.serviceNamespace ? QStringLiteral("info") : QStringLiteral("warning"),
                target.serviceNamespace
                    ? QStringLiteral("Migration %1 is in the ledger but this console has no file for it (a later "
                                     "service migration); nothing to do.")
                          .arg(id)
                    : QStringLiteral("Console migration %1 is in the ledger but this console build has no file for "
                                     "it; use the console version that applied it.")
                          .arg(id),
                false };
            break;
        }
    }
    // What the ledger says was applied but the database lacks: the same findings as validate's.
    for (const MigrationFinding &drift : migrator.schemaDrift({ ns }))
        findings << CheckFinding { drift.code, drift.severity, drift.message, false };
}

// One database connection per distinct DSN, opened on first use; a failed one is remembered so
// a DSN shared by two namespaces reports its failure once.
class Connections
{
public:
    // nullptr when the DSN cannot be used; a finding says why (once per DSN).
    SqlDatabase *open(const NamespaceTarget &target, const QString &dsn, QList<CheckFinding> &findings)
    {
        const auto it = m_open.find(dsn);
        if (it != m_open.end())
            return it->second.get();
        std::unique_ptr<SqlDatabase> &slot = m_open[dsn];
        try {
            const StoreLocation location = StoreLocation::parse(dsn);
            if (location.backend() != StoreBackend::Postgres) {
                throw Error(ErrorKind::Configuration, target.connectionCode,
                    QStringLiteral("%1 is not a PostgreSQL connection string").arg(target.dsnVariable));
            }
            auto db = std::make_unique<SqlDatabase>(location);
            db->connection(); // connects now, so a failure is reported here
            slot = std::move(db);
        } catch (const Error &error) {
            findings << CheckFinding { target.connectionCode, QStringLiteral("error"),
                QStringLiteral("Could not use %1 for namespace %2: %3")
                    .arg(target.dsnVariable, target.ns, redactSecrets(error.message()).simplified()),
                target.serviceNamespace };
        }
        return slot.get();
    }
    bool roleChecked(const QString &dsn) { return !m_roleChecked.insert(dsn).second; }

private:
    std::map<QString, std::unique_ptr<SqlDatabase>> m_open;
    std::set<QString> m_roleChecked;
};

void checkMigrations(const QProcessEnvironment &env, const MigrationCatalog &catalog, QList<CheckFinding> &findings,
    const std::function<void(const QString &)> &beforeNamespace)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        findings << CheckFinding { QStringLiteral("CUTOVER_POSTGRES_DRIVER_MISSING"), QStringLiteral("error"),
            QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed, so the migrations cannot be checked; "
                           "install the libqt6sql6-psql package."),
            true };
        return;
    }
    Connections connections;
    std::set<QString> reportedEmpty;
    for (const NamespaceTarget &target : namespaceTargets(env)) {
        if (beforeNamespace)
            beforeNamespace(target.ns);
        const QString dsn = env.value(target.dsnVariable).trimmed();
        const MigrationCatalog here = catalog.forDatabase(target.database);
        const QList<MigrationFile> files = here.files(target.ns);
        if (files.isEmpty()) {
            // Reported once per namespace; none of a namespace's files in this database of a
            // split setup is nothing to check here.
            if (!catalog.files(target.ns).isEmpty() || !reportedEmpty.insert(target.ns).second)
                continue;
            findings << CheckFinding { QStringLiteral("CUTOVER_MIGRATIONS_EMPTY:") + target.ns, QStringLiteral("error"),
                QStringLiteral("This console has no migration files for namespace %1, so it cannot tell what must be "
                               "applied; use a console build that carries them.")
                    .arg(target.ns),
                target.serviceNamespace };
            continue;
        }
        if (dsn.isEmpty()) {
            findings << CheckFinding { QStringLiteral("CUTOVER_NAMESPACE_NOT_CHECKED:") + target.ns,
                QStringLiteral("info"),
                QStringLiteral("The migrations of namespace %1 were not checked because %2 is empty; set it (see the "
                               "guardrail findings) and check again.")
                    .arg(target.ns, target.dsnVariable),
                false };
            continue;
        }
        SqlDatabase *db = connections.open(target, dsn, findings);
        if (!db)
            continue;
        // A query that fails here (the role may not read the ledger, say) fails the service's
        // check as well, with a driver error rather than a code: it is reported as our own code.
        const auto failed = [&](const Error &error) {
            findings << CheckFinding { QStringLiteral("CUTOVER_CHECK_FAILED:") + target.ns, QStringLiteral("error"),
                QStringLiteral("Checking namespace %1 through %2 failed (%3); give its role the rights to read the "
                               "database's tables and check again.")
                    .arg(target.ns, target.dsnVariable, redactSecrets(error.message()).simplified()),
                target.serviceNamespace };
        };
        try {
            SqlRows ledger = db->exec(QStringLiteral("SELECT to_regclass('public.schema_migrations') IS NOT NULL"));
            if (!ledger.next() || !ledger.value(0).toBool()) {
                findings << CheckFinding { QStringLiteral("CUTOVER_SCHEMA_MIGRATIONS_TABLE_MISSING"),
                    target.serviceNamespace ? QStringLiteral("error") : QStringLiteral("warning"),
                    QStringLiteral("The database of %1 (namespace %2) has no public.schema_migrations ledger, so no "
                                   "migration was applied there; apply the migrations first.")
                        .arg(target.dsnVariable, target.ns),
                    target.serviceNamespace };
            } else {
                checkLedger(*db, here, target, findings);
            }
        } catch (const Error &error) {
            failed(error);
        }
        try {
            if (target.serviceNamespace && !connections.roleChecked(dsn))
                checkRuntimeRole(*db, target.dsnVariable, tablesOf(files), findings);
        } catch (const Error &error) {
            failed(error);
        }
    }
}

} // namespace

bool CutoverReport::passed() const
{
    return hasNoError(findings);
}

std::optional<QString> CutoverReport::serviceOutcome() const
{
    return firstServiceError(findings);
}

QJsonObject CutoverReport::toJson() const
{
    QJsonArray list;
    for (const CheckFinding &finding : findings)
        list.append(finding.toJson());
    return { { QStringLiteral("passed"), passed() }, { QStringLiteral("profile"), toWire(profile) },
        { QStringLiteral("checked_migrations"), checkedMigrations }, { QStringLiteral("findings"), list },
        { QStringLiteral("service_outcome"), nullableJson(serviceOutcome()) } };
}

QString CutoverReport::toText() const
{
    QString out = QStringLiteral("profile: %1\nchecked_migrations: %2\n")
                      .arg(toWire(profile), checkedMigrations ? QStringLiteral("true") : QStringLiteral("false"));
    out += formatFindings(findings, serviceOutcome());
    if (passed()) {
        out += QStringLiteral("Production cutover contract validation passed.\n");
    } else {
        const auto firstError
            = std::find_if(findings.cbegin(), findings.cend(), [](const CheckFinding &f) { return f.isError(); });
        out += QStringLiteral("Production cutover contract validation failed: %1.\n").arg(firstError->code);
    }
    return out;
}

CutoverReport checkProductionCutover(const QProcessEnvironment &env, bool checkMigrations)
{
    return checkProductionCutover(env, checkMigrations, MigrationCatalog::embedded(SqlDialect::Kind::Postgres));
}

CutoverReport checkProductionCutover(const QProcessEnvironment &env, bool withMigrations,
    const MigrationCatalog &catalog, const std::function<void(const QString &)> &beforeNamespace)
{
    CutoverReport report;
    report.profile = persistenceProfileFrom(env);
    report.checkedMigrations = withMigrations;
    if (report.profile != PersistenceProfile::Production) {
        report.findings << CheckFinding { QStringLiteral("CUTOVER_PROFILE_NOT_PRODUCTION"), QStringLiteral("error"),
            QStringLiteral("APP_PERSISTENCE_PROFILE is not PRODUCTION; set APP_PERSISTENCE_PROFILE=PRODUCTION for the "
                           "cutover (the findings below are checked as if it were)."),
            true };
    }
    for (const CheckFinding &finding : checkPersistenceProfile(env, true).findings) {
        // The profile's own notes (an unknown value) matter here too; "LOCAL runs nothing" does not.
        if (finding.code != QLatin1String("PERSISTENCE_PROFILE_LOCAL"))
            report.findings << finding;
    }
    checkTls(env, report.findings);
    if (withMigrations)
        checkMigrations(env, catalog, report.findings, beforeNamespace);
    return report;
}

} // namespace dpm
