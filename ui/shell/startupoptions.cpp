#include "shell/startupoptions.h"

#include "domain/error.h"
#include "services/versionreport.h"
#include "store/storelocation.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace dpm {

StartupOptions StartupOptions::parse(const QStringList &arguments, const QProcessEnvironment &env)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("StartupOptions",
        "DPM Support Console: investigate and administer a DPM supportability store.\n"
        "Without --store it opens the store named by DPM_SUPPORTABILITY_STORE_BACKEND and its "
        "variables, or else an embedded SQLite store filled with demo data on first start."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    // Not addVersionOption(): that prints only the version, and takes -v as well.
    const QCommandLineOption versionOption(QStringLiteral("version"),
        QCoreApplication::translate("StartupOptions",
            "Print the version, the git revision it was built from, the Qt version and the SQL drivers found."));
    parser.addOption(versionOption);
    const QCommandLineOption storeOption(QStringLiteral("store"),
        QCoreApplication::translate("StartupOptions",
            "The store to open: memory:, sqlite:PATH (or a .db/.sqlite/.sqlite3 path), a postgresql:// URL, "
            "a libpq string such as \"service=name\", or a server of the DPM API read-only: "
            "http(s)://host:port[?token_file=F&ca_file=CA.pem&connect_timeout=S&transfer_timeout=S]."),
        QCoreApplication::translate("StartupOptions", "location"));
    const QCommandLineOption proposalStoreOption(QStringLiteral("proposal-store"),
        QCoreApplication::translate("StartupOptions",
            "Read the advisory proposals from a database of their own (the service's PROPOSAL_POSTGRES_DSN), in "
            "the forms of --store. Without it the store holds them, unless the service's variables name a "
            "separate one (PROPOSAL_STORE_BACKEND=POSTGRES, PROPOSAL_POSTGRES_DSN)."),
        QCoreApplication::translate("StartupOptions", "location"));
    const QCommandLineOption noDemoOption(QStringLiteral("no-demo"),
        QCoreApplication::translate("StartupOptions", "Do not fill an empty embedded default store with demo data."));
    const QCommandLineOption settingsOption(QStringLiteral("settings"),
        QCoreApplication::translate("StartupOptions", "Keep the console's settings in this INI file."),
        QCoreApplication::translate("StartupOptions", "file"));
    const QCommandLineOption firstRowsOption(QStringLiteral("report-first-rows"),
        QCoreApplication::translate("StartupOptions",
            "Benchmark: print the milliseconds from start to the first run rows painted as a JSON line, then quit."));
    parser.addOption(storeOption);
    parser.addOption(proposalStoreOption);
    parser.addOption(noDemoOption);
    parser.addOption(settingsOption);
    const QCommandLineOption scrollOption(QStringLiteral("report-scroll"),
        QCoreApplication::translate("StartupOptions",
            "Benchmark: scroll the runs a page at a time until this many rows are loaded and shown; print "
            "the UI thread's stalls and the resident memory as a JSON line, then quit."),
        QCoreApplication::translate("StartupOptions", "rows"));
    parser.addOption(firstRowsOption);
    parser.addOption(scrollOption);
    // The options QApplication takes for itself ("-platform offscreen", "-style fusion", …):
    // read here before QApplication exists, so they must not be errors. Not ours to list.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const char *name : { "platform", "platformpluginpath", "platformtheme", "plugin", "qwindowgeometry",
             "qwindowicon", "qwindowtitle", "style", "stylesheet", "display", "geometry", "session" }) {
        QCommandLineOption qtOption(QString::fromLatin1(name), QString(), QStringLiteral("value"));
        qtOption.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(qtOption);
    }
    for (const char *name : { "reverse", "nograb", "dograb", "sync", "widgetcount" }) {
        QCommandLineOption qtFlag(QString::fromLatin1(name));
        qtFlag.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(qtFlag);
    }

    if (!parser.parse(arguments)) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("CONSOLE_ARGUMENTS_INVALID"),
            QCoreApplication::translate("StartupOptions", "%1; run dpm-console --help for the options.")
                .arg(parser.errorText()));
    }
    if (!parser.positionalArguments().isEmpty()) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("CONSOLE_ARGUMENTS_INVALID"),
            QCoreApplication::translate(
                "StartupOptions", "Unexpected argument \"%1\"; give the store with --store, or run dpm-console --help.")
                .arg(redactSecrets(parser.positionalArguments().constFirst())));
    }

    StartupOptions options;
    if (parser.isSet(helpOption)) {
        options.showHelp = true;
        options.text = parser.helpText();
        return options;
    }
    if (parser.isSet(versionOption)) {
        options.showVersion = true;
        options.text = versionReport(QStringLiteral("dpm-console")).toText().trimmed();
        return options;
    }

    options.settingsFile = parser.value(settingsOption);
    options.reportFirstRows = parser.isSet(firstRowsOption);
    if (parser.isSet(scrollOption)) {
        bool ok = false;
        options.reportScrollRows = parser.value(scrollOption).toInt(&ok);
        if (!ok || options.reportScrollRows < 1) {
            throw Error(ErrorKind::InvalidInput, QStringLiteral("CONSOLE_ARGUMENTS_INVALID"),
                QCoreApplication::translate(
                    "StartupOptions", "--report-scroll needs a positive number of rows, not \"%1\".")
                    .arg(parser.value(scrollOption)));
        }
    }
    std::optional<QString> explicitStore;
    if (parser.isSet(storeOption))
        explicitStore = parser.value(storeOption);
    std::optional<QString> explicitProposalStore;
    if (parser.isSet(proposalStoreOption))
        explicitProposalStore = parser.value(proposalStoreOption);
    const ResolvedLocation resolved = resolveStoreLocation(explicitStore, env, explicitProposalStore);
    options.location = resolved.location;
    options.isEmbeddedDefault = resolved.isEmbeddedDefault;
    options.fillDemoIfEmpty = resolved.isEmbeddedDefault && !parser.isSet(noDemoOption);
    return options;
}

} // namespace dpm
