#include "sqlauditlog.h"

#include "domain/cursor.h"
#include "domain/error.h"
#include "domain/pagelimit.h"
#include "store/sqldatabase.h"

namespace dpm {

namespace {

const QString kTable = QStringLiteral("console_audit_log");

} // namespace

SqlAuditLog::SqlAuditLog(SqlDatabase &db)
    : m_db(db)
{ }

bool SqlAuditLog::isAvailable()
{
    return m_db.tableExists(kTable);
}

void SqlAuditLog::append(const AuditEntry &e)
{
    requireAvailable();
    m_db.exec(QStringLiteral("INSERT INTO console_audit_log (audit_id, occurred_at, actor, action, target, "
                             "details_json, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        { e.auditId, e.occurredAt, e.actor, e.action, e.target, e.detailsJson, e.outcome });
}

Page<AuditEntry> SqlAuditLog::list(const PageRequest &page)
{
    requirePageLimit(page.limit);
    requireAvailable();
    const QString c = m_db.dialect().collateC();
    const std::optional<Cursor> cursor = decodeCursor(CursorListing::AuditLog, page.cursor);
    QString where;
    QVariantList params;
    if (cursor) {
        // A bare id (legacy form) names the row to continue after; the console's own cursor
        // carries its sort key so paging survives the row going away.
        if (cursor->isLegacy()) {
            where = QStringLiteral(" WHERE (occurred_at%1, audit_id%1) < (SELECT occurred_at, audit_id FROM "
                                   "console_audit_log WHERE audit_id = ?)")
                        .arg(c);
            params << cursor->id;
        } else {
            where = QStringLiteral(" WHERE (occurred_at%1, audit_id%1) < (?, ?)").arg(c);
            params << *cursor->sortKey << cursor->id;
        }
    }
    params << page.limit + 1;
    SqlRows q = m_db.exec(QStringLiteral("SELECT audit_id, occurred_at, actor, action, target, details_json, outcome "
                                         "FROM console_audit_log%1 ORDER BY occurred_at%2 DESC, audit_id%2 DESC "
                                         "LIMIT ?")
                              .arg(where, c),
        params);
    Page<AuditEntry> result;
    while (q.next()) {
        result.items << AuditEntry { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), q.value(4).toString(), q.value(5).toString(), q.value(6).toString() };
    }
    if (result.items.size() > page.limit) {
        result.items.removeLast();
        const AuditEntry &last = result.items.constLast();
        result.nextCursor = encodeCursor(CursorListing::AuditLog, last.occurredAt, last.auditId);
    }
    return result;
}

QString SqlAuditLog::databaseRole()
{
    if (!m_db.dialect().isPostgres())
        return {};
    SqlRows q = m_db.exec(QStringLiteral("SELECT current_user"));
    return q.next() ? q.value(0).toString() : QString();
}

} // namespace dpm
