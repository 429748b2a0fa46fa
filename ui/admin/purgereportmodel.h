#pragma once

#include "common/preparedtablemodel.h"

namespace dpm {

struct PurgeReport;

// What a purge (or its dry run) counted per table: one row per table the purge touches, runs'
// tables first, then the operations' table, then the total.
class PurgeReportModel : public PreparedTableModel
{
    Q_OBJECT

public:
    enum Role {
        TableRole = Qt::UserRole + 1,
        CountRole, // qint64
    };

    explicit PurgeReportModel(QObject *parent = nullptr);

    void setReports(const QList<PurgeReport> &reports);
    void clear();
    // The count shown for a table, -1 when it is not listed.
    qint64 countOf(const QString &table) const;

protected:
    QVariant extraData(int row, int column, int role) const override;

private:
    QStringList m_tables;
    QList<qint64> m_counts;
};

} // namespace dpm
