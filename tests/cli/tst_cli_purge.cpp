// dpmctl purge runs / purge operations against a store the service created and seeded (see
// clisupport.h for the data). That store has no console audit table: a real purge is refused
// there unless --no-audit says to go ahead without a record; with the console's migrations
// applied, it is recorded. Run twice from this executable: SQLite (cli_purge_sqlite) and
// PostgreSQL (cli_purge_postgres, DPM_TEST_BACKEND=postgres).

#include "clisupport.h"
#include "pgserver.h"
#include "testbackend.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

const bool kPostgres = testBackend() == TestBackend::Postgres;

namespace {

// Two days of retention at 2026-02-21T00:00Z: cut-off 2026-02-19T00:00Z, so rr_00000001 (02-18)
// and rr_00000004 (02-17) expire; their edges go, and so does idem-1 -> rr_00000002 (the
// service's cascade by idempotency key).
const QStringList kRunPurge { QStringLiteral("purge"), QStringLiteral("runs"), QStringLiteral("--retention-days"),
    QStringLiteral("2"), QStringLiteral("--now"), QStringLiteral("2026-02-21T08:00:00+08:00") };
const QString kNoAudit = QStringLiteral("--no-audit");

QMap<QString, qint64> deletedOf(const QJsonObject &report)
{
    QMap<QString, qint64> out;
    const QJsonObject deleted = report.value(QStringLiteral("deleted")).toObject();
    for (auto it = deleted.constBegin(); it != deleted.constEnd(); ++it)
        out.insert(it.key(), it.value().toInteger());
    return out;
}

} // namespace

