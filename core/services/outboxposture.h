#pragma once

#include "domain/runevents.h"

#include <QJsonObject>
#include <QString>

namespace dpm {

// How the outbox backlog looks to an operator (issue 15): the console's Outbox tiles colour the
// oldest PENDING age with these thresholds and the summary names a dead or stale backlog under
// its own key "outbox".
inline constexpr qint64 kOutboxAgeWarningSeconds = 60;
inline constexpr qint64 kOutboxAgeAlertSeconds = 120; // older: the backlog is stale

struct OutboxPosture
{
    // dead (some deliveries gave up) | stale (the oldest PENDING is older than the alert age) |
    // backlog (PENDING or FAILED deliveries waiting, none of them late) | clear; dead wins over stale.
    QString state;
    QString reason; // outbox_backlog_<state>
    bool deadBacklog = false;
    bool staleBacklog = false;
    OutboxStats stats;

    // {state, reason, dead_backlog, stale_backlog, pending, due_now, failed, dead,
    //  oldest_pending_age_seconds, stale_after_seconds}
    QJsonObject toJson() const;
};

OutboxPosture outboxPosture(const OutboxStats &stats);

} // namespace dpm
