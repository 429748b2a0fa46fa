#pragma once

#include "store/dualwriterouter.h"
#include "store/runeventstore.h"

namespace dpm {

class SupportStore;

// DualWriteStore::runEvents(): the primary's run events and outbox and PostgreSQL's, written to
// both and read as the router decides. A new event is written to PostgreSQL as the primary stored
// it (same ids, sequence number and deliveries, through PostgreSQL's bulk path) rather than
// appended again, which would mint other ids.
class DualWriteRunEventStore : public RunEventStore
{
public:
    DualWriteRunEventStore(RunEventStore &primary, SupportStore &postgres, DualWriteRouter &router);

    bool isAvailable() override { return m_primary.isAvailable(); }
    AppendEventResult appendEvent(const AppendEventRequest &request) override;
    QList<RunEventWithDeliveries> listEvents(const QString &rebalanceRunId) override;
    Page<OutboxDelivery> listOutbox(const OutboxFilter &filter, const PageRequest &page) override;
    std::optional<OutboxDelivery> getDelivery(const QString &outboxId) override;
    OutboxStats outboxStats(const QString &now) override;
    QList<OutboxFailureGroup> failureGroups() override;
    qint64 retryDeliveries(const OutboxSelection &selection, const QString &now, bool dryRun) override;
    qint64 discardDeliveries(const OutboxSelection &selection, const QString &reason, bool dryRun) override;
    qint64 purgeDelivered(int olderThanDays, const QString &now, bool dryRun) override;
    QList<OutboxDelivery> claimDue(int batch, const QString &now, const QString &leaseOwner, const QString &leaseUntil) override;
    void markDelivered(const QString &outboxId, const QString &now) override;
    OutboxDelivery markFailed(const QString &outboxId, const QString &error, const QString &nextAttemptAt) override;

private:
    template <typename R, typename... P, typename... A> R read(const char *call, R (RunEventStore::*fn)(P...), const A &...args)
    {
        return m_router.readFrom(call, m_primary, m_postgresEvents, fn, args...);
    }
    template <typename R, typename... P, typename... A> R write(const char *call, R (RunEventStore::*fn)(P...), const A &...args)
    {
        return m_router.writeTo(call, m_primary, m_postgresEvents, fn, args...);
    }

    RunEventStore &m_primary;
    SupportStore &m_postgres;
    RunEventStore &m_postgresEvents;
    DualWriteRouter &m_router;
};

} // namespace dpm
