// The investigation commands of dpmctl (bundle, lineage edges / graph, find) against a store the
// SERVICE created (its layout, no console migrations), seeded through the core store API. Run
// twice from this executable: for SQLite (cli_investigation_sqlite) and for PostgreSQL
// (cli_investigation_postgres, DPM_TEST_BACKEND=postgres).

#include "clisupport.h"
#include "domain/error.h"
#include "pgserver.h"
#include "services/storeopening.h"
#include "testbackend.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

const bool kPostgres = testBackend() == TestBackend::Postgres;

class TestCliInvestigation : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_sandbox;
    QString m_store;
    std::optional<StoreLocation> m_location;

    CliResult cli(QStringList args) const
    {
        args << QStringLiteral("--store") << m_store << QStringLiteral("--json");
        return runDpmctl(args, sandboxEnvironment(m_sandbox->path()));
    }
    CliResult text(QStringList args) const
    {
        args << QStringLiteral("--store") << m_store;
        return runDpmctl(args, sandboxEnvironment(m_sandbox->path()));
    }

    static QStringList ids(const QJsonArray &items, const QString &key)
    {
        QStringList out;
        for (const QJsonValue &item : items)
            out << item.toObject().value(key).toString();
        return out;
    }

    // The service's layout, seeded (seedStore) with an operation that shares run 2's correlation id,
    // so a bundle can start from it.
    static void seedWithSharedCorrelationOperation(const StoreLocation &location)
    {
        seedStore(location);
        AsyncOperation op;
        op.operationId = QStringLiteral("dop_000000000003");
        op.operationType = QStringLiteral("ANALYZE_SCENARIOS");
        op.status = QStringLiteral("PENDING");
        op.correlationId = QStringLiteral("corr_run2");
        op.createdAt = QStringLiteral("2026-02-19T10:30:00+00:00");
        openStore(location)->submitOperation(op);
    }

    SeededServiceStores m_stores { kPostgres, seedWithSharedCorrelationOperation };

