-- The lineage graph's proposal node (ProposalStore::listCorrelationLinks): the versions whose
-- result carries a run's correlation id, found by an index on that id instead of a scan of every
-- version's result text. The id sits inside proposal_result_json (TEXT in the service's layout),
-- so the index is on an expression: the top-level "correlation_id" of the result, or NULL when the
-- text is not a JSON object. The function never raises (a row that is not JSON must not fail a
-- write of the service, nor the index build, Part A §11): it only adds to the service's schema.
CREATE OR REPLACE FUNCTION console_proposal_result_correlation(result_json TEXT) RETURNS TEXT
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
BEGIN
    IF jsonb_typeof(result_json::jsonb) <> 'object' THEN
        RETURN NULL;
    END IF;
    RETURN result_json::jsonb ->> 'correlation_id';
EXCEPTION WHEN others THEN
    RETURN NULL;
END
$fn$;

CREATE INDEX IF NOT EXISTS ix_console_proposal_versions_correlation
    ON proposal_versions (console_proposal_result_correlation(proposal_result_json));
