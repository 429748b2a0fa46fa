// The investigation services over a real store: the support bundle (Part B §6.4), the lineage
// listing (§6.2) and find-by-any-identifier (the neighbourhood graph is tst_lineagegraph.cpp's).
// Like the store contract, the same test functions run against every backend; the executable's
// compile definition selects which store the fixture opens. Every test function gets a fresh,
// empty store in init().

#include "backendstore.h"
#include "domain/apijson.h"
#include "domain/canonicaljson.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "errorassertions.h"
#include "services/artifact.h"
#include "services/finder.h"
#include "services/lineage.h"
#include "services/supportbundle.h"
#include "store/runeventstore.h"
#include "store/supportstore.h"

#include <QJsonArray>
#include <QJsonDocument>
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

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(canonicalJson(object));
}

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.isNull() ? QStringLiteral("null") : value.toVariant().toString();
}

RunRecord makeRecord(const QString &id, const QString &correlationId, const QString &createdAt,
    const std::optional<QString> &key = std::nullopt, const QString &requestHash = QStringLiteral("sha256:aaa"))
{
    RunRecord record;
    record.run.rebalanceRunId = id;
    record.run.correlationId = correlationId;
    record.run.requestHash = requestHash;
    record.run.idempotencyKey = key;
    record.run.portfolioId = QStringLiteral("pf_1");
    record.run.createdAt = createdAt;
    record.run.resultJson = json(QJsonObject { { QStringLiteral("rebalance_run_id"), id },
        { QStringLiteral("status"), QStringLiteral("READY") },
        { QStringLiteral("lineage"), QJsonObject { { QStringLiteral("engine_version"), QStringLiteral("1.0.0") } } } });
    return record;
}

AsyncOperation makeOperation(const QString &id, const QString &correlationId, const QString &createdAt)
{
    AsyncOperation op;
    op.operationId = id;
    op.operationType = QStringLiteral("ANALYZE_SCENARIOS");
    op.status = QStringLiteral("PENDING");
    op.correlationId = correlationId;
    op.createdAt = createdAt;
    op.requestJson = QStringLiteral(R"({"scenarios":{"baseline":{"options":{}}}})");
    return op;
}

WorkflowDecision makeDecision(
    const QString &id, const QString &runId, const QString &decidedAt, const QString &correlationId)
{
    return WorkflowDecision { id, runId, QStringLiteral("APPROVE"), QStringLiteral("REVIEW_APPROVED"),
        QStringLiteral("looks fine"), QStringLiteral("reviewer_1"), decidedAt, correlationId };
}

LineageEdge edge(const QString &source, const QString &type, const QString &target, const QString &createdAt,
    const QString &metadata = QStringLiteral("{}"))
{
    return LineageEdge { source, type, target, createdAt, metadata };
}

QString edgeText(const LineageEdge &e)
{
    return e.sourceEntityId + QLatin1Char(' ') + e.edgeType + QLatin1Char(' ') + e.targetEntityId + QLatin1Char(' ')
        + e.createdAt;
}

QStringList edgesText(const QList<LineageEdge> &edges)
{
    QStringList out;
    for (const LineageEdge &e : edges)
        out << edgeText(e);
    return out;
}

QStringList idsIn(const QJsonArray &items, const QString &key)
{
    QStringList out;
    for (const QJsonValue &item : items)
        out << item.toObject().value(key).toString();
    return out;
}

QStringList matchesText(const QList<IdentifierMatch> &matches)
{
    QStringList out;
    for (const IdentifierMatch &m : matches) {
        out << QStringLiteral("%1 run=%2%3 op=%4 dec=%5 n=%6")
                   .arg(toWire(m.kind), m.runId.value_or(QStringLiteral("-")),
                       m.runExists ? QString() : QStringLiteral("(missing)"),
                       m.operationId.value_or(QStringLiteral("-")), m.decisionId.value_or(QStringLiteral("-")))
                   .arg(m.runCount);
    }
    return out;
}

} // namespace

