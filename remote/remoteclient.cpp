#include "remoteclient.h"

#include "domain/error.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>
#include <QThread>
#include <QThreadStorage>
#include <QTimer>
#include <QUrl>

#include <atomic>

namespace dpm {

namespace {

// One manager per thread and client: its connections carry that client's TLS trust, so a store
// that trusts a CA never lends its connection to one that does not (QNAM reuses connections by
// host and port alone). Qt's thread storage, not thread_local: Qt deletes it on the thread as it
// finishes, while its event dispatcher still runs and before QThread::wait() returns.
QThreadStorage<std::map<quint64, std::unique_ptr<QNetworkAccessManager>>> s_managers;
std::atomic<quint64> s_nextClientId { 1 };

QNetworkAccessManager &threadManager(quint64 clientId)
{
    std::unique_ptr<QNetworkAccessManager> &manager = s_managers.localData()[clientId];
    if (!manager)
        manager = std::make_unique<QNetworkAccessManager>();
    return *manager;
}

quintptr thisThread()
{
    return quintptr(QThread::currentThreadId());
}

int secondsOption(const StoreLocation &location, const QString &name, int defaultMs)
{
    const QString text = location.remoteOption(name);
    if (text.isEmpty())
        return defaultMs;
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || seconds <= 0) {
        throw Error(ErrorKind::Configuration, QStringLiteral("STORE_LOCATION_INVALID"),
            QStringLiteral("%1 must be a number of seconds above 0, not \"%2\".").arg(name, text));
    }
    return int(seconds * 1000);
}

Error cancelledError()
{
    return Error(ErrorKind::Storage, QStringLiteral("STORE_QUERY_CANCELLED"),
        QStringLiteral("The request to the server was cancelled."));
}

// The certificate's details for the TLS error sentence: who it names, who signed it, until when,
// and its fingerprint, so a person can compare it with what the server's operator says.
QString certificateDetails(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return QStringLiteral("the server sent no certificate");
    const QString fingerprint
        = QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    return QStringLiteral("subject \"%1\", issuer \"%2\", valid until %3, SHA-256 fingerprint %4")
        .arg(certificate.subjectDisplayName(), certificate.issuerDisplayName(),
            certificate.expiryDate().toUTC().toString(Qt::ISODate), fingerprint);
}

// {"detail": "CODE"} or {"detail": "CODE: sentence"} -> (code, sentence).
std::pair<QString, QString> detailOf(const QByteArray &body)
{
    const QJsonValue detail = QJsonDocument::fromJson(body).object().value(QStringLiteral("detail"));
    if (detail.isArray()) {
        const QJsonObject first = detail.toArray().first().toObject();
        const QJsonArray where = first.value(QStringLiteral("loc")).toArray();
        return { QStringLiteral("REMOTE_INVALID_REQUEST"),
            QStringLiteral("%1 (%2)").arg(first.value(QStringLiteral("msg")).toString(),
                where.last().toString()) };
    }
    const QString text = detail.toString();
    const qsizetype colon = text.indexOf(QLatin1String(": "));
    return colon < 0 ? std::pair { text, QString() } : std::pair { text.left(colon), text.mid(colon + 2) };
}

} // namespace

struct RemoteClient::Interrupts
{
    struct Slot
    {
        QPointer<QNetworkReply> reply;
        bool pending = false; // cancelled: this and every later request of the thread fail
    };
    std::mutex mutex;
    std::map<quintptr, Slot> slots;

    void interrupt(quintptr thread)
    {
        std::lock_guard lock(mutex);
        Slot &slot = slots[thread];
        slot.pending = true;
        abortLocked(slot);
    }
    static void abortLocked(Slot &slot)
    {
        if (QNetworkReply *reply = slot.reply.data())
            QMetaObject::invokeMethod(reply, &QNetworkReply::abort, Qt::QueuedConnection);
    }
};

RemoteSettings RemoteSettings::fromLocation(const StoreLocation &location)
{
    RemoteSettings settings;
    settings.baseUrl = location.remoteUrl();
    settings.token = location.remoteOption(QStringLiteral("token"));
    const QString tokenFile = location.remoteOption(QStringLiteral("token_file"));
    if (settings.token.isEmpty() && !tokenFile.isEmpty()) {
        QFile file(tokenFile);
        if (!file.open(QIODevice::ReadOnly)) {
            throw Error(ErrorKind::Configuration, QStringLiteral("REMOTE_TOKEN_FILE_UNREADABLE"),
                QStringLiteral("Cannot read the token file %1 (%2); check its path and permissions.")
                    .arg(tokenFile, file.errorString()));
        }
        settings.token = QString::fromUtf8(file.readAll()).trimmed();
    }
    const QString caFile = location.remoteOption(QStringLiteral("ca_file"));
    if (!caFile.isEmpty()) {
        settings.extraCaCertificates = QSslCertificate::fromPath(caFile, QSsl::Pem);
        if (settings.extraCaCertificates.isEmpty()) {
            throw Error(ErrorKind::Configuration, QStringLiteral("REMOTE_CA_FILE_INVALID"),
                QStringLiteral("%1 holds no PEM certificate; give the CA certificate that signed the server's.")
                    .arg(caFile));
        }
    }
    settings.connectTimeoutMs = secondsOption(location, QStringLiteral("connect_timeout"), settings.connectTimeoutMs);
    settings.transferTimeoutMs = secondsOption(location, QStringLiteral("transfer_timeout"), settings.transferTimeoutMs);
    return settings;
}

