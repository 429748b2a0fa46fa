-- Indexes that back every listing and lookup of the store (domain spec Part B §5), so the console
-- pages by keyset without scanning. SQLite compares text in byte order (the service's string
-- order), so no collation is needed here.

-- dpm_runs: list_runs (created_at DESC, rebalance_run_id DESC) with each filter, and
-- get_run_by_request_hash (the latest run of a hash). The status index is on exactly
-- SqlDialect::runStatusExpression (NULL when result_json is not JSON, Part A §11): SQLite uses an
-- expression index only for the identical expression.
CREATE INDEX IF NOT EXISTS ix_console_runs_created
    ON dpm_runs (created_at DESC, rebalance_run_id DESC);
CREATE INDEX IF NOT EXISTS ix_console_runs_portfolio_created
    ON dpm_runs (portfolio_id, created_at, rebalance_run_id);
CREATE INDEX IF NOT EXISTS ix_console_runs_request_hash_created
    ON dpm_runs (request_hash, created_at, rebalance_run_id);
CREATE INDEX IF NOT EXISTS ix_console_runs_status_created
    ON dpm_runs ((CASE WHEN json_valid(result_json) THEN json_extract(result_json, '$.status') END), created_at, rebalance_run_id);

-- Idempotency: purge by run id; history of a key, oldest first.
CREATE INDEX IF NOT EXISTS ix_console_run_idempotency_run
    ON dpm_run_idempotency (rebalance_run_id);
CREATE INDEX IF NOT EXISTS ix_console_idempotency_history_key_created
    ON dpm_run_idempotency_history (idempotency_key, created_at);
CREATE INDEX IF NOT EXISTS ix_console_idempotency_history_run
    ON dpm_run_idempotency_history (rebalance_run_id);

-- Async operations: list_operations with each filter; the TTL purge's cut-off.
CREATE INDEX IF NOT EXISTS ix_console_operations_created
    ON dpm_async_operations (created_at, operation_id);
CREATE INDEX IF NOT EXISTS ix_console_operations_status_created
    ON dpm_async_operations (status, created_at, operation_id);
CREATE INDEX IF NOT EXISTS ix_console_operations_type_created
    ON dpm_async_operations (operation_type, created_at, operation_id);
CREATE INDEX IF NOT EXISTS ix_console_operations_expiry
    ON dpm_async_operations (COALESCE(finished_at, created_at));

-- Workflow decisions: a run's history (and its purge); the filtered listing with each filter.
CREATE INDEX IF NOT EXISTS ix_console_decisions_run_decided
    ON dpm_workflow_decisions (run_id, decided_at, decision_id);
CREATE INDEX IF NOT EXISTS ix_console_decisions_decided
    ON dpm_workflow_decisions (decided_at, decision_id);
CREATE INDEX IF NOT EXISTS ix_console_decisions_action_decided
    ON dpm_workflow_decisions (action, decided_at, decision_id);
CREATE INDEX IF NOT EXISTS ix_console_decisions_actor_decided
    ON dpm_workflow_decisions (actor_id, decided_at, decision_id);
CREATE INDEX IF NOT EXISTS ix_console_decisions_reason_decided
    ON dpm_workflow_decisions (reason_code, decided_at, decision_id);
CREATE INDEX IF NOT EXISTS ix_console_decisions_correlation_decided
    ON dpm_workflow_decisions (correlation_id, decided_at, decision_id);

-- Lineage: every edge touching an entity (source or target), oldest first; the retention cascade.
CREATE INDEX IF NOT EXISTS ix_console_lineage_source_created
    ON dpm_lineage_edges (source_entity_id, created_at);
CREATE INDEX IF NOT EXISTS ix_console_lineage_target_created
    ON dpm_lineage_edges (target_entity_id, created_at);
