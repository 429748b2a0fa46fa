#include "sqldatabase.h"

#include "domain/error.h"
#include "domain/logging.h"
#include "sqlchange.h"
#include "store/sqlitefastreads.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QThreadStorage>
#include <QUrl>

#include <atomic>
#include <libpq-fe.h>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <sqlite3.h>
#include <unordered_map>
#include <unordered_set>

namespace dpm {

// What interrupts each open connection's running statement from another thread: libpq's cancel
// object or the sqlite3 handle. A connection leaves before it closes, under the same lock.
struct SqlDatabase::Interrupters
{
    struct Entry
    {
        PGcancel *postgres = nullptr;
        sqlite3 *sqlite = nullptr;
    };
    std::mutex mutex;
    std::unordered_map<QString, Entry> entries;
    std::unordered_set<QString> pending; // connections whose request was cancelled
    std::atomic<int> pendingCount { 0 }; // pending.size(), read without the lock on every statement

    void add(const QString &name, Entry entry)
    {
        std::lock_guard lock(mutex);
        remove(name, lock);
        entries.emplace(name, entry);
    }
    void remove(const QString &name)
    {
        std::lock_guard lock(mutex);
        remove(name, lock);
    }
    void interruptAll()
    {
        std::lock_guard lock(mutex);
        for (const auto &[name, entry] : entries)
            interrupt(name, entry);
    }
    void interruptOne(const QString &name)
    {
        std::lock_guard lock(mutex);
        pending.insert(name);
        pendingCount = int(pending.size());
        if (const auto it = entries.find(name); it != entries.end())
            interrupt(name, it->second);
    }
    void release(const QString &name)
    {
        std::lock_guard lock(mutex);
        pending.erase(name);
        pendingCount = int(pending.size());
    }
    bool isPending(const QString &name)
    {
        if (pendingCount.load() == 0)
            return false; // the usual case: no request of this database is being cancelled
        std::lock_guard lock(mutex);
        return pending.contains(name);
    }

private:
    static void interrupt(const QString &name, const Entry &entry)
    {
        char reason[256];
        if (entry.postgres && !PQcancel(entry.postgres, reason, sizeof reason))
            qCWarning(lcStore) << "could not cancel the statement of" << name << ":" << reason;
        if (entry.sqlite)
            sqlite3_interrupt(entry.sqlite);
    }
    void remove(const QString &name, const std::lock_guard<std::mutex> &)
    {
        if (const auto it = entries.find(name); it != entries.end()) {
            if (it->second.postgres)
                PQfreeCancel(it->second.postgres);
            entries.erase(it);
        }
    }
};

namespace {

// Whether Qt SQL still exists. Its connection registry and null driver are statics made by the
// first addDatabase(), so they are destroyed at the process's exit; a connection whose thread
// outlives QCoreApplication (one nobody waited for) must not be closed after that.
struct QtSqlLifetime
{
    std::shared_mutex mutex; // shared while a connection closes, exclusive to mark Qt SQL gone
    bool gone = false;
};

// Never destroyed: a late thread may still look here while statics are being destroyed.
QtSqlLifetime &qtSqlLifetime()
{
    static auto *lifetime = new QtSqlLifetime;
    return *lifetime;
}

// Called once a connection was added: a static made after Qt SQL's is destroyed before them.
void watchQtSqlLifetime()
{
    static const struct Watcher
    {
        ~Watcher()
        {
            std::unique_lock lock(qtSqlLifetime().mutex);
            qtSqlLifetime().gone = true;
        }
    } watcher;
}

// A thread's connection and its prepared statements. Closes and unregisters the connection in
// the thread that owns it, when that thread ends (or the SqlDatabase goes).
struct ConnectionGuard
{
    QString name;
    QSqlDatabase db;
    std::unordered_map<QString, std::shared_ptr<QSqlQuery>> statements;
    bool inTransaction = false; // BEGIN seen, COMMIT/ROLLBACK not yet
    int busy = 0; // statements running and an open transaction: the pool's "active"
    std::shared_ptr<ConnectionPool> pool; // counted there from before it opened until it closes
    std::chrono::steady_clock::time_point openedAt = std::chrono::steady_clock::now();
    bool standby = false; // pg_is_in_recovery() when the connection opened: a hot standby
    std::shared_ptr<SqlDatabase::Interrupters> interrupters; // set once the connection is open
    // SQLite's progress handler asks this between VM steps whether the request was cancelled:
    // sqlite3_interrupt alone is lost when it comes while a statement is being prepared.
    struct SqliteProgress
    {
        SqlDatabase::Interrupters *interrupters;
        QString name;
    };
    std::unique_ptr<SqliteProgress> sqliteProgress;
    std::unique_ptr<SqliteStatementCache> sqliteStatements; // made on first use

