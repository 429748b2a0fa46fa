#pragma once

#include "common/preparedtablemodel.h"
#include "domain/runevents.h"

namespace dpm {

// The outbox's failure groups (FAILED and DEAD deliveries by the fingerprint of their last
// error), largest first: count, failed, dead, a sample error and the fingerprint.
class FailureGroupsModel : public PreparedTableModel
{
    Q_OBJECT

public:
    enum Column { CountColumn, FailedColumn, DeadColumn, SampleColumn, FingerprintColumn };
    enum Role { GroupIdRole = Qt::UserRole + 1, CountRole };

    explicit FailureGroupsModel(QObject *parent = nullptr);

    void setGroups(const QList<OutboxFailureGroup> &groups);
    const QList<OutboxFailureGroup> &groups() const { return m_groups; }

protected:
    QVariant extraData(int row, int column, int role) const override;

private:
    QList<OutboxFailureGroup> m_groups;
};

} // namespace dpm
