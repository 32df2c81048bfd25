//! The search language: what the user types, parsed into a [`Query`]; and helpers for showing
//! results. No SQL here: the repository turns a `Query` into SQL (`src/db/repo/search.rs`).
//!
//! ```text
//! kube deploy            both words (in any order, anywhere in a row's text)
//! "code review"          the phrase
//! kube*                  a word starting with kube
//! kube OR docker         either (OR binds tighter than the implicit AND)
//! -docker  NOT docker    leave out rows with the word
//! pane:journal           only that pane (focus, journal, skills, meetings, goals, feedback,
//!                        energy; singular and plural forms too); repeat for several panes
//! tag:rust               rows tagged rust           person:ana   meetings attended by,
//! from:2026-01-01        on or after that day                      feedback with, action
//! to:2026-01-31          on or before that day                     items owned by Ana
//! is:open  is:done       tasks and action items not done (or done)
//! ```
//!
//! Results are ranked by relevance (bm25; a match in a title weighs more), then by date,
//! newest first; filters alone list their rows newest first. Case and accents are ignored
//! (`cafe` finds `Café`). Every word and phrase goes into the FTS5 expression as a quoted
//! string, so nothing typed can act as FTS5 syntax: the language above is the only syntax
//! there is, and anything malformed is a one-line message.

use crate::model::PaneKind;
use chrono::NaiveDate;

/// A word found in more rows than this is ranked among its newest this-many matches (that
/// pass the filters) only, so results keep coming back while typing however large the
/// record grows; more words or filters reach further back.
pub const RANKED_MATCHES: usize = 3_000;

/// The most hits one search may ask for (`worklog search --limit`): enough for any screen or
/// script, while a typo of a few extra zeros cannot ask to load the whole record.
pub const MAX_LIMIT: usize = 10_000;

/// Marks the start of a match in a snippet. Private-use: never in indexed text.
pub const MATCH_START: char = '\u{E000}';
/// Marks the end of a match in a snippet.
pub const MATCH_END: char = '\u{E001}';

/// A word or phrase to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The text as typed (a phrase when it holds several words).
    pub text: String,
    /// Its last word is a prefix (`kube*`).
    pub prefix: bool,
}

/// `is:` filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Tasks to do or doing, action items not done.
    Open,
    /// Tasks and action items done.
    Done,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Done => "done",
        }
    }
}

/// A parsed search.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// Every group must match; a group matches when any of its terms does.
    pub all: Vec<Vec<Term>>,
    /// Rows matching any of these are left out.
    pub none: Vec<Term>,
    /// Only these panes (empty: every pane).
    pub panes: Vec<PaneKind>,
    /// Rows carrying every one of these tags.
    pub tags: Vec<String>,
    /// Rows involving someone matching each of these (a name, or the start of any word of it).
    pub people: Vec<String>,
    /// Rows dated on or after this day (rows without a date are left out).
    pub from: Option<NaiveDate>,
    /// Rows dated on or before this day.
    pub to: Option<NaiveDate>,
    pub status: Option<Status>,
}

/// The filters, for messages.
const FILTERS: &str = "pane:, tag:, person:, from:, to: or is:";
const PANES: &str = "focus, journal, skills, meetings, goals, feedback or energy";

impl Query {
    /// Parses a query as typed and submitted. A malformed one gives a one-line message.
    pub fn parse(input: &str) -> Result<Query, String> {
        parse(input, false)
    }

    /// Parses a query still being typed, for results that follow each keystroke: the last
    /// word counts as a prefix unless a space follows it (`kube` finds `kubernetes`), an
    /// unclosed quote is closed, and a trailing `-`, `OR`, `AND`, `NOT` or empty filter is
    /// ignored until something follows it. Other mistakes are reported as by [`Query::parse`].
    pub fn parse_as_you_type(input: &str) -> Result<Query, String> {
        parse(input, true)
    }

    /// Nothing to search for and nothing to filter by.
    pub fn is_empty(&self) -> bool {
        !self.has_words()
            && self.none.is_empty()
            && self.panes.is_empty()
            && self.tags.is_empty()
            && self.people.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.status.is_none()
    }

    /// There are words to match (rather than filters alone).
    pub fn has_words(&self) -> bool {
        !self.all.is_empty()
    }

