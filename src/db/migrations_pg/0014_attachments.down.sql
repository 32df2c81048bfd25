-- Undo of 0014_attachments: the rows and the bytes go with the tables.
DROP TRIGGER attachments_history ON attachments;
DROP TABLE attachments;
DROP TABLE attachment_blobs;

UPDATE worklog_version SET version = 13;
