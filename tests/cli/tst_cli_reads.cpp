// Every read command of dpmctl against a store the SERVICE created (its layout, no console
// migrations), seeded through the core store API. Run twice from this executable: for SQLite
// (cli_reads_sqlite) and for PostgreSQL (cli_reads_postgres, DPM_TEST_BACKEND=postgres).

#include "clisupport.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "pgserver.h"
#include "services/artifact.h"
#include "services/summaryposture.h"
#include "testbackend.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

const bool kPostgres = testBackend() == TestBackend::Postgres;

class TestCliReads : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_sandbox;
    QString m_store;
    QString m_backendName;
    std::optional<StoreLocation> m_location;

    QProcessEnvironment env() const { return sandboxEnvironment(m_sandbox->path()); }

    CliResult cli(QStringList args, const QProcessEnvironment &environment) const
    {
        args << QStringLiteral("--store") << m_store << QStringLiteral("--json");
        return runDpmctl(args, environment);
    }
    CliResult cli(const QStringList &args) const { return cli(args, env()); }
    CliResult text(QStringList args) const
    {
        args << QStringLiteral("--store") << m_store;
        return runDpmctl(args, env());
    }

    static QStringList ids(const QJsonArray &items, const QString &key)
    {
        QStringList out;
        for (const QJsonValue &item : items)
            out << item.toObject().value(key).toString();
        return out;
    }

    // Follows next_cursor with --limit 1 to the end; returns the ids in page order.
    QStringList pageThrough(const QStringList &command, const QString &idKey)
    {
        QStringList seen;
        std::optional<QString> cursor;
        for (int page = 0; page < 20; ++page) {
            QStringList args = command;
            args << QStringLiteral("--limit") << QStringLiteral("1");
            if (cursor)
                args << QStringLiteral("--cursor") << *cursor;
            const CliResult r = cli(args);
            if (r.exitCode != 0) {
                qWarning("%s", qPrintable(r.describe()));
                return { QStringLiteral("<failed>") };
            }
            const QJsonArray items = r.json().value(QStringLiteral("items")).toArray();
            if (items.size() > 1)
                return { QStringLiteral("<page larger than the limit>") };
            seen += ids(items, idKey);
            const QJsonValue next = r.json().value(QStringLiteral("next_cursor"));
            if (!next.isString()) {
                if (!next.isNull())
                    return { QStringLiteral("<next_cursor missing>") };
                return seen;
            }
            cursor = next.toString();
        }
        return { QStringLiteral("<did not end>") };
    }

    SeededServiceStores m_stores { kPostgres, seedStore };

