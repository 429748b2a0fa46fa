#include "proposals/proposaltablemodels.h"

#include "common/statuscolors.h"
#include "proposals/proposaltimelinemodel.h"

#include <QGuiApplication>

namespace dpm {

ProposalVersionsModel::ProposalVersionsModel(QObject *parent)
    : PreparedTableModel({ tr("Version"), tr("Created"), tr("Status at creation"), tr("Artifact hash"),
                             tr("Request hash"), tr("Simulation hash"), tr("Version id") },
        parent)
{
    setMonospaceColumns({ ArtifactHashColumn, RequestHashColumn, SimulationHashColumn, VersionIdColumn });
}

void ProposalVersionsModel::setVersions(const QList<ProposalVersionHeader> &versions)
{
    QList<QStringList> rows;
    m_numbers.clear();
    for (const ProposalVersionHeader &v : versions) {
        m_numbers << v.versionNo;
        rows << QStringList { QString::number(v.versionNo), v.createdAt, v.statusAtCreation, v.artifactHash,
            v.requestHash, v.simulationHash, v.proposalVersionId };
    }
    PreparedTableModel::setRows(std::move(rows));
}

int ProposalVersionsModel::rowOf(qint64 versionNo) const
{
    return int(m_numbers.indexOf(versionNo));
}

QVariant ProposalVersionsModel::extraData(int row, int, int role) const
{
    if (role == VersionNoRole)
        return m_numbers.value(row);
    return {};
}

ProposalOperationsModel::ProposalOperationsModel(QObject *parent)
    : PreparedTableModel({ tr("Created"), tr("Status"), tr("Type"), tr("Operation id"), tr("Correlation id"),
                             tr("Idempotency key"), tr("Created by"), tr("Started"), tr("Finished"), tr("Error") },
        parent)
{
    setMonospaceColumns({ OperationIdColumn, CorrelationColumn, IdempotencyKeyColumn, ErrorColumn });
}

void ProposalOperationsModel::setOperations(const QList<ProposalAsyncOperation> &operations)
{
    QList<QStringList> rows;
    for (const ProposalAsyncOperation &o : operations) {
        rows << QStringList { o.createdAt, o.status, o.operationType, o.operationId, o.correlationId,
            o.idempotencyKey.value_or(QString()), o.createdBy, o.startedAt.value_or(QString()),
            o.finishedAt.value_or(QString()), o.errorJson ? compactJsonText(*o.errorJson) : QString() };
    }
    PreparedTableModel::setRows(std::move(rows));
}

QVariant ProposalOperationsModel::extraData(int row, int column, int role) const
{
    if (role == Qt::ForegroundRole && column == StatusColumn)
        return operationStatusColor(cellText(row, StatusColumn), QGuiApplication::palette());
    return {};
}

ProposalIdempotencyModel::ProposalIdempotencyModel(QObject *parent)
    : PreparedTableModel({ tr("Created"), tr("Idempotency key"), tr("Request hash"), tr("Version") }, parent)
{
    setMonospaceColumns({ KeyColumn, RequestHashColumn });
}

void ProposalIdempotencyModel::setIdempotency(const QList<ProposalIdempotency> &rows)
{
    QList<QStringList> out;
    for (const ProposalIdempotency &r : rows)
        out << QStringList { r.createdAt, r.idempotencyKey, r.requestHash, QString::number(r.proposalVersionNo) };
    PreparedTableModel::setRows(std::move(out));
}

} // namespace dpm