class InvestigationServices : public QObject
{
    Q_OBJECT

public:
    SupportStore &store() { return *m_store; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_store;

    // The bundle scenario:
    //  rr_a1 (corr_a1, key idem-A, 12:00) then rr_a2 (corr_a2, key idem-A, 12:10): the mapping
    //    follows rr_a2, the key's history has both; dop_1 has rr_a1's correlation; two decisions on
    //    rr_a1 appended newest first; a self-edge on rr_a1 and rr_a1 -derived_from-> rr_b.
    //  rr_b (corr_b, no key, 11:00) with a persisted artifact and no operation.
    //  dop_orphan's correlation names no run; idem-orphan maps to a run that is not stored;
    //  idem-history-only has a history row but no mapping.
    void seedBundleScenario()
    {
        store().recordRun(
            makeRecord(QStringLiteral("rr_a1"), QStringLiteral("corr_a1"), at(0), QStringLiteral("idem-A")));
        store().recordRun(
            makeRecord(QStringLiteral("rr_a2"), QStringLiteral("corr_a2"), at(10), QStringLiteral("idem-A")));
        RunRecord b = makeRecord(QStringLiteral("rr_b"), QStringLiteral("corr_b"), at(-60));
        b.artifactJson = QStringLiteral(R"({"artifact_id":"dra_b","persisted_marker":true})");
        store().recordRun(b);
        store().submitOperation(makeOperation(QStringLiteral("dop_1"), QStringLiteral("corr_a1"), at(1)));
        store().submitOperation(makeOperation(QStringLiteral("dop_orphan"), QStringLiteral("corr_nobody"), at(2)));
        store().appendWorkflowDecision(
            makeDecision(QStringLiteral("dwd_2"), QStringLiteral("rr_a1"), at(30), QStringLiteral("corr_act2")));
        store().appendWorkflowDecision(
            makeDecision(QStringLiteral("dwd_1"), QStringLiteral("rr_a1"), at(20), QStringLiteral("corr_act1")));
        store().appendLineageEdge(
            edge(QStringLiteral("rr_a1"), QStringLiteral("caused_by"), QStringLiteral("rr_a1"), at(5)));
        store().appendLineageEdge(
            edge(QStringLiteral("rr_a1"), QStringLiteral("derived_from"), QStringLiteral("rr_b"), at(6)));
        store().saveIdempotencyMapping(
            { QStringLiteral("idem-orphan"), QStringLiteral("sha256:x"), QStringLiteral("rr_gone"), at(3) });
        store().appendIdempotencyHistory({ QStringLiteral("idem-history-only"), QStringLiteral("rr_a1"),
            QStringLiteral("corr_a1"), QStringLiteral("sha256:aaa"), at(3) });
    }

    QJsonObject bundleJson(
        SupportBundleEntry::Kind kind, const QString &value, const SupportBundleOptions &options = {})
    {
        return supportBundleJson(buildSupportBundle(store(), SupportBundleEntry { kind, value }, options));
    }

    // Edges of the lineage listing scenario around entity E (and noise around others).
    QList<LineageEdge> seedLineageScenario()
    {
        const QList<LineageEdge> edges {
            edge(QStringLiteral("E"), QStringLiteral("caused_by"), QStringLiteral("X"), at(3)),
            edge(QStringLiteral("A"), QStringLiteral("CORRELATION_TO_RUN"), QStringLiteral("E"), at(1)),
            edge(QStringLiteral("E"), QStringLiteral("CORRELATION_TO_RUN"), QStringLiteral("B"), at(1)),
            edge(QStringLiteral("E"), QStringLiteral("caused_by"), QStringLiteral("E"), at(2)),
            edge(QStringLiteral("C"), QStringLiteral("derived_from"), QStringLiteral("E"), at(5)),
            edge(QStringLiteral("A"), QStringLiteral("caused_by"), QStringLiteral("E"), at(1)),
            edge(QStringLiteral("E"), QStringLiteral("replayed_from"), QStringLiteral("D"), at(4)),
            edge(QStringLiteral("X"), QStringLiteral("caused_by"), QStringLiteral("Y"), at(2)),
        };
        for (const LineageEdge &e : edges)
            store().appendLineageEdge(e);
        return edges;
    }

    // Every page of the lineage listing with a small limit.
    QList<LineageEdge> walkLineage(const QString &entity, const LineageFilter &filter, int limit, bool *ended)
    {
        QList<LineageEdge> all;
        std::optional<QString> cursor;
        *ended = false;
        for (int guard = 0; guard < 100; ++guard) {
            const Page<LineageEdge> page = lineageEdgesPage(store(), entity, filter, PageRequest { limit, cursor });
            all += page.items;
            if (!page.nextCursor) {
                *ended = true;
                break;
            }
            cursor = page.nextCursor;
        }
        return all;
    }

private Q_SLOTS:
    void init();
    void cleanup();

    // support bundle
    void bundle_byRunId_hasEverySectionOfTheServiceBody();
    void bundle_byCorrelation_isTheRunsBundle();
    void bundle_byIdempotencyKey_followsTheCurrentMapping();
    void bundle_byOperation_followsItsCorrelationToTheRun();
    void bundle_byOperation_asyncToggleOff_isNull();
    void bundle_toggleOff_givesNull_data();
    void bundle_toggleOff_givesNull();
    void bundle_notFound_data();
    void bundle_notFound();
    void bundle_runWithoutKey_idempotencyHistoryIsNull();
    void bundle_runWithKeyButNoHistory_isAnEmptyList();
    void bundle_runWithoutOperation_asyncOperationIsNull();
    void bundle_storedArtifact_isShownAsStored();
    void bundle_storedArtifactNotJson_isNullWithTheRawText();
    void bundle_noStoredArtifact_isDerivedFromTheResult();
    void bundle_lineage_sortedWithSelfEdgeOnce();
    void bundle_oldRuns_areNeverPurged();
    void bundle_runEvents_bySequenceWithTheirDeliveries();

    // lineage listing
    void lineageEdges_sortedByFullKeyAscending();
    void lineageEdges_filter_data();
    void lineageEdges_filter();
    void lineageEdges_pagingWithSmallLimits_reachesTheEndInOrder_data();
    void lineageEdges_pagingWithSmallLimits_reachesTheEndInOrder();
    void lineageEdges_pagingWithFilter_reachesTheEnd();
    void lineageEdges_nextCursor_isTheCompositeKeyOfTheLastEdge();
    void lineageEdges_unknownCursor_isAnEmptyPage();
    void lineageEdges_cursorOfAnEdgeTheFilterExcludes_isAnEmptyPage();
    void lineageEdges_emptyCursor_isTheFirstPage();
    void lineageEdges_malformedCursor_isInvalidCursor();
    void lineageEdges_limitOutOfRange_isInvalidLimit_data();
    void lineageEdges_limitOutOfRange_isInvalidLimit();
    void lineageEdges_limitBounds_areAccepted();
    void lineageEdges_selfEdge_appearsOnce();
    void lineageEdges_duplicatesAcrossAPageEnd_areNeverLost();
    void lineageEdges_idsHoldingTheSeparator_pageCorrectly();
    void lineageEdges_unknownEntity_isAnEmptyPage();

    // find
    void find_eachKind_data();
    void find_eachKind();
    void find_identifierOfSeveralKinds_returnsEveryMatch();
    void find_requestHash_leadsToTheLatestRunWithCount();
    void find_danglingReferences_sayTheRunIsMissing();
    void find_noMatch_isEmpty();
    void find_blank_isInvalidIdentifier();
    void find_surroundingWhitespace_isIgnored();
    void find_json_namesKindAndTargets();
};

void InvestigationServices::init()
{
    DPM_OPEN_FRESH_BACKEND_STORE(m_dir, m_store, "services");
}

void InvestigationServices::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

// ---------------------------------------------------------------------------- support bundle

void InvestigationServices::bundle_byRunId_hasEverySectionOfTheServiceBody()
{
    guarded([&] {
        seedBundleScenario();
        const QJsonObject body = bundleJson(SupportBundleEntry::Kind::RunId, QStringLiteral("rr_a1"));
        QCOMPARE(body.keys(),
            (QStringList { "artifact", "async_operation", "idempotency_history", "lineage", "run", "run_events",
                "workflow_history" }));
        QCOMPARE(body.value("run_events").toArray(), QJsonArray());

        const RebalanceRun run = *store().getRun(QStringLiteral("rr_a1"));
        QCOMPARE(body.value("run").toObject(), runLookupJson(run));
        QCOMPARE(body.value("artifact").toObject(), deriveRunArtifact(run));
        QCOMPARE(body.value("async_operation").toObject(), operationJson(*store().getOperation("dop_1")));

        const QJsonObject history = body.value("workflow_history").toObject();
        QCOMPARE(history.value("run_id").toString(), QStringLiteral("rr_a1"));
        QCOMPARE(idsIn(history.value("decisions").toArray(), "decision_id"), (QStringList { "dwd_1", "dwd_2" }));
        QCOMPARE(history.value("decisions").toArray().at(0).toObject(),
            decisionJson(makeDecision("dwd_1", "rr_a1", at(20), "corr_act1")));

        const QJsonObject lineage = body.value("lineage").toObject();
        QCOMPARE(lineage.keys(), (QStringList { "edges", "entity_id", "next_cursor" }));
        QCOMPARE(lineage.value("entity_id").toString(), QStringLiteral("rr_a1"));
        QVERIFY(lineage.value("next_cursor").isNull());
        QCOMPARE(lineage, lineageJson(QStringLiteral("rr_a1"), store().listLineageEdges(QStringLiteral("rr_a1"))));

        const QJsonObject idempotency = body.value("idempotency_history").toObject();
        QCOMPARE(idempotency.value("idempotency_key").toString(), QStringLiteral("idem-A"));
        QCOMPARE(idsIn(idempotency.value("history").toArray(), "rebalance_run_id"), (QStringList { "rr_a1", "rr_a2" }));
        QCOMPARE(idempotency, idempotencyHistoryJson("idem-A", store().listIdempotencyHistory("idem-A")));
    });
}

void InvestigationServices::bundle_runEvents_bySequenceWithTheirDeliveries()
{
    guarded([&] {
        seedBundleScenario();
        RunEventStore &events = store().runEvents();
        AppendEventRequest first { QStringLiteral("rr_a1"), QStringLiteral("RUN_CREATED"), QStringLiteral("k1"),
            QStringLiteral("{\"n\":1}"), { QStringLiteral("dpm.a"), QStringLiteral("dpm.b") }, 3, at(30) };
        AppendEventRequest second { QStringLiteral("rr_a1"), QStringLiteral("RUN_READY"), QStringLiteral("k2"),
            QStringLiteral("{\"n\":2}"), { QStringLiteral("dpm.a") }, 3, at(31) };
        events.appendEvent(first);
        events.appendEvent(second);
        events.appendEvent(AppendEventRequest { QStringLiteral("rr_a2"), QStringLiteral("OTHER"), QStringLiteral("k1"),
            QStringLiteral("{}"), { QStringLiteral("dpm.a") }, 3, at(32) });

        const QJsonArray shown
            = bundleJson(SupportBundleEntry::Kind::RunId, QStringLiteral("rr_a1")).value("run_events").toArray();
        QCOMPARE(shown, runEventsJson(events.listEvents(QStringLiteral("rr_a1"))));
        QCOMPARE(shown.size(), 2);
        QCOMPARE(shown.at(0).toObject().value("sequence_no").toInteger(), 1);
        QCOMPARE(shown.at(0).toObject().value("payload").toObject().value("n").toInt(), 1);
        QCOMPARE(shown.at(0).toObject().value("deliveries").toArray().size(), 2);
        QCOMPARE(shown.at(1).toObject().value("event_type").toString(), QStringLiteral("RUN_READY"));
        const QJsonObject delivery = shown.at(1).toObject().value("deliveries").toArray().at(0).toObject();
        QCOMPARE(delivery.value("status").toString(), QStringLiteral("PENDING"));
        QCOMPARE(delivery.value("topic").toString(), QStringLiteral("dpm.a"));
    });
}

void InvestigationServices::bundle_byCorrelation_isTheRunsBundle()
{
    guarded([&] {
        seedBundleScenario();
        QCOMPARE(bundleJson(SupportBundleEntry::Kind::Correlation, QStringLiteral("corr_a1")),
            bundleJson(SupportBundleEntry::Kind::RunId, QStringLiteral("rr_a1")));
    });
}

void InvestigationServices::bundle_byIdempotencyKey_followsTheCurrentMapping()
{
    guarded([&] {
        seedBundleScenario();
        const QJsonObject body = bundleJson(SupportBundleEntry::Kind::IdempotencyKey, QStringLiteral("idem-A"));
        QCOMPARE(body.value("run").toObject().value("rebalance_run_id").toString(), QStringLiteral("rr_a2"));
        QCOMPARE(body, bundleJson(SupportBundleEntry::Kind::RunId, QStringLiteral("rr_a2")));
        QVERIFY(body.value("async_operation").isNull()); // no operation has corr_a2
    });
}

void InvestigationServices::bundle_byOperation_followsItsCorrelationToTheRun()
{
    guarded([&] {
        seedBundleScenario();
        const QJsonObject body = bundleJson(SupportBundleEntry::Kind::OperationId, QStringLiteral("dop_1"));
        QCOMPARE(body.value("run").toObject().value("rebalance_run_id").toString(), QStringLiteral("rr_a1"));
        QCOMPARE(body.value("async_operation").toObject().value("operation_id").toString(), QStringLiteral("dop_1"));
        QCOMPARE(body, bundleJson(SupportBundleEntry::Kind::RunId, QStringLiteral("rr_a1")));
    });
}

void InvestigationServices::bundle_byOperation_asyncToggleOff_isNull()
{
    guarded([&] {
        seedBundleScenario();
        SupportBundleOptions options;
        options.includeAsyncOperation = false;
        const QJsonObject body = bundleJson(SupportBundleEntry::Kind::OperationId, QStringLiteral("dop_1"), options);
        QCOMPARE(body.value("run").toObject().value("rebalance_run_id").toString(), QStringLiteral("rr_a1"));
        QVERIFY(body.contains("async_operation"));
        QVERIFY(body.value("async_operation").isNull());
    });
}

void InvestigationServices::bundle_toggleOff_givesNull_data()
{
    QTest::addColumn<int>("toggle");
    QTest::addColumn<QString>("field");
    QTest::newRow("include_artifact") << 0 << "artifact";
    QTest::newRow("include_async_operation") << 1 << "async_operation";
    QTest::newRow("include_idempotency_history") << 2 << "idempotency_history";
}

void InvestigationServices::bundle_toggleOff_givesNull()
{
    QFETCH(int, toggle);
    QFETCH(QString, field);
    guarded([&] {
        seedBundleScenario();
        SupportBundleOptions options;
        options.includeArtifact = toggle != 0;
        options.includeAsyncOperation = toggle != 1;
        options.includeIdempotencyHistory = toggle != 2;
        const QJsonObject full = bundleJson(SupportBundleEntry::Kind::RunId, QStringLiteral("rr_a1"));
        const QJsonObject body = bundleJson(SupportBundleEntry::Kind::RunId, QStringLiteral("rr_a1"), options);
        QVERIFY(!full.value(field).isNull());
        QVERIFY(body.contains(field));
        QVERIFY2(body.value(field).isNull(), qPrintable(compact(body.value(field))));
        // Everything else is as with every toggle on.
        QJsonObject rest = body;
        QJsonObject fullRest = full;
        rest.remove(field);
        fullRest.remove(field);
        QCOMPARE(rest, fullRest);
    });
}

void InvestigationServices::bundle_notFound_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("code");
    using Kind = SupportBundleEntry::Kind;
    QTest::newRow("unknown run id") << int(Kind::RunId) << "rr_nothing"
                                    << "DPM_RUN_NOT_FOUND";
    QTest::newRow("an operation's correlation is not a run's") << int(Kind::Correlation) << "corr_nobody"
                                                               << "DPM_RUN_NOT_FOUND";
    QTest::newRow("key without mapping") << int(Kind::IdempotencyKey) << "idem-unknown"
                                         << "DPM_IDEMPOTENCY_KEY_NOT_FOUND";
    QTest::newRow("key with history but no mapping") << int(Kind::IdempotencyKey) << "idem-history-only"
                                                     << "DPM_IDEMPOTENCY_KEY_NOT_FOUND";
    QTest::newRow("mapping to a missing run") << int(Kind::IdempotencyKey) << "idem-orphan"
                                              << "DPM_RUN_NOT_FOUND";
    QTest::newRow("unknown operation") << int(Kind::OperationId) << "dop_nothing"
                                       << "DPM_ASYNC_OPERATION_NOT_FOUND";
    QTest::newRow("operation whose correlation matches no run") << int(Kind::OperationId) << "dop_orphan"
                                                                << "DPM_RUN_NOT_FOUND";
    QTest::newRow("a run id is not an operation id") << int(Kind::OperationId) << "rr_a1"
                                                     << "DPM_ASYNC_OPERATION_NOT_FOUND";
}

