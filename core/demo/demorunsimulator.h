#pragma once

#include "demopayloads.h"
#include "demorandom.h"
#include "demotimemodel.h"
#include "store/bulkloader.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <array>
#include <map>
#include <utility>
#include <vector>

namespace dpm {

// Generates the rows chunk by chunk. All decisions about rows (counts, ids, times, statuses)
// come from one sequential stream, so a counting pass without payloads and the real pass make
// the same rows; payloads come from per-row seeds.
class DemoRunSimulator
{
public:
    // The runs of the span (anchor - spanDays, anchor]; seed gives every choice. Run events and
    // outbox rows only withEvents (the store has their tables).
    DemoRunSimulator(quint64 seed, int spanDays, qint64 runCount, qint64 anchorMicros, bool withEvents);

    // Runs per chunk: key reuse stays within a chunk; transactions hold whole chunks.
    static constexpr qint64 kChunkRuns = 256;

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
    struct Keys
    {
        quint64 run, correlation, operation, decision, batch, idempotency, event, outbox, portfolio, payload;
    };
    static Keys keysFor(quint64 seed);

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

    QByteArray runId(qint64 index) const;
    QByteArray newCorrelationId();
    QByteArray newRequestHash();
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
    DemoTimeModel m_time;
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

} // namespace dpm
