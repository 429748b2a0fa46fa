// dpmctl on a PostgreSQL hot standby (issue 17), with a primary and a streaming replica
// (tests/support/pgreplicapair): every command that changes the store exits 9 with
// STORE_READ_ONLY_REPLICA and changes nothing; reads work; `store status` and `store health` say
// "replica" with the replay lag; multi-host locations land where target_session_attrs says, and
// their password is never shown.

#include "clisupport.h"
#include "demo/demogenerator.h"
#include "domain/error.h"
#include "pgreplicapair.h"
#include "services/storeopening.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

namespace {

const QString kMarker = QStringLiteral("Rp9-pw-MARKER");

} // namespace

class TestCliReplica : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_sandbox;
    QString m_db;

    QString replicaUrl() const
    {
        return PgReplicaPair::instance().replica(m_db).withoutSecrets();
    }
    QString multiHost(int first, int second, const QString &attrs) const
    {
        return QStringLiteral("postgresql://postgres:%1@127.0.0.1:%2,127.0.0.1:%3/%4?target_session_attrs=%5")
            .arg(kMarker)
            .arg(first)
            .arg(second)
            .arg(m_db, attrs);
    }
    CliResult onReplica(const QStringList &args, bool json = true) const
    {
        QStringList all { QStringLiteral("--store"), replicaUrl() };
        all += args;
        if (json)
            all << QStringLiteral("--json");
        return runDpmctl(all, sandboxEnvironment(m_sandbox.path()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sandbox.isValid());
        DPM_REQUIRE_REPLICA_PAIR();
        PgReplicaPair &pair = PgReplicaPair::instance();
        try {
            m_db = pair.createDatabase(QStringLiteral("cli_replica"));
            auto primary = openStore(pair.primary(m_db), OpenOptions { .applyMigrations = true });
            DemoOptions demo;
            demo.runCount = 20;
            generateDemoData(*primary, demo);
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
        QVERIFY2(pair.waitForReplay(), qPrintable(pair.errorString()));
    }

    void everyChangingCommand_isRefusedWithStoreReadOnlyReplica_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("migrate apply") << QStringList { "migrate", "apply" };
        QTest::newRow("purge runs") << QStringList { "purge", "runs", "--retention-days", "1" };
        QTest::newRow("purge operations") << QStringList { "purge", "operations", "--ttl-seconds", "1" };
        QTest::newRow("outbox retry") << QStringList { "outbox", "retry", "--id", "1" };
        QTest::newRow("outbox discard") << QStringList { "outbox", "discard", "--id", "1", "--reason", "x" };
        QTest::newRow("outbox purge") << QStringList { "outbox", "purge", "--delivered-older-than-days", "1" };
        QTest::newRow("outbox relay") << QStringList { "outbox", "relay", "--sink", "/dev/null", "--once" };
        QTest::newRow("events append") << QStringList { "events", "append", "rr_1", "--type", "t",
            "--idempotency-key", "k", "--payload", "{}", "--topic", "a" };
        QTest::newRow("demo generate") << QStringList { "demo", "generate", "--scale", "S", "--seed", "9" };
    }
    void everyChangingCommand_isRefusedWithStoreReadOnlyReplica()
    {
        QFETCH(QStringList, command);
        const CliResult result = onReplica(command);
        CLI_FAILS(result, 9, "STORE_READ_ONLY_REPLICA");
        QVERIFY2(result.errorJson().value(QStringLiteral("message")).toString().contains(QLatin1String("primary")),
            qPrintable(result.describe()));
    }

    void transferIntoTheReplica_isRefused()
    {
        QTemporaryDir dir;
        const QString source = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("source.db"));
        CLI_OK(runDpmctl({ "--store", source, "migrate", "apply" }, sandboxEnvironment(m_sandbox.path())));
        CLI_FAILS(runDpmctl({ "--store", source, "transfer", "backfill", "--to", replicaUrl(), "--json" },
                      sandboxEnvironment(m_sandbox.path())),
            9, "STORE_READ_ONLY_REPLICA");
    }

    void readsAndPreviews_work()
    {
        const CliResult runs = onReplica({ "runs", "list", "--limit", "5" });
        CLI_OK(runs);
        QCOMPARE(runs.json().value(QStringLiteral("items")).toArray().size(), 5);
        CLI_OK(onReplica({ "purge", "runs", "--retention-days", "1", "--dry-run" }));
        // The text output says where it reads from.
        const CliResult text = onReplica({ "summary" }, false);
        CLI_OK(text);
        QVERIFY2(text.err.contains("Read-only replica (replay lag"), qPrintable(text.describe()));
    }

    void storeStatusAndHealth_sayReplicaWithTheReplayLag()
    {
        QVERIFY(PgReplicaPair::instance().waitForReplay());
        const CliResult status = onReplica({ "store", "status" });
        CLI_OK(status);
        const QJsonObject postgres = status.json().value(QStringLiteral("postgres")).toObject();
        QCOMPARE(postgres.value(QStringLiteral("role")).toString(), QStringLiteral("replica"));
        QVERIFY2(postgres.value(QStringLiteral("replay_lag_seconds")).isDouble(), qPrintable(status.describe()));

        const CliResult health = onReplica({ "store", "health" }, false);
        CLI_OK(health);
        QVERIFY2(health.out.contains("replica, replay lag"), qPrintable(health.describe()));
        const CliResult healthJson = onReplica({ "store", "health" });
        CLI_OK(healthJson);
        QCOMPARE(healthJson.json().value(QStringLiteral("role")).toString(), QStringLiteral("replica"));
        QVERIFY(healthJson.json().value(QStringLiteral("replay_lag_seconds")).isDouble());
    }

    void multiHostLocation_landsWhereTargetSessionAttrsSays_andHidesThePassword()
    {
        const int p = PgReplicaPair::instance().primaryPort();
        const int r = PgReplicaPair::instance().replicaPort();
        const QList<std::pair<QString, QString>> cases { { multiHost(p, r, QStringLiteral("prefer-standby")),
                                                             QStringLiteral("replica") },
            { multiHost(r, p, QStringLiteral("read-write")), QStringLiteral("primary") } };
        for (const auto &[location, role] : cases) {
            for (const bool json : { true, false }) {
                QStringList args { "--store", location, "store", "health" };
                if (json)
                    args << QStringLiteral("--json");
                const CliResult health = runDpmctl(args, sandboxEnvironment(m_sandbox.path()));
                CLI_OK(health);
                QVERIFY2(!health.out.contains(kMarker.toUtf8()) && !health.err.contains(kMarker.toUtf8()),
                    qPrintable(health.describe()));
                if (json)
                    QCOMPARE(health.json().value(QStringLiteral("role")).toString(), role);
                else
                    QVERIFY2(health.out.contains(role.toUtf8()), qPrintable(health.describe()));
            }
        }
        // A change through prefer-standby is refused, and the refusal does not show the password.
        const CliResult refused = runDpmctl(
            { "--store", multiHost(p, r, QStringLiteral("prefer-standby")), "purge", "runs", "--retention-days", "1",
                "--json" },
            sandboxEnvironment(m_sandbox.path()));
        CLI_FAILS(refused, 9, "STORE_READ_ONLY_REPLICA");
        QVERIFY2(!refused.err.contains(kMarker.toUtf8()), qPrintable(refused.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCliReplica)
#include "tst_cli_replica.moc"
