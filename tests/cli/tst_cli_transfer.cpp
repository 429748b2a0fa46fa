// dpmctl transfer backfill / verify (also --sample) and snapshot export / import: a store the
// service created in SQLite, copied into a PostgreSQL database migrated with dpmctl, then
// compared; the refusals and the parity failure with their exit codes.

#include "clisupport.h"
#include "pgserver.h"
#include "store/sqldatabase.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

class TestCliTransfer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_sandbox;
    QString m_source;
    StoreLocation m_target = StoreLocation::memory();
    QString m_to;

    CliResult cli(QStringList args) const
    {
        args << QStringLiteral("--store") << m_source << QStringLiteral("--json");
        return runDpmctl(args, sandboxEnvironment(m_sandbox->path()));
    }

private Q_SLOTS:
    void init()
    {
        DPM_REQUIRE_POSTGRES();
        m_sandbox = std::make_unique<QTemporaryDir>();
        QVERIFY(m_sandbox->isValid());
        const QString path = m_sandbox->filePath(QStringLiteral("service.db"));
        createServiceSqlite(path);
        seedStore(StoreLocation::sqlite(path));
        m_source = QStringLiteral("sqlite:") + path;
        m_target = PgServer::instance().createDatabase(QStringLiteral("cli_transfer"));
        m_to = m_target.withoutSecrets();
        CLI_OK(runDpmctl({ QStringLiteral("--store"), m_to, QStringLiteral("migrate"), QStringLiteral("apply") },
            sandboxEnvironment(m_sandbox->path())));
    }

    void backfillThenVerify()
    {
        const CliResult copied = cli({ QStringLiteral("transfer"), QStringLiteral("backfill"), QStringLiteral("--to"), m_to });
        CLI_OK(copied);
        const QJsonObject report = copied.json();
        QCOMPARE(report.value(QStringLiteral("cancelled")).toBool(), false);
        QCOMPARE(report.value(QStringLiteral("copied_rows")).toInteger(), report.value(QStringLiteral("source_rows")).toInteger());
        QVERIFY(report.value(QStringLiteral("copied_rows")).toInteger() >= 4 + 2 + 2); // runs, operations, decisions at least
        // The service's store has no run events or outbox tables: said, not failed.
        QStringList notes;
        for (const QJsonValue &note : report.value(QStringLiteral("notes")).toArray())
            notes << note.toString();
        QVERIFY2(notes.size() >= 2 && notes.join(u' ').contains(QStringLiteral("dpm_run_events"))
                && notes.join(u' ').contains(QStringLiteral("dpm_outbox")),
            qPrintable(notes.join(u'\n')));

        const CliResult verified = cli({ QStringLiteral("transfer"), QStringLiteral("verify"), QStringLiteral("--to"), m_to });
        CLI_OK(verified);
        QCOMPARE(verified.json().value(QStringLiteral("matches")).toBool(), true);
        const CliResult sampled = cli({ QStringLiteral("transfer"), QStringLiteral("verify"), QStringLiteral("--to"), m_to,
            QStringLiteral("--sample"), QStringLiteral("50"), QStringLiteral("--seed"), QStringLiteral("3") });
        CLI_OK(sampled);
        QCOMPARE(sampled.json().value(QStringLiteral("mode")).toString(), QStringLiteral("sample"));
        QCOMPARE(sampled.json().value(QStringLiteral("seed")).toString(), QStringLiteral("3"));
        QCOMPARE(sampled.json().value(QStringLiteral("passes")).toBool(), true);

        // The copy reads like the original.
        const CliResult runs = runDpmctl({ QStringLiteral("--store"), m_to, QStringLiteral("runs"), QStringLiteral("list"),
                                              QStringLiteral("--json") },
            sandboxEnvironment(m_sandbox->path()));
        CLI_OK(runs);
        QCOMPARE(runs.json().value(QStringLiteral("items")).toArray().size(), 4);

        // Again without --resume: refused, nothing written.
        CLI_FAILS(cli({ QStringLiteral("transfer"), QStringLiteral("backfill"), QStringLiteral("--to"), m_to }), 4,
            "TRANSFER_TARGET_NOT_EMPTY");
        // With --resume: nothing left to copy but the last key of each table.
        const CliResult resumed = cli({ QStringLiteral("transfer"), QStringLiteral("backfill"), QStringLiteral("--to"),
            m_to, QStringLiteral("--resume"), QStringLiteral("--batch-rows"), QStringLiteral("2") });
        CLI_OK(resumed);
        QCOMPARE(resumed.json().value(QStringLiteral("resumed")).toBool(), true);

        // A run deleted from the target: verify prints the report, then fails with exit 4.
        {
            SqlDatabase db(m_target);
            db.exec(QStringLiteral("DELETE FROM dpm_runs WHERE rebalance_run_id = 'rr_00000003'"));
        }
        const CliResult differs = cli({ QStringLiteral("transfer"), QStringLiteral("verify"), QStringLiteral("--to"), m_to });
        QVERIFY2(differs.exitCode == 4, qPrintable(differs.describe()));
        QCOMPARE(differs.json().value(QStringLiteral("matches")).toBool(), false);
        QVERIFY(differs.err.contains("TRANSFER_PARITY_MISMATCH"));
        const QJsonObject sample = differs.json().value(QStringLiteral("samples")).toArray().first().toObject();
        QCOMPARE(sample.value(QStringLiteral("kind")).toString(), QStringLiteral("missing_in_target"));
        QCOMPARE(sample.value(QStringLiteral("key")).toString(), QStringLiteral("rr_00000003"));

        // Sampled: every run drawn from the source, one of four missing: 25 % > the default 1 %.
        const QStringList sampleArgs { QStringLiteral("transfer"), QStringLiteral("verify"), QStringLiteral("--to"), m_to,
            QStringLiteral("--sample"), QStringLiteral("100"), QStringLiteral("--seed"), QStringLiteral("5") };
        const CliResult sampledDiffers = cli(sampleArgs);
        QVERIFY2(sampledDiffers.exitCode == 4, qPrintable(sampledDiffers.describe()));
        QVERIFY(sampledDiffers.err.contains("TRANSFER_SAMPLE_MISMATCH"));
        // QString::arg() leaves "%%" as it is: the sentence shows one percent sign.
        QVERIFY2(sampledDiffers.err.contains("More than 1 % of the sampled keys differ in "), sampledDiffers.err.constData());
        QCOMPARE(sampledDiffers.json().value(QStringLiteral("passes")).toBool(), false);
        bool runsOver = false;
        for (const QJsonValue &table : sampledDiffers.json().value(QStringLiteral("tables")).toArray()) {
            const QJsonObject t = table.toObject();
            if (t.value(QStringLiteral("table")).toString() == QStringLiteral("dpm_runs"))
                runsOver = t.value(QStringLiteral("missing_in_target")).toInteger() > 0
                    && !t.value(QStringLiteral("within_threshold")).toBool();
        }
        QVERIFY2(runsOver, sampledDiffers.out.constData());
        CLI_OK(cli(sampleArgs + QStringList { QStringLiteral("--max-mismatch-percent"), QStringLiteral("60") }));
        CLI_FAILS(cli(sampleArgs + QStringList { QStringLiteral("--max-mismatch-percent"), QStringLiteral("lots") }), 5,
            "INVALID_MISMATCH_PERCENT");
        const CliResult seedAlone = cli({ QStringLiteral("transfer"), QStringLiteral("verify"), QStringLiteral("--to"), m_to,
            QStringLiteral("--seed"), QStringLiteral("5") });
        QVERIFY2(seedAlone.exitCode == 2, qPrintable(seedAlone.describe()));
    }

    // snapshot export → import → transfer verify; a snapshot of the service's own store (its
    // DPM migrations only) does not go into a store migrated further.
    void snapshotExportImportThenVerify()
    {
        const QString path = m_sandbox->filePath(QStringLiteral("store.snapshot.gz"));
        CLI_OK(cli({ QStringLiteral("snapshot"), QStringLiteral("export"), QStringLiteral("--out"), path }));
        CLI_FAILS(runDpmctl({ QStringLiteral("--store"), m_to, QStringLiteral("--json"), QStringLiteral("snapshot"),
                          QStringLiteral("import"), path },
                      sandboxEnvironment(m_sandbox->path())),
            8, "SNAPSHOT_SCHEMA_MISMATCH");

        CLI_OK(cli({ QStringLiteral("migrate"), QStringLiteral("apply") }));
        const CliResult exported = cli({ QStringLiteral("snapshot"), QStringLiteral("export"), QStringLiteral("--out"), path });
        CLI_OK(exported);
        QVERIFY(exported.json().value(QStringLiteral("rows")).toInteger() >= 4 + 2 + 2);
        const CliResult imported = runDpmctl(
            { QStringLiteral("--store"), m_to, QStringLiteral("--json"), QStringLiteral("snapshot"), QStringLiteral("import"), path },
            sandboxEnvironment(m_sandbox->path()));
        CLI_OK(imported);
        QCOMPARE(imported.json().value(QStringLiteral("sha256")), exported.json().value(QStringLiteral("sha256")));
        const CliResult verified = cli({ QStringLiteral("transfer"), QStringLiteral("verify"), QStringLiteral("--to"), m_to });
        CLI_OK(verified);
        QCOMPARE(verified.json().value(QStringLiteral("matches")).toBool(), true);
        // Once more: the target is no longer empty.
        CLI_FAILS(runDpmctl({ QStringLiteral("--store"), m_to, QStringLiteral("--json"), QStringLiteral("snapshot"),
                          QStringLiteral("import"), path },
                      sandboxEnvironment(m_sandbox->path())),
            4, "SNAPSHOT_TARGET_NOT_EMPTY");
        const CliResult noOut = cli({ QStringLiteral("snapshot"), QStringLiteral("export") });
        QVERIFY2(noOut.exitCode == 2, qPrintable(noOut.describe()));
    }

    void refusals()
    {
        const CliResult noTarget = cli({ QStringLiteral("transfer"), QStringLiteral("backfill") });
        QVERIFY2(noTarget.exitCode == 2, qPrintable(noTarget.describe()));
        CLI_FAILS(cli({ QStringLiteral("transfer"), QStringLiteral("backfill"), QStringLiteral("--to"), m_to,
                      QStringLiteral("--batch-rows"), QStringLiteral("0") }),
            5, "INVALID_BATCH_ROWS");
        CLI_FAILS(cli({ QStringLiteral("transfer"), QStringLiteral("backfill"), QStringLiteral("--to"), m_source }), 5,
            "TRANSFER_SAME_STORE");
    }
};

QTEST_GUILESS_MAIN(TestCliTransfer)
#include "tst_cli_transfer.moc"