class TestCliPurge : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_sandbox;
    QString m_store;
    std::optional<StoreLocation> m_location;

    CliResult cli(QStringList args) const
    {
        args << QStringLiteral("--store") << m_store << QStringLiteral("--json");
        return runDpmctl(args, sandboxEnvironment(m_sandbox->path()));
    }
    CliResult text(QStringList args) const
    {
        args << QStringLiteral("--store") << m_store;
        return runDpmctl(args, sandboxEnvironment(m_sandbox->path()));
    }
    QStringList runIds() const
    {
        QStringList ids;
        const CliResult r = cli({ QStringLiteral("runs"), QStringLiteral("list") });
        for (const QJsonValue &item : r.json().value(QStringLiteral("items")).toArray())
            ids << item.toObject().value(QStringLiteral("rebalance_run_id")).toString();
        return ids;
    }
    QStringList operationIds() const
    {
        QStringList ids;
        const CliResult r = cli({ QStringLiteral("operations"), QStringLiteral("list") });
        for (const QJsonValue &item : r.json().value(QStringLiteral("items")).toArray())
            ids << item.toObject().value(QStringLiteral("operation_id")).toString();
        return ids;
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<QTemporaryDir>();
        QVERIFY(m_sandbox->isValid());
        std::optional<StoreLocation> &location = m_location;
        if (kPostgres) {
            DPM_REQUIRE_POSTGRES();
            location = createServicePostgres(QString::fromLatin1(QTest::currentTestFunction()));
            // A password in the location: trust authentication ignores it, and no output may show it.
            m_store = PgServer::instance().url(location->libpqParameter(QStringLiteral("dbname")));
            m_store.replace(QStringLiteral("postgres@"), QStringLiteral("postgres:purge-pw-secret@"));
        } else {
            const QString path = m_sandbox->filePath(QStringLiteral("service.db"));
            createServiceSqlite(path);
            location = StoreLocation::sqlite(path);
            m_store = QStringLiteral("sqlite:") + path;
        }
        seedStore(*location);
    }

    void cleanup()
    {
        m_sandbox.reset();
    }

    void purgeRuns_dryRun_deletesNothingAndReportsWhatTheRealRunDeletes()
    {
        const CliResult dry = cli(kRunPurge + QStringList { QStringLiteral("--dry-run") });
        CLI_OK(dry);
        const QJsonObject report = dry.json();
        QCOMPARE(report.value(QStringLiteral("dry_run")).toBool(), true);
        QCOMPARE(report.value(QStringLiteral("target")).toString(), QStringLiteral("runs"));
        QCOMPARE(report.value(QStringLiteral("retention_days")).toInteger(), 2);
        // --now is normalised to UTC; the cut-off is now - 2 days.
        QCOMPARE(report.value(QStringLiteral("now")).toString(), QStringLiteral("2026-02-21T00:00:00+00:00"));
        QCOMPARE(report.value(QStringLiteral("cutoff")).toString(), QStringLiteral("2026-02-19T00:00:00+00:00"));
        QMap<QString, qint64> expected { { QStringLiteral("dpm_runs"), 2 }, { QStringLiteral("dpm_run_artifacts"), 0 },
            { QStringLiteral("dpm_run_idempotency"), 0 }, { QStringLiteral("dpm_run_idempotency_history"), 1 },
            { QStringLiteral("dpm_workflow_decisions"), 0 }, { QStringLiteral("dpm_lineage_edges"), 4 } };
        QCOMPARE(deletedOf(report), expected);
        QCOMPARE(report.value(QStringLiteral("total")).toInteger(), 7);
        QCOMPARE(runIds().size(), 4); // nothing deleted

        const CliResult real = cli(kRunPurge + QStringList { kNoAudit });
        CLI_OK(real);
        QCOMPARE(real.json().value(QStringLiteral("dry_run")).toBool(), false);
        QCOMPARE(deletedOf(real.json()), expected);
        QCOMPARE(runIds(), QStringList({ QStringLiteral("rr_00000003"), QStringLiteral("rr_00000002") }));

        // Nothing is left to purge.
        const CliResult again = cli(kRunPurge + QStringList { QStringLiteral("--dry-run") });
        CLI_OK(again);
        QCOMPARE(again.json().value(QStringLiteral("total")).toInteger(), 0);
    }

    void purgeOperations_dryRunThenRun_sameCount()
    {
        // TTL 1 h at 2026-02-20T11:30Z: dop_000000000002 finished 2026-02-19 expires, dop_000000000001
        // (created 2026-02-20T11:00Z, not finished) does not.
        const QStringList purge { QStringLiteral("purge"), QStringLiteral("operations"),
            QStringLiteral("--ttl-seconds"), QStringLiteral("3600"), QStringLiteral("--now"),
            QStringLiteral("2026-02-20T11:30:00Z") };
        const CliResult dry = cli(purge + QStringList { QStringLiteral("--dry-run") });
        CLI_OK(dry);
        QCOMPARE(dry.json().value(QStringLiteral("cutoff")).toString(), QStringLiteral("2026-02-20T10:30:00+00:00"));
        QCOMPARE(deletedOf(dry.json()), (QMap<QString, qint64> { { QStringLiteral("dpm_async_operations"), 1 } }));
        QCOMPARE(operationIds().size(), 2);

        const CliResult real = cli(purge + QStringList { kNoAudit });
        CLI_OK(real);
        QCOMPARE(deletedOf(real.json()), deletedOf(dry.json()));
        QCOMPARE(operationIds(), QStringList { QStringLiteral("dop_000000000001") });
    }

    void purge_belowOne_isANoOpReport_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("table");
        QTest::newRow("retention 0") << QStringList { "purge", "runs", "--retention-days", "0" } << "dpm_runs";
        QTest::newRow("retention -3") << QStringList { "purge", "runs", "--retention-days", "-3" } << "dpm_runs";
        QTest::newRow("ttl 0") << QStringList { "purge", "operations", "--ttl-seconds", "0" } << "dpm_async_operations";
    }
    void purge_belowOne_isANoOpReport()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, table);
        const CliResult r = cli(args);
        CLI_OK(r);
        QCOMPARE(r.json().value(QStringLiteral("cutoff")), QJsonValue(QJsonValue::Null));
        QCOMPARE(r.json().value(QStringLiteral("total")).toInteger(), 0);
        QVERIFY(r.json().value(QStringLiteral("deleted")).toObject().contains(table));
        QCOMPARE(runIds().size(), 4);
        QCOMPARE(operationIds().size(), 2);

        const CliResult shown = text(args);
        CLI_OK(shown);
        QVERIFY2(shown.out.contains("the purge is disabled, nothing deleted"), shown.out.constData());
    }

    void purge_text_showsCutoffTablesAndDryRunLine()
    {
        const CliResult r = text(kRunPurge + QStringList { QStringLiteral("--dry-run") });
        CLI_OK(r);
        const QString out = QString::fromUtf8(r.out);
        for (const char *expected : { "cutoff:", "2026-02-19T00:00:00+00:00",
                 "dpm_runs:", "dpm_run_artifacts:", "dpm_run_idempotency:", "dpm_run_idempotency_history:",
                 "dpm_workflow_decisions:", "dpm_lineage_edges:", "total:", "dry run: nothing deleted" })
            QVERIFY2(out.contains(QLatin1String(expected)), qPrintable(expected + (QStringLiteral(" in ") + out)));
        QVERIFY(out.contains(QRegularExpression(QStringLiteral("dpm_runs: +2\\n"))));

        const CliResult real = text(kRunPurge + QStringList { kNoAudit });
        CLI_OK(real);
        QVERIFY(!real.out.contains("dry run"));
    }

    void purge_withoutAuditTable_isRefusedWithExit8AndDeletesNothing()
    {
        for (const QStringList &args : { kRunPurge,
                 QStringList { "purge", "operations", "--ttl-seconds", "3600", "--now", "2026-02-20T11:30:00Z" } }) {
            CLI_FAILS(cli(args), 8, "CONSOLE_AUDIT_LOG_MISSING");
            const CliResult shown = text(args);
            QCOMPARE(shown.exitCode, 8);
            QVERIFY2(shown.err.contains("--namespace console"), shown.err.constData()); // says what to do
        }
        QCOMPARE(runIds().size(), 4);
        QCOMPARE(operationIds().size(), 2);
        QVERIFY(!hasAuditTable(*m_location));
    }

    void purge_noAudit_goesAheadWithoutCreatingTheAuditTable()
    {
        const CliResult real = cli(kRunPurge + QStringList { kNoAudit });
        CLI_OK(real);
        QVERIFY2(real.err.isEmpty(), real.err.constData()); // skipped knowingly: nothing to warn about
        QCOMPARE(runIds(), QStringList({ QStringLiteral("rr_00000003"), QStringLiteral("rr_00000002") }));
        QVERIFY(!hasAuditTable(*m_location));
    }

    void purge_withConsoleMigrations_isRecordedInOneDetailsShape()
    {
        // One run each (CLI_OK evaluates its argument more than once).
        const CliResult migrated = cli({ QStringLiteral("migrate"), QStringLiteral("apply") });
        CLI_OK(migrated);
        const CliResult dry = cli(kRunPurge + QStringList { QStringLiteral("--dry-run") }); // not recorded
        CLI_OK(dry);
        const CliResult runs = cli(kRunPurge);
        CLI_OK(runs);
        const CliResult operations
            = cli({ "purge", "operations", "--ttl-seconds", "3600", "--now", "2026-02-20T11:30:00Z" });
        CLI_OK(operations);
        const QList<AuditEntry> entries = auditEntries(*m_location);
        QStringList actions;
        for (const AuditEntry &entry : entries)
            actions << entry.action + u' ' + entry.outcome;
        QCOMPARE(actions,
            QStringList({ QStringLiteral("purge.operations succeeded"), QStringLiteral("purge.runs succeeded"),
                QStringLiteral("migrate.apply succeeded") }));
        const QJsonObject runDetails = entries.at(1).toJson().value(QStringLiteral("details")).toObject();
        QCOMPARE(runDetails.keys(),
            QStringList({ QStringLiteral("duration_ms"), QStringLiteral("now"), QStringLiteral("report"),
                QStringLiteral("retention_days") }));
        QCOMPARE(runDetails.value(QStringLiteral("now")).toString(), QStringLiteral("2026-02-21T00:00:00+00:00"));
        QCOMPARE(runDetails.value(QStringLiteral("report")).toObject().value(QStringLiteral("total")).toInteger(), 7);
        const QJsonObject operationDetails = entries.at(0).toJson().value(QStringLiteral("details")).toObject();
        QCOMPARE(operationDetails.keys(),
            QStringList({ QStringLiteral("duration_ms"), QStringLiteral("now"), QStringLiteral("report"),
                QStringLiteral("ttl_seconds") }));
        QCOMPARE(operationDetails.value(QStringLiteral("ttl_seconds")).toInteger(), 3600);
        QCOMPARE(entries.at(1).target, entries.at(0).target);
        QVERIFY2(!entries.at(1).target.contains(QLatin1String("purge-pw-secret")), qPrintable(entries.at(1).target));
    }

    void purge_badNow_exits5()
    {
        CLI_FAILS(cli(QStringList { "purge", "runs", "--retention-days", "3", "--now", "yesterday" }), 5,
            "INVALID_TIMESTAMP");
        CLI_FAILS(cli(QStringList { "purge", "operations", "--ttl-seconds", "3", "--now", "2026-13-01" }), 5,
            "INVALID_TIMESTAMP");
        QCOMPARE(runIds().size(), 4);
    }

    void purge_missingOrMalformedN_isRefused()
    {
        CLI_FAILS(cli(QStringList { "purge", "runs" }), 2, "USAGE_ERROR");
        CLI_FAILS(cli(QStringList { "purge", "operations", "--dry-run" }), 2, "USAGE_ERROR");
        CLI_FAILS(cli(QStringList { "purge", "runs", "--retention-days", "ten" }), 5, "INVALID_RETENTION_DAYS");
        CLI_FAILS(cli(QStringList { "purge", "runs", "--retention-days", "99999999999" }), 5, "INVALID_RETENTION_DAYS");
        CLI_FAILS(cli(QStringList { "purge", "operations", "--ttl-seconds", "1.5" }), 5, "INVALID_TTL_SECONDS");
        QCOMPARE(runIds().size(), 4);
    }

    void purge_outputs_neverShowThePassword()
    {
        const QList<CliResult> results { cli(kRunPurge + QStringList { QStringLiteral("--dry-run") }),
            text(kRunPurge + QStringList { QStringLiteral("--dry-run") }),
            cli(QStringList { "purge", "runs", "--retention-days", "1", "--now", "nonsense" }),
            text(QStringList { "purge", "operations", "--ttl-seconds", "5" }) };
        for (const CliResult &r : results) {
            QVERIFY2(
                !r.out.contains("purge-pw-secret") && !r.err.contains("purge-pw-secret"), qPrintable(r.describe()));
        }
        if (kPostgres) {
            QVERIFY(results.first().json().value(QStringLiteral("store")).toString().contains(QLatin1String(":***@")));
        }
    }
};

DPM_BACKEND_TEST_GUILESS_MAIN(TestCliPurge)
#include "tst_cli_purge.moc"
