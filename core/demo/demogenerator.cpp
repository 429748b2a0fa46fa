#include "demogenerator.h"

#include "demopayloads.h"
#include "demoproposalload.h"
#include "demorandom.h"
#include "demotime.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "domain/vocabulary.h"
#include "jsontextwriter.h"
#include "store/bulkloader.h"
#include "store/dualwritestore.h"
#include "store/prefetcher.h"
#include "store/proposalstore.h"
#include "store/serverprobe.h"
#include "store/supportstore.h"

#include <QDate>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QScopeGuard>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <future>
#include <map>
#include <vector>

namespace dpm {

namespace {

__extension__ typedef unsigned __int128 Uint128;

constexpr qint64 kChunkRuns = 256; // key reuse stays within a chunk; transactions hold whole chunks
constexpr qint64 kChunksPerWrite = 4;
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

struct Keys
{
    quint64 run, correlation, operation, decision, batch, idempotency, event, outbox, portfolio, payload;
};

Keys keysFor(quint64 seed)
{
    quint64 s = seed ^ 0x64706d2d64656d6fULL; // "dpm-demo"
    return { splitMix64(s), splitMix64(s), splitMix64(s), splitMix64(s), splitMix64(s), splitMix64(s), splitMix64(s),
        splitMix64(s), splitMix64(s), splitMix64(s) };
}

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

// When runs are recorded: hour by hour over the span, more in business hours and on weekdays,
// more at month end, with bursts (retry storms, month-end rebalancing) on some days.
class TimeModel
{
public:
    TimeModel(qint64 startMicros, int spanDays, quint64 seed)
        : m_start(startMicros)
    {
        static constexpr std::array<int, 24> kHourOfDay { 4, 10, 14, 16, 16, 12, 14, 16, 14, 10, 6, 4, 3, 4, 6, 8, 8, 6,
            4, 3, 2, 2, 2, 3 };
        DemoRandom rng(seed);
        const qint64 hours = qint64(spanDays) * 24;
        m_cumulative.reserve(std::size_t(hours));
        qint64 total = 0;
        qint64 burstHoursLeft = 0;
        qint64 burstFactor = 1;
        for (qint64 h = 0; h < hours; ++h) {
            const qint64 at = m_start + h * kHour;
            const qint64 epochDays = at >= 0 ? at / kDay : (at - kDay + 1) / kDay;
            const int hourOfDay = int((at - epochDays * kDay) / kHour);
            const QDate date = QDate(1970, 1, 1).addDays(epochDays);
            qint64 weight = kHourOfDay[std::size_t(hourOfDay)] * (date.dayOfWeek() >= 6 ? 1 : 5);
            if (date.day() > date.daysInMonth() - 2)
                weight *= 3;
            if (hourOfDay == 0 && rng.chance(3500)) {
                burstHoursLeft = -rng.between(1, 22); // starts later this day
                burstFactor = rng.between(6, 15);
            }
            if (burstHoursLeft < 0 && ++burstHoursLeft == 0)
                burstHoursLeft = rng.between(1, 2);
            if (burstHoursLeft > 0) {
                weight *= burstFactor;
                --burstHoursLeft;
            }
            total += weight * 1000000; // fine enough for microsecond times within an hour
            m_cumulative.push_back(total);
        }
    }

    // The time of run slot `index` of `count`: the slots split the weight evenly, so times only
    // grow with the index; a random offset inside the slot keeps them from looking regular.
    qint64 slotTime(qint64 index, qint64 count, DemoRandom &rng) const
    {
        const quint64 total = quint64(m_cumulative.back());
        const Uint128 position = (Uint128(quint64(index)) * total + rng.below(total)) / quint64(count);
        const auto hour = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), qint64(position));
        const qint64 h = hour - m_cumulative.begin();
        const qint64 hourStart = h == 0 ? 0 : m_cumulative[std::size_t(h - 1)];
        const qint64 weight = *hour - hourStart;
        return m_start + h * kHour
            + qint64(Uint128(quint64(qint64(position) - hourStart)) * quint64(kHour) / quint64(weight));
    }

private:
    qint64 m_start;
    std::vector<qint64> m_cumulative;
};

