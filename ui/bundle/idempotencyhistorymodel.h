#pragma once

#include "common/preparedtablemodel.h"

#include <QJsonArray>

namespace dpm {

// An idempotency key's history (the bundle's idempotency_history.history, oldest first) with
// what each row was: the first use of the key is "original"; a later row is a "replay" when
// its request hash equals the one the key mapped to when it was recorded (the previous row's),
// a "conflict" when it differs. The kind is a text column, so it never rests on colour alone.
class IdempotencyHistoryModel : public PreparedTableModel
{
    Q_OBJECT

public:
    enum Column { CreatedAtColumn, KindColumn, RunIdColumn, CorrelationColumn, RequestHashColumn };
    enum Role {
        RunIdRole = Qt::UserRole + 1,
        KindRole, // "original", "replay", "conflict" (not translated)
        IsCurrentRunRole, // the row of the run the bundle is about
    };
    Q_ENUM(Role)

    explicit IdempotencyHistoryModel(QObject *parent = nullptr);

    void setHistory(const QJsonArray &history, const QString &currentRunId);

    // Counts by kind, for the tab's summary line.
    int replayCount() const { return m_replays; }
    int conflictCount() const { return m_conflicts; }

protected:
    QVariant extraData(int row, int column, int role) const override;

private:
    QStringList m_kinds;
    QString m_currentRunId;
    QFont m_boldFont;
    int m_replays = 0;
    int m_conflicts = 0;
};

} // namespace dpm
