#include "outboxposture.h"

namespace dpm {

OutboxPosture outboxPosture(const OutboxStats &stats)
{
    OutboxPosture posture;
    posture.stats = stats;
    posture.deadBacklog = stats.dead > 0;
    posture.staleBacklog = stats.oldestPendingAgeSeconds && *stats.oldestPendingAgeSeconds > kOutboxAgeAlertSeconds;
    if (posture.deadBacklog)
        posture.state = QStringLiteral("dead");
    else if (posture.staleBacklog)
        posture.state = QStringLiteral("stale");
    else if (stats.pending > 0 || stats.failed > 0)
        posture.state = QStringLiteral("backlog");
    else
        posture.state = QStringLiteral("clear");
    posture.reason = QStringLiteral("outbox_backlog_") + posture.state;
    return posture;
}

QJsonObject OutboxPosture::toJson() const
{
    return { { QStringLiteral("state"), state }, { QStringLiteral("reason"), reason },
        { QStringLiteral("dead_backlog"), deadBacklog }, { QStringLiteral("stale_backlog"), staleBacklog },
        { QStringLiteral("pending"), stats.pending }, { QStringLiteral("due_now"), stats.dueNow },
        { QStringLiteral("failed"), stats.failed }, { QStringLiteral("dead"), stats.dead },
        { QStringLiteral("oldest_pending_age_seconds"),
            stats.oldestPendingAgeSeconds ? QJsonValue(*stats.oldestPendingAgeSeconds) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("stale_after_seconds"), kOutboxAgeAlertSeconds } };
}

} // namespace dpm
