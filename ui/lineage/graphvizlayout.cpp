#include "lineage/graphvizlayout.h"

#include <QHash>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <mutex>

namespace dpm {

namespace {

// dot keeps layout state in globals and a GVC_t is not safe to share: one layout at a time.
// One context for the process, used under graphvizMutex(). Graphviz 2.42 caches the last font
// name it measured in a static that gvFreeContext frees, so a second context reads freed memory
// (found by AddressSanitizer); the context lives as long as the process instead.
GVC_t *graphvizContext()
{
    static GVC_t *context = gvContext();
    return context;
}

std::mutex &graphvizMutex()
{
    static std::mutex mutex;
    return mutex;
}

// cgraph's API (2.42) takes char * for names and values it only reads.
char *chars(const char *text)
{
    return const_cast<char *>(text);
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'f', 4);
}

} // namespace

GraphvizLayout::Result GraphvizLayout::layout(const Input &input)
{
    Result result;
    result.nodeCentres.resize(input.nodes.size());
    result.edges.resize(input.edges.size());
    if (input.nodes.isEmpty()) {
        result.ok = true;
        return result;
    }

    std::lock_guard<std::mutex> lock(graphvizMutex());
    GVC_t *gvc = graphvizContext();
    // Built with the cgraph API rather than DOT text: entity ids never need quoting, and the
    // positions are read straight from the laid-out graph instead of parsing a rendering.
    Agraph_t *graph = agopen(chars("lineage"), Agdirected, nullptr);
    agattr(graph, AGRAPH, chars("rankdir"), chars(input.direction == RankDirection::LeftToRight ? "LR" : "TB"));
    agattr(graph, AGRAPH, chars("nodesep"), chars("0.25"));
    agattr(graph, AGRAPH, chars("ranksep"), chars("0.6"));
    Agsym_t *shape = agattr(graph, AGNODE, chars("shape"), chars("box"));
    Agsym_t *fixedSize = agattr(graph, AGNODE, chars("fixedsize"), chars("true"));
    Agsym_t *label = agattr(graph, AGNODE, chars("label"), chars(""));
    Agsym_t *width = agattr(graph, AGNODE, chars("width"), chars("1"));
    Agsym_t *height = agattr(graph, AGNODE, chars("height"), chars("0.5"));
    Agsym_t *edgeLabel = agattr(graph, AGEDGE, chars("label"), chars(""));
    agattr(graph, AGEDGE, chars("fontsize"), number(input.labelFontSize).data());
    Q_UNUSED(shape)
    Q_UNUSED(fixedSize)
    Q_UNUSED(label)

    QList<Agnode_t *> nodes;
    nodes.reserve(input.nodes.size());
    QHash<QString, int> indexOf;
    for (int i = 0; i < input.nodes.size(); ++i) {
        const Node &node = input.nodes.at(i);
        Agnode_t *n = agnode(graph, QByteArray("n" + QByteArray::number(i)).data(), 1);
        agxset(n, width, number(node.size.width() / 72.0).data());
        agxset(n, height, number(node.size.height() / 72.0).data());
        nodes << n;
        indexOf.insert(node.id, i);
    }
    QList<Agedge_t *> edges(input.edges.size(), nullptr);
    for (int i = 0; i < input.edges.size(); ++i) {
        const Edge &edge = input.edges.at(i);
        const auto source = indexOf.constFind(edge.source);
        const auto target = indexOf.constFind(edge.target);
        if (source == indexOf.constEnd() || target == indexOf.constEnd())
            continue;
        Agedge_t *e
            = agedge(graph, nodes.at(*source), nodes.at(*target), QByteArray("e" + QByteArray::number(i)).data(), 1);
        if (!edge.label.isEmpty())
            agxset(e, edgeLabel, edge.label.toUtf8().data());
        edges[i] = e;
    }

    if (gvLayout(gvc, graph, "dot") != 0) {
        result.error = QStringLiteral("Graphviz could not lay out the graph.");
        agclose(graph);
        return result;
    }

    // Graphviz's y axis points up; the scene's points down.
    const boxf bb = GD_bb(graph);
    const auto toScene = [&bb](pointf p) { return QPointF(p.x - bb.LL.x, bb.UR.y - p.y); };
    for (int i = 0; i < nodes.size(); ++i)
        result.nodeCentres[i] = toScene(ND_coord(nodes.at(i)));
    for (int i = 0; i < edges.size(); ++i) {
        Agedge_t *e = edges.at(i);
        if (!e)
            continue;
        PlacedEdge &placed = result.edges[i];
        if (const splines *spl = ED_spl(e)) {
            for (int b = 0; b < spl->size; ++b) {
                const bezier &bz = spl->list[b];
                for (int p = 0; p < bz.size; ++p)
                    placed.points << toScene(bz.list[p]);
                if (bz.eflag)
                    placed.arrowHead = toScene(bz.ep);
            }
        }
        if (const textlabel_t *text = ED_label(e); text && text->set)
            placed.labelPosition = toScene(text->pos);
    }
    result.boundingRect = QRectF(0, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
    result.ok = true;

    gvFreeLayout(gvc, graph);
    agclose(graph);
    return result;
}

} // namespace dpm
