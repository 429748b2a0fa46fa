#pragma once

#include "domain/runevents.h"
#include "store/bulkloader.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QVariant;

namespace dpm {

class SqlRows;
class SupportStore;

// One row of a bulk table as the bulk path carries it: a UTF-8 value per column in the order of
// bulkTableSpec(), a null QByteArray for SQL NULL, integers as decimal text.
using BulkRow = QList<QByteArray>;

// A text value as the bulk path carries it: UTF-8, never null (null is SQL NULL), even when empty.
QByteArray bulkTextValue(const QString &value);
// An optional text value: SQL NULL when absent.
QByteArray bulkOptionalText(const std::optional<QString> &value);
// A stored run event and outbox delivery as rows of BulkTable::RunEvents and ::Outbox.
BulkRow runEventBulkRow(const RunEvent &event);
BulkRow outboxBulkRow(const OutboxDelivery &delivery);

// The columns a table's rows are ordered by when read in bulk: the primary key, or every column
// for the tables without one (idempotency history and lineage edges keep exact duplicates).
// Rows compare by the bytes of these values, the order of COLLATE "C".
QList<int> bulkTableKeyColumns(BulkTable table);
BulkRow bulkRowKey(BulkTable table, const BulkRow &row);
// The current row of a query selecting every column of the table in bulkTableSpec() order.
BulkRow bulkRowFromSql(BulkTable table, const SqlRows &rows);
// One SQL value of the table's column `column` as the bulk path carries it.
QByteArray bulkValueFromSql(BulkTable table, int column, const QVariant &value);
// Byte-wise comparison of two keys of the same table: < 0, 0 or > 0.
int compareBulkKeys(const BulkRow &a, const BulkRow &b);

// The store's bulk read path: a table's rows in key order, a batch at a time, so that copying or
// comparing a million-run store needs memory for one batch only (SQL) and can start again after
// any key. Reads run on the calling thread's connection. Throws dpm::Error.
class BulkReader
{
public:
    virtual ~BulkReader() = default;

    virtual bool supports(BulkTable table) const = 0;
    virtual qint64 rowCount(BulkTable table) = 0;
    // Up to `limit` rows in key order whose key is after `from` (or equal to it, with
    // `inclusive`); from the first row when `from` is empty.
    virtual QList<BulkRow> readBatch(BulkTable table, const std::optional<BulkRow> &from, bool inclusive, int limit) = 0;
    // The key of the table's last row in key order; empty when the table has no row.
    virtual std::optional<BulkRow> lastKey(BulkTable table) = 0;
};

// The bulk read path of a SqlStore or MemoryStore; BULK_LOAD_UNSUPPORTED for any other.
std::unique_ptr<BulkReader> openBulkReader(SupportStore &store);

} // namespace dpm
