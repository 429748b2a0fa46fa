// dpmctl serve's own read endpoints under /console/v1/ on SQLite and PostgreSQL (one source built
// per backend): status and key fields of each, golden bytes for the backend-independent ones,
// 404/422 answers, and that the service's flags do not guard them.

#include "backendstore.h"
#include "clisupport.h"
#include "demo/demoproposals.h"
#include "domain/timestamp.h"
#include "servetestsupport.h"
#include "store/proposalstore.h"
#include "store/runeventstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

class ServeConsoleTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void endpoint_answersGoldenBytes_data();
    void endpoint_answersGoldenBytes();
    void find_matchesDpmAndProposals();
    void lineageGraph_depthsAndLimits();
    void proposalIntegrity_oneAndAll();
    void proposalDiff_defaultsToCurrentAgainstPrevious();
    void outbox_listsFiltersPagesAndCounts();
    void storeStatus_backendRedactedLocationAndSchema();
    void errors_notFound404_invalidInput422_unknownParameter422();
    void serviceFlags_doNotGuardConsoleEndpoints();
    void olderDatabase_proposalAndRunEventEndpoints_answer503WithTheReason();

private:
    QJsonObject getJson(const QString &target, int expectedStatus = 200);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_store;
    std::unique_ptr<RunningServer> m_server;
    QList<DemoProposal> m_demo;
};

void ServeConsoleTest::initTestCase()
{
    if (backendIsPostgres())
        DPM_REQUIRE_POSTGRES();
    m_dir = std::make_unique<QTemporaryDir>();
    try {
        const std::optional<StoreLocation> location = freshBackendLocation(*m_dir, QStringLiteral("serve_console"));
        QVERIFY(location);
        openStore(*location, OpenOptions { .applyMigrations = true }).reset();
        seedStore(*location);
        m_store = openStore(*location);
        for (int i = 0; i < 2; ++i) {
            AppendEventRequest request;
            request.rebalanceRunId = QStringLiteral("rr_00000002");
            request.eventType = i == 0 ? QStringLiteral("RUN_COMPLETED") : QStringLiteral("RUN_REVIEWED");
            request.idempotencyKey = QStringLiteral("evt-key-%1").arg(i);
            request.payloadJson = QStringLiteral(R"({"n":%1})").arg(i);
            request.topics = { QStringLiteral("dpm.runs"), QStringLiteral("audit") };
            request.createdAt = QStringLiteral("2026-02-19T14:00:0%1+00:00").arg(i);
            const AppendEventResult appended = m_store->runEvents().appendEvent(request);
            if (i == 0) // one failed delivery: a failure group
                m_store->runEvents().markFailed(appended.deliveries.constFirst().outboxId,
                    QStringLiteral("connection refused by 10.0.0.7 after 30 s"),
                    QStringLiteral("2026-02-19T15:00:00+00:00"));
        }
        DemoProposalOptions options;
        options.seed = 3;
        options.toMicros = *timestampMicros(QStringLiteral("2026-03-31T00:00:00+00:00"));
        options.fromMicros = options.toMicros - 30LL * 24 * 3600 * 1000000;
        for (int i = 0; i < 4; ++i) {
            m_demo.append(generateDemoProposal(i, options));
            writeDemoProposal(m_store->proposals(), m_demo.constLast());
        }
        // The first one broken: its current_state is not its last event's to_state.
        ProposalRecord broken = m_demo.constFirst().record;
        broken.currentState = QStringLiteral("NOT_A_REPLAYED_STATE");
        m_store->proposals().updateProposal(broken);
    } catch (const Error &error) {
        QFAIL(qPrintable(error.toString()));
    }
    m_server = std::make_unique<RunningServer>(*m_store, testServeOptions());
}

void ServeConsoleTest::cleanupTestCase()
{
    m_server.reset();
    m_store.reset();
}

QJsonObject ServeConsoleTest::getJson(const QString &target, int expectedStatus)
{
    const HttpAnswer answer = m_server->get(target);
    if (answer.status != expectedStatus)
        qWarning().noquote() << target << answer.describe();
    [&] { QCOMPARE(answer.status, expectedStatus); }();
    [&] { QCOMPARE(answer.header("Content-Type"), QByteArray("application/json")); }();
    return QJsonDocument::fromJson(answer.body).object();
}

