//! Search over every pane, through the full-text index of migration 0003 (`search_docs` and its
//! FTS5 index `search`, kept in step by triggers: read that file's header first).
//!
//! A search runs in two steps. The first finds the ids of the best `limit` rows, sorting only
//! ids (by bm25, then recency; or by recency alone for filters without words). The second
//! loads those rows with their titles and snippets: computing a snippet or a title for every
//! match of a common word before sorting would cost more than the search itself.

use super::Repo;
use super::exchange::Ending;
use super::util::*;
use crate::db::error::{Error, Result};
use crate::db::sql::types::Value;
use crate::db::sql::{Backend, Connection, Row, params};
use crate::model::{HitKind, Id, PaneKind, SearchHit};
use crate::search::{MATCH_END, MATCH_START, Query, RANKED_MATCHES, Term};
use chrono::{Days, NaiveDate};
use std::collections::HashMap;

/// Title matches weigh this many times more than matches in the rest of the text.
const TITLE_WEIGHT: f64 = 5.0;
/// Words of context a snippet shows around its matches (FTS5 allows up to 64).
const SNIPPET_WORDS: usize = 12;

/// The columns of a hit, from `search_docs d`. Rows without a title of their own are named
/// by what they belong to.
const HIT_COLUMNS: &str = "d.pane, d.kind, d.ref, d.target, d.at,
    CASE d.kind
        WHEN 'assessment' THEN (SELECT s.name || ' · level ' || p.level
            FROM skill_progress p JOIN skills s ON s.id = p.skill_id WHERE p.id = d.ref)
        WHEN 'feedback' THEN (SELECT CASE f.direction WHEN 'given' THEN 'given to ' ELSE 'from ' END
            || pe.name FROM feedback f JOIN people pe ON pe.id = f.person_id WHERE f.id = d.ref)
        WHEN 'checkin' THEN (SELECT 'energy ' || c.level || '/5'
            FROM energy_checkins c WHERE c.id = d.ref)
        ELSE d.title
    END";

/// SQL with numbered parameters, built from fixed fragments; user values are only ever bound.
#[derive(Default)]
struct Sql {
    text: String,
    params: Vec<Value>,
}

impl Sql {
    /// Binds a value and returns its placeholder.
    fn bind(&mut self, v: impl Into<Value>) -> String {
        self.params.push(v.into());
        format!("?{}", self.params.len())
    }
}

/// Appends the query's filters to `sql` as `AND ...` conditions on `search_docs d`.
fn push_filters(sql: &mut Sql, q: &Query) -> Result<()> {
    if !q.panes.is_empty() {
        let names: Vec<&str> = q.panes.iter().map(|p| p.as_str()).collect();
        let json = serde_json::to_string(&names).map_err(|e| Error::Sqlite(e.to_string()))?;
        let p = sql.bind(json);
        sql.text.push_str(&format!(
            " AND d.pane IN (SELECT value FROM json_each({p}))"
        ));
    }
    for tag in &q.tags {
        // The tag spelled any way (accents, case): after an upgrade there may be several.
        let p = sql.bind(name_key(tag));
        let tag_id = format!("(SELECT id FROM tags WHERE name_key = {p})");
        sql.text.push_str(&format!(
            " AND d.key IN (
                SELECT task_id * 16 + 1 FROM task_tags WHERE tag_id IN {tag_id}
                UNION ALL SELECT learning_id * 16 + 2 FROM learning_tags WHERE tag_id IN {tag_id}
                UNION ALL SELECT skill_id * 16 + 3 FROM skill_tags WHERE tag_id IN {tag_id}
                UNION ALL SELECT meeting_id * 16 + 5 FROM meeting_tags WHERE tag_id IN {tag_id}
                UNION ALL SELECT goal_id * 16 + 7 FROM goal_tags WHERE tag_id IN {tag_id}
                UNION ALL SELECT feedback_id * 16 + 9 FROM feedback_tags WHERE tag_id IN {tag_id}
                UNION ALL SELECT checkin_id * 16 + 10 FROM checkin_tags WHERE tag_id IN {tag_id})"
        ));
    }
    for person in &q.people {
        // The name, or the start of any word in it: `ana` and `souza` find Ana Souza.
        // Matched on the folded key, so `person:INÈS` and `person:ines` find Inès.
        let p = sql.bind(format!("% {}%", like_escape(&name_key(person))));
        let who = format!("(SELECT id FROM people WHERE ' ' || name_key LIKE {p} ESCAPE '\\')");
        sql.text.push_str(&format!(
            " AND d.key IN (
                SELECT meeting_id * 16 + 5 FROM meeting_attendees WHERE person_id IN {who}
                UNION ALL SELECT id * 16 + 9 FROM feedback WHERE person_id IN {who}
                UNION ALL SELECT id * 16 + 6 FROM action_items WHERE owner_id IN {who})"
        ));
    }
    if let Some(from) = q.from {
        let p = sql.bind(day_text(from));
        sql.text.push_str(&format!(" AND d.at >= {p}"));
    }
    // `at` is a day or a moment on it: before the next day's start is on or before the day.
    if let Some(after) = q.to.and_then(|to| to.checked_add_days(Days::new(1))) {
        let p = sql.bind(day_text(after));
        sql.text.push_str(&format!(" AND d.at < {p}"));
    }
    if let Some(status) = q.status {
        let p = sql.bind(status.as_str().to_string());
        sql.text.push_str(&format!(" AND d.status = {p}"));
    }
    Ok(())
}

