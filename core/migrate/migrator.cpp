#include "migrator.h"

#include "domain/error.h"
#include "domain/logging.h"
#include "domain/timestamp.h"
#include "migrate/schemadrift.h"
#include "store/sqldatabase.h"
#include "store/sqltransaction.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

#include <optional>

namespace dpm {

namespace {

const QString kDpm = QStringLiteral("dpm");

// The service owns these namespaces and has its own files for them (Part A §2).
bool isServiceNamespace(const QString &ns)
{
    return ns == kDpm || ns == QLatin1String("proposals");
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

// Holds a namespace's session advisory lock on the migrating connection (Part B §7.1). release()
// reports a failed unlock; the destructor runs only when an error is already on its way, so it
// just logs one.
class AdvisoryLock
{
public:
    AdvisoryLock(SqlDatabase &db, const QString &ns)
        : m_db(db)
        , m_ns(ns)
        , m_key(advisoryLockKey(ns))
    {
        qCDebug(lcMigrate) << "waiting for the advisory lock of namespace" << ns;
        m_db.exec(QStringLiteral("SELECT pg_advisory_lock(?::bigint)"), { m_key });
    }
    ~AdvisoryLock()
    {
        if (!m_held)
            return;
        try {
            if (!unlock())
                qCWarning(lcMigrate) << "the advisory lock of namespace" << m_ns << "was not held at unlock";
        } catch (const Error &error) {
            qCWarning(lcMigrate) << "could not release the advisory lock of namespace" << m_ns << error.toString();
        }
    }
    AdvisoryLock(const AdvisoryLock &) = delete;
    AdvisoryLock &operator=(const AdvisoryLock &) = delete;

    void release()
    {
        m_held = false;
        QString reason = QStringLiteral("the server says this session did not hold it");
        try {
            if (unlock())
                return;
        } catch (const Error &error) {
            reason = error.message();
        }
        throw Error(ErrorKind::Migration, QStringLiteral("POSTGRES_MIGRATION_UNLOCK_FAILED:") + m_ns,
            QStringLiteral("Could not release the advisory lock of namespace %1 (%2); close this "
                           "connection so that PostgreSQL releases it.")
                .arg(m_ns, reason));
    }

private:
    bool unlock()
    {
        SqlRows q = m_db.exec(QStringLiteral("SELECT pg_advisory_unlock(?::bigint)"), { m_key });
        return q.next() && q.value(0).toBool();
    }

    SqlDatabase &m_db;
    QString m_ns;
    qint64 m_key;
    bool m_held = true;
};

} // namespace

struct Migrator::LedgerEntry
{
    QString checksum;
    QString appliedAt;
    bool conflicting = false; // two rows normalise to this version with different checksums
};

struct Migrator::Evaluation
{
    MigrationStatusRow row;
    MigrationFile file; // empty for Missing
    QString problem; // why a Modified row cannot be accepted
};

struct Migrator::SchemaComparison
{
    bool createsTables = false;
    QStringList absentTables;
    QStringList absentColumns; // "table.column" of tables that exist

