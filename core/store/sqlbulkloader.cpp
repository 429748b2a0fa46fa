#include "sqlbulkloader.h"

#include "domain/error.h"
#include "store/sqldatabase.h"
#include "store/storelocation.h"

#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlQuery>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>

namespace dpm {

namespace {

constexpr qsizetype kCopyChunkBytes = 1 << 20;
// A page cache big enough that index inserts of a large load stay in memory (KiB, negative
// as SQLite's cache_size takes it).
constexpr qint64 kBulkCacheKiB = -262144;

QString tableName(BulkTable table)
{
    return QLatin1String(bulkTableSpec(table).name);
}

} // namespace

bool hasConsoleEventTables(SqlDatabase &db)
{
    return db.tableExists(QStringLiteral("dpm_run_events")) && db.tableExists(QStringLiteral("dpm_outbox"));
}

bool hasProposalTables(SqlDatabase &db)
{
    for (const BulkTable table : allBulkTables()) {
        if (isProposalTable(table) && !db.tableExists(tableName(table)))
            return false;
    }
    return true;
}

void appendCopyTextField(QByteArray &out, const QByteArray &value)
{
    if (value.isNull()) {
        out.append("\\N", 2);
        return;
    }
    // A table lookup per byte: the values are mostly long JSON documents with nothing to escape.
    static constexpr auto kEscapes = [] {
        std::array<char, 256> escapes {};
        escapes[std::size_t('\\')] = '\\';
        escapes[std::size_t('\n')] = 'n';
        escapes[std::size_t('\r')] = 'r';
        escapes[std::size_t('\t')] = 't';
        return escapes;
    }();
    const char *begin = value.constData();
    const char *end = begin + value.size();
    const char *run = begin;
    for (const char *p = begin; p != end; ++p) {
        const char escape = kEscapes[static_cast<unsigned char>(*p)];
        if (!escape)
            continue;
        out.append(run, p - run);
        const char pair[2] = { '\\', escape };
        out.append(pair, 2);
        run = p + 1;
    }
    out.append(run, end - run);
}

QByteArray encodeCopyText(BulkTable table, const QList<QByteArray> &values)
{
    const BulkTableSpec &spec = bulkTableSpec(table);
    const int width = int(spec.columns.size());
    qsizetype bytes = 0;
    for (const QByteArray &value : values)
        bytes += value.size() + 1;
    QByteArray out;
    out.reserve(bytes + bytes / 64 + 16); // room for a few escapes before growing
    for (qsizetype r = 0; r + width <= values.size(); r += width) {
        for (int c = 0; c < width; ++c) {
            if (c)
                out.append('\t');
            const QByteArray &value = values.at(r + c);
            appendCopyTextField(out,
                spec.booleanColumns.contains(c) && !value.isNull() ? bulkBooleanValue(bulkBooleanFrom(value)) : value);
        }
        out.append('\n');
    }
    return out;
}

SqlBulkLoader::SqlBulkLoader(SqlDatabase &database)
    : m_db(database)
{
    m_hasEvents = hasConsoleEventTables(m_db);
    m_hasProposals = hasProposalTables(m_db);
    if (m_db.dialect().isPostgres()) {
        // pglz was a quarter of the server's time in a load of the service's JSON payloads (perf,
        // issue 18); lz4 compresses them several times faster. Servers built without it keep pglz.
        SqlRows lz4 = m_db.exec(QStringLiteral("SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
                                               "WHERE name = 'default_toast_compression'"));
        m_lz4 = lz4.next() && lz4.value(0).toBool();
    } else {
        {
            SqlRows cache = m_db.exec(QStringLiteral("PRAGMA cache_size"));
            if (cache.next())
                m_previousCacheSize = cache.value(0).toLongLong();
            SqlRows synchronous = m_db.exec(QStringLiteral("PRAGMA synchronous"));
            if (synchronous.next())
                m_previousSynchronous = synchronous.value(0).toLongLong();
        }
        m_db.execDirect(QStringLiteral("PRAGMA cache_size = %1").arg(kBulkCacheKiB));
        // WAL checkpoints of a multi-gigabyte load spend much of their time in fsync; without it
        // an application crash still loses nothing committed, only an OS crash or power loss
        // during the load can damage the file. finish() makes the result durable.
        m_db.execDirect(QStringLiteral("PRAGMA synchronous = OFF"));
    }
}

SqlBulkLoader::~SqlBulkLoader()
{
    m_transaction.reset();
    for (sqlite3_stmt *statement : m_statements) {
        if (statement)
            sqlite3_finalize(statement);
    }
    try {
        restoreSqliteSettings();
    } catch (const Error &) {
        // The connection is gone; its settings went with it.
    }
}

bool SqlBulkLoader::supports(BulkTable table) const
{
    return sqlStoreHoldsBulkTable(table, m_hasEvents, m_hasProposals);
}

void SqlBulkLoader::begin()
{
    Q_ASSERT(!m_transaction);
    m_transaction.emplace(m_db, SqlTransaction::Mode::Write);
    if (m_lz4) // for this transaction only: the connection's other writes keep the server's default
        m_db.execDirect(QStringLiteral("SET LOCAL default_toast_compression = lz4"));
}

void SqlBulkLoader::commit()
{
    Q_ASSERT(m_transaction);
    m_transaction->commit();
    m_transaction.reset();
}

void SqlBulkLoader::rollback()
{
    m_transaction.reset();
}

void SqlBulkLoader::prepare(BulkRows &rows) const
{
    if (!m_db.dialect().isPostgres())
        return;
    for (const BulkTable table : allBulkTables()) {
        if (!rows.values(table).isEmpty() && rows.encoded(table).isEmpty())
            rows.setEncoded(table, encodeCopyText(table, rows.values(table)));
    }
}

void SqlBulkLoader::write(const BulkRows &rows)
{
    Q_ASSERT(m_transaction);
    // COPY and the SQLite insert path do not go through SqlDatabase::exec.
    m_db.throwIfCancelled();
    for (const BulkTable table : allBulkTables()) {
        const QList<QByteArray> &values = rows.values(table);
        if (values.isEmpty())
            continue;
        if (!supports(table)) {
            throw Error(ErrorKind::Migration,
                isProposalTable(table) ? QStringLiteral("PROPOSAL_SCHEMA_MISSING")
                                       : QStringLiteral("DPM_SCHEMA_NOT_INITIALISED"),
                QStringLiteral("%1 has no %2 table; apply the migrations first (dpmctl migrate apply).")
                    .arg(m_db.location().redacted(), tableName(table)));
        }
        QElapsedTimer timer;
        timer.start();
        if (m_db.dialect().isPostgres())
            writeCopy(table, rows);
        else
            writeSqlite(table, values);
        m_writeNanos[std::size_t(table)] += timer.nsecsElapsed();
        if (!m_loaded.contains(table))
            m_loaded << table;
    }
}

void SqlBulkLoader::restoreSqliteSettings()
{
    if (m_previousSynchronous) {
        m_db.execDirect(QStringLiteral("PRAGMA synchronous = %1").arg(*m_previousSynchronous));
        m_previousSynchronous.reset();
    }
    if (m_previousCacheSize) {
        m_db.execDirect(QStringLiteral("PRAGMA cache_size = %1").arg(*m_previousCacheSize));
        m_previousCacheSize.reset();
    }
}

void SqlBulkLoader::finish()
{
    if (!m_db.dialect().isPostgres()) {
        // Back to the connection's durability, then a checkpoint that syncs the whole load to
        // the database file and leaves a short WAL behind.
        restoreSqliteSettings();
        m_db.execDirect(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        return;
    }
    if (m_loaded.isEmpty())
        return;
    // Fresh statistics, so the first queries on the new rows get good plans without waiting for
    // autovacuum. Every column by name: with a column list ANALYZE leaves out the expression
    // indexes (console_proposal_result_correlation; dpm_console_run_status before console/0010),
    // whose statistics cost a JSON parse per sampled row, nine tenths of this ANALYZE at scale S
    // (issue 18); autovacuum's analyze of the loaded tables adds them. Table names are the loader's own
    // constants, column names come quoted from the catalogue.
    QStringList tables;
    for (const BulkTable table : std::as_const(m_loaded)) {
        SqlRows columns = m_db.exec(QStringLiteral("SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) "
                                                   "FROM pg_attribute WHERE attrelid = to_regclass(?) AND attnum > 0 "
                                                   "AND NOT attisdropped"),
            { tableName(table) });
        tables << QStringLiteral("%1 (%2)").arg(tableName(table), columns.next() ? columns.text(0) : QString());
    }
    m_db.execDirect(QStringLiteral("ANALYZE ") + tables.join(QStringLiteral(", ")));
}

// ---------------------------------------------------------------- SQLite

sqlite3 *SqlBulkLoader::sqliteHandle()
{
    const QVariant handle = m_db.connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0
        || !*static_cast<sqlite3 *const *>(handle.constData())) {
        throw Error(ErrorKind::Configuration, QStringLiteral("BULK_LOAD_UNSUPPORTED"),
            QStringLiteral("Qt's SQLite driver did not hand out its sqlite3 connection; install the "
                           "distribution's libqt6sql6-sqlite package."));
    }
    return *static_cast<sqlite3 *const *>(handle.constData());
}

void SqlBulkLoader::throwSqliteError(BulkTable table, int code)
{
    const QString reason = QString::fromUtf8(sqlite3_errmsg(sqliteHandle()));
    throw Error(ErrorKind::Storage, QStringLiteral("STORE_QUERY_FAILED"),
        QStringLiteral("The database reported an error while bulk loading %1: %2 (SQLite code %3)")
            .arg(tableName(table), reason)
            .arg(code));
}

void SqlBulkLoader::writeSqlite(BulkTable table, const QList<QByteArray> &values)
{
    const BulkTableSpec &spec = bulkTableSpec(table);
    const int width = int(spec.columns.size());
    sqlite3 *db = sqliteHandle();
    sqlite3_stmt *&statement = m_statements[std::size_t(table)];
    if (!statement) {
        QByteArray sql = QByteArray("INSERT INTO ") + spec.name + " (";
        for (int c = 0; c < width; ++c)
            sql += QByteArray(c ? ", " : "") + spec.columns.at(c);
        sql += ") VALUES (";
        for (int c = 0; c < width; ++c)
            sql += c ? ", ?" : "?";
        sql += ')';
        const int rc
            = sqlite3_prepare_v3(db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
        if (rc != SQLITE_OK) {
            statement = nullptr;
            throwSqliteError(table, rc);
        }
    }
    for (qsizetype r = 0; r + width <= values.size(); r += width) {
        for (int c = 0; c < width; ++c) {
            const QByteArray &value = values.at(r + c);
            int rc = SQLITE_OK;
            if (value.isNull())
                rc = sqlite3_bind_null(statement, c + 1);
            else if (spec.integerColumns.contains(c))
                rc = sqlite3_bind_int64(statement, c + 1, value.toLongLong());
            else if (spec.booleanColumns.contains(c)) // stored as 1/0, as the service's SQLite does
                rc = sqlite3_bind_int64(statement, c + 1, bulkBooleanFrom(value) ? 1 : 0);
            else
                rc = sqlite3_bind_text(statement, c + 1, value.constData(), int(value.size()), SQLITE_STATIC);
            if (rc != SQLITE_OK)
                throwSqliteError(table, rc);
        }
        const int rc = sqlite3_step(statement);
        sqlite3_reset(statement);
        if (rc != SQLITE_DONE)
            throwSqliteError(table, rc);
    }
    sqlite3_clear_bindings(statement);
}

// ---------------------------------------------------------------- PostgreSQL

pg_conn *SqlBulkLoader::postgresHandle()
{
    const QVariant handle = m_db.connection().driver()->handle();
    // Qt 6 names the type after the struct ("pg_conn*"); its documentation says "PGconn*".
    const bool isPgConn = handle.isValid()
        && (qstrcmp(handle.typeName(), "pg_conn*") == 0 || qstrcmp(handle.typeName(), "PGconn*") == 0);
    if (!isPgConn || !*static_cast<PGconn *const *>(handle.constData())) {
        throw Error(ErrorKind::Configuration, QStringLiteral("BULK_LOAD_UNSUPPORTED"),
            QStringLiteral("Qt's PostgreSQL driver did not hand out its libpq connection; install the "
                           "distribution's libqt6sql6-psql package."));
    }
    return *static_cast<PGconn *const *>(handle.constData());
}

void SqlBulkLoader::throwPostgresError(PGconn *conn, BulkTable table, const QString &reason, const QString &sqlState)
{
    const QString text = reason.trimmed();
    // Class 08 (connection exception) and 57P01..57P03 (terminated, shutting down): the server
    // ended the session even where libpq has not noticed yet.
    const bool lost = PQstatus(conn) != CONNECTION_OK || sqlState.startsWith(QLatin1String("08"))
        || sqlState.startsWith(QLatin1String("57P0"));
    if (lost) {
        throw Error(ErrorKind::Connection, QStringLiteral("STORE_CONNECTION_LOST"),
            QStringLiteral("The database connection failed while bulk loading %1 (%2); check the server and retry.")
                .arg(tableName(table), text));
    }
    throw Error(ErrorKind::Storage, QStringLiteral("STORE_QUERY_FAILED"),
        QStringLiteral("The database reported an error while bulk loading %1: %2").arg(tableName(table), text));
}

void SqlBulkLoader::writeCopy(BulkTable table, const BulkRows &rows)
{
    const BulkTableSpec &spec = bulkTableSpec(table);
    const int width = int(spec.columns.size());
    PGconn *conn = postgresHandle();
    // Encoded ahead by prepare() when the caller had a thread for it, else now.
    const QByteArray text = rows.encoded(table).isEmpty() ? encodeCopyText(table, rows.values(table)) : rows.encoded(table);

    QByteArray sql = QByteArray("COPY ") + spec.name + " (";
    for (int c = 0; c < width; ++c)
        sql += QByteArray(c ? ", " : "") + spec.columns.at(c);
    sql += ") FROM STDIN";
    PGresult *start = PQexec(conn, sql.constData());
    const ExecStatusType startStatus = PQresultStatus(start);
    const QString startError = QString::fromUtf8(PQresultErrorMessage(start));
    const QString startState = QString::fromLatin1(PQresultErrorField(start, PG_DIAG_SQLSTATE));
    PQclear(start);
    if (startStatus != PGRES_COPY_IN) {
        throwPostgresError(
            conn, table, startError.isEmpty() ? QString::fromUtf8(PQerrorMessage(conn)) : startError, startState);
    }

    QString failure;
    QString failureState;
    for (qsizetype sent = 0; sent < text.size() && failure.isEmpty(); sent += kCopyChunkBytes) {
        const int bytes = int(std::min(kCopyChunkBytes, text.size() - sent));
        if (PQputCopyData(conn, text.constData() + sent, bytes) != 1)
            failure = QString::fromUtf8(PQerrorMessage(conn));
    }
    if (PQputCopyEnd(conn, failure.isEmpty() ? nullptr : "bulk load aborted") != 1 && failure.isEmpty())
        failure = QString::fromUtf8(PQerrorMessage(conn));
    // Drain every result: the connection must be idle again before Qt's driver uses it.
    while (PGresult *result = PQgetResult(conn)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && failure.isEmpty()) {
            failure = QString::fromUtf8(PQresultErrorMessage(result));
            failureState = QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE));
        }
        PQclear(result);
    }
    if (!failure.isEmpty())
        throwPostgresError(conn, table, failure, failureState);
}

} // namespace dpm
