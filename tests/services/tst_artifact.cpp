#include "domain/canonicaljson.h"
#include "services/artifact.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace dpm;

namespace {

const char kResult[]
    = R"({"after_simulated":{"total_value":{"amount":"11000.00","currency":"SGD"}},)"
      R"("before":{"total_value":{"amount":"11000.00","currency":"SGD"}},)"
      R"("correlation_id":"corr_1","diagnostics":{"warnings":[]},)"
      R"("intents":[{"intent_id":"oi_1","intent_type":"SECURITY_TRADE","side":"SELL","quantity":"45"}],)"
      R"("lineage":{"engine_version":"0.9.1","request_hash":"sha256:abc"},)"
      R"("rebalance_run_id":"rr_1a2b3c4d","rule_results":[{"rule_id":"CASH_BAND","status":"PASS"}],)"
      R"("status":"READY"})";

RebalanceRun sampleRun()
{
    RebalanceRun run;
    run.rebalanceRunId = QStringLiteral("rr_1a2b3c4d");
    run.correlationId = QStringLiteral("corr_1");
    run.requestHash = QStringLiteral("sha256:abc");
    run.idempotencyKey = QStringLiteral("idem-1");
    run.portfolioId = QStringLiteral("pf_1");
    run.createdAt = QStringLiteral("2026-02-20T12:00:00+00:00");
    run.resultJson = QString::fromLatin1(kResult);
    return run;
}

QJsonObject object(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

} // namespace

class TestArtifact : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void derive_fullResult_hasTheServiceShape()
    {
        const RebalanceRun run = sampleRun();
        const QJsonObject a = deriveRunArtifact(run);
        const QJsonObject result = QJsonDocument::fromJson(kResult).object();
        QCOMPARE(a.value("artifact_id").toString(), QStringLiteral("dra_1a2b3c4d"));
        QCOMPARE(a.value("artifact_version").toString(), QStringLiteral("1.0"));
        QCOMPARE(a.value("rebalance_run_id").toString(), run.rebalanceRunId);
        QCOMPARE(a.value("correlation_id").toString(), run.correlationId);
        QCOMPARE(a.value("idempotency_key").toString(), QStringLiteral("idem-1"));
        QCOMPARE(a.value("portfolio_id").toString(), QStringLiteral("pf_1"));
        QCOMPARE(a.value("status").toString(), QStringLiteral("READY"));
        QCOMPARE(object(a, "request_snapshot"),
            (QJsonObject { { "portfolio_id", "pf_1" }, { "request_hash", "sha256:abc" } }));
        QCOMPARE(a.value("before_summary"), result.value("before"));
        QCOMPARE(a.value("after_summary"), result.value("after_simulated"));
        QCOMPARE(a.value("order_intents"), result.value("intents"));
        QCOMPARE(a.value("rule_outcomes"), result.value("rule_results"));
        QCOMPARE(a.value("diagnostics"), result.value("diagnostics"));
        QCOMPARE(a.value("result").toObject(), result);
        const QJsonObject evidence = object(a, "evidence");
        QCOMPARE(evidence.value("engine_version").toString(), QStringLiteral("0.9.1"));
        QCOMPARE(evidence.value("run_created_at").toString(), run.createdAt);
        QCOMPARE(object(evidence, "hashes").value("request_hash").toString(), QStringLiteral("sha256:abc"));
        QCOMPARE(a.keys(),
            (QStringList { "after_summary", "artifact_id", "artifact_version", "before_summary", "correlation_id",
                "diagnostics", "evidence", "idempotency_key", "order_intents", "portfolio_id", "rebalance_run_id",
                "request_snapshot", "result", "rule_outcomes", "status" }));
    }

    void derive_hash_matchesPythonCanonicalSha256()
    {
        // Computed with Python: json.dumps(strip(artifact), sort_keys=True, separators=(",", ":"))
        // over the same artifact, sha256 hex, "sha256:" prefix.
        const QJsonObject a = deriveRunArtifact(sampleRun());
        QCOMPARE(storedArtifactHash(a),
            QStringLiteral("sha256:b349bf9bfd704c32e6d22567032f6bfdd3172387d31fa1a113c9c944685f2410"));
        QCOMPARE(artifactHash(a), storedArtifactHash(a));
    }

    void derive_isDeterministic() { QCOMPARE(deriveRunArtifact(sampleRun()), deriveRunArtifact(sampleRun())); }

