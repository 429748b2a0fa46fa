#pragma once

#include "common/preparedtablemodel.h"
#include "domain/proposals.h"

namespace dpm {

// The proposal pane's plain tables, one per part of the aggregate.

// Version headers, version_no ascending: number, created, status at creation, artifact hash,
// request hash, simulation hash, version id.
class ProposalVersionsModel : public PreparedTableModel
{
    Q_OBJECT

public:
    enum Column {
        NumberColumn,
        CreatedColumn,
        StatusColumn,
        ArtifactHashColumn,
        RequestHashColumn,
        SimulationHashColumn,
        VersionIdColumn
    };
    enum Role { VersionNoRole = Qt::UserRole + 1 };
    Q_ENUM(Role)

    explicit ProposalVersionsModel(QObject *parent = nullptr);
    void setVersions(const QList<ProposalVersionHeader> &versions);
    // The row of a version number, -1 when absent.
    int rowOf(qint64 versionNo) const;

protected:
    QVariant extraData(int row, int column, int role) const override;

private:
    QList<qint64> m_numbers;
};

// The proposal's async operations: created, status (coloured), type, operation id, correlation,
// idempotency key, started, finished, error.
class ProposalOperationsModel : public PreparedTableModel
{
    Q_OBJECT

public:
    enum Column {
        CreatedColumn,
        StatusColumn,
        TypeColumn,
        OperationIdColumn,
        CorrelationColumn,
        IdempotencyKeyColumn,
        CreatedByColumn,
        StartedColumn,
        FinishedColumn,
        ErrorColumn
    };
    explicit ProposalOperationsModel(QObject *parent = nullptr);
    void setOperations(const QList<ProposalAsyncOperation> &operations);

protected:
    QVariant extraData(int row, int column, int role) const override;
};

// The proposal's create idempotency rows: created, key, request hash, version it mapped to.
class ProposalIdempotencyModel : public PreparedTableModel
{
    Q_OBJECT

public:
    enum Column { CreatedColumn, KeyColumn, RequestHashColumn, VersionColumn };
    explicit ProposalIdempotencyModel(QObject *parent = nullptr);
    void setIdempotency(const QList<ProposalIdempotency> &rows);
};

} // namespace dpm
