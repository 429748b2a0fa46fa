-- What the runs listing shows, in a narrow console-owned table (issue 18): the listing and its
-- filters page over these rows and their indexes and never read a run's result_json, whose
-- status is extracted once, when the run is written. Triggers on dpm_runs keep it exact for every
-- writer (the console, its bulk loader and transfer, the service, hand-made SQL); it only adds to
-- the service's schema (Part A §1).
--
-- status is exactly SqlDialect::runStatusExpression of the run's payload: NULL when absent or when
-- the payload is not JSON (Part A §11), so the listing and its status filter answer as before.
-- Row triggers (SQLite has no statement-level ones); an upsert of dpm_runs fires the UPDATE
-- trigger, and every UPDATE is copied whatever column it changed, since every column shown here
-- may change.

CREATE TABLE IF NOT EXISTS console_run_list (
    rebalance_run_id TEXT PRIMARY KEY,
    correlation_id TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    idempotency_key TEXT NULL,
    portfolio_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NULL
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS trg_console_run_list_insert AFTER INSERT ON dpm_runs
BEGIN
    INSERT INTO console_run_list (rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id,
        created_at, status)
    VALUES (new.rebalance_run_id, new.correlation_id, new.request_hash, new.idempotency_key, new.portfolio_id,
        new.created_at, (CASE WHEN json_valid(new.result_json) THEN json_extract(new.result_json, '$.status') END))
    ON CONFLICT (rebalance_run_id) DO UPDATE SET correlation_id = excluded.correlation_id,
        request_hash = excluded.request_hash, idempotency_key = excluded.idempotency_key,
        portfolio_id = excluded.portfolio_id, created_at = excluded.created_at, status = excluded.status;
END;

CREATE TRIGGER IF NOT EXISTS trg_console_run_list_update AFTER UPDATE ON dpm_runs
BEGIN
    DELETE FROM console_run_list
    WHERE rebalance_run_id = old.rebalance_run_id AND old.rebalance_run_id IS NOT new.rebalance_run_id;
    INSERT INTO console_run_list (rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id,
        created_at, status)
    VALUES (new.rebalance_run_id, new.correlation_id, new.request_hash, new.idempotency_key, new.portfolio_id,
        new.created_at, (CASE WHEN json_valid(new.result_json) THEN json_extract(new.result_json, '$.status') END))
    ON CONFLICT (rebalance_run_id) DO UPDATE SET correlation_id = excluded.correlation_id,
        request_hash = excluded.request_hash, idempotency_key = excluded.idempotency_key,
        portfolio_id = excluded.portfolio_id, created_at = excluded.created_at, status = excluded.status;
END;

CREATE TRIGGER IF NOT EXISTS trg_console_run_list_delete AFTER DELETE ON dpm_runs
BEGIN
    DELETE FROM console_run_list WHERE rebalance_run_id = old.rebalance_run_id;
END;

-- The runs already there. The migration holds the write lock (BEGIN IMMEDIATE) from the triggers'
-- creation to here, so no write is missed; the indexes are built after the rows, in one pass each.
DELETE FROM console_run_list;

INSERT INTO console_run_list (rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id,
    created_at, status)
SELECT rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id, created_at,
    (CASE WHEN json_valid(result_json) THEN json_extract(result_json, '$.status') END)
FROM dpm_runs;

-- The listing (created_at DESC, rebalance_run_id DESC) alone and with each equality filter.
CREATE INDEX IF NOT EXISTS ix_console_run_list_created
    ON console_run_list (created_at DESC, rebalance_run_id DESC);
CREATE INDEX IF NOT EXISTS ix_console_run_list_status_created
    ON console_run_list (status, created_at, rebalance_run_id);
CREATE INDEX IF NOT EXISTS ix_console_run_list_portfolio_created
    ON console_run_list (portfolio_id, created_at, rebalance_run_id);
CREATE INDEX IF NOT EXISTS ix_console_run_list_request_hash_created
    ON console_run_list (request_hash, created_at, rebalance_run_id);
