// dpmctl demo generate: a new SQLite file is created, migrated and filled (runs, then proposals);
// existing stores are used as they are; a store with data is refused; progress goes to stderr in
// 2% steps; --with-integrity-faults gives the proposals check its findings.

#include "clisupport.h"
#include "demo/demoproposals.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

class TestCliDemo : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_sandbox;

    CliResult cli(const QString &store, QStringList args) const
    {
        args << QStringLiteral("--store") << store << QStringLiteral("--json");
        return runDpmctl(args, sandboxEnvironment(m_sandbox->path()));
    }
    QString path(const QString &name) const { return m_sandbox->filePath(name); }

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<QTemporaryDir>();
        QVERIFY(m_sandbox->isValid());
    }

    void demoGenerate_newSqliteFile_isCreatedMigratedAndFilled()
    {
        const QString store = QStringLiteral("sqlite:") + path(QStringLiteral("new.db"));
        const CliResult r = cli(store,
            { QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--scale"), QStringLiteral("s"),
                QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--anchor"),
                QStringLiteral("2026-04-01T12:00:00Z") });
        CLI_OK(r);
        QVERIFY2(r.err.isEmpty(), r.err.constData()); // no progress lines with --json
        const QJsonObject report = r.json();
        QCOMPARE(report.value(QStringLiteral("store_created")).toBool(), true);
        QCOMPARE(report.value(QStringLiteral("scale")).toString(), QStringLiteral("S"));
        QCOMPARE(report.value(QStringLiteral("seed")).toString(), QStringLiteral("7"));
        QCOMPARE(report.value(QStringLiteral("anchor")).toString(), QStringLiteral("2026-04-01T12:00:00+00:00"));
        QCOMPARE(report.value(QStringLiteral("cancelled")).toBool(), false);
        const QJsonObject rows = report.value(QStringLiteral("rows")).toObject();
        QCOMPARE(rows.value(QStringLiteral("dpm_runs")).toInteger(), 10000);
        // The nine DPM and event tables, then the seven proposal tables (one proposal per 20 runs).
        QCOMPARE(rows.size(), 16);
        QCOMPARE(rows.value(QStringLiteral("proposal_records")).toInteger(), 500);
        for (const char *table : { "proposal_versions", "proposal_workflow_events", "proposal_approvals",
                 "proposal_idempotency", "proposal_simulation_idempotency", "proposal_async_operations" })
            QVERIFY2(rows.value(QLatin1String(table)).toInteger() > 0, table);
        QCOMPARE(report.value(QStringLiteral("total_rows")).toInteger(),
            report.value(QStringLiteral("planned_rows")).toInteger());
        QVERIFY(report.value(QStringLiteral("table_write_rows_per_second"))
                    .toObject()
                    .contains(QStringLiteral("dpm_runs")));

        const CliResult summary = cli(store, { QStringLiteral("summary") });
        CLI_OK(summary);
        QCOMPARE(summary.json().value(QStringLiteral("run_count")).toInteger(), 10000);
        QCOMPARE(summary.json().value(QStringLiteral("operation_count")).toInteger(),
            rows.value(QStringLiteral("dpm_async_operations")).toInteger());
        QVERIFY(summary.json().value(QStringLiteral("newest_run_created_at")).toString()
            <= QStringLiteral("2026-04-01T12:00:00+00:00"));
        // The demo proposals are clean unless faults are asked for.
        const CliResult check = cli(store, { QStringLiteral("proposals"), QStringLiteral("check") });
        CLI_OK(check);
        QCOMPARE(check.json().value(QStringLiteral("proposals_checked")).toInteger(), 500);
        QCOMPARE(check.json().value(QStringLiteral("finding_count")).toInteger(), 0);

        // A second load into the now filled store is refused and changes nothing.
        const CliResult again = cli(store,
            { QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--scale"), QStringLiteral("S") });
        CLI_FAILS(again, 4, "DEMO_STORE_NOT_EMPTY");
        QVERIFY(again.errorJson().value(QStringLiteral("message")).toString().contains(QStringLiteral("--resume")));
        QCOMPARE(
            cli(store, { QStringLiteral("summary") }).json().value(QStringLiteral("run_count")).toInteger(), 10000);

        // --resume with the same options keeps the complete load (an interrupted one: tests/demo);
        // with another seed it is refused.
        const QStringList resume { QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--scale"),
            QStringLiteral("S"), QStringLiteral("--anchor"), QStringLiteral("2026-04-01T12:00:00Z"),
            QStringLiteral("--resume"), QStringLiteral("--seed") };
        const CliResult resumed = cli(store, resume + QStringList { QStringLiteral("7") });
        CLI_OK(resumed);
        QCOMPARE(resumed.json().value(QStringLiteral("resumed")).toBool(), true);
        QCOMPARE(resumed.json().value(QStringLiteral("kept_rows")).toInteger(),
            report.value(QStringLiteral("total_rows")).toInteger());
        QCOMPARE(resumed.json().value(QStringLiteral("total_rows")).toInteger(), 0);
        CLI_FAILS(cli(store, resume + QStringList { QStringLiteral("8") }), 4, "DEMO_RESUME_MISMATCH");
    }

    void demoGenerate_withoutJson_printsProgressInStepsAndATable()
    {
        const CliResult r = runDpmctl({ QStringLiteral("--store"), QStringLiteral("memory:"), QStringLiteral("demo"),
                                          QStringLiteral("generate"), QStringLiteral("--scale"), QStringLiteral("S") },
            sandboxEnvironment(m_sandbox->path()));
        CLI_OK(r);
        const QStringList progress = QString::fromUtf8(r.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(progress.size() >= 10 && progress.size() <= 53, r.err.constData());
        for (const QString &line : progress)
            QVERIFY2(
                line.startsWith(QLatin1String("demo: loading ")) || line.startsWith(QLatin1String("demo: analyzing ")),
                qPrintable(line));
        // The load starts while its rows are counted: one line says so, unless the count was first.
        QVERIFY2(progress.constFirst() == QLatin1String("demo: loading (counting the rows to write)")
                || progress.constFirst().startsWith(QLatin1String("demo: loading 0% (0 of ")),
            qPrintable(progress.constFirst()));
        QCOMPARE(progress.filter(QStringLiteral("counting")).size(), progress.constFirst().contains(QLatin1String("counting")) ? 1 : 0);
        QVERIFY(!progress.filter(QStringLiteral("loading 100%")).isEmpty());
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QLatin1String("dpm_runs")) && out.contains(QLatin1String("10000")), r.out.constData());
        // The in-memory store holds run events and outbox rows like any migrated store: no note.
        QVERIFY2(out.contains(QLatin1String("dpm_run_events")) && out.contains(QLatin1String("dpm_outbox")),
            r.out.constData());
        QVERIFY2(!out.contains(QLatin1String("left out")), r.out.constData());
    }

    void demoGenerate_existingStoreWithoutConsoleMigrations_isUsedAsItIs()
    {
        // An empty store the service created: not migrated by demo generate, so no events.
        const QString file = path(QStringLiteral("service.db"));
        createServiceSqlite(file);
        const CliResult r = cli(QStringLiteral("sqlite:") + file,
            { QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--scale"), QStringLiteral("S"),
                QStringLiteral("--span-days"), QStringLiteral("7") });
        CLI_OK(r);
        QCOMPARE(r.json().value(QStringLiteral("store_created")).toBool(), false);
        QVERIFY(!r.json().value(QStringLiteral("rows")).toObject().contains(QStringLiteral("dpm_run_events")));
        QVERIFY(r.json().value(QStringLiteral("notes")).toArray().at(0).toString().contains(QStringLiteral("0002")));
        // Nor proposals: the service's DPM layout has no proposal tables.
        QVERIFY(!r.json().value(QStringLiteral("rows")).toObject().contains(QStringLiteral("proposal_records")));
        QVERIFY(r.json().value(QStringLiteral("notes")).toArray().at(1).toString().startsWith(
            QStringLiteral("proposal tables left out")));
        QCOMPARE(r.json().value(QStringLiteral("from")).toString(), QStringLiteral("2026-02-22T00:00:00+00:00"));
    }

    void demoGenerate_withIntegrityFaults_checkFindsEveryInjectedCode()
    {
        const QString store = QStringLiteral("sqlite:") + path(QStringLiteral("faults.db"));
        const CliResult r = cli(store,
            { QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--scale"), QStringLiteral("S"),
                QStringLiteral("--with-integrity-faults") });
        CLI_OK(r);
        const CliResult check = cli(store, { QStringLiteral("proposals"), QStringLiteral("check") });
        QCOMPARE(check.exitCode, 10);
        QCOMPARE(check.errorJson().value(QStringLiteral("code")).toString(), QStringLiteral("PROPOSAL_INTEGRITY_FINDINGS"));
        // 500 proposals, every 61st broken: eight, rotating over the six codes.
        QSet<QString> codes;
        QSet<QString> proposals;
        for (const QJsonValue &finding : check.json().value(QStringLiteral("findings")).toArray()) {
            codes.insert(finding.toObject().value(QStringLiteral("code")).toString());
            proposals.insert(finding.toObject().value(QStringLiteral("proposal_id")).toString());
        }
        QCOMPARE(proposals.size(), 8);
        const QStringList injected = demoIntegrityFaultCodes();
        QCOMPARE(codes, QSet<QString>(injected.cbegin(), injected.cend()));
    }

    void demoGenerate_storeWithRuns_isRefused()
    {
        const QString file = path(QStringLiteral("seeded.db"));
        createServiceSqlite(file);
        seedStore(StoreLocation::sqlite(file));
        const CliResult r = cli(QStringLiteral("sqlite:") + file,
            { QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--scale"), QStringLiteral("S") });
        CLI_FAILS(r, 4, "DEMO_STORE_NOT_EMPTY");
        QVERIFY(r.errorJson().value(QStringLiteral("message")).toString().contains(QStringLiteral("empty")));
    }

    void demoGenerate_badOptions_failBeforeTouchingTheStore()
    {
        const QString file = path(QStringLiteral("never.db"));
        const QString store = QStringLiteral("sqlite:") + file;
        CLI_FAILS(cli(store, { QStringLiteral("demo"), QStringLiteral("generate") }), 2, "USAGE_ERROR");
        CLI_FAILS(cli(store,
                      { QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--scale"),
                          QStringLiteral("XL") }),
            5, "DEMO_OPTIONS_INVALID");
        CLI_FAILS(cli(store,
                      { QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--scale"),
                          QStringLiteral("S"), QStringLiteral("--seed"), QStringLiteral("-1") }),
            5, "DEMO_OPTIONS_INVALID");
        CLI_FAILS(cli(store,
                      { QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--scale"),
                          QStringLiteral("S"), QStringLiteral("--anchor"), QStringLiteral("later") }),
            5, "INVALID_TIMESTAMP");
        CLI_FAILS(cli(store,
                      { QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--scale"),
                          QStringLiteral("S"), QStringLiteral("--span-days"), QStringLiteral("0") }),
            5, "DEMO_OPTIONS_INVALID");
        QVERIFY(!QFileInfo::exists(file));
    }
};

QTEST_GUILESS_MAIN(TestCliDemo)
#include "tst_cli_demo.moc"
