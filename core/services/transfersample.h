#pragma once

#include "services/transfer.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace dpm {

class SupportStore;

// The sampled parity check (transfer verify --sample): a seeded random sample of keys per table,
// drawn from the source and looked up in the target, and drawn from the target and looked up in
// the source, with the mismatch rate per table. A draw reads about as many rows as it returns
// (core/store/bulksampler.h) and the drawn keys are compared a batch at a time, one query per side
// and batch, so 1 % of a million-run store is read in seconds where the full check
// (verifyParity) streams every row of both. Every row of a table is as likely to be drawn; the
// same seed and the same stores draw the same keys.

struct SampleOptions
{
    double percent = 1; // of each table's rows, per direction; 0 < percent <= 100
    double maxMismatchPercent = 1; // a table above it fails the check
    quint64 seed = 0; // same seed and same stores: the same keys
};

struct SampleTableReport
{
    QString table;
    qint64 sourceRows = 0;
    qint64 targetRows = 0;
    qint64 sampledFromSource = 0;
    qint64 sampledFromTarget = 0;
    qint64 missing = 0; // drawn from the source, not in the target
    qint64 extra = 0; // drawn from the target, not in the source
    qint64 differing = 0; // same key, other values (either direction)
    bool whole = false; // compared whole (the policy pack catalogue): every row is a sample

    qint64 sampled() const { return sampledFromSource + sampledFromTarget; }
    qint64 mismatches() const { return missing + extra + differing; }
    double mismatchPercent() const { return sampled() > 0 ? 100.0 * double(mismatches()) / double(sampled()) : 0; }
};

struct SampleReport
{
    QString source;
    QString target;
    double percent = 0;
    double maxMismatchPercent = 0;
    quint64 seed = 0;
    bool cancelled = false;
    QList<SampleTableReport> tables;
    QList<ParityMismatch> samples; // the first mismatching keys, at most ParityReport::kSampleLimit
    QStringList notes;
    double totalSeconds = 0;

    // No table's mismatch rate is above maxMismatchPercent and the check ran to the end.
    bool passes() const;
    QStringList tablesOverThreshold() const;
    QJsonObject toJson() const;
};

// INVALID_SAMPLE_PERCENT / INVALID_MISMATCH_PERCENT for options out of range. The progress
// function counts compared keys, of every table and both directions; a cancel ends the report
// early with `cancelled`.
SampleReport verifySample(SupportStore &source, SupportStore &target, const SampleOptions &options,
    const TransferProgressFn &progress = {});

} // namespace dpm
