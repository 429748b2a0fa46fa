#include "proposals/proposalfindingsmodel.h"

#include "common/statuscolors.h"

#include <QGuiApplication>

namespace dpm {

ProposalFindingsModel::ProposalFindingsModel(QObject *parent)
    : PreparedTableModel(
          { tr("Code"), tr("Proposal"), tr("Version"), tr("Event id"), tr("Approval id"), tr("Finding") }, parent)
{
    setMonospaceColumns({ CodeColumn, ProposalColumn, EventColumn, ApprovalColumn });
}

void ProposalFindingsModel::setFindings(const QList<ProposalFinding> &findings)
{
    QList<QStringList> rows;
    rows.reserve(findings.size());
    for (const ProposalFinding &f : findings) {
        rows << QStringList { f.code, f.proposalId, f.versionNo ? QString::number(*f.versionNo) : QString(),
            f.eventId.value_or(QString()), f.approvalId.value_or(QString()), f.message };
    }
    setRows(std::move(rows));
}

QVariant ProposalFindingsModel::extraData(int row, int column, int role) const
{
    switch (role) {
    case ProposalIdRole:
        return cellText(row, ProposalColumn);
    case CodeRole:
        return cellText(row, CodeColumn);
    case Qt::ForegroundRole:
        // Every finding is a problem; the code says which.
        if (column == CodeColumn)
            return badColor(QGuiApplication::palette());
        return {};
    }
    return {};
}

} // namespace dpm
