// The read-only notice in the main window's status bar. A SQLite store in a folder this user
// cannot write (where WAL's -shm file cannot be created) opens through SqlDatabase's immutable
// fallback, a read-only file in a writable folder through its read-only open; either way the
// window shows the runs and its status bar says why nothing can be changed.
// Root may write anywhere, so no fallback would happen as root (CI): there the test runs its own
// window part again as "nobody" through runuser, as tests/faults/tst_sqlitereadonly.cpp runs
// dpmctl, the same test function told by an environment variable which store to open.

#include "common/consolesettings.h"
#include "demo/demogenerator.h"
#include "domain/appidentity.h"
#include "listing/keysetlistmodel.h"
#include "listing/listingview.h"
#include "listing/runspage.h"
#include "services/storeopening.h"
#include "shell/mainwindow.h"
#include "shell/storestatuspanel.h"
#include "store/sqldatabase.h"
#include "store/supportstore.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace dpm;

namespace {

// Set in the child run as the unprivileged user: the store file to open, and its settings file.
constexpr auto kStoreVariable = "DPM_TEST_READONLY_NOTICE_STORE";
constexpr auto kSettingsVariable = "DPM_TEST_READONLY_NOTICE_SETTINGS";
constexpr auto kUnprivilegedUser = "nobody";

const QFile::Permissions kReadOnlyDir
    = QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
const QFile::Permissions kOpenDir = kReadOnlyDir | QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther;
const QFile::Permissions kReadOnlyFile = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;

} // namespace

class TestReadOnlyNotice : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_root;
    QString m_folder;

    // The window part: the store opens, its runs show, and a status bar label holds the notice
    // SqlDatabase gives this user for that file (what the fallback decided), which names `kind`.
    void verifyWindowShowsNotice(const QString &file, const QString &kind)
    {
        const StoreLocation location = StoreLocation::sqlite(file);
        const QString notice = SqlDatabase(location).readOnlyNotice();
        QVERIFY2(notice.startsWith(QStringLiteral("Read-only: this user cannot write the %1 ").arg(kind)),
            qPrintable(QStringLiteral("no fallback for this user: \"%1\"").arg(notice)));

        MainWindow window;
        QSignalSpy opened(&window, &MainWindow::storeOpened);
        QSignalSpy failed(&window, &MainWindow::storeFailed);
        window.show();
        window.openStore(location, false, false);
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(window.statusPanel()->errorCode()));
        QTRY_VERIFY_WITH_TIMEOUT(window.runsPage()->listing()->model()->rowCount() > 0, 30000);

        QVERIFY2(window.statusText().contains(notice), qPrintable(window.statusText()));
        bool shown = false;
        for (const QLabel *label : window.statusBar()->findChildren<QLabel *>())
            shown = shown || (label->isVisible() && label->text().contains(notice));
        QVERIFY2(shown, qPrintable(window.statusText()));
    }

    // Runs this test function's row again as the unprivileged user, on `file`.
    void verifyAsUnprivilegedUser(const QString &file)
    {
        const QString home = m_root->filePath(QStringLiteral("home"));
        QVERIFY(QDir().mkpath(home));
        QVERIFY(QFile::setPermissions(home, kOpenDir));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QLatin1String(kStoreVariable), file);
        env.insert(QLatin1String(kSettingsVariable), QDir(home).filePath(QStringLiteral("settings.ini")));
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        const QString function
            = QStringLiteral("readOnlyStore_statusBarShowsTheNotice:") + QString::fromUtf8(QTest::currentDataTag());
        child.start(QStringLiteral("runuser"),
            { QStringLiteral("-u"), QLatin1String(kUnprivilegedUser), QStringLiteral("--"),
                QCoreApplication::applicationFilePath(), function });
        if (!child.waitForFinished(120000)) {
            child.kill();
            child.waitForFinished();
        }
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
        QVERIFY2(
            output.contains("PASS   : TestReadOnlyNotice::readOnlyStore_statusBarShowsTheNotice("), output.constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        setApplicationIdentity();
        if (!qEnvironmentVariableIsEmpty(kSettingsVariable))
            ConsoleSettings::instance().setFileForTesting(qEnvironmentVariable(kSettingsVariable));
    }

    void readOnlyStore_statusBarShowsTheNotice_data()
    {
        QTest::addColumn<QString>("kind"); // what this user cannot write: "folder" or "file"
        QTest::newRow("folder") << QStringLiteral("folder");
        QTest::newRow("file") << QStringLiteral("file");
    }

    void readOnlyStore_statusBarShowsTheNotice()
    {
        QFETCH(QString, kind);
        if (!qEnvironmentVariableIsEmpty(kStoreVariable)) { // the child run as the unprivileged user
            verifyWindowShowsNotice(qEnvironmentVariable(kStoreVariable), kind);
            return;
        }
        m_root = std::make_unique<QTemporaryDir>();
        QVERIFY(m_root->isValid());
        QVERIFY(QFile::setPermissions(m_root->path(), kReadOnlyDir | QFile::WriteOwner)); // others may enter
        m_folder = m_root->filePath(QStringLiteral("store"));
        QVERIFY(QDir().mkpath(m_folder));
        const QString file = QDir(m_folder).filePath(QStringLiteral("dpm.db"));
        {
            auto store = openStore(StoreLocation::sqlite(file), OpenOptions { .applyMigrations = true });
            DemoOptions options;
            options.runCount = 50;
            generateDemoData(*store, options);
        } // the last connection closes: the WAL is checkpointed and removed
        QVERIFY(QFile::setPermissions(file, kReadOnlyFile));
        QVERIFY(QFile::setPermissions(m_folder, kind == QLatin1String("folder") ? kReadOnlyDir : kOpenDir));

        if (::geteuid() == 0)
            verifyAsUnprivilegedUser(file);
        else
            verifyWindowShowsNotice(file, kind);
    }

    void cleanup()
    {
        if (!m_folder.isEmpty())
            QFile::setPermissions(m_folder, kOpenDir);
        m_folder.clear();
        m_root.reset();
    }

    void cleanupTestCase() { ConsoleSettings::instance().closeFileForTesting(); }
};

QTEST_MAIN(TestReadOnlyNotice)
#include "tst_readonlynotice.moc"
