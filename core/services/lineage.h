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
// correlation), CORRELATION_TO_PROPOSAL (correlation -> proposal); nullopt for other types or when the id is not an end of the edge.
std::optional<LineageNodeKind> lineageNodeKindFromEdge(const QString &id, const LineageEdge &edge);

// A stable, label- and colour-neutral key for the seven known edge types, for the GUI's legend:
// "correlation_to_run", "idempotency_to_run", "operation_to_correlation", "caused_by",
// "replayed_from", "derived_from", "correlation_to_proposal"; any other type is "other" (and still shown with its own name).
QString lineageEdgeKind(const QString &edgeType);

} // namespace dpm
