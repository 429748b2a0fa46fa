// Reading from a PostgreSQL hot standby (issue 17): a primary and a streaming replica
// (tests/support/pgreplicapair). What the primary writes is read through the replica; multi-host
// locations with target_session_attrs land where they say; every change is refused on the replica
// with STORE_READ_ONLY_REPLICA before any statement reaches it; status and health say "replica"
// with the replay lag.

#include "demo/demogenerator.h"
#include "errorassertions.h"
#include "pgreplicapair.h"
#include "services/outboxactions.h"
#include "services/retentionpurge.h"
#include "services/storemigrations.h"
#include "services/storeopening.h"
#include "services/storestatus.h"
#include "services/transfer.h"
#include "servetestsupport.h"
#include "store/auditlog.h"
#include "store/memorystore.h"
#include "store/proposalstore.h"
#include "store/runeventstore.h"
#include "store/serverprobe.h"

#include <QTest>

#include <functional>

using namespace dpm;
using namespace dpm::test;

class TestReplica : public QObject
{
    Q_OBJECT

private:
    QString m_db;
    std::unique_ptr<SupportStore> m_primary;
    std::unique_ptr<SupportStore> m_replica;

    QString multiHost(int first, int second, const QString &attrs) const
    {
        return QStringLiteral("postgresql://postgres@127.0.0.1:%1,127.0.0.1:%2/%3?target_session_attrs=%4")
            .arg(first)
            .arg(second)
            .arg(m_db, attrs);
    }
    static RunRecord run(const QString &id)
    {
        RunRecord r;
        r.run = RebalanceRun { id, QStringLiteral("corr_") + id, QStringLiteral("sha256:") + id, std::nullopt,
            QStringLiteral("pf_R"), QStringLiteral("2026-02-18T10:00:00+00:00"),
            QStringLiteral(R"({"rebalance_run_id":"%1","status":"READY"})").arg(id) };
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        DPM_REQUIRE_REPLICA_PAIR();
        PgReplicaPair &pair = PgReplicaPair::instance();
        guarded([&] {
            m_db = pair.createDatabase(QStringLiteral("replica"));
            m_primary = openStore(pair.primary(m_db), OpenOptions { .applyMigrations = true });
            DemoOptions demo;
            demo.runCount = 20;
            generateDemoData(*m_primary, demo);
            QVERIFY2(pair.waitForReplay(), qPrintable(pair.errorString()));
            m_replica = openStore(pair.replica(m_db));
        });
    }

    void writeOnPrimary_isReadThroughTheReplica()
    {
        guarded([&] {
            QVERIFY(!m_replica->getRun(QStringLiteral("rr_replicated")));
            m_primary->recordRun(run(QStringLiteral("rr_replicated")));
            // Streaming replication is asynchronous: poll, bounded.
            QTRY_VERIFY_WITH_TIMEOUT(m_replica->getRun(QStringLiteral("rr_replicated")).has_value(), 15000);
            QCOMPARE(m_replica->getRun(QStringLiteral("rr_replicated"))->portfolioId, QStringLiteral("pf_R"));
        });
    }

