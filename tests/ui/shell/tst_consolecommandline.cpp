// The built dpm-console on a machine without a display: argument errors, --help and --version
// answer on the terminal with an exit code before any window exists, and the process ends.
#include <QProcess>
#include <QtTest>

namespace {

struct Run
{
    int exitCode = -1;
    bool finished = false;
    QString out;
    QString err;
};

Run runConsole(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // No display of any kind: what a CI job or an ssh session has.
    for (const char *name : { "QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY" })
        env.remove(QString::fromLatin1(name));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(DPM_CONSOLE_PATH), arguments);
    Run run;
    run.finished = process.waitForStarted() && process.waitForFinished(30000);
    if (!run.finished) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestConsoleCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unknownOption_exits2OnTheTerminal()
    {
        const Run run = runConsole({ QStringLiteral("--bogus-option") });
        QVERIFY2(run.finished, "dpm-console did not end");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("CONSOLE_ARGUMENTS_INVALID")), qPrintable(run.err));
        QVERIFY(run.err.contains(QLatin1String("bogus-option")));
    }

    void help_and_version_exit0WithoutDisplay()
    {
        const Run help = runConsole({ QStringLiteral("--help") });
        QVERIFY2(help.finished, "dpm-console --help did not end");
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QLatin1String("--store")), qPrintable(help.out + help.err));
        QVERIFY(!help.out.contains(QLatin1String("-platform"))); // Qt's own options stay hidden

        const Run version = runConsole({ QStringLiteral("--version") });
        QVERIFY2(version.finished, "dpm-console --version did not end");
        QCOMPARE(version.exitCode, 0);
        const QStringList lines = version.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines.at(0).startsWith(QLatin1String("dpm-console ")), qPrintable(version.out));
        QVERIFY2(lines.at(1).startsWith(QLatin1String("Revision: ")), qPrintable(version.out));
        QVERIFY2(lines.at(2).startsWith(QLatin1String("Qt: 6.")), qPrintable(version.out));
        // The drivers are plugins: this shows they were found without any window system.
        QVERIFY2(lines.at(3).startsWith(QLatin1String("SQL drivers: ")) && lines.at(3).contains(QLatin1String("QSQLITE"))
                && lines.at(3).contains(QLatin1String("QPSQL")),
            qPrintable(version.out));
    }

    void badStore_exits2WithoutThePassword()
    {
        const Run run = runConsole({ QStringLiteral("--store"), QStringLiteral("postgresq://u:MARKER-77@h/db") });
        QVERIFY2(run.finished, "dpm-console did not end");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("STORE_LOCATION_INVALID")), qPrintable(run.err));
        QVERIFY(!run.out.contains(QLatin1String("MARKER-77")) && !run.err.contains(QLatin1String("MARKER-77")));
    }

    void qtOwnOptions_areNotArgumentErrors()
    {
        const Run run = runConsole({ QStringLiteral("-platform"), QStringLiteral("offscreen"), QStringLiteral("--nope") });
        QVERIFY2(run.finished, "dpm-console did not end");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("nope")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QLatin1String("platform")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestConsoleCommandLine)
#include "tst_consolecommandline.moc"