    ~ConnectionGuard()
    {
        if (interrupters)
            interrupters->remove(name);
        sqliteStatements.reset();
        {
            std::shared_lock lock(qtSqlLifetime().mutex);
            if (qtSqlLifetime().gone) {
                // Only a thread that outlived the application gets here, while the process exits:
                // closing the connection would touch Qt SQL's destroyed statics, so it and its
                // statements are left to the exit (LeakSanitizer reports them: a thread to wait for).
                (void)new QSqlDatabase(db);
                (void)new auto(std::move(statements));
            } else {
                statements.clear();
                if (db.isValid())
                    db.close();
                db = QSqlDatabase();
                QSqlDatabase::removeDatabase(name);
            }
        }
        if (pool) {
            if (busy > 0)
                pool->noteActive(-1);
            pool->release();
        }
    }
    void adjustBusy(int delta)
    {
        const bool was = busy > 0;
        busy = std::max(0, busy + delta);
        if (pool && was != (busy > 0))
            pool->noteActive(busy > 0 ? 1 : -1);
    }
    void setInTransaction(bool in)
    {
        if (inTransaction != in)
            adjustBusy(in ? 1 : -1);
        inTransaction = in;
    }
    // No statement's rows are held by a caller: the connection may be closed under nobody.
    bool unused() const
    {
        return !inTransaction && busy == 0
            && std::all_of(statements.cbegin(), statements.cend(), [](const auto &s) { return s.second.use_count() == 1; });
    }
};

// How many SQLite VM steps run between two looks at the request's cancel (cheap: one atomic
// load while no request is being cancelled).
constexpr int kSqliteProgressSteps = 1000;

// Enough for every statement the store runs; a store that somehow used more starts over.
constexpr size_t kMaxPreparedStatements = 256;

// Qt's thread storage, not thread_local: Qt destroys it on the thread as it finishes, before
// QThread::wait() returns (so a QThreadPool's destructor waits for it), and the main thread's
// with QCoreApplication. A thread_local's destructor runs only after wait() returned, racing the
// process's exit and Qt SQL's teardown.
QThreadStorage<std::unordered_map<QString, std::unique_ptr<ConnectionGuard>>> s_threadConnections;

std::unordered_map<QString, std::unique_ptr<ConnectionGuard>> &threadConnections()
{
    return s_threadConnections.localData();
}

QAtomicInteger<quint64> s_instanceCounter;

QString quoteLibpqValue(const QString &value)
{
    if (!value.isEmpty() && !value.contains(QRegularExpression(QStringLiteral(R"([\s'\\;])"))))
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

// A PostgreSQL connection whose server went away stays "open" in Qt's eyes; libpq knows better.
bool connectionIsBroken(const QSqlDriver *driver)
{
    const QVariant handle = driver ? driver->handle() : QVariant();
    // Qt 6 names the type after the struct ("pg_conn*"); its documentation says "PGconn*".
    if (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0)
        return false;
    auto *conn = *static_cast<PGconn *const *>(handle.data());
    return conn && PQstatus(conn) == CONNECTION_BAD;
}

// The driver's native handle as libpq's cancel object or the sqlite3 connection.
SqlDatabase::Interrupters::Entry interrupterOf(const QSqlDriver *driver)
{
    SqlDatabase::Interrupters::Entry entry;
    const QVariant handle = driver ? driver->handle() : QVariant();
    if (qstrcmp(handle.typeName(), "pg_conn*") == 0 || qstrcmp(handle.typeName(), "PGconn*") == 0) {
        if (auto *conn = *static_cast<PGconn *const *>(handle.data()))
            entry.postgres = PQgetCancel(conn);
    } else if (qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        entry.sqlite = *static_cast<sqlite3 *const *>(handle.data());
    }
    return entry;
}

// Whether the server of a new PostgreSQL connection is a hot standby. A multi-host location
// (target_session_attrs=prefer-standby) may give each connection another server, so it is asked
// per connection, once, and changes are refused up front rather than by the server.
bool isInRecovery(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT pg_is_in_recovery()")) && q.next() && q.value(0).toBool();
}

// On a hot standby every statement that would change something is refused before it is sent
// (STORE_READ_ONLY_REPLICA naming what it writes), whichever store method runs it.
void refuseChangeOnStandby(const ConnectionGuard &guard, const QString &sql)
{
    if (!guard.standby)
        return;
    if (const std::optional<QString> change = changeMadeBy(sql))
        throw readOnlyReplicaError(*change);
}

// A statement stopped by interruptAll(): query_canceled, or SQLITE_INTERRUPT.
bool isInterrupted(const QSqlError &error, bool postgres)
{
    return error.nativeErrorCode() == (postgres ? QLatin1String("57014") : QLatin1String("9"));
}

// The server ended the session (SQLSTATE class 08, or 57P01..57P03: terminated, shutting down).
bool isConnectionLoss(const QSqlQuery &query)
{
    const bool postgres = query.driver() && query.driver()->dbmsType() == QSqlDriver::PostgreSQL;
    if (!postgres)
        return false;
    const QSqlError error = query.lastError();
    const QString state = error.nativeErrorCode();
    return error.type() == QSqlError::ConnectionError || state.startsWith(QLatin1String("08"))
        || state.startsWith(QLatin1String("57P0")) || connectionIsBroken(query.driver());
}

} // namespace

SqlDatabase::SqlDatabase(StoreLocation location)
    : m_location(std::move(location))
    , m_dialect(m_location.backend() == StoreBackend::Postgres ? SqlDialect::Kind::Postgres : SqlDialect::Kind::Sqlite)
    , m_connectionPrefix(QStringLiteral("dpm-%1-").arg(s_instanceCounter.fetchAndAddRelaxed(1)))
    , m_interrupters(std::make_shared<Interrupters>())
{
    if (m_dialect.isPostgres() && !QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        throw Error(ErrorKind::Configuration, QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DRIVER_MISSING"),
            QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed; install the "
                           "libqt6sql6-psql package."));
    }
    if (!m_dialect.isPostgres() && !QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        throw Error(ErrorKind::Configuration, QStringLiteral("DPM_SUPPORTABILITY_SQLITE_DRIVER_MISSING"),
            QStringLiteral("Qt's SQLite driver (QSQLITE) is not installed; install the "
                           "libqt6sql6-sqlite package."));
    }
    // The pool variables are the service's, read where connections are opened: here.
    m_pool = std::make_shared<ConnectionPool>(m_dialect.isPostgres()
            ? std::optional(PostgresPoolSettings::fromEnvironment(QProcessEnvironment::systemEnvironment()))
            : std::nullopt);
    if (!m_dialect.isPostgres()) {
        // Decided once, from what this user may do to the file and its folder (root may do all,
        // except on a read-only file system).
        const QFileInfo file(m_location.sqlitePath());
        const QString folder = file.absolutePath();
        const bool folderWritable = QFileInfo(folder).isWritable();
        if (file.exists() && !folderWritable) {
            // A WAL left by a writer that did not close is only seen through its -shm file;
            // without both, immutable is the only way in, and shows the last checkpoint.
            const bool walInUse = QFileInfo(file.filePath() + QLatin1String("-wal")).size() > 0
                && QFileInfo::exists(file.filePath() + QLatin1String("-shm"));
            m_sqliteAccess = walInUse ? SqliteAccess::ReadOnly : SqliteAccess::Immutable;
            m_readOnlyNotice = QStringLiteral("Read-only: this user cannot write the folder %1, so the store is "
                                              "opened without changes; copy it to a writable folder to change it.")
                                   .arg(QDir::toNativeSeparators(folder));
        } else if (file.exists() && !file.isWritable()) {
            m_sqliteAccess = SqliteAccess::ReadOnly;
            m_readOnlyNotice = QStringLiteral("Read-only: this user cannot write the file %1, so the store is opened "
                                              "without changes; copy it or change its permissions to change it.")
                                   .arg(QDir::toNativeSeparators(file.absoluteFilePath()));
        }
    }
}

SqlDatabase::~SqlDatabase()
{
    threadConnections().erase(m_connectionPrefix + QString::number(quintptr(QThread::currentThreadId())));
}

QSqlDatabase SqlDatabase::connection()
{
    const QString name = m_connectionPrefix + QString::number(quintptr(QThread::currentThreadId()));
    auto &connections = threadConnections();
    if (const auto it = connections.find(name); it != connections.end()) {
        // Only connections nobody reads from may be replaced; after a lost server that is every
        // one, since the failed statement's rows were dropped with its error.
        // POSTGRES_POOL_RECYCLE: an old connection is opened afresh between two requests.
        const bool recycle = m_pool->dueForRecycle(it->second->openedAt) && it->second->unused();
        if (!recycle && it->second->db.isOpen() && !connectionIsBroken(it->second->db.driver()))
            return it->second->db;
        connections.erase(it);
    }

    QSqlDatabase db;
    if (m_dialect.isPostgres()) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        auto params = m_location.libpqParameters();
        if (params.contains(QStringLiteral("host")))
            db.setHostName(params.take(QStringLiteral("host")));
        // The port stays a libpq option: setPort() takes one number, and a multi-host location
        // has one port per host ("5432,5433").
        if (params.contains(QStringLiteral("dbname")))
            db.setDatabaseName(params.take(QStringLiteral("dbname")));
        if (params.contains(QStringLiteral("user")))
            db.setUserName(params.take(QStringLiteral("user")));
        if (params.contains(QStringLiteral("password")))
            db.setPassword(params.take(QStringLiteral("password")));
        // A database that does not answer must not freeze anything for long.
        if (!params.contains(QStringLiteral("connect_timeout")))
            params.insert(QStringLiteral("connect_timeout"), QStringLiteral("10"));
        if (!params.contains(QStringLiteral("application_name")))
            params.insert(QStringLiteral("application_name"), QStringLiteral("dpm-support-console"));
        QStringList options;
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            options << it.key() + QLatin1Char('=') + quoteLibpqValue(it.value());
        db.setConnectOptions(options.join(QLatin1Char(';')));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        const QFileInfo file(m_location.sqlitePath());
        if (file.exists() && !file.isReadable()) {
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            throw Error(ErrorKind::Connection, QStringLiteral("DPM_SUPPORTABILITY_SQLITE_OPEN_FAILED"),
                QStringLiteral("This user may not read the SQLite file %1; open it as its owner or change its "
                               "permissions.")
                    .arg(m_location.sqlitePath()));
        }
        if (!file.absoluteDir().exists())
            QDir().mkpath(file.absolutePath());
        switch (m_sqliteAccess) {
        case SqliteAccess::ReadWrite:
            db.setDatabaseName(m_location.sqlitePath());
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
            break;
        case SqliteAccess::ReadOnly:
            db.setDatabaseName(m_location.sqlitePath());
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000;QSQLITE_OPEN_READONLY"));
            break;
        case SqliteAccess::Immutable: {
            // immutable=1: no locks, no -shm; SQLite trusts that nobody changes the file meanwhile.
            QUrl uri = QUrl::fromLocalFile(file.absoluteFilePath());
            uri.setQuery(QStringLiteral("mode=ro&immutable=1"));
            db.setDatabaseName(uri.toString(QUrl::FullyEncoded));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
            break;
        }
        }
    }
    try {
        m_pool->acquire(m_location.redacted());
    } catch (...) {
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        throw;
    }
    watchQtSqlLifetime();
    auto guard = std::make_unique<ConnectionGuard>();
    guard->name = name;
    guard->db = db;
    guard->pool = m_pool;
    connections[name] = std::move(guard);

