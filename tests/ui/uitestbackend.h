#pragma once

// The store a page test runs on: the same test source is built once per SQL backend with
// DPM_CONTRACT_BACKEND_SQLITE or _POSTGRES, as the per-backend suites of tests/contract are.

#include "backendstore.h"

namespace dpm::test {

inline constexpr bool kUiOnPostgres = kBackendIsPostgres;

// A new, empty database (PostgreSQL, on the throwaway server) or SQLite file in `dir`.
inline StoreLocation freshUiTestStore(const QTemporaryDir &dir, const QString &hint)
{
    return *freshBackendLocation(dir, hint);
}

} // namespace dpm::test

// In initTestCase: the PostgreSQL build needs its server (a failure in CI, never a skip).
#define DPM_UI_REQUIRE_BACKEND()                                                                                       \
    do {                                                                                                               \
        if (dpm::test::kUiOnPostgres)                                                                                  \
            DPM_REQUIRE_POSTGRES();                                                                                    \
    } while (false)
