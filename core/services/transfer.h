#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace dpm {

class StoreLocation;
class SupportStore;

// Moving a store into another (design.md: SQLite or memory into PostgreSQL). The backfill copies
// every row of the DPM tables, the console's run events and outbox, the proposal tables (read from
// and written into each side's separate proposal store when it has one) and the policy packs,
// table by table in key order, a batch per transaction through the target's bulk path (COPY on
// PostgreSQL). Because batches commit in key order, the target always holds a key-ordered prefix
// of each table; a resumed backfill continues after the target's last key, so a stopped,
// cancelled or crashed backfill loses nothing and copies nothing twice. The parity check compares
// the two stores row by row. What is not copied: the target's own migration ledger, audit log
// and summary counters (the target's triggers maintain those).

struct TransferOptions
{
    // Rows per transaction and per read, at most: a batch also ends at about 16 MB of values.
    int batchRows = 20000;
    // Continue a backfill from this source into a target that already holds part of it. Without
    // it, a target holding any row is TRANSFER_TARGET_NOT_EMPTY.
    bool resume = false;
    // Make the target equal to the source, whatever it holds: copy the rows it misses, replace
    // the ones that differ, delete the ones the source no longer has (after a dual-write phase in
    // which PostgreSQL missed writes: what transfer verify reports). Refused as a resume is when
    // the target's last backfill came from another source.
    bool repair = false;
};

struct TransferTableReport
{
    QString table;
    qint64 sourceRows = 0;
    qint64 keptRows = 0; // already in the target when a resumed backfill reached the table
    qint64 copiedRows = 0;
    qint64 deletedRows = 0; // repair: the target's rows that differed or that the source no longer has
    double seconds = 0;
};

struct TransferReport
{
    QString source; // redacted locations
    QString target;
    bool resumed = false;
    bool repaired = false;
    bool cancelled = false;
    int batchRows = 0;
    QList<TransferTableReport> tables;
    QStringList notes; // tables left out, and why
    double totalSeconds = 0;

    qint64 sourceRows() const;
    qint64 copiedRows() const;
    QJsonObject toJson() const;
};

// Opens a transfer's target as it is (never migrated here): a location with a proposal store of
// its own (StoreLocation::withProposalStore) gets the proposal tables there. Throws what
// openStore() throws, and PROPOSAL_STORE_UNREACHABLE when that proposal store cannot be reached.
std::unique_ptr<SupportStore> openTransferTarget(const StoreLocation &location);

// Rows of the whole transfer done (kept + copied) and in total, and the table being copied.
// Returning false cancels after the batch in progress commits; what was committed stays and a
// resumed backfill continues from there.
using TransferProgressFn = std::function<bool(qint64 rowsDone, qint64 rowsTotal, const QString &table)>;

// Copies source into target (a SQLite or PostgreSQL store with every migration applied).
// Refuses, before writing anything: TRANSFER_SAME_STORE, TRANSFER_TARGET_UNSUPPORTED (an in-memory
// target), TRANSFER_TARGET_NOT_MIGRATED, TRANSFER_TARGET_NOT_EMPTY, TRANSFER_RESUME_SOURCE_MISMATCH
// (resuming into a target whose last backfill came from another source), CONSOLE_AUDIT_LOG_MISSING.
// Records "transfer.backfill" in the target's audit log when it starts (outcome "started") and when
// it ends. Errors while copying are dpm::Error (the batch in progress rolls back).
TransferReport backfillStore(SupportStore &source, SupportStore &target, const TransferOptions &options = {},
    const TransferProgressFn &progress = {});

struct ParityMismatch
{
    QString table;
    QString kind; // "missing_in_target", "extra_in_target" or "differs"
    QString key; // the row's key values joined by " | ", shortened
};

struct ParityTableReport
{
    QString table;
    qint64 sourceRows = 0;
    qint64 targetRows = 0;
    qint64 missing = 0; // in the source, not in the target
    qint64 extra = 0; // in the target, not in the source
    qint64 differing = 0; // same key, other values
    bool matches() const { return missing == 0 && extra == 0 && differing == 0; }
};

struct ParityReport
{
    QString source;
    QString target;
    bool cancelled = false;
    QList<ParityTableReport> tables;
    QList<ParityMismatch> samples; // the first mismatches, at most kSampleLimit
    QStringList notes;
    double totalSeconds = 0;

    static constexpr int kSampleLimit = 20;
    bool matches() const; // every table matches and the check ran to the end
    QJsonObject toJson() const;
};

// Compares every row of every table the backfill copies, streaming both stores in key order a
// batch at a time. Any two stores (memory, SQLite, PostgreSQL) can be compared. The progress
// function works as for the backfill (rows read from both stores); a cancel ends the report
// early with `cancelled`.
ParityReport verifyParity(SupportStore &source, SupportStore &target, int batchRows = 20000,
    const TransferProgressFn &progress = {});

} // namespace dpm
