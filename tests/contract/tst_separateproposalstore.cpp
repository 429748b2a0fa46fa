// The advisory proposals in a database of their own (design.md, Configuration; the service's
// PROPOSAL_POSTGRES_DSN), per SQL backend: openStore() reads and writes proposals there and
// everything else in the DPM store; migrations of the proposals namespace and the cutover check
// look at that store; console/0008's index backs the lineage links of proposal versions.

#include "backendstore.h"
#include "demo/demoproposals.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "services/cutoveraction.h"
#include "services/finder.h"
#include "services/lineagegraph.h"
#include "services/storemigrations.h"
#include "services/storeopening.h"
#include "services/summaryposture.h"
#include "store/auditlog.h"
#include "store/separateproposalsstore.h"
#include "store/sqldatabase.h"
#include "store/sqlproposalstore.h"
#include "store/sqlstore.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

namespace {

#define TRY_OR_FAIL(statement)                                                                                         \
    do {                                                                                                               \
        try {                                                                                                          \
            statement;                                                                                                 \
        } catch (const ::dpm::Error &error) {                                                                          \
            QFAIL(qPrintable(error.toString()));                                                                       \
        }                                                                                                              \
    } while (false)

QStringList ledgerOf(const StoreLocation &location)
{
    SqlDatabase db(location);
    if (!db.tableExists(QStringLiteral("schema_migrations")))
        return {};
    QStringList versions;
    SqlRows q = db.exec(QStringLiteral("SELECT version FROM schema_migrations ORDER BY version"));
    while (q.next())
        versions << q.value(0).toString();
    return versions;
}

bool indexExists(const StoreLocation &location, const QString &index)
{
    SqlDatabase db(location);
    SqlRows q = db.exec(db.dialect().isPostgres()
            ? QStringLiteral("SELECT 1 FROM pg_indexes WHERE indexname = ?")
            : QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?"),
        { index });
    return q.next();
}

// A PostgreSQL location nobody listens at (port 1): connecting is refused at once.
StoreLocation refusedLocation()
{
    return StoreLocation::parse(QStringLiteral("postgresql://nobody@127.0.0.1:1/proposals"));
}

void verifyUnreachable(const std::function<void()> &call)
{
    try {
        call();
        QFAIL("a proposal read on an unreachable proposal store did not fail");
    } catch (const Error &error) {
        QCOMPARE(error.code(), QStringLiteral("PROPOSAL_STORE_UNREACHABLE"));
        QCOMPARE(error.kind(), ErrorKind::Connection);
        QVERIFY2(error.message().contains(QLatin1String("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED")),
            qPrintable(error.message()));
    }
}

DemoProposal demoProposal(qint64 index)
{
    DemoProposalOptions options;
    options.fromMicros = 1767225600000000LL; // 2026-01-01
    options.toMicros = options.fromMicros + 30LL * 24 * 3600 * 1000000;
    return generateDemoProposal(index, options);
}

} // namespace

class SeparateProposalStoreSuite : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<StoreLocation> m_dpm;
    std::optional<StoreLocation> m_proposals;

