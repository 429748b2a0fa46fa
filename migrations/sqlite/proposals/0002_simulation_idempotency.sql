-- Replay cache of the stateless proposal-simulate endpoint (domain spec Part B §3.7).

CREATE TABLE IF NOT EXISTS proposal_simulation_idempotency (
    idempotency_key TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    response_json TEXT NOT NULL,
    created_at TEXT NOT NULL
);
