#pragma once

#include "services/transfer.h" // TransferProgressFn

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace dpm {

class SupportStore;

// A snapshot of a whole store in one file (snapshotformat.h has the format): every DPM table,
// the run events and outbox, the proposal tables, the policy packs and the console's audit log,
// as they are in the store (a SQL store is read in one read transaction: one consistent moment),
// compressed as it is written. What it leaves out: the migration ledger (the header names the
// versions instead) and the summary counters (the target's triggers rebuild them). Restore with
// importSnapshot into an empty store migrated to the same versions.

struct SnapshotTableReport
{
    QString table;
    qint64 rows = 0;
};

struct SnapshotReport
{
    QString store; // redacted location
    QString file;
    bool cancelled = false;
    QList<SnapshotTableReport> tables;
    QString sha256; // of the uncompressed lines before the checksum line
    qint64 fileBytes = 0;
    double totalSeconds = 0;
    QStringList notes; // an import through dual-write whose PostgreSQL half failed

    qint64 rows() const;
    QJsonObject toJson() const;
};

// Writes the snapshot to `path` (replaced only once complete: a failed or cancelled export leaves
// whatever was there). Progress counts rows; returning false cancels (report.cancelled, no file).
// Errors: SNAPSHOT_WRITE_FAILED, and the store's.
SnapshotReport exportSnapshot(SupportStore &store, const QString &path, const TransferProgressFn &progress = {});

} // namespace dpm