    bool complete() const { return absentTables.isEmpty() && absentColumns.isEmpty(); }
    QString describe() const
    {
        QStringList parts;
        if (!absentTables.isEmpty())
            parts << QStringLiteral("tables %1 do not exist").arg(absentTables.join(QStringLiteral(", ")));
        if (!absentColumns.isEmpty())
            parts << QStringLiteral("columns %1 do not exist").arg(absentColumns.join(QStringLiteral(", ")));
        return parts.join(QStringLiteral(" and "));
    }
};

QString toWire(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied:
        return QStringLiteral("applied");
    case MigrationState::AppliedByService:
        return QStringLiteral("applied_by_service");
    case MigrationState::Pending:
        return QStringLiteral("pending");
    case MigrationState::Modified:
        return QStringLiteral("modified");
    case MigrationState::Missing:
        return QStringLiteral("missing");
    }
    return QStringLiteral("pending");
}

QString toWire(MigrationDatabase database)
{
    switch (database) {
    case MigrationDatabase::Single:
        return {};
    case MigrationDatabase::DpmStore:
        return QStringLiteral("store");
    case MigrationDatabase::ProposalStore:
        return QStringLiteral("proposal_store");
    }
    return {};
}

namespace {

QJsonObject withDatabase(QJsonObject json, MigrationDatabase database)
{
    if (database != MigrationDatabase::Single)
        json.insert(QStringLiteral("database"), toWire(database));
    return json;
}

} // namespace

QJsonObject MigrationStatusRow::toJson() const
{
    return withDatabase({ { QStringLiteral("namespace"), ns }, { QStringLiteral("version"), version },
                            { QStringLiteral("name"), textOrNull(name) }, { QStringLiteral("state"), toWire(state) },
                            { QStringLiteral("file_checksum"), textOrNull(fileChecksum) },
                            { QStringLiteral("ledger_checksum"), textOrNull(ledgerChecksum) },
                            { QStringLiteral("applied_at"), textOrNull(appliedAt) } },
        database);
}

QJsonObject MigrationPlanStep::toJson() const
{
    return withDatabase({ { QStringLiteral("namespace"), ns }, { QStringLiteral("version"), version },
                            { QStringLiteral("name"), name }, { QStringLiteral("checksum"), checksum },
                            { QStringLiteral("action"), adopt ? QStringLiteral("adopt") : QStringLiteral("apply") },
                            { QStringLiteral("statements"), QJsonArray::fromStringList(statements) } },
        database);
}

QJsonObject MigrationPlan::toJson() const
{
    QJsonArray list;
    for (const MigrationPlanStep &step : steps)
        list.append(step.toJson());
    return { { QStringLiteral("steps"), list } };
}

QJsonObject AppliedMigration::toJson() const
{
    return { { QStringLiteral("namespace"), ns }, { QStringLiteral("version"), version },
        { QStringLiteral("name"), name }, { QStringLiteral("checksum"), checksum },
        { QStringLiteral("duration_ms"), durationMs } };
}

QJsonObject MigrationApplyReport::toJson() const
{
    QJsonArray list;
    for (const AppliedMigration &migration : applied)
        list.append(migration.toJson());
    return { { QStringLiteral("applied"), list }, { QStringLiteral("adopted"), QJsonArray::fromStringList(adopted) } };
}

QJsonObject ValidationReport::toJson() const
{
    QJsonArray list;
    for (const MigrationFinding &finding : findings) {
        list.append(QJsonObject { { QStringLiteral("code"), finding.code },
            { QStringLiteral("severity"), finding.severity }, { QStringLiteral("message"), finding.message } });
    }
    return { { QStringLiteral("ok"), ok }, { QStringLiteral("findings"), list } };
}

qint64 advisoryLockKey(const QString &ns)
{
    const QByteArray digest = QCryptographicHash::hash(ns.toUtf8(), QCryptographicHash::Sha256);
    return qFromBigEndian<qint64>(digest.constData());
}

Migrator::Migrator(SqlDatabase &db)
    : Migrator(db, MigrationCatalog::embedded(db.dialect().kind()))
{ }

Migrator::Migrator(SqlDatabase &db, MigrationCatalog catalog)
    : m_db(db)
    , m_catalog(std::move(catalog))
{ }

QStringList Migrator::namespaces()
{
    return { kDpm, QStringLiteral("proposals"), QStringLiteral("console") };
}

QStringList Migrator::resolveNamespaces(const QString &arg)
{
    if (arg == QLatin1String("all"))
        return namespaces();
    if (namespaces().contains(arg))
        return { arg };
    throw Error(ErrorKind::InvalidInput, QStringLiteral("MIGRATION_NAMESPACE_UNKNOWN:") + arg,
        QStringLiteral("\"%1\" is not a migration namespace; use dpm, proposals, console or all.").arg(arg));
}

QStringList Migrator::withPrerequisites(const QStringList &namespaces)
{
    QStringList wanted = namespaces;
    if (namespaces.contains(QLatin1String("console")))
        wanted << kDpm << QStringLiteral("proposals");
    QStringList ordered;
    for (const QString &ns : Migrator::namespaces()) {
        if (wanted.contains(ns))
            ordered << ns;
    }
    for (const QString &ns : namespaces) {
        if (!ordered.contains(ns)) // not one of ours: filesOf() reports it
            ordered << ns;
    }
    return ordered;
}

// withPrerequisites() without the prerequisites a catalog has no files for (a test's catalog).
QStringList Migrator::toRun(const QStringList &namespaces) const
{
    QStringList run;
    for (const QString &ns : withPrerequisites(namespaces)) {
        if (namespaces.contains(ns) || !m_catalog.files(ns).isEmpty())
            run << ns;
    }
    return run;
}

QList<MigrationStatusRow> Migrator::status(const QStringList &namespaces)
{
    QList<MigrationStatusRow> rows;
    for (const QString &ns : namespaces) {
        for (const Evaluation &evaluation : evaluate(ns))
            rows << evaluation.row;
    }
    return rows;
}

MigrationPlan Migrator::plan(const QStringList &namespaces)
{
    MigrationPlan plan;
    for (const QString &ns : toRun(namespaces)) {
        const QList<Evaluation> evaluations = evaluate(ns);
        throwIfModified(evaluations);
        for (const Evaluation &e : evaluations) {
            if (e.row.state == MigrationState::Pending) {
                plan.steps << MigrationPlanStep { ns, e.file.version, e.file.name, e.file.checksum,
                    splitSqlStatements(e.file.sql), adoptInsteadOfRunning(e.file) };
            }
        }
    }
    return plan;
}

MigrationApplyReport Migrator::apply(
    const QStringList &namespaces, const std::function<void(const QString &)> &progress)
{
    MigrationApplyReport report;
    apply(namespaces, report, progress);
    return report;
}

void Migrator::apply(
    const QStringList &namespaces, MigrationApplyReport &report, const std::function<void(const QString &)> &progress)
{
    const QStringList ordered = toRun(namespaces);
    // A namespace without files fails before anything is locked, created or applied.
    for (const QString &ns : ordered)
        filesOf(ns);
    for (const QString &ns : ordered) {
        std::optional<AdvisoryLock> lock;
        if (m_db.dialect().isPostgres())
            lock.emplace(m_db, ns);
        // Checked first so PostgreSQL does not print a "relation already exists" notice each time.
        if (!m_db.tableExists(QStringLiteral("schema_migrations"))) {
            m_db.execDirect(
                QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, "
                               "namespace TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)"));
        }
        const QList<Evaluation> evaluations = evaluate(ns);
        throwIfModified(evaluations);
        for (const Evaluation &e : evaluations) {
            if (e.row.state == MigrationState::Pending)
                applyOne(e.file, report, progress);
        }
        if (lock)
            lock->release();
    }
}

