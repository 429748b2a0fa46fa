// MainWindow: what the omni-search found, shown or offered, and opened.

#include "shell/mainwindow.h"

#include "listing/decisionspage.h"
#include "listing/runspage.h"
#include "proposals/proposalpane.h"
#include "shell/omnisearch.h"

#include <QMenu>
#include <QStatusBar>
#include <QToolTip>

namespace dpm {

namespace {

QString proposalsNotSearched(const Error &error)
{
    return MainWindow::tr("Proposals were not searched (%1): %2").arg(error.code(), error.message());
}

} // namespace

void MainWindow::searchResolved(const QString &identifier, const OmniSearchResult &result)
{
    const QList<IdentifierMatch> &matches = result.matches;
    const QList<ProposalMatch> &proposals = result.proposalMatches;
    if (result.size() == 0) {
        QString text = tr("DPM_IDENTIFIER_NOT_FOUND: nothing in this store is identified by \"%1\"; "
                          "check the id, or whether it was purged by retention.")
                           .arg(identifier);
        // Said, so that "not found" is not taken as certain when the proposals were not searched.
        if (result.proposalError)
            text += u' ' + proposalsNotSearched(*result.proposalError);
        statusBar()->showMessage(text, 15000);
        QToolTip::showText(m_search->mapToGlobal(QPoint(0, m_search->height())), text, m_search);
        Q_EMIT searchHandled(identifier, 0);
        return;
    }
    // What was found is shown; that the proposals could not be searched is said beside it.
    if (result.proposalError) {
        statusBar()->showMessage(proposalsNotSearched(*result.proposalError), 15000);
    }
    if (matches.size() == 1 && proposals.isEmpty()) {
        openMatch(identifier, matches.first());
    } else if (proposals.size() == 1 && matches.isEmpty()) {
        openProposalMatch(identifier, proposals.first());
    } else {
        delete m_matchMenu;
        m_matchMenu = new QMenu(this);
        m_matchMenu->setObjectName(QStringLiteral("matchMenu"));
        m_matchMenu->setAccessibleName(tr("Matches for %1").arg(identifier));
        for (const IdentifierMatch &match : matches)
            m_matchMenu->addAction(
                describeMatch(match), this, [this, identifier, match] { openMatch(identifier, match); });
        for (const ProposalMatch &match : proposals)
            m_matchMenu->addAction(
                describeMatch(match), this, [this, identifier, match] { openProposalMatch(identifier, match); });
        m_matchMenu->popup(m_search->mapToGlobal(QPoint(0, m_search->height())));
    }
    Q_EMIT searchHandled(identifier, int(result.size()));
}

void MainWindow::searchFailed(const QString &identifier, const Error &error)
{
    Q_UNUSED(identifier);
    statusBar()->showMessage(error.code() + QStringLiteral(": ") + error.message(), 15000);
    Q_EMIT searchHandled(identifier, 0);
}

void MainWindow::openMatch(const QString &identifier, const IdentifierMatch &match)
{
    switch (match.kind) {
    case IdentifierKind::OperationId:
    case IdentifierKind::OperationCorrelationId:
        openOperation(match.operationId.value_or(QString()));
        return;
    case IdentifierKind::RequestHash:
        if (match.runCount > 1) {
            // Every run that carries the hash, not only the latest.
            RunFilter filter;
            filter.requestHash = identifier;
            m_runs->setFilter(filter);
            showPage(QStringLiteral("runs"));
            return;
        }
        break;
    default:
        break;
    }
    if (match.runId && match.runExists) {
        openRun(*match.runId);
        return;
    }
    if (match.kind == IdentifierKind::DecisionId || match.kind == IdentifierKind::DecisionCorrelationId) {
        DecisionFilter filter;
        filter.rebalanceRunId = match.runId;
        m_decisions->setFilter(filter);
        showPage(QStringLiteral("decisions"));
        return;
    }
    statusBar()->showMessage(tr("DPM_RUN_NOT_FOUND: %1 leads to run %2, which is not stored (purged?).")
                                 .arg(identifier, match.runId.value_or(tr("(none)"))),
        15000);
}

void MainWindow::openProposalMatch(const QString &identifier, const ProposalMatch &match)
{
    if (match.proposalId && match.proposalExists) {
        // A version id or idempotency key opens the version it names.
        const bool namesVersion = match.kind == ProposalIdentifierKind::ProposalVersionId
            || match.kind == ProposalIdentifierKind::IdempotencyKey;
        openProposal(*match.proposalId, namesVersion ? match.versionNo : std::nullopt);
        return;
    }
    if (!match.proposalId) {
        statusBar()->showMessage(tr("%1 is proposal operation %2, which produced no proposal.")
                                     .arg(identifier, match.operationId.value_or(identifier)),
            15000);
        return;
    }
    statusBar()->showMessage(tr("PROPOSAL_NOT_FOUND: %1 leads to proposal %2, which is not stored.")
                                 .arg(identifier, *match.proposalId),
        15000);
}

} // namespace dpm
