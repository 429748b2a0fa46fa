#include "common/elidedtextdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QtMath>

namespace dpm {

const QStaticText &ElidedTextDelegate::laidOut(const QString &text, const QFont &font, int width) const
{
    const QString key = QString::number(width) + u'\x1f' + font.key() + u'\x1f' + text;
    if (QStaticText *cached = m_texts.object(key))
        return *cached;
    auto *laid = new QStaticText(QFontMetrics(font).elidedText(text, Qt::ElideRight, width));
    laid->setTextFormat(Qt::PlainText);
    laid->setPerformanceHint(QStaticText::AggressiveCaching);
    laid->prepare(QTransform(), font);
    m_texts.insert(key, laid);
    return *m_texts.object(key);
}

void ElidedTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    const QString text = base.text;
    base.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &base, painter, widget);
    if (text.isEmpty())
        return;

    // The cell less the style's text margin, as QCommonStyle draws item text. Not
    // subElementRect(SE_ItemViewItemText): it lays the text out to size it, the very cost this
    // delegate avoids (callgrind: 31% of a page's paint). Listings show no icons or checkboxes.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect rect = option.rect.adjusted(margin, 0, -margin, 0);
    if (rect.width() <= 0)
        return;
    const QStaticText &laid = laidOut(text, base.font, rect.width());
    const QPalette::ColorGroup group = base.state & QStyle::State_Enabled
        ? (base.state & QStyle::State_Active ? QPalette::Normal : QPalette::Inactive)
        : QPalette::Disabled;
    painter->save();
    painter->setFont(base.font);
    painter->setPen(
        base.palette.color(group, base.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    const int y = rect.top() + (rect.height() - QFontMetrics(base.font).height()) / 2;
    painter->setClipRect(option.rect);
    const int x = base.displayAlignment & Qt::AlignRight ? rect.right() + 1 - qCeil(laid.size().width()) : rect.left();
    painter->drawStaticText(QPoint(x, y), laid);
    painter->restore();
}

} // namespace dpm
