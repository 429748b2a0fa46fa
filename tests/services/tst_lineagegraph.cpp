// The lineage neighbourhood graph (core/services/lineagegraph), the one walk behind the console's
// graph and `dpmctl lineage graph`, over a real store: depths either way and apart, cycles, the
// node cap with its per-node "N more not shown", expansion merging into a graph, node and edge
// kinds, run statuses and the JSON. Run once per backend like the store contract; every test
// function gets a fresh, empty store in init().

#include "backendstore.h"
#include "errorassertions.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "services/lineagegraph.h"
#include "store/proposalstore.h"
#include "store/supportstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace dpm;

namespace {

// kBase + minutes, in the service format.
QString at(int minutes)
{
    return formatTimestamp(QDateTime(QDate(2026, 2, 20), QTime(12, 0), Qt::UTC).addSecs(qint64(minutes) * 60));
}

LineageEdge edge(const QString &source, const QString &type, const QString &target, const QString &createdAt,
    const QString &metadata = QStringLiteral("{}"))
{
    return LineageEdge { source, type, target, createdAt, metadata };
}

QStringList nodesText(const LineageGraph &graph)
{
    QStringList out;
    for (const LineageGraphNode &node : graph.nodes())
        out << QStringLiteral("%1:%2:%3").arg(node.id, toWire(node.kind)).arg(node.depth);
    return out;
}

QStringList graphEdgesText(const LineageGraph &graph)
{
    QStringList out;
    for (const LineageGraphEdge &e : graph.edges())
        out << QStringLiteral("%1 %2 %3 x%4").arg(e.sourceEntityId, e.edgeType, e.targetEntityId).arg(e.count);
    return out;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList nodeIds(const LineageGraph &graph)
{
    QStringList out;
    for (const LineageGraphNode &node : graph.nodes())
        out << node.id;
    return sorted(out);
}

// A chain in alternating directions: N0 -> N1 <- N2 -> N3 <- N4.
void seedChain(SupportStore &store)
{
    store.appendLineageEdge(edge(QStringLiteral("N0"), QStringLiteral("caused_by"), QStringLiteral("N1"), at(0)));
    store.appendLineageEdge(edge(QStringLiteral("N2"), QStringLiteral("caused_by"), QStringLiteral("N1"), at(1)));
    store.appendLineageEdge(edge(QStringLiteral("N2"), QStringLiteral("caused_by"), QStringLiteral("N3"), at(2)));
    store.appendLineageEdge(edge(QStringLiteral("N4"), QStringLiteral("caused_by"), QStringLiteral("N3"), at(3)));
}

// A chain A -> B -> C -> D -> E and a sibling of C: B -> X.
void seedFamily(SupportStore &store)
{
    const QStringList chain { "A", "B", "C", "D", "E" };
    for (int i = 0; i + 1 < chain.size(); ++i)
        store.appendLineageEdge(edge(chain.at(i), QStringLiteral("derived_from"), chain.at(i + 1), at(i)));
    store.appendLineageEdge(edge(QStringLiteral("B"), QStringLiteral("derived_from"), QStringLiteral("X"), at(9)));
}

// A star: H -> S1..S5, and S1 -> F (one level further).
void seedStar(SupportStore &store)
{
    for (int i = 5; i >= 1; --i)
        store.appendLineageEdge(
            edge(QStringLiteral("H"), QStringLiteral("caused_by"), QStringLiteral("S%1").arg(i), at(i)));
    store.appendLineageEdge(edge(QStringLiteral("S1"), QStringLiteral("caused_by"), QStringLiteral("F"), at(9)));
}

} // namespace

class LineageGraphServices : public QObject
{
    Q_OBJECT

public:
    SupportStore &store() { return *m_store; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_store;

private Q_SLOTS:
    void init();
    void cleanup();

    // depths the same either way: the whole neighbourhood within that many hops
    void graph_depths_data();
    void graph_depths();
    void graph_followsBothDirections();
    void graph_cycle_endsWithEachNodeAndEdgeOnce();
    // upstream and downstream apart
    void graph_separateDepths_data();
    void graph_separateDepths();
    void graph_separateDepths_edgesBetweenTheNodesWalked();
    void graph_separateDepths_laterPathWithMoreBudgetWalksOn();
    // node cap, "N more not shown" and expansion
    void graph_nodeCap_truncatesAndCountsWhatIsLeftOut();
    void graph_nodeCap_leftOutNeighboursPerNode();
    void graph_capNotReached_isNotTruncated();
    void graph_expand_showsTheNextBatchOfLeftOutNeighbours();
    void graph_expand_mergesBeyondTheDepthWithoutCountingRowsTwice();
    void graph_expand_invalidCap_isRejected();
    // edges, kinds, statuses, options, JSON
    void graph_duplicateRows_foldIntoOneEdgeWithItsCount();
    void graph_nodeKinds_fromPrefixThenEdgeRole();
    void graph_edgeKinds_forTheSixKnownTypes();
    void graph_runStatuses_areReadForRunNodes();
    void graph_unknownEntity_isTheRootAlone();
    void graph_invalidOptions_areRejected();
    void graph_manyNodesOnOneLevel_returnsEveryRowOnce();
    void graph_json_hasCountsAndFlags();
    void graph_json_separateDepths();
    // advisory proposals: a version's result correlation id links the proposal to the DPM graph
    void graph_runCentred_showsTheProposalsOfItsCorrelation();
    void graph_proposalCentred_reachesItsCorrelationsAndTheirRuns();
    void graph_proposalLinks_ignoreNestedAndNonJsonResults();
};

namespace {

// A proposal with one version per correlation id (version_no 1, 2, …), the result carrying it.
void seedProposal(ProposalStore &store, const QString &proposalId, const QStringList &correlations)
{
    ProposalRecord record;
    record.proposalId = proposalId;
    record.portfolioId = QStringLiteral("pf_1");
    record.createdBy = QStringLiteral("advisor_01");
    record.createdAt = at(10);
    record.lastEventAt = at(10);
    record.currentState = QStringLiteral("DRAFT");
    record.currentVersionNo = correlations.size();
    store.createProposal(record);
    for (qsizetype i = 0; i < correlations.size(); ++i) {
        ProposalVersion v;
        v.proposalVersionId = QStringLiteral("ppv_%1_%2").arg(proposalId).arg(i + 1);
        v.proposalId = proposalId;
        v.versionNo = i + 1;
        v.createdAt = at(20 + int(i));
        v.requestHash = v.artifactHash = v.simulationHash = QStringLiteral("sha256:00");
        v.statusAtCreation = QStringLiteral("READY");
        v.proposalResultJson = correlations.at(i).isEmpty()
            ? QStringLiteral("{\"status\":\"READY\"}")
            : QStringLiteral("{\"correlation_id\":\"%1\",\"status\":\"READY\"}").arg(correlations.at(i));
        v.artifactJson = v.evidenceBundleJson = QStringLiteral("{}");
        store.createVersion(v);
    }
}

} // namespace

void LineageGraphServices::init()
{
    DPM_OPEN_FRESH_BACKEND_STORE(m_dir, m_store, "lineagegraph");
}

void LineageGraphServices::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void LineageGraphServices::graph_depths_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<QStringList>("nodes");
    QTest::addColumn<QStringList>("edges");
    QTest::newRow("0") << 0 << QStringList { "N0:entity:0" } << QStringList {};
    QTest::newRow("1") << 1 << QStringList { "N0:entity:0", "N1:entity:1" } << QStringList { "N0 caused_by N1 x1" };
    QTest::newRow("2") << 2 << QStringList { "N0:entity:0", "N1:entity:1", "N2:entity:2" }
                       << QStringList { "N0 caused_by N1 x1", "N2 caused_by N1 x1" };
    QTest::newRow("3") << 3 << QStringList { "N0:entity:0", "N1:entity:1", "N2:entity:2", "N3:entity:3" }
                       << QStringList { "N0 caused_by N1 x1", "N2 caused_by N1 x1", "N2 caused_by N3 x1" };
    QTest::newRow("10") << 10
                        << QStringList { "N0:entity:0", "N1:entity:1", "N2:entity:2", "N3:entity:3", "N4:entity:4" }
                        << QStringList { "N0 caused_by N1 x1", "N2 caused_by N1 x1", "N2 caused_by N3 x1",
                               "N4 caused_by N3 x1" };
}

void LineageGraphServices::graph_depths()
{
    QFETCH(int, depth);
    QFETCH(QStringList, nodes);
    QFETCH(QStringList, edges);
    guarded([&] {
        seedChain(store());
        const LineageGraph graph
            = LineageGraph::walk(store(), QStringLiteral("N0"), LineageGraphOptions::bothWays(depth, 200));
        QCOMPARE(nodesText(graph), nodes);
        QCOMPARE(graphEdgesText(graph), edges);
        QCOMPARE(graph.depth(), depth);
        QVERIFY(!graph.truncated());
    });
}

void LineageGraphServices::graph_followsBothDirections()
{
    guarded([&] {
        seedChain(store());
        const LineageGraph graph
            = LineageGraph::walk(store(), QStringLiteral("N2"), LineageGraphOptions::bothWays(1, 200));
        QCOMPARE(nodesText(graph), (QStringList { "N2:entity:0", "N1:entity:1", "N3:entity:1" }));
        const LineageGraph wider
            = LineageGraph::walk(store(), QStringLiteral("N2"), LineageGraphOptions::bothWays(2, 200));
        QCOMPARE(nodesText(wider),
            (QStringList { "N2:entity:0", "N1:entity:1", "N3:entity:1", "N0:entity:2", "N4:entity:2" }));
        QCOMPARE(wider.edges().size(), 4);
    });
}

void LineageGraphServices::graph_cycle_endsWithEachNodeAndEdgeOnce()
{
    guarded([&] {
        store().appendLineageEdge(edge(QStringLiteral("A"), QStringLiteral("caused_by"), QStringLiteral("B"), at(0)));
        store().appendLineageEdge(edge(QStringLiteral("B"), QStringLiteral("caused_by"), QStringLiteral("C"), at(1)));
        store().appendLineageEdge(edge(QStringLiteral("C"), QStringLiteral("caused_by"), QStringLiteral("A"), at(2)));
        store().appendLineageEdge(edge(QStringLiteral("A"), QStringLiteral("caused_by"), QStringLiteral("A"), at(3)));
        const LineageGraph graph
            = LineageGraph::walk(store(), QStringLiteral("A"), LineageGraphOptions::bothWays(10, 200));
        QCOMPARE(nodesText(graph), (QStringList { "A:entity:0", "B:entity:1", "C:entity:1" }));
        QCOMPARE(graphEdgesText(graph),
            (QStringList { "A caused_by B x1", "B caused_by C x1", "C caused_by A x1", "A caused_by A x1" }));
        QCOMPARE(graph.edgeRowCount(), qint64(4));
    });
}

void LineageGraphServices::graph_nodeCap_truncatesAndCountsWhatIsLeftOut()
{
    guarded([&] {
        seedStar(store());
        const LineageGraph graph
            = LineageGraph::walk(store(), QStringLiteral("H"), LineageGraphOptions::bothWays(3, 3));
        QCOMPARE(nodesText(graph), (QStringList { "H:entity:0", "S1:entity:1", "S2:entity:1" }));
        QCOMPARE(graphEdgesText(graph), (QStringList { "H caused_by S1 x1", "H caused_by S2 x1" }));
        QVERIFY(graph.truncated());
        QCOMPARE(graph.omittedNodeCount(), qint64(3));
        QCOMPARE(graph.omittedEdgeCount(), qint64(3));

        const QJsonObject out = lineageGraphJson(graph);
        QCOMPARE(out.value("truncated").toBool(), true);
        QCOMPARE(out.value("omitted_node_count").toInt(), 3);
        QCOMPARE(out.value("omitted_edge_count").toInt(), 3);
        QCOMPARE(out.value("node_count").toInt(), 3);
    });
}

void LineageGraphServices::graph_capNotReached_isNotTruncated()
{
    guarded([&] {
        seedChain(store());
        const LineageGraph graph
            = LineageGraph::walk(store(), QStringLiteral("N0"), LineageGraphOptions::bothWays(10, 5));
        QCOMPARE(graph.nodes().size(), 5);
        QVERIFY(!graph.truncated());
        QCOMPARE(graph.omittedNodeCount(), qint64(0));
        QCOMPARE(graph.omittedEdgeCount(), qint64(0));
    });
}

void LineageGraphServices::graph_duplicateRows_foldIntoOneEdgeWithItsCount()
{
    guarded([&] {
        store().appendLineageEdge(edge(QStringLiteral("A"), QStringLiteral("caused_by"), QStringLiteral("B"), at(5)));
        store().appendLineageEdge(edge(QStringLiteral("A"), QStringLiteral("caused_by"), QStringLiteral("B"), at(1)));
        store().appendLineageEdge(edge(QStringLiteral("A"), QStringLiteral("caused_by"), QStringLiteral("B"), at(3)));
        store().appendLineageEdge(
            edge(QStringLiteral("A"), QStringLiteral("derived_from"), QStringLiteral("B"), at(2)));
        const LineageGraph graph = LineageGraph::walk(store(), QStringLiteral("A"));
        QCOMPARE(graphEdgesText(graph), (QStringList { "A caused_by B x3", "A derived_from B x1" }));
        QCOMPARE(graph.edges().at(0).firstCreatedAt, at(1));
        QCOMPARE(graph.edges().at(0).lastCreatedAt, at(5));
        QCOMPARE(graph.edgeRowCount(), qint64(4));
        QCOMPARE(lineageGraphJson(graph).value("edge_row_count").toInt(), 4);
        QCOMPARE(lineageGraphJson(graph).value("edge_count").toInt(), 2);
    });
}

void LineageGraphServices::graph_nodeKinds_fromPrefixThenEdgeRole()
{
    guarded([&] {
        // What the service writes, with free-form ids as its tests use, around one run.
        store().appendLineageEdge(
            edge(QStringLiteral("c-1"), QStringLiteral("CORRELATION_TO_RUN"), QStringLiteral("run-1"), at(0)));
        store().appendLineageEdge(
            edge(QStringLiteral("key-1"), QStringLiteral("IDEMPOTENCY_TO_RUN"), QStringLiteral("run-1"), at(0)));
        store().appendLineageEdge(
            edge(QStringLiteral("op-1"), QStringLiteral("OPERATION_TO_CORRELATION"), QStringLiteral("c-1"), at(1)));
        store().appendLineageEdge(
            edge(QStringLiteral("run-1"), QStringLiteral("caused_by"), QStringLiteral("other"), at(2)));
        // Prefixes win over roles.
        store().appendLineageEdge(
            edge(QStringLiteral("run-1"), QStringLiteral("derived_from"), QStringLiteral("dwd_000000000001"), at(3)));
        store().appendLineageEdge(
            edge(QStringLiteral("pp_000000000001"), QStringLiteral("derived_from"), QStringLiteral("run-1"), at(3)));
        store().appendLineageEdge(
            edge(QStringLiteral("batch_1a2b3c4d"), QStringLiteral("derived_from"), QStringLiteral("run-1"), at(3)));
        store().appendLineageEdge(
            edge(QStringLiteral("corr_x"), QStringLiteral("IDEMPOTENCY_TO_RUN"), QStringLiteral("run-1"), at(4)));
        store().appendLineageEdge(
            edge(QStringLiteral("dop_1"), QStringLiteral("caused_by"), QStringLiteral("run-1"), at(4)));

        const LineageGraph graph
            = LineageGraph::walk(store(), QStringLiteral("run-1"), LineageGraphOptions::bothWays(2, 200));
        QMap<QString, QString> kinds;
        for (const LineageGraphNode &node : graph.nodes())
            kinds.insert(node.id, toWire(node.kind));
        QCOMPARE(kinds.value("run-1"), QStringLiteral("run"));
        QCOMPARE(kinds.value("c-1"), QStringLiteral("correlation"));
        QCOMPARE(kinds.value("key-1"), QStringLiteral("idempotency_key"));
        QCOMPARE(kinds.value("op-1"), QStringLiteral("operation"));
        QCOMPARE(kinds.value("other"), QStringLiteral("entity"));
        QCOMPARE(kinds.value("dwd_000000000001"), QStringLiteral("decision"));
        QCOMPARE(kinds.value("pp_000000000001"), QStringLiteral("proposal"));
        QCOMPARE(kinds.value("batch_1a2b3c4d"), QStringLiteral("batch"));
        QCOMPARE(kinds.value("dop_1"), QStringLiteral("operation"));
        QCOMPARE(kinds.value("corr_x"), QStringLiteral("correlation")); // its edge says idempotency key
        QCOMPARE(kinds.size(), 10);
        QVERIFY(lineageNodeKindFromPrefix(QStringLiteral("rr_1")) == LineageNodeKind::Run);
        QVERIFY(!lineageNodeKindFromPrefix(QStringLiteral("ppv_1")));
    });
}

void LineageGraphServices::graph_runCentred_showsTheProposalsOfItsCorrelation()
{
    store().appendLineageEdge(edge(QStringLiteral("corr_a"), QStringLiteral("CORRELATION_TO_RUN"), QStringLiteral("rr_1"), at(0)));
    seedProposal(store().proposals(), QStringLiteral("pp_1"), { QStringLiteral("corr_a"), QStringLiteral("corr_a") });
    seedProposal(store().proposals(), QStringLiteral("pp_2"), { QStringLiteral("corr_other") });

    const LineageGraph graph = LineageGraph::walk(store(), QStringLiteral("rr_1"), LineageGraphOptions::bothWays(2));
    QCOMPARE(nodesText(graph),
        (QStringList { "rr_1:run:0", "corr_a:correlation:1", "pp_1:proposal:2" }));
    // Both versions carry the correlation: one edge standing for two rows.
    QCOMPARE(graphEdgesText(graph),
        (QStringList { "corr_a CORRELATION_TO_RUN rr_1 x1", "corr_a CORRELATION_TO_PROPOSAL pp_1 x2" }));
    QCOMPARE(graph.edges().last().metadata, (QStringList { "{\"version_no\":1}", "{\"version_no\":2}" }));
    QCOMPARE(lineageEdgeKind(QStringLiteral("CORRELATION_TO_PROPOSAL")), QStringLiteral("correlation_to_proposal"));

    // Depth 1 stops at the correlation.
    QCOMPARE(nodeIds(LineageGraph::walk(store(), QStringLiteral("rr_1"), LineageGraphOptions::bothWays(1))),
        (QStringList { "corr_a", "rr_1" }));
}

void LineageGraphServices::graph_proposalCentred_reachesItsCorrelationsAndTheirRuns()
{
    store().appendLineageEdge(edge(QStringLiteral("corr_a"), QStringLiteral("CORRELATION_TO_RUN"), QStringLiteral("rr_1"), at(0)));
    seedProposal(store().proposals(), QStringLiteral("pp_1"), { QStringLiteral("corr_a"), QStringLiteral("corr_b") });

    LineageGraph graph = LineageGraph::walk(store(), QStringLiteral("pp_1"), LineageGraphOptions::bothWays(2));
    QCOMPARE(nodesText(graph),
        (QStringList { "pp_1:proposal:0", "corr_a:correlation:1", "corr_b:correlation:1", "rr_1:run:2" }));
    QCOMPARE(sorted(graphEdgesText(graph)),
        (QStringList { "corr_a CORRELATION_TO_PROPOSAL pp_1 x1", "corr_a CORRELATION_TO_RUN rr_1 x1",
            "corr_b CORRELATION_TO_PROPOSAL pp_1 x1" }));
    // JSON: the console's own edge type with its kind.
    const QJsonArray edges = lineageGraphJson(graph).value(QStringLiteral("edges")).toArray();
    bool found = false;
    for (const QJsonValue &e : edges)
        found |= e.toObject().value(QStringLiteral("edge_kind")).toString() == QLatin1String("correlation_to_proposal");
    QVERIFY(found);

    // Expanding a correlation with an unprefixed id (its role from the proposal link) works too.
    seedProposal(store().proposals(), QStringLiteral("pp_2"), { QStringLiteral("plain-correlation") });
    graph = LineageGraph::walk(store(), QStringLiteral("pp_2"), LineageGraphOptions::bothWays(1));
    QCOMPARE(nodesText(graph), (QStringList { "pp_2:proposal:0", "plain-correlation:correlation:1" }));
}

void LineageGraphServices::graph_proposalLinks_ignoreNestedAndNonJsonResults()
{
    store().appendLineageEdge(edge(QStringLiteral("corr_a"), QStringLiteral("CORRELATION_TO_RUN"), QStringLiteral("rr_1"), at(0)));
    seedProposal(store().proposals(), QStringLiteral("pp_1"), { QString() }); // no correlation id
    ProposalVersion nested = *store().proposals().getVersion(QStringLiteral("pp_1"), 1);
    nested.versionNo = 2;
    nested.proposalVersionId = QStringLiteral("ppv_nested");
    nested.proposalResultJson = QStringLiteral("{\"lineage\":{\"correlation_id\":\"corr_a\"}}");
    store().proposals().createVersion(nested);
    ProposalVersion broken = nested;
    broken.versionNo = 3;
    broken.proposalVersionId = QStringLiteral("ppv_broken");
    broken.proposalResultJson = QStringLiteral("not json \"corr_a\"");
    store().proposals().createVersion(broken);

    const LineageGraph graph = LineageGraph::walk(store(), QStringLiteral("rr_1"), LineageGraphOptions::bothWays(3));
    QCOMPARE(nodeIds(graph), (QStringList { "corr_a", "rr_1" }));
    QVERIFY(store().proposals().listCorrelationLinks({ QStringLiteral("corr_a") }, { QStringLiteral("pp_1") }).isEmpty());
}

void LineageGraphServices::graph_edgeKinds_forTheSixKnownTypes()
{
    QCOMPARE(lineageEdgeKind(QStringLiteral("CORRELATION_TO_RUN")), QStringLiteral("correlation_to_run"));
    QCOMPARE(lineageEdgeKind(QStringLiteral("IDEMPOTENCY_TO_RUN")), QStringLiteral("idempotency_to_run"));
    QCOMPARE(lineageEdgeKind(QStringLiteral("OPERATION_TO_CORRELATION")), QStringLiteral("operation_to_correlation"));
    QCOMPARE(lineageEdgeKind(QStringLiteral("caused_by")), QStringLiteral("caused_by"));
    QCOMPARE(lineageEdgeKind(QStringLiteral("replayed_from")), QStringLiteral("replayed_from"));
    QCOMPARE(lineageEdgeKind(QStringLiteral("derived_from")), QStringLiteral("derived_from"));
    QCOMPARE(lineageEdgeKind(QStringLiteral("HAND_MADE")), QStringLiteral("other"));
}

void LineageGraphServices::graph_unknownEntity_isTheRootAlone()
{
    guarded([&] {
        seedChain(store());
        const LineageGraph graph = LineageGraph::walk(store(), QStringLiteral("rr_nobody"));
        QCOMPARE(nodesText(graph), (QStringList { "rr_nobody:run:0" }));
        QVERIFY(graph.edges().isEmpty());
        QVERIFY(!graph.truncated());
    });
}

void LineageGraphServices::graph_invalidOptions_areRejected()
{
    EXPECT_ERROR(LineageGraph::walk(store(), QStringLiteral("A"), { -1, 2, 200 }), "INVALID_DEPTH");
    EXPECT_ERROR(
        LineageGraph::walk(store(), QStringLiteral("A"), { 2, kLineageGraphMaxDepth + 1, 200 }), "INVALID_DEPTH");
    EXPECT_ERROR(
        LineageGraph::walk(store(), QStringLiteral("A"), LineageGraphOptions::bothWays(-1, 200)), "INVALID_DEPTH");
    EXPECT_ERROR(
        LineageGraph::walk(store(), QStringLiteral("A"), LineageGraphOptions::bothWays(kLineageGraphMaxDepth + 1, 200)),
        "INVALID_DEPTH");
    EXPECT_ERROR(
        LineageGraph::walk(store(), QStringLiteral("A"), LineageGraphOptions::bothWays(2, 0)), "INVALID_LIMIT");
    EXPECT_ERROR(LineageGraph::walk(
                     store(), QStringLiteral("A"), LineageGraphOptions::bothWays(2, kLineageGraphMaxMaxNodes + 1)),
        "INVALID_LIMIT");
}

void LineageGraphServices::graph_manyNodesOnOneLevel_returnsEveryRowOnce()
{
    guarded([&] {
        // 1,200 spokes and a ring among their ends: the second level's store call takes more ids
        // than one statement binds, and ring edges join ids of different chunks.
        constexpr int kSpokes = 1200;
        const auto spoke = [](int i) { return QStringLiteral("s%1").arg(i, 4, 10, QLatin1Char('0')); };
        for (int i = 0; i < kSpokes; ++i) {
            store().appendLineageEdge(edge(QStringLiteral("hub"), QStringLiteral("caused_by"), spoke(i), at(0)));
            store().appendLineageEdge(edge(spoke(i), QStringLiteral("derived_from"), spoke((i + 1) % kSpokes), at(1)));
        }
        const LineageGraph graph
            = LineageGraph::walk(store(), QStringLiteral("hub"), LineageGraphOptions::bothWays(2, 5000));
        QCOMPARE(graph.nodes().size(), kSpokes + 1);
        QCOMPARE(graph.edges().size(), 2 * kSpokes);
        QCOMPARE(graph.edgeRowCount(), qint64(2 * kSpokes));
        for (const LineageGraphEdge &e : graph.edges())
            QCOMPARE(e.count, qint64(1));

        // The store call itself: each row once however many ids.
        QStringList ids;
        for (int i = 0; i < kSpokes; ++i)
            ids << spoke(i);
        QCOMPARE(store().listLineageEdgesTouching(ids).size(), 2 * kSpokes);
    });
}

void LineageGraphServices::graph_json_hasCountsAndFlags()
{
    guarded([&] {
        seedChain(store());
        const QJsonObject out = lineageGraphJson(
            LineageGraph::walk(store(), QStringLiteral("N0"), LineageGraphOptions::bothWays(1, 200)));
        QCOMPARE(out.keys(),
            (QStringList { "depth", "downstream_depth", "edge_count", "edge_row_count", "edges", "entity_id",
                "max_nodes", "node_count", "nodes", "omitted_edge_count", "omitted_node_count", "truncated",
                "upstream_depth" }));
        QCOMPARE(out.value("upstream_depth").toInt(), 1);
        QCOMPARE(out.value("downstream_depth").toInt(), 1);
        QCOMPARE(out.value("nodes").toArray().at(1).toObject(),
            (QJsonObject { { "id", "N1" }, { "kind", "entity" }, { "depth", 1 } }));
        QCOMPARE(out.value("edges").toArray().at(0).toObject(),
            (QJsonObject { { "source_entity_id", "N0" }, { "edge_type", "caused_by" }, { "target_entity_id", "N1" },
                { "edge_kind", "caused_by" }, { "count", 1 }, { "first_created_at", at(0) },
                { "last_created_at", at(0) } }));
        QCOMPARE(out.value("truncated").toBool(), false);
    });
}

void LineageGraphServices::graph_separateDepths_data()
{
    QTest::addColumn<int>("upstream");
    QTest::addColumn<int>("downstream");
    QTest::addColumn<QStringList>("nodes");
    // Around C in A -> B -> C -> D -> E with B -> X: B is upstream, D downstream, X a sibling.
    QTest::newRow("0/0") << 0 << 0 << QStringList { "C" };
    QTest::newRow("1/0: sources") << 1 << 0 << QStringList { "B", "C" };
    QTest::newRow("2/0: never turns round") << 2 << 0 << QStringList { "A", "B", "C" };
    QTest::newRow("0/1: targets") << 0 << 1 << QStringList { "C", "D" };
    QTest::newRow("0/10") << 0 << 10 << QStringList { "C", "D", "E" };
    QTest::newRow("1/2: one step back on the way") << 1 << 2 << QStringList { "B", "C", "D", "E", "X" };
    QTest::newRow("2/1: one step down on the way") << 2 << 1 << QStringList { "A", "B", "C", "D", "X" };
    QTest::newRow("2/2: the whole neighbourhood") << 2 << 2 << QStringList { "A", "B", "C", "D", "E", "X" };
}

void LineageGraphServices::graph_separateDepths()
{
    QFETCH(int, upstream);
    QFETCH(int, downstream);
    QFETCH(QStringList, nodes);
    guarded([&] {
        seedFamily(store());
        const LineageGraph graph = LineageGraph::walk(store(), QStringLiteral("C"), { upstream, downstream, 200 });
        QCOMPARE(nodeIds(graph), nodes);
        QCOMPARE(graph.nodes().first().id, QStringLiteral("C"));
        QCOMPARE(graph.depth(), std::max(upstream, downstream));
        QCOMPARE(graph.options().upstream, upstream);
        QCOMPARE(graph.options().downstream, downstream);
        QVERIFY(!graph.truncated());
    });
}

void LineageGraphServices::graph_separateDepths_edgesBetweenTheNodesWalked()
{
    guarded([&] {
        seedFamily(store());
        const LineageGraph up = LineageGraph::walk(store(), QStringLiteral("C"), { 1, 0, 200 });
        QCOMPARE(nodesText(up), (QStringList { "C:entity:0", "B:entity:1" }));
        QCOMPARE(graphEdgesText(up), (QStringList { "B derived_from C x1" })); // not C -> D
        const LineageGraph mixed = LineageGraph::walk(store(), QStringLiteral("C"), { 1, 2, 200 });
        QCOMPARE(
            nodesText(mixed), (QStringList { "C:entity:0", "B:entity:1", "D:entity:1", "E:entity:2", "X:entity:2" }));
        QCOMPARE(graphEdgesText(mixed),
            (QStringList {
                "B derived_from C x1", "C derived_from D x1", "D derived_from E x1", "B derived_from X x1" }));
    });
}

void LineageGraphServices::graph_separateDepths_laterPathWithMoreBudgetWalksOn()
{
    guarded([&] {
        // Y is one step up from R (using the one upstream hop allowed), and also two steps down
        // (R -> M -> Y, using none): from there the upstream hop is still free and reaches Z.
        store().appendLineageEdge(edge(QStringLiteral("Y"), QStringLiteral("caused_by"), QStringLiteral("R"), at(0)));
        store().appendLineageEdge(edge(QStringLiteral("R"), QStringLiteral("caused_by"), QStringLiteral("M"), at(1)));
        store().appendLineageEdge(edge(QStringLiteral("M"), QStringLiteral("caused_by"), QStringLiteral("Y"), at(2)));
        store().appendLineageEdge(edge(QStringLiteral("Z"), QStringLiteral("caused_by"), QStringLiteral("Y"), at(3)));
        const LineageGraph graph = LineageGraph::walk(store(), QStringLiteral("R"), { 1, 3, 200 });
        QCOMPARE(nodesText(graph), (QStringList { "R:entity:0", "M:entity:1", "Y:entity:1", "Z:entity:3" }));
        QCOMPARE(graph.edges().size(), 4);
        // Up to two hops, one of them up: Z (two up, or three in all) is out of reach.
        const LineageGraph shorter = LineageGraph::walk(store(), QStringLiteral("R"), { 1, 2, 200 });
        QCOMPARE(nodeIds(shorter), (QStringList { "M", "R", "Y" }));
    });
}

void LineageGraphServices::graph_nodeCap_leftOutNeighboursPerNode()
{
    guarded([&] {
        // R -> P1, P2; P1 -> a1..a3; P2 -> b1..b3. A cap of 5 keeps R, P1, P2, a1, a2.
        store().appendLineageEdge(edge(QStringLiteral("R"), QStringLiteral("caused_by"), QStringLiteral("P1"), at(0)));
        store().appendLineageEdge(edge(QStringLiteral("R"), QStringLiteral("caused_by"), QStringLiteral("P2"), at(0)));
        for (int i = 1; i <= 3; ++i) {
            store().appendLineageEdge(
                edge(QStringLiteral("P1"), QStringLiteral("caused_by"), QStringLiteral("a%1").arg(i), at(i)));
            store().appendLineageEdge(
                edge(QStringLiteral("P2"), QStringLiteral("caused_by"), QStringLiteral("b%1").arg(i), at(i)));
        }
        const LineageGraph graph = LineageGraph::walk(store(), QStringLiteral("R"), { 0, 5, 5 });
        QCOMPARE(nodeIds(graph), (QStringList { "P1", "P2", "R", "a1", "a2" }));
        QCOMPARE(graph.nodesWithHiddenNeighbours(), (QStringList { "P1", "P2" }));
        QCOMPARE(graph.hiddenNeighbourCount(QStringLiteral("P1")), 1);
        QCOMPARE(graph.hiddenNeighbourCount(QStringLiteral("P2")), 3);
        QCOMPARE(graph.hiddenNeighbourCount(QStringLiteral("R")), 0);
        QVERIFY(graph.truncated());
        QCOMPARE(graph.omittedNodeCount(), qint64(4));
        QCOMPARE(graph.omittedEdgeCount(), qint64(4));
    });
}

void LineageGraphServices::graph_expand_showsTheNextBatchOfLeftOutNeighbours()
{
    guarded([&] {
        seedStar(store());
        LineageGraph graph = LineageGraph::walk(store(), QStringLiteral("H"), LineageGraphOptions::bothWays(3, 3));
        QCOMPARE(graph.hiddenNeighbourCount(QStringLiteral("H")), 3);

        graph.expand(store(), QStringLiteral("H"), 2);
        QCOMPARE(nodesText(graph),
            (QStringList { "H:entity:0", "S1:entity:1", "S2:entity:1", "S3:entity:1", "S4:entity:1" }));
        QCOMPARE(graph.hiddenNeighbourCount(QStringLiteral("H")), 1);
        QCOMPARE(graph.nodesWithHiddenNeighbours(), (QStringList { "H" }));
        QVERIFY(graph.truncated());
        QCOMPARE(graph.omittedNodeCount(), qint64(1));
        QCOMPARE(graph.omittedEdgeCount(), qint64(1));
        QCOMPARE(graph.edges().size(), 4);

        graph.expand(store(), QStringLiteral("H"), 2);
        QCOMPARE(graph.nodes().size(), 6);
        QCOMPARE(graph.hiddenNeighbourCount(QStringLiteral("H")), 0);
        QVERIFY(graph.nodesWithHiddenNeighbours().isEmpty());
        QVERIFY(!graph.truncated());
        QCOMPARE(graph.omittedNodeCount(), qint64(0));
        QCOMPARE(graph.omittedEdgeCount(), qint64(0));
        QCOMPARE(graphEdgesText(graph),
            (QStringList { "H caused_by S1 x1", "H caused_by S2 x1", "H caused_by S3 x1", "H caused_by S4 x1",
                "H caused_by S5 x1" }));
    });
}

void LineageGraphServices::graph_expand_mergesBeyondTheDepthWithoutCountingRowsTwice()
{
    guarded([&] {
        seedFamily(store());
        // A duplicate row of B -> C: one edge of two rows, however often it is read.
        store().appendLineageEdge(
            edge(QStringLiteral("B"), QStringLiteral("derived_from"), QStringLiteral("C"), at(7)));
        LineageGraph graph = LineageGraph::walk(store(), QStringLiteral("C"), { 1, 0, 200 });
        QCOMPARE(nodesText(graph), (QStringList { "C:entity:0", "B:entity:1" }));

        // Expanding B walks one hop both ways from it: A upstream and X downstream.
        graph.expand(store(), QStringLiteral("B"), 10);
        QCOMPARE(nodesText(graph), (QStringList { "C:entity:0", "B:entity:1", "A:entity:2", "X:entity:2" }));
        QCOMPARE(graphEdgesText(graph),
            (QStringList { "A derived_from B x1", "B derived_from C x2", "B derived_from X x1" }));
        QCOMPARE(graph.edgeRowCount(), qint64(4));
        QCOMPARE(graph.rootId(), QStringLiteral("C"));

        // Expanding C again brings D (an edge read before, now with both ends in the graph).
        graph.expand(store(), QStringLiteral("C"), 10);
        QCOMPARE(graph.nodes().last().id, QStringLiteral("D"));
        QCOMPARE(graph.nodes().last().depth, 1);
        QCOMPARE(graph.edges().size(), 4);
        QCOMPARE(graph.edgeRowCount(), qint64(5));
    });
}

void LineageGraphServices::graph_expand_invalidCap_isRejected()
{
    guarded([&] {
        seedStar(store());
        LineageGraph graph = LineageGraph::walk(store(), QStringLiteral("H"));
        EXPECT_ERROR(graph.expand(store(), QStringLiteral("H"), 0), "INVALID_LIMIT");
    });
}

void LineageGraphServices::graph_runStatuses_areReadForRunNodes()
{
    guarded([&] {
        RunRecord record;
        record.run.rebalanceRunId = QStringLiteral("rr_1");
        record.run.correlationId = QStringLiteral("corr_1");
        record.run.requestHash = QStringLiteral("sha256:aaa");
        record.run.portfolioId = QStringLiteral("pf_1");
        record.run.createdAt = at(0);
        record.run.resultJson = QStringLiteral(R"({"rebalance_run_id":"rr_1","status":"BLOCKED"})");
        store().recordRun(record);
        store().appendLineageEdge(
            edge(QStringLiteral("corr_1"), QStringLiteral("CORRELATION_TO_RUN"), QStringLiteral("rr_1"), at(0)));
        store().appendLineageEdge(
            edge(QStringLiteral("corr_1"), QStringLiteral("CORRELATION_TO_RUN"), QStringLiteral("rr_gone"), at(1)));
        LineageGraph graph = LineageGraph::walk(store(), QStringLiteral("rr_1"));
        QCOMPARE(nodeIds(graph), (QStringList { "corr_1", "rr_1", "rr_gone" }));
        QVERIFY(graph.node(QStringLiteral("rr_1"))->runStatus.isEmpty()); // not read by the walk
        graph.readRunStatuses(store());
        QCOMPARE(graph.node(QStringLiteral("rr_1"))->runStatus, QStringLiteral("BLOCKED"));
        QVERIFY(graph.node(QStringLiteral("rr_1"))->stored);
        QVERIFY(graph.node(QStringLiteral("rr_gone"))->runStatus.isEmpty());
        QVERIFY(!graph.node(QStringLiteral("rr_gone"))->stored);
        QVERIFY(graph.node(QStringLiteral("corr_1"))->stored); // not a run: not read
        QVERIFY(!graph.node(QStringLiteral("nothing")));
    });
}

void LineageGraphServices::graph_json_separateDepths()
{
    guarded([&] {
        seedFamily(store());
        const QJsonObject out = lineageGraphJson(LineageGraph::walk(store(), QStringLiteral("C"), { 1, 3, 200 }));
        QCOMPARE(out.value("depth").toInt(), 3);
        QCOMPARE(out.value("upstream_depth").toInt(), 1);
        QCOMPARE(out.value("downstream_depth").toInt(), 3);
        QCOMPARE(out.value("node_count").toInt(), 5);
    });
}

DPM_BACKEND_TEST_GUILESS_MAIN(LineageGraphServices)
#include "tst_lineagegraph.moc"
