// dpmctl serve's API against a service-made store on SQLite and PostgreSQL (one executable run per
// backend): every endpoint's body bytes (golden files shared by both backends), each not-found
// code, each flag, validation and unknown parameters, route order, methods and headers.

#include "backendstore.h"
#include "clisupport.h"
#include "servetestsupport.h"
#include "apimetrics.h"
#include "services/dualwriteopening.h"
#include "services/storestatus.h"
#include "store/dualwritestore.h"
#include "store/memorystore.h"
#include "store/querymetrics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

namespace {

const QString kBackend = testBackendName(testBackend());

QByteArray detail(const char *code)
{
    return QByteArrayLiteral("{\"detail\":\"") + code + "\"}";
}

} // namespace

class ServeApiTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void endpoint_answersServiceBytes_data();
    void endpoint_answersServiceBytes();
    void summary_answersServiceBytes();
    void bothPrefixes_answerTheSameBytes();
    void listing_nextCursorPagesThroughEveryRow();
    void lineage_cursorWithPlusNeedsPercentEncoding();
    void lookup_unknown_answersItsNotFoundCode_data();
    void lookup_unknown_answersItsNotFoundCode();
    void flag_off_answersItsDisabledCode_data();
    void flag_off_answersItsDisabledCode();
    void flags_defaults_andSpellings();
    void precedence_validationThenFlagsThenUnknownThenNotFound();
    void validation_answersFastApiListForm_data();
    void validation_answersFastApiListForm();
    void unknownParameter_namesSortedOnce_andLookupsOfOperationsDoNotCheck();
    void query_plusIsSpace_lastDuplicateWins_blankIsValue();
    void compat_acceptsOldNames_andIgnoresUnknown();
    void routeOrder_firstRegisteredMatchWins();
    void wrongMethod_answers405WithAllow_noRoute404();
    void headers_echoOrMakeCorrelationAndRequestIds();
    void workflow_reviewStatusesFromEnvironment();
    void health_andMetrics();
    void metrics_replicaReplayLagAndDualWriteFigures();
    void metrics_dualWriteStore_exportsItsFigures();
    void log_oneLogfmtLinePerRequest_withoutQueryValues();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_store;
    std::unique_ptr<RunningServer> m_server; // every flag on
};

void ServeApiTest::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    try {
        if (backendIsPostgres())
            DPM_REQUIRE_POSTGRES();
        const StoreLocation location = [&] {
            if (backendIsPostgres())
                return createServicePostgres(QStringLiteral("serve_api"));
            const QString path = m_dir->filePath(QStringLiteral("service.db"));
            createServiceSqlite(path);
            return StoreLocation::sqlite(path);
        }();
        seedStore(location);
        m_store = openStore(location);
        // An operation of a run's correlation id: the bundle by operation, and the bundle's
        // async_operation part.
        AsyncOperation operation;
        operation.operationId = QStringLiteral("dop_000000000003");
        operation.operationType = QStringLiteral("ANALYZE_SCENARIOS");
        operation.status = QStringLiteral("PENDING");
        operation.correlationId = QStringLiteral("corr_run2");
        operation.createdAt = QStringLiteral("2026-02-19T10:30:00+00:00");
        operation.requestJson = QStringLiteral(R"({"scenarios":{"baseline":{"options":{}}}})");
        m_store->submitOperation(operation);
        operation.status = QStringLiteral("SUCCEEDED");
        operation.startedAt = QStringLiteral("2026-02-19T10:30:01.250000+00:00");
        operation.finishedAt = QStringLiteral("2026-02-19T10:30:02+00:00");
        operation.resultJson = QStringLiteral(R"({"batch_run_id":"batch_00000003","warnings":[],"note":"caf\u00e9 \"x\"\n"})");
        m_store->updateOperation(operation);
    } catch (const Error &error) {
        QFAIL(qPrintable(error.toString()));
    }
    m_server = std::make_unique<RunningServer>(*m_store, testServeOptions(allFlagsOn()));
}

void ServeApiTest::cleanupTestCase()
{
    m_server.reset();
    m_store.reset();
}

