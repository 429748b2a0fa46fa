#pragma once

#include <QtGlobal>

namespace dpm::demotime {

// The demo's timestamps count microseconds since the epoch.
constexpr qint64 kSecond = 1000000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

} // namespace dpm::demotime
