#pragma once

// What the backfill, its repair and the parity check share (transfer.cpp, transferrepair.cpp):
// tables streamed in key order, the target's SQL database, the audit of a backfill.

#include "services/transfer.h"
#include "store/bulkloader.h"
#include "store/bulkreader.h"
#include "store/supportstore.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace dpm {

class AuditLog;
class SqlDatabase;

namespace transfer {

extern const QString kPolicyPacks;
extern const QString kBackfillAction;

// Rows held in memory at once (read, or waiting to be written) aim at this many bytes: a scale-M
// artifact is tens of kilobytes, so a fixed row count would hold gigabytes.
inline constexpr qint64 kBatchBytes = 16 * 1024 * 1024;
inline constexpr int kFirstReadRows = 256; // sizes the rows before reading more

QString tableName(BulkTable table);
qint64 rowBytes(const BulkRow &row);
QString describeKey(const BulkRow &key);
// The target's database; TRANSFER_TARGET_UNSUPPORTED when it is not SQL.
SqlDatabase &sqlTargetDatabase(SupportStore &target);
// TRANSFER_TARGET_NOT_MIGRATED unless every migration is applied (in both databases of a split
// target).
void requireMigrated(SupportStore &target);

// A store's bulk read path over both domains: the proposal tables from its separate proposal
// store when it has one (SeparateProposalsStore), every other table from the store itself.
std::unique_ptr<BulkReader> openTransferReader(SupportStore &store);

// The target's bulk write path and database per table, routed as openTransferReader() reads.
class TargetTables
{
public:
    // TRANSFER_TARGET_UNSUPPORTED when either database is not SQL.
    explicit TargetTables(SupportStore &target);
    SqlDatabase &database(BulkTable table) const { return isProposalTable(table) ? *m_proposalDb : *m_dpmDb; }
    // Opened on first use, on the calling thread.
    BulkLoader &loader(BulkTable table);
    // After the last commit, on every loader opened.
    void finish();
    // Where the proposals go, when that is a database of its own; empty otherwise.
    QString proposalStore() const { return m_proposalStore; }

private:
    SupportStore &m_dpm;
    SupportStore &m_proposals;
    SqlDatabase *m_dpmDb;
    SqlDatabase *m_proposalDb;
    QString m_proposalStore;
    std::unique_ptr<BulkLoader> m_dpmLoader;
    std::unique_ptr<BulkLoader> m_proposalLoader;
};
// Deletes the target's rows with exactly that key: a batch may have ended inside a run of
// duplicates, and copying the whole run again is simpler than counting what is there.
qint64 deleteKey(SqlDatabase &db, BulkTable table, const BulkRow &key);
// The source the target's last backfill came from, per its audit log; empty when there is none.
QString lastBackfillSource(AuditLog &log);
// TRANSFER_RESUME_SOURCE_MISMATCH unless the target's last backfill came from `source`.
void requireSameBackfillSource(AuditLog &log, const QString &source, const QString &target);
QJsonObject backfillDetails(const TransferReport &report);
// The policy pack catalogue (dpm/0002) may be missing from a store the service created before it.
std::optional<QList<PolicyPack>> policyPacksOf(SupportStore &store);
bool samePack(const PolicyPack &a, const PolicyPack &b);
using MismatchFn = std::function<void(const ParityTableReport &table, const QString &kind, const BulkRow &key)>;
// The policy pack catalogues of both stores compared whole, by policy_pack_id (a handful of
// rows); a store without the table compares as empty, with a note.
ParityTableReport comparePolicyPacks(SupportStore &source, SupportStore &target, QStringList &notes,
    const MismatchFn &mismatch);

// backfill --repair (transferrepair.cpp): makes the target's table equal to the source's,
// comparing both in key order: rows missing in the target are copied through the loader, rows that
// differ are replaced, rows the source no longer has are deleted. Counts into the report (kept,
// copied, deleted) and rowsDone. False when keepGoing() said stop (what was written stays).
bool repairTable(BulkReader &source, BulkReader &target, SqlDatabase &targetDb, BulkLoader &loader, BulkTable table,
    int batchRows, TransferTableReport &report, qint64 &rowsDone, const std::function<bool()> &keepGoing);

// A table's rows in key order, read a batch at a time: at most `batchRows` rows and about
// kBatchBytes. A batch may end inside a run of rows with the same key (exact duplicates in the
// tables without a primary key), so the next read starts at that key again and skips the rows
// of it already handed out.
class RowStream
{
public:
    RowStream(BulkReader &reader, BulkTable table, std::optional<BulkRow> start, int batchRows)
        : m_reader(reader)
        , m_table(table)
        , m_start(std::move(start))
        , m_maxRows(batchRows)
        , m_readRows(qMin(batchRows, kFirstReadRows))
    { }

    const BulkRow *peek()
    {
        if (m_next >= m_buffer.size() && !m_exhausted)
            fetch();
        return m_next < m_buffer.size() ? &m_buffer.at(m_next) : nullptr;
    }

    void pop()
    {
        const BulkRow key = bulkRowKey(m_table, m_buffer.at(m_next++));
        if (m_lastKey && compareBulkKeys(*m_lastKey, key) == 0) {
            ++m_sameKeyCount;
        } else {
            m_lastKey = key;
            m_sameKeyCount = 1;
        }
    }

private:
    void fetch()
    {
        const qsizetype skip = m_lastKey ? m_sameKeyCount : 0;
        const int limit = int(qMin<qint64>(qint64(m_readRows) + skip, std::numeric_limits<int>::max()));
        m_buffer = m_reader.readBatch(m_table, m_lastKey ? m_lastKey : m_start, true, limit);
        m_exhausted = m_buffer.size() < limit;
        m_next = qMin(skip, m_buffer.size());
        qint64 bytes = 0;
        for (const BulkRow &row : std::as_const(m_buffer))
            bytes += rowBytes(row);
        if (!m_buffer.isEmpty()) {
            const qint64 perRow = qMax<qint64>(1, bytes / m_buffer.size());
            m_readRows = int(std::clamp<qint64>(kBatchBytes / perRow, 1, m_maxRows));
        }
    }

    BulkReader &m_reader;
    BulkTable m_table;
    std::optional<BulkRow> m_start;
    int m_maxRows;
    int m_readRows;
    QList<BulkRow> m_buffer;
    qsizetype m_next = 0;
    bool m_exhausted = false;
    std::optional<BulkRow> m_lastKey;
    qint64 m_sameKeyCount = 0;
};

} // namespace transfer
} // namespace dpm
