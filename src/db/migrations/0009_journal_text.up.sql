-- The Journal's `/` filter through an index (issue 10): it matches any part of a word, as it
-- did in memory ("view" finds "review"), which the word index of migration 3 cannot answer.
-- A trigram index can: a filter of three letters or more is looked up here, then checked
-- against the text itself, so a rare word costs what its matches cost, not a read of every
-- entry. It indexes the text of the `learnings` table itself (external content), deleted
-- entries too (the query leaves them out), and is kept in step by the triggers below; named
-- `search_…` as part of the search index, it is left out of exports and row counts, dropped
-- during bulk loads and rebuilt after them with the rest (`search_rebuild_sql`).
CREATE VIRTUAL TABLE search_learnings USING fts5(
    title, body,
    content = 'learnings', content_rowid = 'id',
    tokenize = 'trigram'
);

INSERT INTO search_learnings (search_learnings) VALUES ('rebuild');

CREATE TRIGGER learnings_search_text_ai AFTER INSERT ON learnings BEGIN
    INSERT INTO search_learnings (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER learnings_search_text_ad AFTER DELETE ON learnings BEGIN
    INSERT INTO search_learnings (search_learnings, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TRIGGER learnings_search_text_au AFTER UPDATE OF title, body ON learnings BEGIN
    INSERT INTO search_learnings (search_learnings, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO search_learnings (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
