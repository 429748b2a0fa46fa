#pragma once

#include <QAbstractTableModel>
#include <QFont>
#include <QList>
#include <QSet>
#include <QStringList>

namespace dpm {

// The base of the bundle pane's small tables: rows of display strings prepared when the data
// arrives, so data() is O(1). Cells are one line, cut for display; the tooltip has the full
// text. Subclasses fill the rows and answer their own roles in extraData().
class PreparedTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kDisplayLimit = 120;

    explicit PreparedTableModel(QStringList headers, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The full text of a cell (what copy takes).
    QString cellText(int row, int column) const;

protected:
    // Replaces every row (a model reset). Each row has one string per column.
    void setRows(QList<QStringList> rows);
    // Columns shown in the fixed-width font (ids, hashes, JSON).
    void setMonospaceColumns(QSet<int> columns) { m_monospace = std::move(columns); }
    virtual QVariant extraData(int row, int column, int role) const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows; // full text
    QList<QStringList> m_display; // one line, cut
    QSet<int> m_monospace;
    QFont m_fixedFont;
};

} // namespace dpm
