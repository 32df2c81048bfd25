-- Undo of 0009_journal_text.
DROP TRIGGER learnings_search_text_au;
DROP TRIGGER learnings_search_text_ad;
DROP TRIGGER learnings_search_text_ai;
DROP TABLE search_learnings;