    if (!db.open()) {
        const QString reason = db.lastError().text();
        db = QSqlDatabase(); // release our handle so the guard can unregister the connection
        connections.erase(name);
        if (m_dialect.isPostgres()) {
            throw Error(ErrorKind::Connection, QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED"),
                QStringLiteral("Could not connect to %1 (%2); check that the server is running, "
                               "the address and credentials, and try again.")
                    .arg(m_location.redacted(), reason.trimmed()));
        }
        throw Error(ErrorKind::Connection, QStringLiteral("DPM_SUPPORTABILITY_SQLITE_OPEN_FAILED"),
            QStringLiteral("Could not open the SQLite file %1 (%2); check the path and its permissions.")
                .arg(m_location.sqlitePath(), reason.trimmed()));
    }
    configureNewConnection(db);
    ConnectionGuard &opened = *connections.at(name);
    opened.standby = m_dialect.isPostgres() && isInRecovery(db);
    opened.interrupters = m_interrupters;
    const Interrupters::Entry interrupter = interrupterOf(db.driver());
    m_interrupters->add(name, interrupter);
    if (interrupter.sqlite) {
        opened.sqliteProgress.reset(new ConnectionGuard::SqliteProgress { m_interrupters.get(), name });
        sqlite3_progress_handler(interrupter.sqlite, kSqliteProgressSteps, [](void *context) -> int {
            const auto *progress = static_cast<const ConnectionGuard::SqliteProgress *>(context);
            return progress->interrupters->isPending(progress->name) ? 1 : 0;
        }, opened.sqliteProgress.get());
    }
    qCDebug(lcStore) << "opened connection" << name << "to" << m_location.redacted();
    return db;
}

