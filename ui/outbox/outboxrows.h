#pragma once

#include "domain/runevents.h"
#include "listing/keysetlistmodel.h"

namespace dpm {

// The outbox listing's columns (API field names of outboxDeliveryJson) and the prepared row of
// one delivery; conversions run on worker threads.
QList<ListColumn> outboxListColumns();
ListRow outboxListRow(const OutboxDelivery &delivery);
int outboxStatusColumn();

} // namespace dpm
