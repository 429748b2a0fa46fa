// The console's audit trail (console/0003) on every backend: entries come back newest first with
// keyset paging, a store without the table says so with CONSOLE_AUDIT_LOG_MISSING, and (on
// PostgreSQL) the migration advisory locks are taken without waiting and their holder is named.
// Run once per backend (DPM_TEST_BACKEND) like the store contract.

#include "backendstore.h"
#include "domain/canonicaljson.h"
#include "domain/cursor.h"
#include "domain/error.h"
#include "migrate/migrationlock.h"
#include "migrate/migrator.h"
#include "store/auditlog.h"
#include "store/sqlauditlog.h"
#include "store/sqldatabase.h"
#include "store/supportstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;

namespace {

AuditEntry entryAt(const QString &id, const QString &occurredAt, const QString &action = QStringLiteral("purge.runs"))
{
    return AuditEntry { id, occurredAt, QStringLiteral("alice"), action, QStringLiteral("sqlite:/x.db"),
        QStringLiteral("{\"retention_days\":3}"), QStringLiteral("succeeded") };
}

QStringList idsOf(const Page<AuditEntry> &page)
{
    QStringList ids;
    for (const AuditEntry &e : page.items)
        ids << e.auditId;
    return ids;
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SupportStore> m_store;

private Q_SLOTS:
    void init()
    {
        if (test::backendIsPostgres())
            DPM_REQUIRE_POSTGRES();
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = test::openFreshBackendStore(*m_dir, QString::fromLatin1(QTest::currentTestFunction()));
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void create_stampsIdTimeAndCanonicalDetails()
    {
        const AuditEntry e
            = AuditEntry::create(QStringLiteral("bob"), QStringLiteral("cutover.check"), QStringLiteral("memory:"),
                QJsonObject { { QStringLiteral("z"), 1 }, { QStringLiteral("a"), true } }, QStringLiteral("succeeded"));
        QVERIFY2(QRegularExpression(QStringLiteral("^aud_[0-9a-f]{12}$")).match(e.auditId).hasMatch(),
            qPrintable(e.auditId));
        QVERIFY(e.occurredAt.endsWith(QLatin1String("+00:00")));
        QCOMPARE(e.detailsJson, QStringLiteral("{\"a\":true,\"z\":1}"));
        QCOMPARE(e.toJson().value(QStringLiteral("details")).toObject().value(QStringLiteral("z")).toInt(), 1);
    }

    void list_isNewestFirstWithKeysetPaging()
    {
        AuditLog &log = m_store->auditLog();
        QVERIFY(log.isAvailable());
        log.append(entryAt(QStringLiteral("aud_000000000002"), QStringLiteral("2026-03-01T10:00:00+00:00")));
        log.append(entryAt(QStringLiteral("aud_000000000001"), QStringLiteral("2026-03-01T10:00:00+00:00")));
        log.append(entryAt(QStringLiteral("aud_000000000003"), QStringLiteral("2026-03-02T09:00:00+00:00")));
        log.append(entryAt(QStringLiteral("aud_000000000004"), QStringLiteral("2026-02-28T09:00:00+00:00")));

        const Page<AuditEntry> first = log.list(PageRequest { 2, std::nullopt });
        QCOMPARE(idsOf(first), (QStringList { "aud_000000000003", "aud_000000000002" }));
        QVERIFY(first.nextCursor);
        const Page<AuditEntry> second = log.list(PageRequest { 2, first.nextCursor });
        QCOMPARE(idsOf(second), (QStringList { "aud_000000000001", "aud_000000000004" }));
        QVERIFY(!second.nextCursor);
        // The whole row comes back as written.
        const AuditEntry &row = second.items.constFirst();
        QCOMPARE(row.actor, QStringLiteral("alice"));
        QCOMPARE(row.action, QStringLiteral("purge.runs"));
        QCOMPARE(row.target, QStringLiteral("sqlite:/x.db"));
        QCOMPARE(row.detailsJson, QStringLiteral("{\"retention_days\":3}"));
        QCOMPARE(row.outcome, QStringLiteral("succeeded"));
    }

    void recordedMigrationDurations_readTheConsolesAndDpmctlsApplyEntries()
    {
        AuditLog &log = m_store->auditLog();
        const auto json = [](const char *text) { return QJsonDocument::fromJson(text).object(); };
        // dpmctl: its apply report (plain versions with their namespace); older than the console's.
        log.append(AuditEntry::create(QStringLiteral("bob"), QStringLiteral("migrate.apply"), QStringLiteral("x"),
            json(R"({"report":{"applied":[{"namespace":"dpm","version":"0001","duration_ms":12},
                                           {"namespace":"console","version":"0001","duration_ms":99}]}})"),
            QStringLiteral("succeeded")));
        log.append(AuditEntry::create(QStringLiteral("bob"), QStringLiteral("purge.runs"), QStringLiteral("x"),
            json(R"({"applied":[{"version":"dpm:0002","duration_ms":1}]})"), QStringLiteral("succeeded")));
        QTest::qWait(2); // a later occurred_at: newest first decides console:0001
        // The console: namespaced versions; console:0001 was applied again (a recreated database).
        log.append(AuditEntry::create(QStringLiteral("alice"), QStringLiteral("migrate.apply"), QStringLiteral("x"),
            json(R"({"applied":[{"version":"console:0001","duration_ms":7},{"version":"console:0002","duration_ms":3}]})"),
            QStringLiteral("failed: POSTGRES_MIGRATION_FAILED:console:0003")));

