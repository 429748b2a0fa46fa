#include "outbox/failuregroupsmodel.h"

#include <QLocale>

namespace dpm {

FailureGroupsModel::FailureGroupsModel(QObject *parent)
    : PreparedTableModel({ tr("Count"), tr("Failed"), tr("Dead"), tr("Sample error"), tr("Fingerprint") }, parent)
{ }

void FailureGroupsModel::setGroups(const QList<OutboxFailureGroup> &groups)
{
    m_groups = groups;
    const QLocale locale;
    QList<QStringList> rows;
    for (const OutboxFailureGroup &g : groups) {
        rows << QStringList { locale.toString(g.count), locale.toString(g.failed), locale.toString(g.dead),
            g.sampleError, g.fingerprint };
    }
    setRows(std::move(rows));
}

QVariant FailureGroupsModel::extraData(int row, int column, int role) const
{
    switch (role) {
    case GroupIdRole:
        return m_groups.at(row).groupId;
    case CountRole:
        return m_groups.at(row).count;
    case Qt::TextAlignmentRole:
        if (column <= DeadColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

} // namespace dpm
