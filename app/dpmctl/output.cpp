#include "output.h"

#include "domain/apijson.h"
#include "domain/printabletext.h"

#include <QJsonDocument>

#include <algorithm>

namespace dpm::cli {

namespace {

// Wide enough for a sha256 request hash and a console cursor, so they can be copied from a table.
constexpr qsizetype kMaxCell = 120;

// A cell: line breaks as spaces, other controls escaped before the width is measured.
QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text = printableText(text);
    if (text.size() > kMaxCell)
        text = text.left(kMaxCell - 3) + QStringLiteral("...");
    return text;
}

QString indent(const QString &text, int spaces)
{
    const QString pad(spaces, QLatin1Char(' '));
    QStringList lines = text.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    for (QString &line : lines)
        line.prepend(pad);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString displayValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("-");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString formatRecord(const QJsonObject &record, const QStringList &keys)
{
    qsizetype width = 0;
    for (const QString &key : keys)
        width = std::max(width, key.size());
    QString out;
    for (const QString &key : keys) {
        if (!record.contains(key))
            continue;
        const QJsonValue value = record.value(key);
        const QString label = QString(key + QLatin1Char(':')).leftJustified(width + 2);
        // Small objects and arrays (count maps, a short list) stay on the key's line.
        const bool nested = (value.isObject() || value.isArray()) && displayValue(value).size() > 80;
        if (nested) {
            const QJsonDocument doc
                = value.isObject() ? QJsonDocument(value.toObject()) : QJsonDocument(value.toArray());
            out += key + QStringLiteral(":\n") + indent(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)), 2)
                + QLatin1Char('\n');
        } else if (value.isString() && value.toString().isEmpty()) {
            out += label + QStringLiteral("\"\"\n"); // an empty value, not a missing one
        } else {
            out += label + displayValue(value) + QLatin1Char('\n');
        }
    }
    return out;
}

QString formatTable(const QJsonArray &rows, const QStringList &columns)
{
    QList<QStringList> cells;
    QList<qsizetype> widths;
    for (const QString &column : columns)
        widths << column.size();
    for (const QJsonValue &row : rows) {
        QStringList line;
        const QJsonObject object = row.toObject();
        for (qsizetype i = 0; i < columns.size(); ++i) {
            const QString cell = oneLine(displayValue(object.value(columns.at(i))));
            widths[i] = std::max(widths[i], cell.size());
            line << cell;
        }
        cells << line;
    }
    auto formatLine = [&](const QStringList &line) -> QString {
        QString text;
        for (qsizetype i = 0; i < line.size(); ++i) {
            if (i + 1 < line.size())
                text += line.at(i).leftJustified(widths.at(i)) + QStringLiteral("  ");
            else
                text += line.at(i);
        }
        return text + QLatin1Char('\n');
    };
    QString out = formatLine(columns);
    QStringList rule;
    for (qsizetype i = 0; i < columns.size(); ++i)
        rule << QString(widths.at(i), QLatin1Char('-'));
    out += formatLine(rule);
    for (const QStringList &line : std::as_const(cells))
        out += formatLine(line);
    return out;
}

QString formatListing(const QJsonObject &listing, const QStringList &columns)
{
    const QJsonArray items = listing.value(QStringLiteral("items")).toArray();
    const QJsonValue next = listing.value(QStringLiteral("next_cursor"));
    QString out = formatTable(items, columns);
    out += (items.size() == 1 ? QStringLiteral("1 row; ") : QStringLiteral("%1 rows; ").arg(items.size()));
    out += next.isString() ? QStringLiteral("more: --cursor ") + next.toString() : QStringLiteral("end");
    return out + QLatin1Char('\n');
}

QString jsonText(const QJsonObject &document)
{
    return QString::fromUtf8(apiJsonDocumentBytes(document));
}

void writeText(FILE *stream, const QString &text)
{
    QByteArray bytes = printableText(text, LineBreaks::Keep).toUtf8();
    if (!bytes.endsWith('\n'))
        bytes += '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace dpm::cli
