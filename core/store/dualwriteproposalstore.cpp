#include "dualwriteproposalstore.h"

namespace dpm {

DualWriteProposalStore::DualWriteProposalStore(ProposalStore &primary, ProposalStore &postgres, DualWriteRouter &router)
    : m_primary(primary)
    , m_postgres(postgres)
    , m_router(router)
{ }

void DualWriteProposalStore::saveIdempotency(const ProposalIdempotency &row)
{
    write("proposals.saveIdempotency", &ProposalStore::saveIdempotency, row);
}

std::optional<ProposalIdempotency> DualWriteProposalStore::getIdempotency(const QString &idempotencyKey)
{
    return read("proposals.getIdempotency", &ProposalStore::getIdempotency, idempotencyKey);
}

void DualWriteProposalStore::saveSimulationIdempotency(const ProposalSimulationIdempotency &row)
{
    write("proposals.saveSimulationIdempotency", &ProposalStore::saveSimulationIdempotency, row);
}

std::optional<ProposalSimulationIdempotency> DualWriteProposalStore::getSimulationIdempotency(const QString &idempotencyKey)
{
    return read("proposals.getSimulationIdempotency", &ProposalStore::getSimulationIdempotency, idempotencyKey);
}

void DualWriteProposalStore::createOperation(const ProposalAsyncOperation &operation)
{
    write("proposals.createOperation", &ProposalStore::createOperation, operation);
}

void DualWriteProposalStore::updateOperation(const ProposalAsyncOperation &operation)
{
    write("proposals.updateOperation", &ProposalStore::updateOperation, operation);
}

std::optional<ProposalAsyncOperation> DualWriteProposalStore::getOperation(const QString &operationId)
{
    return read("proposals.getOperation", &ProposalStore::getOperation, operationId);
}

std::optional<ProposalAsyncOperation> DualWriteProposalStore::getOperationByCorrelation(const QString &correlationId)
{
    return read("proposals.getOperationByCorrelation", &ProposalStore::getOperationByCorrelation, correlationId);
}

void DualWriteProposalStore::createProposal(const ProposalRecord &proposal)
{
    write("proposals.createProposal", &ProposalStore::createProposal, proposal);
}

void DualWriteProposalStore::updateProposal(const ProposalRecord &proposal)
{
    write("proposals.updateProposal", &ProposalStore::updateProposal, proposal);
}

std::optional<ProposalRecord> DualWriteProposalStore::getProposal(const QString &proposalId)
{
    return read("proposals.getProposal", &ProposalStore::getProposal, proposalId);
}

Page<ProposalRecord> DualWriteProposalStore::listProposals(const ProposalFilter &filter, const PageRequest &page)
{
    return read("proposals.listProposals", &ProposalStore::listProposals, filter, page);
}

void DualWriteProposalStore::createVersion(const ProposalVersion &version)
{
    write("proposals.createVersion", &ProposalStore::createVersion, version);
}

std::optional<ProposalVersion> DualWriteProposalStore::getVersion(const QString &proposalId, qint64 versionNo)
{
    return read("proposals.getVersion", &ProposalStore::getVersion, proposalId, versionNo);
}

std::optional<ProposalVersion> DualWriteProposalStore::getCurrentVersion(const QString &proposalId)
{
    return read("proposals.getCurrentVersion", &ProposalStore::getCurrentVersion, proposalId);
}

QList<ProposalVersionHeader> DualWriteProposalStore::listVersions(const QString &proposalId)
{
    return read("proposals.listVersions", &ProposalStore::listVersions, proposalId);
}

void DualWriteProposalStore::appendEvent(const ProposalWorkflowEvent &event)
{
    write("proposals.appendEvent", &ProposalStore::appendEvent, event);
}

QList<ProposalWorkflowEvent> DualWriteProposalStore::listEvents(const QString &proposalId)
{
    return read("proposals.listEvents", &ProposalStore::listEvents, proposalId);
}

void DualWriteProposalStore::createApproval(const ProposalApproval &approval)
{
    write("proposals.createApproval", &ProposalStore::createApproval, approval);
}

QList<ProposalApproval> DualWriteProposalStore::listApprovals(const QString &proposalId)
{
    return read("proposals.listApprovals", &ProposalStore::listApprovals, proposalId);
}

ProposalTransition DualWriteProposalStore::transitionProposal(const ProposalRecord &proposal,
    const ProposalWorkflowEvent &event, const std::optional<ProposalApproval> &approval)
{
    return write("proposals.transitionProposal", &ProposalStore::transitionProposal, proposal, event, approval);
}

std::optional<ProposalAggregate> DualWriteProposalStore::loadAggregate(const QString &proposalId)
{
    return read("proposals.loadAggregate", &ProposalStore::loadAggregate, proposalId);
}

QList<ProposalMatch> DualWriteProposalStore::findIdentifier(const QString &identifier)
{
    return read("proposals.findIdentifier", &ProposalStore::findIdentifier, identifier);
}

QList<ProposalCorrelationLink> DualWriteProposalStore::listCorrelationLinks(
    const QStringList &correlationIds, const QStringList &proposalIds)
{
    return read("proposals.listCorrelationLinks", &ProposalStore::listCorrelationLinks, correlationIds, proposalIds);
}

ProposalCounts DualWriteProposalStore::countProposals()
{
    return read("proposals.countProposals", &ProposalStore::countProposals);
}

QList<DailyCount> DualWriteProposalStore::countApprovalsPerDay(const QString &fromDay, const QString &toDay)
{
    return read("proposals.countApprovalsPerDay", &ProposalStore::countApprovalsPerDay, fromDay, toDay);
}

} // namespace dpm
