// console/0007's narrow run list (issue 18): the runs listing reads it when the store has it and
// falls back to dpm_runs (status read for the page's rows only) when not; both must answer every
// filter and every page the same, whatever wrote the runs — the store, plain SQL as the service
// writes (INSERT, UPDATE of result_json or of the id, multi-row UPDATE, DELETE, TRUNCATE) — and
// the migration must backfill the runs already there. Built per SQL backend.

#include "backendstore.h"
#include "domain/canonicaljson.h"
#include "domain/error.h"
#include "domain/timestamp.h"
#include "migrate/migrator.h"
#include "store/sqldatabase.h"
#include "store/sqlstore.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace dpm;

namespace {

QString at(int minutes)
{
    return formatTimestamp(QDateTime(QDate(2026, 2, 20), QTime(12, 0), Qt::UTC).addSecs(qint64(minutes) * 60));
}

QString result(const QString &status)
{
    QJsonObject object { { QStringLiteral("intents"), 1 } };
    if (!status.isNull())
        object.insert(QStringLiteral("status"), status);
    return QString::fromUtf8(canonicalJson(object));
}

RebalanceRun run(const QString &id, int minute, const QString &resultJson, const QString &portfolio = "pf_1")
{
    return { id, QStringLiteral("corr_") + id, QStringLiteral("sha256:") + id.right(1), std::nullopt, portfolio,
        at(minute), resultJson };
}

// Every page of the listing under `filter`, two rows a page so that cursors are crossed.
QList<RunListItem> allPages(SupportStore &store, const RunFilter &filter)
{
    QList<RunListItem> items;
    PageRequest page { 2, {} };
    for (int guard = 0; guard < 100; ++guard) {
        const Page<RunListItem> got = store.listRuns(filter, page);
        items += got.items;
        if (!got.nextCursor)
            break;
        page.cursor = got.nextCursor;
    }
    return items;
}

QList<RunFilter> filters()
{
    QList<RunFilter> out { RunFilter {} };
    for (const char *status : { "READY", "BLOCKED", "PENDING_REVIEW", "" }) {
        RunFilter f;
        f.status = QString::fromLatin1(status);
        out << f;
    }
    for (const char *portfolio : { "pf_1", "pf_2", "pf_3" }) {
        RunFilter f;
        f.portfolioId = QString::fromLatin1(portfolio);
        out << f;
    }
    RunFilter hash;
    hash.requestHash = QStringLiteral("sha256:b");
    RunFilter range;
    range.createdFrom = at(2);
    range.createdTo = at(5);
    RunFilter both = range;
    both.status = QStringLiteral("READY");
    return out << hash << range << both;
}

bool hasIndex(SqlDatabase &db, const QString &name)
{
    SqlRows q = db.exec(db.dialect().isPostgres()
            ? QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE indexname = ?")
            : QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = ?"),
        { name });
    return q.next() && q.value(0).toInt() > 0;
}

} // namespace

