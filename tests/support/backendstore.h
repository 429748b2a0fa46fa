#pragma once

// The store a per-backend suite runs on. Such a suite is one source built once per backend with
// DPM_CONTRACT_BACKEND_MEMORY, _SQLITE or _POSTGRES; header-only because that definition belongs
// to each test executable, not to this support library.

#include "pgserver.h"
#include "store/memorystore.h"
#include "store/storefactory.h"

#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace dpm::test {

// A fresh, empty database of the suite's backend: the SQLite file <name>.db in `dir`, or a new
// PostgreSQL database named after `name`; nullopt for the in-memory backend.
inline std::optional<StoreLocation> freshBackendLocation(const QTemporaryDir &dir, const QString &name)
{
#if defined(DPM_CONTRACT_BACKEND_MEMORY)
    Q_UNUSED(dir);
    Q_UNUSED(name);
    return std::nullopt;
#elif defined(DPM_CONTRACT_BACKEND_SQLITE)
    return StoreLocation::sqlite(dir.filePath(name + QStringLiteral(".db")));
#elif defined(DPM_CONTRACT_BACKEND_POSTGRES)
    Q_UNUSED(dir);
    return PgServer::instance().createDatabase(name);
#else
#error "Define DPM_CONTRACT_BACKEND_MEMORY, _SQLITE or _POSTGRES"
#endif
}

// A fresh store of the suite's backend with every migration applied. Throws dpm::Error.
inline std::unique_ptr<SupportStore> openFreshBackendStore(const QTemporaryDir &dir, const QString &name)
{
    if (const auto location = freshBackendLocation(dir, name))
        return openStore(*location, OpenOptions { .applyMigrations = true });
    return std::make_unique<MemoryStore>();
}

} // namespace dpm::test
