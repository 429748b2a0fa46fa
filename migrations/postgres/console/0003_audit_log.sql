-- What admins did through the console (migrations, purges, transfers), append-only.

CREATE TABLE IF NOT EXISTS console_audit_log (
    audit_id TEXT PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    details_json TEXT NOT NULL,
    outcome TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_console_audit_log_occurred
    ON console_audit_log (occurred_at COLLATE "C", audit_id COLLATE "C");
