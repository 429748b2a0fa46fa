#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace dpm {

// Timestamps as the service writes them (Part A §3): UTC, "YYYY-MM-DDTHH:MM:SS+00:00", with
// ".ffffff" microseconds only when non-zero. With one format, text order is time order, which is
// what every range filter, ORDER BY and purge cut-off relies on.

// Formats a point in time. QDateTime has millisecond precision, so microseconds are ms * 1000.
QString formatTimestamp(const QDateTime &when);

// Accepts what a person or script types as a bound: ISO-8601 with any offset or "Z", with or
// without fractional seconds (up to microseconds), a space instead of "T", or a bare date
// (midnight UTC). Returns the service format in UTC. Throws Error INVALID_TIMESTAMP otherwise.
QString normalizeTimestamp(const QString &input);

// Parses a stored or normalised timestamp back into a point in time (invalid QDateTime if the
// text is not a timestamp). Microseconds beyond milliseconds are dropped.
QDateTime parseTimestamp(const QString &text);

// A stored or normalised timestamp moved by a number of seconds (negative = earlier), keeping
// its microseconds, in the service format. Used for purge cut-offs (now - retention). Throws
// INVALID_TIMESTAMP when the text is not a timestamp.
QString addSecondsToTimestamp(const QString &timestamp, qint64 seconds);

// "now" in the service format; a single place so tests can reason about it.
QString nowTimestamp();

// Microsecond-precise variants for code that makes timestamps in bulk (the demo generator):
// microseconds since the Unix epoch, formatted in the service format by arithmetic alone (no
// QDateTime, which keeps only milliseconds), and parsed back from any accepted timestamp text.
void appendTimestampMicros(QByteArray &out, qint64 microsSinceEpoch);
QString formatTimestampMicros(qint64 microsSinceEpoch);
// nullopt when the text is not a timestamp (see normalizeTimestamp for what is accepted).
std::optional<qint64> timestampMicros(const QString &text);

} // namespace dpm
