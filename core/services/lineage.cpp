#include "lineage.h"

#include "domain/apijson.h"
#include "domain/error.h"
#include "domain/jsonkey.h"
#include "domain/vocabulary.h"
#include "store/supportstore.h"

namespace dpm {

namespace {

using json::key;

} // namespace

Page<LineageEdge> lineageEdgesPage(
    SupportStore &store, const QString &entityId, const LineageFilter &filter, const PageRequest &page)
{
    if (page.limit < 1 || page.limit > kLineageMaxLimit) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_LIMIT"),
            QStringLiteral("The lineage page size must be from 1 to %1 (got %2); ask for e.g. %3.")
                .arg(kLineageMaxLimit)
                .arg(page.limit)
                .arg(kLineageDefaultLimit));
    }
    return store.listLineageEdgesPage(entityId, filter, page);
}

QJsonObject lineageEdgesPageJson(const QString &entityId, const Page<LineageEdge> &page)
{
    QJsonObject out = lineageJson(entityId, page.items);
    out.insert(key("next_cursor"), nullableJson(page.nextCursor));
    return out;
}

QString toWire(LineageNodeKind kind)
{
    switch (kind) {
    case LineageNodeKind::Run:
        return QStringLiteral("run");
    case LineageNodeKind::Correlation:
        return QStringLiteral("correlation");
    case LineageNodeKind::Operation:
        return QStringLiteral("operation");
    case LineageNodeKind::Decision:
        return QStringLiteral("decision");
    case LineageNodeKind::Proposal:
        return QStringLiteral("proposal");
    case LineageNodeKind::Batch:
        return QStringLiteral("batch");
    case LineageNodeKind::IdempotencyKey:
        return QStringLiteral("idempotency_key");
    case LineageNodeKind::Entity:
        return QStringLiteral("entity");
    }
    return QStringLiteral("entity");
}

std::optional<LineageNodeKind> lineageNodeKindFromPrefix(const QString &id)
{
    static const QList<std::pair<QLatin1String, LineageNodeKind>> prefixes {
        { QLatin1String("rr_"), LineageNodeKind::Run },
        { QLatin1String("corr_"), LineageNodeKind::Correlation },
        { QLatin1String("dop_"), LineageNodeKind::Operation },
        { QLatin1String("dwd_"), LineageNodeKind::Decision },
        { QLatin1String("pp_"), LineageNodeKind::Proposal },
        { QLatin1String("batch_"), LineageNodeKind::Batch },
    };
    for (const auto &[prefix, kind] : prefixes) {
        if (id.startsWith(prefix))
            return kind;
    }
    return std::nullopt;
}

std::optional<LineageNodeKind> lineageNodeKindFromEdge(const QString &id, const LineageEdge &edge)
{
    const std::optional<LineageEdgeType> type = lineageEdgeTypeFromWire(edge.edgeType);
    if (!type)
        return std::nullopt;
    const bool isSource = edge.sourceEntityId == id;
    const bool isTarget = edge.targetEntityId == id;
    switch (*type) {
    case LineageEdgeType::CorrelationToRun:
        if (isSource)
            return LineageNodeKind::Correlation;
        return isTarget ? std::optional(LineageNodeKind::Run) : std::nullopt;
    case LineageEdgeType::IdempotencyToRun:
        if (isSource)
            return LineageNodeKind::IdempotencyKey;
        return isTarget ? std::optional(LineageNodeKind::Run) : std::nullopt;
    case LineageEdgeType::OperationToCorrelation:
        if (isSource)
            return LineageNodeKind::Operation;
        return isTarget ? std::optional(LineageNodeKind::Correlation) : std::nullopt;
    case LineageEdgeType::CorrelationToProposal:
        if (isSource)
            return LineageNodeKind::Correlation;
        return isTarget ? std::optional(LineageNodeKind::Proposal) : std::nullopt;
    case LineageEdgeType::CausedBy:
    case LineageEdgeType::ReplayedFrom:
    case LineageEdgeType::DerivedFrom:
        return std::nullopt;
    }
    return std::nullopt;
}

QString lineageEdgeKind(const QString &edgeType)
{
    const std::optional<LineageEdgeType> type = lineageEdgeTypeFromWire(edgeType);
    return type ? toWire(*type).toLower() : QStringLiteral("other");
}

} // namespace dpm
