#include "lineage.h"

#include "domain/apijson.h"
#include "domain/error.h"
#include "domain/vocabulary.h"
#include "store/supportstore.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <set>
#include <tuple>

namespace dpm {

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

Page<LineageEdge> lineageEdgesPage(
    SupportStore &store, const QString &entityId, const LineageFilter &filter, const PageRequest &page)
{
    if (page.limit < 1 || page.limit > kLineageMaxLimit) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_LIMIT"),
            QStringLiteral("The lineage page size must be from 1 to %1 (got %2); ask for e.g. %3.")
                .arg(kLineageMaxLimit)
                .arg(page.limit)
                .arg(kLineageDefaultLimit));
    }
    return store.listLineageEdgesPage(entityId, filter, page);
}

QJsonObject lineageEdgesPageJson(const QString &entityId, const Page<LineageEdge> &page)
{
    QJsonObject out = lineageJson(entityId, page.items);
    out.insert(key("next_cursor"), nullableJson(page.nextCursor));
    return out;
}

QString toWire(LineageNodeKind kind)
{
    switch (kind) {
    case LineageNodeKind::Run:
        return QStringLiteral("run");
    case LineageNodeKind::Correlation:
        return QStringLiteral("correlation");
    case LineageNodeKind::Operation:
        return QStringLiteral("operation");
    case LineageNodeKind::Decision:
        return QStringLiteral("decision");
    case LineageNodeKind::Proposal:
        return QStringLiteral("proposal");
    case LineageNodeKind::Batch:
        return QStringLiteral("batch");
    case LineageNodeKind::IdempotencyKey:
        return QStringLiteral("idempotency_key");
    case LineageNodeKind::Entity:
        return QStringLiteral("entity");
    }
    return QStringLiteral("entity");
}

std::optional<LineageNodeKind> lineageNodeKindFromPrefix(const QString &id)
{
    static const QList<std::pair<QLatin1String, LineageNodeKind>> prefixes {
        { QLatin1String("rr_"), LineageNodeKind::Run },
        { QLatin1String("corr_"), LineageNodeKind::Correlation },
        { QLatin1String("dop_"), LineageNodeKind::Operation },
        { QLatin1String("dwd_"), LineageNodeKind::Decision },
        { QLatin1String("pp_"), LineageNodeKind::Proposal },
        { QLatin1String("batch_"), LineageNodeKind::Batch },
    };
    for (const auto &[prefix, kind] : prefixes) {
        if (id.startsWith(prefix))
            return kind;
    }
    return std::nullopt;
}

std::optional<LineageNodeKind> lineageNodeKindFromEdge(const QString &id, const LineageEdge &edge)
{
    const std::optional<LineageEdgeType> type = lineageEdgeTypeFromWire(edge.edgeType);
    if (!type)
        return std::nullopt;
    const bool isSource = edge.sourceEntityId == id;
    const bool isTarget = edge.targetEntityId == id;
    switch (*type) {
    case LineageEdgeType::CorrelationToRun:
        if (isSource)
            return LineageNodeKind::Correlation;
        return isTarget ? std::optional(LineageNodeKind::Run) : std::nullopt;
    case LineageEdgeType::IdempotencyToRun:
        if (isSource)
            return LineageNodeKind::IdempotencyKey;
        return isTarget ? std::optional(LineageNodeKind::Run) : std::nullopt;
    case LineageEdgeType::OperationToCorrelation:
        if (isSource)
            return LineageNodeKind::Operation;
        return isTarget ? std::optional(LineageNodeKind::Correlation) : std::nullopt;
    case LineageEdgeType::CausedBy:
    case LineageEdgeType::ReplayedFrom:
    case LineageEdgeType::DerivedFrom:
        return std::nullopt;
    }
    return std::nullopt;
}

QString lineageEdgeKind(const QString &edgeType)
{
    const std::optional<LineageEdgeType> type = lineageEdgeTypeFromWire(edgeType);
    return type ? toWire(*type).toLower() : QStringLiteral("other");
}