void ServeConsoleTest::endpoint_answersGoldenBytes_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("goldenName");
    QTest::newRow("find") << "/console/v1/find/corr_run2" << "console_find_corr_run2";
    QTest::newRow("runs per day") << "/console/v1/runs/per-day?from=2026-02-17&to=2026-02-19" << "console_runs_per_day";
    QTest::newRow("decisions per day") << "/console/v1/decisions/per-day?from=2026-02-01&to=2026-02-28"
                                       << "console_decisions_per_day";
    QTest::newRow("lineage graph") << "/console/v1/lineage/rr_00000002/graph?up=1&down=1" << "console_lineage_graph";
    QTest::newRow("outbox groups") << "/console/v1/outbox/groups" << "console_outbox_groups";
}

void ServeConsoleTest::endpoint_answersGoldenBytes()
{
    QFETCH(QString, target);
    QFETCH(QString, goldenName);
    const HttpAnswer answer = m_server->get(target);
    QVERIFY2(answer.status == 200, qPrintable(answer.describe()));
    QCOMPARE(answer.body, golden(goldenName, answer.body));
}

void ServeConsoleTest::find_matchesDpmAndProposals()
{
    // One home: the answer of `dpmctl find --json` (findAnything), DPM matches then proposal ones.
    const QJsonObject run = getJson(QStringLiteral("/console/v1/find/rr_00000001"));
    QCOMPARE(run.value(QStringLiteral("matches")).toArray().size(), 1);
    QCOMPARE(run.value(QStringLiteral("matches")).toArray().first().toObject().value(QStringLiteral("kind")).toString(),
        QStringLiteral("run_id"));
    const QString proposalId = m_demo.at(1).record.proposalId;
    const QJsonObject proposal = getJson(QStringLiteral("/console/v1/find/") + proposalId);
    QCOMPARE(proposal.value(QStringLiteral("matches")).toArray().size(), 1);
    const QJsonObject match = proposal.value(QStringLiteral("matches")).toArray().first().toObject();
    QCOMPARE(match.value(QStringLiteral("kind")).toString(), QStringLiteral("proposal_id"));
    QCOMPARE(match.value(QStringLiteral("proposal_id")).toString(), proposalId);
    QCOMPARE(match.value(QStringLiteral("proposal_exists")).toBool(), true);
    const QJsonObject none = getJson(QStringLiteral("/console/v1/find/nothing_here"));
    QVERIFY(none.value(QStringLiteral("matches")).toArray().isEmpty());
}

void ServeConsoleTest::lineageGraph_depthsAndLimits()
{
    const QJsonObject graph = getJson(QStringLiteral("/console/v1/lineage/corr_run1/graph?up=0&down=1&max_nodes=50"));
    QCOMPARE(graph.value(QStringLiteral("entity_id")).toString(), QStringLiteral("corr_run1"));
    QCOMPARE(graph.value(QStringLiteral("upstream_depth")).toInt(), 0);
    QCOMPARE(graph.value(QStringLiteral("downstream_depth")).toInt(), 1);
    QCOMPARE(graph.value(QStringLiteral("max_nodes")).toInt(), 50);
    QVERIFY(graph.value(QStringLiteral("node_count")).toInt() >= 2); // the correlation and its run
    const QJsonObject unknown = getJson(QStringLiteral("/console/v1/lineage/nobody/graph"));
    QCOMPARE(unknown.value(QStringLiteral("node_count")).toInt(), 1);
    QCOMPARE(unknown.value(QStringLiteral("upstream_depth")).toInt(), 2); // the default depth
    const QJsonObject bad = getJson(QStringLiteral("/console/v1/lineage/x/graph?up=11"), 422);
    QVERIFY(bad.value(QStringLiteral("detail")).toString().startsWith(QLatin1String("INVALID_DEPTH: ")));
    QVERIFY(getJson(QStringLiteral("/console/v1/lineage/x/graph?down=two"), 422)
                .value(QStringLiteral("detail")).toString().startsWith(QLatin1String("INVALID_DEPTH: ")));
    QVERIFY(getJson(QStringLiteral("/console/v1/lineage/x/graph?max_nodes=0"), 422)
                .value(QStringLiteral("detail")).toString().startsWith(QLatin1String("INVALID_LIMIT: ")));
}

