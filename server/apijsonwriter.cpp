#include "apijsonwriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace dpm::serve {

namespace {

void writeString(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const char c : text.toUtf8()) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (byte < 0x20) {
                out += "\\u00";
                out += hex[byte >> 4];
                out += hex[byte & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void writeNumber(QByteArray &out, double value)
{
    // Integers as integers (counts, retention); other numbers as the shortest text that reads
    // back to the same double. Python spells some of those differently (1e+16 vs 1e16), which
    // only the JSON-equal `result` and artifact can hold.
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 9007199254740992.0)
        out += QByteArray::number(static_cast<qint64>(value));
    else if (std::isfinite(value))
        out += QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
    else
        out += "null";
}

void writeValue(QByteArray &out, const QJsonValue &value, const ApiShape *shape);

void writeObject(QByteArray &out, const QJsonObject &object, const ApiShape *shape)
{
    out += '{';
    bool first = true;
    auto writeField = [&](const QString &name, const QJsonValue &value, const ApiShape *fieldShape) {
        if (!first)
            out += ',';
        first = false;
        writeString(out, name);
        out += ':';
        writeValue(out, value, fieldShape);
    };
    if (shape) {
        for (const ApiShape::Field &field : shape->fields) {
            const auto it = object.constFind(field.name);
            if (it != object.constEnd())
                writeField(field.name, it.value(), field.shape);
        }
    }
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (shape) {
            const bool listed = std::any_of(shape->fields.cbegin(), shape->fields.cend(),
                [&](const ApiShape::Field &field) { return field.name == it.key(); });
            if (listed || shape->omitted.contains(it.key()))
                continue;
        }
        writeField(it.key(), it.value(), nullptr);
    }
    out += '}';
}

void writeValue(QByteArray &out, const QJsonValue &value, const ApiShape *shape)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        writeNumber(out, value.toDouble());
        break;
    case QJsonValue::String:
        writeString(out, value.toString());
        break;
    case QJsonValue::Array: {
        out += '[';
        bool first = true;
        for (const QJsonValue &item : value.toArray()) {
            if (!first)
                out += ',';
            first = false;
            writeValue(out, item, shape);
        }
        out += ']';
        break;
    }
    case QJsonValue::Object:
        writeObject(out, value.toObject(), shape);
        break;
    }
}

} // namespace

QByteArray apiJsonBytes(const QJsonValue &value, const ApiShape *shape)
{
    QByteArray out;
    writeValue(out, value, shape);
    return out;
}

} // namespace dpm::serve
