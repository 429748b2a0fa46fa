#include "apiserver.h"

#include "apiserverparts.h"
#include "apishapes.h"
#include "connectionthreads.h"
#include "domain/error.h"
#include "services/persistenceprofile.h"
#include "services/storeopening.h"
#include "services/storestatus.h"
#include "services/summaryposture.h"
#include "store/supportstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>

#include <httplib.h>
#include <openssl/crypto.h>

#include <chrono>
#include <cstdio>

#include <sys/socket.h>

namespace dpm::serve {

namespace {


const QString kPrefix = QStringLiteral("/api/v1");
constexpr int kListenBacklog = 1024;
constexpr size_t kMaxDroppedBodyBytes = 32 * 1024 * 1024;
constexpr int kReadyTimeoutMs = 5000; // http-api.md §6: ready when the store answers within 5 s
const QStringList kHealthPaths { QStringLiteral("/health"), QStringLiteral("/health/live"),
    QStringLiteral("/health/ready"), QStringLiteral("/metrics") };
// Headers httplib adds to every request itself: not the client's bytes.
const QList<std::string> kInjectedHeaders { "REMOTE_ADDR", "REMOTE_PORT", "LOCAL_ADDR", "LOCAL_PORT" };

QString reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("Bad Request");
    case 413:
        return QStringLiteral("Request Entity Too Large");
    case 414:
        return QStringLiteral("Request-URI Too Long");
    case 416:
        return QStringLiteral("Range Not Satisfiable");
    case 431:
        return QStringLiteral("Request Header Fields Too Large");
    case 404:
        return QStringLiteral("Not Found");
    case 405:
        return QStringLiteral("Method Not Allowed");
    default:
        return QStringLiteral("Error");
    }
}

QString randomHex12()
{
    const quint64 value = QRandomGenerator::global()->generate64();
    return QStringLiteral("%1").arg(value & 0xffffffffffffULL, 12, 16, QLatin1Char('0'));
}

