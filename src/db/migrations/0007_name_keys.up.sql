-- Names that differ only by accents, case or spacing are one person or tag (issue 12): "Ines
-- Dubois" finds "Inès Dubois". `name_key` holds the folded name (see `text::name_key`), written
-- by the repository with every name; `fold_name` is the same function, registered on every
-- connection. The key is indexed but not unique: two people who already collide after folding
-- are both kept (merging them is the user's call), and quick capture uses the older one.
ALTER TABLE people ADD COLUMN name_key TEXT;
UPDATE people SET name_key = fold_name(name);
CREATE INDEX people_name_key ON people(name_key);

ALTER TABLE tags ADD COLUMN name_key TEXT;
UPDATE tags SET name_key = fold_name(name);
CREATE INDEX tags_name_key ON tags(name_key);
