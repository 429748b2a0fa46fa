#include "admin/findingsmodel.h"

#include "services/storemigrations.h"
#include "services/persistenceprofile.h"
#include "common/statuscolors.h"

#include <QGuiApplication>

namespace dpm {

FindingsModel::FindingsModel(QObject *parent)
    : PreparedTableModel({ tr("Code"), tr("Severity"), tr("What to do") }, parent)
{
    setMonospaceColumns({ 0 });
}

void FindingsModel::setFindings(const QList<CheckFinding> &findings)
{
    QList<QStringList> rows;
    for (const CheckFinding &f : findings)
        rows << QStringList { f.code, f.severity, f.message };
    setPrepared(rows);
}

void FindingsModel::setMigrationFindings(const QList<MigrationFinding> &findings)
{
    QList<QStringList> rows;
    for (const MigrationFinding &f : findings)
        rows << QStringList { f.code, f.severity, f.message };
    setPrepared(rows);
}

void FindingsModel::clear()
{
    setPrepared({});
}

void FindingsModel::setPrepared(QList<QStringList> rows)
{
    m_severities.clear();
    for (const QStringList &row : rows)
        m_severities << row.at(1);
    setRows(std::move(rows));
}

QVariant FindingsModel::extraData(int row, int column, int role) const
{
    const QString &severity = m_severities.at(row);
    switch (role) {
    case SeverityRole:
        return severity;
    case CodeRole:
        return cellText(row, 0);
    case Qt::ForegroundRole:
        if (column != 1)
            return {};
        if (severity == QLatin1String("error"))
            return badColor(QGuiApplication::palette());
        if (severity == QLatin1String("warning"))
            return warningColor(QGuiApplication::palette());
        return {};
    default:
        return {};
    }
}

} // namespace dpm
