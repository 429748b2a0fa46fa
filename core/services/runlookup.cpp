#include "runlookup.h"

#include "domain/canonicaljson.h"
#include "domain/error.h"
#include "services/artifact.h"
#include "store/supportstore.h"

namespace dpm {

namespace {

[[noreturn]] void runNotFound(const QString &what)
{
    throw Error(ErrorKind::NotFound, QStringLiteral("DPM_RUN_NOT_FOUND"),
        QStringLiteral("No run has %1; check it, or find the run with dpmctl runs list.").arg(what));
}

[[noreturn]] void keyNotFound(const QString &key, const QString &what)
{
    throw Error(ErrorKind::NotFound, QStringLiteral("DPM_IDEMPOTENCY_KEY_NOT_FOUND"),
        QStringLiteral("Idempotency key %1 %2; check the key.").arg(key, what));
}

[[noreturn]] void operationNotFound(const QString &what)
{
    throw Error(ErrorKind::NotFound, QStringLiteral("DPM_ASYNC_OPERATION_NOT_FOUND"),
        QStringLiteral("No async operation has %1; check it, or list them with dpmctl operations list.").arg(what));
}

} // namespace

RebalanceRun requireRun(SupportStore &store, const QString &rebalanceRunId)
{
    auto run = store.getRun(rebalanceRunId);
    if (!run)
        runNotFound(QStringLiteral("id %1").arg(rebalanceRunId));
    return *std::move(run);
}

RebalanceRun requireRunByCorrelation(SupportStore &store, const QString &correlationId)
{
    auto run = store.getRunByCorrelation(correlationId);
    if (!run)
        runNotFound(QStringLiteral("correlation id %1").arg(correlationId));
    return *std::move(run);
}

RebalanceRun requireRunByRequestHash(SupportStore &store, const QString &requestHash)
{
    auto run = store.getRunByRequestHash(requestHash);
    if (!run)
        runNotFound(QStringLiteral("request hash %1").arg(requestHash));
    return *std::move(run);
}

IdempotencyMapping requireIdempotencyMapping(SupportStore &store, const QString &idempotencyKey)
{
    auto mapping = store.getIdempotencyMapping(idempotencyKey);
    if (!mapping)
        keyNotFound(idempotencyKey, QStringLiteral("maps to no run"));
    return *std::move(mapping);
}

RebalanceRun requireRunByIdempotencyKey(SupportStore &store, const QString &idempotencyKey)
{
    const IdempotencyMapping mapping = requireIdempotencyMapping(store, idempotencyKey);
    auto run = store.getRun(mapping.rebalanceRunId);
    if (!run) {
        runNotFound(QStringLiteral("id %1 (the run idempotency key %2 maps to)")
                        .arg(mapping.rebalanceRunId, idempotencyKey));
    }
    return *std::move(run);
}

QList<IdempotencyHistoryEntry> requireIdempotencyHistory(SupportStore &store, const QString &idempotencyKey)
{
    QList<IdempotencyHistoryEntry> entries = store.listIdempotencyHistory(idempotencyKey);
    if (entries.isEmpty())
        keyNotFound(idempotencyKey, QStringLiteral("has no history"));
    return entries;
}

AsyncOperation requireOperation(SupportStore &store, const QString &operationId)
{
    auto operation = store.getOperation(operationId);
    if (!operation)
        operationNotFound(QStringLiteral("id %1").arg(operationId));
    return *std::move(operation);
}

AsyncOperation requireOperationByCorrelation(SupportStore &store, const QString &correlationId)
{
    auto operation = store.getOperationByCorrelation(correlationId);
    if (!operation)
        operationNotFound(QStringLiteral("correlation id %1").arg(correlationId));
    return *std::move(operation);
}

RunArtifactView runArtifactView(SupportStore &store, const QString &rebalanceRunId)
{
    const RebalanceRun run = requireRun(store, rebalanceRunId);
    RunArtifactView view;
    const auto persisted = store.getRunArtifact(rebalanceRunId);
    if (!persisted) {
        view.json = deriveRunArtifact(run);
        view.computedHash = artifactHash(view.json);
        return view;
    }
    view.persisted = true;
    QString message;
    const QJsonValue value = parseJsonText(persisted->artifactJson, &message);
    if (value.isObject()) {
        view.json = value.toObject();
        view.computedHash = artifactHashOfText(persisted->artifactJson);
        return view;
    }
    // Part A §11: show what is stored instead of failing.
    view.valid = false;
    view.json = { { QStringLiteral("rebalance_run_id"), rebalanceRunId }, { QStringLiteral("artifact"), QJsonValue::Null },
        { QStringLiteral("artifact_json_error"),
            QJsonObject { { QStringLiteral("message"),
                              value.isUndefined() ? message : QStringLiteral("the artifact is not a JSON object") },
                { QStringLiteral("raw"), persisted->artifactJson } } } };
    return view;
}

} // namespace dpm
