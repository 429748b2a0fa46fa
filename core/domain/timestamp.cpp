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
    return out.utc.isValid();
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
    return format(parsed.utc.addSecs(seconds), parsed.micros);
}

QString nowTimestamp()
{
    return formatTimestamp(QDateTime::currentDateTimeUtc());
}

} // namespace dpm