bool SqlDatabase::isStandby()
{
    const QSqlDatabase db = connection();
    return threadConnections().at(db.connectionName())->standby;
}

void SqlDatabase::refuseChangesOnStandby(const QString &what)
{
    if (m_dialect.isPostgres() && isStandby())
        throw readOnlyReplicaError(what);
}

Error readOnlyReplicaError(const QString &what)
{
    return Error(ErrorKind::Storage, QStringLiteral("STORE_READ_ONLY_REPLICA"),
        QStringLiteral("The store is a read-only PostgreSQL replica (a hot standby), so %1 was refused; connect to "
                       "the primary (target_session_attrs=read-write) to make changes.")
            .arg(what));
}

void SqlDatabase::interruptAll()
{
    m_interrupters->interruptAll();
}

void SqlDatabase::closeThisThreadsConnections()
{
    threadConnections().clear();
}

StatementInterrupter SqlDatabase::interrupterForThisThread()
{
    const QString name = m_connectionPrefix + QString::number(quintptr(QThread::currentThreadId()));
    return { [interrupters = m_interrupters, name] { interrupters->interruptOne(name); },
        [interrupters = m_interrupters, name] { interrupters->release(name); } };
}

void SqlDatabase::throwIfCancelled()
{
    // The request was cancelled between two statements: the next one does not start.
    if (m_interrupters->isPending(m_connectionPrefix + QString::number(quintptr(QThread::currentThreadId())))) {
        throw Error(ErrorKind::Storage, QStringLiteral("STORE_QUERY_CANCELLED"),
            QStringLiteral("The request was cancelled before its next statement ran."));
    }
}

