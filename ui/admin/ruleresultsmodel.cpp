#include "admin/ruleresultsmodel.h"

#include <QJsonObject>

namespace dpm {

namespace {

// Decimals are strings in the service's JSON; numbers may still appear in hand-made rows.
QString decimalText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    return {};
}

} // namespace

RuleResultsModel::RuleResultsModel(QObject *parent)
    : PreparedTableModel({ tr("Status"), tr("Rule"), tr("Severity"), tr("Reason code"), tr("Measured"), tr("Threshold"),
                             tr("Remediation") },
        parent)
{
    setMonospaceColumns({ MeasuredColumn, ThresholdColumn });
}

void RuleResultsModel::setRules(const QJsonArray &ruleResults)
{
    QList<QStringList> failed;
    QList<QStringList> others;
    for (const QJsonValue &value : ruleResults) {
        const QJsonObject r = value.toObject();
        const QJsonObject threshold = r.value(QLatin1String("threshold")).toObject();
        QStringList bounds;
        if (threshold.contains(QLatin1String("min")))
            bounds << tr("min %1").arg(decimalText(threshold.value(QLatin1String("min"))));
        if (threshold.contains(QLatin1String("max")))
            bounds << tr("max %1").arg(decimalText(threshold.value(QLatin1String("max"))));
        const QString status = r.value(QLatin1String("status")).toString();
        QStringList row { status, r.value(QLatin1String("rule_id")).toString(),
            r.value(QLatin1String("severity")).toString(), r.value(QLatin1String("reason_code")).toString(),
            decimalText(r.value(QLatin1String("measured"))), bounds.join(QLatin1String(", ")),
            r.value(QLatin1String("remediation_hint")).toString() };
        (status == QLatin1String("FAIL") ? failed : others) << row;
    }
    m_failed = int(failed.size());
    setRows(failed + others);
}

QVariant RuleResultsModel::extraData(int row, int column, int role) const
{
    const bool isFailed = row < m_failed;
    switch (role) {
    case FailedRole:
        return isFailed;
    case RuleIdRole:
        return cellText(row, RuleColumn);
    case Qt::ForegroundRole:
        if (isFailed && column == StatusColumn && m_failColor.isValid())
            return m_failColor;
        return {};
    case Qt::FontRole:
        if (isFailed && column == StatusColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    }
    return {};
}

} // namespace dpm
