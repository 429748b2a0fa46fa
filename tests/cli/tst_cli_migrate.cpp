// dpmctl migrate … on databases the service created (SQLite without a ledger, PostgreSQL with the
// service's own ledger rows), on a new SQLite file and on the in-memory store.

#include "clisupport.h"
#include "pgserver.h"
#include "store/sqldatabase.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

namespace {

// state of each "<namespace>:<version>" in a `migrate status --json` answer
QMap<QString, QString> statesOf(const CliResult &status)
{
    QMap<QString, QString> out;
    for (const QJsonValue &row : status.json().value(QStringLiteral("migrations")).toArray()) {
        const QJsonObject o = row.toObject();
        out.insert(o.value("namespace").toString() + u':' + o.value("version").toString(), o.value("state").toString());
    }
    return out;
}

QStringList keysWithState(const QMap<QString, QString> &states, const QString &state)
{
    QStringList out;
    for (auto it = states.cbegin(); it != states.cend(); ++it) {
        if (it.value() == state)
            out << it.key();
    }
    return out;
}

} // namespace

class TestCliMigrate : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_sandbox;

    CliResult cli(const QString &store, QStringList args) const
    {
        args << QStringLiteral("--store") << store << QStringLiteral("--json");
        return runDpmctl(args, sandboxEnvironment(m_sandbox->path()));
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<QTemporaryDir>();
        QVERIFY(m_sandbox->isValid());
    }

    void sqliteServiceLayout_statusPlanApplyValidate()
    {
        const QString path = m_sandbox->filePath("service.db");
        createServiceSqlite(path);
        seedStore(StoreLocation::sqlite(path));
        const QString store = QStringLiteral("sqlite:") + path;

        const CliResult status = cli(store, { "migrate", "status" });
        CLI_OK(status);
        const auto before = statesOf(status);
        QVERIFY2(before.contains("dpm:0001") && before.contains("proposals:0001") && before.contains("console:0001"),
            status.out.constData());
        QVERIFY2(keysWithState(before, "modified").isEmpty(), status.out.constData());
        QCOMPARE(status.json().value("store").toString(), store);

        // The service's SQLite file has no proposal tables: the summary has no "proposals" key.
        const CliResult summaryBefore = cli(store, { "summary" });
        CLI_OK(summaryBefore);
        QVERIFY2(!summaryBefore.json().contains("proposals"), summaryBefore.out.constData());

        const CliResult plan = cli(store, { "migrate", "plan" });
        CLI_OK(plan);
        QVERIFY(!plan.json().value("steps").toArray().isEmpty());
        QCOMPARE(statesOf(cli(store, { "migrate", "status" })), before); // a plan changes nothing

        const CliResult apply = cli(store, { "migrate", "apply" });
        CLI_OK(apply);
        QVERIFY(
            !apply.json().value("applied").toArray().isEmpty() || !apply.json().value("adopted").toArray().isEmpty());

        const CliResult validate = cli(store, { "migrate", "validate" });
        CLI_OK(validate);
        QCOMPARE(validate.json().value("ok").toBool(), true);
        const auto after = statesOf(cli(store, { "migrate", "status" }));
        QVERIFY(keysWithState(after, "pending").isEmpty());
        QCOMPARE(after.keys(), before.keys());

        const CliResult again = cli(store, { "migrate", "apply" });
        CLI_OK(again);
        QVERIFY(again.json().value("applied").toArray().isEmpty());

        // The service's data is still all there.
        const CliResult runs = cli(store, { "runs", "list" });
        CLI_OK(runs);
        QCOMPARE(runs.json().value("items").toArray().size(), 4);
        // With the proposal and run event tables the summary has our own keys for them; the
        // service's fields are unchanged.
        const CliResult summaryAfter = cli(store, { "summary" });
        CLI_OK(summaryAfter);
        QCOMPARE(summaryAfter.json().value("proposals").toObject().value("proposal_count").toInteger(), 0);
        QCOMPARE(summaryAfter.json().value("outbox").toObject().value("state").toString(), QStringLiteral("clear"));
        QJsonObject serviceFields = summaryAfter.json();
        serviceFields.remove("proposals");
        serviceFields.remove("outbox");
        QJsonObject serviceBefore = summaryBefore.json();
        for (QJsonObject *doc : { &serviceFields, &serviceBefore })
            doc->remove("supportability"); // the posture depends on the clock
        QCOMPARE(serviceFields, serviceBefore);
    }

    void postgresServiceLayout_serviceRowsAreAppliedByService()
    {
        DPM_REQUIRE_POSTGRES();
        const StoreLocation location = createServicePostgres(QStringLiteral("migrate_status"));
        seedStore(location);
        const QString store = PgServer::instance().url(location.libpqParameter(QStringLiteral("dbname")));

        const CliResult status = cli(store, { "migrate", "status" });
        CLI_OK(status);
        const auto states = statesOf(status);
        QCOMPARE(states.value("dpm:0001"), QStringLiteral("applied_by_service"));
        QCOMPARE(states.value("dpm:0002"), QStringLiteral("applied_by_service"));
        QCOMPARE(states.value("console:0001"), QStringLiteral("pending"));
        for (const QJsonValue &row : status.json().value("migrations").toArray()) {
            if (row.toObject().value("namespace").toString() == QLatin1String("dpm")
                && row.toObject().value("version").toString() == QLatin1String("0001")) {
                QCOMPARE(row.toObject().value("ledger_checksum").toString(), QString(64, QLatin1Char('1')));
            }
        }

        const CliResult text
            = runDpmctl({ "migrate", "status", "--store", store }, sandboxEnvironment(m_sandbox->path()));
        CLI_OK(text);
        QVERIFY2(text.out.contains("applied_by_service"), text.out.constData());

        const CliResult onlyDpm = cli(store, { "migrate", "status", "--namespace", "dpm" });
        CLI_OK(onlyDpm);
        for (const QString &key : statesOf(onlyDpm).keys())
            QVERIFY2(key.startsWith(QLatin1String("dpm:")), qPrintable(key));
    }

    void postgresServiceLayout_applyThenValidate()
    {
        DPM_REQUIRE_POSTGRES();
        const StoreLocation location = createServicePostgres(QStringLiteral("migrate_apply"));
        seedStore(location);
        const QString store = PgServer::instance().url(location.libpqParameter(QStringLiteral("dbname")));

        // Strict validation refuses migrations applied by the service; it prints the report and
        // exits 8 with the error on stderr.
        const CliResult strict = cli(store, { "migrate", "validate", "--strict" });
        QVERIFY2(strict.exitCode == 8, qPrintable(strict.describe()));
        QCOMPARE(strict.json().value("ok").toBool(), false);
        QVERIFY(!strict.json().value("findings").toArray().isEmpty());
        QCOMPARE(strict.errorJson().value("code").toString(), QStringLiteral("MIGRATION_VALIDATION_FAILED"));

        const CliResult apply = cli(store, { "migrate", "apply" });
        CLI_OK(apply);
        const CliResult validate = cli(store, { "migrate", "validate" });
        CLI_OK(validate);
        QCOMPARE(validate.json().value("ok").toBool(), true);
        const auto states = statesOf(cli(store, { "migrate", "status" }));
        QCOMPARE(states.value("dpm:0001"), QStringLiteral("applied_by_service"));
        QVERIFY(keysWithState(states, "pending").isEmpty());

        // With the console's migrations a non-JSON result is shown, not fatal (Part A §11).
        addRunWithBrokenResult(location);
        const CliResult runs = cli(store, { "runs", "list" });
        CLI_OK(runs);
        QCOMPARE(runs.json().value("items").toArray().size(), 5);
        CLI_OK(cli(store, { "summary" }));
        const CliResult get = cli(store, { "runs", "get", "rr_00000005" });
        CLI_OK(get);
        QVERIFY(get.json().value("result").isNull());
        QVERIFY(get.json().contains("result_json_error"));
    }

    void newSqliteFile_applyCreatesTheStore()
    {
        const QString path = m_sandbox->filePath("sub/new.db");
        const QString store = QStringLiteral("sqlite:") + path;

        const CliResult status = cli(store, { "migrate", "status" });
        QVERIFY2(status.exitCode == 6, qPrintable(status.describe()));
        QCOMPARE(status.errorJson().value("code").toString(), QStringLiteral("STORE_LOCATION_INVALID"));
        QVERIFY(!QFileInfo::exists(path));

        const CliResult apply = cli(store, { "migrate", "apply" });
        CLI_OK(apply);
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(!apply.json().value("applied").toArray().isEmpty());
        const CliResult runs = cli(store, { "runs", "list" });
        CLI_OK(runs);
        QCOMPARE(runs.json().value("items").toArray().size(), 0);
        CLI_OK(cli(store, { "migrate", "validate", "--strict" }));
    }

    void apply_progress_goesToStderrInTextMode()
    {
        const QString path = m_sandbox->filePath("progress.db");
        // Only dpm: the console's audit table is not created, so it goes ahead only knowingly.
        const CliResult apply = runDpmctl({ "migrate", "apply", "--namespace", "dpm", "--no-audit", "--store", path },
            sandboxEnvironment(m_sandbox->path()));
        CLI_OK(apply);
        QVERIFY2(!apply.err.isEmpty(), "apply reports progress on stderr");
        QVERIFY2(apply.out.contains("0001"), apply.out.constData());
    }

    void apply_namespaceWithoutTheAuditTable_isRefusedUnlessNoAudit()
    {
        const QString path = m_sandbox->filePath("service.db");
        createServiceSqlite(path);
        const QString store = QStringLiteral("sqlite:") + path;
        const QStringList onlyDpm { "migrate", "apply", "--namespace", "dpm" };
        CLI_FAILS(cli(store, onlyDpm), 8, "CONSOLE_AUDIT_LOG_MISSING");
        QCOMPARE(keysWithState(statesOf(cli(store, { "migrate", "status", "--namespace", "dpm" })), "applied"),
            QStringList {}); // nothing applied, not even adopted

        const CliResult knowingly = cli(store, onlyDpm + QStringList { "--no-audit" });
        CLI_OK(knowingly);
        QVERIFY(!knowingly.json().value("adopted").toArray().isEmpty());
        QVERIFY(!hasAuditTable(StoreLocation::sqlite(path)));
    }

    void apply_isRecordedWithNamespacedVersions()
    {
        const QString path = m_sandbox->filePath("recorded.db");
        const QString store = QStringLiteral("sqlite:") + path;
        const CliResult apply = cli(store, { "migrate", "apply" }); // creates the audit table on the way
        CLI_OK(apply);
        const QList<AuditEntry> entries = auditEntries(StoreLocation::sqlite(path));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().action, QStringLiteral("migrate.apply"));
        QCOMPARE(entries.first().outcome, QStringLiteral("succeeded"));
        const QJsonObject details = entries.first().toJson().value("details").toObject();
        QCOMPARE(details.keys(), QStringList({ "adopted", "applied", "duration_ms", "namespaces" }));
        const QJsonArray applied = details.value("applied").toArray();
        QVERIFY(!applied.isEmpty());
        QCOMPARE(applied.first().toObject().value("version").toString(), QStringLiteral("dpm:0001"));
        QVERIFY(applied.first().toObject().contains("duration_ms"));
    }

    // A table or column dropped behind the ledger's back fails validation with exit 8, naming it.
    void validateStrict_droppedTableAndColumn_exit8NamingThem()
    {
        const QString path = m_sandbox->filePath("drift.db");
        const QString store = QStringLiteral("sqlite:") + path;
        CLI_OK(cli(store, { "migrate", "apply" }));
        CLI_OK(cli(store, { "migrate", "validate", "--strict" }));
        {
            SqlDatabase db(StoreLocation::sqlite(path));
            db.execDirect(QStringLiteral("DROP TABLE dpm_lineage_edges"));
            db.execDirect(QStringLiteral("ALTER TABLE dpm_workflow_decisions DROP COLUMN comment"));
        }
        // In the order the migration creates them.
        const QStringList expected { QStringLiteral(
                                         "MIGRATION_SCHEMA_COLUMN_MISSING:dpm:0001:dpm_workflow_decisions.comment"),
            QStringLiteral("MIGRATION_SCHEMA_TABLE_MISSING:dpm:0001:dpm_lineage_edges") };

        const CliResult strict = cli(store, { "migrate", "validate", "--strict" });
        QVERIFY2(strict.exitCode == 8, qPrintable(strict.describe()));
        QCOMPARE(strict.json().value("ok").toBool(), false);
        QStringList codes;
        for (const QJsonValue &finding : strict.json().value("findings").toArray()) {
            codes << finding.toObject().value("code").toString();
            QCOMPARE(finding.toObject().value("severity").toString(), QStringLiteral("error"));
            QVERIFY(!finding.toObject().value("message").toString().isEmpty());
        }
        QCOMPARE(codes, expected);
        QCOMPARE(strict.errorJson().value("code").toString(), QStringLiteral("MIGRATION_VALIDATION_FAILED"));
        QVERIFY2(
            strict.errorJson().value("message").toString().contains(expected.first()), qPrintable(strict.describe()));

        const CliResult text
            = runDpmctl({ "migrate", "validate", "--strict", "--store", store }, sandboxEnvironment(m_sandbox->path()));
        QVERIFY2(text.exitCode == 8, qPrintable(text.describe()));
        for (const QString &code : expected)
            QVERIFY2(text.out.contains(code.toUtf8()), qPrintable(text.describe()));
        QVERIFY2(text.out.contains("restore it from a backup"), qPrintable(text.describe()));
        QVERIFY2(text.err.contains("MIGRATION_VALIDATION_FAILED"), qPrintable(text.describe()));
    }

    void unknownNamespace_exit5()
    {
        const CliResult r = cli(QStringLiteral("memory:"), { "migrate", "status", "--namespace", "bogus" });
        QVERIFY2(r.exitCode == 5, qPrintable(r.describe()));
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.errorJson().value("code").toString().startsWith(QLatin1String("MIGRATION_NAMESPACE_UNKNOWN")));
    }

    void memoryStore_nothingToMigrate()
    {
        for (const char *verb : { "status", "plan", "apply", "validate" }) {
            const CliResult r = cli(QStringLiteral("memory:"), { "migrate", QString::fromLatin1(verb) });
            CLI_OK(r);
            QCOMPARE(r.json().value("nothing_to_migrate").toBool(), true);
            QCOMPARE(r.json().value("store_backend").toString(), QStringLiteral("IN_MEMORY"));
        }
        const CliResult text
            = runDpmctl({ "migrate", "apply", "--store", "memory:" }, sandboxEnvironment(m_sandbox->path()));
        CLI_OK(text);
        QVERIFY(text.out.contains("nothing to migrate"));
    }
};

QTEST_GUILESS_MAIN(TestCliMigrate)
#include "tst_cli_migrate.moc"