LineageGraph buildLineageGraph(SupportStore &store, const QString &rootId, const LineageGraphOptions &options)
{
    if (options.depth < 0 || options.depth > kLineageGraphMaxDepth) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_DEPTH"),
            QStringLiteral("The lineage depth must be from 0 to %1 (got %2); ask for e.g. %3.")
                .arg(kLineageGraphMaxDepth)
                .arg(options.depth)
                .arg(kLineageGraphDefaultDepth));
    }
    if (options.maxNodes < 1 || options.maxNodes > kLineageGraphMaxMaxNodes) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_LIMIT"),
            QStringLiteral("The node cap must be from 1 to %1 (got %2); ask for e.g. %3.")
                .arg(kLineageGraphMaxMaxNodes)
                .arg(options.maxNodes)
                .arg(kLineageGraphDefaultMaxNodes));
    }

    LineageGraph graph;
    graph.rootId = rootId;
    graph.depth = options.depth;
    graph.maxNodes = options.maxNodes;

    using EdgeKey = std::tuple<QString, QString, QString>; // source, edge_type, target
    QHash<QString, int> depthOf { { rootId, 0 } };
    QStringList order { rootId };
    QHash<QString, LineageNodeKind> roleOf; // from the first edge that gives one
    QMap<EdgeKey, LineageGraphEdge> drawn;
    QSet<QString> omittedNodes;
    std::set<EdgeKey> omittedEdges;

    QStringList frontier { rootId };
    for (int level = 0; level < options.depth && !frontier.isEmpty(); ++level) {
        // Rows come once per call, in lineage order. A row with an end nearer than this level was
        // already walked from that end.
        const QList<LineageEdge> rows = store.listLineageEdgesTouching(frontier);
        QList<const LineageEdge *> walked;
        QStringList found;
        QSet<QString> foundSet;
        for (const LineageEdge &edge : rows) {
            const auto nearer = [&](const QString &id) { return depthOf.contains(id) && depthOf.value(id) < level; };
            if (nearer(edge.sourceEntityId) || nearer(edge.targetEntityId))
                continue;
            walked << &edge;
            for (const QString &id : { edge.sourceEntityId, edge.targetEntityId }) {
                if (!roleOf.contains(id)) {
                    if (const auto role = lineageNodeKindFromEdge(id, edge))
                        roleOf.insert(id, *role);
                }
                if (!depthOf.contains(id) && !foundSet.contains(id)) {
                    foundSet.insert(id);
                    found << id;
                }
            }
        }

        // New nodes in id order, so the cap keeps the same ones on every backend and every run.
        std::sort(found.begin(), found.end());
        frontier.clear();
        for (const QString &id : std::as_const(found)) {
            if (order.size() < options.maxNodes) {
                depthOf.insert(id, level + 1);
                order << id;
                frontier << id;
            } else {
                omittedNodes.insert(id);
            }
        }

        for (const LineageEdge *edge : std::as_const(walked)) {
            const EdgeKey edgeKey { edge->sourceEntityId, edge->edgeType, edge->targetEntityId };
            if (omittedNodes.contains(edge->sourceEntityId) || omittedNodes.contains(edge->targetEntityId)) {
                omittedEdges.insert(edgeKey);
                continue;
            }
            auto it = drawn.find(edgeKey);
            if (it == drawn.end()) {
                it = drawn.insert(edgeKey,
                    LineageGraphEdge { edge->sourceEntityId, edge->edgeType, edge->targetEntityId, 0, edge->createdAt,
                        edge->createdAt });
            }
            ++it->count;
            it->firstCreatedAt = std::min(it->firstCreatedAt, edge->createdAt);
            it->lastCreatedAt = std::max(it->lastCreatedAt, edge->createdAt);
            ++graph.edgeRowCount;
        }
        if (!omittedNodes.isEmpty()) {
            // The cap is reached: walking further would only find more nodes to leave out.
            graph.truncated = true;
            break;
        }
    }

    for (const QString &id : std::as_const(order)) {
        const LineageNodeKind kind = lineageNodeKindFromPrefix(id).value_or(roleOf.value(id, LineageNodeKind::Entity));
        graph.nodes << LineageGraphNode { id, kind, depthOf.value(id) };
    }
    graph.edges = drawn.values();
    std::sort(graph.edges.begin(), graph.edges.end(), [](const LineageGraphEdge &a, const LineageGraphEdge &b) {
        return std::tie(a.firstCreatedAt, a.sourceEntityId, a.edgeType, a.targetEntityId)
            < std::tie(b.firstCreatedAt, b.sourceEntityId, b.edgeType, b.targetEntityId);
    });
    graph.omittedNodeCount = omittedNodes.size();
    graph.omittedEdgeCount = qint64(omittedEdges.size());
    return graph;
}

QJsonObject lineageGraphJson(const LineageGraph &graph)
{
    QJsonArray nodes;
    for (const LineageGraphNode &node : graph.nodes) {
        nodes.append(
            QJsonObject { { key("id"), node.id }, { key("kind"), toWire(node.kind) }, { key("depth"), node.depth } });
    }
    QJsonArray edges;
    for (const LineageGraphEdge &edge : graph.edges) {
        edges.append(QJsonObject { { key("source_entity_id"), edge.sourceEntityId },
            { key("edge_type"), edge.edgeType }, { key("target_entity_id"), edge.targetEntityId },
            { key("edge_kind"), lineageEdgeKind(edge.edgeType) }, { key("count"), edge.count },
            { key("first_created_at"), edge.firstCreatedAt }, { key("last_created_at"), edge.lastCreatedAt } });
    }
    return { { key("entity_id"), graph.rootId }, { key("depth"), graph.depth }, { key("max_nodes"), graph.maxNodes },
        { key("nodes"), nodes }, { key("edges"), edges }, { key("node_count"), qint64(graph.nodes.size()) },
        { key("edge_count"), qint64(graph.edges.size()) }, { key("edge_row_count"), graph.edgeRowCount },
        { key("truncated"), graph.truncated }, { key("omitted_node_count"), graph.omittedNodeCount },
        { key("omitted_edge_count"), graph.omittedEdgeCount } };
}

} // namespace dpm
