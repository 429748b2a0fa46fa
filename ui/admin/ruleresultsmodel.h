#pragma once

#include "common/preparedtablemodel.h"

#include <QColor>
#include <QJsonArray>

namespace dpm {

// A run's rule results (result_json.rule_results, Part B §9.1): failures first, then the rest,
// each group in the result's order.
class RuleResultsModel : public PreparedTableModel
{
    Q_OBJECT

public:
    enum Column {
        StatusColumn,
        RuleColumn,
        SeverityColumn,
        ReasonCodeColumn,
        MeasuredColumn,
        ThresholdColumn,
        RemediationColumn
    };
    enum Role { FailedRole = Qt::UserRole + 1, RuleIdRole };
    Q_ENUM(Role)

    explicit RuleResultsModel(QObject *parent = nullptr);

    void setRules(const QJsonArray &ruleResults);
    // Colours of failing statuses (the status word is shown too).
    void setFailColor(const QColor &color) { m_failColor = color; }
    int failedCount() const { return m_failed; }

protected:
    QVariant extraData(int row, int column, int role) const override;

private:
    int m_failed = 0;
    QColor m_failColor;
};

} // namespace dpm
