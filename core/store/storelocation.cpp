#include "storelocation.h"

#include "domain/error.h"

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <optional>

namespace dpm {

namespace {

[[noreturn]] void invalidLocation(const QString &why)
{
    throw Error(ErrorKind::Configuration, QStringLiteral("STORE_LOCATION_INVALID"),
        QStringLiteral("%1. Use memory:, sqlite:PATH, postgresql://user@host/db, a libpq "
                       "string such as \"host=… dbname=…\" or \"service=name\", or a server's http(s)://host:port.")
            .arg(why));
}

// libpq's key=value syntax: values may be single-quoted, with \' and \\ escapes inside.
QMap<QString, QString> parseKeyValueDsn(const QString &text)
{
    QMap<QString, QString> out;
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto skipSpace = [&] {
        while (i < n && text.at(i).isSpace())
            ++i;
    };
    while (true) {
        skipSpace();
        if (i >= n)
            break;
        const qsizetype keyStart = i;
        while (i < n && text.at(i) != QLatin1Char('=') && !text.at(i).isSpace())
            ++i;
        const QString key = text.mid(keyStart, i - keyStart);
        skipSpace();
        if (key.isEmpty() || i >= n || text.at(i) != QLatin1Char('='))
            invalidLocation(QStringLiteral("The connection string is missing \"=\" after \"%1\"").arg(key));
        // libpq's keywords are words; anything else is a URL or a foreign format read as one.
        static const QRegularExpression keyword(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        if (!keyword.match(key).hasMatch())
            invalidLocation(QStringLiteral("\"%1\" is not a libpq keyword").arg(key));
        ++i;
        skipSpace();
        QString value;
        if (i < n && text.at(i) == QLatin1Char('\'')) {
            ++i;
            bool closed = false;
            while (i < n) {
                const QChar c = text.at(i++);
                if (c == QLatin1Char('\\') && i < n) {
                    value += text.at(i++);
                } else if (c == QLatin1Char('\'')) {
                    closed = true;
                    break;
                } else {
                    value += c;
                }
            }
            if (!closed)
                invalidLocation(QStringLiteral("The value of \"%1\" has an unterminated quote").arg(key));
        } else {
            while (i < n && !text.at(i).isSpace()) {
                const QChar c = text.at(i++);
                if (c == QLatin1Char('\\') && i < n)
                    value += text.at(i++);
                else
                    value += c;
            }
        }
        out.insert(key.toLower(), value);
    }
    return out;
}

QMap<QString, QString> parseSingleHostUri(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        invalidLocation(QStringLiteral("The PostgreSQL URL is not valid"));
    QMap<QString, QString> out;
    if (!url.host().isEmpty())
        out.insert(QStringLiteral("host"), url.host());
    if (url.port() != -1)
        out.insert(QStringLiteral("port"), QString::number(url.port()));
    if (!url.userName().isEmpty())
        out.insert(QStringLiteral("user"), url.userName(QUrl::FullyDecoded));
    if (!url.password().isEmpty())
        out.insert(QStringLiteral("password"), url.password(QUrl::FullyDecoded));
    const QString db = url.path(QUrl::FullyDecoded).mid(1);
    if (!db.isEmpty())
        out.insert(QStringLiteral("dbname"), db);
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        out.insert(key.toLower(), value);
    return out;
}

// One "host[:port]" of a URL's host list: the host as QUrl decodes it (an IPv6 address without
// its brackets) and the port ("" when not given).
std::pair<QString, QString> parseHostEntry(const QString &entry)
{
    QString host = entry;
    QString port;
    const qsizetype colon = entry.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0 && colon > entry.lastIndexOf(QLatin1Char(']'))) {
        host = entry.left(colon);
        port = entry.mid(colon + 1);
    }
    static const QRegularExpression digits(QStringLiteral("^\\d{1,5}$"));
    if (!port.isEmpty() && !digits.match(port).hasMatch())
        invalidLocation(QStringLiteral("A port of the PostgreSQL URL's host list is not a number"));
    if (host.isEmpty())
        return { QString(), port }; // libpq's default host (its socket directory)
    const QUrl url(QStringLiteral("postgresql://") + host + QStringLiteral("/"), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        invalidLocation(QStringLiteral("A host of the PostgreSQL URL's host list is not valid"));
    return { url.host(), port };
}

// libpq's URLs may name several servers, "postgresql://h1:5432,h2:5433/db" (tried in order,
// with target_session_attrs choosing among them); QUrl takes one host, so the list is read here
// and the rest of the URL by QUrl, as "host=h1,h2 port=5432,5433".
QMap<QString, QString> parsePostgresUri(const QString &text)
{
    const qsizetype authorityStart = text.indexOf(QLatin1String("://")) + 3;
    qsizetype authorityEnd = text.size();
    for (const QChar stop : { QLatin1Char('/'), QLatin1Char('?'), QLatin1Char('#') }) {
        const qsizetype at = text.indexOf(stop, authorityStart);
        if (at >= 0)
            authorityEnd = std::min(authorityEnd, at);
    }
    const QString authority = text.mid(authorityStart, authorityEnd - authorityStart);
    const qsizetype hostStart = authority.lastIndexOf(QLatin1Char('@')) + 1;
    const QString hostList = authority.mid(hostStart);
    if (!hostList.contains(QLatin1Char(',')))
        return parseSingleHostUri(text);
    static const QString standIn = QStringLiteral("host-list.invalid");
    QMap<QString, QString> out = parseSingleHostUri(
        text.left(authorityStart) + authority.left(hostStart) + standIn + text.mid(authorityEnd));
    QStringList hosts;
    QStringList ports;
    for (const QString &entry : hostList.split(QLatin1Char(','))) {
        const auto [host, port] = parseHostEntry(entry);
        hosts << host;
        ports << port;
    }
    // A host or port in the query wins, as it does for a single host.
    if (out.value(QStringLiteral("host")) == standIn)
        out.insert(QStringLiteral("host"), hosts.join(QLatin1Char(',')));
    const bool anyPort = std::any_of(ports.cbegin(), ports.cend(), [](const QString &p) { return !p.isEmpty(); });
    if (anyPort && !out.contains(QStringLiteral("port")))
        out.insert(QStringLiteral("port"), ports.join(QLatin1Char(',')));
    return out;
}

bool looksLikeSqliteFile(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral(R"(\.(db|sqlite|sqlite3)$)"), QRegularExpression::CaseInsensitiveOption);
    return re.match(text).hasMatch() && !text.contains(QLatin1Char('='));
}

} // namespace

StoreLocation StoreLocation::memory()
{
    return {};
}

StoreLocation StoreLocation::sqlite(const QString &path)
{
    if (path.trimmed().isEmpty())
        invalidLocation(QStringLiteral("The SQLite location has no file path"));
    StoreLocation location;
    location.m_backend = StoreBackend::Sqlite;
    location.m_sqlitePath = path;
    return location;
}

StoreLocation StoreLocation::postgres(QMap<QString, QString> libpqParameters)
{
    StoreLocation location;
    location.m_backend = StoreBackend::Postgres;
    location.m_libpq = std::move(libpqParameters);
    return location;
}

QStringList StoreLocation::remoteOptionNames()
{
    return { QStringLiteral("token"), QStringLiteral("token_file"), QStringLiteral("ca_file"),
        QStringLiteral("connect_timeout"), QStringLiteral("transfer_timeout") };
}

StoreLocation StoreLocation::remote(const QString &baseUrl, QMap<QString, QString> options)
{
    const QUrl url(baseUrl, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) || url.host().isEmpty())
        invalidLocation(QStringLiteral("A server location is http://host:port or https://host:port"));
    // A password in the URL would end up in the recent stores; the token has its own option.
    if (!url.userInfo().isEmpty())
        invalidLocation(QStringLiteral("A server location carries no user or password; give the token with "
                                       "token_file=PATH or at the prompt"));
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        if (!remoteOptionNames().contains(it.key()))
            invalidLocation(QStringLiteral("\"%1\" is not an option of a server location (%2)")
                                .arg(it.key(), remoteOptionNames().join(QStringLiteral(", "))));
    }
    StoreLocation location;
    location.m_backend = StoreBackend::Remote;
    QUrl base = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    location.m_remoteUrl = base.toString(QUrl::FullyEncoded);
    location.m_remoteOptions = std::move(options);
    return location;
}

