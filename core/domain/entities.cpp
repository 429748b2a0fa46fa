#include "entities.h"

#include "canonicaljson.h"

#include <QJsonObject>

namespace dpm {

QString statusOfResultJson(const QString &resultJson)
{
    const QJsonValue value = parseJsonText(resultJson);
    const QJsonValue status = value.toObject().value(QLatin1String("status"));
    return status.isString() ? status.toString() : QString();
}

QString RebalanceRun::status() const
{
    return statusOfResultJson(resultJson);
}

bool AsyncOperation::isExecutable() const
{
    return status == QLatin1String("PENDING") && requestJson.has_value();
}

} // namespace dpm