    void artifactHashOfText_keepsIntegralFloatsAsPythonDoes()
    {
        // Expected value from Python: json.dumps(stripped, sort_keys=True, separators=(",", ":")).
        const QString stored = QStringLiteral(
            R"({"evidence":{"hashes":{"artifact_hash":"sha256:old","request_hash":"sha256:r"}},)"
            R"("result":{"coverage":{"price_coverage_pct":100.0}},"status":"READY"})");
        QCOMPARE(artifactHashOfText(stored),
                 QStringLiteral("sha256:31761f0a5707df23153900c16fa9cab92f8a9bf0e34c19aa18ddeaf2f4cb3dd5"));
    }

    void artifactHash_ignoresArtifactHashKeysAtAnyDepth()
    {
        QJsonObject a = deriveRunArtifact(sampleRun());
        const QString before = artifactHash(a);
        QJsonObject result = a.value("result").toObject();
        result.insert("artifact_hash", "sha256:whatever");
        QJsonArray intents = result.value("intents").toArray();
        QJsonObject intent = intents.at(0).toObject();
        intent.insert("artifact_hash", 42);
        intents[0] = intent;
        result.insert("intents", intents);
        a.insert("result", result);
        QCOMPARE(artifactHash(a), before);
        // Any other change does change it.
        a.insert("status", "BLOCKED");
        QVERIFY(artifactHash(a) != before);
    }

    void artifactHash_isShaOfCanonicalJsonWithoutTheKey()
    {
        const QJsonObject a { { "b", 1 }, { "a", QJsonObject { { "artifact_hash", "x" }, { "k", "v" } } } };
        QCOMPARE(artifactHash(a), sha256Hash(QJsonObject { { "b", 1 }, { "a", QJsonObject { { "k", "v" } } } }));
        QCOMPARE(artifactHash(a), QStringLiteral("sha256:") + sha256Hex(R"({"a":{"k":"v"},"b":1})"));
    }

    void derive_artifactId_replacesFirstRrPrefixLikeTheService_data()
    {
        QTest::addColumn<QString>("runId");
        QTest::addColumn<QString>("artifactId");
        QTest::newRow("service id") << "rr_deadbeef"
                                    << "dra_deadbeef";
        QTest::newRow("free-form id kept") << "rr-1234-uuid"
                                           << "rr-1234-uuid";
        QTest::newRow("first occurrence only") << "rr_rr_1"
                                               << "dra_rr_1";
    }

    void derive_artifactId_replacesFirstRrPrefixLikeTheService()
    {
        QFETCH(QString, runId);
        QFETCH(QString, artifactId);
        RebalanceRun run = sampleRun();
        run.rebalanceRunId = runId;
        QCOMPARE(deriveRunArtifact(run).value("artifact_id").toString(), artifactId);
    }

    void derive_missingEngineVersion_isUnknown_data()
    {
        QTest::addColumn<QString>("resultJson");
        QTest::newRow("no lineage") << R"({"status":"READY"})";
        QTest::newRow("null engine") << R"({"lineage":{"engine_version":null}})";
        QTest::newRow("empty engine") << R"({"lineage":{"engine_version":""}})";
    }

    void derive_missingEngineVersion_isUnknown()
    {
        QFETCH(QString, resultJson);
        RebalanceRun run = sampleRun();
        run.resultJson = resultJson;
        QCOMPARE(
            object(deriveRunArtifact(run), "evidence").value("engine_version").toString(), QStringLiteral("unknown"));
    }

    void derive_partialResult_leavesMissingSectionsAbsent()
    {
        RebalanceRun run = sampleRun();
        run.resultJson = QStringLiteral(R"({"before":{"x":1}})");
        run.idempotencyKey.reset();
        const QJsonObject a = deriveRunArtifact(run);
        QCOMPARE(a.value("status").toString(), QString());
        QVERIFY(a.contains("before_summary"));
        QVERIFY(!a.contains("after_summary"));
        QVERIFY(!a.contains("order_intents"));
        QVERIFY(a.value("idempotency_key").isNull());
        QCOMPARE(artifactHash(a), storedArtifactHash(a));
    }

    void derive_resultNotJson_reportsRawTextAndStillHashes()
    {
        RebalanceRun run = sampleRun();
        run.resultJson = QStringLiteral("{not json");
        const QJsonObject a = deriveRunArtifact(run);
        QVERIFY(a.value("result").isNull());
        QCOMPARE(object(a, "result_json_error").value("raw").toString(), QStringLiteral("{not json"));
        QVERIFY(!object(a, "result_json_error").value("message").toString().isEmpty());
        QCOMPARE(a.value("status").toString(), QString());
        QCOMPARE(object(a, "evidence").value("engine_version").toString(), QStringLiteral("unknown"));
        QVERIFY(storedArtifactHash(a).startsWith(QLatin1String("sha256:")));
        QCOMPARE(artifactHash(a), storedArtifactHash(a));
    }
};

QTEST_GUILESS_MAIN(TestArtifact)
#include "tst_artifact.moc"
