#include "registerremotestore.h"

#include "remotestore.h"
#include "services/storeopening.h"

namespace dpm {

void registerRemoteStore()
{
    registerStoreOpener(StoreBackend::Remote, [](const StoreLocation &location, const OpenOptions &) {
        auto store = std::make_unique<RemoteStore>(location);
        store->probe();
        return std::unique_ptr<SupportStore>(std::move(store));
    });
    registerThreadConnectionCloser([] { RemoteClient::releaseThisThreadsManager(); });
}

} // namespace dpm
