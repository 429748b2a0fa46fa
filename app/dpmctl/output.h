#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdio>

namespace dpm::cli {

// Readable renderings of the API payloads for people (without --json).

// One value as a cell or line: strings as they are, null as "-", objects/arrays as compact JSON.
QString displayValue(const QJsonValue &value);

// "key: value" lines with the keys aligned, in the given order. Objects and arrays are printed
// as indented JSON under their key.
QString formatRecord(const QJsonObject &record, const QStringList &keys);

// An aligned table of the given columns (header, separator, rows); cells are one line, truncated.
QString formatTable(const QJsonArray &rows, const QStringList &columns);

// A listing {items, next_cursor}: the table and the final line "N rows; more: --cursor <c>" or
// "N rows; end".
QString formatListing(const QJsonObject &listing, const QStringList &columns);

// Indented JSON text of a document (what --json prints).
QString jsonText(const QJsonObject &document);

// Writes text to stdout or stderr, ending with a line feed. Everything dpmctl prints goes through
// here: control characters and bidi overrides of stored text reach the terminal as visible
// escapes (printableText), never raw.
void writeText(FILE *stream, const QString &text);

} // namespace dpm::cli
