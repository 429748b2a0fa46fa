#pragma once

// The store a per-backend suite runs on. Such a suite is one source built once per backend with
// DPM_CONTRACT_BACKEND_MEMORY, _SQLITE, _POSTGRES, _REMOTE (a SQLite store seeded locally and
// read over HTTP: tests/contract/seededremotestore.h) or _DUAL (a DualWriteStore over a memory
// primary and PostgreSQL, reading the share of the environment's DPM_CONTRACT_DUAL_READ_PERCENT
// from PostgreSQL); header-only
// because that definition belongs to each test executable, not to this support library.

#include "domain/error.h"
#include "pgserver.h"
#include "services/dualwriteopening.h"
#include "services/storeopening.h"
#include "services/transfer.h"
#include "store/dualwritestore.h"
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
#if defined(DPM_CONTRACT_BACKEND_POSTGRES) || defined(DPM_CONTRACT_BACKEND_DUAL)
inline constexpr bool kBackendNeedsPostgres = true;
#else
inline constexpr bool kBackendNeedsPostgres = false;
#endif

// The dual-write suite's share of reads from PostgreSQL, from its environment; -1 when unset or not
// 0..100.
inline int dualReadPercent()
{
    bool ok = false;
    const int percent = qEnvironmentVariableIntValue("DPM_CONTRACT_DUAL_READ_PERCENT", &ok);
    return ok && percent >= 0 && percent <= 100 ? percent : -1;
}

// A fresh, empty database of the suite's backend: the SQLite file <name>.db in `dir`, or a new
// PostgreSQL database named after `name`; nullopt for the in-memory backend.
inline std::optional<StoreLocation> freshBackendLocation(const QTemporaryDir &dir, const QString &name)
{
#if defined(DPM_CONTRACT_BACKEND_MEMORY) || defined(DPM_CONTRACT_BACKEND_DUAL)
    Q_UNUSED(dir);
    Q_UNUSED(name);
    return std::nullopt;
#elif defined(DPM_CONTRACT_BACKEND_SQLITE) || defined(DPM_CONTRACT_BACKEND_REMOTE)
    return StoreLocation::sqlite(dir.filePath(name + QStringLiteral(".db")));
#elif defined(DPM_CONTRACT_BACKEND_POSTGRES)
    Q_UNUSED(dir);
    return PgServer::instance().createDatabase(name);
#else
#error "Define DPM_CONTRACT_BACKEND_MEMORY, _SQLITE, _POSTGRES, _REMOTE or _DUAL"
#endif
}

// A fresh store of the suite's backend with every migration applied (on PostgreSQL a copy of a
// database migrated once per process). Throws dpm::Error.
inline std::unique_ptr<SupportStore> openFreshBackendStore(const QTemporaryDir &dir, const QString &name)
{
#if defined(DPM_CONTRACT_BACKEND_REMOTE)
    return openSeededRemoteStore(openStore(*freshBackendLocation(dir, name), OpenOptions { .applyMigrations = true }));
#endif
#if defined(DPM_CONTRACT_BACKEND_DUAL)
    const int percent = dualReadPercent();
    if (percent < 0) {
        throw Error(ErrorKind::Configuration, QStringLiteral("TEST_DUAL_READ_PERCENT_MISSING"),
            QStringLiteral("Set DPM_CONTRACT_DUAL_READ_PERCENT to 0..100 (ctest does) to run the dual-write suite."));
    }
    const StoreLocation postgres = PgServer::instance().createMigratedDatabase(name);
    return openDualWrite(std::make_unique<MemoryStore>(),
        DualWriteConfig { .enabled = true, .readFromPostgresPercent = percent, .postgres = postgres });
#endif
#if defined(DPM_CONTRACT_BACKEND_POSTGRES)
    Q_UNUSED(dir);
    return openStore(PgServer::instance().createMigratedDatabase(name), OpenOptions { .applyMigrations = true });
#endif
    if (const auto location = freshBackendLocation(dir, name))
        return openStore(*location, OpenOptions { .applyMigrations = true });
    return std::make_unique<MemoryStore>();
}

// The store at `location` as it is (no migration applied), opened as the suite's backend reads it:
// on the remote backend served by dpmserve and read over HTTP, else directly. Throws dpm::Error.
inline std::unique_ptr<SupportStore> openBackendStoreAsItIs(const StoreLocation &location)
{
#if defined(DPM_CONTRACT_BACKEND_REMOTE)
    return openSeededRemoteStore(openStore(location));
#else
    return openStore(location);
#endif
}

// On the dual-write backend: why the two stores are not alike after a test (a PostgreSQL write that
// failed, rows that differ), else empty. Empty on every other backend.
inline QString dualWriteDivergence(SupportStore &store)
{
    auto *dual = storeAs<DualWriteStore>(store);
    if (!dual)
        return {};
    if (const quint64 failures = dual->figures().writeFailures)
        return QStringLiteral("%1 PostgreSQL writes failed").arg(failures);
    const ParityReport parity = verifyParity(dual->primary(), dual->postgres());
    if (parity.matches())
        return {};
    QStringList lines;
    for (const ParityMismatch &mismatch : parity.samples)
        lines << QStringLiteral("%1 %2 %3").arg(mismatch.table, mismatch.kind, mismatch.key);
    return QStringLiteral("the primary and PostgreSQL differ: ") + lines.join(QStringLiteral("; "));
}

} // namespace dpm::test

// A per-backend suite's init(): `dir` (std::unique_ptr<QTemporaryDir>) becomes a new folder and
// `store` a fresh migrated store named after `name`; the test fails when either cannot be made
// (and, in the PostgreSQL and dual-write builds, when there is no server: a failure, never a skip).
#define DPM_OPEN_FRESH_BACKEND_STORE(dir, store, name)                                                                 \
    do {                                                                                                               \
        if (::dpm::test::kBackendNeedsPostgres)                                                                        \
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

// A per-backend suite's cleanup(), before it lets go of the store: on the dual-write backend, the
// test must have left the primary and PostgreSQL alike (every write mirrored, no failure).
#define DPM_EXPECT_DUAL_WRITE_ALIKE(store)                                                                             \
    do {                                                                                                               \
        if ((store) && !QTest::currentTestFailed()) {                                                                  \
            QString divergence;                                                                                        \
            try {                                                                                                      \
                divergence = ::dpm::test::dualWriteDivergence(*(store));                                               \
            } catch (const ::dpm::Error &error) {                                                                      \
                divergence = error.toString();                                                                         \
            }                                                                                                          \
            QVERIFY2(divergence.isEmpty(), qPrintable(divergence));                                                    \
        }                                                                                                              \
    } while (false)