        const QHash<QString, qint64> durations = recordedMigrationDurations(log);
        QCOMPARE(durations,
            (QHash<QString, qint64> { { QStringLiteral("dpm:0001"), 12 }, { QStringLiteral("console:0001"), 7 },
                { QStringLiteral("console:0002"), 3 } }));
        QCOMPARE(recordedMigrationDurations(log, 1).size(), 2); // only the newest entry read
    }

    void list_cursorOfAnotherListing_isInvalidCursor()
    {
        const QString runsCursor = encodeCursor(CursorListing::Runs, QStringLiteral("x"), QStringLiteral("y"));
        try {
            m_store->auditLog().list(PageRequest { 5, runsCursor });
            QFAIL("expected INVALID_CURSOR");
        } catch (const Error &e) {
            QCOMPARE(e.code(), QStringLiteral("INVALID_CURSOR"));
        }
    }

    void actor_namesTheOsUserAndOnPostgresTheRole()
    {
        const QString actor = m_store->auditLog().actor();
        QVERIFY(actor.startsWith(osUserName()));
        if (test::backendIsPostgres())
            QVERIFY2(actor.endsWith(QLatin1String(" as postgres")), qPrintable(actor));
        else
            QCOMPARE(actor, osUserName());
    }

    void withoutConsoleMigrations_appendAndList_areAuditLogMissing()
    {
        const auto location = test::freshBackendLocation(*m_dir, QStringLiteral("noconsole"));
        SqlDatabase db(*location);
        Migrator(db).apply({ QStringLiteral("dpm") });
        SqlAuditLog log(db);
        QVERIFY(!log.isAvailable());
        for (int i = 0; i < 2; ++i) {
            try {
                if (i == 0)
                    log.append(
                        entryAt(QStringLiteral("aud_000000000001"), QStringLiteral("2026-03-01T10:00:00+00:00")));
                else
                    log.list({});
                QFAIL("expected CONSOLE_AUDIT_LOG_MISSING");
            } catch (const Error &e) {
                QCOMPARE(e.code(), QStringLiteral("CONSOLE_AUDIT_LOG_MISSING"));
                QVERIFY(e.message().contains(QLatin1String("migrate apply --namespace console")));
            }
        }
        // Applying the console namespace creates it (after proposals: console/0005 indexes their tables).
        Migrator(db).apply({ QStringLiteral("proposals"), QStringLiteral("console") });
        QVERIFY(log.isAvailable());
        log.append(entryAt(QStringLiteral("aud_000000000001"), QStringLiteral("2026-03-01T10:00:00+00:00")));
        QCOMPARE(log.list({}).items.size(), 1);
    }

    void migrationLocks_heldByAnotherSession_nameItsHolderAndDoNotWait()
    {
        const StoreLocation location = lockDatabase();
        SqlDatabase other(location);
        SqlDatabase mine(location);
        other.execDirect(QStringLiteral("SET application_name = 'other-migrator'"));
        SqlRows pidRow = other.exec(QStringLiteral("SELECT pg_backend_pid()"));
        QVERIFY(pidRow.next());
        const qint64 otherPid = pidRow.value(0).toLongLong();
        other.exec(
            QStringLiteral("SELECT pg_advisory_lock(?::bigint)"), { advisoryLockKey(QStringLiteral("console")) });

        MigrationLocks locks(mine);
        QCOMPARE(locks.tryTake({ QStringLiteral("dpm"), QStringLiteral("console") }), QStringLiteral("console"));
        const auto holder = locks.holderOf(QStringLiteral("console"));
        QVERIFY(holder);
        QCOMPARE(holder->pid, otherPid);
        QCOMPARE(holder->applicationName, QStringLiteral("other-migrator"));
        QCOMPARE(holder->userName, QStringLiteral("postgres"));
        QVERIFY2(holder->describe().contains(QString::number(otherPid)), qPrintable(holder->describe()));
        QVERIFY(!locks.holderOf(QStringLiteral("dpm"))); // this session holds dpm's: nobody else

        other.exec(
            QStringLiteral("SELECT pg_advisory_unlock(?::bigint)"), { advisoryLockKey(QStringLiteral("console")) });
        QCOMPARE(locks.tryTake({ QStringLiteral("dpm"), QStringLiteral("console") }), std::nullopt);
        // Held re-entrantly: the migrator on the same connection does not wait for itself.
        Migrator(mine).apply(Migrator::namespaces());
        locks.releaseAll();
        SqlRows held = other.exec(QStringLiteral("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'"));
        QVERIFY(held.next());
        QCOMPARE(held.value(0).toLongLong(), 0);
    }

private:
    StoreLocation lockDatabase() { return test::PgServer::instance().createDatabase(QStringLiteral("locks")); }
};

DPM_BACKEND_TEST_GUILESS_MAIN(TestAuditLog,
    { "withoutConsoleMigrations_appendAndList_areAuditLogMissing", test::everyBackendBut(test::TestBackend::Memory) },
    { "migrationLocks_heldByAnotherSession_nameItsHolderAndDoNotWait", test::TestBackend::Postgres })
#include "tst_auditlog.moc"
