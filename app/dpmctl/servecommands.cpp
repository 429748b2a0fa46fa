// dpmctl serve: the service's HTTP read API (shared/spec/http-api.md) from the store that
// --store, the service's variables or the default name. The server itself is server/ (dpmserve).

#include "apiserver.h"
#include "command.h"
#include "domain/error.h"
#include "output.h"
#include "store/supportstore.h"

#include <QFile>

#include <atomic>
#include <csignal>
#include <thread>

#include <pthread.h>

namespace dpm::cli {

namespace {

[[noreturn]] void serveUsage(const QString &message)
{
    throw Error(ErrorKind::InvalidInput, QStringLiteral("SERVE_OPTIONS_INVALID"), message);
}

// "host:port", "[v6]:port" or ":port" (loopback).
std::pair<QString, int> parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const int port = colon < 0 ? -1 : text.mid(colon + 1).toInt(&ok);
    if (colon < 0 || !ok || port < 0 || port > 65535)
        serveUsage(QStringLiteral("--listen %1 is not HOST:PORT; pass e.g. --listen 127.0.0.1:8080.").arg(text));
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host.isEmpty())
        host = QStringLiteral("127.0.0.1");
    return { host, port };
}

// One token per line; blank lines and lines starting with # are skipped.
QStringList readTokens(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw Error(ErrorKind::Configuration, QStringLiteral("SERVE_TOKEN_FILE_UNREADABLE"),
            QStringLiteral("The token file %1 cannot be read (%2); check the path and its permissions.")
                .arg(path, file.errorString()));
    }
    QStringList tokens;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QString token = QString::fromUtf8(line).trimmed();
        if (!token.isEmpty() && !token.startsWith(QLatin1Char('#')))
            tokens.append(token);
    }
    if (tokens.isEmpty()) {
        throw Error(ErrorKind::Configuration, QStringLiteral("SERVE_TOKEN_FILE_EMPTY"),
            QStringLiteral("The token file %1 holds no token; put one bearer token per line.").arg(path));
    }
    return tokens;
}

int intOption(const ParsedCommand &command, const QString &name, int fallback, int minimum)
{
    const auto text = command.value(name);
    if (!text)
        return fallback;
    bool ok = false;
    const int value = text->toInt(&ok);
    if (!ok || value < minimum)
        serveUsage(QStringLiteral("--%1 %2 is not a whole number of at least %3.").arg(name, *text).arg(minimum));
    return value;
}

