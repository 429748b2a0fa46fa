// dpmctl events …: a run's events with their deliveries, and appending one (Part A §8). An append
// and the enqueueing of its deliveries are one transaction; the same (run, key) again is a no-op
// that prints the stored event with "created": false.

#include "command.h"
#include "domain/runevents.h"
#include "output.h"
#include "store/runeventstore.h"
#include "store/supportstore.h"
#include "store/serverprobe.h"

namespace dpm::cli {

namespace {

QJsonArray deliveriesJson(const QList<OutboxDelivery> &deliveries)
{
    QJsonArray out;
    for (const OutboxDelivery &d : deliveries)
        out << outboxDeliveryJson(d);
    return out;
}

// "topic STATUS, topic STATUS" for a table cell.
QString deliveryStates(const QList<OutboxDelivery> &deliveries)
{
    QStringList states;
    for (const OutboxDelivery &d : deliveries)
        states << d.topic + u' ' + d.status;
    return states.isEmpty() ? QStringLiteral("-") : states.join(QStringLiteral(", "));
}

const QStringList kDeliveryColumns { QStringLiteral("outbox_id"), QStringLiteral("topic"), QStringLiteral("status"),
    QStringLiteral("attempts"), QStringLiteral("next_attempt_at"), QStringLiteral("last_error") };

CommandOutput listEvents(CommandContext &context, const ParsedCommand &command)
{
    const QString runId = command.positional(0);
    const QList<RunEventWithDeliveries> events = context.store().runEvents().listEvents(runId);
    QJsonArray items;
    QJsonArray rows;
    for (const RunEventWithDeliveries &e : events) {
        QJsonObject item = runEventJson(e.event);
        item.insert(QStringLiteral("deliveries"), deliveriesJson(e.deliveries));
        items << item;
        QJsonObject row = item;
        row.insert(QStringLiteral("deliveries"), deliveryStates(e.deliveries));
        rows << row;
    }
    CommandOutput out;
    out.json = { { QStringLiteral("rebalance_run_id"), runId }, { QStringLiteral("events"), items } };
    out.text = formatTable(rows,
                   { QStringLiteral("sequence_no"), QStringLiteral("event_type"), QStringLiteral("event_id"),
                       QStringLiteral("idempotency_key"), QStringLiteral("created_at"), QStringLiteral("deliveries") })
        + QStringLiteral("%1 events\n").arg(events.size());
    return out;
}

CommandOutput appendEvent(CommandContext &context, const ParsedCommand &command)
{
    AppendEventRequest request;
    request.rebalanceRunId = command.positional(0);
    const auto required = [&](const QString &option) {
        const auto value = command.value(option);
        if (!value) {
            throw UsageError { QStringLiteral("\"events append\" needs --%1; usage: dpmctl events append RUN_ID "
                                              "--type T --idempotency-key K --payload JSON [--topic T]….")
                                   .arg(option) };
        }
        return *value;
    };
    request.eventType = required(QStringLiteral("type"));
    request.idempotencyKey = required(QStringLiteral("idempotency-key"));
    request.payloadJson = required(QStringLiteral("payload"));
    request.topics = command.all(QStringLiteral("topic"));
    refuseChangesOnReplica(context.store(), QStringLiteral("appending an event"));
    const AppendEventResult result = context.store().runEvents().appendEvent(request);

    CommandOutput out;
    out.json = { { QStringLiteral("event"), runEventJson(result.event) }, { QStringLiteral("created"), result.created },
        { QStringLiteral("deliveries"), deliveriesJson(result.deliveries) } };
    QJsonObject shown = out.json.value(QStringLiteral("event")).toObject();
    shown.insert(QStringLiteral("created"), result.created);
    out.text = formatRecord(shown,
                   { QStringLiteral("event_id"), QStringLiteral("rebalance_run_id"), QStringLiteral("sequence_no"),
                       QStringLiteral("event_type"), QStringLiteral("idempotency_key"), QStringLiteral("created_at"),
                       QStringLiteral("created"), QStringLiteral("payload") })
        + formatTable(out.json.value(QStringLiteral("deliveries")).toArray(), kDeliveryColumns)
        + (result.created ? QStringLiteral("appended\n")
                          : QStringLiteral("already stored under this idempotency key: nothing appended\n"));
    return out;
}

} // namespace

QList<CommandSpec> eventCommands()
{
    return {
        { { QStringLiteral("events"), QStringLiteral("list") }, { QStringLiteral("RUN_ID") }, {},
            QStringLiteral("List a run's events by sequence number, each with its outbox deliveries."), listEvents },
        { { QStringLiteral("events"), QStringLiteral("append") }, { QStringLiteral("RUN_ID") },
            { { QStringLiteral("type"), QStringLiteral("T"), QStringLiteral("required; the event type") },
                { QStringLiteral("idempotency-key"), QStringLiteral("K"),
                    QStringLiteral("required; the same key again returns the stored event and enqueues nothing") },
                { QStringLiteral("payload"), QStringLiteral("JSON"), QStringLiteral("required; the event's JSON") },
                { QStringLiteral("topic"), QStringLiteral("T"),
                    QStringLiteral("a topic to deliver the event to; repeat for several") } },
            QStringLiteral("Append an event to a run and enqueue one delivery per topic, in one transaction."),
            appendEvent },
    };
}

} // namespace dpm::cli