// An id a client sent, as echoed and logged: bounded, without control characters.
QString clientId(const httplib::Request &request, const char *header)
{
    QString value = QString::fromStdString(request.get_header_value(header)).left(128);
    value.removeIf([](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
    return value;
}

QByteArray rawQuery(const httplib::Request &request)
{
    const QByteArray target = QByteArray::fromStdString(request.target);
    const qsizetype mark = target.indexOf('?');
    return mark < 0 ? QByteArray() : target.mid(mark + 1);
}

} // namespace

QByteArray detailBytes(const QJsonValue &detail)
{
    return apiJsonBytes(QJsonObject { { QStringLiteral("detail"), detail } }, &shapes::detail);
}

// The service's answer to an unhandled failure (RFC 7807 problem+json).
QByteArray problemBytes(const QString &path, const QString &correlationId)
{
    return apiJsonBytes(QJsonObject { { QStringLiteral("type"), QStringLiteral("about:blank") },
                            { QStringLiteral("title"), QStringLiteral("Internal Server Error") },
                            { QStringLiteral("status"), 500 },
                            { QStringLiteral("detail"), QStringLiteral("An unexpected error occurred.") },
                            { QStringLiteral("instance"), path }, { QStringLiteral("correlation_id"), correlationId } },
        &shapes::problem);
}

// logfmt: a bare value when it is plain, else quoted with \" \\ and control characters escaped.
void appendLogField(QByteArray &line, const char *key, const QString &value)
{
    line += ' ';
    line += key;
    line += '=';
    const QByteArray bytes = value.toUtf8();
    const bool plain = !bytes.isEmpty() && std::all_of(bytes.cbegin(), bytes.cend(), [](char c) {
        return static_cast<unsigned char>(c) > 0x20 && c != '"' && c != '=' && c != '\\' && c != 0x7f;
    });
    if (plain) {
        line += bytes;
        return;
    }
    line += '"';
    for (const char c : bytes) {
        if (c == '"' || c == '\\') {
            line += '\\';
            line += c;
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            line += "\\x" + QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
        } else {
            line += c;
        }
    }
    line += '"';
}

bool isLoopbackAddress(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

ApiServer::ApiServer(SupportStore &store, ServeOptions options)
    : m_store(std::shared_ptr<SupportStore>(&store, [](SupportStore *) { }), m_queryMetrics)
    , m_options(std::move(options))
{
    m_settings.environment = m_options.environment;
    m_settings.retentionDays = retentionDaysFromEnvironment(m_options.environment);
    m_settings.workflow = workflowSettingsFromEnvironment(m_options.environment);
    m_settings.pool = [this] { return StorePool { m_storePool.maxThreadCount(), m_storeActive.load() }; };
    m_settings.readOnlyReplica = m_options.readOnlyReplica;
    if (m_options.readOnlyReplica && readOnlyNotice(store).isEmpty()) {
        throw Error(ErrorKind::Configuration, QStringLiteral("SERVE_STORE_NOT_READ_ONLY"),
            QStringLiteral("--read-only-replica needs a store that cannot be changed from here, and %1 can; point "
                           "--store at a PostgreSQL hot standby (target_session_attrs=standby) or leave the flag out.")
                .arg(store.describe()));
    }
    for (const QString &token : std::as_const(m_options.tokens))
        m_tokenDigests.append(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256));
    m_storePool.setMaxThreadCount(std::max(1, m_options.storeThreads));
    m_storePool.setExpiryTimeout(-1); // a worker keeps its connection for the server's life
    if (!m_options.log)
        m_options.log = [](const QByteArray &line) {
            std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
            std::fputc('\n', stderr);
            std::fflush(stderr);
        };

    if (m_options.tlsCertificate.isEmpty() != m_options.tlsKey.isEmpty()) {
        throw Error(ErrorKind::Configuration, QStringLiteral("SERVE_TLS_INVALID"),
            QStringLiteral("TLS needs both --tls-cert and --tls-key; give both, or neither."));
    }
    if (!m_options.tlsCertificate.isEmpty()) {
        auto server = std::make_unique<httplib::SSLServer>(
            m_options.tlsCertificate.toLocal8Bit().constData(), m_options.tlsKey.toLocal8Bit().constData());
        if (!server->is_valid()) {
            throw Error(ErrorKind::Configuration, QStringLiteral("SERVE_TLS_INVALID"),
                QStringLiteral("The TLS certificate %1 or key %2 cannot be loaded; check that both are readable "
                               "PEM files that belong together.")
                    .arg(m_options.tlsCertificate, m_options.tlsKey));
        }
        m_server = std::move(server);
    } else {
        m_server = std::make_unique<httplib::Server>();
    }

    httplib::Server &server = *m_server;
    server.new_task_queue = [this] { return new ConnectionThreads(m_options.maxConnections, m_openConnections, m_port); };
    server.set_keep_alive_timeout(m_options.keepAliveTimeoutSec);
    server.set_keep_alive_max_count(1000);
    server.set_read_timeout(m_options.readTimeoutSec);
    server.set_write_timeout(m_options.readTimeoutSec);
    server.set_payload_max_length(size_t(m_options.maxBodyBytes));
    // httplib writes the headers and the body separately: with Nagle on, a keep-alive client's
    // delayed ACK holds every answer for ~40 ms (accepted sockets inherit the listener's option).
    server.set_tcp_nodelay(true);
    // httplib listens with a backlog of 5, built into Debian's library: a burst of clients on a
    // busy machine then has SYNs dropped and waits a second per retry. The listening socket is
    // remembered here and its backlog raised after bind().
    server.set_socket_options([this](socket_t socket) {
        httplib::default_socket_options(socket);
        m_listenSocket = socket;
    });
    const auto handler = [this](const httplib::Request &request, httplib::Response &response) {
        ConnectionThreads::answering(request.get_header_value("REMOTE_ADDR"), request.get_header_value("REMOTE_PORT"));
        // httplib leaves a GET's body on the socket: a chunked one, of no known length, is refused.
        dispatch(request, response,
            request.has_header("Transfer-Encoding") ? RequestBody::TooLarge : RequestBody::Acceptable);
    };
    // httplib 0.11 limits a body by its Content-Length only: a chunked one, or one without a
    // length, it reads whole into memory. So the methods with a body read it here, keeping none
    // of it: beyond maxBodyBytes it is refused, but read on up to kMaxDroppedBodyBytes (as httplib
    // skips a body of a Content-Length too large), so that the client reads the answer rather than
    // a reset for the bytes it is still sending.
    const auto bodyHandler = [this](const httplib::Request &request, httplib::Response &response,
                                 const httplib::ContentReader &reader) {
        size_t received = 0;
        const bool whole = reader([&](const char *, size_t length) {
            received += length;
            return received <= kMaxDroppedBodyBytes;
        });
        RequestBody body = whole ? RequestBody::Acceptable : RequestBody::Unreadable;
        // (httplib answers 413 itself for a Content-Length beyond the limit.)
        if (received > size_t(m_options.maxBodyBytes) || response.status == 413)
            body = RequestBody::TooLarge;
        // Only now: a client slow to send its body is not being answered yet.
        ConnectionThreads::answering(request.get_header_value("REMOTE_ADDR"), request.get_header_value("REMOTE_PORT"));
        dispatch(request, response, body);
    };
    // httplib's logger runs once an answer is written: the connection is idle again.
    server.set_logger([](const httplib::Request &, const httplib::Response &) { ConnectionThreads::answered(); });
    server.Get(".*", handler);
    server.Post(".*", bodyHandler);
    server.Put(".*", bodyHandler);
    server.Patch(".*", bodyHandler);
    server.Delete(".*", bodyHandler);
    server.Options(".*", handler);
    // What httplib refuses before a handler runs (414, 413 of a body it read, a header line too
    // long): a JSON body and a log line like every other answer.
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request &request, httplib::Response &response) {
        if (!response.body.empty())
            return httplib::Server::HandlerResponse::Unhandled;
        // A request line that parsed but headers that did not (httplib adds REMOTE_ADDR right
        // after reading them): its only reason is a header line beyond its 8 KiB limit, or a
        // client gone mid-headers that reads no answer anyway.
        if (response.status == 400 && !request.path.empty() && !request.has_header("REMOTE_ADDR"))
            response.status = 431;
        // httplib's one 500 of its own: a socket number beyond select()'s FD_SETSIZE (1024), as
        // Debian builds it without poll(). That is the process's connection limit: busy.
        const bool busy = response.status == 500;
        if (busy)
            response.status = 503;
        response.set_content(detailBytes(busy ? QStringLiteral("SERVER_BUSY") : reasonPhrase(response.status))
                                 .toStdString(),
            "application/json");
        QByteArray line = "level=warn msg=refused";
        appendLogField(line, "status", QString::number(response.status));
        appendLogField(line, "method", QString::fromStdString(request.method));
        writeLog(line);
        return httplib::Server::HandlerResponse::Handled;
    }));
}

