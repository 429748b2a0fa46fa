// Schema drift: validate (and so the console's Migrations tab) names every table and column that
// a migration recorded as applied created and the database no longer has. One source, run once
// per SQL backend (DPM_TEST_BACKEND=sqlite / postgres).
#include "migrate/migrator.h"
#include "pgserver.h"
#include "store/sqldatabase.h"
#include "testbackend.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;

namespace {

const bool kPostgres = test::testBackend() == test::TestBackend::Postgres;

const QString kCodePrefix = kPostgres ? QStringLiteral("POSTGRES_") : QStringLiteral("SQLITE_");

QStringList findingCodes(const ValidationReport &report, const QString &severity)
{
    QStringList codes;
    for (const MigrationFinding &finding : report.findings) {
        if (finding.severity == severity)
            codes << finding.code;
    }
    return codes;
}

QString messageOf(const ValidationReport &report, const QString &code)
{
    for (const MigrationFinding &finding : report.findings) {
        if (finding.code == code)
            return finding.message;
    }
    return {};
}

} // namespace

class TestSchemaDrift : public QObject
{
    Q_OBJECT

private:
    StoreLocation freshLocation(const QString &hint)
    {
        if (kPostgres)
            return test::PgServer::instance().createDatabase(hint);
        return StoreLocation::sqlite(m_dir.filePath(QStringLiteral("%1-%2.db").arg(hint).arg(++m_counter)));
    }