private Q_SLOTS:
    void init()
    {
        if (backendIsPostgres())
            DPM_REQUIRE_POSTGRES();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        TRY_OR_FAIL(m_dpm = freshBackendLocation(*m_dir, QStringLiteral("split_dpm")));
        TRY_OR_FAIL(m_proposals = freshBackendLocation(*m_dir, QStringLiteral("split_proposals")));
    }

    void openStore_separateProposalStore_proposalsLiveThereAndTheRestInTheStore()
    {
        std::unique_ptr<SupportStore> store;
        TRY_OR_FAIL(store = openStore(m_dpm->withProposalStore(*m_proposals), OpenOptions { .applyMigrations = true }));
        QVERIFY(separateProposalStore(*store));
        QCOMPARE(store->describe(), m_dpm->redacted());
        // The proposal store holds the proposals namespace and the console's indexes over it; the
        // store the rest.
        QCOMPARE(ledgerOf(*m_proposals),
            QStringList({ QStringLiteral("console:0005"), QStringLiteral("console:0008"),
                QStringLiteral("proposals:0001"), QStringLiteral("proposals:0002") }));
        const QStringList dpmLedger = ledgerOf(*m_dpm);
        QVERIFY(dpmLedger.contains(QStringLiteral("dpm:0001")));
        QVERIFY(dpmLedger.contains(QStringLiteral("console:0007")));
        QVERIFY(!dpmLedger.contains(QStringLiteral("console:0005")));
        QVERIFY(!dpmLedger.contains(QStringLiteral("proposals:0001")));

        const DemoProposal proposal = demoProposal(3);
        TRY_OR_FAIL(writeDemoProposal(store->proposals(), proposal));
        RebalanceRun run;
        run.rebalanceRunId = QStringLiteral("rr_split0001");
        run.correlationId = QStringLiteral("corr_split0001");
        run.requestHash = QStringLiteral("sha256:split");
        run.portfolioId = QStringLiteral("pf_split");
        run.createdAt = normalizeTimestamp(QStringLiteral("2026-01-05T10:00:00Z"));
        run.resultJson = QStringLiteral("{}");
        TRY_OR_FAIL(store->saveRun(run));
        store.reset();

        std::unique_ptr<SupportStore> dpmAlone;
        std::unique_ptr<SupportStore> proposalsAlone;
        TRY_OR_FAIL(dpmAlone = openStore(*m_dpm));
        TRY_OR_FAIL(proposalsAlone = openStore(*m_proposals, OpenOptions { .allowMissingSchema = true }));
        QVERIFY(proposalsAlone->proposals().getProposal(proposal.record.proposalId).has_value());
        QVERIFY(!dpmAlone->proposals().isAvailable()); // the store has no proposal tables at all
        QVERIFY(dpmAlone->getRun(run.rebalanceRunId).has_value());
        QVERIFY(!hasDpmTables(*proposalsAlone));
    }

    void applyMigrations_proposalsNamespaceGoesToTheProposalStore_recordedInTheStoresAuditLog()
    {
        TRY_OR_FAIL(openStore(*m_dpm, OpenOptions { .applyMigrations = true }));
        std::unique_ptr<SupportStore> store;
        TRY_OR_FAIL(
            store = openStore(m_dpm->withProposalStore(*m_proposals), OpenOptions { .allowMissingSchema = true }));
        QVERIFY(!store->proposals().isAvailable());
        QList<MigrationStatusRow> rows;
        TRY_OR_FAIL(rows = migrationStatus(*store, { QStringLiteral("proposals") }));
        QCOMPARE(rows.size(), 2);
        for (const MigrationStatusRow &row : rows)
            QCOMPARE(row.state, MigrationState::Pending); // the store's own proposals rows are applied
        // The proposals namespace and console/0005, 0008 (the console's indexes over it).
        QCOMPARE(describeSchema(*store).pendingMigrations, 4);

        MigrationApplyResult result;
        TRY_OR_FAIL(result = applyMigrations(*store));
        QVERIFY2(result.succeeded(), qPrintable(result.error ? result.error->toString() : QString()));
        QStringList applied;
        for (const AppliedMigration &m : result.report.applied)
            applied << m.ns + u':' + m.version;
        // Everything pending was the proposal store's: the proposals namespace and the console's
        // indexes over it.
        QCOMPARE(applied,
            QStringList({ QStringLiteral("proposals:0001"), QStringLiteral("proposals:0002"),
                QStringLiteral("console:0005"), QStringLiteral("console:0008") }));
        QVERIFY(result.recorded);
        QVERIFY(store->proposals().isAvailable());
        QCOMPARE(describeSchema(*store).pendingMigrations, 0);
        applied.sort();
        QCOMPARE(ledgerOf(*m_proposals), applied);

        const Page<AuditEntry> entries = store->auditLog().list(PageRequest { 1, std::nullopt });
        QCOMPARE(entries.items.size(), 1);
        const QJsonObject details = QJsonDocument::fromJson(entries.items.first().detailsJson.toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("proposal_store")).toString(), m_proposals->redacted());
    }

    // A store migrated as one database (console/0005 and 0008 over its own proposal tables) that
    // now reads proposals from a database of its own: the console's proposal indexes are listed
    // and applied there, the store's own records of them stay as they are and are not reported.
    void migrationStatus_consoleProposalIndexes_listedAndAppliedInTheProposalStore()
    {
        TRY_OR_FAIL(openStore(*m_dpm, OpenOptions { .applyMigrations = true }));
        const QStringList singleLedger = ledgerOf(*m_dpm);
        QVERIFY(singleLedger.contains(QStringLiteral("console:0005")));
        {
            // One database: every console migration there, none marked with a database.
            std::unique_ptr<SupportStore> single;
            TRY_OR_FAIL(single = openStore(*m_dpm));
            QList<MigrationStatusRow> rows;
            TRY_OR_FAIL(rows = migrationStatus(*single, { QStringLiteral("console") }));
            QCOMPARE(rows.size(),
                MigrationCatalog::embedded(storeAs<SqlStore>(*single)->database().dialect().kind())
                    .files(QStringLiteral("console"))
                    .size());
            for (const MigrationStatusRow &row : rows) {
                QCOMPARE(row.state, MigrationState::Applied);
                QCOMPARE(row.database, MigrationDatabase::Single);
                QVERIFY(!row.toJson().contains(QStringLiteral("database")));
            }
        }

        std::unique_ptr<SupportStore> store;
        TRY_OR_FAIL(
            store = openStore(m_dpm->withProposalStore(*m_proposals), OpenOptions { .allowMissingSchema = true }));
        QList<MigrationStatusRow> rows;
        TRY_OR_FAIL(rows = migrationStatus(*store, Migrator::namespaces()));
        QStringList pendingThere;
        for (const MigrationStatusRow &row : rows) {
            const QString id = row.ns + u':' + row.version;
            QVERIFY2(row.state != MigrationState::Missing, qPrintable(id));
            if (row.database == MigrationDatabase::ProposalStore) {
                QCOMPARE(row.toJson().value(QStringLiteral("database")).toString(), QStringLiteral("proposal_store"));
                QCOMPARE(row.state, MigrationState::Pending);
                pendingThere << id;
            } else {
                QCOMPARE(row.database, MigrationDatabase::DpmStore);
                QVERIFY2(row.ns != QLatin1String("proposals"), qPrintable(id));
                QCOMPARE(row.state, MigrationState::Applied);
            }
        }
        QCOMPARE(pendingThere,
            QStringList({ QStringLiteral("proposals:0001"), QStringLiteral("proposals:0002"),
                QStringLiteral("console:0005"), QStringLiteral("console:0008") }));
        ValidationReport validation;
        TRY_OR_FAIL(validation = validateMigrations(*store, Migrator::namespaces()));
        for (const MigrationFinding &finding : validation.findings)
            QVERIFY2(!finding.code.startsWith(QLatin1String("MIGRATION_FILE_MISSING")), qPrintable(finding.code));

        // Only the console namespace: its proposal indexes need the proposal tables, so those come too.
        MigrationApplyOptions consoleOnly;
        consoleOnly.namespaces = { QStringLiteral("console") };
        MigrationApplyResult result;
        TRY_OR_FAIL(result = applyMigrations(*store, consoleOnly));
        QVERIFY2(result.succeeded(), qPrintable(result.error ? result.error->toString() : QString()));
        QCOMPARE(ledgerOf(*m_proposals),
            QStringList({ QStringLiteral("console:0005"), QStringLiteral("console:0008"),
                QStringLiteral("proposals:0001"), QStringLiteral("proposals:0002") }));
        QCOMPARE(ledgerOf(*m_dpm), singleLedger);
        QVERIFY(indexExists(*m_proposals, QStringLiteral("ix_console_proposals_created")));
        QVERIFY(indexExists(*m_proposals, QStringLiteral("ix_console_proposal_versions_correlation")));
        QCOMPARE(describeSchema(*store).pendingMigrations, 0);
    }

    // A proposal store that cannot be reached: the store opens and every DPM read works; proposal
    // reads fail with PROPOSAL_STORE_UNREACHABLE naming the cause's code; find anything, the
    // lineage walk and the summary keep their DPM part and say (or leave out) the rest.
    void openStore_unreachableProposalStore_dpmWorksAndProposalsSayWhy()
    {
        std::unique_ptr<SupportStore> migrated;
        TRY_OR_FAIL(migrated = openStore(*m_dpm, OpenOptions { .applyMigrations = true }));
        RebalanceRun run;
        run.rebalanceRunId = QStringLiteral("rr_unreach01");
        run.correlationId = QStringLiteral("corr_unreach01");
        run.requestHash = QStringLiteral("sha256:unreach");
        run.portfolioId = QStringLiteral("pf_unreach");
        run.createdAt = normalizeTimestamp(QStringLiteral("2026-01-05T10:00:00Z"));
        run.resultJson = QStringLiteral("{}");
        TRY_OR_FAIL(migrated->saveRun(run));
        migrated.reset();

        std::unique_ptr<SupportStore> store;
        TRY_OR_FAIL(store = openStore(m_dpm->withProposalStore(refusedLocation())));
        QVERIFY(store->getRun(run.rebalanceRunId).has_value());
        QCOMPARE(store->listRuns({}, PageRequest { 10, {} }).items.size(), 1);
        const std::optional<Error> unreachable = proposalStoreUnreachable(*store);
        QVERIFY(unreachable);
        verifyUnreachable([&] { throw *unreachable; });
        verifyUnreachable([&] { store->proposals().listProposals({}, PageRequest { 10, {} }); });

        FindResult found;
        TRY_OR_FAIL(found = findAnything(*store, run.rebalanceRunId));
        QCOMPARE(found.matches.size(), 1);
        QVERIFY(found.proposalsUnreachable);
        QCOMPARE(findResultJson(run.rebalanceRunId, found)
                     .value(QStringLiteral("proposal_store_unreachable"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
            QStringLiteral("PROPOSAL_STORE_UNREACHABLE"));
        LineageGraph graph;
        TRY_OR_FAIL(graph = LineageGraph::walk(*store, run.correlationId));
        QVERIFY(graph.proposalsUnreachable());
        QVERIFY(lineageGraphJson(graph).contains(QStringLiteral("proposal_store_unreachable")));
        QCOMPARE(summaryProposalCounts(*store), std::nullopt);
        SchemaDescription schema;
        TRY_OR_FAIL(schema = describeSchema(*store));
        QCOMPARE(schema.pendingMigrations, 0); // the store's own, all applied
        // The Admin page's overview: the store's own migrations, and why the rest are missing.
        MigrationOverview overview;
        TRY_OR_FAIL(overview = readMigrationOverview(*store));
        QVERIFY(!overview.rows.isEmpty());
        QVERIFY(!overview.validation.ok);
        QCOMPARE(overview.validation.findings.last().code, QStringLiteral("PROPOSAL_STORE_UNREACHABLE"));
        const ProposalStoreReach reach = reachProposalStore(*store, true);
        QVERIFY(reach.unreachable);
        QVERIFY(reach.cause);
        QCOMPARE(reach.cause->code(), QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED"));
    }

    // Retry reaches a proposal store that answers now, and proposals read from then on.
    void retryProposalStore_reachableNow_proposalsRead()
    {
        TRY_OR_FAIL(openStore(*m_proposals, OpenOptions { .applyMigrations = true }));
        std::unique_ptr<SupportStore> dpm;
        TRY_OR_FAIL(dpm = openStore(*m_dpm, OpenOptions { .applyMigrations = true }));
        int attempts = 0;
        const StoreLocation proposals = *m_proposals;
        SeparateProposalsStore store(
            std::move(dpm),
            [&attempts, proposals]() -> std::unique_ptr<SupportStore> {
                if (++attempts == 1) {
                    throw Error(ErrorKind::Connection, QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED"),
                        QStringLiteral("The server is not up yet."));
                }
                return openStore(proposals, OpenOptions { .allowMissingSchema = true });
            },
            proposals);
        verifyUnreachable([&] { store.proposals(); });
        const ProposalStoreReach reach = reachProposalStore(store, true);
        QVERIFY(!reach.unreachable);
        QVERIFY(reach.hasTables);
        QCOMPARE(attempts, 2);
        QVERIFY(!proposalStoreUnreachable(store));
        TRY_OR_FAIL(store.proposals().listProposals({}, PageRequest { 10, {} }));
        reachProposalStore(store, true); // reached: nothing opened again
        QCOMPARE(attempts, 2);
    }

    // console/0008: the links of proposal versions are read by the index on the result's
    // correlation_id, and without it (a store opened as it is) by the scan, with the same rows.
    void listCorrelationLinks_readByConsoleIndex_sameRowsWithoutIt()
    {
        std::unique_ptr<SupportStore> store;
        TRY_OR_FAIL(store = openStore(*m_dpm, OpenOptions { .applyMigrations = true }));
        QStringList correlations;
        for (qint64 i = 0; i < 6; ++i) {
            const DemoProposal p = demoProposal(i);
            TRY_OR_FAIL(writeDemoProposal(store->proposals(), p));
            correlations << *proposalResultCorrelationId(p.versions.first().proposalResultJson);
        }
        SqlDatabase &db = storeAs<SqlStore>(*store)->database();
        const bool postgres = db.dialect().isPostgres();
        // EXPLAIN cannot be a prepared statement on PostgreSQL: plain text, the id (hex) inline.
        const QString probe = QStringLiteral("SELECT proposal_id FROM proposal_versions WHERE %1 IN ('%2')")
                                  .arg(SqlProposalStore::indexedCorrelationExpression(postgres), correlations.first());
        QSqlQuery q(db.connection());
        if (postgres)
            QVERIFY(q.exec(QStringLiteral("SET enable_seqscan = off"))); // six rows: it would scan
        QVERIFY2(q.exec((postgres ? QStringLiteral("EXPLAIN ") : QStringLiteral("EXPLAIN QUERY PLAN ")) + probe),
            qPrintable(q.lastError().text()));
        QString plan;
        while (q.next())
            plan += q.value(postgres ? 0 : 3).toString() + u'\n';
        if (postgres)
            QVERIFY(q.exec(QStringLiteral("RESET enable_seqscan")));
        QVERIFY2(plan.contains(QLatin1String("ix_console_proposal_versions_correlation")), qPrintable(plan));

        const QStringList asked { correlations.at(1), correlations.at(4), QStringLiteral("corr_none") };
        QList<ProposalCorrelationLink> indexed;
        TRY_OR_FAIL(indexed = store->proposals().listCorrelationLinks(asked, {}));
        QCOMPARE(indexed.size(), 2);
        QCOMPARE(indexed.at(0).correlationId == asked.at(0) || indexed.at(1).correlationId == asked.at(0), true);

        TRY_OR_FAIL(db.execDirect(QStringLiteral("DROP INDEX ix_console_proposal_versions_correlation")));
        QList<ProposalCorrelationLink> scanned;
        TRY_OR_FAIL(scanned = store->proposals().listCorrelationLinks(asked, {}));
        QCOMPARE(scanned, indexed);
    }

    // The proposals namespace and the advisory guardrails are checked on the proposal store.
    void cutoverCheck_checksTheProposalStore()
    {
        TRY_OR_FAIL(openStore(*m_dpm, OpenOptions { .applyMigrations = true }));
        std::unique_ptr<SupportStore> store;
        TRY_OR_FAIL(
            store = openStore(m_dpm->withProposalStore(*m_proposals), OpenOptions { .allowMissingSchema = true }));
        CutoverCheckOptions options;
        options.environment.insert(QStringLiteral("APP_PERSISTENCE_PROFILE"), QStringLiteral("PRODUCTION"));
        options.environment.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("POSTGRES"));
        options.environment.insert(QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN"), m_dpm->withoutSecrets());
        options.checkMigrations = true;
        const auto codes = [&] {
            QStringList out;
            for (const CheckFinding &f : checkCutover(*store, options).report.findings)
                out << f.code;
            return out;
        };
        QStringList found;
        TRY_OR_FAIL(found = codes());
        QVERIFY2(!found.contains(QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES")),
            qPrintable(found.join(u' ')));
        QVERIFY2(!found.contains(QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES_DSN")),
            qPrintable(found.join(u' ')));
        // The store itself has the proposals namespace; the proposal store does not yet.
        QVERIFY2(found.contains(QStringLiteral("CUTOVER_SCHEMA_MIGRATIONS_TABLE_MISSING"))
                || found.contains(QStringLiteral("CUTOVER_MIGRATION_MISSING:proposals:0001")),
            qPrintable(found.join(u' ')));

        MigrationApplyOptions proposalsOnly;
        proposalsOnly.namespaces = { QStringLiteral("proposals") };
        TRY_OR_FAIL(applyMigrations(*store, proposalsOnly));
        TRY_OR_FAIL(found = codes());
        for (const QString &code : found)
            QVERIFY2(!code.contains(QLatin1String(":proposals:")), qPrintable(found.join(u' ')));
    }
};

DPM_BACKEND_TEST_GUILESS_MAIN(SeparateProposalStoreSuite,
    { "cutoverCheck_checksTheProposalStore", test::TestBackend::Postgres })
#include "tst_separateproposalstore.moc"
