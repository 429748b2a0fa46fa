#pragma once

#include "store/bulkreader.h"

#include <QByteArray>
#include <QList>

#include <memory>
#include <optional>

namespace dpm {

class SupportStore;

// Random access to a bulk table for the sampled parity check (transfer verify --sample): every
// call is one seek on an index whose leading column is the table's probe column (the primary
// key, or the listing index of the tables without one), so a sample costs a few lookups per
// drawn key however large the table is. The order of the probe column is the index's own (the
// database's collation on PostgreSQL): the sample only needs some order, and COLLATE "C" would
// not use an index of another collation. Reads run on the calling thread's connection.
class BulkSampler
{
public:
    virtual ~BulkSampler() = default;

    virtual bool supports(BulkTable table) const = 0;
    // About how many rows the table holds: PostgreSQL's planner statistics once the table was
    // analysed (the backfill and the bulk load analyse), else COUNT(*).
    virtual qint64 estimatedRows(BulkTable table) = 0;
    // Up to `limit` distinct probe values from the start of the order, and as many from its end:
    // what random probes are made of.
    virtual QList<QByteArray> edgeProbeValues(BulkTable table, int limit) = 0;
    // The first probe value at or after `probe` (after it only, unless `inclusive`), or the first
    // of all when there is none (the values form a ring, so every value has a gap before it);
    // empty when the table is.
    virtual std::optional<QByteArray> probeValueFrom(BulkTable table, const QByteArray &probe, bool inclusive) = 0;
    // Every row whose probe column holds exactly `value`.
    virtual QList<BulkRow> rowsWithProbeValue(BulkTable table, const QByteArray &value) = 0;
};

// The column a sample seeks on: the first key column (bulkTableKeyColumns), text in every table.
int bulkProbeColumn(BulkTable table);

// The sampler of a SqlStore or MemoryStore; BULK_LOAD_UNSUPPORTED for any other.
std::unique_ptr<BulkSampler> openBulkSampler(SupportStore &store);

} // namespace dpm
