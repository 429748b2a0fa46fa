// The console on a PostgreSQL hot standby (issue 17), reached through a multi-host location with
// target_session_attrs=prefer-standby (tests/support/pgreplicapair: a primary and a streaming
// replica): the status bar says "Read-only replica" with the replay lag, and the Store health
// panel says "replica, replay lag … s".

#include "demo/demogenerator.h"
#include "domain/error.h"
#include "pgreplicapair.h"
#include "services/storeopening.h"
#include "shell/mainwindow.h"
#include "shell/storehealthdialog.h"

#include <QLabel>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

using namespace dpm;
using namespace dpm::test;

class TestReplicaStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replicaStore_statusBarAndHealthPanelSayReplicaWithTheLag()
    {
        DPM_REQUIRE_REPLICA_PAIR();
        PgReplicaPair &pair = PgReplicaPair::instance();
        QString db;
        try {
            db = pair.createDatabase(QStringLiteral("ui_replica"));
            auto primary = openStore(pair.primary(db), OpenOptions { .applyMigrations = true });
            DemoOptions demo;
            demo.runCount = 20;
            generateDemoData(*primary, demo);
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
        QVERIFY2(pair.waitForReplay(), qPrintable(pair.errorString()));

        // The primary is listed first: prefer-standby still lands on the replica.
        const StoreLocation location = StoreLocation::parse(
            QStringLiteral("postgresql://postgres@127.0.0.1:%1,127.0.0.1:%2/%3?target_session_attrs=prefer-standby")
                .arg(pair.primaryPort())
                .arg(pair.replicaPort())
                .arg(db));
        MainWindow window;
        QSignalSpy opened(&window, &MainWindow::storeOpened);
        QSignalSpy failed(&window, &MainWindow::storeFailed);
        window.show();
        window.openStore(location, false, false);
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY(failed.isEmpty());
        QVERIFY2(window.statusText().contains(QLatin1String("Read-only replica (replay lag")),
            qPrintable(window.statusText()));

        auto *button = window.findChild<QToolButton *>(QStringLiteral("backendButton"));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        StoreHealthDialog *dialog = window.storeHealthDialog();
        QVERIFY(dialog);
        const auto role = [dialog] {
            auto *label = dialog->findChild<QLabel *>(QStringLiteral("healthRole"));
            return label ? label->text() : QString();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(role().startsWith(QLatin1String("replica, replay lag ")), qPrintable(role()), 30000);
        dialog->close();
    }
};

QTEST_MAIN(TestReplicaStatus)
#include "tst_replicastatus.moc"
