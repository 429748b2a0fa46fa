#include "lineage/lineageneighbourhood.h"

#include "store/supportstore.h"

#include <algorithm>
#include <set>

namespace dpm {

LineageNeighbourhood::Kind LineageNeighbourhood::kindOf(LineageNodeKind kind)
{
    switch (kind) {
    case LineageNodeKind::Run:
        return Kind::Run;
    case LineageNodeKind::Correlation:
        return Kind::Correlation;
    case LineageNodeKind::IdempotencyKey:
        return Kind::IdempotencyKey;
    case LineageNodeKind::Operation:
        return Kind::Operation;
    case LineageNodeKind::Proposal:
        return Kind::Proposal;
    case LineageNodeKind::Decision:
    case LineageNodeKind::Batch:
    case LineageNodeKind::Entity:
        break;
    }
    return Kind::Other;
}

LineageNeighbourhood LineageNeighbourhood::load(
    SupportStore &store, const QString &focusId, int upstream, int downstream, int nodeCap)
{
    LineageNeighbourhood graph;
    graph.m_focusId = focusId;
    graph.addNode(focusId);
    nodeCap = std::max(1, nodeCap);

    QSet<QString> upFrontier { focusId };
    QSet<QString> downFrontier { focusId };
    for (int level = 0; level < std::max(upstream, downstream); ++level) {
        if (level >= upstream)
            upFrontier.clear();
        if (level >= downstream)
            downFrontier.clear();
        QStringList frontier = (upFrontier | downFrontier).values();
        if (frontier.isEmpty())
            break;
        std::sort(frontier.begin(), frontier.end());
        const QList<LineageEdge> rows = store.listLineageEdgesTouching(frontier);
        graph.foldRows(rows);

        // id -> (found upstream, found downstream, the first frontier node that found it)
        struct Found
        {
            bool up = false;
            bool down = false;
            QString by;
        };
        QMap<QString, Found> found; // id order: the cap keeps the same nodes every time
        for (const LineageEdge &edge : rows) {
            if (upFrontier.contains(edge.targetEntityId) && !graph.contains(edge.sourceEntityId)) {
                Found &f = found[edge.sourceEntityId];
                f.up = true;
                if (f.by.isEmpty())
                    f.by = edge.targetEntityId;
            }
            if (downFrontier.contains(edge.sourceEntityId) && !graph.contains(edge.targetEntityId)) {
                Found &f = found[edge.targetEntityId];
                f.down = true;
                if (f.by.isEmpty())
                    f.by = edge.sourceEntityId;
            }
        }
        upFrontier.clear();
        downFrontier.clear();
        bool capped = false;
        for (auto it = found.cbegin(); it != found.cend(); ++it) {
            if (graph.m_nodes.size() >= nodeCap) {
                graph.m_hidden[it->by].insert(it.key());
                capped = true;
                continue;
            }
            graph.addNode(it.key());
            if (it->up)
                upFrontier.insert(it.key());
            if (it->down)
                downFrontier.insert(it.key());
        }
        if (capped)
            break; // walking further would only find more nodes to leave out
    }
    graph.forgetVisibleHidden();
    return graph;
}

void LineageNeighbourhood::expand(SupportStore &store, const QString &nodeId, int nodeCap)
{
    if (!contains(nodeId))
        addNode(nodeId);
    const QList<LineageEdge> rows = store.listLineageEdgesTouching({ nodeId });
    foldRows(rows);
    QStringList neighbours;
    for (const LineageEdge &edge : rows) {
        for (const QString &id : { edge.sourceEntityId, edge.targetEntityId }) {
            if (id != nodeId && !contains(id))
                neighbours << id;
        }
    }
    std::sort(neighbours.begin(), neighbours.end());
    neighbours.erase(std::unique(neighbours.begin(), neighbours.end()), neighbours.end());
    QSet<QString> &hidden = m_hidden[nodeId];
    hidden.clear();
    for (int i = 0; i < neighbours.size(); ++i) {
        if (i < std::max(1, nodeCap))
            addNode(neighbours.at(i));
        else
            hidden.insert(neighbours.at(i));
    }
    forgetVisibleHidden();
}

void LineageNeighbourhood::loadRunStatuses(SupportStore &store)
{
    for (Node &node : m_nodes) {
        if (node.kind != Kind::Run || !node.status.isEmpty() || !node.stored)
            continue;
        if (const std::optional<RebalanceRun> run = store.getRun(node.id))
            node.status = run->status();
        else
            node.stored = false;
    }
}

const LineageNeighbourhood::Node *LineageNeighbourhood::node(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_nodes.at(*it);
}

QList<LineageNeighbourhood::Edge> LineageNeighbourhood::visibleEdges() const
{
    QList<Edge> edges;
    for (const Edge &edge : m_edges) {
        if (contains(edge.source) && contains(edge.target))
            edges << edge;
    }
    std::sort(edges.begin(), edges.end(), [](const Edge &a, const Edge &b) {
        return std::tie(a.firstCreatedAt, a.source, a.type, a.target)
            < std::tie(b.firstCreatedAt, b.source, b.type, b.target);
    });
    return edges;
}

int LineageNeighbourhood::hiddenNeighbourCount(const QString &id) const
{
    return int(m_hidden.value(id).size());
}

QStringList LineageNeighbourhood::nodesWithHiddenNeighbours() const
{
    QStringList ids;
    for (const Node &node : m_nodes) {
        if (hiddenNeighbourCount(node.id) > 0)
            ids << node.id;
    }
    return ids;
}

void LineageNeighbourhood::addNode(const QString &id)
{
    if (m_index.contains(id))
        return;
    Node node;
    node.id = id;
    node.kind = kindOf(lineageNodeKindFromPrefix(id).value_or(m_roles.value(id, LineageNodeKind::Entity)));
    m_index.insert(id, int(m_nodes.size()));
    m_nodes << node;
}

void LineageNeighbourhood::foldRows(const QList<LineageEdge> &rows)
{
    std::set<EdgeKey> knownBefore;
    for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it)
        knownBefore.insert(it.key());
    for (const LineageEdge &row : rows) {
        for (const QString &id : { row.sourceEntityId, row.targetEntityId }) {
            if (!m_roles.contains(id)) {
                if (const auto role = lineageNodeKindFromEdge(id, row))
                    m_roles.insert(id, *role);
            }
        }
        const EdgeKey key { row.sourceEntityId, row.edgeType, row.targetEntityId };
        if (knownBefore.count(key))
            continue;
        auto it = m_edges.find(key);
        if (it == m_edges.end())
            it = m_edges.insert(key,
                Edge { row.sourceEntityId, row.edgeType, row.targetEntityId, 0, row.createdAt, row.createdAt, {} });
        ++it->count;
        it->firstCreatedAt = std::min(it->firstCreatedAt, row.createdAt);
        it->lastCreatedAt = std::max(it->lastCreatedAt, row.createdAt);
        if (!row.metadataJson.isEmpty() && !it->metadata.contains(row.metadataJson))
            it->metadata << row.metadataJson;
    }
}

void LineageNeighbourhood::forgetVisibleHidden()
{
    for (auto it = m_hidden.begin(); it != m_hidden.end();) {
        for (auto id = it->begin(); id != it->end();) {
            if (contains(*id))
                id = it->erase(id);
            else
                ++id;
        }
        if (it->isEmpty())
            it = m_hidden.erase(it);
        else
            ++it;
    }
}

} // namespace dpm
