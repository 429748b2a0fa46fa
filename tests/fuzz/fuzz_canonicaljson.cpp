// libFuzzer target: the canonical JSON reader (core/domain/canonicaljson). Stored payloads are
// re-canonicalised before hashing; the canonical form must be a fixed point, and the reader may
// only fail with INVALID_JSON.
#include "domain/canonicaljson.h"
#include "domain/error.h"

#include <QByteArray>
#include <QString>

#include <cstdlib>

using namespace dpm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    parseJsonText(QString::fromUtf8(text)); // the console's lenient reader: must not crash
    QByteArray canonical;
    try {
        canonical = canonicalizeJsonText(text, [](const QString &key) { return key == QLatin1String("artifact_hash"); });
    } catch (const Error &e) {
        if (e.code() != QLatin1String("INVALID_JSON"))
            std::abort();
        return 0;
    }
    if (canonicalizeJsonText(canonical) != canonical)
        std::abort();
    // What the reader accepts is JSON: Qt's parser agrees, apart from Python's NaN and Infinity.
    if (!text.contains("NaN") && !text.contains("Infinity") && parseJsonText(QString::fromUtf8(text)).isUndefined())
        std::abort();
    return 0;
}
