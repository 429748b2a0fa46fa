#include "bulksampler.h"

#include "domain/error.h"
#include "store/memorystore.h"
#include "store/sqlbulkloader.h"
#include "store/sqldatabase.h"
#include "store/sqldialect.h"
#include "store/sqlstore.h"

#include <QStringList>

#include <algorithm>
#include <array>
#include <vector>

namespace dpm {

int bulkProbeColumn(BulkTable table)
{
    return bulkTableKeyColumns(table).constFirst();
}

namespace {

QString tableName(BulkTable table)
{
    return QLatin1String(bulkTableSpec(table).name);
}

QString columnNames(BulkTable table, const QList<int> &columns)
{
    QStringList names;
    for (const int c : columns)
        names << QLatin1String(bulkTableSpec(table).columns.at(c));
    return names.join(QLatin1Char(','));
}

QList<int> allColumns(BulkTable table)
{
    QList<int> all;
    for (int c = 0; c < bulkTableSpec(table).columns.size(); ++c)
        all << c;
    return all;
}

// The marks of a batch: every batch has kBatch (the last one padded by repeating a value), so each
// query is prepared once per connection.
QString batchMarks()
{
    return sqlPlaceholders(BulkSampler::kBatch);
}

QVariantList paddedBatch(QVariantList values)
{
    Q_ASSERT(!values.isEmpty() && values.size() <= BulkSampler::kBatch);
    while (values.size() < BulkSampler::kBatch)
        values << values.constFirst();
    return values;
}

// The key of the current row of a query whose first selected columns are the table's key columns.
BulkRow keyFromSql(BulkTable table, const SqlRows &rows, int firstColumn)
{
    BulkRow key;
    const QList<int> keyColumns = bulkTableKeyColumns(table);
    for (int i = 0; i < keyColumns.size(); ++i)
        key << bulkValueFromSql(table, keyColumns.at(i), rows.value(firstColumn + i));
    return key;
}

// A seed for PostgreSQL's REPEATABLE (a float8 it hashes): 53 bits survive the double.
double repeatableSeed(quint64 seed)
{
    return double(seed >> 11);
}

class SqlBulkSampler final : public BulkSampler
{
public:
    explicit SqlBulkSampler(SqlDatabase &db)
        : m_db(db)
        , m_hasEvents(hasConsoleEventTables(db))
        , m_hasProposals(hasProposalTables(db))
    { }

    bool supports(BulkTable table) const override
    {
        return sqlStoreHoldsBulkTable(table, m_hasEvents, m_hasProposals);
    }

    // Counted once: the check reads in one transaction, and a draw on PostgreSQL needs it again.
    qint64 rowCount(BulkTable table) override
    {
        std::optional<qint64> &count = m_rowCounts[std::size_t(table)];
        if (!count) {
            SqlRows rows = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM ") + tableName(table));
            count = rows.next() ? rows.value(0).toLongLong() : 0;
        }
        return *count;
    }

    QList<BulkRow> drawKeys(BulkTable table, qint64 count, quint64 seed) override
    {
        if (count <= 0)
            return {};
        return m_db.dialect().isPostgres() ? drawKeysFromPages(table, count, seed) : drawKeysByRowid(table, count, seed);
    }

    QList<BulkRow> rowsWithProbeValues(BulkTable table, const QList<QByteArray> &values) override
    {
        QVariantList params;
        for (const QByteArray &value : values)
            params << QString::fromUtf8(value);
        SqlRows rows = m_db.exec(QStringLiteral("SELECT %1 FROM %2 WHERE %3 IN (%4)")
                                     .arg(columnNames(table, allColumns(table)), tableName(table),
                                         columnNames(table, { bulkProbeColumn(table) }), batchMarks()),
            paddedBatch(params));
        QList<BulkRow> out;
        while (rows.next())
            out << bulkRowFromSql(table, rows);
        return out;
    }

private:
    // Rowids 1 … max(rowid) in a seeded random order: the first `count` that exist are the draw.
    // They are read in ascending order, a batch at a time, so a large draw reads the file front to
    // back instead of jumping about (a tenth of a table's rows touches most of its pages); gaps
    // (deleted rows) are made up from further along the order, which draws the same rows as
    // taking the order one by one would.
    QList<BulkRow> drawKeysByRowid(BulkTable table, qint64 count, quint64 seed)
    {
        SqlRows last = m_db.exec(QStringLiteral("SELECT MAX(rowid) FROM ") + tableName(table));
        const qint64 maxRowid = last.next() ? last.value(0).toLongLong() : 0;
        const QString sql = QStringLiteral("SELECT rowid,%1 FROM %2 WHERE rowid IN (%3) ORDER BY rowid")
                                .arg(columnNames(table, bulkTableKeyColumns(table)), tableName(table), batchMarks());
        SeededShuffle order(maxRowid, seed);
        QList<BulkRow> keys;
        while (keys.size() < count && !order.atEnd()) {
            std::vector<qint64> rowids;
            while (qint64(rowids.size()) < count - keys.size() && !order.atEnd())
                rowids.push_back(order.next() + 1);
            std::sort(rowids.begin(), rowids.end());
            for (std::size_t at = 0; at < rowids.size(); at += kBatch) {
                const auto end = rowids.cbegin() + qsizetype(std::min(rowids.size(), at + kBatch));
                QVariantList params(rowids.cbegin() + qsizetype(at), end);
                SqlRows rows = m_db.exec(sql, paddedBatch(params));
                while (rows.next())
                    keys << keyFromSql(table, rows, 1);
            }
        }
        return keys;
    }

