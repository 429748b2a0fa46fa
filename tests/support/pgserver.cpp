#include "pgserver.h"

#include "domain/error.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>
#include <QUuid>

#include <pwd.h>
#include <unistd.h>

namespace dpm::test {

namespace {

QString findBinDir()
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

int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

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
    runAsServerUser(m_binDir + QStringLiteral("/pg_ctl"),
        { QStringLiteral("stop"), QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"), QStringLiteral("immediate"),
            QStringLiteral("-w") },
        &output, 30000);
}

bool PgServer::runAsServerUser(const QString &program, const QStringList &args, QString *output, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (m_asRoot) {
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

void PgServer::start()
{
    m_binDir = findBinDir();
    if (m_binDir.isEmpty()) {
        m_error = QStringLiteral("no PostgreSQL server binaries (initdb, postgres) were found; install "
                                 "the postgresql-15 package or set DPM_TEST_PG_BINDIR");
        return;
    }
    m_asRoot = ::geteuid() == 0;
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/dpm-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory: ") + m_dir->errorString();
        return;
    }
    m_dataDir = m_dir->path() + QStringLiteral("/data");
    if (m_asRoot) {
        const passwd *pw = ::getpwnam("postgres");
        if (!pw) {
            m_error = QStringLiteral("running as root but there is no `postgres` user to run the server as");
            return;
        }
        if (::chown(QFile::encodeName(m_dir->path()).constData(), pw->pw_uid, pw->pw_gid) != 0) {
            m_error = QStringLiteral("cannot hand the temporary directory to the postgres user");
            return;
        }
    }
    QString output;
    if (!runAsServerUser(m_binDir + QStringLiteral("/initdb"),
            { QStringLiteral("-D"), m_dataDir, QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-A"),
                QStringLiteral("trust"), QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--no-sync"),
                QStringLiteral("--no-instructions") },
            &output, 120000)) {
        m_error = QStringLiteral("initdb failed: ") + output;
        return;
    }
    for (int attempt = 0; attempt < 5 && !m_running; ++attempt) {
        m_port = freePort();
        const QString options
            = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                             "-c full_page_writes=off -c max_connections=200 -c shared_buffers=64MB")
                  .arg(m_port)
                  .arg(m_dir->path());
        m_running = runAsServerUser(m_binDir + QStringLiteral("/pg_ctl"),
            { QStringLiteral("start"), QStringLiteral("-D"), m_dataDir, QStringLiteral("-w"), QStringLiteral("-t"),
                QStringLiteral("60"), QStringLiteral("-l"), m_dir->path() + QStringLiteral("/server.log"),
                QStringLiteral("-o"), options },
            &output, 90000);
        if (!m_running) {
            QFile log(m_dir->path() + QStringLiteral("/server.log"));
            log.open(QIODevice::ReadOnly);
            m_error = QStringLiteral("the server did not start: ") + output + QString::fromLocal8Bit(log.readAll());
        }
    }
    if (m_running)
        m_error.clear();
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
    if (!m_running)
        throw Error(ErrorKind::Connection, QStringLiteral("TEST_POSTGRES_UNAVAILABLE"), m_error);
    QString safe = hint.toLower();
    safe.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    const QString name = QStringLiteral("t%1_%2_%3")
                             .arg(QCoreApplication::applicationPid())
                             .arg(++m_databaseCounter)
                             .arg(safe.left(30));
    execAsSuperuser(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE \"%1\"").arg(name));
    return StoreLocation::parse(url(name));
}

} // namespace dpm::test
