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
    return { { QStringLiteral("created_at"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Created")) }, { QStringLiteral("status"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Status")) },
        { QStringLiteral("topic"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Topic")) }, { QStringLiteral("attempts"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Attempts")) },
        { QStringLiteral("next_attempt_at"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Next attempt")) },
        { QStringLiteral("last_error"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Last error")) }, { QStringLiteral("rebalance_run_id"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Run id")) },
        { QStringLiteral("outbox_id"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Outbox id")) }, { QStringLiteral("event_id"), title(QT_TRANSLATE_NOOP("dpm::ListColumns", "Event id")) } };
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
