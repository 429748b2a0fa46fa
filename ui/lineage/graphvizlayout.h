#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <optional>

namespace dpm {

// A layered layout of a directed graph by Graphviz's dot, for the lineage graph. No widgets: the
// layout runs on a worker thread. Graphviz keeps global state, so calls are serialised by a
// process-wide mutex (several threads may call layout() at once; they take turns).
class GraphvizLayout
{
public:
    enum class RankDirection { TopToBottom, LeftToRight };

    struct Node
    {
        QString id;
        QSizeF size; // in points (= scene units at 1:1)
    };
    struct Edge
    {
        QString source;
        QString target;
        QString label; // laid out by dot so that labels do not overlap; empty for none
    };
    struct Input
    {
        QList<Node> nodes;
        QList<Edge> edges; // ends must name nodes of `nodes`; others are ignored
        RankDirection direction = RankDirection::LeftToRight;
        double labelFontSize = 9; // points, for the size dot reserves for edge labels
    };

    struct PlacedEdge
    {
        QList<QPointF> points; // cubic Bezier: start, then (control, control, end) triples
        std::optional<QPointF> arrowHead; // where the arrow's tip is, when dot drew one
        std::optional<QPointF> labelPosition; // the label's centre
    };
    struct Result
    {
        QList<QPointF> nodeCentres; // parallel to Input::nodes
        QList<PlacedEdge> edges; // parallel to Input::edges (empty points for ignored edges)
        QRectF boundingRect;
        bool ok = false;
        QString error; // why the layout failed, when !ok
    };

    // Scene coordinates: y grows downwards, the graph's top-left corner is at (0, 0).
    static Result layout(const Input &input);
};

} // namespace dpm
