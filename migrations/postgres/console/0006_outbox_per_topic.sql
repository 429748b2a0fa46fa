-- One delivery per event and topic (an event may go to several topics), the relay's lease owner,
-- and the index of the outbox listing (created_at DESC, outbox_id DESC). The table is rebuilt
-- with its rows, as on SQLite (which cannot drop the UNIQUE (event_id) of console/0002 in place),
-- so both backends end with the same table.

CREATE TABLE dpm_outbox_0006 (
    outbox_id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'DEAD')),
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    next_attempt_at TEXT NULL,
    last_error TEXT NULL,
    created_at TEXT NOT NULL,
    delivered_at TEXT NULL,
    lease_owner TEXT NULL,
    UNIQUE (event_id, topic)
);

INSERT INTO dpm_outbox_0006 (outbox_id, event_id, topic, payload_json, status, attempts, max_attempts,
    next_attempt_at, last_error, created_at, delivered_at)
SELECT outbox_id, event_id, topic, payload_json, status, attempts, max_attempts, next_attempt_at, last_error,
    created_at, delivered_at
FROM dpm_outbox;

DROP TABLE dpm_outbox;

ALTER TABLE dpm_outbox_0006 RENAME TO dpm_outbox;

CREATE INDEX IF NOT EXISTS ix_console_outbox_status_next_attempt
    ON dpm_outbox (status, next_attempt_at COLLATE "C", outbox_id COLLATE "C");

CREATE INDEX IF NOT EXISTS ix_console_outbox_created
    ON dpm_outbox (created_at COLLATE "C", outbox_id COLLATE "C");
