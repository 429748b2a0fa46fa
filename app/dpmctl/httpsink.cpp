#include "httpsink.h"

#include "domain/error.h"
#include "domain/redaction.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace dpm::cli {

HttpSink::HttpSink(QUrl url, int timeoutMs)
    : m_url(std::move(url))
    , m_timeoutMs(timeoutMs)
{ }

QString HttpSink::describe() const
{
    return m_url.toDisplayString(QUrl::RemoveUserInfo);
}

std::optional<QString> HttpSink::deliver(const OutboxDelivery &delivery)
{
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Idempotency-Key", delivery.eventId.toUtf8());
    request.setTransferTimeout(m_timeoutMs);
    const QByteArray body = QJsonDocument(outboxMessageJson(delivery)).toJson(QJsonDocument::Compact);
    std::unique_ptr<QNetworkReply> reply(m_network.post(request, body));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError)
        return QStringLiteral("timeout after %1 ms posting to %2").arg(m_timeoutMs).arg(describe());
    if (status >= 200 && status < 300)
        return std::nullopt;
    if (status != 0)
        return QStringLiteral("HTTP %1 from %2").arg(status).arg(describe());
    return QStringLiteral("%1 posting to %2").arg(reply->errorString(), describe());
}

std::unique_ptr<DeliverySink> openDeliverySink(const QString &target, int timeoutMs)
{
    const QUrl url(target);
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
        if (!url.isValid() || url.host().isEmpty()) {
            throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_SINK"),
                QStringLiteral("--sink %1 is not a usable URL; pass e.g. --sink http://localhost:8080/events.")
                    .arg(redactSecrets(target)));
        }
        return std::make_unique<HttpSink>(url, timeoutMs);
    }
    return std::make_unique<JsonLinesFileSink>(scheme == QLatin1String("file") ? url.toLocalFile() : target);
}

} // namespace dpm::cli
