#pragma once

#include "summary/summarysnapshot.h"

#include <QByteArray>

class QWidget;

namespace dpm {

// The summary's numbers as `dpmctl summary --json` prints them (same bytes for the same store
// and moment), with the retention the environment sets, as dpmctl reads it.
QByteArray summaryDocumentBytes(const SummarySnapshot &snapshot);

// Writes summaryDocumentBytes() to `path` atomically. Throws dpm::Error EXPORT_WRITE_FAILED.
void writeSummaryJson(const SummarySnapshot &snapshot, const QString &path);

// Writes a PNG of the whole dashboard widget, also the part scrolled out of view. Throws
// dpm::Error EXPORT_WRITE_FAILED.
void writeDashboardPng(QWidget *dashboard, const QString &path);

} // namespace dpm
