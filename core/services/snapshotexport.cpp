#include "snapshotexport.h"

#include "services/adminaction.h"
#include "services/snapshotformat.h"
#include "services/snapshotstream.h"
#include "services/transferrows.h"

#include "domain/canonicaljson.h"
#include "domain/error.h"
#include "domain/logging.h"
#include "domain/timestamp.h"
#include "store/auditlog.h"
#include "store/bulkreader.h"
#include "store/sqlstore.h"
#include "store/sqltransaction.h"
#include "store/supportstore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSaveFile>

#include <optional>

namespace dpm {

using namespace snapshot;

qint64 SnapshotReport::rows() const
{
    qint64 total = 0;
    for (const SnapshotTableReport &table : tables)
        total += table.rows;
    return total;
}

QJsonObject SnapshotReport::toJson() const
{
    QJsonArray tablesJson;
    for (const SnapshotTableReport &table : tables)
        tablesJson.append(QJsonObject { { QStringLiteral("table"), table.table }, { QStringLiteral("rows"), table.rows } });
    return QJsonObject {
        { QStringLiteral("store"), store },
        { QStringLiteral("file"), file },
        { QStringLiteral("cancelled"), cancelled },
        { QStringLiteral("tables"), tablesJson },
        { QStringLiteral("rows"), rows() },
        { QStringLiteral("sha256"), sha256 },
        { QStringLiteral("file_bytes"), fileBytes },
        { QStringLiteral("total_seconds"), totalSeconds },
        { QStringLiteral("rows_per_second"), totalSeconds > 0 ? qRound64(double(rows()) / totalSeconds) : 0 },
        { QStringLiteral("notes"), QJsonArray::fromStringList(notes) },
    };
}

namespace {

// Every audit entry, oldest first would need the whole log in memory; newest first, as the log pages.
template <typename Fn> void forEachAuditEntry(AuditLog &log, Fn fn)
{
    std::optional<QString> cursor;
    do {
        const Page<AuditEntry> page = log.list(PageRequest { 500, cursor });
        for (const AuditEntry &entry : page.items)
            fn(entry);
        cursor = page.nextCursor;
    } while (cursor);
}

} // namespace

SnapshotReport exportSnapshot(SupportStore &store, const QString &path, const TransferProgressFn &progress)
{
    QElapsedTimer total;
    total.start();
    SnapshotReport report;
    report.store = store.describe();
    report.file = path;

    // One moment of a SQL store: counts and rows from the same read transaction.
    std::optional<SqlTransaction> readTransaction;
    if (auto *sql = storeAs<SqlStore>(store))
        readTransaction.emplace(sql->database(), SqlTransaction::Mode::Read);

    const std::unique_ptr<BulkReader> reader = openBulkReader(store);
    const QMap<QString, QStringList> versions = appliedMigrations(store);
    const std::optional<QList<PolicyPack>> packs = transfer::policyPacksOf(store);
    AuditLog &audit = store.auditLog();
    const bool withAudit = audit.isAvailable();
    qint64 auditRows = 0;
    if (withAudit)
        forEachAuditEntry(audit, [&](const AuditEntry &) { ++auditRows; });

    QJsonArray tablesJson;
    qint64 rowsTotal = 0;
    QList<BulkTable> tables;
    for (const BulkTable table : allBulkTables()) {
        if (!reader->supports(table))
            continue;
        tables << table;
        const qint64 rows = reader->rowCount(table);
        rowsTotal += rows;
        report.tables << SnapshotTableReport { QLatin1String(bulkTableSpec(table).name), rows };
        tablesJson.append(QJsonObject { { QStringLiteral("table"), report.tables.last().table },
            { QStringLiteral("columns"), QJsonArray::fromStringList(bulkColumns(table)) }, { QStringLiteral("rows"), rows } });
    }
    if (packs) {
        report.tables << SnapshotTableReport { snapshot::kPolicyPacks, packs->size() };
        tablesJson.append(QJsonObject { { QStringLiteral("table"), snapshot::kPolicyPacks },
            { QStringLiteral("columns"), QJsonArray::fromStringList(policyPackColumns()) },
            { QStringLiteral("rows"), packs->size() } });
        rowsTotal += packs->size();
    }
    if (withAudit) {
        report.tables << SnapshotTableReport { kAuditLog, auditRows };
        tablesJson.append(QJsonObject { { QStringLiteral("table"), kAuditLog },
            { QStringLiteral("columns"), QJsonArray::fromStringList(auditLogColumns()) }, { QStringLiteral("rows"), auditRows } });
        rowsTotal += auditRows;
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        throw Error(ErrorKind::Storage, QStringLiteral("SNAPSHOT_WRITE_FAILED"),
            QStringLiteral("The snapshot file %1 cannot be created (%2); choose a writable path.").arg(path, file.errorString()));
    }
    SnapshotWriter writer(file);
    writer.writeLine(canonicalJson(QJsonObject {
        { QStringLiteral("format"), kFormat },
        { QStringLiteral("format_version"), kFormatVersion },
        { QStringLiteral("created_at"), nowTimestamp() },
        { QStringLiteral("source"), report.store },
        { QStringLiteral("schema_versions"), schemaVersionsJson(versions) },
        { QStringLiteral("tables"), tablesJson },
    }));

    qint64 rowsDone = 0;
    const auto keepGoing = [&](const QString &table) {
        if (progress && !progress(rowsDone, rowsTotal, table))
            report.cancelled = true;
        return !report.cancelled;
    };
    const auto section = [&](const QString &table, qint64 rows) {
        writer.writeLine(canonicalJson(QJsonObject { { QStringLiteral("table"), table }, { QStringLiteral("rows"), rows } }));
    };
    qsizetype index = 0;
    for (const BulkTable table : std::as_const(tables)) {
        const SnapshotTableReport &counted = report.tables.at(index++);
        if (!keepGoing(counted.table))
            break;
        section(counted.table, counted.rows);
        transfer::RowStream rows(*reader, table, std::nullopt, TransferOptions {}.batchRows);
        qint64 written = 0;
        while (const BulkRow *row = rows.peek()) {
            writer.writeLine(bulkRowLine(table, *row));
            rows.pop();
            ++written;
            ++rowsDone;
            if ((written % 4096) == 0 && !keepGoing(counted.table))
                break;
        }
        if (report.cancelled)
            break;
        if (written != counted.rows) { // cannot happen inside the read transaction; a memory store changed
            throw Error(ErrorKind::Conflict, QStringLiteral("SNAPSHOT_STORE_CHANGED"),
                QStringLiteral("Table %1 changed while it was exported (%2 rows counted, %3 read); export again when "
                               "nothing writes to the store.")
                    .arg(counted.table)
                    .arg(counted.rows)
                    .arg(written));
        }
    }
    if (!report.cancelled && packs && keepGoing(snapshot::kPolicyPacks)) {
        section(snapshot::kPolicyPacks, packs->size());
        for (const PolicyPack &pack : *packs) {
            writer.writeLine(textRowLine({ pack.policyPackId, pack.version, pack.definitionJson, pack.createdAt, pack.updatedAt }));
            ++rowsDone;
        }
    }
    if (!report.cancelled && withAudit && keepGoing(kAuditLog)) {
        section(kAuditLog, auditRows);
        qint64 written = 0;
        forEachAuditEntry(audit, [&](const AuditEntry &e) {
            if (written++ < auditRows) // an entry recorded since it was counted waits for the next snapshot
                writer.writeLine(textRowLine({ e.auditId, e.occurredAt, e.actor, e.action, e.target, e.detailsJson, e.outcome }));
        });
        rowsDone += auditRows;
    }
    if (report.cancelled) {
        file.cancelWriting();
        report.totalSeconds = total.nsecsElapsed() / 1e9;
        return report;
    }
    report.sha256 = QString::fromLatin1(writer.digest());
    writer.finish(canonicalJson(QJsonObject { { QStringLiteral("sha256"), report.sha256 } }));
    report.fileBytes = writer.compressedBytes();
    if (!file.commit()) {
        throw Error(ErrorKind::Storage, QStringLiteral("SNAPSHOT_WRITE_FAILED"),
            QStringLiteral("The snapshot file %1 could not be written (%2); check the disk space, then export again.")
                .arg(path, file.errorString()));
    }
    if (progress)
        progress(rowsDone, rowsTotal, QString());
    report.totalSeconds = total.nsecsElapsed() / 1e9;
    readTransaction.reset();
    // Recorded where the store keeps a log, never required: an export changes nothing (as the cutover check).
    if (withAudit) {
        QJsonObject details = report.toJson();
        details.remove(QStringLiteral("store"));
        if (const std::optional<Error> failed = recordAction(store, QStringLiteral("snapshot.export"), details, QStringLiteral("succeeded")))
            qCWarning(lcTransfer) << "the snapshot export was not recorded:" << failed->toString();
    }
    qCInfo(lcTransfer) << "snapshot export" << report.store << "->" << path << "rows" << rowsDone;
    return report;
}

} // namespace dpm
