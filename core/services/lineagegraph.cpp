#include "lineagegraph.h"

#include "domain/canonicaljson.h"
#include "domain/error.h"
#include "domain/jsonkey.h"
#include "store/proposalstore.h"
#include "store/separateproposalsstore.h"
#include "store/supportstore.h"

#include <QJsonArray>

#include <limits>
#include <set>

namespace dpm {

namespace {

using json::key;

void checkDepth(int depth, const QString &direction)
{
    if (depth < 0 || depth > kLineageGraphMaxDepth) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_DEPTH"),
            QStringLiteral("The %1 lineage depth must be from 0 to %2 (got %3); ask for e.g. %4.")
                .arg(direction)
                .arg(kLineageGraphMaxDepth)
                .arg(depth)
                .arg(kLineageGraphDefaultDepth));
    }
}

void checkNodeCap(int maxNodes)
{
    if (maxNodes < 1 || maxNodes > kLineageGraphMaxMaxNodes) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_LIMIT"),
            QStringLiteral("The node cap must be from 1 to %1 (got %2); ask for e.g. %3.")
                .arg(kLineageGraphMaxMaxNodes)
                .arg(maxNodes)
                .arg(kLineageGraphDefaultMaxNodes));
    }
}

// The rows of dpm_lineage_edges touching the ids, plus the links the proposal store implies
// (CORRELATION_TO_PROPOSAL, one row per proposal version whose result carries the correlation
// id, metadata {"version_no": n}), all in lineage order. The proposal store is asked only about
// the ids that are correlations or proposals (by prefix, or by the role a DPM row or an earlier
// level gave them), and not at all when it has no proposal tables.
// A proposal store that cannot be reached leaves those links out and says so in `unreachable`.
QList<LineageEdge> edgesTouching(SupportStore &store, const QStringList &ids,
    const QHash<QString, LineageNodeKind> &knownRoles, std::optional<Error> &unreachable)
{
    QList<LineageEdge> rows = store.listLineageEdgesTouching(ids);
    if ((unreachable = proposalStoreUnreachable(store)))
        return rows;
    ProposalStore &proposals = store.proposals();
    if (!proposals.isAvailable())
        return rows;
    QStringList correlations;
    QStringList proposalIds;
    for (const QString &id : ids) {
        std::optional<LineageNodeKind> kind = lineageNodeKindFromPrefix(id);
        if (!kind && knownRoles.contains(id))
            kind = knownRoles.value(id);
        for (qsizetype i = 0; !kind && i < rows.size(); ++i)
            kind = lineageNodeKindFromEdge(id, rows.at(i));
        if (kind == LineageNodeKind::Correlation)
            correlations << id;
        else if (kind == LineageNodeKind::Proposal)
            proposalIds << id;
    }
    if (correlations.isEmpty() && proposalIds.isEmpty())
        return rows;
    const QString edgeType = toWire(LineageEdgeType::CorrelationToProposal);
    for (const ProposalCorrelationLink &link : proposals.listCorrelationLinks(correlations, proposalIds)) {
        rows << LineageEdge { link.correlationId, edgeType, link.proposalId, link.createdAt,
            QString::fromUtf8(canonicalJson(QJsonObject { { QStringLiteral("version_no"), link.versionNo } })) };
    }
    std::stable_sort(rows.begin(), rows.end(), lineageKeyLess);
    return rows;
}

} // namespace

