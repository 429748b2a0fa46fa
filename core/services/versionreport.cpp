#include "services/versionreport.h"

#include "domain/buildinfo.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QtGlobal>

#include <libpq-fe.h>
#include <openssl/crypto.h>
#include <sqlite3.h>

namespace dpm {

namespace {

// libpq reports 150004 for 15.4 (and 90624 for 9.6.24, before the scheme changed).
QString libpqVersion()
{
    const int v = PQlibVersion();
    return v >= 100000 ? QStringLiteral("%1.%2").arg(v / 10000).arg(v % 10000)
                       : QStringLiteral("%1.%2.%3").arg(v / 10000).arg(v / 100 % 100).arg(v % 100);
}

} // namespace

QString VersionReport::toText() const
{
    const QString qt
        = qtVersion == qtBuildVersion ? qtVersion : QStringLiteral("%1 (built with %2)").arg(qtVersion, qtBuildVersion);
    const QString drivers = sqlDrivers.isEmpty() ? QStringLiteral("none found") : sqlDrivers.join(QStringLiteral(", "));
    return QStringLiteral("%1 %2\nRevision: %3\nQt: %4\nSQL drivers: %5\n")
        .arg(program, version, revision, qt, drivers);
}

QJsonObject VersionReport::toJson() const
{
    QJsonArray libs;
    for (const LinkedLibrary &library : libraries) {
        libs.append(QJsonObject { { QStringLiteral("name"), library.name },
            { QStringLiteral("version"), library.version }, { QStringLiteral("licence"), library.licence } });
    }
    return QJsonObject { { QStringLiteral("program"), program }, { QStringLiteral("version"), version },
        { QStringLiteral("revision"), revision }, { QStringLiteral("qt_version"), qtVersion },
        { QStringLiteral("qt_build_version"), qtBuildVersion },
        { QStringLiteral("sql_drivers"), QJsonArray::fromStringList(sqlDrivers) },
        { QStringLiteral("libraries"), libs } };
}

VersionReport versionReport(const QString &program)
{
    VersionReport report;
    report.program = program;
    report.version = buildVersion();
    report.revision = buildRevision();
    report.qtVersion = QString::fromLatin1(qVersion());
    report.qtBuildVersion = QStringLiteral(QT_VERSION_STR);
    report.sqlDrivers = QSqlDatabase::drivers();
    report.libraries = {
        { QStringLiteral("Qt"), report.qtVersion, QStringLiteral("LGPL-3.0-only") },
        { QStringLiteral("SQLite"), QString::fromLatin1(sqlite3_libversion()), QStringLiteral("public domain") },
        { QStringLiteral("libpq"), libpqVersion(), QStringLiteral("PostgreSQL") },
        { QStringLiteral("OpenSSL"), QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION_STRING)),
            QStringLiteral("Apache-2.0") },
    };
    return report;
}

} // namespace dpm