void ServeConsoleTest::proposalIntegrity_oneAndAll()
{
    const QJsonObject all = getJson(QStringLiteral("/console/v1/proposals/integrity"));
    QCOMPARE(all.value(QStringLiteral("proposals_checked")).toInt(), m_demo.size());
    QCOMPARE(all.value(QStringLiteral("cancelled")).toBool(), false);
    const DemoProposal &broken = m_demo.constFirst();
    const QJsonArray findings = all.value(QStringLiteral("findings")).toArray();
    QCOMPARE(all.value(QStringLiteral("finding_count")).toInt(), findings.size());
    QVERIFY(!findings.isEmpty());
    for (const QJsonValue &finding : findings)
        QCOMPARE(finding.toObject().value(QStringLiteral("proposal_id")).toString(), broken.record.proposalId);
    const QJsonObject one = getJson(QStringLiteral("/console/v1/proposals/") + broken.record.proposalId
        + QStringLiteral("/integrity"));
    QCOMPARE(one.value(QStringLiteral("proposals_checked")).toInt(), 1);
    QStringList codes;
    for (const QJsonValue &finding : one.value(QStringLiteral("findings")).toArray())
        codes.append(finding.toObject().value(QStringLiteral("code")).toString());
    QVERIFY2(codes.contains(QStringLiteral("PROPOSAL_STATE_MISMATCH")), qPrintable(codes.join(u',')));
    const QJsonObject clean = getJson(QStringLiteral("/console/v1/proposals/") + m_demo.at(1).record.proposalId
        + QStringLiteral("/integrity"));
    QCOMPARE(clean.value(QStringLiteral("finding_count")).toInt(), 0);
    QCOMPARE(getJson(QStringLiteral("/console/v1/proposals/pp_nope/integrity"), 404).value(QStringLiteral("detail")),
        QJsonValue(QStringLiteral("PROPOSAL_NOT_FOUND")));
}

void ServeConsoleTest::proposalDiff_defaultsToCurrentAgainstPrevious()
{
    const auto multi = std::find_if(m_demo.cbegin(), m_demo.cend(), [](const DemoProposal &p) {
        return p.versions.size() >= 2;
    });
    QVERIFY(multi != m_demo.cend());
    const QString base = QStringLiteral("/console/v1/proposals/") + multi->record.proposalId + QStringLiteral("/diff");
    const QJsonObject diff = getJson(base);
    QCOMPARE(diff.value(QStringLiteral("to_version")).toInt(), int(multi->record.currentVersionNo));
    QCOMPARE(diff.value(QStringLiteral("from_version")).toInt(), int(multi->record.currentVersionNo) - 1);
    QVERIFY(!diff.value(QStringLiteral("artifact")).toArray().isEmpty());
    const QJsonObject same = getJson(base + QStringLiteral("?from=1&to=1"));
    QVERIFY(same.value(QStringLiteral("result")).toArray().isEmpty());
    QVERIFY(same.value(QStringLiteral("artifact")).toArray().isEmpty());
    QCOMPARE(getJson(base + QStringLiteral("?from=1&to=99"), 404).value(QStringLiteral("detail")),
        QJsonValue(QStringLiteral("PROPOSAL_VERSION_NOT_FOUND")));
    QVERIFY(getJson(base + QStringLiteral("?from=one"), 422).value(QStringLiteral("detail")).toString().startsWith(
        QLatin1String("INVALID_VERSION: ")));
}

void ServeConsoleTest::outbox_listsFiltersPagesAndCounts()
{
    const QJsonObject events = getJson(QStringLiteral("/console/v1/runs/rr_00000002/events"));
    const QJsonArray list = events.value(QStringLiteral("events")).toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("event_type")).toString(), QStringLiteral("RUN_COMPLETED"));
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("deliveries")).toArray().size(), 2);
    QVERIFY(getJson(QStringLiteral("/console/v1/runs/rr_unknown/events")).value(QStringLiteral("events")).toArray().isEmpty());

    const QJsonObject all = getJson(QStringLiteral("/console/v1/outbox"));
    QCOMPARE(all.value(QStringLiteral("items")).toArray().size(), 4);
    QVERIFY(all.value(QStringLiteral("next_cursor")).isNull());
    const QJsonObject audit = getJson(QStringLiteral("/console/v1/outbox?topic=audit&status=PENDING&run_id=rr_00000002"
                                                     "&created_from=2026-02-19T14:00:01%2B00:00"));
    QCOMPARE(audit.value(QStringLiteral("items")).toArray().size(), 1);
    const QJsonObject page1 = getJson(QStringLiteral("/console/v1/outbox?limit=3"));
    QCOMPARE(page1.value(QStringLiteral("items")).toArray().size(), 3);
    const QString cursor = page1.value(QStringLiteral("next_cursor")).toString();
    QVERIFY(!cursor.isEmpty());
    const QJsonObject page2 = getJson(QStringLiteral("/console/v1/outbox?limit=3&cursor=")
        + QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
    QCOMPARE(page2.value(QStringLiteral("items")).toArray().size(), 1);
    QCOMPARE(getJson(QStringLiteral("/console/v1/outbox?limit=201"), 422).value(QStringLiteral("detail")).toArray().size(), 1);

    const QJsonObject stats = getJson(QStringLiteral("/console/v1/outbox/stats"));
    QCOMPARE(stats.value(QStringLiteral("pending")).toInt(), 3);
    QCOMPARE(stats.value(QStringLiteral("failed")).toInt(), 1);
    QCOMPARE(stats.value(QStringLiteral("dead")).toInt(), 0);
    QCOMPARE(getJson(QStringLiteral("/console/v1/outbox?status=FAILED")).value(QStringLiteral("items")).toArray().size(), 1);
}