LineageGraph LineageGraph::walk(SupportStore &store, const QString &rootId, const LineageGraphOptions &options)
{
    checkDepth(options.upstream, QStringLiteral("upstream"));
    checkDepth(options.downstream, QStringLiteral("downstream"));
    checkNodeCap(options.maxNodes);

    LineageGraph graph;
    graph.m_rootId = rootId;
    graph.m_options = options;
    graph.addNode(rootId, 0);

    // A path may take depth() hops in all, of which at most min(upstream, downstream) in the
    // direction with the smaller depth (the "minor" one; none when the two are equal). A state is
    // (node, minor hops used); one reached later with no fewer minor hops adds nothing, so a node
    // is walked again only when a later path reaches it with fewer.
    const int minorBudget = std::min(options.upstream, options.downstream);
    const bool upIsMinor = options.upstream < options.downstream;
    const bool downIsMinor = options.downstream < options.upstream;
    QHash<QString, int> fewestMinor { { rootId, 0 } };
    QMap<QString, int> frontier { { rootId, 0 } }; // node -> minor hops used to reach it
    for (int level = 0; level < graph.depth() && !frontier.isEmpty(); ++level) {
        // Every row touching the frontier, once, in lineage order.
        const QList<LineageEdge> rows
            = edgesTouching(store, frontier.keys(), graph.m_roles, graph.m_proposalsUnreachable);
        graph.foldRows(rows);

        struct Found
        {
            int minor = std::numeric_limits<int>::max();
            QString by; // the first frontier node (in lineage order) that found it
        };
        QMap<QString, Found> found; // id order: the cap keeps the same nodes on every backend
        const auto reach = [&](const QString &from, const QString &to, bool minorHop) {
            const int minor = frontier.value(from) + (minorHop ? 1 : 0);
            if (minor > minorBudget && (upIsMinor || downIsMinor))
                return;
            if (fewestMinor.contains(to) && fewestMinor.value(to) <= minor)
                return; // reached before with at least this much budget left
            Found &f = found[to];
            f.minor = std::min(f.minor, minor);
            if (f.by.isEmpty())
                f.by = from;
        };
        for (const LineageEdge &edge : rows) {
            if (frontier.contains(edge.targetEntityId))
                reach(edge.targetEntityId, edge.sourceEntityId, upIsMinor); // upstream: to the source
            if (frontier.contains(edge.sourceEntityId))
                reach(edge.sourceEntityId, edge.targetEntityId, downIsMinor); // downstream: to the target
        }
        frontier.clear();
        bool capped = false;
        for (auto it = found.cbegin(); it != found.cend(); ++it) {
            if (!graph.contains(it.key())) {
                if (graph.m_nodes.size() >= options.maxNodes) {
                    graph.m_hidden[it->by].insert(it.key());
                    capped = true;
                    continue;
                }
                graph.addNode(it.key(), level + 1);
            }
            fewestMinor.insert(it.key(), it->minor);
            frontier.insert(it.key(), it->minor);
        }
        if (capped)
            break; // walking further would only find more nodes to leave out
    }
    graph.settle();
    return graph;
}

void LineageGraph::expand(SupportStore &store, const QString &nodeId, int maxNewNodes)
{
    checkNodeCap(maxNewNodes);
    if (!contains(nodeId))
        addNode(nodeId, 0);
    const int depth = node(nodeId)->depth + 1;
    const QList<LineageEdge> rows = edgesTouching(store, { nodeId }, m_roles, m_proposalsUnreachable);
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
    QSet<QString> hidden;
    for (qsizetype i = 0; i < neighbours.size(); ++i) {
        if (i < maxNewNodes)
            addNode(neighbours.at(i), depth);
        else
            hidden.insert(neighbours.at(i));
    }
    m_hidden.insert(nodeId, hidden); // replaces what an earlier walk or expansion left out
    settle();
}

void LineageGraph::readRunStatuses(SupportStore &store)
{
    for (LineageGraphNode &node : m_nodes) {
        if (node.kind != LineageNodeKind::Run || !node.runStatus.isEmpty() || !node.stored)
            continue;
        if (const std::optional<RebalanceRun> run = store.getRun(node.id))
            node.runStatus = run->status();
        else
            node.stored = false;
    }
}

const LineageGraphNode *LineageGraph::node(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_nodes.at(*it);
}

QStringList LineageGraph::nodesWithHiddenNeighbours() const
{
    QStringList ids;
    for (const LineageGraphNode &node : m_nodes) {
        if (hiddenNeighbourCount(node.id) > 0)
            ids << node.id;
    }
    return ids;
}

void LineageGraph::addNode(const QString &id, int depth)
{
    if (m_index.contains(id))
        return;
    m_index.insert(id, int(m_nodes.size()));
    m_nodes << LineageGraphNode { id, LineageNodeKind::Entity, depth, {}, true };
}

