#pragma once

#include "domain/error.h"

namespace dpm {

// A page limit below 1 is the caller's mistake (INVALID_LIMIT), on every store's listings.
inline void requirePageLimit(int limit)
{
    if (limit < 1) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_LIMIT"),
            QStringLiteral("The page limit %1 is invalid; ask for at least one row.").arg(limit));
    }
}

} // namespace dpm
