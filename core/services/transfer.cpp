#include "transfer.h"

#include "services/transferrows.h"

#include "domain/error.h"
#include "domain/logging.h"
#include "migrate/migrator.h"
#include "services/storeopening.h"
#include "store/auditlog.h"
#include "store/bulkloader.h"
#include "store/bulkreader.h"
#include "store/separateproposalsstore.h"
#include "store/sqldatabase.h"
#include "store/sqlstore.h"
#include "store/sqltransaction.h"
#include "store/supportstore.h"
#include "store/serverprobe.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <array>
#include <limits>
#include <optional>

namespace dpm {

using namespace transfer;

qint64 TransferReport::sourceRows() const
{
    qint64 total = 0;
    for (const TransferTableReport &table : tables)
        total += table.sourceRows;
    return total;
}

qint64 TransferReport::copiedRows() const
{
    qint64 total = 0;
    for (const TransferTableReport &table : tables)
        total += table.copiedRows;
    return total;
}

QJsonObject TransferReport::toJson() const
{
    QJsonArray tablesJson;
    for (const TransferTableReport &table : tables) {
        tablesJson.append(QJsonObject {
            { QStringLiteral("table"), table.table },
            { QStringLiteral("source_rows"), table.sourceRows },
            { QStringLiteral("kept_rows"), table.keptRows },
            { QStringLiteral("copied_rows"), table.copiedRows },
            { QStringLiteral("deleted_rows"), table.deletedRows },
            { QStringLiteral("seconds"), table.seconds },
        });
    }
    return QJsonObject {
        { QStringLiteral("source"), source },
        { QStringLiteral("target"), target },
        { QStringLiteral("resumed"), resumed },
        { QStringLiteral("repaired"), repaired },
        { QStringLiteral("cancelled"), cancelled },
        { QStringLiteral("batch_rows"), batchRows },
        { QStringLiteral("tables"), tablesJson },
        { QStringLiteral("source_rows"), sourceRows() },
        { QStringLiteral("copied_rows"), copiedRows() },
        { QStringLiteral("notes"), QJsonArray::fromStringList(notes) },
        { QStringLiteral("total_seconds"), totalSeconds },
    };
}

std::unique_ptr<SupportStore> openTransferTarget(const StoreLocation &location)
{
    std::unique_ptr<SupportStore> target = openStore(location);
    // Copying or comparing proposals with a proposal store that cannot be reached is no transfer.
    if (const std::optional<Error> unreachable = proposalStoreUnreachable(*target))
        throw *unreachable;
    return target;
}

TransferReport backfillStore(
    SupportStore &source, SupportStore &target, const TransferOptions &options, const TransferProgressFn &progress)
{
    QElapsedTimer total;
    total.start();
    TransferReport report;
    report.source = source.describe();
    report.target = target.describe();
    report.resumed = options.resume;
    report.repaired = options.repair;
    report.batchRows = qMax(1, options.batchRows);
    const bool continuing = options.resume || options.repair;

    if (report.source == report.target) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("TRANSFER_SAME_STORE"),
            QStringLiteral("The source and the target are the same store (%1); choose another target.")
                .arg(report.target));
    }
    // The proposal tables go where the target keeps its proposals (its own proposal store, when
    // it has one), and come from where the source keeps them.
    TargetTables targetTables(target);
    refuseChangesOnReplica(target, QStringLiteral("a transfer into it"));
    requireMigrated(target);
    if (SupportStore *proposals = separateProposalStore(source))
        report.notes << QStringLiteral("The proposal tables were read from %1.").arg(proposals->describe());
    if (!targetTables.proposalStore().isEmpty())
        report.notes << QStringLiteral("The proposal tables were written into %1.").arg(targetTables.proposalStore());
    AuditLog &audit = target.auditLog();
    audit.requireAvailable();

    const std::unique_ptr<BulkReader> sourceReader = openTransferReader(source);
    const std::unique_ptr<BulkReader> targetReader = openTransferReader(target);
    const std::optional<QList<PolicyPack>> sourcePacks = policyPacksOf(source);
    const QList<PolicyPack> packs = sourcePacks.value_or(QList<PolicyPack> {});
    if (!sourcePacks)
        report.notes << QStringLiteral("%1: the source has no such table; nothing to copy.").arg(transfer::kPolicyPacks);

    // Sizes first: progress needs the total, and a fresh target must be empty.
    qint64 rowsTotal = packs.size();
    qint64 targetRows = target.listPolicyPacks().size();
    std::array<qint64, kBulkTableCount> sourceCounts {};
    for (const BulkTable table : allBulkTables()) {
        if (sourceReader->supports(table))
            sourceCounts[std::size_t(table)] = sourceReader->rowCount(table);
        rowsTotal += sourceCounts[std::size_t(table)];
        targetRows += targetReader->rowCount(table);
    }
    if (!continuing && targetRows > 0) {
        throw Error(ErrorKind::Conflict, QStringLiteral("TRANSFER_TARGET_NOT_EMPTY"),
            QStringLiteral("The target %1 already holds %2 rows. To continue an interrupted transfer from this "
                           "source, resume it; otherwise choose an empty database.")
                .arg(report.target)
                .arg(targetRows));
    }
    if (continuing && targetRows > 0)
        requireSameBackfillSource(audit, report.source, report.target);

    audit.record(kBackfillAction, report.target, backfillDetails(report), QStringLiteral("started"));
    qCInfo(lcTransfer) << "backfill" << report.source << "->" << report.target << "rows" << rowsTotal;

    qint64 rowsDone = 0;
    const auto keepGoing = [&](const QString &table) { return !progress || progress(rowsDone, rowsTotal, table); };
    try {
        for (const BulkTable table : allBulkTables()) {
            QElapsedTimer timer;
            timer.start();
            TransferTableReport tableReport;
            tableReport.table = tableName(table);
            if (!sourceReader->supports(table)) {
                report.notes
                    << QStringLiteral("%1: the source has no such table; nothing to copy.").arg(tableReport.table);
                continue;
            }
            tableReport.sourceRows = sourceCounts[std::size_t(table)];
            if (options.repair) {
                report.cancelled = !repairTable(*sourceReader, *targetReader, targetTables.database(table),
                    targetTables.loader(table), table, report.batchRows, tableReport, rowsDone,
                    [&] { return keepGoing(tableReport.table); });
                tableReport.seconds = timer.nsecsElapsed() / 1e9;
                report.tables << tableReport;
                if (report.cancelled)
                    break;
                continue;
            }
            std::optional<BulkRow> start;
            if (options.resume) {
                start = targetReader->lastKey(table);
                if (start)
                    deleteKey(targetTables.database(table), table, *start);
                tableReport.keptRows = targetReader->rowCount(table);
                rowsDone += tableReport.keptRows;
            }
            RowStream rows(*sourceReader, table, start, report.batchRows);
            BulkRows batch;
            BulkLoader &loader = targetTables.loader(table);
            const auto flush = [&] {
                loader.begin();
                loader.write(batch);
                loader.commit();
                const qsizetype written = batch.rowCount(table);
                tableReport.copiedRows += written;
                rowsDone += written;
                batch.clear();
            };
            while (!report.cancelled) {
                if (!keepGoing(tableReport.table)) {
                    report.cancelled = true;
                    break;
                }
                const BulkRow *row = rows.peek();
                if (!row)
                    break;
                qint64 batchBytes = 0;
                while (row && batch.rowCount(table) < report.batchRows && batchBytes < kBatchBytes) {
                    batchBytes += rowBytes(*row);
                    batch.addRow(table, *row);
                    rows.pop();
                    row = rows.peek();
                }
                flush();
            }
            tableReport.seconds = timer.nsecsElapsed() / 1e9;
            report.tables << tableReport;
            if (report.cancelled)
                break;
        }
        if (!report.cancelled && keepGoing(transfer::kPolicyPacks)) {
            TransferTableReport tableReport { transfer::kPolicyPacks, packs.size(), 0, 0, 0 };
            QElapsedTimer timer;
            timer.start();
            for (const PolicyPack &pack : packs)
                target.upsertPolicyPack(pack); // an upsert: a resumed copy writes them again
            if (options.repair) {
                QSet<QString> kept;
                for (const PolicyPack &pack : packs)
                    kept.insert(pack.policyPackId);
                for (const PolicyPack &pack : target.listPolicyPacks()) {
                    if (!kept.contains(pack.policyPackId) && target.deletePolicyPack(pack.policyPackId))
                        ++tableReport.deletedRows;
                }
            }
            tableReport.copiedRows = packs.size();
            rowsDone += packs.size();
            tableReport.seconds = timer.nsecsElapsed() / 1e9;
            report.tables << tableReport;
        } else {
            report.cancelled = true;
        }
        targetTables.finish();
        if (!report.cancelled && progress)
            progress(rowsDone, rowsTotal, QString());
    } catch (const Error &error) {
        report.totalSeconds = total.nsecsElapsed() / 1e9;
        // After a lost server the record fails too (reconnecting); the caller must see why the
        // copy stopped, not that follow-up failure.
        try {
            audit.record(kBackfillAction, report.target, backfillDetails(report), auditOutcomeOf(error));
        } catch (const Error &recordError) {
            qCWarning(lcTransfer) << "the failed backfill was not recorded:" << recordError.toString();
        }
        throw;
    }
    report.totalSeconds = total.nsecsElapsed() / 1e9;
    audit.record(kBackfillAction, report.target, backfillDetails(report),
        report.cancelled ? QStringLiteral("cancelled") : QStringLiteral("succeeded"));
    return report;
}

