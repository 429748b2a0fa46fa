#include "common/preparedtablemodel.h"

#include "domain/printabletext.h"

#include <QFontDatabase>

namespace dpm {

PreparedTableModel::PreparedTableModel(QStringList headers, QObject *parent)
    : QAbstractTableModel(parent)
    , m_headers(std::move(headers))
    , m_fixedFont(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{ }

int PreparedTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PreparedTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant PreparedTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return m_display.at(index.row()).at(index.column());
    case Qt::ToolTipRole: {
        const QString &full = m_rows.at(index.row()).at(index.column());
        return full.isEmpty() ? QVariant() : QVariant(printableText(full, LineBreaks::Keep));
    }
    case Qt::FontRole:
        if (m_monospace.contains(index.column()))
            return m_fixedFont;
        return extraData(index.row(), index.column(), role);
    default:
        return extraData(index.row(), index.column(), role);
    }
}

QVariant PreparedTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_headers.size())
        return m_headers.at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

QString PreparedTableModel::cellText(int row, int column) const
{
    if (row < 0 || row >= m_rows.size() || column < 0 || column >= m_headers.size())
        return {};
    return m_rows.at(row).at(column);
}

void PreparedTableModel::setRows(QList<QStringList> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_display.clear();
    m_display.reserve(m_rows.size());
    for (QStringList &row : m_rows) {
        while (row.size() < m_headers.size())
            row << QString();
        QStringList display;
        display.reserve(row.size());
        for (const QString &cell : std::as_const(row)) {
            QString line = printableText(cell.simplified());
            if (line.size() > kDisplayLimit)
                line = line.left(kDisplayLimit) + QChar(0x2026);
            display << line;
        }
        m_display << display;
    }
    endResetModel();
}

QVariant PreparedTableModel::extraData(int, int, int) const
{
    return {};
}

} // namespace dpm
