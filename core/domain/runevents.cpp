#include "runevents.h"

#include "domain/canonicaljson.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>

namespace dpm {

namespace {

QJsonValue optionalJson(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

// A JSON column under `key`, with "<key>_error" {message, raw} when the text is not JSON
// (Part A §11: shown, not rejected).
void insertJsonColumn(QJsonObject &object, const QString &key, const QString &text)
{
    QString message;
    const QJsonValue value = parseJsonText(text, &message);
    if (value.isUndefined()) {
        object.insert(key, QJsonValue::Null);
        object.insert(key + QStringLiteral("_error"),
            QJsonObject { { QStringLiteral("message"), message }, { QStringLiteral("raw"), text } });
    } else {
        object.insert(key, value);
    }
}

} // namespace

QStringList outboxStatuses()
{
    return { OutboxStatus::Pending, OutboxStatus::Delivered, OutboxStatus::Failed, OutboxStatus::Dead };
}

QString outboxErrorFingerprint(const QString &lastError)
{
    // Order matters: quoted values may contain ids and numbers, ids contain digits.
    static const QRegularExpression singleQuoted(QStringLiteral("'[^']*'"));
    static const QRegularExpression doubleQuoted(QStringLiteral("\"[^\"]*\""));
    static const QRegularExpression uuid(
        QStringLiteral("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"));
    static const QRegularExpression prefixedId(QStringLiteral("\\b[a-z]{2,8}_[0-9a-fA-F]{6,}\\b"));
    static const QRegularExpression hexId(QStringLiteral("\\b(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{8,}\\b"));
    static const QRegularExpression number(QStringLiteral("\\d+(\\.\\d+)?"));
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QString text = lastError;
    text.replace(singleQuoted, QStringLiteral("'…'"));
    text.replace(doubleQuoted, QStringLiteral("\"…\""));
    text.replace(uuid, QStringLiteral("<id>"));
    text.replace(prefixedId, QStringLiteral("<id>"));
    text.replace(hexId, QStringLiteral("<id>"));
    text.replace(number, QStringLiteral("<n>"));
    text.replace(space, QStringLiteral(" "));
    return text.trimmed();
}

QString outboxFailureGroupId(const QString &fingerprint)
{
    const QByteArray digest = QCryptographicHash::hash(fingerprint.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("grp_") + QString::fromLatin1(digest.left(12));
}

QList<OutboxFailureGroup> groupOutboxFailures(const QList<OutboxDelivery> &failures)
{
    QHash<QString, OutboxFailureGroup> groups;
    QHash<QString, QString> newest; // group id -> (created_at, outbox_id) of its sample
    for (const OutboxDelivery &d : failures) {
        const QString error = d.lastError.value_or(QString());
        const QString fingerprint = outboxErrorFingerprint(error);
        const QString id = outboxFailureGroupId(fingerprint);
        OutboxFailureGroup &group = groups[id];
        if (group.groupId.isEmpty()) {
            group.groupId = id;
            group.fingerprint = fingerprint;
        }
        ++group.count;
        if (d.status == OutboxStatus::Dead)
            ++group.dead;
        else
            ++group.failed;
        const QString key = d.createdAt + u' ' + d.outboxId;
        if (key > newest.value(id)) {
            newest.insert(id, key);
            group.sampleError = error;
        }
    }
    QList<OutboxFailureGroup> out = groups.values();
    std::sort(out.begin(), out.end(), [](const OutboxFailureGroup &a, const OutboxFailureGroup &b) {
        return a.count != b.count ? a.count > b.count : a.groupId < b.groupId;
    });
    return out;
}

QJsonObject runEventJson(const RunEvent &e)
{
    QJsonObject o { { QStringLiteral("event_id"), e.eventId }, { QStringLiteral("rebalance_run_id"), e.rebalanceRunId },
        { QStringLiteral("sequence_no"), e.sequenceNo }, { QStringLiteral("event_type"), e.eventType },
        { QStringLiteral("idempotency_key"), e.idempotencyKey }, { QStringLiteral("created_at"), e.createdAt } };
    insertJsonColumn(o, QStringLiteral("payload"), e.payloadJson);
    return o;
}

QJsonObject outboxDeliveryJson(const OutboxDelivery &d)
{
    QJsonObject o { { QStringLiteral("outbox_id"), d.outboxId }, { QStringLiteral("event_id"), d.eventId },
        { QStringLiteral("rebalance_run_id"), d.rebalanceRunId }, { QStringLiteral("topic"), d.topic },
        { QStringLiteral("status"), d.status }, { QStringLiteral("attempts"), d.attempts },
        { QStringLiteral("max_attempts"), d.maxAttempts }, { QStringLiteral("next_attempt_at"), optionalJson(d.nextAttemptAt) },
        { QStringLiteral("last_error"), optionalJson(d.lastError) }, { QStringLiteral("created_at"), d.createdAt },
        { QStringLiteral("delivered_at"), optionalJson(d.deliveredAt) },
        { QStringLiteral("lease_owner"), optionalJson(d.leaseOwner) } };
    insertJsonColumn(o, QStringLiteral("payload"), d.payloadJson);
    return o;
}

QJsonObject outboxStatsJson(const OutboxStats &s)
{
    QJsonObject attempts;
    for (auto it = s.attempts.cbegin(); it != s.attempts.cend(); ++it)
        attempts.insert(QString::number(it.key()), it.value());
    return { { QStringLiteral("pending"), s.pending }, { QStringLiteral("delivered"), s.delivered },
        { QStringLiteral("failed"), s.failed }, { QStringLiteral("dead"), s.dead },
        { QStringLiteral("due_now"), s.dueNow },
        { QStringLiteral("oldest_pending_age_seconds"),
            s.oldestPendingAgeSeconds ? QJsonValue(*s.oldestPendingAgeSeconds) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("attempts"), attempts } };
}

QJsonObject outboxFailureGroupJson(const OutboxFailureGroup &g)
{
    return { { QStringLiteral("group_id"), g.groupId }, { QStringLiteral("fingerprint"), g.fingerprint },
        { QStringLiteral("count"), g.count }, { QStringLiteral("failed"), g.failed }, { QStringLiteral("dead"), g.dead },
        { QStringLiteral("sample_error"), g.sampleError } };
}

QJsonObject outboxMessageJson(const OutboxDelivery &d)
{
    QJsonObject message { { QStringLiteral("outbox_id"), d.outboxId }, { QStringLiteral("event_id"), d.eventId },
        { QStringLiteral("topic"), d.topic } };
    const QJsonValue payload = parseJsonText(d.payloadJson);
    message.insert(QStringLiteral("message"), payload.isUndefined() ? QJsonValue(d.payloadJson) : payload);
    return message;
}

} // namespace dpm