ValidationReport Migrator::validate(const QStringList &namespaces, bool strict)
{
    ValidationReport report;
    auto add = [&](const QString &code, const QString &severity, const QString &message) {
        report.findings << MigrationFinding { code, severity, message };
        if (severity == QLatin1String("error"))
            report.ok = false;
    };
    const QString strictSeverity = strict ? QStringLiteral("error") : QStringLiteral("warning");
    QList<Evaluation> all;
    for (const QString &ns : namespaces) {
        const QList<Evaluation> evaluations = evaluate(ns);
        all += evaluations;
        for (const Evaluation &e : evaluations) {
            const QString id = ns + u':' + e.row.version;
            switch (e.row.state) {
            case MigrationState::Applied:
                break;
            case MigrationState::AppliedByService:
                if (strict) {
                    add(codePrefix() + QStringLiteral("MIGRATION_CHECKSUM_MISMATCH:") + id, QStringLiteral("error"),
                        QStringLiteral("%1 is recorded with checksum %2, not this console's file; strict validation "
                                       "accepts only this console's migrations, so validate without strict to accept "
                                       "the service's own.")
                            .arg(id, e.row.ledgerChecksum));
                } else {
                    add(QStringLiteral("MIGRATION_APPLIED_BY_SERVICE:") + id, QStringLiteral("info"),
                        QStringLiteral("%1 was applied by the service (another checksum, and the tables and columns "
                                       "it creates exist); nothing to do.")
                            .arg(id));
                }
                break;
            case MigrationState::Modified: {
                const Error error = modifiedError(e);
                add(error.code(), QStringLiteral("error"), error.message());
                break;
            }
            case MigrationState::Pending:
                add(QStringLiteral("MIGRATION_PENDING:") + id, strictSeverity,
                    QStringLiteral("%1 (%2) is not applied yet; run migrate apply.").arg(id, e.row.name));
                break;
            case MigrationState::Missing:
                if (isServiceNamespace(ns)) {
                    add(QStringLiteral("MIGRATION_FILE_MISSING:") + id, QStringLiteral("info"),
                        QStringLiteral("%1 is in the ledger but this console has no file for it (applied by the "
                                       "service); nothing to do.")
                            .arg(id));
                } else {
                    add(QStringLiteral("MIGRATION_FILE_MISSING:") + id, strictSeverity,
                        QStringLiteral("%1 is in the ledger but this console build has no file for it; use the "
                                       "console version that applied it.")
                            .arg(id));
                }
                break;
            }
        }
    }
    for (const MigrationFinding &finding : schemaDrift(all))
        add(finding.code, finding.severity, finding.message);
    return report;
}

