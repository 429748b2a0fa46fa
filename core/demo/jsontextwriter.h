#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <array>

namespace dpm {

// Writes canonical JSON text (core/domain/canonicaljson.h: keys sorted, no spaces, ASCII with
// \uXXXX escapes) straight into a byte array, for payloads made by the million. The caller
// writes the keys of each object in sorted order; debug builds assert it. Decimals are strings,
// as the service writes them.
class JsonTextWriter
{
public:
    explicit JsonTextWriter(QByteArray &out)
        : m_out(out)
    { }

    JsonTextWriter &beginObject();
    JsonTextWriter &endObject();
    JsonTextWriter &beginArray();
    JsonTextWriter &endArray();
    JsonTextWriter &key(const char *name);

    JsonTextWriter &string(QByteArrayView text);
    JsonTextWriter &integer(qint64 value);
    JsonTextWriter &boolean(bool value);
    JsonTextWriter &null();
    // A decimal string with `scale` fraction digits from an integer count of 10^-scale units:
    // decimal(450000, 2) writes "4500.00".
    JsonTextWriter &decimal(qint64 units, int scale);
    // A value that is already canonical JSON text.
    JsonTextWriter &raw(QByteArrayView json);

    // key + value shorthands.
    JsonTextWriter &field(const char *name, const QByteArray &text) { return key(name).string(text); }
    JsonTextWriter &field(const char *name, QByteArrayView text) { return key(name).string(text); }
    JsonTextWriter &field(const char *name, const char *text) { return key(name).string(QByteArrayView(text)); }
    JsonTextWriter &integerField(const char *name, qint64 value) { return key(name).integer(value); }
    JsonTextWriter &decimalField(const char *name, qint64 units, int scale) { return key(name).decimal(units, scale); }
    JsonTextWriter &nullField(const char *name) { return key(name).null(); }
    JsonTextWriter &rawField(const char *name, QByteArrayView json) { return key(name).raw(json); }
    // {"amount": "<decimal>", "currency": "<ccy>"}
    JsonTextWriter &money(qint64 cents, QByteArrayView currency);
    JsonTextWriter &moneyField(const char *name, qint64 cents, QByteArrayView currency)
    {
        return key(name).money(cents, currency);
    }
    JsonTextWriter &emptyArrayField(const char *name) { return key(name).beginArray().endArray(); }
    JsonTextWriter &emptyObjectField(const char *name) { return key(name).beginObject().endObject(); }

    QByteArray &out() { return m_out; }

private:
    void beforeValue();

    struct Level
    {
        bool isObject = false;
        bool hasItems = false;
        const char *lastKey = nullptr;
    };

    QByteArray &m_out;
    std::array<Level, 24> m_levels {};
    int m_depth = 0;
    bool m_afterKey = false;
};

// The decimal text of decimal(): "-12.50", "0.0450", "7".
void appendDecimal(QByteArray &out, qint64 units, int scale);

} // namespace dpm
