// dpmctl lineage …: the relation log (Part B §2.7, §6.2).

#include "command.h"
#include "domain/apijson.h"
#include "output.h"
#include "store/supportstore.h"

namespace dpm::cli {

namespace {

CommandOutput lineageEdges(CommandContext &context, const ParsedCommand &command)
{
    const QString entityId = command.positional(0);
    const auto edges = context.store().listLineageEdges(entityId);
    CommandOutput out;
    out.json = lineageJson(entityId, edges);
    out.text = QStringLiteral("entity_id: %1\n").arg(entityId)
        + formatTable(out.json.value(QStringLiteral("edges")).toArray(),
            { QStringLiteral("created_at"), QStringLiteral("source_entity_id"), QStringLiteral("edge_type"),
                QStringLiteral("target_entity_id"), QStringLiteral("metadata") })
        + QStringLiteral("%1 edges\n").arg(edges.size());
    return out;
}

} // namespace

QList<CommandSpec> lineageCommands()
{
    return {
        { { QStringLiteral("lineage"), QStringLiteral("edges") }, { QStringLiteral("ENTITY_ID") }, {},
            QStringLiteral("Every lineage edge from or to an entity, oldest first (unknown entity: no edges)."),
            lineageEdges },
    };
}

} // namespace dpm::cli