void InvestigationServices::bundle_notFound()
{
    QFETCH(int, kind);
    QFETCH(QString, value);
    QFETCH(QString, code);
    guarded([&] { seedBundleScenario(); });
    bool thrown = false;
    try {
        buildSupportBundle(store(), SupportBundleEntry { SupportBundleEntry::Kind(kind), value });
    } catch (const Error &error) {
        thrown = true;
        QCOMPARE(error.code(), code);
        QCOMPARE(errorKindName(error.kind()), errorKindName(ErrorKind::NotFound));
        QVERIFY(error.message().contains(value));
    }
    QVERIFY2(thrown, "expected a not-found error");
}

void InvestigationServices::bundle_runWithoutKey_idempotencyHistoryIsNull()
{
    guarded([&] {
        seedBundleScenario();
        const QJsonObject body = bundleJson(SupportBundleEntry::Kind::RunId, QStringLiteral("rr_b"));
        QVERIFY(body.contains("idempotency_history"));
        QVERIFY(body.value("idempotency_history").isNull());
    });
}

void InvestigationServices::bundle_runWithKeyButNoHistory_isAnEmptyList()
{
    guarded([&] {
        RunRecord record
            = makeRecord(QStringLiteral("rr_k"), QStringLiteral("corr_k"), at(0), QStringLiteral("idem-K"));
        store().saveRun(record.run); // a hand-made row: a key, but no history rows
        const QJsonObject body = bundleJson(SupportBundleEntry::Kind::RunId, QStringLiteral("rr_k"));
        QCOMPARE(body.value("idempotency_history").toObject(),
            (QJsonObject { { "idempotency_key", "idem-K" }, { "history", QJsonArray {} } }));
    });
}

