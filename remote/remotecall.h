#pragma once

#include "remoteclient.h"
#include "store/rowjsonfields.h"

#include <QJsonDocument>

namespace dpm {

// The error every write and admin entry point of a remote store answers.
Error remoteReadOnlyError();
// What a read answers when the server lacks the console's /console/v1/ extensions it needs.
Error remoteExtensionMissingError(const QString &what);

// One store read through dpmctl serve's /console/v1/store/{method}: the arguments and the answer
// in rowjson's form, the store's own error rethrown as it was (code, kind and sentence).
template <typename R, typename... A> R remoteStoreCall(RemoteClient &client, const char *method, const A &...arguments)
{
    const QByteArray encoded = QJsonDocument(rowjson::encodeArguments(arguments...)).toJson(QJsonDocument::Compact);
    const QJsonObject answer = client.getJson(QStringLiteral("/console/v1/store/") + QLatin1String(method),
        { { QStringLiteral("args"), QString::fromUtf8(encoded) } });
    if (answer.contains(QStringLiteral("error"))) {
        const QJsonObject error = answer.value(QStringLiteral("error")).toObject();
        throw Error(ErrorKind(error.value(QStringLiteral("kind")).toInt()), error.value(QStringLiteral("code")).toString(),
            error.value(QStringLiteral("message")).toString());
    }
    return rowjson::decoded<R>(answer.value(QStringLiteral("result")));
}

} // namespace dpm