StoreLocation StoreLocation::parse(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        invalidLocation(QStringLiteral("The store location is empty"));
    if (text == QLatin1String("memory:") || text == QLatin1String("memory") || text == QLatin1String("memory://"))
        return memory();
    if (text.startsWith(QLatin1String("sqlite:"), Qt::CaseInsensitive)) {
        QString path = text.mid(7);
        if (path.startsWith(QLatin1String("//")))
            path = path.mid(2);
        return sqlite(path);
    }
    if (text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
        || text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive))
        return postgres(parsePostgresUri(text));
    if (text.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        || text.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)) {
        const QUrl url(text, QUrl::StrictMode);
        QMap<QString, QString> options;
        for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
            options.insert(key.toLower(), value);
        return remote(text, options);
    }
    // Any other scheme (a typo, JDBC, another database) is named without the rest of the text.
    if (text.startsWith(QLatin1String("jdbc:"), Qt::CaseInsensitive))
        invalidLocation(QStringLiteral("A JDBC URL is not a libpq location"));
    static const QRegularExpression scheme(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]+):/"));
    if (const auto match = scheme.match(text); match.hasMatch()) {
        const QString name = match.captured(1).toLower();
        if (name == QLatin1String("postgresql") || name == QLatin1String("postgres"))
            invalidLocation(QStringLiteral("A PostgreSQL URL starts with \"%1://\" (two slashes)").arg(name));
        invalidLocation(QStringLiteral("\"%1:\" is not a scheme the console opens").arg(match.captured(1)));
    }
    if (text.contains(QLatin1Char('=')))
        return postgres(parseKeyValueDsn(text));
    if (looksLikeSqliteFile(text))
        return sqlite(text);
    invalidLocation(QStringLiteral("\"%1\" is not a store location").arg(text));
}