ApiServer::~ApiServer()
{
    stop();
    m_storePool.waitForDone();
}

bool ApiServer::isTls() const
{
    return dynamic_cast<httplib::SSLServer *>(m_server.get()) != nullptr;
}

int ApiServer::bind()
{
    const std::string host = m_options.host.toStdString();
    if (m_options.port == 0) {
        m_port = m_server->bind_to_any_port(host);
    } else {
        m_port = m_server->bind_to_port(host, m_options.port) ? m_options.port : -1;
    }
    if (m_port > 0 && m_listenSocket >= 0)
        ::listen(m_listenSocket, kListenBacklog);
    if (m_port <= 0) {
        throw Error(ErrorKind::Configuration, QStringLiteral("SERVE_BIND_FAILED"),
            QStringLiteral("Cannot listen on %1:%2; pick a free port or an address of this machine with --listen.")
                .arg(m_options.host)
                .arg(m_options.port));
    }
    return m_port;
}

void ApiServer::run()
{
    m_server->listen_after_bind();
    // Also ends the store workers (waitForDone removes a pool's threads); each closes its database
    // connections on its own thread before the wait returns (see SqlDatabase).
    m_storePool.waitForDone();
}

void ApiServer::stop()
{
    if (m_server)
        m_server->stop();
}

