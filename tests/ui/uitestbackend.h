#pragma once

// The store a page test runs on: the same test executable is run once per SQL backend with
// DPM_TEST_BACKEND=sqlite or postgres, as the per-backend suites of tests/contract are.

#include "backendstore.h"

namespace dpm::test {

inline bool uiOnPostgres()
{
    return backendIsPostgres();
}

// A new, empty database (PostgreSQL, on the throwaway server) or SQLite file in `dir`.
inline StoreLocation freshUiTestStore(const QTemporaryDir &dir, const QString &hint)
{
    if (uiOnPostgres())
        return PgServer::instance().createDatabase(hint);
    return StoreLocation::sqlite(dir.filePath(hint + QStringLiteral(".db")));
}

} // namespace dpm::test

// In initTestCase: the PostgreSQL backend needs its server (a failure in CI, never a skip).
#define DPM_UI_REQUIRE_BACKEND()                                                                                       \
    do {                                                                                                               \
        if (dpm::test::uiOnPostgres())                                                                                 \
            DPM_REQUIRE_POSTGRES();                                                                                    \
    } while (false)
