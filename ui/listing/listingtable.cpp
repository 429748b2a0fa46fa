#include "listing/listingtable.h"

#include <QHeaderView>
#include <QPaintEvent>
#include <QPainter>

namespace dpm {

ListingTable::ListingTable(QWidget *parent)
    : QTableView(parent)
{
    setGridStyle(Qt::NoPen);
}

void ListingTable::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (!showGrid())
        return;
    const QHeaderView *rows = verticalHeader();
    const QHeaderView *columns = horizontalHeader();
    if (rows->count() == 0 || columns->count() == 0)
        return;
    // Where QTableView would draw them: the last pixel row of each row and the last pixel column
    // of each column, across the cells (not beyond the last row or column).
    const QRect dirty = event->rect();
    const int right = qMin(dirty.right(), columns->length() - columns->offset() - 1);
    const int bottom = qMin(dirty.bottom(), rows->length() - rows->offset() - 1);
    if (right < dirty.left() || bottom < dirty.top())
        return;
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QColor color = QColor::fromRgba(QRgb(style()->styleHint(QStyle::SH_Table_GridLineColor, &option, this)));
    QPainter painter(viewport());
    const bool rightToLeft = isRightToLeft();
    for (int visual = qMax(0, rows->visualIndexAt(dirty.top())); visual < rows->count(); ++visual) {
        const int row = rows->logicalIndex(visual);
        if (rows->isSectionHidden(row))
            continue;
        const int y = rowViewportPosition(row) + rowHeight(row) - 1;
        if (y > bottom)
            break;
        if (y >= dirty.top())
            painter.fillRect(QRect(dirty.left(), y, right - dirty.left() + 1, 1), color);
    }
    for (int visual = qMax(0, columns->visualIndexAt(rightToLeft ? dirty.right() : dirty.left()));
         visual < columns->count(); ++visual) {
        const int column = columns->logicalIndex(visual);
        if (columns->isSectionHidden(column))
            continue;
        const int x = columnViewportPosition(column) + (rightToLeft ? 0 : columnWidth(column) - 1);
        if (x < dirty.left() || x > dirty.right()) {
            if (!rightToLeft && x > dirty.right())
                break;
            continue;
        }
        painter.fillRect(QRect(x, dirty.top(), 1, bottom - dirty.top() + 1), color);
    }
}

} // namespace dpm
