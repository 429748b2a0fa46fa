#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace dpm {

// A library the program links, as the About dialog names it.
struct LinkedLibrary
{
    QString name;
    QString version; // the version loaded at run time, where the library says it
    QString licence; // SPDX-style short name
};

// What `--version` of dpmctl and dpm-console prints, and what Help → About shows.
struct VersionReport
{
    QString program; // "dpmctl", "dpm-console"
    QString version; // the CMake project version
    QString revision; // git describe at build time, "unknown" outside git
    QString qtVersion; // the Qt loaded at run time
    QString qtBuildVersion; // the Qt it was compiled against
    QStringList sqlDrivers; // QSqlDatabase::drivers(): the plugins this installation found
    QList<LinkedLibrary> libraries; // core's: Qt, SQLite, libpq, OpenSSL (the UI adds its own)

    // Four lines: "<program> <version>", "Revision: …", "Qt: …", "SQL drivers: …".
    QString toText() const;
    // {"program","version","revision","qt_version","qt_build_version","sql_drivers":[…],
    //  "libraries":[{"name","version","licence"}]}
    QJsonObject toJson() const;
};

// Needs a QCoreApplication (the SQL drivers are plugins found through its library paths).
VersionReport versionReport(const QString &program);

} // namespace dpm