    void multiHostLocation_landsWhereTargetSessionAttrsSays_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<bool>("replica");
        const int p = PgReplicaPair::instance().primaryPort();
        const int r = PgReplicaPair::instance().replicaPort();
        QTest::newRow("prefer-standby, primary listed first") << multiHost(p, r, QStringLiteral("prefer-standby")) << true;
        QTest::newRow("read-only, primary listed first") << multiHost(p, r, QStringLiteral("read-only")) << true;
        QTest::newRow("read-write, replica listed first") << multiHost(r, p, QStringLiteral("read-write")) << false;
        QTest::newRow("any, replica listed first") << multiHost(r, p, QStringLiteral("any")) << true;
        QTest::newRow("key=value read-write")
            << QStringLiteral("host=127.0.0.1,127.0.0.1 port=%1,%2 user=postgres dbname=%3 target_session_attrs=read-write")
                   .arg(r)
                   .arg(p)
                   .arg(m_db)
            << false;
        QTest::newRow("key=value prefer-standby")
            << QStringLiteral("host=127.0.0.1,127.0.0.1 port=%1,%2 user=postgres dbname=%3 "
                              "target_session_attrs=prefer-standby")
                   .arg(p)
                   .arg(r)
                   .arg(m_db)
            << true;
    }
    void multiHostLocation_landsWhereTargetSessionAttrsSays()
    {
        QFETCH(QString, location);
        QFETCH(bool, replica);
        guarded([&] {
            const auto store = openStore(StoreLocation::parse(location));
            QCOMPARE(probeServer(*store).isReplica, replica);
            if (replica) {
                EXPECT_ERROR(store->recordRun(run(QStringLiteral("rr_multi"))), "STORE_READ_ONLY_REPLICA");
            } else {
                store->recordRun(run(QStringLiteral("rr_multi")));
                QVERIFY(store->getRun(QStringLiteral("rr_multi")));
            }
        });
    }

    // Each change the console and dpmctl offer, through the same core function they call.
    void everyChange_isRefusedOnTheReplica_beforeAnyStatement()
    {
        const QString logBefore = PgReplicaPair::instance().replicaLog();
        guarded([&] {
            SupportStore &replica = *m_replica;
            EXPECT_ERROR(applyMigrations(replica), "STORE_READ_ONLY_REPLICA");

            PurgeOptions purge;
            purge.retentionDays = 1;
            purge.now = QStringLiteral("2030-01-01T00:00:00+00:00");
            EXPECT_ERROR(purgeExpired(replica, purge), "STORE_READ_ONLY_REPLICA");
            purge.target = PurgeTarget::Operations;
            purge.ttlSeconds = 1;
            EXPECT_ERROR(purgeExpired(replica, purge), "STORE_READ_ONLY_REPLICA");

            OutboxActionOptions outbox;
            outbox.kind = OutboxActionKind::Purge;
            outbox.olderThanDays = 1;
            outbox.now = purge.now;
            EXPECT_ERROR(runOutboxAction(replica, outbox), "STORE_READ_ONLY_REPLICA");
            outbox.kind = OutboxActionKind::Retry;
            EXPECT_ERROR(runOutboxAction(replica, outbox), "STORE_READ_ONLY_REPLICA");

            MemoryStore source;
            source.recordRun(run(QStringLiteral("rr_source")));
            EXPECT_ERROR(backfillStore(source, replica), "STORE_READ_ONLY_REPLICA");

            DemoOptions demo;
            demo.runCount = 5;
            demo.seed = 7;
            EXPECT_ERROR(generateDemoData(replica, demo), "STORE_READ_ONLY_REPLICA");

            // The store's own writes: runs, proposals, events.
            EXPECT_ERROR(replica.recordRun(run(QStringLiteral("rr_refused"))), "STORE_READ_ONLY_REPLICA");
            const auto proposals = replica.proposals().listProposals({}, PageRequest { 1, {} });
            QVERIFY(!proposals.items.isEmpty());
            EXPECT_ERROR(replica.proposals().updateProposal(proposals.items.first()), "STORE_READ_ONLY_REPLICA");
            AppendEventRequest event;
            event.rebalanceRunId = QStringLiteral("rr_replicated");
            event.eventType = QStringLiteral("run.created");
            event.idempotencyKey = QStringLiteral("replica-1");
            event.payloadJson = QStringLiteral("{}");
            event.topics = { QStringLiteral("audit") };
            EXPECT_ERROR(replica.runEvents().appendEvent(event), "STORE_READ_ONLY_REPLICA");

            // Single-statement writes, without a transaction of their own: refused by SqlDatabase
            // before the statement is sent, naming the table.
            const auto refusedWriting = [](const std::function<void()> &write, const char *table) {
                try {
                    write();
                    QFAIL(qPrintable(QStringLiteral("a write into %1 went through on the replica").arg(QLatin1String(table))));
                } catch (const Error &error) {
                    QCOMPARE(error.code(), QStringLiteral("STORE_READ_ONLY_REPLICA"));
                    QVERIFY2(error.message().contains(QStringLiteral("writing %1").arg(QLatin1String(table))),
                        qPrintable(error.message()));
                }
            };
            const QString at = QStringLiteral("2026-02-18T10:00:00+00:00");
            refusedWriting([&] { replica.saveRunArtifact({ QStringLiteral("rr_replicated"), QStringLiteral("{}") }); },
                "dpm_run_artifacts");
            refusedWriting([&] {
                replica.saveIdempotencyMapping(
                    { QStringLiteral("idem-r"), QStringLiteral("sha256:r"), QStringLiteral("rr_replicated"), at });
            }, "dpm_run_idempotency");
            refusedWriting([&] {
                replica.appendIdempotencyHistory({ QStringLiteral("idem-r"), QStringLiteral("rr_replicated"),
                    QStringLiteral("corr_r"), QStringLiteral("sha256:r"), at });
            }, "dpm_run_idempotency_history");
            refusedWriting([&] {
                replica.appendLineageEdge({ QStringLiteral("rr_replicated"), QStringLiteral("RUN_TO_ARTIFACT"),
                    QStringLiteral("art_r"), at, QStringLiteral("{}") });
            }, "dpm_lineage_edges");
            refusedWriting([&] {
                replica.upsertPolicyPack({ QStringLiteral("pp_r"), QStringLiteral("1"), QStringLiteral("{}"), at, at });
            }, "dpm_policy_packs");
            refusedWriting([&] { replica.deletePolicyPack(QStringLiteral("pp_r")); }, "dpm_policy_packs");
            refusedWriting([&] {
                replica.auditLog().append(AuditEntry::create(QStringLiteral("tester"), QStringLiteral("purge.runs"),
                    replica.describe(), {}, QStringLiteral("succeeded")));
            }, "console_audit_log");
        });
        // Refused up front: the server never had to reject a write.
        const QString logAfter = PgReplicaPair::instance().replicaLog().mid(logBefore.size());
        QVERIFY2(!logAfter.contains(QLatin1String("read-only transaction")), qPrintable(logAfter));
    }

    void previews_stillRunOnTheReplica()
    {
        guarded([&] {
            PurgeOptions purge;
            purge.retentionDays = 1;
            purge.now = QStringLiteral("2030-01-01T00:00:00+00:00");
            purge.dryRun = true;
            const PurgeResult result = purgeExpired(*m_replica, purge);
            QVERIFY(result.report.deleted.value(QStringLiteral("dpm_runs")) > 0);
        });
    }

    void statusAndHealth_sayReplicaWithTheReplayLag()
    {
        guarded([&] {
            PgReplicaPair &pair = PgReplicaPair::instance();
            QVERIFY(pair.waitForReplay());
            const StoreStatus status = storeStatus(*m_replica, StorePool {});
            QCOMPARE(status.role(), QStringLiteral("replica"));
            QVERIFY(status.server.replayLagSeconds.has_value());
            QVERIFY(status.toText().contains(QLatin1String("replica, replay lag")));
            QCOMPARE(storeStatus(*m_primary, StorePool {}).role(), QStringLiteral("primary"));

            const StoreHealth health = checkStoreHealth(pair.replica(m_db));
            QVERIFY(health.server.isReplica);
            QVERIFY(health.server.replayLagSeconds.has_value());
            QVERIFY(health.toText().contains(QLatin1String("replay lag")));

            const QString notice = readOnlyNotice(*m_replica);
            QVERIFY2(notice.contains(QLatin1String("replica")) && notice.contains(QLatin1String("replay lag")),
                qPrintable(notice));
            QVERIFY(readOnlyNotice(*m_primary).isEmpty());
        });
    }

    // dpmctl serve --read-only-replica: the standby is accepted and store-status says so; the
    // primary, which the server could change, is refused before anything listens.
    void serveReadOnlyReplica_startsOnTheStandbyOnly()
    {
        guarded([&] {
            serve::ServeOptions options = test::testServeOptions();
            options.readOnlyReplica = true;
            {
                test::RunningServer server(*m_replica, options);
                const test::HttpAnswer status = server.get(QStringLiteral("/console/v1/store-status"));
                QCOMPARE(status.status, 200);
                QVERIFY2(status.body.contains(R"("read_only":true)"), status.body.constData());
                QVERIFY2(status.body.contains(R"("read_only_replica":true)"), status.body.constData());
            }
            EXPECT_ERROR(std::make_unique<serve::ApiServer>(*m_primary, options), "SERVE_STORE_NOT_READ_ONLY");
            options.readOnlyReplica = false;
            test::RunningServer server(*m_primary, options);
            QVERIFY(server.get(QStringLiteral("/console/v1/store-status")).body.contains(R"("read_only_replica":false)"));
        });
    }

    void cleanupTestCase()
    {
        m_replica.reset();
        m_primary.reset();
    }
};

QTEST_GUILESS_MAIN(TestReplica)
#include "tst_replica.moc"
