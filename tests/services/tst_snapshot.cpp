// Snapshots of a whole store (core/services/snapshotexport.h, snapshotimport.h): export → import
// → parity from memory into SQLite, SQLite into PostgreSQL and PostgreSQL into SQLite, on a
// throwaway PostgreSQL server; and every refusal of the import, each leaving the store empty.

#include "demotestsupport.h"
#include "domain/error.h"
#include "pgserver.h"
#include "services/snapshotexport.h"
#include "services/snapshotimport.h"
#include "services/snapshotstream.h"
#include "services/storemigrations.h"
#include "services/storeopening.h"
#include "services/transfer.h"
#include "store/auditlog.h"
#include "store/memorystore.h"
#include "store/sqldatabase.h"
#include "migrate/migrator.h"
#include "store/sqlstore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;
using namespace dpm::test;

namespace {

QStringList auditActions(SupportStore &store)
{
    QStringList actions;
    for (const AuditEntry &entry : store.auditLog().list(PageRequest { 100, std::nullopt }).items)
        actions << entry.action + QLatin1Char(':') + entry.outcome;
    return actions;
}

QString codeOf(const std::function<void()> &work)
{
    try {
        work();
    } catch (const Error &error) {
        return error.code();
    }
    return QStringLiteral("no error");
}

// Every line of a snapshot file, decompressed (the checksum line last).
QList<QByteArray> linesOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    SnapshotReader reader(file);
    QList<QByteArray> lines;
    QByteArray line;
    while (reader.readLine(line))
        lines << line;
    return lines;
}

void writeLines(const QString &path, const QList<QByteArray> &lines)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    SnapshotWriter writer(file);
    for (qsizetype i = 0; i + 1 < lines.size(); ++i)
        writer.writeLine(lines.at(i));
    writer.finish(lines.last());
}

} // namespace

class SnapshotTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_databases = 0;

    QString file(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<SupportStore> newSqlite()
    {
        return openStore(StoreLocation::sqlite(file(QStringLiteral("s%1.db").arg(++m_databases))),
            OpenOptions { .applyMigrations = true });
    }

    std::unique_ptr<SupportStore> newPostgres()
    {
        const StoreLocation location = PgServer::instance().createDatabase(QStringLiteral("snapshot%1").arg(++m_databases));
        return openStore(location, OpenOptions { .applyMigrations = true });
    }

    static void requireParity(SupportStore &a, SupportStore &b)
    {
        const ParityReport parity = verifyParity(a, b);
        QVERIFY2(parity.matches(), QJsonDocument(parity.toJson()).toJson().constData());
    }

private Q_SLOTS:
    void init()
    {
        DPM_REQUIRE_POSTGRES();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void memoryIntoSqliteKeepsEveryTable()
    {
        try {
            MemoryStore source;
            generateDemoData(source, smallDemo(80, 3));
            source.upsertPolicyPack({ QStringLiteral("pp_a"), QStringLiteral("1"), QStringLiteral("{\"k\":\"\u00e9\"}"),
                QStringLiteral("2026-01-01T00:00:00+00:00"), QStringLiteral("2026-01-02T00:00:00+00:00") });
            source.auditLog().record(QStringLiteral("purge.runs"), source.describe(), {}, QStringLiteral("succeeded"));
            qint64 lastDone = -1;
            qint64 lastTotal = 0;
            const SnapshotReport exported = exportSnapshot(source, file(QStringLiteral("m.snapshot.gz")),
                [&](qint64 done, qint64 total, const QString &) {
                    lastDone = done;
                    lastTotal = total;
                    return true;
                });
            QVERIFY(!exported.cancelled);
            QCOMPARE(lastDone, lastTotal);
            QCOMPARE(exported.rows(), lastTotal);
            QCOMPARE(exported.sha256.size(), 64);

            // The header names the schema and the counts; the last line is the checksum.
            const QList<QByteArray> lines = linesOf(exported.file);
            const QJsonObject header = QJsonDocument::fromJson(lines.first()).object();
            QCOMPARE(header.value(QStringLiteral("format")).toString(), QStringLiteral("dpm-snapshot"));
            QVERIFY(header.value(QStringLiteral("schema_versions")).toObject().contains(QStringLiteral("console")));
            QCOMPARE(QJsonDocument::fromJson(lines.last()).object().value(QStringLiteral("sha256")).toString(), exported.sha256);

            auto target = newSqlite();
            const SnapshotReport imported = importSnapshot(*target, exported.file);
            QCOMPARE(imported.rows(), exported.rows());
            QCOMPARE(imported.sha256, exported.sha256);
            requireParity(source, *target);
            QCOMPARE(apiDump(*target), apiDump(source));
            // The source's audit entry came along; the import recorded itself after it.
            const QStringList actions = auditActions(*target);
            QCOMPARE(actions.first(), QStringLiteral("snapshot.import:succeeded"));
            QVERIFY(actions.contains(QStringLiteral("purge.runs:succeeded")));
            QVERIFY(auditActions(source).contains(QStringLiteral("snapshot.export:succeeded")));
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    void sqliteIntoPostgresAndBack()
    {
        try {
            auto sqlite = newSqlite();
            generateDemoData(*sqlite, smallDemo(80, 5));
            const SnapshotReport fromSqlite = exportSnapshot(*sqlite, file(QStringLiteral("s.snapshot.gz")));
            auto postgres = newPostgres();
            importSnapshot(*postgres, fromSqlite.file);
            requireParity(*sqlite, *postgres);

            const SnapshotReport fromPostgres = exportSnapshot(*postgres, file(QStringLiteral("p.snapshot.gz")));
            auto back = newSqlite();
            importSnapshot(*back, fromPostgres.file);
            requireParity(*sqlite, *back);
            QCOMPARE(sqlDump(*back), sqlDump(*sqlite));
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    // The rule for a snapshot taken at older migrations than the store's (issue 17): refused,
    // naming the one way that keeps the rows' meaning: a store brought exactly to the snapshot's
    // migrations with "migrate apply --to", the import, then "migrate apply" forward.
    void olderSnapshot_isRestoredAtItsMigrationsThenMigratedForward()
    {
        try {
            const auto unmigrated = [&](const QString &name) {
                return openStore(StoreLocation::sqlite(file(name)), OpenOptions { .allowMissingSchema = true });
            };
            const MigrationUpTo older = parseMigrationTarget(QStringLiteral("console:0007"));
            auto source = unmigrated(QStringLiteral("older.db"));
            MigrationApplyOptions upTo;
            upTo.upTo = older;
            const MigrationApplyResult appliedOlder = applyMigrations(*source, upTo);
            QVERIFY(appliedOlder.succeeded());
            QVERIFY(!migrationPlan(*source, Migrator::namespaces()).steps.isEmpty()); // console:0008 still pending
            generateDemoData(*source, smallDemo(40, 11));
            const QString path = exportSnapshot(*source, file(QStringLiteral("older.snapshot.gz"))).file;
            const QString spec = QStringLiteral("dpm:0002,proposals:0002,console:0007");

            // Into a store already past it: only a new store can be brought there.
            auto current = newSqlite();
            try {
                importSnapshot(*current, path);
                QFAIL("imported a snapshot of older migrations");
            } catch (const Error &error) {
                QCOMPARE(error.code(), QStringLiteral("SNAPSHOT_SCHEMA_MISMATCH"));
                QVERIFY2(error.message().contains(QStringLiteral("Migrations only go forward")), qPrintable(error.message()));
                QVERIFY2(error.message().contains(QStringLiteral("\"dpmctl --store NEW migrate apply --to %1\"").arg(spec)),
                    qPrintable(error.message()));
            }
            QCOMPARE(sqlCount(*current, QStringLiteral("dpm_runs")), 0);

            // Into an empty store: the sentence names this very store and command.
            auto restored = unmigrated(QStringLiteral("restored.db"));
            try {
                importSnapshot(*restored, path, AuditMode::Skip);
                QFAIL("imported into a store without migrations");
            } catch (const Error &error) {
                QCOMPARE(error.code(), QStringLiteral("SNAPSHOT_SCHEMA_MISMATCH"));
                QVERIFY2(error.message().contains(QStringLiteral("\"dpmctl --store %1 migrate apply --to %2\"")
                                                      .arg(restored->describe(), spec)),
                    qPrintable(error.message()));
            }
            upTo.upTo = parseMigrationTarget(spec);
            const MigrationApplyResult toSnapshot = applyMigrations(*restored, upTo);
            QVERIFY(toSnapshot.succeeded());
            const QJsonObject recorded = restored->auditLog().list(PageRequest { 1, std::nullopt }).items.first().toJson();
            QCOMPARE(recorded.value(QStringLiteral("details")).toObject().value(QStringLiteral("to")).toString(), spec);
            importSnapshot(*restored, path);
            requireParity(*source, *restored);
            // Forward to this build's migrations: the rows stay as they are.
            QVERIFY(applyMigrations(*restored).succeeded());
            QVERIFY(migrationPlan(*restored, Migrator::namespaces()).steps.isEmpty());
            requireParity(*source, *restored);

            // A version this build does not have is refused before anything is applied.
            QCOMPARE(codeOf([&] { parseMigrationTarget(QStringLiteral("console:0042")); }),
                QStringLiteral("MIGRATION_TARGET_INVALID"));
            QCOMPARE(codeOf([&] { parseMigrationTarget(QStringLiteral("0007")); }), QStringLiteral("MIGRATION_TARGET_INVALID"));
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    void importRefusesAndLeavesTheStoreEmpty()
    {
        try {
            auto source = newSqlite();
            generateDemoData(*source, smallDemo(40, 8));
            const QString path = exportSnapshot(*source, file(QStringLiteral("r.snapshot.gz"))).file;
            auto target = newSqlite();
            const auto empty = [&] { return sqlCount(*target, QStringLiteral("dpm_runs")) == 0; };

            // Not empty.
            QCOMPARE(codeOf([&] { importSnapshot(*source, path); }), QStringLiteral("SNAPSHOT_TARGET_NOT_EMPTY"));

            // A changed row: found by the checksum at the end, after every row was loaded, and rolled back.
            QList<QByteArray> lines = linesOf(path);
            QVERIFY(lines.size() > 50);
            lines[2].replace("rr_", "rq_");
            const QString edited = file(QStringLiteral("edited.gz"));
            writeLines(edited, lines);
            QCOMPARE(codeOf([&] { importSnapshot(*target, edited); }), QStringLiteral("SNAPSHOT_CHECKSUM_MISMATCH"));
            QVERIFY(empty());

            // Cut short, in the middle of the gzip stream.
            QFile whole(path);
            QVERIFY(whole.open(QIODevice::ReadOnly));
            const QByteArray bytes = whole.readAll();
            const QString cut = file(QStringLiteral("cut.gz"));
            QFile cutFile(cut);
            QVERIFY(cutFile.open(QIODevice::WriteOnly));
            cutFile.write(bytes.left(bytes.size() * 2 / 3));
            cutFile.close();
            QCOMPARE(codeOf([&] { importSnapshot(*target, cut); }), QStringLiteral("SNAPSHOT_TRUNCATED"));
            QVERIFY(empty());
            // Cut at a line: a whole gzip stream without its checksum line.
            lines = linesOf(path);
            lines.removeLast();
            const QString noChecksum = file(QStringLiteral("nochecksum.gz"));
            {
                QFile out(noChecksum);
                QVERIFY(out.open(QIODevice::WriteOnly));
                SnapshotWriter writer(out);
                for (qsizetype i = 0; i + 1 < lines.size(); ++i)
                    writer.writeLine(lines.at(i));
                writer.finish(lines.last());
            }
            QCOMPARE(codeOf([&] { importSnapshot(*target, noChecksum); }), QStringLiteral("SNAPSHOT_TRUNCATED"));
            QVERIFY(empty());

            // Not a snapshot at all.
            QFile text(file(QStringLiteral("plain.txt")));
            QVERIFY(text.open(QIODevice::WriteOnly));
            text.write("hello\n");
            text.close();
            QCOMPARE(codeOf([&] { importSnapshot(*target, text.fileName()); }), QStringLiteral("SNAPSHOT_CORRUPT"));

            // Another schema: a store with the service's DPM tables only.
            auto serviceOnly = openStore(StoreLocation::sqlite(file(QStringLiteral("service.db"))),
                OpenOptions { .applyMigrations = false, .allowMissingSchema = true });
            {
                SqlDatabase &db = dynamic_cast<SqlStore &>(*serviceOnly).database();
                Migrator(db).apply({ QStringLiteral("dpm") });
            }
            QCOMPARE(codeOf([&] { importSnapshot(*serviceOnly, path, AuditMode::Skip); }),
                QStringLiteral("SNAPSHOT_SCHEMA_MISMATCH"));

            // A cancel rolls everything back.
            int calls = 0;
            const SnapshotReport cancelled
                = importSnapshot(*target, path, AuditMode::Required, [&](qint64, qint64, const QString &) { return ++calls < 3; });
            QVERIFY(cancelled.cancelled);
            QVERIFY(empty());
            QCOMPARE(auditActions(*target).first(), QStringLiteral("snapshot.import:cancelled"));
            QVERIFY(auditActions(*target).contains(QStringLiteral("snapshot.import:failed: SNAPSHOT_CHECKSUM_MISMATCH")));
            // ... and an export cancelled leaves no file.
            const QString never = file(QStringLiteral("never.gz"));
            QVERIFY(exportSnapshot(*source, never, [](qint64, qint64, const QString &) { return false; }).cancelled);
            QVERIFY(!QFile::exists(never));

            // After all that, the intact file still loads.
            importSnapshot(*target, path);
            requireParity(*source, *target);
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }
};

QTEST_GUILESS_MAIN(SnapshotTest)
#include "tst_snapshot.moc"
