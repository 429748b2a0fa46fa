-- Maintained counters behind the supportability summary (domain spec Part B §5, §6.5), so the
-- summary reads a handful of rows instead of recounting every run's JSON. Triggers on the
-- service's tables keep them exact for every writer (the console, the service, hand-made SQL);
-- they only add to the service's schema (Part A §1).
--
-- metric / bucket:
--   run_status            result_json.status, '' when absent, empty or not JSON; the sum of all
--                         buckets is run_count (Part A §11: such runs count but show no status)
--   operation_status      dpm_async_operations.status; the sum is operation_count
--   workflow_action       dpm_workflow_decisions.action; the sum is workflow_decision_count
--   workflow_reason_code  dpm_workflow_decisions.reason_code
--   lineage_edges         bucket ''; rows, duplicates included (Part A §5)
-- A bucket that drops to 0 keeps its row; readers skip n = 0.
--
-- The status expression is SqlDialect::runStatusExpression (the listing's): NULL when the payload
-- is not JSON. Row triggers: SQLite has no statement-level triggers, and a counter update is one
-- primary-key upsert per row. An upsert of dpm_runs (ON CONFLICT DO UPDATE) fires the UPDATE
-- triggers; "DELETE FROM t" without WHERE fires the DELETE triggers (SQLite skips its truncate
-- shortcut on tables with triggers).

CREATE TABLE IF NOT EXISTS console_summary_counts (
    metric TEXT NOT NULL,
    bucket TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (metric, bucket)
) WITHOUT ROWID;

-- dpm_runs
CREATE TRIGGER IF NOT EXISTS trg_console_counts_runs_insert AFTER INSERT ON dpm_runs
BEGIN
    INSERT INTO console_summary_counts (metric, bucket, n)
    VALUES ('run_status', COALESCE((CASE WHEN json_valid(new.result_json) THEN json_extract(new.result_json, '$.status') END), ''), 1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER IF NOT EXISTS trg_console_counts_runs_update AFTER UPDATE OF result_json ON dpm_runs
WHEN COALESCE((CASE WHEN json_valid(old.result_json) THEN json_extract(old.result_json, '$.status') END), '')
    IS NOT COALESCE((CASE WHEN json_valid(new.result_json) THEN json_extract(new.result_json, '$.status') END), '')
BEGIN
    INSERT INTO console_summary_counts (metric, bucket, n)
    VALUES ('run_status', COALESCE((CASE WHEN json_valid(old.result_json) THEN json_extract(old.result_json, '$.status') END), ''), -1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
    INSERT INTO console_summary_counts (metric, bucket, n)
    VALUES ('run_status', COALESCE((CASE WHEN json_valid(new.result_json) THEN json_extract(new.result_json, '$.status') END), ''), 1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER IF NOT EXISTS trg_console_counts_runs_delete AFTER DELETE ON dpm_runs
BEGIN
    INSERT INTO console_summary_counts (metric, bucket, n)
    VALUES ('run_status', COALESCE((CASE WHEN json_valid(old.result_json) THEN json_extract(old.result_json, '$.status') END), ''), -1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
END;

-- dpm_async_operations
CREATE TRIGGER IF NOT EXISTS trg_console_counts_operations_insert AFTER INSERT ON dpm_async_operations
BEGIN
    INSERT INTO console_summary_counts (metric, bucket, n) VALUES ('operation_status', new.status, 1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER IF NOT EXISTS trg_console_counts_operations_update AFTER UPDATE OF status ON dpm_async_operations
WHEN old.status IS NOT new.status
BEGIN
    INSERT INTO console_summary_counts (metric, bucket, n) VALUES ('operation_status', old.status, -1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
    INSERT INTO console_summary_counts (metric, bucket, n) VALUES ('operation_status', new.status, 1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER IF NOT EXISTS trg_console_counts_operations_delete AFTER DELETE ON dpm_async_operations
BEGIN
    INSERT INTO console_summary_counts (metric, bucket, n) VALUES ('operation_status', old.status, -1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
END;

-- dpm_workflow_decisions (append-only in the service; updates are counted all the same)
CREATE TRIGGER IF NOT EXISTS trg_console_counts_decisions_insert AFTER INSERT ON dpm_workflow_decisions
BEGIN
    INSERT INTO console_summary_counts (metric, bucket, n) VALUES ('workflow_action', new.action, 1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
    INSERT INTO console_summary_counts (metric, bucket, n) VALUES ('workflow_reason_code', new.reason_code, 1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER IF NOT EXISTS trg_console_counts_decisions_update AFTER UPDATE OF action, reason_code ON dpm_workflow_decisions
WHEN old.action IS NOT new.action OR old.reason_code IS NOT new.reason_code
BEGIN
    INSERT INTO console_summary_counts (metric, bucket, n) VALUES ('workflow_action', old.action, -1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
    INSERT INTO console_summary_counts (metric, bucket, n) VALUES ('workflow_action', new.action, 1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
    INSERT INTO console_summary_counts (metric, bucket, n) VALUES ('workflow_reason_code', old.reason_code, -1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
    INSERT INTO console_summary_counts (metric, bucket, n) VALUES ('workflow_reason_code', new.reason_code, 1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER IF NOT EXISTS trg_console_counts_decisions_delete AFTER DELETE ON dpm_workflow_decisions
BEGIN
    INSERT INTO console_summary_counts (metric, bucket, n) VALUES ('workflow_action', old.action, -1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
    INSERT INTO console_summary_counts (metric, bucket, n) VALUES ('workflow_reason_code', old.reason_code, -1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
END;

-- dpm_lineage_edges: rows, duplicates included
CREATE TRIGGER IF NOT EXISTS trg_console_counts_lineage_insert AFTER INSERT ON dpm_lineage_edges
BEGIN
    INSERT INTO console_summary_counts (metric, bucket, n) VALUES ('lineage_edges', '', 1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER IF NOT EXISTS trg_console_counts_lineage_delete AFTER DELETE ON dpm_lineage_edges
BEGIN
    INSERT INTO console_summary_counts (metric, bucket, n) VALUES ('lineage_edges', '', -1)
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
END;

-- The counts of the rows already there. The migration holds the write lock (BEGIN IMMEDIATE) from
-- the triggers' creation to here, so no write is missed or counted twice.
DELETE FROM console_summary_counts;

INSERT INTO console_summary_counts (metric, bucket, n)
SELECT 'run_status', COALESCE((CASE WHEN json_valid(result_json) THEN json_extract(result_json, '$.status') END), ''), COUNT(*)
FROM dpm_runs GROUP BY 2;

INSERT INTO console_summary_counts (metric, bucket, n)
SELECT 'operation_status', status, COUNT(*) FROM dpm_async_operations GROUP BY status;

INSERT INTO console_summary_counts (metric, bucket, n)
SELECT 'workflow_action', action, COUNT(*) FROM dpm_workflow_decisions GROUP BY action;

INSERT INTO console_summary_counts (metric, bucket, n)
SELECT 'workflow_reason_code', reason_code, COUNT(*) FROM dpm_workflow_decisions GROUP BY reason_code;

INSERT INTO console_summary_counts (metric, bucket, n)
SELECT 'lineage_edges', '', COUNT(*) FROM dpm_lineage_edges;
