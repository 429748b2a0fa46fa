#pragma once

#include "store/storelocation.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace dpm::test {

// What the throwaway servers (PgServer, PgReplicaPair) share.
// The folder of initdb, postgres, pg_ctl and pg_basebackup (DPM_TEST_PG_BINDIR, Debian's newest
// /usr/lib/postgresql/N/bin, or PATH); empty when there is none.
QString postgresBinDir();
// A TCP port on 127.0.0.1 nobody listens on right now; 0 when none could be had.
int freeLoopbackPort();
// Runs a server program, as the `postgres` user when this process is root (runuser): initdb and
// postgres refuse to run as root. False when it failed or timed out; `output` holds what it printed.
bool runAsPostgresUser(const QString &program, const QStringList &args, QString *output, int timeoutMs);
// Gives a temporary directory to the `postgres` user when this process is root.
bool handToPostgresUser(const QString &dir, QString *error);

// A real, throwaway PostgreSQL server for the tests: initdb into a temporary directory, a free
// port on 127.0.0.1, started as the `postgres` user when the tests run as root (runuser), and
// stopped when the process exits. One server per test process; each test makes its own database.
// A missing PostgreSQL is an error the tests report as a failure, never a skip.
class PgServer
{
public:
    // The process-wide server, started on first call. Check isRunning()/errorString().
    static PgServer &instance();
    ~PgServer();

    bool isRunning() const { return m_running; }
    // Why the server is not running: which binary is missing or what initdb/postgres printed.
    QString errorString() const { return m_error; }
    int port() const { return m_port; }

    // A fresh, empty database (name derived from hint, made unique) on this server.
    // Throws dpm::Error when the server is not running or the database cannot be created.
    StoreLocation createDatabase(const QString &hint);
    // A fresh database with every embedded migration applied: a copy (CREATE DATABASE … TEMPLATE)
    // of one database this process migrated once, which is several times faster than migrating
    // each test's database anew.
    StoreLocation createMigratedDatabase(const QString &hint);
    // A fresh database that is a copy of `source` (a database on this server), made with
    // CREATE DATABASE … TEMPLATE: cheaper than building the same tables and rows again per test.
    // Sessions still open on `source` are ended first (a template must have none).
    StoreLocation copyDatabase(const QString &hint, const StoreLocation &source);
    // The libpq URL of a database on this server (user postgres, trust authentication).
    QString url(const QString &database) const;
    // Runs SQL as the superuser on a database (admin work in tests: roles, drops, inspection).
    void execAsSuperuser(const QString &database, const QString &sql);

    // Crashes the server for the fault tests: SIGKILL to the postmaster and every process it
    // started, then waits (bounded) until they are gone, so every client sees its connection
    // dropped mid-statement. False (see errorString()) when it could not.
    bool kill();
    // Starts the killed server again on the same data directory and port; PostgreSQL runs crash
    // recovery first, so what was committed is there and what was not is gone.
    bool restart();

private:
    PgServer();
    void start();
    bool startOnPort(int port);
    static QString sharedBuffers();
    StoreLocation createDatabaseFrom(const QString &hint, const QString &templateName);
    void endSessionsOn(const QString &database);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_binDir;
    QString m_dataDir;
    int m_port = 0;
    QString m_options; // the postgres options of the running server, for a restart
    bool m_running = false;
    QString m_error;
    int m_databaseCounter = 0;
    QString m_migratedTemplate; // the database createMigratedDatabase() copies; empty until made
};

// QVERIFY-friendly accessor: the running server, or a failure message naming the cause.
#define DPM_REQUIRE_POSTGRES()                                                                                         \
    do {                                                                                                               \
        if (!::dpm::test::PgServer::instance().isRunning())                                                            \
            QFAIL(qPrintable(QStringLiteral("PostgreSQL is required for this test: ")                                  \
                + ::dpm::test::PgServer::instance().errorString()));                                                   \
    } while (false)

} // namespace dpm::test