void ServeApiTest::endpoint_answersServiceBytes_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("goldenName");
    const QList<std::pair<const char *, const char *>> rows {
        { "/rebalance/runs", "runs" },
        { "/rebalance/runs?limit=2", "runs_page1" },
        { "/rebalance/runs?limit=2&cursor=rr_00000001", "runs_page2" },
        { "/rebalance/runs?status_filter=PENDING_REVIEW&portfolio_id=pf_A&request_hash=sha256:h1"
          "&created_from=2026-02-19&created_to=2026-02-19T10:00:00%2B00:00",
            "runs_filtered" },
        { "/rebalance/runs?cursor=rr_unknown", "runs_unknown_cursor" },
        { "/rebalance/runs/by-correlation/corr_run1", "run_rr_00000001" },
        { "/rebalance/runs/by-request-hash/sha256:h1", "run_rr_00000002" },
        { "/rebalance/runs/idempotency/idem-1", "idempotency_lookup" },
        { "/rebalance/idempotency/idem-1/history", "idempotency_history" },
        { "/rebalance/runs/rr_00000001", "run_rr_00000001" },
        { "/rebalance/runs/rr_00000004", "run_rr_00000004" },
        { "/rebalance/runs/rr_00000002/support-bundle", "bundle_rr_00000002" },
        { "/rebalance/runs/by-correlation/corr_run1/support-bundle", "bundle_rr_00000001" },
        { "/rebalance/runs/idempotency/idem-1/support-bundle?include_artifact=false&include_async_operation=0"
          "&include_idempotency_history=no",
            "bundle_rr_00000002_parts_off" },
        { "/rebalance/runs/by-operation/dop_000000000003/support-bundle", "bundle_rr_00000002" },
        { "/rebalance/runs/rr_00000001/artifact", "artifact_derived" },
        { "/rebalance/runs/rr_00000003/artifact", "artifact_persisted" },
        { "/rebalance/operations", "operations" },
        { "/rebalance/operations?limit=1", "operations_page1" },
        { "/rebalance/operations?status_filter=FAILED&operation_type=ANALYZE_SCENARIOS&correlation_id=corr_op2",
            "operations_failed" },
        { "/rebalance/operations/dop_000000000001", "operation_pending" },
        { "/rebalance/operations/by-correlation/corr_op2", "operation_failed" },
        { "/rebalance/operations/dop_000000000003", "operation_succeeded" },
        { "/rebalance/lineage/rr_00000001", "lineage_rr_00000001" },
        { "/rebalance/lineage/rr_00000001?edge_type=IDEMPOTENCY_TO_RUN", "lineage_rr_00000001_idempotency" },
        { "/rebalance/lineage/nobody", "lineage_unknown" },
        { "/rebalance/workflow/decisions", "decisions" },
        { "/rebalance/workflow/decisions?action=APPROVE&actor_id=bob", "decisions_approve" },
        { "/rebalance/workflow/decisions?limit=1", "decisions_page1" },
        { "/rebalance/workflow/decisions/by-correlation/corr_run2", "workflow_history_rr_00000002" },
        { "/rebalance/runs/rr_00000002/workflow", "workflow_rr_00000002" },
        { "/rebalance/runs/by-correlation/corr_run2/workflow", "workflow_rr_00000002" },
        { "/rebalance/runs/idempotency/idem-1/workflow", "workflow_rr_00000002" },
        { "/rebalance/runs/rr_00000001/workflow", "workflow_rr_00000001" },
        { "/rebalance/runs/rr_00000002/workflow/history", "workflow_history_rr_00000002" },
        { "/rebalance/runs/by-correlation/corr_run2/workflow/history", "workflow_history_rr_00000002" },
        { "/rebalance/runs/idempotency/idem-1/workflow/history", "workflow_history_rr_00000002" },
        { "/rebalance/runs/rr_00000001/workflow/history", "workflow_history_rr_00000001" },
    };
    for (const auto &[target, name] : rows)
        QTest::newRow(target) << QString::fromLatin1(target) << QString::fromLatin1(name);
}

