#pragma once

// The store a per-backend suite runs on: one executable per suite, the backend chosen at run time
// by DPM_TEST_BACKEND (testbackend.h): memory, sqlite, postgres, remote (a SQLite store seeded
// locally and read over HTTP: tests/contract/seededremotestore.h, linked only into the suites built
// with DPM_TEST_WITH_REMOTE_BACKEND) or dual (a DualWriteStore over a memory primary and PostgreSQL,
// reading the share of the environment's DPM_CONTRACT_DUAL_READ_PERCENT from PostgreSQL).

#include "domain/error.h"
#include "pgserver.h"
#include "services/dualwriteopening.h"
#include "services/storeopening.h"
#include "services/transfer.h"
#include "store/dualwritestore.h"
#include "store/memorystore.h"
#include "testbackend.h"

#include <QTemporaryDir>

#if defined(DPM_TEST_WITH_REMOTE_BACKEND)
#include "seededremotestore.h"
#endif

#include <memory>
#include <optional>

namespace dpm::test {

inline bool backendIsPostgres()
{
    return testBackend() == TestBackend::Postgres;
}
inline bool backendNeedsPostgres()
{
    return testBackendIsOneOf(TestBackend::Postgres | TestBackend::Dual);
}

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
    switch (testBackend()) {
    case TestBackend::Memory:
    case TestBackend::Dual:
        return std::nullopt;
    case TestBackend::Sqlite:
    case TestBackend::Remote:
        return StoreLocation::sqlite(dir.filePath(name + QStringLiteral(".db")));
    case TestBackend::Postgres:
        return PgServer::instance().createDatabase(name);
    }
    return std::nullopt;
}

// The store at `local` served by dpmserve and read over HTTP (the remote backend); an error in a
// suite built without it.
inline std::unique_ptr<SupportStore> openRemoteBackendStore(std::unique_ptr<SupportStore> local)
{
#if defined(DPM_TEST_WITH_REMOTE_BACKEND)
    return openSeededRemoteStore(std::move(local));
#else
    Q_UNUSED(local);
    throw Error(ErrorKind::Configuration, QStringLiteral("TEST_BACKEND_NOT_BUILT"),
        QStringLiteral("This suite is not built with the remote backend; run it on another DPM_TEST_BACKEND."));
#endif
}

// A fresh store of the suite's backend with every migration applied (on PostgreSQL a copy of a
// database migrated once per process). Throws dpm::Error.
inline std::unique_ptr<SupportStore> openFreshBackendStore(const QTemporaryDir &dir, const QString &name)
{
    switch (testBackend()) {
    case TestBackend::Remote:
        return openRemoteBackendStore(
            openStore(*freshBackendLocation(dir, name), OpenOptions { .applyMigrations = true }));
    case TestBackend::Dual: {
        const int percent = dualReadPercent();
        if (percent < 0) {
            throw Error(ErrorKind::Configuration, QStringLiteral("TEST_DUAL_READ_PERCENT_MISSING"),
                QStringLiteral(
                    "Set DPM_CONTRACT_DUAL_READ_PERCENT to 0..100 (ctest does) to run the dual-write suite."));
        }
        const StoreLocation postgres = PgServer::instance().createMigratedDatabase(name);
        return openDualWrite(std::make_unique<MemoryStore>(),
            DualWriteConfig { .enabled = true, .readFromPostgresPercent = percent, .postgres = postgres });
    }
    case TestBackend::Postgres:
        return openStore(PgServer::instance().createMigratedDatabase(name), OpenOptions { .applyMigrations = true });
    case TestBackend::Sqlite:
        return openStore(*freshBackendLocation(dir, name), OpenOptions { .applyMigrations = true });
    case TestBackend::Memory:
        break;
    }
    return std::make_unique<MemoryStore>();
}

// The store at `location` as it is (no migration applied), opened as the suite's backend reads it:
// on the remote backend served by dpmserve and read over HTTP, else directly. Throws dpm::Error.
inline std::unique_ptr<SupportStore> openBackendStoreAsItIs(const StoreLocation &location)
{
    if (testBackend() == TestBackend::Remote)
        return openRemoteBackendStore(openStore(location));
    return openStore(location);
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
// (and, on the PostgreSQL and dual-write backends, when there is no server: a failure, never a skip).
#define DPM_OPEN_FRESH_BACKEND_STORE(dir, store, name)                                                                 \
    do {                                                                                                               \
        if (::dpm::test::backendNeedsPostgres())                                                                       \
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
