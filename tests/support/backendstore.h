#pragma once

// The store a per-backend suite runs on. Such a suite is one source built once per backend with
// DPM_CONTRACT_BACKEND_MEMORY, _SQLITE, _POSTGRES or _REMOTE (a SQLite store seeded locally and
// read over HTTP: tests/contract/seededremotestore.h); header-only because that definition belongs
// to each test executable, not to this support library.

#include "domain/error.h"
#include "pgserver.h"
#include "services/storeopening.h"
#include "store/memorystore.h"

#include <QTemporaryDir>

#if defined(DPM_CONTRACT_BACKEND_REMOTE)
#include "seededremotestore.h"
#endif

#include <memory>
#include <optional>

namespace dpm::test {

#if defined(DPM_CONTRACT_BACKEND_POSTGRES)
inline constexpr bool kBackendIsPostgres = true;
#else
inline constexpr bool kBackendIsPostgres = false;
#endif

// A fresh, empty database of the suite's backend: the SQLite file <name>.db in `dir`, or a new
// PostgreSQL database named after `name`; nullopt for the in-memory backend.
inline std::optional<StoreLocation> freshBackendLocation(const QTemporaryDir &dir, const QString &name)
{
#if defined(DPM_CONTRACT_BACKEND_MEMORY)
    Q_UNUSED(dir);
    Q_UNUSED(name);
    return std::nullopt;
#elif defined(DPM_CONTRACT_BACKEND_SQLITE) || defined(DPM_CONTRACT_BACKEND_REMOTE)
    return StoreLocation::sqlite(dir.filePath(name + QStringLiteral(".db")));
#elif defined(DPM_CONTRACT_BACKEND_POSTGRES)
    Q_UNUSED(dir);
    return PgServer::instance().createDatabase(name);
#else
#error "Define DPM_CONTRACT_BACKEND_MEMORY, _SQLITE, _POSTGRES or _REMOTE"
#endif
}

// A fresh store of the suite's backend with every migration applied. Throws dpm::Error.
inline std::unique_ptr<SupportStore> openFreshBackendStore(const QTemporaryDir &dir, const QString &name)
{
#if defined(DPM_CONTRACT_BACKEND_REMOTE)
    return openSeededRemoteStore(openStore(*freshBackendLocation(dir, name), OpenOptions { .applyMigrations = true }));
#endif
    if (const auto location = freshBackendLocation(dir, name))
        return openStore(*location, OpenOptions { .applyMigrations = true });
    return std::make_unique<MemoryStore>();
}

} // namespace dpm::test

// A per-backend suite's init(): `dir` (std::unique_ptr<QTemporaryDir>) becomes a new folder and
// `store` a fresh migrated store named after `name`; the test fails when either cannot be made
// (and, in the PostgreSQL build, when there is no server: a failure, never a skip).
#define DPM_OPEN_FRESH_BACKEND_STORE(dir, store, name)                                                                 \
    do {                                                                                                               \
        if (::dpm::test::kBackendIsPostgres)                                                                           \
            DPM_REQUIRE_POSTGRES();                                                                                    \
        (dir) = std::make_unique<QTemporaryDir>();                                                                     \
        QVERIFY2((dir)->isValid(), qPrintable((dir)->errorString()));                                                  \
        try {                                                                                                          \
            (store) = ::dpm::test::openFreshBackendStore(*(dir), QStringLiteral(name));                                \
        } catch (const ::dpm::Error &error) {                                                                          \
            QFAIL(qPrintable(QStringLiteral("cannot open the store: ") + error.toString()));                           \
        }                                                                                                              \
        QVERIFY(store);                                                                                                \
    } while (false)
