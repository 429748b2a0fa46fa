#include "admin/purgereportmodel.h"

#include "store/supportstore.h"

#include <QLocale>

namespace dpm {

PurgeReportModel::PurgeReportModel(QObject *parent)
    : PreparedTableModel({ tr("Table"), tr("Rows"), tr("Cut-off") }, parent)
{
    setMonospaceColumns({ 0 });
}

void PurgeReportModel::setReports(const QList<PurgeReport> &reports)
{
    m_tables.clear();
    m_counts.clear();
    QList<QStringList> rows;
    qint64 total = 0;
    for (const PurgeReport &report : reports) {
        const QString cutoff = report.cutoff.isEmpty() ? tr("disabled (below 1)") : report.cutoff;
        for (auto it = report.deleted.cbegin(); it != report.deleted.cend(); ++it) {
            m_tables << it.key();
            m_counts << it.value();
            total += it.value();
            rows << QStringList { it.key(), QLocale().toString(it.value()), cutoff };
        }
    }
    if (!rows.isEmpty()) {
        m_tables << QString();
        m_counts << total;
        rows << QStringList { tr("Total"), QLocale().toString(total), QString() };
    }
    setRows(std::move(rows));
}

void PurgeReportModel::clear()
{
    setReports({});
}

qint64 PurgeReportModel::countOf(const QString &table) const
{
    const qsizetype i = m_tables.indexOf(table);
    return i < 0 ? -1 : m_counts.at(i);
}

QVariant PurgeReportModel::extraData(int row, int column, int role) const
{
    switch (role) {
    case TableRole:
        return m_tables.at(row);
    case CountRole:
        return m_counts.at(row);
    case Qt::TextAlignmentRole:
        return column == 1 ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

} // namespace dpm
