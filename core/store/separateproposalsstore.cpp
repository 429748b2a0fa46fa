#include "separateproposalsstore.h"

#include "domain/error.h"

namespace dpm {

SeparateProposalsStore::SeparateProposalsStore(
    std::unique_ptr<SupportStore> dpm, std::unique_ptr<SupportStore> proposals, StoreLocation proposalLocation)
    : m_dpm(std::move(dpm))
    , m_proposalLocation(std::move(proposalLocation))
    , m_proposals(std::move(proposals))
{ }

SeparateProposalsStore::SeparateProposalsStore(
    std::unique_ptr<SupportStore> dpm, ProposalStoreOpener open, StoreLocation proposalLocation)
    : m_dpm(std::move(dpm))
    , m_open(std::move(open))
    , m_proposalLocation(std::move(proposalLocation))
{
    try {
        m_proposals = m_open();
    } catch (const Error &error) {
        if (error.kind() != ErrorKind::Connection)
            throw;
        m_cause = error;
    }
}

SupportStore *SeparateProposalsStore::openedProposalStore() const
{
    std::lock_guard lock(m_mutex);
    return m_proposals.get();
}

SupportStore &SeparateProposalsStore::proposalStore()
{
    std::unique_lock lock(m_mutex);
    if (!m_proposals)
        throw unreachableError(*m_cause);
    return *m_proposals;
}

std::optional<Error> SeparateProposalsStore::proposalStoreCause() const
{
    std::lock_guard lock(m_mutex);
    return m_proposals ? std::nullopt : m_cause;
}

std::optional<Error> SeparateProposalsStore::proposalStoreUnreachable() const
{
    std::lock_guard lock(m_mutex);
    if (m_proposals)
        return std::nullopt;
    return unreachableError(*m_cause);
}

void SeparateProposalsStore::retryProposalStore()
{
    std::lock_guard lock(m_mutex);
    if (m_proposals || !m_open)
        return;
    try {
        m_proposals = m_open();
        m_cause.reset();
    } catch (const Error &error) {
        if (error.kind() != ErrorKind::Connection)
            throw;
        m_cause = error;
        throw unreachableError(error);
    }
}

Error SeparateProposalsStore::unreachableError(const Error &cause) const
{
    return Error(ErrorKind::Connection, QStringLiteral("PROPOSAL_STORE_UNREACHABLE"),
        QStringLiteral("The proposal store %1 cannot be reached (%2: %3); the DPM data stays readable, and the "
                       "proposals can be read once it answers: check its server and credentials, then retry.")
            .arg(m_proposalLocation.redacted(), cause.code(), cause.message()));
}

void SeparateProposalsStore::interrupt()
{
    m_dpm->interrupt();
    if (SupportStore *proposals = openedProposalStore())
        proposals->interrupt();
}

// One request may read both databases (a lineage walk with its proposal node): a cancel stops
// the statement on either.
StatementInterrupter SeparateProposalsStore::interrupterForThisThread()
{
    StatementInterrupter dpm = m_dpm->interrupterForThisThread();
    SupportStore *opened = openedProposalStore();
    StatementInterrupter proposals = opened ? opened->interrupterForThisThread() : StatementInterrupter {};
    return { [dpm, proposals] {
                if (dpm.interrupt)
                    dpm.interrupt();
                if (proposals.interrupt)
                    proposals.interrupt();
            },
        [dpm, proposals] {
            if (dpm.release)
                dpm.release();
            if (proposals.release)
                proposals.release();
        } };
}

SupportStore *separateProposalStore(SupportStore &store)
{
    auto *split = storeAs<SeparateProposalsStore>(store);
    return split ? &split->proposalStore() : nullptr;
}

std::optional<Error> proposalStoreUnreachable(SupportStore &store)
{
    auto *split = storeAs<SeparateProposalsStore>(store);
    return split ? split->proposalStoreUnreachable() : std::nullopt;
}

ProposalStoreReach reachProposalStore(SupportStore &store, bool retry)
{
    ProposalStoreReach reach;
    if (auto *split = storeAs<SeparateProposalsStore>(store)) {
        try {
            if (retry)
                split->retryProposalStore();
            else if (const auto unreachable = split->proposalStoreUnreachable())
                throw *unreachable;
        } catch (const Error &error) {
            reach.unreachable = error;
            reach.cause = split->proposalStoreCause();
            return reach;
        }
    }
    reach.hasTables = store.proposals().isAvailable();
    return reach;
}

} // namespace dpm
