-- One delivery per event and topic (an event may go to several topics), the relay's lease owner,
-- and the index of the outbox listing (created_at DESC, outbox_id DESC).

ALTER TABLE dpm_outbox DROP CONSTRAINT IF EXISTS dpm_outbox_event_id_key;

CREATE UNIQUE INDEX IF NOT EXISTS ux_console_outbox_event_topic
    ON dpm_outbox (event_id, topic);

ALTER TABLE dpm_outbox ADD COLUMN IF NOT EXISTS lease_owner TEXT NULL;

CREATE INDEX IF NOT EXISTS ix_console_outbox_created
    ON dpm_outbox (created_at COLLATE "C", outbox_id COLLATE "C");
