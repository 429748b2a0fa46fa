#include "shell/omnisearch.h"

#include "common/entitylink.h"
#include "services/finder.h"
#include "session/requesttracker.h"
#include "session/storesession.h"

namespace dpm {

OmniSearch::OmniSearch(QWidget *parent)
    : QLineEdit(parent)
    , m_request(new RequestTracker(this))
{
    setObjectName(QStringLiteral("omniSearch"));
    setPlaceholderText(
        tr("Find run, correlation, idempotency key, operation, request hash, decision or proposal (Ctrl+K)"));
    setAccessibleName(tr("Find by any identifier"));
    setClearButtonEnabled(true);
    connect(this, &QLineEdit::returnPressed, this, [this] { search(text()); });
}

void OmniSearch::setSession(StoreSession *session)
{
    m_session = session;
    m_request->forget();
}

bool OmniSearch::isSearching() const
{
    return m_request->isBusy();
}

void OmniSearch::search(const QString &text)
{
    if (!m_session)
        return;
    // A pasted console link names its id directly.
    QString identifier = text.trimmed();
    if (const std::optional<EntityLink> link = parseEntityLink(identifier)) {
        if (link->kind == EntityLinkKind::Proposal) {
            m_request->forget(); // an older search's answer is not wanted any more
            Q_EMIT proposalLinkOpened(link->id, link->versionNo);
            return;
        }
        identifier = link->id;
    }
    m_request->start(
        *m_session,
        [identifier](SupportStore &store) {
            OmniSearchResult result;
            result.matches = findByIdentifier(store, identifier);
            try {
                result.proposalMatches = findProposalsByIdentifier(store, identifier);
            } catch (const Error &error) {
                result.proposalError = error;
            }
            return result;
        },
        [this, identifier](const OmniSearchResult &result) { Q_EMIT resolved(identifier, result); },
        [this, identifier](const Error &error) { Q_EMIT failed(identifier, error); });
}

QString describeMatch(const IdentifierMatch &match)
{
    const QString run = match.runId.value_or(QString());
    switch (match.kind) {
    case IdentifierKind::RunId:
        return OmniSearch::tr("Run %1").arg(run);
    case IdentifierKind::RunCorrelationId:
        return OmniSearch::tr("Run %1 (its correlation id)").arg(run);
    case IdentifierKind::OperationId:
        return OmniSearch::tr("Operation %1").arg(match.operationId.value_or(QString()));
    case IdentifierKind::OperationCorrelationId:
        return OmniSearch::tr("Operation %1 (its correlation id)").arg(match.operationId.value_or(QString()));
    case IdentifierKind::IdempotencyKey:
        return OmniSearch::tr("Run %1 (mapped from this idempotency key)").arg(run);
    case IdentifierKind::RequestHash:
        return match.runCount == 1
            ? OmniSearch::tr("Run %1 (its request hash)").arg(run)
            : OmniSearch::tr("%n run(s) with this request hash, latest %1", nullptr, int(match.runCount)).arg(run);
    case IdentifierKind::DecisionId:
        return OmniSearch::tr("Decision %1 on run %2").arg(match.decisionId.value_or(QString()), run);
    case IdentifierKind::DecisionCorrelationId:
        return OmniSearch::tr("Decision %1 (its correlation id) on run %2")
            .arg(match.decisionId.value_or(QString()), run);
    }
    return run;
}

QString describeMatch(const ProposalMatch &match)
{
    const QString proposal = match.proposalId.value_or(QString());
    const QString version = match.versionNo ? QString::number(*match.versionNo) : QString();
    switch (match.kind) {
    case ProposalIdentifierKind::ProposalId:
        return OmniSearch::tr("Proposal %1").arg(proposal);
    case ProposalIdentifierKind::ProposalVersionId:
        return OmniSearch::tr("Proposal %1, version %2").arg(proposal, version);
    case ProposalIdentifierKind::EventId:
        return OmniSearch::tr("Proposal %1 (a workflow event)").arg(proposal);
    case ProposalIdentifierKind::ApprovalId:
        return OmniSearch::tr("Proposal %1 (an approval)").arg(proposal);
    case ProposalIdentifierKind::IdempotencyKey:
        return OmniSearch::tr("Proposal %1, version %2 (mapped from this idempotency key)").arg(proposal, version);
    case ProposalIdentifierKind::OperationId:
        return match.proposalId ? OmniSearch::tr("Proposal operation %1 of proposal %2")
                                      .arg(match.operationId.value_or(QString()), proposal)
                                : OmniSearch::tr("Proposal operation %1 (no proposal)")
                                      .arg(match.operationId.value_or(QString()));
    case ProposalIdentifierKind::OperationCorrelationId:
        return match.proposalId ? OmniSearch::tr("Proposal operation %1 (its correlation id) of proposal %2")
                                      .arg(match.operationId.value_or(QString()), proposal)
                                : OmniSearch::tr("Proposal operation %1 (its correlation id, no proposal)")
                                      .arg(match.operationId.value_or(QString()));
    }
    return proposal;
}

} // namespace dpm
