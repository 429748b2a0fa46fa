#pragma once

#include "store/auditlog.h"

namespace dpm {

class SqlDatabase;

// The audit trail in a SQL store's console_audit_log (console/0003), on SQLite or PostgreSQL.
// Works on any SqlDatabase, so dpmctl's migrate apply can write it without opening a store.
class SqlAuditLog final : public AuditLog
{
public:
    explicit SqlAuditLog(SqlDatabase &db);

    bool isAvailable() override;
    void append(const AuditEntry &entry) override;
    Page<AuditEntry> list(const PageRequest &page) override;
    QString databaseRole() override;

private:
    SqlDatabase &m_db;
};

} // namespace dpm
