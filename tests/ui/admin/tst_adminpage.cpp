// The admin page driven like a person: locked actions are disabled and refused; unlocking and
// applying migrations updates the ledger and the audit log; a failing migration shows its reason
// code and leaves the page usable; purge previews per table and deletes; the cutover report
// exports as JSON and Markdown without secrets; on PostgreSQL an apply waits visibly for the
// session holding the namespace's migration lock. Built once for SQLite and once for PostgreSQL.

#include "awaitfuture.h"
#include "admin/adminpage.h"
#include "admin/auditlogtab.h"
#include "admin/cutovertab.h"
#include "demo/demogenerator.h"
#include "domain/error.h"
#include "admin/findingsmodel.h"
#include "listing/keysetlistmodel.h"
#include "migrate/migrator.h"
#include "admin/migrationstab.h"
#include "admin/migrationstatusmodel.h"
#include "modalanswer.h"
#include "pgserver.h"
#include "admin/purgereportmodel.h"
#include "admin/retentiontab.h"
#include "store/sqldatabase.h"
#include "store/sqldialect.h"
#include "session/storesession.h"
#include "uitestbackend.h"
#include "widgetlookup.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace dpm;
using dpm::test::await;
using dpm::test::answerNextConfirmation;
using dpm::test::byName;

namespace {

// A store with only the dpm namespace applied: proposals and console are pending.
StoreLocation dpmOnly(const QTemporaryDir &dir, const QString &hint)
{
    const StoreLocation location = dpm::test::freshUiTestStore(dir, hint);
    SqlDatabase db(location);
    Migrator(db).apply({ QStringLiteral("dpm") });
    return location;
}

// The backend's embedded migrations plus console/0099, whose SQL fails.
QString catalogWithBrokenMigration(const QTemporaryDir &dir)
{
    const QString root = dir.filePath(QStringLiteral("catalog"));
    const QString embedded = QStringLiteral(":/migrations/")
        + SqlDialect(dpm::test::uiOnPostgres() ? SqlDialect::Kind::Postgres : SqlDialect::Kind::Sqlite)
              .migrationFolder();
    QDirIterator it(embedded, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = root + file.mid(embedded.size());
        QDir().mkpath(QFileInfo(target).path());
        QFile::copy(file, target);
    }
    QFile broken(root + QStringLiteral("/console/0099_broken.sql"));
    broken.open(QIODevice::WriteOnly);
    broken.write("CREATE TABLE console_broken (id TEXT PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n");
    return root;
}

QStringList auditActions(KeysetListModel *model)
{
    QStringList actions;
    for (int row = 0; row < model->rowCount(); ++row)
        actions << model->index(row, 1).data().toString() + u' ' + model->index(row, 2).data().toString();
    return actions;
}

} // namespace

class TestAdminPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreSession> m_session;
    std::unique_ptr<AdminPage> m_page;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;

    void openPage(const StoreLocation &location, bool applyMigrations)
    {
        m_session = std::make_unique<StoreSession>(location);
        await(m_session->open({ .applyMigrations = applyMigrations }));
        m_page = std::make_unique<AdminPage>();
        m_page->resize(1100, 700);
        m_page->show();
        for (QAbstractItemModel *model :
            std::initializer_list<QAbstractItemModel *> { m_page->migrationsTab()->statusModel(),
                m_page->migrationsTab()->validationModel(), m_page->retentionTab()->reportModel(),
                m_page->cutoverTab()->findingsModel(), m_page->auditLogTab()->model() })
            m_testers.push_back(std::make_unique<QAbstractItemModelTester>(model));
        m_page->setSession(m_session.get());
    }

    void unlockByButton()
    {
        QString question;
        answerNextConfirmation(QMessageBox::Yes, &question);
        QTest::mouseClick(
            byName<QPushButton>(m_page.get(), QStringLiteral("Unlock or lock admin actions")), Qt::LeftButton);
        QTRY_VERIFY(m_page->isUnlocked());
        QVERIFY2(question.contains(m_session->redactedLocation()), qPrintable(question));
    }

    void generateDemo(qint64 runs)
    {
        await(m_session->run([runs](SupportStore &store) {
            DemoOptions options;
            options.runCount = runs;
            generateDemoData(store, options);
            return true;
        }));
    }

