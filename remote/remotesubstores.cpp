#include "remotesubstores.h"

#include "remotecall.h"
#include "remotestore.h"

namespace dpm {

// --- proposals ------------------------------------------------------------------------------

bool RemoteProposalStore::isAvailable()
{
    // The service's proposal routes exist when its lifecycle is on; a store without the tables
    // then answers the service's own codes.
    if (m_store.hasExtensions())
        return remoteStoreCall<bool>(m_store.client(), "proposals.isAvailable");
    return true;
}

void RemoteProposalStore::saveIdempotency(const ProposalIdempotency &)
{
    throw remoteReadOnlyError();
}
void RemoteProposalStore::saveSimulationIdempotency(const ProposalSimulationIdempotency &)
{
    throw remoteReadOnlyError();
}
void RemoteProposalStore::createOperation(const ProposalAsyncOperation &)
{
    throw remoteReadOnlyError();
}
void RemoteProposalStore::updateOperation(const ProposalAsyncOperation &)
{
    throw remoteReadOnlyError();
}
void RemoteProposalStore::createProposal(const ProposalRecord &)
{
    throw remoteReadOnlyError();
}
void RemoteProposalStore::updateProposal(const ProposalRecord &)
{
    throw remoteReadOnlyError();
}
void RemoteProposalStore::createVersion(const ProposalVersion &)
{
    throw remoteReadOnlyError();
}
void RemoteProposalStore::appendEvent(const ProposalWorkflowEvent &)
{
    throw remoteReadOnlyError();
}
void RemoteProposalStore::createApproval(const ProposalApproval &)
{
    throw remoteReadOnlyError();
}
ProposalTransition RemoteProposalStore::transitionProposal(
    const ProposalRecord &, const ProposalWorkflowEvent &, const std::optional<ProposalApproval> &)
{
    throw remoteReadOnlyError();
}

std::optional<ProposalIdempotency> RemoteProposalStore::getIdempotency(const QString &key)
{
    if (m_store.hasExtensions())
        return remoteStoreCall<std::optional<ProposalIdempotency>>(m_store.client(), "proposals.getIdempotency", key);
    return m_store.service().getProposalIdempotency(key);
}

std::optional<ProposalSimulationIdempotency> RemoteProposalStore::getSimulationIdempotency(const QString &key)
{
    if (m_store.hasExtensions())
        return remoteStoreCall<std::optional<ProposalSimulationIdempotency>>(
            m_store.client(), "proposals.getSimulationIdempotency", key);
    throw remoteExtensionMissingError(QStringLiteral("Reading simulation idempotency"));
}

std::optional<ProposalAsyncOperation> RemoteProposalStore::getOperation(const QString &id)
{
    if (m_store.hasExtensions())
        return remoteStoreCall<std::optional<ProposalAsyncOperation>>(m_store.client(), "proposals.getOperation", id);
    return m_store.service().getProposalOperation(id, false);
}

std::optional<ProposalAsyncOperation> RemoteProposalStore::getOperationByCorrelation(const QString &correlationId)
{
    if (m_store.hasExtensions())
        return remoteStoreCall<std::optional<ProposalAsyncOperation>>(
            m_store.client(), "proposals.getOperationByCorrelation", correlationId);
    return m_store.service().getProposalOperation(correlationId, true);
}

std::optional<ProposalRecord> RemoteProposalStore::getProposal(const QString &id)
{
    if (m_store.hasExtensions())
        return remoteStoreCall<std::optional<ProposalRecord>>(m_store.client(), "proposals.getProposal", id);
    return m_store.service().getProposal(id);
}

Page<ProposalRecord> RemoteProposalStore::listProposals(const ProposalFilter &filter, const PageRequest &page)
{
    if (m_store.hasExtensions())
        return remoteStoreCall<Page<ProposalRecord>>(m_store.client(), "proposals.listProposals", filter, page);
    return m_store.service().listProposals(filter, page);
}

std::optional<ProposalVersion> RemoteProposalStore::getVersion(const QString &id, qint64 versionNo)
{
    if (m_store.hasExtensions())
        return remoteStoreCall<std::optional<ProposalVersion>>(m_store.client(), "proposals.getVersion", id, versionNo);
    return m_store.service().getVersion(id, versionNo);
}

std::optional<ProposalVersion> RemoteProposalStore::getCurrentVersion(const QString &id)
{
    if (m_store.hasExtensions())
        return remoteStoreCall<std::optional<ProposalVersion>>(m_store.client(), "proposals.getCurrentVersion", id);
    return m_store.service().getCurrentVersion(id);
}

QList<ProposalVersionHeader> RemoteProposalStore::listVersions(const QString &id)
{
    if (m_store.hasExtensions())
        return remoteStoreCall<QList<ProposalVersionHeader>>(m_store.client(), "proposals.listVersions", id);
    return m_store.service().listVersions(id);
}

QList<ProposalWorkflowEvent> RemoteProposalStore::listEvents(const QString &id)
{
    if (m_store.hasExtensions())
        return remoteStoreCall<QList<ProposalWorkflowEvent>>(m_store.client(), "proposals.listEvents", id);
    return m_store.service().listEvents(id);
}

QList<ProposalApproval> RemoteProposalStore::listApprovals(const QString &id)
{
    if (m_store.hasExtensions())
        return remoteStoreCall<QList<ProposalApproval>>(m_store.client(), "proposals.listApprovals", id);
    return m_store.service().listApprovals(id);
}

std::optional<ProposalAggregate> RemoteProposalStore::loadAggregate(const QString &id)
{
    if (m_store.hasExtensions())
        return remoteStoreCall<std::optional<ProposalAggregate>>(m_store.client(), "proposals.loadAggregate", id);
    return m_store.service().loadAggregate(id);
}

QList<ProposalMatch> RemoteProposalStore::findIdentifier(const QString &identifier)
{
    if (m_store.hasExtensions())
        return remoteStoreCall<QList<ProposalMatch>>(m_store.client(), "proposals.findIdentifier", identifier);
    throw remoteExtensionMissingError(QStringLiteral("Find anything"));
}

QList<ProposalCorrelationLink> RemoteProposalStore::listCorrelationLinks(
    const QStringList &correlationIds, const QStringList &proposalIds)
{
    if (m_store.hasExtensions()) {
        return remoteStoreCall<QList<ProposalCorrelationLink>>(
            m_store.client(), "proposals.listCorrelationLinks", correlationIds, proposalIds);
    }
    throw remoteExtensionMissingError(QStringLiteral("Proposal lineage"));
}

ProposalCounts RemoteProposalStore::countProposals()
{
    if (m_store.hasExtensions())
        return remoteStoreCall<ProposalCounts>(m_store.client(), "proposals.countProposals");
    throw remoteExtensionMissingError(QStringLiteral("Proposal counts"));
}

QList<DailyCount> RemoteProposalStore::countApprovalsPerDay(const QString &fromDay, const QString &toDay)
{
    if (m_store.hasExtensions())
        return remoteStoreCall<QList<DailyCount>>(m_store.client(), "proposals.countApprovalsPerDay", fromDay, toDay);
    throw remoteExtensionMissingError(QStringLiteral("Approvals per day"));
}

// --- run events -----------------------------------------------------------------------------

bool RemoteRunEventStore::isAvailable()
{
    return m_store.hasExtensions() && remoteStoreCall<bool>(m_store.client(), "runEvents.isAvailable");
}

void RemoteRunEventStore::requireExtensions()
{
    if (!m_store.hasExtensions())
        throw remoteExtensionMissingError(QStringLiteral("Run events and the outbox"));
}

AppendEventResult RemoteRunEventStore::appendEvent(const AppendEventRequest &)
{
    throw remoteReadOnlyError();
}

QList<RunEventWithDeliveries> RemoteRunEventStore::listEvents(const QString &runId)
{
    requireExtensions();
    return remoteStoreCall<QList<RunEventWithDeliveries>>(m_store.client(), "runEvents.listEvents", runId);
}

Page<OutboxDelivery> RemoteRunEventStore::listOutbox(const OutboxFilter &filter, const PageRequest &page)
{
    requireExtensions();
    return remoteStoreCall<Page<OutboxDelivery>>(m_store.client(), "runEvents.listOutbox", filter, page);
}

std::optional<OutboxDelivery> RemoteRunEventStore::getDelivery(const QString &outboxId)
{
    requireExtensions();
    return remoteStoreCall<std::optional<OutboxDelivery>>(m_store.client(), "runEvents.getDelivery", outboxId);
}

OutboxStats RemoteRunEventStore::outboxStats(const QString &now)
{
    requireExtensions();
    return remoteStoreCall<OutboxStats>(m_store.client(), "runEvents.outboxStats", now);
}

QList<OutboxFailureGroup> RemoteRunEventStore::failureGroups()
{
    requireExtensions();
    return remoteStoreCall<QList<OutboxFailureGroup>>(m_store.client(), "runEvents.failureGroups");
}

qint64 RemoteRunEventStore::retryDeliveries(const OutboxSelection &, const QString &, bool)
{
    throw remoteReadOnlyError();
}
qint64 RemoteRunEventStore::discardDeliveries(const OutboxSelection &, const QString &, bool)
{
    throw remoteReadOnlyError();
}
qint64 RemoteRunEventStore::purgeDelivered(int, const QString &, bool)
{
    throw remoteReadOnlyError();
}
QList<OutboxDelivery> RemoteRunEventStore::claimDue(int, const QString &, const QString &, const QString &)
{
    throw remoteReadOnlyError();
}
void RemoteRunEventStore::markDelivered(const QString &, const QString &)
{
    throw remoteReadOnlyError();
}
OutboxDelivery RemoteRunEventStore::markFailed(const QString &, const QString &, const QString &)
{
    throw remoteReadOnlyError();
}

// --- audit log ------------------------------------------------------------------------------

void RemoteAuditLog::append(const AuditEntry &)
{
    throw remoteReadOnlyError();
}

Page<AuditEntry> RemoteAuditLog::list(const PageRequest &)
{
    throw remoteReadOnlyError();
}

} // namespace dpm
