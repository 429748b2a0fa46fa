#pragma once

#include <QString>

namespace dpm::json {

// A JSON member name from an ASCII literal, as QJsonObject's QString-keyed calls take it.
inline QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace dpm::json
