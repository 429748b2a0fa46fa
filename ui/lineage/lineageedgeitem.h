#pragma once

#include <QCoreApplication>
#include <QFont>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QPalette>

#include <optional>

namespace dpm {

// One drawn lineage edge: dot's spline with an arrow head, the edge type as its label, and
// created_at (first..last when several rows are folded) and the metadata JSON on hover.
class LineageEdgeItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(LineageEdgeItem)

public:
    enum { Type = UserType + 702 };

    struct Geometry
    {
        QList<QPointF> points; // dot's cubic Bezier points
        std::optional<QPointF> arrowHead;
        std::optional<QPointF> labelPosition;
    };

    LineageEdgeItem(const QString &source, const QString &target, const QString &label, const Geometry &geometry,
        const QPalette &palette, const QFont &font, bool dashed = false);

    int type() const override { return Type; }
    QString source() const { return m_source; }
    QString target() const { return m_target; }
    QString label() const { return m_label; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_source;
    QString m_target;
    QString m_label;
    QPainterPath m_path;
    QPolygonF m_arrow;
    QRectF m_labelRect;
    QRectF m_bounds;
    QColor m_color;
    QColor m_labelBackground;
    QFont m_font;
    bool m_dashed;
};

} // namespace dpm
