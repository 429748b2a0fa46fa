#pragma once

#include "services/adminaction.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace dpm {
class SupportStore;
struct ResolvedLocation;
} // namespace dpm

namespace dpm::cli {

// Exit codes of dpmctl: stable, documented in --help, one per dpm::ErrorKind plus usage.
enum ExitCode : int {
    ExitOk = 0,
    ExitInternal = 1,
    ExitUsage = 2,
    ExitNotFound = 3,
    ExitConflict = 4,
    ExitInvalidInput = 5,
    ExitConfiguration = 6,
    ExitConnection = 7,
    ExitMigration = 8,
    ExitStorage = 9,
    // Not a failure of dpmctl: a check ran and found something (proposals check's findings).
    ExitFindings = 10,
};

// A command line that does not fit the command table: USAGE_ERROR, exit 2.
struct UsageError
{
    QString message;
};

struct OptionSpec
{
    QString name; // without the leading "--"
    QString valueName; // empty for a flag
    QString help;
};

struct ParsedCommand;
class CommandContext;

// What a command produced: the JSON printed with --json, the text printed without it.
// A command that found a problem it reports as a result (migrate validate) sets `failure`;
// dpmctl then prints the output and also the error, and exits with the error's code.
struct CommandOutput
{
    QJsonObject json;
    QString text;
    std::function<void()> failure; // throws the dpm::Error to report after the output
    // When set, `failure`'s error is printed with this exit code and kind name instead of its
    // kind's: findings of a check are neither bad input nor a failed lookup.
    struct FailureExit
    {
        int exitCode = ExitInternal;
        QString kindName;
    };
    std::optional<FailureExit> failureExit;
};

// One row of the command table.
struct CommandSpec
{
    QStringList words; // {"runs", "list"}
    // Names of the positional arguments, e.g. {"RUN_ID"}; optional ones are bracketed and last
    // ({"[PROPOSAL_ID]"}).
    QStringList positionals;
    QList<OptionSpec> options;
    QString summary;
    std::function<CommandOutput(CommandContext &, const ParsedCommand &)> run;

    QString name() const { return words.join(QLatin1Char(' ')); }
};

struct ParsedCommand
{
    const CommandSpec *spec = nullptr;
    QStringList positionals;
    QMap<QString, QString> values; // option name -> value ("" for a flag that is set); the last one given
    QMap<QString, QStringList> repeated; // option name -> every value given, in order (--topic A --topic B)

    QString positional(int i) const { return positionals.value(i); }
    std::optional<QString> value(const QString &option) const;
    bool flag(const QString &option) const { return values.contains(option); }
    QStringList all(const QString &option) const { return repeated.value(option); }
};

// What every command can reach: the global options and, opened on first use, the store.
class CommandContext
{
public:
    CommandContext(std::optional<QString> storeArgument, bool json, QProcessEnvironment environment,
        std::optional<QString> proposalStoreArgument = std::nullopt);
    ~CommandContext();

    bool json() const { return m_json; }
    const QProcessEnvironment &environment() const { return m_environment; }

    // --store > the service's environment variables > the embedded default, with the proposals
    // from --proposal-store (or the service's PROPOSAL_* variables, see resolveStoreLocation) when
    // they have a database of their own. Throws the configuration errors of StoreLocation.
    const ResolvedLocation &location();
    // The environment with the proposal store's variables as the location's separate proposal
    // store sets them (withProposalStoreSettings): what profile check looks at.
    QProcessEnvironment checkedEnvironment();

    // Opens the store: the embedded default is created and migrated on first use; any other
    // location is opened as it is (never migrated; a SQLite file must exist). Reads never purge.
    SupportStore &store();

    // Progress of long work, on stderr, only without --json.
    void progress(const QString &line) const;
    // A progress function for long work that reports (done, total, phase): a line
    // "<label> <phase> N% (done of total <unit>)" in 2% steps and at each new phase.
    std::function<bool(qint64, qint64, const QString &)> stepProgress(
        const QString &label, const QString &unit = QStringLiteral("rows")) const;

private:
    std::optional<QString> m_storeArgument;
    std::optional<QString> m_proposalStoreArgument;
    bool m_json = false;
    QProcessEnvironment m_environment;
    std::unique_ptr<ResolvedLocation> m_location;
    std::unique_ptr<SupportStore> m_store;
};

// The command groups, one file each.
QList<CommandSpec> migrateCommands();
QList<CommandSpec> runCommands();
QList<CommandSpec> operationCommands();
QList<CommandSpec> decisionCommands();
QList<CommandSpec> lineageCommands();
QList<CommandSpec> summaryCommands();
QList<CommandSpec> bundleCommands();
QList<CommandSpec> findCommands();
QList<CommandSpec> purgeCommands();
QList<CommandSpec> adminCommands();
QList<CommandSpec> demoCommands();
QList<CommandSpec> transferCommands();
QList<CommandSpec> snapshotCommands();
QList<CommandSpec> eventCommands();
QList<CommandSpec> outboxCommands();
// dpmctl outbox relay (outboxrelaycommand.cpp).
CommandSpec outboxRelayCommand();
QList<CommandSpec> serveCommands();
QList<CommandSpec> storeCommands(); // store health, store status
QList<CommandSpec> proposalCommands();
QList<CommandSpec> proposalReviewCommands(); // proposals diff, proposals check

// Shared option parsing for listings: --limit (1..maximum, default `fallback`, INVALID_LIMIT
// otherwise; the DPM listings take 1..1000, default 50), --cursor, and time bounds normalised
// with normalizeTimestamp (INVALID_TIMESTAMP).
int parseLimit(const std::optional<QString> &text, int maximum = 1000, int fallback = 50);
std::optional<QString> timestampOption(const ParsedCommand &command, const QString &option);
QList<OptionSpec> pagingOptions(int maximum = 1000, int fallback = 50);

// --no-audit of the commands that change the store (migrate apply, purge): without it they
// refuse a store without the console's audit table (CONSOLE_AUDIT_LOG_MISSING, exit 8); with it
// they go ahead and record nothing, knowingly (a store the service owns).
OptionSpec noAuditOption();
AuditMode auditModeOf(const ParsedCommand &command);
// Says on stderr (text mode) that an action was done but is not in the audit log, and why.
void noteNotRecorded(const CommandContext &context, const std::optional<Error> &auditError);

} // namespace dpm::cli
