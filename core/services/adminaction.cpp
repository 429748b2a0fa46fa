#include "adminaction.h"

#include "store/auditlog.h"
#include "store/supportstore.h"

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

void requireAuditable(SupportStore &store, AuditMode mode)
{
    if (mode == AuditMode::Required)
        store.auditLog().requireAvailable();
}

std::optional<Error> recordAction(
    SupportStore &store, const QString &action, const QJsonObject &details, const QString &outcome)
{
    try {
        store.auditLog().record(action, store.describe(), details, outcome);
    } catch (const Error &error) {
        return error;
    }
    return std::nullopt;
}

void throwIfCancelled(const CancelToken *cancel, const QString &what)
{
    if (cancel && cancel->isCancelled())
        throw actionCancelledError(what);
}

} // namespace dpm