    /// The FTS5 expression rows must match: `None` when there are no words to look for.
    /// Every term is a quoted FTS5 string, so user text cannot inject operators.
    pub fn match_expression(&self) -> Option<String> {
        if self.all.is_empty() {
            return None;
        }
        let groups: Vec<String> = self
            .all
            .iter()
            .map(|g| match g.as_slice() {
                [one] => fts_term(one),
                many => format!(
                    "({})",
                    many.iter().map(fts_term).collect::<Vec<_>>().join(" OR ")
                ),
            })
            .collect();
        let mut expr = format!("({})", groups.join(" AND "));
        for t in &self.none {
            expr.push_str(" NOT ");
            expr.push_str(&fts_term(t));
        }
        Some(expr)
    }

    /// When there are only words to leave out: the FTS5 expression matching any of them.
    pub fn excluded_expression(&self) -> Option<String> {
        if self.has_words() || self.none.is_empty() {
            return None;
        }
        Some(
            self.none
                .iter()
                .map(fts_term)
                .collect::<Vec<_>>()
                .join(" OR "),
        )
    }
}

/// A term as an FTS5 string: `"text"`, with `"` doubled, and ` *` for a prefix. Control
/// characters (never part of a word) become spaces: FTS5 would take a NUL as the end of the
/// expression.
fn fts_term(t: &Term) -> String {
    let text: String = t
        .text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let quoted = format!("\"{}\"", text.replace('"', "\"\""));
    if t.prefix { quoted + " *" } else { quoted }
}

/// One lexed piece of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word {
        text: String,
        prefix: bool,
        negated: bool,
        /// A bare word with no `*` and nothing after it: as you type, it may be unfinished.
        open_ended: bool,
    },
    Or,
    And,
    Not,
    Filter {
        key: String,
        value: String,
        negated: bool,
    },
}

fn lex(input: &str, typing: bool) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = input.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let mut negated = false;
        if chars[i] == '-' {
            match chars.get(i + 1) {
                Some(c) if !c.is_whitespace() => {
                    negated = true;
                    i += 1;
                }
                None if typing => break,
                _ => return Err("- needs a word right after it, like: -docker".into()),
            }
        }
        if chars[i] == '"' {
            let (text, next) = read_quoted(&chars, i, typing)?;
            i = next;
            let prefix = chars.get(i) == Some(&'*');
            if prefix {
                i += 1;
            }
            tokens.push(Token::Word {
                text,
                prefix,
                negated,
                open_ended: false,
            });
            continue;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '"' {
            i += 1;
        }
        let chunk: String = chars[start..i].iter().collect();
        if !negated {
            let op = match chunk.as_str() {
                "OR" => Some(Token::Or),
                "AND" => Some(Token::And),
                "NOT" => Some(Token::Not),
                _ => None,
            };
            if let Some(op) = op {
                tokens.push(op);
                continue;
            }
        }
        if let Some((key, value)) = filter_parts(&chunk) {
            // `person:"Ana Souza"`: the value is the quoted phrase right after the colon.
            let value = if value.is_empty() && chars.get(i) == Some(&'"') {
                let (text, next) = read_quoted(&chars, i, typing)?;
                i = next;
                text
            } else {
                value.to_string()
            };
            tokens.push(Token::Filter {
                key: key.to_ascii_lowercase(),
                value,
                negated,
            });
            continue;
        }
        let (text, prefix) = match chunk.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (chunk.as_str(), false),
        };
        if text.contains('*') || (prefix && text.is_empty()) {
            return Err("* goes at the end of a word, like: kube*".into());
        }
        tokens.push(Token::Word {
            text: text.to_string(),
            prefix,
            negated,
            open_ended: !prefix && i == chars.len(),
        });
    }
    Ok(tokens)
}

/// Reads `"..."` starting at the quote at `start`; returns the text and the index after the
/// closing quote. Unclosed: an error, or (as you type) the rest of the input.
fn read_quoted(chars: &[char], start: usize, typing: bool) -> Result<(String, usize), String> {
    let body = start + 1;
    match chars[body..].iter().position(|&c| c == '"') {
        Some(len) => Ok((chars[body..body + len].iter().collect(), body + len + 1)),
        None if typing => Ok((chars[body..].iter().collect(), chars.len())),
        None => Err("a quote is not closed: add the closing \"".into()),
    }
}

