#include "sqlitefastreads.h"

#include <sqlite3.h>

namespace dpm {

namespace {

// As SqlDatabase's cache of Qt statements: enough for every read the store runs.
constexpr size_t kMaxStatements = 128;

QString messageOf(sqlite3 *db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

} // namespace

SqliteStatementCache::~SqliteStatementCache()
{
    for (const auto &[sql, entry] : m_statements)
        sqlite3_finalize(entry.statement);
}

sqlite3_stmt *SqliteStatementCache::acquire(const QString &sql)
{
    const auto it = m_statements.find(sql);
    if (it != m_statements.end() && !it->second.inUse) {
        it->second.inUse = true;
        return it->second.statement;
    }
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt *statement = nullptr;
    const int rc
        = sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = messageOf(m_db);
        throwSqliteError(sqlite3_extended_errcode(m_db), message, message, QStringLiteral("preparing a statement"));
    }
    if (it == m_statements.end()) {
        if (m_statements.size() >= kMaxStatements) {
            // Only statements nobody reads from go; the ones in use are finalised when released.
            std::erase_if(m_statements, [](const auto &item) {
                if (item.second.inUse)
                    return false;
                sqlite3_finalize(item.second.statement);
                return true;
            });
        }
        m_statements.emplace(sql, Entry { statement, true });
    }
    return statement;
}

void SqliteStatementCache::release(sqlite3_stmt *statement)
{
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    for (auto &[sql, entry] : m_statements) {
        if (entry.statement == statement) {
            entry.inUse = false;
            return;
        }
    }
    sqlite3_finalize(statement); // the second statement of a nested use
}

SqliteRows::SqliteRows(SqlDatabase &db, const QString &sql, const QVariantList &params)
    : m_cache(db.sqliteStatements())
    , m_statement(nullptr)
{
    db.throwIfCancelled();
    m_statement = m_cache.acquire(sql);
    for (qsizetype i = 0; i < params.size(); ++i) {
        const QVariant &value = params.at(i);
        const int index = int(i) + 1;
        int rc;
        switch (value.isNull() ? QMetaType::UnknownType : value.typeId()) {
        case QMetaType::UnknownType:
            rc = sqlite3_bind_null(m_statement, index);
            break;
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::Bool:
            rc = sqlite3_bind_int64(m_statement, index, value.toLongLong());
            break;
        default: {
            const QByteArray utf8 = value.toString().toUtf8();
            rc = sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
            break;
        }
        }
        if (rc != SQLITE_OK)
            fail(rc, QStringLiteral("binding a value"));
    }
}

SqliteRows::~SqliteRows()
{
    if (m_statement)
        m_cache.release(m_statement);
}

bool SqliteRows::next()
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(rc, QStringLiteral("running a statement"));
}

void SqliteRows::fail(int code, const QString &what) const
{
    sqlite3 *db = m_cache.handle();
    const int extended = sqlite3_extended_errcode(db);
    const QString message = messageOf(db);
    throwSqliteError((extended & 0xff) == (code & 0xff) ? extended : code, message, message, what);
}

bool SqliteRows::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

QString SqliteRows::text(int column) const
{
    // The bytes as stored, text or BLOB (SqlDialect::wideText), without SQLite converting them.
    const auto *bytes = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
    if (!bytes) // NULL or empty: a null QString or an empty one, as Qt's driver gives
        return isNull(column) ? QString() : QString(QLatin1String(""));
    return QString::fromUtf8(bytes, sqlite3_column_bytes(m_statement, column));
}

std::optional<QString> SqliteRows::optionalText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

} // namespace dpm
