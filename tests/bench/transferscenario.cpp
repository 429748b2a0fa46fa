#include "migrate/migrator.h"
#include "scenarios.h"
#include "services/storeopening.h"
#include "services/transfer.h"
#include "store/bulkloader.h"
#include "store/sqldatabase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cmath>

namespace dpm::bench {

namespace {

StoreLocation freshMigratedDatabase(ReferenceDb &admin, const StoreLocation &like, const QString &name)
{
    admin.query("DROP DATABASE IF EXISTS " + name.toUtf8());
    admin.query("CREATE DATABASE " + name.toUtf8());
    QMap<QString, QString> params = like.libpqParameters();
    params.insert(QStringLiteral("dbname"), name);
    const StoreLocation location = StoreLocation::postgres(params);
    SqlDatabase db(location);
    Migrator(db).apply(Migrator::namespaces());
    return location;
}

QByteArray csvField(const QVariant &value)
{
    if (value.isNull())
        return {}; // CSV's NULL: an unquoted empty field
    QByteArray text = value.toString().toUtf8();
    text.replace('"', "\"\"");
    return '"' + text + '"';
}

// The table as psql's CSV, streamed from the SQLite source; the rows the file holds.
qint64 exportCsv(SqlDatabase &source, BulkTable table, const QString &path)
{
    const BulkTableSpec &spec = bulkTableSpec(table);
    QStringList columns;
    for (const char *column : spec.columns)
        columns << QLatin1String(column);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(ErrorKind::Internal, QStringLiteral("BENCH_SCRATCH"), QStringLiteral("cannot write ") + path);
    SqlRows rows = source.exec(QStringLiteral("SELECT %1 FROM %2").arg(columns.join(QLatin1Char(',')), QLatin1String(spec.name)));
    qint64 count = 0;
    QByteArray line;
    while (rows.next()) {
        line.clear();
        for (int c = 0; c < columns.size(); ++c) {
            if (c > 0)
                line += ',';
            line += csvField(rows.value(c));
        }
        line += '\n';
        file.write(line);
        ++count;
    }
    return count;
}

void psqlCopy(const StoreLocation &target, BulkTable table, const QString &path)
{
    const BulkTableSpec &spec = bulkTableSpec(table);
    QStringList columns;
    for (const char *column : spec.columns)
        columns << QLatin1String(column);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QMap<QString, QString> &params = target.libpqParameters();
    for (auto [keyword, variable] : { std::pair { "host", "PGHOST" }, { "port", "PGPORT" }, { "user", "PGUSER" },
             { "dbname", "PGDATABASE" }, { "password", "PGPASSWORD" } }) {
        if (params.contains(QLatin1String(keyword)))
            env.insert(QLatin1String(variable), params.value(QLatin1String(keyword)));
    }
    QProcess psql;
    psql.setProcessEnvironment(env);
    psql.start(QStandardPaths::findExecutable(QStringLiteral("psql")),
        { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
            QStringLiteral("-c"),
            QStringLiteral("\\copy %1 (%2) FROM '%3' WITH (FORMAT csv)")
                .arg(QLatin1String(spec.name), columns.join(QLatin1Char(',')), path) });
    if (!psql.waitForFinished(-1) || psql.exitCode() != 0) {
        throw Error(ErrorKind::Internal, QStringLiteral("BENCH_PSQL_FAILED"),
            QStringLiteral("psql \\copy into %1 failed: %2")
                .arg(QLatin1String(spec.name), QString::fromLocal8Bit(psql.readAllStandardError())));
    }
}

} // namespace

void runTransferScenario(BenchContext &x, const StoreLocation &location, const StoreLocation &source)
{
    if (!x.reference || !x.reference->isPostgres() || !x.runner.selected(QStringLiteral("transfer.sqlite_to_postgres")))
        return;
    std::unique_ptr<SupportStore> sourceStore = openStore(source);

    // Ours: the backfill into a fresh, migrated database.
    const StoreLocation oursAt = freshMigratedDatabase(*x.reference, location, QStringLiteral("dpm_bench_transfer_ours"));
    TransferReport ours;
    {
        std::unique_ptr<SupportStore> target = openStore(oursAt);
        ours = backfillStore(*sourceStore, *target);
    }
    const double oursRowsPerSecond = double(ours.copiedRows()) / ours.totalSeconds;

    // The reference: psql \copy of the same rows from CSV files written beforehand (not timed).
    const StoreLocation refAt = freshMigratedDatabase(*x.reference, location, QStringLiteral("dpm_bench_transfer_ref"));
    QTemporaryDir scratch;
    qint64 refRows = 0;
    qint64 refNanos = 0;
    {
        SqlDatabase sourceDb(source);
        for (const BulkTable table : allBulkTables()) {
            const QString path = scratch.filePath(QLatin1String(bulkTableSpec(table).name) + QStringLiteral(".csv"));
            refRows += exportCsv(sourceDb, table, path);
            QElapsedTimer timer;
            timer.start();
            psqlCopy(refAt, table, path);
            refNanos += timer.nsecsElapsed();
            QFile::remove(path);
        }
    }
    const double refRowsPerSecond = double(refRows) / (double(refNanos) / 1e9);

    // Resumable: a backfill cancelled half way, resumed, then checked row by row.
    const StoreLocation resumeAt
        = freshMigratedDatabase(*x.reference, location, QStringLiteral("dpm_bench_transfer_resume"));
    bool resumedMatches = false;
    double resumeSeconds = 0;
    {
        std::unique_ptr<SupportStore> target = openStore(resumeAt);
        const TransferReport first = backfillStore(
            *sourceStore, *target, {}, [](qint64 done, qint64 total, const QString &) { return done * 2 < total; });
        const TransferReport second = backfillStore(*sourceStore, *target, TransferOptions { .resume = true });
        resumeSeconds = first.totalSeconds + second.totalSeconds;
        resumedMatches = first.cancelled && !second.cancelled && verifyParity(*sourceStore, *target).matches();
    }
    for (const char *name : { "dpm_bench_transfer_ours", "dpm_bench_transfer_ref", "dpm_bench_transfer_resume" })
        x.reference->query(QByteArray("DROP DATABASE IF EXISTS ") + name);

    x.runner.report(QStringLiteral("transfer.sqlite_to_postgres"),
        { { QStringLiteral("runs"), 1 }, { QStringLiteral("rows"), ours.copiedRows() },
            { QStringLiteral("better"), QStringLiteral("higher") },
            { QStringLiteral("seconds"), std::round(ours.totalSeconds * 100.0) / 100.0 },
            { QStringLiteral("rows_per_s"), std::round(oursRowsPerSecond) },
            { QStringLiteral("reference"), QStringLiteral("psql \\copy FROM csv") },
            { QStringLiteral("reference_rows"), refRows },
            { QStringLiteral("reference_rows_per_s"), std::round(refRowsPerSecond) },
            { QStringLiteral("ratio"), std::round(oursRowsPerSecond / refRowsPerSecond * 100.0) / 100.0 },
            { QStringLiteral("resumed_seconds"), std::round(resumeSeconds * 100.0) / 100.0 },
            { QStringLiteral("resumed_parity"), resumedMatches } });
}

} // namespace dpm::bench
