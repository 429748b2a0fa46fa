#include "bulksampler.h"

#include "domain/error.h"
#include "store/memorystore.h"
#include "store/sqlbulkloader.h"
#include "store/sqldatabase.h"
#include "store/sqlstore.h"

#include <QStringList>

#include <algorithm>
#include <array>

namespace dpm {

int bulkProbeColumn(BulkTable table)
{
    return bulkTableKeyColumns(table).constFirst();
}

namespace {

QString selectColumns(const BulkTableSpec &spec)
{
    QStringList columns;
    for (const char *column : spec.columns)
        columns << QLatin1String(column);
    return columns.join(QLatin1Char(','));
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

    qint64 estimatedRows(BulkTable table) override
    {
        const QString name = QLatin1String(bulkTableSpec(table).name);
        if (m_db.dialect().isPostgres()) {
            // reltuples is -1 (PostgreSQL 14+) or 0 with relpages 0 before the first ANALYZE.
            SqlRows rows = m_db.exec(
                QStringLiteral("SELECT reltuples::bigint, relpages FROM pg_class WHERE oid = to_regclass(?)"), { name });
            if (rows.next() && rows.value(0).toLongLong() > 0)
                return rows.value(0).toLongLong();
        }
        SqlRows rows = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM ") + name);
        return rows.next() ? rows.value(0).toLongLong() : 0;
    }

    QList<QByteArray> edgeProbeValues(BulkTable table, int limit) override
    {
        QList<QByteArray> out;
        for (const char *direction : { "ASC", "DESC" }) {
            SqlRows rows = m_db.exec(QStringLiteral("SELECT DISTINCT %1 FROM %2 ORDER BY %1 %3 LIMIT ?")
                                         .arg(probeName(table), tableName(table), QLatin1String(direction)),
                { limit });
            while (rows.next())
                out << bulkTextValue(rows.value(0).toString());
        }
        return out;
    }

    std::optional<QByteArray> probeValueFrom(BulkTable table, const QByteArray &probe, bool inclusive) override
    {
        SqlRows rows = m_db.exec(QStringLiteral("SELECT %1 FROM %2 WHERE %1 %3 ? ORDER BY %1 LIMIT 1")
                                     .arg(probeName(table), tableName(table),
                                         inclusive ? QStringLiteral(">=") : QStringLiteral(">")),
            { QString::fromUtf8(probe) });
        if (rows.next())
            return bulkTextValue(rows.value(0).toString());
        SqlRows first = m_db.exec(
            QStringLiteral("SELECT %1 FROM %2 ORDER BY %1 LIMIT 1").arg(probeName(table), tableName(table)));
        if (first.next())
            return bulkTextValue(first.value(0).toString());
        return std::nullopt;
    }

    QList<BulkRow> rowsWithProbeValue(BulkTable table, const QByteArray &value) override
    {
        const BulkTableSpec &spec = bulkTableSpec(table);
        SqlRows rows = m_db.exec(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?")
                                     .arg(selectColumns(spec), tableName(table), probeName(table)),
            { QString::fromUtf8(value) });
        QList<BulkRow> out;
        while (rows.next())
            out << bulkRowFromSql(table, rows);
        return out;
    }

private:
    static QString tableName(BulkTable table) { return QLatin1String(bulkTableSpec(table).name); }
    static QString probeName(BulkTable table)
    {
        return QLatin1String(bulkTableSpec(table).columns.at(bulkProbeColumn(table)));
    }

    SqlDatabase &m_db;
    bool m_hasEvents = false;
    bool m_hasProposals = false;
};

// Each table's rows sorted by probe value once, on first use: memory holds them anyway.
class MemoryBulkSampler final : public BulkSampler
{
public:
    explicit MemoryBulkSampler(MemoryStore &store)
        : m_store(store)
    { }

    bool supports(BulkTable) const override { return true; }
    qint64 estimatedRows(BulkTable table) override { return rows(table).size(); }

    QList<QByteArray> edgeProbeValues(BulkTable table, int limit) override
    {
        const QList<BulkRow> &all = rows(table);
        const int column = bulkProbeColumn(table);
        QList<QByteArray> out;
        for (qsizetype i = 0; i < all.size() && i < limit; ++i)
            out << all.at(i).at(column);
        for (qsizetype i = all.size() - 1; i >= 0 && all.size() - i <= limit; --i)
            out << all.at(i).at(column);
        return out;
    }

    std::optional<QByteArray> probeValueFrom(BulkTable table, const QByteArray &probe, bool inclusive) override
    {
        const QList<BulkRow> &all = rows(table);
        if (all.isEmpty())
            return std::nullopt;
        auto it = lowerBound(table, probe);
        const int column = bulkProbeColumn(table);
        while (!inclusive && it != all.cend() && it->at(column) == probe)
            ++it;
        return (it == all.cend() ? all.constFirst() : *it).at(column);
    }

    QList<BulkRow> rowsWithProbeValue(BulkTable table, const QByteArray &value) override
    {
        const int column = bulkProbeColumn(table);
        QList<BulkRow> out;
        for (auto it = lowerBound(table, value); it != rows(table).cend() && it->at(column) == value; ++it)
            out << *it;
        return out;
    }

private:
    QList<BulkRow>::const_iterator lowerBound(BulkTable table, const QByteArray &value)
    {
        const QList<BulkRow> &all = rows(table);
        const int column = bulkProbeColumn(table);
        return std::partition_point(
            all.cbegin(), all.cend(), [&](const BulkRow &row) { return row.at(column) < value; });
    }

    const QList<BulkRow> &rows(BulkTable table)
    {
        std::optional<QList<BulkRow>> &cached = m_rows[std::size_t(table)];
        if (!cached) {
            QList<BulkRow> all = m_store.bulkRows(table);
            const int column = bulkProbeColumn(table);
            std::stable_sort(all.begin(), all.end(),
                [column](const BulkRow &a, const BulkRow &b) { return a.at(column) < b.at(column); });
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
