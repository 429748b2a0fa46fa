#pragma once

#include "store/bulkreader.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <memory>
#include <random>

namespace dpm {

class SupportStore;

// Random access to a bulk table for the sampled parity check (transfer verify --sample). A draw
// reads about as many rows as it returns, never every key: SQLite seeks random rowids, PostgreSQL
// reads a seeded share of the table's pages (TABLESAMPLE SYSTEM), memory picks random positions.
// Lookups take a batch of probe values in one query on an index whose leading column is the
// probe column (the primary key, or the listing index of the tables without one). Reads run on
// the calling thread's connection.
class BulkSampler
{
public:
    // Probe values per lookup query (rowsWithProbeValues), and rowids per draw query on SQLite:
    // well under SQLite's 999 parameters of old builds.
    static constexpr int kBatch = 256;

    virtual ~BulkSampler() = default;

    virtual bool supports(BulkTable table) const = 0;
    // Exactly: the sample's size is a share of it, and an estimate that moved between two runs
    // (PostgreSQL's planner statistics) would draw other keys from the same seed.
    virtual qint64 rowCount(BulkTable table) = 0;
    // The keys (bulkRowKey) of `count` distinct rows drawn at random, each row as likely as any
    // other; the same keys for the same seed and the same table, in no particular order. Fewer
    // only when the table has fewer rows.
    virtual QList<BulkRow> drawKeys(BulkTable table, qint64 count, quint64 seed) = 0;
    // Every row whose probe column holds one of `values` (at most kBatch of them): one query.
    virtual QList<BulkRow> rowsWithProbeValues(BulkTable table, const QList<QByteArray> &values) = 0;
};

// The column a sample looks rows up by: the first key column (bulkTableKeyColumns), text in
// every table.
int bulkProbeColumn(BulkTable table);

// The sampler of a SqlStore or MemoryStore; BULK_LOAD_UNSUPPORTED for any other.
std::unique_ptr<BulkSampler> openBulkSampler(SupportStore &store);

// The positions 0 … size-1 in the order a seeded Fisher–Yates shuffle puts them, one at a time:
// the first n are a uniform draw of n without replacement. Memory grows with the positions
// handed out, not with `size`.
class SeededShuffle
{
public:
    SeededShuffle(qint64 size, quint64 seed)
        : m_size(size)
        , m_random(seed)
    { }

    bool atEnd() const { return m_next >= m_size; }
    qint64 next()
    {
        const qint64 pick = std::uniform_int_distribution<qint64>(m_next, m_size - 1)(m_random);
        const qint64 value = m_moved.value(pick, pick);
        m_moved.insert(pick, m_moved.value(m_next, m_next));
        ++m_next;
        return value;
    }

private:
    qint64 m_size;
    qint64 m_next = 0;
    std::mt19937_64 m_random;
    QHash<qint64, qint64> m_moved; // position -> value, where a swap put another value
};

} // namespace dpm
