-- Undo of 0014_attachments. The files under attachments/ are left where they are (a later
-- `worklog check --repair` removes those no kept backup needs).
DROP TRIGGER attachments_history_ai;
DROP TRIGGER attachments_history_au;
DROP TRIGGER attachments_history_ad;
DROP TABLE attachments;
