#include "jsontextwriter.h"

#include <QString>

#include <cstring>

namespace dpm {

namespace {

void appendEscapedUnit(QByteArray &out, char16_t unit)
{
    static const char kDigits[] = "0123456789abcdef";
    const char escaped[6] = { '\\', 'u', kDigits[(unit >> 12) & 0xf], kDigits[(unit >> 8) & 0xf],
        kDigits[(unit >> 4) & 0xf], kDigits[unit & 0xf] };
    out.append(escaped, 6);
}

} // namespace

void JsonTextWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_depth > 0) {
        Level &level = m_levels[std::size_t(m_depth - 1)];
        Q_ASSERT(!level.isObject); // a value inside an object needs its key first
        if (level.hasItems)
            m_out.append(',');
        level.hasItems = true;
    }
}

JsonTextWriter &JsonTextWriter::beginObject()
{
    beforeValue();
    m_out.append('{');
    Q_ASSERT(m_depth < int(m_levels.size()));
    m_levels[std::size_t(m_depth++)] = Level { true, false, nullptr };
    return *this;
}

JsonTextWriter &JsonTextWriter::endObject()
{
    Q_ASSERT(m_depth > 0 && m_levels[std::size_t(m_depth - 1)].isObject && !m_afterKey);
    --m_depth;
    m_out.append('}');
    return *this;
}

JsonTextWriter &JsonTextWriter::beginArray()
{
    beforeValue();
    m_out.append('[');
    Q_ASSERT(m_depth < int(m_levels.size()));
    m_levels[std::size_t(m_depth++)] = Level { false, false, nullptr };
    return *this;
}

JsonTextWriter &JsonTextWriter::endArray()
{
    Q_ASSERT(m_depth > 0 && !m_levels[std::size_t(m_depth - 1)].isObject);
    --m_depth;
    m_out.append(']');
    return *this;
}

JsonTextWriter &JsonTextWriter::key(const char *name)
{
    Q_ASSERT(m_depth > 0 && !m_afterKey);
    Level &level = m_levels[std::size_t(m_depth - 1)];
    Q_ASSERT(level.isObject);
    // Canonical JSON sorts keys by code point; for ASCII keys that is strcmp's order.
    Q_ASSERT_X(!level.lastKey || std::strcmp(level.lastKey, name) < 0, "JsonTextWriter::key", name);
    level.lastKey = name;
    if (level.hasItems)
        m_out.append(',');
    level.hasItems = true;
    m_out.append('"');
    m_out.append(name);
    m_out.append("\":", 2);
    m_afterKey = true;
    return *this;
}

JsonTextWriter &JsonTextWriter::string(QByteArrayView text)
{
    beforeValue();
    m_out.append('"');
    const auto appendUnit = [this](char16_t unit) {
        switch (unit) {
        case '"':
            m_out.append("\\\"", 2);
            break;
        case '\\':
            m_out.append("\\\\", 2);
            break;
        case '\n':
            m_out.append("\\n", 2);
            break;
        case '\r':
            m_out.append("\\r", 2);
            break;
        case '\t':
            m_out.append("\\t", 2);
            break;
        case '\b':
            m_out.append("\\b", 2);
            break;
        case '\f':
            m_out.append("\\f", 2);
            break;
        default:
            if (unit < 0x20 || unit >= 0x7f)
                appendEscapedUnit(m_out, unit);
            else
                m_out.append(char(unit));
        }
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            // Non-ASCII (never in generated data): escaped per UTF-16 unit as Python's
            // ensure_ascii does.
            for (const QChar unit : QString::fromUtf8(text.sliced(i)))
                appendUnit(unit.unicode());
            break;
        }
        appendUnit(c);
    }
    m_out.append('"');
    return *this;
}

JsonTextWriter &JsonTextWriter::integer(qint64 value)
{
    beforeValue();
    appendDecimal(m_out, value, 0);
    return *this;
}

JsonTextWriter &JsonTextWriter::boolean(bool value)
{
    beforeValue();
    m_out.append(value ? QByteArrayView("true") : QByteArrayView("false"));
    return *this;
}

JsonTextWriter &JsonTextWriter::null()
{
    beforeValue();
    m_out.append("null", 4);
    return *this;
}

JsonTextWriter &JsonTextWriter::decimal(qint64 units, int scale)
{
    beforeValue();
    m_out.append('"');
    appendDecimal(m_out, units, scale);
    m_out.append('"');
    return *this;
}

JsonTextWriter &JsonTextWriter::raw(QByteArrayView json)
{
    beforeValue();
    m_out.append(json);
    return *this;
}

JsonTextWriter &JsonTextWriter::money(qint64 cents, QByteArrayView currency)
{
    return beginObject().decimalField("amount", cents, 2).field("currency", currency).endObject();
}

void appendDecimal(QByteArray &out, qint64 units, int scale)
{
    // Digits into a buffer from the right: no temporary byte arrays (this runs ~200 times a run).
    char buffer[48];
    char *end = buffer + sizeof buffer;
    char *p = end;
    const bool negative = units < 0;
    quint64 value = negative ? quint64(0) - quint64(units) : quint64(units);
    for (int i = 0; i < scale; ++i) {
        *--p = char('0' + value % 10);
        value /= 10;
    }
    if (scale > 0)
        *--p = '.';
    do {
        *--p = char('0' + value % 10);
        value /= 10;
    } while (value != 0);
    if (negative)
        *--p = '-';
    out.append(p, end - p);
}

} // namespace dpm
