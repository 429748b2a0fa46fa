#include "migrate/migrator.h"
#include "scenarios.h"
#include "store/sqldatabase.h"

#include <QTemporaryDir>

namespace dpm::bench {

void runMigrateScenarios(BenchContext &x, const StoreLocation &location)
{
    if (!x.reference)
        return;
    const int runs = 5 * x.repeat;
    QTemporaryDir scratch;
    // Fresh empty stores, made before timing: SQLite files, or databases on the same server.
    QList<StoreLocation> empties;
    for (int i = 0; i <= runs; ++i) {
        if (x.reference->isPostgres()) {
            const QString name = QStringLiteral("dpm_bench_migrate_%1").arg(i);
            x.reference->query("DROP DATABASE IF EXISTS " + name.toUtf8());
            x.reference->query("CREATE DATABASE " + name.toUtf8());
            QMap<QString, QString> params = location.libpqParameters();
            params.insert(QStringLiteral("dbname"), name);
            empties << StoreLocation::postgres(params);
        } else {
            empties << StoreLocation::sqlite(scratch.filePath(QStringLiteral("empty-%1.db").arg(i)));
        }
    }
    int next = 0; // the warm-up call takes the first empty store too
    x.runner.measure(QStringLiteral("migrate.apply_all"), runs, [&](int) {
        SqlDatabase db(empties.at(next++));
        Migrator(db).apply(Migrator::namespaces());
    });
    if (x.reference->isPostgres()) {
        for (int i = 0; i <= runs; ++i)
            x.reference->query("DROP DATABASE IF EXISTS dpm_bench_migrate_" + QByteArray::number(i));
    }
    SqlDatabase db(location);
    Migrator migrator(db);
    x.runner.measure(QStringLiteral("migrate.validate"), 20 * x.repeat, [&](int) {
        if (!migrator.validate(Migrator::namespaces()).ok)
            throw Error(ErrorKind::Migration, QStringLiteral("BENCH_STORE_NOT_UP_TO_DATE"),
                QStringLiteral("The bench store's migrations do not validate; run migrate apply."));
    });
}

} // namespace dpm::bench
