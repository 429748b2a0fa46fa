// The proposals step of the demo load on one backend (run per backend as demo_proposalload_<backend>):
// the proposals follow the runs with every row counted, the integrity check finds nothing on
// them unless faults were asked for, and an interrupted step (cancelled between proposals, or
// killed inside one) resumes to exactly a complete load.

#include "backendstore.h"
#include "demo/demogenerator.h"
#include "demo/demoproposalload.h"
#include "demo/demoproposals.h"
#include "demotestsupport.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "services/lineagegraph.h"
#include "services/proposalintegrity.h"
#include "store/bulkloader.h"
#include "store/bulkreader.h"
#include "store/proposalstore.h"
#include "store/supportstore.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

namespace {

const bool kBackendIsSql = testBackend() != TestBackend::Memory;

constexpr qint64 kRuns = 1500; // 75 proposals: index 60 is the one fault of --with-integrity-faults

// The proposal step of a load as generateDemoData builds it.
DemoProposalLoad loadOf(const DemoOptions &options)
{
    return DemoProposalLoad(demoProposalOptions(options), demoProposalCount(*options.runCount));
}

qint64 sum(const QMap<QString, qint64> &rows)
{
    qint64 total = 0;
    for (const qint64 n : rows)
        total += n;
    return total;
}

} // namespace

class DemoProposalLoadSuite : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_store;

    // The store holds exactly the rows of the complete step: counts per table and a clean check.
    void verifyComplete(const DemoProposalLoad &load)
    {
        const QMap<QString, qint64> planned = load.plannedRows();
        const ProposalCounts counts = m_store->proposals().countProposals();
        QCOMPARE(counts.proposalCount, planned.value(QStringLiteral("proposal_records")));
        QCOMPARE(counts.versionCount, planned.value(QStringLiteral("proposal_versions")));
        QCOMPARE(counts.eventCount, planned.value(QStringLiteral("proposal_workflow_events")));
        QCOMPARE(counts.approvalCount, planned.value(QStringLiteral("proposal_approvals")));
        QCOMPARE(counts.operationCount, planned.value(QStringLiteral("proposal_async_operations")));
        if (kBackendIsSql) {
            for (auto it = planned.cbegin(); it != planned.cend(); ++it)
                QCOMPARE(sqlCount(*m_store, it.key()), it.value());
        }
        const ProposalIntegrityReport report = checkAllProposals(m_store->proposals());
        QCOMPARE(report.proposalsChecked, load.count());
        QVERIFY2(report.findings.isEmpty(), qPrintable(report.findings.value(0).message));
    }

