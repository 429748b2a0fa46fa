#include "timestamp.h"

#include "error.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace dpm {

namespace {

struct ParsedTimestamp
{
    QDateTime utc;
    int micros = 0; // full microsecond field, so "...123456" survives a round trip
};

// Years 1..9999 in UTC: four digits, so that text order stays time order (an offset can move
// 0001-01-01 or 9999-12-31 out of them).
bool inFourDigitYears(const QDateTime &utc)
{
    return utc.date().year() >= 1 && utc.date().year() <= 9999;
}

bool parse(const QString &input, ParsedTimestamp &out)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)"
                       R"(\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$)"));
    const auto m = re.match(input.trimmed());
    if (!m.hasMatch())
        return false;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!date.isValid())
        return false;
    const bool hasTime = !m.captured(4).isEmpty();
    const int hour = hasTime ? m.captured(4).toInt() : 0;
    const int minute = hasTime ? m.captured(5).toInt() : 0;
    const int second = m.captured(6).isEmpty() ? 0 : m.captured(6).toInt();
    QString fraction = m.captured(7);
    fraction = fraction.left(6).leftJustified(6, QLatin1Char('0'));
    const int micros = fraction.toInt();
    const QTime time(hour, minute, second, micros / 1000);
    if (!time.isValid())
        return false;

    int offsetSeconds = 0;
    const QString zone = m.captured(8);
    if (!zone.isEmpty() && zone.compare(QLatin1String("Z"), Qt::CaseInsensitive) != 0) {
        const int sign = zone.startsWith(QLatin1Char('-')) ? -1 : 1;
        QString digits = zone.mid(1);
        digits.remove(QLatin1Char(':'));
        const int hours = digits.left(2).toInt();
        const int minutes = digits.size() > 2 ? digits.mid(2, 2).toInt() : 0;
        if (hours > 23 || minutes > 59)
            return false;
        offsetSeconds = sign * (hours * 3600 + minutes * 60);
    }
    out.utc = QDateTime(date, time, Qt::OffsetFromUTC, offsetSeconds).toUTC();
    out.micros = micros;
    return out.utc.isValid() && inFourDigitYears(out.utc);
}

QString format(const QDateTime &utc, int micros)
{
    QString text = utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (micros != 0)
        text += QStringLiteral(".%1").arg(micros, 6, 10, QLatin1Char('0'));
    return text + QStringLiteral("+00:00");
}

} // namespace

QString formatTimestamp(const QDateTime &when)
{
    const QDateTime utc = when.toUTC();
    return format(utc, utc.time().msec() * 1000);
}

QString normalizeTimestamp(const QString &input)
{
    ParsedTimestamp parsed;
    if (!parse(input, parsed)) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_TIMESTAMP"),
            QStringLiteral("'%1' is not a timestamp; use ISO-8601 such as "
                           "2026-02-20T12:00:00+00:00 or a date such as 2026-02-20.")
                .arg(input));
    }
    // Keep the sub-millisecond digits the caller typed: the bound must compare exactly.
    return format(parsed.utc, parsed.micros);
}

QDateTime parseTimestamp(const QString &text)
{
    ParsedTimestamp parsed;
    return parse(text, parsed) ? parsed.utc : QDateTime();
}

QString addSecondsToTimestamp(const QString &timestamp, qint64 seconds)
{
    ParsedTimestamp parsed;
    if (!parse(timestamp, parsed))
        normalizeTimestamp(timestamp); // throws INVALID_TIMESTAMP with the usual sentence
    const QDateTime moved = parsed.utc.addSecs(seconds);
    if (!moved.isValid() || !inFourDigitYears(moved)) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_TIMESTAMP"),
            QStringLiteral("'%1' moved by %2 seconds leaves the years 1 to 9999; use a smaller interval.")
                .arg(timestamp)
                .arg(seconds));
    }
    return format(moved, parsed.micros);
}

QString nowTimestamp()
{
    return formatTimestamp(QDateTime::currentDateTimeUtc());
}

namespace {

// Days since 1970-01-01 -> civil date (proleptic Gregorian), H. Hinnant's algorithm.
void civilFromDays(qint64 days, qint64 &year, int &month, int &day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    month = int(mp < 10 ? mp + 3 : mp - 9);
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
}

void appendDigits(char *&p, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        p[i] = char('0' + value % 10);
        value /= 10;
    }
    p += width;
}

} // namespace

void appendTimestampMicros(QByteArray &out, qint64 microsSinceEpoch)
{
    constexpr qint64 kMicrosPerDay = 86400LL * 1000000LL;
    qint64 days = microsSinceEpoch / kMicrosPerDay;
    qint64 rest = microsSinceEpoch % kMicrosPerDay;
    if (rest < 0) {
        rest += kMicrosPerDay;
        --days;
    }
    qint64 year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(days, year, month, day);
    const qint64 seconds = rest / 1000000;
    const qint64 micros = rest % 1000000;

    char buffer[40];
    char *p = buffer;
    appendDigits(p, year, 4);
    *p++ = '-';
    appendDigits(p, month, 2);
    *p++ = '-';
    appendDigits(p, day, 2);
    *p++ = 'T';
    appendDigits(p, seconds / 3600, 2);
    *p++ = ':';
    appendDigits(p, seconds / 60 % 60, 2);
    *p++ = ':';
    appendDigits(p, seconds % 60, 2);
    if (micros != 0) {
        *p++ = '.';
        appendDigits(p, micros, 6);
    }
    for (const char c : { '+', '0', '0', ':', '0', '0' })
        *p++ = c;
    out.append(buffer, p - buffer);
}

QString formatTimestampMicros(qint64 microsSinceEpoch)
{
    QByteArray text;
    appendTimestampMicros(text, microsSinceEpoch);
    return QString::fromLatin1(text);
}

std::optional<qint64> timestampMicros(const QString &text)
{
    ParsedTimestamp parsed;
    if (!parse(text, parsed))
        return std::nullopt;
    // parsed.utc carries milliseconds; the full microsecond field replaces them.
    const qint64 wholeSeconds = parsed.utc.toMSecsSinceEpoch() / 1000 - (parsed.utc.toMSecsSinceEpoch() % 1000 < 0);
    return wholeSeconds * 1000000 + parsed.micros;
}

} // namespace dpm