class RunList : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    // The embedded migrations without console/0007 and later: a store the console migrated
    // before the narrow run list existed.
    MigrationCatalog catalogBefore0007(const SqlDialect &dialect)
    {
        const QString source = QStringLiteral(":/migrations/") + dialect.migrationFolder();
        const QString target = m_dir->filePath(QStringLiteral("before_0007"));
        for (const QString &ns : Migrator::namespaces()) {
            QDir().mkpath(target + u'/' + ns);
            for (const QFileInfo &file : QDir(source + u'/' + ns).entryInfoList({ QStringLiteral("*.sql") })) {
                if (ns == QLatin1String("console") && file.fileName() >= QLatin1String("0007"))
                    continue;
                QFile::copy(file.filePath(), target + u'/' + ns + u'/' + file.fileName());
            }
        }
        return MigrationCatalog::fromDirectory(target);
    }

    std::unique_ptr<SqlStore> storeBefore0007(const QString &name)
    {
        return storeBefore0007(*test::freshBackendLocation(*m_dir, name));
    }
    std::unique_ptr<SqlStore> storeBefore0007(const StoreLocation &location)
    {
        auto database = std::make_unique<SqlDatabase>(location);
        Migrator(*database, catalogBefore0007(database->dialect())).apply(Migrator::namespaces());
        return std::make_unique<SqlStore>(std::move(database));
    }

    std::unique_ptr<SqlStore> storeWithRunList(const QString &name)
    {
        const std::optional<StoreLocation> location = test::freshBackendLocation(*m_dir, name);
        auto database = std::make_unique<SqlDatabase>(*location);
        Migrator(*database).apply(Migrator::namespaces());
        return std::make_unique<SqlStore>(std::move(database));
    }

    // Runs of every status shape, rewritten through the store and with plain SQL.
    static void writeMix(SqlStore &s)
    {
        s.saveRun(run(QStringLiteral("rr_a"), 0, result(QStringLiteral("READY"))));
        s.saveRun(run(QStringLiteral("rr_b"), 1, result(QStringLiteral("PENDING_REVIEW"))));
        s.saveRun(run(QStringLiteral("rr_c"), 2, result(QStringLiteral("BLOCKED")), QStringLiteral("pf_2")));
        s.saveRun(run(QStringLiteral("rr_d"), 3, result(QString())));
        s.saveRun(run(QStringLiteral("rr_e"), 4, QStringLiteral("not json at all")));
        s.saveRun(run(QStringLiteral("rr_f"), 5, result(QStringLiteral(""))));
        s.saveRun(run(QStringLiteral("rr_g"), 6, QStringLiteral("[1,2]")));
        s.saveRun(run(QStringLiteral("rr_h"), 6, result(QStringLiteral("READY")), QStringLiteral("pf_2")));
        s.saveRun(run(QStringLiteral("rr_b"), 1, result(QStringLiteral("BLOCKED")))); // upsert

        SqlDatabase &db = s.database();
        db.exec(QStringLiteral("INSERT INTO dpm_runs (rebalance_run_id, correlation_id, request_hash, idempotency_key, "
                               "portfolio_id, created_at, result_json) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            { QStringLiteral("rr_i"), QStringLiteral("corr_rr_i"), QStringLiteral("sha256:b"), QStringLiteral("idem_i"),
                QStringLiteral("pf_3"), at(7), result(QStringLiteral("PENDING_REVIEW")) });
        // One statement inserting runs of JSON and non-JSON payloads alike (console/0009's
        // statement-wide fallback on PostgreSQL; a bulk load is such a statement).
        db.exec(QStringLiteral("INSERT INTO dpm_runs (rebalance_run_id, correlation_id, request_hash, idempotency_key, "
                               "portfolio_id, created_at, result_json) VALUES (?, ?, ?, ?, ?, ?, ?), "
                               "(?, ?, ?, ?, ?, ?, ?)"),
            { QStringLiteral("rr_k"), QStringLiteral("corr_rr_k"), QStringLiteral("sha256:k"), QVariant(),
                QStringLiteral("pf_2"), at(8), result(QStringLiteral("BLOCKED")), QStringLiteral("rr_l"),
                QStringLiteral("corr_rr_l"), QStringLiteral("sha256:l"), QVariant(), QStringLiteral("pf_2"), at(9),
                QStringLiteral("{\"status\": broken") });
        db.exec(QStringLiteral("UPDATE dpm_runs SET result_json = ? WHERE rebalance_run_id = ?"),
            { result(QStringLiteral("READY")), QStringLiteral("rr_c") });
        db.exec(QStringLiteral("UPDATE dpm_runs SET result_json = 'garbage' WHERE rebalance_run_id = ?"),
            { QStringLiteral("rr_a") });
        db.exec(QStringLiteral("UPDATE dpm_runs SET rebalance_run_id = ?, portfolio_id = ? WHERE rebalance_run_id = ?"),
            { QStringLiteral("rr_j"), QStringLiteral("pf_3"), QStringLiteral("rr_d") });
        db.exec(QStringLiteral("DELETE FROM dpm_runs WHERE rebalance_run_id = ?"), { QStringLiteral("rr_g") });
        // One statement over rows of JSON and non-JSON payloads alike.
        db.exec(QStringLiteral("UPDATE dpm_runs SET request_hash = request_hash || 'x' WHERE created_at <= ?"),
            { at(4) });
    }

    static void verifySameListings(SqlStore &ours, SqlStore &reference)
    {
        for (const RunFilter &filter : filters()) {
            const QList<RunListItem> got = allPages(ours, filter);
            QCOMPARE(got, allPages(reference, filter));
        }
    }

