// backfill --repair: a table of the target made equal to the source's, whatever the target holds
// (rows a dual-write missed while PostgreSQL was down, rows the primary changed or purged since).

#include "transferrows.h"

#include "store/bulkloader.h"

#include <QSet>

namespace dpm::transfer {

namespace {

// The next run of rows with one key (one row, but for exact duplicates in the tables without a
// primary key), or empty at the end.
QList<BulkRow> takeGroup(RowStream &rows, BulkTable table)
{
    QList<BulkRow> group;
    const BulkRow *row = rows.peek();
    if (!row)
        return group;
    const BulkRow key = bulkRowKey(table, *row);
    while (row && compareBulkKeys(bulkRowKey(table, *row), key) == 0) {
        group << *row;
        rows.pop();
        row = rows.peek();
    }
    return group;
}

} // namespace

bool repairTable(BulkReader &source, BulkReader &target, SqlDatabase &targetDb, BulkLoader &loader, BulkTable table,
    int batchRows, TransferTableReport &report, qint64 &rowsDone, const std::function<bool()> &keepGoing)
{
    RowStream a(source, table, std::nullopt, batchRows);
    RowStream b(target, table, std::nullopt, batchRows);
    // Keys written here: the target's stream reads on past them, and must not take them for its own.
    QSet<BulkRow> written;
    BulkRows batch;
    qint64 batchBytes = 0;
    const auto flush = [&] {
        if (batch.rowCount(table) == 0)
            return;
        loader.begin();
        loader.write(batch);
        loader.commit();
        report.copiedRows += batch.rowCount(table);
        rowsDone += batch.rowCount(table);
        batch.clear();
        batchBytes = 0;
    };
    const auto copy = [&](const QList<BulkRow> &group) {
        written.insert(bulkRowKey(table, group.first()));
        for (const BulkRow &row : group) {
            batch.addRow(table, row);
            batchBytes += rowBytes(row);
        }
        if (batch.rowCount(table) >= batchRows || batchBytes >= kBatchBytes)
            flush();
    };
    const auto targetGroup = [&] {
        for (QList<BulkRow> group = takeGroup(b, table);; group = takeGroup(b, table)) {
            if (group.isEmpty() || !written.contains(bulkRowKey(table, group.first())))
                return group;
        }
    };

    QList<BulkRow> x = takeGroup(a, table);
    QList<BulkRow> y = targetGroup();
    qint64 sinceCheck = 0;
    while (!x.isEmpty() || !y.isEmpty()) {
        if (++sinceCheck >= batchRows) {
            sinceCheck = 0;
            if (!keepGoing()) {
                flush();
                return false;
            }
        }
        const int order = x.isEmpty() ? 1
            : y.isEmpty()             ? -1
                                      : compareBulkKeys(bulkRowKey(table, x.first()), bulkRowKey(table, y.first()));
        if (order < 0) { // missing in the target
            copy(x);
            x = takeGroup(a, table);
            continue;
        }
        if (order > 0) { // gone from the source
            report.deletedRows += deleteKey(targetDb, table, bulkRowKey(table, y.first()));
            y = targetGroup();
            continue;
        }
        if (x == y) {
            report.keptRows += x.size();
            rowsDone += x.size();
        } else { // changed in the source: the target's rows of that key replaced
            report.deletedRows += deleteKey(targetDb, table, bulkRowKey(table, y.first()));
            copy(x);
        }
        x = takeGroup(a, table);
        y = targetGroup();
    }
    flush();
    return true;
}

} // namespace dpm::transfer