/// `key:value` when `key` is letters only; a URL (`https://...`) is a word, not a filter.
fn filter_parts(chunk: &str) -> Option<(&str, &str)> {
    let (key, value) = chunk.split_once(':')?;
    if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphabetic()) || value.starts_with("//") {
        return None;
    }
    Some((key, value))
}

/// A term FTS5 would find nothing in (no letters or digits, like `&` or `--`) is dropped, as
/// the tokenizer would drop it.
fn searchable(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

fn parse(input: &str, typing: bool) -> Result<Query, String> {
    let mut tokens = lex(input, typing)?;
    if typing {
        // Unfinished trailing pieces wait for what comes next.
        let unfinished = |t: &Token| match t {
            Token::Or | Token::And | Token::Not => true,
            Token::Filter { value, .. } => value.is_empty(),
            Token::Word { .. } => false,
        };
        while tokens.last().is_some_and(unfinished) {
            tokens.pop();
        }
        if let Some(Token::Word {
            prefix, open_ended, ..
        }) = tokens.last_mut()
            && *open_ended
        {
            *prefix = true;
        }
    }

    let mut q = Query::default();
    // What came just before: a word to look for (which OR and AND may follow), an operator
    // waiting for its word, or anything else.
    let mut after_word = false;
    let mut pending: Option<Token> = None;
    for token in tokens {
        match token {
            Token::Or | Token::And => {
                if !after_word {
                    return Err(operator_message(&token));
                }
                after_word = false;
                pending = Some(token);
            }
            Token::Not => {
                if pending.is_some() {
                    return Err(operator_message(pending.as_ref().unwrap_or(&Token::Not)));
                }
                after_word = false;
                pending = Some(Token::Not);
            }
            Token::Word {
                text,
                prefix,
                negated,
                ..
            } => {
                let term = Term { text, prefix };
                let keep = searchable(&term.text);
                match pending.take() {
                    Some(Token::Or) if negated => {
                        return Err("OR joins words to look for, not words to leave out".into());
                    }
                    Some(Token::Or) => {
                        if let Some(group) = q.all.last_mut().filter(|_| keep) {
                            group.push(term);
                        }
                        after_word = true;
                        continue;
                    }
                    Some(Token::Not) => {
                        if negated {
                            return Err("use NOT or -, not both".into());
                        }
                        if keep {
                            q.none.push(term);
                        }
                        after_word = false;
                        continue;
                    }
                    _ => {}
                }
                if negated {
                    if keep {
                        q.none.push(term);
                    }
                    after_word = false;
                } else {
                    // An unsearchable word still holds its place, so `a & OR b` is not `a OR b`.
                    q.all.push(if keep { vec![term] } else { Vec::new() });
                    after_word = true;
                }
            }
            Token::Filter {
                key,
                value,
                negated,
            } => {
                if let Some(op) = pending.take() {
                    return Err(operator_message(&op));
                }
                if negated {
                    return Err(format!(
                        "-{key}: is not supported: - leaves out words, not filters"
                    ));
                }
                apply_filter(&mut q, &key, &value)?;
                after_word = false;
            }
        }
    }
    if let Some(op) = pending {
        return Err(operator_message(&op));
    }
    q.all.retain(|g| !g.is_empty());
    if let (Some(from), Some(to)) = (q.from, q.to)
        && from > to
    {
        return Err(format!("from:{from} is after to:{to}"));
    }
    Ok(q)
}

fn operator_message(op: &Token) -> String {
    match op {
        Token::Or => "OR needs a word on each side, like: kube OR docker".into(),
        Token::And => "AND needs a word on each side, like: kube AND docker".into(),
        _ => "NOT needs a word after it, like: kube NOT docker".into(),
    }
}

fn apply_filter(q: &mut Query, key: &str, value: &str) -> Result<(), String> {
    let value = value.trim();
    if value.is_empty() {
        let example = match key {
            "pane" => "pane:journal",
            "tag" => "tag:rust",
            "person" => "person:ana",
            "from" => "from:2026-01-01",
            "to" => "to:2026-01-31",
            "is" => "is:open",
            _ => return Err(unknown_filter(key)),
        };
        return Err(format!("{key}: needs a value, like: {example}"));
    }
    match key {
        "pane" => {
            let pane = pane_named(value)
                .ok_or_else(|| format!("pane: wants {PANES}; got {:?}", value.to_lowercase()))?;
            if !q.panes.contains(&pane) {
                q.panes.push(pane);
            }
        }
        "tag" => {
            let tag = value.trim_start_matches('#');
            if tag.is_empty() {
                return Err("tag: needs a value, like: tag:rust".into());
            }
            q.tags.push(tag.to_string());
        }
        "person" => q.people.push(value.trim_start_matches('@').to_string()),
        "from" => set_once(&mut q.from, "from", parse_day("from", value)?)?,
        "to" => set_once(&mut q.to, "to", parse_day("to", value)?)?,
        "is" => {
            let status = match value.to_ascii_lowercase().as_str() {
                "open" => Status::Open,
                "done" => Status::Done,
                _ => return Err(format!("is: wants open or done; got {value:?}")),
            };
            set_once(&mut q.status, "is", status)?;
        }
        _ => return Err(unknown_filter(key)),
    }
    Ok(())
}

fn unknown_filter(key: &str) -> String {
    format!(
        "unknown filter {key}: (filters are {FILTERS}; put a word with a colon in quotes to search for it)"
    )
}

fn set_once<T: PartialEq>(slot: &mut Option<T>, key: &str, value: T) -> Result<(), String> {
    match slot {
        Some(old) if *old != value => Err(format!("{key}: is given twice; use it once")),
        _ => {
            *slot = Some(value);
            Ok(())
        }
    }
}

fn parse_day(key: &str, value: &str) -> Result<NaiveDate, String> {
    // Exactly YYYY-MM-DD (chrono alone would also take 2026-1-5).
    let shaped = value.len() == 10
        && value.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    shaped
        .then(|| NaiveDate::parse_from_str(value, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| format!("{key}: wants a date like 2026-01-31; got {value:?}"))
}

/// A pane by any of its names: `journal`, `entries`, `task`, `checkins`, ...
pub fn pane_named(name: &str) -> Option<PaneKind> {
    let pane = match name.to_lowercase().as_str() {
        "focus" | "task" | "tasks" => PaneKind::Focus,
        "journal" | "journals" | "learning" | "learnings" | "entry" | "entries" => {
            PaneKind::Journal
        }
        "skill" | "skills" | "assessment" | "assessments" => PaneKind::Skills,
        "meeting" | "meetings" | "action" | "actions" => PaneKind::Meetings,
        "goal" | "goals" | "milestone" | "milestones" => PaneKind::Goals,
        "feedback" | "feedbacks" => PaneKind::Feedback,
        "energy" | "checkin" | "checkins" | "check-in" | "check-ins" => PaneKind::Energy,
        _ => return None,
    };
    Some(pane)
}

/// A character FTS5's unicode61 tokenizer keeps in a word: letters, digits, private-use
/// characters and combining marks; everything else separates words.
fn word_char(c: char) -> bool {
    c.is_alphanumeric()
        || ('\u{E000}'..='\u{F8FF}').contains(&c)
        || unicode_normalization::char::is_combining_mark(c)
}

/// A word folded as the index folds it (unicode61 `remove_diacritics 2` on SQLite,
/// `worklog_fold` on PostgreSQL): lower case, and the marks on Latin letters dropped, while
/// other scripts keep theirs.
pub fn fold_word(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut out = String::with_capacity(word.len());
    let mut after_latin = false;
    for c in word.to_lowercase().nfd() {
        if is_combining_mark(c) && after_latin {
            continue;
        }
        after_latin = c.is_ascii_alphabetic();
        out.push(c);
    }
    out.nfc().collect()
}

/// The words of a text as the index splits them: (start, end) byte offsets and the folded word.
fn words_of(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i, fold_word(&text[s..i])));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len(), fold_word(&text[s..])));
    }
    out
}

