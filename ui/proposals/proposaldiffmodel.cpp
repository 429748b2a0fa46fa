#include "proposals/proposaldiffmodel.h"

#include "common/statuscolors.h"

#include <QFontDatabase>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace dpm {

namespace {

constexpr int kValueDisplayLimit = 160;

QString cut(const QString &text)
{
    QString line = text;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return line.size() > kValueDisplayLimit ? line.left(kValueDisplayLimit - 1) + QChar(0x2026) : line;
}

QStandardItem *cell(const QString &text, const QString &full = {})
{
    auto *item = new QStandardItem(cut(text));
    item->setEditable(false);
    if (!full.isEmpty())
        item->setToolTip(full);
    return item;
}

} // namespace

QString jsonLiteral(const QJsonValue &value)
{
    if (value.isUndefined())
        return {};
    // A one-element array is the portable way to print any JSON value compactly.
    const QByteArray text = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

QStringList jsonPointerSegments(const QString &pointer)
{
    if (pointer.isEmpty())
        return {};
    QStringList segments = pointer.mid(1).split(QLatin1Char('/'));
    for (QString &segment : segments) {
        segment.replace(QStringLiteral("~1"), QStringLiteral("/"));
        segment.replace(QStringLiteral("~0"), QStringLiteral("~"));
    }
    return segments;
}

ProposalDiffModel::ProposalDiffModel(QObject *parent)
    : QStandardItemModel(parent)
{
    setHorizontalHeaderLabels({ tr("Path"), tr("Change"), tr("Before"), tr("After") });
}

void ProposalDiffModel::clearDiff()
{
    removeRows(0, rowCount());
    m_differences = 0;
}

void ProposalDiffModel::setDiff(const ProposalVersionDiff &diff, const QPalette &palette)
{
    clearDiff();
    addDocument(QStringLiteral("result"), diff.result, palette);
    addDocument(QStringLiteral("artifact"), diff.artifact, palette);
}

void ProposalDiffModel::addDocument(const QString &name, const QList<JsonDifference> &differences, const QPalette &palette)
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QStandardItem *top = cell(name);
    top->setData(name, DocumentRole);
    QFont bold = top->font();
    bold.setBold(true);
    top->setFont(bold);
    // Group rows by their pointer prefix, so siblings share one parent row.
    QHash<QString, QStandardItem *> groups;
    QHash<QStandardItem *, int> counts;
    for (const JsonDifference &d : differences) {
        const QStringList segments = jsonPointerSegments(d.path);
        const QStringList raw = d.path.isEmpty() ? QStringList() : d.path.mid(1).split(QLatin1Char('/'));
        QStandardItem *parent = top;
        QString prefix;
        for (qsizetype i = 0; i + 1 < segments.size(); ++i) {
            prefix += QLatin1Char('/') + raw.at(i);
            QStandardItem *&group = groups[prefix];
            if (!group) {
                group = cell(segments.at(i));
                group->setData(prefix, PointerRole);
                group->setData(name, DocumentRole);
                parent->appendRow({ group, cell({}), cell({}), cell({}) });
            }
            parent = group;
        }
        const QString kind = toWire(d.kind);
        const QString before = jsonLiteral(d.before);
        const QString after = jsonLiteral(d.after);
        QList<QStandardItem *> row { cell(segments.isEmpty() ? tr("(whole document)") : segments.last(),
                                         name + QLatin1Char(':') + d.path),
            cell(kind), cell(before, before), cell(after, after) };
        const QColor color = d.kind == JsonDifference::Kind::Added ? goodColor(palette)
            : d.kind == JsonDifference::Kind::Removed              ? badColor(palette)
                                                                   : warningColor(palette);
        for (QStandardItem *item : row) {
            item->setData(kind, KindRole);
            item->setData(d.path, PointerRole);
            item->setData(name, DocumentRole);
            item->setForeground(color);
        }
        row.at(BeforeColumn)->setFont(fixed);
        row.at(AfterColumn)->setFont(fixed);
        parent->appendRow(row);
        // Every group on the way counts this difference.
        for (QStandardItem *p = parent; p; p = p->parent())
            ++counts[p];
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        QStandardItem *group = it.key();
        QStandardItem *count = group->parent() ? group->parent()->child(group->row(), KindColumn) : nullptr;
        const QString text = tr("%n difference(s)", nullptr, it.value());
        if (count)
            count->setText(text);
        else
            group->setToolTip(text);
    }
    const int total = int(differences.size());
    m_differences += total;
    const QString summary = total == 0 ? tr("no differences") : tr("%n difference(s)", nullptr, total);
    appendRow({ top, cell(summary), cell({}), cell({}) });
}

} // namespace dpm
