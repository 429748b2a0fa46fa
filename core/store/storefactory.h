#pragma once

#include "store/storelocation.h"
#include "store/supportstore.h"

#include <QProcessEnvironment>

#include <memory>
#include <optional>

namespace dpm {

struct OpenOptions
{
    // Apply every pending migration of every namespace before returning (the embedded default
    // and tests). Otherwise a SQL database without the DPM tables is DPM_SCHEMA_NOT_INITIALISED.
    bool applyMigrations = false;
    // Open a SQL database without the DPM tables anyway (SqlStore::hasSchema() false) so that
    // the console's admin page can initialise it. Tools that read or write data leave it off.
    bool allowMissingSchema = false;
};

// Opens the store at a location: MemoryStore or SqlStore. Throws dpm::Error (connection,
// configuration, schema) with the service's codes where it has them.
std::unique_ptr<SupportStore> openStore(const StoreLocation &location, const OpenOptions &options = {});

// The embedded default: a SQLite store in the user's data directory
// (QStandardPaths::AppDataLocation), created and migrated on first use.
QString embeddedDefaultStorePath();

// Which store to open: an explicit --store argument wins, then the service's environment
// variables, then the embedded default. `isEmbeddedDefault` tells the caller which one it got.
struct ResolvedLocation
{
    StoreLocation location;
    bool isEmbeddedDefault = false;
};
ResolvedLocation resolveStoreLocation(const std::optional<QString> &explicitLocation,
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

} // namespace dpm
