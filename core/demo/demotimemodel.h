#pragma once

#include <QtGlobal>

#include <vector>

namespace dpm {

class DemoRandom;

// When runs are recorded: hour by hour over the span, more in business hours and on weekdays,
// more at month end, with bursts (retry storms, month-end rebalancing) on some days.
class DemoTimeModel
{
public:
    DemoTimeModel(qint64 startMicros, int spanDays, quint64 seed);

    // The time of run slot `index` of `count`: the slots split the weight evenly, so times only
    // grow with the index; a random offset inside the slot keeps them from looking regular.
    qint64 slotTime(qint64 index, qint64 count, DemoRandom &rng) const;

private:
    qint64 m_start;
    std::vector<qint64> m_cumulative; // per hour of the span: the weight of every hour up to it
};

} // namespace dpm
