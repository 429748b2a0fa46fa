#pragma once

#include "store/bulkloader.h"
#include "store/bulkreader.h"
#include "store/querymetrics.h"

#include <memory>

namespace dpm {

// The bulk paths timed as QueryKind::Bulk: each batch written or committed, each batch read.
// openBulkLoader and openBulkReader hand these out, recording into the store's MeteredStore's
// metrics when it has one, else the process's.
std::unique_ptr<BulkLoader> meteredBulkLoader(std::unique_ptr<BulkLoader> inner, QueryMetrics &metrics);
std::unique_ptr<BulkReader> meteredBulkReader(std::unique_ptr<BulkReader> inner, QueryMetrics &metrics);

// The metrics a store's calls are recorded into.
QueryMetrics &metricsOf(SupportStore &store);

} // namespace dpm
