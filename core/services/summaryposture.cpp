#include "summaryposture.h"

#include "domain/apijson.h"
#include "domain/timestamp.h"
#include "store/runeventstore.h"
#include "store/separateproposalsstore.h"
#include "store/supportstore.h"
#include "services/outboxposture.h"

namespace dpm {

QJsonObject SupportabilityPosture::toJson() const
{
    return { { QStringLiteral("state"), state }, { QStringLiteral("reason"), reason },
        { QStringLiteral("freshness_bucket"), freshnessBucket }, { QStringLiteral("run_count"), runCount },
        { QStringLiteral("operation_count"), operationCount },
        { QStringLiteral("workflow_decision_count"), workflowDecisionCount } };
}

QString freshnessBucket(const SupportabilitySummary &summary, const QString &now)
{
    const QDateTime nowUtc = parseTimestamp(normalizeTimestamp(now));
    QDateTime newest;
    for (const auto &candidate : { summary.newestRunCreatedAt, summary.newestOperationCreatedAt }) {
        if (!candidate)
            continue;
        const QDateTime when = parseTimestamp(*candidate);
        if (when.isValid() && (!newest.isValid() || when > newest))
            newest = when;
    }
    if (!newest.isValid())
        return QStringLiteral("unknown");
    const qint64 ageDays = newest.toUTC().date().daysTo(nowUtc.toUTC().date());
    if (ageDays <= 0)
        return QStringLiteral("current");
    if (ageDays == 1)
        return QStringLiteral("same_day");
    return QStringLiteral("stale");
}

SupportabilityPosture supportabilityPosture(const SupportabilitySummary &summary, const QString &now)
{
    SupportabilityPosture posture;
    posture.freshnessBucket = freshnessBucket(summary, now);
    posture.runCount = summary.runCount;
    posture.operationCount = summary.operationCount;
    posture.workflowDecisionCount = summary.workflowDecisionCount;
    if (summary.runCount == 0 && summary.operationCount == 0)
        posture.state = QStringLiteral("empty");
    else if (posture.freshnessBucket == QLatin1String("stale"))
        posture.state = QStringLiteral("stale");
    else if (summary.operationStatusCounts.value(QStringLiteral("FAILED")) > 0)
        posture.state = QStringLiteral("degraded");
    else
        posture.state = QStringLiteral("ready");
    posture.reason = QStringLiteral("supportability_summary_") + posture.state;
    return posture;
}

int retentionDaysFromEnvironment(const QProcessEnvironment &environment)
{
    bool ok = false;
    const int days = environment.value(QStringLiteral("DPM_SUPPORTABILITY_RETENTION_DAYS")).trimmed().toInt(&ok);
    return ok && days >= 0 ? days : 0;
}

QJsonObject summaryDocument(const SupportabilitySummary &summary, StoreBackend backend, int retentionDays,
    const QString &now, const std::optional<ProposalCounts> &proposals, const std::optional<OutboxStats> &outbox)
{
    QJsonObject document
        = summaryJson(summary, toWire(backend), retentionDays, supportabilityPosture(summary, now).toJson());
    if (proposals)
        document.insert(QStringLiteral("proposals"), proposalCountsJson(*proposals));
    if (outbox)
        document.insert(QStringLiteral("outbox"), outboxPosture(*outbox).toJson());
    return document;
}

std::optional<ProposalCounts> summaryProposalCounts(SupportStore &store)
{
    if (proposalStoreUnreachable(store)) // the DPM summary stands without them
        return std::nullopt;
    ProposalStore &proposals = store.proposals();
    if (!proposals.isAvailable())
        return std::nullopt;
    return proposals.countProposals();
}

std::optional<OutboxStats> summaryOutboxStats(SupportStore &store, const QString &now)
{
    RunEventStore &events = store.runEvents();
    if (!events.isAvailable())
        return std::nullopt;
    return events.outboxStats(now);
}

QJsonObject readSummaryDocument(SupportStore &store, int retentionDays, const QString &now)
{
    return summaryDocument(store.getSupportabilitySummary(), store.backend(), retentionDays, now,
        summaryProposalCounts(store), summaryOutboxStats(store, now));
}

} // namespace dpm
