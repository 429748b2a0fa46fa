#pragma once

#include "common/preparedtablemodel.h"
#include "domain/proposals.h"

namespace dpm {

// A proposal's workflow events and approvals as one timeline, oldest first: by occurred_at, and
// at the same instant the event before the approval written with it (transition_proposal writes
// both at once), then in stored order. An approval row names its type and outcome; an event row
// its move from one state to the next. Reason and details are compact JSON.
class ProposalTimelineModel : public PreparedTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        EntryColumn, // the event type, or "approval"
        StatesColumn, // "RISK_REVIEW → AWAITING_CLIENT_CONSENT"
        ActorColumn,
        ApprovalColumn, // "RISK: APPROVED"
        VersionColumn,
        DetailsColumn,
        IdColumn
    };
    enum Role {
        EntryKindRole = Qt::UserRole + 1, // "event" or "approval" (not translated)
        IdRole, // event_id or approval_id
        OccurredAtRole,
    };
    Q_ENUM(Role)

    explicit ProposalTimelineModel(QObject *parent = nullptr);

    void setHistory(const QList<ProposalWorkflowEvent> &events, const QList<ProposalApproval> &approvals);
    int eventCount() const { return m_events; }
    int approvalCount() const { return m_approvals; }

protected:
    QVariant extraData(int row, int column, int role) const override;

private:
    QStringList m_kinds; // per row
    QList<int> m_outcomes; // per row: 1 approved, -1 rejected, 0 an event
    int m_events = 0;
    int m_approvals = 0;
};

// A JSON column's text as one compact line (the stored text when it is not JSON).
QString compactJsonText(const QString &json);

} // namespace dpm
