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
-- Statement-level triggers with transition tables: a statement that writes a million rows (COPY,
-- INSERT … SELECT, a purge) adds one aggregate per bucket, not a million updates. PostgreSQL
-- allows transition tables only on single-event triggers, hence one trigger per event. An
-- INSERT … ON CONFLICT DO UPDATE fires the INSERT trigger for the rows it inserted and the
-- UPDATE trigger for the rows it updated. Buckets are written in (metric, bucket) order, so two
-- writers lock counter rows in the same order. Writers serialise on the counter rows they touch
-- until they commit: that is the price of an exact summary in a few rows.
--
-- The trigger functions run as their owner (SECURITY DEFINER), so a runtime role that may only
-- read and write the service's tables needs no privilege on console_summary_counts; the
-- search_path is pinned to the one the migration ran with.

-- console/0001 declared dpm_console_run_status PARALLEL SAFE, but its EXCEPTION block starts a
-- subtransaction, which PostgreSQL refuses in parallel mode ("cannot start subtransactions during
-- a parallel operation"): a large GROUP BY over dpm_runs (the recount, this migration's own
-- initial count) planned in parallel failed. Marked unsafe, such queries run without workers.
ALTER FUNCTION dpm_console_run_status(text) PARALLEL UNSAFE;

CREATE TABLE IF NOT EXISTS console_summary_counts (
    metric TEXT NOT NULL,
    bucket TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (metric, bucket)
);

-- dpm_runs: the bucket is console/0001's dpm_console_run_status, the listing's expression. Its
-- per-row exception block (for payloads that are not JSON) is what makes it slow, so the whole
-- statement is first counted with the plain cast, which gives the same value for every JSON
-- payload; only when some payload is not JSON is it counted again row by row.
CREATE OR REPLACE FUNCTION dpm_console_count_runs() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
DECLARE
    changed TEXT; -- the changed rows as (bucket, +1 | -1); %1$s is the bucket expression
    upsert TEXT;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM console_summary_counts WHERE metric = 'run_status';
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        changed := 'SELECT %1$s AS bucket, 1 AS n FROM new_rows r';
    ELSIF TG_OP = 'UPDATE' THEN
        changed := 'SELECT %1$s AS bucket, 1 AS n FROM new_rows r UNION ALL SELECT %1$s, -1 FROM old_rows r';
    ELSE -- DELETE
        changed := 'SELECT %1$s AS bucket, -1 AS n FROM old_rows r';
    END IF;
    upsert := 'INSERT INTO console_summary_counts AS c (metric, bucket, n) '
        || 'SELECT ''run_status'', d.bucket, SUM(d.n) FROM (' || changed || ') d '
        || 'GROUP BY d.bucket HAVING SUM(d.n) <> 0 ORDER BY d.bucket '
        || 'ON CONFLICT (metric, bucket) DO UPDATE SET n = c.n + excluded.n';
    BEGIN
        EXECUTE format(upsert, 'COALESCE(r.result_json::jsonb ->> ''status'', '''')');
    EXCEPTION WHEN data_exception THEN
        EXECUTE format(upsert, 'COALESCE(dpm_console_run_status(r.result_json), '''')');
    END;
    RETURN NULL;
END;
$$;

CREATE TRIGGER trg_console_counts_runs_insert AFTER INSERT ON dpm_runs
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_count_runs();
CREATE TRIGGER trg_console_counts_runs_update AFTER UPDATE ON dpm_runs
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_count_runs();
CREATE TRIGGER trg_console_counts_runs_delete AFTER DELETE ON dpm_runs
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_count_runs();
CREATE TRIGGER trg_console_counts_runs_truncate AFTER TRUNCATE ON dpm_runs
    FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_count_runs();

-- dpm_async_operations
CREATE OR REPLACE FUNCTION dpm_console_count_operations() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO console_summary_counts AS c (metric, bucket, n)
        SELECT 'operation_status', r.status, COUNT(*) FROM new_rows r GROUP BY r.status ORDER BY r.status
        ON CONFLICT (metric, bucket) DO UPDATE SET n = c.n + excluded.n;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO console_summary_counts AS c (metric, bucket, n)
        SELECT 'operation_status', d.bucket, SUM(d.n) FROM (
            SELECT r.status AS bucket, 1 AS n FROM new_rows r
            UNION ALL
            SELECT r.status, -1 FROM old_rows r
        ) d GROUP BY d.bucket HAVING SUM(d.n) <> 0 ORDER BY d.bucket
        ON CONFLICT (metric, bucket) DO UPDATE SET n = c.n + excluded.n;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO console_summary_counts AS c (metric, bucket, n)
        SELECT 'operation_status', r.status, -COUNT(*) FROM old_rows r GROUP BY r.status ORDER BY r.status
        ON CONFLICT (metric, bucket) DO UPDATE SET n = c.n + excluded.n;
    ELSE -- TRUNCATE
        DELETE FROM console_summary_counts WHERE metric = 'operation_status';
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER trg_console_counts_operations_insert AFTER INSERT ON dpm_async_operations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_count_operations();
CREATE TRIGGER trg_console_counts_operations_update AFTER UPDATE ON dpm_async_operations
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_count_operations();
CREATE TRIGGER trg_console_counts_operations_delete AFTER DELETE ON dpm_async_operations
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_count_operations();
CREATE TRIGGER trg_console_counts_operations_truncate AFTER TRUNCATE ON dpm_async_operations
    FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_count_operations();

