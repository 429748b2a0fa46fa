#include "common/statusbadgedelegate.h"

#include <QApplication>
#include <QPainter>

namespace dpm {

namespace {

constexpr int kPadding = 6;
constexpr int kTintAlpha = 40;

} // namespace

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    const QVariant foreground = index.data(Qt::ForegroundRole);
    if (text.isEmpty() || !foreground.canConvert<QColor>()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The row's selection and alternating background first, without the text.
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QColor color = foreground.value<QColor>();
    const QFontMetrics metrics(opt.font);
    const int textWidth = metrics.horizontalAdvance(text);
    const int width = qMin(textWidth + 2 * kPadding, opt.rect.width() - 4);
    const int height = qMin(metrics.height() + 2, opt.rect.height() - 2);
    const QRect pill(opt.rect.left() + 2, opt.rect.center().y() - height / 2, width, height);
    QColor fill = color;
    fill.setAlpha(kTintAlpha);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText) : color);
    painter->setFont(opt.font);
    // Elided only when the column is narrower than the word (eliding at the exact width would cut
    // every word by rounding).
    const bool fits = width >= textWidth + 2 * kPadding;
    painter->drawText(pill, Qt::AlignCenter,
        fits ? text : metrics.elidedText(text, Qt::ElideRight, pill.width() - 2 * kPadding));
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 2 * kPadding + 4;
    return size;
}

} // namespace dpm
