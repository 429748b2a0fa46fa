// libFuzzer target: the store-location parser (core/store/storelocation). Whatever a person
// types must parse or throw STORE_LOCATION_INVALID; the secret-free text the console saves must
// parse again to the same location; an inline password never shows in the redacted text.
#include "domain/error.h"
#include "store/storelocation.h"

#include <QDebug>
#include <QRegularExpression>
#include <QString>

#include <cstdlib>

using namespace dpm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    redactSecrets(text);
    StoreLocation location;
    try {
        location = StoreLocation::parse(text);
    } catch (const Error &e) {
        if (e.code() != QLatin1String("STORE_LOCATION_INVALID"))
            std::abort();
        return 0;
    }
    const QString redacted = location.redacted();
    const QString password = location.libpqParameter(QStringLiteral("password"));
    // Only a password long enough not to occur by chance in the other parts is checked.
    // The scheme itself ("postgresql://") is no leak of a password "postgres".
    const QString afterScheme = redacted.mid(redacted.indexOf(QLatin1String("://")) + 3);
    if (password.size() >= 8 && afterScheme.contains(password)) {
        bool elsewhere = false;
        const auto &parameters = location.libpqParameters();
        for (auto it = parameters.cbegin(); it != parameters.cend(); ++it)
            elsewhere = elsewhere || (it.key() != QLatin1String("password") && (it.value().contains(password) || it.key().contains(password)));
        if (!elsewhere)
            std::abort();
    }
    // What the console saves (withoutSecrets) must read back as the same location, whatever
    // the values hold, except what no connection string carries: control characters (libpq's
    // values are C strings) and Unicode noncharacters (QUrl replaces them when decoding).
    const auto unsaveable = [](const QString &text) {
        for (const char32_t c : text.toUcs4()) {
            if (c < 0x20 || c == 0x7f || (c & 0xfffe) == 0xfffe || (c >= 0xfdd0 && c <= 0xfdef))
                return true;
        }
        return false;
    };
    for (auto it = location.libpqParameters().cbegin(); it != location.libpqParameters().cend(); ++it) {
        if (unsaveable(it.key()) || unsaveable(it.value()))
            return 0;
    }
    try {
        const StoreLocation again = StoreLocation::parse(location.withoutSecrets());
        // libpq treats an empty value as an absent one.
        // A URL's host reads back in lower case: host names are case-insensitive.
        const auto meaningful = [](QMap<QString, QString> parameters) {
            parameters.removeIf([](const auto &it) { return it.value().isEmpty(); });
            if (parameters.contains(QStringLiteral("host")))
                parameters[QStringLiteral("host")] = parameters.value(QStringLiteral("host")).toLower();
            return parameters;
        };
        auto expected = meaningful(location.libpqParameters());
        expected.removeIf([](const auto &it) { return it.key().contains(QLatin1String("password")); });
        if (again.backend() != location.backend() || again.sqlitePath() != location.sqlitePath()
            || meaningful(again.libpqParameters()) != expected) {
            qWarning() << "saved as" << location.withoutSecrets() << "which reads back as" << again.libpqParameters()
                       << again.sqlitePath() << "instead of" << expected << location.sqlitePath();
            std::abort();
        }
    } catch (const Error &e) {
        qWarning() << "saved as" << location.withoutSecrets() << "which does not parse:" << e.message();
        std::abort();
    }
    return 0;
}
