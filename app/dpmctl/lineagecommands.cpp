// dpmctl lineage …: the relation log (Part B §2.7, §6.2) and the neighbourhood graph.

#include "command.h"
#include "domain/error.h"
#include "output.h"
#include "services/lineage.h"
#include "services/lineagegraph.h"
#include "store/supportstore.h"

#include <QJsonArray>

namespace dpm::cli {

namespace {

// A whole number option, or the given error code when the text is not one (ranges are the
// service's to check, so its message names the real bounds).
int wholeNumber(const std::optional<QString> &text, int fallback, const QString &option, const QString &code)
{
    if (!text)
        return fallback;
    bool ok = false;
    const int value = text->trimmed().toInt(&ok);
    if (!ok) {
        throw Error(ErrorKind::InvalidInput, code,
            QStringLiteral("--%1 %2 is not a whole number; pass e.g. --%1 %3.").arg(option, *text).arg(fallback));
    }
    return value;
}

CommandOutput lineageEdges(CommandContext &context, const ParsedCommand &command)
{
    const QString entityId = command.positional(0);
    LineageFilter filter;
    filter.edgeType = command.value(QStringLiteral("edge-type"));
    filter.createdFrom = timestampOption(command, QStringLiteral("from"));
    filter.createdTo = timestampOption(command, QStringLiteral("to"));
    PageRequest page;
    page.limit = wholeNumber(command.value(QStringLiteral("limit")), kLineageDefaultLimit, QStringLiteral("limit"),
        QStringLiteral("INVALID_LIMIT"));
    page.cursor = command.value(QStringLiteral("cursor"));

    const Page<LineageEdge> edges = lineageEdgesPage(context.store(), entityId, filter, page);
    CommandOutput out;
    out.json = lineageEdgesPageJson(entityId, edges);
    out.text = QStringLiteral("entity_id: %1\n").arg(entityId)
        + formatTable(out.json.value(QStringLiteral("edges")).toArray(),
            { QStringLiteral("created_at"), QStringLiteral("source_entity_id"), QStringLiteral("edge_type"),
                QStringLiteral("target_entity_id"), QStringLiteral("metadata") })
        + (edges.items.size() == 1 ? QStringLiteral("1 edge; ") : QStringLiteral("%1 edges; ").arg(edges.items.size()))
        // The cursor holds "|": quoted so it can be pasted into a shell as it is.
        + (edges.nextCursor ? QStringLiteral("more: --cursor '%1'").arg(*edges.nextCursor) : QStringLiteral("end"))
        + QLatin1Char('\n');
    return out;
}

CommandOutput lineageGraph(CommandContext &context, const ParsedCommand &command)
{
    const QString entityId = command.positional(0);
    // --depth sets both directions; --up and --down override it for theirs.
    const int depth = wholeNumber(command.value(QStringLiteral("depth")), kLineageGraphDefaultDepth,
        QStringLiteral("depth"), QStringLiteral("INVALID_DEPTH"));
    LineageGraphOptions options;
    options.upstream = wholeNumber(
        command.value(QStringLiteral("up")), depth, QStringLiteral("up"), QStringLiteral("INVALID_DEPTH"));
    options.downstream = wholeNumber(
        command.value(QStringLiteral("down")), depth, QStringLiteral("down"), QStringLiteral("INVALID_DEPTH"));
    options.maxNodes = wholeNumber(command.value(QStringLiteral("max-nodes")), kLineageGraphDefaultMaxNodes,
        QStringLiteral("max-nodes"), QStringLiteral("INVALID_LIMIT"));

    const LineageGraph graph = LineageGraph::walk(context.store(), entityId, options);
    CommandOutput out;
    out.json = lineageGraphJson(graph);
    QString text = QStringLiteral("entity_id: %1 (upstream %2, downstream %3)\n\n")
                       .arg(entityId)
                       .arg(options.upstream)
                       .arg(options.downstream);
    text += formatTable(out.json.value(QStringLiteral("nodes")).toArray(),
        { QStringLiteral("depth"), QStringLiteral("kind"), QStringLiteral("id") });
    text += QLatin1Char('\n');
    text += formatTable(out.json.value(QStringLiteral("edges")).toArray(),
        { QStringLiteral("source_entity_id"), QStringLiteral("edge_type"), QStringLiteral("target_entity_id"),
            QStringLiteral("count"), QStringLiteral("first_created_at") });
    text += QStringLiteral("%1 nodes, %2 edges (%3 stored rows)")
                .arg(graph.nodes().size())
                .arg(graph.edges().size())
                .arg(graph.edgeRowCount());
    if (graph.truncated()) {
        text += QStringLiteral("; truncated at %1 nodes: %2 nodes and %3 edges left out (raise --max-nodes)")
                    .arg(options.maxNodes)
                    .arg(graph.omittedNodeCount())
                    .arg(graph.omittedEdgeCount());
    }
    out.text = text + QLatin1Char('\n');
    return out;
}

} // namespace

QList<CommandSpec> lineageCommands()
{
    const QList<OptionSpec> edgeOptions {
        { QStringLiteral("edge-type"), QStringLiteral("T"), QStringLiteral("only edges of this type (exact)") },
        { QStringLiteral("from"), QStringLiteral("T"), QStringLiteral("created at or after T (inclusive)") },
        { QStringLiteral("to"), QStringLiteral("T"), QStringLiteral("created at or before T (inclusive)") },
        { QStringLiteral("limit"), QStringLiteral("N"), QStringLiteral("edges per page, 1..200 (default 50)") },
        { QStringLiteral("cursor"), QStringLiteral("C"),
            QStringLiteral(
                "continue after a previous page's next_cursor (<created_at>|<source>|<edge_type>|<target>)") },
    };
    const QList<OptionSpec> graphOptions {
        { QStringLiteral("depth"), QStringLiteral("N"),
            QStringLiteral("hops from the entity each way, 0..10 (default 2); sets --up and --down") },
        { QStringLiteral("up"), QStringLiteral("N"),
            QStringLiteral("hops upstream, against the edges' direction towards sources, 0..10 (default: --depth)") },
        { QStringLiteral("down"), QStringLiteral("N"),
            QStringLiteral("hops downstream, along the edges' direction towards targets, 0..10 (default: --depth)") },
        { QStringLiteral("max-nodes"), QStringLiteral("N"),
            QStringLiteral("node cap, 1..5000 (default 200); beyond it the graph is marked truncated") },
    };
    return {
        { { QStringLiteral("lineage"), QStringLiteral("edges") }, { QStringLiteral("ENTITY_ID") }, edgeOptions,
            QStringLiteral("Lineage edges from or to an entity, oldest first by (created_at, source, edge_type, "
                           "target), paged (unknown entity: no edges)."),
            lineageEdges },
        { { QStringLiteral("lineage"), QStringLiteral("graph") }, { QStringLiteral("ENTITY_ID") }, graphOptions,
            QStringLiteral("The lineage neighbourhood of an entity, the graph the console draws: upstream (sources) "
                           "and downstream (targets) from it, never turning round; typed nodes with their depth and "
                           "one edge per (source, edge_type, target) with its row count."),
            lineageGraph },
    };
}

} // namespace dpm::cli
