#pragma once

#include <QList>
#include <QString>

namespace dpm {

// One bar of a per-day series: how many rows of one key (a run status, a decision action) fall
// on one UTC calendar day. The day is the first 10 characters of the stored timestamp text
// ("YYYY-MM-DD"), which is the UTC date because every stored timestamp is UTC (Part A §3).
struct DailyCount
{
    QString day;
    QString key; // '' for a run without a status (Part A §11)
    qint64 count = 0;
    bool operator==(const DailyCount &) const = default;
};

// The bounds of an inclusive range of UTC days as timestamp text: [from, day after `to`), which
// compare with stored timestamps in text order. Throws INVALID_DAY_RANGE when a day is not a
// "YYYY-MM-DD" date or `from` is after `to`.
struct DayRangeBounds
{
    QString lower; // "YYYY-MM-DD" of `from`: every timestamp of that day compares >= it
    QString upperExclusive; // "YYYY-MM-DD" of the day after `to`
};
DayRangeBounds dayRangeBounds(const QString &fromDay, const QString &toDay);

// Sorted by (day, key), zero counts dropped, equal (day, key) rows merged.
QList<DailyCount> normalizedDailyCounts(QList<DailyCount> counts);

} // namespace dpm
