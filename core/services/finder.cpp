#include "finder.h"

#include "domain/apijson.h"
#include "domain/error.h"
#include "store/proposalstore.h"
#include "store/supportstore.h"

#include <QJsonArray>

namespace dpm {

namespace {

QString requireIdentifier(const QString &identifier)
{
    const QString trimmed = identifier.trimmed();
    if (trimmed.isEmpty()) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_IDENTIFIER"),
            QStringLiteral("The identifier is empty; give a run id, correlation id, idempotency key, operation id, "
                           "request hash or decision id."));
    }
    return trimmed;
}

} // namespace

QList<IdentifierMatch> findByIdentifier(SupportStore &store, const QString &identifier)
{
    return store.findIdentifier(requireIdentifier(identifier));
}

QList<ProposalMatch> findProposalsByIdentifier(SupportStore &store, const QString &identifier)
{
    const QString trimmed = requireIdentifier(identifier);
    ProposalStore &proposals = store.proposals();
    if (!proposals.isAvailable())
        return {};
    return proposals.findIdentifier(trimmed);
}

QJsonObject identifierMatchJson(const IdentifierMatch &match)
{
    return { { QStringLiteral("kind"), toWire(match.kind) },
        { QStringLiteral("rebalance_run_id"), nullableJson(match.runId) },
        { QStringLiteral("run_exists"), match.runExists },
        { QStringLiteral("operation_id"), nullableJson(match.operationId) },
        { QStringLiteral("decision_id"), nullableJson(match.decisionId) },
        { QStringLiteral("run_count"),
            match.kind == IdentifierKind::RequestHash ? QJsonValue(match.runCount) : QJsonValue(QJsonValue::Null) } };
}

QJsonObject findResultJson(const QString &identifier, const QList<IdentifierMatch> &matches)
{
    QJsonArray items;
    for (const IdentifierMatch &match : matches)
        items.append(identifierMatchJson(match));
    return { { QStringLiteral("identifier"), identifier }, { QStringLiteral("matches"), items } };
}

} // namespace dpm
