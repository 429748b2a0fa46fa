#include "migrationcatalog.h"

#include "domain/canonicaljson.h"
#include "domain/error.h"

#include <QDir>
#include <QFile>

#include <algorithm>

namespace dpm {

namespace {

MigrationFile readMigrationFile(const QString &ns, const QFileInfo &info)
{
    QFile file(info.filePath());
    if (!file.open(QIODevice::ReadOnly)) {
        throw Error(ErrorKind::Migration, QStringLiteral("MIGRATION_CATALOG_INVALID"),
            QStringLiteral("Cannot read the migration file %1 (%2); check that it exists and is readable.")
                .arg(info.filePath(), file.errorString()));
    }
    MigrationFile migration;
    migration.ns = ns;
    migration.fileName = info.fileName();
    const QString base = info.completeBaseName();
    const qsizetype underscore = base.indexOf(u'_');
    migration.version = underscore < 0 ? base : base.left(underscore);
    migration.name = underscore < 0 ? QString() : base.mid(underscore + 1);
    // A checkout with CRLF line endings must not look like an edited file.
    migration.sql = QString::fromUtf8(file.readAll()).replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    migration.checksum = sha256Hex(migration.sql.toUtf8());
    return migration;
}

// The console migrations that only index the service's proposal tables (console/0005's listing
// indexes, console/0008's correlation index): they belong with those tables. Listed rather than
// marked in the files, since an applied file must never change; tst_migrationcatalog checks that
// the list and the files agree.
const QStringList kConsoleProposalMigrations { QStringLiteral("0005"), QStringLiteral("0008") };

} // namespace

MigrationDatabase MigrationFile::home() const
{
    if (ns == QLatin1String("proposals"))
        return MigrationDatabase::ProposalStore;
    if (ns == QLatin1String("console") && kConsoleProposalMigrations.contains(version))
        return MigrationDatabase::ProposalStore;
    return MigrationDatabase::DpmStore;
}

MigrationCatalog MigrationCatalog::forDatabase(MigrationDatabase database) const
{
    if (database == MigrationDatabase::Single)
        return *this;
    MigrationCatalog part;
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
        QList<MigrationFile> files;
        for (const MigrationFile &file : it.value()) {
            if (file.home() == database)
                files << file;
            else
                part.m_elsewhere[it.key()].insert(file.version);
        }
        if (!files.isEmpty())
            part.m_files.insert(it.key(), files);
    }
    return part;
}

MigrationCatalog MigrationCatalog::upTo(const QMap<QString, QString> &lastVersion) const
{
    MigrationCatalog part = *this;
    for (auto it = lastVersion.cbegin(); it != lastVersion.cend(); ++it) {
        QList<MigrationFile> &files = part.m_files[it.key()];
        // Versions are fixed-width digits: text order is version order.
        files.erase(std::remove_if(files.begin(), files.end(),
                        [&](const MigrationFile &file) { return file.version > it.value(); }),
            files.end());
    }
    return part;
}

MigrationCatalog MigrationCatalog::embedded(SqlDialect::Kind kind)
{
    return fromDirectory(QStringLiteral(":/migrations/") + SqlDialect(kind).migrationFolder());
}

MigrationCatalog MigrationCatalog::fromDirectory(const QString &root)
{
    MigrationCatalog catalog;
    const QDir rootDir(root);
    for (const QString &ns : rootDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir nsDir(rootDir.filePath(ns));
        QList<MigrationFile> files;
        for (const QFileInfo &info : nsDir.entryInfoList({ QStringLiteral("*.sql") }, QDir::Files, QDir::Name)) {
            MigrationFile migration = readMigrationFile(ns, info);
            if (!files.isEmpty() && files.constLast().version == migration.version) {
                throw Error(ErrorKind::Migration, QStringLiteral("MIGRATION_CATALOG_INVALID"),
                    QStringLiteral("%1 and %2 in %3 share version %4; give each migration its own number.")
                        .arg(files.constLast().fileName, migration.fileName, nsDir.path(), migration.version));
            }
            files << migration;
        }
        if (!files.isEmpty())
            catalog.m_files.insert(ns, files);
    }
    return catalog;
}

} // namespace dpm
