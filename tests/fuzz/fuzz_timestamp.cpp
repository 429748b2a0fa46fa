// libFuzzer target: the timestamp parser (core/domain/timestamp). A normalised timestamp must be
// a fixed point of normalisation and agree with the microsecond path the demo generator uses.
#include "domain/error.h"
#include "domain/timestamp.h"

#include <QString>

#include <cstdlib>

using namespace dpm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString normal;
    try {
        normal = normalizeTimestamp(text);
    } catch (const Error &e) {
        if (e.code() != QLatin1String("INVALID_TIMESTAMP") || timestampMicros(text) || parseTimestamp(text).isValid())
            std::abort();
        return 0;
    }
    if (normalizeTimestamp(normal) != normal || !parseTimestamp(normal).isValid())
        std::abort();
    const auto micros = timestampMicros(text);
    if (!micros || formatTimestampMicros(*micros) != normal || timestampMicros(normal) != micros)
        std::abort();
    // A purge cut-off a day earlier is a timestamp, or INVALID_TIMESTAMP before the year 1.
    try {
        if (!timestampMicros(addSecondsToTimestamp(normal, -86400)))
            std::abort();
    } catch (const Error &e) {
        if (e.code() != QLatin1String("INVALID_TIMESTAMP") || !normal.startsWith(QLatin1String("0001-01-0")))
            std::abort();
    }
    return 0;
}
