#pragma once

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

} // namespace dpm
