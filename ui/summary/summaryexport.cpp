#include "summary/summaryexport.h"

#include "domain/apijson.h"
#include "domain/error.h"
#include "services/summaryposture.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QProcessEnvironment>
#include <QSaveFile>
#include <QWidget>

namespace dpm {

namespace {

[[noreturn]] void throwWriteFailed(const QString &path, const QString &reason)
{
    throw Error(ErrorKind::Storage, QStringLiteral("EXPORT_WRITE_FAILED"),
        QCoreApplication::translate("dpm::SummaryExport", "Could not write %1 (%2); choose a folder you can write to.")
            .arg(path, reason));
}

} // namespace

QByteArray summaryDocumentBytes(const SummarySnapshot &snapshot)
{
    const int retention = retentionDaysFromEnvironment(QProcessEnvironment::systemEnvironment());
    return apiJsonDocumentBytes(
        summaryDocument(snapshot.summary, snapshot.backend, retention, snapshot.now, snapshot.proposals));
}

void writeSummaryJson(const SummarySnapshot &snapshot, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throwWriteFailed(path, file.errorString());
    file.write(summaryDocumentBytes(snapshot));
    if (!file.commit())
        throwWriteFailed(path, file.errorString());
}

void writeDashboardPng(QWidget *dashboard, const QString &path)
{
    const QPixmap image = dashboard->grab();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throwWriteFailed(path, file.errorString());
    if (!image.save(&file, "PNG"))
        throwWriteFailed(path, QCoreApplication::translate("dpm::SummaryExport", "the image could not be encoded"));
    if (!file.commit())
        throwWriteFailed(path, file.errorString());
}

} // namespace dpm
