-- Goal windows (issue 10): the goals finished in a week or a month are found by their day in
-- an index, as the goals due are (goals_target_date), not by reading every finished goal.
CREATE INDEX goals_done_on ON goals(done_on);

UPDATE worklog_version SET version = 6;