private Q_SLOTS:
    void init()
    {
        if (test::backendIsPostgres())
            DPM_REQUIRE_POSTGRES();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup() { m_dir.reset(); }

    void runList_everyWriter_listsAsTheRunsThemselves()
    {
        try {
            auto narrow = storeWithRunList(QStringLiteral("with_0007"));
            auto wide = storeBefore0007(QStringLiteral("before_0007"));
            QVERIFY(narrow->hasRunList());
            QVERIFY(!wide->hasRunList());
            // console/0010: the status filter of a store with the run list reads the run list's
            // index, so console/0001's index on the runs' payload is gone (and still there before).
            QVERIFY(!hasIndex(narrow->database(), QStringLiteral("ix_console_runs_status_created")));
            QVERIFY(hasIndex(wide->database(), QStringLiteral("ix_console_runs_status_created")));
            writeMix(*narrow);
            writeMix(*wide);
            verifySameListings(*narrow, *wide);
            // What the mix leaves, spelled out for the rewritten rows.
            const QList<RunListItem> all = allPages(*narrow, {});
            QCOMPARE(all.size(), 10);
            const auto statusOf = [&](const QString &id) {
                for (const RunListItem &item : all) {
                    if (item.rebalanceRunId == id)
                        return item.status;
                }
                return QStringLiteral("<absent>");
            };
            QCOMPARE(statusOf(QStringLiteral("rr_a")), QString());
            QCOMPARE(statusOf(QStringLiteral("rr_b")), QStringLiteral("BLOCKED"));
            QCOMPARE(statusOf(QStringLiteral("rr_c")), QStringLiteral("READY"));
            QCOMPARE(statusOf(QStringLiteral("rr_d")), QStringLiteral("<absent>"));
            QCOMPARE(statusOf(QStringLiteral("rr_j")), QString());
            QCOMPARE(statusOf(QStringLiteral("rr_g")), QStringLiteral("<absent>"));
            QCOMPARE(statusOf(QStringLiteral("rr_i")), QStringLiteral("PENDING_REVIEW"));
            QCOMPARE(statusOf(QStringLiteral("rr_k")), QStringLiteral("BLOCKED"));
            QCOMPARE(statusOf(QStringLiteral("rr_l")), QString());
            // The counters the same triggers keep (console/0004, 0009) against a recount.
            QCOMPARE(narrow->getSupportabilitySummary(), narrow->recountSupportabilitySummary());
            QCOMPARE(narrow->getSupportabilitySummary().runCount, 10);

            // Emptied by a statement without WHERE (TRUNCATE on PostgreSQL).
            narrow->database().execDirect(narrow->database().dialect().isPostgres()
                    ? QStringLiteral("TRUNCATE dpm_runs")
                    : QStringLiteral("DELETE FROM dpm_runs"));
            QVERIFY(allPages(*narrow, {}).isEmpty());
            SqlRows left = narrow->database().exec(QStringLiteral("SELECT COUNT(*) FROM console_run_list"));
            QVERIFY(left.next());
            QCOMPARE(left.value(0).toLongLong(), 0);
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }

    // Applied to a store with runs, 0007 copies them; the listing answers as before, and the
    // triggers keep the copy from there on.
    void runList_migrationOnExistingStore_backfillsTheRuns()
    {
        try {
            auto wide = storeBefore0007(QStringLiteral("reference"));
            writeMix(*wide);
            const std::optional<StoreLocation> location
                = test::freshBackendLocation(*m_dir, QStringLiteral("adopted"));
            {
                auto before = storeBefore0007(*location);
                writeMix(*before);
                QStringList progress;
                const MigrationApplyReport report = Migrator(before->database())
                                                        .apply({ QStringLiteral("console") },
                                                            [&](const QString &line) { progress << line; });
                // 0007 and the later console migrations (0008 proposal correlation index, 0009 one
                // parse per inserted run, 0010 without console/0001's runs status index).
                QCOMPARE(report.applied.size(), 4);
                QCOMPARE(report.applied.constFirst().version, QStringLiteral("0007"));
                QCOMPARE(progress.size(), 4);
                QVERIFY2(progress.constFirst().contains(QLatin1String("console:0007")), qPrintable(progress.join(u'\n')));
            }
            SqlStore adopted(std::make_unique<SqlDatabase>(*location));
            QVERIFY(adopted.hasRunList());
            QVERIFY(!hasIndex(adopted.database(), QStringLiteral("ix_console_runs_status_created")));
            QVERIFY(hasIndex(adopted.database(), QStringLiteral("ix_console_run_list_status_created")));
            verifySameListings(adopted, *wide);
            adopted.saveRun(run(QStringLiteral("rr_e"), 4, result(QStringLiteral("READY"))));
            wide->saveRun(run(QStringLiteral("rr_e"), 4, result(QStringLiteral("READY"))));
            verifySameListings(adopted, *wide);
        } catch (const Error &error) {
            QFAIL(qPrintable(error.toString()));
        }
    }
};

DPM_BACKEND_TEST_GUILESS_MAIN(RunList)
#include "tst_runlist.moc"