void ServeApiTest::endpoint_answersServiceBytes()
{
    QFETCH(QString, target);
    QFETCH(QString, goldenName);
    const HttpAnswer answer = m_server->get(QStringLiteral("/api/v1") + target);
    QVERIFY2(answer.status == 200, qPrintable(answer.describe()));
    QCOMPARE(answer.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(answer.body, golden(goldenName, answer.body));
}

void ServeApiTest::summary_answersServiceBytes()
{
    // store_backend is the backend's service name (SQL, POSTGRES): one golden per backend.
    const HttpAnswer answer = m_server->get(QStringLiteral("/api/v1/rebalance/supportability/summary"));
    QVERIFY2(answer.status == 200, qPrintable(answer.describe()));
    QCOMPARE(answer.body, golden(QStringLiteral("summary_") + kBackend, answer.body));
}

void ServeApiTest::bothPrefixes_answerTheSameBytes()
{
    for (const char *target : { "/rebalance/runs?limit=3", "/rebalance/runs/rr_00000002/support-bundle",
             "/rebalance/operations/dop_000000000002", "/rebalance/lineage/corr_op1" }) {
        const HttpAnswer latest = m_server->get(QStringLiteral("/api/v1") + QLatin1String(target));
        const HttpAnswer early = m_server->get(QLatin1String(target));
        QVERIFY2(latest.status == 200, qPrintable(latest.describe()));
        QCOMPARE(early.status, 200);
        QCOMPARE(early.body, latest.body);
    }
}

void ServeApiTest::listing_nextCursorPagesThroughEveryRow()
{
    QStringList seen;
    QString cursor;
    for (int page = 0; page < 10; ++page) {
        QString target = QStringLiteral("/api/v1/rebalance/runs?limit=1");
        if (!cursor.isEmpty())
            target += QStringLiteral("&cursor=") + cursor;
        const HttpAnswer answer = m_server->get(target);
        QVERIFY2(answer.status == 200, qPrintable(answer.describe()));
        const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
        for (const QJsonValue &item : body.value(QStringLiteral("items")).toArray())
            seen.append(item.toObject().value(QStringLiteral("rebalance_run_id")).toString());
        const QJsonValue next = body.value(QStringLiteral("next_cursor"));
        if (next.isNull())
            break;
        // The service's cursor: the last row's id, not our encoded keyset cursor.
        QCOMPARE(next.toString(), seen.constLast());
        cursor = next.toString();
    }
    QCOMPARE(seen, (QStringList { "rr_00000003", "rr_00000002", "rr_00000001", "rr_00000004" }));
}

void ServeApiTest::lineage_cursorWithPlusNeedsPercentEncoding()
{
    const HttpAnswer first = m_server->get(QStringLiteral("/api/v1/rebalance/lineage/rr_00000001?limit=1"));
    QVERIFY2(first.status == 200, qPrintable(first.describe()));
    QCOMPARE(first.body, golden(QStringLiteral("lineage_rr_00000001_page1"), first.body));
    const QString cursor
        = QJsonDocument::fromJson(first.body).object().value(QStringLiteral("next_cursor")).toString();
    QVERIFY(cursor.contains(QLatin1Char('+')));

    const QByteArray encoded = QUrl::toPercentEncoding(cursor);
    const HttpAnswer second
        = m_server->get(QStringLiteral("/api/v1/rebalance/lineage/rr_00000001?limit=1&cursor=") + QString::fromLatin1(encoded));
    QCOMPARE(second.status, 200);
    QCOMPARE(second.body, golden(QStringLiteral("lineage_rr_00000001_page2"), second.body));

    // A raw "+" is a space (as the service decodes it): the cursor names no edge, an empty page.
    QString raw = cursor;
    raw.replace(QLatin1Char('|'), QStringLiteral("%7C"));
    const HttpAnswer unencoded
        = m_server->get(QStringLiteral("/api/v1/rebalance/lineage/rr_00000001?limit=1&cursor=") + raw);
    QCOMPARE(unencoded.status, 200);
    QCOMPARE(unencoded.body, QByteArray(R"({"entity_id":"rr_00000001","edges":[],"next_cursor":null})"));
}

void ServeApiTest::lookup_unknown_answersItsNotFoundCode_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArray>("code");
    const QList<std::pair<const char *, const char *>> rows {
        { "/rebalance/runs/by-correlation/corr_nobody", "DPM_RUN_NOT_FOUND" },
        { "/rebalance/runs/by-request-hash/sha256:nobody", "DPM_RUN_NOT_FOUND" },
        { "/rebalance/runs/idempotency/idem-nobody", "DPM_IDEMPOTENCY_KEY_NOT_FOUND" },
        { "/rebalance/idempotency/idem-nobody/history", "DPM_IDEMPOTENCY_KEY_NOT_FOUND" },
        { "/rebalance/runs/rr_nobody", "DPM_RUN_NOT_FOUND" },
        { "/rebalance/runs/rr_nobody/support-bundle", "DPM_RUN_NOT_FOUND" },
        { "/rebalance/runs/by-correlation/corr_nobody/support-bundle", "DPM_RUN_NOT_FOUND" },
        { "/rebalance/runs/idempotency/idem-nobody/support-bundle", "DPM_IDEMPOTENCY_KEY_NOT_FOUND" },
        { "/rebalance/runs/idempotency/idem-orphan/support-bundle", "DPM_RUN_NOT_FOUND" },
        { "/rebalance/runs/by-operation/dop_nobody/support-bundle", "DPM_ASYNC_OPERATION_NOT_FOUND" },
        // An operation whose correlation id is no run's.
        { "/rebalance/runs/by-operation/dop_000000000002/support-bundle", "DPM_RUN_NOT_FOUND" },
        { "/rebalance/runs/rr_nobody/artifact", "DPM_RUN_NOT_FOUND" },
        { "/rebalance/operations/dop_nobody", "DPM_ASYNC_OPERATION_NOT_FOUND" },
        { "/rebalance/operations/by-correlation/corr_nobody", "DPM_ASYNC_OPERATION_NOT_FOUND" },
        // A decision's own correlation id is not a run's (Part A §12).
        { "/rebalance/workflow/decisions/by-correlation/corr_dec1", "DPM_RUN_NOT_FOUND" },
        { "/rebalance/runs/rr_nobody/workflow", "DPM_RUN_NOT_FOUND" },
        { "/rebalance/runs/by-correlation/corr_nobody/workflow", "DPM_RUN_NOT_FOUND" },
        { "/rebalance/runs/idempotency/idem-nobody/workflow", "DPM_IDEMPOTENCY_KEY_NOT_FOUND" },
        { "/rebalance/runs/idempotency/idem-orphan/workflow", "DPM_RUN_NOT_FOUND" },
        { "/rebalance/runs/rr_nobody/workflow/history", "DPM_RUN_NOT_FOUND" },
        { "/rebalance/runs/by-correlation/corr_nobody/workflow/history", "DPM_RUN_NOT_FOUND" },
        { "/rebalance/runs/idempotency/idem-nobody/workflow/history", "DPM_IDEMPOTENCY_KEY_NOT_FOUND" },
    };
    for (const auto &[target, code] : rows)
        QTest::newRow(target) << QString::fromLatin1(target) << QByteArray(code);
}

void ServeApiTest::lookup_unknown_answersItsNotFoundCode()
{
    QFETCH(QString, target);
    QFETCH(QByteArray, code);
    const HttpAnswer answer = m_server->get(QStringLiteral("/api/v1") + target);
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.body, detail(code.constData()));
}

void ServeApiTest::flag_off_answersItsDisabledCode_data()
{
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QStringList>("targets");
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("support apis") << "DPM_SUPPORT_APIS_ENABLED"
                                  << QStringList { "/rebalance/runs", "/rebalance/supportability/summary",
                                         "/rebalance/runs/rr_00000001", "/rebalance/runs/idempotency/idem-1",
                                         "/rebalance/operations/dop_000000000001", "/rebalance/lineage/x",
                                         "/rebalance/workflow/decisions", "/rebalance/runs/rr_00000001/artifact" }
                                  << QByteArray("DPM_SUPPORT_APIS_DISABLED");
    QTest::newRow("operations") << "DPM_ASYNC_OPERATIONS_ENABLED"
                                << QStringList { "/rebalance/operations", "/rebalance/operations/dop_000000000001",
                                       "/rebalance/operations/by-correlation/corr_op1" }
                                << QByteArray("DPM_ASYNC_OPERATIONS_DISABLED");
    QTest::newRow("artifacts") << "DPM_ARTIFACTS_ENABLED" << QStringList { "/rebalance/runs/rr_00000001/artifact" }
                               << QByteArray("DPM_ARTIFACTS_DISABLED");
    QTest::newRow("workflow") << "DPM_WORKFLOW_ENABLED"
                              << QStringList { "/rebalance/workflow/decisions",
                                     "/rebalance/workflow/decisions/by-correlation/corr_run2",
                                     "/rebalance/runs/rr_00000002/workflow",
                                     "/rebalance/runs/idempotency/idem-1/workflow/history" }
                              << QByteArray("DPM_WORKFLOW_DISABLED");
    QTest::newRow("lineage") << "DPM_LINEAGE_APIS_ENABLED" << QStringList { "/rebalance/lineage/rr_00000001" }
                             << QByteArray("DPM_LINEAGE_APIS_DISABLED");
    QTest::newRow("history") << "DPM_IDEMPOTENCY_HISTORY_APIS_ENABLED"
                             << QStringList { "/rebalance/idempotency/idem-1/history" }
                             << QByteArray("DPM_IDEMPOTENCY_HISTORY_APIS_DISABLED");
    QTest::newRow("summary") << "DPM_SUPPORTABILITY_SUMMARY_APIS_ENABLED"
                             << QStringList { "/rebalance/supportability/summary" }
                             << QByteArray("DPM_SUPPORTABILITY_SUMMARY_APIS_DISABLED");
    QTest::newRow("bundles") << "DPM_SUPPORT_BUNDLE_APIS_ENABLED"
                             << QStringList { "/rebalance/runs/rr_00000001/support-bundle",
                                    "/rebalance/runs/by-operation/dop_000000000003/support-bundle" }
                             << QByteArray("DPM_SUPPORT_BUNDLE_APIS_DISABLED");
}

