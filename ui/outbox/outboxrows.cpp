#include "outbox/outboxrows.h"

#include <QCoreApplication>

namespace dpm {

namespace {

QString title(const char *text)
{
    return QCoreApplication::translate("dpm::ListColumns", text);
}

} // namespace

QList<ListColumn> outboxListColumns()
{
    return { { QStringLiteral("created_at"), title("Created") }, { QStringLiteral("status"), title("Status") },
        { QStringLiteral("topic"), title("Topic") }, { QStringLiteral("attempts"), title("Attempts") },
        { QStringLiteral("next_attempt_at"), title("Next attempt") },
        { QStringLiteral("last_error"), title("Last error") }, { QStringLiteral("rebalance_run_id"), title("Run id") },
        { QStringLiteral("outbox_id"), title("Outbox id") }, { QStringLiteral("event_id"), title("Event id") } };
}

int outboxStatusColumn()
{
    return 1;
}

ListRow outboxListRow(const OutboxDelivery &d)
{
    ListRow row;
    row.id = d.outboxId;
    row.runId = d.rebalanceRunId;
    row.status = d.status;
    row.values = { d.createdAt, d.status, d.topic, QStringLiteral("%1/%2").arg(d.attempts).arg(d.maxAttempts),
        d.nextAttemptAt.value_or(QString()), d.lastError.value_or(QString()), d.rebalanceRunId, d.outboxId, d.eventId };
    for (const QString &value : std::as_const(row.values))
        row.display << displayCell(value);
    row.json = outboxDeliveryJson(d);
    return row;
}

} // namespace dpm