/// A hit from `d.id, ` [`HIT_COLUMNS`] and one more column: the snippet.
fn hit_from_row(r: &Row<'_>) -> crate::db::sql::Result<SearchHit> {
    let at: Option<String> = r.get(5)?;
    Ok(SearchHit {
        pane: get_enum(r, 1, PaneKind::parse)?,
        kind: get_enum(r, 2, HitKind::parse)?,
        id: r.get(3)?,
        target_id: r.get(4)?,
        date: at
            .as_deref()
            .and_then(|a| a.get(..10))
            .and_then(|d| NaiveDate::parse_from_str(d, DAY).ok()),
        title: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
        snippet: r.get(7)?,
    })
}

/// The first words of a row's text beyond its title, for hits found by filters alone.
fn opening(text: &str) -> String {
    let mut words = text.split_whitespace();
    let mut out: Vec<&str> = words.by_ref().take(SNIPPET_WORDS * 2).collect();
    if words.next().is_some() {
        out.push("…");
    }
    out.join(" ")
}

/// A name from our own schema, checked before it is spliced into SQL.
fn plain_name(name: &str) -> Result<&str> {
    if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Ok(name)
    } else {
        Err(Error::Sqlite(format!(
            "the schema has an object named {name:?}; it was not written by worklog"
        )))
    }
}

