// libFuzzer target: the keyset cursor decoder (core/domain/cursor). Any text may arrive from a
// client; decoding it must either give a cursor or throw INVALID_CURSOR, and a console cursor
// must survive a re-encoding unchanged.
#include "domain/cursor.h"
#include "domain/error.h"

#include <QString>

#include <cstdlib>

using namespace dpm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const auto listing :
        { CursorListing::Runs, CursorListing::Operations, CursorListing::Decisions, CursorListing::AuditLog,
            CursorListing::Proposals }) {
        try {
            const auto cursor = decodeCursor(listing, text);
            if (!cursor || cursor->isLegacy())
                continue;
            const auto again = decodeCursor(listing, encodeCursor(listing, *cursor->sortKey, cursor->id));
            if (!again || again->sortKey != cursor->sortKey || again->id != cursor->id)
                std::abort();
        } catch (const Error &e) {
            if (e.code() != QLatin1String("INVALID_CURSOR"))
                std::abort();
        }
    }
    return 0;
}
