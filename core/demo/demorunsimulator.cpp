#include "demorunsimulator.h"

#include "demotime.h"
#include "domain/timestamp.h"
#include "domain/vocabulary.h"
#include "jsontextwriter.h"

#include <algorithm>

namespace dpm {

namespace {

constexpr int kPortfolioCount = 5000;
constexpr int kHotPortfolioCount = 12;
using demotime::kDay;
using demotime::kHour;
using demotime::kMinute;
using demotime::kSecond;

// Shares in 1/10000.
constexpr int kHotPortfolioShare = 2500;
constexpr int kOperationPerSlot = 3500; // gives ~0.3 async operations per run
constexpr int kKeyedRunShare = 9700;
// About one proposal per twenty runs and one in twenty of those reuses a run's correlation id:
// one sampled run per 400 would just do; every 200th leaves room for the slots operations take.
constexpr quint64 kRunCorrelationSampleEvery = 200;
constexpr int kKeyReuseShare = 2000; // a keyed run whose key a later run re-uses (replay disabled)
constexpr int kKeyReuseAgainShare = 1500;
constexpr int kReuseSameHashShare = 5500; // the rest re-use the key with a new request
constexpr int kPersistedShare = 5000; // DPM_ARTIFACT_STORE_MODE=PERSISTED at record time
constexpr int kReplayServedShare = 800;
constexpr int kStatefulShare = 1500;

const std::array<const char *, 12> kReviewers { "alice.tan", "bob.lim", "chen.wei", "dana.ong", "eve.koh", "farah.ali",
    "gopal.nair", "hui.min", "ivan.petrov", "jia.hui", "kumar.s", "lena.fischer" };
const std::array<const char *, 4> kChangeReasons { "NEEDS_DETAIL", "NEEDS_CLIENT_NOTE", "MORE_DETAIL",
    "REQUIRES_ADVISOR_NOTE" };
// Some comments span lines or carry tabs and backslashes, as people's comments do.
const std::array<const char *, 8> kComments {
    "Looks fine after the drift check.",
    "Please add the client's risk note before approval.",
    "Turnover is above the desk's comfort level.",
    "Checked against the mandate.\nApproving for execution.",
    "Concentration in one name; see attached note\t(ticket SUP-1422).",
    "Note saved at \\\\nas01\\reviews\\q1 for audit.",
    "Rejected: policy pack forbids this sell-only reduction.",
    "Client confirmed by phone; please proceed.",
};
const std::array<const char *, 4> kExtraScenarios { "cash_only", "min_turnover", "stress_fx", "tax_aware" };
const std::array<const char *, 3> kScenarioFailures { "SCENARIO_EXECUTION_ERROR: ValueError",
    "SCENARIO_EXECUTION_ERROR: KeyError", "INVALID_OPTIONS: max_turnover_pct must be between 0 and 1" };
const std::array<const char *, 3> kDeliveryErrors { "HTTP 503 from event bus",
    "timeout after 5 s waiting for the broker", "broker refused the message: topic not authorised" };

QByteArray timestampText(qint64 micros)
{
    QByteArray out;
    appendTimestampMicros(out, micros);
    return out;
}

QByteArray hexId(const char *prefix, quint64 value, int digits)
{
    QByteArray out(prefix);
    appendHex(out, value, digits);
    return out;
}

QByteArray jsonObject1(const char *key, const QByteArray &value)
{
    QByteArray out;
    JsonTextWriter(out).beginObject().field(key, value).endObject();
    return out;
}

QByteArray jsonObject2(const char *key1, const QByteArray &value1, const char *key2, const QByteArray &value2)
{
    QByteArray out;
    JsonTextWriter(out).beginObject().field(key1, value1).field(key2, value2).endObject();
    return out;
}

} // namespace

DemoRunSimulator::Keys DemoRunSimulator::keysFor(quint64 seed)
{
    quint64 s = seed ^ 0x64706d2d64656d6fULL; // "dpm-demo"
    return { splitMix64(s), splitMix64(s), splitMix64(s), splitMix64(s), splitMix64(s), splitMix64(s), splitMix64(s),
        splitMix64(s), splitMix64(s), splitMix64(s) };
}

DemoRunSimulator::DemoRunSimulator(quint64 seed, int spanDays, qint64 runCount, qint64 anchorMicros, bool withEvents)
    : m_keys(keysFor(seed))
    , m_structure(mix64(seed) ^ 0x73747275637475ULL)
    , m_runCount(runCount)
    , m_anchor(anchorMicros)
    , m_start(anchorMicros - qint64(spanDays) * kDay)
    , m_time(m_start, spanDays, mix64(seed ^ 0x74696d65ULL))
    , m_withEvents(withEvents)
    , m_portfolios(kPortfolioCount)
{ }

QByteArray DemoRunSimulator::runId(qint64 index) const
{
    return hexId("rr_", permute32(quint32(index), m_keys.run), 8);
}

QByteArray DemoRunSimulator::newCorrelationId()
{
    return hexId("corr_", permute48(m_correlations++, m_keys.correlation), 12);
}

QByteArray DemoRunSimulator::newRequestHash()
{
    QByteArray out("sha256:");
    for (int i = 0; i < 4; ++i)
        appendHex(out, m_structure.next(), 16);
    return out;
}

QByteArray DemoRunSimulator::portfolioId(int portfolio) const
{
    QByteArray out = "pf_" + baseCurrency(portfolio).left(2).toLower() + '_';
    out += QByteArray::number(portfolio + 1).rightJustified(5, '0');
    return out;
}

QByteArray DemoRunSimulator::baseCurrency(int portfolio) const
{
    const quint64 roll = mix64(quint64(portfolio) ^ m_keys.portfolio) % 100;
    return roll < 55 ? QByteArrayLiteral("SGD") : roll < 85 ? QByteArrayLiteral("USD") : QByteArrayLiteral("EUR");
}

int DemoRunSimulator::pickPortfolio()
{
    if (m_structure.chance(kHotPortfolioShare))
        return int(m_structure.below(kHotPortfolioCount));
    return int(m_structure.below(kPortfolioCount));
}

DemoOutcome DemoRunSimulator::pickOutcome(bool scenario)
{
    // Most runs are READY; sell-only safety needs review; missing prices and settlement
    // overdrafts block (the demo pack's mix, §9.1).
    static constexpr std::array<int, 4> kRuns { 7700, 1600, 470, 230 };
    static constexpr std::array<int, 4> kScenarios { 8500, 1000, 300, 200 };
    return DemoOutcome(m_structure.weighted(scenario ? kScenarios : kRuns));
}

QByteArray DemoRunSimulator::engineVersion(qint64 at) const
{
    const qint64 permille = (at - m_start) * 1000 / std::max<qint64>(1, m_anchor - m_start);
    if (permille < 50)
        return {}; // an engine from before lineage.engine_version
    if (permille < 300)
        return QByteArrayLiteral("2.3.1");
    if (permille < 700)
        return QByteArrayLiteral("2.4.0");
    return QByteArrayLiteral("2.4.2");
}

void DemoRunSimulator::generateChunk(qint64 chunk, BulkRows *rows)
{
    m_rows = rows;
    m_reuses.clear();
    m_chunkKeys.clear();
    const qint64 begin = chunk * kChunkRuns;
    m_chunkFirstRunId = runId(begin);
    const qint64 end = begin + chunkRuns(chunk);
    qint64 index = begin;
    while (index < end) {
        const qint64 at = m_time.slotTime(index, m_runCount, m_structure);
        if (const auto reuse = m_reuses.find(index); reuse != m_reuses.end()) {
            simulateRun(index, at, &reuse->second, end);
            ++index;
            continue;
        }
        if (m_structure.chance(kOperationPerSlot)) {
            qint64 freeSlots = 0;
            while (index + freeSlots < end && !m_reuses.count(index + freeSlots))
                ++freeSlots;
            if (const qint64 taken = operation(index, at, freeSlots); taken > 0) {
                index += taken;
                continue;
            }
        }
        simulateRun(index, at, nullptr, end);
        ++index;
    }
    // The current mapping of each key: its latest run (the service's upsert).
    for (const KeyState &key : std::as_const(m_chunkKeys))
        emit(BulkTable::RunIdempotency, [&](const auto &add) {
            add({ key.key, key.lastHash, key.lastRunId, key.lastAt });
        });
    m_rows = nullptr;
}

void DemoRunSimulator::recordRun(const DemoRunFacts &facts, bool persisted, DemoResult *result)
{
    // The service's write path (§6.7): run, artifact when persisted, CORRELATION_TO_RUN and,
    // with a key, history and IDEMPOTENCY_TO_RUN, all with the run's created_at.
    if (m_rows)
        *result = buildDemoResult(facts);
    if (facts.runId == m_chunkFirstRunId)
        m_chunkStarts.emplace_back(facts.runId, facts.createdAt);
    const QByteArray key = facts.idempotencyKey.isEmpty() ? QByteArray() : facts.idempotencyKey;
    emit(BulkTable::Runs, [&](const auto &add) {
        add({ facts.runId, facts.correlationId, facts.requestHash, key, facts.portfolioId, facts.createdAt,
            result->result });
    });
    if (persisted) {
        emit(BulkTable::RunArtifacts, [&](const auto &add) {
            add({ facts.runId, buildDemoArtifact(facts, *result) });
        });
    }
    const QByteArray metadata = m_rows ? jsonObject1("request_hash", facts.requestHash) : QByteArray();
    emit(BulkTable::LineageEdges, [&](const auto &add) {
        add({ facts.correlationId, "CORRELATION_TO_RUN", facts.runId, facts.createdAt, metadata });
    });
    if (!key.isEmpty()) {
        emit(BulkTable::RunIdempotencyHistory, [&](const auto &add) {
            add({ key, facts.runId, facts.correlationId, facts.requestHash, facts.createdAt });
        });
        emit(BulkTable::LineageEdges, [&](const auto &add) {
            add({ key, "IDEMPOTENCY_TO_RUN", facts.runId, facts.createdAt, metadata });
        });
    }
}

void DemoRunSimulator::simulateRun(qint64 index, qint64 slotAt, const KeyReuse *reuse, qint64 chunkEnd)
{
    DemoRunFacts facts;
    const int portfolio = reuse ? reuse->portfolio : pickPortfolio();
    PortfolioState &state = m_portfolios[std::size_t(portfolio)];
    const bool keyed = reuse || m_structure.chance(kKeyedRunShare);
    qint64 at = slotAt;
    if (reuse)
        at = std::min(m_anchor, std::max(at, reuse->originalAt + m_structure.between(kSecond, kMinute)));

    facts.runId = runId(index);
    facts.correlationId = newCorrelationId();
    if (m_simulatedRuns++ % kRunCorrelationSampleEvery == 0)
        m_runCorrelationSample << QString::fromLatin1(facts.correlationId);
    facts.requestHash = reuse && reuse->sameHash ? reuse->requestHash : newRequestHash();
    facts.outcome = reuse && reuse->sameHash ? reuse->outcome : pickOutcome(false);
    if (keyed) {
        facts.idempotencyKey = reuse ? reuse->key : hexId("idem-", mix64(m_idempotencyKeys++ ^ m_keys.idempotency), 16);
    }
    facts.portfolioId = portfolioId(portfolio);
    facts.baseCurrency = baseCurrency(portfolio);
    facts.createdAt = timestampText(at);
    facts.engineVersion = engineVersion(at);
    facts.stateful = m_structure.chance(kStatefulShare);
    facts.payloadSeed = mix64(m_keys.payload + quint64(index));
    const bool persisted = m_structure.chance(kPersistedShare);

    DemoResult result;
    recordRun(facts, persisted, &result);

    // Chains between runs (the RFC's design-intent edge types, Part A §7), always to the past.
    if (!state.lastRunId.isEmpty() && state.lastRunAt < at) {
        emit(BulkTable::LineageEdges, [&](const auto &add) {
            add({ facts.runId, "derived_from", state.lastRunId, facts.createdAt,
                jsonObject1("portfolio_id", facts.portfolioId) });
        });
    }
    if (!state.pendingChangeDecision.isEmpty() && state.pendingChangeAt < at) {
        emit(BulkTable::LineageEdges, [&](const auto &add) {
            add({ facts.runId, "caused_by", state.pendingChangeDecision, facts.createdAt,
                jsonObject1("reason_code", state.pendingChangeReason) });
        });
        state.pendingChangeDecision.clear();
    }
    if (reuse && reuse->sameHash) {
        emit(BulkTable::LineageEdges, [&](const auto &add) {
            add({ facts.runId, "replayed_from", reuse->originalRunId, facts.createdAt,
                jsonObject2("idempotency_key", reuse->key, "request_hash", facts.requestHash) });
        });
    }

    // Idempotency: the key's current mapping is written at the end of the chunk.
    if (keyed) {
        auto known = std::find_if(
            m_chunkKeys.begin(), m_chunkKeys.end(), [&](const KeyState &k) { return k.key == facts.idempotencyKey; });
        if (known == m_chunkKeys.end()) {
            m_chunkKeys << KeyState { facts.idempotencyKey, {}, {}, {} };
            known = m_chunkKeys.end() - 1;
        }
        known->lastRunId = facts.runId;
        known->lastHash = facts.requestHash;
        known->lastAt = facts.createdAt;

        // Replay disabled for this client: the same key comes again shortly after, with the same
        // request (a retry, a new run) or a different one (a conflicting re-use).
        if (m_structure.chance(reuse ? kKeyReuseAgainShare : kKeyReuseShare) && at + 2 * kMinute <= m_anchor) {
            qint64 due = index + m_structure.between(1, 40);
            while (due < chunkEnd && m_reuses.count(due))
                ++due;
            const bool sameHash = m_structure.chance(kReuseSameHashShare);
            if (due < chunkEnd) {
                m_reuses[due] = KeyReuse { facts.idempotencyKey, facts.runId, facts.requestHash, portfolio,
                    facts.outcome, at, sameHash };
            }
        }
    }

    QList<GeneratedEvent> events;
    if (facts.outcome == DemoOutcome::PendingReview)
        workflow(facts.runId, at, events, &state);
    if (keyed && m_structure.chance(kReplayServedShare)) {
        // Replay enabled: the same key and request came again and got this run back; the
        // service writes no row for that, the console's event log does.
        const qint64 replayAt = at + m_structure.between(kSecond, 10 * kMinute);
        QByteArray replayCorrelation = newCorrelationId();
        if (replayAt <= m_anchor)
            events << GeneratedEvent { replayAt, "IDEMPOTENT_REPLAY_SERVED", "dpm.run.replay", replayCorrelation, {},
                {}, {} };
    }
    if (persisted)
        events << GeneratedEvent { at + m_structure.between(1000, 50000), "ARTIFACT_PERSISTED", "dpm.run.artifact", {},
            {}, {}, {} };
    if (facts.outcome == DemoOutcome::Ready && m_structure.chance(9000)) {
        const qint64 requested = at + m_structure.between(5 * kSecond, 2 * kMinute);
        events << GeneratedEvent { requested, "EXECUTION_REQUESTED", "dpm.run.execution", {}, {}, {}, {} };
        if (m_structure.chance(6000))
            events << GeneratedEvent { requested + m_structure.between(kSecond / 2, 5 * kSecond),
                "EXECUTION_ACKNOWLEDGED", "dpm.run.execution", {}, {}, {}, {} };
    }
    runEvents(facts, at, events);
    if (state.lastRunId.isEmpty() || at >= state.lastRunAt) {
        state.lastRunId = facts.runId;
        state.lastRunAt = at;
    }
}

void DemoRunSimulator::workflow(
    const QByteArray &runId, qint64 runAt, QList<GeneratedEvent> &events, PortfolioState *portfolio)
{
    // Reviewers act on runs whose status needs review (DPM_WORKFLOW_REQUIRES_REVIEW_FOR_STATUSES
    // = PENDING_REVIEW), following the transition table of §4.1. A decision later than the
    // anchor has not happened yet, so recent runs are often still waiting.
    events << GeneratedEvent { runAt + m_structure.between(1000, 100000), "REVIEW_REQUESTED", "dpm.run.workflow", {},
        {}, {}, {} };
    static constexpr std::array<int, 3> kDecisionCounts { 4000, 4000, 2000 }; // 2, 3 or 4 decisions
    const int count = m_structure.chance(800) ? 0 : 2 + int(m_structure.weighted(kDecisionCounts));
    WorkflowStatus state = WorkflowStatus::PendingReview;
    qint64 at = runAt;
    for (int step = 0; step < count; ++step) {
        at += step == 0 ? m_structure.between(2 * kMinute, kDay) : m_structure.between(5 * kMinute, 2 * kDay);
        if (at > m_anchor)
            break;
        const bool last = step == count - 1;
        WorkflowAction action = WorkflowAction::RequestChanges;
        if (state == WorkflowStatus::PendingReview) {
            static constexpr std::array<int, 3> kMiddle { 7000, 1500, 1500 }; // changes, reject, approve
            const std::size_t pick = last ? (m_structure.chance(8000) ? 2 : 1) : m_structure.weighted(kMiddle);
            action = pick == 0 ? WorkflowAction::RequestChanges
                : pick == 1    ? WorkflowAction::Reject
                               : WorkflowAction::Approve;
        } else if (state == WorkflowStatus::Approved) {
            action = m_structure.chance(last ? 5000 : 2000) ? WorkflowAction::Reject : WorkflowAction::RequestChanges;
        }
        const std::optional<WorkflowStatus> next = workflowTransition(state, action);
        Q_ASSERT(next);
        state = *next;

        const QByteArray decisionId = hexId("dwd_", permute48(m_decisions++, m_keys.decision), 12);
        const QByteArray reason = action == WorkflowAction::Approve ? QByteArrayLiteral("REVIEW_APPROVED")
            : action == WorkflowAction::Reject
            ? QByteArrayLiteral("POLICY_REJECTED")
            : QByteArray(kChangeReasons[std::size_t(m_structure.below(kChangeReasons.size()))]);
        const QByteArray actor = kReviewers[std::size_t(m_structure.below(kReviewers.size()))];
        const QByteArray comment = m_structure.chance(3000)
            ? QByteArray()
            : QByteArray(kComments[std::size_t(m_structure.below(kComments.size()))]);
        const QByteArray correlation = newCorrelationId();
        const QByteArray actionText = toWire(action).toLatin1();
        emit(BulkTable::WorkflowDecisions, [&](const auto &add) {
            add({ decisionId, runId, actionText, reason, comment, actor, timestampText(at), correlation });
        });
        events << GeneratedEvent { at, "WORKFLOW_DECISION_RECORDED", "dpm.run.workflow", decisionId, decisionId,
            actionText, reason };
        if (portfolio && action == WorkflowAction::RequestChanges) {
            portfolio->pendingChangeDecision = decisionId;
            portfolio->pendingChangeReason = reason;
            portfolio->pendingChangeAt = at;
        }
    }
    if (state == WorkflowStatus::Approved) {
        const qint64 requested = at + m_structure.between(5 * kSecond, 10 * kMinute);
        if (requested <= m_anchor)
            events << GeneratedEvent { requested, "EXECUTION_REQUESTED", "dpm.run.execution", {}, {}, {}, {} };
    }
}

qint64 DemoRunSimulator::operation(qint64 index, qint64 at, qint64 freeSlots)
{
    static constexpr std::array<int, 4> kRecent { 3000, 2000, 4000, 1000 }; // PENDING RUNNING SUCCEEDED FAILED
    static constexpr std::array<int, 4> kOlder { 300, 100, 8400, 1200 };
    const int portfolio = pickPortfolio();
    const qint64 createdAt = std::max(m_start, at - m_structure.between(200000, 5 * kSecond));
    int status = int(m_structure.weighted(m_anchor - createdAt < kDay ? kRecent : kOlder));
    const quint64 operationNumber = m_operations++;
    const QByteArray operationId = hexId("dop_", permute48(operationNumber, m_keys.operation), 12);
    const QByteArray correlationId = newCorrelationId();
    const quint64 payloadSeed = mix64(m_keys.payload ^ (quint64(0xa5) << 56) ^ operationNumber);
    const bool bareRequest = m_structure.chance(500); // an older row: the bare batch request

    std::optional<qint64> startedAt;
    std::optional<qint64> finishedAt;
    if (status != 0)
        startedAt = createdAt + m_structure.between(20000, 800000);

    // Scenario names: baseline, sometimes another; sometimes one more that fails.
    QList<QByteArray> recorded { "baseline" };
    QByteArray failedName;
    if (m_structure.chance(2500))
        recorded << kExtraScenarios[std::size_t(m_structure.below(kExtraScenarios.size()))];
    if (m_structure.chance(1000)) {
        const QByteArray candidate = kExtraScenarios[std::size_t(m_structure.below(kExtraScenarios.size()))];
        if (!recorded.contains(candidate))
            failedName = candidate;
    }
    const QByteArray failure = kScenarioFailures[std::size_t(m_structure.below(kScenarioFailures.size()))];
    while (recorded.size() > freeSlots)
        recorded.removeLast();

    // Execution: scenario runs are recorded one after the other, then the operation finishes.
    QList<qint64> scenarioTimes;
    if (status == 2 || status == 3) {
        qint64 t = *startedAt;
        if (status == 2) {
            for (qsizetype i = 0; i < recorded.size(); ++i) {
                t += m_structure.between(50000, 600000);
                scenarioTimes << t;
            }
            t += m_structure.between(10000, 300000);
        } else {
            t += m_structure.between(100000, 60 * kSecond);
        }
        if (t > m_anchor) {
            status = 1; // still running "now"
            scenarioTimes.clear();
        } else {
            finishedAt = t;
        }
    }
    const QByteArray statusText = toWire(OperationStatus(status)).toLatin1();
    const QByteArray baseCcy = baseCurrency(portfolio);
    const QByteArray pf = portfolioId(portfolio);
    const PortfolioState &state = m_portfolios[std::size_t(portfolio)];
    const QByteArray batchRunId
        = status == 2 ? hexId("batch_", permute32(quint32(m_batches++), m_keys.batch), 8) : QByteArray();

    QList<DemoScenario> scenarios;
    for (qsizetype i = 0; i < scenarioTimes.size(); ++i) {
        const qint64 runIndex = index + i;
        DemoRunFacts facts;
        facts.runId = runId(runIndex);
        facts.correlationId = correlationId + ':' + recorded.at(i);
        facts.requestHash = batchRunId + ':' + recorded.at(i);
        facts.outcome = pickOutcome(true);
        facts.portfolioId = pf;
        facts.baseCurrency = baseCcy;
        facts.createdAt = timestampText(scenarioTimes.at(i));
        facts.engineVersion = engineVersion(scenarioTimes.at(i));
        facts.payloadSeed = mix64(m_keys.payload + quint64(runIndex));
        const bool persisted = m_structure.chance(kPersistedShare);
        DemoScenario scenario { recorded.at(i), {}, {} };
        recordRun(facts, persisted, &scenario.result);
        emit(BulkTable::LineageEdges, [&](const auto &add) {
            add({ facts.runId, "caused_by", operationId, facts.createdAt, jsonObject1("scenario", recorded.at(i)) });
        });
        // A what-if starts from the portfolio as its latest run left it.
        if (!state.lastRunId.isEmpty() && state.lastRunAt < scenarioTimes.at(i)) {
            emit(BulkTable::LineageEdges, [&](const auto &add) {
                add({ facts.runId, "derived_from", state.lastRunId, facts.createdAt, jsonObject1("portfolio_id", pf) });
            });
        }
        QList<GeneratedEvent> events;
        if (persisted)
            events << GeneratedEvent { scenarioTimes.at(i) + m_structure.between(1000, 50000), "ARTIFACT_PERSISTED",
                "dpm.run.artifact", {}, {}, {}, {} };
        if (facts.outcome == DemoOutcome::PendingReview)
            workflow(facts.runId, scenarioTimes.at(i), events, nullptr);
        runEvents(facts, scenarioTimes.at(i), events);
        scenarios << scenario;
    }
    if (!failedName.isEmpty() && !scenarioTimes.isEmpty())
        scenarios << DemoScenario { failedName, {}, failure };

    emit(BulkTable::AsyncOperations, [&](const auto &add) {
        QList<QByteArray> names = recorded;
        if (!failedName.isEmpty())
            names << failedName;
        const QByteArray request = buildDemoOperationRequest(pf, baseCcy, names, bareRequest, payloadSeed);
        const QByteArray result = status == 2
            ? buildDemoBatchResult(batchRunId, timestampText(*startedAt), pf, baseCcy, scenarios)
            : QByteArray();
        const QByteArray error = status == 3 ? buildDemoOperationError(payloadSeed) : QByteArray();
        add({ operationId, "ANALYZE_SCENARIOS", statusText, correlationId, timestampText(createdAt),
            startedAt ? timestampText(*startedAt) : QByteArray(),
            finishedAt ? timestampText(*finishedAt) : QByteArray(), result, error, request });
    });
    emit(BulkTable::LineageEdges, [&](const auto &add) {
        add({ operationId, "OPERATION_TO_CORRELATION", correlationId, timestampText(createdAt),
            jsonObject1("operation_type", "ANALYZE_SCENARIOS") });
    });
    return scenarioTimes.size();
}

void DemoRunSimulator::runEvents(const DemoRunFacts &facts, qint64 runAt, QList<GeneratedEvent> events)
{
    // What happened to the run, in order (console/0002): each event with its one delivery.
    events.prepend(GeneratedEvent { runAt, "RUN_RECORDED", "dpm.run.recorded", {}, {}, {}, {} });
    std::stable_sort(
        events.begin(), events.end(), [](const GeneratedEvent &a, const GeneratedEvent &b) { return a.at < b.at; });
    const QByteArray status = demoOutcomeStatus(facts.outcome);
    int sequence = 0;
    for (const GeneratedEvent &event : std::as_const(events)) {
        ++sequence;
        const QByteArray eventId = hexId("evt_", permute48(m_events++, m_keys.event), 12);
        const QByteArray outboxId = hexId("obx_", permute48(m_outbox++, m_keys.outbox), 12);

        // Delivery: just appended ones wait; most were delivered, some failed or gave up.
        static constexpr std::array<int, 3> kDelivery { 9700, 200, 100 }; // DELIVERED FAILED DEAD
        const char *deliveryStatus = "PENDING";
        qint64 attempts = 0;
        qint64 nextAttempt = event.at; // 0: none
        qint64 deliveredAt = 0; // 0: none
        const char *lastError = nullptr;
        if (m_anchor - event.at >= 2 * kMinute) {
            switch (m_structure.weighted(kDelivery)) {
            case 0:
                deliveryStatus = "DELIVERED";
                attempts = m_structure.chance(9000) ? 1 : m_structure.between(2, 3);
                deliveredAt = event.at + attempts * m_structure.between(5000, 2 * kSecond);
                nextAttempt = 0;
                break;
            case 1:
                deliveryStatus = "FAILED";
                attempts = m_structure.between(1, 4);
                nextAttempt = event.at + attempts * m_structure.between(30 * kSecond, 10 * kMinute);
                lastError = kDeliveryErrors[std::size_t(m_structure.below(kDeliveryErrors.size()))];
                break;
            default:
                deliveryStatus = "DEAD";
                attempts = 5;
                nextAttempt = 0;
                lastError = kDeliveryErrors[std::size_t(m_structure.below(kDeliveryErrors.size()))];
                break;
            }
        }
        if (!m_withEvents)
            continue;
        QByteArray payload;
        if (m_rows) {
            JsonTextWriter w(payload);
            w.beginObject();
            if (!event.action.isEmpty())
                w.field("action", event.action);
            w.field("correlation_id", facts.correlationId);
            if (!event.decisionId.isEmpty())
                w.field("decision_id", event.decisionId);
            w.field("event_type", event.type).field("portfolio_id", facts.portfolioId);
            if (!event.reasonCode.isEmpty())
                w.field("reason_code", event.reasonCode);
            w.field("rebalance_run_id", facts.runId).field("status", status).endObject();
        }
        const QByteArray createdAt = m_rows ? timestampText(event.at) : QByteArray();
        emit(BulkTable::RunEvents, [&](const auto &add) {
            const QByteArray key
                = QByteArray(event.type) + ':' + (event.subject.isEmpty() ? facts.correlationId : event.subject);
            add({ eventId, facts.runId, QByteArray::number(sequence), event.type, key, payload, createdAt });
        });
        emit(BulkTable::Outbox, [&](const auto &add) {
            QByteArray message;
            JsonTextWriter(message)
                .beginObject()
                .field("event_id", eventId)
                .field("event_type", event.type)
                .rawField("payload", payload)
                .field("rebalance_run_id", facts.runId)
                .integerField("sequence_no", sequence)
                .endObject();
            add({ outboxId, eventId, event.topic, message, deliveryStatus, QByteArray::number(attempts), "5",
                nextAttempt ? timestampText(nextAttempt) : QByteArray(),
                lastError ? QByteArray(lastError) : QByteArray(), createdAt,
                deliveredAt ? timestampText(deliveredAt) : QByteArray() });
        });
    }
}

} // namespace dpm
