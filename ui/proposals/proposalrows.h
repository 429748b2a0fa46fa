#pragma once

#include "domain/proposals.h"
#include "listing/keysetlistmodel.h"

namespace dpm {

// The proposal listing's columns (the fields of the service's ProposalSummary, state first after
// the time, as the other listings put their status) and one record as a prepared row; the row's
// JSON is the ProposalSummary the service returns. Runs on worker threads.
QList<ListColumn> proposalListColumns();
ListRow proposalListRow(const ProposalRecord &proposal);
int proposalStateColumn();

} // namespace dpm
