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
        const QString notice = listingNotice(schema, 2345.0);
        QVERIFY2(notice.contains(QLatin1String("console:0001")), qPrintable(notice));
        QVERIFY2(notice.contains(QLocale().toString(2345.0, 'f', 0) + QStringLiteral(" ms")), qPrintable(notice));
        QVERIFY2(notice.contains(QLatin1String("Admin page")), qPrintable(notice));
    }

    void storeBeforeRunList_namesConsole0007()
    {
        const auto store = openStore(storeWith(QStringLiteral("before_0007"), QStringLiteral("0006")));
        const SchemaDescription schema = describeSchema(*store);
        QVERIFY(!schema.listingIndexesPending);
        QVERIFY(schema.runListPending);
        const QString notice = listingNotice(schema, 4.25);
        QVERIFY2(notice.contains(QLatin1String("console:0007")), qPrintable(notice));
        QVERIFY2(notice.contains(QLocale().toString(4.25, 'f', 1) + QStringLiteral(" ms")), qPrintable(notice));
    }

    void migratedStore_saysNothing()
    {
        const auto store = openStore(storeWith(QStringLiteral("migrated"), QStringLiteral("9999")));
        const SchemaDescription schema = describeSchema(*store);
        QVERIFY(!schema.listingIndexesPending);
        QVERIFY(!schema.runListPending);
        QVERIFY(listingNotice(schema, 2345.0).isEmpty());
    }
};

QTEST_GUILESS_MAIN(ListingNotice)
#include "tst_listingnotice.moc"