void SqlDatabase::configureNewConnection(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (m_dialect.isPostgres()) {
        // Timestamps are text, but keep any server-side time function in UTC too.
        q.exec(QStringLiteral("SET TIME ZONE 'UTC'"));
        // "already exists, skipping" notices of idempotent DDL are noise on stderr.
        q.exec(QStringLiteral("SET client_min_messages = warning"));
        return;
    }
    if (m_sqliteAccess != SqliteAccess::ReadWrite)
        return;
    // WAL lets the console's readers work while a writer (purge, migration) runs.
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    q.exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
}

SqlRows::~SqlRows()
{
    if (m_query)
        m_query->finish();
}

SqlRows SqlDatabase::exec(const QString &sql, const QVariantList &params)
{
    // A pooled connection the server dropped while it sat idle fails on its next statement.
    // Outside a transaction nothing was lost with it: reconnect and run the statement once more.
    std::optional<Error> lost;
    try {
        return execOnce(sql, params);
    } catch (const Error &error) {
        if (error.code() != QLatin1String("STORE_CONNECTION_LOST") || !dropLostConnection())
            throw;
        lost = error;
    }
    try {
        return execOnce(sql, params);
    } catch (const Error &error) {
        // The server is still gone (crashed, restarting): what the caller needs is the loss, not
        // that reconnecting failed as well.
        if (error.kind() == ErrorKind::Connection)
            throw *lost;
        throw;
    }
}

bool SqlDatabase::dropLostConnection()
{
    const QString name = m_connectionPrefix + QString::number(quintptr(QThread::currentThreadId()));
    auto &connections = threadConnections();
    const auto it = connections.find(name);
    if (it == connections.end())
        return false;
    const bool wasInTransaction = it->second->inTransaction;
    connections.erase(it);
    return !wasInTransaction;
}

