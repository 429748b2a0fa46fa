#include "domain/canceltoken.h"

namespace dpm {

void CancelToken::cancel()
{
    std::lock_guard lock(m_mutex);
    m_cancelled = true;
    if (m_interrupt)
        m_interrupt();
}

bool CancelToken::isCancelled() const
{
    std::lock_guard lock(m_mutex);
    return m_cancelled;
}

void CancelToken::attach(std::function<void()> interrupt)
{
    std::lock_guard lock(m_mutex);
    m_interrupt = std::move(interrupt);
    if (m_cancelled && m_interrupt)
        m_interrupt();
}

void CancelToken::detach()
{
    std::lock_guard lock(m_mutex);
    m_interrupt = {};
}

} // namespace dpm
