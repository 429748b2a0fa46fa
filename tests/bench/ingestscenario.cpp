#include "demo/demogenerator.h"
#include "domain/error.h"
#include "migrate/migrator.h"
#include "scenarios.h"
#include "services/storeopening.h"
#include "store/sqldatabase.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cmath>

namespace dpm::bench {

namespace {

struct TableFill
{
    QByteArray table;
    QByteArray payloadColumn; // its average length sizes the reference's padding
    QByteArray select; // the row built from i (PAD is the padding of payloadColumn's length)
};

// Every table the demo load writes, with a row of the same shape built from a series number.
const QList<TableFill> kFills {
    { "dpm_runs", "result_json",
        "'rr_' || i, 'corr_' || i, 'sha256:' || i, 'key_' || i, 'pf_' || (i % 5000), "
        "'2026-01-01T00:00:00+00:00', '{\"status\":\"READY\",\"pad\":\"' || PAD || '\"}'" },
    { "dpm_run_artifacts", "artifact_json", "'rr_' || i, '{\"pad\":\"' || PAD || '\"}'" },
    { "dpm_run_idempotency", "request_hash", "'key_' || i, 'sha256:' || i, 'rr_' || i, '2026-01-01T00:00:00+00:00'" },
    { "dpm_run_idempotency_history", "request_hash",
        "'key_' || i, 'rr_' || i, 'corr_' || i, 'sha256:' || i, '2026-01-01T00:00:00+00:00'" },
    { "dpm_async_operations", "request_json",
        "'dop_' || i, 'ANALYZE_SCENARIOS', 'SUCCEEDED', 'opcorr_' || i, '2026-01-01T00:00:00+00:00', "
        "'2026-01-01T00:00:01+00:00', '2026-01-01T00:00:02+00:00', '{\"pad\":\"' || PAD || '\"}', NULL, "
        "'{\"pad\":\"' || PAD || '\"}'" },
    { "dpm_workflow_decisions", "comment",
        "'dwd_' || i, 'rr_' || i, 'APPROVE', 'REVIEW_APPROVED', PAD, 'actor_' || (i % 40), "
        "'2026-01-01T00:00:00+00:00', 'dc_' || i" },
    { "dpm_lineage_edges", "metadata_json",
        "'corr_' || i, 'CORRELATION_TO_RUN', 'rr_' || i, '2026-01-01T00:00:00+00:00', '{\"pad\":\"' || PAD || '\"}'" },
    { "dpm_run_events", "payload_json",
        "'ev_' || i, 'rr_' || i, i, 'RUN_RECORDED', 'k_' || i, '{\"pad\":\"' || PAD || '\"}', "
        "'2026-01-01T00:00:00+00:00'" },
    { "dpm_outbox", "payload_json",
        "'ob_' || i, 'ev_' || i, 'dpm.runs', '{\"pad\":\"' || PAD || '\"}', 'PENDING', 0, 5, NULL, NULL, "
        "'2026-01-01T00:00:00+00:00', NULL, NULL" }, // ... delivered_at, lease_owner (console/0006)
};

StoreLocation freshStore(ReferenceDb &admin, const StoreLocation &like, const QString &name, QTemporaryDir &scratch)
{
    if (!admin.isPostgres())
        return StoreLocation::sqlite(scratch.filePath(name + QStringLiteral(".db")));
    admin.query("DROP DATABASE IF EXISTS " + name.toUtf8());
    admin.query("CREATE DATABASE " + name.toUtf8());
    QMap<QString, QString> params = like.libpqParameters();
    params.insert(QStringLiteral("dbname"), name);
    return StoreLocation::postgres(params);
}

// Dirty buffers written out before a timed load, where the bench may (a superuser's server:
// the harness's own); elsewhere the load runs as the server is.
void settleServer(ReferenceDb &admin)
{
    try {
        admin.query("CHECKPOINT");
    } catch (const Error &) {
    }
}

} // namespace

void runIngestScenario(BenchContext &x, const StoreLocation &location, qint64 runCount)
{
    if (!x.reference || !x.runner.selected(QStringLiteral("ingest.runs_full")))
        return;
    QTemporaryDir scratch;
    const StoreLocation oursAt = freshStore(*x.reference, location, QStringLiteral("dpm_bench_ingest_ours"), scratch);
    const StoreLocation refAt = freshStore(*x.reference, location, QStringLiteral("dpm_bench_ingest_ref"), scratch);

    if (x.reference->isPostgres())
        settleServer(*x.reference);
    DemoReport report;
    {
        std::unique_ptr<SupportStore> store = openStore(oursAt, OpenOptions { true });
        DemoOptions options;
        options.scale = DemoScale::L;
        options.runCount = runCount;
        report = generateDemoData(*store, options);
    }
    const double oursRowsPerSecond = double(report.totalRows()) / report.totalSeconds;

    // The limit: the same row counts and payload sizes written by the server itself.
    {
        SqlDatabase db(refAt);
        Migrator(db).apply(Migrator::namespaces());
    }
    std::unique_ptr<ReferenceDb> ours = ReferenceDb::open(oursAt);
    std::unique_ptr<ReferenceDb> ref = ReferenceDb::open(refAt);
    const bool pg = ref->isPostgres();
    if (pg) {
        // The reference starts on a settled server, as ours did: autovacuum would otherwise be
        // busy with the rows ours just loaded for part of the timed run (its rate varied 35k to
        // 53k rows/s between runs), and a checkpoint would write them out meanwhile.
        ours->query("VACUUM (ANALYZE)");
        settleServer(*x.reference);
    }
    qint64 refRows = 0;
    QElapsedTimer timer;
    timer.start();
    for (const TableFill &fill : kFills) {
        const qint64 rows = report.rows.value(QString::fromUtf8(fill.table));
        if (rows == 0)
            continue;
        const QList<Row> avg = ours->query(
            "SELECT CAST(COALESCE(AVG(LENGTH(" + fill.payloadColumn + ")), 0) AS INTEGER) FROM " + fill.table);
        const QByteArray padLength = QByteArray::number(std::max<qint64>(1, avg.first().at(0)->toLongLong() - 12));
        QByteArray select = fill.select;
        select.replace("PAD",
            pg ? QByteArray("repeat('x', " + padLength + ")") : QByteArray("printf('%." + padLength + "c', 'x')"));
        const QByteArray series = pg
            ? QByteArray("generate_series(1, " + QByteArray::number(rows) + ") g(i)")
            : QByteArray("(WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < "
                + QByteArray::number(rows) + ") SELECT i FROM g)");
        ref->query("INSERT INTO " + fill.table + " SELECT " + select + " FROM " + series);
        refRows += rows;
    }
    const double refRowsPerSecond = double(refRows) / (double(timer.nsecsElapsed()) / 1e9);
    ours.reset();
    ref.reset();
    if (x.reference->isPostgres()) {
        x.reference->query("DROP DATABASE IF EXISTS dpm_bench_ingest_ours");
        x.reference->query("DROP DATABASE IF EXISTS dpm_bench_ingest_ref");
    }
    x.runner.report(QStringLiteral("ingest.runs_full"),
        { { QStringLiteral("runs"), 1 }, { QStringLiteral("demo_runs"), runCount },
            { QStringLiteral("rows"), report.totalRows() }, { QStringLiteral("better"), QStringLiteral("higher") },
            { QStringLiteral("rows_per_s"), std::round(oursRowsPerSecond) },
            { QStringLiteral("reference"),
                pg ? QStringLiteral("INSERT…SELECT generate_series") : QStringLiteral("INSERT…SELECT recursive CTE") },
            { QStringLiteral("reference_rows_per_s"), std::round(refRowsPerSecond) },
            { QStringLiteral("ratio"), std::round(oursRowsPerSecond / refRowsPerSecond * 100.0) / 100.0 } });
}

} // namespace dpm::bench