void ServeApiTest::flag_off_answersItsDisabledCode()
{
    QFETCH(QString, flag);
    QFETCH(QStringList, targets);
    QFETCH(QByteArray, code);
    QProcessEnvironment environment = allFlagsOn();
    environment.insert(flag, QStringLiteral("false"));
    RunningServer server(*m_store, testServeOptions(environment));
    for (const QString &target : std::as_const(targets)) {
        const HttpAnswer answer = server.get(QStringLiteral("/api/v1") + target);
        QVERIFY2(answer.status == 404, qPrintable(target + QLatin1String(": ") + answer.describe()));
        QCOMPARE(answer.body, detail(code.constData()));
    }
}

void ServeApiTest::flags_defaults_andSpellings()
{
    {
        // Nothing set: workflow, lineage and history off; the rest on.
        RunningServer server(*m_store, testServeOptions(QProcessEnvironment()));
        QCOMPARE(server.get(QStringLiteral("/rebalance/runs/rr_00000002/workflow")).body,
            detail("DPM_WORKFLOW_DISABLED"));
        QCOMPARE(server.get(QStringLiteral("/rebalance/lineage/rr_00000001")).body,
            detail("DPM_LINEAGE_APIS_DISABLED"));
        QCOMPARE(server.get(QStringLiteral("/rebalance/idempotency/idem-1/history")).body,
            detail("DPM_IDEMPOTENCY_HISTORY_APIS_DISABLED"));
        QCOMPARE(server.get(QStringLiteral("/rebalance/runs/rr_00000001/artifact")).status, 200);
        QCOMPARE(server.get(QStringLiteral("/rebalance/operations")).status, 200);
        // A bundle carries workflow history and lineage even with those flags off.
        QCOMPARE(server.get(QStringLiteral("/api/v1/rebalance/runs/rr_00000002/support-bundle")).body,
            golden(QStringLiteral("bundle_rr_00000002"), {}));
    }
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("DPM_LINEAGE_APIS_ENABLED"), QStringLiteral("  On "));
    environment.insert(QStringLiteral("DPM_WORKFLOW_ENABLED"), QStringLiteral("YES"));
    environment.insert(QStringLiteral("DPM_IDEMPOTENCY_HISTORY_APIS_ENABLED"), QStringLiteral("enabled"));
    environment.insert(QStringLiteral("DPM_ARTIFACTS_ENABLED"), QString());
    RunningServer server(*m_store, testServeOptions(environment));
    QCOMPARE(server.get(QStringLiteral("/rebalance/lineage/rr_00000001")).status, 200);
    QCOMPARE(server.get(QStringLiteral("/rebalance/runs/rr_00000002/workflow")).status, 200);
    QCOMPARE(server.get(QStringLiteral("/rebalance/idempotency/idem-1/history")).body,
        detail("DPM_IDEMPOTENCY_HISTORY_APIS_DISABLED"));
    // Set but empty is not one of 1/true/yes/on: off.
    QCOMPARE(server.get(QStringLiteral("/rebalance/runs/rr_00000001/artifact")).body, detail("DPM_ARTIFACTS_DISABLED"));
}

void ServeApiTest::precedence_validationThenFlagsThenUnknownThenNotFound()
{
    QProcessEnvironment environment = allFlagsOn();
    environment.insert(QStringLiteral("DPM_SUPPORT_APIS_ENABLED"), QStringLiteral("0"));
    environment.insert(QStringLiteral("DPM_LINEAGE_APIS_ENABLED"), QStringLiteral("0"));
    RunningServer off(*m_store, testServeOptions(environment));
    // 422 validation before any flag.
    HttpAnswer answer = off.get(QStringLiteral("/rebalance/lineage/x?limit=0&bogus=1"));
    QCOMPARE(answer.status, 422);
    QVERIFY(answer.body.startsWith(R"({"detail":[{"type":"greater_than_equal")"));
    // DPM_SUPPORT_APIS_DISABLED before the endpoint's own flag, both before unknown parameters.
    QCOMPARE(off.get(QStringLiteral("/rebalance/lineage/x?bogus=1")).body, detail("DPM_SUPPORT_APIS_DISABLED"));

    environment.insert(QStringLiteral("DPM_SUPPORT_APIS_ENABLED"), QStringLiteral("1"));
    RunningServer lineageOff(*m_store, testServeOptions(environment));
    QCOMPARE(lineageOff.get(QStringLiteral("/rebalance/lineage/x?bogus=1")).body, detail("DPM_LINEAGE_APIS_DISABLED"));
    // Unknown parameters before not-found.
    answer = m_server->get(QStringLiteral("/rebalance/runs/rr_nobody?bogus=1"));
    QCOMPARE(answer.status, 422);
    QCOMPARE(answer.body,
        QByteArray(R"({"detail":"UNSUPPORTED_QUERY_PARAMETER: bogus not supported for this endpoint"})"));
}