QList<MigrationFinding> Migrator::schemaDrift(const QStringList &namespaces)
{
    QList<Evaluation> all;
    for (const QString &ns : namespaces)
        all += evaluate(ns);
    return schemaDrift(all);
}

QList<MigrationFinding> Migrator::schemaDrift(const QList<Evaluation> &evaluations)
{
    ExpectedSchema expected;
    for (const Evaluation &e : evaluations) {
        if (ledgerHoldsItsSchema(e))
            expected.add(e.file.ledgerVersion(), e.file.sql);
    }
    return expected.findingsAgainst([this](const QString &table) { return tableColumns(m_db, table); });
}

bool Migrator::ledgerHoldsItsSchema(const Evaluation &e)
{
    switch (e.row.state) {
    case MigrationState::Applied:
    case MigrationState::AppliedByService:
        return true;
    case MigrationState::Modified: // the service's text of it; ours says what it must create
        return isServiceNamespace(e.row.ns);
    case MigrationState::Pending:
    case MigrationState::Missing:
        return false;
    }
    return false;
}

QList<MigrationFile> Migrator::filesOf(const QString &ns) const
{
    const QList<MigrationFile> files = m_catalog.files(ns);
    if (files.isEmpty()) {
        throw Error(ErrorKind::Migration, codePrefix() + QStringLiteral("MIGRATIONS_NAMESPACE_NOT_FOUND:") + ns,
            QStringLiteral("This console has no migration files for namespace %1; check the namespace "
                           "(dpm, proposals, console).")
                .arg(ns));
    }
    return files;
}

