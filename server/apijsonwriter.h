#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace dpm::serve {

// The field order of one response object (http-api.md §4). The service emits its models' field
// order; QJsonObject keeps keys sorted, so the bytes are written here in the declared order.
struct ApiShape
{
    struct Field
    {
        QString name;
        // The shape of the value when it is an object, or of each element when it is an array;
        // null: free-form JSON (result, metadata, …), written with its keys sorted.
        const ApiShape *shape = nullptr;
    };
    QList<Field> fields;
    // Keys the payload builder adds that this response does not carry.
    QStringList omitted;
};

// The compact bytes the service sends (Starlette's json.dumps(ensure_ascii=False,
// separators=(",", ":"))): no spaces, UTF-8 unescaped, control characters as \u00xx. An object
// with a shape has the shape's fields first, in its order, then any other key sorted (extra
// keys of Part A §11, such as "result_json_error").
QByteArray apiJsonBytes(const QJsonValue &value, const ApiShape *shape = nullptr);

} // namespace dpm::serve
