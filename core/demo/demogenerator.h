#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace dpm {

class SupportStore;

// The deterministic demo data of benchmarks.md "Data sets": runs with their artifacts,
// idempotency mappings and history, async operations, workflow decisions, lineage edges, run
// events and outbox rows, shaped as the service writes them (domain spec Part B §2, §4.1, §6.7,
// §9 and Part A §8, §9), then about one advisory proposal per twenty runs with all their rows
// (demoproposals.h, §9.5). Same options -> the same rows, byte for byte, on every backend.

enum class DemoScale { S, M, L };

QString demoScaleName(DemoScale scale); // "S", "M", "L"
std::optional<DemoScale> demoScaleFromName(const QString &name); // case-insensitive
qint64 demoScaleRunCount(DemoScale scale); // 10,000 / 100,000 / 1,000,000

// The end of the default time span: fixed, so that the same seed gives the same rows.
QString demoDefaultAnchor();

struct DemoOptions
{
    DemoScale scale = DemoScale::S;
    quint64 seed = 1;
    // The end of the time span (any timestamp normalizeTimestamp accepts); every generated time
    // lies in [anchor - spanDays, anchor]. The GUI passes "now".
    QString anchor = demoDefaultAnchor();
    int spanDays = 90;
    // Instead of the scale's run count (tests).
    std::optional<qint64> runCount;
    // Rows are committed after this many runs (rounded up to the generator's chunk of 256 runs).
    // Changes only the transactions, never the rows.
    qint64 runsPerTransaction = 4096;
    // Continue an interrupted load (killed or cancelled) made with the same scale or run count,
    // seed, anchor and span: chunks commit whole, so the store holds the load's first chunks of
    // runs with all their rows; they are recognised by their first run and kept, and generation
    // continues after them. Without it, a store holding runs or operations is refused.
    bool resume = false;
    // Breaks every 61st demo proposal on purpose (demoproposals.h), so the integrity check has
    // something to find. Never on by default.
    bool withIntegrityFaults = false;
};

struct DemoReport
{
    QString scale;
    quint64 seed = 0;
    QString from; // anchor - span
    QString anchor;
    qint64 runCount = 0; // runs asked for
    qint64 plannedRows = 0; // rows of a complete load, every table
    bool cancelled = false;
    bool resumed = false; // the store held part of this load, which was kept
    qint64 keptRows = 0; // rows of that part, every table
    QMap<QString, qint64> rows; // table -> rows committed by this call; every table of the load is listed
    QMap<QString, double> tableWriteSeconds; // table -> time spent writing its rows; absent: not measured apart
    double planSeconds = 0; // the counting pass that gives progress its total
    double generateSeconds = 0; // building rows and payloads
    double commitSeconds = 0; // waiting for commits (on SQLite: WAL checkpoints)
    double totalSeconds = 0;
    QStringList notes; // what was left out, and why

    qint64 totalRows() const;
    QJsonObject toJson() const;
};

// rowsDone and rowsTotal count the rows of every table; phase is "loading", then "analyzing".
// rowsTotal is 0 while the total is not yet known: the load starts while its rows are still
// being counted (the first call, with rowsDone 0, usually has no total yet).
// Returning false cancels: the transaction in progress rolls back, the rows committed before
// it stay (whole runs with all their rows, so the store is consistent), and the report says
// cancelled.
using DemoProgressFn = std::function<bool(qint64 rowsDone, qint64 rowsTotal, const QString &phase)>;

// Fills an empty store through its bulk path. Throws DEMO_STORE_NOT_EMPTY when the store
// already holds runs or async operations (unless resuming), DEMO_RESUME_MISMATCH when resuming
// into a store whose rows are not the start of this load, DEMO_OPTIONS_INVALID /
// INVALID_TIMESTAMP for bad options, and the store's errors. Run events and outbox rows need a SQL store with the
// console's migration 0002; elsewhere they are left out and the report's notes say so. The
// proposals follow the runs when the store has the proposals tables (else they are left out and
// a note says so); they are written a proposal at a time, and their tables' write times are not
// measured apart (absent from tableWriteSeconds). A store holding proposals counts as not empty.
DemoReport generateDemoData(SupportStore &store, const DemoOptions &options, const DemoProgressFn &progress = {});

} // namespace dpm
