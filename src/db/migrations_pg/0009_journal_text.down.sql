-- Undo of 0009_journal_text (nothing was created).
UPDATE worklog_version SET version = 8;
