#pragma once

#include "listing/keysetlistmodel.h"

#include <QFuture>

namespace dpm {

enum class ExportFormat { Csv, Json };

// Streams every row of a listing (all its pages, read with the listing's own filter) to a file
// on the session's worker thread. Progress is the number of rows written so far; cancelling
// leaves no file behind (the rows go to a temporary file that replaces the target only when
// complete). CSV has one header line of the columns' API names; JSON is an array of the rows
// in the service's API shape, one per line. The result is the number of rows written.
// Fails with EXPORT_WRITE_FAILED when the file cannot be written.
QFuture<qint64> exportListing(StoreSession &session, const PageLoader &loader, const QList<ListColumn> &columns,
    const QString &path, ExportFormat format);

// The same rows as text, for the clipboard.
QString rowsAsTsv(const QList<ListRow> &rows, const QList<int> &columns);
QString rowsAsJson(const QList<ListRow> &rows);
QByteArray csvLine(const QStringList &fields);

} // namespace dpm
