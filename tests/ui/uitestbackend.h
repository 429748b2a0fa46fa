#pragma once

// The store a page test runs on: the same test source is built once per SQL backend
// (DPM_UI_BACKEND_POSTGRES for the PostgreSQL build, SQLite otherwise).

#include "pgserver.h"
#include "store/storelocation.h"

#include <QTemporaryDir>

namespace dpm::test {

#if defined(DPM_UI_BACKEND_POSTGRES)
inline constexpr bool kUiOnPostgres = true;
#else
inline constexpr bool kUiOnPostgres = false;
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