void InvestigationServices::bundle_runWithoutOperation_asyncOperationIsNull()
{
    guarded([&] {
        seedBundleScenario();
        const QJsonObject body = bundleJson(SupportBundleEntry::Kind::RunId, QStringLiteral("rr_b"));
        QVERIFY(body.contains("async_operation"));
        QVERIFY(body.value("async_operation").isNull());
    });
}

void InvestigationServices::bundle_storedArtifact_isShownAsStored()
{
    guarded([&] {
        seedBundleScenario();
        const SupportBundle bundle
            = buildSupportBundle(store(), { SupportBundleEntry::Kind::RunId, QStringLiteral("rr_b") });
        QVERIFY(bundle.storedArtifact);
        QCOMPARE(bundle.storedArtifact->rebalanceRunId, QStringLiteral("rr_b"));
        QCOMPARE(supportBundleJson(bundle).value("artifact").toObject(),
            (QJsonObject { { "artifact_id", "dra_b" }, { "persisted_marker", true } }));
    });
}

void InvestigationServices::bundle_storedArtifactNotJson_isNullWithTheRawText()
{
    guarded([&] {
        seedBundleScenario();
        store().saveRunArtifact({ QStringLiteral("rr_b"), QStringLiteral("not json") });
        const QJsonObject body = bundleJson(SupportBundleEntry::Kind::RunId, QStringLiteral("rr_b"));
        QVERIFY(body.value("artifact").isNull());
        QCOMPARE(body.value("artifact_json_error").toObject().value("raw").toString(), QStringLiteral("not json"));
        QVERIFY(!body.value("run").toObject().isEmpty());
    });
}

