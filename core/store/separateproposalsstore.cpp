#include "separateproposalsstore.h"

namespace dpm {

SeparateProposalsStore::SeparateProposalsStore(
    std::unique_ptr<SupportStore> dpm, std::unique_ptr<SupportStore> proposals, StoreLocation proposalLocation)
    : m_dpm(std::move(dpm))
    , m_proposals(std::move(proposals))
    , m_proposalLocation(std::move(proposalLocation))
{ }

void SeparateProposalsStore::interrupt()
{
    m_dpm->interrupt();
    m_proposals->interrupt();
}

// One request may read both databases (a lineage walk with its proposal node): a cancel stops
// the statement on either.
StatementInterrupter SeparateProposalsStore::interrupterForThisThread()
{
    StatementInterrupter dpm = m_dpm->interrupterForThisThread();
    StatementInterrupter proposals = m_proposals->interrupterForThisThread();
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

} // namespace dpm
