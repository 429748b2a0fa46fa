#include "dispatcher.h"

#include "domain/error.h"
#include "output.h"
#include "services/versionreport.h"
#include "store/storelocation.h"

#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

namespace dpm::cli {

namespace {

struct GlobalOptions
{
    std::optional<QString> store;
    std::optional<QString> proposalStore;
    bool json = false;
    bool help = false;
    bool version = false;
    std::optional<QString> usageProblem; // reported once --json is known
    QStringList rest;
};

// Global options may appear anywhere; everything after "--" is left alone.
GlobalOptions splitGlobalOptions(const QStringList &arguments)
{
    GlobalOptions out;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--")) {
            out.rest += arguments.mid(i);
            break;
        }
        if (arg == QLatin1String("--json")) {
            out.json = true;
        } else if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            out.help = true;
        } else if (arg == QLatin1String("--version")) {
            out.version = true;
        } else if (arg == QLatin1String("--store") || arg == QLatin1String("--proposal-store")) {
            // No location starts with "--": "--store --json" is a forgotten value, not a store.
            if (i + 1 >= arguments.size() || arguments.at(i + 1).startsWith(QLatin1String("--"))) {
                out.usageProblem = QStringLiteral("%1 needs a value, e.g. %1 sqlite:/path/to/store.db.").arg(arg);
            } else {
                (arg == QLatin1String("--store") ? out.store : out.proposalStore) = arguments.at(++i);
            }
        } else if (arg.startsWith(QLatin1String("--store="))) {
            out.store = arg.mid(8);
        } else if (arg.startsWith(QLatin1String("--proposal-store="))) {
            out.proposalStore = arg.mid(17);
        } else {
            out.rest << arg;
        }
    }
    return out;
}

int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidInput:
        return ExitInvalidInput;
    case ErrorKind::NotFound:
        return ExitNotFound;
    case ErrorKind::Conflict:
        return ExitConflict;
    case ErrorKind::Configuration:
        return ExitConfiguration;
    case ErrorKind::Connection:
        return ExitConnection;
    case ErrorKind::Migration:
        return ExitMigration;
    case ErrorKind::Storage:
        return ExitStorage;
    case ErrorKind::Internal:
        return ExitInternal;
    }
    return ExitInternal;
}

void printError(bool json, const QString &code, const QString &message, const QString &kind)
{
    // Drivers and parsers may echo what they were given: nothing with a password leaves here.
    // Driver texts span lines; the error is one line.
    const QString safeMessage = redactSecrets(message).simplified();
    if (json) {
        const QJsonObject error { { QStringLiteral("code"), code }, { QStringLiteral("message"), safeMessage },
            { QStringLiteral("kind"), kind } };
        writeText(stderr,
            QString::fromUtf8(
                QJsonDocument(QJsonObject { { QStringLiteral("error"), error } }).toJson(QJsonDocument::Compact)));
    } else {
        writeText(stderr, QStringLiteral("dpmctl: %1: %2").arg(code, safeMessage));
    }
}

// The longest table entry whose words start the argument list.
const CommandSpec *findCommand(const QStringList &rest)
{
    const CommandSpec *best = nullptr;
    for (const CommandSpec &spec : commandTable()) {
        if (rest.size() < spec.words.size())
            continue;
        if (rest.mid(0, spec.words.size()) != spec.words)
            continue;
        if (!best || spec.words.size() > best->words.size())
            best = &spec;
    }
    return best;
}

[[noreturn]] void unknownCommand(const QStringList &rest)
{
    QStringList subcommands;
    for (const CommandSpec &spec : commandTable()) {
        if (spec.words.size() > 1 && spec.words.constFirst() == rest.constFirst())
            subcommands << spec.words.mid(1).join(QLatin1Char(' '));
    }
    if (!subcommands.isEmpty()) {
        const QString which = rest.size() > 1 ? QStringLiteral("Unknown command \"%1 %2\"").arg(rest.at(0), rest.at(1))
                                              : QStringLiteral("\"%1\" needs a subcommand").arg(rest.at(0));
        throw UsageError { QStringLiteral("%1; use one of: %2 (see dpmctl %3 --help).")
                               .arg(which, subcommands.join(QStringLiteral(", ")), rest.at(0)) };
    }
    throw UsageError {
        QStringLiteral("Unknown command \"%1\"; run \"dpmctl --help\" for the list of commands.").arg(rest.constFirst())
    };
}