struct PortfolioState
{
    QByteArray lastRunId; // the portfolio's latest run so far (a retry may be pushed later than its slot)
    qint64 lastRunAt = 0;
    QByteArray pendingChangeDecision; // the latest REQUEST_CHANGES on its last run, if any
    QByteArray pendingChangeReason;
    qint64 pendingChangeAt = 0;
};

// A later run that re-uses an earlier run's idempotency key (replay disabled).
struct KeyReuse
{
    QByteArray key;
    QByteArray originalRunId;
    QByteArray requestHash;
    int portfolio = 0;
    DemoOutcome outcome = DemoOutcome::Ready;
    qint64 originalAt = 0;
    bool sameHash = false;
};

struct KeyState
{
    QByteArray key;
    QByteArray lastRunId;
    QByteArray lastHash;
    QByteArray lastAt;
};

struct GeneratedEvent
{
    qint64 at;
    const char *type;
    const char *topic;
    QByteArray subject; // makes the append's idempotency key unique per run
    QByteArray decisionId;
    QByteArray action;
    QByteArray reasonCode;
};

// Generates the rows chunk by chunk. All decisions about rows (counts, ids, times, statuses)
// come from one sequential stream, so a counting pass without payloads and the real pass make
// the same rows; payloads come from per-row seeds.
class DemoGenerator
{
public:
    DemoGenerator(const DemoOptions &options, qint64 runCount, qint64 anchorMicros, bool withEvents)
        : m_keys(keysFor(options.seed))
        , m_structure(mix64(options.seed) ^ 0x73747275637475ULL)
        , m_runCount(runCount)
        , m_anchor(anchorMicros)
        , m_start(anchorMicros - qint64(options.spanDays) * kDay)
        , m_time(m_start, options.spanDays, mix64(options.seed ^ 0x74696d65ULL))
        , m_withEvents(withEvents)
        , m_portfolios(kPortfolioCount)
    { }

    qint64 chunkCount() const { return (m_runCount + kChunkRuns - 1) / kChunkRuns; }
    qint64 chunkRuns(qint64 chunk) const { return std::min(kChunkRuns, m_runCount - chunk * kChunkRuns); }

    // The rows of one chunk of runs into `rows`, or only counted when rows is null.
    void generateChunk(qint64 chunk, BulkRows *rows);

    qint64 count(BulkTable table) const { return m_counts[std::size_t(table)]; }

    // The first run of every chunk generated so far (id, created_at): how a resumed load
    // recognises the chunks a store already holds.
    const std::vector<std::pair<QByteArray, QByteArray>> &chunkStarts() const { return m_chunkStarts; }
    // The correlation ids of every kRunCorrelationSampleEvery-th simulated run, in order: what the
    // demo proposals that reuse a run's correlation id take (DemoProposalOptions).
    const QStringList &runCorrelationSample() const { return m_runCorrelationSample; }

private:
    // Counts a row and, when writing, lets `build` format it: build(add) calls
    // add({value, ...}) once. Nothing else may happen in build (the counting pass skips it).
    template <typename Build> void emit(BulkTable table, Build build)
    {
        if (!m_withEvents && (table == BulkTable::RunEvents || table == BulkTable::Outbox))
            return;
        ++m_counts[std::size_t(table)];
        if (m_rows)
            build([&](std::initializer_list<QByteArray> values) { m_rows->add(table, values); });
    }

    QByteArray runId(qint64 index) const { return hexId("rr_", permute32(quint32(index), m_keys.run), 8); }
    QByteArray newCorrelationId() { return hexId("corr_", permute48(m_correlations++, m_keys.correlation), 12); }
    QByteArray newRequestHash()
    {
        QByteArray out("sha256:");
        for (int i = 0; i < 4; ++i)
            appendHex(out, m_structure.next(), 16);
        return out;
    }
    QByteArray portfolioId(int portfolio) const;
    QByteArray baseCurrency(int portfolio) const;
    int pickPortfolio();
    DemoOutcome pickOutcome(bool scenario);
    QByteArray engineVersion(qint64 at) const;

    void simulateRun(qint64 index, qint64 at, const KeyReuse *reuse, qint64 chunkEnd);
    // An async operation submitted at `at`; returns how many run slots its scenario runs took.
    qint64 operation(qint64 index, qint64 at, qint64 freeSlots);
    // The rows every recorded run has; builds its payloads into result when writing.
    void recordRun(const DemoRunFacts &facts, bool persisted, DemoResult *result);
    void workflow(const QByteArray &runId, qint64 runAt, QList<GeneratedEvent> &events, PortfolioState *portfolio);
    void runEvents(const DemoRunFacts &facts, qint64 runAt, QList<GeneratedEvent> events);