bool ParityReport::matches() const
{
    if (cancelled)
        return false;
    for (const ParityTableReport &table : tables) {
        if (!table.matches())
            return false;
    }
    return true;
}

QJsonObject ParityReport::toJson() const
{
    QJsonArray tablesJson;
    for (const ParityTableReport &table : tables) {
        tablesJson.append(QJsonObject {
            { QStringLiteral("table"), table.table },
            { QStringLiteral("source_rows"), table.sourceRows },
            { QStringLiteral("target_rows"), table.targetRows },
            { QStringLiteral("missing_in_target"), table.missing },
            { QStringLiteral("extra_in_target"), table.extra },
            { QStringLiteral("differing"), table.differing },
            { QStringLiteral("matches"), table.matches() },
        });
    }
    QJsonArray samplesJson;
    for (const ParityMismatch &sample : samples) {
        samplesJson.append(QJsonObject {
            { QStringLiteral("table"), sample.table },
            { QStringLiteral("kind"), sample.kind },
            { QStringLiteral("key"), sample.key },
        });
    }
    return QJsonObject {
        { QStringLiteral("source"), source },
        { QStringLiteral("target"), target },
        { QStringLiteral("matches"), matches() },
        { QStringLiteral("cancelled"), cancelled },
        { QStringLiteral("tables"), tablesJson },
        { QStringLiteral("samples"), samplesJson },
        { QStringLiteral("notes"), QJsonArray::fromStringList(notes) },
        { QStringLiteral("total_seconds"), totalSeconds },
    };
}

