#pragma once

#include "services/outboxrelay.h"

#include <QNetworkAccessManager>
#include <QUrl>

#include <memory>

namespace dpm::cli {

// The relay's HTTP sink: POSTs outboxMessageJson as application/json with
// "Idempotency-Key: <event_id>", so that a receiver can drop the redeliveries at-least-once
// implies. Any 2xx accepts; another status, a network error or the timeout is the row's error.
class HttpSink final : public DeliverySink
{
public:
    HttpSink(QUrl url, int timeoutMs);
    std::optional<QString> deliver(const OutboxDelivery &delivery) override;
    QString describe() const override;

private:
    QUrl m_url;
    int m_timeoutMs;
    QNetworkAccessManager m_network;
};

// --sink: an http(s) URL is an HttpSink; anything else (or a file:// URL) a JsonLinesFileSink.
std::unique_ptr<DeliverySink> openDeliverySink(const QString &target, int timeoutMs);

} // namespace dpm::cli