void ServeApiTest::validation_answersFastApiListForm_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("limit=0") << "/rebalance/runs?limit=0"
                             << QByteArray(R"({"detail":[{"type":"greater_than_equal","loc":["query","limit"],)"
                                           R"("msg":"Input should be greater than or equal to 1","input":"0",)"
                                           R"("ctx":{"ge":1}}]})");
    QTest::newRow("limit=201") << "/rebalance/operations?limit=201"
                               << QByteArray(R"({"detail":[{"type":"less_than_equal","loc":["query","limit"],)"
                                             R"("msg":"Input should be less than or equal to 200","input":"201",)"
                                             R"("ctx":{"le":200}}]})");
    QTest::newRow("limit=abc") << "/rebalance/workflow/decisions?limit=abc"
                               << QByteArray(R"({"detail":[{"type":"int_parsing","loc":["query","limit"],)"
                                             R"("msg":"Input should be a valid integer, unable to parse string as an )"
                                             R"(integer","input":"abc"}]})");
    QTest::newRow("limit=") << "/rebalance/lineage/x?limit="
                            << QByteArray(R"({"detail":[{"type":"int_parsing","loc":["query","limit"],)"
                                          R"("msg":"Input should be a valid integer, unable to parse string as an )"
                                          R"(integer","input":""}]})");
    QTest::newRow("short timestamp") << "/rebalance/runs?created_to=yesterday"
                                     << QByteArray(R"({"detail":[{"type":"datetime_from_date_parsing",)"
                                                   R"("loc":["query","created_to"],"msg":"Input should be a valid )"
                                                   R"(datetime or date, input is too short",)"
                                                   R"("input":"yesterday","ctx":{"error":"input is too short"}}]})");
    QTest::newRow("bad timestamp") << "/rebalance/operations?created_from=2026-02-19T25:00:00"
                                   << QByteArray(R"({"detail":[{"type":"datetime_from_date_parsing",)"
                                                 R"("loc":["query","created_from"],"msg":"Input should be a valid )"
                                                 R"(datetime or date, unexpected extra characters at the end of the )"
                                                 R"(input","input":"2026-02-19T25:00:00","ctx":{"error":"unexpected )"
                                                 R"(extra characters at the end of the input"}}]})");
    QTest::newRow("bad month") << "/rebalance/workflow/decisions?decided_from=2026-13-01"
                               << QByteArray(R"({"detail":[{"type":"datetime_from_date_parsing",)"
                                             R"("loc":["query","decided_from"],"msg":"Input should be a valid )"
                                             R"(datetime or date, month value is outside expected range of 1-12",)"
                                             R"("input":"2026-13-01","ctx":{"error":"month value is outside )"
                                             R"(expected range of 1-12"}}]})");
    QTest::newRow("bad enum") << "/rebalance/workflow/decisions?action=approve"
                              << QByteArray(R"({"detail":[{"type":"literal_error","loc":["query","action"],)"
                                            R"("msg":"Input should be 'APPROVE', 'REJECT' or 'REQUEST_CHANGES'",)"
                                            R"("input":"approve","ctx":{"expected":"'APPROVE', 'REJECT' or )"
                                            R"('REQUEST_CHANGES'"}}]})");
    QTest::newRow("bad bool") << "/rebalance/runs/rr_00000001/support-bundle?include_artifact=maybe"
                              << QByteArray(R"({"detail":[{"type":"bool_parsing","loc":["query","include_artifact"],)"
                                            R"("msg":"Input should be a valid boolean, unable to interpret input",)"
                                            R"("input":"maybe"}]})");
    // Every failing parameter, in the endpoint's declared order.
    QTest::newRow("two errors") << "/rebalance/runs?limit=x&created_from=2026-02-30"
                                << QByteArray(R"({"detail":[{"type":"datetime_from_date_parsing",)"
                                              R"("loc":["query","created_from"],"msg":"Input should be a valid )"
                                              R"(datetime or date, day value is outside expected range",)"
                                              R"("input":"2026-02-30","ctx":{"error":"day value is outside expected )"
                                              R"(range"}},{"type":"int_parsing","loc":["query","limit"],)"
                                              R"("msg":"Input should be a valid integer, unable to parse string as an )"
                                              R"(integer","input":"x"}]})");
}

void ServeApiTest::validation_answersFastApiListForm()
{
    QFETCH(QString, target);
    QFETCH(QByteArray, body);
    const HttpAnswer answer = m_server->get(target);
    QCOMPARE(answer.status, 422);
    QCOMPARE(answer.body, body);
}

void ServeApiTest::unknownParameter_namesSortedOnce_andLookupsOfOperationsDoNotCheck()
{
    HttpAnswer answer = m_server->get(QStringLiteral("/api/v1/rebalance/runs?zeta=1&alpha=2&zeta=3&status=READY"));
    QCOMPARE(answer.status, 422);
    QCOMPARE(answer.body, QByteArray(R"({"detail":"UNSUPPORTED_QUERY_PARAMETER: alpha, status, zeta not supported )"
                                     R"(for this endpoint"})"));
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/supportability/summary?x=1")).status, 422);
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/runs/rr_00000001/support-bundle?include_artifact=1&x=1")).status,
        422);
    // Operation lookups take any parameter.
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/operations/dop_000000000001?x=1")).body,
        golden(QStringLiteral("operation_pending"), {}));
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/operations/by-correlation/corr_op2?x=1")).status, 200);
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/operations?x=1")).status, 422);
}

