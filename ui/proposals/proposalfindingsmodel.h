#pragma once

#include "common/preparedtablemodel.h"
#include "services/proposalintegrity.h"

namespace dpm {

// Integrity findings (services/proposalintegrity.h) as a table: code, proposal, version, event,
// approval and the sentence. The proposal pane's Integrity tab and the listing's "Check all".
class ProposalFindingsModel : public PreparedTableModel
{
    Q_OBJECT

public:
    enum Column { CodeColumn, ProposalColumn, VersionColumn, EventColumn, ApprovalColumn, MessageColumn };
    enum Role { ProposalIdRole = Qt::UserRole + 1, CodeRole };
    Q_ENUM(Role)

    explicit ProposalFindingsModel(QObject *parent = nullptr);

    void setFindings(const QList<ProposalFinding> &findings);

protected:
    QVariant extraData(int row, int column, int role) const override;
};

} // namespace dpm