private Q_SLOTS:
    void initTestCase() { DPM_UI_REQUIRE_BACKEND(); }

    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void cleanup()
    {
        m_page.reset();
        m_testers.clear();
        m_session.reset();
        m_dir.reset();
    }

    void locked_actionsAreDisabledAndTheirSlotsRefuse()
    {
        openPage(dpmOnly(*m_dir, QStringLiteral("ui_admin_locked")), false);
        MigrationsTab *migrations = m_page->migrationsTab();
        QTRY_COMPARE(migrations->statusModel()->pendingCount(), 12); // proposals 2 + console 10
        QVERIFY(m_page->lockText().startsWith(QLatin1String("Read-only.")));
        QVERIFY(m_page->lockText().contains(m_session->redactedLocation()));
        QVERIFY(!byName<QPushButton>(m_page.get(), QStringLiteral("Apply pending migrations"))->isEnabled());
        QVERIFY(!byName<QPushButton>(m_page.get(), QStringLiteral("Purge runs"))->isEnabled());
        QVERIFY(!byName<QPushButton>(m_page.get(), QStringLiteral("Purge operations"))->isEnabled());
        QVERIFY(byName<QPushButton>(m_page.get(), QStringLiteral("Dry run"))->isEnabled()); // a preview

        // The slots refuse without asking anything (a question would block here).
        migrations->applyPending();
        QVERIFY(migrations->resultText().contains(QLatin1String("Read-only")));
        m_page->retentionTab()->purgeRuns();
        QVERIFY(m_page->retentionTab()->resultText().contains(QLatin1String("Read-only")));
        migrations->refresh();
        QTRY_VERIFY(!migrations->statusModel()->index(0, 0).data().toString().isEmpty());
        QCOMPARE(migrations->statusModel()->pendingCount(), 12);
        SqlDatabase db(m_session->location());
        QVERIFY(!db.tableExists(QStringLiteral("console_audit_log")));
    }

    // A store that keeps its proposals in a database of their own: the proposal tables and the
    // console's indexes over them (console/0005, 0008) are pending there, say so, and apply there.
    void splitStore_proposalStoreMigrationsListedAndAppliedThere()
    {
        const StoreLocation store = dpm::test::freshUiTestStore(*m_dir, QStringLiteral("ui_admin_split"));
        openStore(store, OpenOptions { .applyMigrations = true });
        const StoreLocation proposals = StoreLocation::sqlite(m_dir->filePath(QStringLiteral("proposals.db")));
        openPage(store.withProposalStore(proposals), false);
        MigrationsTab *migrations = m_page->migrationsTab();
        QTRY_COMPARE(migrations->statusModel()->pendingCount(), 4);
        MigrationStatusModel *status = migrations->statusModel();
        for (const QString &version : { QStringLiteral("console:0005"), QStringLiteral("console:0008") }) {
            const int row = status->rowOf(version);
            QVERIFY(row >= 0);
            QCOMPARE(status->index(row, MigrationStatusModel::NamespaceColumn).data().toString(),
                QStringLiteral("console (proposal store)"));
        }
        QCOMPARE(status->index(status->rowOf(QStringLiteral("console:0001")), MigrationStatusModel::NamespaceColumn)
                     .data()
                     .toString(),
            QStringLiteral("console"));
        QVERIFY(migrations->planText().contains(QLatin1String("in the proposal store")));

        unlockByButton();
        auto *apply = byName<QPushButton>(m_page.get(), QStringLiteral("Apply pending migrations"));
        QTRY_VERIFY(apply->isEnabled());
        answerNextConfirmation(QMessageBox::Yes);
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_COMPARE(migrations->statusModel()->pendingCount(), 0);
        SqlDatabase db(proposals);
        SqlRows q = db.exec(QStringLiteral("SELECT COUNT(*) FROM schema_migrations WHERE version IN (?, ?)"),
            { QStringLiteral("console:0005"), QStringLiteral("console:0008") });
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
    }

    void unlock_applyPending_updatesLedgerStatusAndAuditLog()
    {
        openPage(dpmOnly(*m_dir, QStringLiteral("ui_admin_apply")), false);
        QSignalSpy changed(m_page.get(), &AdminPage::storeChanged);
        MigrationsTab *migrations = m_page->migrationsTab();
        QTRY_COMPARE(migrations->statusModel()->pendingCount(), 12);
        QVERIFY(migrations->planText().contains(QLatin1String("CREATE TABLE IF NOT EXISTS console_audit_log")));
        unlockByButton();
        QVERIFY(m_page->lockText().startsWith(QLatin1String("Unlocked")));

        auto *apply = byName<QPushButton>(m_page.get(), QStringLiteral("Apply pending migrations"));
        QTRY_VERIFY(apply->isEnabled());
        QString question;
        answerNextConfirmation(QMessageBox::Yes, &question);
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY(changed.count() == 1);
        QTRY_COMPARE(migrations->statusModel()->pendingCount(), 0);
        QCOMPARE(question, QStringLiteral("Apply 12 migrations to %1?").arg(m_session->redactedLocation()));
        QVERIFY2(migrations->resultText().startsWith(QLatin1String("Applied migrations: 12, in ")),
            qPrintable(migrations->resultText()));

        MigrationStatusModel *status = migrations->statusModel();
        const int audit = status->rowOf(QStringLiteral("console:0003"));
        QVERIFY(audit >= 0);
        QCOMPARE(status->index(audit, MigrationStatusModel::StateColumn).data(MigrationStatusModel::StateRole),
            QVariant(QStringLiteral("applied")));
        QVERIFY(status->index(audit, MigrationStatusModel::DurationColumn).data().toString().endsWith(u"ms"));

        // The ledger itself, read apart from the page.
        SqlDatabase db(m_session->location());
        for (const MigrationStatusRow &row : Migrator(db).status(Migrator::namespaces()))
            QCOMPARE(toWire(row.state), QStringLiteral("applied"));

        KeysetListModel *auditModel = m_page->auditLogTab()->model();
        QTRY_COMPARE(auditActions(auditModel), QStringList { QStringLiteral("migrate.apply succeeded") });
        QCOMPARE(
            auditModel->index(0, 4).data(KeysetListModel::FullValueRole).toString(), m_session->redactedLocation());

        // Another page later reads the durations from the audit log (the ledger has none); the
        // dpm migrations applied before the log existed have none to show.
        AdminPage later;
        later.setSession(m_session.get());
        MigrationStatusModel *again = later.migrationsTab()->statusModel();
        QTRY_VERIFY(again->rowOf(QStringLiteral("console:0003")) >= 0);
        QVERIFY(again->index(again->rowOf(QStringLiteral("console:0003")), MigrationStatusModel::DurationColumn)
                    .data()
                    .toString()
                    .endsWith(u"ms"));
        QCOMPARE(again->index(again->rowOf(QStringLiteral("dpm:0001")), MigrationStatusModel::DurationColumn).data(),
            QVariant(QStringLiteral("—")));
    }

    void failingMigration_showsItsReasonCodeAndThePageStaysUsable()
    {
        openPage(dpmOnly(*m_dir, QStringLiteral("ui_admin_broken")), false);
        m_page->setMigrationCatalog(MigrationCatalog::fromDirectory(catalogWithBrokenMigration(*m_dir)));
        MigrationsTab *migrations = m_page->migrationsTab();
        const QString failure = (dpm::test::uiOnPostgres() ? QStringLiteral("POSTGRES") : QStringLiteral("SQLITE"))
            + QStringLiteral("_MIGRATION_FAILED:console:0099");
        QTRY_COMPARE(migrations->statusModel()->pendingCount(), 13);
        unlockByButton();
        auto *apply = byName<QPushButton>(m_page.get(), QStringLiteral("Apply pending migrations"));
        QTRY_VERIFY(apply->isEnabled());
        answerNextConfirmation(QMessageBox::Yes);
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY(migrations->resultText().contains(failure));
        QVERIFY(migrations->resultText().startsWith(QLatin1String("Failed (migrations applied before it: 12): ")));

        MigrationStatusModel *status = migrations->statusModel();
        QTRY_COMPARE(status->pendingCount(), 1);
        const int broken = status->rowOf(QStringLiteral("console:0099"));
        QCOMPARE(status->index(broken, MigrationStatusModel::StateColumn).data(MigrationStatusModel::StateRole),
            QVariant(QStringLiteral("failed")));
        QCOMPARE(status->index(broken, MigrationStatusModel::StateColumn).data(MigrationStatusModel::FailureCodeRole),
            QVariant(failure));
        // Usable: the apply can be tried again, and the audit log says what happened.
        QTRY_VERIFY(apply->isEnabled());
        QTRY_COMPARE(auditActions(m_page->auditLogTab()->model()),
            QStringList { QStringLiteral("migrate.apply failed: ") + failure });
        SqlDatabase db(m_session->location());
        QVERIFY(!db.tableExists(QStringLiteral("console_broken"))); // rolled back with its transaction
    }

    // The Validate tab shows migrate validate's findings: a table the ledger says was created.
    void droppedTable_isAValidateFinding()
    {
        const StoreLocation location = dpm::test::freshUiTestStore(*m_dir, QStringLiteral("ui_admin_drift"));
        {
            SqlDatabase db(location);
            Migrator(db).apply(Migrator::namespaces());
            db.execDirect(QStringLiteral("DROP TABLE dpm_lineage_edges"));
        }
        openPage(location, false);
        FindingsModel *validation = m_page->migrationsTab()->validationModel();
        QTRY_COMPARE(validation->rowCount(), 1);
        QCOMPARE(validation->index(0, 0).data(FindingsModel::CodeRole),
            QVariant(QStringLiteral("MIGRATION_SCHEMA_TABLE_MISSING:dpm:0001:dpm_lineage_edges")));
        QCOMPARE(validation->index(0, 1).data(FindingsModel::SeverityRole), QVariant(QStringLiteral("error")));
    }

    void purge_dryRunCountsPerTableThenPurgeDeletesAndIsAudited()
    {
        openPage(dpm::test::freshUiTestStore(*m_dir, QStringLiteral("ui_admin_purge")), true);
        generateDemo(200);
        RetentionTab *retention = m_page->retentionTab();
        retention->retentionDaysField()->setValue(30);
        retention->nowField()->setDateTime(QDateTime::fromString(demoDefaultAnchor(), Qt::ISODate).toUTC());
        QTest::mouseClick(byName<QPushButton>(m_page.get(), QStringLiteral("Dry run")), Qt::LeftButton);
        PurgeReportModel *report = retention->reportModel();
        QTRY_VERIFY(report->countOf(QStringLiteral("dpm_runs")) > 0);
        QVERIFY(report->countOf(QStringLiteral("dpm_async_operations")) >= 0);
        const qint64 expired = report->countOf(QStringLiteral("dpm_runs"));
        QVERIFY(expired < 200);

        unlockByButton();
        QString question;
        answerNextConfirmation(QMessageBox::Yes, &question);
        QTest::mouseClick(byName<QPushButton>(m_page.get(), QStringLiteral("Purge runs")), Qt::LeftButton);
        QTRY_VERIFY2(retention->resultText().startsWith(QLatin1String("Deleted")), qPrintable(retention->resultText()));
        QVERIFY2(question.contains(m_session->redactedLocation()), qPrintable(question));
        QCOMPARE(report->countOf(QStringLiteral("dpm_runs")), expired);

        QTest::mouseClick(byName<QPushButton>(m_page.get(), QStringLiteral("Dry run")), Qt::LeftButton);
        QTRY_VERIFY(retention->resultText().startsWith(QLatin1String("Dry run")));
        QCOMPARE(report->countOf(QStringLiteral("dpm_runs")), 0);
        QTRY_COMPARE(
            auditActions(m_page->auditLogTab()->model()), QStringList { QStringLiteral("purge.runs succeeded") });
    }

    void purge_withoutAuditTable_isRefusedAndDeletesNothing()
    {
        openPage(dpmOnly(*m_dir, QStringLiteral("ui_admin_noaudit")), false);
        generateDemo(50);
        unlockByButton();
        RetentionTab *retention = m_page->retentionTab();
        retention->retentionDaysField()->setValue(1);
        retention->nowField()->setDateTime(QDateTime::fromString(demoDefaultAnchor(), Qt::ISODate).toUTC());
        QTest::mouseClick(byName<QPushButton>(m_page.get(), QStringLiteral("Purge runs")), Qt::LeftButton);
        QTRY_VERIFY2(retention->resultText().contains(QLatin1String("CONSOLE_AUDIT_LOG_MISSING")),
            qPrintable(retention->resultText()));
        const qint64 runs
            = await(m_session->run([](SupportStore &s) { return s.getSupportabilitySummary().runCount; }));
        QCOMPARE(runs, 50);
        QVERIFY(byName<QPushButton>(m_page.get(), QStringLiteral("Purge runs"))->isEnabled());
    }

    void cutover_findingsExportAsJsonAndMarkdownWithoutSecrets()
    {
        openPage(dpm::test::freshUiTestStore(*m_dir, QStringLiteral("ui_admin_cutover")), true);
        QProcessEnvironment env;
        env.insert(QStringLiteral("DPM_SUPPORTABILITY_STORE_BACKEND"), QStringLiteral("POSTGRES"));
        env.insert(QStringLiteral("DPM_SUPPORTABILITY_POSTGRES_DSN"),
            QStringLiteral("postgresql://dpm:topsecret@db.example:5432/dpm"));
        m_page->setEnvironment(env);
        m_page->tabs()->setCurrentWidget(m_page->cutoverTab());
        CutoverTab *cutover = m_page->cutoverTab();
        cutover->profileField()->setCurrentIndex(cutover->profileField()->findData(QStringLiteral("LOCAL")));
        QVERIFY(!cutover->checkMigrationsField()->isChecked());
        QTest::mouseClick(byName<QPushButton>(m_page.get(), QStringLiteral("Run cutover check")), Qt::LeftButton);
        QTRY_VERIFY(cutover->report().has_value());
        FindingsModel *findings = cutover->findingsModel();
        QVERIFY(findings->rowCount() > 1);
        QCOMPARE(findings->index(0, 0).data(FindingsModel::CodeRole),
            QVariant(QStringLiteral("CUTOVER_PROFILE_NOT_PRODUCTION")));
        QCOMPARE(findings->index(0, 1).data(FindingsModel::SeverityRole), QVariant(QStringLiteral("error")));
        QVERIFY(findings->index(0, 1).data(Qt::ForegroundRole).isValid());

        const QString jsonPath = m_dir->filePath(QStringLiteral("report.json"));
        const QString mdPath = m_dir->filePath(QStringLiteral("report.md"));
        QVERIFY(cutover->exportJsonTo(jsonPath));
        QVERIFY(cutover->exportMarkdownTo(mdPath));
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QByteArray jsonBytes = json.readAll();
        const QJsonObject document = QJsonDocument::fromJson(jsonBytes).object();
        QCOMPARE(document.value(QStringLiteral("profile")).toString(), QStringLiteral("LOCAL"));
        QCOMPARE(document.value(QStringLiteral("findings")).toArray().size(), findings->rowCount());
        QFile md(mdPath);
        QVERIFY(md.open(QIODevice::ReadOnly));
        const QByteArray mdBytes = md.readAll();
        QVERIFY(mdBytes.startsWith("# Production cutover check"));
        QVERIFY(mdBytes.contains("| `CUTOVER_PROFILE_NOT_PRODUCTION` | error |"));
        QVERIFY(!jsonBytes.contains("topsecret"));
        QVERIFY(!mdBytes.contains("topsecret"));
        QTRY_COMPARE(auditActions(m_page->auditLogTab()->model()),
            QStringList { QStringLiteral("cutover.check failed: CUTOVER_PROFILE_NOT_PRODUCTION") });
    }

    // The advisory lock exists on PostgreSQL only.
    void postgres_applyWaitsForTheLockHolderAndNamesIt()
    {
        DPM_REQUIRE_POSTGRES();
        const StoreLocation location = test::PgServer::instance().createDatabase(QStringLiteral("adminlock"));
        SqlDatabase other(location);
        Migrator(other).apply({ QStringLiteral("dpm") });
        other.execDirect(QStringLiteral("SET application_name = 'other-migrator'"));
        SqlRows pid = other.exec(QStringLiteral("SELECT pg_backend_pid()"));
        QVERIFY(pid.next());
        const QString otherPid = pid.value(0).toString();
        other.exec(
            QStringLiteral("SELECT pg_advisory_lock(?::bigint)"), { advisoryLockKey(QStringLiteral("console")) });

        openPage(location, false);
        MigrationsTab *migrations = m_page->migrationsTab();
        QTRY_COMPARE(migrations->statusModel()->pendingCount(), 12);
        unlockByButton();
        QTRY_VERIFY(m_page->lockText().contains(QLatin1String(" as postgres")));
        auto *apply = byName<QPushButton>(m_page.get(), QStringLiteral("Apply pending migrations"));
        answerNextConfirmation(QMessageBox::Yes);
        QTest::mouseClick(apply, Qt::LeftButton);
        auto *progress = byName<QLabel>(m_page.get(), QStringLiteral("Apply progress text"));
        QTRY_VERIFY2(progress->text().contains(QLatin1String("other-migrator")), qPrintable(progress->text()));
        QVERIFY(progress->text().contains(QStringLiteral("pid ") + otherPid));
        QVERIFY(progress->text().contains(QLatin1String("namespace console")));
        QCOMPARE(migrations->statusModel()->pendingCount(), 12); // nothing applied while waiting

        other.exec(
            QStringLiteral("SELECT pg_advisory_unlock(?::bigint)"), { advisoryLockKey(QStringLiteral("console")) });
        QTRY_COMPARE(migrations->statusModel()->pendingCount(), 0);
        QTRY_COMPARE(
            auditActions(m_page->auditLogTab()->model()), QStringList { QStringLiteral("migrate.apply succeeded") });
    }

    void postgres_cancelWhileWaitingForTheLock_appliesNothingAndSaysSo()
    {
        DPM_REQUIRE_POSTGRES();
        const StoreLocation location = test::PgServer::instance().createDatabase(QStringLiteral("admincancel"));
        SqlDatabase other(location);
        // console/0005 indexes the proposal tables, so only dpm can be applied ahead of proposals.
        Migrator(other).apply({ QStringLiteral("dpm") });
        other.exec(
            QStringLiteral("SELECT pg_advisory_lock(?::bigint)"), { advisoryLockKey(QStringLiteral("proposals")) });

        openPage(location, false);
        MigrationsTab *migrations = m_page->migrationsTab();
        QTRY_COMPARE(migrations->statusModel()->pendingCount(), 12);
        unlockByButton();
        answerNextConfirmation(QMessageBox::Yes);
        QTest::mouseClick(
            byName<QPushButton>(m_page.get(), QStringLiteral("Apply pending migrations")), Qt::LeftButton);
        auto *progress = byName<QLabel>(m_page.get(), QStringLiteral("Apply progress text"));
        QTRY_VERIFY(progress->text().contains(QLatin1String("namespace proposals")));
        QTest::mouseClick(byName<QPushButton>(m_page.get(), QStringLiteral("Cancel applying")), Qt::LeftButton);
        QTRY_VERIFY2(
            migrations->resultText().startsWith(QLatin1String("Cancelled")), qPrintable(migrations->resultText()));
        QTRY_VERIFY(!migrations->isBusy());
        QCOMPARE(migrations->statusModel()->pendingCount(), 12);
        // Nothing applied means no console audit table either (console/0003 is among the pending),
        // so the cancelled apply has nowhere to be recorded; it must not create the table for it.
        SqlDatabase check(location);
        QVERIFY(!check.tableExists(QStringLiteral("console_audit_log")));
    }
};

DPM_BACKEND_TEST_MAIN(TestAdminPage,
    { "postgres_applyWaitsForTheLockHolderAndNamesIt", dpm::test::TestBackend::Postgres },
    { "postgres_cancelWhileWaitingForTheLock_appliesNothingAndSaysSo", dpm::test::TestBackend::Postgres })
#include "tst_adminpage.moc"