void ServeConsoleTest::storeStatus_backendRedactedLocationAndSchema()
{
    const QJsonObject status = getJson(QStringLiteral("/console/v1/store-status"));
    QCOMPARE(status.value(QStringLiteral("backend")).toString(), toWire(m_store->backend()));
    QCOMPARE(status.value(QStringLiteral("location")).toString(), m_store->describe());
    QVERIFY(!status.value(QStringLiteral("location")).toString().contains(QLatin1String("password=")));
    QCOMPARE(status.value(QStringLiteral("has_migrations")).toBool(), true);
    QCOMPARE(status.value(QStringLiteral("has_schema")).toBool(), true);
    QVERIFY(status.value(QStringLiteral("migrations_applied")).toInt() > 0);
    QCOMPARE(status.value(QStringLiteral("migrations_pending")).toInt(), 0);
    QVERIFY(status.value(QStringLiteral("schema_versions")).toObject().contains(QStringLiteral("console")));
    QCOMPARE(status.value(QStringLiteral("read_only")).toBool(), false);
    QCOMPARE(status.value(QStringLiteral("proposals_available")).toBool(), true);
    QCOMPARE(status.value(QStringLiteral("run_events_available")).toBool(), true);

    // The spec's store-status: one store takes every write and read; PostgreSQL when it is one.
    const bool postgres = m_store->backend() == StoreBackend::Postgres;
    const QString target = postgres ? QStringLiteral("postgres")
        : m_store->backend() == StoreBackend::Sqlite ? QStringLiteral("sqlite")
                                                     : QStringLiteral("in-memory");
    QCOMPARE(status.value(QStringLiteral("write_target")).toString(), target);
    QCOMPARE(status.value(QStringLiteral("read_target")).toString(), target);
    QCOMPARE(status.value(QStringLiteral("read_from_postgres_percent")).toInt(), postgres ? 100 : 0);
    QCOMPARE(status.value(QStringLiteral("dual_write_enabled")).toBool(), false);
    QCOMPARE(status.value(QStringLiteral("dual_write_failures")).toInt(), 0);
    const QJsonObject pg = status.value(QStringLiteral("postgres")).toObject();
    QCOMPARE(pg.value(QStringLiteral("configured")).toBool(), postgres);
    QCOMPARE(pg.value(QStringLiteral("connected")).toBool(), postgres);
    QCOMPARE(pg.value(QStringLiteral("role")).toString(), postgres ? QStringLiteral("primary") : QString());
    // PostgreSQL's connections (POSTGRES_POOL_SIZE's default 20); the workers are "pool".
    QCOMPARE(pg.value(QStringLiteral("pool_size")).toInt(), postgres ? 20 : 0);
    if (postgres)
        QVERIFY(pg.value(QStringLiteral("pool_open")).toInt() >= 1);
    QCOMPARE(status.value(QStringLiteral("pool")).toObject().value(QStringLiteral("size")).toInt(), 8);
    // This very request is running on a store worker.
    QVERIFY(status.value(QStringLiteral("pool")).toObject().value(QStringLiteral("active")).toInt() >= 1);
    const QJsonObject latency = status.value(QStringLiteral("latency")).toObject();
    for (const char *kind : { "listing", "lookup", "bundle", "summary", "lineage", "write", "bulk" })
        QVERIFY2(latency.value(QLatin1String(kind)).toObject().contains(QStringLiteral("p95_ms")), kind);
}

