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
    // The advisory proposals (not in the JSON export, which is `dpmctl summary --json`): counts by
    // state and approvals per day keyed "<approval_type>:<APPROVED|REJECTED>". Unset when the
    // store has no proposal tables, or its proposal backend failed (proposalProblem says why).
    std::optional<ProposalCounts> proposalCounts;
    QList<DailyCount> approvalsPerDay;
    QString proposalProblem;
};

} // namespace dpm