std::optional<StoreLocation> StoreLocation::fromEnvironment(const QProcessEnvironment &env)
{
    const QString backendText = env.value(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND")).trimmed();
    if (backendText.isEmpty())
        return std::nullopt;
    const auto backend = storeBackendFromWire(backendText);
    if (!backend) {
        throw Error(ErrorKind::Configuration, QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND_UNSUPPORTED"),
            QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND=%1 is not a backend; use IN_MEMORY, "
                           "SQL (or SQLITE) or POSTGRES.")
                .arg(backendText));
    }
    switch (*backend) {
    case StoreBackend::InMemory:
        return memory();
    case StoreBackend::Remote: // not one of the service's values: storeBackendFromWire never gives it
        break;
    case StoreBackend::Sqlite: {
        QString path = env.value(QStringLiteral("DPM_SUPPORTABILITY_SQL_PATH")).trimmed();
        if (path.isEmpty())
            path = env.value(QStringLiteral("DPM_SUPPORTABILITY_SQLITE_PATH")).trimmed();
        if (path.isEmpty())
            path = QStringLiteral(".data/dpm_supportability.db");
        return sqlite(path);
    }
    case StoreBackend::Postgres: {
        const QString dsn = env.value(QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN")).trimmed();
        if (dsn.isEmpty()) {
            throw Error(ErrorKind::Configuration, QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN_REQUIRED"),
                QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND is POSTGRES but "
                               "DPM_SUPPORTABILITY_POSTGRES_DSN is empty; set it to a PostgreSQL "
                               "URL or libpq connection string."));
        }
        const StoreLocation location = parse(dsn);
        if (location.backend() != StoreBackend::Postgres) {
            throw Error(ErrorKind::Configuration, QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN_REQUIRED"),
                QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN does not name a PostgreSQL database; "
                               "set it to a postgresql:// URL or a libpq connection string."));
        }
        return location;
    }
    }
    return std::nullopt;
}

std::optional<StoreLocation> StoreLocation::proposalStoreFromEnvironment(const QProcessEnvironment &env)
{
    const QString backendText = env.value(QStringLiteral("PROPOSAL_STORE_BACKEND")).trimmed().toUpper();
    if (backendText.isEmpty() || backendText == QLatin1String("IN_MEMORY"))
        return std::nullopt;
    if (backendText != QLatin1String("POSTGRES")) {
        throw Error(ErrorKind::Configuration, QStringLiteral("PROPOSAL_STORE_BACKEND_UNSUPPORTED"),
            QStringLiteral("PROPOSAL_STORE_BACKEND=%1 is not a backend of the proposal store; use IN_MEMORY or "
                           "POSTGRES.")
                .arg(env.value(QStringLiteral("PROPOSAL_STORE_BACKEND")).trimmed()));
    }
    const QString dsn = env.value(QStringLiteral("PROPOSAL_POSTGRES_DSN")).trimmed();
    const std::optional<StoreLocation> location = dsn.isEmpty() ? std::nullopt : std::optional(parse(dsn));
    if (!location || location->backend() != StoreBackend::Postgres) {
        throw Error(ErrorKind::Configuration, QStringLiteral("PROPOSAL_POSTGRES_DSN_REQUIRED"),
            QStringLiteral("PROPOSAL_STORE_BACKEND is POSTGRES but PROPOSAL_POSTGRES_DSN does not name a PostgreSQL "
                           "database; set it to a postgresql:// URL or a libpq connection string."));
    }
    return location;
}

