// dpm-console: parse the command line, open the window, open the store.
#include "common/consolesettings.h"
#include "common/consoletranslations.h"
#include "common/icons.h"
#include "domain/appidentity.h"
#include "domain/error.h"
#include "domain/heapretention.h"
#include "domain/printabletext.h"
#include "probes/firstrowsprobe.h"
#include "registerremotestore.h"
#include "listing/listingview.h"
#include "shell/mainwindow.h"
#include "listing/runspage.h"
#include "probes/scrollprobe.h"
#include "shell/startupoptions.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTableView>
#include <QThreadPool>

#include <cstdio>
#include <optional>

namespace {

// The command line is read before any window system is touched: a wrong option, --help and
// --version answer on the terminal with an exit code, with or without a display (QApplication
// aborts without one, and a message box offscreen waits for ever). QCommandLineParser's help
// text needs an application object: a QCoreApplication, gone before the QApplication comes.
std::optional<int> readCommandLine(int &argc, char **argv, dpm::StartupOptions &options)
{
    QCoreApplication commandLine(argc, argv);
    dpm::setApplicationIdentity();
    try {
        options = dpm::StartupOptions::parse(QCoreApplication::arguments());
    } catch (const dpm::Error &error) {
        std::fprintf(stderr, "dpm-console: %s\n", qPrintable(dpm::printableText(error.toString())));
        return 2;
    }
    if (options.showHelp || options.showVersion) {
        std::fprintf(stdout, "%s\n", qPrintable(options.text));
        return 0;
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer started;
    started.start();
    dpm::retainFreedHeap();
    dpm::StartupOptions options;
    if (const std::optional<int> exitCode = readCommandLine(argc, argv, options))
        return *exitCode;

    QApplication app(argc, argv);
    dpm::setApplicationIdentity();
    dpm::registerRemoteStore(); // --store http(s)://…: read-only over a server
    // The desktop entry's name (installer/): Wayland's app id, so the shell shows its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.dpm.SupportConsole"));
    QApplication::setWindowIcon(dpm::applicationIcon());
    if (!options.settingsFile.isEmpty())
        dpm::ConsoleSettings::instance().setFileForTesting(options.settingsFile);
    // The settings' language, else the system's (LANG); a change applies from the next start.
    dpm::installConsoleTranslations(&app, dpm::ConsoleSettings::instance().language());

    int exitCode = 0;
    {
        dpm::MainWindow window;
        if (options.reportFirstRows) {
            auto *probe = new dpm::FirstRowsProbe(window.runsPage()->listing()->table(), started, &window);
            QObject::connect(probe, &dpm::FirstRowsProbe::firstRowsPainted, &app, [](qint64 elapsedMs) {
                std::fprintf(stdout, "{\"scenario\":\"console.first_rows\",\"ms_since_main\":%lld}\n", elapsedMs);
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        if (options.reportScrollRows > 0) {
            QAbstractItemView *table = window.runsPage()->listing()->table();
            auto *shown = new dpm::FirstRowsProbe(table, started, &window);
            auto *scroll = new dpm::ScrollProbe(table, options.reportScrollRows, &window);
            QObject::connect(shown, &dpm::FirstRowsProbe::firstRowsPainted, scroll, &dpm::ScrollProbe::start);
            QObject::connect(scroll, &dpm::ScrollProbe::finished, &app, [](const QByteArray &line) {
                std::fprintf(stdout, "%s\n", line.constData());
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        window.show();
        window.openStore(options.location, options.isEmbeddedDefault, options.fillDemoIfEmpty);
        exitCode = QApplication::exec();
    }
    // Worker threads close their database connections as they end; they must end while Qt's
    // SQL registry still exists, not during static destruction.
    QThreadPool::globalInstance()->waitForDone();
    return exitCode;
}
