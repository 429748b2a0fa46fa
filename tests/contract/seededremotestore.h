#pragma once

#include "store/supportstore.h"

#include <memory>

namespace dpm::test {

// The contract suite's "remote" backend: a SupportStore whose writes go to `local` (the fixtures
// seed it as they seed any store) and whose reads go over HTTP — `local` served in-process by
// dpmserve on a free loopback port, read back through dpmremote's RemoteStore. So every read test
// of the suite compares what the remote store answers with what the store holds. Its proposals()
// and runEvents() do the same for the proposal and run-event contracts (seededremotesubstores.h).
std::unique_ptr<SupportStore> openSeededRemoteStore(std::unique_ptr<SupportStore> local);

} // namespace dpm::test