    Keys m_keys;
    DemoRandom m_structure;
    qint64 m_runCount;
    qint64 m_anchor;
    qint64 m_start;
    TimeModel m_time;
    bool m_withEvents;
    std::vector<PortfolioState> m_portfolios;
    std::array<qint64, kBulkTableCount> m_counts {};
    BulkRows *m_rows = nullptr;

    quint64 m_correlations = 0;
    quint64 m_simulatedRuns = 0;
    QStringList m_runCorrelationSample;
    quint64 m_operations = 0;
    quint64 m_decisions = 0;
    quint64 m_batches = 0;
    quint64 m_idempotencyKeys = 0;
    quint64 m_events = 0;
    quint64 m_outbox = 0;

    std::vector<std::pair<QByteArray, QByteArray>> m_chunkStarts;
    QByteArray m_chunkFirstRunId;

    // Per chunk.
    std::map<qint64, KeyReuse> m_reuses; // run slot -> the reuse recorded there
    QList<KeyState> m_chunkKeys; // in order of first use
};

QByteArray DemoGenerator::portfolioId(int portfolio) const
{
    QByteArray out = "pf_" + baseCurrency(portfolio).left(2).toLower() + '_';
    out += QByteArray::number(portfolio + 1).rightJustified(5, '0');
    return out;
}

QByteArray DemoGenerator::baseCurrency(int portfolio) const
{
    const quint64 roll = mix64(quint64(portfolio) ^ m_keys.portfolio) % 100;
    return roll < 55 ? QByteArrayLiteral("SGD") : roll < 85 ? QByteArrayLiteral("USD") : QByteArrayLiteral("EUR");
}

int DemoGenerator::pickPortfolio()
{
    if (m_structure.chance(kHotPortfolioShare))
        return int(m_structure.below(kHotPortfolioCount));
    return int(m_structure.below(kPortfolioCount));
}

DemoOutcome DemoGenerator::pickOutcome(bool scenario)
{
    // Most runs are READY; sell-only safety needs review; missing prices and settlement
    // overdrafts block (the demo pack's mix, §9.1).
    static constexpr std::array<int, 4> kRuns { 7700, 1600, 470, 230 };
    static constexpr std::array<int, 4> kScenarios { 8500, 1000, 300, 200 };
    return DemoOutcome(m_structure.weighted(scenario ? kScenarios : kRuns));
}

QByteArray DemoGenerator::engineVersion(qint64 at) const
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

void DemoGenerator::generateChunk(qint64 chunk, BulkRows *rows)
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

void DemoGenerator::recordRun(const DemoRunFacts &facts, bool persisted, DemoResult *result)
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

void DemoGenerator::simulateRun(qint64 index, qint64 slotAt, const KeyReuse *reuse, qint64 chunkEnd)
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
            events << GeneratedEvent { replayAt, "IDEMPOTENT_REPLAY_SERVED", "dpm.run.replay", replayCorrelation, {}, {},
                {} };
    }
    if (persisted)
        events << GeneratedEvent { at + m_structure.between(1000, 50000), "ARTIFACT_PERSISTED", "dpm.run.artifact", {}, {},
            {}, {} };
    if (facts.outcome == DemoOutcome::Ready && m_structure.chance(9000)) {
        const qint64 requested = at + m_structure.between(5 * kSecond, 2 * kMinute);
        events << GeneratedEvent { requested, "EXECUTION_REQUESTED", "dpm.run.execution", {}, {}, {}, {} };
        if (m_structure.chance(6000))
            events << GeneratedEvent { requested + m_structure.between(kSecond / 2, 5 * kSecond), "EXECUTION_ACKNOWLEDGED",
                "dpm.run.execution", {}, {}, {}, {} };
    }
    runEvents(facts, at, events);
    if (state.lastRunId.isEmpty() || at >= state.lastRunAt) {
        state.lastRunId = facts.runId;
        state.lastRunAt = at;
    }
}

