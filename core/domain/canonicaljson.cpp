#include "canonicaljson.h"

#include "error.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace dpm {

namespace {

void appendString(QByteArray &out, const QString &s)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const QChar ch : s) {
        const char16_t c = ch.unicode();
        switch (c) {
        case u'"': out += "\\\""; continue;
        case u'\\': out += "\\\\"; continue;
        case u'\n': out += "\\n"; continue;
        case u'\r': out += "\\r"; continue;
        case u'\t': out += "\\t"; continue;
        case u'\b': out += "\\b"; continue;
        case u'\f': out += "\\f"; continue;
        default: break;
        }
        if (c < 0x20 || c > 0x7e) {
            // UTF-16 code units are exactly what ensure_ascii writes, surrogates included.
            out += "\\u";
            out += hex[(c >> 12) & 0xf];
            out += hex[(c >> 8) & 0xf];
            out += hex[(c >> 4) & 0xf];
            out += hex[c & 0xf];
        } else {
            out += char(c);
        }
    }
    out += '"';
}

// Python's float repr: shortest round-trip digits, exponent form outside [1e-4, 1e16).
void appendDouble(QByteArray &out, double d)
{
    if (std::isnan(d) || std::isinf(d)) {
        out += std::isnan(d) ? "NaN" : (d > 0 ? "Infinity" : "-Infinity");
        return;
    }
    if (d == 0) {
        out += std::signbit(d) ? "-0.0" : "0.0";
        return;
    }
    // 'e' with shortest precision gives mantissa digits and exponent we can lay out.
    const QByteArray sci = QByteArray::number(d, 'e', QLocale::FloatingPointShortest);
    const qsizetype ePos = sci.indexOf('e');
    QByteArray mantissa = sci.left(ePos);
    const int exponent = sci.mid(ePos + 1).toInt();
    const bool negative = mantissa.startsWith('-');
    if (negative)
        mantissa.remove(0, 1);
    mantissa.replace(".", "");
    QByteArray result;
    if (exponent >= -4 && exponent < 16) {
        if (exponent >= 0) {
            if (mantissa.size() <= exponent + 1) {
                result = mantissa + QByteArray(exponent + 1 - mantissa.size(), '0') + ".0";
            } else {
                result = mantissa.left(exponent + 1) + '.' + mantissa.mid(exponent + 1);
            }
        } else {
            result = "0." + QByteArray(-exponent - 1, '0') + mantissa;
        }
    } else {
        result = mantissa.left(1);
        if (mantissa.size() > 1)
            result += '.' + mantissa.mid(1);
        result += 'e';
        result += exponent < 0 ? '-' : '+';
        const QByteArray expDigits = QByteArray::number(std::abs(exponent));
        result += expDigits.size() < 2 ? '0' + expDigits : expDigits;
    }
    if (negative)
        out += '-';
    out += result;
}

void append(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        return;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        return;
    case QJsonValue::Double: {
        // Qt keeps integers that fit in 64 bits as integers; Python writes those without ".0".
        const QVariant v = value.toVariant();
        if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
            out += QByteArray::number(v.toLongLong());
        else
            appendDouble(out, value.toDouble());
        return;
    }
    case QJsonValue::String:
        appendString(out, value.toString());
        return;
    case QJsonValue::Array: {
        out += '[';
        bool first = true;
        for (const QJsonValue &item : value.toArray()) {
            if (!first)
                out += ',';
            first = false;
            append(out, item);
        }
        out += ']';
        return;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QStringList keys = object.keys();
        // Python sorts by code point; UTF-16 order differs only for astral characters.
        std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
            return a.toUcs4() < b.toUcs4();
        });
        out += '{';
        bool first = true;
        for (const QString &key : keys) {
            if (!first)
                out += ',';
            first = false;
            appendString(out, key);
            out += ':';
            append(out, object.value(key));
        }
        out += '}';
        return;
    }
    }
}

} // namespace

QByteArray canonicalJson(const QJsonValue &value)
{
    QByteArray out;
    append(out, value);
    return out;
}

QByteArray canonicalizeJsonText(const QByteArray &text)
{
    QString message;
    const QJsonValue value = parseJsonText(QString::fromUtf8(text), &message);
    if (value.isUndefined()) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_JSON"),
                    QStringLiteral("The text is not JSON (%1); pass a JSON document.").arg(message));
    }
    return canonicalJson(value);
}

QString sha256Hash(const QJsonValue &value)
{
    return QStringLiteral("sha256:") + sha256Hex(canonicalJson(value));
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QJsonValue parseJsonText(const QString &text, QString *errorMessage)
{
    // QJsonDocument only takes arrays and objects at top level; wrap to accept scalars too.
    QJsonParseError error{};
    const QByteArray wrapped = QByteArray("[") + text.toUtf8() + QByteArray("]");
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1) {
        if (errorMessage)
            *errorMessage = error.error != QJsonParseError::NoError ? error.errorString()
                                                                    : QStringLiteral("not a single JSON value");
        return QJsonValue(QJsonValue::Undefined);
    }
    return doc.array().at(0);
}

} // namespace dpm
