-- Indexes that back the advisory proposal reads (domain spec Part B §5.1, §3.8): the keyset
-- listing and its filters, a proposal's history, find-anything and the approvals per day. Modelled
-- on the service's later proposals/0006 and 0009; they only add to its tables (Part A §1).
-- Text columns that are ordered or range-compared are indexed COLLATE "C", exactly as the store's
-- queries compare them (byte order, whatever the database's locale); columns only compared for
-- equality keep the default.

-- list_proposals (created_at DESC, proposal_id DESC): unfiltered, with the three filters of the
-- service's 0006, and by state alone (the summary opens the listing of one state).
CREATE INDEX IF NOT EXISTS ix_console_proposals_created
    ON proposal_records (created_at COLLATE "C" DESC, proposal_id COLLATE "C" DESC);
CREATE INDEX IF NOT EXISTS ix_console_proposals_filters_created
    ON proposal_records (portfolio_id, current_state, created_by, created_at COLLATE "C" DESC,
        proposal_id COLLATE "C" DESC);
CREATE INDEX IF NOT EXISTS ix_console_proposals_state_created
    ON proposal_records (current_state, created_at COLLATE "C" DESC, proposal_id COLLATE "C" DESC);

-- A proposal's history, oldest first.
CREATE INDEX IF NOT EXISTS ix_console_proposal_events_history
    ON proposal_workflow_events (proposal_id, occurred_at COLLATE "C", event_id COLLATE "C");
CREATE INDEX IF NOT EXISTS ix_console_proposal_approvals_history
    ON proposal_approvals (proposal_id, occurred_at COLLATE "C", approval_id COLLATE "C");

-- Approvals per day by type and outcome (covering).
CREATE INDEX IF NOT EXISTS ix_console_proposal_approvals_occurred
    ON proposal_approvals (occurred_at COLLATE "C", approval_type, approved);

-- Find anything: a version id (no key of its own); a proposal's operations and idempotency rows.
CREATE INDEX IF NOT EXISTS ix_console_proposal_versions_id
    ON proposal_versions (proposal_version_id);
CREATE INDEX IF NOT EXISTS ix_console_proposal_operations_proposal
    ON proposal_async_operations (proposal_id, created_at COLLATE "C", operation_id COLLATE "C");
CREATE INDEX IF NOT EXISTS ix_console_proposal_idempotency_proposal
    ON proposal_idempotency (proposal_id, created_at COLLATE "C", idempotency_key COLLATE "C");