QMap<QString, Migrator::LedgerEntry> Migrator::readLedger(const QString &ns)
{
    QMap<QString, LedgerEntry> ledger;
    if (!m_db.tableExists(QStringLiteral("schema_migrations")))
        return ledger;
    const QString prefix = ns + u':';
    SqlRows q = m_db.exec(QStringLiteral("SELECT version, checksum, applied_at FROM schema_migrations "
                                         "WHERE namespace = ? OR version NOT LIKE '%:%'"),
        { ns });
    while (q.next()) {
        QString version = q.value(0).toString();
        if (version.startsWith(prefix))
            version = version.mid(prefix.size());
        else if (version.contains(u':') || ns != kDpm) // unprefixed rows predate namespaces: dpm's
            continue;
        if (m_catalog.runsElsewhere(ns, version)) // the other database's of a split setup
            continue;
        const LedgerEntry entry { q.value(1).toString(), q.value(2).toString() };
        const auto existing = ledger.find(version);
        if (existing == ledger.end())
            ledger.insert(version, entry);
        else if (existing->checksum != entry.checksum)
            existing->conflicting = true;
    }
    return ledger;
}

QList<Migrator::Evaluation> Migrator::evaluate(const QString &ns)
{
    QMap<QString, LedgerEntry> ledger = readLedger(ns);
    QList<Evaluation> evaluations;
    for (const MigrationFile &file : filesOf(ns)) {
        Evaluation e;
        e.row = { ns, file.version, file.name, MigrationState::Pending, file.checksum, {}, {} };
        e.file = file;
        const auto entry = ledger.constFind(file.version);
        if (entry != ledger.constEnd()) {
            e.row.ledgerChecksum = entry->checksum;
            e.row.appliedAt = entry->appliedAt;
            if (entry->conflicting) {
                e.row.state = MigrationState::Modified;
                e.problem = QStringLiteral("the ledger holds it twice with different checksums");
            } else if (entry->checksum == file.checksum) {
                e.row.state = MigrationState::Applied;
            } else if (!isServiceNamespace(ns)) {
                e.row.state = MigrationState::Modified;
                e.problem = QStringLiteral("%1 now has checksum %2, not the ledger's %3")
                                .arg(file.fileName, file.checksum, entry->checksum);
            } else {
                const SchemaComparison schema = compareSchema(file);
                if (schema.complete()) {
                    e.row.state = MigrationState::AppliedByService;
                } else {
                    e.row.state = MigrationState::Modified;
                    e.problem = QStringLiteral("its ledger checksum %1 is not this console's and %2")
                                    .arg(entry->checksum, schema.describe());
                }
            }
            ledger.erase(entry);
        }
        evaluations << e;
    }
    for (auto it = ledger.cbegin(); it != ledger.cend(); ++it)
        evaluations << Evaluation { { ns, it.key(), {}, MigrationState::Missing, {}, it->checksum, it->appliedAt }, {},
            {} };
    std::sort(evaluations.begin(), evaluations.end(),
        [](const Evaluation &a, const Evaluation &b) { return a.row.version < b.row.version; });
    return evaluations;
}

Migrator::SchemaComparison Migrator::compareSchema(const MigrationFile &file)
{
    SchemaComparison comparison;
    const QMap<QString, QStringList> expected = tableColumnsCreatedBy(file.sql);
    comparison.createsTables = !expected.isEmpty();
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const QStringList existing = tableColumns(m_db, it.key());
        if (existing.isEmpty()) {
            comparison.absentTables << it.key();
            continue;
        }
        for (const QString &column : it.value()) {
            if (!existing.contains(column, Qt::CaseInsensitive))
                comparison.absentColumns << it.key() + u'.' + column;
        }
    }
    return comparison;
}

bool Migrator::adoptInsteadOfRunning(const MigrationFile &file)
{
    const SchemaComparison schema = compareSchema(file);
    if (!schema.absentColumns.isEmpty()) {
        throw Error(ErrorKind::Migration,
            codePrefix() + QStringLiteral("MIGRATION_SCHEMA_MISMATCH:") + file.ledgerVersion(),
            QStringLiteral("Migration %1 creates tables that already exist without columns %2; repair the "
                           "database or point the console at the right one, then apply again.")
                .arg(file.ledgerVersion(), schema.absentColumns.join(QStringLiteral(", "))));
    }
    return isServiceNamespace(file.ns) && schema.createsTables && schema.absentTables.isEmpty();
}

