#pragma once

#include "store/sqldialect.h"

#include <QList>
#include <QMap>
#include <QString>

namespace dpm {

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

private:
    QMap<QString, QList<MigrationFile>> m_files;
};

} // namespace dpm