void DemoGenerator::workflow(const QByteArray &runId, qint64 runAt, QList<GeneratedEvent> &events, PortfolioState *portfolio)
{
    // Reviewers act on runs whose status needs review (DPM_WORKFLOW_REQUIRES_REVIEW_FOR_STATUSES
    // = PENDING_REVIEW), following the transition table of §4.1. A decision later than the
    // anchor has not happened yet, so recent runs are often still waiting.
    events << GeneratedEvent { runAt + m_structure.between(1000, 100000), "REVIEW_REQUESTED", "dpm.run.workflow", {}, {}, {},
        {} };
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
        events << GeneratedEvent { at, "WORKFLOW_DECISION_RECORDED", "dpm.run.workflow", decisionId, decisionId, actionText,
            reason };
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

qint64 DemoGenerator::operation(qint64 index, qint64 at, qint64 freeSlots)
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

void DemoGenerator::runEvents(const DemoRunFacts &facts, qint64 runAt, QList<GeneratedEvent> events)
{
    // What happened to the run, in order (console/0002): each event with its one delivery.
    events.prepend(GeneratedEvent { runAt, "RUN_RECORDED", "dpm.run.recorded", {}, {}, {}, {} });
    std::stable_sort(events.begin(), events.end(), [](const GeneratedEvent &a, const GeneratedEvent &b) { return a.at < b.at; });
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

// How many chunks of the load the store already holds. Chunks commit whole and in order, so a
// store an interrupted load left behind holds chunks [0, n): found by looking up the first run
// of a chunk (a binary search), and checked by its time, which depends on every option.
qint64 committedChunks(SupportStore &store, const std::vector<std::pair<QByteArray, QByteArray>> &starts)
{
    const auto mismatch = [&] {
        return Error(ErrorKind::Conflict, QStringLiteral("DEMO_RESUME_MISMATCH"),
            QStringLiteral("%1 holds rows that are not the start of this demo load; resume with the interrupted "
                           "load's --scale, --seed, --anchor and --span-days, or use an empty store.")
                .arg(store.describe()));
    };
    const auto present = [&](qint64 chunk) {
        const auto &[runId, createdAt] = starts[std::size_t(chunk)];
        const std::optional<RebalanceRun> run = store.getRun(QString::fromLatin1(runId));
        if (run && run->createdAt != QLatin1String(createdAt))
            throw mismatch();
        return run.has_value();
    };
    const qint64 count = qint64(starts.size());
    if (!present(0))
        throw mismatch();
    qint64 low = 1; // chunk low - 1 is present; the first missing one is in [low, high]
    qint64 high = count;
    while (low < high) {
        const qint64 middle = low + (high - low) / 2;
        if (present(middle))
            low = middle + 1;
        else
            high = middle;
    }
    if (low < count && present(count - 1))
        throw mismatch(); // not a prefix: rows of another origin
    return low;
}

} // namespace

QString demoScaleName(DemoScale scale)
{
    switch (scale) {
    case DemoScale::S:
        return QStringLiteral("S");
    case DemoScale::M:
        return QStringLiteral("M");
    case DemoScale::L:
        break;
    }
    return QStringLiteral("L");
}

std::optional<DemoScale> demoScaleFromName(const QString &name)
{
    const QString upper = name.trimmed().toUpper();
    for (const DemoScale scale : { DemoScale::S, DemoScale::M, DemoScale::L }) {
        if (upper == demoScaleName(scale))
            return scale;
    }
    return std::nullopt;
}

qint64 demoScaleRunCount(DemoScale scale)
{
    switch (scale) {
    case DemoScale::S:
        return 10000;
    case DemoScale::M:
        return 100000;
    case DemoScale::L:
        break;
    }
    return 1000000;
}

QString demoDefaultAnchor()
{
    return QStringLiteral("2026-03-01T00:00:00+00:00");
}

qint64 DemoReport::totalRows() const
{
    qint64 total = 0;
    for (const qint64 n : rows)
        total += n;
    return total;
}

QJsonObject DemoReport::toJson() const
{
    QJsonObject rowsJson;
    QJsonObject rates;
    QJsonObject tableSeconds;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        rowsJson.insert(it.key(), it.value());
        if (!tableWriteSeconds.contains(it.key()))
            continue; // not measured apart (the proposal tables)
        const double seconds = tableWriteSeconds.value(it.key());
        tableSeconds.insert(it.key(), seconds);
        if (seconds > 0)
            rates.insert(it.key(), qRound64(double(it.value()) / seconds));
    }
    return { { QStringLiteral("scale"), scale }, { QStringLiteral("seed"), QString::number(seed) },
        { QStringLiteral("from"), from }, { QStringLiteral("anchor"), anchor },
        { QStringLiteral("run_count"), runCount }, { QStringLiteral("planned_rows"), plannedRows },
        { QStringLiteral("cancelled"), cancelled }, { QStringLiteral("resumed"), resumed },
        { QStringLiteral("kept_rows"), keptRows }, { QStringLiteral("rows"), rowsJson },
        { QStringLiteral("total_rows"), totalRows() }, { QStringLiteral("plan_seconds"), planSeconds },
        { QStringLiteral("generate_seconds"), generateSeconds }, { QStringLiteral("commit_seconds"), commitSeconds },
        { QStringLiteral("total_seconds"), totalSeconds },
        { QStringLiteral("rows_per_second"), totalSeconds > 0 ? qRound64(double(totalRows()) / totalSeconds) : 0 },
        { QStringLiteral("table_write_seconds"), tableSeconds },
        { QStringLiteral("table_write_rows_per_second"), rates },
        { QStringLiteral("notes"), QJsonArray::fromStringList(notes) } };
}

