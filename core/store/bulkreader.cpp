#include "bulkreader.h"

#include "domain/error.h"
#include "store/memorystore.h"
#include "store/meteredbulk.h"
#include "store/sqlbulkloader.h"
#include "store/sqldatabase.h"
#include "store/sqldialect.h"
#include "store/sqlstore.h"

#include <algorithm>
#include <array>

namespace dpm {

QByteArray bulkTextValue(const QString &value)
{
    QByteArray bytes = value.toUtf8();
    return bytes.isNull() ? QByteArray("") : bytes;
}

QByteArray bulkOptionalText(const std::optional<QString> &value)
{
    return value ? bulkTextValue(*value) : QByteArray();
}

BulkRow runEventBulkRow(const RunEvent &e)
{
    return { bulkTextValue(e.eventId), bulkTextValue(e.rebalanceRunId), QByteArray::number(e.sequenceNo),
        bulkTextValue(e.eventType), bulkTextValue(e.idempotencyKey), bulkTextValue(e.payloadJson),
        bulkTextValue(e.createdAt) };
}

BulkRow outboxBulkRow(const OutboxDelivery &d)
{
    return { bulkTextValue(d.outboxId), bulkTextValue(d.eventId), bulkTextValue(d.topic), bulkTextValue(d.payloadJson),
        bulkTextValue(d.status), QByteArray::number(d.attempts), QByteArray::number(d.maxAttempts),
        bulkOptionalText(d.nextAttemptAt), bulkOptionalText(d.lastError), bulkTextValue(d.createdAt),
        bulkOptionalText(d.deliveredAt) };
}

QList<int> bulkTableKeyColumns(BulkTable table)
{
    switch (table) {
    case BulkTable::RunIdempotencyHistory:
    case BulkTable::LineageEdges: {
        QList<int> all;
        for (int c = 0; c < bulkTableSpec(table).columns.size(); ++c)
            all << c;
        return all;
    }
    case BulkTable::ProposalVersions:
        return { 1, 2 }; // (proposal_id, version_no)
    default:
        return { 0 }; // the first column is the primary key of every other bulk table
    }
}

BulkRow bulkRowKey(BulkTable table, const BulkRow &row)
{
    BulkRow key;
    for (const int c : bulkTableKeyColumns(table))
        key << row.at(c);
    return key;
}

int compareBulkKeys(const BulkRow &a, const BulkRow &b)
{
    for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i) {
        if (const int c = a.at(i).compare(b.at(i)); c != 0)
            return c < 0 ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

QByteArray bulkValueFromSql(BulkTable table, int column, const QVariant &value)
{
    const BulkTableSpec &spec = bulkTableSpec(table);
    if (value.isNull())
        return {};
    if (spec.integerColumns.contains(column))
        return QByteArray::number(value.toLongLong());
    if (spec.booleanColumns.contains(column))
        return bulkBooleanValue(value.toBool()); // SQLite's 1/0, PostgreSQL's t/f
    return bulkTextValue(value.toString());
}

BulkRow bulkRowFromSql(BulkTable table, const SqlRows &rows)
{
    const qsizetype width = bulkTableSpec(table).columns.size();
    BulkRow row;
    row.reserve(width);
    for (int c = 0; c < width; ++c)
        row << bulkValueFromSql(table, c, rows.value(c));
    return row;
}

namespace {

// Key columns are NOT NULL in every bulk table, so the row-value comparison below is total.
class SqlBulkReader final : public BulkReader
{
public:
    explicit SqlBulkReader(SqlDatabase &db)
        : m_db(db)
        , m_hasEvents(hasConsoleEventTables(db))
        , m_hasProposals(hasProposalTables(db))
    { }

    bool supports(BulkTable table) const override
    {
        return sqlStoreHoldsBulkTable(table, m_hasEvents, m_hasProposals);
    }

    qint64 rowCount(BulkTable table) override
    {
        SqlRows rows = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(bulkTableSpec(table).name));
        return rows.next() ? rows.value(0).toLongLong() : 0;
    }

    QList<BulkRow> readBatch(BulkTable table, const std::optional<BulkRow> &from, bool inclusive, int limit) override
    {
        const BulkTableSpec &spec = bulkTableSpec(table);
        const QList<int> keyColumns = bulkTableKeyColumns(table);
        const QString collate = m_db.dialect().collateC();
        QStringList columns;
        for (const char *column : spec.columns)
            columns << QLatin1String(column);
        QStringList keys;
        for (const int c : keyColumns)
            keys << keyExpression(spec, c) + collate;
        QString sql = QStringLiteral("SELECT %1 FROM %2").arg(columns.join(QLatin1Char(',')), QLatin1String(spec.name));
        QVariantList params;
        if (from) {
            sql += QStringLiteral(" WHERE (%1) %2 (%3)")
                       .arg(keys.join(QLatin1Char(',')), inclusive ? QStringLiteral(">=") : QStringLiteral(">"),
                           sqlPlaceholders(keyColumns.size()));
            for (const QByteArray &value : *from)
                params << QString::fromUtf8(value);
        }
        sql += QStringLiteral(" ORDER BY %1 LIMIT ?").arg(keys.join(QLatin1Char(',')));
        params << limit;

        QList<BulkRow> out;
        SqlRows rows = m_db.exec(sql, params);
        while (rows.next())
            out << bulkRowFromSql(table, rows);
        return out;
    }

    std::optional<BulkRow> lastKey(BulkTable table) override
    {
        const BulkTableSpec &spec = bulkTableSpec(table);
        QStringList columns;
        QStringList order;
        for (const int c : bulkTableKeyColumns(table)) {
            columns << keyExpression(spec, c);
            order << keyExpression(spec, c) + m_db.dialect().collateC() + QStringLiteral(" DESC");
        }
        SqlRows rows = m_db.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3 LIMIT 1")
                                     .arg(columns.join(QLatin1Char(',')), QLatin1String(spec.name),
                                         order.join(QLatin1Char(','))));
        if (!rows.next())
            return std::nullopt;
        BulkRow key;
        for (int i = 0; i < columns.size(); ++i)
            key << bulkTextValue(rows.value(i).toString()); // key columns are NOT NULL text
        return key;
    }

private:
    // Keys compare as text in byte order on every side (compareBulkKeys), so an INTEGER key
    // column (proposal_versions.version_no) is ordered as its decimal text.
    static QString keyExpression(const BulkTableSpec &spec, int column)
    {
        const QString name = QLatin1String(spec.columns.at(column));
        return spec.integerColumns.contains(column) ? QStringLiteral("CAST(%1 AS TEXT)").arg(name) : name;
    }

    SqlDatabase &m_db;
    bool m_hasEvents = false;
    bool m_hasProposals = false;
};

// Reads a snapshot of each table taken on its first read, sorted once.
class MemoryBulkReader final : public BulkReader
{
public:
    explicit MemoryBulkReader(MemoryStore &store)
        : m_store(store)
    { }