/// The phrases a snippet marks: every term to look for (not those left out), as its folded
/// words, and whether the last is a prefix. Terms that split into no words are left out.
fn phrases(q: &Query) -> Vec<(Vec<String>, bool)> {
    q.all
        .iter()
        .flatten()
        .map(|t| {
            let words: Vec<String> = words_of(&t.text).into_iter().map(|w| w.2).collect();
            (words, t.prefix)
        })
        .filter(|(w, _)| !w.is_empty())
        .collect()
}

/// Where the query's phrases occur among `words`: (phrase, first word, words long), in order of
/// position, then phrase (the order FTS5 gives its instances in).
fn instances(words: &[(usize, usize, String)], phrases: &[(Vec<String>, bool)]) -> Vec<[usize; 3]> {
    let mut out = Vec::new();
    for (p, (phrase, prefix)) in phrases.iter().enumerate() {
        let n = phrase.len();
        for start in 0..words.len().saturating_sub(n - 1) {
            let hit = phrase.iter().enumerate().all(|(k, w)| {
                let word = &words[start + k].2;
                if *prefix && k == n - 1 {
                    word.starts_with(w.as_str())
                } else {
                    word == w
                }
            });
            if hit {
                out.push([p, start, n]);
            }
        }
    }
    out.sort_by_key(|&[p, start, _]| (start, p));
    out
}

