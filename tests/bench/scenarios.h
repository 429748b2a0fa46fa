#pragma once

#include "benchrunner.h"
#include "domain/error.h"
#include "referencedb.h"
#include "store/supportstore.h"

#include <QList>
#include <QString>

namespace dpm::bench {

// Identifiers drawn from the data set, the same for ours and the reference in each pair.
struct Samples
{
    QList<RebalanceRun> runs; // id, correlation, hash, key, portfolio, created_at (no result)
    QStringList idempotencyKeys;
    QStringList operationIds;
    QStringList operationCorrelations;
    QStringList actors;
    QStringList reasonCodes;
    QString deepSortKey; // created_at and id of the last row of page 10,000 (50 per page)
    QString deepId;
};

struct BenchContext
{
    SupportStore &store;
    ReferenceDb *reference; // null for the in-memory backend
    BenchRunner &runner;
    Samples samples;
    int repeat = 1; // multiplies every scenario's run count
};

Samples drawSamples(ReferenceDb &reference, int count);

// Each group prints its scenarios' JSON lines through context.runner.
// list_runs.*, list_operations.*, list_decisions.*: first pages, the deep page, each filter.
void runListingScenarios(BenchContext &context);
// lookup.*: by run id, correlation id, request hash, idempotency key, operation id.
void runLookupScenarios(BenchContext &context);
// support_bundle (everything included) and lineage.depth1..5 against raw lookups / raw BFS.
void runInvestigationScenarios(BenchContext &context);
// summary: the maintained counts against one full recount, checked equal.
void runSummaryScenario(BenchContext &context);
// migrate.apply_all on empty stores of the backend and migrate.validate on the bench store.
void runMigrateScenarios(BenchContext &context, const StoreLocation &location);
// ingest.runs_full: the demo generator through the store's bulk path into a fresh store, against
// server-side INSERT … SELECT of the same row counts and payload sizes into another fresh store.
void runIngestScenario(BenchContext &context, const StoreLocation &location, qint64 runCount);
// transfer.sqlite_to_postgres (PostgreSQL only): the backfill of a SQLite store into a fresh
// database against psql \copy of the same rows from CSV, then a backfill cancelled half way,
// resumed and checked for parity.
void runTransferScenario(BenchContext &context, const StoreLocation &location, const StoreLocation &source);

} // namespace dpm::bench
