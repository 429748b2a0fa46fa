#include "adminaction.h"

#include "store/auditlog.h"
#include "store/supportstore.h"

namespace dpm {

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

StatementCancel::StatementCancel(SupportStore &store, CancelToken *cancel)
    : m_cancel(cancel)
{
    if (!m_cancel)
        return;
    m_interrupter = store.interrupterForThisThread();
    if (m_interrupter.interrupt)
        m_cancel->attach(m_interrupter.interrupt);
}

void StatementCancel::end()
{
    if (!m_cancel)
        return;
    m_cancel->detach();
    if (m_interrupter.release)
        m_interrupter.release();
    m_cancel = nullptr;
}

void throwIfCancelled(const CancelToken *cancel, const QString &what)
{
    if (cancel && cancel->isCancelled())
        throw actionCancelledError(what);
}

} // namespace dpm
