// The Store health panel: opened from the status bar's backend button and from File → Store
// health (Ctrl+Shift+H), filled through the session on a worker, refreshable. With the dual-write
// variables (DUAL_WRITE_MODE, READ_FROM_POSTGRES_PERCENT, DATABASE_URL) the console opens the
// decorator as dpmctl does: the status bar says so, the panel shows its figures.

#include "pgserver.h"
#include "services/storeopening.h"
#include "shell/mainwindow.h"
#include "shell/storehealthdialog.h"
#include "shell/storestatuspanel.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace dpm;
using namespace dpm::test;

namespace {

// The dual-write variables for one test, removed again when it ends.
struct DualWriteVariables
{
    explicit DualWriteVariables(const QList<std::pair<const char *, QString>> &values)
    {
        for (const auto &[name, value] : values)
            qputenv(name, value.toUtf8());
    }
    ~DualWriteVariables()
    {
        for (const char *name : { "DUAL_WRITE_MODE", "READ_FROM_POSTGRES_PERCENT", "DATABASE_URL" })
            qunsetenv(name);
    }
};

} // namespace

class TestStoreHealth : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<MainWindow> openWindow(const StoreLocation &location)
    {
        auto window = std::make_unique<MainWindow>();
        QSignalSpy opened(window.get(), &MainWindow::storeOpened);
        window->show();
        window->openStore(location, false, false);
        if (!opened.wait(60000))
            return nullptr;
        return window;
    }

    static QString text(QWidget *dialog, const char *name)
    {
        auto *label = dialog->findChild<QLabel *>(QLatin1String(name));
        return label ? label->text() : QStringLiteral("(no %1)").arg(QLatin1String(name));
    }

