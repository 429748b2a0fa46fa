// dpmctl --version: the version, the git revision, Qt and the SQL drivers, as text and as JSON,
// anywhere on the line and without opening a store.
#include "clisupport.h"
#include "domain/buildinfo.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace dpm;
using namespace dpm::test;

class TestCliVersion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version_printsVersionRevisionQtAndDrivers()
    {
        QTemporaryDir sandbox;
        // A store that cannot be opened: --version never opens one.
        const CliResult result = runDpmctl(
            { QStringLiteral("--store"), QStringLiteral("sqlite:/nonexistent/x.db"), QStringLiteral("--version") },
            sandboxEnvironment(sandbox.path()));
        CLI_OK(result);
        const QStringList lines = QString::fromUtf8(result.out).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0), QStringLiteral("dpmctl ") + buildVersion());
        QCOMPARE(lines.at(1), QStringLiteral("Revision: ") + buildRevision());
        QVERIFY2(
            lines.at(2).startsWith(QStringLiteral("Qt: ") + QString::fromLatin1(qVersion())), qPrintable(lines.at(2)));
        QVERIFY2(lines.at(3).startsWith(QLatin1String("SQL drivers: ")), qPrintable(lines.at(3)));
        QVERIFY2(lines.at(3).contains(QLatin1String("QSQLITE")) && lines.at(3).contains(QLatin1String("QPSQL")),
            qPrintable(lines.at(3)));
        QVERIFY(result.err.isEmpty());
    }

    void versionJson_namesLibrariesAndLicences()
    {
        QTemporaryDir sandbox;
        const CliResult result
            = runDpmctl({ QStringLiteral("--version"), QStringLiteral("--json") }, sandboxEnvironment(sandbox.path()));
        CLI_OK(result);
        const QJsonObject json = result.json();
        QCOMPARE(json.value(QStringLiteral("program")).toString(), QStringLiteral("dpmctl"));
        QCOMPARE(json.value(QStringLiteral("version")).toString(), buildVersion());
        QCOMPARE(json.value(QStringLiteral("revision")).toString(), buildRevision());
        QCOMPARE(json.value(QStringLiteral("qt_version")).toString(), QString::fromLatin1(qVersion()));
        QVERIFY(json.value(QStringLiteral("sql_drivers")).toArray().contains(QStringLiteral("QPSQL")));
        QStringList libraries;
        for (const QJsonValue &library : json.value(QStringLiteral("libraries")).toArray()) {
            libraries << library[QStringLiteral("name")].toString();
            QVERIFY(!library[QStringLiteral("licence")].toString().isEmpty());
            QVERIFY(!library[QStringLiteral("version")].toString().isEmpty());
        }
        QCOMPARE(libraries,
            QStringList({ QStringLiteral("Qt"), QStringLiteral("SQLite"), QStringLiteral("libpq"),
                QStringLiteral("OpenSSL") }));
    }

    void revision_isAGitRevisionInACheckout()
    {
        // Built from a git checkout, the revision is captured; from an exported tree it is "unknown".
        if (!QFileInfo::exists(QStringLiteral(DPM_SOURCE_DIR "/.git"))) {
            QCOMPARE(buildRevision(), QStringLiteral("unknown"));
            return;
        }
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{12}(-dirty)?$|^v?\\d.*-g[0-9a-f]{12}(-dirty)?$"))
                     .match(buildRevision())
                     .hasMatch(),
            qPrintable(buildRevision()));
    }
};

QTEST_GUILESS_MAIN(TestCliVersion)
#include "tst_cli_version.moc"
