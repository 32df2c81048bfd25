-- Undo of 0014_attachments. The files under attachments/ are left where they are (a later
-- `worklog check --repair` removes those no kept backup needs).
DROP TABLE attachments;
