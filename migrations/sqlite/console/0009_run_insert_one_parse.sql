-- One parse of each inserted run's payload per statement that needs it, instead of two per
-- trigger (issue 18). console/0004's counter and console/0007's run list each validated and read
-- every new run's result_json in their own INSERT trigger. One INSERT trigger now writes the run
-- list row (status read once) and counts the status it stored: the same buckets, the same rows.
-- UPDATE and DELETE keep console/0004's and console/0007's triggers.
DROP TRIGGER IF EXISTS trg_console_counts_runs_insert;
DROP TRIGGER IF EXISTS trg_console_run_list_insert;

CREATE TRIGGER IF NOT EXISTS trg_console_runs_insert AFTER INSERT ON dpm_runs
BEGIN
    INSERT INTO console_run_list (rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id,
        created_at, status)
    VALUES (new.rebalance_run_id, new.correlation_id, new.request_hash, new.idempotency_key, new.portfolio_id,
        new.created_at, (CASE WHEN json_valid(new.result_json) THEN json_extract(new.result_json, '$.status') END))
    ON CONFLICT (rebalance_run_id) DO UPDATE SET correlation_id = excluded.correlation_id,
        request_hash = excluded.request_hash, idempotency_key = excluded.idempotency_key,
        portfolio_id = excluded.portfolio_id, created_at = excluded.created_at, status = excluded.status;
    INSERT INTO console_summary_counts (metric, bucket, n)
    SELECT 'run_status', COALESCE(status, ''), 1 FROM console_run_list WHERE rebalance_run_id = new.rebalance_run_id
    ON CONFLICT (metric, bucket) DO UPDATE SET n = n + excluded.n;
END;
