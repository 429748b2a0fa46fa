// How dpm-console reads its command line and picks its store: --store wins over the service's
// variables, which win over the embedded default in the user's data directory.

#include "domain/appidentity.h"
#include "domain/buildinfo.h"
#include "domain/error.h"
#include "shell/startupoptions.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace dpm;

namespace {

const QString kProgram = QStringLiteral("dpm-console");

QString errorCodeOf(const QStringList &arguments, const QProcessEnvironment &env)
{
    try {
        StartupOptions::parse(arguments, env);
    } catch (const Error &error) {
        return error.code();
    }
    return QStringLiteral("(no error)");
}

} // namespace

class TestStartupOptions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QProcessEnvironment sqliteEnvironment() const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("SQLITE"));
        env.insert(QStringLiteral("DPM_SUPPORTABILITY_SQLITE_PATH"), m_home.filePath(QStringLiteral("env.db")));
        return env;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // The embedded default lives under the user's data directory: point it at a scratch
        // folder so that nothing here reads or writes the real one.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("data"))));
        setApplicationIdentity();
    }

    void storeFlag_winsOverEnvironment()
    {
        const StartupOptions options = StartupOptions::parse(
            { kProgram, QStringLiteral("--store"), QStringLiteral("postgresql://alice@db.example:6543/dpm") },
            sqliteEnvironment());
        QCOMPARE(options.location.backend(), StoreBackend::Postgres);
        QCOMPARE(options.location.libpqParameter(QStringLiteral("host")), QStringLiteral("db.example"));
        QCOMPARE(options.location.libpqParameter(QStringLiteral("port")), QStringLiteral("6543"));
        QVERIFY(!options.isEmbeddedDefault);
        QVERIFY(!options.fillDemoIfEmpty);
        QVERIFY(!options.showHelp && !options.showVersion);
    }

    void storeFlag_acceptsServiceNameAndSqlitePath()
    {
        const StartupOptions service
            = StartupOptions::parse({ kProgram, QStringLiteral("--store=service=dpm-prod") }, QProcessEnvironment());
        QCOMPARE(service.location.libpqParameter(QStringLiteral("service")), QStringLiteral("dpm-prod"));
        const StartupOptions file
            = StartupOptions::parse({ kProgram, QStringLiteral("--store"), QStringLiteral("/tmp/x.sqlite") }, {});
        QCOMPARE(file.location.backend(), StoreBackend::Sqlite);
        QCOMPARE(file.location.sqlitePath(), QStringLiteral("/tmp/x.sqlite"));
    }

    void environment_sqliteBackendAndPath_areUsed()
    {
        const StartupOptions options = StartupOptions::parse({ kProgram }, sqliteEnvironment());
        QCOMPARE(options.location.backend(), StoreBackend::Sqlite);
        QCOMPARE(options.location.sqlitePath(), m_home.filePath(QStringLiteral("env.db")));
        QVERIFY(!options.isEmbeddedDefault);
        QVERIFY(!options.fillDemoIfEmpty); // only the embedded default gets demo data
    }

    void nothingConfigured_opensEmbeddedDefaultInDataDirectory()
    {
        const StartupOptions options = StartupOptions::parse({ kProgram }, QProcessEnvironment());
        QCOMPARE(options.location.backend(), StoreBackend::Sqlite);
        QVERIFY2(options.location.sqlitePath().startsWith(m_home.filePath(QStringLiteral("data"))),
            qPrintable(options.location.sqlitePath()));
        QVERIFY(options.location.sqlitePath().endsWith(QStringLiteral("dpm_supportability.db")));
        QVERIFY(options.isEmbeddedDefault);
        QVERIFY(options.fillDemoIfEmpty);
        QVERIFY(options.settingsFile.isEmpty());
        // Resolving does not create the store: opening does.
        QVERIFY(!QFileInfo::exists(options.location.sqlitePath()));
    }

    void noDemo_keepsEmbeddedDefaultEmpty()
    {
        const StartupOptions options
            = StartupOptions::parse({ kProgram, QStringLiteral("--no-demo") }, QProcessEnvironment());
        QVERIFY(options.isEmbeddedDefault);
        QVERIFY(!options.fillDemoIfEmpty);
    }

    void settingsFlag_isReturned()
    {
        const StartupOptions options = StartupOptions::parse(
            { kProgram, QStringLiteral("--settings"), QStringLiteral("/tmp/shots.ini") }, QProcessEnvironment());
        QCOMPARE(options.settingsFile, QStringLiteral("/tmp/shots.ini"));
        QVERIFY(!options.reportFirstRows);
        QVERIFY(StartupOptions::parse({ kProgram, QStringLiteral("--report-first-rows") }, QProcessEnvironment())
                    .reportFirstRows);
        QCOMPARE(options.reportScrollRows, 0);
        QCOMPARE(StartupOptions::parse(
                     { kProgram, QStringLiteral("--report-scroll"), QStringLiteral("20000") }, QProcessEnvironment())
                     .reportScrollRows,
            20000);
        QCOMPARE(errorCodeOf({ kProgram, QStringLiteral("--report-scroll"), QStringLiteral("lots") }, {}),
            QStringLiteral("CONSOLE_ARGUMENTS_INVALID"));
        QCOMPARE(errorCodeOf({ kProgram, QStringLiteral("--report-scroll"), QStringLiteral("0") }, {}),
            QStringLiteral("CONSOLE_ARGUMENTS_INVALID"));
    }

    void helpAndVersion_returnTextWithoutResolving()
    {
        // A bad environment must not stop --help from answering.
        QProcessEnvironment bad;
        bad.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("ORACLE"));
        const StartupOptions help = StartupOptions::parse({ kProgram, QStringLiteral("--help") }, bad);
        QVERIFY(help.showHelp);
        QVERIFY(help.text.contains(QStringLiteral("--store")));
        QVERIFY(help.text.contains(QStringLiteral("--no-demo")));
        QVERIFY(help.text.contains(QStringLiteral("--settings")));
        const StartupOptions version = StartupOptions::parse({ kProgram, QStringLiteral("--version") }, bad);
        QVERIFY(version.showVersion);
        // The program's name and version, the revision, Qt and the SQL drivers the console loads.
        QVERIFY2(version.text.startsWith(QStringLiteral("dpm-console ") + buildVersion() + QLatin1Char('\n')),
            qPrintable(version.text));
        QVERIFY2(version.text.contains(QStringLiteral("\nRevision: ") + buildRevision()), qPrintable(version.text));
        QVERIFY2(version.text.contains(QStringLiteral("\nQt: ") + QString::fromLatin1(qVersion())), qPrintable(version.text));
        QVERIFY2(version.text.contains(QRegularExpression(QStringLiteral("\nSQL drivers: .*QSQLITE"))), qPrintable(version.text));
        QVERIFY2(version.text.contains(QRegularExpression(QStringLiteral("\nSQL drivers: .*QPSQL"))), qPrintable(version.text));
    }

    void badStoreFlag_isStoreLocationInvalid()
    {
        QCOMPARE(errorCodeOf({ kProgram, QStringLiteral("--store"), QStringLiteral("no-such-thing") }, {}),
            QStringLiteral("STORE_LOCATION_INVALID"));
    }

    void badEnvironment_isReportedWithServiceCodes()
    {
        QProcessEnvironment unsupported;
        unsupported.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("ORACLE"));
        QCOMPARE(
            errorCodeOf({ kProgram }, unsupported), QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND_UNSUPPORTED"));
        QProcessEnvironment noDsn;
        noDsn.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("POSTGRES"));
        QCOMPARE(errorCodeOf({ kProgram }, noDsn), QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN_REQUIRED"));
        // --store wins even over a broken environment.
        QCOMPARE(errorCodeOf({ kProgram, QStringLiteral("--store"), QStringLiteral("memory:") }, noDsn),
            QStringLiteral("(no error)"));
    }

    void unknownOptionOrStrayArgument_isArgumentsInvalid()
    {
        QCOMPARE(
            errorCodeOf({ kProgram, QStringLiteral("--frobnicate") }, {}), QStringLiteral("CONSOLE_ARGUMENTS_INVALID"));
        QCOMPARE(errorCodeOf({ kProgram, QStringLiteral("--store") }, {}), QStringLiteral("CONSOLE_ARGUMENTS_INVALID"));
        QCOMPARE(errorCodeOf({ kProgram, QStringLiteral("stray") }, {}), QStringLiteral("CONSOLE_ARGUMENTS_INVALID"));
    }

    void qtApplicationOptions_areAcceptedAndHelpNeedsNoDisplay()
    {
        // Parsed before QApplication exists, so QApplication's own options are still there.
        const StartupOptions options = StartupOptions::parse({ kProgram, QStringLiteral("-platform"),
            QStringLiteral("offscreen"), QStringLiteral("-reverse"), QStringLiteral("--store"), QStringLiteral("memory:") });
        QCOMPARE(options.location.backend(), StoreBackend::InMemory);
        const StartupOptions help = StartupOptions::parse({ kProgram, QStringLiteral("-h") }, {});
        QVERIFY(help.showHelp);
        QVERIFY(!help.text.contains(QLatin1String("platform")));
    }

    void strayArgumentWithPassword_isRedactedInTheError()
    {
        try {
            StartupOptions::parse({ kProgram, QStringLiteral("postgresql://bob:hunter2@h/db") }, {});
            QFAIL("expected an error");
        } catch (const Error &error) {
            QVERIFY2(!error.message().contains(QStringLiteral("hunter2")), qPrintable(error.message()));
        }
    }
};

QTEST_MAIN(TestStartupOptions)
#include "tst_startupoptions.moc"
