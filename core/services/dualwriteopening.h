#pragma once

#include "services/storeopening.h"
#include "store/storelocation.h"

#include <QProcessEnvironment>
#include <QString>

#include <memory>
#include <optional>

namespace dpm {

class SupportStore;

// The dual-write phase as the seed spec's variables configure it.
struct DualWriteConfig
{
    bool enabled = false; // DUAL_WRITE_MODE (default false)
    int readFromPostgresPercent = 0; // READ_FROM_POSTGRES_PERCENT 0..100 (default 0)
    // DATABASE_URL, else DPM_SUPPORTABILITY_POSTGRES_DSN; nullopt when neither is set.
    std::optional<StoreLocation> postgres;
};

// Reads DUAL_WRITE_MODE, READ_FROM_POSTGRES_PERCENT and DATABASE_URL (or
// DPM_SUPPORTABILITY_POSTGRES_DSN). Throws DUAL_WRITE_CONFIG_INVALID (a value that is not a
// boolean or a whole percentage, a share of reads without dual-write, a DSN that is not
// PostgreSQL) and DUAL_WRITE_POSTGRES_DSN_REQUIRED (dual-write without a DSN). Connects nowhere.
DualWriteConfig dualWriteConfigFromEnvironment(const QProcessEnvironment &env);

// Wraps the primary (memory or SQLite) in a DualWriteStore over the configured PostgreSQL,
// failing fast before the first write: DUAL_WRITE_PRIMARY_INVALID (the primary is not memory or
// SQLite), DUAL_WRITE_POSTGRES_DSN_REQUIRED, DUAL_WRITE_POSTGRES_UNREACHABLE (it cannot be
// connected to), DUAL_WRITE_SCHEMA_MISMATCH (its migration ledger is not at this build's embedded
// migrations: one pending or modified). With dual-write off, returns the primary unchanged.
std::unique_ptr<SupportStore> openDualWrite(std::unique_ptr<SupportStore> primary, const DualWriteConfig &config);

// Opens the store at the location and applies the environment's dual-write configuration to it:
// how dpmctl's commands, serve and the console open a store, so that DUAL_WRITE_MODE means the
// same everywhere. Throws openStore()'s and openDualWrite()'s errors.
std::unique_ptr<SupportStore> openStoreWithDualWrite(
    const StoreLocation &location, const OpenOptions &options, const QProcessEnvironment &env);

} // namespace dpm
