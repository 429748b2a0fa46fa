// dpmctl with the advisory proposals in a database of their own (--proposal-store, or the
// service's PROPOSAL_STORE_BACKEND / PROPOSAL_POSTGRES_DSN), on SQLite and PostgreSQL: migrate
// applies the proposals namespace there, the proposal commands read there, and (PostgreSQL)
// profile check and cutover check count it as the service's proposal store.

#include "clisupport.h"
#include "demo/demoproposals.h"
#include "domain/error.h"
#include "pgserver.h"
#include "services/storeopening.h"
#include "store/sqldatabase.h"
#include "testbackend.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

namespace {

const bool kPostgres = testBackend() == TestBackend::Postgres;

QStringList ledgerOf(const StoreLocation &location)
{
    SqlDatabase db(location);
    QStringList versions;
    SqlRows q = db.exec(QStringLiteral("SELECT version FROM schema_migrations ORDER BY version"));
    while (q.next())
        versions << q.value(0).toString();
    return versions;
}

QStringList findingCodes(const CliResult &result)
{
    QStringList codes;
    for (const QJsonValue &f : result.json().value(QStringLiteral("findings")).toArray())
        codes << f.toObject().value(QStringLiteral("code")).toString();
    return codes;
}

} // namespace

class TestCliProposalStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_sandbox;
    std::optional<StoreLocation> m_dpm;
    std::optional<StoreLocation> m_proposals;

    QProcessEnvironment environment() const { return sandboxEnvironment(m_sandbox->path()); }
    CliResult split(QStringList args, const QProcessEnvironment &env) const
    {
        args << QStringLiteral("--json");
        return runDpmctl(args, env);
    }
    CliResult split(QStringList args) const
    {
        args = QStringList { QStringLiteral("--store"), m_dpm->withoutSecrets(), QStringLiteral("--proposal-store"),
            m_proposals->withoutSecrets() }
            + args;
        return split(args, environment());
    }

    // A demo proposal written into the proposal store; its id.
    QString writeProposal()
    {
        DemoProposalOptions options;
        options.fromMicros = 1767225600000000LL; // 2026-01-01
        options.toMicros = options.fromMicros + 30LL * 24 * 3600 * 1000000;
        const DemoProposal proposal = generateDemoProposal(7, options);
        const std::unique_ptr<SupportStore> store = openStore(*m_proposals, OpenOptions { .allowMissingSchema = true });
        writeDemoProposal(store->proposals(), proposal);
        return proposal.record.proposalId;
    }