QString remotePathSegment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

RemoteClient::RemoteClient(RemoteSettings settings)
    : m_settings(std::move(settings))
    , m_interrupts(std::make_shared<Interrupts>())
    , m_id(s_nextClientId.fetch_add(1))
{ }

RemoteClient::~RemoteClient() = default;

void RemoteClient::releaseThisThreadsManager()
{
    if (s_managers.hasLocalData()) // localData() would make the thread's storage only to empty it
        s_managers.localData().clear();
}

StatementInterrupter RemoteClient::interrupterForThisThread()
{
    const quintptr thread = thisThread();
    return { [interrupts = m_interrupts, thread] { interrupts->interrupt(thread); },
        [interrupts = m_interrupts, thread] {
            std::lock_guard lock(interrupts->mutex);
            interrupts->slots[thread].pending = false;
        } };
}

void RemoteClient::interruptAll()
{
    std::lock_guard lock(m_interrupts->mutex);
    for (auto &[thread, slot] : m_interrupts->slots)
        Interrupts::abortLocked(slot);
}

RemoteClient::Answer RemoteClient::get(const QString &path, const QueryItems &query)
{
    QString target = m_settings.baseUrl + path;
    QStringList pairs;
    for (const auto &[name, value] : query)
        pairs << QString::fromLatin1(QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value));
    if (!pairs.isEmpty())
        target += QLatin1Char('?') + pairs.join(QLatin1Char('&'));
    QNetworkRequest request(QUrl(target, QUrl::StrictMode));
    request.setRawHeader("Accept", "application/json");
    if (!m_settings.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_settings.token.toUtf8());
    if (!m_settings.extraCaCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_settings.extraCaCertificates);
        request.setSslConfiguration(tls);
    }

    const quintptr thread = thisThread();
    QNetworkReply *reply = nullptr;
    {
        std::lock_guard lock(m_interrupts->mutex);
        Interrupts::Slot &slot = m_interrupts->slots[thread];
        if (slot.pending)
            throw cancelledError();
        reply = threadManager(m_id).get(request);
        slot.reply = reply;
    }
    std::unique_ptr<QNetworkReply, void (*)(QNetworkReply *)> owned(reply, [](QNetworkReply *r) { r->deleteLater(); });

    QEventLoop loop;
    QTimer connectTimer;
    QTimer transferTimer;
    connectTimer.setSingleShot(true);
    transferTimer.setSingleShot(true);
    enum class Stop { None, ConnectTimeout, TransferTimeout } stop = Stop::None;
    QList<QSslError> tlsErrors;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&connectTimer, &QTimer::timeout, reply, [&] {
        stop = Stop::ConnectTimeout;
        reply->abort();
    });
    QObject::connect(&transferTimer, &QTimer::timeout, reply, [&] {
        stop = Stop::TransferTimeout;
        reply->abort();
    });
    // Connected once the request is out; from then on, only silence counts.
    QObject::connect(reply, &QNetworkReply::requestSent, &loop, [&] {
        connectTimer.stop();
        transferTimer.start(m_settings.transferTimeoutMs);
    });
    const auto heardFrom = [&] {
        if (transferTimer.isActive())
            transferTimer.start(m_settings.transferTimeoutMs);
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, &loop, heardFrom);
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, heardFrom);
    // Never ignored: the request fails, and the sentence says what was offered.
    QObject::connect(reply, &QNetworkReply::sslErrors, &loop, [&](const QList<QSslError> &errors) { tlsErrors = errors; });
    connectTimer.start(m_settings.connectTimeoutMs);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    bool cancelled = false;
    {
        std::lock_guard lock(m_interrupts->mutex);
        Interrupts::Slot &slot = m_interrupts->slots[thread];
        slot.reply = nullptr;
        cancelled = slot.pending;
    }
    const QNetworkReply::NetworkError networkError = reply->error();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (stop == Stop::ConnectTimeout) {
        throw Error(ErrorKind::Connection, QStringLiteral("REMOTE_TIMEOUT"),
            QStringLiteral("The server at %1 did not accept the request within %2 s; check the address and that the "
                           "server runs (connect_timeout=SECONDS waits longer).")
                .arg(m_settings.baseUrl)
                .arg(m_settings.connectTimeoutMs / 1000.0));
    }
    if (stop == Stop::TransferTimeout) {
        throw Error(ErrorKind::Connection, QStringLiteral("REMOTE_TIMEOUT"),
            QStringLiteral("The server at %1 sent nothing for %2 s; try again, or wait longer with "
                           "transfer_timeout=SECONDS.")
                .arg(m_settings.baseUrl)
                .arg(m_settings.transferTimeoutMs / 1000.0));
    }
    if (cancelled || networkError == QNetworkReply::OperationCanceledError)
        throw cancelledError();
    if (!tlsErrors.isEmpty() || networkError == QNetworkReply::SslHandshakeFailedError) {
        QStringList reasons;
        QSslCertificate certificate;
        for (const QSslError &error : tlsErrors) {
            reasons << error.errorString();
            if (certificate.isNull())
                certificate = error.certificate();
        }
        if (certificate.isNull()) {
            const QList<QSslCertificate> chain = reply->sslConfiguration().peerCertificateChain();
            if (!chain.isEmpty())
                certificate = chain.first();
        }
        if (reasons.isEmpty())
            reasons << reply->errorString();
        reasons.removeDuplicates();
        throw Error(ErrorKind::Connection, QStringLiteral("REMOTE_TLS_ERROR"),
            QStringLiteral("The server at %1 is not trusted: %2 (%3). Give the CA that signed it with ca_file=PATH "
                           "(--ca-file), or check that this is the right server.")
                .arg(m_settings.baseUrl, reasons.join(QStringLiteral("; ")), certificateDetails(certificate)));
    }
    if (status == 0) {
        throw Error(ErrorKind::Connection, QStringLiteral("REMOTE_UNREACHABLE"),
            QStringLiteral("Cannot reach the server at %1 (%2); check the address and that the server runs.")
                .arg(m_settings.baseUrl, reply->errorString()));
    }
    return { status, reply->readAll() };
}

