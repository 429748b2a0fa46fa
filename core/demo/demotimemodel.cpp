#include "demotimemodel.h"

#include "demorandom.h"
#include "demotime.h"

#include <QDate>

#include <algorithm>
#include <array>

namespace dpm {

namespace {
__extension__ typedef unsigned __int128 Uint128;
using demotime::kDay;
using demotime::kHour;
} // namespace

DemoTimeModel::DemoTimeModel(qint64 startMicros, int spanDays, quint64 seed)
    : m_start(startMicros)
{
    static constexpr std::array<int, 24> kHourOfDay { 4, 10, 14, 16, 16, 12, 14, 16, 14, 10, 6, 4, 3, 4, 6, 8, 8, 6, 4,
        3, 2, 2, 2, 3 };
    DemoRandom rng(seed);
    const qint64 hours = qint64(spanDays) * 24;
    m_cumulative.reserve(std::size_t(hours));
    qint64 total = 0;
    qint64 burstHoursLeft = 0;
    qint64 burstFactor = 1;
    for (qint64 h = 0; h < hours; ++h) {
        const qint64 at = m_start + h * kHour;
        const qint64 epochDays = at >= 0 ? at / kDay : (at - kDay + 1) / kDay;
        const int hourOfDay = int((at - epochDays * kDay) / kHour);
        const QDate date = QDate(1970, 1, 1).addDays(epochDays);
        qint64 weight = kHourOfDay[std::size_t(hourOfDay)] * (date.dayOfWeek() >= 6 ? 1 : 5);
        if (date.day() > date.daysInMonth() - 2)
            weight *= 3;
        if (hourOfDay == 0 && rng.chance(3500)) {
            burstHoursLeft = -rng.between(1, 22); // starts later this day
            burstFactor = rng.between(6, 15);
        }
        if (burstHoursLeft < 0 && ++burstHoursLeft == 0)
            burstHoursLeft = rng.between(1, 2);
        if (burstHoursLeft > 0) {
            weight *= burstFactor;
            --burstHoursLeft;
        }
        total += weight * 1000000; // fine enough for microsecond times within an hour
        m_cumulative.push_back(total);
    }
}

qint64 DemoTimeModel::slotTime(qint64 index, qint64 count, DemoRandom &rng) const
{
    const quint64 total = quint64(m_cumulative.back());
    const Uint128 position = (Uint128(quint64(index)) * total + rng.below(total)) / quint64(count);
    const auto hour = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), qint64(position));
    const qint64 h = hour - m_cumulative.begin();
    const qint64 hourStart = h == 0 ? 0 : m_cumulative[std::size_t(h - 1)];
    const qint64 weight = *hour - hourStart;
    return m_start + h * kHour
        + qint64(Uint128(quint64(qint64(position) - hourStart)) * quint64(kHour) / quint64(weight));
}

} // namespace dpm
