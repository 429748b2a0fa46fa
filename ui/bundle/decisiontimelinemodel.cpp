#include "bundle/decisiontimelinemodel.h"

#include <QJsonObject>

namespace dpm {

DecisionTimelineModel::DecisionTimelineModel(QObject *parent)
    : PreparedTableModel({ tr("Time"), tr("Action"), tr("Reason code"), tr("Actor"), tr("Comment"), tr("Correlation"),
                             tr("Decision id") },
        parent)
{
    setMonospaceColumns({ CorrelationColumn, DecisionIdColumn });
}

void DecisionTimelineModel::setDecisions(const QJsonArray &decisions)
{
    QList<QStringList> rows;
    rows.reserve(decisions.size());
    for (const QJsonValue &value : decisions) {
        const QJsonObject d = value.toObject();
        auto text = [&d](const char *key) { return d.value(QLatin1String(key)).toString(); };
        rows << QStringList { text("decided_at"), text("action"), text("reason_code"), text("actor_id"),
            text("comment"), text("correlation_id"), text("decision_id") };
    }
    setRows(std::move(rows));
}

QVariant DecisionTimelineModel::extraData(int row, int, int role) const
{
    switch (role) {
    case DecisionIdRole:
        return cellText(row, DecisionIdColumn);
    case DecidedAtRole:
        return cellText(row, TimeColumn);
    }
    return {};
}

} // namespace dpm
