#pragma once

#include <functional>

namespace dpm {

// Stops one request's statements from another thread (SupportStore::interrupterForThisThread):
// interrupt() may be called from any thread; release() is called on the worker when the request
// ends. Empty functions where there is nothing to stop.
struct StatementInterrupter
{
    std::function<void()> interrupt;
    std::function<void()> release;
};

} // namespace dpm
