-- One parse of each inserted run's payload instead of two (issue 18). console/0004's counter and
-- console/0007's run list each cast every new run's result_json to jsonb in their own INSERT
-- trigger; for the service's payloads (about 9 KB of JSON a run) that parse is most of what a bulk
-- load of runs costs the server. One statement-level INSERT trigger now extracts the status once
-- and feeds both: the same buckets, the same rows, the same fallback (the whole statement again
-- with the null-safe dpm_console_run_status when some payload is not JSON). UPDATE, DELETE and
-- TRUNCATE keep console/0004's and console/0007's triggers.
--
-- The counter rows are upserted by the outer statement, the run list by the data-modifying CTE,
-- which PostgreSQL completes after the outer statement: the counters are locked first, in bucket
-- order, as before. SECURITY DEFINER and the pinned search_path for the reasons console/0004 gives.

CREATE OR REPLACE FUNCTION dpm_console_runs_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
DECLARE
    sync TEXT; -- %1$s is the status expression over r, a row of new_rows
BEGIN
    sync := 'WITH s AS MATERIALIZED ('
        || 'SELECT r.rebalance_run_id, r.correlation_id, r.request_hash, r.idempotency_key, r.portfolio_id, '
        || 'r.created_at, %1$s AS status FROM new_rows r), '
        || 'listed AS (INSERT INTO console_run_list AS l (rebalance_run_id, correlation_id, request_hash, '
        || 'idempotency_key, portfolio_id, created_at, status) '
        || 'SELECT s.rebalance_run_id, s.correlation_id, s.request_hash, s.idempotency_key, s.portfolio_id, '
        || 's.created_at, s.status FROM s ORDER BY s.rebalance_run_id '
        || 'ON CONFLICT (rebalance_run_id) DO UPDATE SET correlation_id = excluded.correlation_id, '
        || 'request_hash = excluded.request_hash, idempotency_key = excluded.idempotency_key, '
        || 'portfolio_id = excluded.portfolio_id, created_at = excluded.created_at, status = excluded.status) '
        || 'INSERT INTO console_summary_counts AS c (metric, bucket, n) '
        || 'SELECT ''run_status'', COALESCE(s.status, ''''), COUNT(*) FROM s '
        || 'GROUP BY COALESCE(s.status, '''') ORDER BY COALESCE(s.status, '''') '
        || 'ON CONFLICT (metric, bucket) DO UPDATE SET n = c.n + excluded.n';
    BEGIN
        EXECUTE format(sync, '(r.result_json::jsonb ->> ''status'')');
    EXCEPTION WHEN data_exception THEN
        EXECUTE format(sync, 'dpm_console_run_status(r.result_json)');
    END;
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS trg_console_counts_runs_insert ON dpm_runs;
DROP TRIGGER IF EXISTS trg_console_run_list_insert ON dpm_runs;
CREATE TRIGGER trg_console_runs_insert AFTER INSERT ON dpm_runs
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_runs_inserted();
