#pragma once

#include "common/preparedtablemodel.h"

namespace dpm {

struct CheckFinding;
struct MigrationFinding;

// Findings of a check (the cutover check, migrate validate): code, severity (coloured: error red,
// warning amber, info plain) and the sentence saying what to do.
class FindingsModel : public PreparedTableModel
{
    Q_OBJECT

public:
    enum Role {
        SeverityRole = Qt::UserRole + 1, // "error", "warning", "info"
        CodeRole,
    };

    explicit FindingsModel(QObject *parent = nullptr);

    void setFindings(const QList<CheckFinding> &findings);
    void setMigrationFindings(const QList<MigrationFinding> &findings);
    void clear();

protected:
    QVariant extraData(int row, int column, int role) const override;

private:
    void setPrepared(QList<QStringList> rows);

    QStringList m_severities;
};

} // namespace dpm
