#pragma once

#include "store/auditlog.h"

#include <QList>
#include <QReadWriteLock>

namespace dpm {

// The audit trail of the in-memory store: kept as long as the store lives, always available.
class MemoryAuditLog final : public AuditLog
{
public:
    bool isAvailable() override { return true; }
    void append(const AuditEntry &entry) override;
    Page<AuditEntry> list(const PageRequest &page) override;
    QString databaseRole() override { return {}; }

private:
    QReadWriteLock m_lock;
    QList<AuditEntry> m_entries; // newest first by (occurred_at, audit_id)
};

} // namespace dpm
