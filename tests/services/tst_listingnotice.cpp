// What the console says about a store whose listing migrations are pending (issue 18): a store the
// service wrote, opened as it is, lists by reading whole tables; the status bar and the listing
// pages say so with the measured time and what applying the console migrations gains.

#include "migrate/migrator.h"
#include "services/storeopening.h"
#include "store/sqldatabase.h"
#include "store/storelocation.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

using namespace dpm;

class ListingNotice : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A SQLite store with the given namespaces applied, the console's files up to `lastConsole`.
    StoreLocation storeWith(const QString &name, const QString &lastConsole)
    {
        const StoreLocation location = StoreLocation::sqlite(m_dir.filePath(name + QStringLiteral(".db")));
        const QString target = m_dir.filePath(name + QStringLiteral("_catalog"));
        for (const QString &ns : Migrator::namespaces()) {
            QDir().mkpath(target + u'/' + ns);
            for (const QFileInfo &file :
                QDir(QStringLiteral(":/migrations/sqlite/") + ns).entryInfoList({ QStringLiteral("*.sql") })) {
                if (ns == QLatin1String("console") && file.fileName().left(4) > lastConsole)
                    continue;
                QFile::copy(file.filePath(), target + u'/' + ns + u'/' + file.fileName());
            }
        }
        SqlDatabase db(location);
        if (lastConsole == QLatin1String("0000")) // the service's own tables only
            Migrator(db).apply({ QStringLiteral("dpm") });
        else
            Migrator(db, MigrationCatalog::fromDirectory(target)).apply(Migrator::namespaces());
        return location;
    }

private Q_SLOTS:
    void serviceStore_namesTheMissingIndexesAndTheMeasuredTime()
    {
        const auto store = openStore(storeWith(QStringLiteral("service"), QStringLiteral("0000")));
        const SchemaDescription schema = describeSchema(*store);
        QVERIFY(schema.listingIndexesPending);
        QVERIFY(schema.runListPending);
        const QString notice = listingNotice(schema, ListingCost { 2345.0, 0.07 });
        QVERIFY2(notice.contains(QLatin1String("console:0001")), qPrintable(notice));
        QVERIFY2(notice.contains(QLocale().toString(2345.0, 'f', 0) + QStringLiteral(" ms")), qPrintable(notice));
        QVERIFY2(notice.contains(QLatin1String("Admin page")), qPrintable(notice));
        // The gain is this store's measured index read, not a figure measured on another store.
        QVERIFY2(notice.contains(QLocale().toString(0.07, 'f', 1) + QStringLiteral(" ms here).")), qPrintable(notice));
        QVERIFY2(!notice.contains(QLatin1String("0.3 ms")), qPrintable(notice));
    }

    void measuredCost_timesTheListingAndAnIndexReadOfTheSameRun()
    {
        const auto store = openStore(storeWith(QStringLiteral("measured"), QStringLiteral("0000")));
        const ListingCost empty = measureListingCost(*store);
        QVERIFY(empty.noRuns());
        QVERIFY(empty.newestRunMs > 0);
        // Without a run there is nothing to read through an index: the notice claims no gain.
        const QString bare = listingNotice(describeSchema(*store), empty);
        QVERIFY2(bare.endsWith(QLatin1String("an index read.")), qPrintable(bare));

        store->saveRun({ QStringLiteral("rr_1"), QStringLiteral("corr_1"), QStringLiteral("hash_1"), std::nullopt,
            QStringLiteral("pf_1"), QStringLiteral("2026-01-01T00:00:00.000000+00:00"),
            QStringLiteral("{\"status\":\"READY\"}") });
        const ListingCost cost = measureListingCost(*store);
        QVERIFY(!cost.noRuns());
        QVERIFY(*cost.indexReadMs > 0);
        const QString notice = listingNotice(describeSchema(*store), cost);
        QVERIFY2(notice.contains(QLocale().toString(*cost.indexReadMs, 'f', *cost.indexReadMs < 10 ? 1 : 0)
                     + QStringLiteral(" ms here).")),
            qPrintable(notice));
    }

    void storeBeforeRunList_namesConsole0007()
    {
        const auto store = openStore(storeWith(QStringLiteral("before_0007"), QStringLiteral("0006")));
        const SchemaDescription schema = describeSchema(*store);
        QVERIFY(!schema.listingIndexesPending);
        QVERIFY(schema.runListPending);
        const QString notice = listingNotice(schema, ListingCost { 4.25, 0.5 });
        QVERIFY2(notice.contains(QLatin1String("console:0007")), qPrintable(notice));
        QVERIFY2(notice.contains(QLocale().toString(4.25, 'f', 1) + QStringLiteral(" ms")), qPrintable(notice));
        QVERIFY2(notice.contains(QLocale().toString(0.5, 'f', 1) + QStringLiteral(" ms here).")), qPrintable(notice));
    }

    void migratedStore_saysNothing()
    {
        const auto store = openStore(storeWith(QStringLiteral("migrated"), QStringLiteral("9999")));
        const SchemaDescription schema = describeSchema(*store);
        QVERIFY(!schema.listingIndexesPending);
        QVERIFY(!schema.runListPending);
        QVERIFY(listingNotice(schema, ListingCost { 2345.0, 0.25 }).isEmpty());
    }
};

QTEST_GUILESS_MAIN(ListingNotice)
#include "tst_listingnotice.moc"
