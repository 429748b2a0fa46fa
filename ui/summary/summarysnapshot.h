#pragma once

#include "domain/entities.h"
#include "domain/proposals.h"
#include "domain/vocabulary.h"
#include "store/dailycount.h"

#include <QList>
#include <QString>

namespace dpm {

// What one refresh of the summary page read, all in one worker call: the charts, the totals and
// the exports are made from it.
struct SummarySnapshot
{
    SupportabilitySummary summary;
    StoreBackend backend = StoreBackend::InMemory;
    QString now; // the posture's reference time, so the export says what the page shows
    QString fromDay;
    QString toDay;
    QList<DailyCount> runsPerDay;
    QList<DailyCount> decisionsPerDay;
    std::optional<ProposalCounts> proposals; // nullopt when the store has no proposal tables
};

} // namespace dpm
