#include "scenarios.h"

#include "domain/cursor.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace dpm::bench {

namespace {

const QByteArray kRunColumns = "rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id, "
                               "created_at, result_json";
const QByteArray kOperationColumns = "operation_id, operation_type, status, correlation_id, created_at, started_at, "
                                     "finished_at, result_json, error_json, request_json";
const QByteArray kDecisionColumns
    = "decision_id, run_id, action, reason_code, comment, actor_id, decided_at, correlation_id";

// The status as the listing computed it before console/0007 (SqlDialect::runStatusExpression),
// the plain cast on a PostgreSQL store without console/0001's function (measured --as-is).
QByteArray statusExpression(ReferenceDb &reference)
{
    if (!reference.isPostgres())
        return QByteArrayLiteral("(CASE WHEN json_valid(result_json) THEN json_extract(result_json, '$.status') END)");
    static const bool function
        = reference.query("SELECT to_regprocedure('dpm_console_run_status(text)') IS NOT NULL").first().at(0)
        == QByteArray("t");
    return function ? QByteArrayLiteral("dpm_console_run_status(result_json)")
                    : QByteArrayLiteral("(result_json::jsonb ->> 'status')");
}

bool hasTable(ReferenceDb &reference, const QByteArray &table)
{
    return !reference
                .query(reference.isPostgres() ? "SELECT 1 WHERE to_regclass(?) IS NOT NULL"
                                              : "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                    { table })
                .isEmpty();
}

QString text(const std::optional<QByteArray> &value)
{
    return value ? QString::fromUtf8(*value) : QString();
}

template <typename T> const T &pick(const QList<T> &list, int i)
{
    return list.at(i % list.size());
}

// The first row at or after a random point of a text primary key: a uniform-enough sample that
// uses the index instead of ORDER BY random().
std::optional<Row> rowAtOrAfter(ReferenceDb &reference, const QByteArray &columns, const QByteArray &table,
    const QByteArray &key, const QByteArray &probe)
{
    const QList<Row> rows = reference.query(
        "SELECT " + columns + " FROM " + table + " WHERE " + key + " >= ? ORDER BY " + key + " LIMIT 1", { probe });
    if (!rows.isEmpty())
        return rows.first();
    const QList<Row> first = reference.query("SELECT " + columns + " FROM " + table + " ORDER BY " + key + " LIMIT 1");
    return first.isEmpty() ? std::nullopt : std::optional<Row>(first.first());
}

QByteArray randomHexProbe(QRandomGenerator &random, const QByteArray &prefix, int digits)
{
    QByteArray out = prefix;
    for (int i = 0; i < digits; ++i)
        out += "0123456789abcdef"[random.bounded(16)];
    return out;
}

} // namespace

Samples drawSamples(ReferenceDb &reference, int count)
{
    Samples s;
    QRandomGenerator random(20261122); // fixed: the same samples on every run of one data set
    for (int i = 0; i < count; ++i) {
        const auto row = rowAtOrAfter(reference,
            "rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id, created_at", "dpm_runs",
            "rebalance_run_id", randomHexProbe(random, "rr_", 8));
        if (!row)
            break;
        RebalanceRun run;
        run.rebalanceRunId = text(row->at(0));
        run.correlationId = text(row->at(1));
        run.requestHash = text(row->at(2));
        if (row->at(3))
            run.idempotencyKey = text(row->at(3));
        run.portfolioId = text(row->at(4));
        run.createdAt = text(row->at(5));
        s.runs << run;
        const auto key = rowAtOrAfter(reference, "idempotency_key", "dpm_run_idempotency", "idempotency_key",
            row->at(3).value_or(randomHexProbe(random, "", 8)));
        if (key)
            s.idempotencyKeys << text(key->at(0));
        const auto op = rowAtOrAfter(reference, "operation_id, correlation_id", "dpm_async_operations", "operation_id",
            randomHexProbe(random, "dop_", 12));
        if (op) {
            s.operationIds << text(op->at(0));
            s.operationCorrelations << text(op->at(1));
        }
    }
    for (const Row &row : reference.query("SELECT actor_id FROM dpm_workflow_decisions GROUP BY actor_id LIMIT 50"))
        s.actors << text(row.at(0));
    for (const Row &row :
        reference.query("SELECT reason_code FROM dpm_workflow_decisions GROUP BY reason_code LIMIT 50"))
        s.reasonCodes << text(row.at(0));
    // Page 10,000 of 50 starts after row 499,950 (or half-way down a smaller set).
    const QList<Row> total = reference.query("SELECT COUNT(*) FROM dpm_runs");
    const qint64 runCount = total.isEmpty() ? 0 : total.first().at(0)->toLongLong();
    const qint64 offset = std::min<qint64>(499'949, runCount / 2);
    const QList<Row> deep = reference.query("SELECT created_at, rebalance_run_id FROM dpm_runs ORDER BY created_at"
            + reference.c() + " DESC, rebalance_run_id" + reference.c() + " DESC LIMIT 1 OFFSET ?",
        { QByteArray::number(offset) });
    if (!deep.isEmpty()) {
        s.deepSortKey = text(deep.first().at(0));
        s.deepId = text(deep.first().at(1));
    }
    return s;
}

void runListingScenarios(BenchContext &x)
{
    ReferenceDb &ref = *x.reference;
    const Samples &s = x.samples;
    const QByteArray c = ref.c();
    // The reference of every list_runs scenario is the listing's SQL before console/0007 (the
    // status extracted from each run's JSON), so that the ratio shows what the narrow rows gain.
    const QByteArray runListColumns = "rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id, "
                                      "COALESCE("
        + statusExpression(ref) + ", ''), created_at";
    const QByteArray narrowColumns
        = "rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id, created_at";
    const QByteArray runOrder = " ORDER BY created_at" + c + " DESC, rebalance_run_id" + c + " DESC LIMIT 51";
    const int runs = 30 * x.repeat;

    // One listing scenario: our call and the same SQL through the reference, per sample i.
    const auto listing = [&](const QString &name, std::function<void(int)> ours, std::function<QByteArray(int)> sql,
                             std::function<QList<QByteArray>(int)> params) {
        x.runner.compare(name, runs, ours, ref.isPostgres() ? QStringLiteral("libpq") : QStringLiteral("sqlite3"),
            [&](int i) { ref.query(sql(i), params(i)); });
    };

    listing(
        QStringLiteral("list_runs.first_page"), [&](int) { x.store.listRuns({}, {}); },
        [&](int) -> QByteArray { return "SELECT " + runListColumns + " FROM dpm_runs" + runOrder; },
        [](int) { return QList<QByteArray> {}; });
    // The bound on a store without the console's rows and indexes too: a plain ORDER BY … LIMIT of
    // the narrow columns (of console/0007's table when there).
    const QByteArray plainTable = hasTable(ref, "console_run_list") ? "console_run_list" : "dpm_runs";
    x.runner.compare(QStringLiteral("list_runs.first_page.vs_plain"), runs, [&](int) { x.store.listRuns({}, {}); },
        QStringLiteral("plain ORDER BY LIMIT on ") + QString::fromUtf8(plainTable),
        [&](int) { ref.query("SELECT " + narrowColumns + " FROM " + plainTable + runOrder); });
    if (!s.deepId.isEmpty()) {
        const QString cursor = encodeCursor(CursorListing::Runs, s.deepSortKey, s.deepId);
        listing(
            QStringLiteral("list_runs.deep_page"),
            [&](int) {
                x.store.listRuns({}, { 50, cursor });
            },
            [&](int) -> QByteArray {
                return "SELECT " + runListColumns + " FROM dpm_runs WHERE (created_at" + c + ", rebalance_run_id" + c
                    + ") < (?, ?)" + runOrder;
            },
            [&](int) {
                return QList<QByteArray> { s.deepSortKey.toUtf8(), s.deepId.toUtf8() };
            });
    }
    const QStringList statuses { QStringLiteral("READY"), QStringLiteral("PENDING_REVIEW"), QStringLiteral("BLOCKED") };
    // Before console/0007 the status filter read console/0001's status index, which console/0010
    // dropped. The reference builds it again in a transaction of its own and rolls it back: ours
    // never sees it and the store is left as it was (its writers wait for the build meanwhile).
    // The build parses every run's JSON: at scale L it takes minutes.
    const bool rebuildStatusIndex
        = x.runner.selected(QStringLiteral("list_runs.filter.status")) && hasTable(ref, "console_run_list");
    if (rebuildStatusIndex) {
        ref.query("BEGIN");
        ref.query("CREATE INDEX IF NOT EXISTS ix_console_runs_status_created ON dpm_runs (" + statusExpression(ref)
            + ", created_at" + c + ", rebalance_run_id" + c + ")");
    }
    listing(
        QStringLiteral("list_runs.filter.status"),
        [&](int i) {
            RunFilter f;
            f.status = pick(statuses, i);
            x.store.listRuns(f, {});
        },
        [&](int) -> QByteArray {
            return "SELECT " + runListColumns + " FROM dpm_runs WHERE " + statusExpression(ref) + " = ?" + runOrder;
        },
        [&](int i) { return QList<QByteArray> { pick(statuses, i).toUtf8() }; });
    if (rebuildStatusIndex)
        ref.query("ROLLBACK");
    listing(
        QStringLiteral("list_runs.filter.portfolio"),
        [&](int i) {
            RunFilter f;
            f.portfolioId = pick(s.runs, i).portfolioId;
            x.store.listRuns(f, {});
        },
        [&](int) -> QByteArray {
            return "SELECT " + runListColumns + " FROM dpm_runs WHERE portfolio_id = ?" + runOrder;
        },
        [&](int i) { return QList<QByteArray> { pick(s.runs, i).portfolioId.toUtf8() }; });
    listing(
        QStringLiteral("list_runs.filter.request_hash"),
        [&](int i) {
            RunFilter f;
            f.requestHash = pick(s.runs, i).requestHash;
            x.store.listRuns(f, {});
        },
        [&](int) -> QByteArray {
            return "SELECT " + runListColumns + " FROM dpm_runs WHERE request_hash = ?" + runOrder;
        },
        [&](int i) { return QList<QByteArray> { pick(s.runs, i).requestHash.toUtf8() }; });
    // A day's window ending at a sampled run.
    const auto dayBefore = [&](int i) {
        return QDateTime::fromString(pick(s.runs, i).createdAt, Qt::ISODateWithMs)
            .addDays(-1)
            .toUTC()
            .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss+00:00"));
    };
    listing(
        QStringLiteral("list_runs.filter.created_range"),
        [&](int i) {
            RunFilter f;
            f.createdFrom = dayBefore(i);
            f.createdTo = pick(s.runs, i).createdAt;
            x.store.listRuns(f, {});
        },
        [&](int) -> QByteArray {
            return "SELECT " + runListColumns + " FROM dpm_runs WHERE created_at" + c + " >= ? AND created_at" + c
                + " <= ?" + runOrder;
        },
        [&](int i) {
            return QList<QByteArray> { dayBefore(i).toUtf8(), pick(s.runs, i).createdAt.toUtf8() };
        });

    const QByteArray opOrder = " ORDER BY created_at" + c + " DESC, operation_id" + c + " DESC LIMIT 51";
    listing(
        QStringLiteral("list_operations.first_page"), [&](int) { x.store.listOperations({}, {}); },
        [&](int) -> QByteArray { return "SELECT " + kOperationColumns + " FROM dpm_async_operations" + opOrder; },
        [](int) { return QList<QByteArray> {}; });
    const QStringList opStatuses { QStringLiteral("FAILED"), QStringLiteral("PENDING"), QStringLiteral("RUNNING"),
        QStringLiteral("SUCCEEDED") };
    listing(
        QStringLiteral("list_operations.filter.status"),
        [&](int i) {
            OperationFilter f;
            f.status = pick(opStatuses, i);
            x.store.listOperations(f, {});
        },
        [&](int) -> QByteArray {
            return "SELECT " + kOperationColumns + " FROM dpm_async_operations WHERE status = ?" + opOrder;
        },
        [&](int i) { return QList<QByteArray> { pick(opStatuses, i).toUtf8() }; });

    const QByteArray decOrder = " ORDER BY decided_at" + c + " DESC, decision_id" + c + " DESC LIMIT 51";
    listing(
        QStringLiteral("list_decisions.first_page"), [&](int) { x.store.listWorkflowDecisionsFiltered({}, {}); },
        [&](int) -> QByteArray { return "SELECT " + kDecisionColumns + " FROM dpm_workflow_decisions" + decOrder; },
        [](int) { return QList<QByteArray> {}; });
    if (!s.actors.isEmpty()) {
        listing(
            QStringLiteral("list_decisions.filter.actor"),
            [&](int i) {
                DecisionFilter f;
                f.actorId = pick(s.actors, i);
                x.store.listWorkflowDecisionsFiltered(f, {});
            },
            [&](int) -> QByteArray {
                return "SELECT " + kDecisionColumns + " FROM dpm_workflow_decisions WHERE actor_id = ?" + decOrder;
            },
            [&](int i) { return QList<QByteArray> { pick(s.actors, i).toUtf8() }; });
    }
    if (!s.reasonCodes.isEmpty()) {
        listing(
            QStringLiteral("list_decisions.filter.reason_code"),
            [&](int i) {
                DecisionFilter f;
                f.reasonCode = pick(s.reasonCodes, i);
                x.store.listWorkflowDecisionsFiltered(f, {});
            },
            [&](int) -> QByteArray {
                return "SELECT " + kDecisionColumns + " FROM dpm_workflow_decisions WHERE reason_code = ?" + decOrder;
            },
            [&](int i) { return QList<QByteArray> { pick(s.reasonCodes, i).toUtf8() }; });
    }
}

void runLookupScenarios(BenchContext &x)
{
    ReferenceDb &ref = *x.reference;
    const Samples &s = x.samples;
    const int runs = 200 * x.repeat;
    const QString refName = ref.isPostgres() ? QStringLiteral("libpq") : QStringLiteral("sqlite3");
    const auto lookup = [&](const QString &name, std::function<void(int)> ours, const QByteArray &sql,
                            std::function<QByteArray(int)> param) {
        x.runner.compare(name, runs, ours, refName, [&](int i) { ref.query(sql, { param(i) }); });
    };
    lookup(
        QStringLiteral("lookup.run_id"), [&](int i) { x.store.getRun(pick(s.runs, i).rebalanceRunId); },
        "SELECT " + kRunColumns + " FROM dpm_runs WHERE rebalance_run_id = ?",
        [&](int i) { return pick(s.runs, i).rebalanceRunId.toUtf8(); });
    lookup(
        QStringLiteral("lookup.correlation_id"),
        [&](int i) { x.store.getRunByCorrelation(pick(s.runs, i).correlationId); },
        "SELECT " + kRunColumns + " FROM dpm_runs WHERE correlation_id = ?",
        [&](int i) { return pick(s.runs, i).correlationId.toUtf8(); });
    lookup(
        QStringLiteral("lookup.request_hash"), [&](int i) { x.store.getRunByRequestHash(pick(s.runs, i).requestHash); },
        "SELECT " + kRunColumns + " FROM dpm_runs WHERE request_hash = ? ORDER BY created_at" + ref.c()
            + " DESC, rebalance_run_id" + ref.c() + " DESC LIMIT 1",
        [&](int i) { return pick(s.runs, i).requestHash.toUtf8(); });
    if (!s.idempotencyKeys.isEmpty()) {
        lookup(
            QStringLiteral("lookup.idempotency_key"),
            [&](int i) { x.store.getIdempotencyMapping(pick(s.idempotencyKeys, i)); },
            "SELECT idempotency_key, request_hash, rebalance_run_id, created_at FROM dpm_run_idempotency "
            "WHERE idempotency_key = ?",
            [&](int i) { return pick(s.idempotencyKeys, i).toUtf8(); });
    }
    if (!s.operationIds.isEmpty()) {
        lookup(
            QStringLiteral("lookup.operation_id"), [&](int i) { x.store.getOperation(pick(s.operationIds, i)); },
            "SELECT " + kOperationColumns + " FROM dpm_async_operations WHERE operation_id = ?",
            [&](int i) { return pick(s.operationIds, i).toUtf8(); });
    }
}

namespace {

// The summary as the service computes it today: a full recount over the JSON payloads.
SupportabilitySummary recount(ReferenceDb &ref)
{
    SupportabilitySummary s;
    const QByteArray status = ref.isPostgres() ? QByteArrayLiteral("(result_json::jsonb ->> 'status')")
                                               : QByteArrayLiteral("json_extract(result_json, '$.status')");
    const auto countsBy = [&](const QByteArray &expression, const QByteArray &table) {
        QMap<QString, qint64> counts;
        for (const Row &row : ref.query("SELECT " + expression + ", COUNT(*) FROM " + table + " GROUP BY 1")) {
            if (row.at(0) && !row.at(0)->isEmpty())
                counts[text(row.at(0))] += row.at(1)->toLongLong();
        }
        return counts;
    };
    const auto range = [&](const QByteArray &table, qint64 &count, std::optional<QString> &oldest,
                           std::optional<QString> &newest) {
        const Row row
            = ref.query("SELECT COUNT(*), MIN(created_at" + ref.c() + "), MAX(created_at" + ref.c() + ") FROM " + table)
                  .first();
        count = row.at(0)->toLongLong();
        if (row.at(1))
            oldest = text(row.at(1));
        if (row.at(2))
            newest = text(row.at(2));
    };
    range("dpm_runs", s.runCount, s.oldestRunCreatedAt, s.newestRunCreatedAt);
    range("dpm_async_operations", s.operationCount, s.oldestOperationCreatedAt, s.newestOperationCreatedAt);
    s.runStatusCounts = countsBy(status, "dpm_runs");
    s.operationStatusCounts = countsBy("status", "dpm_async_operations");
    s.workflowActionCounts = countsBy("action", "dpm_workflow_decisions");
    s.workflowReasonCodeCounts = countsBy("reason_code", "dpm_workflow_decisions");
    s.workflowDecisionCount = ref.query("SELECT COUNT(*) FROM dpm_workflow_decisions").first().at(0)->toLongLong();
    s.lineageEdgeCount = ref.query("SELECT COUNT(*) FROM dpm_lineage_edges").first().at(0)->toLongLong();
    return s;
}

} // namespace

void runSummaryScenario(BenchContext &x)
{
    if (!x.runner.selected(QStringLiteral("summary")))
        return;
    // The recount reads every run's payload (tens of GB at scale L): it runs once, and its
    // result is also what ours must equal field by field.
    QElapsedTimer timer;
    timer.start();
    const SupportabilitySummary reference = recount(*x.reference);
    const double referenceMs = double(timer.nsecsElapsed()) / 1e6;
    QList<double> ours;
    bool equal = true;
    for (int i = 0; i < 5 * x.repeat; ++i) {
        timer.restart();
        const SupportabilitySummary summary = x.store.getSupportabilitySummary();
        ours << double(timer.nsecsElapsed()) / 1e6;
        equal = equal && summary == reference;
    }
    std::sort(ours.begin(), ours.end());
    const double median = ours.at(ours.size() / 2);
    x.runner.report(QStringLiteral("summary"),
        { { QStringLiteral("runs"), int(ours.size()) }, { QStringLiteral("median_ms"), median },
            { QStringLiteral("reference"), QStringLiteral("recount") },
            { QStringLiteral("reference_median_ms"), referenceMs },
            { QStringLiteral("ratio"), std::round(median / referenceMs * 10000.0) / 10000.0 },
            { QStringLiteral("speedup"), std::round(referenceMs / median) }, { QStringLiteral("equal"), equal } });
}

} // namespace dpm::bench