private Q_SLOTS:
    void init() { DPM_OPEN_FRESH_BACKEND_STORE(m_dir, m_store, "demoproposals"); }
    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void generate_proposals_followTheRunsWithEveryRowCounted()
    {
        const DemoOptions options = smallDemo(kRuns);
        DemoReport report;
        DPM_TRY(report = generateDemoData(*m_store, options));
        QVERIFY(!report.cancelled);
        QCOMPARE(report.totalRows(), report.plannedRows);
        const DemoProposalLoad load = loadOf(options);
        QCOMPARE(load.count(), kRuns / 20);
        for (const QString &table : DemoProposalLoad::tableNames()) {
            QVERIFY2(report.rows.contains(table), qPrintable(table));
            QCOMPARE(report.rows.value(table), load.plannedRows().value(table));
            // Written one proposal at a time: no write time of their own.
            QVERIFY(!report.tableWriteSeconds.contains(table));
        }
        QCOMPARE(report.rows.value(QStringLiteral("proposal_records")), load.count());
        verifyComplete(load);

        // The proposals lie in the load's time span.
        const Page<ProposalRecord> newest = m_store->proposals().listProposals({}, PageRequest { 100, std::nullopt });
        QCOMPARE(newest.items.size(), load.count());
        for (const ProposalRecord &p : newest.items)
            QVERIFY2(p.createdAt >= report.from && p.createdAt <= report.anchor, qPrintable(p.createdAt));
    }

    // About one proposal in twenty reuses a demo run's correlation id (which ones follows the
    // seed), so the lineage graph of that run shows the proposal.
    void generate_someProposalsReuseARunsCorrelation_theRunsLineageShowsThem()
    {
        const DemoOptions options = smallDemo(kRuns);
        DPM_TRY(generateDemoData(*m_store, options));
        const Page<ProposalRecord> all = m_store->proposals().listProposals({}, PageRequest { 100, std::nullopt });
        QCOMPARE(all.items.size(), kRuns / 20);
        QStringList linked;
        for (const ProposalRecord &p : all.items) {
            const std::optional<ProposalVersion> first = m_store->proposals().getVersion(p.proposalId, 1);
            QVERIFY(first);
            const std::optional<QString> correlation = proposalResultCorrelationId(first->proposalResultJson);
            QVERIFY(correlation);
            const std::optional<RebalanceRun> run = m_store->getRunByCorrelation(*correlation);
            if (!run)
                continue;
            linked << p.proposalId;
            const LineageGraph graph = LineageGraph::walk(*m_store, run->rebalanceRunId);
            QVERIFY2(graph.contains(p.proposalId), qPrintable(run->rebalanceRunId + u' ' + p.proposalId));
            QCOMPARE(graph.node(p.proposalId)->kind, LineageNodeKind::Proposal);
        }
        // 75 proposals: those of index 1, 21, 41 and 61 (seed 1).
        QCOMPARE(linked.size(), 4);
    }

    void generate_withIntegrityFaults_theCheckFindsExactlyTheInjectedFault()
    {
        DemoOptions options = smallDemo(kRuns);
        options.withIntegrityFaults = true;
        DPM_TRY(generateDemoData(*m_store, options));
        const ProposalIntegrityReport report = checkAllProposals(m_store->proposals());
        QCOMPARE(report.proposalsChecked, kRuns / 20);
        QVERIFY(!report.findings.isEmpty());
        QSet<QString> proposals;
        QSet<QString> codes;
        for (const ProposalFinding &f : report.findings) {
            proposals.insert(f.proposalId);
            codes.insert(f.code);
        }
        const DemoProposal expected = generateDemoProposal(60, demoProposalOptions(options));
        QVERIFY(!expected.injectedFault.isEmpty());
        QCOMPARE(proposals, QSet<QString> { expected.record.proposalId });
        QCOMPARE(codes, QSet<QString> { expected.injectedFault });
    }

    // The bulk path writes byte for byte the rows of the API path (writeDemoProposal), faults
    // included: both stores read table by table through the bulk reader, in key order.
    void writeBulk_sameRowsAsTheApiPath()
    {
        DemoOptions options;
        options.runCount = 2600; // 130 proposals: faults at 60 and 121
        options.withIntegrityFaults = true;
        const DemoProposalLoad load = loadOf(options);
        std::unique_ptr<QTemporaryDir> apiDir;
        std::unique_ptr<SupportStore> api;
        DPM_OPEN_FRESH_BACKEND_STORE(apiDir, api, "demoproposals_api");
        QCOMPARE(load.write(api->proposals(), 0, {}), load.count());
        qint64 calls = 0;
        const std::unique_ptr<BulkLoader> loader = openBulkLoader(*m_store);
        // 50 per transaction: three transactions, the last one short.
        QCOMPARE(load.writeBulk(m_store->proposals(), *loader, 0, 50, [&](qint64) { return ++calls > 0; }), load.count());
        QCOMPARE(calls, load.count());

        const std::unique_ptr<BulkReader> expected = openBulkReader(*api);
        const std::unique_ptr<BulkReader> actual = openBulkReader(*m_store);
        for (const BulkTable table : allBulkTables()) {
            if (!isProposalTable(table))
                continue;
            const QList<BulkRow> want = expected->readBatch(table, std::nullopt, false, 100000);
            QVERIFY(!want.isEmpty());
            QCOMPARE(actual->readBatch(table, std::nullopt, false, 100000), want);
        }
    }

    void generate_storeWithAProposal_isRefusedAsNotEmpty()
    {
        const DemoOptions options = smallDemo(kRuns);
        DPM_TRY(writeDemoProposal(m_store->proposals(), generateDemoProposal(0, DemoProposalOptions {})));
        try {
            generateDemoData(*m_store, options);
            QFAIL("a store holding a proposal was filled");
        } catch (const Error &error) {
            QCOMPARE(error.code(), QStringLiteral("DEMO_STORE_NOT_EMPTY"));
        }
        QCOMPARE(m_store->proposals().countProposals().proposalCount, 1);
    }

    void generate_cancelAmongTheProposals_resumeEndsComplete()
    {
        // 16 proposals per transaction (and per write): a stop keeps the write it came in.
        DemoOptions options = smallDemo(kRuns);
        options.runsPerTransaction = 16;
        const DemoProposalLoad load = loadOf(options);
        const qint64 proposalRows = sum(load.plannedRows());
        // Cancel once about half of the proposals' rows are written (a total of 0 is not yet known).
        DemoReport first;
        DPM_TRY(first = generateDemoData(*m_store, options, [&](qint64 done, qint64 total, const QString &) {
            return total == 0 || done < total - proposalRows / 2;
        }));
        QVERIFY(first.cancelled);
        const qint64 written = first.rows.value(QStringLiteral("proposal_records"));
        QVERIFY2(written > 0 && written < load.count() && written % 16 == 0, qPrintable(QString::number(written)));
        QCOMPARE(m_store->proposals().countProposals().proposalCount, written);
        QCOMPARE(first.rows.value(QStringLiteral("proposal_versions")),
            load.rowsOf(0, written).value(QStringLiteral("proposal_versions")));

        DemoOptions resume = options;
        resume.resume = true;
        DemoReport second;
        DPM_TRY(second = generateDemoData(*m_store, resume));
        QVERIFY(second.resumed);
        QVERIFY(!second.cancelled);
        QCOMPARE(second.rows.value(QStringLiteral("dpm_runs")), 0);
        QCOMPARE(second.rows.value(QStringLiteral("proposal_records")), load.count() - written);
        QCOMPARE(second.keptRows + second.totalRows(), second.plannedRows);
        verifyComplete(load);
    }

    void generate_killedInsideAProposal_resumeCompletesIt()
    {
        // A load killed while writing proposal k: its record and first event are stored, the
        // rest is not (each store call commits on its own).
        DemoOptions options = smallDemo(kRuns);
        options.runsPerTransaction = 16;
        const DemoProposalLoad load = loadOf(options);
        const qint64 proposalRows = sum(load.plannedRows());
        DemoReport first;
        DPM_TRY(first = generateDemoData(*m_store, options, [&](qint64 done, qint64 total, const QString &) {
            return total == 0 || done < total - proposalRows / 2;
        }));
        const qint64 k = first.rows.value(QStringLiteral("proposal_records"));
        const DemoProposal partial = generateDemoProposal(k, demoProposalOptions(options));
        QVERIFY(partial.versions.size() >= 1 && partial.events.size() >= 2);
        DPM_TRY(m_store->proposals().createProposal(partial.record));
        DPM_TRY(m_store->proposals().appendEvent(partial.events.first()));
        QVERIFY(!checkProposal(m_store->proposals(), partial.record.proposalId).findings.isEmpty());

        DemoOptions resume = options;
        resume.resume = true;
        DemoReport second;
        DPM_TRY(second = generateDemoData(*m_store, resume));
        QVERIFY(!second.cancelled);
        // The partial proposal counts as kept (its record is there) and is completed.
        QCOMPARE(second.rows.value(QStringLiteral("proposal_records")), load.count() - k - 1);
        verifyComplete(load);
    }

    void generate_resumeWithProposalsButMissingRuns_isAMismatch()
    {
        // Proposals follow the runs: a store with demo proposals but only part of the runs is
        // not an interrupted load of these options.
        DemoOptions options = smallDemo(kRuns);
        options.runsPerTransaction = 256;
        int calls = 0;
        DPM_TRY(generateDemoData(*m_store, options, [&](qint64, qint64, const QString &) { return ++calls <= 3; }));
        DPM_TRY(writeDemoProposal(m_store->proposals(), generateDemoProposal(0, demoProposalOptions(options))));
        options.resume = true;
        try {
            generateDemoData(*m_store, options);
            QFAIL("resumed into a store with proposals but missing runs");
        } catch (const Error &error) {
            QCOMPARE(error.code(), QStringLiteral("DEMO_RESUME_MISMATCH"));
        }
    }
};

DPM_BACKEND_TEST_GUILESS_MAIN(DemoProposalLoadSuite)
#include "tst_demoproposalload.moc"