void InvestigationServices::bundle_noStoredArtifact_isDerivedFromTheResult()
{
    guarded([&] {
        seedBundleScenario();
        const SupportBundle bundle
            = buildSupportBundle(store(), { SupportBundleEntry::Kind::RunId, QStringLiteral("rr_a1") });
        QVERIFY(!bundle.storedArtifact);
        const QJsonObject artifact = supportBundleJson(bundle).value("artifact").toObject();
        QCOMPARE(artifact.value("artifact_id").toString(), QStringLiteral("dra_a1"));
        QCOMPARE(artifact.value("evidence").toObject().value("engine_version").toString(), QStringLiteral("1.0.0"));
        QCOMPARE(storedArtifactHash(artifact), artifactHash(artifact));
    });
}

void InvestigationServices::bundle_lineage_sortedWithSelfEdgeOnce()
{
    guarded([&] {
        seedBundleScenario();
        const SupportBundle bundle
            = buildSupportBundle(store(), { SupportBundleEntry::Kind::RunId, QStringLiteral("rr_a1") });
        QCOMPARE(edgesText(bundle.lineage),
            (QStringList { "corr_a1 CORRELATION_TO_RUN rr_a1 " + at(0), "idem-A IDEMPOTENCY_TO_RUN rr_a1 " + at(0),
                "rr_a1 caused_by rr_a1 " + at(5), "rr_a1 derived_from rr_b " + at(6) }));
    });
}

void InvestigationServices::bundle_oldRuns_areNeverPurged()
{
    guarded([&] {
        store().recordRun(makeRecord(QStringLiteral("rr_old"), QStringLiteral("corr_old"),
            QStringLiteral("2000-01-01T00:00:00+00:00"), QStringLiteral("idem-old")));
        AsyncOperation op = makeOperation(
            QStringLiteral("dop_old"), QStringLiteral("corr_old"), QStringLiteral("2000-01-01T00:00:01+00:00"));
        op.status = QStringLiteral("SUCCEEDED");
        op.finishedAt = QStringLiteral("2000-01-01T00:00:02+00:00");
        store().submitOperation(op);
        const SupportabilitySummary before = store().getSupportabilitySummary();
        for (const auto kind : { SupportBundleEntry::Kind::RunId, SupportBundleEntry::Kind::OperationId }) {
            const QString value = kind == SupportBundleEntry::Kind::RunId ? "rr_old" : "dop_old";
            const SupportBundle bundle = buildSupportBundle(store(), { kind, value });
            QCOMPARE(bundle.run.rebalanceRunId, QStringLiteral("rr_old"));
            QVERIFY(bundle.asyncOperation);
        }
        QCOMPARE(store().getSupportabilitySummary(), before);
    });
}

// ---------------------------------------------------------------------------- lineage listing

void InvestigationServices::lineageEdges_sortedByFullKeyAscending()
{
    guarded([&] {
        seedLineageScenario();
        const Page<LineageEdge> page = lineageEdgesPage(store(), QStringLiteral("E"), {}, PageRequest {});
        QCOMPARE(edgesText(page.items),
            (QStringList { "A CORRELATION_TO_RUN E " + at(1), "A caused_by E " + at(1),
                "E CORRELATION_TO_RUN B " + at(1), "E caused_by E " + at(2), "E caused_by X " + at(3),
                "E replayed_from D " + at(4), "C derived_from E " + at(5) }));
        QVERIFY(!page.nextCursor);
        QCOMPARE(page.items.at(0).metadataJson, QStringLiteral("{}"));
    });
}

