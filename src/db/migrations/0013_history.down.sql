-- PLACEHOLDER (see 0013_history.up.sql).
SELECT 1;
