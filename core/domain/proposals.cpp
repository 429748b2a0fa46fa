#include "domain/proposals.h"

#include "domain/canonicaljson.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace dpm {

ProposalVersionHeader headerOf(const ProposalVersion &version)
{
    return {version.proposalVersionId, version.proposalId, version.versionNo, version.createdAt,
        version.requestHash, version.artifactHash, version.simulationHash, version.statusAtCreation};
}

std::optional<QString> proposalResultCorrelationId(const QString &resultJson)
{
    const QJsonDocument document = QJsonDocument::fromJson(resultJson.toUtf8());
    const QJsonValue value = document.object().value(QLatin1String("correlation_id"));
    if (!value.isString() || value.toString().isEmpty())
        return std::nullopt;
    return value.toString();
}

QString proposalArtifactHashOfText(const QString &artifactJson)
{
    const QByteArray canonical = canonicalizeJsonText(artifactJson.toUtf8(), [](const QString &key) {
        return key == QLatin1String("created_at") || key == QLatin1String("artifact_hash");
    });
    return QStringLiteral("sha256:") + sha256Hex(canonical);
}

QString toWire(ProposalIdentifierKind kind)
{
    switch (kind) {
    case ProposalIdentifierKind::ProposalId:
        return QStringLiteral("proposal_id");
    case ProposalIdentifierKind::ProposalVersionId:
        return QStringLiteral("proposal_version_id");
    case ProposalIdentifierKind::EventId:
        return QStringLiteral("proposal_event_id");
    case ProposalIdentifierKind::ApprovalId:
        return QStringLiteral("proposal_approval_id");
    case ProposalIdentifierKind::IdempotencyKey:
        return QStringLiteral("proposal_idempotency_key");
    case ProposalIdentifierKind::OperationId:
        return QStringLiteral("proposal_operation_id");
    case ProposalIdentifierKind::OperationCorrelationId:
        return QStringLiteral("proposal_operation_correlation_id");
    }
    return {};
}

} // namespace dpm