StoreLocation StoreLocation::withProposalStore(const std::optional<StoreLocation> &proposals) const
{
    StoreLocation copy = withoutProposalStore();
    // Compared without secrets: the same database given once with and once without a password
    // is still one store.
    if (proposals && proposals->withoutProposalStore().withoutSecrets() != copy.withoutSecrets())
        copy.m_proposals = std::make_shared<const StoreLocation>(proposals->withoutProposalStore());
    return copy;
}

StoreLocation StoreLocation::withoutProposalStore() const
{
    StoreLocation copy = *this;
    copy.m_proposals.reset();
    return copy;
}

namespace {

// The host as it can stand in a URL's authority so that parsing gives it back (an IPv6 address
// in brackets); empty when it cannot stand there. Asks QUrl itself rather than guessing its rules.
QString urlAuthorityHost(const QString &host)
{
    if (host.isEmpty())
        return {};
    for (const QString &candidate : { host, QString(QLatin1Char('[') + host + QLatin1Char(']')) }) {
        const QUrl url(QStringLiteral("postgresql://") + candidate + QStringLiteral("/"), QUrl::StrictMode);
        if (url.isValid() && url.host().compare(host, Qt::CaseInsensitive) == 0)
            return candidate;
    }
    return {};
}

// A host list with its ports as a URL's authority ("h1:5432,h2"), when every host and port reads
// back unchanged; empty when one cannot (a socket directory, a port list of another length).
QString urlAuthorityHostList(const QString &hosts, const std::optional<QString> &ports)
{
    static const QRegularExpression digits(QStringLiteral("^\\d{1,5}$"));
    const QStringList hostList = hosts.split(QLatin1Char(','));
    const QStringList portList = ports ? ports->split(QLatin1Char(',')) : QStringList();
    // libpq's single port for every host, or a list of empty ports, would not read back as given.
    if (ports && (portList.size() != hostList.size() || ports->count(QLatin1Char(',')) == ports->size()))
        return {};
    QStringList entries;
    for (qsizetype i = 0; i < hostList.size(); ++i) {
        QString entry = urlAuthorityHost(hostList.at(i));
        if (entry.isEmpty() || entry.contains(QLatin1Char(',')))
            return {};
        if (ports && !portList.at(i).isEmpty()) {
            if (!digits.match(portList.at(i)).hasMatch())
                return {};
            entry += QLatin1Char(':') + portList.at(i);
        }
        entries << entry;
    }
    return entries.join(QLatin1Char(','));
}

} // namespace

QString StoreLocation::redacted() const
{
    // Masked by key above; the free text of other values ("options=-c password=…") here.
    return redactSecrets(text(true));
}