void LineageGraph::foldRows(const QList<LineageEdge> &rows)
{
    std::set<EdgeKey> countedHere;
    for (const LineageEdge &row : rows) {
        for (const QString &id : { row.sourceEntityId, row.targetEntityId }) {
            if (!m_roles.contains(id)) {
                if (const auto role = lineageNodeKindFromEdge(id, row))
                    m_roles.insert(id, *role);
            }
        }
        const EdgeKey edgeKey { row.sourceEntityId, row.edgeType, row.targetEntityId };
        if (m_seen.contains(edgeKey) && !countedHere.count(edgeKey))
            continue; // complete from an earlier call: its rows were counted then
        countedHere.insert(edgeKey);
        auto it = m_seen.find(edgeKey);
        if (it == m_seen.end()) {
            it = m_seen.insert(edgeKey,
                LineageGraphEdge {
                    row.sourceEntityId, row.edgeType, row.targetEntityId, 0, row.createdAt, row.createdAt, {} });
        }
        ++it->count;
        it->firstCreatedAt = std::min(it->firstCreatedAt, row.createdAt);
        it->lastCreatedAt = std::max(it->lastCreatedAt, row.createdAt);
        if (!row.metadataJson.isEmpty() && !it->metadata.contains(row.metadataJson))
            it->metadata << row.metadataJson;
    }
}

void LineageGraph::settle()
{
    for (LineageGraphNode &node : m_nodes)
        node.kind = lineageNodeKindFromPrefix(node.id).value_or(m_roles.value(node.id, LineageNodeKind::Entity));

    QSet<QString> leftOut;
    for (auto it = m_hidden.begin(); it != m_hidden.end();) {
        for (auto id = it->begin(); id != it->end();) {
            if (contains(*id))
                id = it->erase(id);
            else
                ++id;
        }
        if (it->isEmpty()) {
            it = m_hidden.erase(it);
        } else {
            leftOut |= *it;
            ++it;
        }
    }
    m_omittedNodeCount = leftOut.size();

    m_drawn.clear();
    m_edgeRowCount = 0;
    m_omittedEdgeCount = 0;
    for (const LineageGraphEdge &edge : std::as_const(m_seen)) {
        const bool source = contains(edge.sourceEntityId);
        const bool target = contains(edge.targetEntityId);
        if (source && target) {
            m_drawn << edge;
            m_edgeRowCount += edge.count;
        } else if ((source && leftOut.contains(edge.targetEntityId))
            || (target && leftOut.contains(edge.sourceEntityId))) {
            ++m_omittedEdgeCount;
        }
    }
    std::sort(m_drawn.begin(), m_drawn.end(), [](const LineageGraphEdge &a, const LineageGraphEdge &b) {
        return std::tie(a.firstCreatedAt, a.sourceEntityId, a.edgeType, a.targetEntityId)
            < std::tie(b.firstCreatedAt, b.sourceEntityId, b.edgeType, b.targetEntityId);
    });
}

QJsonObject lineageGraphJson(const LineageGraph &graph)
{
    QJsonArray nodes;
    for (const LineageGraphNode &node : graph.nodes()) {
        nodes.append(
            QJsonObject { { key("id"), node.id }, { key("kind"), toWire(node.kind) }, { key("depth"), node.depth } });
    }
    QJsonArray edges;
    for (const LineageGraphEdge &edge : graph.edges()) {
        edges.append(QJsonObject { { key("source_entity_id"), edge.sourceEntityId },
            { key("edge_type"), edge.edgeType }, { key("target_entity_id"), edge.targetEntityId },
            { key("edge_kind"), lineageEdgeKind(edge.edgeType) }, { key("count"), edge.count },
            { key("first_created_at"), edge.firstCreatedAt }, { key("last_created_at"), edge.lastCreatedAt } });
    }
    QJsonObject json { { key("entity_id"), graph.rootId() }, { key("depth"), graph.depth() },
        { key("upstream_depth"), graph.options().upstream }, { key("downstream_depth"), graph.options().downstream },
        { key("max_nodes"), graph.options().maxNodes }, { key("nodes"), nodes }, { key("edges"), edges },
        { key("node_count"), qint64(graph.nodes().size()) }, { key("edge_count"), qint64(graph.edges().size()) },
        { key("edge_row_count"), graph.edgeRowCount() }, { key("truncated"), graph.truncated() },
        { key("omitted_node_count"), graph.omittedNodeCount() },
        { key("omitted_edge_count"), graph.omittedEdgeCount() } };
    if (const std::optional<Error> &unreachable = graph.proposalsUnreachable()) {
        json.insert(key("proposal_store_unreachable"),
            QJsonObject { { key("code"), unreachable->code() }, { key("message"), unreachable->message() } });
    }
    return json;
}

} // namespace dpm