    bool supports(BulkTable) const override { return true; }

    qint64 rowCount(BulkTable table) override { return snapshot(table).size(); }

    QList<BulkRow> readBatch(BulkTable table, const std::optional<BulkRow> &from, bool inclusive, int limit) override
    {
        const QList<BulkRow> &rows = snapshot(table);
        auto it = rows.cbegin();
        if (from) {
            it = std::partition_point(rows.cbegin(), rows.cend(), [&](const BulkRow &row) {
                const int c = compareBulkKeys(bulkRowKey(table, row), *from);
                return inclusive ? c < 0 : c <= 0;
            });
        }
        QList<BulkRow> out;
        for (; it != rows.cend() && out.size() < limit; ++it)
            out << *it;
        return out;
    }

    std::optional<BulkRow> lastKey(BulkTable table) override
    {
        const QList<BulkRow> &rows = snapshot(table);
        if (rows.isEmpty())
            return std::nullopt;
        return bulkRowKey(table, rows.last());
    }

private:
    const QList<BulkRow> &snapshot(BulkTable table)
    {
        std::optional<QList<BulkRow>> &cached = m_snapshots[std::size_t(table)];
        if (!cached) {
            QList<BulkRow> rows = m_store.bulkRows(table);
            std::stable_sort(rows.begin(), rows.end(), [table](const BulkRow &a, const BulkRow &b) {
                return compareBulkKeys(bulkRowKey(table, a), bulkRowKey(table, b)) < 0;
            });
            cached = std::move(rows);
        }
        return *cached;
    }

    MemoryStore &m_store;
    std::array<std::optional<QList<BulkRow>>, kBulkTableCount> m_snapshots;
};

} // namespace

std::unique_ptr<BulkReader> openBulkReader(SupportStore &store)
{
    if (auto *sql = storeAs<SqlStore>(store))
        return meteredBulkReader(std::make_unique<SqlBulkReader>(sql->database()), metricsOf(store));
    if (auto *memory = storeAs<MemoryStore>(store))
        return meteredBulkReader(std::make_unique<MemoryBulkReader>(*memory), metricsOf(store));
    throw Error(ErrorKind::Internal, QStringLiteral("BULK_LOAD_UNSUPPORTED"),
        QStringLiteral("This store (%1) has no bulk read path; use a memory, SQLite or PostgreSQL store.")
            .arg(store.describe()));
}

} // namespace dpm
