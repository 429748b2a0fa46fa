#include "domain/proposalvocabulary.h"

namespace dpm {

QStringList proposalStateWireValues()
{
    return {QStringLiteral("DRAFT"), QStringLiteral("RISK_REVIEW"), QStringLiteral("COMPLIANCE_REVIEW"),
        QStringLiteral("AWAITING_CLIENT_CONSENT"), QStringLiteral("EXECUTION_READY"), QStringLiteral("EXECUTED"),
        QStringLiteral("REJECTED"), QStringLiteral("CANCELLED"), QStringLiteral("EXPIRED")};
}

QStringList proposalEventTypeWireValues()
{
    return {QStringLiteral("CREATED"), QStringLiteral("NEW_VERSION_CREATED"),
        QStringLiteral("SUBMITTED_FOR_RISK_REVIEW"), QStringLiteral("RISK_APPROVED"),
        QStringLiteral("SUBMITTED_FOR_COMPLIANCE_REVIEW"), QStringLiteral("COMPLIANCE_APPROVED"),
        QStringLiteral("CLIENT_CONSENT_RECORDED"), QStringLiteral("EXECUTION_REQUESTED"), QStringLiteral("EXECUTED"),
        QStringLiteral("REJECTED"), QStringLiteral("EXPIRED"), QStringLiteral("CANCELLED")};
}

QStringList proposalApprovalTypeWireValues()
{
    return {QStringLiteral("RISK"), QStringLiteral("COMPLIANCE"), QStringLiteral("CLIENT_CONSENT")};
}

QStringList proposalOperationTypeWireValues()
{
    return {QStringLiteral("CREATE_PROPOSAL"), QStringLiteral("CREATE_PROPOSAL_VERSION")};
}

bool isTerminalProposalState(const QString &state)
{
    return state == QLatin1String("EXECUTED") || state == QLatin1String("REJECTED")
        || state == QLatin1String("CANCELLED") || state == QLatin1String("EXPIRED");
}

bool isSystemProposalEvent(const QString &eventType)
{
    return eventType == QLatin1String("CREATED") || eventType == QLatin1String("NEW_VERSION_CREATED");
}

std::optional<QString> proposalTransition(const QString &state, const QString &eventType)
{
    struct Rule
    {
        const char *state;
        const char *event;
        const char *next;
    };
    static const Rule rules[] = {
        {"DRAFT", "SUBMITTED_FOR_RISK_REVIEW", "RISK_REVIEW"},
        {"DRAFT", "SUBMITTED_FOR_COMPLIANCE_REVIEW", "COMPLIANCE_REVIEW"},
        {"RISK_REVIEW", "RISK_APPROVED", "AWAITING_CLIENT_CONSENT"},
        {"RISK_REVIEW", "REJECTED", "REJECTED"},
        {"COMPLIANCE_REVIEW", "COMPLIANCE_APPROVED", "AWAITING_CLIENT_CONSENT"},
        {"COMPLIANCE_REVIEW", "REJECTED", "REJECTED"},
        {"AWAITING_CLIENT_CONSENT", "CLIENT_CONSENT_RECORDED", "EXECUTION_READY"},
        {"AWAITING_CLIENT_CONSENT", "REJECTED", "REJECTED"},
        {"EXECUTION_READY", "EXECUTED", "EXECUTED"},
        {"EXECUTION_READY", "EXPIRED", "EXPIRED"},
    };
    for (const Rule &rule : rules) {
        if (state == QLatin1String(rule.state) && eventType == QLatin1String(rule.event))
            return QString::fromLatin1(rule.next);
    }
    if (eventType == QLatin1String("CANCELLED") && proposalStateWireValues().contains(state)
        && !isTerminalProposalState(state))
        return QStringLiteral("CANCELLED");
    return std::nullopt;
}

std::optional<ApprovalRule> proposalApprovalRule(const QString &approvalType)
{
    const QString rejected = QStringLiteral("REJECTED");
    if (approvalType == QLatin1String("RISK"))
        return ApprovalRule{QStringLiteral("RISK_REVIEW"), QStringLiteral("RISK_APPROVED"), rejected};
    if (approvalType == QLatin1String("COMPLIANCE"))
        return ApprovalRule{QStringLiteral("COMPLIANCE_REVIEW"), QStringLiteral("COMPLIANCE_APPROVED"), rejected};
    if (approvalType == QLatin1String("CLIENT_CONSENT"))
        return ApprovalRule{
            QStringLiteral("AWAITING_CLIENT_CONSENT"), QStringLiteral("CLIENT_CONSENT_RECORDED"), rejected};
    return std::nullopt;
}

} // namespace dpm
