#include "sqlproposalstore.h"

#include "domain/error.h"
#include "store/sqldatabase.h"

namespace dpm {

namespace {

// The SQL backends of the proposal tables land in the next commit; until then every call says so.
[[noreturn]] void notYet()
{
    throw Error(ErrorKind::Internal, QStringLiteral("PROPOSAL_STORE_NOT_IMPLEMENTED"),
        QStringLiteral("The SQL proposal store is not implemented yet; use the memory store."));
}

} // namespace

SqlProposalStore::SqlProposalStore(SqlDatabase &db)
    : m_db(db)
    , m_c(db.dialect().collateC())
{ }

bool SqlProposalStore::isAvailable()
{
    return m_db.tableExists(QStringLiteral("proposal_records"));
}

void SqlProposalStore::requireAvailable()
{
    notYet();
}

void SqlProposalStore::saveIdempotency(const ProposalIdempotency &)
{
    notYet();
}

std::optional<ProposalIdempotency> SqlProposalStore::getIdempotency(const QString &)
{
    notYet();
}

void SqlProposalStore::saveSimulationIdempotency(const ProposalSimulationIdempotency &)
{
    notYet();
}

std::optional<ProposalSimulationIdempotency> SqlProposalStore::getSimulationIdempotency(const QString &)
{
    notYet();
}

void SqlProposalStore::createOperation(const ProposalAsyncOperation &)
{
    notYet();
}

void SqlProposalStore::updateOperation(const ProposalAsyncOperation &)
{
    notYet();
}

std::optional<ProposalAsyncOperation> SqlProposalStore::getOperation(const QString &)
{
    notYet();
}

std::optional<ProposalAsyncOperation> SqlProposalStore::getOperationByCorrelation(const QString &)
{
    notYet();
}

void SqlProposalStore::createProposal(const ProposalRecord &)
{
    notYet();
}

void SqlProposalStore::updateProposal(const ProposalRecord &)
{
    notYet();
}

std::optional<ProposalRecord> SqlProposalStore::getProposal(const QString &)
{
    notYet();
}

Page<ProposalRecord> SqlProposalStore::listProposals(const ProposalFilter &, const PageRequest &)
{
    notYet();
}

void SqlProposalStore::createVersion(const ProposalVersion &)
{
    notYet();
}

std::optional<ProposalVersion> SqlProposalStore::getVersion(const QString &, qint64)
{
    notYet();
}

std::optional<ProposalVersion> SqlProposalStore::getCurrentVersion(const QString &)
{
    notYet();
}

QList<ProposalVersionHeader> SqlProposalStore::listVersions(const QString &)
{
    notYet();
}

void SqlProposalStore::appendEvent(const ProposalWorkflowEvent &)
{
    notYet();
}

QList<ProposalWorkflowEvent> SqlProposalStore::listEvents(const QString &)
{
    notYet();
}

void SqlProposalStore::createApproval(const ProposalApproval &)
{
    notYet();
}

QList<ProposalApproval> SqlProposalStore::listApprovals(const QString &)
{
    notYet();
}

ProposalTransition SqlProposalStore::transitionProposal(const ProposalRecord &, const ProposalWorkflowEvent &, const std::optional<ProposalApproval> &)
{
    notYet();
}

std::optional<ProposalAggregate> SqlProposalStore::loadAggregate(const QString &)
{
    notYet();
}

QList<ProposalMatch> SqlProposalStore::findIdentifier(const QString &)
{
    notYet();
}

ProposalCounts SqlProposalStore::countProposals()
{
    notYet();
}

QList<DailyCount> SqlProposalStore::countApprovalsPerDay(const QString &, const QString &)
{
    notYet();
}

} // namespace dpm
