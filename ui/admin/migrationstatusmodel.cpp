#include "admin/migrationstatusmodel.h"

#include "domain/error.h"
#include "common/statuscolors.h"

#include <QFontDatabase>
#include <QGuiApplication>

namespace dpm {

MigrationStatusModel::MigrationStatusModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_fixedFont(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{ }

void MigrationStatusModel::setRows(const QList<MigrationStatusRow> &rows, const QHash<QString, qint64> &durations)
{
    beginResetModel();
    m_source = rows;
    for (auto it = durations.cbegin(); it != durations.cend(); ++it)
        m_durations.insert(it.key(), it.value());
    prepare();
    endResetModel();
}

void MigrationStatusModel::noteDuration(const QString &ledgerVersion, qint64 ms)
{
    m_durations.insert(ledgerVersion, ms);
    m_failures.remove(ledgerVersion);
    beginResetModel();
    prepare();
    endResetModel();
}

void MigrationStatusModel::noteFailure(const QString &ledgerVersion, const Error &error)
{
    m_failures.insert(ledgerVersion, { error.code(), error.message() });
    beginResetModel();
    prepare();
    endResetModel();
}

void MigrationStatusModel::prepare()
{
    m_rows.clear();
    for (const MigrationStatusRow &row : std::as_const(m_source)) {
        Prepared p;
        p.ledgerVersion = row.ns + u':' + row.version;
        p.state = toWire(row.state);
        // A failure of this session stands while the ledger still says pending.
        if (row.state == MigrationState::Pending) {
            if (const auto failure = m_failures.constFind(p.ledgerVersion); failure != m_failures.cend()) {
                p.state = QStringLiteral("failed");
                p.failureCode = failure->first;
                p.failureMessage = failure->second;
            }
        }
        const QString checksum = row.fileChecksum.isEmpty() ? row.ledgerChecksum : row.fileChecksum;
        const auto duration = m_durations.constFind(p.ledgerVersion);
        QString stateText = p.state;
        if (!p.failureCode.isEmpty())
            stateText += QStringLiteral(": ") + p.failureCode;
        // On a split setup the proposal store's migrations say so (the rest are the store's).
        const QString ns
            = row.database == MigrationDatabase::ProposalStore ? tr("%1 (proposal store)").arg(row.ns) : row.ns;
        p.display = QStringList { ns, row.version, row.name, stateText, checksum.left(16),
            row.appliedAt.isEmpty() ? QStringLiteral("—") : row.appliedAt,
            duration == m_durations.cend() ? QStringLiteral("—") : tr("%1 ms").arg(*duration) };
        m_rows << p;
    }
}

qsizetype MigrationStatusModel::pendingCount() const
{
    return std::count_if(m_source.cbegin(), m_source.cend(),
        [](const MigrationStatusRow &r) { return r.state == MigrationState::Pending; });
}

int MigrationStatusModel::rowOf(const QString &ledgerVersion) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).ledgerVersion == ledgerVersion)
            return i;
    }
    return -1;
}

int MigrationStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MigrationStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MigrationStatusModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Prepared &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.display.at(index.column());
    case Qt::ToolTipRole:
        if (index.column() == StateColumn && !row.failureCode.isEmpty())
            return row.failureMessage;
        if (index.column() == ChecksumColumn)
            return m_source.at(index.row()).fileChecksum.isEmpty() ? m_source.at(index.row()).ledgerChecksum
                                                                   : m_source.at(index.row()).fileChecksum;
        if (index.column() == DurationColumn)
            return tr("How long the migration took, as the audit log recorded it when this console or "
                      "dpmctl applied it. The ledger has no duration: a migration applied by the service, "
                      "or before the audit log existed, shows —.");
        return {};
    case Qt::FontRole:
        return index.column() == ChecksumColumn || index.column() == VersionColumn ? QVariant(m_fixedFont) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() != StateColumn)
            return {};
        if (row.state == QLatin1String("failed") || row.state == QLatin1String("modified"))
            return badColor(QGuiApplication::palette());
        if (row.state == QLatin1String("pending") || row.state == QLatin1String("missing"))
            return warningColor(QGuiApplication::palette());
        return goodColor(QGuiApplication::palette());
    case StateRole:
        return row.state;
    case LedgerVersionRole:
        return row.ledgerVersion;
    case FailureCodeRole:
        return row.failureCode;
    default:
        return {};
    }
}

QVariant MigrationStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NamespaceColumn:
        return tr("Namespace");
    case VersionColumn:
        return tr("Version");
    case NameColumn:
        return tr("Description");
    case StateColumn:
        return tr("State");
    case ChecksumColumn:
        return tr("Checksum");
    case AppliedAtColumn:
        return tr("Applied at");
    case DurationColumn:
        return tr("Duration");
    default:
        return {};
    }
}

} // namespace dpm
