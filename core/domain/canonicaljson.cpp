#include "canonicaljson.h"

#include "error.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVariant>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

namespace dpm {

namespace {

void appendString(QByteArray &out, const QString &s)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const QChar ch : s) {
        const char16_t c = ch.unicode();
        switch (c) {
        case u'"':
            out += "\\\"";
            continue;
        case u'\\':
            out += "\\\\";
            continue;
        case u'\n':
            out += "\\n";
            continue;
        case u'\r':
            out += "\\r";
            continue;
        case u'\t':
            out += "\\t";
            continue;
        case u'\b':
            out += "\\b";
            continue;
        case u'\f':
            out += "\\f";
            continue;
        default:
            break;
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
        std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) { return a.toUcs4() < b.toUcs4(); });
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

// JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, as Python's reader has it.
bool isJsonNumber(const QByteArray &lexeme)
{
    qsizetype i = 0;
    const qsizetype n = lexeme.size();
    const auto digits = [&] {
        const qsizetype from = i;
        while (i < n && lexeme[i] >= '0' && lexeme[i] <= '9')
            ++i;
        return i - from;
    };
    if (i < n && lexeme[i] == '-')
        ++i;
    if (i < n && lexeme[i] == '0')
        ++i;
    else if (digits() == 0)
        return false;
    if (i < n && lexeme[i] == '.') {
        ++i;
        if (digits() == 0)
            return false;
    }
    if (i < n && (lexeme[i] == 'e' || lexeme[i] == 'E')) {
        ++i;
        if (i < n && (lexeme[i] == '+' || lexeme[i] == '-'))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == n;
}

// A recursive-descent reader of JSON text that writes the canonical form as it goes, keeping
// number spellings (QJsonDocument turns 100.0 into an integer, which Python would not).
class CanonicalWriter
{
public:
    CanonicalWriter(const QByteArray &text, const std::function<bool(const QString &)> &dropKey)
        : m_text(text)
        , m_dropKey(dropKey)
    { }

    QByteArray run()
    {
        QByteArray out;
        value(out, 0);
        skipSpace();
        if (m_pos != m_text.size())
            fail("unexpected text after the JSON value");
        return out;
    }

private:
    [[noreturn]] void fail(const char *why) const
    {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_JSON"),
            QStringLiteral("The text is not JSON (%1 at offset %2); pass a JSON document.")
                .arg(QLatin1String(why))
                .arg(m_pos));
    }

    void skipSpace()
    {
        while (m_pos < m_text.size()
            && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
            ++m_pos;
    }

    bool consume(const char *literal)
    {
        const qsizetype n = qsizetype(qstrlen(literal));
        if (m_text.mid(m_pos, n) != literal)
            return false;
        m_pos += n;
        return true;
    }

    void value(QByteArray &out, int depth)
    {
        if (depth > 512)
            fail("nesting too deep");
        skipSpace();
        if (m_pos >= m_text.size())
            fail("unexpected end");
        const char c = m_text[m_pos];
        if (c == '{') {
            object(out, depth);
        } else if (c == '[') {
            ++m_pos;
            out += '[';
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                ++m_pos;
            } else {
                for (bool first = true;; first = false) {
                    if (!first)
                        out += ',';
                    value(out, depth + 1);
                    skipSpace();
                    if (consume("]"))
                        break;
                    if (!consume(","))
                        fail("expected , or ]");
                }
            }
            out += ']';
        } else if (c == '"') {
            appendString(out, string());
        } else if (consume("true")) {
            out += "true";
        } else if (consume("false")) {
            out += "false";
        } else if (consume("null")) {
            out += "null";
        } else if (consume("NaN")) {
            out += "NaN";
        } else if (consume("Infinity")) {
            out += "Infinity";
        } else if (consume("-Infinity")) {
            out += "-Infinity";
        } else {
            number(out);
        }
    }

    void object(QByteArray &out, int depth)
    {
        ++m_pos;
        // Python keeps the last of duplicate keys; a map does the same and sorts.
        std::map<std::u32string, std::pair<QString, QByteArray>> members;
        skipSpace();
        if (!consume("}")) {
            while (true) {
                skipSpace();
                if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                    fail("expected a key");
                const QString key = string();
                skipSpace();
                if (!consume(":"))
                    fail("expected :");
                QByteArray member;
                value(member, depth + 1);
                if (!m_dropKey || !m_dropKey(key))
                    members[key.toStdU32String()] = { key, member };
                skipSpace();
                if (consume("}"))
                    break;
                if (!consume(","))
                    fail("expected , or }");
            }
        }
        out += '{';
        bool first = true;
        for (const auto &[sortKey, member] : members) {
            if (!first)
                out += ',';
            first = false;
            appendString(out, member.first);
            out += ':';
            out += member.second;
        }
        out += '}';
    }

    QString string()
    {
        ++m_pos; // opening quote
        QByteArray raw;
        QString result;
        while (true) {
            if (m_pos >= m_text.size())
                fail("unterminated string");
            const char c = m_text[m_pos++];
            if (c == '"')
                break;
            if (static_cast<unsigned char>(c) < 0x20)
                fail("control character in string");
            if (c != '\\') {
                raw += c;
                continue;
            }
            result += QString::fromUtf8(raw);
            raw.clear();
            if (m_pos >= m_text.size())
                fail("unterminated escape");
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
                result += QLatin1Char('"');
                break;
            case '\\':
                result += QLatin1Char('\\');
                break;
            case '/':
                result += QLatin1Char('/');
                break;
            case 'b':
                result += QLatin1Char('\b');
                break;
            case 'f':
                result += QLatin1Char('\f');
                break;
            case 'n':
                result += QLatin1Char('\n');
                break;
            case 'r':
                result += QLatin1Char('\r');
                break;
            case 't':
                result += QLatin1Char('\t');
                break;
            case 'u': {
                // Exactly four hex digits: toUShort alone would take "+1", " 1" or "d\0\0\0".
                const QByteArray hex = m_text.mid(m_pos, 4);
                bool ok = hex.size() == 4 && std::all_of(hex.cbegin(), hex.cend(), [](char h) { return isxdigit(uchar(h)); });
                const ushort unit = ok ? hex.toUShort(&ok, 16) : 0;
                if (!ok)
                    fail("bad \\u escape");
                m_pos += 4;
                result += QChar(unit); // lone surrogates pass through, as in Python
                break;
            }
            default:
                fail("bad escape");
            }
        }
        return result + QString::fromUtf8(raw);
    }