void ServeApiTest::query_plusIsSpace_lastDuplicateWins_blankIsValue()
{
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/runs?a+b%2Bc=1")).body,
        QByteArray(R"({"detail":"UNSUPPORTED_QUERY_PARAMETER: a b+c not supported for this endpoint"})"));
    const HttpAnswer last = m_server->get(QStringLiteral("/rebalance/runs?limit=abc&limit=1"));
    QCOMPARE(last.status, 200);
    QCOMPARE(QJsonDocument::fromJson(last.body).object().value(QStringLiteral("items")).toArray().size(), 1);
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/runs?limit=1&limit=")).status, 422);
    // A name without "=" is a blank value too.
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/runs?limit")).status, 422);
    // A blank filter is a filter: no run has portfolio "".
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/runs?portfolio_id=")).body,
        QByteArray(R"({"items":[],"next_cursor":null})"));
}

void ServeApiTest::compat_acceptsOldNames_andIgnoresUnknown()
{
    serve::ServeOptions options = testServeOptions(allFlagsOn());
    options.compatRfc0023 = true;
    RunningServer compat(*m_store, options);
    const HttpAnswer answer = compat.get(
        QStringLiteral("/rebalance/runs?status=PENDING_REVIEW&from=2026-02-19&to=2026-02-19T10:00:00%2B00:00&x=1"));
    QVERIFY2(answer.status == 200, qPrintable(answer.describe()));
    const QByteArray filtered = m_server->get(QStringLiteral("/rebalance/runs?status_filter=PENDING_REVIEW"
                                                             "&created_from=2026-02-19"
                                                             "&created_to=2026-02-19T10:00:00%2B00:00"))
                                    .body;
    QCOMPARE(answer.body, filtered);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("items")).toArray().size(), 1);
    // Validation errors name the parameter as given.
    const HttpAnswer bad = compat.get(QStringLiteral("/rebalance/workflow/decisions?from=nope"));
    QCOMPARE(bad.status, 422);
    QVERIFY2(bad.body.contains(R"("loc":["query","from"])"), bad.body.constData());
    // Without compat the old names are unknown.
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/operations?status=FAILED")).status, 422);
}

void ServeApiTest::routeOrder_firstRegisteredMatchWins()
{
    // /runs/by-correlation/{c} is registered before /runs/{id}/…: "workflow" is a correlation id here.
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/runs/by-correlation/corr_run1")).body,
        golden(QStringLiteral("run_rr_00000001"), {}));
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/runs/by-correlation/workflow")).body, detail("DPM_RUN_NOT_FOUND"));
    // Two segments: /runs/{id} with the id "by-correlation".
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/runs/by-correlation")).body, detail("DPM_RUN_NOT_FOUND"));
    // /runs/idempotency/{key} before /runs/{id}/workflow.
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/runs/idempotency/workflow")).body,
        detail("DPM_IDEMPOTENCY_KEY_NOT_FOUND"));
    // /runs/by-operation/{op} alone is no route.
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/runs/by-operation/dop_000000000001")).status, 404);
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/runs/by-operation/dop_000000000001")).body, detail("Not Found"));
    // A percent-encoded id is decoded before matching.
    QCOMPARE(m_server->get(QStringLiteral("/rebalance/runs/rr_0000000%31")).body,
        golden(QStringLiteral("run_rr_00000001"), {}));
}

void ServeApiTest::wrongMethod_answers405WithAllow_noRoute404()
{
    for (const char *method : { "DELETE", "PUT", "OPTIONS" }) {
        const HttpAnswer answer = m_server->request(QString::fromLatin1(method), QStringLiteral("/api/v1/rebalance/runs"),
            { { "Content-Length", "0" } });
        QCOMPARE(answer.status, 405);
        QCOMPARE(answer.body, detail("Method Not Allowed"));
        QCOMPARE(answer.header("allow"), QByteArray("GET"));
    }
    const HttpAnswer post = m_server->request(QStringLiteral("POST"), QStringLiteral("/health/live"),
        { { "Content-Length", "0" } });
    QCOMPARE(post.status, 405);
    for (const char *target : { "/", "/rebalance", "/api/v1/rebalance/nope", "/api/v2/rebalance/runs",
             "/rebalance/runs/", "/api/v1/health" }) {
        const HttpAnswer answer = m_server->get(QString::fromLatin1(target));
        QCOMPARE(answer.status, 404);
        QCOMPARE(answer.body, detail("Not Found"));
    }
    QCOMPARE(m_server->request(QStringLiteral("DELETE"), QStringLiteral("/nope"), { { "Content-Length", "0" } }).status,
        404);
}

void ServeApiTest::headers_echoOrMakeCorrelationAndRequestIds()
{
    const HttpAnswer echoed = m_server->get(QStringLiteral("/rebalance/runs/rr_nobody"),
        { { "X-Correlation-Id", "corr-from-client" }, { "X-Request-Id", "req-from-client" } });
    QCOMPARE(echoed.status, 404);
    QCOMPARE(echoed.header("x-correlation-id"), QByteArray("corr-from-client"));
    QCOMPARE(echoed.header("x-request-id"), QByteArray("req-from-client"));
    const HttpAnswer made = m_server->get(QStringLiteral("/health"));
    QVERIFY(QRegularExpression(QStringLiteral("^corr_[0-9a-f]{12}$"))
                .match(QString::fromLatin1(made.header("x-correlation-id")))
                .hasMatch());
    QVERIFY(QRegularExpression(QStringLiteral("^req_[0-9a-f]{12}$"))
                .match(QString::fromLatin1(made.header("x-request-id")))
                .hasMatch());
    QVERIFY(made.header("x-correlation-id") != m_server->get(QStringLiteral("/health")).header("x-correlation-id"));
}

