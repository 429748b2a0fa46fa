#pragma once

#include <QMap>
#include <QString>

namespace dpm {

// What a purge removed (or, in a dry run, would remove), per table (Part A §6).
struct PurgeReport
{
    bool dryRun = false;
    QString cutoff; // rows strictly older than this are expired
    QMap<QString, qint64> deleted; // table name -> rows; every table the purge touches is listed
    qint64 count(const QString &table) const { return deleted.value(table); }
};

} // namespace dpm
