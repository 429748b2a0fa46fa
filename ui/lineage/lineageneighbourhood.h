#pragma once

#include "services/lineage.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <tuple>

namespace dpm {

class SupportStore;

// The part of the lineage graph the console shows: which nodes are visible, the edges between
// them (duplicate rows folded) and, per node, the neighbours the node cap left out. A value type:
// the store work (load, expand, run statuses) runs on a worker thread on a copy, and the page
// swaps the copy in when it comes back. No widgets.
class LineageNeighbourhood
{
public:
    // The kinds the graph draws; decisions, batches and plain entities are "other".
    enum class Kind { Run, Correlation, IdempotencyKey, Operation, Proposal, Other };

    struct Node
    {
        QString id;
        Kind kind = Kind::Other;
        QString status; // runs: the run's status once read; "" while unknown or for other kinds
        bool stored = true; // runs: false when no run row has this id
    };
    struct Edge
    {
        QString source;
        QString type;
        QString target;
        qint64 count = 0; // stored rows folded into this edge
        QString firstCreatedAt;
        QString lastCreatedAt;
        QStringList metadata; // the distinct metadata JSON texts of those rows, oldest first
    };
    using EdgeKey = std::tuple<QString, QString, QString>; // source, type, target

    // Walks `upstream` levels against the edges' direction (edges whose target is visible bring
    // their source) and `downstream` levels along it, one store query per level, adding at most
    // `nodeCap` nodes in all (new nodes of a level in id order). Nodes the cap leaves out are
    // remembered per node that found them, and the walk stops there.
    static LineageNeighbourhood load(
        SupportStore &store, const QString &focusId, int upstream, int downstream, int nodeCap);

    // Adds up to `nodeCap` of the node's neighbours that are not visible yet (both directions,
    // id order, one query); the rest become the node's "more not shown".
    void expand(SupportStore &store, const QString &nodeId, int nodeCap);

    // Reads the status of every visible run whose status is not known yet (one getRun each,
    // bounded by the visible set).
    void loadRunStatuses(SupportStore &store);

    QString focusId() const { return m_focusId; }
    void setFocusId(const QString &id) { m_focusId = id; }
    const QList<Node> &nodes() const { return m_nodes; }
    bool contains(const QString &id) const { return m_index.contains(id); }
    const Node *node(const QString &id) const;
    // Edges whose two ends are visible, in (first created_at, source, type, target) order.
    QList<Edge> visibleEdges() const;
    // How many neighbours of the node the cap left out (still not visible).
    int hiddenNeighbourCount(const QString &id) const;
    // Nodes with hidden neighbours, in node order.
    QStringList nodesWithHiddenNeighbours() const;

    static Kind kindOf(LineageNodeKind kind);

private:
    void addNode(const QString &id);
    // Folds the rows of one query into the known edges: edges already known came complete from
    // an earlier query (which returned every row of them) and are not counted again.
    void foldRows(const QList<LineageEdge> &rows);
    void forgetVisibleHidden();

    QString m_focusId;
    QList<Node> m_nodes;
    QHash<QString, int> m_index;
    QHash<QString, LineageNodeKind> m_roles; // kinds learnt from edges, for ids without a prefix
    QMap<EdgeKey, Edge> m_edges; // every edge seen, visible or not
    QHash<QString, QSet<QString>> m_hidden; // node -> neighbours the cap left out
};

} // namespace dpm
