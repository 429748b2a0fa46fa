#include "pgreplicapair.h"

#include "domain/error.h"
#include "pgserver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

namespace dpm::test {

namespace {

// One statement as the superuser on a server of the pair; its first value, or the error.
QVariant runSql(int port, const QString &database, const QString &sql, const QVariantList &params, QString *failure)
{
    const QString name = QStringLiteral("replicapair-") + QUuid::createUuid().toString(QUuid::Id128);
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(port);
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(database);
        if (!db.open()) {
            *failure = db.lastError().text();
        } else {
            QSqlQuery q(db);
            bool ok = false;
            if (params.isEmpty()) {
                ok = q.exec(sql); // unprepared: CREATE DATABASE cannot be prepared
            } else {
                q.prepare(sql);
                for (qsizetype i = 0; i < params.size(); ++i)
                    q.bindValue(int(i), params.at(i));
                ok = q.exec();
            }
            if (!ok)
                *failure = q.lastError().text();
            else if (q.next())
                value = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

} // namespace

PgReplicaPair &PgReplicaPair::instance()
{
    static PgReplicaPair pair;
    return pair;
}

PgReplicaPair::PgReplicaPair()
{
    start();
}

PgReplicaPair::~PgReplicaPair()
{
    if (m_running)
        stopServer(m_replicaData);
    if (m_primaryStarted)
        stopServer(m_primaryData);
}

void PgReplicaPair::stopServer(const QString &dataDir)
{
    QString output;
    runAsPostgresUser(m_binDir + QStringLiteral("/pg_ctl"),
        { QStringLiteral("stop"), QStringLiteral("-D"), dataDir, QStringLiteral("-m"), QStringLiteral("immediate"),
            QStringLiteral("-w") },
        &output, 30000);
}

bool PgReplicaPair::startServer(const QString &dataDir, int port, const QString &log, const QString &extraOptions)
{
    // No fsync: the tests never crash the machine. Loopback only.
    const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                                           "-c full_page_writes=off -c max_connections=100 -c shared_buffers=32MB %3")
                                .arg(port)
                                .arg(m_dir->path(), extraOptions);
    QString output;
    // -w waits until the server accepts connections: on a standby, read-only ones.
    if (runAsPostgresUser(m_binDir + QStringLiteral("/pg_ctl"),
            { QStringLiteral("start"), QStringLiteral("-D"), dataDir, QStringLiteral("-w"), QStringLiteral("-t"),
                QStringLiteral("60"), QStringLiteral("-l"), log, QStringLiteral("-o"), options },
            &output, 90000))
        return true;
    QFile file(log);
    file.open(QIODevice::ReadOnly);
    m_error = QStringLiteral("the server on port %1 did not start: ").arg(port) + output
        + QString::fromLocal8Bit(file.readAll());
    return false;
}

void PgReplicaPair::start()
{
    m_binDir = postgresBinDir();
    if (m_binDir.isEmpty()) {
        m_error = QStringLiteral("no PostgreSQL server binaries (initdb, postgres) were found; install "
                                 "the postgresql-15 package or set DPM_TEST_PG_BINDIR");
        return;
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/dpm-pgpair-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory: ") + m_dir->errorString();
        return;
    }
    if (!handToPostgresUser(m_dir->path(), &m_error))
        return;
    m_primaryData = m_dir->path() + QStringLiteral("/primary");
    m_replicaData = m_dir->path() + QStringLiteral("/replica");
    QString output;
    // initdb's pg_hba.conf trusts replication connections from loopback as well.
    if (!runAsPostgresUser(m_binDir + QStringLiteral("/initdb"),
            { QStringLiteral("-D"), m_primaryData, QStringLiteral("-U"), QStringLiteral("postgres"),
                QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                QStringLiteral("--no-sync"), QStringLiteral("--no-instructions") },
            &output, 120000)) {
        m_error = QStringLiteral("initdb failed: ") + output;
        return;
    }
    for (int attempt = 0; attempt < 5 && !m_primaryStarted; ++attempt) {
        m_primaryPort = freeLoopbackPort();
        m_primaryStarted = startServer(m_primaryData, m_primaryPort, m_dir->path() + QStringLiteral("/primary.log"),
            QStringLiteral("-c wal_level=replica -c max_wal_senders=4"));
    }
    if (!m_primaryStarted)
        return;
    // -R writes standby.signal and primary_conninfo; -X stream copies the WAL written meanwhile.
    if (!runAsPostgresUser(m_binDir + QStringLiteral("/pg_basebackup"),
            { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_primaryPort),
                QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-D"), m_replicaData,
                QStringLiteral("-R"), QStringLiteral("-X"), QStringLiteral("stream"), QStringLiteral("-c"),
                QStringLiteral("fast"), QStringLiteral("--no-sync") },
            &output, 120000)) {
        m_error = QStringLiteral("pg_basebackup failed: ") + output;
        return;
    }
    for (int attempt = 0; attempt < 5 && !m_running; ++attempt) {
        m_replicaPort = freeLoopbackPort();
        m_running = startServer(m_replicaData, m_replicaPort, m_dir->path() + QStringLiteral("/replica.log"),
            QStringLiteral("-c hot_standby=on"));
    }
    if (m_running)
        m_error.clear();
}

StoreLocation PgReplicaPair::primary(const QString &database) const
{
    return StoreLocation::parse(QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_primaryPort).arg(database));
}

StoreLocation PgReplicaPair::replica(const QString &database) const
{
    return StoreLocation::parse(QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_replicaPort).arg(database));
}

void PgReplicaPair::execOnPrimary(const QString &database, const QString &sql)
{
    QString failure;
    runSql(m_primaryPort, database, sql, {}, &failure);
    if (!failure.isEmpty())
        throw Error(ErrorKind::Storage, QStringLiteral("TEST_POSTGRES_ADMIN_FAILED"), failure);
}

bool PgReplicaPair::waitForReplay(int timeoutMs)
{
    QString failure;
    const QString lsn
        = runSql(m_primaryPort, QStringLiteral("postgres"), QStringLiteral("SELECT pg_current_wal_lsn()::text"), {}, &failure)
              .toString();
    if (lsn.isEmpty()) {
        m_error = QStringLiteral("cannot read the primary's WAL position: ") + failure;
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (true) {
        failure.clear();
        const QVariant replayed = runSql(m_replicaPort, QStringLiteral("postgres"),
            QStringLiteral("SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn"), { lsn }, &failure);
        if (replayed.toBool())
            return true;
        if (deadline.hasExpired()) {
            m_error = QStringLiteral("the replica had not replayed %1 after %2 ms %3").arg(lsn).arg(timeoutMs).arg(failure);
            return false;
        }
        QThread::msleep(20);
    }
}

QString PgReplicaPair::createDatabase(const QString &hint)
{
    if (!m_running)
        throw Error(ErrorKind::Connection, QStringLiteral("TEST_POSTGRES_UNAVAILABLE"), m_error);
    QString safe = hint.toLower();
    safe.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    const QString name = QStringLiteral("r%1_%2_%3")
                             .arg(QCoreApplication::applicationPid())
                             .arg(++m_databaseCounter)
                             .arg(safe.left(30));
    execOnPrimary(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE \"%1\"").arg(name));
    if (!waitForReplay())
        throw Error(ErrorKind::Connection, QStringLiteral("TEST_POSTGRES_UNAVAILABLE"), m_error);
    return name;
}

QString PgReplicaPair::replicaLog() const
{
    QFile log(m_dir->path() + QStringLiteral("/replica.log"));
    return log.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(log.readAll()) : QString();
}

} // namespace dpm::test
