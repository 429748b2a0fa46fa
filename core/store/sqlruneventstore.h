#pragma once

#include "store/runeventstore.h"

#include <QVariantList>

#include <atomic>
#include <functional>

namespace dpm {

class SqlDatabase;

// Run events and outbox in a SQL store (console/0002 + console/0006), SQLite or PostgreSQL. An
// append takes a per-run lock first (PostgreSQL: a transaction-scoped advisory lock on the run;
// SQLite: BEGIN IMMEDIATE), so sequence numbers are gapless with concurrent writers, and inserts
// with ON CONFLICT DO NOTHING, so a racing duplicate never aborts the transaction.
class SqlRunEventStore final : public RunEventStore
{
public:
    explicit SqlRunEventStore(SqlDatabase &db);

    bool isAvailable() override;
    AppendEventResult appendEvent(const AppendEventRequest &request) override;
    QList<RunEventWithDeliveries> listEvents(const QString &rebalanceRunId) override;
    Page<OutboxDelivery> listOutbox(const OutboxFilter &filter, const PageRequest &page) override;
    std::optional<OutboxDelivery> getDelivery(const QString &outboxId) override;
    OutboxStats outboxStats(const QString &now) override;
    QList<OutboxFailureGroup> failureGroups() override;
    qint64 retryDeliveries(const OutboxSelection &selection, const QString &now, bool dryRun) override;
    qint64 discardDeliveries(const OutboxSelection &selection, const QString &reason, bool dryRun) override;
    qint64 purgeDelivered(int olderThanDays, const QString &now, bool dryRun) override;
    QList<OutboxDelivery> claimDue(
        int batch, const QString &now, const QString &leaseOwner, const QString &leaseUntil) override;
    void markDelivered(const QString &outboxId, const QString &now) override;
    OutboxDelivery markFailed(const QString &outboxId, const QString &error, const QString &nextAttemptAt) override;

private:
    struct Clause
    {
        QString sql;
        QVariantList params;
    };
    template <typename F> auto inTransaction(bool write, F &&work) -> decltype(work());
    std::optional<RunEvent> eventByKey(const QString &runId, const QString &key);
    QList<OutboxDelivery> deliveries(const Clause &where, const QString &orderBy);
    Clause filterClause(const OutboxFilter &filter) const;
    QList<QString> groupMembers(const QString &groupId);
    // Counts or updates the selected deliveries that satisfy `state`.
    qint64 applyToSelection(const OutboxSelection &selection, const QString &state, const Clause &set, bool dryRun);

    SqlDatabase &m_db;
    QString m_c; // COLLATE "C" on PostgreSQL
    std::atomic<bool> m_available { false }; // once true, stays so (migrations only add)
};

} // namespace dpm
