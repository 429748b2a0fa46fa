#pragma once

#include "domain/entities.h"
#include "keysetlistmodel.h"

namespace dpm {

// The columns of each listing (every field of its list item, in the service's order) and the
// conversion of one item into a prepared row. Conversions run on worker threads.
QList<ListColumn> runListColumns();
QList<ListColumn> decisionListColumns();
QList<ListColumn> operationListColumns();

ListRow runListRow(const RunListItem &item);
ListRow decisionListRow(const WorkflowDecision &decision);
ListRow operationListRow(const AsyncOperation &operation);

// Index of the status column in the run and operation listings.
int runStatusColumn();
int operationStatusColumn();

} // namespace dpm
