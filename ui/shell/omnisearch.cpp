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
    setPlaceholderText(tr("Find run, correlation, idempotency key, operation, request hash or decision (Ctrl+K)"));
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
    if (const std::optional<EntityLink> link = parseEntityLink(identifier))
        identifier = link->id;
    m_request->start(
        *m_session, [identifier](SupportStore &store) { return findByIdentifier(store, identifier); },
        [this, identifier](const QList<IdentifierMatch> &matches) { Q_EMIT resolved(identifier, matches); },
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
            : OmniSearch::tr("%1 runs with this request hash, latest %2").arg(match.runCount).arg(run);
    case IdentifierKind::DecisionId:
        return OmniSearch::tr("Decision %1 on run %2").arg(match.decisionId.value_or(QString()), run);
    case IdentifierKind::DecisionCorrelationId:
        return OmniSearch::tr("Decision %1 (its correlation id) on run %2")
            .arg(match.decisionId.value_or(QString()), run);
    }
    return run;
}

} // namespace dpm
