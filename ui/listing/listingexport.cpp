#include "listing/listingexport.h"

#include "session/storesession.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace dpm {

namespace {

constexpr int kExportPageSize = 1000;

[[noreturn]] void throwWriteFailed(const QSaveFile &file)
{
    throw Error(ErrorKind::Storage, QStringLiteral("EXPORT_WRITE_FAILED"),
        QCoreApplication::translate(
            "dpm::ListingExport", "Could not write %1 (%2); choose another folder or free some space.")
            .arg(file.fileName(), file.errorString()));
}

void writeOrThrow(QSaveFile &file, const QByteArray &bytes)
{
    if (file.write(bytes) != bytes.size())
        throwWriteFailed(file);
}

QString tsvField(QString text)
{
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

} // namespace

QByteArray csvLine(const QStringList &fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += ',';
        QByteArray field = fields.at(i).toUtf8();
        if (field.contains(',') || field.contains('"') || field.contains('\n') || field.contains('\r')) {
            field.replace("\"", "\"\"");
            field = '"' + field + '"';
        }
        line += field;
    }
    return line + "\r\n";
}

QFuture<qint64> exportListing(StoreSession &session, const PageLoader &loader, const QList<ListColumn> &columns,
    const QString &path, ExportFormat format)
{
    return session.runWithPromise<qint64>(
        [loader, columns, path, format](QPromise<qint64> &promise, SupportStore &store) {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                throwWriteFailed(file);
            if (format == ExportFormat::Csv) {
                QStringList header;
                for (const ListColumn &column : columns)
                    header << column.key;
                writeOrThrow(file, csvLine(header));
            } else {
                writeOrThrow(file, "[");
            }
            qint64 written = 0;
            PageRequest page { kExportPageSize, std::nullopt };
            promise.setProgressRange(0, 0);
            do {
                const ListPage result = loader(store, page);
                // Checked after each read: a cancel during the last page's read must not commit.
                if (promise.isCanceled()) {
                    file.cancelWriting();
                    return;
                }
                QByteArray chunk;
                for (const ListRow &row : result.rows) {
                    if (format == ExportFormat::Csv) {
                        chunk += csvLine(row.values);
                    } else {
                        chunk += written == 0 ? "\n" : ",\n";
                        chunk += QJsonDocument(row.json).toJson(QJsonDocument::Compact);
                    }
                    ++written;
                }
                writeOrThrow(file, chunk);
                promise.setProgressValueAndText(int(qMin<qint64>(written, INT_MAX)),
                    QCoreApplication::translate("dpm::ListingExport", "%L1 rows written").arg(written));
                page.cursor = result.nextCursor;
            } while (page.cursor);
            if (format == ExportFormat::Json)
                writeOrThrow(file, "\n]\n");
            if (!file.commit())
                throwWriteFailed(file);
            promise.addResult(written);
        });
}

QString rowsAsTsv(const QList<ListRow> &rows, const QList<int> &columns)
{
    QStringList lines;
    for (const ListRow &row : rows) {
        QStringList fields;
        for (int column : columns)
            fields << tsvField(row.values.value(column));
        lines << fields.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n'));
}

QString rowsAsJson(const QList<ListRow> &rows)
{
    QJsonArray array;
    for (const ListRow &row : rows)
        array.append(row.json);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

} // namespace dpm
