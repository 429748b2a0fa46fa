#include "dualwritebulkloader.h"

#include "domain/logging.h"
#include "store/dualwriterouter.h"

namespace dpm {

DualWriteBulkLoader::DualWriteBulkLoader(
    std::unique_ptr<BulkLoader> primary, LoaderOpener openPostgres, DualWriteRouter &router)
    : m_primary(std::move(primary))
    , m_openPostgres(std::move(openPostgres))
    , m_router(router)
{ }

DualWriteBulkLoader::~DualWriteBulkLoader() = default;

void DualWriteBulkLoader::begin()
{
    const auto lock = m_router.lockWrites();
    m_primary->begin();
    m_failure.reset();
    onPostgres([&] {
        if (!m_postgres)
            m_postgres = m_openPostgres();
        m_postgres->begin();
    });
}

void DualWriteBulkLoader::write(const BulkRows &rows)
{
    const auto lock = m_router.lockWrites();
    m_primary->write(rows);
    for (const BulkTable table : allBulkTables())
        m_writeNanos[std::size_t(table)] = m_primary->writeNanos(table);
    onPostgres([&] { m_postgres->write(rows); });
}

void DualWriteBulkLoader::commit()
{
    const auto lock = m_router.lockWrites();
    m_primary->commit();
    m_router.mirror("bulkLoad", [&] {
        if (m_failure)
            throw *m_failure;
        try {
            m_postgres->commit();
        } catch (const Error &) {
            dropPostgres();
            throw;
        }
        m_postgresLoaded = true;
    });
    m_failure.reset();
}

void DualWriteBulkLoader::rollback()
{
    const auto lock = m_router.lockWrites();
    m_failure.reset();
    try {
        m_primary->rollback();
    } catch (...) {
        dropPostgres();
        throw;
    }
    if (m_postgres) {
        try {
            m_postgres->rollback();
        } catch (const Error &) {
            dropPostgres(); // nothing of it stays either way
        }
    }
}

void DualWriteBulkLoader::finish()
{
    m_primary->finish();
    if (!m_postgres || !m_postgresLoaded)
        return;
    try {
        m_postgres->finish();
    } catch (const Error &error) {
        // Only the planner's statistics (autovacuum refreshes them): no row is missing.
        qCWarning(lcStore).noquote() << "dual-write: PostgreSQL's statistics after the bulk load were not refreshed:"
                                     << error.toString();
    }
}

void DualWriteBulkLoader::onPostgres(const std::function<void()> &step)
{
    if (m_failure)
        return;
    try {
        step();
    } catch (const Error &error) {
        m_failure = error;
        dropPostgres();
    }
}

void DualWriteBulkLoader::dropPostgres() noexcept
{
    try {
        m_postgres.reset();
    } catch (...) {
        // A loader's destructor rolls back and does not throw; nothing to keep either way.
    }
}

} // namespace dpm