    MigrationCatalog catalogFrom(const QMap<QString, QString> &files)
    {
        const QString root = m_dir.filePath(QStringLiteral("catalog-%1").arg(++m_counter));
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            const QString path = root + u'/' + it.key();
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                qFatal("cannot write %s", qPrintable(path));
            file.write(it.value().toUtf8());
        }
        return MigrationCatalog::fromDirectory(root);
    }

    QTemporaryDir m_dir;
    int m_counter = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (kPostgres)
            DPM_REQUIRE_POSTGRES();
    }

    void validate_droppedTable_reportsTableMissingWithItsMigration()
    {
        SqlDatabase db(freshLocation(QStringLiteral("droptable")));
        Migrator migrator(db);
        migrator.apply(Migrator::namespaces());
        QVERIFY(migrator.validate(Migrator::namespaces(), true).findings.isEmpty());

        db.execDirect(QStringLiteral("DROP TABLE dpm_lineage_edges"));
        const QString code = QStringLiteral("MIGRATION_SCHEMA_TABLE_MISSING:dpm:0001:dpm_lineage_edges");
        for (const bool strict : { true, false }) {
            const ValidationReport report = migrator.validate(Migrator::namespaces(), strict);
            QVERIFY(!report.ok);
            QCOMPARE(findingCodes(report, QStringLiteral("error")), QStringList { code });
            const QString message = messageOf(report, code);
            QVERIFY2(
                message.contains(QLatin1String("dpm_lineage_edges")) && message.contains(QLatin1String("dpm:0001")),
                qPrintable(message));
        }
        QCOMPARE(codesOf(migrator.schemaDrift({ QStringLiteral("dpm") })), QStringList { code });
        // Only the namespace whose migration created it.
        QVERIFY(migrator.schemaDrift({ QStringLiteral("proposals"), QStringLiteral("console") }).isEmpty());
    }

    void validate_droppedColumn_reportsColumnMissing()
    {
        SqlDatabase db(freshLocation(QStringLiteral("dropcolumn")));
        Migrator migrator(db);
        migrator.apply(Migrator::namespaces());
        db.execDirect(QStringLiteral("ALTER TABLE dpm_workflow_decisions DROP COLUMN comment"));
        db.execDirect(QStringLiteral("ALTER TABLE console_audit_log DROP COLUMN details_json"));

        const ValidationReport report = migrator.validate(Migrator::namespaces(), true);
        QVERIFY(!report.ok);
        QCOMPARE(findingCodes(report, QStringLiteral("error")),
            QStringList({ QStringLiteral("MIGRATION_SCHEMA_COLUMN_MISSING:dpm:0001:dpm_workflow_decisions.comment"),
                QStringLiteral("MIGRATION_SCHEMA_COLUMN_MISSING:console:0003:console_audit_log.details_json") }));
        const QString message = messageOf(
            report, QStringLiteral("MIGRATION_SCHEMA_COLUMN_MISSING:dpm:0001:dpm_workflow_decisions.comment"));
        QVERIFY2(message.contains(QLatin1String("dpm_workflow_decisions.comment")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("dpm:0001")), qPrintable(message));
    }

    // The ledger is shared: a migration the service applied (its own checksum) is checked too.
    void validate_serviceAppliedMigrationLostATable_reportsIt()
    {
        SqlDatabase db(freshLocation(QStringLiteral("servicedrift")));
        Migrator(db).apply({ QStringLiteral("dpm") });
        db.exec(QStringLiteral("UPDATE schema_migrations SET checksum = ?"), { QString(64, u'a') });
        Migrator migrator(db);
        QCOMPARE(migrator.status({ QStringLiteral("dpm") }).first().state, MigrationState::AppliedByService);
        QVERIFY(migrator.validate({ QStringLiteral("dpm") }).ok);

        db.execDirect(QStringLiteral("DROP TABLE dpm_run_artifacts"));
        const ValidationReport report = migrator.validate({ QStringLiteral("dpm") });
        QVERIFY(!report.ok);
        QVERIFY2(findingCodes(report, QStringLiteral("error"))
                     .contains(QStringLiteral("MIGRATION_SCHEMA_TABLE_MISSING:dpm:0001:dpm_run_artifacts")),
            qPrintable(findingCodes(report, QStringLiteral("error")).join(u' ')));
        // Unchanged: a service checksum whose tables are not all there is not accepted either.
        QVERIFY(findingCodes(report, QStringLiteral("error"))
                    .contains(kCodePrefix + QStringLiteral("MIGRATION_CHECKSUM_MISMATCH:dpm:0001")));
    }

    // Columns come from CREATE TABLE and ALTER TABLE … ADD COLUMN; later drops and renames are
    // followed, so what a migration removed on purpose is not reported.
    void validate_followsAlterTableAcrossMigrations()
    {
        SqlDatabase db(freshLocation(QStringLiteral("alter")));
        Migrator migrator(db,
            catalogFrom({ { QStringLiteral("console/0001_notes.sql"),
                              QStringLiteral("CREATE TABLE console_test_notes (note_id TEXT PRIMARY KEY, body TEXT, "
                                             "obsolete TEXT, draft TEXT);\n"
                                             "CREATE TABLE console_test_gone (x TEXT);\n") },
                { QStringLiteral("console/0002_extra.sql"),
                    QStringLiteral("ALTER TABLE console_test_notes ADD COLUMN extra TEXT;\n") },
                { QStringLiteral("console/0003_tidy.sql"),
                    QStringLiteral("ALTER TABLE console_test_notes DROP COLUMN obsolete;\n"
                                   "ALTER TABLE console_test_notes RENAME COLUMN draft TO final_text;\n"
                                   "DROP TABLE console_test_gone;\n") } }));
        migrator.apply({ QStringLiteral("console") });
        QVERIFY(migrator.validate({ QStringLiteral("console") }, true).findings.isEmpty());

        db.execDirect(QStringLiteral("ALTER TABLE console_test_notes DROP COLUMN extra"));
        db.execDirect(QStringLiteral("ALTER TABLE console_test_notes DROP COLUMN final_text"));
        QCOMPARE(findingCodes(migrator.validate({ QStringLiteral("console") }, true), QStringLiteral("error")),
            QStringList({ QStringLiteral("MIGRATION_SCHEMA_COLUMN_MISSING:console:0003:console_test_notes.final_text"),
                QStringLiteral("MIGRATION_SCHEMA_COLUMN_MISSING:console:0002:console_test_notes.extra") }));
    }

    void validate_pendingMigration_isNoDrift()
    {
        SqlDatabase db(freshLocation(QStringLiteral("pending")));
        Migrator migrator(db);
        migrator.apply({ QStringLiteral("dpm") });
        const ValidationReport report = migrator.validate(Migrator::namespaces(), true);
        for (const QString &code : findingCodes(report, QStringLiteral("error")))
            QVERIFY2(!code.startsWith(QLatin1String("MIGRATION_SCHEMA_")), qPrintable(code));
    }

private:
    static QStringList codesOf(const QList<MigrationFinding> &findings)
    {
        QStringList codes;
        for (const MigrationFinding &finding : findings)
            codes << finding.code;
        return codes;
    }
};

DPM_BACKEND_TEST_GUILESS_MAIN(TestSchemaDrift)
#include "tst_schemadrift.moc"
