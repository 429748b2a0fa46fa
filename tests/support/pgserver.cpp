#include "pgserver.h"

#include "domain/error.h"
#include "services/storeopening.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <csignal>
#include <cstdio>
#include <poll.h>
#include <pwd.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace dpm::test {

QString postgresBinDir()
{
    const QString fromEnv = qEnvironmentVariable("DPM_TEST_PG_BINDIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    // Debian keeps the server binaries out of PATH, one folder per major version.
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList majors = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(majors.begin(), majors.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &major : majors) {
        const QString bin = versions.filePath(major + QStringLiteral("/bin"));
        if (QFile::exists(bin + QStringLiteral("/initdb")) && QFile::exists(bin + QStringLiteral("/postgres")))
            return bin;
    }
    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    return initdb.isEmpty() ? QString() : QFileInfo(initdb).absolutePath();
}

namespace {

// The processes whose parent is `parent` (the postmaster's backends and auxiliary processes).
QList<pid_t> childProcesses(pid_t parent)
{
    QList<pid_t> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const pid_t pid = pid_t(entry.toInt(&numeric));
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid …": the command may hold spaces and parentheses.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toInt() == parent)
            children << pid;
    }
    return children;
}

// A pidfd that becomes readable when the process ends (even if it stays a zombie), or -1.
int pidfdOf(pid_t pid)
{
    return int(::syscall(SYS_pidfd_open, pid, 0));
}

bool isGone(pid_t pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    return line.mid(line.lastIndexOf(')') + 2, 1) == "Z";
}

// Waits for every process to end: on its pidfd where there is one, else by looking it up again.
bool waitUntilGone(const QList<pid_t> &pids, const QList<int> &pidfds, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (qsizetype i = 0; i < pids.size(); ++i) {
        if (pidfds.at(i) >= 0) {
            pollfd watch { pidfds.at(i), POLLIN, 0 };
            if (::poll(&watch, 1, int(deadline.remainingTime())) <= 0)
                return false;
            continue;
        }
        while (!isGone(pids.at(i))) {
            if (deadline.hasExpired())
                return false;
            QThread::msleep(10);
        }
    }
    return true;
}

// initdb costs more than a second of CPU, and some sixty test programs start a server: they copy
// one cluster made once per machine and server version (in the temporary folder; a second process
// that makes one at the same time keeps the first one renamed into place).
bool copyInitializedCluster(const QString &binDir, const QString &dataDir, QString *error)
{
    const QString cached = QDir::tempPath()
        + QStringLiteral("/dpm-pg-cluster-%1-%2").arg(QString::number(qHash(binDir), 16)).arg(::geteuid());
    QString output;
    if (!QFileInfo::exists(cached + QStringLiteral("/PG_VERSION"))) {
        QTemporaryDir staging(QDir::tempPath() + QStringLiteral("/dpm-pg-initdb-XXXXXX"));
        if (!staging.isValid() || !handToPostgresUser(staging.path(), error)) {
            if (error->isEmpty())
                *error = QStringLiteral("cannot create a temporary directory: ") + staging.errorString();
            return false;
        }
        const QString made = staging.path() + QStringLiteral("/data");
        if (!runAsPostgresUser(binDir + QStringLiteral("/initdb"),
                { QStringLiteral("-D"), made, QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-A"),
                    QStringLiteral("trust"), QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--no-sync"),
                    QStringLiteral("--no-instructions") },
                &output, 120000)) {
            *error = QStringLiteral("initdb failed: ") + output;
            return false;
        }
        if (::rename(QFile::encodeName(made).constData(), QFile::encodeName(cached).constData()) != 0
            && !QFileInfo::exists(cached + QStringLiteral("/PG_VERSION"))) {
            *error = QStringLiteral("cannot keep the initialized cluster at ") + cached;
            return false;
        }
    }
    if (!runAsPostgresUser(QStringLiteral("/bin/cp"), { QStringLiteral("-a"), cached, dataDir }, &output, 120000)) {
        *error = QStringLiteral("cannot copy the initialized cluster: ") + output;
        return false;
    }
    return true;
}

} // namespace

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool runAsPostgresUser(const QString &program, const QStringList &args, QString *output, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (::geteuid() == 0) {
        // initdb and postgres refuse to run as root.
        process.start(QStringLiteral("runuser"),
            QStringList { QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program } + args);
    } else {
        process.start(program, args);
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        *output = QString::fromLocal8Bit(process.readAll()) + QStringLiteral("\n(timed out)");
        return false;
    }
    *output = QString::fromLocal8Bit(process.readAll());
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool handToPostgresUser(const QString &dir, QString *error)
{
    if (::geteuid() != 0)
        return true;
    const passwd *pw = ::getpwnam("postgres");
    if (!pw) {
        *error = QStringLiteral("running as root but there is no `postgres` user to run the server as");
        return false;
    }
    if (::chown(QFile::encodeName(dir).constData(), pw->pw_uid, pw->pw_gid) != 0) {
        *error = QStringLiteral("cannot hand the temporary directory to the postgres user");
        return false;
    }
    return true;
}

PgServer &PgServer::instance()
{
    static PgServer server;
    return server;
}

PgServer::PgServer()
{
    start();
}

PgServer::~PgServer()
{
    if (!m_running)
        return;
    QString output;
    runAsPostgresUser(m_binDir + QStringLiteral("/pg_ctl"),
        { QStringLiteral("stop"), QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"), QStringLiteral("immediate"),
            QStringLiteral("-w") },
        &output, 30000);
}

void PgServer::start()
{
    m_binDir = postgresBinDir();
    if (m_binDir.isEmpty()) {
        m_error = QStringLiteral("no PostgreSQL server binaries (initdb, postgres) were found; install "
                                 "the postgresql-15 package or set DPM_TEST_PG_BINDIR");
        return;
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/dpm-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory: ") + m_dir->errorString();
        return;
    }
    m_dataDir = m_dir->path() + QStringLiteral("/data");
    if (!handToPostgresUser(m_dir->path(), &m_error))
        return;
    if (!copyInitializedCluster(m_binDir, m_dataDir, &m_error))
        return;
    for (int attempt = 0; attempt < 5 && !m_running; ++attempt)
        m_running = startOnPort(freeLoopbackPort());
    if (m_running)
        m_error.clear();
}

// 64 MB unless DPM_TEST_PG_SHARED_BUFFERS (e.g. 512MB) asks for another size: dpm-bench's loads
// at scale M and L measure how the buffer pool bounds them.
QString PgServer::sharedBuffers()
{
    static const QRegularExpression size(QStringLiteral("^[0-9]+(kB|MB|GB)$"));
    const QString fromEnv = qEnvironmentVariable("DPM_TEST_PG_SHARED_BUFFERS");
    return size.match(fromEnv).hasMatch() ? fromEnv : QStringLiteral("64MB");
}

bool PgServer::startOnPort(int port)
{
    m_port = port;
    // No fsync: the tests kill the server, never the machine, so the OS's cache keeps what was
    // written. But synchronous commits: a commit acknowledged must be in the WAL when kill() comes.
    m_options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=on "
                               "-c full_page_writes=off -c max_connections=200 -c shared_buffers=%3")
                    .arg(m_port)
                    .arg(m_dir->path())
                    .arg(sharedBuffers());
    QString output;
    const bool started = runAsPostgresUser(m_binDir + QStringLiteral("/pg_ctl"),
        { QStringLiteral("start"), QStringLiteral("-D"), m_dataDir, QStringLiteral("-w"), QStringLiteral("-t"),
            QStringLiteral("60"), QStringLiteral("-l"), m_dir->path() + QStringLiteral("/server.log"),
            QStringLiteral("-o"), m_options },
        &output, 90000);
    if (!started) {
        QFile log(m_dir->path() + QStringLiteral("/server.log"));
        log.open(QIODevice::ReadOnly);
        m_error = QStringLiteral("the server did not start: ") + output + QString::fromLocal8Bit(log.readAll());
    }
    return started;
}

