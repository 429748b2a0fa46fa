#pragma once

#include <QCache>
#include <QColor>
#include <QFont>
#include <QFontMetrics>
#include <QList>
#include <QPalette>
#include <QPointer>
#include <QStaticText>
#include <QStyledItemDelegate>
#include <QTimer>

class QAbstractItemModel;
class QTableView;

namespace dpm {

// Paints a table's cells from text laid out when their rows arrive (issue 18: text layout was
// most of a page's paint). For each cell it keeps the display text elided to the column's width
// as a prepared QStaticText, its colour and alignment; rows appended by the model are prepared a
// few at a time right after they arrive, so a repaint neither asks the model nor lays out text.
// A resized column's cells are elided again when next painted; a new font or palette, or rows
// changed, moved or removed, drop what was kept. Tooltips, selection and focus are the view's and
// the style's as usual. Listing cells have no icons, check boxes or background roles.
class ElidedTextDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ElidedTextDelegate(QTableView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The text the cell shows (elided to its column), or a null string when it is not prepared.
    QString shownText(const QModelIndex &index) const;
    // Cells laid out so far (prepared or elided again), for tests.
    qint64 layoutsMade() const { return m_layouts; }

private:
    struct Cell
    {
        QStaticText text;
        QColor color; // invalid: the palette's text colour
        int width = -1; // the text width it was elided to
        Qt::Alignment alignment;
    };
    using Row = QList<Cell>;

    void watch(QAbstractItemModel *model) const;
    void forgetAll() const;
    // Drops what was laid out in another font or coloured from another palette.
    void syncStyle(const QFont &font, const QPalette &palette) const;
    void forgetRows(int first, int last) const;
    void queueRows(int first, int last);
    void prepareQueued();
    Row *rowOf(const QModelIndex &index) const;
    void lay(Cell &cell, const QModelIndex &index, int width) const;
    // The width the cell's text may take in a column this wide.
    int textWidth(int cellWidth) const { return cellWidth - 2 * m_margin; }
    int cellWidth(int column) const;

    QTableView *m_view;
    mutable QPointer<QAbstractItemModel> m_model;
    mutable QFont m_font;
    mutable QFontMetrics m_metrics { m_font };
    mutable qint64 m_paletteKey = 0;
    mutable int m_fontHeight = 0;
    int m_margin;
    // Bounded: the screens around what the user looks at; rows scrolled far away are laid out
    // again when they come back.
    mutable QCache<int, Row> m_rows { 2048 };
    mutable QList<std::pair<int, int>> m_queued; // row ranges that arrived and are not prepared yet
    QTimer m_prepare;
    mutable qint64 m_layouts = 0;
};

} // namespace dpm
