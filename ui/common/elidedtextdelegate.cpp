#include "common/elidedtextdelegate.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPainter>
#include <QTableView>
#include <QtMath>

namespace dpm {

namespace {

// Rows that arrive are prepared in slices this long, so that a page of 200 rows never holds the
// UI thread in one piece.
constexpr qint64 kSliceNs = 2'000'000;

} // namespace

ElidedTextDelegate::ElidedTextDelegate(QTableView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
    // The cell less the style's text margin, as QCommonStyle draws item text; not
    // subElementRect(SE_ItemViewItemText), which lays the text out to size it.
    , m_margin(view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1)
{
    m_prepare.setSingleShot(true);
    m_prepare.setInterval(0);
    connect(&m_prepare, &QTimer::timeout, this, &ElidedTextDelegate::prepareQueued);
    watch(view->model());
}

void ElidedTextDelegate::watch(QAbstractItemModel *model) const
{
    auto *self = const_cast<ElidedTextDelegate *>(this);
    if (m_model)
        disconnect(m_model, nullptr, self, nullptr);
    forgetAll();
    m_model = model;
    if (!model)
        return;
    connect(model, &QAbstractItemModel::rowsInserted, self, [self](const QModelIndex &parent, int first, int last) {
        if (parent.isValid())
            return;
        if (last == self->m_model->rowCount() - 1)
            self->queueRows(first, last); // appended: the rows kept so far keep their numbers
        else
            self->forgetAll();
    });
    connect(model, &QAbstractItemModel::dataChanged, self,
        [self](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            self->forgetRows(topLeft.row(), bottomRight.row());
        });
    // Rows renumbered or gone, or columns changed: what was kept no longer matches its cells.
    const auto forget = [self] { self->forgetAll(); };
    connect(model, &QAbstractItemModel::modelReset, self, forget);
    connect(model, &QAbstractItemModel::layoutChanged, self, forget);
    connect(model, &QAbstractItemModel::rowsRemoved, self, forget);
    connect(model, &QAbstractItemModel::rowsMoved, self, forget);
    connect(model, &QAbstractItemModel::columnsInserted, self, forget);
    connect(model, &QAbstractItemModel::columnsRemoved, self, forget);
    connect(model, &QAbstractItemModel::columnsMoved, self, forget);
}

void ElidedTextDelegate::forgetAll() const
{
    m_rows.clear();
    m_queued.clear();
}

void ElidedTextDelegate::forgetRows(int first, int last) const
{
    if (last - first >= m_rows.size()) {
        for (const int row : m_rows.keys()) {
            if (row >= first && row <= last)
                m_rows.remove(row);
        }
        return;
    }
    for (int row = first; row <= last; ++row)
        m_rows.remove(row);
}

void ElidedTextDelegate::queueRows(int first, int last)
{
    m_queued.append({ first, last });
    m_prepare.start();
}

void ElidedTextDelegate::prepareQueued()
{
    if (!m_model || m_model != m_view->model())
        return;
    syncStyle(m_view->font(), m_view->palette());
    QElapsedTimer slice;
    slice.start();
    const int columns = m_model->columnCount();
    while (!m_queued.isEmpty() && slice.nsecsElapsed() < kSliceNs) {
        auto &[first, last] = m_queued.first();
        if (first < m_model->rowCount()) {
            Row *row = rowOf(m_model->index(first, 0));
            for (int column = 0; column < columns; ++column) {
                Cell &cell = (*row)[column];
                const int width = textWidth(cellWidth(column));
                if (cell.width != width)
                    lay(cell, m_model->index(first, column), width);
            }
        }
        if (++first > last)
            m_queued.removeFirst();
    }
    if (!m_queued.isEmpty())
        m_prepare.start();
}

void ElidedTextDelegate::syncStyle(const QFont &font, const QPalette &palette) const
{
    // Text laid out in another font, or a colour from another palette (the status colours follow
    // it), is stale.
    if (font == m_font && palette.cacheKey() == m_paletteKey && m_fontHeight > 0)
        return;
    m_rows.clear();
    m_font = font;
    m_metrics = QFontMetrics(font);
    m_fontHeight = m_metrics.height();
    m_paletteKey = palette.cacheKey();
}

int ElidedTextDelegate::cellWidth(int column) const
{
    // As QTableView paints a cell: its column less the grid line.
    return m_view->columnWidth(column) - (m_view->showGrid() ? 1 : 0);
}

ElidedTextDelegate::Row *ElidedTextDelegate::rowOf(const QModelIndex &index) const
{
    if (Row *row = m_rows.object(index.row()))
        return row;
    auto *row = new Row(index.model()->columnCount());
    m_rows.insert(index.row(), row);
    return row;
}

void ElidedTextDelegate::lay(Cell &cell, const QModelIndex &index, int width) const
{
    const QString text = index.data(Qt::DisplayRole).toString();
    cell.text = QStaticText(width > 0 ? m_metrics.elidedText(text, Qt::ElideRight, width) : QString());
    cell.text.setTextFormat(Qt::PlainText);
    cell.text.setPerformanceHint(QStaticText::AggressiveCaching);
    cell.text.prepare(QTransform(), m_font);
    const QVariant foreground = index.data(Qt::ForegroundRole);
    cell.color = foreground.isValid() ? qvariant_cast<QBrush>(foreground).color() : QColor();
    const QVariant alignment = index.data(Qt::TextAlignmentRole);
    cell.alignment = alignment.isValid() ? Qt::Alignment(alignment.toInt()) : Qt::AlignLeft | Qt::AlignVCenter;
    cell.width = width;
    ++m_layouts;
}

QString ElidedTextDelegate::shownText(const QModelIndex &index) const
{
    const Row *row = index.isValid() && index.model() == m_model ? m_rows.object(index.row()) : nullptr;
    if (!row || index.column() >= row->size() || row->at(index.column()).width < 0)
        return {};
    return row->at(index.column()).text.text();
}

void ElidedTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.model() != m_model)
        watch(const_cast<QAbstractItemModel *>(index.model()));
    syncStyle(option.font, option.palette);
    const QRect rect = option.rect.adjusted(m_margin, 0, -m_margin, 0);
    Row *row = rowOf(index);
    Cell &cell = (*row)[index.column()];
    if (cell.width != rect.width())
        lay(cell, index, rect.width()); // not prepared yet, or its column was resized

    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    if (option.state & QStyle::State_HasFocus) {
        // The one current cell: the style's whole item, for its focus frame.
        QStyleOptionViewItem base = option;
        initStyleOption(&base, index);
        base.text.clear();
        style->drawControl(QStyle::CE_ItemViewItem, &base, painter, widget);
    } else {
        // Selection and background only: no layout of icon, check box or text.
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &option, painter, widget);
    }
    if (cell.text.text().isEmpty())
        return;

    const QPalette::ColorGroup group = option.state & QStyle::State_Enabled
        ? (option.state & QStyle::State_Active ? QPalette::Normal : QPalette::Inactive)
        : QPalette::Disabled;
    QColor color = cell.color;
    if (option.state & QStyle::State_Selected)
        color = option.palette.color(group, QPalette::HighlightedText);
    else if (!color.isValid())
        color = option.palette.color(group, QPalette::Text);
    const int width = qCeil(cell.text.size().width());
    int x = rect.left();
    if (cell.alignment & Qt::AlignRight)
        x = rect.right() + 1 - width;
    else if (cell.alignment & Qt::AlignHCenter)
        x = rect.left() + (rect.width() - width) / 2;
    painter->save();
    painter->setFont(m_font);
    painter->setPen(color);
    painter->drawStaticText(QPoint(x, rect.top() + (rect.height() - m_fontHeight) / 2), cell.text);
    painter->restore();
}

} // namespace dpm
