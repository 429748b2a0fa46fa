#pragma once

#include "domain/cursor.h"
#include "domain/error.h"
#include "domain/page.h"
#include "store/sqldatabase.h"
#include "store/sqlitefastreads.h"

#include <QStringList>
#include <QVariantList>

#include <optional>
#include <type_traits>

// The pieces every SQL store shares: the AND-ed WHERE builder, one keyset listing in SQL (Part A
// §4) and the mapping of unique violations to conflicts.
namespace dpm::sql {

inline void requireValidLimit(int limit)
{
    if (limit < 1) {
        throw Error(ErrorKind::InvalidInput, QStringLiteral("INVALID_LIMIT"),
            QStringLiteral("The page size must be at least 1 (got %1).").arg(limit));
    }
}

// Builds an AND-ed WHERE clause with its bound values, in order.
class SqlWhere
{
public:
    void add(const QString &condition, const QVariantList &values = {})
    {
        m_conditions << condition;
        m_params << values;
    }
    void equals(const QString &expression, const std::optional<QString> &value)
    {
        if (value)
            add(expression + QStringLiteral(" = ?"), { *value });
    }
    void atLeast(const QString &expression, const std::optional<QString> &value)
    {
        if (value)
            add(expression + QStringLiteral(" >= ?"), { *value });
    }
    void atMost(const QString &expression, const std::optional<QString> &value)
    {
        if (value)
            add(expression + QStringLiteral(" <= ?"), { *value });
    }
    QString sql() const
    {
        return m_conditions.isEmpty() ? QString()
                                      : QStringLiteral(" WHERE ") + m_conditions.join(QStringLiteral(" AND "));
    }
    const QVariantList &params() const { return m_params; }

private:
    QStringList m_conditions;
    QVariantList m_params;
};

// One keyset listing: newest first by (sortColumn, idColumn), both descending.
struct KeysetListing
{
    CursorListing listing;
    QString table;
    QString columns;
    QString sortColumn;
    QString idColumn;
    // An outer SELECT over the limited rows, "%1" standing for the inner SELECT of `columns` (with
    // its ORDER BY and LIMIT), which must order its rows again; empty: the inner SELECT as is. It
    // reads what is costly to compute (a JSON-derived column) for the page's rows only.
    QString page = {};
};

template <typename T, typename Read, typename Key>
Page<T> keysetPage(SqlDatabase &db, const QString &collate, const KeysetListing &spec, SqlWhere where,
    const PageRequest &page, Read read, Key sortKeyOf)
{
    requireValidLimit(page.limit);
    const std::optional<Cursor> cursor = decodeCursor(spec.listing, page.cursor);
    QString afterSortKey;
    QString afterId;
    if (cursor) {
        afterId = cursor->id;
        if (cursor->isLegacy()) {
            // The service's cursor is a bare id: it must name a row of this filtered listing.
            SqlWhere named = where;
            named.add(spec.idColumn + QStringLiteral(" = ?"), { cursor->id });
            SqlRows q = db.exec(
                QStringLiteral("SELECT %1 FROM %2%3").arg(spec.sortColumn, spec.table, named.sql()), named.params());
            if (!q.next())
                return {};
            afterSortKey = q.value(0).toString();
        } else {
            afterSortKey = *cursor->sortKey;
        }
        where.add(QStringLiteral("(%1%3, %2%3) < (?, ?)").arg(spec.sortColumn, spec.idColumn, collate),
            { afterSortKey, afterId });
    }
    QVariantList params = where.params();
    params << page.limit + 1;
    const QString inner = QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4%6 DESC, %5%6 DESC LIMIT ?")
                              .arg(spec.columns, spec.table, where.sql(), spec.sortColumn, spec.idColumn, collate);
    Page<T> result;
    forEachRow(db, spec.page.isEmpty() ? inner : spec.page.arg(inner), params,
        [&]<typename Rows>(const Rows &q)
            requires std::is_invocable_v<Read &, const Rows &>
        { result.items << read(q); });
    if (result.items.size() > page.limit) {
        result.items.removeLast();
        const auto &[sortKey, id] = sortKeyOf(result.items.constLast());
        result.nextCursor = encodeCursor(spec.listing, sortKey, id);
    }
    return result;
}

inline bool isUniqueViolation(const Error &error)
{
    // PostgreSQL SQLSTATE 23505; SQLite "UNIQUE constraint failed".
    return error.code() == QLatin1String("STORE_QUERY_FAILED")
        && (error.message().contains(QLatin1String("23505"))
            || error.message().contains(QLatin1String("UNIQUE constraint failed"), Qt::CaseInsensitive)
            || error.message().contains(QLatin1String("duplicate key"), Qt::CaseInsensitive));
}

// A unique violation that slipped past the pre-check (a concurrent writer) is the same conflict.
[[noreturn]] inline void rethrowAsConflict(const Error &error, const QString &code, const QString &message)
{
    if (isUniqueViolation(error))
        throw Error(ErrorKind::Conflict, code, message);
    throw error;
}

} // namespace dpm::sql