void InvestigationServices::lineageEdges_filter_data()
{
    QTest::addColumn<QString>("edgeType");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("edge type") << "caused_by" << QString() << QString()
                               << QStringList { "A caused_by E " + at(1), "E caused_by E " + at(2),
                                      "E caused_by X " + at(3) };
    QTest::newRow("from is inclusive") << QString() << at(4) << QString()
                                       << QStringList { "E replayed_from D " + at(4), "C derived_from E " + at(5) };
    QTest::newRow("to is inclusive") << QString() << QString() << at(1)
                                     << QStringList { "A CORRELATION_TO_RUN E " + at(1), "A caused_by E " + at(1),
                                            "E CORRELATION_TO_RUN B " + at(1) };
    QTest::newRow("both bounds and type")
        << "caused_by" << at(2) << at(3) << QStringList { "E caused_by E " + at(2), "E caused_by X " + at(3) };
    QTest::newRow("type matching nothing") << "IDEMPOTENCY_TO_RUN" << QString() << QString() << QStringList {};
}

void InvestigationServices::lineageEdges_filter()
{
    QFETCH(QString, edgeType);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QStringList, expected);
    guarded([&] {
        seedLineageScenario();
        LineageFilter filter;
        if (!edgeType.isEmpty())
            filter.edgeType = edgeType;
        if (!from.isEmpty())
            filter.createdFrom = from;
        if (!to.isEmpty())
            filter.createdTo = to;
        QCOMPARE(edgesText(lineageEdgesPage(store(), QStringLiteral("E"), filter, PageRequest {}).items), expected);
    });
}

void InvestigationServices::lineageEdges_pagingWithSmallLimits_reachesTheEndInOrder_data()
{
    QTest::addColumn<int>("limit");
    for (int limit : { 1, 2, 3, 6, 7, 8 })
        QTest::addRow("limit %d", limit) << limit;
}

void InvestigationServices::lineageEdges_pagingWithSmallLimits_reachesTheEndInOrder()
{
    QFETCH(int, limit);
    guarded([&] {
        seedLineageScenario();
        const QList<LineageEdge> all = lineageEdgesPage(store(), QStringLiteral("E"), {}, PageRequest {}).items;
        bool ended = false;
        const QList<LineageEdge> walked = walkLineage(QStringLiteral("E"), {}, limit, &ended);
        QVERIFY(ended);
        QCOMPARE(edgesText(walked), edgesText(all));
    });
}

void InvestigationServices::lineageEdges_pagingWithFilter_reachesTheEnd()
{
    guarded([&] {
        seedLineageScenario();
        LineageFilter filter;
        filter.edgeType = QStringLiteral("caused_by");
        bool ended = false;
        QCOMPARE(edgesText(walkLineage(QStringLiteral("E"), filter, 1, &ended)),
            (QStringList { "A caused_by E " + at(1), "E caused_by E " + at(2), "E caused_by X " + at(3) }));
        QVERIFY(ended);
    });
}

void InvestigationServices::lineageEdges_nextCursor_isTheCompositeKeyOfTheLastEdge()
{
    guarded([&] {
        seedLineageScenario();
        const Page<LineageEdge> page = lineageEdgesPage(store(), QStringLiteral("E"), {}, PageRequest { 2, {} });
        QCOMPARE(page.items.size(), 2);
        QCOMPARE(page.nextCursor.value_or(QString()), at(1) + QStringLiteral("|A|caused_by|E"));
        // The JSON of §6.2 carries it.
        const QJsonObject out = lineageEdgesPageJson(QStringLiteral("E"), page);
        QCOMPARE(out.keys(), (QStringList { "edges", "entity_id", "next_cursor" }));
        QCOMPARE(out.value("next_cursor").toString(), *page.nextCursor);
        QCOMPARE(out.value("edges").toArray().at(0).toObject().keys(),
            (QStringList { "created_at", "edge_type", "metadata", "source_entity_id", "target_entity_id" }));
        QVERIFY(lineageEdgesPageJson(QStringLiteral("E"), Page<LineageEdge> {}).value("next_cursor").isNull());
    });
}

void InvestigationServices::lineageEdges_unknownCursor_isAnEmptyPage()
{
    guarded([&] {
        seedLineageScenario();
        for (const QString &cursor : QStringList { at(1) + QStringLiteral("|A|caused_by|NOPE"),
                 at(9) + QStringLiteral("|E|caused_by|X"), QStringLiteral("x|y|z|w"),
                 // an edge of another entity
                 at(2) + QStringLiteral("|X|caused_by|Y") }) {
            const Page<LineageEdge> page
                = lineageEdgesPage(store(), QStringLiteral("E"), {}, PageRequest { 2, cursor });
            QVERIFY2(page.items.isEmpty(), qPrintable(cursor));
            QVERIFY(!page.nextCursor);
        }
    });
}

void InvestigationServices::lineageEdges_cursorOfAnEdgeTheFilterExcludes_isAnEmptyPage()
{
    guarded([&] {
        seedLineageScenario();
        LineageFilter filter;
        filter.edgeType = QStringLiteral("caused_by");
        const Page<LineageEdge> page = lineageEdgesPage(
            store(), QStringLiteral("E"), filter, PageRequest { 2, at(1) + QStringLiteral("|E|CORRELATION_TO_RUN|B") });
        QVERIFY(page.items.isEmpty());
        QVERIFY(!page.nextCursor);
    });
}

void InvestigationServices::lineageEdges_emptyCursor_isTheFirstPage()
{
    guarded([&] {
        seedLineageScenario();
        QCOMPARE(edgesText(lineageEdgesPage(store(), QStringLiteral("E"), {}, PageRequest { 2, QString() }).items),
            edgesText(lineageEdgesPage(store(), QStringLiteral("E"), {}, PageRequest { 2, {} }).items));
    });
}

