#include "supportbundle.h"

#include "domain/apijson.h"
#include "domain/error.h"
#include "services/artifact.h"
#include "store/runeventstore.h"
#include "store/supportstore.h"

namespace dpm {

namespace {

[[noreturn]] void notFound(const char *code, const QString &message)
{
    throw Error(ErrorKind::NotFound, QString::fromLatin1(code), message);
}

[[noreturn]] void reportMissing(const SupportBundleEntry &entry, const SupportBundleRows &rows)
{
    using Kind = SupportBundleEntry::Kind;
    const QString &value = entry.value;
    switch (entry.kind) {
    case Kind::RunId:
        notFound("DPM_RUN_NOT_FOUND",
            QStringLiteral("No run has id %1; check the id, or look it up with dpmctl find.").arg(value));
    case Kind::Correlation:
        notFound("DPM_RUN_NOT_FOUND",
            QStringLiteral("No run has correlation id %1; check it, or look it up with dpmctl find.").arg(value));
    case Kind::IdempotencyKey:
        if (!rows.entryFound) {
            notFound("DPM_IDEMPOTENCY_KEY_NOT_FOUND",
                QStringLiteral("No run is mapped to idempotency key %1; check the key.").arg(value));
        }
        notFound("DPM_RUN_NOT_FOUND",
            QStringLiteral("Idempotency key %1 maps to a run that is not stored (purged or never saved); "
                           "read the key's history with dpmctl idempotency history.")
                .arg(value));
    case Kind::OperationId:
        if (!rows.entryFound) {
            notFound("DPM_ASYNC_OPERATION_NOT_FOUND",
                QStringLiteral("No async operation has id %1; check it, or list them with dpmctl operations list.")
                    .arg(value));
        }
        notFound("DPM_RUN_NOT_FOUND",
            QStringLiteral("No run has the correlation id %1 of async operation %2; open the operation with "
                           "dpmctl operations get instead.")
                .arg(rows.operation ? rows.operation->correlationId : QString(), value));
    }
    notFound("DPM_RUN_NOT_FOUND", QStringLiteral("No run matches %1; check the identifier.").arg(value));
}

} // namespace

SupportBundle buildSupportBundle(
    SupportStore &store, const SupportBundleEntry &entry, const SupportBundleOptions &options)
{
    SupportBundleRows rows = store.loadSupportBundle(entry, options);
    if (!rows.run)
        reportMissing(entry, rows);

    SupportBundle bundle;
    bundle.options = options;
    bundle.run = std::move(*rows.run);
    if (options.includeArtifact)
        bundle.storedArtifact = std::move(rows.artifact);
    if (options.includeAsyncOperation)
        bundle.asyncOperation = std::move(rows.operation);
    bundle.decisions = std::move(rows.decisions);
    bundle.lineage = std::move(rows.edges);
    if (options.includeIdempotencyHistory && bundle.run.idempotencyKey)
        bundle.idempotencyHistory = std::move(rows.idempotencyHistory);
    // Read after the snapshot above (events are append-only, so at worst a newer one shows).
    if (RunEventStore &events = store.runEvents(); events.isAvailable())
        bundle.runEvents = events.listEvents(bundle.run.rebalanceRunId);
    return bundle;
}

QJsonObject supportBundleJson(const SupportBundle &bundle)
{
    QJsonObject out { { QStringLiteral("run"), runLookupJson(bundle.run) } };
    if (!bundle.options.includeArtifact) {
        out.insert(QStringLiteral("artifact"), QJsonValue::Null);
    } else if (bundle.storedArtifact) {
        insertParsedJson(out, QStringLiteral("artifact"), bundle.storedArtifact->artifactJson,
            QStringLiteral("artifact_json_error"));
    } else {
        out.insert(QStringLiteral("artifact"), deriveRunArtifact(bundle.run));
    }
    out.insert(QStringLiteral("async_operation"),
        bundle.asyncOperation ? QJsonValue(operationJson(*bundle.asyncOperation)) : QJsonValue(QJsonValue::Null));
    out.insert(QStringLiteral("workflow_history"), workflowHistoryJson(bundle.run.rebalanceRunId, bundle.decisions));
    out.insert(QStringLiteral("lineage"), lineageJson(bundle.run.rebalanceRunId, bundle.lineage));
    out.insert(QStringLiteral("idempotency_history"),
        bundle.idempotencyHistory
            ? QJsonValue(idempotencyHistoryJson(*bundle.run.idempotencyKey, *bundle.idempotencyHistory))
            : QJsonValue(QJsonValue::Null));
    if (bundle.runEvents)
        out.insert(QStringLiteral("run_events"), runEventsJson(*bundle.runEvents));
    return out;
}

QJsonArray runEventsJson(const QList<RunEventWithDeliveries> &events)
{
    QJsonArray out;
    for (const RunEventWithDeliveries &item : events) {
        QJsonObject event = runEventJson(item.event);
        QJsonArray deliveries;
        for (const OutboxDelivery &delivery : item.deliveries)
            deliveries.append(outboxDeliveryJson(delivery));
        event.insert(QStringLiteral("deliveries"), deliveries);
        out.append(event);
    }
    return out;
}

} // namespace dpm
