#pragma once

// What apiserver.cpp and apiserverstore.cpp share: the answer type and the body and log helpers.

#include "apiserver.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <chrono>
#include <utility>

namespace dpm::serve {

using Clock = std::chrono::steady_clock;

struct ApiServer::Answer
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<std::pair<QByteArray, QByteArray>> headers;
};

// {"detail": …} in the service's bytes.
QByteArray detailBytes(const QJsonValue &detail);
// The service's answer to an unhandled failure (RFC 7807 problem+json).
QByteArray problemBytes(const QString &path, const QString &correlationId);
// logfmt: a bare value when it is plain, else quoted with \" \\ and control characters escaped.
void appendLogField(QByteArray &line, const char *key, const QString &value);

} // namespace dpm::serve