QJsonObject RemoteClient::getJson(const QString &path, const QueryItems &query)
{
    const Answer answer = get(path, query);
    if (answer.status == 200) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(answer.body, &parseError);
        if (!document.isObject()) {
            throw Error(ErrorKind::Connection, QStringLiteral("REMOTE_BAD_RESPONSE"),
                QStringLiteral("The server at %1 answered %2 with something other than a JSON object; check that it "
                               "serves the DPM API.")
                    .arg(m_settings.baseUrl, path));
        }
        return document.object();
    }
    if (answer.status == 401) {
        throw Error(ErrorKind::Connection, QStringLiteral("REMOTE_UNAUTHORIZED"),
            m_settings.token.isEmpty()
                ? QStringLiteral("The server at %1 needs a bearer token; give it at the prompt or with "
                                 "token_file=PATH.")
                      .arg(m_settings.baseUrl)
                : QStringLiteral("The server at %1 refused the token; check it with the server's operator and give "
                                 "it again.")
                      .arg(m_settings.baseUrl));
    }
    const auto [code, sentence] = detailOf(answer.body);
    if (answer.status == 404 && (code.isEmpty() || code == QLatin1String("Not Found"))) {
        throw Error(ErrorKind::NotFound, QStringLiteral("REMOTE_NOT_FOUND_ROUTE"),
            QStringLiteral("The server at %1 has no %2; check the server's address and prefix.")
                .arg(m_settings.baseUrl, path));
    }
    if (answer.status == 404 && code.endsWith(QLatin1String("_DISABLED"))) {
        throw Error(ErrorKind::Configuration, code,
            QStringLiteral("The server has this part of its API switched off (%1); its operator can turn on the "
                           "matching _ENABLED setting.")
                .arg(code));
    }
    if (answer.status == 404)
        throw Error(ErrorKind::NotFound, code, sentence.isEmpty() ? QStringLiteral("The server found no such row.") : sentence);
    if (answer.status == 422) {
        throw Error(ErrorKind::InvalidInput, code.isEmpty() ? QStringLiteral("REMOTE_INVALID_REQUEST") : code,
            sentence.isEmpty() ? QStringLiteral("The server refused the request's parameters.") : sentence);
    }
    if (answer.status == 503) {
        throw Error(ErrorKind::Connection, code.isEmpty() ? QStringLiteral("REMOTE_UNAVAILABLE") : code,
            QStringLiteral("The server at %1 cannot reach its store right now (%2); try again later.")
                .arg(m_settings.baseUrl, code));
    }
    throw Error(ErrorKind::Connection, QStringLiteral("REMOTE_HTTP_ERROR"),
        QStringLiteral("The server at %1 answered HTTP %2 to %3; look at the server's log.")
            .arg(m_settings.baseUrl)
            .arg(answer.status)
            .arg(path));
}

} // namespace dpm
