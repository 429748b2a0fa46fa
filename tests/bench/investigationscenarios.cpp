#include "scenarios.h"
#include "services/lineagegraph.h"
#include "services/supportbundle.h"

#include <QSet>

namespace dpm::bench {

namespace {

const QByteArray kEdgeColumns = "source_entity_id, edge_type, target_entity_id, created_at, metadata_json";

// The lookups a support bundle needs, one statement each, as a plain client would issue them.
void referenceBundle(ReferenceDb &ref, const RebalanceRun &run)
{
    const QByteArray c = ref.c();
    const QByteArray id = run.rebalanceRunId.toUtf8();
    ref.query("SELECT rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id, created_at, "
              "result_json FROM dpm_runs WHERE rebalance_run_id = ?",
        { id });
    ref.query("SELECT rebalance_run_id, artifact_json FROM dpm_run_artifacts WHERE rebalance_run_id = ?", { id });
    ref.query("SELECT operation_id, operation_type, status, correlation_id, created_at, started_at, finished_at, "
              "result_json, error_json, request_json FROM dpm_async_operations WHERE correlation_id = ?",
        { run.correlationId.toUtf8() });
    ref.query("SELECT decision_id, run_id, action, reason_code, comment, actor_id, decided_at, correlation_id "
              "FROM dpm_workflow_decisions WHERE run_id = ? ORDER BY decided_at"
            + c + ", decision_id" + c,
        { id });
    ref.query("SELECT * FROM (SELECT " + kEdgeColumns
            + " FROM dpm_lineage_edges WHERE source_entity_id = ? "
              "UNION ALL SELECT "
            + kEdgeColumns
            + " FROM dpm_lineage_edges WHERE target_entity_id = ? "
              "AND source_entity_id <> ?) e ORDER BY created_at"
            + c + ", source_entity_id" + c + ", edge_type" + c + ", target_entity_id" + c,
        { id, id, id });
    if (run.idempotencyKey) {
        ref.query("SELECT idempotency_key, rebalance_run_id, correlation_id, request_hash, created_at FROM "
                  "dpm_run_idempotency_history WHERE idempotency_key = ? ORDER BY created_at"
                + c + ", rebalance_run_id" + c + ", correlation_id" + c + ", request_hash" + c,
            { run.idempotencyKey->toUtf8() });
    }
}

// Breadth-first over the edge log in raw SQL: one statement per level for the whole frontier.
int referenceGraph(ReferenceDb &ref, const QString &root, int depth)
{
    QSet<QByteArray> seen { root.toUtf8() };
    QList<QByteArray> frontier { root.toUtf8() };
    for (int level = 0; level < depth && !frontier.isEmpty(); ++level) {
        QByteArray marks;
        for (qsizetype i = 0; i < frontier.size(); ++i)
            marks += i ? ", ?" : "?";
        const QList<Row> rows = ref.query("SELECT " + kEdgeColumns
                + " FROM dpm_lineage_edges WHERE source_entity_id IN (" + marks + ") UNION ALL SELECT " + kEdgeColumns
                + " FROM dpm_lineage_edges WHERE target_entity_id IN (" + marks + ")",
            frontier + frontier);
        QList<QByteArray> next;
        for (const Row &row : rows) {
            for (int end : { 0, 2 }) {
                const QByteArray &id = *row.at(end);
                if (!seen.contains(id)) {
                    seen.insert(id);
                    next << id;
                }
            }
        }
        frontier = next;
    }
    return int(seen.size());
}

} // namespace

void runInvestigationScenarios(BenchContext &x)
{
    ReferenceDb &ref = *x.reference;
    const Samples &s = x.samples;
    const QString refName = ref.isPostgres() ? QStringLiteral("libpq") : QStringLiteral("sqlite3");
    x.runner.compare(
        QStringLiteral("support_bundle"), 100 * x.repeat,
        [&](int i) {
            buildSupportBundle(x.store,
                SupportBundleEntry { SupportBundleEntry::Kind::RunId, s.runs.at(i % s.runs.size()).rebalanceRunId });
        },
        refName + QStringLiteral(" lookups"), [&](int i) { referenceBundle(ref, s.runs.at(i % s.runs.size())); });

    for (int depth = 1; depth <= 5; ++depth) {
        const LineageGraphOptions options = LineageGraphOptions::bothWays(depth, 5000);
        qint64 nodes = 0;
        x.runner.compare(
            QStringLiteral("lineage.depth%1").arg(depth), 50 * x.repeat,
            [&](int i) {
                nodes
                    += LineageGraph::walk(x.store, s.runs.at(i % s.runs.size()).rebalanceRunId, options).nodes().size();
            },
            refName + QStringLiteral(" bfs"),
            [&](int i) { referenceGraph(ref, s.runs.at(i % s.runs.size()).rebalanceRunId, depth); });
        Q_UNUSED(nodes);
    }
}

} // namespace dpm::bench