bool PgServer::kill()
{
    if (!m_running) {
        m_error = QStringLiteral("the server is not running");
        return false;
    }
    QFile pidFile(m_dataDir + QStringLiteral("/postmaster.pid"));
    const pid_t postmaster = pidFile.open(QIODevice::ReadOnly) ? pid_t(pidFile.readLine().trimmed().toInt()) : 0;
    if (postmaster <= 0) {
        m_error = QStringLiteral("cannot read the postmaster's pid from ") + pidFile.fileName();
        return false;
    }
    // Stopped first, so it starts no backend while its children are listed.
    ::kill(postmaster, SIGSTOP);
    QList<pid_t> victims { postmaster };
    victims += childProcesses(postmaster);
    QList<int> exitWatches;
    for (const pid_t pid : victims)
        exitWatches << pidfdOf(pid); // before the kill: a pid is only safe to watch while alive
    for (const pid_t pid : victims)
        ::kill(pid, SIGKILL);
    const bool gone = waitUntilGone(victims, exitWatches, 30000);
    for (const int fd : exitWatches) {
        if (fd >= 0)
            ::close(fd);
    }
    if (!gone) {
        m_error = QStringLiteral("the killed server's processes did not end within 30 s");
        return false;
    }
    // A killed postmaster leaves its lock files; a zombie that nobody reaps (PID 1 in a container
    // may not) would make the new one think the old one still runs.
    QFile::remove(pidFile.fileName());
    QFile::remove(m_dir->path() + QStringLiteral("/.s.PGSQL.%1.lock").arg(m_port));
    m_running = false;
    return true;
}

