// dpmctl profile check / cutover check: the service's persistence-profile guardrails (Part B
// §8.2) and production cutover check (§7.4), with every finding listed instead of the first.
// Both read the service's environment variables, never --store.

#include "command.h"
#include "domain/error.h"
#include "services/cutovercheck.h"
#include "services/persistenceprofile.h"

namespace dpm::cli {

namespace {

// Prints the report and, when it has an error, fails with the first error's code (exit 6), as
// migrate validate does.
CommandOutput reportOutput(QJsonObject json, QString text, const QList<CheckFinding> &findings, const QString &what)
{
    CommandOutput out;
    out.json = std::move(json);
    out.text = std::move(text);
    const auto firstError
        = std::find_if(findings.cbegin(), findings.cend(), [](const CheckFinding &f) { return f.isError(); });
    if (firstError != findings.cend()) {
        qsizetype errors = 0;
        for (const CheckFinding &finding : findings)
            errors += finding.isError() ? 1 : 0;
        const QString code = firstError->code;
        const QString message = QStringLiteral("%1 failed with %2 error finding(s); the first: %3")
                                    .arg(what)
                                    .arg(errors)
                                    .arg(firstError->message);
        out.failure = [code, message] { throw Error(ErrorKind::Configuration, code, message); };
    }
    return out;
}

CommandOutput profileCheck(CommandContext &context, const ParsedCommand &)
{
    const PersistenceProfileReport report = checkPersistenceProfile(context.environment());
    return reportOutput(
        report.toJson(), report.toText(), report.findings, QStringLiteral("The persistence profile check"));
}

CommandOutput cutoverCheck(CommandContext &context, const ParsedCommand &command)
{
    const CutoverReport report
        = checkProductionCutover(context.environment(), command.flag(QStringLiteral("check-migrations")));
    return reportOutput(
        report.toJson(), report.toText(), report.findings, QStringLiteral("The production cutover check"));
}

} // namespace

QList<CommandSpec> adminCommands()
{
    return {
        { { QStringLiteral("profile"), QStringLiteral("check") }, {}, {},
            QStringLiteral("Check APP_PERSISTENCE_PROFILE's guardrails against the environment; lists every failing "
                           "one, exit 6 on an error."),
            profileCheck },
        { { QStringLiteral("cutover"), QStringLiteral("check") }, {},
            { { QStringLiteral("check-migrations"), QString(),
                QStringLiteral("also connect to each PostgreSQL database and check its migration ledger, checksums "
                               "and runtime role") } },
            QStringLiteral("The production cutover check (profile, guardrails, TLS of the DSNs, migrations); exit 6 "
                           "on an error."),
            cutoverCheck },
    };
}

} // namespace dpm::cli
