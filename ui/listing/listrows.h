#pragma once

#include "domain/entities.h"
#include "domain/page.h"
#include "listing/keysetlistmodel.h"

namespace dpm {

// The columns of each listing (every field of its list item, in the service's order) and the
// conversion of one item into a prepared row. Conversions run on worker threads.
QList<ListColumn> runListColumns();
QList<ListColumn> decisionListColumns();
QList<ListColumn> operationListColumns();

ListRow runListRow(const RunListItem &item);
ListRow decisionListRow(const WorkflowDecision &decision);
ListRow operationListRow(const AsyncOperation &operation);

// A store page as prepared rows.
template <typename T, typename RowOf> ListPage listPageOf(const Page<T> &page, RowOf rowOf)
{
    ListPage out;
    out.rows.reserve(page.items.size());
    for (const T &item : page.items)
        out.rows << rowOf(item);
    out.nextCursor = page.nextCursor;
    return out;
}

// Index of the status column in the run and operation listings.
int runStatusColumn();
int operationStatusColumn();

} // namespace dpm
