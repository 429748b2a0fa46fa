#pragma once

#include "domain/entities.h"
#include "domain/proposals.h"
#include "domain/runevents.h"
#include "domain/vocabulary.h"

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>

namespace dpm {

class SupportStore;

// The `supportability` object of the summary (Part B §6.5): the posture a support engineer reads
// first. Only the states and buckets the service's summary produces are produced here.
struct SupportabilityPosture
{
    QString state; // empty | stale | degraded | ready
    QString reason; // supportability_summary_<state>
    QString freshnessBucket; // current | same_day | stale | unknown
    qint64 runCount = 0;
    qint64 operationCount = 0;
    qint64 workflowDecisionCount = 0;

    // {state, reason, freshness_bucket, run_count, operation_count, workflow_decision_count}
    QJsonObject toJson() const;
};

// Freshness of the newest of newest_run_created_at / newest_operation_created_at by UTC calendar
// day age against `now`: <= 0 days current, 1 same_day, > 1 stale; no timestamp (or one that does
// not parse) unknown. `now` is a timestamp in any form normalizeTimestamp accepts (throws
// INVALID_TIMESTAMP otherwise).
QString freshnessBucket(const SupportabilitySummary &summary, const QString &now);

// Rules in order: no runs and no operations -> empty; freshness stale -> stale; any FAILED
// operation -> degraded; else ready.
SupportabilityPosture supportabilityPosture(const SupportabilitySummary &summary, const QString &now);

// DPM_SUPPORTABILITY_RETENTION_DAYS as the service reads it (§8.1): a non-negative integer;
// unset, invalid or negative -> 0 (purge disabled).
int retentionDaysFromEnvironment(const QProcessEnvironment &environment);

// The document `dpmctl summary --json` prints (§6.5): the summary's fields, the backend, the
// retention and the posture at `now`, plus our own keys: "proposals" when the store has the
// proposal tables (proposalCountsJson), and "outbox" with outboxPosture(outbox).toJson() when it
// has the run event tables, so a dead or stale delivery backlog shows in the summary. The
// console's JSON export uses it too, so both are equal.
QJsonObject summaryDocument(const SupportabilitySummary &summary, StoreBackend backend, int retentionDays,
    const QString &now, const std::optional<ProposalCounts> &proposals = std::nullopt,
    const std::optional<OutboxStats> &outbox = std::nullopt);

// The proposal counts of the summary; nullopt when the store has no proposal tables.
std::optional<ProposalCounts> summaryProposalCounts(SupportStore &store);
// The outbox backlog at `now`; nullopt when the store has no run event tables.
std::optional<OutboxStats> summaryOutboxStats(SupportStore &store, const QString &now);

// summaryDocument() of everything the store holds, read from it: what `dpmctl summary` prints.
QJsonObject readSummaryDocument(SupportStore &store, int retentionDays, const QString &now);

} // namespace dpm
