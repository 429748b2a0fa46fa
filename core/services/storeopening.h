#pragma once

#include "store/storelocation.h"
#include "store/supportstore.h"

#include <functional>
#include <memory>
#include <optional>

namespace dpm {

struct OpenOptions
{
    // Apply every pending migration of every namespace before returning (the embedded default
    // and tests). Otherwise a SQL database without the DPM tables is DPM_SCHEMA_NOT_INITIALISED.
    bool applyMigrations = false;
    // Open a SQL database without the DPM tables anyway (hasSchema false in describeSchema) so
    // that the console's admin page can initialise it. Tools that read or write data leave it off.
    bool allowMissingSchema = false;
};

// Opens the store at a location: MemoryStore or SqlStore, migrated first when asked, or the store
// a library registered for the backend (a remote store: remote/). It lives here rather than in
// store/ because migrating is a layer above the store. Throws dpm::Error (connection,
// configuration, schema) with the service's codes where it has them; REMOTE_STORE_UNSUPPORTED for
// a server location in a program built without remote stores.
std::unique_ptr<SupportStore> openStore(const StoreLocation &location, const OpenOptions &options = {});

// Store kinds that live outside core (which stays free of Qt Network) register here, once, before
// the first openStore() of their backend: dpmremote's registerRemoteStore() does.
using StoreOpener = std::function<std::unique_ptr<SupportStore>(const StoreLocation &, const OpenOptions &)>;
void registerStoreOpener(StoreBackend backend, StoreOpener opener);
// What such a store keeps per thread (a network manager) is let go by
// closeThisThreadsStoreConnections() as well.
void registerThreadConnectionCloser(std::function<void()> closer);

// What the console's status bar says about an open store's schema.
struct SchemaDescription
{
    bool hasMigrations = false; // false in memory: nothing to migrate
    bool hasSchema = true; // false for a SQL database opened without the DPM tables
    int pendingMigrations = 0;
    int modifiedMigrations = 0; // applied, but the file's checksum changed since
    bool listingIndexesPending = false; // console:0001: every listing reads whole tables
    bool runListPending = false; // console:0007: the runs listing reads each listed run's JSON
};
// Reads the migration ledger of every namespace; runs queries, so call it on a worker thread.
SchemaDescription describeSchema(SupportStore &store);

// What listing costs on an open store, measured on it: the newest run through the listing, and
// that same run read through its primary key's index (what an indexed page read costs here; unset
// when the store has no run). Runs queries, so call it on a worker thread.
struct ListingCost
{
    double newestRunMs = 0;
    std::optional<double> indexReadMs; // when asked for and the store has a run
    bool hasRuns = false;
    bool noRuns() const { return !hasRuns; }
};
// timeIndexRead: also read the newest run by its key (a whole row: only worth it when a notice
// will quote it).
ListingCost measureListingCost(SupportStore &store, bool timeIndexRead = true);

// What the status bar and the listing pages say while the console's listing migrations are
// pending (a store the service wrote, opened as it is): what the listing costs here and, when
// the store has a run, what an index read costs here, both as measured. Empty when nothing the
// listings use is pending.
QString listingNotice(const SchemaDescription &schema, const ListingCost &cost);

// The sentence to show while a store could only be opened read-only (a SQLite file in a read-only
// place, a PostgreSQL replica with its replay lag); empty when it is writable. On a replica it asks
// the server, so call it on a worker thread.
QString readOnlyNotice(SupportStore &store);

// Closes every database connection the calling thread holds, of any store, now rather than when
// the thread finishes (see SqlDatabase::closeThisThreadsConnections).
void closeThisThreadsStoreConnections();

} // namespace dpm
