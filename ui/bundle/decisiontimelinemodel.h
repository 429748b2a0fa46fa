#pragma once

#include "common/preparedtablemodel.h"

#include <QJsonArray>

namespace dpm {

// A run's workflow decisions as a timeline, oldest first (the bundle's workflow_history order):
// time, action, reason code, actor, comment, correlation of the action request, decision id.
class DecisionTimelineModel : public PreparedTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        ActionColumn,
        ReasonCodeColumn,
        ActorColumn,
        CommentColumn,
        CorrelationColumn,
        DecisionIdColumn
    };
    enum Role { DecisionIdRole = Qt::UserRole + 1, DecidedAtRole };
    Q_ENUM(Role)

    explicit DecisionTimelineModel(QObject *parent = nullptr);

    // workflow_history.decisions of a bundle: {decision_id, action, reason_code, comment,
    // actor_id, decided_at, correlation_id}.
    void setDecisions(const QJsonArray &decisions);

protected:
    QVariant extraData(int row, int column, int role) const override;
};

} // namespace dpm
