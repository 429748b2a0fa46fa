#pragma once

#include "services/lineagegraph.h"

#include <QCoreApplication>
#include <QFont>
#include <QGraphicsItem>
#include <QPalette>

namespace dpm {

// One node of the lineage graph: shape by kind (run rounded box, correlation ellipse,
// idempotency key hexagon, operation box, proposal parallelogram, decisions, batches and other entities plain
// ellipses), colour by kind from the palette, runs by status; a dashed "N more not shown" node stands for the
// neighbours the node cap left out. Two lines: what it is (and a run's status), then the id.
class LineageNodeItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(LineageNodeItem)

public:
    enum { Type = UserType + 701 };

    // What a node says, computed off the UI thread with the sizes dot lays out.
    struct Content
    {
        QString entityId; // for "more": the node whose neighbours are left out
        LineageNodeKind kind = LineageNodeKind::Entity;
        bool more = false;
        int moreCount = 0;
        QString status; // runs
        QString title;
        QString idText; // the id, elided in the middle when long
        QSizeF size;
    };
    static Content contentFor(const LineageGraphNode &node, const QFont &titleFont, const QFont &idFont);
    static Content moreContentFor(const QString &parentId, int count, const QFont &titleFont);
    // The scene id of the "N more" node of `parentId`.
    static QString moreNodeId(const QString &parentId);

    LineageNodeItem(const Content &content, const QPalette &palette, const QFont &titleFont, const QFont &idFont);

    int type() const override { return Type; }
    const Content &content() const { return m_content; }
    QString entityId() const { return m_content.entityId; }
    bool isMore() const { return m_content.more; }
    void setFocusNode(bool focus);
    bool isFocusNode() const { return m_focus; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // The border colour a kind (or a run's status) is drawn with on this palette.
    static QColor kindColor(LineageNodeKind kind, const QString &status, const QPalette &palette);
    // What a node of this kind is called on the graph ("run", "idempotency key", …).
    static QString kindName(LineageNodeKind kind);

private:
    QPainterPath outline() const;

    Content m_content;
    QColor m_fill;
    QColor m_border;
    QColor m_text;
    QColor m_highlight;
    QFont m_titleFont;
    QFont m_idFont;
    bool m_focus = false;
};

} // namespace dpm