void InvestigationServices::lineageEdges_malformedCursor_isInvalidCursor()
{
    guarded([&] { seedLineageScenario(); });
    for (const QString &cursor :
        QStringList { QStringLiteral("abc"), QStringLiteral("a|b|c"), QStringLiteral("c1.e30") })
        EXPECT_ERROR(lineageEdgesPage(store(), QStringLiteral("E"), {}, PageRequest { 2, cursor }), "INVALID_CURSOR");
}

void InvestigationServices::lineageEdges_limitOutOfRange_isInvalidLimit_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("0") << 0;
    QTest::newRow("-1") << -1;
    QTest::newRow("201") << 201;
}

void InvestigationServices::lineageEdges_limitOutOfRange_isInvalidLimit()
{
    QFETCH(int, limit);
    EXPECT_ERROR(lineageEdgesPage(store(), QStringLiteral("E"), {}, PageRequest { limit, {} }), "INVALID_LIMIT");
}

void InvestigationServices::lineageEdges_limitBounds_areAccepted()
{
    guarded([&] {
        seedLineageScenario();
        QCOMPARE(lineageEdgesPage(store(), QStringLiteral("E"), {}, PageRequest { 1, {} }).items.size(), 1);
        QCOMPARE(lineageEdgesPage(store(), QStringLiteral("E"), {}, PageRequest { 200, {} }).items.size(), 7);
        QCOMPARE(PageRequest {}.limit, kLineageDefaultLimit);
    });
}

void InvestigationServices::lineageEdges_selfEdge_appearsOnce()
{
    guarded([&] {
        store().appendLineageEdge(edge(QStringLiteral("S"), QStringLiteral("caused_by"), QStringLiteral("S"), at(0)));
        QCOMPARE(edgesText(lineageEdgesPage(store(), QStringLiteral("S"), {}, PageRequest {}).items),
            (QStringList { "S caused_by S " + at(0) }));
    });
}

void InvestigationServices::lineageEdges_duplicatesAcrossAPageEnd_areNeverLost()
{
    guarded([&] {
        // Three identical rows (the log keeps duplicates) after one other edge: a page end at 2
        // falls inside the run of duplicates.
        store().appendLineageEdge(edge(QStringLiteral("P"), QStringLiteral("caused_by"), QStringLiteral("Q"), at(0)));
        for (int i = 0; i < 3; ++i) {
            store().appendLineageEdge(edge(QStringLiteral("P"), QStringLiteral("derived_from"), QStringLiteral("R"),
                at(1), json(QJsonObject { { QStringLiteral("n"), i } })));
        }
        store().appendLineageEdge(
            edge(QStringLiteral("P"), QStringLiteral("replayed_from"), QStringLiteral("T"), at(2)));

        const Page<LineageEdge> first = lineageEdgesPage(store(), QStringLiteral("P"), {}, PageRequest { 2, {} });
        QCOMPARE(first.items.size(), 4); // the page takes the whole run of duplicates
        QCOMPARE(first.nextCursor.value_or(QString()), at(1) + QStringLiteral("|P|derived_from|R"));
        QStringList metadata;
        for (const LineageEdge &e : first.items.mid(1))
            metadata << e.metadataJson;
        metadata.sort();
        QCOMPARE(metadata, (QStringList { R"({"n":0})", R"({"n":1})", R"({"n":2})" }));

        for (int limit : { 1, 2, 3, 4 }) {
            bool ended = false;
            QCOMPARE(walkLineage(QStringLiteral("P"), {}, limit, &ended).size(), 5);
            QVERIFY(ended);
        }
        // A page made only of duplicates that ends the listing has no next cursor.
        const Page<LineageEdge> tail = lineageEdgesPage(store(), QStringLiteral("R"), {}, PageRequest { 1, {} });
        QCOMPARE(tail.items.size(), 3);
        QVERIFY(!tail.nextCursor);
    });
}

void InvestigationServices::lineageEdges_idsHoldingTheSeparator_pageCorrectly()
{
    guarded([&] {
        store().appendLineageEdge(edge(QStringLiteral("a|b"), QStringLiteral("caused_by"), QStringLiteral("Z"), at(0)));
        store().appendLineageEdge(edge(QStringLiteral("Z"), QStringLiteral("x|y"), QStringLiteral("c|d"), at(0)));
        store().appendLineageEdge(edge(QStringLiteral("Z"), QStringLiteral("caused_by"), QStringLiteral("e"), at(1)));
        bool ended = false;
        QCOMPARE(edgesText(walkLineage(QStringLiteral("Z"), {}, 1, &ended)),
            (QStringList { "Z x|y c|d " + at(0), "a|b caused_by Z " + at(0), "Z caused_by e " + at(1) }));
        QVERIFY(ended);
    });
}

void InvestigationServices::lineageEdges_unknownEntity_isAnEmptyPage()
{
    guarded([&] {
        seedLineageScenario();
        const Page<LineageEdge> page = lineageEdgesPage(store(), QStringLiteral("nobody"), {}, PageRequest {});
        QVERIFY(page.items.isEmpty());
        QVERIFY(!page.nextCursor);
    });
}

// ---------------------------------------------------------------------------- find

void InvestigationServices::find_eachKind_data()
{
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("run id") << "rr_a1" << QStringList { "run_id run=rr_a1 op=- dec=- n=0" };
    QTest::newRow("run correlation id") << "corr_b" << QStringList { "run_correlation_id run=rr_b op=- dec=- n=0" };
    QTest::newRow("operation id") << "dop_orphan"
                                  << QStringList { "operation_id run=-(missing) op=dop_orphan dec=- n=0" };
    QTest::newRow("operation correlation id")
        << "corr_nobody" << QStringList { "operation_correlation_id run=-(missing) op=dop_orphan dec=- n=0" };
    QTest::newRow("idempotency key") << "idem-A" << QStringList { "idempotency_key run=rr_a2 op=- dec=- n=0" };
    QTest::newRow("decision id") << "dwd_1" << QStringList { "decision_id run=rr_a1 op=- dec=dwd_1 n=0" };
    QTest::newRow("decision correlation id")
        << "corr_act2" << QStringList { "decision_correlation_id run=rr_a1 op=- dec=dwd_2 n=0" };
}