SqlRows SqlDatabase::execOnce(const QString &sql, const QVariantList &params)
{
    QSqlDatabase db = connection();
    throwIfCancelled();
    ConnectionGuard &guard = *threadConnections().at(db.connectionName());
    refuseChangeOnStandby(guard, sql);
    auto &statements = guard.statements;
    std::shared_ptr<QSqlQuery> query;
    if (const auto it = statements.find(sql); it != statements.end() && it->second.use_count() == 1)
        query = it->second;
    if (!query) {
        // Not prepared yet, or its rows are still held (a nested use of the same SQL): prepare it.
        query = std::make_shared<QSqlQuery>(db);
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            throwQueryError(*query, QStringLiteral("preparing a statement"));
        if (statements.size() >= kMaxPreparedStatements)
            statements.clear();
        statements.try_emplace(sql, query);
    }
    for (qsizetype i = 0; i < params.size(); ++i)
        query->bindValue(int(i), params.at(i));
    guard.adjustBusy(1);
    const bool ran = query->exec();
    guard.adjustBusy(-1);
    if (!ran) {
        // A failed statement may leave the prepared one unusable (an aborted transaction on
        // PostgreSQL): prepare afresh next time.
        if (const auto it = statements.find(sql); it != statements.end() && it->second == query)
            statements.erase(it);
        throwQueryError(*query, QStringLiteral("running a statement"));
    }
    return SqlRows(std::move(query));
}

SqliteStatementCache &SqlDatabase::sqliteStatements()
{
    const QSqlDatabase db = connection();
    ConnectionGuard &guard = *threadConnections().at(db.connectionName());
    if (!guard.sqliteStatements) {
        sqlite3 *handle = interrupterOf(db.driver()).sqlite;
        if (!handle) {
            throw Error(ErrorKind::Configuration, QStringLiteral("DPM_SUPPORTABILITY_SQLITE_DRIVER_MISSING"),
                QStringLiteral("Qt's SQLite driver did not hand out its sqlite3 connection; install the "
                               "libqt6sql6-sqlite package of this Qt."));
        }
        guard.sqliteStatements = std::make_unique<SqliteStatementCache>(handle);
    }
    return *guard.sqliteStatements;
}

void SqlDatabase::execDirect(const QString &sql)
{
    const bool begins = sql.startsWith(QLatin1String("BEGIN"), Qt::CaseInsensitive)
        || sql.startsWith(QLatin1String("START TRANSACTION"), Qt::CaseInsensitive);
    const bool ends = sql.startsWith(QLatin1String("COMMIT"), Qt::CaseInsensitive)
        || sql.startsWith(QLatin1String("ROLLBACK"), Qt::CaseInsensitive);
    // A cancelled request neither begins nor commits work; undoing it and restoring the
    // connection's settings (a bulk load's PRAGMAs) must still run.
    const bool cleanup = sql.startsWith(QLatin1String("ROLLBACK"), Qt::CaseInsensitive)
        || sql.startsWith(QLatin1String("PRAGMA"), Qt::CaseInsensitive)
        || sql.startsWith(QLatin1String("SET"), Qt::CaseInsensitive);
    if (!cleanup)
        throwIfCancelled();
    std::optional<Error> lost;
    for (int attempt = 0;; ++attempt) {
        QSqlDatabase db;
        try {
            db = connection();
        } catch (const Error &error) {
            if (lost && error.kind() == ErrorKind::Connection)
                throw *lost; // as in exec(): report the loss, not the failed reconnect
            throw;
        }
        ConnectionGuard &guard = *threadConnections().at(db.connectionName());
        refuseChangeOnStandby(guard, sql);
        QSqlQuery query(db);
        if (query.exec(sql)) {
            if (begins)
                guard.setInTransaction(true);
            else if (ends)
                guard.setInTransaction(false);
            return;
        }
        // A BEGIN on a connection dropped while idle is safe to repeat on a new one.
        if (attempt == 0 && begins && !guard.inTransaction && isConnectionLoss(query)) {
            try {
                throwQueryError(query, QStringLiteral("running \"%1\"").arg(sql));
            } catch (const Error &error) {
                lost = error;
            }
            query = QSqlQuery();
            threadConnections().erase(db.connectionName());
            continue;
        }
        if (ends)
            guard.setInTransaction(false);
        throwQueryError(query, QStringLiteral("running \"%1\"").arg(sql));
    }
}

bool SqlDatabase::tableExists(const QString &table)
{
    if (m_dialect.isPostgres()) {
        SqlRows q = exec(QStringLiteral("SELECT to_regclass(?) IS NOT NULL"), { table });
        return q.next() && q.value(0).toBool();
    }
    SqlRows q = exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"), { table });
    return q.next();
}

