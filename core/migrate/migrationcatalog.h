#pragma once

#include "store/sqldialect.h"

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

namespace dpm {

// Which database a migration runs in. A store that holds both domains runs every migration
// (Single). When the proposals have a database of their own (design.md, Configuration), the
// proposals namespace and the console migrations over the proposal tables run there
// (ProposalStore), the rest in the DPM store (DpmStore).
enum class MigrationDatabase { Single, DpmStore, ProposalStore };

// One forward-only migration file, "<namespace>/<version>_<name>.sql".
struct MigrationFile
{
    QString ns; // "dpm", "proposals", "console"
    QString version; // file name text before the first "_", e.g. "0001"
    QString name; // the rest without ".sql", e.g. "baseline"
    QString fileName; // "0001_baseline.sql"
    QString sql; // the file's text with line endings normalised to LF
    QString checksum; // lowercase hex SHA-256 of that LF text in UTF-8 (the ledger's format)

    // "<namespace>:<version>", the ledger's version column.
    QString ledgerVersion() const { return ns + u':' + version; }
    // DpmStore or ProposalStore: where it runs when the two domains live apart.
    MigrationDatabase home() const;
};

// The migration files of one backend, per namespace, ordered by file name.
class MigrationCatalog
{
public:
    // The files this binary was built with (migrations/<backend>/, embedded as Qt resources).
    static MigrationCatalog embedded(SqlDialect::Kind kind);
    // The files under root/<namespace>/*.sql (tests, and anyone checking a folder of files).
    // Throws MIGRATION_CATALOG_INVALID when two files of a namespace share a version.
    static MigrationCatalog fromDirectory(const QString &root);

    // The namespace's files in version order; empty when the catalog has none.
    QList<MigrationFile> files(const QString &ns) const { return m_files.value(ns); }

    // The files that run in `database` of a split setup (all of them for Single). The versions
    // left out are the other database's: their ledger rows there are not this one's business.
    MigrationCatalog forDatabase(MigrationDatabase database) const;
    // The files up to and including lastVersion[ns] for each namespace it names (migrate apply
    // --to); the namespaces it does not name keep every file.
    MigrationCatalog upTo(const QMap<QString, QString> &lastVersion) const;
    // A version this catalog left out because it runs in the other database.
    bool runsElsewhere(const QString &ns, const QString &version) const
    {
        return m_elsewhere.value(ns).contains(version);
    }

private:
    QMap<QString, QList<MigrationFile>> m_files;
    QMap<QString, QSet<QString>> m_elsewhere;
};

} // namespace dpm