ParityReport verifyParity(SupportStore &source, SupportStore &target, int batchRows, const TransferProgressFn &progress)
{
    QElapsedTimer total;
    total.start();
    ParityReport report;
    report.source = source.describe();
    report.target = target.describe();
    batchRows = qMax(1, batchRows);

    // Both domains of each, wherever each keeps its proposals.
    const std::unique_ptr<BulkReader> sourceReader = openTransferReader(source);
    const std::unique_ptr<BulkReader> targetReader = openTransferReader(target);
    qint64 rowsTotal = 0;
    for (const BulkTable table : allBulkTables()) {
        if (sourceReader->supports(table))
            rowsTotal += sourceReader->rowCount(table);
        if (targetReader->supports(table))
            rowsTotal += targetReader->rowCount(table);
    }
    qint64 rowsDone = 0;
    const auto note = [&](const ParityTableReport &table, const QString &kind, const BulkRow &key) {
        if (report.samples.size() < ParityReport::kSampleLimit)
            report.samples << ParityMismatch { table.table, kind, describeKey(key) };
    };

    for (const BulkTable table : allBulkTables()) {
        ParityTableReport tableReport;
        tableReport.table = tableName(table);
        if (!sourceReader->supports(table) || !targetReader->supports(table)) {
            // A side without the table (a SQL store without console/0002 has no run events or
            // outbox) compares as empty.
            report.notes << QStringLiteral("%1: %2 has no such table; compared as empty.")
                                .arg(tableReport.table, sourceReader->supports(table) ? report.target : report.source);
        }
        std::optional<RowStream> a;
        std::optional<RowStream> b;
        if (sourceReader->supports(table))
            a.emplace(*sourceReader, table, std::nullopt, batchRows);
        if (targetReader->supports(table))
            b.emplace(*targetReader, table, std::nullopt, batchRows);
        qint64 sinceProgress = 0;
        while (true) {
            if (sinceProgress >= batchRows || sinceProgress == 0) {
                if (progress && !progress(rowsDone, rowsTotal, tableReport.table)) {
                    report.cancelled = true;
                    break;
                }
                sinceProgress = 0;
            }
            const BulkRow *x = a ? a->peek() : nullptr;
            const BulkRow *y = b ? b->peek() : nullptr;
            if (!x && !y)
                break;
            const int order = !x ? 1 : (!y ? -1 : compareBulkKeys(bulkRowKey(table, *x), bulkRowKey(table, *y)));
            if (order < 0) {
                ++tableReport.missing;
                note(tableReport, QStringLiteral("missing_in_target"), bulkRowKey(table, *x));
            } else if (order > 0) {
                ++tableReport.extra;
                note(tableReport, QStringLiteral("extra_in_target"), bulkRowKey(table, *y));
            } else if (*x != *y) {
                ++tableReport.differing;
                note(tableReport, QStringLiteral("differs"), bulkRowKey(table, *x));
            }
            if (order <= 0) {
                a->pop();
                ++tableReport.sourceRows;
                ++rowsDone;
            }
            if (order >= 0) {
                b->pop();
                ++tableReport.targetRows;
                ++rowsDone;
            }
            sinceProgress += (order == 0) ? 2 : 1;
        }
        report.tables << tableReport;
        if (report.cancelled)
            break;
    }

    if (!report.cancelled) {
        report.tables << comparePolicyPacks(source, target, report.notes,
            [&](const ParityTableReport &table, const QString &kind, const BulkRow &key) { note(table, kind, key); });
        if (progress)
            progress(rowsDone, rowsTotal, QString());
    }
    report.totalSeconds = total.nsecsElapsed() / 1e9;
    return report;
}

} // namespace dpm
