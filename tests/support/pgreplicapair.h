#pragma once

#include "store/storelocation.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace dpm::test {

// A throwaway PostgreSQL primary and a streaming hot standby of it, for the replica tests
// (issue 17): initdb and the primary on a free loopback port, the standby made with
// `pg_basebackup -R` into the same temporary directory and started on another free port, both as
// the `postgres` user when the tests run as root, both stopped when this goes. One pair per test
// process; a missing PostgreSQL is an error the tests report as a failure, never a skip.
class PgReplicaPair
{
public:
    static PgReplicaPair &instance();
    ~PgReplicaPair();

    bool isRunning() const { return m_running; }
    QString errorString() const { return m_error; }
    int primaryPort() const { return m_primaryPort; }
    int replicaPort() const { return m_replicaPort; }

    // A fresh database made on the primary (name derived from hint, made unique), once the
    // standby has replayed its creation. Throws dpm::Error when that fails or takes over 20 s.
    QString createDatabase(const QString &hint);
    // The libpq URL of a database on the primary or on the standby (user postgres, trust).
    StoreLocation primary(const QString &database) const;
    StoreLocation replica(const QString &database) const;
    // Runs SQL as the superuser on the primary.
    void execOnPrimary(const QString &database, const QString &sql);
    // Waits until the standby has replayed everything the primary wrote so far; false when it has
    // not within the timeout.
    bool waitForReplay(int timeoutMs = 20000);
    // What the standby's server log holds so far (to show that a refusal never reached it).
    QString replicaLog() const;

private:
    PgReplicaPair();
    void start();
    bool startServer(const QString &dataDir, int port, const QString &log, const QString &extraOptions);
    void stopServer(const QString &dataDir);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_binDir;
    QString m_primaryData;
    QString m_replicaData;
    int m_primaryPort = 0;
    int m_replicaPort = 0;
    bool m_primaryStarted = false;
    bool m_running = false;
    QString m_error;
    int m_databaseCounter = 0;
};

#define DPM_REQUIRE_REPLICA_PAIR()                                                                                     \
    do {                                                                                                               \
        if (!::dpm::test::PgReplicaPair::instance().isRunning())                                                       \
            QFAIL(qPrintable(QStringLiteral("PostgreSQL (a primary and a streaming replica) is required for this "     \
                                            "test: ")                                                                  \
                + ::dpm::test::PgReplicaPair::instance().errorString()));                                              \
    } while (false)

} // namespace dpm::test
