#pragma once

#include <functional>
#include <memory>
#include <mutex>

namespace dpm {

// Stops a request or an action from another thread (the console's Cancel button): the console's
// StoreSession requests and the audited admin actions share it. The action looks at it
// between its steps; while it runs a statement that may take long (a purge), cancel() also stops
// that statement on the database, and its transaction rolls back.
class CancelToken
{
public:
    static std::shared_ptr<CancelToken> create() { return std::make_shared<CancelToken>(); }

    void cancel();
    bool isCancelled() const;

    // The action's side: while attached, cancel() calls `interrupt` (at once if already cancelled).
    void attach(std::function<void()> interrupt);
    void detach();

private:
    mutable std::mutex m_mutex;
    std::function<void()> m_interrupt;
    bool m_cancelled = false;
};

} // namespace dpm
