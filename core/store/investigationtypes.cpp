#include "investigationtypes.h"

#include "domain/error.h"

#include <tuple>

namespace dpm {

namespace {

const QChar kSeparator = QLatin1Char('|');

} // namespace

QString encodeLineageCursor(const LineageEdge &edge)
{
    return QStringList { edge.createdAt, edge.sourceEntityId, edge.edgeType, edge.targetEntityId }.join(kSeparator);
}

std::optional<LineageCursor> decodeLineageCursor(const std::optional<QString> &text)
{
    if (!text || text->isEmpty())
        return std::nullopt;
    if (text->count(kSeparator) < 3) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_CURSOR"),
            QStringLiteral("The lineage cursor must be <created_at>|<source>|<edge_type>|<target> as a previous "
                           "page's next_cursor gives it; start again from the first page."));
    }
    const qsizetype first = text->indexOf(kSeparator);
    return LineageCursor { text->left(first), text->mid(first + 1) };
}

bool lineageCursorNames(const LineageCursor &cursor, const LineageEdge &edge)
{
    return edge.createdAt == cursor.createdAt
        && QStringList { edge.sourceEntityId, edge.edgeType, edge.targetEntityId }.join(kSeparator) == cursor.rest;
}

bool lineageKeyLess(const LineageEdge &a, const LineageEdge &b)
{
    return std::tie(a.createdAt, a.sourceEntityId, a.edgeType, a.targetEntityId)
        < std::tie(b.createdAt, b.sourceEntityId, b.edgeType, b.targetEntityId);
}

bool lineageKeyEqual(const LineageEdge &a, const LineageEdge &b)
{
    return std::tie(a.createdAt, a.sourceEntityId, a.edgeType, a.targetEntityId)
        == std::tie(b.createdAt, b.sourceEntityId, b.edgeType, b.targetEntityId);
}

QString toWire(IdentifierKind kind)
{
    switch (kind) {
    case IdentifierKind::RunId:
        return QStringLiteral("run_id");
    case IdentifierKind::RunCorrelationId:
        return QStringLiteral("run_correlation_id");
    case IdentifierKind::OperationId:
        return QStringLiteral("operation_id");
    case IdentifierKind::OperationCorrelationId:
        return QStringLiteral("operation_correlation_id");
    case IdentifierKind::IdempotencyKey:
        return QStringLiteral("idempotency_key");
    case IdentifierKind::RequestHash:
        return QStringLiteral("request_hash");
    case IdentifierKind::DecisionId:
        return QStringLiteral("decision_id");
    case IdentifierKind::DecisionCorrelationId:
        return QStringLiteral("decision_correlation_id");
    }
    return {};
}

} // namespace dpm