private Q_SLOTS:
    void initTestCase()
    {
        if (kPostgres)
            DPM_REQUIRE_POSTGRES();
        try {
            m_stores.prepare(QStringLiteral("investigation_seeded"));
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    void init()
    {
        m_sandbox = std::make_unique<QTemporaryDir>();
        QVERIFY(m_sandbox->isValid());
        try {
            m_location = m_stores.next(m_sandbox->path());
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
        m_store = SeededServiceStores::storeArgument(*m_location);
    }

    void cleanup()
    {
        m_location.reset();
        m_sandbox.reset();
    }

    // ------------------------------------------------------------------ bundle

    void bundle_fromEachEntryPoint_isTheSameRunsBundle()
    {
        const CliResult byRun = cli({ "bundle", "--run", "rr_00000002" });
        CLI_OK(byRun);
        const QJsonObject body = byRun.json();
        QCOMPARE(body.keys(),
            (QStringList {
                "artifact", "async_operation", "idempotency_history", "lineage", "run", "workflow_history" }));
        QCOMPARE(body.value("run").toObject().value("rebalance_run_id").toString(), QStringLiteral("rr_00000002"));
        QCOMPARE(body.value("artifact").toObject().value("artifact_id").toString(), QStringLiteral("dra_00000002"));
        QCOMPARE(body.value("async_operation").toObject().value("operation_id").toString(),
            QStringLiteral("dop_000000000003"));
        QCOMPARE(ids(body.value("workflow_history").toObject().value("decisions").toArray(), "decision_id"),
            (QStringList { "dwd_000000000001", "dwd_000000000002" }));
        const QJsonObject lineage = body.value("lineage").toObject();
        QCOMPARE(ids(lineage.value("edges").toArray(), "source_entity_id"), (QStringList { "corr_run2", "idem-1" }));
        QVERIFY(lineage.value("next_cursor").isNull());
        QCOMPARE(ids(body.value("idempotency_history").toObject().value("history").toArray(), "rebalance_run_id"),
            (QStringList { "rr_00000001", "rr_00000002" }));

        for (const QStringList &entry : { QStringList { "--correlation", "corr_run2" },
                 QStringList { "--idempotency-key", "idem-1" }, QStringList { "--operation", "dop_000000000003" } }) {
            const CliResult other = cli(QStringList { "bundle" } + entry);
            CLI_OK(other);
            QCOMPARE(other.json(), body);
        }
    }

    void bundle_toggles_leaveTheirPartsNull()
    {
        const CliResult r = cli(
            { "bundle", "--run", "rr_00000002", "--no-artifact", "--no-async-operation", "--no-idempotency-history" });
        CLI_OK(r);
        for (const char *field : { "artifact", "async_operation", "idempotency_history" }) {
            QVERIFY(r.json().contains(QLatin1String(field)));
            QVERIFY2(r.json().value(QLatin1String(field)).isNull(), field);
        }
        QCOMPARE(r.json().value("workflow_history").toObject().value("decisions").toArray().size(), 2);
    }

    void bundle_runWithPersistedArtifactNoKeyNoOperation()
    {
        const CliResult r = cli({ "bundle", "--run", "rr_00000003" });
        CLI_OK(r);
        QCOMPARE(r.json().value("artifact").toObject().value("persisted_marker").toBool(), true);
        QVERIFY(r.json().value("async_operation").isNull());
        QVERIFY(r.json().value("idempotency_history").isNull());
    }

    void bundle_notFound_exit3_data()
    {
        QTest::addColumn<QStringList>("entry");
        QTest::addColumn<QString>("code");
        QTest::newRow("run") << QStringList { "--run", "rr_nope" } << "DPM_RUN_NOT_FOUND";
        QTest::newRow("correlation of an operation")
            << QStringList { "--correlation", "corr_op1" } << "DPM_RUN_NOT_FOUND";
        QTest::newRow("unmapped key") << QStringList { "--idempotency-key", "idem-nope" }
                                      << "DPM_IDEMPOTENCY_KEY_NOT_FOUND";
        QTest::newRow("key mapped to a missing run")
            << QStringList { "--idempotency-key", "idem-orphan" } << "DPM_RUN_NOT_FOUND";
        QTest::newRow("operation") << QStringList { "--operation", "dop_nope" } << "DPM_ASYNC_OPERATION_NOT_FOUND";
        QTest::newRow("operation without a run")
            << QStringList { "--operation", "dop_000000000001" } << "DPM_RUN_NOT_FOUND";
    }

    void bundle_notFound_exit3()
    {
        QFETCH(QStringList, entry);
        QFETCH(QString, code);
        const CliResult r = cli(QStringList { "bundle" } + entry);
        QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.errorJson().value("code").toString(), code);
        QCOMPARE(r.errorJson().value("kind").toString(), QStringLiteral("not_found"));
    }

    void bundle_notExactlyOneEntry_isAUsageError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("none") << QStringList {};
        QTest::newRow("only a toggle") << QStringList { "--no-artifact" };
        QTest::newRow("two") << QStringList { "--run", "rr_00000002", "--correlation", "corr_run2" };
        QTest::newRow("unknown option") << QStringList { "--run", "rr_00000002", "--everything" };
        QTest::newRow("positional") << QStringList { "rr_00000002" };
    }

    void bundle_notExactlyOneEntry_isAUsageError()
    {
        QFETCH(QStringList, args);
        CLI_FAILS(cli(QStringList { "bundle" } + args), 2, "USAGE_ERROR");
    }

    void bundle_text_isReadable()
    {
        const CliResult r = text({ "bundle", "--operation", "dop_000000000003" });
        CLI_OK(r);
        const QString out = QString::fromUtf8(r.out);
        for (const char *expected : { "run:\n  rebalance_run_id: ", "status:", "PENDING_REVIEW",
                 "artifact: derived, dra_00000002, hash sha256:", "(verified)",
                 "async_operation:\n  operation_id:", "workflow_history: 2 decisions", "dwd_000000000001",
                 "lineage: 2 edges", "idempotency_history: 2 entries for key idem-1" })
            QVERIFY2(out.contains(QLatin1String(expected)), qPrintable(expected + QStringLiteral("\n") + out));
        QVERIFY(r.err.isEmpty());
        const CliResult without = text({ "bundle", "--run", "rr_00000004", "--no-artifact" });
        CLI_OK(without);
        QVERIFY2(without.out.contains("artifact: - (not requested)"), without.out.constData());
        QVERIFY2(
            without.out.contains("idempotency_history: - (the run has no idempotency key)"), without.out.constData());
    }

    // ------------------------------------------------------------------ lineage edges

    void lineageEdges_pagesWithTheCompositeCursorToTheEnd()
    {
        const CliResult all = cli({ "lineage", "edges", "idem-1" });
        CLI_OK(all);
        QCOMPARE(all.json().keys(), (QStringList { "edges", "entity_id", "next_cursor" }));
        QCOMPARE(ids(all.json().value("edges").toArray(), "target_entity_id"),
            (QStringList { "rr_00000001", "rr_00000002" }));

        const CliResult first = cli({ "lineage", "edges", "idem-1", "--limit", "1" });
        CLI_OK(first);
        QCOMPARE(ids(first.json().value("edges").toArray(), "target_entity_id"), QStringList { "rr_00000001" });
        const QString cursor = first.json().value("next_cursor").toString();
        QCOMPARE(cursor, QStringLiteral("2026-02-18T10:00:00+00:00|idem-1|IDEMPOTENCY_TO_RUN|rr_00000001"));
        const CliResult second = cli({ "lineage", "edges", "idem-1", "--limit", "1", "--cursor", cursor });
        CLI_OK(second);
        QCOMPARE(ids(second.json().value("edges").toArray(), "target_entity_id"), QStringList { "rr_00000002" });
        QVERIFY(second.json().value("next_cursor").isNull());
    }

    void lineageEdges_filters()
    {
        const CliResult type = cli({ "lineage", "edges", "rr_00000001", "--edge-type", "IDEMPOTENCY_TO_RUN" });
        CLI_OK(type);
        QCOMPARE(ids(type.json().value("edges").toArray(), "source_entity_id"), QStringList { "idem-1" });
        const CliResult bounds
            = cli({ "lineage", "edges", "idem-1", "--from", "2026-02-19T10:00:00Z", "--to", "2026-02-19" });
        CLI_OK(bounds);
        QCOMPARE(bounds.json().value("edges").toArray().size(), 0);
        const CliResult inclusive = cli({ "lineage", "edges", "idem-1", "--from", "2026-02-19T12:00:00+02:00" });
        CLI_OK(inclusive);
        QCOMPARE(ids(inclusive.json().value("edges").toArray(), "target_entity_id"), QStringList { "rr_00000002" });
    }

    void lineageEdges_unknownCursor_isAnEmptyPage()
    {
        const CliResult r = cli({ "lineage", "edges", "idem-1", "--cursor", "2026-01-01T00:00:00+00:00|a|b|c" });
        CLI_OK(r);
        QCOMPARE(r.json().value("edges").toArray().size(), 0);
        QVERIFY(r.json().value("next_cursor").isNull());
    }

    void lineageEdges_badInput_exit5_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("code");
        QTest::newRow("limit 0") << QStringList { "--limit", "0" } << "INVALID_LIMIT";
        QTest::newRow("limit 201") << QStringList { "--limit", "201" } << "INVALID_LIMIT";
        QTest::newRow("limit text") << QStringList { "--limit", "ten" } << "INVALID_LIMIT";
        QTest::newRow("malformed cursor") << QStringList { "--cursor", "not-a-cursor" } << "INVALID_CURSOR";
        QTest::newRow("from") << QStringList { "--from", "yesterday" } << "INVALID_TIMESTAMP";
    }

    void lineageEdges_badInput_exit5()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, code);
        const CliResult r = cli(QStringList { "lineage", "edges", "idem-1" } + args);
        QVERIFY2(r.exitCode == 5, qPrintable(r.describe()));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.errorJson().value("code").toString(), code);
    }

    void lineageEdges_limitBounds_accepted()
    {
        CLI_OK(cli({ "lineage", "edges", "idem-1", "--limit", "200" }));
        CLI_OK(cli({ "lineage", "edges", "idem-1", "--limit", "1" }));
    }

    void lineageEdges_text_quotesTheCursor()
    {
        const CliResult r = text({ "lineage", "edges", "idem-1", "--limit", "1" });
        CLI_OK(r);
        QVERIFY2(r.out.contains("1 edge; more: --cursor '2026-02-18T10:00:00+00:00|idem-1|IDEMPOTENCY_TO_RUN|"
                                "rr_00000001'"),
            r.out.constData());
        const CliResult all = text({ "lineage", "edges", "idem-1" });
        CLI_OK(all);
        QVERIFY2(all.out.endsWith("2 edges; end\n"), all.out.constData());
    }

    // ------------------------------------------------------------------ lineage graph

    void lineageGraph_walksBothWaysWithKinds()
    {
        const CliResult r = cli({ "lineage", "graph", "rr_00000002" });
        CLI_OK(r);
        const QJsonObject graph = r.json();
        QCOMPARE(graph.value("entity_id").toString(), QStringLiteral("rr_00000002"));
        QCOMPARE(graph.value("depth").toInt(), 2);
        QStringList nodes;
        for (const QJsonValue &node : graph.value("nodes").toArray()) {
            const QJsonObject n = node.toObject();
            nodes << QStringLiteral("%1:%2:%3")
                         .arg(n.value("id").toString(), n.value("kind").toString())
                         .arg(n.value("depth").toInt());
        }
        QCOMPARE(nodes,
            (QStringList { "rr_00000002:run:0", "corr_run2:correlation:1", "idem-1:idempotency_key:1",
                "dop_000000000003:operation:2", "rr_00000001:run:2" }));
        QCOMPARE(graph.value("edge_count").toInt(), 4);
        QCOMPARE(graph.value("truncated").toBool(), false);

        const CliResult shallow = cli({ "lineage", "graph", "rr_00000002", "--depth", "0" });
        CLI_OK(shallow);
        QCOMPARE(shallow.json().value("node_count").toInt(), 1);
        QCOMPARE(shallow.json().value("edge_count").toInt(), 0);
    }

    void lineageGraph_upAndDownApart()
    {
        const auto nodes = [](const QJsonObject &graph) {
            QStringList out;
            for (const QJsonValue &node : graph.value("nodes").toArray())
                out << node.toObject().value("id").toString();
            return out;
        };
        // Upstream only: the correlation, the key and the operation, not the key's other run
        // (one step up and one down).
        const CliResult up = cli({ "lineage", "graph", "rr_00000002", "--up", "2", "--down", "0" });
        CLI_OK(up);
        QCOMPARE(nodes(up.json()), (QStringList { "rr_00000002", "corr_run2", "idem-1", "dop_000000000003" }));
        QCOMPARE(up.json().value("upstream_depth").toInt(), 2);
        QCOMPARE(up.json().value("downstream_depth").toInt(), 0);
        QCOMPARE(up.json().value("depth").toInt(), 2);
        // --down overrides --depth for its direction; --depth alone is both.
        const CliResult mixed = cli({ "lineage", "graph", "rr_00000002", "--depth", "2", "--down", "0" });
        CLI_OK(mixed);
        QCOMPARE(mixed.json(), up.json());
        const CliResult both = cli({ "lineage", "graph", "rr_00000002", "--depth", "1" });
        CLI_OK(both);
        QCOMPARE(both.json().value("upstream_depth").toInt(), 1);
        QCOMPARE(both.json().value("downstream_depth").toInt(), 1);
        const CliResult downstream = cli({ "lineage", "graph", "idem-1", "--up", "0", "--down", "1" });
        CLI_OK(downstream);
        QCOMPARE(nodes(downstream.json()), (QStringList { "idem-1", "rr_00000001", "rr_00000002" }));

        const CliResult t = text({ "lineage", "graph", "rr_00000002", "--up", "2", "--down", "0" });
        CLI_OK(t);
        QVERIFY2(t.out.startsWith("entity_id: rr_00000002 (upstream 2, downstream 0)\n"), t.out.constData());
    }

    void lineageGraph_nodeCap_marksTruncated()
    {
        const CliResult r = cli({ "lineage", "graph", "rr_00000002", "--max-nodes", "2" });
        CLI_OK(r);
        QCOMPARE(r.json().value("node_count").toInt(), 2);
        QCOMPARE(r.json().value("truncated").toBool(), true);
        QCOMPARE(r.json().value("omitted_node_count").toInt(), 1);
        const CliResult t = text({ "lineage", "graph", "rr_00000002", "--max-nodes", "2" });
        CLI_OK(t);
        QVERIFY2(t.out.contains("truncated at 2 nodes: 1 nodes and 1 edges left out"), t.out.constData());
    }

    void lineageGraph_badOptions_exit5_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("code");
        QTest::newRow("depth 11") << QStringList { "--depth", "11" } << "INVALID_DEPTH";
        QTest::newRow("depth -1") << QStringList { "--depth", "-1" } << "INVALID_DEPTH";
        QTest::newRow("depth text") << QStringList { "--depth", "deep" } << "INVALID_DEPTH";
        QTest::newRow("max nodes 0") << QStringList { "--max-nodes", "0" } << "INVALID_LIMIT";
        QTest::newRow("up 11") << QStringList { "--up", "11" } << "INVALID_DEPTH";
        QTest::newRow("down -1") << QStringList { "--down", "-1" } << "INVALID_DEPTH";
        QTest::newRow("down text") << QStringList { "--down", "far" } << "INVALID_DEPTH";
    }

    void lineageGraph_badOptions_exit5()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, code);
        const CliResult r = cli(QStringList { "lineage", "graph", "rr_00000002" } + args);
        QVERIFY2(r.exitCode == 5, qPrintable(r.describe()));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.errorJson().value("code").toString(), code);
    }

    void lineageGraph_missingEntity_isAUsageError()
    {
        CLI_FAILS(cli({ "lineage", "graph" }), 2, "USAGE_ERROR");
    }

    // ------------------------------------------------------------------ find

    void find_eachKind_data()
    {
        QTest::addColumn<QString>("identifier");
        QTest::addColumn<QStringList>("matches"); // kind:run:operation:decision
        QTest::newRow("run id") << "rr_00000001" << QStringList { "run_id:rr_00000001::" };
        QTest::newRow("run correlation") << "corr_run1" << QStringList { "run_correlation_id:rr_00000001::" };
        QTest::newRow("operation id") << "dop_000000000001" << QStringList { "operation_id::dop_000000000001:" };
        QTest::newRow("operation correlation")
            << "corr_op2" << QStringList { "operation_correlation_id::dop_000000000002:" };
        QTest::newRow("idempotency key") << "idem-1" << QStringList { "idempotency_key:rr_00000002::" };
        QTest::newRow("request hash") << "sha256:h1" << QStringList { "request_hash:rr_00000002::" };
        QTest::newRow("decision id") << "dwd_000000000001"
                                     << QStringList { "decision_id:rr_00000002::dwd_000000000001" };
        QTest::newRow("decision correlation")
            << "corr_dec2" << QStringList { "decision_correlation_id:rr_00000002::dwd_000000000002" };
        QTest::newRow("several kinds") << "corr_run2"
                                       << QStringList { "run_correlation_id:rr_00000002::",
                                              "operation_correlation_id:rr_00000002:dop_000000000003:" };
    }

    void find_eachKind()
    {
        QFETCH(QString, identifier);
        QFETCH(QStringList, matches);
        const CliResult r = cli({ "find", identifier });
        CLI_OK(r);
        QCOMPARE(r.json().value("identifier").toString(), identifier);
        QStringList found;
        for (const QJsonValue &match : r.json().value("matches").toArray()) {
            const QJsonObject m = match.toObject();
            found << QStringList { m.value("kind").toString(), m.value("rebalance_run_id").toString(),
                m.value("operation_id").toString(), m.value("decision_id").toString() }
                         .join(QLatin1Char(':'));
        }
        QCOMPARE(found, matches);
    }

    void find_requestHash_countsTheRuns()
    {
        const CliResult r = cli({ "find", "sha256:h1" });
        CLI_OK(r);
        QCOMPARE(r.json().value("matches").toArray().at(0).toObject().value("run_count").toInt(), 2);
    }

    void find_nothing_exit3()
    {
        CLI_FAILS(cli({ "find", "nothing-has-this" }), 3, "DPM_IDENTIFIER_NOT_FOUND");
        const CliResult t = text({ "find", "nothing-has-this" });
        QCOMPARE(t.exitCode, 3);
        QVERIFY2(t.err.startsWith("dpmctl: DPM_IDENTIFIER_NOT_FOUND: "), t.err.constData());
    }

    void find_blank_exit5_andMissing_exit2()
    {
        CLI_FAILS(cli({ "find", "  " }), 5, "INVALID_IDENTIFIER");
        CLI_FAILS(cli({ "find" }), 2, "USAGE_ERROR");
    }

    void find_text_isATable()
    {
        const CliResult r = text({ "find", "corr_run2" });
        CLI_OK(r);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.startsWith(QLatin1String("kind")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("operation_correlation_id  rr_00000002")), qPrintable(out));
        QVERIFY2(out.endsWith(QLatin1String("2 matches\n")), qPrintable(out));
    }

    // ------------------------------------------------------------------ help

    void help_listsTheNewCommands()
    {
        const CliResult r = runDpmctl({ "--help" }, sandboxEnvironment(m_sandbox->path()));
        CLI_OK(r);
        for (const char *expected :
            { "bundle ", "lineage edges ENTITY_ID", "lineage graph ENTITY_ID", "find IDENTIFIER",
                "--no-idempotency-history", "--max-nodes N", "--up N", "--down N", "--edge-type T" })
            QVERIFY2(r.out.contains(expected), expected);
        const CliResult bundleHelp = runDpmctl({ "bundle", "--help" }, sandboxEnvironment(m_sandbox->path()));
        CLI_OK(bundleHelp);
        QVERIFY2(bundleHelp.out.contains("Usage: dpmctl bundle [--run ID]"), bundleHelp.out.constData());
    }
};

DPM_BACKEND_TEST_GUILESS_MAIN(TestCliInvestigation)
#include "tst_cli_investigation.moc"