void ServeApiTest::workflow_reviewStatusesFromEnvironment()
{
    QProcessEnvironment environment = allFlagsOn();
    environment.insert(QStringLiteral("DPM_WORKFLOW_REQUIRES_REVIEW_FOR_STATUSES"), QStringLiteral(" READY, ,BLOCKED"));
    RunningServer server(*m_store, testServeOptions(environment));
    QCOMPARE(server.get(QStringLiteral("/rebalance/runs/rr_00000001/workflow")).body,
        QByteArray(R"({"run_id":"rr_00000001","run_status":"READY","workflow_status":"PENDING_REVIEW",)"
                   R"("requires_review":true,"latest_decision":null})"));
    // PENDING_REVIEW is no longer in the list: its decisions are shown, the gate is not.
    QCOMPARE(server.get(QStringLiteral("/rebalance/runs/rr_00000002/workflow")).body,
        QByteArray(R"({"run_id":"rr_00000002","run_status":"PENDING_REVIEW","workflow_status":"NOT_REQUIRED",)"
                   R"("requires_review":false,"latest_decision":{"decision_id":"dwd_000000000002",)"
                   R"("run_id":"rr_00000002","action":"APPROVE","reason_code":"REVIEW_APPROVED","comment":"ok",)"
                   R"("actor_id":"bob","decided_at":"2026-02-19T13:00:00+00:00","correlation_id":"corr_dec2"}})"));
    // Blank: the default list.
    environment.insert(QStringLiteral("DPM_WORKFLOW_REQUIRES_REVIEW_FOR_STATUSES"), QStringLiteral(" , "));
    RunningServer defaults(*m_store, testServeOptions(environment));
    QCOMPARE(defaults.get(QStringLiteral("/rebalance/runs/rr_00000002/workflow")).body,
        golden(QStringLiteral("workflow_rr_00000002"), {}));
}

void ServeApiTest::health_andMetrics()
{
    QCOMPARE(m_server->get(QStringLiteral("/health")).body, QByteArray(R"({"status":"ok"})"));
    QCOMPARE(m_server->get(QStringLiteral("/health/live")).body, QByteArray(R"({"status":"live"})"));
    QCOMPARE(m_server->get(QStringLiteral("/health/ready")).body, QByteArray(R"({"status":"ready"})"));
    m_server->get(QStringLiteral("/api/v1/rebalance/runs/rr_nobody"));
    const HttpAnswer metrics = m_server->get(QStringLiteral("/metrics"));
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.header("Content-Type").startsWith("text/plain; version=0.0.4"));
    for (const char *expected : { "# TYPE dpm_http_requests_total counter",
             "dpm_http_requests_total{route=\"/api/v1/rebalance/runs/{rebalance_run_id}\",status=\"404\"} ",
             "dpm_http_request_duration_seconds_bucket{route=\"/api/v1/rebalance/runs/{rebalance_run_id}\","
             "status=\"404\",le=\"+Inf\"} ",
             "dpm_store_query_duration_seconds_count{kind=\"/rebalance/runs/{rebalance_run_id}\"} ",
             "dpm_store_pool_size 8", "dpm_store_pool_idle ", "dpm_http_connections_open ",
             "# TYPE dpm_store_call_duration_seconds histogram", "dpm_store_call_failures_total{kind=\"lookup\"} 0\n",
             "dpm_store_call_duration_seconds_bucket{kind=\"lookup\",le=\"+Inf\"} ",
             "dpm_store_call_latency_seconds{kind=\"lookup\",quantile=\"0.95\"} ",
             "dpm_store_call_duration_seconds_count{kind=\"bulk\"} 0\n",
             // The store's status of this scrape: a single store, no dual-write.
             "# TYPE dpm_store_status_up gauge\ndpm_store_status_up 1\n", "dpm_dual_write_enabled 0\n" })
        QVERIFY2(metrics.body.contains(expected), expected);
    if (backendIsPostgres()) {
        QVERIFY(metrics.body.contains("dpm_store_postgres_connected 1\n"));
        QVERIFY(metrics.body.contains("dpm_store_replica 0\n"));
    } else {
        QVERIFY(!metrics.body.contains("dpm_store_postgres_connected"));
    }
    // A primary has no replay lag; the dual-write series come only with the decorator.
    QVERIFY(!metrics.body.contains("dpm_store_replay_lag_seconds"));
    QVERIFY(!metrics.body.contains("dpm_dual_write_failures_total"));
    // The run lookup (and the readiness probe's) were timed as lookups, and not as failures.
    const QRegularExpression lookups(QStringLiteral(R"(dpm_store_call_duration_seconds_count\{kind="lookup"\} (\d+))"));
    const QRegularExpressionMatch lookupCount = lookups.match(QString::fromUtf8(metrics.body));
    QVERIFY(lookupCount.hasMatch());
    QVERIFY(lookupCount.captured(1).toInt() >= 1);
    // Route templates only: no id a client sent.
    QVERIFY(!metrics.body.contains("rr_nobody"));
}

