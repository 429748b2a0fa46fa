// dpmctl find …: resolve any identifier to what it names (the console's omni-search).

#include "command.h"
#include "domain/error.h"
#include "output.h"
#include "services/finder.h"
#include "store/supportstore.h"

#include <QJsonArray>

namespace dpm::cli {

namespace {

CommandOutput find(CommandContext &context, const ParsedCommand &command)
{
    const QString identifier = command.positional(0);
    const FindResult result = findAnything(context.store(), identifier);
    // Nothing found is not certain while the proposals could not be searched.
    if (result.isEmpty() && result.proposalsUnreachable)
        throw *result.proposalsUnreachable;
    if (result.proposalsUnreachable)
        context.progress(
            QStringLiteral("Proposals were not searched: %1").arg(result.proposalsUnreachable->toString()));
    if (result.isEmpty()) {
        throw Error(ErrorKind::NotFound, QStringLiteral("DPM_IDENTIFIER_NOT_FOUND"),
            QStringLiteral("Nothing in the store has the identifier %1; identifiers match exactly, so check it for "
                           "typos or a missing prefix.")
                .arg(identifier.trimmed()));
    }
    CommandOutput out;
    out.json = findResultJson(identifier.trimmed(), result);
    // The DPM matches' table as it always was; proposal matches get a table of their own.
    QJsonArray runItems;
    for (const IdentifierMatch &match : result.matches)
        runItems.append(identifierMatchJson(match));
    QJsonArray proposalItems;
    for (const ProposalMatch &match : result.proposalMatches)
        proposalItems.append(proposalMatchJson(match));
    QString text;
    if (!runItems.isEmpty()) {
        text += formatTable(runItems,
            { QStringLiteral("kind"), QStringLiteral("rebalance_run_id"), QStringLiteral("run_exists"),
                QStringLiteral("operation_id"), QStringLiteral("decision_id"), QStringLiteral("run_count") });
    }
    if (!proposalItems.isEmpty()) {
        if (!text.isEmpty())
            text += QLatin1Char('\n');
        text += formatTable(proposalItems,
            { QStringLiteral("kind"), QStringLiteral("proposal_id"), QStringLiteral("proposal_exists"),
                QStringLiteral("version_no"), QStringLiteral("operation_id") });
    }
    const qsizetype count = runItems.size() + proposalItems.size();
    out.text = text + (count == 1 ? QStringLiteral("1 match\n") : QStringLiteral("%1 matches\n").arg(count));
    return out;
}

} // namespace

QList<CommandSpec> findCommands()
{
    return {
        { { QStringLiteral("find") }, { QStringLiteral("IDENTIFIER") }, {},
            QStringLiteral("Find everything an identifier names: run id, run or operation correlation id, idempotency "
                           "key, operation id, request hash (latest run and how many share it), decision id or "
                           "decision correlation id; and, when the store has proposals, proposal id, proposal version id, "
                           "workflow event id, approval id, proposal idempotency key, proposal operation id or "
                           "correlation id (DPM_IDENTIFIER_NOT_FOUND when nothing matches)."),
            find },
    };
}

} // namespace dpm::cli
