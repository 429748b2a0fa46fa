#pragma once

#include <QByteArray>
#include <QList>

namespace dpm {

// The JSON payloads of the demo data (domain spec Part B §9), written as canonical JSON text from
// a few fixed shapes filled with varied values (core/demo/jsontextwriter.h): building a generic
// JSON tree per row would be far too slow for a million runs.

// What a run's result depends on; everything else is drawn from `payloadSeed`.
enum class DemoOutcome {
    Ready, // a drift rebalance: sells, then buys (with an FX spot for a foreign buy)
    PendingReview, // sell-only safety: a SELL_ONLY instrument, a soft rule failure
    BlockedMissingPrice, // a model instrument without a price: no intents
    BlockedSettlement, // buys settle before sells: the cash ladder goes negative
};

QByteArray demoOutcomeStatus(DemoOutcome outcome); // READY, PENDING_REVIEW, BLOCKED

struct DemoRunFacts
{
    QByteArray runId;
    QByteArray correlationId;
    QByteArray requestHash;
    QByteArray idempotencyKey; // empty: none (null in the payload)
    QByteArray portfolioId;
    QByteArray baseCurrency; // SGD, USD or EUR
    QByteArray createdAt;
    QByteArray engineVersion; // empty: an engine too old to record it
    DemoOutcome outcome = DemoOutcome::Ready;
    bool stateful = false;
    quint64 payloadSeed = 0;
};

// A RebalanceResult (§9.1) as text, with the sections the artifact repeats kept apart.
struct DemoResult
{
    QByteArray status;
    QByteArray result;
    QByteArray before;
    QByteArray after;
    QByteArray intents;
    QByteArray ruleResults;
    QByteArray diagnostics;
    int securityIntentCount = 0;
    qint64 grossTurnoverCents = 0; // in the base currency
};

DemoResult buildDemoResult(const DemoRunFacts &facts);

// The persisted DpmRunArtifactResponse (§9.2) of a run, with its artifact_hash. Equal, byte for
// byte, to canonicalJson(deriveRunArtifact(run)) (tests hold it to that).
QByteArray buildDemoArtifact(const DemoRunFacts &facts, const DemoResult &result);

struct DemoScenario
{
    QByteArray name;
    DemoResult result; // empty result text: the scenario failed
    QByteArray failure; // "SCENARIO_EXECUTION_ERROR: <Exc>" when failed
};

// dpm_async_operations.request_json (§9.3): the new shape, or an older row's bare batch request.
QByteArray buildDemoOperationRequest(const QByteArray &portfolioId, const QByteArray &baseCurrency,
    const QList<QByteArray> &scenarioNames, bool bareBatchRequest, quint64 payloadSeed);
// dpm_async_operations.result_json (§9.4), scenarios sorted by name.
QByteArray buildDemoBatchResult(const QByteArray &batchRunId, const QByteArray &runAtUtc, const QByteArray &portfolioId,
    const QByteArray &baseCurrency, const QList<DemoScenario> &scenarios);
// dpm_async_operations.error_json: {"code": <exception class>, "message": …}.
QByteArray buildDemoOperationError(quint64 payloadSeed);

} // namespace dpm