bool PgServer::restart()
{
    if (m_running)
        return true;
    m_running = startOnPort(m_port);
    if (m_running)
        m_error.clear();
    return m_running;
}

QString PgServer::url(const QString &database) const
{
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(database);
}

void PgServer::execAsSuperuser(const QString &database, const QString &sql)
{
    const QString name = QStringLiteral("pgserver-admin-") + QUuid::createUuid().toString(QUuid::Id128);
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_port);
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(database);
        if (!db.open()) {
            failure = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(sql))
                failure = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!failure.isEmpty())
        throw Error(ErrorKind::Storage, QStringLiteral("TEST_POSTGRES_ADMIN_FAILED"), failure);
}

StoreLocation PgServer::createDatabase(const QString &hint)
{
    return createDatabaseFrom(hint, QString());
}

StoreLocation PgServer::createMigratedDatabase(const QString &hint)
{
    if (m_migratedTemplate.isEmpty()) {
        const StoreLocation migrated = createDatabase(QStringLiteral("migrated_template"));
        openStore(migrated, OpenOptions { .applyMigrations = true });
        closeThisThreadsStoreConnections();
        const QString name = migrated.libpqParameter(QStringLiteral("dbname"));
        endSessionsOn(name);
        m_migratedTemplate = name;
    }
    return createDatabaseFrom(hint, m_migratedTemplate);
}

StoreLocation PgServer::copyDatabase(const QString &hint, const StoreLocation &source)
{
    closeThisThreadsStoreConnections();
    const QString name = source.libpqParameter(QStringLiteral("dbname"));
    endSessionsOn(name);
    return createDatabaseFrom(hint, name);
}

void PgServer::endSessionsOn(const QString &database)
{
    // A template must have no session on it while it is copied. The name is one this class made.
    execAsSuperuser(QStringLiteral("postgres"),
        QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1'").arg(database));
}

StoreLocation PgServer::createDatabaseFrom(const QString &hint, const QString &templateName)
{
    if (!m_running)
        throw Error(ErrorKind::Connection, QStringLiteral("TEST_POSTGRES_UNAVAILABLE"), m_error);
    QString safe = hint.toLower();
    safe.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    const QString name = QStringLiteral("t%1_%2_%3")
                             .arg(QCoreApplication::applicationPid())
                             .arg(++m_databaseCounter)
                             .arg(safe.left(30));
    QString sql = QStringLiteral("CREATE DATABASE \"%1\"").arg(name);
    if (!templateName.isEmpty())
        sql += QStringLiteral(" TEMPLATE \"%1\"").arg(templateName);
    // PostgreSQL 15's default strategy, WAL_LOG, writes the whole template through the WAL: for a
    // test's small database that takes about twice as long as copying its files after a checkpoint
    // (measured: 206-263 ms against 111-191 ms for a migrated template, machine load 6).
    sql += QStringLiteral(" STRATEGY FILE_COPY");
    execAsSuperuser(QStringLiteral("postgres"), sql);
    return StoreLocation::parse(url(name));
}

} // namespace dpm::test