CommandOutput serve(CommandContext &context, const ParsedCommand &command)
{
    // SIGINT and SIGTERM go to the watcher below, never to a worker thread: blocked here before
    // any thread of the server or the store exists, so every later thread inherits the mask.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    serve::ServeOptions options;
    options.environment = context.environment();
    std::tie(options.host, options.port)
        = parseListen(command.value(QStringLiteral("listen")).value_or(QStringLiteral("127.0.0.1:8080")));
    if (const auto tokenFile = command.value(QStringLiteral("token-file")))
        options.tokens = readTokens(*tokenFile);
    options.tlsCertificate = command.value(QStringLiteral("tls-cert")).value_or(QString());
    options.tlsKey = command.value(QStringLiteral("tls-key")).value_or(QString());
    if (const auto compat = command.value(QStringLiteral("compat"))) {
        if (*compat != QLatin1String("rfc0023"))
            serveUsage(QStringLiteral("--compat %1 is not known; the one mode is rfc0023.").arg(*compat));
        options.compatRfc0023 = true;
    }
    options.storeTimeoutMs = intOption(command, QStringLiteral("store-timeout-ms"), options.storeTimeoutMs, 1);
    options.maxConnections = intOption(command, QStringLiteral("max-connections"), options.maxConnections, 1);
    options.storeThreads = intOption(command, QStringLiteral("store-threads"), options.storeThreads, 1);
    options.readOnlyReplica = command.flag(QStringLiteral("read-only-replica"));

    const bool loopback = serve::isLoopbackAddress(options.host);
    const bool tls = !options.tlsCertificate.isEmpty();
    const bool insecure = command.flag(QStringLiteral("insecure"));
    if (!loopback && !(tls && !options.tokens.isEmpty())) {
        if (!insecure) {
            throw Error(ErrorKind::Configuration, QStringLiteral("SERVE_INSECURE_LISTEN"),
                QStringLiteral("Listening on %1 needs TLS (--tls-cert, --tls-key) and tokens (--token-file); give "
                               "both, listen on 127.0.0.1, or pass --insecure knowingly.")
                    .arg(options.host));
        }
        writeText(stderr,
            QStringLiteral("WARNING: serving on %1 without %2: anyone who reaches this address can read the store.")
                .arg(options.host,
                    tls ? QStringLiteral("tokens")
                        : (options.tokens.isEmpty() ? QStringLiteral("TLS or tokens") : QStringLiteral("TLS"))));
    }

    SupportStore &store = context.store();
    serve::ApiServer server(store, options);
    const int port = server.bind();
    writeText(stderr,
        QStringLiteral("level=info msg=listening address=%1://%2:%3 store=\"%4\" auth=%5 compat=%6")
            .arg(server.isTls() ? QStringLiteral("https") : QStringLiteral("http"),
                options.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + options.host + QLatin1Char(']')
                                                         : options.host)
            .arg(port)
            .arg(store.describe(), options.tokens.isEmpty() ? QStringLiteral("none") : QStringLiteral("bearer"),
                options.compatRfc0023 ? QStringLiteral("rfc0023") : QStringLiteral("none")));

    std::atomic<bool> done { false };
    std::thread watcher([&] {
        const timespec tick { 0, 200 * 1000 * 1000 };
        while (!done.load()) {
            if (sigtimedwait(&stopSignals, nullptr, &tick) > 0) {
                writeText(stderr, QStringLiteral("level=info msg=stopping reason=signal"));
                server.stop();
                return;
            }
        }
    });
    server.run();
    done.store(true);
    watcher.join();
    writeText(stderr, QStringLiteral("level=info msg=stopped"));
    return {};
}

} // namespace

QList<CommandSpec> serveCommands()
{
    return { { { QStringLiteral("serve") }, {},
        { { QStringLiteral("listen"), QStringLiteral("HOST:PORT"),
              QStringLiteral("address to listen on (default 127.0.0.1:8080; port 0 picks a free one)") },
            { QStringLiteral("token-file"), QStringLiteral("F"),
                QStringLiteral("bearer tokens, one per line; without it only loopback addresses are allowed") },
            { QStringLiteral("tls-cert"), QStringLiteral("C"), QStringLiteral("PEM certificate (chain) for HTTPS") },
            { QStringLiteral("tls-key"), QStringLiteral("K"), QStringLiteral("PEM private key for HTTPS") },
            { QStringLiteral("insecure"), QString(),
                QStringLiteral("allow a non-loopback address without TLS and tokens (prints a warning)") },
            { QStringLiteral("compat"), QStringLiteral("rfc0023"),
                QStringLiteral("also accept from/to/status and ignore unknown query parameters") },
            { QStringLiteral("store-timeout-ms"), QStringLiteral("MS"),
                QStringLiteral("per-request store time limit, 503 STORE_TIMEOUT beyond (default 10000)") },
            { QStringLiteral("max-connections"), QStringLiteral("N"),
                QStringLiteral("open connections; at the cap idle ones are ended to make room, else 503 "
                               "SERVER_BUSY (default 512)") },
            { QStringLiteral("store-threads"), QStringLiteral("N"),
                QStringLiteral("store workers, one database connection each (default 8)") },
            { QStringLiteral("read-only-replica"), QString(),
                QStringLiteral("refuse to start unless the store cannot be changed from here (a PostgreSQL hot "
                               "standby, a read-only SQLite file); store-status then says so") } },
        QStringLiteral("Serve the service's HTTP read API (/rebalance/… and /api/v1/rebalance/…) from the store "
                       "until SIGINT/SIGTERM."),
        serve } };
}

} // namespace dpm::cli
