#pragma once

#include "services/storemigrations.h"

#include <QAbstractTableModel>
#include <QFont>
#include <QHash>

namespace dpm {

class Error;

// Every namespace's migrations with their state. The ledger records neither durations nor
// failures (forward-only, one transaction per migration), so both come from what this console
// did in this session: a migration applied here shows its duration, one that failed here shows
// "failed" with its reason code until it is applied.
class MigrationStatusModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NamespaceColumn,
        VersionColumn,
        NameColumn,
        StateColumn,
        ChecksumColumn,
        AppliedAtColumn,
        DurationColumn,
        ColumnCount
    };
    enum Role {
        StateRole = Qt::UserRole + 1, // the wire state: "applied", …, or "failed"
        LedgerVersionRole, // "console:0003"
        FailureCodeRole, // the reason code of a failure in this session, else empty
    };

    explicit MigrationStatusModel(QObject *parent = nullptr);

    // `durations` (ledger version -> ms) come from the audit log; the ledger has none.
    void setRows(const QList<MigrationStatusRow> &rows, const QHash<QString, qint64> &durations = {});
    // Applied in this session, in milliseconds.
    void noteDuration(const QString &ledgerVersion, qint64 ms);
    void noteFailure(const QString &ledgerVersion, const Error &error);
    qsizetype pendingCount() const;
    int rowOf(const QString &ledgerVersion) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Prepared
    {
        QString ledgerVersion;
        QString state;
        QString failureCode;
        QString failureMessage;
        QStringList display;
    };
    void prepare();

    QList<MigrationStatusRow> m_source;
    QList<Prepared> m_rows;
    QHash<QString, qint64> m_durations;
    QHash<QString, QPair<QString, QString>> m_failures; // code, message
    QFont m_fixedFont;
};

} // namespace dpm
