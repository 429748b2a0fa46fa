// RunBundlePane on a demo store, built once for SQLite and once for PostgreSQL: every tab by
// keyboard, artifact verification and a tampered artifact, not-found runs, export equal to
// `dpmctl bundle --json`, the offline viewer, idempotency replays/conflicts and the lineage links.

#include "admin/ruleresultsmodel.h"
#include "bundle/bundleeventstab.h"
#include "bundle/bundleoperationtab.h"
#include "bundle/bundleoverviewtab.h"
#include "bundle/decisiontimelinemodel.h"
#include "bundle/eventdeliveriesmodel.h"
#include "bundle/idempotencyhistorymodel.h"
#include "bundle/lineageedgelistmodel.h"
#include "bundle/runbundlepane.h"
#include "bundle/runeventsmodel.h"
#include "clisupport.h"
#include "common/jsontreemodel.h"
#include "common/jsontreeview.h"
#include "common/statusbadgedelegate.h"
#include "common/statuscolors.h"
#include "demo/demogenerator.h"
#include "domain/canonicaljson.h"
#include "services/artifact.h"
#include "session/storesession.h"
#include "store/runeventstore.h"
#include "uitestbackend.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

namespace {

template <typename T> T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

// What the tests need to know about the demo store, found through the store itself.
struct DemoFacts
{
    QString persistedRunId; // a run with a dpm_run_artifacts row
    QString derivedRunId; // a run without one
    QString reusedKeyRunId; // a run whose key's history holds a conflict
    QString replayRunId; // a run whose key's history holds a replay
};

} // namespace