QString StoreLocation::text(bool maskSecrets) const
{
    switch (m_backend) {
    case StoreBackend::InMemory:
        return QStringLiteral("memory:");
    case StoreBackend::Sqlite:
        // parse() drops the "//" of "sqlite://PATH": a path that starts with "//" keeps its own.
        return QStringLiteral("sqlite:")
            + (m_sqlitePath.startsWith(QLatin1String("//")) ? QStringLiteral("//") + m_sqlitePath : m_sqlitePath);
    case StoreBackend::Postgres:
        break;
    case StoreBackend::Remote: {
        QStringList query;
        for (auto it = m_remoteOptions.cbegin(); it != m_remoteOptions.cend(); ++it) {
            // The token is left out of every text for people, not even masked.
            if (it.key() == QLatin1String("token") && maskSecrets)
                continue;
            query << it.key() + QLatin1Char('=') + QString::fromUtf8(QUrl::toPercentEncoding(it.value(), "/:"));
        }
        return query.isEmpty() ? m_remoteUrl : m_remoteUrl + QLatin1Char('?') + query.join(QLatin1Char('&'));
    }
    }
    QString out = QStringLiteral("postgresql://");
    const QString user = m_libpq.value(QStringLiteral("user"));
    if (!user.isEmpty()) {
        out += QString::fromUtf8(QUrl::toPercentEncoding(user));
        if (m_libpq.contains(QStringLiteral("password")))
            out += QStringLiteral(":***");
        out += QLatin1Char('@');
    }
    const QString host = m_libpq.value(QStringLiteral("host"));
    const QString port = m_libpq.value(QStringLiteral("port"));
    const bool hasPort = m_libpq.contains(QStringLiteral("port"));
    bool hostInQuery = !host.isEmpty();
    bool portInQuery = hasPort;
    static const QRegularExpression digits(QStringLiteral("^\\d{1,5}$"));
    if (host.contains(QLatin1Char(','))) {
        // A host list stands in the authority as libpq writes it, "h1:5432,h2:5433".
        const QString hostList = urlAuthorityHostList(host, hasPort ? std::optional(port) : std::nullopt);
        if (!hostList.isEmpty()) {
            out += hostList;
            hostInQuery = portInQuery = false;
        }
    } else {
        // Only a host the URL reads back unchanged sits in the authority; any other (a socket
        // directory, a name QUrl would read as an IPv4 number) goes to the query.
        const QString authorityHost = urlAuthorityHost(host);
        hostInQuery = !host.isEmpty() && authorityHost.isEmpty();
        out += authorityHost;
        // A port list ("5432,5433", one per host) cannot stand after one host.
        portInQuery = hasPort && (hostInQuery || !digits.match(port).hasMatch());
        if (hasPort && !portInQuery)
            out += QLatin1Char(':') + port;
    }
    out += QLatin1Char('/') + QString::fromUtf8(QUrl::toPercentEncoding(m_libpq.value(QStringLiteral("dbname"))));
    QStringList query;
    for (auto it = m_libpq.cbegin(); it != m_libpq.cend(); ++it) {
        static const QStringList inAuthority { QStringLiteral("user"), QStringLiteral("password"),
            QStringLiteral("dbname") };
        if (inAuthority.contains(it.key()) || (it.key() == QLatin1String("host") && !hostInQuery)
            || (it.key() == QLatin1String("port") && !portInQuery))
            continue;
        // Anything that may carry a secret is masked, whatever its spelling.
        const bool secret = it.key().contains(QLatin1String("password")) || it.key() == QLatin1String("sslpassword")
            || it.key() == QLatin1String("sslkey");
        // Encoded so that it reads back as it was ("application_name=my app", "options=-c a&b").
        // A password inside another value ("options=-c password=…") is masked before encoding
        // hides its "=" from redactSecrets.
        const QString value = secret && maskSecrets ? QStringLiteral("***")
            : QString::fromUtf8(QUrl::toPercentEncoding(
                maskSecrets ? redactSecrets(it.value()) : it.value(), QByteArrayLiteral("/:,@*")));
        query << QString::fromUtf8(QUrl::toPercentEncoding(it.key())) + QLatin1Char('=') + value;
    }
    if (!query.isEmpty())
        out += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return out;
}

QString StoreLocation::withoutSecrets() const
{
    StoreLocation copy = *this;
    copy.m_remoteOptions.remove(QStringLiteral("token"));
    for (auto it = copy.m_libpq.begin(); it != copy.m_libpq.end();) {
        if (it.key().contains(QLatin1String("password")))
            it = copy.m_libpq.erase(it);
        else
            ++it;
    }
    return copy.text(false);
}

StoreLocation StoreLocation::withPassword(const QString &password) const
{
    StoreLocation copy = *this;
    if (copy.m_backend == StoreBackend::Postgres)
        copy.m_libpq.insert(QStringLiteral("password"), password);
    else if (copy.m_backend == StoreBackend::Remote)
        copy.m_remoteOptions.insert(QStringLiteral("token"), password);
    return copy;
}

QString embeddedDefaultStorePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("dpm_supportability.db"));
}

ResolvedLocation resolveStoreLocation(const std::optional<QString> &explicitLocation, const QProcessEnvironment &env,
    const std::optional<QString> &explicitProposalLocation)
{
    ResolvedLocation resolved;
    if (explicitLocation) {
        resolved.location = StoreLocation::parse(*explicitLocation);
    } else if (auto fromEnv = StoreLocation::fromEnvironment(env)) {
        resolved.location = *fromEnv;
        // The service's own pair of databases: proposals from PROPOSAL_POSTGRES_DSN. Not for a
        // --store given by hand, which names the one store the person means.
        if (!explicitProposalLocation)
            resolved.location = resolved.location.withProposalStore(StoreLocation::proposalStoreFromEnvironment(env));
    } else {
        resolved = { StoreLocation::sqlite(embeddedDefaultStorePath()), true };
    }
    if (explicitProposalLocation)
        resolved.location = resolved.location.withProposalStore(StoreLocation::parse(*explicitProposalLocation));
    return resolved;
}

} // namespace dpm
