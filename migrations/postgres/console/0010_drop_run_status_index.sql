-- console/0001's index on dpm_console_run_status(result_json) served the runs listing's status
-- filter and the per-day counts; since console/0007 both read console_run_list's own status index,
-- and no read of the console plans through this one any more. Keeping it cost every inserted run a
-- jsonb parse inside a subtransaction (the function's exception block), the largest share of a bulk
-- load of runs left after console/0009 (issue 18). The function stays: the triggers of
-- console/0004, 0007 and 0009 fall back to it when a payload is not JSON.
DROP INDEX IF EXISTS ix_console_runs_status_created;
