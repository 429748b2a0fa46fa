#include "dailycount.h"

#include "domain/error.h"

#include <QDate>

#include <algorithm>

namespace dpm {

namespace {

QDate parseDay(const QString &day)
{
    // Exactly "YYYY-MM-DD": the prefix of a stored timestamp, nothing looser.
    const QDate date = day.size() == 10 ? QDate::fromString(day, Qt::ISODate) : QDate();
    if (!date.isValid()) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_DAY_RANGE"),
            QStringLiteral("'%1' is not a day; give days as YYYY-MM-DD.").arg(day));
    }
    return date;
}

} // namespace

DayRangeBounds dayRangeBounds(const QString &fromDay, const QString &toDay)
{
    const QDate from = parseDay(fromDay);
    const QDate to = parseDay(toDay);
    if (from > to) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_DAY_RANGE"),
            QStringLiteral("The range starts on %1 after it ends on %2; give the earlier day first.")
                .arg(fromDay, toDay));
    }
    return { from.toString(Qt::ISODate), to.addDays(1).toString(Qt::ISODate) };
}

QList<DailyCount> normalizedDailyCounts(QList<DailyCount> counts)
{
    std::sort(counts.begin(), counts.end(),
        [](const DailyCount &a, const DailyCount &b) { return std::tie(a.day, a.key) < std::tie(b.day, b.key); });
    QList<DailyCount> merged;
    for (const DailyCount &c : std::as_const(counts)) {
        if (!merged.isEmpty() && merged.last().day == c.day && merged.last().key == c.key)
            merged.last().count += c.count;
        else
            merged << c;
    }
    merged.removeIf([](const DailyCount &c) { return c.count == 0; });
    return merged;
}

} // namespace dpm