void Migrator::applyOne(
    const MigrationFile &file, MigrationApplyReport &report, const std::function<void(const QString &)> &progress)
{
    SqlTransaction transaction(m_db);
    QElapsedTimer timer; // after the wait for the write lock
    timer.start();
    // On SQLite another process may have applied it while this one waited for the write lock.
    if (readLedger(file.ns).contains(file.version)) {
        qCInfo(lcMigrate) << file.ledgerVersion() << "was applied by another migrator meanwhile";
        return;
    }
    const bool adopt = adoptInsteadOfRunning(file);
    if (progress) {
        progress(adopt
                ? QStringLiteral("Adopting %1 (%2): its tables already exist").arg(file.ledgerVersion(), file.name)
                : QStringLiteral("Applying %1 (%2)").arg(file.ledgerVersion(), file.name));
    }
    if (!adopt)
        runStatements(file);
    m_db.exec(
        QStringLiteral("INSERT INTO schema_migrations (version, namespace, checksum, applied_at) VALUES (?, ?, ?, ?)"),
        { file.ledgerVersion(), file.ns, file.checksum, nowTimestamp() });
    transaction.commit();
    if (adopt)
        report.adopted << file.ledgerVersion();
    else
        report.applied << AppliedMigration { file.ns, file.version, file.name, file.checksum, timer.elapsed() };
    qCInfo(lcMigrate) << (adopt ? "adopted" : "applied") << file.ledgerVersion() << "in" << timer.elapsed() << "ms";
}

void Migrator::runStatements(const MigrationFile &file)
{
    const QStringList statements = splitSqlStatements(file.sql);
    const QSqlDatabase connection = m_db.connection();
    for (qsizetype i = 0; i < statements.size(); ++i) {
        // Not prepared: PostgreSQL cannot PREPARE DDL, and a migration has no parameters.
        QSqlQuery query(connection);
        if (query.exec(statements.at(i)))
            continue;
        // A server that went away is a lost connection (exit 7), not a broken migration: the
        // store's own reading of the error decides.
        try {
            throwQueryError(query, QStringLiteral("running migration %1").arg(file.ledgerVersion()));
        } catch (const Error &error) {
            if (error.kind() == ErrorKind::Connection)
                throw;
        }
        throw Error(ErrorKind::Migration, codePrefix() + QStringLiteral("MIGRATION_FAILED:") + file.ledgerVersion(),
            QStringLiteral("Migration %1 (%2) failed at statement %3 of %4 (\"%5\"): %6; nothing of it was "
                           "applied, so fix the cause and run apply again.")
                .arg(file.ledgerVersion(), file.fileName)
                .arg(i + 1)
                .arg(statements.size())
                .arg(statements.at(i).section(u'\n', 0, 0).trimmed(),
                    redactSecrets(query.lastError().text().trimmed())));
    }
}

void Migrator::throwIfModified(const QList<Evaluation> &evaluations) const
{
    for (const Evaluation &e : evaluations) {
        if (e.row.state == MigrationState::Modified)
            throw modifiedError(e);
    }
}

Error Migrator::modifiedError(const Evaluation &e) const
{
    const QString id = e.row.ns + u':' + e.row.version;
    return Error(ErrorKind::Migration, codePrefix() + QStringLiteral("MIGRATION_CHECKSUM_MISMATCH:") + id,
        QStringLiteral("%1 was applied but %2; fix forward with a new numbered file, never edit an applied "
                       "migration.")
            .arg(id, e.problem));
}

QString Migrator::codePrefix() const
{
    return m_db.dialect().isPostgres() ? QStringLiteral("POSTGRES_") : QStringLiteral("SQLITE_");
}

} // namespace dpm