namespace {

Error schemaMismatchError(const QString &reason, const QString &what)
{
    return Error(ErrorKind::Migration, QStringLiteral("DPM_SCHEMA_MISMATCH"),
        QStringLiteral("The database lacks a table or column the store needs (%1, while %2); check it with "
                       "\"dpmctl migrate validate\" and restore the missing part or the database.")
            .arg(reason, what));
}

} // namespace

void throwSqliteError(int code, const QString &databaseText, const QString &reason, const QString &what)
{
    // The extended code of an interrupted statement is the primary one (Qt reports extended codes).
    if (code == SQLITE_INTERRUPT) {
        throw Error(ErrorKind::Storage, QStringLiteral("STORE_QUERY_CANCELLED"),
            QStringLiteral("The statement was stopped while %1: nobody waits for its result any more.").arg(what));
    }
    switch (code & 0xff) {
    case SQLITE_READONLY:
        throw Error(ErrorKind::Storage, QStringLiteral("STORE_READ_ONLY"),
            QStringLiteral("The store is read-only here, so %1 was refused (%2); copy the file to a folder "
                           "this user can write, or ask its owner to make the change.")
                .arg(what, reason));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        throw Error(ErrorKind::Storage, QStringLiteral("STORE_DATABASE_CORRUPT"),
            QStringLiteral("The SQLite file is damaged (%1, while %2); restore it from a backup, or save what "
                           "is left with sqlite3's .recover command into a new file.")
                .arg(reason, what));
    default:
        break;
    }
    if (databaseText.startsWith(QLatin1String("no such table"))
        || databaseText.startsWith(QLatin1String("no such column")))
        throw schemaMismatchError(reason, what);
    throw Error(ErrorKind::Storage, QStringLiteral("STORE_QUERY_FAILED"),
        QStringLiteral("The database reported an error while %1: %2").arg(what, reason));
}

void throwQueryError(const QSqlQuery &query, const QString &what)
{
    const QSqlError error = query.lastError();
    const QString reason = error.text().trimmed();
    // Only PostgreSQL's driver means it: Qt's SQLite driver reports every failed step
    // (a unique violation included) as a ConnectionError.
    const bool postgres = query.driver() && query.driver()->dbmsType() == QSqlDriver::PostgreSQL;
    // The server's own statement_timeout also ends in query_canceled; only its message says so.
    if (postgres && isInterrupted(error, postgres)
        && error.databaseText().contains(QLatin1String("statement timeout"), Qt::CaseInsensitive)) {
        throw Error(ErrorKind::Storage, QStringLiteral("STORE_STATEMENT_TIMEOUT"),
            QStringLiteral("The database server stopped the statement while %1 because it ran longer than the "
                           "server's statement_timeout; narrow the request (filters, a smaller --limit) or have "
                           "statement_timeout raised for this role.")
                .arg(what));
    }
    if (!postgres)
        throwSqliteError(error.nativeErrorCode().toInt(), error.databaseText(), reason, what);
    // A server that terminated the session reports a statement error: look at the SQLSTATE.
    if (isInterrupted(error, postgres)) {
        throw Error(ErrorKind::Storage, QStringLiteral("STORE_QUERY_CANCELLED"),
            QStringLiteral("The statement was stopped while %1: nobody waits for its result any more.").arg(what));
    }
    // read_only_sql_transaction: a write that reached a standby (one promoted or demoted since the
    // connection opened, or a path without the up-front check).
    if (postgres && error.nativeErrorCode() == QLatin1String("25006"))
        throw readOnlyReplicaError(what);
    // undefined_table / undefined_column: the database is not laid out as the store expects.
    const QString native = error.nativeErrorCode();
    if (native == QLatin1String("42P01") || native == QLatin1String("42703"))
        throw schemaMismatchError(reason, what);
    if (postgres && isConnectionLoss(query)) {
        throw Error(ErrorKind::Connection, QStringLiteral("STORE_CONNECTION_LOST"),
            QStringLiteral("The database connection failed while %1 (%2); check the server and retry.")
                .arg(what, reason));
    }
    throw Error(ErrorKind::Storage, QStringLiteral("STORE_QUERY_FAILED"),
        QStringLiteral("The database reported an error while %1: %2").arg(what, reason));
}

QVariant nullableText(const std::optional<QString> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<QString>());
}

std::optional<QString> SqlRows::optionalText(int column) const
{
    return dpm::optionalText(value(column));
}

std::optional<QString> optionalText(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toString();
}

} // namespace dpm
