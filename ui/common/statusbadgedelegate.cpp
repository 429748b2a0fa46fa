#include "common/statusbadgedelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace dpm {

namespace {

constexpr int kPadding = 5; // inside a badge, left and right
constexpr int kGap = 4; // between badges

} // namespace

QVariantMap StatusBadgeDelegate::badge(const QString &text, const QColor &color)
{
    return { { QStringLiteral("text"), text }, { QStringLiteral("color"), color } };
}

QVariantList StatusBadgeDelegate::badgesOf(const QModelIndex &index)
{
    const QVariant badges = index.data(BadgesRole);
    if (badges.isValid())
        return badges.toList();
    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty())
        return {};
    const QVariant color = index.data(Qt::ForegroundRole);
    return { badge(text, color.isValid() ? color.value<QColor>() : QColor()) };
}

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The cell's background and selection as the style draws them, without its text.
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    base.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &base, painter, widget);

    const QFontMetrics metrics(option.font);
    const int height = qMin(option.rect.height() - 2, metrics.height() + 2);
    int x = option.rect.left() + kGap;
    const int y = option.rect.top() + (option.rect.height() - height) / 2;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(option.rect);
    painter->setFont(option.font);
    for (const QVariant &item : badgesOf(index)) {
        const QVariantMap map = item.toMap();
        const QString text = map.value(QStringLiteral("text")).toString();
        QColor color = map.value(QStringLiteral("color")).value<QColor>();
        if (!color.isValid())
            color = option.palette.color(QPalette::Text);
        const QRect rect(x, y, metrics.horizontalAdvance(text) + 2 * kPadding, height);
        QColor fill = color;
        fill.setAlpha(40);
        QPainterPath path;
        path.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
        painter->fillPath(path, fill);
        painter->setPen(QPen(color, 1));
        painter->drawPath(path);
        // Selected rows keep the selection's text colour so the word stays readable.
        painter->setPen(
            option.state & QStyle::State_Selected ? option.palette.color(QPalette::HighlightedText) : color);
        painter->drawText(rect, Qt::AlignCenter, text);
        x = rect.right() + kGap;
    }
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics metrics(option.font);
    int width = kGap;
    for (const QVariant &item : badgesOf(index))
        width += metrics.horizontalAdvance(item.toMap().value(QStringLiteral("text")).toString()) + 2 * kPadding + kGap;
    return { width, metrics.height() + 4 };
}

} // namespace dpm
