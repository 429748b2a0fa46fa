#pragma once

#include "domain/error.h"
#include "domain/proposals.h"
#include "store/investigationtypes.h"

#include <QLineEdit>

namespace dpm {

class RequestTracker;
class StoreSession;

// What one search found: the DPM matches and the advisory proposal matches. The proposal
// tables are searched too, but a failure there (a store whose proposal backend cannot answer)
// does not hide what the DPM tables found: it is kept in proposalError.
struct OmniSearchResult
{
    QList<IdentifierMatch> matches;
    QList<ProposalMatch> proposalMatches;
    std::optional<Error> proposalError;
    qsizetype size() const { return matches.size() + proposalMatches.size(); }
};

// The omni-search field (Ctrl+K): resolves whatever is pasted — a run id, a correlation id of a
// run or an operation, an idempotency key, an operation id, a request hash, a decision id, an
// advisory proposal's id, version id, event id, approval id, idempotency key or operation id, or
// a console link (dpm://run/…, dpm://proposal/…/version/N) — through the find service on a worker thread. Newer searches
// replace older ones; a stale answer is dropped.
class OmniSearch : public QLineEdit
{
    Q_OBJECT

public:
    explicit OmniSearch(QWidget *parent = nullptr);

    void setSession(StoreSession *session);
    bool isSearching() const;

public Q_SLOTS:
    void search(const QString &text);

Q_SIGNALS:
    // Every match, in the find service's order (possibly empty: nothing matched).
    void resolved(const QString &identifier, const dpm::OmniSearchResult &result);
    void failed(const QString &identifier, const dpm::Error &error);
    // A pasted proposal link (dpm://proposal/<id>[/version/<n>]) names what to open: no search.
    void proposalLinkOpened(const QString &proposalId, std::optional<qint64> versionNo);

private:
    StoreSession *m_session = nullptr;
    RequestTracker *m_request;
};

// "Run rr_… (matched its correlation id)" and the like, for the choice menu.
QString describeMatch(const IdentifierMatch &match);
QString describeMatch(const ProposalMatch &match);

} // namespace dpm
