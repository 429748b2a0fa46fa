-- console/0001's index on the runs' status expression served the runs listing's status filter and
-- the per-day counts; since console/0007 both read console_run_list's own status index, and no read
-- of the console plans through this one any more. Keeping it cost every inserted run a json_valid
-- and json_extract of its payload beside the one console/0009's trigger does (issue 18).
DROP INDEX IF EXISTS ix_console_runs_status_created;
