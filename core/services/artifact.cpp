#include "artifact.h"

#include "domain/apijson.h"
#include "domain/canonicaljson.h"

namespace dpm {

namespace {

const QString kArtifactHash = QStringLiteral("artifact_hash");

void copyIfPresent(QJsonObject &artifact, const QString &to, const QJsonObject &result, const QString &from)
{
    if (result.contains(from))
        artifact.insert(to, result.value(from));
}

} // namespace

QJsonObject deriveRunArtifact(const RebalanceRun &run)
{
    QString artifactId = run.rebalanceRunId;
    const qsizetype prefixAt = artifactId.indexOf(QLatin1String("rr_"));
    if (prefixAt >= 0)
        artifactId.replace(prefixAt, 3, QStringLiteral("dra_"));

    QJsonObject artifact { { QStringLiteral("artifact_id"), artifactId },
        { QStringLiteral("artifact_version"), QStringLiteral("1.0") },
        { QStringLiteral("rebalance_run_id"), run.rebalanceRunId },
        { QStringLiteral("correlation_id"), run.correlationId },
        { QStringLiteral("idempotency_key"), nullableJson(run.idempotencyKey) },
        { QStringLiteral("portfolio_id"), run.portfolioId },
        { QStringLiteral("request_snapshot"),
            QJsonObject { { QStringLiteral("portfolio_id"), run.portfolioId },
                { QStringLiteral("request_hash"), run.requestHash } } } };

    insertParsedJson(artifact, QStringLiteral("result"), run.resultJson, QStringLiteral("result_json_error"));
    const QJsonObject result = artifact.value(QStringLiteral("result")).toObject();
    const QJsonValue status = result.value(QStringLiteral("status"));
    artifact.insert(QStringLiteral("status"), status.isString() ? status.toString() : QString());
    copyIfPresent(artifact, QStringLiteral("before_summary"), result, QStringLiteral("before"));
    copyIfPresent(artifact, QStringLiteral("after_summary"), result, QStringLiteral("after_simulated"));
    copyIfPresent(artifact, QStringLiteral("order_intents"), result, QStringLiteral("intents"));
    copyIfPresent(artifact, QStringLiteral("rule_outcomes"), result, QStringLiteral("rule_results"));
    copyIfPresent(artifact, QStringLiteral("diagnostics"), result, QStringLiteral("diagnostics"));

    const QJsonValue engineVersion
        = result.value(QStringLiteral("lineage")).toObject().value(QStringLiteral("engine_version"));
    // The service writes `engine_version or "unknown"`: null and "" both fall back.
    const QString engine = engineVersion.isString() && !engineVersion.toString().isEmpty() ? engineVersion.toString()
                                                                                           : QStringLiteral("unknown");
    QJsonObject evidence { { QStringLiteral("engine_version"), engine },
        { QStringLiteral("run_created_at"), run.createdAt },
        { QStringLiteral("hashes"),
            QJsonObject { { QStringLiteral("request_hash"), run.requestHash }, { kArtifactHash, QString() } } } };
    artifact.insert(QStringLiteral("evidence"), evidence);

    QJsonObject hashes = evidence.value(QStringLiteral("hashes")).toObject();
    hashes.insert(kArtifactHash, artifactHash(artifact));
    evidence.insert(QStringLiteral("hashes"), hashes);
    artifact.insert(QStringLiteral("evidence"), evidence);
    return artifact;
}

QString artifactHash(const QJsonObject &artifact)
{
    return artifactHashOfText(QString::fromUtf8(canonicalJson(artifact)));
}

QString artifactHashOfText(const QString &artifactJson)
{
    const QByteArray canonical = canonicalizeJsonText(
        artifactJson.toUtf8(), [](const QString &key) { return key == QLatin1String("artifact_hash"); });
    return QStringLiteral("sha256:") + sha256Hex(canonical);
}

QString storedArtifactHash(const QJsonObject &artifact)
{
    return artifact.value(QStringLiteral("evidence"))
        .toObject()
        .value(QStringLiteral("hashes"))
        .toObject()
        .value(kArtifactHash)
        .toString();
}

} // namespace dpm
