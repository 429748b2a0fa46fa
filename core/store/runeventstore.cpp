#include "runeventstore.h"

#include "domain/canonicaljson.h"
#include "domain/error.h"
#include "domain/timestamp.h"

#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>

namespace dpm {

namespace {

QString randomId(const char *prefix)
{
    // 48 random bits, as the audit ids: unique enough within one store.
    const quint64 bits = QRandomGenerator::system()->generate64() & Q_UINT64_C(0xffffffffffff);
    return QLatin1String(prefix) + QStringLiteral("%1").arg(bits, 12, 16, QLatin1Char('0'));
}

[[noreturn]] void invalidEvent(const QString &why)
{
    throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_RUN_EVENT"),
        QStringLiteral("The run event %1; correct it and append again.").arg(why));
}

} // namespace

void RunEventStore::requireAvailable()
{
    if (!isAvailable())
        throw runEventsSchemaMissingError();
}

Error runEventsSchemaMissingError()
{
    return Error(ErrorKind::Migration, QStringLiteral("RUN_EVENTS_SCHEMA_MISSING"),
        QStringLiteral("This store has no run event and outbox tables (or an older form of them); apply the console "
                       "migrations (dpmctl migrate apply --namespace console) first."));
}

QString validateAppendRequest(const AppendEventRequest &request)
{
    if (request.rebalanceRunId.trimmed().isEmpty())
        invalidEvent(QStringLiteral("needs a run id"));
    if (request.eventType.trimmed().isEmpty())
        invalidEvent(QStringLiteral("needs an event type"));
    if (request.idempotencyKey.trimmed().isEmpty())
        invalidEvent(QStringLiteral("needs an idempotency key"));
    for (const QString &topic : request.topics) {
        if (topic.trimmed().isEmpty())
            invalidEvent(QStringLiteral("has an empty topic"));
    }
    if (request.maxAttempts < 1)
        invalidEvent(QStringLiteral("needs max attempts of at least 1"));
    try {
        return QString::fromUtf8(canonicalizeJsonText(request.payloadJson.toUtf8()));
    } catch (const Error &error) {
        invalidEvent(QStringLiteral("payload is not JSON (%1)").arg(error.message()));
    }
}

QStringList distinctTopics(const QStringList &topics)
{
    QStringList out;
    for (const QString &topic : topics) {
        if (!out.contains(topic))
            out << topic;
    }
    return out;
}

QString newRunEventId()
{
    return randomId("evt_");
}

QString newOutboxId()
{
    return randomId("obx_");
}

QString outboxPayloadFor(const RunEvent &event)
{
    return QString::fromUtf8(canonicalizeJsonText(
        canonicalJson(QJsonObject { { QStringLiteral("event_id"), event.eventId },
            { QStringLiteral("event_type"), event.eventType }, { QStringLiteral("rebalance_run_id"), event.rebalanceRunId },
            { QStringLiteral("sequence_no"), event.sequenceNo } })
            .chopped(1)
        + ",\"payload\":" + event.payloadJson.toUtf8() + '}'));
}

qint64 outboxAgeSeconds(const QString &from, const QString &now)
{
    const std::optional<qint64> a = timestampMicros(from);
    const std::optional<qint64> b = timestampMicros(now);
    if (!a || !b)
        return 0;
    return std::max<qint64>(0, (*b - *a) / 1000000);
}

QString discardedError(const QString &reason)
{
    return reason.trimmed().isEmpty() ? QStringLiteral("discarded") : QStringLiteral("discarded: ") + reason.trimmed();
}

Error deliveryNotFoundError(const QString &outboxId)
{
    return Error(ErrorKind::NotFound, QStringLiteral("OUTBOX_DELIVERY_NOT_FOUND"),
        QStringLiteral("No outbox delivery has the id %1; check the id (dpmctl outbox list).").arg(outboxId));
}

} // namespace dpm
