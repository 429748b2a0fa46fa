#pragma once

#include "domain/error.h"
#include "store/bulkloader.h"

#include <functional>
#include <memory>
#include <optional>

namespace dpm {

class DualWriteRouter;

// The bulk path of a DualWriteStore (demo generate, snapshot import): while dual-write is on,
// every write goes to both stores, rows loaded in bulk included. Each call goes to the primary
// first, whose errors are the caller's; then the same rows go to PostgreSQL in a transaction of
// its own that commits after the primary's. One bulk transaction is one mirrored write of the
// router: when PostgreSQL fails anywhere in it (begin, a batch, the commit), its half rolls back
// and the failure is logged and counted once, as a single write's is, never thrown; the next
// transaction tries PostgreSQL again on a fresh loader. transfer verify reports the rows it missed
// and backfill --repair copies them.
class DualWriteBulkLoader final : public BulkLoader
{
public:
    using LoaderOpener = std::function<std::unique_ptr<BulkLoader>()>;

    // PostgreSQL's loader is opened on first use (opening one queries the server, which may be down).
    DualWriteBulkLoader(std::unique_ptr<BulkLoader> primary, LoaderOpener openPostgres, DualWriteRouter &router);
    ~DualWriteBulkLoader() override;

    bool supports(BulkTable table) const override { return m_primary->supports(table); }
    void begin() override;
    // The primary's (PostgreSQL's loader opens on first use, on the writing thread; its write
    // encodes what is left).
    void prepare(BulkRows &rows) const override { m_primary->prepare(rows); }
    void write(const BulkRows &rows) override;
    void commit() override;
    void rollback() override;
    void finish() override;

private:
    // PostgreSQL's half of a step, unless the transaction already failed there.
    void onPostgres(const std::function<void()> &step);
    // Drops PostgreSQL's loader (its transaction rolls back with it).
    void dropPostgres() noexcept;

    std::unique_ptr<BulkLoader> m_primary;
    LoaderOpener m_openPostgres;
    DualWriteRouter &m_router;
    std::unique_ptr<BulkLoader> m_postgres;
    bool m_postgresLoaded = false; // something committed there: finish() has statistics to refresh
    std::optional<Error> m_failure; // PostgreSQL's first error in the open transaction
};

} // namespace dpm