/// How good a snippet of `size` words starting at word `pos` is (1000 for each phrase it shows,
/// 1 for each repeat), and where to start it so that its matches sit in the middle.
fn window_score(
    inst: &[[usize; 3]],
    phrase_count: usize,
    doc_size: usize,
    pos: usize,
    size: usize,
) -> (u64, usize) {
    let mut seen = vec![false; phrase_count];
    let mut score = 0;
    let (mut first, mut last) = (None, 0);
    for &[p, off, len] in inst {
        if off >= pos && off < pos + size {
            score += if seen[p] { 1 } else { 1000 };
            seen[p] = true;
            first.get_or_insert(off);
            last = off + len;
        }
    }
    let first = first.unwrap_or(pos) as i64;
    let (size, doc_size) = (size as i64, doc_size as i64);
    let mut adjusted = first - (size - (last as i64 - first)) / 2;
    if adjusted + size > doc_size {
        adjusted = doc_size - size;
    }
    (score, usize::try_from(adjusted).unwrap_or(0))
}

/// A snippet of a row's text, made as SQLite's FTS5 `snippet()` makes it, for a backend whose
/// own (PostgreSQL's `ts_headline`) would not mark `Café` for `cafe`: the column and the
/// `size` words showing the most of the query's phrases (a window starting a sentence gains a
/// little), matches between [`MATCH_START`] and [`MATCH_END`], and `…` where text is cut.
pub fn snippet(columns: &[&str], q: &Query, size: usize) -> String {
    let phrases = phrases(q);
    let size = size.max(1);
    let words: Vec<_> = columns.iter().map(|c| words_of(c)).collect();
    let inst: Vec<_> = words.iter().map(|w| instances(w, &phrases)).collect();
    let (mut best_score, mut best_col, mut best_start) = (0, 0, 0);
    for (col, text) in columns.iter().enumerate() {
        let doc_size = words[col].len();
        // Sentence starts: the first word, and each word after '.' or ':' and white space.
        let mut firsts = Vec::new();
        for (i, &(start, _, _)) in words[col].iter().enumerate() {
            let before = text[..start].trim_end_matches([' ', '\t', '\n', '\r']);
            if i == 0 || (before.len() < start && (before.ends_with('.') || before.ends_with(':')))
            {
                firsts.push(i);
            }
        }
        for &[_, off, _] in &inst[col] {
            let (score, adjusted) = window_score(&inst[col], phrases.len(), doc_size, off, size);
            if score > best_score {
                (best_score, best_col, best_start) = (score, col, adjusted);
            }
            if !firsts.is_empty() && doc_size > size {
                let jj = firsts
                    .windows(2)
                    .position(|w| w[1] > off)
                    .unwrap_or(firsts.len() - 1);
                if firsts[jj] < off {
                    let (score, _) =
                        window_score(&inst[col], phrases.len(), doc_size, firsts[jj], size);
                    let score = score + if firsts[jj] == 0 { 120 } else { 100 };
                    if score > best_score {
                        (best_score, best_col, best_start) = (score, col, firsts[jj]);
                    }
                }
            }
        }
    }
    let Some(text) = columns.get(best_col) else {
        return String::new();
    };
    let words = &words[best_col];
    // Matches as runs of words, overlapping ones made one, from the window's start on.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for &[_, off, len] in &inst[best_col] {
        let end = off + len - 1;
        match spans.last_mut() {
            Some(last) if off <= last.1 => last.1 = last.1.max(end),
            _ => spans.push((off, end)),
        }
    }
    let mut spans = spans.into_iter().filter(|s| s.0 >= best_start);
    let mut span = spans.next();
    let range_end = best_start + size - 1;
    let mut out = String::new();
    if best_start > 0 {
        out.push('…');
    }
    let mut at = 0;
    for (pos, &(start, end, _)) in words.iter().enumerate() {
        if pos < best_start || pos > range_end {
            continue;
        }
        if best_start > 0 && pos == best_start {
            at = start;
        }
        if let Some((from, to)) = span {
            if pos == from {
                out.push_str(&text[at..start]);
                out.push(MATCH_START);
                at = start;
            }
            if pos == to {
                out.push_str(&text[at..end]);
                out.push(MATCH_END);
                at = end;
                span = spans.next();
            }
        }
        if pos == range_end {
            out.push_str(&text[at..end]);
            at = end;
            if span.is_some_and(|(from, to)| pos >= from && pos < to) {
                out.push(MATCH_END);
            }
        }
    }
    if range_end + 1 >= words.len() {
        out.push_str(&text[at..]);
    } else {
        out.push('…');
    }
    out
}