    // The keys of a seeded share of the table's pages (TABLESAMPLE SYSTEM … REPEATABLE: the same
    // pages for the same seed), twice as many as needed (a larger share if they fall short), then
    // `count` of those drawn with the seed. Every row is as likely to be drawn; a small table's
    // keys are read whole, as a few pages would bring rows of a few neighbourhoods only.
    QList<BulkRow> drawKeysFromPages(BulkTable table, qint64 count, quint64 seed)
    {
        constexpr qint64 kReadWholeRows = 10000;
        const qint64 total = rowCount(table);
        const QString sql = QStringLiteral("SELECT %1 FROM %2 TABLESAMPLE SYSTEM (?) REPEATABLE (?)")
                                .arg(columnNames(table, bulkTableKeyColumns(table)), tableName(table));
        double percent = total <= kReadWholeRows ? 100.0 : std::min(100.0, 200.0 * double(count) / double(total));
        QList<BulkRow> candidates;
        for (;;) {
            candidates.clear();
            SqlRows rows = m_db.exec(sql, { percent, repeatableSeed(seed) });
            while (rows.next())
                candidates << keyFromSql(table, rows, 0);
            if (candidates.size() >= count || percent >= 100)
                break;
            percent = std::min(100.0, percent * 2);
        }
        // The order of a page scan is the table's layout; the draw must not depend on it.
        std::sort(candidates.begin(), candidates.end(),
            [](const BulkRow &a, const BulkRow &b) { return compareBulkKeys(a, b) < 0; });
        SeededShuffle order(candidates.size(), seed);
        QList<BulkRow> keys;
        while (keys.size() < count && !order.atEnd())
            keys << candidates.at(order.next());
        return keys;
    }

    SqlDatabase &m_db;
    bool m_hasEvents = false;
    bool m_hasProposals = false;
    std::array<std::optional<qint64>, kBulkTableCount> m_rowCounts;
};

// Each table's rows sorted by key once, on first use: memory holds them anyway.
class MemoryBulkSampler final : public BulkSampler
{
public:
    explicit MemoryBulkSampler(MemoryStore &store)
        : m_store(store)
    { }

    bool supports(BulkTable) const override { return true; }
    qint64 rowCount(BulkTable table) override { return rows(table).size(); }

    QList<BulkRow> drawKeys(BulkTable table, qint64 count, quint64 seed) override
    {
        const QList<BulkRow> &all = rows(table);
        SeededShuffle order(all.size(), seed);
        QList<BulkRow> keys;
        while (keys.size() < count && !order.atEnd())
            keys << bulkRowKey(table, all.at(order.next()));
        return keys;
    }

    QList<BulkRow> rowsWithProbeValues(BulkTable table, const QList<QByteArray> &values) override
    {
        const QList<BulkRow> &all = rows(table);
        const int column = bulkProbeColumn(table);
        QList<BulkRow> out;
        for (const QByteArray &value : values) {
            auto it = std::partition_point(
                all.cbegin(), all.cend(), [&](const BulkRow &row) { return row.at(column) < value; });
            for (; it != all.cend() && it->at(column) == value; ++it)
                out << *it;
        }
        return out;
    }

private:
    const QList<BulkRow> &rows(BulkTable table)
    {
        std::optional<QList<BulkRow>> &cached = m_rows[std::size_t(table)];
        if (!cached) {
            QList<BulkRow> all = m_store.bulkRows(table);
            std::stable_sort(all.begin(), all.end(), [table](const BulkRow &a, const BulkRow &b) {
                return compareBulkKeys(bulkRowKey(table, a), bulkRowKey(table, b)) < 0;
            });
            cached = std::move(all);
        }
        return *cached;
    }

    MemoryStore &m_store;
    std::array<std::optional<QList<BulkRow>>, kBulkTableCount> m_rows;
};

} // namespace

std::unique_ptr<BulkSampler> openBulkSampler(SupportStore &store)
{
    if (auto *sql = storeAs<SqlStore>(store))
        return std::make_unique<SqlBulkSampler>(sql->database());
    if (auto *memory = storeAs<MemoryStore>(store))
        return std::make_unique<MemoryBulkSampler>(*memory);
    throw Error(ErrorKind::Internal, QStringLiteral("BULK_LOAD_UNSUPPORTED"),
        QStringLiteral("This store (%1) has no bulk read path; use a memory, SQLite or PostgreSQL store.")
            .arg(store.describe()));
}

} // namespace dpm
