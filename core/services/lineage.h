#pragma once

#include "domain/entities.h"
#include "domain/page.h"
#include "store/investigationtypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace dpm {

class SupportStore;

// --- the edges of one entity (§6.2) -----------------------------------------------------------

constexpr int kLineageDefaultLimit = 50;
constexpr int kLineageMaxLimit = 200;

// One page of the entity's edges, sorted (created_at, source, edge_type, target) ascending,
// filtered and paged by the composite cursor in the store. Limit 1..200 (INVALID_LIMIT); a cursor
// that is not "<created_at>|<source>|<edge_type>|<target>" is INVALID_CURSOR; one that names no
// edge of the filtered list gives an empty page with a null next_cursor. An unknown entity has
// no edges (not an error).
Page<LineageEdge> lineageEdgesPage(
    SupportStore &store, const QString &entityId, const LineageFilter &filter, const PageRequest &page);

// {entity_id, edges[{source_entity_id, edge_type, target_entity_id, created_at, metadata}], next_cursor}.
QJsonObject lineageEdgesPageJson(const QString &entityId, const Page<LineageEdge> &page);

// --- kinds of nodes and edges (Part A §7) -----------------------------------------------------

enum class LineageNodeKind { Run, Correlation, Operation, Decision, Proposal, Batch, IdempotencyKey, Entity };

// "run", "correlation", "operation", "decision", "proposal", "batch", "idempotency_key", "entity".
QString toWire(LineageNodeKind kind);

// From the id's prefix alone: rr_ run, corr_ correlation, dop_ operation, dwd_ decision,
// pp_ proposal, batch_ batch; nullopt for any other id.
std::optional<LineageNodeKind> lineageNodeKindFromPrefix(const QString &id);

// What an edge says about one of its ends: CORRELATION_TO_RUN (correlation -> run),
// IDEMPOTENCY_TO_RUN (idempotency key -> run), OPERATION_TO_CORRELATION (operation ->
// correlation); nullopt for other types or when the id is not an end of the edge.
std::optional<LineageNodeKind> lineageNodeKindFromEdge(const QString &id, const LineageEdge &edge);

// A stable, label- and colour-neutral key for the six known edge types, for the GUI's legend:
// "correlation_to_run", "idempotency_to_run", "operation_to_correlation", "caused_by",
// "replayed_from", "derived_from"; any other type is "other" (and still shown with its own name).
QString lineageEdgeKind(const QString &edgeType);

// --- the neighbourhood graph ------------------------------------------------------------------

constexpr int kLineageGraphDefaultDepth = 2;
constexpr int kLineageGraphMaxDepth = 10;
constexpr int kLineageGraphDefaultMaxNodes = 200;
constexpr int kLineageGraphMaxMaxNodes = 5000;

struct LineageGraphOptions
{
    int depth = kLineageGraphDefaultDepth; // 0..10 (INVALID_DEPTH)
    int maxNodes = kLineageGraphDefaultMaxNodes; // 1..5000 (INVALID_LIMIT)
};

struct LineageGraphNode
{
    QString id;
    LineageNodeKind kind = LineageNodeKind::Entity;
    int depth = 0; // hops from the root
    bool operator==(const LineageGraphNode &) const = default;
};

// One drawn edge: every stored row with this (source, edge_type, target) — duplicates are
// legitimate rows of the append-only log (Part A §5) — folded into one, with how many rows it
// stands for and the time span they cover.
struct LineageGraphEdge
{
    QString sourceEntityId;
    QString edgeType;
    QString targetEntityId;
    qint64 count = 0;
    QString firstCreatedAt;
    QString lastCreatedAt;
    bool operator==(const LineageGraphEdge &) const = default;
};

struct LineageGraph
{
    QString rootId;
    int depth = 0;
    int maxNodes = 0;
    QList<LineageGraphNode> nodes; // by depth, then id; the root first
    QList<LineageGraphEdge> edges; // by (first created_at, source, edge_type, target)
    qint64 edgeRowCount = 0; // stored rows behind `edges`, duplicates included
    // The node cap was reached: nodes found at the level where it was reached beyond the cap are
    // left out (omittedNodeCount), with the drawn edges that would have touched them
    // (omittedEdgeCount, counted as drawn edges), and the walk stops there.
    bool truncated = false;
    qint64 omittedNodeCount = 0;
    qint64 omittedEdgeCount = 0;
};

// Breadth-first in both directions from the root to `depth` hops, cycle-safe, one store call per
// level. The graph holds every node within `depth` hops (up to the cap) and every edge walked on
// the way, i.e. every edge with an end closer than `depth` hops; an edge between two nodes both
// exactly `depth` hops away is not walked. The root is always a node, even when no edge touches
// it (an unknown entity is a graph of one node). Node kinds: the id's prefix, else the role
// the first edge (in lineage order) touching it gives it, else "entity".
LineageGraph buildLineageGraph(SupportStore &store, const QString &rootId, const LineageGraphOptions &options = {});

// {entity_id, depth, max_nodes, nodes[{id, kind, depth}], edges[{source_entity_id, edge_type,
// target_entity_id, edge_kind, count, first_created_at, last_created_at}], node_count,
// edge_count, edge_row_count, truncated, omitted_node_count, omitted_edge_count}.
QJsonObject lineageGraphJson(const LineageGraph &graph);

} // namespace dpm