// What /metrics renders from a store status: a replica's replay lag (the README's lag rule reads
// dpm_store_replay_lag_seconds) and every dual-write figure, with Prometheus HELP/TYPE lines.
void ServeApiTest::metrics_replicaReplayLagAndDualWriteFigures()
{
    StoreStatus status;
    status.postgresConfigured = true;
    status.postgresConnected = true;
    status.server.isReplica = true;
    status.server.replayLagSeconds = 12.5;
    status.dualWriteEnabled = true;
    status.dualWriteMirroredWrites = 40;
    status.dualWriteFailures = 3;
    status.readsFromPrimary = 70;
    status.readsFromPostgres = 30;
    status.postgresReadFallbacks = 2;
    status.readFromPostgresPercent = 25;
    status.actualReadFromPostgresPercent = 30;
    status.connections = ConnectionPoolFigures { .size = 20, .maxOverflow = 10, .open = 5, .active = 2, .waiting = 1 };
    const QueryMetrics queries;
    const QByteArray body = serve::ApiMetrics().render({ 4, 1, 2 }, queries, &status);
    for (const char *expected : { "dpm_store_status_up 1\n", "dpm_store_postgres_connected 1\n", "dpm_store_replica 1\n",
             "# TYPE dpm_store_replay_lag_seconds gauge\ndpm_store_replay_lag_seconds 12.5\n",
             "dpm_dual_write_enabled 1\n", "# TYPE dpm_dual_write_mirrored_writes_total counter\n",
             "dpm_dual_write_mirrored_writes_total 40\n", "# TYPE dpm_dual_write_failures_total counter\n",
             "dpm_dual_write_failures_total 3\n", "dpm_dual_write_reads_total{target=\"primary\"} 70\n",
             "dpm_dual_write_reads_total{target=\"postgres\"} 30\n", "dpm_dual_write_read_fallbacks_total 2\n",
             "# TYPE dpm_dual_write_read_from_postgres_percent gauge\n", "dpm_dual_write_read_from_postgres_percent 25\n",
             "dpm_dual_write_read_from_postgres_actual_percent 30\n", "dpm_store_pool_idle 3\n",
             "dpm_postgres_pool_size 20\n", "dpm_postgres_pool_max_overflow 10\n", "dpm_postgres_pool_open 5\n",
             "dpm_postgres_pool_active 2\n", "dpm_postgres_pool_idle 3\n", "dpm_postgres_pool_waiting 1\n" })
        QVERIFY2(body.contains(expected), expected);
    // Every sample line belongs to a series declared with # TYPE.
    QSet<QByteArray> declared;
    for (const QByteArray &line : body.split('\n')) {
        if (line.startsWith("# TYPE "))
            declared.insert(line.split(' ').value(2));
        else if (!line.isEmpty() && !line.startsWith('#')) {
            QByteArray name = line.left(line.indexOf(' '));
            name = name.left(name.indexOf('{') < 0 ? name.size() : name.indexOf('{'));
            for (const char *suffix : { "_bucket", "_sum", "_count" }) {
                if (!declared.contains(name) && name.endsWith(suffix))
                    name.chop(qstrlen(suffix));
            }
            QVERIFY2(declared.contains(name), line.constData());
        }
    }
    // A store that did not answer this scrape: only the up gauge says so.
    const QByteArray silent = serve::ApiMetrics().render({ 4, 4, 2 }, queries, nullptr);
    QVERIFY(silent.contains("dpm_store_status_up 0\n"));
    QVERIFY(!silent.contains("dpm_dual_write_enabled"));
    QVERIFY(!silent.contains("dpm_store_replay_lag_seconds"));
}

// serve over a dual-write store (memory primary, PostgreSQL) exports what the decorator counted.
void ServeApiTest::metrics_dualWriteStore_exportsItsFigures()
{
    try {
        const StoreLocation postgres = PgServer::instance().createMigratedDatabase(QStringLiteral("serve_metrics_dual"));
        std::unique_ptr<SupportStore> dual = openDualWrite(std::make_unique<MemoryStore>(),
            DualWriteConfig { .enabled = true, .readFromPostgresPercent = 100, .postgres = postgres });
        RebalanceRun run = m_store->getRun(QStringLiteral("rr_00000001")).value();
        dual->saveRun(run);
        RunningServer server(*dual, testServeOptions(allFlagsOn()));
        QCOMPARE(server.get(QStringLiteral("/api/v1/rebalance/runs/rr_00000001")).status, 200);
        const QByteArray body = server.get(QStringLiteral("/metrics")).body;
        const DualWriteFigures figures = storeAs<DualWriteStore>(*dual)->figures();
        QCOMPARE(figures.mirroredWrites, 1u);
        QVERIFY(figures.postgresReads >= 1);
        for (const QByteArray &expected : QByteArrayList { QByteArray("dpm_dual_write_enabled 1\n"),
                 QByteArray("dpm_dual_write_mirrored_writes_total 1\n"), QByteArray("dpm_dual_write_failures_total 0\n"),
                 QByteArray("dpm_dual_write_reads_total{target=\"postgres\"} " + QByteArray::number(figures.postgresReads) + '\n'),
                 QByteArray("dpm_dual_write_reads_total{target=\"primary\"} 0\n"),
                 QByteArray("dpm_dual_write_read_fallbacks_total 0\n"),
                 QByteArray("dpm_dual_write_read_from_postgres_percent 100\n"),
                 QByteArray("dpm_dual_write_read_from_postgres_actual_percent 100\n"),
                 QByteArray("dpm_store_postgres_connected 1\n"), QByteArray("dpm_store_replica 0\n") })
            QVERIFY2(body.contains(expected), expected.constData());
    } catch (const Error &error) {
        QFAIL(qPrintable(error.toString()));
    }
}

void ServeApiTest::log_oneLogfmtLinePerRequest_withoutQueryValues()
{
    RunningServer server(*m_store, testServeOptions(allFlagsOn()));
    server.get(QStringLiteral("/api/v1/rebalance/runs?cursor=secret-cursor-value&limit=1"),
        { { "X-Correlation-Id", "corr log \"quoted\"" } });
    const QList<QByteArray> lines = server.logLines();
    QCOMPARE(lines.size(), 1);
    const QByteArray line = lines.constFirst();
    QVERIFY2(QRegularExpression(QStringLiteral(
                 R"(^time=\S+ level=info msg=request method=GET path=/api/v1/rebalance/runs route=/api/v1/rebalance/runs )"
                 R"(status=200 duration_ms=[0-9.]+ correlation_id="corr log \\"quoted\\"" request_id=req_[0-9a-f]{12}$)"))
                 .match(QString::fromUtf8(line))
                 .hasMatch(),
        line.constData());
    QVERIFY(!line.contains("secret-cursor-value"));
}

DPM_BACKEND_TEST_GUILESS_MAIN(ServeApiTest,
    { "metrics_dualWriteStore_exportsItsFigures", TestBackend::Postgres })
#include "tst_serve_api.moc"
