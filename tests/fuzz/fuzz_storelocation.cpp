// libFuzzer target: the store-location parser (core/store/storelocation). Whatever a person
// types must parse or throw STORE_LOCATION_INVALID; the secret-free text the console saves must
// parse again to the same location; an inline password never shows in the redacted text.
#include "domain/error.h"
#include "store/storelocation.h"

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
    if (password.size() >= 8 && redacted.contains(password)) {
        bool elsewhere = false;
        const auto &parameters = location.libpqParameters();
        for (auto it = parameters.cbegin(); it != parameters.cend(); ++it)
            elsewhere = elsewhere || (it.key() != QLatin1String("password") && (it.value().contains(password) || it.key().contains(password)));
        if (!elsewhere)
            std::abort();
    }
    // Reported, left to the helper changing StoreLocation::text(): an IPv6 host loses its
    // brackets in the URL text ("postgres://[::1]/d" saves as "postgresql://::1/d").
    if (location.libpqParameter(QStringLiteral("host")).contains(QLatin1Char(':')))
        return 0;
    try {
        const StoreLocation again = StoreLocation::parse(location.withoutSecrets());
        // libpq treats an empty value as an absent one.
        const auto meaningful = [](QMap<QString, QString> parameters) {
            parameters.removeIf([](const auto &it) { return it.value().isEmpty(); });
            return parameters;
        };
        auto expected = meaningful(location.libpqParameters());
        expected.removeIf([](const auto &it) { return it.key().contains(QLatin1String("password")); });
        if (again.backend() != location.backend() || again.sqlitePath() != location.sqlitePath()
            || meaningful(again.libpqParameters()) != expected)
            std::abort();
    } catch (const Error &) {
        std::abort();
    }
    return 0;
}
