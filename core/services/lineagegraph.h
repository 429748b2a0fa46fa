#pragma once

#include "domain/error.h"
#include "services/lineage.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <optional>
#include <tuple>

namespace dpm {

class SupportStore;

// --- the neighbourhood graph: the one walk the console and dpmctl draw -------------------------

constexpr int kLineageGraphDefaultDepth = 2;
constexpr int kLineageGraphMaxDepth = 10;
constexpr int kLineageGraphDefaultMaxNodes = 200;
constexpr int kLineageGraphMaxMaxNodes = 5000;

// How far a walk goes: a path from the root takes at most max(upstream, downstream) hops, and at
// most `upstream` of them against the edges' direction (to sources) and at most `downstream`
// along it (to targets). Equal depths are the whole neighbourhood within that many hops, either
// way; a depth of 0 on one side walks only the other way (upstream 2, downstream 0: the sources
// and their sources); upstream 1, downstream 3 adds one step back anywhere on the way down (the
// other runs of the root's correlation, and their targets).
struct LineageGraphOptions
{
    int upstream = kLineageGraphDefaultDepth; // 0..10 (INVALID_DEPTH)
    int downstream = kLineageGraphDefaultDepth; // 0..10 (INVALID_DEPTH)
    int maxNodes = kLineageGraphDefaultMaxNodes; // 1..5000 (INVALID_LIMIT), the root included

    // `depth` hops each way.
    static LineageGraphOptions bothWays(int depth, int maxNodes = kLineageGraphDefaultMaxNodes)
    {
        return { depth, depth, maxNodes };
    }
};

struct LineageGraphNode
{
    QString id;
    LineageNodeKind kind = LineageNodeKind::Entity;
    int depth = 0; // hops from the root; an expansion's nodes are one hop beyond the node expanded
    // Runs, once readRunStatuses() has read them: the run's status ("" while unread), or
    // stored == false when no run row has this id.
    QString runStatus;
    bool stored = true;
    bool operator==(const LineageGraphNode &) const = default;
};

// One drawn edge: every stored row with this (source, edge_type, target) — duplicates are
// legitimate rows of the append-only log (Part A §5) — folded into one, with how many rows it
// stands for, the time span they cover and their distinct metadata texts (oldest first).
struct LineageGraphEdge
{
    QString sourceEntityId;
    QString edgeType;
    QString targetEntityId;
    qint64 count = 0;
    QString firstCreatedAt;
    QString lastCreatedAt;
    QStringList metadata;
    bool operator==(const LineageGraphEdge &) const = default;
};

// The part of the lineage graph around a root that a walk (and any expansions after it) found:
// the nodes in the graph, the edges between them and, per node, the neighbours the node cap left
// out ("N more not shown"). A value type without widgets: the console walks and expands a copy on
// a worker thread and swaps it in.
class LineageGraph
{
public:
    // Breadth-first from the root within the options' depths (see LineageGraphOptions), one
    // store call per level, cycle-safe. New nodes of a level are added in id order until the
    // graph holds `maxNodes`; the rest are left out, remembered under the node that found them
    // (the first in lineage order), and the walk stops there. The root is always a node, even
    // when no edge touches it (an unknown entity is a graph of one node). Node kinds: the id's
    // prefix, else the role the first edge (in lineage order) touching it gives it, else
    // "entity". Throws INVALID_DEPTH / INVALID_LIMIT.
    static LineageGraph walk(SupportStore &store, const QString &rootId, const LineageGraphOptions &options = {});

    // Walks one level from `nodeId` in both directions (one store call) and merges: up to
    // `maxNewNodes` of its neighbours not in the graph yet are added (id order), the rest become
    // its "more not shown". Expanding it again shows the next batch. A node not in the graph is
    // added first. Throws INVALID_LIMIT when maxNewNodes is not 1..5000.
    void expand(SupportStore &store, const QString &nodeId, int maxNewNodes);

    // Reads the status of every run node whose status is not known yet (one getRun each, bounded
    // by the nodes in the graph).
    void readRunStatuses(SupportStore &store);

    QString rootId() const { return m_rootId; }
    const LineageGraphOptions &options() const { return m_options; }
    int depth() const { return std::max(m_options.upstream, m_options.downstream); }

    // By depth, then id, the root first; an expansion's nodes after them.
    const QList<LineageGraphNode> &nodes() const { return m_nodes; }
    bool contains(const QString &id) const { return m_index.contains(id); }
    const LineageGraphNode *node(const QString &id) const;
    // Edges walked whose two ends are in the graph, by (first created_at, source, edge_type,
    // target). An edge between two nodes of the last level walked is not walked.
    const QList<LineageGraphEdge> &edges() const { return m_drawn; }
    qint64 edgeRowCount() const { return m_edgeRowCount; } // stored rows behind edges()

    // The node cap left neighbours out (and they are still not in the graph).
    bool truncated() const { return m_omittedNodeCount > 0; }
    qint64 omittedNodeCount() const { return m_omittedNodeCount; } // distinct nodes
    qint64 omittedEdgeCount() const { return m_omittedEdgeCount; } // edges walked that touch one
    // How many neighbours of the node were left out ("N more not shown").
    int hiddenNeighbourCount(const QString &id) const { return int(m_hidden.value(id).size()); }
    // Nodes with left-out neighbours, in node order.
    QStringList nodesWithHiddenNeighbours() const;
    // PROPOSAL_STORE_UNREACHABLE when the last store call could not ask the separate proposal
    // store for the links to proposals (the graph lacks them); nullopt otherwise.
    const std::optional<Error> &proposalsUnreachable() const { return m_proposalsUnreachable; }

private:
    using EdgeKey = std::tuple<QString, QString, QString>; // source, edge_type, target

    void addNode(const QString &id, int depth);
    // Folds the rows of one store call into the edges seen: an edge seen before came complete
    // from an earlier call (which returns every row touching its ids) and is not counted again.
    void foldRows(const QList<LineageEdge> &rows);
    // After a walk or an expansion: node kinds, left-out neighbours now in the graph, the drawn
    // edges and the counts.
    void settle();

    QString m_rootId;
    LineageGraphOptions m_options;
    QList<LineageGraphNode> m_nodes;
    QHash<QString, int> m_index;
    QHash<QString, LineageNodeKind> m_roles; // from the first edge that gives one, for ids without a prefix
    QMap<EdgeKey, LineageGraphEdge> m_seen; // every edge a store call returned, in the graph or not
    QHash<QString, QSet<QString>> m_hidden; // node -> neighbours the cap left out
    QList<LineageGraphEdge> m_drawn;
    qint64 m_edgeRowCount = 0;
    qint64 m_omittedNodeCount = 0;
    qint64 m_omittedEdgeCount = 0;
    std::optional<Error> m_proposalsUnreachable;
};

// {entity_id, depth (the larger of the two), upstream_depth, downstream_depth, max_nodes,
// nodes[{id, kind, depth}], edges[{source_entity_id, edge_type, target_entity_id, edge_kind,
// count, first_created_at, last_created_at}], node_count, edge_count, edge_row_count, truncated,
// omitted_node_count, omitted_edge_count}, and proposal_store_unreachable {code, message} when the
// links to proposals could not be read.
QJsonObject lineageGraphJson(const LineageGraph &graph);

} // namespace dpm