/// SQL that indexes every row anew: every `search_src_*` view (each says what one kind of
/// row puts in the index), oldest first so ids follow dates as after migration 3, then the
/// full-text index in one pass. Run it with the index's triggers absent (a bulk load, the SQL
/// dump), so that each row is indexed once, from the finished tables: replaying the triggers
/// row by row in table order gets wrong whatever depends on rows loaded later (a goal under a
/// deleted goal with a higher id) and costs the triggers' work per row. `None` before
/// migration 3.
pub(crate) fn search_rebuild_sql(conn: &Connection) -> Result<Option<String>> {
    let views: Vec<String> = conn
        .prepare_cached(
            "SELECT name FROM sqlite_schema WHERE type = 'view' AND name LIKE 'search\\_src\\_%' ESCAPE '\\'
             ORDER BY rowid",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<crate::db::sql::Result<_>>()?;
    if views.is_empty() {
        return Ok(None);
    }
    let mut union = Vec::with_capacity(views.len());
    for v in &views {
        union.push(format!("SELECT * FROM {}", plain_name(v)?));
    }
    let mut sql = format!(
        "DELETE FROM search_docs;\n\
         INSERT INTO search_docs SELECT NULL, * FROM ({}) ORDER BY at, key;\n\
         INSERT INTO search (search) VALUES ('rebuild');",
        union.join(" UNION ALL ")
    );
    // The Journal filter's trigram index (migration 9) reads the journal itself.
    let journal_text: bool = conn
        .prepare_cached(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'search_learnings'",
        )?
        .query_row([], |r| r.get(0))?;
    if journal_text {
        sql.push_str("\nINSERT INTO search_learnings (search_learnings) VALUES ('rebuild');");
    }
    Ok(Some(sql))
}

/// The search index's triggers (on the source tables and on `search_docs`), in the order
/// they were made, as (name, SQL).
pub(crate) fn search_triggers(conn: &Connection) -> Result<Vec<(String, String)>> {
    Ok(conn
        .prepare_cached(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND sql IS NOT NULL
               AND (tbl_name = 'search_docs' OR name LIKE '%\\_search\\_%' ESCAPE '\\')
             ORDER BY rowid",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<crate::db::sql::Result<_>>()?)
}

impl Repo {
    /// Runs a bulk load `f` (an import of a worklog export, demo data) in one transaction (a
    /// savepoint inside the caller's) with the search index's triggers off, then indexes
    /// every row anew, in date order, and puts the triggers back. The index ends as a fresh
    /// build of the finished tables would make it (see [`search_rebuild_sql`]), and a million
    /// rows are indexed in one pass instead of a million trigger runs. The triggers are
    /// schema, so dropping them is undone with everything else if `f` or the rebuild fails.
    pub fn load_in_bulk<T, E: From<Error> + std::fmt::Display>(
        &self,
        f: impl FnOnce(&Repo) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.transaction(Ending::Commit, |repo| {
            let conn = repo.conn();
            if conn.backend() == crate::db::sql::Backend::Postgres {
                // As on SQLite, the index's triggers are off while the rows arrive (the
                // table's owner may switch its own triggers; foreign keys stay on), and one
                // rebuild indexes every row: a trigger run per row costs ~0.2 ms, minutes
                // for a million rows. ALTER TABLE is transactional: a failure undoes it.
                let indexed = repo.schema_version()? >= 3;
                let with_triggers: Vec<String> = if indexed {
                    let list = || -> Result<Vec<String>> {
                        Ok(conn
                            .prepare_cached(
                                "SELECT DISTINCT CAST(c.relname AS text) FROM pg_trigger t
                           JOIN pg_class c ON c.oid = t.tgrelid
                          WHERE NOT t.tgisinternal AND c.relnamespace =
                                (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
                          ORDER BY 1",
                            )?
                            .query_map([], |r| r.get(0))?
                            .collect::<crate::db::sql::Result<_>>()?)
                    };
                    list()?
                } else {
                    Vec::new()
                };
                let switch = |how: &str| -> Result<()> {
                    for table in &with_triggers {
                        conn.execute_batch(&format!(
                            "ALTER TABLE {} {how} TRIGGER USER",
                            crate::db::sql::pg::quote_ident(table)
                        ))?;
                    }
                    Ok(())
                };
                switch("DISABLE")?;
                let value = f(repo)?;
                switch("ENABLE")?;
                // Rows that arrived with their ids leave the identities behind them.
                conn.execute_batch("SELECT worklog_sync_identities()")
                    .map_err(Error::from)?;
                if indexed {
                    conn.execute_batch("SELECT search_rebuild()")
                        .map_err(Error::from)?;
                }
                return Ok(value);
            }
            let Some(rebuild) = search_rebuild_sql(conn)? else {
                return f(repo);
            };
            let triggers = search_triggers(conn)?;
            for (name, _) in &triggers {
                conn.execute_batch(&format!("DROP TRIGGER {}", plain_name(name)?))
                    .map_err(Error::from)?;
            }
            let value = f(repo)?;
            conn.execute_batch(&rebuild).map_err(Error::from)?;
            for (_, sql) in &triggers {
                conn.execute_batch(sql).map_err(Error::from)?;
            }
            Ok(value)
        })
    }

    /// Searches every pane. Hits come best first: by relevance (bm25, title matches weighing
    /// more), then the most recent; a query of filters alone lists its rows newest first.
    /// An empty query finds nothing.
    pub fn search(&self, q: &Query, limit: usize) -> Result<Vec<SearchHit>> {
        if q.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let postgres = self.conn().backend() == Backend::Postgres;
        match q.match_expression() {
            Some(_) if postgres => self.search_words_pg(q, limit),
            Some(expr) => self.search_words(q, &expr, limit),
            None => self.search_filters(q, limit),
        }
    }

    /// A term as a tsquery in PostgreSQL's text form, split and folded by the server exactly
    /// as the index is (`worklog_words`), its words in order (`<->`), the last one a prefix
    /// (`:*`) if asked. `None` for a term with no words (it can match nothing). The text comes
    /// from PostgreSQL itself, lexemes quoted, so user text never acts as tsquery syntax.
    fn pg_terms(&self, terms: &[&Term]) -> Result<Vec<Option<String>>> {
        // Control characters are never part of a word, and PostgreSQL's text cannot hold NUL.
        let texts: Vec<String> = terms
            .iter()
            .map(|t| {
                t.text
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect()
            })
            .collect();
        let json = serde_json::to_string(&texts).map_err(|e| Error::Sqlite(e.to_string()))?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT CAST(phraseto_tsquery('pg_catalog.simple', coalesce(worklog_words(value), ''))
                         AS TEXT)
             FROM json_each(?1) ORDER BY key",
        )?;
        let found: Vec<String> = stmt
            .query_map([json], |r| r.get(0))?
            .collect::<crate::db::sql::Result<_>>()?;
        Ok(found
            .into_iter()
            .zip(terms)
            .map(|(text, term)| {
                let text = text.trim();
                match (text.is_empty(), term.prefix) {
                    (true, _) => None,
                    (false, true) => Some(format!("({text}:*)")),
                    (false, false) => Some(format!("({text})")),
                }
            })
            .collect())
    }

    /// The query's words as one tsquery: groups ANDed (`&`), the terms of a group ORed (`|`),
    /// words left out as `& !`. `None` when a group can match nothing.
    fn pg_tsquery(&self, q: &Query) -> Result<Option<String>> {
        let terms: Vec<&Term> = q.all.iter().flatten().chain(&q.none).collect();
        let mut texts = self.pg_terms(&terms)?.into_iter();
        let mut groups = Vec::with_capacity(q.all.len());
        for group in &q.all {
            let alternatives: Vec<String> = texts.by_ref().take(group.len()).flatten().collect();
            if alternatives.is_empty() {
                return Ok(None);
            }
            groups.push(format!("({})", alternatives.join(" | ")));
        }
        let mut tsquery = groups.join(" & ");
        for excluded in texts.flatten() {
            if tsquery.is_empty() {
                tsquery = format!("!{excluded}");
            } else {
                tsquery.push_str(&format!(" & !{excluded}"));
            }
        }
        Ok((!tsquery.is_empty()).then_some(tsquery))
    }

    /// [`Repo::search_words`] on PostgreSQL: the tsvector's GIN index finds the matches, the
    /// newest RANKED_MATCHES of them (that pass the filters) are ranked, as on SQLite. The rank
    /// is `ts_rank_cd`, title words weighing TITLE_WEIGHT times body words (weights A and B of
    /// the tsvector) and divided by the row's number of words (normalization 2), so that, as
    /// with bm25, a match in a title or in a short text counts more (of the normalizations,
    /// 2 gave bm25's order most often on the data set of tests/search.rs; 1 + log(words) let
    /// a long text that repeats a word climb far above bm25's place for it); then newest
    /// first by date and key, as on SQLite. bm25's saturation of repeated words and its
    /// inverse document frequency have no counterpart, so a common word repeated in a long
    /// text can still rank a place or two apart from SQLite.
    /// Snippets are made in Rust ([`crate::search::snippet`]) as FTS5 makes them: the server's
    /// `ts_headline` would not mark `Café` for `cafe`.
    fn search_words_pg(&self, q: &Query, limit: i64) -> Result<Vec<SearchHit>> {
        let Some(tsquery) = self.pg_tsquery(q)? else {
            return Ok(Vec::new());
        };
        let window_size = i64::try_from(RANKED_MATCHES).unwrap_or(i64::MAX);
        let mut sql = Sql::default();
        let m = sql.bind(tsquery);
        let m = format!("CAST(CAST({m} AS TEXT) AS tsquery)");
        sql.text = format!("SELECT d.id, d.at, d.key, d.tsv FROM search_docs d WHERE d.tsv @@ {m}");
        push_filters(&mut sql, q)?;
        let size = sql.bind(window_size);
        let l = sql.bind(limit);
        let body_weight = 1.0 / TITLE_WEIGHT;
        sql.text = format!(
            "SELECT w.id FROM ({} ORDER BY d.at DESC NULLS LAST, d.key DESC LIMIT {size}) w
             ORDER BY ts_rank_cd(CAST('{{0, 0, {body_weight}, 1}}' AS real[]), w.tsv, {m}, 2) DESC,
                      w.at DESC NULLS LAST, w.key DESC
             LIMIT {l}",
            sql.text
        );
        let ids = self.ids(&sql)?;
        let json = serde_json::to_string(&ids).map_err(|e| Error::Sqlite(e.to_string()))?;
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT d.id, {HIT_COLUMNS}, d.title, d.body FROM search_docs d
             WHERE d.id IN (SELECT CAST(value AS BIGINT) FROM json_each(?1))"
        ))?;
        let mut by_id: HashMap<Id, SearchHit> = stmt
            .query_map([json], |r| {
                let mut hit = hit_from_row(r)?;
                let body: String = r.get(8)?;
                hit.snippet = crate::search::snippet(&[&hit.snippet, &body], q, SNIPPET_WORDS);
                Ok((r.get(0)?, hit))
            })?
            .collect::<crate::db::sql::Result<_>>()?;
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }

    fn search_words(&self, q: &Query, expr: &str, limit: i64) -> Result<Vec<SearchHit>> {
        // Ranking costs about a microsecond a match, so a word in tens of thousands of rows
        // is ranked among its newest RANKED_MATCHES (that pass the filters) only. "Newest" is
        // by date, then key, never by search_docs.id: ids follow the order rows happened to be
        // indexed, which differs between a database kept live and the same rows indexed anew
        // after a load, and the answers must not.
        //
        // A word with no more matches than the window is ranked whole, driven by the index
        // (CROSS JOIN keeps FTS5 outermost: matches drive, search_docs is looked up). For a
        // common word, the window is found by walking search_docs by date, newest first,
        // keeping rows among the matches (their ids, collected once) until it is full: that
        // stops early, where sorting every match by date would look up each of them (a
        // common word at a million rows matches ~100,000). The unary + keeps SQLite from
        // driving that walk by the matches instead. bm25 is then computed for the window
        // only.
        let window_size = i64::try_from(RANKED_MATCHES).unwrap_or(i64::MAX);
        let common: i64 = self
            .conn()
            .prepare_cached(
                "SELECT count(*) FROM (SELECT rowid FROM search WHERE search MATCH ?1 LIMIT ?2)",
            )?
            .query_row(params![expr, window_size + 1], |r| r.get(0))?;
        let mut sql = Sql::default();
        let m = sql.bind(expr.to_string());
        sql.text = format!(
            "SELECT search.rowid FROM search CROSS JOIN search_docs d ON d.id = search.rowid
             WHERE search MATCH {m}"
        );
        if common > window_size {
            let mut window = Sql::default();
            let wm = window.bind(expr.to_string());
            window.text = format!(
                "SELECT d.id FROM search_docs d INDEXED BY search_docs_at
                 WHERE +d.id IN (SELECT rowid FROM search WHERE search MATCH {wm})"
            );
            push_filters(&mut window, q)?;
            let size = window.bind(window_size);
            window
                .text
                .push_str(&format!(" ORDER BY d.at DESC, d.key DESC LIMIT {size}"));
            let ids = self.ids(&window)?;
            // The window's ids lie between its lowest and highest, usually a narrow range of
            // recent ids: FTS5 walks only that range (the BETWEEN), and the json_each test
            // picks the window out of it.
            let (Some(&lo), Some(&hi)) = (ids.iter().min(), ids.iter().max()) else {
                return Ok(Vec::new());
            };
            let json = serde_json::to_string(&ids).map_err(|e| Error::Sqlite(e.to_string()))?;
            let (lo, hi, json) = (sql.bind(lo), sql.bind(hi), sql.bind(json));
            sql.text.push_str(&format!(
                " AND search.rowid BETWEEN {lo} AND {hi}
                  AND +search.rowid IN (SELECT value FROM json_each({json}))"
            ));
        } else {
            push_filters(&mut sql, q)?;
        }
        let l = sql.bind(limit);
        sql.text.push_str(&format!(
            " ORDER BY bm25(search, {TITLE_WEIGHT:.1}, 1.0), d.at DESC, d.key DESC LIMIT {l}"
        ));
        let ids = self.ids(&sql)?;

        // Snippets for the hits in one pass over the matches between the first and last id:
        // the unary + keeps FTS5 from running the MATCH once per id (a prefix would merge its
        // terms' lists again each time).
        let (Some(&lo), Some(&hi)) = (ids.iter().min(), ids.iter().max()) else {
            return Ok(Vec::new());
        };
        let json = serde_json::to_string(&ids).map_err(|e| Error::Sqlite(e.to_string()))?;
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT d.id, {HIT_COLUMNS}, snippet(search, -1, ?2, ?3, '…', ?4)
             FROM search CROSS JOIN search_docs d ON d.id = search.rowid
             WHERE search MATCH ?1 AND search.rowid BETWEEN ?5 AND ?6
               AND +search.rowid IN (SELECT value FROM json_each(?7))"
        ))?;
        let mut by_id: HashMap<Id, SearchHit> = stmt
            .query_map(
                params![
                    expr,
                    MATCH_START.to_string(),
                    MATCH_END.to_string(),
                    SNIPPET_WORDS as i64,
                    lo,
                    hi,
                    json
                ],
                |r| Ok((r.get(0)?, hit_from_row(r)?)),
            )?
            .collect::<crate::db::sql::Result<_>>()?;
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }

    fn search_filters(&self, q: &Query, limit: i64) -> Result<Vec<SearchHit>> {
        // Newest first by date, then key (not id: see search_words), walking the date index
        // so the walk stops at `limit` rows; the planner would rather sort every row, since
        // the index does not hold the key. A tag or person filter is a small set of rows that
        // is better driven from, so then the planner chooses.
        let postgres = self.conn().backend() == Backend::Postgres;
        let by_date = if postgres {
            // No INDEXED BY on PostgreSQL; its planner walks search_docs_at by itself.
            ""
        } else if q.tags.is_empty() && q.people.is_empty() {
            " INDEXED BY search_docs_at"
        } else {
            ""
        };
        let mut sql = Sql {
            text: format!("SELECT d.id FROM search_docs d{by_date} WHERE true"),
            params: Vec::new(),
        };
        push_filters(&mut sql, q)?;
        if postgres && !q.none.is_empty() {
            let none: Vec<&Term> = q.none.iter().collect();
            let excluded: Vec<String> = self.pg_terms(&none)?.into_iter().flatten().collect();
            if !excluded.is_empty() {
                let p = sql.bind(excluded.join(" | "));
                sql.text.push_str(&format!(
                    " AND NOT d.tsv @@ CAST(CAST({p} AS TEXT) AS tsquery)"
                ));
            }
        } else if let Some(excluded) = q.excluded_expression() {
            let p = sql.bind(excluded);
            sql.text.push_str(&format!(
                " AND d.id NOT IN (SELECT rowid FROM search WHERE search MATCH {p})"
            ));
        }
        let l = sql.bind(limit);
        // SQLite sorts NULL first, so last when descending; PostgreSQL must be told.
        let nulls = if postgres { " NULLS LAST" } else { "" };
        sql.text
            .push_str(&format!(" ORDER BY d.at DESC{nulls}, d.key DESC LIMIT {l}"));
        let ids = self.ids(&sql)?;

        // The hits' columns in one query (titles of assessments and feedback are looked up
        // per row, so only for the rows kept), then put back in the order found.
        let json = serde_json::to_string(&ids).map_err(|e| Error::Sqlite(e.to_string()))?;
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT d.id, {HIT_COLUMNS}, d.body FROM search_docs d
             WHERE d.id IN (SELECT CAST(value AS BIGINT) FROM json_each(?1))"
        ))?;
        let mut by_id: HashMap<Id, SearchHit> = stmt
            .query_map([json], |r| Ok((r.get(0)?, hit_from_row(r)?)))?
            .collect::<crate::db::sql::Result<_>>()?;
        Ok(ids
            .iter()
            .filter_map(|id| by_id.remove(id))
            .map(|mut hit| {
                hit.snippet = opening(&hit.snippet);
                hit
            })
            .collect())
    }

    fn ids(&self, sql: &Sql) -> Result<Vec<Id>> {
        let mut stmt = self.conn().prepare_cached(&sql.text)?;
        let ids = stmt
            .query_map(crate::db::sql::params_from_iter(&sql.params), |r| r.get(0))?
            .collect::<crate::db::sql::Result<Vec<Id>>>()?;
        Ok(ids)
    }

    /// For the benchmark: what search would cost without the index. Scans the text of every
    /// live row with `LIKE '%word%'` (`ILIKE` on PostgreSQL, whose LIKE minds case) and
    /// returns the newest `limit` matches as (kind, id).
    #[doc(hidden)]
    pub fn search_like_baseline(&self, word: &str, limit: usize) -> Result<Vec<(String, Id)>> {
        let pattern = like_pattern(word);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        if self.conn().backend() == Backend::Postgres {
            return self.search_ilike_baseline(&pattern, limit);
        }
        let mut stmt = self.conn().prepare_cached(
            "SELECT kind, id FROM (
                SELECT 'task' AS kind, id, day AS at FROM tasks WHERE deleted_at IS NULL
                    AND (title LIKE ?1 ESCAPE '\\' OR notes LIKE ?1 ESCAPE '\\')
                UNION ALL SELECT 'learning', id, at FROM learnings WHERE deleted_at IS NULL
                    AND (title LIKE ?1 ESCAPE '\\' OR body LIKE ?1 ESCAPE '\\')
                UNION ALL SELECT 'skill', id, NULL FROM skills WHERE deleted_at IS NULL
                    AND (name LIKE ?1 ESCAPE '\\' OR description LIKE ?1 ESCAPE '\\')
                UNION ALL SELECT 'assessment', id, assessed_on FROM skill_progress
                    WHERE note LIKE ?1 ESCAPE '\\'
                UNION ALL SELECT 'meeting', id, starts_at FROM meetings WHERE deleted_at IS NULL
                    AND (title LIKE ?1 ESCAPE '\\' OR notes LIKE ?1 ESCAPE '\\')
                UNION ALL SELECT 'action_item', id, due_date FROM action_items
                    WHERE deleted_at IS NULL AND title LIKE ?1 ESCAPE '\\'
                UNION ALL SELECT 'goal', id, target_date FROM goals WHERE deleted_at IS NULL
                    AND (title LIKE ?1 ESCAPE '\\' OR description LIKE ?1 ESCAPE '\\')
                UNION ALL SELECT 'milestone', id, due_date FROM goal_milestones
                    WHERE title LIKE ?1 ESCAPE '\\'
                UNION ALL SELECT 'feedback', id, day FROM feedback WHERE deleted_at IS NULL
                    AND content LIKE ?1 ESCAPE '\\'
                UNION ALL SELECT 'checkin', id, at FROM energy_checkins WHERE deleted_at IS NULL
                    AND note LIKE ?1 ESCAPE '\\'
            ) ORDER BY at DESC LIMIT ?2",
        )?;
        let rows = stmt
            .query_map(params![pattern, limit], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<crate::db::sql::Result<_>>()?;
        Ok(rows)
    }

    /// [`Repo::search_like_baseline`] on PostgreSQL: the same scan with ILIKE, dates as
    /// SQLite's text so that they sort together.
    fn search_ilike_baseline(&self, pattern: &str, limit: i64) -> Result<Vec<(String, Id)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT kind, id FROM (
                SELECT 'task' AS kind, id, worklog_day_text(day) AS at FROM tasks
                    WHERE deleted_at IS NULL
                    AND (title ILIKE ?1 ESCAPE '\\' OR notes ILIKE ?1 ESCAPE '\\')
                UNION ALL SELECT 'learning', id, worklog_moment_text(at) FROM learnings
                    WHERE deleted_at IS NULL
                    AND (title ILIKE ?1 ESCAPE '\\' OR body ILIKE ?1 ESCAPE '\\')
                UNION ALL SELECT 'skill', id, NULL FROM skills WHERE deleted_at IS NULL
                    AND (name ILIKE ?1 ESCAPE '\\' OR description ILIKE ?1 ESCAPE '\\')
                UNION ALL SELECT 'assessment', id, worklog_day_text(assessed_on) FROM skill_progress
                    WHERE note ILIKE ?1 ESCAPE '\\'
                UNION ALL SELECT 'meeting', id, worklog_moment_text(starts_at) FROM meetings
                    WHERE deleted_at IS NULL
                    AND (title ILIKE ?1 ESCAPE '\\' OR notes ILIKE ?1 ESCAPE '\\')
                UNION ALL SELECT 'action_item', id, worklog_day_text(due_date) FROM action_items
                    WHERE deleted_at IS NULL AND title ILIKE ?1 ESCAPE '\\'
                UNION ALL SELECT 'goal', id, worklog_day_text(target_date) FROM goals
                    WHERE deleted_at IS NULL
                    AND (title ILIKE ?1 ESCAPE '\\' OR description ILIKE ?1 ESCAPE '\\')
                UNION ALL SELECT 'milestone', id, worklog_day_text(due_date) FROM goal_milestones
                    WHERE title ILIKE ?1 ESCAPE '\\'
                UNION ALL SELECT 'feedback', id, worklog_day_text(day) FROM feedback
                    WHERE deleted_at IS NULL AND content ILIKE ?1 ESCAPE '\\'
                UNION ALL SELECT 'checkin', id, worklog_moment_text(at) FROM energy_checkins
                    WHERE deleted_at IS NULL AND note ILIKE ?1 ESCAPE '\\'
            ) AS scan ORDER BY at DESC NULLS LAST LIMIT ?2",
        )?;
        let rows = stmt
            .query_map(params![pattern, limit], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<crate::db::sql::Result<_>>()?;
        Ok(rows)
    }

    /// For the benchmark: rows in the index, the bytes the index takes in the file (its tables
    /// and index, page by page with `dbstat`), and the whole file's bytes.
    #[doc(hidden)]
    pub fn search_index_stats(&self) -> Result<(i64, i64, i64)> {
        let c = self.conn();
        let indexed: bool = c.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'search_docs'",
            [],
            |r| r.get(0),
        )?;
        let (docs, bytes) = if indexed {
            c.query_row(
                "SELECT (SELECT count(*) FROM search_docs), (SELECT sum(pgsize) FROM dbstat
                     WHERE name IN ('search_docs', 'search_docs_at', 'sqlite_autoindex_search_docs_1',
                                'search_data', 'search_idx', 'search_docsize', 'search_config'))",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
        } else {
            (0, 0)
        };
        let total: i64 = c.query_row(
            "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
            [],
            |r| r.get(0),
        )?;
        Ok((docs, bytes, total))
    }
}

#[cfg(test)]
mod tests {
    use super::opening;

    #[test]
    fn opening_keeps_the_first_words_on_one_line() {
        assert_eq!(opening("  two\nlines\there "), "two lines here");
        let long = (1..=40)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(" ");
        let o = opening(&long);
        assert!(o.starts_with("1 2 3") && o.ends_with("24 …"), "{o}");
    }
}
