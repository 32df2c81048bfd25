-- The Journal's `/` filter through an index (issue 10) is, on SQLite, an FTS5 trigram table
-- (search_learnings) kept by triggers. PostgreSQL's trigram index needs the pg_trgm extension,
-- which worklog does not ask for (it needs no more than a role that owns its schema), so this
-- step has no table: on PostgreSQL the filter is contains_folded over learnings itself, a scan
-- of the live entries (learnings_live_at orders them). The step is kept so both backends
-- number their versions alike.
UPDATE worklog_version SET version = 9;
