#include "meteredbulk.h"

#include "store/meteredstore.h"

namespace dpm {

namespace {

class MeteredBulkLoader : public BulkLoader
{
public:
    MeteredBulkLoader(std::unique_ptr<BulkLoader> inner, QueryMetrics &metrics)
        : m_inner(std::move(inner))
        , m_metrics(metrics)
    { }

    bool supports(BulkTable table) const override { return m_inner->supports(table); }
    void begin() override { m_inner->begin(); }
    void prepare(BulkRows &rows) const override { m_inner->prepare(rows); }
    void write(const BulkRows &rows) override
    {
        {
            QueryTimer timer(m_metrics, QueryKind::Bulk);
            m_inner->write(rows);
        }
        for (const BulkTable table : allBulkTables())
            m_writeNanos[std::size_t(table)] = m_inner->writeNanos(table);
    }
    void commit() override
    {
        QueryTimer timer(m_metrics, QueryKind::Bulk);
        m_inner->commit();
    }
    void rollback() override { m_inner->rollback(); }
    void finish() override { m_inner->finish(); }

private:
    std::unique_ptr<BulkLoader> m_inner;
    QueryMetrics &m_metrics;
};

class MeteredBulkReader : public BulkReader
{
public:
    MeteredBulkReader(std::unique_ptr<BulkReader> inner, QueryMetrics &metrics)
        : m_inner(std::move(inner))
        , m_metrics(metrics)
    { }

    bool supports(BulkTable table) const override { return m_inner->supports(table); }
    qint64 rowCount(BulkTable table) override
    {
        QueryTimer timer(m_metrics, QueryKind::Bulk);
        return m_inner->rowCount(table);
    }
    QList<BulkRow> readBatch(BulkTable table, const std::optional<BulkRow> &from, bool inclusive, int limit) override
    {
        QueryTimer timer(m_metrics, QueryKind::Bulk);
        return m_inner->readBatch(table, from, inclusive, limit);
    }
    std::optional<BulkRow> lastKey(BulkTable table) override
    {
        QueryTimer timer(m_metrics, QueryKind::Bulk);
        return m_inner->lastKey(table);
    }

private:
    std::unique_ptr<BulkReader> m_inner;
    QueryMetrics &m_metrics;
};

} // namespace

std::unique_ptr<BulkLoader> meteredBulkLoader(std::unique_ptr<BulkLoader> inner, QueryMetrics &metrics)
{
    return std::make_unique<MeteredBulkLoader>(std::move(inner), metrics);
}

std::unique_ptr<BulkReader> meteredBulkReader(std::unique_ptr<BulkReader> inner, QueryMetrics &metrics)
{
    return std::make_unique<MeteredBulkReader>(std::move(inner), metrics);
}

QueryMetrics &metricsOf(SupportStore &store)
{
    if (auto *metered = storeAs<MeteredStore>(store))
        return metered->metrics();
    return QueryMetrics::global();
}

} // namespace dpm
