-- The lineage graph's proposal node (ProposalStore::listCorrelationLinks): the versions whose
-- result carries a run's correlation id, found by an index on that id instead of a scan of every
-- version's result text. The id sits inside proposal_result_json, so the index is on an
-- expression: the top-level "correlation_id" of the result, or NULL when the text is not JSON
-- (json_valid first: a row that is not JSON must not fail a write of the service, Part A §11).
CREATE INDEX IF NOT EXISTS ix_console_proposal_versions_correlation
    ON proposal_versions ((CASE WHEN json_valid(proposal_result_json)
        THEN json_extract(proposal_result_json, '$.correlation_id') END));
