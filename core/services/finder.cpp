#include "finder.h"

#include "domain/apijson.h"
#include "domain/error.h"
#include "store/proposalstore.h"
#include "store/separateproposalsstore.h"
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
    return findResultJson(identifier, FindResult { matches, {}, {} });
}

FindResult findAnything(SupportStore &store, const QString &identifier)
{
    FindResult result;
    result.matches = findByIdentifier(store, identifier);
    // A store opened before the proposals migrations has no proposals to match, which is not an error;
    // a proposal store that cannot be reached leaves the DPM matches standing.
    if ((result.proposalsUnreachable = proposalStoreUnreachable(store)))
        return result;
    result.proposalMatches = findProposalsByIdentifier(store, identifier);
    return result;
}

QJsonObject proposalMatchJson(const ProposalMatch &match)
{
    return { { QStringLiteral("kind"), toWire(match.kind) },
        { QStringLiteral("proposal_id"), nullableJson(match.proposalId) },
        { QStringLiteral("proposal_exists"), match.proposalExists },
        { QStringLiteral("version_no"), match.versionNo ? QJsonValue(double(*match.versionNo)) : QJsonValue() },
        { QStringLiteral("operation_id"), nullableJson(match.operationId) } };
}

QJsonObject findResultJson(const QString &identifier, const FindResult &result)
{
    QJsonArray items;
    for (const IdentifierMatch &match : result.matches)
        items.append(identifierMatchJson(match));
    for (const ProposalMatch &match : result.proposalMatches)
        items.append(proposalMatchJson(match));
    QJsonObject json { { QStringLiteral("identifier"), identifier }, { QStringLiteral("matches"), items } };
    if (result.proposalsUnreachable) {
        json.insert(QStringLiteral("proposal_store_unreachable"),
            QJsonObject { { QStringLiteral("code"), result.proposalsUnreachable->code() },
                { QStringLiteral("message"), result.proposalsUnreachable->message() } });
    }
    return json;
}

} // namespace dpm