private Q_SLOTS:
    void init()
    {
        if (kPostgres)
            DPM_REQUIRE_POSTGRES();
        m_sandbox = std::make_unique<QTemporaryDir>();
        QVERIFY(m_sandbox->isValid());
        if (kPostgres) {
            try {
                m_dpm = PgServer::instance().createDatabase(QStringLiteral("cli_split_dpm"));
                m_proposals = PgServer::instance().createDatabase(QStringLiteral("cli_split_proposals"));
            } catch (const Error &error) {
                QFAIL(qPrintable(error.toString()));
            }
        } else {
            m_dpm = StoreLocation::sqlite(m_sandbox->filePath(QStringLiteral("dpm.db")));
            m_proposals = StoreLocation::sqlite(m_sandbox->filePath(QStringLiteral("proposals.db")));
        }
    }

    void migrateApply_proposalsNamespaceGoesToTheProposalStore()
    {
        const CliResult apply = split({ QStringLiteral("migrate"), QStringLiteral("apply") });
        CLI_OK(apply);
        QCOMPARE(apply.json().value(QStringLiteral("proposal_store")).toString(), m_proposals->redacted());
        // The console's proposal indexes go with the proposal tables.
        QCOMPARE(ledgerOf(*m_proposals),
            QStringList({ QStringLiteral("console:0005"), QStringLiteral("console:0008"),
                QStringLiteral("proposals:0001"), QStringLiteral("proposals:0002") }));
        QVERIFY(ledgerOf(*m_dpm).contains(QStringLiteral("dpm:0001")));
        QVERIFY(!ledgerOf(*m_dpm).contains(QStringLiteral("console:0005")));

        const CliResult status = split({ QStringLiteral("migrate"), QStringLiteral("status"),
            QStringLiteral("--namespace"), QStringLiteral("proposals") });
        CLI_OK(status);
        const QJsonArray rows = status.json().value(QStringLiteral("migrations")).toArray();
        QCOMPARE(rows.size(), 2);
        for (const QJsonValue &row : rows) {
            QCOMPARE(row.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("applied"));
            QCOMPARE(row.toObject().value(QStringLiteral("database")).toString(), QStringLiteral("proposal_store"));
        }
        const CliResult console = split({ QStringLiteral("migrate"), QStringLiteral("status"),
            QStringLiteral("--namespace"), QStringLiteral("console") });
        CLI_OK(console);
        QStringList there;
        for (const QJsonValue &row : console.json().value(QStringLiteral("migrations")).toArray()) {
            const QJsonObject o = row.toObject();
            QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("applied"));
            if (o.value(QStringLiteral("database")).toString() == QLatin1String("proposal_store"))
                there << o.value(QStringLiteral("version")).toString();
            else
                QCOMPARE(o.value(QStringLiteral("database")).toString(), QStringLiteral("store"));
        }
        QCOMPARE(there, QStringList({ QStringLiteral("0005"), QStringLiteral("0008") }));

        // Recorded once, in the store's own audit log, naming the proposal store.
        const QList<AuditEntry> entries = auditEntries(*m_dpm);
        QCOMPARE(entries.size(), 1);
        QVERIFY2(
            entries.first().detailsJson.contains(m_proposals->redacted()), qPrintable(entries.first().detailsJson));
    }

    void proposalCommands_readTheProposalStore()
    {
        CLI_OK(split({ QStringLiteral("migrate"), QStringLiteral("apply") }));
        QString id;
        try {
            id = writeProposal();
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
        const CliResult got = split({ QStringLiteral("proposals"), QStringLiteral("get"), id });
        CLI_OK(got);
        QCOMPARE(
            got.json().value(QStringLiteral("proposal")).toObject().value(QStringLiteral("proposal_id")).toString(),
            id);
        // The store alone does not hold it: the proposal tables were made in the proposal store only.
        const CliResult alone = split({ QStringLiteral("--store"), m_dpm->withoutSecrets(), QStringLiteral("proposals"),
                                          QStringLiteral("get"), id },
            environment());
        CLI_FAILS(alone, 8, "PROPOSAL_SCHEMA_MISSING");
        // A proposal store file that does not exist is not created by a read.
        const QString missing = m_sandbox->filePath(QStringLiteral("missing.db"));
        const CliResult noFile
            = split({ QStringLiteral("--store"), m_dpm->withoutSecrets(), QStringLiteral("--proposal-store"),
                        QStringLiteral("sqlite:") + missing, QStringLiteral("proposals"), QStringLiteral("list") },
                environment());
        CLI_FAILS(noFile, 6, "STORE_LOCATION_INVALID");
        QVERIFY(!QFile::exists(missing));
    }

    // A proposal store nobody answers at: DPM commands work, proposal commands fail with
    // PROPOSAL_STORE_UNREACHABLE (exit 7) naming the connection's own reason code.
    void unreachableProposalStore_dpmCommandsWorkProposalCommandsSayWhy()
    {
        CLI_OK(runDpmctl(
            { QStringLiteral("--store"), m_dpm->withoutSecrets(), QStringLiteral("migrate"), QStringLiteral("apply") },
            environment()));
        const QStringList unreachable { QStringLiteral("--store"), m_dpm->withoutSecrets(),
            QStringLiteral("--proposal-store"), QStringLiteral("postgresql://nobody@127.0.0.1:1/proposals") };
        CLI_OK(split(unreachable + QStringList { QStringLiteral("runs"), QStringLiteral("list") }, environment()));
        const CliResult summary = split(unreachable + QStringList { QStringLiteral("summary") }, environment());
        CLI_OK(summary);
        QVERIFY(!summary.json().contains(QStringLiteral("proposals")));
        const CliResult list
            = split(unreachable + QStringList { QStringLiteral("proposals"), QStringLiteral("list") }, environment());
        CLI_FAILS(list, 7, "PROPOSAL_STORE_UNREACHABLE");
        QVERIFY2(list.errorJson()
                     .value(QStringLiteral("message"))
                     .toString()
                     .contains(QLatin1String("DPM_SUPPORTABILITY_POSTGRES_CONNECTION_FAILED")),
            qPrintable(list.describe()));
        // Nothing found is not certain while the proposals could not be searched.
        CLI_FAILS(
            split(unreachable + QStringList { QStringLiteral("find"), QStringLiteral("rr_nowhere") }, environment()), 7,
            "PROPOSAL_STORE_UNREACHABLE");
    }

    void serviceVariables_nameTheProposalStore()
    {
        CLI_OK(split({ QStringLiteral("migrate"), QStringLiteral("apply") }));
        QString id;
        try {
            id = writeProposal();
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("POSTGRES"));
        env.insert(QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN"), m_dpm->withoutSecrets());
        env.insert(QStringLiteral("PROPOSAL_STORE_BACKEND"), QStringLiteral("POSTGRES"));
        env.insert(QStringLiteral("PROPOSAL_POSTGRES_DSN"), m_proposals->withoutSecrets());
        CLI_OK(split({ QStringLiteral("proposals"), QStringLiteral("get"), id }, env));
        env.insert(QStringLiteral("PROPOSAL_STORE_BACKEND"), QStringLiteral("IN_MEMORY"));
        // Read from the store itself, which the split apply gave no proposal tables.
        CLI_FAILS(split({ QStringLiteral("proposals"), QStringLiteral("get"), id }, env), 8, "PROPOSAL_SCHEMA_MISSING");
    }

    // transfer backfill and verify from a split SQLite source into a split PostgreSQL target
    // (--to-proposal-store): the proposals land in the target's proposal store.
    void transfer_splitSqliteIntoSplitPostgres_copiesTheProposals()
    {
        const StoreLocation source = StoreLocation::sqlite(m_sandbox->filePath(QStringLiteral("source.db")));
        const StoreLocation sourceProposals
            = StoreLocation::sqlite(m_sandbox->filePath(QStringLiteral("source_proposals.db")));
        const QStringList from { QStringLiteral("--store"), source.withoutSecrets(), QStringLiteral("--proposal-store"),
            sourceProposals.withoutSecrets() };
        CLI_OK(split(from + QStringList { QStringLiteral("migrate"), QStringLiteral("apply") }, environment()));
        DemoProposalOptions options;
        options.fromMicros = 1767225600000000LL; // 2026-01-01
        options.toMicros = options.fromMicros + 30LL * 24 * 3600 * 1000000;
        const DemoProposal proposal = generateDemoProposal(11, options);
        try {
            writeDemoProposal(
                openStore(sourceProposals, OpenOptions { .allowMissingSchema = true })->proposals(), proposal);
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
        CLI_OK(split({ QStringLiteral("migrate"), QStringLiteral("apply") }));

        const QStringList to { QStringLiteral("--to"), m_dpm->withoutSecrets(), QStringLiteral("--to-proposal-store"),
            m_proposals->withoutSecrets() };
        const CliResult backfill
            = split(from + QStringList { QStringLiteral("transfer"), QStringLiteral("backfill") } + to, environment());
        CLI_OK(backfill);
        CLI_OK(split(from + QStringList { QStringLiteral("transfer"), QStringLiteral("verify") } + to, environment()));
        const CliResult got = split({ QStringLiteral("proposals"), QStringLiteral("get"), proposal.record.proposalId });
        CLI_OK(got);
        // Without --to-proposal-store the target itself is compared, and it holds no proposals.
        const CliResult single = split(from
                + QStringList { QStringLiteral("transfer"), QStringLiteral("verify"), QStringLiteral("--to"),
                    m_dpm->withoutSecrets() },
            environment());
        QCOMPARE(single.exitCode, 4);
    }

    // Profile checks 3-4 and the cutover check's proposals namespace look at the proposal store.
    void profileAndCutoverCheck_countTheProposalStore()
    {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("APP_PERSISTENCE_PROFILE"), QStringLiteral("PRODUCTION"));
        env.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("POSTGRES"));
        env.insert(QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN"), m_dpm->withoutSecrets());
        const CliResult without = split({ QStringLiteral("profile"), QStringLiteral("check") }, env);
        QCOMPARE(without.exitCode, 6);
        QVERIFY2(findingCodes(without).contains(QStringLiteral("PERSISTENCE_PROFILE_REQUIRES_ADVISORY_POSTGRES")),
            without.out.constData());
        const CliResult with = split({ QStringLiteral("--proposal-store"), m_proposals->withoutSecrets(),
                                         QStringLiteral("profile"), QStringLiteral("check") },
            env);
        CLI_OK(with);

        CLI_OK(runDpmctl(
            { QStringLiteral("--store"), m_dpm->withoutSecrets(), QStringLiteral("migrate"), QStringLiteral("apply") },
            environment()));
        const QStringList cutoverArgs { QStringLiteral("--proposal-store"), m_proposals->withoutSecrets(),
            QStringLiteral("cutover"), QStringLiteral("check"), QStringLiteral("--check-migrations") };
        const CliResult before = split(cutoverArgs, env);
        QVERIFY2(findingCodes(before).contains(QStringLiteral("CUTOVER_SCHEMA_MIGRATIONS_TABLE_MISSING")),
            before.out.constData());
        QVERIFY(!findingCodes(before).join(u' ').contains(QLatin1String("ADVISORY")));
        CLI_OK(split({ QStringLiteral("migrate"), QStringLiteral("apply"), QStringLiteral("--namespace"),
            QStringLiteral("proposals") }));
        const CliResult after = split(cutoverArgs, env);
        QVERIFY2(!findingCodes(after).join(u' ').contains(QLatin1String(":proposals:")), after.out.constData());
        QVERIFY(!findingCodes(after).contains(QStringLiteral("CUTOVER_SCHEMA_MIGRATIONS_TABLE_MISSING")));
    }
};

DPM_BACKEND_TEST_GUILESS_MAIN(TestCliProposalStore,
    { "serviceVariables_nameTheProposalStore", TestBackend::Postgres },
    { "transfer_splitSqliteIntoSplitPostgres_copiesTheProposals", TestBackend::Postgres },
    { "profileAndCutoverCheck_countTheProposalStore", TestBackend::Postgres })
#include "tst_cli_proposalstore.moc"
