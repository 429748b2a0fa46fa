#include "bundle/idempotencyhistorymodel.h"

#include <QJsonObject>

namespace dpm {

IdempotencyHistoryModel::IdempotencyHistoryModel(QObject *parent)
    : PreparedTableModel({ tr("Created at"), tr("Kind"), tr("Run id"), tr("Correlation"), tr("Request hash") }, parent)
{
    setMonospaceColumns({ RunIdColumn, CorrelationColumn, RequestHashColumn });
    m_boldFont.setBold(true);
}

void IdempotencyHistoryModel::setHistory(const QJsonArray &history, const QString &currentRunId)
{
    QList<QStringList> rows;
    m_kinds.clear();
    m_currentRunId = currentRunId;
    m_replays = 0;
    m_conflicts = 0;
    QString mappedHash;
    for (const QJsonValue &value : history) {
        const QJsonObject h = value.toObject();
        const QString hash = h.value(QLatin1String("request_hash")).toString();
        QString kind;
        if (m_kinds.isEmpty()) {
            kind = QStringLiteral("original");
        } else if (hash == mappedHash) {
            kind = QStringLiteral("replay");
            ++m_replays;
        } else {
            kind = QStringLiteral("conflict");
            ++m_conflicts;
        }
        // The service's mapping is an upsert: after this row the key maps to this row's request.
        mappedHash = hash;
        m_kinds << kind;
        const QString shownKind = kind == QLatin1String("original") ? tr("original")
            : kind == QLatin1String("replay")                       ? tr("replay")
                                                                    : tr("conflict");
        rows << QStringList { h.value(QLatin1String("created_at")).toString(), shownKind,
            h.value(QLatin1String("rebalance_run_id")).toString(), h.value(QLatin1String("correlation_id")).toString(),
            hash };
    }
    setRows(std::move(rows));
}

QVariant IdempotencyHistoryModel::extraData(int row, int column, int role) const
{
    switch (role) {
    case RunIdRole:
        return cellText(row, RunIdColumn);
    case KindRole:
        return m_kinds.value(row);
    case IsCurrentRunRole:
        return cellText(row, RunIdColumn) == m_currentRunId;
    case Qt::FontRole:
        // The FontRole of the base covers monospace columns; the current run's kind is bold.
        if (column == KindColumn && cellText(row, RunIdColumn) == m_currentRunId)
            return m_boldFont;
        return {};
    }
    return {};
}

} // namespace dpm
