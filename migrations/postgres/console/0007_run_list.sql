-- What the runs listing shows, in a narrow console-owned table (issue 18): the listing and its
-- filters page over these rows and their indexes and never detoast a run's result_json, whose
-- status is extracted once, when the run is written. Triggers on dpm_runs keep it exact for every
-- writer (the console, its COPY loader and transfer, the service, hand-made SQL); it only adds to
-- the service's schema (Part A §1).
--
-- status is exactly console/0001's dpm_console_run_status of the run's payload: NULL when absent
-- or when the payload is not JSON (Part A §11), so the listing and its status filter answer as
-- before. Statement-level triggers with transition tables, as console/0004's: a COPY of a batch
-- of runs is one INSERT … SELECT here, not one per row. An INSERT … ON CONFLICT DO UPDATE fires
-- the INSERT trigger for the rows it inserted and the UPDATE trigger for those it updated.
-- SECURITY DEFINER and the pinned search_path for the reasons console/0004 gives.

CREATE TABLE IF NOT EXISTS console_run_list (
    rebalance_run_id TEXT PRIMARY KEY,
    correlation_id TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    idempotency_key TEXT NULL,
    portfolio_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NULL
);

-- dpm_console_run_status's per-row exception block is what makes it slow, so the changed rows are
-- first copied with the plain cast, which gives the same value for every JSON payload; only when
-- some payload is not JSON are they copied again with the null-safe function.
CREATE OR REPLACE FUNCTION dpm_console_sync_run_list() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
DECLARE
    upsert TEXT;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM console_run_list;
        RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM console_run_list l USING old_rows o WHERE l.rebalance_run_id = o.rebalance_run_id;
        RETURN NULL;
    ELSIF TG_OP = 'UPDATE' THEN
        -- A run whose id changed leaves its old row.
        DELETE FROM console_run_list l USING old_rows o WHERE l.rebalance_run_id = o.rebalance_run_id
            AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.rebalance_run_id = o.rebalance_run_id);
    END IF;
    upsert := 'INSERT INTO console_run_list AS l (rebalance_run_id, correlation_id, request_hash, '
        || 'idempotency_key, portfolio_id, created_at, status) '
        || 'SELECT r.rebalance_run_id, r.correlation_id, r.request_hash, r.idempotency_key, r.portfolio_id, '
        || 'r.created_at, %s FROM new_rows r ORDER BY r.rebalance_run_id '
        || 'ON CONFLICT (rebalance_run_id) DO UPDATE SET correlation_id = excluded.correlation_id, '
        || 'request_hash = excluded.request_hash, idempotency_key = excluded.idempotency_key, '
        || 'portfolio_id = excluded.portfolio_id, created_at = excluded.created_at, status = excluded.status';
    BEGIN
        EXECUTE format(upsert, '(r.result_json::jsonb ->> ''status'')');
    EXCEPTION WHEN data_exception THEN
        EXECUTE format(upsert, 'dpm_console_run_status(r.result_json)');
    END;
    RETURN NULL;
END;
$$;

CREATE TRIGGER trg_console_run_list_insert AFTER INSERT ON dpm_runs
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_sync_run_list();
CREATE TRIGGER trg_console_run_list_update AFTER UPDATE ON dpm_runs
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_sync_run_list();
CREATE TRIGGER trg_console_run_list_delete AFTER DELETE ON dpm_runs
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_sync_run_list();
CREATE TRIGGER trg_console_run_list_truncate AFTER TRUNCATE ON dpm_runs
    FOR EACH STATEMENT EXECUTE FUNCTION dpm_console_sync_run_list();

-- The runs already there. CREATE TRIGGER locked dpm_runs against writers until this migration
-- commits, so no write is missed; the indexes are built after the rows, in one pass each.
DELETE FROM console_run_list;

DO $$
BEGIN
    INSERT INTO console_run_list (rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id,
        created_at, status)
    SELECT rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id, created_at,
        (result_json::jsonb ->> 'status')
    FROM dpm_runs;
EXCEPTION WHEN data_exception THEN
    INSERT INTO console_run_list (rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id,
        created_at, status)
    SELECT rebalance_run_id, correlation_id, request_hash, idempotency_key, portfolio_id, created_at,
        dpm_console_run_status(result_json)
    FROM dpm_runs;
END;
$$;

-- The listing (created_at DESC, rebalance_run_id DESC) alone and with each equality filter, in the
-- store's byte order as console/0001's.
CREATE INDEX IF NOT EXISTS ix_console_run_list_created
    ON console_run_list (created_at COLLATE "C" DESC, rebalance_run_id COLLATE "C" DESC);
CREATE INDEX IF NOT EXISTS ix_console_run_list_status_created
    ON console_run_list (status, created_at COLLATE "C", rebalance_run_id COLLATE "C");
CREATE INDEX IF NOT EXISTS ix_console_run_list_portfolio_created
    ON console_run_list (portfolio_id, created_at COLLATE "C", rebalance_run_id COLLATE "C");
CREATE INDEX IF NOT EXISTS ix_console_run_list_request_hash_created
    ON console_run_list (request_hash, created_at COLLATE "C", rebalance_run_id COLLATE "C");

ANALYZE console_run_list;
