#pragma once

#include "migrate/migrationcatalog.h"
#include "migrate/sqlsplitter.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace dpm {

class Error;
class SqlDatabase;

// Where one migration stands in a database.
enum class MigrationState {
    Applied, // the ledger holds it with this file's checksum
    AppliedByService, // dpm/proposals: the ledger holds another checksum, and what the file creates exists
    Pending, // not in the ledger
    Modified, // the ledger holds another checksum that cannot be accepted
    Missing, // in the ledger, but no file here (the service's dpm 0003..0014, say)
};
QString toWire(MigrationState state); // "applied", "applied_by_service", "pending", "modified", "missing"
// "store" (DpmStore), "proposal_store" (ProposalStore); empty for Single.
QString toWire(MigrationDatabase database);

struct MigrationStatusRow
{
    QString ns, version, name;
    MigrationState state = MigrationState::Pending;
    QString fileChecksum; // empty for Missing
    QString ledgerChecksum; // empty for Pending
    QString appliedAt; // empty for Pending
    // Which database of a split setup holds it; key "database" of the JSON, absent for Single.
    MigrationDatabase database = MigrationDatabase::Single;
    QJsonObject toJson() const;
};

struct MigrationPlanStep
{
    QString ns, version, name, checksum;
    QStringList statements;
    // The tables this migration creates already exist with its columns (a database the service
    // created), so apply records it in the ledger instead of running the statements.
    bool adopt = false;
    MigrationDatabase database = MigrationDatabase::Single; // as MigrationStatusRow's
    QJsonObject toJson() const;
};

struct MigrationPlan
{
    QList<MigrationPlanStep> steps;
    QJsonObject toJson() const;
};

struct AppliedMigration
{
    QString ns, version, name, checksum;
    qint64 durationMs = 0;
    QJsonObject toJson() const;
};

struct MigrationApplyReport
{
    QList<AppliedMigration> applied;
    QStringList adopted; // ledger versions ("dpm:0001") recorded for tables that already existed
    QJsonObject toJson() const;
};

struct MigrationFinding
{
    QString code; // UPPER_SNAKE_CASE with ":<namespace>:<version>"
    QString severity; // "error", "warning" or "info"
    QString message;
};

struct ValidationReport
{
    bool ok = true; // no finding of severity "error"
    QList<MigrationFinding> findings;
    QJsonObject toJson() const;
};

// Applies and inspects the forward-only migrations of the shared `schema_migrations` ledger
// (Part A §2, Part B §7.1). Each migration runs in its own transaction with its ledger row; on
// PostgreSQL the namespace's advisory lock is held on the migrating connection for the whole
// apply, on SQLite every migration takes the write lock (BEGIN IMMEDIATE) and re-reads the ledger.
// Errors are dpm::Error of kind Migration, with the service's codes prefixed POSTGRES_ or SQLITE_.
class Migrator
{
public:
    explicit Migrator(SqlDatabase &db);
    Migrator(SqlDatabase &db, MigrationCatalog catalog);

    // In the order "all" applies them.
    static QStringList namespaces();
    // "all" -> namespaces(); one namespace -> itself; anything else throws MIGRATION_NAMESPACE_UNKNOWN:<arg>.
    static QStringList resolveNamespaces(const QString &arg);
    // The namespaces plus those they build on, in the order "all" applies them: console indexes
    // the dpm and proposals tables (console/0005), so plan and apply of console include both.
    static QStringList withPrerequisites(const QStringList &namespaces);

    // Every file and every ledger row of the namespaces, in version order. Changes nothing.
    QList<MigrationStatusRow> status(const QStringList &namespaces);
    // What apply would do: the pending files with their statements and checksums. Changes
    // nothing; throws what apply would throw before running anything (a checksum mismatch).
    MigrationPlan plan(const QStringList &namespaces);
    // Applies the pending files; progress gets one line per migration before it starts. Progress
    // may throw (a cancel): the migration about to start is then rolled back with its
    // transaction, the ones before it stay applied, and the exception reaches the caller.
    MigrationApplyReport apply(
        const QStringList &namespaces, const std::function<void(const QString &)> &progress = {});
    // The same, filling `report` as each migration commits: after a failure or a cancel the
    // caller still has what was applied before it.
    void apply(const QStringList &namespaces, MigrationApplyReport &report,
        const std::function<void(const QString &)> &progress = {});
    // Checks the ledger against the files. Error: a modified file; each schemaDrift() finding.
    // Warning, an error when strict: a pending file; a console ledger row without a file. Info,
    // also an error when strict: a migration applied by the service. Info always: a service
    // ledger row without a file here.
    ValidationReport validate(const QStringList &namespaces, bool strict = false);
    // The tables and columns that the migrations the ledger holds (whoever applied them: this
    // console or the service) created and the database lacks, as error findings
    // MIGRATION_SCHEMA_TABLE_MISSING:<ns>:<version>:<table> and
    // MIGRATION_SCHEMA_COLUMN_MISSING:<ns>:<version>:<table>.<column> (see ExpectedSchema).
    // A console file edited after it was applied is not used: it no longer says what was applied.
    QList<MigrationFinding> schemaDrift(const QStringList &namespaces);

private:
    struct LedgerEntry;
    struct Evaluation;
    struct SchemaComparison;

    QList<MigrationFile> filesOf(const QString &ns) const;
    QStringList toRun(const QStringList &namespaces) const;
    QMap<QString, LedgerEntry> readLedger(const QString &ns);
    QList<Evaluation> evaluate(const QString &ns);
    SchemaComparison compareSchema(const MigrationFile &file);
    static bool ledgerHoldsItsSchema(const Evaluation &evaluation);
    QList<MigrationFinding> schemaDrift(const QList<Evaluation> &evaluations);
    bool adoptInsteadOfRunning(const MigrationFile &file);
    void applyOne(
        const MigrationFile &file, MigrationApplyReport &report, const std::function<void(const QString &)> &progress);
    void runStatements(const MigrationFile &file);
    void throwIfModified(const QList<Evaluation> &evaluations) const;
    Error modifiedError(const Evaluation &evaluation) const;
    QString codePrefix() const;

    SqlDatabase &m_db;
    MigrationCatalog m_catalog;
};

// The service's advisory lock key of a namespace: the first 8 bytes of SHA-256(ns in UTF-8) read
// as a big-endian signed 64-bit integer (dpm = -7168526539896612686).
qint64 advisoryLockKey(const QString &ns);

} // namespace dpm
