#include "domain/error.h"
#include "migrate/migrator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
    file.write(content);
}

QStringList fileNames(const QList<MigrationFile> &files)
{
    QStringList names;
    for (const MigrationFile &file : files)
        names << file.fileName;
    return names;
}

} // namespace

class TestMigrationCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fromDirectory_readsVersionNameAndChecksumPerNamespace()
    {
        QTemporaryDir dir;
        const QByteArray sql = "CREATE TABLE t (x TEXT);\n";
        writeFile(dir.filePath(QStringLiteral("dpm/0002_second_step.sql")), "SELECT 2;\n");
        writeFile(dir.filePath(QStringLiteral("dpm/0001_baseline.sql")), sql);
        writeFile(dir.filePath(QStringLiteral("dpm/README.md")), "not a migration");
        const MigrationCatalog catalog = MigrationCatalog::fromDirectory(dir.path());

        const QList<MigrationFile> files = catalog.files(QStringLiteral("dpm"));
        QCOMPARE(fileNames(files),
            QStringList({ QStringLiteral("0001_baseline.sql"), QStringLiteral("0002_second_step.sql") }));
        QCOMPARE(files.at(0).ns, QStringLiteral("dpm"));
        QCOMPARE(files.at(0).version, QStringLiteral("0001"));
        QCOMPARE(files.at(0).name, QStringLiteral("baseline"));
        QCOMPARE(files.at(1).name, QStringLiteral("second_step"));
        QCOMPARE(files.at(0).ledgerVersion(), QStringLiteral("dpm:0001"));
        QCOMPARE(files.at(0).sql, QString::fromUtf8(sql));
        QCOMPARE(files.at(0).checksum,
            QString::fromLatin1(QCryptographicHash::hash(sql, QCryptographicHash::Sha256).toHex()));
        QVERIFY(catalog.files(QStringLiteral("console")).isEmpty());
    }

    void checksum_crlfCopy_equalsLfChecksum()
    {
        QTemporaryDir lf;
        QTemporaryDir crlf;
        writeFile(lf.filePath(QStringLiteral("console/0001_x.sql")), "-- note\nCREATE TABLE t (x TEXT);\n");
        writeFile(crlf.filePath(QStringLiteral("console/0001_x.sql")), "-- note\r\nCREATE TABLE t (x TEXT);\r\n");
        const MigrationFile a = MigrationCatalog::fromDirectory(lf.path()).files(QStringLiteral("console")).first();
        const MigrationFile b = MigrationCatalog::fromDirectory(crlf.path()).files(QStringLiteral("console")).first();
        QCOMPARE(b.checksum, a.checksum);
        QCOMPARE(b.sql, a.sql);
    }

    void fromDirectory_duplicateVersion_throwsCatalogInvalid()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("console/0001_a.sql")), "SELECT 1;");
        writeFile(dir.filePath(QStringLiteral("console/0001_b.sql")), "SELECT 2;");
        try {
            MigrationCatalog::fromDirectory(dir.path());
            QFAIL("two files with one version were accepted");
        } catch (const Error &error) {
            QCOMPARE(error.code(), QStringLiteral("MIGRATION_CATALOG_INVALID"));
        }
    }

    void embedded_bothBackends_haveTheSameFilesAndTables()
    {
        const MigrationCatalog sqlite = MigrationCatalog::embedded(SqlDialect::Kind::Sqlite);
        const MigrationCatalog postgres = MigrationCatalog::embedded(SqlDialect::Kind::Postgres);
        for (const QString &ns : Migrator::namespaces()) {
            const QList<MigrationFile> files = sqlite.files(ns);
            QVERIFY2(!files.isEmpty(), qPrintable(ns));
            QCOMPARE(fileNames(postgres.files(ns)), fileNames(files));
            for (qsizetype i = 0; i < files.size(); ++i) {
                QVERIFY(!files.at(i).sql.contains(u'\r'));
                QCOMPARE(tableColumnsCreatedBy(postgres.files(ns).at(i).sql), tableColumnsCreatedBy(files.at(i).sql));
            }
        }
        QCOMPARE(fileNames(sqlite.files(QStringLiteral("console"))),
            QStringList({ QStringLiteral("0001_listing_indexes.sql"), QStringLiteral("0002_run_events_outbox.sql"),
                QStringLiteral("0003_audit_log.sql"), QStringLiteral("0004_summary_counters.sql"),
                QStringLiteral("0005_proposal_indexes.sql"), QStringLiteral("0006_outbox_per_topic.sql"),
                QStringLiteral("0007_run_list.sql"), QStringLiteral("0008_proposal_correlation_index.sql"),
                QStringLiteral("0009_run_insert_one_parse.sql"), QStringLiteral("0010_drop_run_status_index.sql") }));
    }

    // A split setup runs a console migration in the proposal store exactly when it works on the
    // proposal tables; the list behind home() must follow the files.
    void embedded_consoleMigrationsOverProposalTables_runInTheProposalStore()
    {
        for (const auto kind : { SqlDialect::Kind::Sqlite, SqlDialect::Kind::Postgres }) {
            const MigrationCatalog catalog = MigrationCatalog::embedded(kind);
            for (const MigrationFile &file : catalog.files(QStringLiteral("console"))) {
                const bool overProposals = file.sql.contains(QLatin1String("ON proposal_"));
                const bool overDpm = file.sql.contains(QLatin1String("ON dpm_"))
                    || file.sql.contains(QLatin1String("TABLE IF NOT EXISTS dpm_"))
                    || file.sql.contains(QLatin1String("TABLE IF NOT EXISTS console_"));
                QVERIFY2(!(overProposals && overDpm), qPrintable(file.fileName));
                QCOMPARE(file.home(), overProposals ? MigrationDatabase::ProposalStore : MigrationDatabase::DpmStore);
            }
            for (const MigrationFile &file : catalog.files(QStringLiteral("proposals")))
                QCOMPARE(file.home(), MigrationDatabase::ProposalStore);
            for (const MigrationFile &file : catalog.files(QStringLiteral("dpm")))
                QCOMPARE(file.home(), MigrationDatabase::DpmStore);

            const MigrationCatalog proposalPart = catalog.forDatabase(MigrationDatabase::ProposalStore);
            QCOMPARE(fileNames(proposalPart.files(QStringLiteral("console"))),
                QStringList({ QStringLiteral("0005_proposal_indexes.sql"),
                    QStringLiteral("0008_proposal_correlation_index.sql") }));
            QVERIFY(proposalPart.files(QStringLiteral("dpm")).isEmpty());
            QCOMPARE(proposalPart.files(QStringLiteral("proposals")).size(),
                catalog.files(QStringLiteral("proposals")).size());
            QVERIFY(proposalPart.runsElsewhere(QStringLiteral("console"), QStringLiteral("0001")));
            QVERIFY(!proposalPart.runsElsewhere(QStringLiteral("console"), QStringLiteral("0005")));

            const MigrationCatalog dpmPart = catalog.forDatabase(MigrationDatabase::DpmStore);
            QCOMPARE(
                dpmPart.files(QStringLiteral("console")).size(), catalog.files(QStringLiteral("console")).size() - 2);
            QVERIFY(dpmPart.files(QStringLiteral("proposals")).isEmpty());
            QVERIFY(dpmPart.runsElsewhere(QStringLiteral("console"), QStringLiteral("0008")));
            QCOMPARE(catalog.forDatabase(MigrationDatabase::Single).files(QStringLiteral("console")).size(),
                catalog.files(QStringLiteral("console")).size());
        }
    }

    void embedded_dpmBaseline_createsTheServiceTables()
    {
        const MigrationFile baseline
            = MigrationCatalog::embedded(SqlDialect::Kind::Sqlite).files(QStringLiteral("dpm")).first();
        const QMap<QString, QStringList> tables = tableColumnsCreatedBy(baseline.sql);
        QCOMPARE(tables.keys(),
            QStringList({ QStringLiteral("dpm_async_operations"), QStringLiteral("dpm_lineage_edges"),
                QStringLiteral("dpm_run_artifacts"), QStringLiteral("dpm_run_idempotency"),
                QStringLiteral("dpm_run_idempotency_history"), QStringLiteral("dpm_runs"),
                QStringLiteral("dpm_workflow_decisions") }));
        QCOMPARE(tables.value(QStringLiteral("dpm_runs")),
            QStringList({ QStringLiteral("rebalance_run_id"), QStringLiteral("correlation_id"),
                QStringLiteral("request_hash"), QStringLiteral("idempotency_key"), QStringLiteral("portfolio_id"),
                QStringLiteral("created_at"), QStringLiteral("result_json") }));
    }

    void advisoryLockKey_matchesTheServiceKeys()
    {
        QCOMPARE(advisoryLockKey(QStringLiteral("dpm")), Q_INT64_C(-7168526539896612686));
        QCOMPARE(advisoryLockKey(QStringLiteral("proposals")), Q_INT64_C(-4554281633922528245));
        QCOMPARE(advisoryLockKey(QStringLiteral("policy_packs")), Q_INT64_C(-6114270925827521689));
    }

    void resolveNamespaces_allSingleAndUnknown()
    {
        QCOMPARE(Migrator::resolveNamespaces(QStringLiteral("all")),
            QStringList({ QStringLiteral("dpm"), QStringLiteral("proposals"), QStringLiteral("console") }));
        QCOMPARE(Migrator::resolveNamespaces(QStringLiteral("console")), QStringList({ QStringLiteral("console") }));
        try {
            Migrator::resolveNamespaces(QStringLiteral("workspace"));
            QFAIL("an unknown namespace was accepted");
        } catch (const Error &error) {
            QCOMPARE(error.code(), QStringLiteral("MIGRATION_NAMESPACE_UNKNOWN:workspace"));
        }
    }

    void toWire_namesEveryState()
    {
        QCOMPARE(toWire(MigrationState::Applied), QStringLiteral("applied"));
        QCOMPARE(toWire(MigrationState::AppliedByService), QStringLiteral("applied_by_service"));
        QCOMPARE(toWire(MigrationState::Pending), QStringLiteral("pending"));
        QCOMPARE(toWire(MigrationState::Modified), QStringLiteral("modified"));
        QCOMPARE(toWire(MigrationState::Missing), QStringLiteral("missing"));
    }
};

QTEST_GUILESS_MAIN(TestMigrationCatalog)
#include "tst_migrationcatalog.moc"
