-- Names that differ only by accents, case or spacing are one person or tag (issue 12): see
-- src/db/migrations/0007_name_keys.up.sql. fold_name (migration 1) is text::name_key in SQL.
-- The key is indexed but not unique.
ALTER TABLE people ADD COLUMN name_key text COLLATE "C";
UPDATE people SET name_key = fold_name(name);
CREATE INDEX people_name_key ON people(name_key);

ALTER TABLE tags ADD COLUMN name_key text COLLATE "C";
UPDATE tags SET name_key = fold_name(name);
CREATE INDEX tags_name_key ON tags(name_key);

UPDATE worklog_version SET version = 7;
