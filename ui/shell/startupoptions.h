#pragma once

#include "store/storelocation.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace dpm {

// What dpm-console was asked to do on its command line, with the store already resolved:
// --store wins, then the service's environment variables, then the embedded default.
struct StartupOptions
{
    StoreLocation location;
    bool isEmbeddedDefault = false;
    // Only for the embedded default, and not with --no-demo: an empty store gets demo data.
    bool fillDemoIfEmpty = false;
    QString settingsFile; // --settings FILE: an INI file instead of the user's settings
    bool reportFirstRows = false; // --report-first-rows: the console.first_rows benchmark
    int reportScrollRows = 0; // --report-scroll N: the console.scroll benchmark over N rows
    // --help / --version: print `text` and exit (nothing else was resolved).
    bool showHelp = false;
    bool showVersion = false;
    QString text;

    // arguments are QCoreApplication::arguments() (the program first). Never exits the process
    // and needs no display: dpm-console calls it before its QApplication exists. QApplication's
    // own options (-platform NAME, -style NAME, -reverse, …) are accepted and left to it.
    // Throws dpm::Error: CONSOLE_ARGUMENTS_INVALID for an unknown option or a missing value, the
    // store's codes for a bad --store (STORE_LOCATION_INVALID) or bad environment variables
    // (DPM_SUPPORTABILITY_POSTGRES_DSN_REQUIRED, DPM_SUPPORTABILITY_STORE_BACKEND_UNSUPPORTED).
    // The embedded default's path comes from QStandardPaths: set the application name first.
    static StartupOptions parse(
        const QStringList &arguments, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
};

} // namespace dpm
