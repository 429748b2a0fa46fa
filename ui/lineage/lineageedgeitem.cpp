#include "lineage/lineageedgeitem.h"

#include <QFontMetricsF>
#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>

namespace dpm {

LineageEdgeItem::LineageEdgeItem(const QString &source, const QString &target, const QString &label,
    const Geometry &geometry, const QPalette &palette, const QFont &font, bool dashed)
    : m_source(source)
    , m_target(target)
    , m_label(label)
    , m_font(font)
    , m_dashed(dashed)
{
    const QList<QPointF> &p = geometry.points;
    if (!p.isEmpty()) {
        m_path.moveTo(p.first());
        for (int i = 1; i + 2 < p.size(); i += 3)
            m_path.cubicTo(p.at(i), p.at(i + 1), p.at(i + 2));
    }
    if (geometry.arrowHead && !p.isEmpty()) {
        // dot ends the spline at the arrow's base; the head is drawn from there to the tip.
        const QLineF shaft(p.last(), *geometry.arrowHead);
        const QLineF normal = shaft.normalVector();
        const QPointF side(normal.dx() * 0.4, normal.dy() * 0.4);
        m_arrow = QPolygonF({ *geometry.arrowHead, p.last() + side, p.last() - side });
    }
    if (geometry.labelPosition && !label.isEmpty()) {
        const QFontMetricsF metrics(font);
        const QSizeF size(metrics.horizontalAdvance(label) + 4, metrics.height());
        m_labelRect = QRectF(*geometry.labelPosition - QPointF(size.width() / 2, size.height() / 2), size);
    }
    m_color = palette.color(QPalette::Text);
    m_color.setAlphaF(0.65f);
    m_labelBackground = palette.color(QPalette::Base);
    m_labelBackground.setAlphaF(0.8f);
    m_bounds = (m_path.boundingRect() | m_arrow.boundingRect() | m_labelRect).adjusted(-3, -3, 3, 3);
    setZValue(-1); // under the nodes
    setAcceptHoverEvents(true);
}

QRectF LineageEdgeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath LineageEdgeItem::shape() const
{
    // Wide enough to hover for the tooltip.
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    QPainterPath path = stroker.createStroke(m_path);
    path.addPolygon(m_arrow);
    if (!m_labelRect.isNull())
        path.addRect(m_labelRect);
    return path;
}

void LineageEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(option)
    Q_UNUSED(widget)
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(m_color, 1.3);
    if (m_dashed)
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    if (!m_arrow.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_color);
        painter->drawPolygon(m_arrow);
    }
    if (!m_labelRect.isNull()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_labelBackground);
        painter->drawRect(m_labelRect);
        QColor text = m_color;
        text.setAlphaF(1);
        painter->setPen(text);
        painter->setFont(m_font);
        painter->drawText(m_labelRect, Qt::AlignCenter, m_label);
    }
}

} // namespace dpm
