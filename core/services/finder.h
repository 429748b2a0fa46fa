#pragma once

#include "domain/error.h"
#include "domain/proposals.h"
#include "store/investigationtypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace dpm {

class SupportStore;

// Find by any identifier (the console's omni-search): one store call resolving a string that may
// be a run id, a run's correlation id, an async operation id or correlation id, an idempotency
// key, a request hash (the latest run and how many share it), a workflow decision id or a
// decision's action correlation id. Every match is returned, in IdentifierKind order, with what
// it matched on and the run / operation / decision it leads to; no match is an empty list.
// Surrounding whitespace is dropped (pasted ids); a blank identifier is INVALID_IDENTIFIER.
QList<IdentifierMatch> findByIdentifier(SupportStore &store, const QString &identifier);

// The advisory proposal side of find anything: every exact match of the identifier over the
// proposal tables (ProposalStore::findIdentifier: proposal, version, event, approval, idempotency
// key, operation id and correlation id), with the same rules as findByIdentifier (trimmed,
// INVALID_IDENTIFIER when blank). No match when the store has no proposal tables.
QList<ProposalMatch> findProposalsByIdentifier(SupportStore &store, const QString &identifier);

// {kind, rebalance_run_id, run_exists, operation_id, decision_id, run_count}; ids that do not
// apply are null, run_count is a number only for request_hash.
QJsonObject identifierMatchJson(const IdentifierMatch &match);

// {identifier, matches[]}.
QJsonObject findResultJson(const QString &identifier, const QList<IdentifierMatch> &matches);

// Everything an identifier names in both domains: the DPM matches of findByIdentifier and, when
// the store has the proposals tables, the proposal matches (ProposalStore::findIdentifier: a
// proposal id, version id, workflow event id, approval id, proposal idempotency key, proposal
// operation id or correlation id). INVALID_IDENTIFIER as findByIdentifier.
struct FindResult
{
    QList<IdentifierMatch> matches; // DPM, in IdentifierKind order
    QList<ProposalMatch> proposalMatches; // in ProposalIdentifierKind order
    // PROPOSAL_STORE_UNREACHABLE: the separate proposal store could not be asked.
    std::optional<Error> proposalsUnreachable;
    bool isEmpty() const { return matches.isEmpty() && proposalMatches.isEmpty(); }
};
FindResult findAnything(SupportStore &store, const QString &identifier);

// {kind, proposal_id, proposal_exists, version_no, operation_id}; kind is
// toWire(ProposalIdentifierKind), ids that do not apply are null.
QJsonObject proposalMatchJson(const ProposalMatch &match);

// {identifier, matches[]}: the DPM matches exactly as above, then the proposal matches; and
// proposal_store_unreachable {code, message} when the proposals could not be searched.
QJsonObject findResultJson(const QString &identifier, const FindResult &result);

} // namespace dpm
