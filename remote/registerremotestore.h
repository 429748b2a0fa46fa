#pragma once

namespace dpm {

// Lets openStore() open http(s):// locations as a RemoteStore (reached once, so a wrong address,
// token or certificate fails at open). Call once in main() before opening a store; idempotent.
void registerRemoteStore();

} // namespace dpm