/// Splits a snippet into runs of text, each with whether it is a match. Marker characters
/// never appear in the runs; stray or unbalanced markers are tolerated.
pub fn segments(snippet: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut inside = false;
    let mut start = 0;
    for (i, c) in snippet.char_indices() {
        if c == MATCH_START || c == MATCH_END {
            if i > start {
                out.push((&snippet[start..i], inside));
            }
            inside = c == MATCH_START;
            start = i + c.len_utf8();
        }
    }
    if start < snippet.len() {
        out.push((&snippet[start..], inside));
    }
    out
}

/// The snippet without its match markers.
pub fn plain(snippet: &str) -> String {
    snippet
        .chars()
        .filter(|&c| c != MATCH_START && c != MATCH_END)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(text: &str) -> Term {
        Term {
            text: text.into(),
            prefix: false,
        }
    }

    fn prefix(text: &str) -> Term {
        Term {
            text: text.into(),
            prefix: true,
        }
    }

    fn ok(input: &str) -> Query {
        Query::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"))
    }

    fn err(input: &str) -> String {
        match Query::parse(input) {
            Ok(q) => panic!("{input:?} parsed as {q:?}"),
            Err(e) => {
                assert!(!e.contains('\n'), "one line: {e:?}");
                e
            }
        }
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn words_are_and_ed_and_quoted_for_fts5() {
        let q = ok("kube  deploy");
        assert_eq!(q.all, vec![vec![term("kube")], vec![term("deploy")]]);
        assert_eq!(
            q.match_expression().as_deref(),
            Some(r#"("kube" AND "deploy")"#)
        );
        assert!(q.has_words() && !q.is_empty());
    }

    #[test]
    fn phrases_prefixes_or_and_exclusions() {
        let q = ok(r#""code review" kube* docker OR podman -helm NOT "old stuff"*"#);
        assert_eq!(
            q.all,
            vec![
                vec![term("code review")],
                vec![prefix("kube")],
                vec![term("docker"), term("podman")],
            ]
        );
        assert_eq!(q.none, vec![term("helm"), prefix("old stuff")]);
        assert_eq!(
            q.match_expression().as_deref(),
            Some(
                r#"("code review" AND "kube" * AND ("docker" OR "podman")) NOT "helm" NOT "old stuff" *"#
            )
        );
        assert_eq!(ok("a AND b").all, ok("a b").all);
    }

    #[test]
    fn fts5_syntax_in_user_text_stays_literal() {
        // Column filters, NEAR, ^, parentheses, lower-case operators: all plain words.
        let q = ok(r#""title:x" NEAR(a b) ^start (paren) or and not c++ don't"#);
        let expr = q.match_expression().unwrap();
        assert!(
            expr.starts_with(r#"("title:x" AND "NEAR(a" AND "b)""#),
            "{expr}"
        );
        assert!(expr.contains(r#""or" AND "and" AND "not""#), "{expr}");
        assert!(expr.contains(r#""don't""#), "{expr}");
        // Only the quotes we add: every user term sits inside one FTS5 string.
        assert_eq!(expr.matches('"').count(), 2 * q.all.len());
        // A quote can only start or end a phrase, so one never lands inside a term.
        assert_eq!(
            ok("nul\u{0}byte").match_expression().as_deref(),
            Some(r#"("nul byte")"#)
        );
        let q = ok(r#"a"b c"d"#);
        assert_eq!(
            q.all,
            vec![vec![term("a")], vec![term("b c")], vec![term("d")]]
        );
    }

    #[test]
    fn terms_without_letters_or_digits_are_dropped() {
        assert_eq!(ok("& -- kube").all, vec![vec![term("kube")]]);
        assert!(ok("& —").is_empty());
        assert_eq!(ok("a & OR b").all, vec![vec![term("a")], vec![term("b")]]);
        assert_eq!(
            ok("café 東京").all,
            vec![vec![term("café")], vec![term("東京")]]
        );
    }

    #[test]
    fn filters() {
        let q = ok(
            "pane:journal pane:Tasks pane:check-ins tag:#rust person:ana \
                    person:\"Ana Souza\" from:2026-01-01 to:2026-01-31 is:open",
        );
        assert_eq!(
            q.panes,
            vec![PaneKind::Journal, PaneKind::Focus, PaneKind::Energy]
        );
        assert_eq!(q.tags, vec!["rust"]);
        assert_eq!(q.people, vec!["ana", "Ana Souza"]);
        assert_eq!(q.from, Some(day("2026-01-01")));
        assert_eq!(q.to, Some(day("2026-01-31")));
        assert_eq!(q.status, Some(Status::Open));
        assert!(!q.has_words() && !q.is_empty());
        assert_eq!(q.match_expression(), None);
        assert_eq!(ok("is:DONE").status, Some(Status::Done));
        for (name, pane) in [
            ("focus", PaneKind::Focus),
            ("learnings", PaneKind::Journal),
            ("skill", PaneKind::Skills),
            ("meeting", PaneKind::Meetings),
            ("goal", PaneKind::Goals),
            ("milestones", PaneKind::Goals),
            ("feedback", PaneKind::Feedback),
            ("energy", PaneKind::Energy),
        ] {
            assert_eq!(ok(&format!("pane:{name}")).panes, vec![pane], "{name}");
        }
        // Not filters: times, URLs, a quoted word with a colon.
        assert_eq!(ok("10:30").all, vec![vec![term("10:30")]]);
        assert_eq!(
            ok("https://example.com").all,
            vec![vec![term("https://example.com")]]
        );
        assert_eq!(ok("\"note:\"").all, vec![vec![term("note:")]]);
    }

    #[test]
    fn only_words_to_leave_out() {
        let q = ok("-helm NOT docker pane:focus");
        assert!(!q.has_words());
        assert_eq!(q.match_expression(), None);
        assert_eq!(
            q.excluded_expression().as_deref(),
            Some(r#""helm" OR "docker""#)
        );
    }

    #[test]
    fn empty_queries() {
        assert!(ok("").is_empty());
        assert!(ok("   \t ").is_empty());
        assert_eq!(ok("").match_expression(), None);
    }

    #[test]
    fn every_malformed_query_is_a_gentle_one_line_message() {
        assert!(err("\"code review").contains("quote is not closed"));
        assert!(err("kube \"").contains("quote is not closed"));
        assert!(err("person:\"ana").contains("quote is not closed"));
        for bare in [
            "OR",
            "OR kube",
            "kube OR",
            "kube OR OR docker",
            "pane:focus OR kube",
        ] {
            assert!(err(bare).contains("OR needs a word on each side"), "{bare}");
        }
        assert!(err("AND kube").contains("AND needs"));
        assert!(err("kube NOT").contains("NOT needs a word after it"));
        assert!(err("NOT NOT kube").contains("NOT needs"));
        assert!(err("NOT -kube").contains("not both"));
        assert!(err("kube OR -docker").contains("OR joins words"));
        assert!(err("-").contains("- needs a word"));
        assert!(err("kube - docker").contains("- needs a word"));
        assert!(err("*").contains("* goes at the end"));
        assert!(err("*kube").contains("* goes at the end"));
        assert!(err("ku*be").contains("* goes at the end"));
        assert!(err("kube**").contains("* goes at the end"));
        assert!(err("colour:red").contains("unknown filter colour:"));
        assert!(err("pane:nowhere").contains("pane: wants focus, journal"));
        assert!(err("pane:").contains("pane: needs a value"));
        assert!(err("tag:").contains("tag: needs a value"));
        assert!(err("tag:#").contains("tag: needs a value"));
        assert!(err("person:").contains("person: needs a value"));
        assert!(err("is:").contains("is: needs a value"));
        assert!(err("is:closed").contains("is: wants open or done"));
        assert!(err("is:open is:done").contains("is: is given twice"));
        for bad in [
            "from:2026-13-01",
            "from:2026-02-30",
            "from:yesterday",
            "from:2026-1-5",
            "from:20260101",
        ] {
            assert!(
                err(bad).contains("from: wants a date like 2026-01-31"),
                "{bad}"
            );
        }
        assert!(err("to:01/31/2026").contains("to: wants a date"));
        assert!(err("from:2026-01-01 from:2026-02-01").contains("given twice"));
        assert!(err("from:2026-02-01 to:2026-01-01").contains("is after"));
        assert!(err("-tag:rust").contains("leaves out words, not filters"));
        // Control characters in the input are quoted, never echoed raw.
        assert!(err("pane:\u{1b}[2J").contains("\\u{1b}"));
    }

    #[test]
    fn as_you_type_is_forgiving_at_the_end() {
        let typing = |s: &str| Query::parse_as_you_type(s).unwrap();
        assert_eq!(typing("kube").all, vec![vec![prefix("kube")]]);
        assert_eq!(typing("kube ").all, vec![vec![term("kube")]]);
        assert_eq!(
            typing("deploy kub").all,
            vec![vec![term("deploy")], vec![prefix("kub")]]
        );
        assert_eq!(typing("\"code rev").all, vec![vec![term("code rev")]]);
        assert_eq!(typing("kube OR").all, vec![vec![term("kube")]]);
        assert_eq!(typing("kube -").all, vec![vec![term("kube")]]);
        assert_eq!(typing("kube pane:").all, vec![vec![term("kube")]]);
        assert!(typing("kube pane:").panes.is_empty());
        assert_eq!(typing("-hel").none, vec![prefix("hel")]);
        assert!(Query::parse_as_you_type("pane:jour").is_err());
        assert!(Query::parse_as_you_type("OR kube").is_err());
    }

    #[test]
    fn snippets_mark_folded_matches_as_fts5_does() {
        let (s, e) = (MATCH_START, MATCH_END);
        let q = ok("cafe");
        assert_eq!(
            snippet(&["Café culture", "the café reopened"], &q, 12),
            format!("{s}Café{e} culture")
        );
        // A phrase is one mark; a prefix marks the whole word; words left out are not marked.
        let q = ok("\"drain nodes\" fir* -zebra");
        assert_eq!(
            snippet(&["Upgrade", "drain nodes first, then zebra"], &q, 12),
            format!("{s}drain nodes{e} {s}first{e}, then zebra")
        );
        // A long text: the window of 4 words around the match, cut with an ellipsis.
        let q = ok("heron");
        let body = "one two three four five six seven heron eight nine ten eleven twelve";
        assert_eq!(
            snippet(&["", body], &q, 4),
            format!("…seven {s}heron{e} eight nine…")
        );
        // A window starting a sentence is preferred when it shows as much.
        let body = "one two three four. Five six heron seven eight nine ten";
        assert_eq!(
            snippet(&["", body], &q, 4),
            format!("…Five six {s}heron{e} seven…")
        );
        assert_eq!(fold_word("İSTANBUL"), "istanbul");
        assert_eq!(fold_word("Ελληνικά"), "ελληνικά");
    }

    #[test]
    fn segments_split_marked_snippets() {
        let s = format!("a {MATCH_START}kube{MATCH_END} and {MATCH_START}cafés{MATCH_END}");
        assert_eq!(
            segments(&s),
            vec![
                ("a ", false),
                ("kube", true),
                (" and ", false),
                ("cafés", true)
            ]
        );
        assert_eq!(plain(&s), "a kube and cafés");
        assert_eq!(segments("plain"), vec![("plain", false)]);
        assert_eq!(segments(""), Vec::<(&str, bool)>::new());
        // Unbalanced markers: still every character of text, none of the markers.
        let odd = format!("{MATCH_END}x{MATCH_START}y");
        assert_eq!(segments(&odd), vec![("x", false), ("y", true)]);
    }
}
