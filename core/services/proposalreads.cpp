#include "services/proposalreads.h"

#include "domain/error.h"
#include "store/proposalstore.h"

namespace dpm {

namespace {

[[noreturn]] void notFound(const char *code, const QString &sentence)
{
    throw Error(ErrorKind::NotFound, QString::fromLatin1(code), sentence);
}

} // namespace

ProposalRecord requireProposal(ProposalStore &store, const QString &proposalId)
{
    if (std::optional<ProposalRecord> proposal = store.getProposal(proposalId))
        return *proposal;
    notFound("PROPOSAL_NOT_FOUND", QStringLiteral("No proposal has the id %1; check the id or search for it.").arg(proposalId));
}

ProposalVersion requireCurrentVersion(ProposalStore &store, const QString &proposalId)
{
    requireProposal(store, proposalId);
    if (std::optional<ProposalVersion> version = store.getCurrentVersion(proposalId))
        return *version;
    notFound("PROPOSAL_VERSION_NOT_FOUND",
        QStringLiteral("Proposal %1 has no stored version; run the integrity check on it.").arg(proposalId));
}

ProposalVersion requireVersion(ProposalStore &store, const QString &proposalId, qint64 versionNo)
{
    if (std::optional<ProposalVersion> version = store.getVersion(proposalId, versionNo))
        return *version;
    notFound("PROPOSAL_VERSION_NOT_FOUND",
        QStringLiteral("Proposal %1 has no version %2; list its versions with its lineage.").arg(proposalId).arg(versionNo));
}

ProposalIdempotency requireProposalIdempotency(ProposalStore &store, const QString &key)
{
    if (std::optional<ProposalIdempotency> row = store.getIdempotency(key))
        return *row;
    notFound("PROPOSAL_IDEMPOTENCY_KEY_NOT_FOUND",
        QStringLiteral("No proposal was created with the idempotency key %1.").arg(key));
}

ProposalAsyncOperation requireProposalOperation(ProposalStore &store, const QString &operationId)
{
    if (std::optional<ProposalAsyncOperation> op = store.getOperation(operationId))
        return *op;
    notFound("PROPOSAL_ASYNC_OPERATION_NOT_FOUND",
        QStringLiteral("No proposal operation has the id %1; check the id or search for it.").arg(operationId));
}

ProposalAsyncOperation requireProposalOperationByCorrelation(ProposalStore &store, const QString &correlationId)
{
    if (std::optional<ProposalAsyncOperation> op = store.getOperationByCorrelation(correlationId))
        return *op;
    notFound("PROPOSAL_ASYNC_OPERATION_NOT_FOUND",
        QStringLiteral("No proposal operation has the correlation id %1.").arg(correlationId));
}

} // namespace dpm
