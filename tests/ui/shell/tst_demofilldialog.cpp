// The first-start demo fill: progress while it writes, a filled store at the end, and a cancel
// that leaves a consistent store and says what is in it.

#include "awaitfuture.h"
#include "shell/demofilldialog.h"
#include "domain/error.h"
#include "session/storesession.h"
#include "widgetlookup.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

using namespace dpm;
using dpm::test::await;
using dpm::test::byName;

namespace {

// Holds the worker at its Nth progress report with rows written, until released.
struct ProgressGate
{
    int holdAt = 0;
    std::atomic_int calls { 0 };
    std::atomic_bool held { false };
    QSemaphore release;

    DemoFillDialog::ProgressHook hook()
    {
        return [this](qint64 done, qint64) {
            if (done == 0)
                return;
            if (++calls == holdAt) {
                held = true;
                release.tryAcquire(1, 60000); // never hang the suite if the test failed early
            }
        };
    }
};

} // namespace

class TestDemoFillDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    std::unique_ptr<StoreSession> openEmptySqlite()
    {
        auto session = std::make_unique<StoreSession>(
            StoreLocation::sqlite(m_dir.filePath(QStringLiteral("demo%1.db").arg(++m_counter))));
        const StoreInfo info = await(session->open(OpenOptions { .applyMigrations = true }));
        if (!info.isEmpty)
            qFatal("a fresh store is not empty");
        return session;
    }

    static SupportabilitySummary summaryOf(StoreSession &session)
    {
        return await(session.run([](SupportStore &store) { return store.getSupportabilitySummary(); }));
    }

    static DemoOptions smallOptions(qint64 runs)
    {
        DemoOptions options;
        options.runCount = runs;
        options.runsPerTransaction = 256; // one transaction per generator chunk
        return options;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    // A closed session winds its threads down on the global pool; wait, so that no connection
    // is still closing when the scratch folder goes.
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }

    void emptyStore_fillsWithProgressAndFinishes()
    {
        auto session = openEmptySqlite();
        DemoFillDialog dialog(session.get());
        dialog.setOptions(smallOptions(200));
        std::atomic_int reports { 0 };
        dialog.setProgressHookForTesting([&](qint64, qint64) { ++reports; });
        QSignalSpy finished(&dialog, &DemoFillDialog::fillFinished);
        auto *bar = byName<QProgressBar>(&dialog, QStringLiteral("Demo data progress"));
        QList<int> values;
        connect(bar, &QProgressBar::valueChanged, this, [&](int v) { values << v; });
        dialog.start();
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(reports >= 2); // the start, each chunk and the analyze phase
        QVERIFY(!values.isEmpty());
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(!dialog.isVisible()); // accepted on success
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.report() && !dialog.report()->cancelled);
        QCOMPARE(dialog.report()->rows.value(QStringLiteral("dpm_runs")), 200);
        QCOMPARE(summaryOf(*session).runCount, 200);
    }

    void cancelAfterFirstCommit_keepsWholeRunsAndSaysSo()
    {
        auto session = openEmptySqlite();
        DemoFillDialog dialog(session.get());
        dialog.setOptions(smallOptions(1000)); // four chunks of 256 runs
        ProgressGate gate;
        gate.holdAt = 2; // chunk 1 written, chunk 0 committed
        dialog.setProgressHookForTesting(gate.hook());
        QSignalSpy finished(&dialog, &DemoFillDialog::fillFinished);
        dialog.start();
        QTRY_VERIFY_WITH_TIMEOUT(gate.held, 60000);

        // While the worker is held the dialog shows the loading phase and its progress.
        auto *bar = byName<QProgressBar>(&dialog, QStringLiteral("Demo data progress"));
        QTRY_VERIFY(bar->value() > 0);
        QCOMPARE(bar->maximum(), 1000);
        QCOMPARE(byName<QLabel>(&dialog, QStringLiteral("Phase"))->text(), QStringLiteral("Writing demo rows…"));
        QVERIFY(byName<QLabel>(&dialog, QStringLiteral("Rows written"))->text().contains(QStringLiteral(" of ")));

        auto *cancel = byName<QPushButton>(&dialog, QStringLiteral("Cancel the demo data"));
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!cancel->isEnabled());
        QVERIFY(dialog.isVisible()); // stays until the worker has rolled back
        gate.release.release();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(dialog.isVisible());

        // Consistent: exactly the committed chunk, every table as the report counts it.
        const DemoReport report = *dialog.report();
        QVERIFY(report.cancelled);
        QCOMPARE(report.rows.value(QStringLiteral("dpm_runs")), 256);
        const SupportabilitySummary summary = summaryOf(*session);
        QCOMPARE(summary.runCount, 256);
        QCOMPARE(summary.operationCount, report.rows.value(QStringLiteral("dpm_async_operations")));
        QCOMPARE(summary.workflowDecisionCount, report.rows.value(QStringLiteral("dpm_workflow_decisions")));
        QCOMPARE(summary.lineageEdgeCount, report.rows.value(QStringLiteral("dpm_lineage_edges")));
        const qint64 artifacts = await(session->run([](SupportStore &store) {
            qint64 present = 0;
            std::optional<QString> cursor;
            do {
                const Page<RunListItem> page = store.listRuns({}, PageRequest { 100, cursor });
                for (const RunListItem &run : page.items)
                    present += store.getRunArtifact(run.rebalanceRunId) ? 1 : 0;
                cursor = page.nextCursor;
            } while (cursor);
            return present;
        }));
        // Artifacts belong to the kept runs (the generator persists about half of them).
        QCOMPARE(artifacts, report.rows.value(QStringLiteral("dpm_run_artifacts")));
        QVERIFY(artifacts > 0);

        const QString text = byName<QLabel>(&dialog, QStringLiteral("Result"))->text();
        QVERIFY2(text.contains(QStringLiteral("256 complete runs")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("will not fill it again")));
        // Close now closes.
        auto *close = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close);
        QVERIFY(close);
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(!dialog.isVisible());
    }

    void cancelBeforeFirstCommit_leavesStoreEmpty()
    {
        auto session = openEmptySqlite();
        DemoFillDialog dialog(session.get());
        dialog.setOptions(smallOptions(1000));
        ProgressGate gate;
        gate.holdAt = 1; // chunk 0 written, nothing committed yet
        dialog.setProgressHookForTesting(gate.hook());
        QSignalSpy finished(&dialog, &DemoFillDialog::fillFinished);
        dialog.start();
        QTRY_VERIFY_WITH_TIMEOUT(gate.held, 60000);
        QTest::keyClick(&dialog, Qt::Key_Escape); // Escape cancels like the button
        gate.release.release();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QVERIFY(dialog.report()->cancelled);
        const SupportabilitySummary summary = summaryOf(*session);
        QCOMPARE(summary.runCount, 0);
        QCOMPARE(summary.operationCount, 0);
        QVERIFY(byName<QLabel>(&dialog, QStringLiteral("Result"))->text().contains(QStringLiteral("still empty")));
    }

    void nonEmptyStore_showsDemoStoreNotEmpty()
    {
        auto session = openEmptySqlite();
        await(session->run([](SupportStore &store) {
            DemoOptions options;
            options.runCount = 10;
            return generateDemoData(store, options).runCount;
        }));
        DemoFillDialog dialog(session.get());
        dialog.setOptions(smallOptions(10));
        QSignalSpy finished(&dialog, &DemoFillDialog::fillFinished);
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!dialog.report());
        const QString text = byName<QLabel>(&dialog, QStringLiteral("Result"))->text();
        QVERIFY2(text.contains(QStringLiteral("DEMO_STORE_NOT_EMPTY")), qPrintable(text));
        QCOMPARE(summaryOf(*session).runCount, 10);
    }
};

QTEST_MAIN(TestDemoFillDialog)
#include "tst_demofilldialog.moc"
