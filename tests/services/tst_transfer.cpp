// The transfer service on real databases: SQLite and memory into PostgreSQL (a throwaway server
// this test starts), resumed after a cancel in the middle of a run of duplicate rows, refused
// where it would mix stores, and the parity check finding each kind of difference.

#include "demo/demoproposalload.h"
#include "demotestsupport.h"
#include "domain/error.h"
#include "pgserver.h"
#include "services/storeopening.h"
#include "services/transfer.h"
#include "services/transfersample.h"
#include "store/auditlog.h"
#include "store/bulksampler.h"
#include "store/memorystore.h"
#include "store/runeventstore.h"
#include "store/sqldatabase.h"
#include "store/sqlstore.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

namespace {

const QString kEdges = QStringLiteral("dpm_lineage_edges");

SqlDatabase &sqlOf(SupportStore &store)
{
    return dynamic_cast<SqlStore &>(store).database();
}

const TransferTableReport *tableOf(const TransferReport &report, const QString &table)
{
    for (const TransferTableReport &t : report.tables) {
        if (t.table == table)
            return &t;
    }
    return nullptr;
}

const ParityTableReport *tableOf(const ParityReport &report, const QString &table)
{
    for (const ParityTableReport &t : report.tables) {
        if (t.table == table)
            return &t;
    }
    return nullptr;
}

const SampleTableReport *tableOf(const SampleReport &report, const QString &table)
{
    for (const SampleTableReport &t : report.tables) {
        if (t.table == table)
            return &t;
    }
    return nullptr;
}

LineageEdge edge(const QString &source, const QString &target, const QString &createdAt)
{
    return { source, QStringLiteral("CORRELATION_TO_RUN"), target, createdAt, QStringLiteral("{}") };
}

// A few rows in every proposal table, with what the bulk path must carry exactly: NULLs, both
// approval outcomes, version numbers whose text order differs from their number order (2, 10),
// an operation without a proposal.
void seedProposals(SupportStore &store)
{
    ProposalStore &p = store.proposals();
    for (int i = 1; i <= 3; ++i) {
        const QString id = QStringLiteral("pp_%1").arg(i);
        ProposalRecord record { id, QStringLiteral("pf_%1").arg(i % 2), std::nullopt, QStringLiteral("SG"),
            QStringLiteral("advisor_1"), QStringLiteral("2026-02-1%1T10:00:00+00:00").arg(i),
            QStringLiteral("2026-02-1%1T11:00:00.5+00:00").arg(i), QStringLiteral("RISK_REVIEW"), 10,
            i == 1 ? std::optional(QStringLiteral("T\u00edtle with \\ and\ttab")) : std::nullopt, std::nullopt };
        p.createProposal(record);
        for (const qint64 n : { 1, 2, 10 }) {
            p.createVersion({ QStringLiteral("ppv_%1_%2").arg(i).arg(n), id, n, record.createdAt,
                QStringLiteral("sha256:r"), QStringLiteral("sha256:a"), QStringLiteral("sha256:s"),
                QStringLiteral("READY"), QStringLiteral("{\"v\":%1}").arg(n), QStringLiteral("{}"), QStringLiteral("{}"),
                n == 2 ? std::optional(QStringLiteral("{\"gate\":1}")) : std::nullopt });
        }
        p.appendEvent({ QStringLiteral("pwe_%1").arg(i), id, QStringLiteral("CREATED"), std::nullopt,
            QStringLiteral("DRAFT"), QStringLiteral("advisor_1"), record.createdAt, QStringLiteral("{}"), std::nullopt });
        p.transitionProposal(record,
            { QStringLiteral("pwe_%1_r").arg(i), id, QStringLiteral("SUBMITTED_FOR_RISK_REVIEW"), QStringLiteral("DRAFT"),
                QStringLiteral("RISK_REVIEW"), QStringLiteral("advisor_1"), record.lastEventAt, QStringLiteral("{}"), 10 },
            ProposalApproval { QStringLiteral("pap_%1").arg(i), id, QStringLiteral("RISK"), i != 2,
                QStringLiteral("risk_1"), record.lastEventAt, QStringLiteral("{}"), i == 3 ? std::nullopt : std::optional<qint64>(10) });
        p.saveIdempotency({ QStringLiteral("pidem_%1").arg(i), QStringLiteral("sha256:r"), id, 1, record.createdAt });
        p.createOperation({ QStringLiteral("pop_%1").arg(i), QStringLiteral("CREATE_PROPOSAL"), QStringLiteral("SUCCEEDED"),
            QStringLiteral("corr_pop_%1").arg(i), QStringLiteral("pidem_%1").arg(i), id, QStringLiteral("advisor_1"),
            record.createdAt, record.createdAt, record.lastEventAt, QStringLiteral("{}"), std::nullopt });
    }
    p.createOperation({ QStringLiteral("pop_failed"), QStringLiteral("CREATE_PROPOSAL"), QStringLiteral("FAILED"),
        QStringLiteral("corr_pop_failed"), std::nullopt, std::nullopt, QStringLiteral("advisor_2"),
        QStringLiteral("2026-02-15T10:00:00+00:00"), std::nullopt, std::nullopt, std::nullopt,
        QStringLiteral("{\"code\":\"ProposalValidationError\",\"message\":\"bad\"}") });
    p.saveSimulationIdempotency({ QStringLiteral("sim_1"), QStringLiteral("sha256:q"),
        QStringLiteral("{\"proposal_run_id\":\"pr_1\"}"), QStringLiteral("2026-02-15T10:00:00+00:00") });
}

// What the proposal store shows of the seeded proposals.
QString proposalDump(SupportStore &store)
{
    QStringList out;
    const ProposalCounts counts = store.proposals().countProposals();
    out << QString::number(counts.proposalCount) << QString::number(counts.versionCount)
        << QString::number(counts.eventCount) << QString::number(counts.approvalCount)
        << QString::number(counts.operationCount);
    for (auto it = counts.approvalOutcomeCounts.cbegin(); it != counts.approvalOutcomeCounts.cend(); ++it)
        out << it.key() + QLatin1Char('=') + QString::number(it.value());
    for (const ProposalRecord &record : store.proposals().listProposals({}, PageRequest { 100, {} }).items) {
        const auto aggregate = store.proposals().loadAggregate(record.proposalId);
        out << record.proposalId << record.title.value_or(QStringLiteral("-"))
            << QString::number(aggregate->versions.size()) << aggregate->versions.last().proposalVersionId
            << QString::number(store.proposals().getCurrentVersion(record.proposalId)->versionNo);
        for (const ProposalApproval &a : aggregate->approvals)
            out << a.approvalId + (a.approved ? QStringLiteral(":yes:") : QStringLiteral(":no:"))
                    + (a.relatedVersionNo ? QString::number(*a.relatedVersionNo) : QStringLiteral("null"));
        for (const ProposalWorkflowEvent &e : aggregate->events)
            out << e.eventId + QLatin1Char(':') + e.fromState.value_or(QStringLiteral("null"));
        out << QString::number(aggregate->operations.size()) << QString::number(aggregate->idempotency.size());
    }
    out << store.proposals().getOperation(QStringLiteral("pop_failed"))->errorJson.value_or(QStringLiteral("-"));
    out << store.proposals().getSimulationIdempotency(QStringLiteral("sim_1"))->responseJson;
    return out.join(QLatin1Char('\n'));
}

QStringList auditOutcomes(SupportStore &store, const QString &action)
{
    QStringList outcomes; // oldest first
    for (const AuditEntry &entry : store.auditLog().list(PageRequest { 100, std::nullopt }).items) {
        if (entry.action == action)
            outcomes.prepend(entry.outcome);
    }
    return outcomes;
}

} // namespace

class TransferTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_databases = 0;

    std::unique_ptr<SupportStore> newSqlite()
    {
        return openStore(StoreLocation::sqlite(m_dir->filePath(QStringLiteral("s%1.db").arg(++m_databases))),
            OpenOptions { .applyMigrations = true });
    }

    std::unique_ptr<SupportStore> newPostgres(bool migrated = true)
    {
        const StoreLocation location = PgServer::instance().createDatabase(QStringLiteral("transfer%1").arg(++m_databases));
        return openStore(location, OpenOptions { .applyMigrations = migrated, .allowMissingSchema = !migrated });
    }

private Q_SLOTS:
    void init()
    {
        DPM_REQUIRE_POSTGRES();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void sqliteIntoPostgresCopiesEveryRowAndIsAudited()
    {
        try {
            auto source = newSqlite();
            generateDemoData(*source, smallDemo(300, 7));
            // The demo load's own proposals, then the three seeded ones.
            const QMap<QString, qint64> demo
                = DemoProposalLoad(demoProposalOptions(smallDemo(300, 7)), demoProposalCount(300)).plannedRows();
            seedProposals(*source);
            source->upsertPolicyPack({ QStringLiteral("pp_a"), QStringLiteral("1"), QStringLiteral("{\"k\":1}"),
                QStringLiteral("2026-01-01T00:00:00+00:00"), QStringLiteral("2026-01-02T00:00:00+00:00") });
            auto target = newPostgres();

            qint64 lastDone = -1;
            qint64 lastTotal = 0;
            const TransferReport report
                = backfillStore(*source, *target, TransferOptions { .batchRows = 97 }, [&](qint64 done, qint64 total, const QString &) {
                      lastDone = done;
                      lastTotal = total;
                      return true;
                  });
            QVERIFY(!report.cancelled);
            QCOMPARE(report.copiedRows(), report.sourceRows());
            QCOMPARE(lastDone, lastTotal);
            QVERIFY(report.sourceRows() > 3000);
            QVERIFY(tableOf(report, QStringLiteral("dpm_run_events"))->copiedRows > 0);
            QCOMPARE(tableOf(report, QStringLiteral("dpm_policy_packs"))->copiedRows, 1);
            QCOMPARE(tableOf(report, QStringLiteral("proposal_records"))->copiedRows, demo.value(QStringLiteral("proposal_records")) + 3);
            QCOMPARE(tableOf(report, QStringLiteral("proposal_versions"))->copiedRows, demo.value(QStringLiteral("proposal_versions")) + 9);
            QCOMPARE(tableOf(report, QStringLiteral("proposal_approvals"))->copiedRows, demo.value(QStringLiteral("proposal_approvals")) + 3);
            QCOMPARE(tableOf(report, QStringLiteral("proposal_async_operations"))->copiedRows, demo.value(QStringLiteral("proposal_async_operations")) + 4);
            QCOMPARE(tableOf(report, QStringLiteral("proposal_simulation_idempotency"))->copiedRows, demo.value(QStringLiteral("proposal_simulation_idempotency")) + 1);

            const QMap<QString, QString> expected = sqlDump(*source);
            const QMap<QString, QString> actual = sqlDump(*target);
            QVERIFY2(expected == actual, qPrintable(firstDifference(expected.values().join(QLatin1Char('\n')),
                                              actual.values().join(QLatin1Char('\n')))));
            // What the store API shows, summary counters included (kept by the target's triggers).
            QCOMPARE(apiDump(*target), apiDump(*source));
            QCOMPARE(target->getPolicyPack(QStringLiteral("pp_a"))->definitionJson, QStringLiteral("{\"k\":1}"));
            QCOMPARE(proposalDump(*target), proposalDump(*source));

            const ParityReport parity = verifyParity(*source, *target, 50);
            QVERIFY(parity.matches());
            QVERIFY(parity.samples.isEmpty());
            QCOMPARE(tableOf(parity, kEdges)->targetRows, sqlCount(*source, kEdges));
            QCOMPARE(tableOf(parity, QStringLiteral("proposal_versions"))->targetRows, demo.value(QStringLiteral("proposal_versions")) + 9);
            QCOMPARE(tableOf(parity, QStringLiteral("proposal_workflow_events"))->targetRows, demo.value(QStringLiteral("proposal_workflow_events")) + 6);

            QCOMPARE(auditOutcomes(*target, QStringLiteral("transfer.backfill")),
                (QStringList { QStringLiteral("started"), QStringLiteral("succeeded") }));
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    // A source whose proposals live in a database of their own (SQLite, as the console's split
    // setup) into PostgreSQL: the proposal tables come from that database and go into the
    // target's proposal store when it has one, else into the target itself; parity compares
    // them where each side keeps them.
    void splitSqliteIntoPostgres_copiesTheProposalStoreWhereverTheTargetKeepsIt()
    {
        try {
            const StoreLocation sourceProposals
                = StoreLocation::sqlite(m_dir->filePath(QStringLiteral("source_proposals.db")));
            auto source = openStore(
                StoreLocation::sqlite(m_dir->filePath(QStringLiteral("source.db"))).withProposalStore(sourceProposals),
                OpenOptions { .applyMigrations = true });
            generateDemoData(*source, smallDemo(60, 3));
            seedProposals(*source);
            const qint64 proposals = openStore(sourceProposals, OpenOptions { .allowMissingSchema = true })
                                         ->proposals()
                                         .countProposals()
                                         .proposalCount;
            QVERIFY(proposals > 3);

            // Into a split target: the proposals land in its proposal store, nothing in the store.
            const StoreLocation targetStore = PgServer::instance().createDatabase(QStringLiteral("split_target"));
            const StoreLocation targetProposals
                = PgServer::instance().createDatabase(QStringLiteral("split_target_proposals"));
            openStore(targetStore.withProposalStore(targetProposals), OpenOptions { .applyMigrations = true });
            auto splitTarget = openTransferTarget(targetStore.withProposalStore(targetProposals));
            const TransferReport report = backfillStore(*source, *splitTarget, TransferOptions { .batchRows = 53 });
            QVERIFY(!report.cancelled);
            QCOMPARE(report.copiedRows(), report.sourceRows());
            QCOMPARE(tableOf(report, QStringLiteral("proposal_records"))->copiedRows, proposals);
            QCOMPARE(proposalDump(*splitTarget), proposalDump(*source));
            QCOMPARE(apiDump(*splitTarget), apiDump(*source));
            QCOMPARE(openStore(targetProposals, OpenOptions { .allowMissingSchema = true })
                         ->proposals()
                         .countProposals()
                         .proposalCount,
                proposals);
            QVERIFY(!openStore(targetStore)->proposals().isAvailable()); // no proposal tables there

            ParityReport parity = verifyParity(*source, *splitTarget, 40);
            QVERIFY(parity.matches());
            QCOMPARE(tableOf(parity, QStringLiteral("proposal_records"))->targetRows, proposals);
            // The sampled check reads the proposal tables where each side keeps them, as the full one.
            const auto sampledProposals = [](const SampleReport &report) {
                const SampleTableReport *table = tableOf(report, QStringLiteral("proposal_records"));
                return table ? *table : SampleTableReport {};
            };
            const SampleOptions everyKey { .percent = 100, .maxMismatchPercent = 0, .seed = 3 };
            SampleReport sampled = verifySample(*source, *splitTarget, everyKey);
            QVERIFY(sampled.passes());
            QCOMPARE(sampledProposals(sampled).sourceRows, proposals);
            QCOMPARE(sampledProposals(sampled).targetRows, proposals);
            QCOMPARE(sampledProposals(sampled).sampledFromSource, proposals);
            QCOMPARE(sampledProposals(sampled).sampledFromTarget, proposals);
            // A proposal only the target's proposal store has: parity sees it there.
            ProposalRecord extra = source->proposals().listProposals({}, PageRequest { 1, {} }).items.first();
            extra.proposalId = QStringLiteral("pp_only_in_target");
            splitTarget->proposals().createProposal(extra);
            parity = verifyParity(*source, *splitTarget, 40);
            QVERIFY(!parity.matches());
            QCOMPARE(tableOf(parity, QStringLiteral("proposal_records"))->extra, 1);

            // Into a single target: the proposals join everything else.
            auto single = newPostgres();
            backfillStore(*source, *single);
            QCOMPARE(proposalDump(*single), proposalDump(*source));
            QVERIFY(verifyParity(*source, *single).matches());
            QCOMPARE(sqlCount(*single, QStringLiteral("proposal_records")), proposals);

            // A proposal only the source's proposal store has: the sample drawn from it finds it missing.
            extra.proposalId = QStringLiteral("pp_only_in_source");
            source->proposals().createProposal(extra);
            sampled = verifySample(*source, *single, everyKey);
            QVERIFY(!sampled.passes());
            QCOMPARE(sampledProposals(sampled).missing, 1);
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    void memoryIntoPostgresKeepsWhatTheApiShows()
    {
        try {
            MemoryStore source;
            generateDemoData(source, smallDemo(150, 3));
            const QMap<QString, qint64> demo
                = DemoProposalLoad(demoProposalOptions(smallDemo(150, 3)), demoProposalCount(150)).plannedRows();
            seedProposals(source);
            auto target = newPostgres();
            const TransferReport report = backfillStore(source, *target);
            QVERIFY(!report.cancelled);
            // The in-memory store has run events and outbox rows: copied, not noted as missing.
            QVERIFY2(!report.notes.join(QLatin1Char(' ')).contains(QStringLiteral("dpm_run_events")),
                qPrintable(report.notes.join(QLatin1Char('\n'))));
            QVERIFY(tableOf(report, QStringLiteral("dpm_run_events"))->copiedRows > 150);
            QCOMPARE(tableOf(report, QStringLiteral("dpm_outbox"))->copiedRows,
                tableOf(report, QStringLiteral("dpm_run_events"))->copiedRows);
            QCOMPARE(apiDump(*target), apiDump(source));
            QCOMPARE(proposalDump(*target), proposalDump(source));
            QCOMPARE(tableOf(report, QStringLiteral("proposal_idempotency"))->copiedRows,
                demo.value(QStringLiteral("proposal_idempotency")) + 3);
            const ParityReport parity = verifyParity(source, *target);
            QVERIFY2(parity.matches(), qPrintable(QString::fromUtf8(QJsonDocument(parity.toJson()).toJson())));
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    // Every event and delivery of a memory store (deliveries in every status, a run with two
    // topics) lands in SQLite as it was, in batches that end inside a run's events.
    void memoryIntoSqliteKeepsEveryEventAndDelivery()
    {
        try {
            MemoryStore source;
            const DemoReport demo = generateDemoData(source, smallDemo(200, 4));
            // The demo leaves no delivery PENDING; a fresh append does, to two topics.
            const QString runId = allRuns(source).constFirst().rebalanceRunId;
            AppendEventRequest append;
            append.rebalanceRunId = runId;
            append.eventType = QStringLiteral("RUN_REOPENED");
            append.idempotencyKey = QStringLiteral("reopen-1");
            append.payloadJson = QStringLiteral("{\"note\":\"tab\\there\"}");
            append.topics = { QStringLiteral("dpm.runs"), QStringLiteral("dpm.audit") };
            append.createdAt = demo.anchor;
            source.runEvents().appendEvent(append);
            const qint64 events = tableCount(source, QStringLiteral("dpm_run_events"));
            const qint64 deliveries = tableCount(source, QStringLiteral("dpm_outbox"));
            QCOMPARE(deliveries, events + 1);
            const OutboxStats before = source.runEvents().outboxStats(demo.anchor);
            QVERIFY(before.pending > 0 && before.delivered > 0 && before.failed > 0 && before.dead > 0);

            auto target = newSqlite();
            const TransferReport report = backfillStore(source, *target, TransferOptions { .batchRows = 89 });
            QVERIFY(!report.cancelled);
            QCOMPARE(report.copiedRows(), report.sourceRows());
            QCOMPARE(tableOf(report, QStringLiteral("dpm_run_events"))->copiedRows, events);
            QCOMPARE(tableOf(report, QStringLiteral("dpm_outbox"))->copiedRows, deliveries);
            QCOMPARE(sqlTableRows(*target, BulkTable::RunEvents), tableRows(source, BulkTable::RunEvents));
            QCOMPARE(sqlTableRows(*target, BulkTable::Outbox), tableRows(source, BulkTable::Outbox));
            QCOMPARE(target->runEvents().outboxStats(demo.anchor), before);
            QCOMPARE(apiDump(*target), apiDump(source));

            const ParityReport parity = verifyParity(source, *target, 64);
            QVERIFY2(parity.matches(), qPrintable(QString::fromUtf8(QJsonDocument(parity.toJson()).toJson())));
            QVERIFY(parity.notes.isEmpty());
            QCOMPARE(tableOf(parity, QStringLiteral("dpm_outbox"))->targetRows, deliveries);
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    // A batch ends inside a run of identical edges and the backfill is cancelled there; the resumed
    // backfill copies each row exactly once.
    void resumeAfterCancelInsideDuplicatesCopiesEachRowOnce()
    {
        try {
            auto source = newSqlite();
            for (int i = 0; i < 5; ++i)
                source->appendLineageEdge(edge(QStringLiteral("a_dup"), QStringLiteral("rr_1"), QStringLiteral("2026-01-01T00:00:00+00:00")));
            source->appendLineageEdge(edge(QStringLiteral("b_one"), QStringLiteral("rr_2"), QStringLiteral("2026-01-02T00:00:00+00:00")));
            source->appendLineageEdge(edge(QStringLiteral("c_two"), QStringLiteral("rr_3"), QStringLiteral("2026-01-03T00:00:00+00:00")));
            auto target = newPostgres();

            int edgeBatches = 0;
            const TransferReport first = backfillStore(*source, *target, TransferOptions { .batchRows = 3 },
                [&](qint64, qint64, const QString &table) { return table != kEdges || ++edgeBatches <= 1; });
            QVERIFY(first.cancelled);
            QCOMPARE(tableOf(first, kEdges)->copiedRows, 3);
            QCOMPARE(sqlCount(*target, kEdges), 3);
            QVERIFY(!verifyParity(*source, *target).matches());

            // Without --resume a partly filled target is refused.
            try {
                backfillStore(*source, *target);
                QFAIL("a non-empty target was accepted");
            } catch (const Error &error) {
                QCOMPARE(error.code(), QStringLiteral("TRANSFER_TARGET_NOT_EMPTY"));
            }

            const TransferReport second = backfillStore(*source, *target, TransferOptions { .batchRows = 3, .resume = true });
            QVERIFY(!second.cancelled);
            QVERIFY(second.resumed);
            // The three a_dup rows of the first run were taken back and copied again with the other two.
            QCOMPARE(tableOf(second, kEdges)->keptRows, 0);
            QCOMPARE(tableOf(second, kEdges)->copiedRows, 7);
            QCOMPARE(sqlCount(*target, kEdges), 7);
            QCOMPARE(sqlTableRows(*target, BulkTable::LineageEdges), sqlTableRows(*source, BulkTable::LineageEdges));
            QVERIFY(verifyParity(*source, *target, 2).matches());

            // A resume of a finished backfill copies nothing and changes nothing.
            const TransferReport third = backfillStore(*source, *target, TransferOptions { .batchRows = 3, .resume = true });
            QCOMPARE(tableOf(third, kEdges)->keptRows + tableOf(third, kEdges)->copiedRows, 7);
            QCOMPARE(sqlCount(*target, kEdges), 7);
            QCOMPARE(auditOutcomes(*target, QStringLiteral("transfer.backfill")),
                (QStringList { QStringLiteral("started"), QStringLiteral("cancelled"), QStringLiteral("started"),
                    QStringLiteral("succeeded"), QStringLiteral("started"), QStringLiteral("succeeded") }));
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    void resumeKeepsWhatACommittedBatchCopied()
    {
        try {
            auto source = newSqlite();
            generateDemoData(*source, smallDemo(200, 11));
            auto target = newPostgres();
            int runBatches = 0;
            const TransferReport first = backfillStore(*source, *target, TransferOptions { .batchRows = 64 },
                [&](qint64, qint64, const QString &table) { return table != QStringLiteral("dpm_runs") || ++runBatches <= 2; });
            QVERIFY(first.cancelled);
            QCOMPARE(sqlCount(*target, QStringLiteral("dpm_runs")), 128);
            const TransferReport second = backfillStore(*source, *target, TransferOptions { .batchRows = 64, .resume = true });
            // The last run copied is taken back (its key could hide duplicates) and copied again.
            QCOMPARE(tableOf(second, QStringLiteral("dpm_runs"))->keptRows, 127);
            QCOMPARE(tableOf(second, QStringLiteral("dpm_runs"))->copiedRows, 200 - 127);
            QCOMPARE(sqlDump(*target), sqlDump(*source));
            QCOMPARE(apiDump(*target), apiDump(*source));
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    void refusesToMixStores()
    {
        try {
            auto source = newSqlite();
            source->appendLineageEdge(edge(QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("2026-01-01T00:00:00+00:00")));
            const auto codeOf = [](const std::function<void()> &work) {
                try {
                    work();
                } catch (const Error &error) {
                    return error.code();
                }
                return QStringLiteral("no error");
            };
            MemoryStore memory;
            QCOMPARE(codeOf([&] { backfillStore(*source, memory); }), QStringLiteral("TRANSFER_TARGET_UNSUPPORTED"));
            QCOMPARE(codeOf([&] { backfillStore(*source, *source); }), QStringLiteral("TRANSFER_SAME_STORE"));
            auto bare = newPostgres(false);
            QCOMPARE(codeOf([&] { backfillStore(*source, *bare); }), QStringLiteral("TRANSFER_TARGET_NOT_MIGRATED"));

            // A target filled from another source cannot be resumed from this one.
            auto target = newPostgres();
            auto other = newSqlite();
            other->appendLineageEdge(edge(QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("2026-01-01T00:00:00+00:00")));
            backfillStore(*other, *target);
            QCOMPARE(codeOf([&] { backfillStore(*source, *target, TransferOptions { .resume = true }); }),
                QStringLiteral("TRANSFER_RESUME_SOURCE_MISMATCH"));
            // A target written by someone else, with no backfill in its audit log, neither.
            auto foreign = newPostgres();
            foreign->appendLineageEdge(edge(QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("2026-01-01T00:00:00+00:00")));
            QCOMPARE(codeOf([&] { backfillStore(*source, *foreign, TransferOptions { .resume = true }); }),
                QStringLiteral("TRANSFER_RESUME_SOURCE_MISMATCH"));
            QCOMPARE(sqlCount(*foreign, kEdges), 1); // nothing written by the refusals
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    void parityNamesMissingExtraAndDifferingRows()
    {
        try {
            auto source = newSqlite();
            generateDemoData(*source, smallDemo(120, 5));
            seedProposals(*source);
            auto target = newPostgres();
            backfillStore(*source, *target);

            SqlDatabase &db = sqlOf(*target);
            QString runId;
            {
                SqlRows first = db.exec(
                    QStringLiteral("SELECT rebalance_run_id FROM dpm_runs ORDER BY rebalance_run_id COLLATE \"C\" LIMIT 1"));
                QVERIFY(first.next());
                runId = first.value(0).toString();
            }
            db.exec(QStringLiteral("DELETE FROM dpm_runs WHERE rebalance_run_id = ?"), { runId });
            db.exec(QStringLiteral("UPDATE dpm_workflow_decisions SET comment = 'edited' WHERE decision_id = "
                                   "(SELECT MIN(decision_id) FROM dpm_workflow_decisions)"));
            target->appendLineageEdge(edge(QStringLiteral("zz_extra"), QStringLiteral("rr_x"), QStringLiteral("2026-01-01T00:00:00+00:00")));
            // Proposals: a version gone (keyed by proposal_id and version_no), an outcome flipped.
            db.exec(QStringLiteral("DELETE FROM proposal_versions WHERE proposal_id = 'pp_2' AND version_no = 10"));
            db.exec(QStringLiteral("UPDATE proposal_approvals SET approved = NOT approved WHERE approval_id = 'pap_1'"));

            const ParityReport parity = verifyParity(*source, *target, 16);
            QVERIFY(!parity.matches());
            QCOMPARE(tableOf(parity, QStringLiteral("dpm_runs"))->missing, 1);
            QCOMPARE(tableOf(parity, QStringLiteral("dpm_runs"))->targetRows, tableOf(parity, QStringLiteral("dpm_runs"))->sourceRows - 1);
            QCOMPARE(tableOf(parity, QStringLiteral("dpm_workflow_decisions"))->differing, 1);
            QCOMPARE(tableOf(parity, kEdges)->extra, 1);
            QVERIFY(tableOf(parity, QStringLiteral("dpm_run_idempotency"))->matches());
            QCOMPARE(tableOf(parity, QStringLiteral("proposal_versions"))->missing, 1);
            QCOMPARE(tableOf(parity, QStringLiteral("proposal_versions"))->differing, 0);
            QCOMPARE(tableOf(parity, QStringLiteral("proposal_approvals"))->differing, 1);
            QVERIFY(tableOf(parity, QStringLiteral("proposal_records"))->matches());
            bool namedRun = false;
            bool namedEdge = false;
            bool namedVersion = false;
            for (const ParityMismatch &sample : parity.samples) {
                namedVersion |= sample.table == QStringLiteral("proposal_versions") && sample.key == QStringLiteral("pp_2 | 10");
                namedRun |= sample.kind == QStringLiteral("missing_in_target") && sample.key == runId;
                namedEdge |= sample.kind == QStringLiteral("extra_in_target") && sample.key.startsWith(QStringLiteral("zz_extra | "));
            }
            QVERIFY(namedRun);
            QVERIFY(namedEdge);
            QVERIFY(namedVersion);
            QCOMPARE(parity.toJson().value(QStringLiteral("matches")).toBool(), false);
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    // The draw on each backend: exactly the asked number of distinct keys, the same ones for the
    // same seed and others for another, every key when asked for all of them (across SQLite's
    // rowid gaps too), and no favourites: the few keys after a wide gap in the key order ("zz_…"
    // after "a_…"), which a draw by random points on the key range would pick far too often,
    // come up at about their share.
    void bulkSamplerDrawsSeededDistinctKeysAtTheirShare()
    {
        try {
            MemoryStore memory;
            auto sqlite = newSqlite();
            auto postgres = newPostgres();
            for (SupportStore *store : { static_cast<SupportStore *>(&memory), sqlite.get(), postgres.get() }) {
                const QString backend = store->describe();
                BulkRows rows;
                for (int i = 0; i < 1000; ++i) {
                    const QByteArray source = i < 900 ? QByteArray("a_%1").replace("%1", QByteArray::number(1000 + i))
                                                      : QByteArray("zz_%1").replace("%1", QByteArray::number(1000 + i));
                    rows.add(BulkTable::LineageEdges,
                        { source, "CORRELATION_TO_RUN", "rr_" + QByteArray::number(i), "2026-01-01T00:00:00+00:00", "{}" });
                }
                const std::unique_ptr<BulkLoader> loader = openBulkLoader(*store);
                loader->begin();
                loader->write(rows);
                loader->commit();
                qint64 rowCount = 1000;
                qint64 rare = 100;
                if (storeAs<SqlStore>(*store)) { // rowid gaps on SQLite (draws that find nothing), dead rows on PostgreSQL
                    sqlOf(*store).exec(QStringLiteral("DELETE FROM dpm_lineage_edges WHERE source_entity_id < 'a_1300'"));
                    rowCount = 700;
                }
                const std::unique_ptr<BulkSampler> sampler = openBulkSampler(*store);
                QCOMPARE(sampler->rowCount(BulkTable::LineageEdges), rowCount);

                const QList<BulkRow> drawn = sampler->drawKeys(BulkTable::LineageEdges, 140, 7);
                QCOMPARE(drawn.size(), 140);
                QCOMPARE(QSet<BulkRow>(drawn.cbegin(), drawn.cend()).size(), 140);
                QCOMPARE(sampler->drawKeys(BulkTable::LineageEdges, 140, 7), drawn);
                QVERIFY2(sampler->drawKeys(BulkTable::LineageEdges, 140, 8) != drawn, qPrintable(backend));
                const qsizetype rareDrawn = std::count_if(
                    drawn.cbegin(), drawn.cend(), [](const BulkRow &key) { return key.constFirst().startsWith("zz_"); });
                const double expected = 140.0 * double(rare) / double(rowCount); // 14 or 20
                QVERIFY2(rareDrawn >= expected / 2 && rareDrawn <= expected * 2,
                    qPrintable(QStringLiteral("%1: %2 of 140 drawn keys are zz_, expected about %3")
                                   .arg(backend).arg(rareDrawn).arg(expected)));

                QList<BulkRow> all = sampler->drawKeys(BulkTable::LineageEdges, 5000, 1);
                QCOMPARE(all.size(), rowCount);
                QCOMPARE(QSet<BulkRow>(all.cbegin(), all.cend()).size(), rowCount);
                // Batched lookups: every row of the probed values, one query.
                const QList<BulkRow> found = sampler->rowsWithProbeValues(
                    BulkTable::LineageEdges, { drawn.at(0).constFirst(), drawn.at(1).constFirst(), "no_such_source" });
                QCOMPARE(found.size(), 2);
            }
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    // PostgreSQL draws from a seeded share of a larger table's pages (TABLESAMPLE SYSTEM): still
    // exactly the asked number of distinct keys, the same for the same seed, others for another.
    void bulkSamplerDrawsFromPagesOfALargePostgresTable()
    {
        try {
            auto postgres = newPostgres();
            BulkRows rows;
            for (int i = 0; i < 30000; ++i) {
                rows.add(BulkTable::LineageEdges, { "corr_" + QByteArray::number(100000 + i), "CORRELATION_TO_RUN",
                                                      "rr_" + QByteArray::number(i), "2026-01-01T00:00:00+00:00", "{}" });
            }
            const std::unique_ptr<BulkLoader> loader = openBulkLoader(*postgres);
            loader->begin();
            loader->write(rows);
            loader->commit();
            const std::unique_ptr<BulkSampler> sampler = openBulkSampler(*postgres);
            QCOMPARE(sampler->rowCount(BulkTable::LineageEdges), 30000);
            const QList<BulkRow> drawn = sampler->drawKeys(BulkTable::LineageEdges, 300, 11);
            QCOMPARE(drawn.size(), 300);
            QCOMPARE(QSet<BulkRow>(drawn.cbegin(), drawn.cend()).size(), 300);
            QCOMPARE(sampler->drawKeys(BulkTable::LineageEdges, 300, 11), drawn);
            QVERIFY(sampler->drawKeys(BulkTable::LineageEdges, 300, 12) != drawn);
            // Spread over the table, not one neighbourhood: both halves of the key order are drawn.
            const qsizetype low = std::count_if(drawn.cbegin(), drawn.cend(),
                [](const BulkRow &key) { return key.constFirst() < QByteArray("corr_115000"); });
            QVERIFY2(low > 0 && low < 300, qPrintable(QString::number(low)));
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    // The sampled check: equal stores pass with every table sampled from both sides; the same seed
    // draws the same keys; rows missing in the target, extra in it and edited are found from the
    // side that has them, at about their share of the table, and fail the threshold.
    void sampledVerifyFindsMismatchesBothWays()
    {
        try {
            auto source = newSqlite();
            generateDemoData(*source, smallDemo(200, 9));
            seedProposals(*source);
            for (int i = 0; i < 3; ++i) // duplicates: rows without a key count one by one
                source->appendLineageEdge(edge(QStringLiteral("a_dup"), QStringLiteral("rr_1"), QStringLiteral("2026-01-01T00:00:00+00:00")));
            auto target = newPostgres();
            backfillStore(*source, *target);

            qint64 lastDone = -1;
            QSet<qint64> totals;
            const SampleReport equal = verifySample(*source, *target, SampleOptions { .percent = 25, .seed = 7 },
                [&](qint64 done, qint64 total, const QString &) {
                    lastDone = done;
                    totals.insert(total);
                    return true;
                });
            QVERIFY2(equal.passes(), qPrintable(QString::fromUtf8(QJsonDocument(equal.toJson()).toJson())));
            QVERIFY(equal.samples.isEmpty());
            QCOMPARE(tableOf(equal, QStringLiteral("dpm_runs"))->sampledFromSource, 50);
            QCOMPARE(tableOf(equal, QStringLiteral("dpm_runs"))->sampledFromTarget, 50);
            // The progress total, known from the start, is the number of keys compared: a quarter
            // of each table's rows (rounded up), both ways.
            qint64 keys = 0;
            qint64 quarters = 0;
            for (const SampleTableReport &table : equal.tables) {
                if (table.whole)
                    continue;
                keys += table.sampled();
                quarters += (table.sourceRows + 3) / 4 + (table.targetRows + 3) / 4;
                QCOMPARE(table.sourceRows, table.targetRows);
            }
            SqlRows edges = sqlOf(*source).exec(QStringLiteral("SELECT COUNT(*) FROM dpm_lineage_edges"));
            QVERIFY(edges.next());
            QCOMPARE(tableOf(equal, kEdges)->sourceRows, edges.value(0).toLongLong()); // exact, not estimated
            QCOMPARE(totals, QSet<qint64> { keys });
            QCOMPARE(keys, quarters);
            QCOMPARE(lastDone, keys);
            QVERIFY(tableOf(equal, QStringLiteral("proposal_versions"))->sampled() > 0);
            QVERIFY(tableOf(equal, QStringLiteral("dpm_outbox"))->sampled() > 0);

            SqlDatabase &db = sqlOf(*target);
            // A fifth of the runs gone, one extra edge, and every decision's comment edited.
            db.exec(QStringLiteral("DELETE FROM dpm_runs WHERE rebalance_run_id IN (SELECT rebalance_run_id FROM dpm_runs "
                                   "ORDER BY rebalance_run_id LIMIT 40)"));
            db.exec(QStringLiteral("UPDATE dpm_workflow_decisions SET comment = 'edited'"));
            for (int i = 0; i < 200; ++i) {
                target->appendLineageEdge(edge(QStringLiteral("zz_extra_%1").arg(i), QStringLiteral("rr_x"),
                    QStringLiteral("2026-01-01T00:00:00+00:00")));
            }
            db.exec(QStringLiteral("DELETE FROM dpm_lineage_edges WHERE source_entity_id = 'a_dup' AND ctid IN "
                                   "(SELECT ctid FROM dpm_lineage_edges WHERE source_entity_id = 'a_dup' LIMIT 1)"));
            const SampleOptions options { .percent = 50, .maxMismatchPercent = 1, .seed = 42 };
            const SampleReport differs = verifySample(*source, *target, options);
            const QByteArray json = QJsonDocument(differs.toJson()).toJson();
            QVERIFY(!differs.passes());
            const SampleTableReport *runs = tableOf(differs, QStringLiteral("dpm_runs"));
            QVERIFY2(runs->missing > 0 && runs->extra == 0 && runs->differing == 0, json.constData());
            // 40 of 200 runs: about a fifth of the draws from the source, none from the target.
            QVERIFY2(runs->mismatchPercent() > 3 && runs->mismatchPercent() < 25, json.constData());
            const SampleTableReport *decisions = tableOf(differs, QStringLiteral("dpm_workflow_decisions"));
            QCOMPARE(decisions->differing, decisions->sampled());
            QCOMPARE(decisions->mismatchPercent(), 100.0);
            QVERIFY2(tableOf(differs, kEdges)->extra > 0, json.constData());
            QVERIFY(tableOf(differs, QStringLiteral("dpm_run_idempotency"))->mismatches() == 0);
            QVERIFY(differs.tablesOverThreshold().contains(QStringLiteral("dpm_runs")));
            QVERIFY(!differs.tablesOverThreshold().contains(QStringLiteral("dpm_run_idempotency")));
            QVERIFY(!differs.samples.isEmpty());

            // Same seed, same stores: the same draws and the same findings.
            const SampleReport again = verifySample(*source, *target, options);
            QJsonObject a = differs.toJson();
            QJsonObject b = again.toJson();
            a.remove(QStringLiteral("total_seconds"));
            b.remove(QStringLiteral("total_seconds"));
            QCOMPARE(a, b);
            // A threshold above every rate passes.
            QVERIFY(verifySample(*source, *target, SampleOptions { .percent = 50, .maxMismatchPercent = 100, .seed = 42 }).passes());

            // The in-memory side samples as well: a memory store against an empty SQLite store.
            MemoryStore memory;
            generateDemoData(memory, smallDemo(50, 2));
            auto empty = newSqlite();
            const SampleReport fromMemory = verifySample(memory, *empty, SampleOptions { .percent = 100, .seed = 1 });
            QVERIFY(!fromMemory.passes());
            QCOMPARE(tableOf(fromMemory, QStringLiteral("dpm_runs"))->missing, 50);
            QCOMPARE(tableOf(fromMemory, QStringLiteral("dpm_runs"))->mismatchPercent(), 100.0);

            try {
                verifySample(*source, *target, SampleOptions { .percent = 0 });
                QFAIL("a sample of 0 % was accepted");
            } catch (const Error &error) {
                QCOMPARE(error.code(), QStringLiteral("INVALID_SAMPLE_PERCENT"));
            }
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }
};

QTEST_GUILESS_MAIN(TransferTest)
#include "tst_transfer.moc"