private Q_SLOTS:
    void initTestCase()
    {
        if (kPostgres)
            DPM_REQUIRE_POSTGRES();
        try {
            m_stores.prepare(QStringLiteral("reads_seeded"));
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
        m_backendName = kPostgres ? QStringLiteral("POSTGRES") : QStringLiteral("SQL");
    }

    void cleanup()
    {
        m_location.reset();
        m_sandbox.reset();
    }

    // ------------------------------------------------------------------ runs

    void runsList_all_newestFirstWithServiceFields()
    {
        const CliResult r = cli({ QStringLiteral("runs"), QStringLiteral("list") });
        CLI_OK(r);
        const QJsonObject json = r.json();
        QVERIFY(json.contains(QStringLiteral("next_cursor")));
        QVERIFY(json.value(QStringLiteral("next_cursor")).isNull());
        const QJsonArray items = json.value(QStringLiteral("items")).toArray();
        QCOMPARE(ids(items, QStringLiteral("rebalance_run_id")),
            (QStringList { "rr_00000003", "rr_00000002", "rr_00000001", "rr_00000004" }));
        const QJsonObject first = items.at(0).toObject();
        QCOMPARE(first.keys(),
            (QStringList { "correlation_id", "created_at", "idempotency_key", "portfolio_id", "rebalance_run_id",
                "request_hash", "status" }));
        QCOMPARE(first.value("status").toString(), QStringLiteral("BLOCKED"));
        QVERIFY(first.value("idempotency_key").isNull());
        QCOMPARE(first.value("request_hash").toString(), QStringLiteral("batch_1a2b3c4d:baseline"));
        QCOMPARE(items.at(3).toObject().value("status").toString(), QString());
    }

    void runsList_filters_data()
    {
        QTest::addColumn<QStringList>("filter");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("status") << QStringList { "--status", "READY" } << QStringList { "rr_00000001" };
        QTest::newRow("portfolio") << QStringList { "--portfolio", "pf_B" }
                                   << QStringList { "rr_00000003", "rr_00000004" };
        QTest::newRow("request hash") << QStringList { "--request-hash", "sha256:h1" }
                                      << QStringList { "rr_00000002", "rr_00000001" };
        QTest::newRow("bounds inclusive, any offset") << QStringList { "--from", "2026-02-18T12:00:00+02:00", "--to",
            "2026-02-19T10:00:00Z" } << QStringList { "rr_00000002", "rr_00000001" };
        QTest::newRow("bare dates") << QStringList { "--from", "2026-02-19", "--to", "2026-02-20" }
                                    << QStringList { "rr_00000002" };
        QTest::newRow("combined, none") << QStringList { "--status", "READY", "--portfolio", "pf_B" } << QStringList {};
    }

    void runsList_filters()
    {
        QFETCH(QStringList, filter);
        QFETCH(QStringList, expected);
        const CliResult r = cli(QStringList { "runs", "list" } + filter);
        CLI_OK(r);
        QCOMPARE(ids(r.json().value("items").toArray(), "rebalance_run_id"), expected);
    }

    void runsList_pagingWithLimitOne_reachesTheEnd()
    {
        QCOMPARE(pageThrough({ "runs", "list" }, "rebalance_run_id"),
            (QStringList { "rr_00000003", "rr_00000002", "rr_00000001", "rr_00000004" }));
        QCOMPARE(pageThrough({ "runs", "list", "--portfolio", "pf_A" }, "rebalance_run_id"),
            (QStringList { "rr_00000002", "rr_00000001" }));
    }

    void runsList_serviceCursor_keepsWorking()
    {
        // A client of the service holds the last row's id as its cursor.
        const CliResult r = cli({ "runs", "list", "--cursor", "rr_00000002" });
        CLI_OK(r);
        QCOMPARE(
            ids(r.json().value("items").toArray(), "rebalance_run_id"), (QStringList { "rr_00000001", "rr_00000004" }));
        const CliResult unknown = cli({ "runs", "list", "--cursor", "rr_nothing" });
        CLI_OK(unknown);
        QCOMPARE(unknown.json().value("items").toArray().size(), 0);
        QVERIFY(unknown.json().value("next_cursor").isNull());
    }

    void runsList_badInput_exit5_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("code");
        QTest::newRow("cursor not base64") << QStringList { "--cursor", "c1.!!!" } << "INVALID_CURSOR";
        QTest::newRow("cursor garbage") << QStringList { "--cursor", "c1.e30" } << "INVALID_CURSOR";
        QTest::newRow("from") << QStringList { "--from", "yesterday" } << "INVALID_TIMESTAMP";
        QTest::newRow("to") << QStringList { "--to", "2026-13-01" } << "INVALID_TIMESTAMP";
        QTest::newRow("limit 0") << QStringList { "--limit", "0" } << "INVALID_LIMIT";
        QTest::newRow("limit 1001") << QStringList { "--limit", "1001" } << "INVALID_LIMIT";
        QTest::newRow("limit text") << QStringList { "--limit", "ten" } << "INVALID_LIMIT";
    }

    void runsList_badInput_exit5()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, code);
        const CliResult r = cli(QStringList { "runs", "list" } + args);
        QVERIFY2(r.exitCode == 5, qPrintable(r.describe()));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.errorJson().value("code").toString(), code);
        QCOMPARE(r.errorJson().value("kind").toString(), QStringLiteral("invalid_input"));
        QVERIFY(!r.errorJson().value("message").toString().isEmpty());
    }

    void runsList_limitBounds_accepted()
    {
        CLI_OK(cli({ "runs", "list", "--limit", "1000" }));
        const CliResult r = cli({ "runs", "list", "--limit", "2" });
        CLI_OK(r);
        QCOMPARE(r.json().value("items").toArray().size(), 2);
        QVERIFY(r.json().value("next_cursor").isString());
    }

    void runsList_text_isATableWithFooter()
    {
        const CliResult all = text({ "runs", "list" });
        CLI_OK(all);
        const QString out = QString::fromUtf8(all.out);
        QVERIFY2(out.startsWith(QLatin1String("rebalance_run_id")), qPrintable(out));
        QVERIFY2(
            out.contains(QRegularExpression(QStringLiteral("\\nrr_00000003 +BLOCKED +2026-02-20T10:00:00\\+00:00"))),
            qPrintable(out));
        QVERIFY2(out.endsWith(QLatin1String("4 rows; end\n")), qPrintable(out));
        const CliResult page = text({ "runs", "list", "--limit", "1" });
        CLI_OK(page);
        const QString pageOut = QString::fromUtf8(page.out);
        QVERIFY2(pageOut.contains(QLatin1String("\n1 row; more: --cursor c1.")), qPrintable(pageOut));
        QVERIFY(page.err.isEmpty());
    }

    void runsGet_returnsTheLookupPayload()
    {
        const CliResult r = cli({ "runs", "get", "rr_00000001" });
        CLI_OK(r);
        const QJsonObject json = r.json();
        QCOMPARE(json.keys(),
            (QStringList { "correlation_id", "created_at", "idempotency_key", "portfolio_id", "rebalance_run_id",
                "request_hash", "result" }));
        QCOMPARE(json.value("idempotency_key").toString(), QStringLiteral("idem-1"));
        QCOMPARE(json.value("created_at").toString(), QStringLiteral("2026-02-18T10:00:00+00:00"));
        QCOMPARE(json.value("result").toObject().value("status").toString(), QStringLiteral("READY"));

        const CliResult t = text({ "runs", "get", "rr_00000001" });
        CLI_OK(t);
        QVERIFY(t.out.contains("rebalance_run_id:"));
        QVERIFY(t.out.contains("status:"));
        QVERIFY(t.out.contains("READY"));
    }

    void runsGet_unknown_exit3()
    {
        const CliResult r = cli({ "runs", "get", "rr_nope" });
        CLI_FAILS(r, 3, "DPM_RUN_NOT_FOUND");
        QCOMPARE(r.errorJson().value("kind").toString(), QStringLiteral("not_found"));
        const CliResult t = text({ "runs", "get", "rr_nope" });
        QCOMPARE(t.exitCode, 3);
        QVERIFY(t.out.isEmpty());
        QVERIFY2(t.err.startsWith("dpmctl: DPM_RUN_NOT_FOUND: "), t.err.constData());
    }

    void runsByCorrelationHashAndKey()
    {
        const CliResult byCorr = cli({ "runs", "by-correlation", "corr_run2" });
        CLI_OK(byCorr);
        QCOMPARE(byCorr.json().value("rebalance_run_id").toString(), QStringLiteral("rr_00000002"));
        const CliResult byHash = cli({ "runs", "by-request-hash", "sha256:h1" });
        CLI_OK(byHash);
        QCOMPARE(byHash.json().value("rebalance_run_id").toString(), QStringLiteral("rr_00000002"));
        const CliResult byKey = cli({ "runs", "by-idempotency", "idem-1" });
        CLI_OK(byKey);
        QCOMPARE(byKey.json().value("rebalance_run_id").toString(), QStringLiteral("rr_00000002"));
        QCOMPARE(byKey.json().value("result").toObject().value("status").toString(), QStringLiteral("PENDING_REVIEW"));
    }

    void runsLookups_notFound_exit3()
    {
        CLI_FAILS(cli({ "runs", "by-correlation", "corr_nope" }), 3, "DPM_RUN_NOT_FOUND");
        CLI_FAILS(cli({ "runs", "by-request-hash", "sha256:nope" }), 3, "DPM_RUN_NOT_FOUND");
        CLI_FAILS(cli({ "runs", "by-idempotency", "idem-nope" }), 3, "DPM_IDEMPOTENCY_KEY_NOT_FOUND");
        CLI_FAILS(cli({ "runs", "by-idempotency", "idem-orphan" }), 3, "DPM_RUN_NOT_FOUND");
    }

    // ------------------------------------------------------------------ artifacts, idempotency

    void artifact_derived_carriesAVerifiableHash()
    {
        const CliResult r = cli({ "artifact", "rr_00000001" });
        CLI_OK(r);
        const QJsonObject a = r.json();
        QCOMPARE(a.value("artifact_id").toString(), QStringLiteral("dra_00000001"));
        QCOMPARE(a.value("artifact_version").toString(), QStringLiteral("1.0"));
        QCOMPARE(a.value("status").toString(), QStringLiteral("READY"));
        const QJsonObject evidence = a.value("evidence").toObject();
        QCOMPARE(evidence.value("engine_version").toString(), QStringLiteral("1.2.3"));
        QCOMPARE(evidence.value("run_created_at").toString(), QStringLiteral("2026-02-18T10:00:00+00:00"));
        QCOMPARE(evidence.value("hashes").toObject().value("request_hash").toString(), QStringLiteral("sha256:h1"));
        QCOMPARE(storedArtifactHash(a), artifactHash(a));
        QVERIFY(storedArtifactHash(a).startsWith(QLatin1String("sha256:")));
        // Deterministic: a second read gives the same hash.
        QCOMPARE(storedArtifactHash(cli({ "artifact", "rr_00000001" }).json()), storedArtifactHash(a));

        const CliResult t = text({ "artifact", "rr_00000002" });
        CLI_OK(t);
        QVERIFY2(t.out.contains("source:        derived"), t.out.constData());
        QVERIFY2(t.out.contains("(verified)"), t.out.constData());
        const CliResult unknownEngine = cli({ "artifact", "rr_00000002" });
        QCOMPARE(unknownEngine.json().value("evidence").toObject().value("engine_version").toString(),
            QStringLiteral("unknown"));
    }

    void artifact_persisted_isShownAsStored()
    {
        const CliResult r = cli({ "artifact", "rr_00000003" });
        CLI_OK(r);
        QCOMPARE(r.json().value("persisted_marker").toBool(), true);
        QCOMPARE(r.json().value("artifact_id").toString(), QStringLiteral("dra_00000003"));
    }

    void artifact_unknownRun_exit3()
    {
        CLI_FAILS(cli({ "artifact", "rr_nope" }), 3, "DPM_RUN_NOT_FOUND");
    }

    void idempotencyHistory_oldestFirst()
    {
        const CliResult r = cli({ "idempotency", "history", "idem-1" });
        CLI_OK(r);
        QCOMPARE(r.json().value("idempotency_key").toString(), QStringLiteral("idem-1"));
        const QJsonArray history = r.json().value("history").toArray();
        QCOMPARE(ids(history, "rebalance_run_id"), (QStringList { "rr_00000001", "rr_00000002" }));
        QCOMPARE(history.at(0).toObject().keys(),
            (QStringList { "correlation_id", "created_at", "rebalance_run_id", "request_hash" }));
        QCOMPARE(history.at(1).toObject().value("correlation_id").toString(), QStringLiteral("corr_run2"));
    }

    void idempotencyHistory_unknownKey_exit3()
    {
        CLI_FAILS(cli({ "idempotency", "history", "idem-nope" }), 3, "DPM_IDEMPOTENCY_KEY_NOT_FOUND");
    }

    // ------------------------------------------------------------------ operations

    void operationsList_andFilters()
    {
        const CliResult all = cli({ "operations", "list" });
        CLI_OK(all);
        QCOMPARE(ids(all.json().value("items").toArray(), "operation_id"),
            (QStringList { "dop_000000000001", "dop_000000000002" }));
        QVERIFY(all.json().value("next_cursor").isNull());
        const CliResult failed = cli({ "operations", "list", "--status", "FAILED" });
        CLI_OK(failed);
        QCOMPARE(ids(failed.json().value("items").toArray(), "operation_id"), QStringList { "dop_000000000002" });
        const CliResult byCorr = cli({ "operations", "list", "--correlation", "corr_op1", "--type", "ANALYZE_SCENARIOS",
            "--from", "2026-02-20", "--to", "2026-02-21" });
        CLI_OK(byCorr);
        QCOMPARE(ids(byCorr.json().value("items").toArray(), "operation_id"), QStringList { "dop_000000000001" });
        QCOMPARE(pageThrough({ "operations", "list" }, "operation_id"),
            (QStringList { "dop_000000000001", "dop_000000000002" }));
        CLI_FAILS(cli({ "operations", "list", "--cursor", "c1.%%%" }), 5, "INVALID_CURSOR");
    }

    void operationsGet_statusView()
    {
        const CliResult r = cli({ "operations", "get", "dop_000000000002" });
        CLI_OK(r);
        const QJsonObject op = r.json();
        QCOMPARE(op.keys(),
            (QStringList { "correlation_id", "created_at", "error", "finished_at", "is_executable", "operation_id",
                "operation_type", "result", "started_at", "status" }));
        QCOMPARE(op.value("status").toString(), QStringLiteral("FAILED"));
        QCOMPARE(op.value("is_executable").toBool(), false);
        QVERIFY(op.value("result").isNull());
        QCOMPARE(op.value("error").toObject(), (QJsonObject { { "code", "ValueError" }, { "message", "boom" } }));
        QCOMPARE(op.value("finished_at").toString(), QStringLiteral("2026-02-19T11:00:02.500000+00:00"));

        const CliResult pending = cli({ "operations", "by-correlation", "corr_op1" });
        CLI_OK(pending);
        QCOMPARE(pending.json().value("operation_id").toString(), QStringLiteral("dop_000000000001"));
        QCOMPARE(pending.json().value("is_executable").toBool(), true);
        QVERIFY(pending.json().value("error").isNull());
        QVERIFY(pending.json().value("started_at").isNull());
    }

    void operations_notFound_exit3()
    {
        CLI_FAILS(cli({ "operations", "get", "dop_nope" }), 3, "DPM_ASYNC_OPERATION_NOT_FOUND");
        CLI_FAILS(cli({ "operations", "by-correlation", "corr_nope" }), 3, "DPM_ASYNC_OPERATION_NOT_FOUND");
    }

    // ------------------------------------------------------------------ decisions, lineage

    void decisionsList_andFilters()
    {
        const CliResult all = cli({ "decisions", "list" });
        CLI_OK(all);
        const QJsonArray items = all.json().value("items").toArray();
        QCOMPARE(ids(items, "decision_id"), (QStringList { "dwd_000000000002", "dwd_000000000001" }));
        QCOMPARE(items.at(0).toObject().keys(),
            (QStringList { "action", "actor_id", "comment", "correlation_id", "decided_at", "decision_id",
                "reason_code", "run_id" }));
        QVERIFY(items.at(1).toObject().value("comment").isNull());
        QCOMPARE(
            ids(cli({ "decisions", "list", "--action", "APPROVE" }).json().value("items").toArray(), "decision_id"),
            QStringList { "dwd_000000000002" });
        QCOMPARE(ids(cli({ "decisions", "list", "--actor", "alice", "--run", "rr_00000002", "--reason-code",
                             "NEEDS_DETAIL" })
                         .json()
                         .value("items")
                         .toArray(),
                     "decision_id"),
            QStringList { "dwd_000000000001" });
        QCOMPARE(ids(cli({ "decisions", "list", "--from", "2026-02-19T12:30:00Z", "--to", "2026-02-19T13:00:00Z" })
                         .json()
                         .value("items")
                         .toArray(),
                     "decision_id"),
            QStringList { "dwd_000000000002" });
        QCOMPARE(pageThrough({ "decisions", "list" }, "decision_id"),
            (QStringList { "dwd_000000000002", "dwd_000000000001" }));
    }

    void decisionsForRun_historyOrNotFound()
    {
        const CliResult forRun = cli({ "decisions", "for-run", "rr_00000002" });
        CLI_OK(forRun);
        QCOMPARE(forRun.json().value("run_id").toString(), QStringLiteral("rr_00000002"));
        QCOMPARE(ids(forRun.json().value("decisions").toArray(), "decision_id"),
            (QStringList { "dwd_000000000001", "dwd_000000000002" }));
        const CliResult noDecisions = cli({ "decisions", "for-run", "rr_00000001" });
        CLI_OK(noDecisions);
        QCOMPARE(noDecisions.json().value("decisions").toArray().size(), 0);
        CLI_FAILS(cli({ "decisions", "for-run", "rr_nope" }), 3, "DPM_RUN_NOT_FOUND");

    }

    // RFC-0023: the correlation id names a run, and the answer is that run's whole history, whatever
    // correlation ids its decisions' action requests carried (corr_dec1, corr_dec2 here).
    void decisionsByCorrelation_answersTheRunsHistory()
    {
        const CliResult byCorr = cli({ "decisions", "by-correlation", "corr_run2" });
        CLI_OK(byCorr);
        QCOMPARE(byCorr.json().keys(), (QStringList { "decisions", "run_id" }));
        QCOMPARE(byCorr.json().value("run_id").toString(), QStringLiteral("rr_00000002"));
        QCOMPARE(ids(byCorr.json().value("decisions").toArray(), "decision_id"),
            (QStringList { "dwd_000000000001", "dwd_000000000002" }));
        QCOMPARE(byCorr.json(), cli({ "decisions", "for-run", "rr_00000002" }).json());

        const CliResult noDecisions = cli({ "decisions", "by-correlation", "corr_run1" });
        CLI_OK(noDecisions);
        QCOMPARE(noDecisions.json().value("run_id").toString(), QStringLiteral("rr_00000001"));
        QCOMPARE(noDecisions.json().value("decisions").toArray().size(), 0);

        const CliResult t = text({ "decisions", "by-correlation", "corr_run2" });
        CLI_OK(t);
        QVERIFY2(t.out.startsWith("run_id: rr_00000002\n"), t.out.constData());
        QVERIFY2(t.out.contains("2 decisions"), t.out.constData());
    }

    void decisionsByCorrelation_noRunHasIt_exit3()
    {
        // A decision's own correlation id is not a run's: find matches it, this lookup does not.
        CLI_FAILS(cli({ "decisions", "by-correlation", "corr_dec1" }), 3, "DPM_RUN_NOT_FOUND");
        const CliResult none = cli({ "decisions", "by-correlation", "corr_nope" });
        CLI_FAILS(none, 3, "DPM_RUN_NOT_FOUND");
        QCOMPARE(none.errorJson().value("kind").toString(), QStringLiteral("not_found"));
    }

    void lineageEdges_ofRunAndOperation()
    {
        const CliResult run = cli({ "lineage", "edges", "rr_00000001" });
        CLI_OK(run);
        QCOMPARE(run.json().value("entity_id").toString(), QStringLiteral("rr_00000001"));
        QVERIFY(run.json().contains("next_cursor") && run.json().value("next_cursor").isNull());
        const QJsonArray edges = run.json().value("edges").toArray();
        QCOMPARE(ids(edges, "edge_type"), (QStringList { "CORRELATION_TO_RUN", "IDEMPOTENCY_TO_RUN" }));
        const QJsonObject first = edges.at(0).toObject();
        QCOMPARE(first.keys(),
            (QStringList { "created_at", "edge_type", "metadata", "source_entity_id", "target_entity_id" }));
        QCOMPARE(first.value("source_entity_id").toString(), QStringLiteral("corr_run1"));
        QCOMPARE(first.value("metadata").toObject().value("request_hash").toString(), QStringLiteral("sha256:h1"));

        const CliResult op = cli({ "lineage", "edges", "corr_op1" });
        CLI_OK(op);
        QCOMPARE(ids(op.json().value("edges").toArray(), "edge_type"), QStringList { "OPERATION_TO_CORRELATION" });
    }

    void lineageEdges_unknownEntity_isEmptyNotAnError()
    {
        const CliResult r = cli({ "lineage", "edges", "nothing_here" });
        CLI_OK(r);
        QCOMPARE(r.json().value("edges").toArray().size(), 0);
        QCOMPARE(r.json().value("entity_id").toString(), QStringLiteral("nothing_here"));
    }

    // ------------------------------------------------------------------ summary

    void summary_countsBackendAndPosture()
    {
        const CliResult r = cli({ "summary" });
        CLI_OK(r);
        const QJsonObject s = r.json();
        QCOMPARE(s.value("store_backend").toString(), m_backendName);
        QCOMPARE(s.value("retention_days").toInt(), 0);
        QCOMPARE(s.value("run_count").toInteger(), 4);
        QCOMPARE(s.value("operation_count").toInteger(), 2);
        QCOMPARE(s.value("workflow_decision_count").toInteger(), 2);
        QCOMPARE(s.value("lineage_edge_count").toInteger(), 8);
        QCOMPARE(s.value("run_status_counts").toObject(),
            (QJsonObject { { "BLOCKED", 1 }, { "PENDING_REVIEW", 1 }, { "READY", 1 } }));
        QCOMPARE(s.value("operation_status_counts").toObject(), (QJsonObject { { "FAILED", 1 }, { "PENDING", 1 } }));
        QCOMPARE(
            s.value("workflow_action_counts").toObject(), (QJsonObject { { "APPROVE", 1 }, { "REQUEST_CHANGES", 1 } }));
        QCOMPARE(s.value("oldest_run_created_at").toString(), QStringLiteral("2026-02-17T10:00:00+00:00"));
        QCOMPARE(s.value("newest_run_created_at").toString(), QStringLiteral("2026-02-20T10:00:00+00:00"));
        QCOMPARE(s.value("newest_operation_created_at").toString(), QStringLiteral("2026-02-20T11:00:00+00:00"));
        const QJsonObject posture = s.value("supportability").toObject();
        SupportabilitySummary data;
        data.runCount = 4;
        data.operationCount = 2;
        data.operationStatusCounts.insert(QStringLiteral("FAILED"), 1);
        data.newestRunCreatedAt = QStringLiteral("2026-02-20T10:00:00+00:00");
        data.newestOperationCreatedAt = QStringLiteral("2026-02-20T11:00:00+00:00");
        data.workflowDecisionCount = 2;
        QCOMPARE(posture, supportabilityPosture(data, nowTimestamp()).toJson());

        const CliResult t = text({ "summary" });
        CLI_OK(t);
        QVERIFY(t.out.contains("store_backend:"));
        QVERIFY(t.out.contains("freshness_bucket:"));
    }

    void summary_retentionDays_parsedAsTheService_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("expected");
        QTest::newRow("7") << "7" << 7;
        QTest::newRow("padded") << " 3 " << 3;
        QTest::newRow("negative") << "-3" << 0;
        QTest::newRow("text") << "abc" << 0;
        QTest::newRow("empty") << "" << 0;
    }

    void summary_retentionDays_parsedAsTheService()
    {
        QFETCH(QString, value);
        QFETCH(int, expected);
        QProcessEnvironment e = env();
        e.insert(QStringLiteral("DPM_SUPPORTABILITY_RETENTION_DAYS"), value);
        const CliResult r = cli({ "summary" }, e);
        CLI_OK(r);
        QCOMPARE(r.json().value("retention_days").toInt(), expected);
    }

    void reads_neverPurge()
    {
        QProcessEnvironment e = env();
        e.insert(QStringLiteral("DPM_SUPPORTABILITY_RETENTION_DAYS"), QStringLiteral("1"));
        e.insert(QStringLiteral("DPM_ASYNC_OPERATIONS_TTL_SECONDS"), QStringLiteral("1"));
        const QList<QStringList> reads { { "summary" }, { "runs", "list" }, { "runs", "get", "rr_00000004" },
            { "artifact", "rr_00000001" }, { "operations", "list" }, { "decisions", "list" },
            { "lineage", "edges", "rr_00000001" }, { "idempotency", "history", "idem-1" } };
        for (const QStringList &read : reads)
            CLI_OK(cli(read, e));
        const QJsonObject s = cli({ "summary" }, e).json();
        QCOMPARE(s.value("run_count").toInteger(), 4);
        QCOMPARE(s.value("operation_count").toInteger(), 2);
        QCOMPARE(s.value("lineage_edge_count").toInteger(), 8);
        QCOMPARE(s.value("workflow_decision_count").toInteger(), 2);
    }

    // On PostgreSQL a non-JSON result_json is readable once the console's migrations are applied
    // (tst_cli_migrate covers that); the service's SQLite layout reads it as it is.
    void brokenResult_isShownNotFatal()
    {
        addRunWithBrokenResult(*m_location);
        const CliResult list = cli({ "runs", "list" });
        CLI_OK(list);
        QCOMPARE(list.json().value("items").toArray().size(), 5);
        const CliResult get = cli({ "runs", "get", "rr_00000005" });
        CLI_OK(get);
        QVERIFY(get.json().value("result").isNull());
        QCOMPARE(get.json().value("result_json_error").toObject().value("raw").toString(),
            QStringLiteral("not json at all"));
        const CliResult artifact = cli({ "artifact", "rr_00000005" });
        CLI_OK(artifact);
        QCOMPARE(storedArtifactHash(artifact.json()), artifactHash(artifact.json()));
        CLI_OK(cli({ "summary" }));
    }
};

DPM_BACKEND_TEST_GUILESS_MAIN(TestCliReads,
    { "brokenResult_isShownNotFatal", TestBackend::Sqlite })
#include "tst_cli_reads.moc"