class TestRunBundlePane : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreSession> m_session;
    DemoFacts m_facts;

    static bool waitLoaded(RunBundlePane &pane)
    {
        return QTest::qWaitFor([&] { return pane.state() != RunBundlePane::State::Loading; }, 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DPM_UI_REQUIRE_BACKEND();
        m_session = std::make_unique<StoreSession>(dpm::test::freshUiTestStore(m_dir, QStringLiteral("ui_bundle")));
        await(m_session->open(OpenOptions { .applyMigrations = true }));
        m_facts = await(m_session->run([](SupportStore &store) {
            DemoOptions options;
            options.runCount = 120;
            generateDemoData(store, options);
            DemoFacts facts;
            const auto runs = store.listRuns({}, PageRequest { 500, {} }).items;
            for (const RunListItem &run : runs) {
                const bool persisted = store.getRunArtifact(run.rebalanceRunId).has_value();
                if (persisted && facts.persistedRunId.isEmpty())
                    facts.persistedRunId = run.rebalanceRunId;
                if (!persisted && facts.derivedRunId.isEmpty())
                    facts.derivedRunId = run.rebalanceRunId;
                if (!run.idempotencyKey)
                    continue;
                auto history = store.listIdempotencyHistory(*run.idempotencyKey);
                std::sort(history.begin(), history.end(), [](const auto &a, const auto &b) {
                    return std::tie(a.createdAt, a.rebalanceRunId) < std::tie(b.createdAt, b.rebalanceRunId);
                });
                for (qsizetype i = 1; i < history.size(); ++i) {
                    QString &slot = history.at(i).requestHash == history.at(i - 1).requestHash ? facts.replayRunId
                                                                                               : facts.reusedKeyRunId;
                    if (slot.isEmpty())
                        slot = run.rebalanceRunId;
                }
            }
            return facts;
        }));
        QVERIFY(!m_facts.persistedRunId.isEmpty());
        QVERIFY(!m_facts.derivedRunId.isEmpty());
        QVERIFY2(!m_facts.reusedKeyRunId.isEmpty(), "the demo data has no conflicting idempotency key");
        QVERIFY2(!m_facts.replayRunId.isEmpty(), "the demo data has no replayed idempotency key");
    }

    void showRun_everyTab_reachableWithCtrlDigits()
    {
        RunBundlePane pane;
        pane.setSession(m_session.get());
        pane.resize(1200, 800);
        pane.show();
        QVERIFY(QTest::qWaitForWindowActive(&pane));
        QSignalSpy loaded(&pane, &RunBundlePane::bundleLoaded);
        pane.showRun(m_facts.derivedRunId);
        QCOMPARE(pane.state(), RunBundlePane::State::Loading);
        QVERIFY(waitLoaded(pane));
        QCOMPARE(pane.state(), RunBundlePane::State::Loaded);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(pane.currentRunId(), m_facts.derivedRunId);

        QAbstractItemModelTester rules(
            pane.overviewTab()->ruleModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester decisions(
            pane.decisionModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester history(
            pane.idempotencyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester lineage(pane.lineageModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        for (int tab = RunBundlePane::TabCount - 1; tab >= 0; --tab) {
            QTest::keyClick(pane.tabs()->currentWidget(), Qt::Key(Qt::Key_1 + tab), Qt::ControlModifier);
            QCOMPARE(pane.tabs()->currentIndex(), tab);
            QVERIFY(!pane.tabs()->currentWidget()->accessibleName().isEmpty());
        }
        // Alt+mnemonic too: "Ar&tifact".
        QTest::keyClick(pane.tabs()->currentWidget(), Qt::Key_T, Qt::AltModifier);
        QCOMPARE(pane.tabs()->currentIndex(), int(RunBundlePane::ArtifactTab));

        QVERIFY(!pane.overviewTab()->statusText().isEmpty());
        // Failures first.
        const RuleResultsModel *ruleModel = pane.overviewTab()->ruleModel();
        bool seenPass = false;
        for (int r = 0; r < ruleModel->rowCount(); ++r) {
            const bool failed = ruleModel->index(r, 0).data(RuleResultsModel::FailedRole).toBool();
            QVERIFY2(!(failed && seenPass), "a failed rule after a passing one");
            seenPass = seenPass || !failed;
        }
        QVERIFY(pane.lineageModel()->rowCount() > 0);
    }

    void eventsTab_showsEventsBySequenceWithADeliveryBadgePerTopic()
    {
        // An event of our own with two topics, one of which failed, after the demo's events.
        const QString runId = m_facts.persistedRunId;
        const QList<RunEventWithDeliveries> stored = await(m_session->run([runId](SupportStore &store) {
            AppendEventRequest r;
            r.rebalanceRunId = runId;
            r.eventType = QStringLiteral("UI_TEST_EVENT");
            r.idempotencyKey = QStringLiteral("ui-events-tab");
            r.payloadJson = QStringLiteral("{\"reason\":\"tab test\",\"n\":7}");
            r.topics = { QStringLiteral("dpm.ui.a"), QStringLiteral("dpm.ui.b") };
            const AppendEventResult appended = store.runEvents().appendEvent(r);
            store.runEvents().markFailed(appended.deliveries.at(1).outboxId, QStringLiteral("HTTP 502 from sink"),
                QStringLiteral("2030-01-01T00:00:00+00:00"));
            return store.runEvents().listEvents(runId);
        }));
        QVERIFY(stored.size() >= 2);

        RunBundlePane pane;
        pane.setSession(m_session.get());
        pane.resize(1200, 800);
        pane.show();
        pane.showRun(runId);
        QVERIFY(waitLoaded(pane));
        QTest::keyClick(pane.tabs()->currentWidget(), Qt::Key_V, Qt::AltModifier);
        QCOMPARE(pane.tabs()->currentIndex(), int(RunBundlePane::EventsTab));

        BundleEventsTab *tab = pane.eventsTab();
        RunEventsModel *events = tab->eventsModel();
        QAbstractItemModelTester eventsTester(events, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester deliveriesTester(
            tab->deliveriesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(events->rowCount(), stored.size());
        for (int row = 0; row < events->rowCount(); ++row) {
            QCOMPARE(events->index(row, RunEventsModel::SequenceColumn).data().toString(),
                QString::number(stored.at(row).event.sequenceNo));
            QCOMPARE(events->index(row, RunEventsModel::TypeColumn).data().toString(), stored.at(row).event.eventType);
            QCOMPARE(
                events->index(row, RunEventsModel::KeyColumn).data().toString(), stored.at(row).event.idempotencyKey);
            // One badge per delivery: "topic: STATUS" in the status's colour.
            const QVariantList badges
                = events->index(row, RunEventsModel::DeliveriesColumn).data(StatusBadgeDelegate::BadgesRole).toList();
            QCOMPARE(badges.size(), stored.at(row).deliveries.size());
            for (int i = 0; i < badges.size(); ++i) {
                const OutboxDelivery &d = stored.at(row).deliveries.at(i);
                const QVariantMap badge = badges.at(i).toMap();
                QCOMPARE(badge.value("text").toString(), QStringLiteral("%1: %2").arg(d.topic, d.status));
                QCOMPARE(badge.value("color").value<QColor>(), outboxStatusColor(d.status, QGuiApplication::palette()));
            }
        }
        QVERIFY(tab->summaryText().contains(QLatin1String("FAILED 1")));
        QVERIFY(tab->eventsView()->itemDelegateForColumn(RunEventsModel::DeliveriesColumn) != nullptr);

        // The last event (ours): its payload as a tree and both deliveries with their state.
        const int last = events->rowCount() - 1;
        tab->eventsView()->setCurrentIndex(events->index(last, 0));
        QCOMPARE(tab->payloadView()->model()->rowCount(), 2); // "n" and "reason"
        const EventDeliveriesModel *deliveries = tab->deliveriesModel();
        QCOMPARE(deliveries->rowCount(), 2);
        QCOMPARE(deliveries->index(0, EventDeliveriesModel::StatusColumn).data().toString(), QStringLiteral("PENDING"));
        QCOMPARE(deliveries->index(1, EventDeliveriesModel::StatusColumn).data().toString(), QStringLiteral("FAILED"));
        QCOMPARE(
            deliveries->index(1, EventDeliveriesModel::AttemptsColumn).data().toString(), QStringLiteral("1 of 5"));
        QCOMPARE(deliveries->index(1, EventDeliveriesModel::LastErrorColumn).data().toString(),
            QStringLiteral("HTTP 502 from sink"));
        QCOMPARE(deliveries->index(1, EventDeliveriesModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>(),
            outboxStatusColor(QStringLiteral("FAILED"), QGuiApplication::palette()));

        // The exported bundle carries them under "run_events", and the offline viewer shows them.
        const QString path = m_dir.filePath(QStringLiteral("events-bundle.json"));
        QVERIFY(pane.exportBundleTo(path));
        QCOMPARE(pane.document().json.value("run_events").toArray().size(), stored.size());
        pane.showBundleFile(path);
        QVERIFY(waitLoaded(pane));
        QCOMPARE(pane.eventsTab()->eventsModel()->rowCount(), stored.size());
    }

    void artifact_persistedAndDerived_areVerified_tamperedShowsMismatch()
    {
        RunBundlePane pane;
        pane.setSession(m_session.get());
        pane.showRun(m_facts.derivedRunId);
        QVERIFY(waitLoaded(pane));
        QVERIFY2(pane.artifactBannerText().contains(QStringLiteral("verified")), qPrintable(pane.artifactBannerText()));
        QVERIFY(pane.artifactBannerText().contains(QStringLiteral("derived")));

        pane.showRun(m_facts.persistedRunId);
        QVERIFY(waitLoaded(pane));
        QVERIFY2(pane.artifactBannerText().contains(QStringLiteral("verified")), qPrintable(pane.artifactBannerText()));
        QVERIFY(pane.artifactBannerText().contains(QStringLiteral("persisted")));

        // Tamper with the stored row: a changed status under the old hash.
        const QString runId = m_facts.persistedRunId;
        const RunArtifact original = await(m_session->run([runId](SupportStore &store) {
            const RunArtifact row = *store.getRunArtifact(runId);
            QJsonObject artifact = QJsonDocument::fromJson(row.artifactJson.toUtf8()).object();
            artifact.insert(QStringLiteral("status"), QStringLiteral("TAMPERED"));
            store.saveRunArtifact({ runId, QString::fromUtf8(canonicalJson(artifact)) });
            return row;
        }));
        pane.showRun(runId);
        QVERIFY(waitLoaded(pane));
        const QString banner = pane.artifactBannerText();
        QVERIFY2(banner.contains(QStringLiteral("mismatch: stored sha256:")), qPrintable(banner));
        QVERIFY(banner.contains(QStringLiteral("computed sha256:")));
        await(m_session->run([original](SupportStore &store) {
            store.saveRunArtifact(original);
            return true;
        }));
    }

    void showRun_unknownRun_showsRunNotFoundWithRetry()
    {
        RunBundlePane pane;
        pane.setSession(m_session.get());
        QSignalSpy failed(&pane, &RunBundlePane::loadFailed);
        pane.showRun(QStringLiteral("rr_nothere"));
        QVERIFY(waitLoaded(pane));
        QCOMPARE(pane.state(), RunBundlePane::State::Error);
        QCOMPARE(pane.errorCode(), QStringLiteral("DPM_RUN_NOT_FOUND"));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(static_cast<const dpm::Error *>(failed.at(0).at(0).constData())->code(),
            QStringLiteral("DPM_RUN_NOT_FOUND"));
        pane.retry();
        QVERIFY(waitLoaded(pane));
        QCOMPARE(failed.size(), 2);
    }

    void cancel_dropsTheResult()
    {
        RunBundlePane pane;
        pane.setSession(m_session.get());
        QSignalSpy loaded(&pane, &RunBundlePane::bundleLoaded);
        pane.showRun(m_facts.derivedRunId);
        pane.cancelLoading();
        QCOMPARE(pane.state(), RunBundlePane::State::Empty);
        // A later request still arrives; the cancelled one never shows.
        pane.showRun(m_facts.persistedRunId);
        QVERIFY(waitLoaded(pane));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.at(0).at(0).toString(), m_facts.persistedRunId);
    }

    void export_equalsDpmctlOutput_andOpensOffline()
    {
        RunBundlePane pane;
        pane.setSession(m_session.get());
        pane.showRun(m_facts.reusedKeyRunId);
        QVERIFY(waitLoaded(pane));
        const QString path = m_dir.filePath(QStringLiteral("bundle-%1.json").arg(m_facts.reusedKeyRunId));
        QVERIFY(pane.exportBundleTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray exported = file.readAll();

        QTemporaryDir sandbox;
        const CliResult cli = runDpmctl(
            { QStringLiteral("bundle"), QStringLiteral("--run"), m_facts.reusedKeyRunId, QStringLiteral("--store"),
                m_session->location().withoutSecrets(), QStringLiteral("--json") },
            sandboxEnvironment(sandbox.path()));
        CLI_OK(cli);
        QCOMPARE(exported, cli.out);
        QVERIFY(!exported.contains(m_dir.path().toUtf8())); // nothing of the connection in it

        RunBundlePane offline; // no session at all
        QSignalSpy loaded(&offline, &RunBundlePane::bundleLoaded);
        offline.showBundleFile(path);
        QVERIFY(waitLoaded(offline));
        QCOMPARE(offline.state(), RunBundlePane::State::Loaded);
        QCOMPARE(offline.currentRunId(), m_facts.reusedKeyRunId);
        QVERIFY(offline.offlineBannerText().startsWith(QStringLiteral("Offline bundle: ")));
        QVERIFY(offline.offlineBannerText().contains(QStringLiteral("bundle-%1.json").arg(m_facts.reusedKeyRunId)));
        QVERIFY2(offline.artifactBannerText().contains(QStringLiteral("verified")),
            qPrintable(offline.artifactBannerText()));
        QVERIFY(pane.offlineBannerText().isEmpty());

        // Not a bundle: a reason code, not a crash.
        const QString junk = m_dir.filePath(QStringLiteral("junk.json"));
        QFile junkFile(junk);
        QVERIFY(junkFile.open(QIODevice::WriteOnly));
        junkFile.write("{\"items\": []}");
        junkFile.close();
        offline.showBundleFile(junk);
        QVERIFY(waitLoaded(offline));
        QCOMPARE(offline.errorCode(), QStringLiteral("BUNDLE_FILE_INVALID"));
    }

    void idempotency_reusedKey_marksReplaysAndConflicts_andOpensRuns()
    {
        RunBundlePane pane;
        pane.setSession(m_session.get());
        pane.resize(1200, 800);
        pane.show();
        QVERIFY(QTest::qWaitForWindowActive(&pane));
        IdempotencyHistoryModel *model = pane.idempotencyModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (const QString &runId : { m_facts.replayRunId, m_facts.reusedKeyRunId }) {
            pane.showRun(runId);
            QVERIFY(waitLoaded(pane));
            QVERIFY(model->rowCount() > 1);
            QStringList kinds;
            for (int r = 0; r < model->rowCount(); ++r) {
                const QString hash = model->index(r, IdempotencyHistoryModel::RequestHashColumn).data().toString();
                const QString previous = r == 0
                    ? QString()
                    : model->index(r - 1, IdempotencyHistoryModel::RequestHashColumn).data().toString();
                const QString expected = r == 0 ? QStringLiteral("original")
                    : hash == previous          ? QStringLiteral("replay")
                                                : QStringLiteral("conflict");
                QCOMPARE(model->index(r, 0).data(IdempotencyHistoryModel::KindRole).toString(), expected);
                // Shown as a word, not only as a colour.
                QCOMPARE(model->index(r, IdempotencyHistoryModel::KindColumn).data().toString(), expected);
                kinds << expected;
            }
            QVERIFY(
                kinds.contains(runId == m_facts.replayRunId ? QStringLiteral("replay") : QStringLiteral("conflict")));
        }

        QSignalSpy openRun(&pane, &RunBundlePane::openRunRequested);
        pane.tabs()->setCurrentIndex(RunBundlePane::IdempotencyTab);
        QTableView *view = pane.idempotencyView();
        view->setFocus();
        view->setCurrentIndex(model->index(model->rowCount() - 1, IdempotencyHistoryModel::RunIdColumn));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(openRun.size(), 1);
        QCOMPARE(openRun.at(0).at(0).toString(),
            model->index(model->rowCount() - 1, 0).data(IdempotencyHistoryModel::RunIdRole).toString());
    }

    void lineage_activatingIds_opensRunsAndFindsOthers()
    {
        RunBundlePane pane;
        pane.setSession(m_session.get());
        pane.show();
        QVERIFY(QTest::qWaitForWindowActive(&pane));
        pane.showRun(m_facts.reusedKeyRunId);
        QVERIFY(waitLoaded(pane));
        pane.tabs()->setCurrentIndex(RunBundlePane::LineageTab);
        QSignalSpy openRun(&pane, &RunBundlePane::openRunRequested);
        QSignalSpy find(&pane, &RunBundlePane::findRequested);
        const LineageEdgeListModel *model = pane.lineageModel();
        int correlationRow = -1;
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->index(r, LineageEdgeListModel::EdgeTypeColumn).data().toString()
                == QLatin1String("CORRELATION_TO_RUN"))
                correlationRow = r;
        }
        QVERIFY(correlationRow >= 0);
        QTableView *view = pane.lineageView();
        view->setFocus();
        view->setCurrentIndex(model->index(correlationRow, LineageEdgeListModel::TargetColumn));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(openRun.size(), 1);
        QCOMPARE(openRun.at(0).at(0).toString(), m_facts.reusedKeyRunId);
        view->setCurrentIndex(model->index(correlationRow, LineageEdgeListModel::SourceColumn));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(find.size(), 1);
        QVERIFY(find.at(0).at(0).toString().startsWith(QStringLiteral("corr_")));
    }

    void asyncOperation_withTheRunsCorrelation_isShown()
    {
        const QString runId = m_facts.derivedRunId;
        await(m_session->run([runId](SupportStore &store) {
            const RebalanceRun run = *store.getRun(runId);
            AsyncOperation op;
            op.operationId = QStringLiteral("dop_test00000001");
            op.operationType = QStringLiteral("ANALYZE_SCENARIOS");
            op.status = QStringLiteral("FAILED");
            op.correlationId = run.correlationId;
            op.createdAt = QStringLiteral("2026-02-20T11:00:00+00:00");
            op.finishedAt = QStringLiteral("2026-02-20T11:00:05+00:00");
            op.errorJson = QStringLiteral("{\"code\":\"ValueError\",\"message\":\"boom\"}");
            op.requestJson = QStringLiteral("{\"scenarios\":{\"baseline\":{\"options\":{}}}}");
            store.createOperation(op);
            return true;
        }));
        RunBundlePane pane;
        pane.setSession(m_session.get());
        QSignalSpy openOperation(&pane, &RunBundlePane::openOperationRequested);
        pane.showRun(runId);
        QVERIFY(waitLoaded(pane));
        QCOMPARE(pane.operationTab()->operationId(), QStringLiteral("dop_test00000001"));
        QCOMPARE(pane.operationTab()->statusText(), QStringLiteral("FAILED"));
        QVERIFY(pane.operationTab()->errorMessage().contains(QStringLiteral("boom")));
        QVERIFY(!pane.operationTab()->jsonView()->model()->search(QStringLiteral("baseline")).isEmpty());
        Q_EMIT pane.operationTab()->openOperationRequested(pane.operationTab()->operationId());
        QCOMPARE(openOperation.size(), 1);
    }
};

DPM_BACKEND_TEST_MAIN(TestRunBundlePane)
#include "tst_runbundlepane.moc"
