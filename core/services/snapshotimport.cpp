#include "snapshotimport.h"

#include "services/snapshotformat.h"
#include "services/snapshotstream.h"
#include "services/storemigrations.h"
#include "services/transferrows.h"

#include "domain/error.h"
#include "domain/logging.h"
#include "store/auditlog.h"
#include "store/bulkloader.h"
#include "store/bulkreader.h"
#include "store/dualwritestore.h"
#include "store/serverprobe.h"
#include "store/supportstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <optional>

namespace dpm {

using namespace snapshot;

namespace {

const QString kImportAction = QStringLiteral("snapshot.import");

Error corrupt(const QString &what)
{
    return Error(ErrorKind::InvalidInput, QStringLiteral("SNAPSHOT_CORRUPT"),
        QStringLiteral("The file is not a readable snapshot (%1); take the file as \"dpmctl snapshot export\" wrote it.")
            .arg(what));
}

QJsonObject objectLine(const QByteArray &line, const QString &what)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw corrupt(what);
    return document.object();
}

QString versionsText(const QStringList &versions)
{
    return versions.isEmpty() ? QStringLiteral("none") : versions.join(QLatin1Char(','));
}

struct HeaderTable
{
    QString name;
    qint64 rows = 0;
    std::optional<BulkTable> bulk; // empty for the policy packs and the audit log
};

} // namespace