void ServeConsoleTest::errors_notFound404_invalidInput422_unknownParameter422()
{
    QVERIFY(getJson(QStringLiteral("/console/v1/runs/per-day?from=2026-02-20&to=2026-02-01"), 422)
                .value(QStringLiteral("detail")).toString().startsWith(QLatin1String("INVALID_DAY_RANGE: ")));
    QVERIFY(getJson(QStringLiteral("/console/v1/decisions/per-day"), 422)
                .value(QStringLiteral("detail")).toString().startsWith(QLatin1String("INVALID_DAY_RANGE: ")));
    QVERIFY(getJson(QStringLiteral("/console/v1/find/%20"), 422)
                .value(QStringLiteral("detail")).toString().startsWith(QLatin1String("INVALID_IDENTIFIER: ")));
    QCOMPARE(m_server->get(QStringLiteral("/console/v1/outbox/stats?zeta=1&alpha=2")).body,
        QByteArray(R"({"detail":"UNSUPPORTED_QUERY_PARAMETER: alpha, zeta not supported for this endpoint"})"));
    QCOMPARE(m_server->get(QStringLiteral("/console/v1/nothing")).body, QByteArray(R"({"detail":"Not Found"})"));
    QCOMPARE(m_server->get(QStringLiteral("/api/v1/console/v1/store-status")).status, 404); // no prefix
    QCOMPARE(m_server->request(QStringLiteral("DELETE"), QStringLiteral("/console/v1/outbox")).status, 405);
}

void ServeConsoleTest::serviceFlags_doNotGuardConsoleEndpoints()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("DPM_SUPPORT_APIS_ENABLED"), QStringLiteral("false"));
    environment.insert(QStringLiteral("PROPOSAL_WORKFLOW_LIFECYCLE_ENABLED"), QStringLiteral("false"));
    RunningServer server(*m_store, testServeOptions(environment));
    for (const char *target : { "/console/v1/store-status", "/console/v1/proposals/integrity", "/console/v1/outbox" })
        QCOMPARE(server.get(QString::fromLatin1(target)).status, 200);
}

// A database with the DPM tables only: the endpoints over proposals and run events answer 503
// with the reason (before their 422 checks), the store status says which domains are missing,
// and the DPM endpoints answer as ever.
void ServeConsoleTest::olderDatabase_proposalAndRunEventEndpoints_answer503WithTheReason()
{
    const auto location = freshBackendLocation(*m_dir, QStringLiteral("serve_console_older"));
    QVERIFY(location);
    std::unique_ptr<SupportStore> older;
    try {
        older = openOlderServiceStore(*location);
    } catch (const Error &error) {
        QFAIL(qPrintable(error.toString()));
    }
    RunningServer server(*older, testServeOptions());
    const QList<std::pair<const char *, const char *>> rows {
        { "/console/v1/proposals/integrity", "PROPOSAL_SCHEMA_MISSING" },
        { "/console/v1/proposals/pp_1/integrity", "PROPOSAL_SCHEMA_MISSING" },
        { "/console/v1/proposals/pp_1/diff?from=x", "PROPOSAL_SCHEMA_MISSING" },
        { "/console/v1/runs/rr_1/events", "RUN_EVENTS_SCHEMA_MISSING" },
        { "/console/v1/outbox?limit=0", "RUN_EVENTS_SCHEMA_MISSING" },
        { "/console/v1/outbox/stats", "RUN_EVENTS_SCHEMA_MISSING" },
        { "/console/v1/outbox/groups", "RUN_EVENTS_SCHEMA_MISSING" },
    };
    for (const auto &[target, code] : rows) {
        const HttpAnswer answer = server.get(QString::fromLatin1(target));
        QCOMPARE(answer.status, 503);
        QCOMPARE(answer.body, QByteArray("{\"detail\":\"") + code + "\"}");
    }
    const HttpAnswer status = server.get(QStringLiteral("/console/v1/store-status"));
    QCOMPARE(status.status, 200);
    const QJsonObject object = QJsonDocument::fromJson(status.body).object();
    QCOMPARE(object.value(QStringLiteral("proposals_available")).toBool(true), false);
    QCOMPARE(object.value(QStringLiteral("run_events_available")).toBool(true), false);
    QCOMPARE(server.get(QStringLiteral("/console/v1/find/rr_1")).status, 200);
    QCOMPARE(server.get(QStringLiteral("/rebalance/runs")).status, 200);
}

DPM_BACKEND_TEST_GUILESS_MAIN(ServeConsoleTest)
#include "tst_serve_console.moc"
