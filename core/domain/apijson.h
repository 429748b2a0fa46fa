#pragma once

#include "domain/entities.h"
#include "domain/page.h"
#include "domain/proposals.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace dpm {

struct PurgeReport;

// The service's API payloads (Part B §6) built from stored rows, with the service's field names.
// dpmctl prints them and the GUI exports them. Nullable values are JSON null, never omitted.
//
// JSON columns are parsed (Part A §11): text that is not JSON becomes null under the payload's
// key and an extra "<column>_error" object {"message", "raw"} carries the parser's message and
// the raw text (e.g. "result_json_error"), so one bad row never fails a listing.

// Run lookup payload: {rebalance_run_id, correlation_id, request_hash, idempotency_key,
// portfolio_id, created_at, result}.
QJsonObject runLookupJson(const RebalanceRun &run);

// Run list item: {rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id,
// status, created_at}.
QJsonObject runListItemJson(const RunListItem &item);

// Async operation status view: {operation_id, operation_type, status, is_executable,
// correlation_id, created_at, started_at, finished_at, result, error}; error is {code, message}
// from error_json (the fields the stored object has), null when there is none.
QJsonObject operationJson(const AsyncOperation &operation);

// {decision_id, run_id, action, reason_code, comment, actor_id, decided_at, correlation_id}.
QJsonObject decisionJson(const WorkflowDecision &decision);

// {source_entity_id, edge_type, target_entity_id, created_at, metadata}.
QJsonObject lineageEdgeJson(const LineageEdge &edge);

// {idempotency_key, request_hash, rebalance_run_id, created_at}.
QJsonObject idempotencyMappingJson(const IdempotencyMapping &mapping);

// {rebalance_run_id, correlation_id, request_hash, created_at}: one history item.
QJsonObject idempotencyHistoryItemJson(const IdempotencyHistoryEntry &entry);

// {idempotency_key, history[]} sorted by (created_at, rebalance_run_id, correlation_id,
// request_hash) ascending (§6.3), whatever order the entries come in.
QJsonObject idempotencyHistoryJson(const QString &idempotencyKey, QList<IdempotencyHistoryEntry> entries);

// {run_id, decisions[]}: decisions in the order given.
QJsonObject workflowHistoryJson(const QString &runId, const QList<WorkflowDecision> &decisions);

// {entity_id, edges[], next_cursor: null}: the lineage view of §6.2/§6.4, edges in the order given.
QJsonObject lineageJson(const QString &entityId, const QList<LineageEdge> &edges);

// A listing: {items, next_cursor}.
QJsonObject listingJson(const QJsonArray &items, const std::optional<QString> &nextCursor);

template <typename T, typename ToJson> QJsonObject listingJson(const Page<T> &page, ToJson toJson)
{
    QJsonArray items;
    for (const T &item : page.items)
        items.append(toJson(item));
    return listingJson(items, page.nextCursor);
}

// The supportability summary of §6.5 with its exact field names. `storeBackend` is the
// configured backend's service name (IN_MEMORY, SQL, POSTGRES), `supportability` the posture
// object (see services/summaryposture.h).
QJsonObject summaryJson(const SupportabilitySummary &summary, const QString &storeBackend, int retentionDays,
    const QJsonObject &supportability);

// The summary's own "proposals" object (never one of the service's fields): {proposal_count,
// state_counts, version_count, event_count, approval_count, approval_outcome_counts,
// operation_count, oldest_proposal_created_at, newest_proposal_created_at}.
QJsonObject proposalCountsJson(const ProposalCounts &counts);

// {dry_run, cutoff (null when nothing was eligible), deleted{table: n}, total}.
QJsonObject purgeReportJson(const PurgeReport &report);

// The bytes of a payload as `dpmctl --json` prints it: indented JSON ending with a newline.
// The console's exports use it too, so an exported file equals the CLI's output byte for byte.
QByteArray apiJsonDocumentBytes(const QJsonObject &document);

// Helpers shared with other payload builders.
QJsonValue nullableJson(const std::optional<QString> &value);
// Puts the parsed JSON of `text` under `key` (null when text is nullopt); when the text is not
// JSON, puts null under `key` and {"message", "raw"} under `errorKey`.
void insertParsedJson(
    QJsonObject &out, const QString &key, const std::optional<QString> &text, const QString &errorKey);

} // namespace dpm