private Q_SLOTS:
    void backendButton_opensPanel_withServerAndLatency()
    {
        const QString path = m_dir.filePath(QStringLiteral("health.db"));
        openStore(StoreLocation::sqlite(path), OpenOptions { .applyMigrations = true });
        const auto window = openWindow(StoreLocation::sqlite(path));
        QVERIFY(window);
        auto *button = window->findChild<QToolButton *>(QStringLiteral("backendButton"));
        QVERIFY(button);
        QCOMPARE(button->text(), QStringLiteral("SQLite"));

        QTest::mouseClick(button, Qt::LeftButton);
        StoreHealthDialog *dialog = window->storeHealthDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QSignalSpy refreshed(dialog, &StoreHealthDialog::refreshed);
        // The answer may already have come while the click was delivered.
        QTRY_COMPARE_WITH_TIMEOUT(text(dialog, "healthState"), QStringLiteral("Connected"), 30000);
        QVERIFY2(text(dialog, "healthServer").startsWith(QLatin1String("SQLite 3.")), qPrintable(text(dialog, "healthServer")));
        QCOMPARE(text(dialog, "healthRole"), QStringLiteral("single store"));
        QVERIFY2(text(dialog, "healthPool").contains(QLatin1String("connections")), qPrintable(text(dialog, "healthPool")));
        QVERIFY2(text(dialog, "healthTargets").startsWith(QLatin1String("writes to sqlite, reads from sqlite")),
            qPrintable(text(dialog, "healthTargets")));
        QCOMPARE(text(dialog, "healthDualWrite"), QStringLiteral("off"));
        // Opening the store listed runs through the metered session: at least one listing call.
        auto *latency = dialog->findChild<QTableWidget *>(QStringLiteral("healthLatency"));
        QVERIFY(latency);
        QCOMPARE(latency->rowCount(), kQueryKindCount);
        QCOMPARE(latency->verticalHeaderItem(0)->text(), QStringLiteral("listing"));
        QVERIFY(latency->item(0, 0));
        QVERIFY(latency->item(0, 0)->text().toInt() >= 1);

        // Refresh asks again: the listing count cannot go down.
        const int before = latency->item(0, 0)->text().toInt();
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("healthRefresh")), Qt::LeftButton);
        QVERIFY(refreshed.wait(30000));
        QVERIFY(latency->item(0, 0)->text().toInt() >= before);
        dialog->close();
    }

    void dualWriteVariables_statusBarSaysDualWrite_andPanelShowsItsFigures()
    {
        DPM_REQUIRE_POSTGRES();
        QString postgresUrl;
        const QString path = m_dir.filePath(QStringLiteral("dual.db"));
        try {
            postgresUrl = PgServer::instance().createMigratedDatabase(QStringLiteral("ui_dual")).withoutSecrets();
            openStore(StoreLocation::sqlite(path), OpenOptions { .applyMigrations = true });
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
        const DualWriteVariables variables({ { "DUAL_WRITE_MODE", QStringLiteral("true") },
            { "READ_FROM_POSTGRES_PERCENT", QStringLiteral("50") }, { "DATABASE_URL", postgresUrl } });
        const auto window = openWindow(StoreLocation::sqlite(path));
        QVERIFY(window);
        auto *button = window->findChild<QToolButton *>(QStringLiteral("backendButton"));
        QVERIFY(button);
        QCOMPARE(button->text(), QStringLiteral("SQLite · dual-write to PostgreSQL, 50% of reads from it"));

        QTest::mouseClick(button, Qt::LeftButton);
        StoreHealthDialog *dialog = window->storeHealthDialog();
        QVERIFY(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(text(dialog, "healthState"), QStringLiteral("Connected"), 30000);
        const StoreStatus &status = dialog->status();
        QVERIFY(status.dualWriteEnabled);
        QCOMPARE(status.writeTarget, QStringLiteral("dual"));
        QCOMPARE(status.readFromPostgresPercent, 50);
        // Opening read the store through the decorator: every read counted on one side or the other.
        QVERIFY(status.readsFromPrimary + status.readsFromPostgres >= 1);
        QVERIFY2(text(dialog, "healthConnection").contains(QLatin1String("dual-write to postgresql://")),
            qPrintable(text(dialog, "healthConnection")));
        QCOMPARE(text(dialog, "healthDualWrite"),
            QStringLiteral("on: %1 writes mirrored to PostgreSQL, 0 of them failed; reads answered by the primary %2, "
                           "by PostgreSQL %3; 0 PostgreSQL reads fell back to the primary")
                .arg(status.dualWriteMirroredWrites)
                .arg(status.readsFromPrimary)
                .arg(status.readsFromPostgres));
        QCOMPARE(text(dialog, "healthRole"), QStringLiteral("primary"));
        if (qEnvironmentVariableIsSet("DPM_HEALTH_SCREENSHOT")) {
            window->grab().save(qEnvironmentVariable("DPM_HEALTH_SCREENSHOT") + QStringLiteral("/window.png"));
            dialog->grab().save(qEnvironmentVariable("DPM_HEALTH_SCREENSHOT") + QStringLiteral("/health.png"));
        }
        dialog->close();
    }

    void dualWriteWithoutDatabaseUrl_isRefusedWithItsReasonCode()
    {
        const QString path = m_dir.filePath(QStringLiteral("nodsn.db"));
        openStore(StoreLocation::sqlite(path), OpenOptions { .applyMigrations = true });
        qunsetenv("DPM_SUPPORTABILITY_POSTGRES_DSN");
        const DualWriteVariables variables({ { "DUAL_WRITE_MODE", QStringLiteral("true") } });
        MainWindow window;
        QSignalSpy failed(&window, &MainWindow::storeFailed);
        window.show();
        window.openStore(StoreLocation::sqlite(path), false, false);
        QVERIFY(failed.wait(30000));
        QCOMPARE(window.statusPanel()->errorCode(), QStringLiteral("DUAL_WRITE_POSTGRES_DSN_REQUIRED"));
    }

    void keyboardAction_opensPanel_inMemory()
    {
        const auto window = openWindow(StoreLocation::memory());
        QVERIFY(window);
        QAction *action = window->findChild<QAction *>(QStringLiteral("storeHealthAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
        action->trigger();
        StoreHealthDialog *dialog = window->storeHealthDialog();
        QVERIFY(dialog);
        QSignalSpy refreshed(dialog, &StoreHealthDialog::refreshed);
        // The answer may already have come while the click was delivered.
        QTRY_COMPARE_WITH_TIMEOUT(text(dialog, "healthState"), QStringLiteral("Connected"), 30000);
        QCOMPARE(text(dialog, "healthServer"), QStringLiteral("in memory"));
        QCOMPARE(dialog->status().writeTarget, QStringLiteral("in-memory"));
    }
};

QTEST_MAIN(TestStoreHealth)
#include "tst_storehealth.moc"
