#pragma once

// The store's own values as JSON, both ways: what `dpmctl serve` answers on its
// /console/v1/store/ mirror and what the console's remote store reads back, so a store read over
// HTTP gives exactly what the store gave (stored text as it is, cursors as they are). A type takes
// part by a Fields<T> table of (name, member) pairs; see rowjsonfields.h.

#include "domain/error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>
#include <tuple>
#include <type_traits>

namespace dpm::rowjson {

template <typename T> struct Fields; // specialised per type: static auto list() { return std::make_tuple(...); }

template <typename T, typename M> struct Field
{
    const char *name;
    M T::*member;
};
template <typename T, typename M> constexpr Field<T, M> field(const char *name, M T::*member)
{
    return { name, member };
}

template <typename T>
concept HasFields = requires { Fields<T>::list(); };

[[noreturn]] inline void badShape(const char *what)
{
    throw Error(ErrorKind::Connection, QStringLiteral("REMOTE_BAD_RESPONSE"),
        QStringLiteral("The server's answer has no valid %1; check that the server is dpmctl serve of this version.")
            .arg(QString::fromLatin1(what)));
}

template <typename T> QJsonValue encode(const T &value);
template <typename T> void decode(const QJsonValue &json, T &out);
template <typename T> QJsonValue encodeContainer(const std::optional<T> &value);
template <typename T> QJsonValue encodeContainer(const QList<T> &values);
template <typename K, typename V> QJsonValue encodeContainer(const QMap<K, V> &map);
template <typename T> void decodeContainer(const QJsonValue &json, std::optional<T> &out);
template <typename T> void decodeContainer(const QJsonValue &json, QList<T> &out);
template <typename K, typename V> void decodeContainer(const QJsonValue &json, QMap<K, V> &out);

template <typename T> QJsonValue encode(const T &value)
{
    if constexpr (std::is_same_v<T, QString>) {
        return value;
    } else if constexpr (std::is_same_v<T, bool>) {
        return value;
    } else if constexpr (std::is_enum_v<T>) {
        return int(value);
    } else if constexpr (std::is_integral_v<T>) {
        return double(value);
    } else if constexpr (HasFields<T>) {
        QJsonObject object;
        std::apply([&](const auto &...f) { ((object.insert(QLatin1String(f.name), encode(value.*(f.member)))), ...); },
            Fields<T>::list());
        return object;
    } else {
        return encodeContainer(value);
    }
}

template <typename T> QJsonValue encodeContainer(const std::optional<T> &value)
{
    return value ? encode(*value) : QJsonValue(QJsonValue::Null);
}
template <typename T> QJsonValue encodeContainer(const QList<T> &values)
{
    QJsonArray array;
    for (const T &value : values)
        array.append(encode(value));
    return array;
}
// Maps as [[key, value], …]: keys keep their type (QMap<int, …> too).
template <typename K, typename V> QJsonValue encodeContainer(const QMap<K, V> &map)
{
    QJsonArray array;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        array.append(QJsonArray { encode(it.key()), encode(it.value()) });
    return array;
}

template <typename T> void decodeContainer(const QJsonValue &json, std::optional<T> &out)
{
    if (json.isNull() || json.isUndefined()) {
        out.reset();
        return;
    }
    T value {};
    decode(json, value);
    out = std::move(value);
}
template <typename T> void decodeContainer(const QJsonValue &json, QList<T> &out)
{
    if (!json.isArray())
        badShape("list");
    out.clear();
    for (const QJsonValue &item : json.toArray()) {
        T value {};
        decode(item, value);
        out.append(std::move(value));
    }
}
template <typename K, typename V> void decodeContainer(const QJsonValue &json, QMap<K, V> &out)
{
    if (!json.isArray())
        badShape("map");
    out.clear();
    for (const QJsonValue &item : json.toArray()) {
        const QJsonArray pair = item.toArray();
        if (pair.size() != 2)
            badShape("map entry");
        K key {};
        V value {};
        decode(pair.at(0), key);
        decode(pair.at(1), value);
        out.insert(key, value);
    }
}

template <typename T> void decode(const QJsonValue &json, T &out)
{
    if constexpr (std::is_same_v<T, QString>) {
        if (!json.isString())
            badShape("text");
        out = json.toString();
    } else if constexpr (std::is_same_v<T, bool>) {
        if (!json.isBool())
            badShape("flag");
        out = json.toBool();
    } else if constexpr (std::is_enum_v<T>) {
        if (!json.isDouble())
            badShape("kind");
        out = T(json.toInt());
    } else if constexpr (std::is_integral_v<T>) {
        if (!json.isDouble())
            badShape("number");
        out = T(json.toInteger());
    } else if constexpr (HasFields<T>) {
        if (!json.isObject())
            badShape("object");
        const QJsonObject object = json.toObject();
        std::apply([&](const auto &...f) { ((decode(object.value(QLatin1String(f.name)), out.*(f.member))), ...); },
            Fields<T>::list());
    } else {
        decodeContainer(json, out);
    }
}

template <typename T> T decoded(const QJsonValue &json)
{
    T value {};
    decode(json, value);
    return value;
}

// A call's arguments as a JSON array, and back.
template <typename... Args> QJsonArray encodeArguments(const Args &...args)
{
    return QJsonArray { encode(args)... };
}
template <typename... Args> std::tuple<std::decay_t<Args>...> decodeArguments(const QJsonArray &array)
{
    if (array.size() != qsizetype(sizeof...(Args)))
        badShape("argument list");
    std::tuple<std::decay_t<Args>...> out;
    qsizetype i = 0;
    std::apply([&](auto &...value) { ((decode(array.at(i++), value)), ...); }, out);
    return out;
}

} // namespace dpm::rowjson
