#pragma once

#include "demo/demogenerator.h"
#include "domain/entities.h"
#include "domain/error.h"
#include "store/bulkloader.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace dpm {
class SupportStore;
}

// Runs a statement; a dpm::Error fails the test with its code and message instead of an
// anonymous "unhandled exception".
#define DPM_TRY(statement)                                                                                             \
    do {                                                                                                               \
        try {                                                                                                          \
            statement;                                                                                                 \
        } catch (const ::dpm::Error &error_) {                                                                         \
            QFAIL(qPrintable(error_.toString()));                                                                      \
        }                                                                                                              \
    } while (false)

namespace dpm::test {

// Every row of a table a SQL store holds, one compact JSON array per row (NULL as null, INTEGER
// columns as numbers), sorted: equal dumps mean equal rows whatever the backend or insert order.
QStringList sqlTableRows(SupportStore &store, BulkTable table);
// Table name -> its rows joined by newlines, for every bulk table the store has.
QMap<QString, QString> sqlDump(SupportStore &store);
// Row count of a table of a SQL store.
qint64 sqlCount(SupportStore &store, const QString &table);
// sqlTableRows and sqlCount for any backend: the in-memory store shows its whole rows through
// its bulk reader only.
QStringList tableRows(SupportStore &store, BulkTable table);
qint64 tableCount(SupportStore &store, const QString &table);

// Everything the store API shows, as text, for any backend: runs with artifacts, mappings and
// history of their keys and their events with deliveries (when the store has run events),
// operations, decisions, the lineage of every entity, the summary.
QString apiDump(SupportStore &store);

QList<RebalanceRun> allRuns(SupportStore &store);
QList<AsyncOperation> allOperations(SupportStore &store);
QList<WorkflowDecision> allDecisions(SupportStore &store);

// What the demo data promises whatever the seed, checked through the store API: times within
// [from, anchor]; every run with its CORRELATION_TO_RUN edge; decisions only on PENDING_REVIEW
// runs, after the run, following the transition table; each key's mapping is its latest history
// row; chains (derived_from, replayed_from, caused_by) point to entities that existed before.
// Returns one line per violation (empty: all kept).
QStringList demoInvariantViolations(SupportStore &store, const QString &from, const QString &anchor);

// The first line where two texts differ (with its number), for failure messages.
QString firstDifference(const QString &a, const QString &b);

// Small, quick demo options for tests: `runs` runs, the given seed, default anchor.
DemoOptions smallDemo(qint64 runs, quint64 seed = 1);

} // namespace dpm::test