void InvestigationServices::find_eachKind()
{
    QFETCH(QString, identifier);
    QFETCH(QStringList, expected);
    guarded([&] {
        seedBundleScenario();
        QCOMPARE(matchesText(findByIdentifier(store(), identifier)), expected);
    });
}

void InvestigationServices::find_identifierOfSeveralKinds_returnsEveryMatch()
{
    guarded([&] {
        seedBundleScenario();
        // corr_a1 is rr_a1's correlation and dop_1's; make it also two decisions' action
        // correlation and another run's request hash.
        store().appendWorkflowDecision(
            makeDecision(QStringLiteral("dwd_9"), QStringLiteral("rr_b"), at(50), QStringLiteral("corr_a1")));
        store().appendWorkflowDecision(
            makeDecision(QStringLiteral("dwd_8"), QStringLiteral("rr_a2"), at(40), QStringLiteral("corr_a1")));
        store().saveRun(makeRecord(
            QStringLiteral("rr_h"), QStringLiteral("corr_h"), at(70), std::nullopt, QStringLiteral("corr_a1"))
                            .run);
        QCOMPARE(matchesText(findByIdentifier(store(), QStringLiteral("corr_a1"))),
            (QStringList { "run_correlation_id run=rr_a1 op=- dec=- n=0",
                "operation_correlation_id run=rr_a1 op=dop_1 dec=- n=0", "request_hash run=rr_h op=- dec=- n=1",
                "decision_correlation_id run=rr_a2 op=- dec=dwd_8 n=0",
                "decision_correlation_id run=rr_b op=- dec=dwd_9 n=0" }));
    });
}

void InvestigationServices::find_requestHash_leadsToTheLatestRunWithCount()
{
    guarded([&] {
        seedBundleScenario(); // rr_a1, rr_a2 and rr_b share sha256:aaa; rr_a2 is the latest
        QCOMPARE(matchesText(findByIdentifier(store(), QStringLiteral("sha256:aaa"))),
            (QStringList { "request_hash run=rr_a2 op=- dec=- n=3" }));
        // Equal created_at: the greatest id is the latest, as get_run_by_request_hash orders.
        store().recordRun(makeRecord(QStringLiteral("rr_a3"), QStringLiteral("corr_a3"), at(10)));
        QCOMPARE(matchesText(findByIdentifier(store(), QStringLiteral("sha256:aaa"))),
            (QStringList { "request_hash run=rr_a3 op=- dec=- n=4" }));
    });
}

void InvestigationServices::find_danglingReferences_sayTheRunIsMissing()
{
    guarded([&] {
        seedBundleScenario();
        store().appendWorkflowDecision(
            makeDecision(QStringLiteral("dwd_lost"), QStringLiteral("rr_gone"), at(0), QStringLiteral("corr_lost")));
        QCOMPARE(matchesText(findByIdentifier(store(), QStringLiteral("idem-orphan"))),
            (QStringList { "idempotency_key run=rr_gone(missing) op=- dec=- n=0" }));
        QCOMPARE(matchesText(findByIdentifier(store(), QStringLiteral("dwd_lost"))),
            (QStringList { "decision_id run=rr_gone(missing) op=- dec=dwd_lost n=0" }));
    });
}

void InvestigationServices::find_noMatch_isEmpty()
{
    guarded([&] {
        seedBundleScenario();
        QVERIFY(findByIdentifier(store(), QStringLiteral("nothing-has-this")).isEmpty());
        QVERIFY(findByIdentifier(store(), QStringLiteral("RR_A1")).isEmpty()); // exact, case-sensitive
        QVERIFY(findByIdentifier(store(), QStringLiteral("rr_a")).isEmpty()); // no prefix matching
    });
}

void InvestigationServices::find_blank_isInvalidIdentifier()
{
    EXPECT_ERROR(findByIdentifier(store(), QString()), "INVALID_IDENTIFIER");
    EXPECT_ERROR(findByIdentifier(store(), QStringLiteral("  \t")), "INVALID_IDENTIFIER");
}

void InvestigationServices::find_surroundingWhitespace_isIgnored()
{
    guarded([&] {
        seedBundleScenario();
        QCOMPARE(matchesText(findByIdentifier(store(), QStringLiteral("  rr_a1\n"))),
            (QStringList { "run_id run=rr_a1 op=- dec=- n=0" }));
    });
}

void InvestigationServices::find_json_namesKindAndTargets()
{
    guarded([&] {
        seedBundleScenario();
        const QJsonObject out
            = findResultJson(QStringLiteral("sha256:aaa"), findByIdentifier(store(), QStringLiteral("sha256:aaa")));
        QCOMPARE(out.value("identifier").toString(), QStringLiteral("sha256:aaa"));
        QCOMPARE(out.value("matches").toArray().at(0).toObject(),
            (QJsonObject { { "kind", "request_hash" }, { "rebalance_run_id", "rr_a2" }, { "run_exists", true },
                { "operation_id", QJsonValue::Null }, { "decision_id", QJsonValue::Null }, { "run_count", 3 } }));
        const QJsonObject run = identifierMatchJson(findByIdentifier(store(), QStringLiteral("rr_a1")).at(0));
        QVERIFY(run.value("run_count").isNull());
    });
}

DPM_BACKEND_TEST_GUILESS_MAIN(InvestigationServices)
#include "tst_investigation.moc"
