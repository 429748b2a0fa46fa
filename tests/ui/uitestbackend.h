#pragma once

// The store a page test runs on: the same test source is built once per SQL backend with
// DPM_CONTRACT_BACKEND_SQLITE or _POSTGRES. (The page tests are not yet on the run-time
// DPM_TEST_BACKEND of the per-backend suites of tests/contract; this header keeps their
// compile-time choice.)

#include "backendstore.h"

namespace dpm::test {

#if defined(DPM_CONTRACT_BACKEND_POSTGRES)
inline constexpr bool kUiOnPostgres = true;
#elif defined(DPM_CONTRACT_BACKEND_SQLITE)
inline constexpr bool kUiOnPostgres = false;
#else
#error "Define DPM_CONTRACT_BACKEND_SQLITE or _POSTGRES"
#endif

// A new, empty database (PostgreSQL, on the throwaway server) or SQLite file in `dir`.
inline StoreLocation freshUiTestStore(const QTemporaryDir &dir, const QString &hint)
{
    if (kUiOnPostgres)
        return PgServer::instance().createDatabase(hint);
    return StoreLocation::sqlite(dir.filePath(hint + QStringLiteral(".db")));
}

} // namespace dpm::test

// In initTestCase: the PostgreSQL build needs its server (a failure in CI, never a skip).
#define DPM_UI_REQUIRE_BACKEND()                                                                                       \
    do {                                                                                                               \
        if (dpm::test::kUiOnPostgres)                                                                                  \
            DPM_REQUIRE_POSTGRES();                                                                                    \
    } while (false)
