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
    const QList<IdentifierMatch> matches = findByIdentifier(context.store(), identifier);
    if (matches.isEmpty()) {
        throw Error(ErrorKind::NotFound, QStringLiteral("DPM_IDENTIFIER_NOT_FOUND"),
            QStringLiteral("Nothing in the store has the identifier %1; identifiers match exactly, so check it for "
                           "typos or a missing prefix.")
                .arg(identifier.trimmed()));
    }
    CommandOutput out;
    out.json = findResultJson(identifier.trimmed(), matches);
    const QJsonArray items = out.json.value(QStringLiteral("matches")).toArray();
    out.text = formatTable(items,
                   { QStringLiteral("kind"), QStringLiteral("rebalance_run_id"), QStringLiteral("run_exists"),
                       QStringLiteral("operation_id"), QStringLiteral("decision_id"), QStringLiteral("run_count") })
        + (items.size() == 1 ? QStringLiteral("1 match\n") : QStringLiteral("%1 matches\n").arg(items.size()));
    return out;
}

} // namespace

QList<CommandSpec> findCommands()
{
    return {
        { { QStringLiteral("find") }, { QStringLiteral("IDENTIFIER") }, {},
            QStringLiteral("Find everything an identifier names: run id, run or operation correlation id, idempotency "
                           "key, operation id, request hash (latest run and how many share it), decision id or "
                           "decision correlation id (DPM_IDENTIFIER_NOT_FOUND when nothing matches)."),
            find },
    };
}

} // namespace dpm::cli