ParsedCommand parseCommand(const CommandSpec &spec, const QStringList &tokens)
{
    ParsedCommand parsed;
    parsed.spec = &spec;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString &token = tokens.at(i);
        if (optionsEnded || !token.startsWith(QLatin1String("--")) || token == QLatin1String("-")) {
            parsed.positionals << token;
            continue;
        }
        if (token == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        QString name = token.mid(2);
        std::optional<QString> inlineValue;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            inlineValue = name.mid(eq + 1);
            name = name.left(eq);
        }
        const auto option = std::find_if(
            spec.options.cbegin(), spec.options.cend(), [&](const OptionSpec &o) { return o.name == name; });
        if (option == spec.options.cend()) {
            throw UsageError {
                QStringLiteral("\"%1\" has no option --%2; see dpmctl %1 --help.").arg(spec.name(), name)
            };
        }
        if (option->valueName.isEmpty()) {
            if (inlineValue)
                throw UsageError { QStringLiteral("--%1 takes no value.").arg(name) };
            parsed.values.insert(name, QString());
            continue;
        }
        if (inlineValue || i + 1 < tokens.size()) {
            const QString value = inlineValue ? *inlineValue : tokens.at(++i);
            parsed.values.insert(name, value);
            parsed.repeated[name] << value;
        } else {
            throw UsageError { QStringLiteral("--%1 needs a value (%2).").arg(name, option->valueName) };
        }
    }
    // Optional positionals ("[PROPOSAL_ID]") come last.
    const qsizetype required = std::count_if(spec.positionals.cbegin(), spec.positionals.cend(),
        [](const QString &name) { return !name.startsWith(QLatin1Char('[')); });
    if (parsed.positionals.size() < required) {
        throw UsageError { QStringLiteral("\"%1\" needs %2; usage: %3.")
                               .arg(spec.name(),
                                   spec.positionals.mid(parsed.positionals.size(), required - parsed.positionals.size())
                                       .join(QLatin1Char(' ')),
                                   usageLine(spec)) };
    }
    if (parsed.positionals.size() > spec.positionals.size()) {
        throw UsageError { QStringLiteral("\"%1\" does not take \"%2\"; usage: %3.")
                               .arg(spec.name(), parsed.positionals.mid(spec.positionals.size()).join(QLatin1Char(' ')),
                                   usageLine(spec)) };
    }
    return parsed;
}

int execute(const GlobalOptions &global, const QProcessEnvironment &environment)
{
    if (global.usageProblem)
        throw UsageError { *global.usageProblem };

    if (global.version && !global.help) {
        const VersionReport report = versionReport(QStringLiteral("dpmctl"));
        writeText(stdout, global.json ? jsonText(report.toJson()) : report.toText());
        return ExitOk;
    }
    QStringList rest = global.rest;
    const bool helpCommand = !rest.isEmpty() && rest.constFirst() == QLatin1String("help");
    if (helpCommand)
        rest.removeFirst();
    if (global.help || helpCommand) {
        const CommandSpec *spec = rest.isEmpty() ? nullptr : findCommand(rest);
        writeText(stdout, spec ? commandHelp(*spec) : generalHelp());
        return ExitOk;
    }
    if (rest.isEmpty())
        throw UsageError { QStringLiteral("No command given; run \"dpmctl --help\" for the list of commands.") };

    const CommandSpec *spec = findCommand(rest);
    if (!spec)
        unknownCommand(rest);
    const ParsedCommand parsed = parseCommand(*spec, rest.mid(spec->words.size()));

    CommandContext context(global.store, global.json, environment, global.proposalStore);
    const CommandOutput output = spec->run(context, parsed);
    writeText(stdout, global.json ? jsonText(output.json) : output.text);
    if (!output.failure)
        return ExitOk;
    if (!output.failureExit)
        output.failure(); // throws; runDpmctl maps its kind
    try {
        output.failure();
    } catch (const Error &e) {
        printError(global.json, e.code(), e.message(), output.failureExit->kindName);
        return output.failureExit->exitCode;
    }
    return ExitOk;
}

bool s_showLogMessages = false;

// Log messages (Qt's driver and connection bookkeeping, the dpm.* categories) must not break the
// promise of stderr: "dpmctl: CODE: message", or with --json only the error object. They are
// dropped unless the user asks for logging (QT_LOGGING_RULES set, and not --json); shown ones
// are redacted.
void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!s_showLogMessages)
        return;
    const char *level = type == QtDebugMsg ? "debug" : type == QtInfoMsg ? "info" : "warning";
    writeText(stderr,
        QStringLiteral("dpmctl: %1: %2: %3")
            .arg(QLatin1String(level), QLatin1String(context.category ? context.category : "default"),
                redactSecrets(message).simplified()));
}

} // namespace

int runDpmctl(const QStringList &arguments, const QProcessEnvironment &environment)
{
    const GlobalOptions global = splitGlobalOptions(arguments);
    s_showLogMessages = !global.json && environment.contains(QStringLiteral("QT_LOGGING_RULES"));
    qInstallMessageHandler(messageHandler);
    try {
        return execute(global, environment);
    } catch (const UsageError &e) {
        printError(global.json, QStringLiteral("USAGE_ERROR"), e.message, QStringLiteral("usage"));
        return ExitUsage;
    } catch (const Error &e) {
        printError(global.json, e.code(), e.message(), errorKindName(e.kind()));
        return exitCodeFor(e.kind());
    } catch (const std::exception &e) {
        printError(global.json, QStringLiteral("INTERNAL_ERROR"),
            QStringLiteral("Unexpected failure (%1); please report it.").arg(QString::fromLocal8Bit(e.what())),
            errorKindName(ErrorKind::Internal));
        return ExitInternal;
    } catch (...) {
        printError(global.json, QStringLiteral("INTERNAL_ERROR"),
            QStringLiteral("Unexpected failure; please report it."), errorKindName(ErrorKind::Internal));
        return ExitInternal;
    }
}

} // namespace dpm::cli