void ApiServer::writeLog(const QByteArray &line) const
{
    QByteArray out = "time=" + QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' ' + line;
    m_options.log(out);
}

bool ApiServer::authorised(const httplib::Request &request) const
{
    if (m_tokenDigests.isEmpty())
        return true;
    const QString header = QString::fromStdString(request.get_header_value("Authorization"));
    if (!header.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        return false;
    // Digests of equal length compared without an early exit: the time says nothing about
    // how much of a token was right, nor how long the tokens are.
    const QByteArray given = QCryptographicHash::hash(header.mid(7).trimmed().toUtf8(), QCryptographicHash::Sha256);
    bool match = false;
    for (const QByteArray &digest : m_tokenDigests)
        match |= CRYPTO_memcmp(given.constData(), digest.constData(), size_t(digest.size())) == 0;
    return match;
}

void ApiServer::dispatch(const httplib::Request &request, httplib::Response &response, RequestBody body)
{
    const auto started = Clock::now();
    QString correlationId = clientId(request, "X-Correlation-Id");
    if (correlationId.isEmpty())
        correlationId = QStringLiteral("corr_") + randomHex12();
    QString requestId = clientId(request, "X-Request-Id");
    if (requestId.isEmpty())
        requestId = QStringLiteral("req_") + randomHex12();

    QString route = QStringLiteral("unmatched");
    Answer out;
    try {
        out = answer(request, correlationId, &route, body);
    } catch (const std::exception &) {
        out.status = 500;
        out.contentType = "application/problem+json";
        out.body = problemBytes(QString::fromStdString(request.path), correlationId);
    }
    response.status = out.status;
    response.set_content(out.body.toStdString(), out.contentType.toStdString());
    for (const auto &[name, value] : std::as_const(out.headers))
        response.set_header(name.toStdString(), value.toStdString());
    response.set_header("x-correlation-id", correlationId.toStdString());
    response.set_header("x-request-id", requestId.toStdString());

    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    m_metrics.recordRequest(route, out.status, seconds);
    QByteArray line = "level=info msg=request";
    appendLogField(line, "method", QString::fromStdString(request.method));
    appendLogField(line, "path", QString::fromStdString(request.path));
    appendLogField(line, "route", route);
    appendLogField(line, "status", QString::number(out.status));
    appendLogField(line, "duration_ms", QString::number(seconds * 1000.0, 'f', 3));
    appendLogField(line, "correlation_id", correlationId);
    appendLogField(line, "request_id", requestId);
    writeLog(line);
}

ApiServer::Answer ApiServer::answer(
    const httplib::Request &request, const QString &correlationId, QString *route, RequestBody body)
{
    Answer out;
    auto refuse = [&](int status, const QJsonValue &detail) {
        out.status = status;
        out.body = detailBytes(detail);
        return out;
    };
    // Ends the connection after this answer (httplib reads the request's Connection header).
    auto closeConnection = [&] {
        const_cast<httplib::Request &>(request).set_header("Connection", "close");
        out.headers.append({ QByteArray("Connection"), QByteArray("close") });
    };

    if (ConnectionThreads::currentIsOverCapacity()) {
        closeConnection();
        return refuse(503, QStringLiteral("SERVER_BUSY"));
    }
    qsizetype headerBytes = 0;
    for (const auto &[name, value] : request.headers) {
        if (!kInjectedHeaders.contains(name))
            headerBytes += qsizetype(name.size() + value.size() + 4);
    }
    if (headerBytes > m_options.maxHeaderBytes) {
        closeConnection();
        return refuse(431, reasonPhrase(431));
    }
    // A body too large: read in part (POST/PUT/PATCH/DELETE), or left on the socket (GET); refused
    // and the connection ended, so that its remaining bytes are never read as a request.
    if (body == RequestBody::TooLarge
        || (request.get_header_value_count("Content-Length") > 0
            && std::strtoull(request.get_header_value("Content-Length").c_str(), nullptr, 10)
                > quint64(m_options.maxBodyBytes))) {
        closeConnection();
        return refuse(413, reasonPhrase(413));
    }
    if (body == RequestBody::Unreadable) {
        closeConnection();
        return refuse(400, reasonPhrase(400));
    }

    const QString path = QString::fromStdString(request.path);
    const bool isGet = request.method == "GET";
    const bool isProbe = path.startsWith(QLatin1String("/health"));
    if (!isProbe && !authorised(request)) {
        out.headers.append({ QByteArray("WWW-Authenticate"), QByteArray("Bearer") });
        return refuse(401, QStringLiteral("Not authenticated"));
    }
    auto notAllowed = [&] {
        out.headers.append({ QByteArray("allow"), QByteArray("GET") });
        return refuse(405, QStringLiteral("Method Not Allowed"));
    };

    if (kHealthPaths.contains(path)) {
        *route = path;
        return isGet ? answerHealth(path) : notAllowed();
    }
    // The service's routes under both prefixes, then our own /console/v1/ (full paths).
    const QList<std::pair<QString, QList<const Endpoint *>>> groups { { kPrefix, serviceEndpoints() },
        { QString(), serviceEndpoints() }, { QString(), consoleRoutes() } };
    bool pathMatched = false;
    for (const auto &[prefix, endpoints] : groups) {
        if (!path.startsWith(prefix + QLatin1Char('/')))
            continue;
        const QString rest = path.mid(prefix.size());
        for (const Endpoint *endpoint : endpoints) {
            const auto values = matchPath(endpoint->path, rest);
            if (!values)
                continue;
            if (!isGet) {
                if (!pathMatched)
                    *route = prefix + endpoint->path;
                pathMatched = true;
                continue;
            }
            *route = prefix + endpoint->path;
            return answerEndpoint(*endpoint, *values, request, correlationId);
        }
    }
    return pathMatched ? notAllowed() : refuse(404, QStringLiteral("Not Found"));
}

ApiServer::Answer ApiServer::answerEndpoint(const Endpoint &endpoint, const QStringList &pathValues,
    const httplib::Request &request, const QString &correlationId)
{
    if (std::optional<Answer> missing = answerMissingTables(endpoint, QString::fromStdString(request.path), correlationId))
        return *missing;
    const QueryParameters query = QueryParameters::parse(rawQuery(request));
    QJsonArray errors;
    EndpointCall call;
    call.pathValues = pathValues;
    call.settings = &m_settings;
    // FastAPI validates path parameters before the query's.
    const QStringList segments = endpoint.path.split(QLatin1Char('/'));
    qsizetype valueIndex = 0;
    for (const QString &segment : segments) {
        if (!segment.startsWith(QLatin1Char('{')))
            continue;
        const QString name = segment.mid(1, segment.size() - 2);
        if (endpoint.positiveIntegerSegments.contains(name))
            validatePathInteger(name, pathValues.value(valueIndex), 1, &errors);
        ++valueIndex;
    }
    call.query = validateQuery(query, endpoint.parameters, m_options.compatRfc0023, &errors);

    Answer out;
    auto refuse = [&](int status, const QJsonValue &detail) {
        out.status = status;
        out.body = detail.isArray() ? apiJsonBytes(QJsonObject { { QStringLiteral("detail"), detail } },
                                          &shapes::validationErrors)
                                    : detailBytes(detail);
        return out;
    };
    if (!errors.isEmpty())
        return refuse(422, errors);
    for (const QString &variable : endpoint.flags) {
        const FeatureFlag &flag = featureFlag(variable);
        if (!environmentFlag(m_settings.environment, flag.variable, flag.defaultOn))
            return refuse(404, flag.disabledCode);
    }
    if (endpoint.rejectsUnknownParameters && !m_options.compatRfc0023) {
        QStringList unknown = unknownParameters(query, endpoint.parameters, false);
        if (endpoint.namesFirstUnknownOnly)
            unknown = unknown.mid(0, 1);
        if (!unknown.isEmpty()) {
            return refuse(422,
                QString(QStringLiteral("UNSUPPORTED_QUERY_PARAMETER: ") + unknown.join(QStringLiteral(", "))
                    + QStringLiteral(" not supported for this endpoint")));
        }
    }
    return runOnStore(endpoint.path, QString::fromStdString(request.path), correlationId,
        [&endpoint, call](SupportStore &store) { return endpoint.run(store, call); }, m_options.storeTimeoutMs,
        endpoint.storeCodePrefix, endpoint.invalidInputAnswers422);
}

ApiServer::Answer ApiServer::answerHealth(const QString &path)
{
    Answer out;
    if (path == QLatin1String("/metrics")) {
        out.contentType = "text/plain; version=0.0.4; charset=utf-8";
        // The store's status (replay lag, dual-write figures) costs one query on a store worker;
        // a store that does not answer in time leaves those series out (dpm_store_status_up 0).
        auto status = std::make_shared<std::optional<StoreStatus>>();
        const Answer asked = runOnStore(path, path, QString(), [status](SupportStore &store) {
            *status = storeStatus(store, StorePool {});
            return QByteArray();
        }, std::min(m_options.storeTimeoutMs, kReadyTimeoutMs));
        const StoreStatus *answered = asked.status == 200 && status->has_value() ? &**status : nullptr;
        out.body = m_metrics.render(
            { m_storePool.maxThreadCount(), m_storeActive.load(), m_openConnections.load() }, m_queryMetrics, answered);
        return out;
    }
    if (path != QLatin1String("/health/ready")) {
        const QString status = path == QLatin1String("/health") ? QStringLiteral("ok") : QStringLiteral("live");
        out.body = apiJsonBytes(QJsonObject { { QStringLiteral("status"), status } }, &shapes::health);
        return out;
    }
    if (persistenceProfileFrom(m_settings.environment) == PersistenceProfile::Production) {
        const PersistenceProfileReport report = checkPersistenceProfile(m_settings.environment);
        if (!report.passed()) {
            out.status = 503;
            out.body = detailBytes(report.serviceOutcome().value_or(QStringLiteral("PERSISTENCE_PROFILE_CHECK_FAILED")));
            return out;
        }
    }
    out = runOnStore(QStringLiteral("/health/ready"), path, QString(), [](SupportStore &store) {
        store.getRun(QStringLiteral("rr_ready_probe")); // one indexed lookup: the store answers
        return apiJsonBytes(QJsonObject { { QStringLiteral("status"), QStringLiteral("ready") } }, &shapes::health);
    }, std::min(m_options.storeTimeoutMs, kReadyTimeoutMs));
    if (out.status != 200) {
        // A load balancer wants 503 with the reason, whatever the failure.
        const QByteArray reason = out.status == 500 ? detailBytes(QStringLiteral("STORE_NOT_READY")) : out.body;
        out = {};
        out.status = 503;
        out.body = reason;
    }
    return out;
}

} // namespace dpm::serve
