#pragma once

#include "store/statementinterrupter.h"
#include "store/storelocation.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QSslCertificate>
#include <QString>

#include <map>
#include <memory>
#include <mutex>
#include <utility>

class QNetworkReply;

namespace dpm {

// How a remote store talks to its server: from the location's options.
struct RemoteSettings
{
    QString baseUrl; // scheme://host:port[/mount], no trailing slash
    QString token; // bearer token; never printed
    QList<QSslCertificate> extraCaCertificates; // trusted besides the system's (ca_file)
    int connectTimeoutMs = 5000;
    int transferTimeoutMs = 30000; // no byte for this long: the request is given up

    // Reads token / token_file / ca_file / connect_timeout / transfer_timeout. Throws
    // REMOTE_TOKEN_FILE_UNREADABLE, REMOTE_CA_FILE_INVALID, STORE_LOCATION_INVALID.
    static RemoteSettings fromLocation(const StoreLocation &location);
};

using QueryItems = QList<std::pair<QString, QString>>;

// Synchronous GETs on the calling thread (a session worker): one QNetworkAccessManager per thread
// (and client), kept for the thread's life as SqlStore keeps a connection, driven by a local event loop. Every
// failure is a dpm::Error with a REMOTE_* code (or the server's own code) and a sentence; TLS
// errors are never ignored. Safe to use from several threads at once.
class RemoteClient
{
public:
    explicit RemoteClient(RemoteSettings settings);
    ~RemoteClient();

    // GET base + path?query (path already percent-encoded; query values are encoded here, "+" as
    // %2B). 200: the body as a JSON object. Otherwise throws: 401 REMOTE_UNAUTHORIZED, 404/422/503
    // with the server's {"detail": CODE}, a 404 without a code REMOTE_NOT_FOUND_ROUTE.
    QJsonObject getJson(const QString &path, const QueryItems &query = {});

    // The server's base URL for people ("https://host:port").
    const QString &baseUrl() const { return m_settings.baseUrl; }

    StatementInterrupter interrupterForThisThread();
    // Aborts every request in flight now (each fails with STORE_QUERY_CANCELLED).
    void interruptAll();

    // Lets go of the calling thread's network manager (closeThisThreadsStoreConnections()).
    static void releaseThisThreadsManager();

private:
    struct Answer
    {
        int status = 0;
        QByteArray body;
    };
    Answer get(const QString &path, const QueryItems &query);
    struct Interrupts;

    RemoteSettings m_settings;
    std::shared_ptr<Interrupts> m_interrupts;
    quint64 m_id; // this client's network manager on each thread
};

// Percent-encodes one path segment (an id may hold "/", "%", "+" or spaces).
QString remotePathSegment(const QString &value);

} // namespace dpm
