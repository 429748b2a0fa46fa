#include "domain/apijson.h"
#include "store/supportstore.h"

#include <QJsonArray>
#include <QTest>

using namespace dpm;

class TestApiJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runLookup_parsesResultAndKeepsNulls()
    {
        RebalanceRun run { QStringLiteral("rr_1"), QStringLiteral("corr_1"), QStringLiteral("sha256:h"), std::nullopt,
            QStringLiteral("pf"), QStringLiteral("2026-02-20T12:00:00+00:00"),
            QStringLiteral(R"({"status":"READY","n":1})") };
        const QJsonObject json = runLookupJson(run);
        QCOMPARE(json.keys(),
            (QStringList { "correlation_id", "created_at", "idempotency_key", "portfolio_id", "rebalance_run_id",
                "request_hash", "result" }));
        QVERIFY(json.value("idempotency_key").isNull());
        QCOMPARE(json.value("result").toObject().value("status").toString(), QStringLiteral("READY"));
    }

    void runLookup_resultNotJson_isNullWithError()
    {
        RebalanceRun run { QStringLiteral("rr_1"), QStringLiteral("corr_1"), QStringLiteral("h"), QStringLiteral("k"),
            QStringLiteral("pf"), QStringLiteral("2026-02-20T12:00:00+00:00"), QStringLiteral("oops{") };
        const QJsonObject json = runLookupJson(run);
        QVERIFY(json.contains("result"));
        QVERIFY(json.value("result").isNull());
        const QJsonObject error = json.value("result_json_error").toObject();
        QCOMPARE(error.value("raw").toString(), QStringLiteral("oops{"));
        QVERIFY(!error.value("message").toString().isEmpty());
        QCOMPARE(json.value("idempotency_key").toString(), QStringLiteral("k"));
    }

    void runListItem_hasTheServiceFields()
    {
        const RunListItem item { QStringLiteral("rr_1"), QStringLiteral("c"), QStringLiteral("h"), std::nullopt,
            QStringLiteral("pf"), QString(), QStringLiteral("t") };
        const QJsonObject json = runListItemJson(item);
        QCOMPARE(json.keys(),
            (QStringList { "correlation_id", "created_at", "idempotency_key", "portfolio_id", "rebalance_run_id",
                "request_hash", "status" }));
        QCOMPARE(json.value("status").toString(), QString());
        QVERIFY(json.value("idempotency_key").isNull());
    }

    void operation_statusView()
    {
        AsyncOperation op;
        op.operationId = QStringLiteral("dop_1");
        op.operationType = QStringLiteral("ANALYZE_SCENARIOS");
        op.status = QStringLiteral("FAILED");
        op.correlationId = QStringLiteral("corr_op");
        op.createdAt = QStringLiteral("2026-02-20T12:00:00+00:00");
        op.finishedAt = QStringLiteral("2026-02-20T12:00:01+00:00");
        op.errorJson = QStringLiteral(R"({"code":"ValueError","message":"bad","extra":1})");
        op.requestJson = QStringLiteral("{}");
        const QJsonObject json = operationJson(op);
        QCOMPARE(json.keys(),
            (QStringList { "correlation_id", "created_at", "error", "finished_at", "is_executable", "operation_id",
                "operation_type", "result", "started_at", "status" }));
        QCOMPARE(json.value("is_executable").toBool(), false);
        QVERIFY(json.value("started_at").isNull());
        QVERIFY(json.value("result").isNull());
        QCOMPARE(json.value("error").toObject(), (QJsonObject { { "code", "ValueError" }, { "message", "bad" } }));

        op.status = QStringLiteral("PENDING");
        op.errorJson.reset();
        op.resultJson = QStringLiteral("[not json");
        const QJsonObject pending = operationJson(op);
        QCOMPARE(pending.value("is_executable").toBool(), true);
        QVERIFY(pending.value("error").isNull());
        QVERIFY(pending.value("result").isNull());
        QCOMPARE(pending.value("result_json_error").toObject().value("raw").toString(), QStringLiteral("[not json"));
    }

    void decisionAndEdge()
    {
        const WorkflowDecision d { QStringLiteral("dwd_1"), QStringLiteral("rr_1"), QStringLiteral("APPROVE"),
            QStringLiteral("REVIEW_APPROVED"), std::nullopt, QStringLiteral("alice"), QStringLiteral("t"),
            QStringLiteral("corr_a") };
        const QJsonObject dj = decisionJson(d);
        QCOMPARE(dj.keys(),
            (QStringList { "action", "actor_id", "comment", "correlation_id", "decided_at", "decision_id",
                "reason_code", "run_id" }));
        QVERIFY(dj.value("comment").isNull());

        const LineageEdge e { QStringLiteral("corr_1"), QStringLiteral("CORRELATION_TO_RUN"), QStringLiteral("rr_1"),
            QStringLiteral("t"), QStringLiteral(R"({"request_hash":"sha256:x"})") };
        const QJsonObject ej = lineageEdgeJson(e);
        QCOMPARE(
            ej.keys(), (QStringList { "created_at", "edge_type", "metadata", "source_entity_id", "target_entity_id" }));
        QCOMPARE(ej.value("metadata").toObject().value("request_hash").toString(), QStringLiteral("sha256:x"));

        const QJsonObject lineage = lineageJson(QStringLiteral("rr_1"), { e });
        QCOMPARE(lineage.value("entity_id").toString(), QStringLiteral("rr_1"));
        QCOMPARE(lineage.value("edges").toArray().size(), 1);
        QVERIFY(lineage.contains("next_cursor") && lineage.value("next_cursor").isNull());
    }

    void idempotencyHistory_sortedAsTheService()
    {
        const QString k = QStringLiteral("idem");
        const QList<IdempotencyHistoryEntry> entries { { k, QStringLiteral("rr_b"), QStringLiteral("c2"),
                                                           QStringLiteral("h"),
                                                           QStringLiteral("2026-02-20T12:00:01+00:00") },
            { k, QStringLiteral("rr_b"), QStringLiteral("c1"), QStringLiteral("h"),
                QStringLiteral("2026-02-20T12:00:00+00:00") },
            { k, QStringLiteral("rr_a"), QStringLiteral("c3"), QStringLiteral("h"),
                QStringLiteral("2026-02-20T12:00:00+00:00") } };
        const QJsonObject json = idempotencyHistoryJson(k, entries);
        QCOMPARE(json.value("idempotency_key").toString(), k);
        const QJsonArray history = json.value("history").toArray();
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.at(0).toObject().value("correlation_id").toString(), QStringLiteral("c3"));
        QCOMPARE(history.at(1).toObject().value("correlation_id").toString(), QStringLiteral("c1"));
        QCOMPARE(history.at(2).toObject().value("correlation_id").toString(), QStringLiteral("c2"));
        QCOMPARE(history.at(0).toObject().keys(),
            (QStringList { "correlation_id", "created_at", "rebalance_run_id", "request_hash" }));
    }

    void listing_nextCursorNullWhenAbsent()
    {
        Page<RunListItem> page;
        QCOMPARE(listingJson(page, runListItemJson),
            (QJsonObject { { "items", QJsonArray() }, { "next_cursor", QJsonValue::Null } }));
        page.nextCursor = QStringLiteral("c1.x");
        QCOMPARE(listingJson(page, runListItemJson).value("next_cursor").toString(), QStringLiteral("c1.x"));
    }

    void summary_hasExactFieldNames()
    {
        SupportabilitySummary s;
        s.runCount = 2;
        s.runStatusCounts.insert(QStringLiteral("READY"), 2);
        s.newestRunCreatedAt = QStringLiteral("2026-02-20T12:00:00+00:00");
        const QJsonObject json = summaryJson(s, QStringLiteral("SQL"), 7, QJsonObject { { "state", "ready" } });
        QCOMPARE(json.keys(),
            (QStringList { "lineage_edge_count", "newest_operation_created_at", "newest_run_created_at",
                "oldest_operation_created_at", "oldest_run_created_at", "operation_count", "operation_status_counts",
                "retention_days", "run_count", "run_status_counts", "store_backend", "supportability",
                "workflow_action_counts", "workflow_decision_count", "workflow_reason_code_counts" }));
        QCOMPARE(json.value("store_backend").toString(), QStringLiteral("SQL"));
        QCOMPARE(json.value("retention_days").toInt(), 7);
        QVERIFY(json.value("oldest_operation_created_at").isNull());
        QCOMPARE(json.value("operation_status_counts").toObject(), QJsonObject());
        QCOMPARE(json.value("run_status_counts").toObject().value("READY").toInteger(), 2);
    }

    void purgeReport()
    {
        PurgeReport report;
        report.dryRun = true;
        report.cutoff = QStringLiteral("2026-02-13T12:00:00+00:00");
        report.deleted.insert(QStringLiteral("dpm_runs"), 2);
        report.deleted.insert(QStringLiteral("dpm_lineage_edges"), 3);
        const QJsonObject json = purgeReportJson(report);
        QCOMPARE(json.value("dry_run").toBool(), true);
        QCOMPARE(json.value("total").toInteger(), 5);
        QCOMPARE(json.value("deleted").toObject().value("dpm_runs").toInteger(), 2);
        QVERIFY(purgeReportJson(PurgeReport {}).value("cutoff").isNull());
    }
};

QTEST_GUILESS_MAIN(TestApiJson)
#include "tst_apijson.moc"
