#include "proposaltext.h"

#include "domain/error.h"
#include "output.h"

namespace dpm::cli {

qint64 parseVersionNumber(const QString &text)
{
    bool ok = false;
    const qint64 number = text.trimmed().toLongLong(&ok);
    if (!ok || number < 1) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_PROPOSAL_VERSION_NO"),
            QStringLiteral("Version %1 is not a whole number from 1 up; pass e.g. 1.").arg(text));
    }
    return number;
}

QStringList proposalSummaryKeys()
{
    return { QStringLiteral("proposal_id"), QStringLiteral("portfolio_id"), QStringLiteral("mandate_id"),
        QStringLiteral("jurisdiction"), QStringLiteral("created_by"), QStringLiteral("created_at"),
        QStringLiteral("last_event_at"), QStringLiteral("current_state"), QStringLiteral("current_version_no"),
        QStringLiteral("title") };
}

namespace {

// "verified", "MISMATCH: computed sha256:…", or why it cannot be recomputed.
QString artifactHashVerdict(const ProposalVersion &version)
{
    try {
        const QString computed = proposalArtifactHashOfText(version.artifactJson);
        return computed == version.artifactHash ? QStringLiteral("verified")
                                                : QStringLiteral("MISMATCH: computed ") + computed;
    } catch (const Error &) {
        return QStringLiteral("not verifiable: artifact_json is not JSON");
    }
}

} // namespace

QString formatProposalVersion(const ProposalVersion &version, const QJsonObject &json)
{
    QJsonObject shown = json;
    shown.insert(QStringLiteral("artifact_hash"),
        QStringLiteral("%1 (%2)").arg(version.artifactHash, artifactHashVerdict(version)));
    return formatRecord(shown,
        { QStringLiteral("proposal_version_id"), QStringLiteral("proposal_id"), QStringLiteral("version_no"),
            QStringLiteral("created_at"), QStringLiteral("status_at_creation"), QStringLiteral("request_hash"),
            QStringLiteral("simulation_hash"), QStringLiteral("artifact_hash"), QStringLiteral("gate_decision"),
            QStringLiteral("gate_decision_json_error"), QStringLiteral("proposal_result"),
            QStringLiteral("proposal_result_json_error"), QStringLiteral("artifact"),
            QStringLiteral("artifact_json_error"), QStringLiteral("evidence_bundle"),
            QStringLiteral("evidence_bundle_json_error") });
}

} // namespace dpm::cli
