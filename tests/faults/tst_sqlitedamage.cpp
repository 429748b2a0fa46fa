// A damaged SQLite store: truncated, a corrupted page, a missing table, a missing column. Each
// must give a reason code and a sentence, through dpmctl (a documented exit code, never a crash)
// and through openStore and the first reads, which is what the console's StoreSession::open does.

#include "clisupport.h"
#include "demo/demogenerator.h"
#include "domain/error.h"
#include "store/sqldatabase.h"
#include "store/sqlstore.h"
#include "services/storeopening.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

namespace {

// Runs SQL on the file with a connection of its own, outside the store.
void execRaw(const QString &file, const QStringList &statements)
{
    const QString name = QStringLiteral("raw");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &sql : statements)
            QVERIFY2(q.exec(sql), qPrintable(sql + QStringLiteral(": ") + q.lastError().text()));
        q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QVariant queryValue(const QString &file, const QString &sql)
{
    const QString name = QStringLiteral("rawvalue");
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

qint64 queryNumber(const QString &file, const QString &sql)
{
    const QVariant value = queryValue(file, sql);
    return value.isValid() ? value.toLongLong() : -1;
}

QString queryText(const QString &file, const QString &sql) { return queryValue(file, sql).toString(); }

} // namespace

class SqliteDamage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;
    QString m_runId; // a run the demo wrote, read before the damage

    CliResult dpmctl(QStringList args) const
    {
        args << QStringLiteral("--store") << QStringLiteral("sqlite:") + m_file << QStringLiteral("--json");
        return runDpmctl(args, sandboxEnvironment(m_dir->path()));
    }

    // What a person meets in the console: openStore and the first reads of StoreSession::open,
    // then the first run of the listing opened (the listing reads console/0007's narrow run
    // list, so damage to dpm_runs alone shows when a run is read).
    QString consoleOpenError() const
    {
        try {
            const std::unique_ptr<SupportStore> store = openStore(StoreLocation::sqlite(m_file));
            const Page<RunListItem> runs = store->listRuns({}, PageRequest { 1, {} });
            store->listOperations({}, PageRequest { 1, {} });
            store->getSupportabilitySummary();
            if (!runs.items.isEmpty())
                store->getRun(runs.items.first().rebalanceRunId);
        } catch (const Error &e) {
            return e.code() + QStringLiteral(": ") + e.message();
        }
        return {};
    }

    void verifyFails(const QStringList &command, int exitCode, const QString &code)
    {
        const CliResult result = dpmctl(command);
        QVERIFY2(result.exitCode == exitCode, qPrintable(result.describe()));
        QCOMPARE(result.errorJson().value(QStringLiteral("code")).toString(), code);
        QVERIFY2(result.errorJson().value(QStringLiteral("message")).toString().size() > 20,
            qPrintable(result.describe()));
        const QString opened = consoleOpenError();
        QVERIFY2(opened.startsWith(code + QLatin1Char(':')), qPrintable(opened));
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_file = m_dir->filePath(QStringLiteral("dpm.db"));
        {
            auto store = openStore(StoreLocation::sqlite(m_file), OpenOptions { .applyMigrations = true });
            DemoOptions options;
            options.runCount = 300;
            generateDemoData(*store, options);
        }
        QVERIFY(!QFile::exists(m_file + QStringLiteral("-wal")));
        QVERIFY(consoleOpenError().isEmpty()); // sound before the damage
        m_runId = queryText(m_file, QStringLiteral("SELECT rebalance_run_id FROM dpm_runs ORDER BY created_at DESC LIMIT 1"));
        QVERIFY(!m_runId.isEmpty());
    }

    void cleanup() { m_dir.reset(); }

    void truncatedFile_isStoreDatabaseCorrupt()
    {
        QFile file(m_file);
        QVERIFY(file.size() > 64 * 1024);
        QVERIFY(file.resize(file.size() / 2));
        verifyFails({ QStringLiteral("summary") }, 9, QStringLiteral("STORE_DATABASE_CORRUPT"));
    }

    void corruptedPage_isStoreDatabaseCorrupt()
    {
        // The root page of dpm_runs gets a b-tree header that is no page type at all.
        const qint64 pageSize = queryNumber(m_file, QStringLiteral("PRAGMA page_size"));
        const qint64 root = queryNumber(m_file, QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'dpm_runs'"));
        QVERIFY(pageSize > 0 && root > 1);
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek((root - 1) * pageSize));
        QCOMPARE(file.write(QByteArray(64, '\xee')), 64);
        file.close();
        // A lookup of a run that exists: the runs listing reads console/0007's narrow run list, not dpm_runs.
        verifyFails({ QStringLiteral("runs"), QStringLiteral("get"), m_runId }, 9,
            QStringLiteral("STORE_DATABASE_CORRUPT"));
    }

    void notADatabase_isStoreDatabaseCorrupt()
    {
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray(8192, 'x'));
        file.close();
        verifyFails({ QStringLiteral("summary") }, 9, QStringLiteral("STORE_DATABASE_CORRUPT"));
    }

    void missingTable_isSchemaMismatch()
    {
        execRaw(m_file, { QStringLiteral("DROP TABLE dpm_async_operations") });
        verifyFails({ QStringLiteral("summary") }, 8, QStringLiteral("DPM_SCHEMA_MISMATCH"));
    }

    void missingRunsTable_isSchemaNotInitialised()
    {
        execRaw(m_file, { QStringLiteral("DROP TABLE dpm_runs") });
        verifyFails({ QStringLiteral("summary") }, 8, QStringLiteral("DPM_SCHEMA_NOT_INITIALISED"));
    }

    void missingColumn_isSchemaMismatch()
    {
        // dpm_runs without portfolio_id (rebuilt: triggers and indexes on the column go with it).
        execRaw(m_file,
            { QStringLiteral("CREATE TABLE runs_copy AS SELECT rebalance_run_id, correlation_id, request_hash, "
                             "idempotency_key, created_at, result_json FROM dpm_runs"),
                QStringLiteral("DROP TABLE dpm_runs"), QStringLiteral("ALTER TABLE runs_copy RENAME TO dpm_runs") });
        verifyFails({ QStringLiteral("runs"), QStringLiteral("get"), m_runId }, 8,
            QStringLiteral("DPM_SCHEMA_MISMATCH"));
    }
};

QTEST_GUILESS_MAIN(SqliteDamage)
#include "tst_sqlitedamage.moc"
