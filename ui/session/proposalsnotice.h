#pragma once

#include "store/separateproposalsstore.h"

#include <QCoreApplication>
#include <QString>

namespace dpm {

// The Proposals page's sentence for where the proposals stand (StoreInfo::proposalsNotice, and
// again after a retry): empty when they can be read. `remote`: the store is read over a server.
inline QString proposalsNoticeFor(const ProposalStoreReach &reach, bool remote)
{
    if (reach.unreachable) {
        return QCoreApplication::translate("dpm::StoreSession", "The proposal store is unreachable (%1): %2")
            .arg(reach.cause ? reach.cause->code() : reach.unreachable->code(),
                reach.cause ? reach.cause->message() : reach.unreachable->message());
    }
    if (reach.hasTables)
        return {};
    return remote ? QCoreApplication::translate("dpm::StoreSession",
                        "The server's store has no advisory proposal tables (an older service database), so there "
                        "are no proposals to show.")
                  : QCoreApplication::translate("dpm::StoreSession",
                        "This store has no advisory proposal tables (an older service database): apply the "
                        "migrations on the Admin page to read proposals here.");
}

} // namespace dpm
