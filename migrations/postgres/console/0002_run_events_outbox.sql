-- Run events and their outbox (domain spec Part A §8). Appending an event and enqueueing its one
-- delivery happen in one transaction; a retried append (same run and idempotency key) is a no-op.

CREATE TABLE IF NOT EXISTS dpm_run_events (
    event_id TEXT PRIMARY KEY,
    rebalance_run_id TEXT NOT NULL,
    sequence_no INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (rebalance_run_id, idempotency_key)
);

-- A run's events in order; unique, so two appends can never take the same place.
CREATE UNIQUE INDEX IF NOT EXISTS ix_console_run_events_run_sequence
    ON dpm_run_events (rebalance_run_id, sequence_no);

CREATE TABLE IF NOT EXISTS dpm_outbox (
    outbox_id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    topic TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'DEAD')),
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    next_attempt_at TEXT NULL,
    last_error TEXT NULL,
    created_at TEXT NOT NULL,
    delivered_at TEXT NULL
);

-- Deliveries due: by status, the earliest next attempt first.
CREATE INDEX IF NOT EXISTS ix_console_outbox_status_next_attempt
    ON dpm_outbox (status, next_attempt_at COLLATE "C", outbox_id COLLATE "C");
