#pragma once

#include "services/adminaction.h" // AuditMode
#include "services/snapshotexport.h"

#include <QString>

namespace dpm {

class SupportStore;

// Restores a snapshot file (snapshotexport.h) into an empty store migrated to the snapshot's
// schema versions, through the store's bulk path, in one transaction: a failure, a bad checksum
// found at the end, or a cancel leaves the store as empty as it was. The file is read as it is
// decompressed, a batch of rows at a time. Refuses, before writing anything, with a reason code:
// SNAPSHOT_FILE_UNREADABLE, SNAPSHOT_CORRUPT (not a snapshot, or a damaged one),
// SNAPSHOT_FORMAT_UNSUPPORTED, SNAPSHOT_SCHEMA_MISMATCH (other applied migrations than the
// snapshot's, or a table the store lacks), SNAPSHOT_TARGET_NOT_EMPTY (any row but the audit
// log's), STORE_READ_ONLY_REPLICA, CONSOLE_AUDIT_LOG_MISSING (with AuditMode::Required); and while
// loading: SNAPSHOT_TRUNCATED, SNAPSHOT_CHECKSUM_MISMATCH. The policy packs and the audit entries
// of the snapshot are written after the rows commit. Records "snapshot.import" in the store's
// audit log (unless AuditMode::Skip). Progress counts rows; returning false cancels.
SnapshotReport importSnapshot(SupportStore &store, const QString &path, AuditMode audit = AuditMode::Required,
    const TransferProgressFn &progress = {});

} // namespace dpm