    void number(QByteArray &out)
    {
        const qsizetype start = m_pos;
        bool isFloat = false;
        if (m_pos < m_text.size() && m_text[m_pos] == '-')
            ++m_pos;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c >= '0' && c <= '9') {
                ++m_pos;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || (c == '-' && m_pos > start)) {
                isFloat = isFloat || c == '.' || c == 'e' || c == 'E';
                ++m_pos;
            } else {
                break;
            }
        }
        const QByteArray lexeme = m_text.mid(start, m_pos - start);
        if (lexeme.isEmpty() || lexeme == "-")
            fail("unexpected character");
        if (!isJsonNumber(lexeme))
            fail("bad number");
        if (!isFloat) {
            // Python re-prints ints from their value: "-0" becomes "0"; digits otherwise stay.
            out += lexeme == "-0" ? QByteArray("0") : lexeme;
            return;
        }
        bool ok = false;
        const double d = lexeme.toDouble(&ok);
        if (!ok && !std::isinf(d))
            fail("bad number");
        appendDouble(out, d);
    }

    const QByteArray &m_text;
    const std::function<bool(const QString &)> &m_dropKey;
    qsizetype m_pos = 0;
};

} // namespace

QByteArray canonicalJson(const QJsonValue &value)
{
    QByteArray out;
    append(out, value);
    return out;
}

QByteArray canonicalizeJsonText(const QByteArray &text, const std::function<bool(const QString &)> &dropKey)
{
    CanonicalWriter writer(text, dropKey);
    return writer.run();
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
    QJsonParseError error {};
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
