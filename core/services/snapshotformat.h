#pragma once

// What snapshot export and import share (snapshotexport.h, snapshotimport.h): the tables a
// snapshot holds, how a row becomes a JSON line and back, and the store's schema versions.
//
// A snapshot file is one gzip stream of canonical JSON lines:
//   {"format":"dpm-snapshot","format_version":1,"created_at":…,"source":…,
//    "schema_versions":{"console":["0001",…],"dpm":[…],"proposals":[…]},
//    "tables":[{"table":"dpm_runs","columns":[…],"rows":N},…]}          the header
//   {"table":"dpm_runs","rows":N}                                        each table in header order,
//   ["rr_…","corr_…",…]                                                  then its N rows, values in
//   …                                                                    column order
//   {"sha256":"<hex>"}                  SHA-256 of every byte before this line (uncompressed)
// Text is a string, SQL NULL is null, integer columns are numbers, booleans true/false.

#include "store/bulkloader.h"
#include "store/bulkreader.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace dpm {

class SupportStore;

namespace snapshot {

inline constexpr int kFormatVersion = 1;
extern const QString kFormat; // "dpm-snapshot"
extern const QString kPolicyPacks; // "dpm_policy_packs": through the store API, not the bulk path
extern const QString kAuditLog; // "console_audit_log": through the audit log

// Applied migrations per namespace ("console" -> ["0001", …]): the ledger of a SQL store; the
// whole catalogue of this build for the in-memory store, which always has this build's schema.
QMap<QString, QStringList> appliedMigrations(SupportStore &store);
QJsonObject schemaVersionsJson(const QMap<QString, QStringList> &versions);

QStringList policyPackColumns();
QStringList auditLogColumns();
QStringList bulkColumns(BulkTable table);

// A bulk row as its JSON line, and back (SNAPSHOT_CORRUPT when the line is not a row of the table).
QByteArray bulkRowLine(BulkTable table, const BulkRow &row);
BulkRow bulkRowFromLine(BulkTable table, const QByteArray &line);
// Rows of text columns (policy packs, audit entries): strings or null.
QByteArray textRowLine(const QList<std::optional<QString>> &values);
QList<std::optional<QString>> textRowFromLine(const QByteArray &line, qsizetype columns);

} // namespace snapshot
} // namespace dpm