-- dpm_workflow_decisions (append-only in the service; updates are counted all the same)
CREATE OR REPLACE FUNCTION dpm_console_count_decisions() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO console_summary_counts AS c (metric, bucket, n)
        SELECT d.metric, d.bucket, COUNT(*) FROM (
            SELECT 'workflow_action' AS metric, r.action AS bucket FROM new_rows r
            UNION ALL
            SELECT 'workflow_reason_code', r.reason_code FROM new_rows r
        ) d GROUP BY d.metric, d.bucket ORDER BY d.metric, d.bucket
        ON CONFLICT (metric, bucket) DO UPDATE SET n = c.n + excluded.n;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO console_summary_counts AS c (metric, bucket, n)
        SELECT d.metric, d.bucket, SUM(d.n) FROM (
            SELECT 'workflow_action' AS metric, r.action AS bucket, 1 AS n FROM new_rows r
            UNION ALL
            SELECT 'workflow_reason_code', r.reason_code, 1 FROM new_rows r
            UNION ALL
            SELECT 'workflow_action', r.action, -1 FROM old_rows r
            UNION ALL
            SELECT 'workflow_reason_code', r.reason_code, -1 FROM old_rows r
        ) d GROUP BY d.metric, d.bucket HAVING SUM(d.n) <> 0 ORDER BY d.metric, d.bucket
        ON CONFLICT (metric, bucket) DO UPDATE SET n = c.n + excluded.n;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO console_summary_counts AS c (metric, bucket, n)
        SELECT d.metric, d.bucket, -COUNT(*) FROM (
            SELECT 'workflow_action' AS metric, r.action AS bucket FROM old_rows r
            UNION ALL
            SELECT 'workflow_reason_code', r.reason_code FROM old_rows r
        ) d GROUP BY d.metric, d.bucket ORDER BY d.metric, d.bucket
        ON CONFLICT (metric, bucket) DO UPDATE SET n = c.n + excluded.n;
    ELSE -- TRUNCATE
        DELETE FROM console_summary_counts WHERE metric IN ('workflow_action', 'workflow_reason_code');
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER trg_console_counts_decisions_insert AFTER INSERT ON dpm_workflow_decisions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_count_decisions();
CREATE TRIGGER trg_console_counts_decisions_update AFTER UPDATE ON dpm_workflow_decisions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_count_decisions();
CREATE TRIGGER trg_console_counts_decisions_delete AFTER DELETE ON dpm_workflow_decisions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_count_decisions();
CREATE TRIGGER trg_console_counts_decisions_truncate AFTER TRUNCATE ON dpm_workflow_decisions
    FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_count_decisions();

-- dpm_lineage_edges: rows, duplicates included; an UPDATE does not change the count.
CREATE OR REPLACE FUNCTION dpm_console_count_lineage() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
DECLARE
    delta BIGINT;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM console_summary_counts WHERE metric = 'lineage_edges';
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT COUNT(*) INTO delta FROM new_rows;
    ELSE -- DELETE
        SELECT -COUNT(*) INTO delta FROM old_rows;
    END IF;
    IF delta <> 0 THEN
        INSERT INTO console_summary_counts AS c (metric, bucket, n) VALUES ('lineage_edges', '', delta)
        ON CONFLICT (metric, bucket) DO UPDATE SET n = c.n + excluded.n;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER trg_console_counts_lineage_insert AFTER INSERT ON dpm_lineage_edges
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_count_lineage();
CREATE TRIGGER trg_console_counts_lineage_delete AFTER DELETE ON dpm_lineage_edges
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_count_lineage();
CREATE TRIGGER trg_console_counts_lineage_truncate AFTER TRUNCATE ON dpm_lineage_edges
    FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_count_lineage();

-- The counts of the rows already there. CREATE TRIGGER locked each table against writers until
-- this migration commits, so no write is missed or counted twice.
DELETE FROM console_summary_counts;

INSERT INTO console_summary_counts (metric, bucket, n)
SELECT 'run_status', COALESCE(dpm_console_run_status(result_json), ''), COUNT(*) FROM dpm_runs GROUP BY 2;

INSERT INTO console_summary_counts (metric, bucket, n)
SELECT 'operation_status', status, COUNT(*) FROM dpm_async_operations GROUP BY status;

INSERT INTO console_summary_counts (metric, bucket, n)
SELECT 'workflow_action', action, COUNT(*) FROM dpm_workflow_decisions GROUP BY action;

INSERT INTO console_summary_counts (metric, bucket, n)
SELECT 'workflow_reason_code', reason_code, COUNT(*) FROM dpm_workflow_decisions GROUP BY reason_code;

INSERT INTO console_summary_counts (metric, bucket, n)
SELECT 'lineage_edges', '', COUNT(*) FROM dpm_lineage_edges;
