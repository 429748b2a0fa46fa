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

void throwIfCancelled(const CancelToken *cancel, const QString &what)
{
    if (cancel && cancel->isCancelled())
        throw actionCancelledError(what);
}

} // namespace dpm
