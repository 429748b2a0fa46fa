#include "memoryauditlog.h"

#include "domain/cursor.h"
#include "domain/error.h"
#include "domain/pagelimit.h"

#include <QReadLocker>
#include <QWriteLocker>

#include <algorithm>

namespace dpm {

namespace {

bool newerFirst(const AuditEntry &a, const AuditEntry &b)
{
    return std::tie(a.occurredAt, a.auditId) > std::tie(b.occurredAt, b.auditId);
}

} // namespace

void MemoryAuditLog::append(const AuditEntry &entry)
{
    QWriteLocker locker(&m_lock);
    m_entries.insert(std::lower_bound(m_entries.begin(), m_entries.end(), entry, newerFirst), entry);
}

Page<AuditEntry> MemoryAuditLog::list(const PageRequest &page)
{
    requirePageLimit(page.limit);
    const std::optional<Cursor> cursor = decodeCursor(CursorListing::AuditLog, page.cursor);
    QReadLocker locker(&m_lock);
    auto it = m_entries.cbegin();
    if (cursor) {
        AuditEntry after;
        after.auditId = cursor->id;
        if (cursor->sortKey) {
            after.occurredAt = *cursor->sortKey;
        } else {
            const auto named = std::find_if(
                m_entries.cbegin(), m_entries.cend(), [&](const AuditEntry &e) { return e.auditId == cursor->id; });
            if (named == m_entries.cend())
                return {};
            after.occurredAt = named->occurredAt;
        }
        it = std::upper_bound(m_entries.cbegin(), m_entries.cend(), after, newerFirst);
    }
    Page<AuditEntry> result;
    for (; it != m_entries.cend() && result.items.size() < page.limit; ++it)
        result.items << *it;
    if (it != m_entries.cend()) {
        const AuditEntry &last = result.items.constLast();
        result.nextCursor = encodeCursor(CursorListing::AuditLog, last.occurredAt, last.auditId);
    }
    return result;
}

} // namespace dpm