SnapshotReport importSnapshot(SupportStore &store, const QString &path, AuditMode auditMode, const TransferProgressFn &progress)
{
    QElapsedTimer total;
    total.start();
    SnapshotReport report;
    report.store = store.describe();
    report.file = path;

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("SNAPSHOT_FILE_UNREADABLE"),
            QStringLiteral("The snapshot file %1 cannot be read (%2); check the path.").arg(path, file.errorString()));
    }
    SnapshotReader reader(file);
    QByteArray line;
    if (!reader.readLine(line))
        throw corrupt(QStringLiteral("it is empty"));
    const QJsonObject header = objectLine(line, QStringLiteral("no header line"));
    if (header.value(QStringLiteral("format")).toString() != kFormat)
        throw corrupt(QStringLiteral("no snapshot header"));
    if (header.value(QStringLiteral("format_version")).toInt() != kFormatVersion) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("SNAPSHOT_FORMAT_UNSUPPORTED"),
            QStringLiteral("The snapshot is of format version %1; this build reads version %2. Import it with the "
                           "dpmctl that exported it.")
                .arg(header.value(QStringLiteral("format_version")).toInt())
                .arg(kFormatVersion));
    }

    // The schema first: rows of other migrations would not mean the same.
    const QJsonObject wanted = header.value(QStringLiteral("schema_versions")).toObject();
    const QMap<QString, QStringList> have = appliedMigrations(store);
    QStringList namespaces = wanted.keys() + have.keys();
    namespaces.removeDuplicates();
    namespaces.sort();
    QStringList differing;
    bool storeBehind = true; // every namespace of the store is a start of the snapshot's
    MigrationUpTo snapshotTarget;
    for (const QString &ns : std::as_const(namespaces)) {
        QStringList snapshotVersions;
        for (const QJsonValue &v : wanted.value(ns).toArray())
            snapshotVersions << v.toString();
        if (!snapshotVersions.isEmpty())
            snapshotTarget.insert(ns, snapshotVersions.constLast());
        const QStringList storeVersions = have.value(ns);
        if (snapshotVersions == storeVersions)
            continue;
        differing << QStringLiteral("%1 %2 (the store: %3)")
                         .arg(ns, versionsText(snapshotVersions), versionsText(storeVersions));
        storeBehind = storeBehind && snapshotVersions.mid(0, storeVersions.size()) == storeVersions;
    }
    if (!differing.isEmpty()) {
        // Rows of other migrations would not mean the same, and migrations only go forward: the
        // store is brought exactly to the snapshot's migrations, and forward after the import.
        const QString to = migrationTargetText(snapshotTarget);
        const QString where = storeBehind ? report.store : QStringLiteral("NEW");
        throw Error(ErrorKind::Migration, QStringLiteral("SNAPSHOT_SCHEMA_MISMATCH"),
            QStringLiteral("The snapshot was taken at other migrations than the store %1 has: %2. %3 \"dpmctl --store "
                           "%4 migrate apply --to %5\", import the snapshot there, then bring it to this build's "
                           "migrations with \"dpmctl --store %4 migrate apply\".")
                .arg(report.store, differing.join(QStringLiteral("; ")),
                    storeBehind ? QStringLiteral("Bring this store to the snapshot's migrations with")
                                : QStringLiteral("Migrations only go forward, so create a new, empty store at the "
                                                 "snapshot's migrations with"),
                    where, to));
    }

    QList<HeaderTable> tables;
    qint64 rowsTotal = 0;
    for (const QJsonValue &value : header.value(QStringLiteral("tables")).toArray()) {
        const QJsonObject t = value.toObject();
        HeaderTable table;
        table.name = t.value(QStringLiteral("table")).toString();
        table.rows = t.value(QStringLiteral("rows")).toInteger(-1);
        for (const BulkTable bulk : allBulkTables()) {
            if (table.name == QLatin1String(bulkTableSpec(bulk).name))
                table.bulk = bulk;
        }
        if (table.rows < 0 || (!table.bulk && table.name != snapshot::kPolicyPacks && table.name != kAuditLog))
            throw corrupt(QStringLiteral("its header names an unknown table %1").arg(table.name));
        QStringList columns;
        for (const QJsonValue &c : t.value(QStringLiteral("columns")).toArray())
            columns << c.toString();
        const QStringList expected = table.bulk ? bulkColumns(*table.bulk)
            : table.name == snapshot::kPolicyPacks        ? policyPackColumns()
                                                : auditLogColumns();
        if (columns != expected) {
            throw Error(ErrorKind::Migration, QStringLiteral("SNAPSHOT_SCHEMA_MISMATCH"),
                QStringLiteral("The snapshot's table %1 has other columns than this build's; import it with the dpmctl "
                               "that exported it.")
                    .arg(table.name));
        }
        rowsTotal += table.rows;
        tables << table;
    }

    refuseChangesOnReplica(store, QStringLiteral("a snapshot import"));
    requireAuditable(store, auditMode);
    const std::unique_ptr<BulkReader> targetReader = openBulkReader(store);
    const std::unique_ptr<BulkLoader> loader = openBulkLoader(store);
    const std::optional<DualWriteFigures> dualWriteBefore = dualWriteFiguresOf(store);
    qint64 targetRows = transfer::policyPacksOf(store).value_or(QList<PolicyPack> {}).size();
    for (const BulkTable bulk : allBulkTables()) {
        if (targetReader->supports(bulk))
            targetRows += targetReader->rowCount(bulk);
    }
    if (targetRows > 0) {
        throw Error(ErrorKind::Conflict, QStringLiteral("SNAPSHOT_TARGET_NOT_EMPTY"),
            QStringLiteral("The store %1 already holds %2 rows; import a snapshot into an empty store, migrated as the "
                           "snapshot's source was.")
                .arg(report.store)
                .arg(targetRows));
    }
    for (const HeaderTable &table : std::as_const(tables)) {
        const bool missing = table.bulk ? !loader->supports(*table.bulk)
            : table.name == snapshot::kPolicyPacks ? !transfer::policyPacksOf(store).has_value()
                                         : !store.auditLog().isAvailable();
        if (missing && table.rows > 0) {
            throw Error(ErrorKind::Migration, QStringLiteral("SNAPSHOT_SCHEMA_MISMATCH"),
                QStringLiteral("The store %1 has no table %2, which the snapshot fills; apply the migrations first.")
                    .arg(report.store, table.name));
        }
    }

    const auto record = [&](const QString &outcome) {
        if (auditMode == AuditMode::Skip)
            return;
        QJsonObject details = report.toJson();
        details.remove(QStringLiteral("store"));
        if (const std::optional<Error> failed = recordAction(store, kImportAction, details, outcome))
            qCWarning(lcTransfer) << "the snapshot import was not recorded:" << failed->toString();
    };

    qint64 rowsDone = 0;
    QList<PolicyPack> packs;
    QList<AuditEntry> entries;
    try {
        loader->begin();
        for (const HeaderTable &table : std::as_const(tables)) {
            if (progress && !progress(rowsDone, rowsTotal, table.name)) {
                report.cancelled = true;
                break;
            }
            if (!reader.readLine(line))
                throw snapshotTruncatedError();
            const QJsonObject section = objectLine(line, QStringLiteral("a table's first line is missing"));
            if (section.value(QStringLiteral("table")).toString() != table.name
                || section.value(QStringLiteral("rows")).toInteger(-1) != table.rows)
                throw corrupt(QStringLiteral("table %1 is not where its header says").arg(table.name));
            BulkRows batch;
            qint64 batchBytes = 0;
            const auto flush = [&] {
                loader->write(batch);
                batch.clear();
                batchBytes = 0;
            };
            for (qint64 n = 0; n < table.rows; ++n) {
                if (!reader.readLine(line))
                    throw snapshotTruncatedError();
                ++rowsDone;
                if (table.bulk) {
                    const BulkRow row = bulkRowFromLine(*table.bulk, line);
                    batchBytes += transfer::rowBytes(row);
                    batch.addRow(*table.bulk, row);
                    if (batch.totalRows() >= TransferOptions {}.batchRows || batchBytes >= transfer::kBatchBytes) {
                        flush();
                        if (progress && !progress(rowsDone, rowsTotal, table.name)) {
                            report.cancelled = true;
                            break;
                        }
                    }
                    continue;
                }
                if (table.name == snapshot::kPolicyPacks) {
                    const auto v = textRowFromLine(line, policyPackColumns().size());
                    packs << PolicyPack { v[0].value_or(QString()), v[1].value_or(QString()), v[2].value_or(QString()),
                        v[3].value_or(QString()), v[4].value_or(QString()) };
                } else {
                    const auto v = textRowFromLine(line, auditLogColumns().size());
                    entries << AuditEntry { v[0].value_or(QString()), v[1].value_or(QString()), v[2].value_or(QString()),
                        v[3].value_or(QString()), v[4].value_or(QString()), v[5].value_or(QString()),
                        v[6].value_or(QString()) };
                }
            }
            if (report.cancelled)
                break;
            if (batch.totalRows() > 0)
                flush();
            report.tables << SnapshotTableReport { table.name, table.rows };
        }
        if (report.cancelled) {
            loader->rollback();
            report.tables.clear();
            report.totalSeconds = total.nsecsElapsed() / 1e9;
            record(QStringLiteral("cancelled"));
            return report;
        }
        // The checksum covers everything before its line: checked before anything commits.
        if (!reader.readLine(line))
            throw snapshotTruncatedError();
        const QByteArray expected = reader.digestBeforeLastLine();
        const QJsonObject checksum = objectLine(line, QStringLiteral("its last line is not the checksum"));
        if (!checksum.contains(QStringLiteral("sha256")))
            throw corrupt(QStringLiteral("its last line is not the checksum"));
        if (checksum.value(QStringLiteral("sha256")).toString().toLatin1() != expected) {
            throw Error(ErrorKind::InvalidInput, QStringLiteral("SNAPSHOT_CHECKSUM_MISMATCH"),
                QStringLiteral("The snapshot's content does not match its checksum (the file was changed or damaged); "
                               "nothing was imported. Take an intact copy of the file, or export again."));
        }
        if (reader.readLine(line))
            throw corrupt(QStringLiteral("there are lines after its checksum"));
        report.sha256 = QString::fromLatin1(expected);
        loader->commit();
        loader->finish();
        for (const PolicyPack &pack : std::as_const(packs))
            store.upsertPolicyPack(pack);
        // The file has them newest first, as the log lists them.
        std::for_each(entries.crbegin(), entries.crend(), [&](const AuditEntry &entry) { store.auditLog().append(entry); });
    } catch (const Error &error) {
        report.totalSeconds = total.nsecsElapsed() / 1e9;
        try {
            loader->rollback(); // before the record, which may share the loader's connection
        } catch (const Error &) {
            // Nothing was open, or the connection is gone: either way nothing stays.
        }
        record(auditOutcomeOf(error));
        throw;
    }
    report.fileBytes = file.size();
    if (const QString note = dualWriteBulkNote(store, dualWriteBefore); !note.isEmpty())
        report.notes << note;
    if (progress)
        progress(rowsDone, rowsTotal, QString());
    report.totalSeconds = total.nsecsElapsed() / 1e9;
    record(QStringLiteral("succeeded"));
    qCInfo(lcTransfer) << "snapshot import" << path << "->" << report.store << "rows" << rowsDone;
    return report;
}

} // namespace dpm