DemoReport generateDemoData(SupportStore &store, const DemoOptions &options, const DemoProgressFn &progress)
{
    QElapsedTimer clock;
    clock.start();
    refuseChangesOnReplica(store, QStringLiteral("generating demo data"));
    const qint64 runCount = options.runCount.value_or(demoScaleRunCount(options.scale));
    const auto invalid = [](const QString &message) {
        return Error(ErrorKind::InvalidInput, QStringLiteral("DEMO_OPTIONS_INVALID"), message);
    };
    if (runCount < 1 || runCount > 100000000)
        throw invalid(QStringLiteral("The run count must be from 1 to 100,000,000 (got %1).").arg(runCount));
    if (options.spanDays < 1 || options.spanDays > 3650)
        throw invalid(QStringLiteral("The time span must be from 1 to 3650 days (got %1).").arg(options.spanDays));
    if (options.runsPerTransaction < 1)
        throw invalid(
            QStringLiteral("Runs per transaction must be at least 1 (got %1).").arg(options.runsPerTransaction));
    const QString anchor = normalizeTimestamp(options.anchor);
    const qint64 anchorMicros = *timestampMicros(anchor);

    // Demo ids are made up and never checked against existing rows: only an empty store, or
    // the start of this very load, is safe.
    const bool withProposals = store.proposals().isAvailable();
    const bool storeEmpty = store.listRuns({}, PageRequest { 1, std::nullopt }).items.isEmpty()
        && store.listOperations({}, PageRequest { 1, std::nullopt }).items.isEmpty()
        && (!withProposals || store.proposals().listProposals({}, PageRequest { 1, std::nullopt }).items.isEmpty());
    if (!storeEmpty && !options.resume) {
        throw Error(ErrorKind::Conflict, QStringLiteral("DEMO_STORE_NOT_EMPTY"),
            QStringLiteral("%1 already holds runs, async operations or proposals; demo data goes only into an "
                           "empty store, so use a new SQLite file or an empty database, or add --resume to continue an "
                           "interrupted load with the same options.")
                .arg(store.describe()));
    }

    // Proposals that live in a database of their own are loaded there, and with dual-write on
    // every row goes to PostgreSQL too: the store's bulk path routes them as its writes go.
    const std::unique_ptr<BulkLoader> loader = openBulkLoader(store);
    const std::optional<DualWriteFigures> dualWriteBefore = dualWriteFiguresOf(store);
    const bool withEvents = loader->supports(BulkTable::RunEvents) && loader->supports(BulkTable::Outbox);

    DemoReport report;
    report.scale = options.runCount ? QStringLiteral("custom") : demoScaleName(options.scale);
    report.seed = options.seed;
    report.anchor = anchor;
    report.from = formatTimestampMicros(anchorMicros - qint64(options.spanDays) * kDay);
    report.runCount = runCount;
    QList<BulkTable> tables;
    // The runs' tables; the proposal tables (also on the bulk path) are the proposals step's.
    const QStringList proposalTables = DemoProposalLoad::tableNames();
    for (const BulkTable table : allBulkTables()) {
        if (loader->supports(table) && !proposalTables.contains(QLatin1String(bulkTableSpec(table).name))) {
            tables << table;
            report.rows.insert(QLatin1String(bulkTableSpec(table).name), 0);
        }
    }
    if (!withEvents) {
        report.notes << QStringLiteral("dpm_run_events and dpm_outbox left out: the store lacks the console's "
                                       "migration 0002 (dpmctl migrate apply adds it).");
    }
    if (!withProposals) {
        report.notes << QStringLiteral("proposal tables left out: the store lacks the proposals migrations (dpmctl "
                                       "migrate apply adds them).");
    }

    // A counting pass, so progress has a true total. It runs beside the load, as it takes half a
    // minute at scale L: until it is done, progress reports a total of 0 (not yet known). A
    // resumed load waits for it, to find where the store's rows end.
    struct Plan
    {
        DemoGenerator counted;
        std::optional<DemoProposalLoad> proposals; // counting them means making each once
        qint64 nanos = 0;
    };
    std::atomic<bool> stopPlanning = false;
    std::future<Plan> planning = std::async(std::launch::async, [&] {
        QElapsedTimer clock;
        clock.start();
        Plan plan { DemoGenerator(options, runCount, anchorMicros, withEvents), std::nullopt };
        for (qint64 chunk = 0; chunk < plan.counted.chunkCount() && !stopPlanning; ++chunk)
            plan.counted.generateChunk(chunk, nullptr);
        if (withProposals && !stopPlanning) {
            // Every twentieth proposal reuses a run's correlation id, so lineage links the two.
            plan.proposals.emplace(
                demoProposalOptions(options, plan.counted.runCorrelationSample()), demoProposalCount(runCount));
        }
        plan.nanos = clock.nsecsElapsed();
        return plan;
    });
    // Leaving early (an error) stops the count; the future waits for it on destruction.
    const auto stopPlan = qScopeGuard([&] { stopPlanning = true; });
    std::optional<Plan> plan;
    std::optional<DemoProposalLoad> proposals;
    const auto takePlan = [&](bool wait) {
        if (plan)
            return true;
        if (!wait && planning.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            return false;
        plan.emplace(planning.get());
        for (const BulkTable table : std::as_const(tables))
            report.plannedRows += plan->counted.count(table);
        if (withProposals) {
            proposals = std::move(plan->proposals);
            const QMap<QString, qint64> planned = proposals->plannedRows();
            for (auto it = planned.cbegin(); it != planned.cend(); ++it) {
                report.rows.insert(it.key(), 0);
                report.plannedRows += it.value();
            }
        }
        report.planSeconds = double(plan->nanos) / 1e9;
        return true;
    };
    const auto reportProgress = [&](qint64 rowsDone) {
        return !progress || progress(rowsDone, takePlan(false) ? report.plannedRows : 0, QStringLiteral("loading"));
    };

    DemoGenerator generator(options, runCount, anchorMicros, withEvents);
    qint64 firstChunk = 0;
    qint64 firstProposal = 0;
    if (!storeEmpty) {
        takePlan(true);
        firstChunk = committedChunks(store, plan->counted.chunkStarts());
        report.resumed = true;
        // The generator's state after those chunks comes from counting them again.
        for (qint64 chunk = 0; chunk < firstChunk; ++chunk)
            generator.generateChunk(chunk, nullptr);
        for (const BulkTable table : std::as_const(tables))
            report.keptRows += generator.count(table);
        if (proposals) {
            // Proposals follow the runs: a store holding some has every run of the load.
            firstProposal = proposals->presentProposals(store.proposals());
            if (firstProposal > 0 && firstChunk < generator.chunkCount()) {
                throw Error(ErrorKind::Conflict, QStringLiteral("DEMO_RESUME_MISMATCH"),
                    QStringLiteral("%1 holds demo proposals but not every run of this load; use an empty store.")
                        .arg(store.describe()));
            }
            for (const qint64 rows : proposals->rowsOf(0, firstProposal))
                report.keptRows += rows;
        }
    }

    const auto finishReport = [&] {
        for (const BulkTable table : std::as_const(tables)) {
            report.tableWriteSeconds.insert(
                QLatin1String(bulkTableSpec(table).name), double(loader->writeNanos(table)) / 1e9);
        }
        if (const QString note = dualWriteBulkNote(store, dualWriteBefore); !note.isEmpty())
            report.notes << note;
        report.totalSeconds = double(clock.nsecsElapsed()) / 1e9;
        return report;
    };
    if (!reportProgress(report.keptRows)) {
        report.cancelled = true;
        takePlan(true);
        return finishReport();
    }

    const qint64 chunksPerTransaction = std::max<qint64>(1, (options.runsPerTransaction + kChunkRuns - 1) / kChunkRuns);
    // Several chunks per write, never across a commit: each COPY (or prepared-statement pass)
    // has a fixed cost worth a few hundred rows.
    const qint64 chunksPerWrite = std::min(chunksPerTransaction, kChunksPerWrite);
    const qint64 chunkCount = generator.chunkCount();
    const auto endsTransaction = [&](qint64 chunk) {
        return (chunk + 1 - firstChunk) % chunksPerTransaction == 0 || chunk + 1 == chunkCount;
    };
    // The last chunk of the write starting at `chunk`: chunksPerWrite on, or the transaction's end.
    const auto lastOfWrite = [&](qint64 chunk) {
        const qint64 transactionLast
            = firstChunk + ((chunk - firstChunk) / chunksPerTransaction + 1) * chunksPerTransaction - 1;
        return std::min({ chunk + chunksPerWrite - 1, transactionLast, chunkCount - 1 });
    };
    struct Batch
    {
        BulkRows rows;
        qint64 lastChunk = 0;
    };
    // The generator runs on a thread of its own, a batch or two ahead of the writes, so making
    // rows overlaps with the database storing the previous ones. Only that thread touches the
    // generator and generateNanos until the prefetcher is gone.
    qint64 nextChunk = firstChunk;
    qint64 generateNanos = 0;
    qint64 commitNanos = 0;
    std::array<qint64, kBulkTableCount> uncommitted {};
    qint64 done = report.keptRows;
    {
        Prefetcher<Batch> batches([&]() -> std::optional<Batch> {
            if (nextChunk >= chunkCount)
                return std::nullopt;
            QElapsedTimer generating;
            generating.start();
            Batch batch;
            batch.lastChunk = lastOfWrite(nextChunk);
            for (; nextChunk <= batch.lastChunk; ++nextChunk)
                generator.generateChunk(nextChunk, &batch.rows);
            loader->prepare(batch.rows);
            generateNanos += generating.nsecsElapsed();
            return batch;
        });
        bool open = false;
        while (std::optional<Batch> batch = batches.next()) {
            if (!open) {
                loader->begin();
                open = true;
            }
            loader->write(batch->rows);
            for (const BulkTable table : std::as_const(tables))
                uncommitted[std::size_t(table)] += batch->rows.rowCount(table);
            done += batch->rows.totalRows();
            if (!reportProgress(done)) {
                loader->rollback();
                report.cancelled = true;
                break;
            }
            if (endsTransaction(batch->lastChunk)) {
                QElapsedTimer committing;
                committing.start();
                loader->commit();
                commitNanos += committing.nsecsElapsed();
                open = false;
                for (const BulkTable table : std::as_const(tables)) {
                    report.rows[QLatin1String(bulkTableSpec(table).name)] += uncommitted[std::size_t(table)];
                    uncommitted[std::size_t(table)] = 0;
                }
            }
        }
    }
    takePlan(true);
    if (!report.cancelled && proposals) {
        // As many proposals per transaction as runs (a proposal is about as many rows as a run).
        const qint64 end = proposals->writeBulk(store.proposals(), *loader,
            firstProposal, options.runsPerTransaction,
            [&](qint64 index) {
            done += proposals->totalRowsOf(index);
            return !progress || progress(done, report.plannedRows, QStringLiteral("loading"));
        });
        report.cancelled = end < proposals->count();
        const QMap<QString, qint64> written = proposals->rowsOf(firstProposal, end);
        for (auto it = written.cbegin(); it != written.cend(); ++it)
            report.rows[it.key()] += it.value();
    }
    report.generateSeconds = double(generateNanos) / 1e9;
    report.commitSeconds = double(commitNanos) / 1e9;
    if (!report.cancelled) {
        Q_ASSERT(done == report.plannedRows);
        if (progress)
            progress(done, report.plannedRows, QStringLiteral("analyzing"));
        loader->finish();
    }
    return finishReport();
}

} // namespace dpm
