// dpmctl profile check / cutover check: the service's persistence-profile guardrails (Part B
// §8.2) and production cutover check (§7.4), with every finding listed instead of the first.
// Both check the service's environment variables; the cutover check is recorded in the audit log
// of the store dpmctl works on (--store, else the service's variables), when it has one.

#include "command.h"
#include "domain/error.h"
#include "services/cutoveraction.h"
#include "services/persistenceprofile.h"
#include "services/storeopening.h"

#include <QFileInfo>

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
    const PersistenceProfileReport report = checkPersistenceProfile(context.checkedEnvironment());
    return reportOutput(
        report.toJson(), report.toText(), report.findings, QStringLiteral("The persistence profile check"));
}

// The store the check is recorded in: the one dpmctl works on (--store, else the service's
// variables), if it can be opened. The embedded default is not created for it.
SupportStore *storeToRecordIn(CommandContext &context)
{
    try {
        const ResolvedLocation &resolved = context.location();
        if (resolved.isEmbeddedDefault && !QFileInfo::exists(resolved.location.sqlitePath())) {
            context.progress(QStringLiteral("Not recorded in the audit log: no store was given (--store) and the "
                                            "embedded default store does not exist yet."));
            return nullptr;
        }
        return &context.store();
    } catch (const Error &error) {
        noteNotRecorded(context, error);
        return nullptr;
    }
}

CommandOutput cutoverCheck(CommandContext &context, const ParsedCommand &command)
{
    CutoverCheckOptions options;
    options.environment = context.environment();
    options.checkMigrations = command.flag(QStringLiteral("check-migrations"));
    CutoverReport report;
    if (SupportStore *store = storeToRecordIn(context)) {
        const CutoverCheckResult result = checkCutover(*store, options);
        noteNotRecorded(context, result.auditError);
        report = result.report;
    } else {
        // Not opened (perhaps the proposal store is what failed): its location is still checked.
        QProcessEnvironment environment = options.environment;
        try {
            environment = context.checkedEnvironment();
        } catch (const Error &) {
            // A location that cannot be read: the service's variables as they are.
        }
        report = checkProductionCutover(environment, options.checkMigrations);
    }
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
                           "on an error. Recorded in the store's audit log when it has one."),
            cutoverCheck },
    };
}

} // namespace dpm::cli
