#pragma once

#include "domain/entities.h"

#include <QList>
#include <QString>

#include <optional>

namespace dpm {

// Request and row types of the store's investigation reads: the support bundle (Part B §6.4),
// the paged lineage listing (§6.2), the lineage neighbourhood and the find-by-any-identifier
// lookup. The services in core/services turn these rows into what people see.

// --- support bundle -------------------------------------------------------------------------

// Where a support bundle starts (§6.4): a run id, a run's correlation id, an idempotency key
// (its current mapping names the run) or an async operation id (the operation's correlation id
// names the run).
struct SupportBundleEntry
{
    enum class Kind { RunId, Correlation, IdempotencyKey, OperationId };
    Kind kind = Kind::RunId;
    QString value;
};

// The service's toggles, all on by default. A part that is off is not read at all.
struct SupportBundleOptions
{
    bool includeArtifact = true;
    bool includeAsyncOperation = true;
    bool includeIdempotencyHistory = true;
};

// The raw rows of one bundle, read in one consistent snapshot.
struct SupportBundleRows
{
    // The entry named something: the run (run id, correlation), the mapping (idempotency key) or
    // the operation (operation id). When true but `run` is empty, the entry led to no run.
    bool entryFound = false;
    std::optional<RebalanceRun> run;
    // The persisted artifact, when includeArtifact and a dpm_run_artifacts row exists.
    std::optional<RunArtifact> artifact;
    // The operation whose correlation_id is the run's, when includeAsyncOperation. With an
    // operation id entry, the entry operation itself whatever the toggle (it is that operation).
    std::optional<AsyncOperation> operation;
    // The run's decisions, oldest first (decided_at, decision_id).
    QList<WorkflowDecision> decisions;
    // Every edge touching the run id, sorted (created_at, source, edge_type, target).
    QList<LineageEdge> edges;
    // The run's idempotency key's history in §6.3 order, when includeIdempotencyHistory and the
    // run has a key.
    QList<IdempotencyHistoryEntry> idempotencyHistory;
};

// --- lineage ----------------------------------------------------------------------------------

// Filters of the lineage listing (§6.2): exact edge type, inclusive created_at bounds
// (normalised to the service's timestamp format by the caller).
struct LineageFilter
{
    std::optional<QString> edgeType;
    std::optional<QString> createdFrom;
    std::optional<QString> createdTo;
};

// The lineage listing's cursor (§6.2): "<created_at>|<source>|<edge_type>|<target>" of the last
// edge of the previous page. Only the first "|" is a reliable separator (ids are opaque and may
// hold "|"), so a cursor is kept as its created_at and the rest, and names an edge when both
// match: created_at, and source + "|" + edge_type + "|" + target.
struct LineageCursor
{
    QString createdAt;
    QString rest;
};

QString encodeLineageCursor(const LineageEdge &edge);
// nullopt for an absent or empty cursor (first page). Throws INVALID_CURSOR when the text does
// not have the four "|"-separated parts.
std::optional<LineageCursor> decodeLineageCursor(const std::optional<QString> &text);

// True when the cursor names this edge.
bool lineageCursorNames(const LineageCursor &cursor, const LineageEdge &edge);

// (created_at, source, edge_type, target): the lineage sort key, compared as byte strings.
bool lineageKeyLess(const LineageEdge &a, const LineageEdge &b);
bool lineageKeyEqual(const LineageEdge &a, const LineageEdge &b);

// --- find by any identifier -------------------------------------------------------------------

// What an identifier matched on.
enum class IdentifierKind {
    RunId,
    RunCorrelationId,
    OperationId,
    OperationCorrelationId,
    IdempotencyKey,
    RequestHash,
    DecisionId,
    DecisionCorrelationId,
};

// "run_id", "run_correlation_id", "operation_id", "operation_correlation_id", "idempotency_key",
// "request_hash", "decision_id", "decision_correlation_id".
QString toWire(IdentifierKind kind);

// One match and where it leads.
struct IdentifierMatch
{
    IdentifierKind kind = IdentifierKind::RunId;
    // The run it leads to: the run itself, the mapped run (idempotency key), the latest run
    // (request hash), the decision's run, or the run holding the operation's correlation id.
    std::optional<QString> runId;
    // False when runId names a run that is not stored (a dangling mapping or decision).
    bool runExists = false;
    std::optional<QString> operationId; // operation kinds
    std::optional<QString> decisionId; // decision kinds
    qint64 runCount = 0; // request hash: how many runs carry it (0 for the other kinds)
    bool operator==(const IdentifierMatch &) const = default;
};

} // namespace dpm
