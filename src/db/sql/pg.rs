//! The PostgreSQL side of [`super::Connection`]: connecting (libpq's URL, environment and
//! password-file conventions), the dialect translation, and the conversions between
//! PostgreSQL's types and the values the repository reads and binds.

use super::{Error, Result, Value};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use postgres::types::{FromSql as PgFromSql, IsNull, ToSql as PgToSql, Type};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The schema worklog uses when none is named.
pub const DEFAULT_SCHEMA: &str = "worklog";

/// An open PostgreSQL session, working in one schema.
pub struct Session {
    client: RefCell<postgres::Client>,
    statements: RefCell<HashMap<String, postgres::Statement>>,
    in_transaction: Cell<bool>,
    /// The open transaction writes: its commit tells the other sessions (see [`CHANNEL`]).
    writing: Cell<bool>,
    /// Commits by other sessions to this schema seen so far: PostgreSQL's counterpart of
    /// SQLite's `PRAGMA data_version`.
    others_commits: Cell<i64>,
    /// This session's random name, so that it does not count its own commits.
    id: String,
    schema: String,
    /// The key of the advisory lock that serializes writers to this schema.
    writer_key: i64,
    /// The URL with its password removed: safe to show.
    shown: String,
}

/// Where to connect, as given by the user.
#[derive(Debug, Clone)]
pub struct Target {
    config: postgres::Config,
    tls: Tls,
    schema: String,
    shown: String,
}

#[derive(Debug, Clone)]
enum Tls {
    Disable,
    /// TLS if the server offers it (libpq's `prefer`, its default).
    Prefer,
    /// TLS, with the server's certificate checked against the roots (the system's, or
    /// `sslrootcert`) and its name against the host: libpq's `verify-full`. worklog checks the
    /// certificate for `require` and `verify-ca` as well, which only makes them stricter.
    Verify {
        root: Option<PathBuf>,
    },
}

/// True if `text` names a PostgreSQL server rather than a file.
pub fn is_url(text: &str) -> bool {
    text.starts_with("postgresql://") || text.starts_with("postgres://")
}

/// `url` with any password replaced by `***`: the only form of it worlog ever prints.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority_end, _) = rest
        .char_indices()
        .find(|(_, c)| matches!(c, '/' | '?'))
        .unwrap_or((rest.len(), ' '));
    let (authority, tail) = rest.split_at(authority_end);
    let mut out = format!("{scheme}://");
    match authority.rsplit_once('@') {
        Some((user_info, host)) => {
            let user = user_info.split(':').next().unwrap_or("");
            out.push_str(user);
            if user_info.contains(':') {
                out.push_str(":***");
            }
            out.push('@');
            out.push_str(host);
        }
        None => out.push_str(authority),
    }
    // A password can also be given as a query parameter.
    let mut tail = tail.to_string();
    if let Some((path, query)) = tail.clone().split_once('?') {
        let kept: Vec<String> = query
            .split('&')
            .map(|kv| match kv.split_once('=') {
                Some(("password", _)) => "password=***".to_string(),
                _ => kv.to_string(),
            })
            .collect();
        tail = format!("{path}?{}", kept.join("&"));
    }
    out.push_str(&tail);
    out
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Target {
    /// Reads a `postgresql://` URL, filling what it leaves out from libpq's environment
    /// variables (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGPASSWORD`, `PGSSLMODE`,
    /// `PGSSLROOTCERT`) and password file (`PGPASSFILE` or `~/.pgpass`). The schema comes from
    /// `schema` (`WORKLOG_SCHEMA`), else the URL's `search_path` option, else "worklog".
    pub fn parse(url: &str, schema: Option<&str>) -> Result<Target> {
        let shown = redact(url);
        let bad = |why: String| Error::Setup(format!("{shown}: {why}"));
        let (base, query) = match url.split_once('?') {
            Some((b, q)) => (b, q),
            None => (url, ""),
        };
        let mut kept = Vec::new();
        let mut sslmode = std::env::var("PGSSLMODE").ok();
        let mut rootcert = std::env::var("PGSSLROOTCERT").ok();
        let mut search_path = None;
        for kv in query.split('&').filter(|kv| !kv.is_empty()) {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            match k {
                "sslmode" => sslmode = Some(percent_decode(v)),
                "sslrootcert" => rootcert = Some(percent_decode(v)),
                "search_path" | "schema" => search_path = Some(percent_decode(v)),
                "options" => {
                    let opts = percent_decode(v);
                    if let Some(sp) = opts
                        .split_whitespace()
                        .find_map(|o| o.strip_prefix("-csearch_path="))
                    {
                        search_path = Some(sp.to_string());
                    } else {
                        kept.push(kv.to_string());
                    }
                }
                _ => kept.push(kv.to_string()),
            }
        }
        let url_for_driver = if kept.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", kept.join("&"))
        };
        let mut config: postgres::Config = url_for_driver
            .parse()
            .map_err(|e: postgres::Error| bad(format!("not a usable address ({e})")))?;
        if config.get_hosts().is_empty() {
            let host = std::env::var("PGHOST").unwrap_or_else(|_| "/var/run/postgresql".into());
            for h in host.split(',') {
                config.host(h);
            }
        }
        if config.get_ports().is_empty()
            && let Ok(p) = std::env::var("PGPORT")
        {
            {
                let port = p
                    .parse()
                    .map_err(|_| bad(format!("PGPORT {p:?} is not a port")))?;
                config.port(port);
            }
        }
        if config.get_user().is_none() {
            let user = std::env::var("PGUSER")
                .ok()
                .or_else(|| {
                    nix::unistd::User::from_uid(nix::unistd::getuid())
                        .ok()
                        .flatten()
                        .map(|u| u.name)
                })
                .ok_or_else(|| bad("no user is named (give one in the URL or PGUSER)".into()))?;
            config.user(&user);
        }
        if config.get_dbname().is_none() {
            let db = std::env::var("PGDATABASE")
                .ok()
                .or_else(|| config.get_user().map(str::to_string))
                .unwrap_or_default();
            config.dbname(&db);
        }
        if config.get_password().is_none() {
            if let Ok(p) = std::env::var("PGPASSWORD") {
                config.password(p);
            } else if let Some(p) = password_from_file(&config) {
                config.password(p);
            }
        }
        let tls = match sslmode.as_deref().unwrap_or("prefer") {
            "disable" => Tls::Disable,
            "allow" | "prefer" => Tls::Prefer,
            "require" | "verify-ca" | "verify-full" => Tls::Verify {
                root: rootcert.map(PathBuf::from),
            },
            other => return Err(bad(format!("unknown sslmode {other:?}"))),
        };
        config.application_name("worklog");
        let schema = schema
            .map(str::to_string)
            .or(search_path.map(|s| s.split(',').next().unwrap_or("").trim().to_string()))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| DEFAULT_SCHEMA.to_string());
        Ok(Target {
            config,
            tls,
            schema,
            shown,
        })
    }

    pub fn schema(&self) -> &str {
        &self.schema
    }

    /// The address with no password: safe for messages.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Connects, and creates the schema if it does not exist yet (the role needs the right to
    /// create schemas in the database for that, or an existing schema it owns).
    pub fn connect(&self) -> Result<Session> {
        let client = match &self.tls {
            Tls::Disable => {
                let mut c = self.config.clone();
                c.ssl_mode(postgres::config::SslMode::Disable);
                c.connect(postgres::NoTls)?
            }
            Tls::Prefer => {
                let mut c = self.config.clone();
                c.ssl_mode(postgres::config::SslMode::Prefer);
                c.connect(tls_connector(None)?)?
            }
            Tls::Verify { root } => {
                let mut c = self.config.clone();
                c.ssl_mode(postgres::config::SslMode::Require);
                c.connect(tls_connector(root.as_deref())?)?
            }
        };
        let session = Session {
            client: RefCell::new(client),
            statements: RefCell::new(HashMap::new()),
            in_transaction: Cell::new(false),
            writing: Cell::new(false),
            others_commits: Cell::new(0),
            id: (0..8)
                .map(|_| format!("{:02x}", rand::random::<u8>()))
                .collect(),
            writer_key: writer_key(&self.schema),
            schema: self.schema.clone(),
            shown: self.shown.clone(),
        };
        let ident = quote_ident(&self.schema);
        // Looked up first: a role that owns its schema but may not create schemas (the least
        // worklog needs) is refused even `CREATE SCHEMA IF NOT EXISTS`.
        let exists = !session
            .client
            .borrow_mut()
            .query(
                "SELECT 1 FROM pg_namespace WHERE nspname = $1",
                &[&self.schema],
            )?
            .is_empty();
        if !exists {
            session.batch(&format!("CREATE SCHEMA {ident}"))?;
        } else {
            let usable: bool = session
                .client
                .borrow_mut()
                .query_one("SELECT has_schema_privilege($1, 'USAGE')", &[&self.schema])?
                .get(0);
            if !usable {
                // Otherwise every table would seem missing.
                return Err(Error::Setup(format!(
                    "permission denied for schema {}: this role may not use it",
                    self.schema
                )));
            }
        }
        session.batch(&format!(
            "SET search_path TO {ident}; SET TIME ZONE 'UTC'; SET DateStyle TO ISO, YMD; \
             LISTEN {CHANNEL}"
        ))?;
        Ok(session)
    }
}

fn tls_connector(root: Option<&Path>) -> Result<tokio_postgres_rustls::MakeRustlsConnect> {
    let mut roots = rustls::RootCertStore::empty();
    match root {
        Some(path) => {
            let pem = std::fs::read(path)
                .map_err(|e| Error::Setup(format!("sslrootcert {}: {e}", path.display())))?;
            let mut reader = std::io::BufReader::new(&pem[..]);
            for cert in rustls_pemfile_certs(&mut reader) {
                roots
                    .add(cert)
                    .map_err(|e| Error::Setup(format!("sslrootcert {}: {e}", path.display())))?;
            }
        }
        None => {
            for cert in rustls_native_certs::load_native_certs().certs {
                // A system root rustls cannot read is skipped, as every client does.
                let _ = roots.add(cert);
            }
        }
    }
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Setup(format!("TLS: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// The certificates in a PEM file.
fn rustls_pemfile_certs(
    reader: &mut dyn std::io::BufRead,
) -> Vec<rustls::pki_types::CertificateDer<'static>> {
    use rustls::pki_types::pem::PemObject;
    let mut text = Vec::new();
    if reader.read_to_end(&mut text).is_err() {
        return Vec::new();
    }
    rustls::pki_types::CertificateDer::pem_slice_iter(&text)
        .filter_map(std::result::Result::ok)
        .collect()
}

/// The password for this host, port, database and user from the password file, as libpq
/// reads it: `host:port:database:user:password`, `*` matching anything, `\` escaping.
fn password_from_file(config: &postgres::Config) -> Option<String> {
    let path = std::env::var_os("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pgpass")))?;
    let text = std::fs::read_to_string(path).ok()?;
    let host = match config.get_hosts().first()? {
        postgres::config::Host::Tcp(h) => h.clone(),
        postgres::config::Host::Unix(_) => "localhost".to_string(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let db = config.get_dbname().unwrap_or("");
    let user = config.get_user().unwrap_or("");
    pgpass_lookup(&text, &host, &port, db, user)
}

/// One line of a password file, split at unescaped colons.
fn pgpass_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(n), Some(f)) = (chars.next(), fields.last_mut()) {
                    f.push(n);
                }
            }
            ':' => fields.push(String::new()),
            c => {
                if let Some(f) = fields.last_mut() {
                    f.push(c);
                }
            }
        }
    }
    fields
}

pub(crate) fn pgpass_lookup(
    text: &str,
    host: &str,
    port: &str,
    db: &str,
    user: &str,
) -> Option<String> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .map(pgpass_fields)
        .find(|f| {
            f.len() == 5
                && [host, port, db, user]
                    .iter()
                    .zip(f.iter())
                    .all(|(want, have)| have == "*" || have == want)
        })
        .map(|mut f| f.swap_remove(4))
}

/// The channel every write transaction notifies on commit, with "schema session" as payload:
/// how an open TUI learns, within a second, that another machine wrote.
pub const CHANNEL: &str = "worklog_changes";

/// A stable 64-bit key for the schema's writer lock.
fn writer_key(schema: &str) -> i64 {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("worklog writer {schema}").as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    i64::from_be_bytes(bytes)
}

/// `name` as a quoted identifier.
pub fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

impl Session {
    pub fn schema(&self) -> &str {
        &self.schema
    }

    /// The address with no password: safe for messages.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    pub(super) fn in_transaction(&self) -> bool {
        self.in_transaction.get()
    }

    pub(super) fn prepare(&self, sql: &str) -> Result<postgres::Statement> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let translated = translate(sql);
        let stmt = self
            .client
            .borrow_mut()
            .prepare(&translated)
            .inspect_err(|e| {
                // For whoever ports a statement: which one PostgreSQL refused, and why.
                if std::env::var_os("WORKLOG_SQL_DEBUG").is_some() {
                    eprintln!("PostgreSQL refused: {}\n{translated}", describe(e));
                }
            })?;
        self.statements
            .borrow_mut()
            .insert(sql.to_string(), stmt.clone());
        Ok(stmt)
    }

    pub(super) fn execute(
        &self,
        stmt: &postgres::Statement,
        values: &[Value<'_>],
    ) -> Result<usize> {
        let params = bind(values);
        let refs: Vec<&(dyn PgToSql + Sync)> = params.iter().map(|p| p as _).collect();
        let n = self.client.borrow_mut().execute(stmt, &refs)?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    pub(super) fn query(
        &self,
        stmt: &postgres::Statement,
        values: &[Value<'_>],
    ) -> Result<Vec<postgres::Row>> {
        let params = bind(values);
        let refs: Vec<&(dyn PgToSql + Sync)> = params.iter().map(|p| p as _).collect();
        Ok(self.client.borrow_mut().query(stmt, &refs)?)
    }

    pub(super) fn for_each<E: From<Error>>(
        &self,
        stmt: &postgres::Statement,
        values: &[Value<'_>],
        mut f: impl FnMut(&postgres::Row) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        // Read in full first: `f` may run statements of its own on this session.
        for row in self.query(stmt, values)? {
            f(&row)?;
        }
        Ok(())
    }

    /// Runs statements with no parameters (migrations, session settings).
    pub fn batch(&self, sql: &str) -> Result<()> {
        Ok(self.client.borrow_mut().batch_execute(sql)?)
    }

    pub(super) fn begin_write(&self) -> Result<()> {
        self.batch("BEGIN")?;
        self.in_transaction.set(true);
        self.writing.set(true);
        let key = self.writer_key;
        let locked = self
            .client
            .borrow_mut()
            .execute("SELECT pg_advisory_xact_lock($1)", &[&key]);
        if let Err(e) = locked {
            let _ = self.end("ROLLBACK");
            return Err(e.into());
        }
        Ok(())
    }

    pub(super) fn begin_read(&self) -> Result<()> {
        self.batch("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")?;
        self.in_transaction.set(true);
        Ok(())
    }

    pub(super) fn end(&self, how: &str) -> Result<()> {
        let wrote = self.writing.replace(false);
        if wrote && how == "COMMIT" {
            // Delivered only if the transaction commits.
            let payload = format!("{} {}", self.schema, self.id);
            let notified = self
                .client
                .borrow_mut()
                .execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &payload]);
            if let Err(e) = notified {
                self.in_transaction.set(false);
                let _ = self.batch("ROLLBACK");
                return Err(e.into());
            }
        }
        self.in_transaction.set(false);
        self.batch(how)
    }

    /// How many commits other sessions have made to this schema, as far as this session has
    /// heard: it changes when another session writes (compare `PRAGMA data_version`).
    pub fn data_version(&self) -> Result<i64> {
        let mut client = self.client.borrow_mut();
        let mut notifications = client.notifications();
        // A moment's wait lets the driver read what already reached the socket (a
        // non-blocking look only sees what an earlier query happened to read).
        let mut heard = notifications.timeout_iter(std::time::Duration::from_millis(1));
        while let Some(n) = postgres::fallible_iterator::FallibleIterator::next(&mut heard)? {
            let mut parts = n.payload().splitn(2, ' ');
            let (schema, session) = (parts.next(), parts.next());
            if n.channel() == CHANNEL && schema == Some(&self.schema) && session != Some(&self.id) {
                self.others_commits.set(self.others_commits.get() + 1);
            }
        }
        Ok(self.others_commits.get())
    }
}

/// The SQL of a statement written for SQLite, for PostgreSQL:
///
/// | SQLite                         | PostgreSQL                        |
/// |--------------------------------|-----------------------------------|
/// | `?N`                           | `$N`                              |
/// | `x IS ?N` / `x IS NOT ?N`      | `x IS [NOT] DISTINCT FROM $N`     |
/// | `ifnull(`                      | `coalesce(`                       |
/// | `strftime('%Y-%m-%dT%H:%M:%fZ')` | `date_trunc('milliseconds', now())` |
/// | `json_each(?N)` (a list)        | `json_array_elements_text($N::json)`, as a table with `key` and `value` |
/// | `json_object(`                 | `json_build_object(`              |
/// | `FROM (SELECT …)` with no name | `FROM (SELECT …) AS subqueryN`    |
///
/// Text inside quotes is left alone. Anything else the two dialects share, or the
/// PostgreSQL schema defines a function for (see `migrations_pg/README.md`).
pub fn translate(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut rest = sql;
    let mut highest = 0usize;
    let mut from_subquery: Vec<bool> = Vec::new();
    let mut subqueries = 0usize;
    while let Some(c) = rest.chars().next() {
        if c == '\'' || c == '"' {
            // Copy the quoted text through to its closing quote (doubled quotes included).
            let mut end = 1;
            let bytes = rest.as_bytes();
            while end < bytes.len() {
                if bytes[end] == c as u8 {
                    if end + 1 < bytes.len() && bytes[end + 1] == c as u8 {
                        end += 2;
                        continue;
                    }
                    end += 1;
                    break;
                }
                end += 1;
            }
            let quoted = &rest[..end.min(rest.len())];
            if quoted == "'%Y-%m-%dT%H:%M:%fZ'"
                && out.ends_with("strftime(")
                && rest[end..].starts_with(')')
            {
                // To the millisecond, as SQLite writes it: a stamp read back (as text, to the
                // millisecond) then finds its rows again (`worklog undo` restores the rows
                // deleted at the newest stamp).
                out.truncate(out.len() - "strftime(".len());
                out.push_str("date_trunc('milliseconds', now()");
            } else {
                out.push_str(quoted);
            }
            rest = &rest[end.min(rest.len())..];
            continue;
        }
        if c == '?' {
            let digits: String = rest[1..].chars().take_while(char::is_ascii_digit).collect();
            // A bare `?` is one more than the highest number so far, as SQLite counts.
            let n = match digits.parse::<usize>() {
                Ok(n) => n,
                Err(_) => highest + 1,
            };
            highest = highest.max(n);
            out.push('$');
            out.push_str(&n.to_string());
            rest = &rest[1 + digits.len()..];
            continue;
        }
        if let Some(word) = word_at(rest) {
            let upper = word.to_ascii_uppercase();
            let boundary = out
                .chars()
                .last()
                .is_none_or(|p| !(p.is_ascii_alphanumeric() || p == '_'));
            if boundary {
                if upper == "IS" {
                    let after = &rest[2..];
                    let trimmed = after.trim_start();
                    if trimmed.starts_with('?') {
                        out.push_str("IS NOT DISTINCT FROM ");
                        rest = trimmed;
                        continue;
                    }
                    if let Some(n) = trimmed.strip_prefix("NOT").or(trimmed.strip_prefix("not")) {
                        let n2 = n.trim_start();
                        if n2.starts_with('?') {
                            out.push_str("IS DISTINCT FROM ");
                            rest = n2;
                            continue;
                        }
                    }
                }
                if upper == "IFNULL" && rest[word.len()..].starts_with('(') {
                    out.push_str("coalesce");
                    rest = &rest[word.len()..];
                    continue;
                }
                if upper == "JSON_EACH" && rest[word.len()..].starts_with("(?") {
                    let after = &rest[word.len() + 2..];
                    let mut digits: String =
                        after.chars().take_while(char::is_ascii_digit).collect();
                    let close = &after[digits.len()..];
                    if digits.is_empty() {
                        digits = (highest + 1).to_string();
                    }
                    highest = highest.max(digits.parse().unwrap_or(0));
                    if let Some(tail) = close.strip_prefix(')') {
                        out.push_str(&format!(
                            "(SELECT ordinality - 1 AS key, value \
                             FROM json_array_elements_text(${digits}::json) WITH ORDINALITY)"
                        ));
                        // PostgreSQL 15 wants a name for a subquery in FROM.
                        if !has_alias(tail) {
                            out.push_str(" AS json_each");
                        }
                        rest = tail;
                        continue;
                    }
                }
                if upper == "JSON_OBJECT" && rest[word.len()..].starts_with('(') {
                    out.push_str("json_build_object");
                    rest = &rest[word.len()..];
                    continue;
                }
                if upper == "CROSS" && joins_on(&rest[word.len()..]) {
                    // SQLite's CROSS JOIN ... ON (a join order it keeps) is an inner join.
                    rest = rest[word.len()..].trim_start();
                    continue;
                }
            }
            out.push_str(word);
            rest = &rest[word.len()..];
            continue;
        }
        if c == '(' {
            // A subquery in FROM: PostgreSQL 15 wants a name for it, SQLite does not.
            let after_from = out
                .trim_end()
                .rsplit(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("FROM"));
            from_subquery.push(
                after_from
                    && rest[1..].trim_start().len() >= 6
                    && rest[1..].trim_start()[..6].eq_ignore_ascii_case("SELECT"),
            );
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
        if c == ')' && from_subquery.pop() == Some(true) && !has_alias(rest) {
            subqueries += 1;
            out.push_str(&format!(" AS subquery{subqueries}"));
        }
    }
    out
}

/// Keywords that can follow a table in FROM, and so are not its alias.
const NOT_ALIAS: [&str; 12] = [
    "WHERE", "GROUP", "ORDER", "JOIN", "LEFT", "CROSS", "INNER", "ON", "LIMIT", "UNION", "AS",
    "HAVING",
];

fn has_alias(tail: &str) -> bool {
    word_at(tail.trim_start())
        .is_some_and(|w| !NOT_ALIAS.contains(&w.to_ascii_uppercase().as_str()))
}

/// True if `after` (the text after CROSS) is `JOIN table [alias] ON`.
fn joins_on(after: &str) -> bool {
    let mut words = after
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty());
    if !words.next().is_some_and(|w| w.eq_ignore_ascii_case("JOIN")) {
        return false;
    }
    let _table = words.next();
    match words.next() {
        Some(w) if w.eq_ignore_ascii_case("ON") => true,
        Some(_alias) => words.next().is_some_and(|w| w.eq_ignore_ascii_case("ON")),
        None => false,
    }
}

fn word_at(s: &str) -> Option<&str> {
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_'))
        .map_or(s.len(), |(i, _)| i);
    (end > 0).then(|| &s[..end])
}

/// A parameter bound by the type PostgreSQL declared for it.
#[derive(Debug)]
struct Bound<'a>(Value<'a>);

fn bind<'a>(values: &'a [Value<'a>]) -> Vec<Bound<'a>> {
    values.iter().map(|v| Bound(v.clone())).collect()
}

type BoxError = Box<dyn std::error::Error + Sync + Send>;

impl PgToSql for Bound<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> std::result::Result<IsNull, BoxError> {
        match &self.0 {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(i) => match *ty {
                Type::INT8 => i.to_sql(ty, out),
                Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                Type::BOOL => (*i != 0).to_sql(ty, out),
                Type::FLOAT8 => (*i as f64).to_sql(ty, out),
                Type::FLOAT4 => (*i as f32).to_sql(ty, out),
                Type::NUMERIC => numeric_to_sql(&i.to_string(), out),
                _ => i.to_string().as_str().to_sql(&Type::TEXT, out),
            },
            Value::Real(r) => match *ty {
                Type::FLOAT8 => r.to_sql(ty, out),
                Type::FLOAT4 => (*r as f32).to_sql(ty, out),
                Type::NUMERIC => numeric_to_sql(&r.to_string(), out),
                _ => r.to_string().as_str().to_sql(&Type::TEXT, out),
            },
            Value::Text(s) => match *ty {
                Type::DATE => NaiveDate::parse_from_str(s, "%Y-%m-%d")?.to_sql(ty, out),
                Type::TIMESTAMP => parse_local(s)?.to_sql(ty, out),
                Type::TIMESTAMPTZ => parse_instant(s)?.to_sql(ty, out),
                Type::INT8 => s.trim().parse::<i64>()?.to_sql(ty, out),
                Type::INT4 => s.trim().parse::<i32>()?.to_sql(ty, out),
                Type::FLOAT8 => s.trim().parse::<f64>()?.to_sql(ty, out),
                Type::BOOL => (s.trim() == "1" || s.eq_ignore_ascii_case("true")).to_sql(ty, out),
                Type::JSONB => {
                    out.extend_from_slice(&[1]);
                    out.extend_from_slice(s.as_bytes());
                    Ok(IsNull::No)
                }
                Type::JSON => {
                    out.extend_from_slice(s.as_bytes());
                    Ok(IsNull::No)
                }
                Type::BYTEA => s.as_bytes().to_sql(ty, out),
                _ => s.to_sql(&Type::TEXT, out),
            },
            Value::Blob(b) => b.to_sql(&Type::BYTEA, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// A wall-clock time as the repository writes it (`2026-11-30T09:00:00`), with or without
/// fractions of a second, `T` or a space.
fn parse_local(s: &str) -> std::result::Result<NaiveDateTime, chrono::ParseError> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f"))
        // A day where a time is compared: its first moment, as SQLite's text comparison has it.
        .or_else(|e| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(|d| d.and_time(chrono::NaiveTime::MIN))
                .map_err(|_| e)
        })
}

fn parse_instant(s: &str) -> std::result::Result<DateTime<Utc>, chrono::ParseError> {
    DateTime::parse_from_rfc3339(s).map(|d| d.with_timezone(&Utc))
}

/// NUMERIC in PostgreSQL's binary form, from decimal text.
fn numeric_to_sql(text: &str, out: &mut bytes::BytesMut) -> std::result::Result<IsNull, BoxError> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, text),
    };
    let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits, ""));
    if !int_part
        .chars()
        .chain(frac_part.chars())
        .all(|c| c.is_ascii_digit())
    {
        return Err(format!("{text:?} is not a decimal number").into());
    }
    // Base-10000 groups, aligned on the decimal point.
    let pad_left = (4 - int_part.len() % 4) % 4;
    let pad_right = (4 - frac_part.len() % 4) % 4;
    let all = format!(
        "{}{}{}{}",
        "0".repeat(pad_left),
        int_part,
        frac_part,
        "0".repeat(pad_right)
    );
    let groups: Vec<i16> = all
        .as_bytes()
        .chunks(4)
        .map(|c| {
            std::str::from_utf8(c)
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(0)
        })
        .collect();
    let int_groups = (pad_left + int_part.len()) / 4;
    let weight = i16::try_from(int_groups).unwrap_or(i16::MAX) - 1;
    out.extend_from_slice(&i16::try_from(groups.len()).unwrap_or(0).to_be_bytes());
    out.extend_from_slice(&weight.to_be_bytes());
    out.extend_from_slice(&(if negative { 0x4000u16 } else { 0 }).to_be_bytes());
    out.extend_from_slice(&u16::try_from(frac_part.len()).unwrap_or(0).to_be_bytes());
    for g in groups {
        out.extend_from_slice(&g.to_be_bytes());
    }
    Ok(IsNull::No)
}

/// Any column's raw bytes, or NULL.
struct Raw<'a>(&'a [u8]);

impl<'a> PgFromSql<'a> for Raw<'a> {
    fn from_sql(_: &Type, raw: &'a [u8]) -> std::result::Result<Self, BoxError> {
        Ok(Raw(raw))
    }
    fn accepts(_: &Type) -> bool {
        true
    }
}

/// NUMERIC from PostgreSQL's binary form, as decimal text (what `sum` and `avg` of integers
/// return).
fn numeric_text(raw: &[u8]) -> Option<String> {
    let word =
        |i: usize| -> Option<i16> { Some(i16::from_be_bytes([*raw.get(i)?, *raw.get(i + 1)?])) };
    let ndigits = usize::try_from(word(0)?).ok()?;
    let weight = i32::from(word(2)?);
    let sign = u16::from_be_bytes([*raw.get(4)?, *raw.get(5)?]);
    let dscale = usize::try_from(word(6)?).ok()?;
    if sign == 0xC000 {
        return Some("NaN".into());
    }
    let digits: Vec<i16> = (0..ndigits).filter_map(|k| word(8 + 2 * k)).collect();
    let mut int_part = String::new();
    for k in 0..=weight.max(-1) {
        let d = usize::try_from(k)
            .ok()
            .and_then(|k| digits.get(k))
            .copied()
            .unwrap_or(0);
        if int_part.is_empty() {
            if d != 0 {
                int_part = d.to_string();
            }
        } else {
            int_part.push_str(&format!("{d:04}"));
        }
    }
    if int_part.is_empty() {
        int_part.push('0');
    }
    let mut frac = String::new();
    let mut k = weight + 1;
    while frac.len() < dscale {
        let d = usize::try_from(k)
            .ok()
            .and_then(|k| digits.get(k))
            .copied()
            .unwrap_or(0);
        frac.push_str(&format!("{d:04}"));
        k += 1;
    }
    frac.truncate(dscale);
    let sign = if sign == 0x4000 { "-" } else { "" };
    Some(if frac.is_empty() {
        format!("{sign}{int_part}")
    } else {
        format!("{sign}{int_part}.{frac}")
    })
}

fn column_type(row: &postgres::Row, idx: usize) -> Result<&Type> {
    row.columns()
        .get(idx)
        .map(|c| c.type_())
        .ok_or_else(|| Error::conversion(idx, "no such column"))
}

pub(super) fn is_null(row: &postgres::Row, idx: usize) -> Result<bool> {
    Ok(row.try_get::<_, Option<Raw<'_>>>(idx)?.is_none())
}

pub(super) fn read_int(row: &postgres::Row, idx: usize) -> Result<Option<i64>> {
    let ty = column_type(row, idx)?.clone();
    Ok(match ty {
        Type::INT8 => row.try_get::<_, Option<i64>>(idx)?,
        Type::INT4 => row.try_get::<_, Option<i32>>(idx)?.map(i64::from),
        Type::INT2 => row.try_get::<_, Option<i16>>(idx)?.map(i64::from),
        Type::BOOL => row.try_get::<_, Option<bool>>(idx)?.map(i64::from),
        Type::FLOAT8 | Type::FLOAT4 | Type::NUMERIC => read_real(row, idx)?.map(|r| r as i64),
        _ => match read_text(row, idx)? {
            None => None,
            Some(t) => Some(
                t.trim()
                    .parse()
                    .map_err(|_| Error::conversion(idx, format!("{t:?} is not an integer")))?,
            ),
        },
    })
}

pub(super) fn read_real(row: &postgres::Row, idx: usize) -> Result<Option<f64>> {
    let ty = column_type(row, idx)?.clone();
    Ok(match ty {
        Type::FLOAT8 => row.try_get::<_, Option<f64>>(idx)?,
        Type::FLOAT4 => row.try_get::<_, Option<f32>>(idx)?.map(f64::from),
        Type::INT8 | Type::INT4 | Type::INT2 | Type::BOOL => read_int(row, idx)?.map(|i| i as f64),
        _ => match read_text(row, idx)? {
            None => None,
            Some(t) => Some(
                t.trim()
                    .parse()
                    .map_err(|_| Error::conversion(idx, format!("{t:?} is not a number")))?,
            ),
        },
    })
}

/// A column as text, as SQLite would hold it: days `YYYY-MM-DD`, wall-clock times
/// `YYYY-MM-DDTHH:MM:SS`, instants `YYYY-MM-DDTHH:MM:SS.sssZ`, numbers in decimal.
pub(super) fn read_text(row: &postgres::Row, idx: usize) -> Result<Option<String>> {
    let ty = column_type(row, idx)?.clone();
    Ok(match ty {
        Type::DATE => row
            .try_get::<_, Option<NaiveDate>>(idx)?
            .map(|d| d.format("%Y-%m-%d").to_string()),
        Type::TIMESTAMP => row
            .try_get::<_, Option<NaiveDateTime>>(idx)?
            .map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string()),
        Type::TIMESTAMPTZ => row
            .try_get::<_, Option<DateTime<Utc>>>(idx)?
            .map(|t| t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()),
        Type::INT8 | Type::INT4 | Type::INT2 => read_int(row, idx)?.map(|i| i.to_string()),
        Type::BOOL => row
            .try_get::<_, Option<bool>>(idx)?
            .map(|b| if b { "1" } else { "0" }.to_string()),
        Type::FLOAT8 | Type::FLOAT4 => read_real(row, idx)?.map(|r| r.to_string()),
        Type::NUMERIC => match row.try_get::<_, Option<Raw<'_>>>(idx)? {
            None => None,
            Some(raw) => Some(
                numeric_text(raw.0).ok_or_else(|| Error::conversion(idx, "bad NUMERIC value"))?,
            ),
        },
        Type::JSONB => row
            .try_get::<_, Option<Raw<'_>>>(idx)?
            .map(|r| String::from_utf8_lossy(r.0.get(1..).unwrap_or_default()).into_owned()),
        Type::BYTEA => row
            .try_get::<_, Option<Vec<u8>>>(idx)?
            .map(|b| String::from_utf8_lossy(&b).into_owned()),
        // JSON as SQLite writes it: no spaces between the tokens.
        Type::JSON => row
            .try_get::<_, Option<Raw<'_>>>(idx)?
            .map(|r| compact_json(&String::from_utf8_lossy(r.0))),
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => row
            .try_get::<_, Option<Raw<'_>>>(idx)?
            .map(|r| String::from_utf8_lossy(r.0).into_owned()),
        other => {
            return Err(Error::conversion(
                idx,
                format!("PostgreSQL type {other} is not read by worklog"),
            ));
        }
    })
}

/// JSON text without the whitespace between tokens (PostgreSQL's json functions write
/// `{"a" : 1}`, SQLite's `{"a":1}`); keys keep their order.
fn compact_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// A PostgreSQL error in one line, with the server's message where there is one.
pub(crate) fn describe(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(d) => format!("{} ({d})", db.message()),
            None => db.message().to_string(),
        },
        None => {
            let text = e.to_string();
            match std::error::Error::source(e) {
                Some(src) => format!("{text}: {src}"),
                None => text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_rewrites_only_what_differs() {
        assert_eq!(
            translate("SELECT a FROM t WHERE x = ?1 AND y IS ?2 AND z IS NOT ?3"),
            "SELECT a FROM t WHERE x = $1 AND y IS NOT DISTINCT FROM $2 AND z IS DISTINCT FROM $3"
        );
        assert_eq!(
            translate("SELECT ifnull(max(p) + 1, 0)"),
            "SELECT coalesce(max(p) + 1, 0)"
        );
        assert_eq!(
            translate("UPDATE t SET u = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE n = 'a?1 IS ?2'"),
            "UPDATE t SET u = date_trunc('milliseconds', now()) WHERE n = 'a?1 IS ?2'"
        );
        assert_eq!(
            translate("WHERE id IN (SELECT value FROM json_each(?4))"),
            "WHERE id IN (SELECT value FROM (SELECT ordinality - 1 AS key, value \
             FROM json_array_elements_text($4::json) WITH ORDINALITY) AS json_each)"
        );
        assert_eq!(
            translate("SELECT j.value FROM json_each(?1) j WHERE"),
            "SELECT j.value FROM (SELECT ordinality - 1 AS key, value \
             FROM json_array_elements_text($1::json) WITH ORDINALITY) j WHERE"
        );
        assert_eq!(
            translate("FROM asked CROSS JOIN tasks t ON t.id = asked.id"),
            "FROM asked JOIN tasks t ON t.id = asked.id"
        );
        assert_eq!(
            translate("FROM a CROSS JOIN b WHERE"),
            "FROM a CROSS JOIN b WHERE"
        );
        assert_eq!(
            translate("x IS NULL AND notifnull(1)"),
            "x IS NULL AND notifnull(1)"
        );
        assert_eq!(translate("'it''s ?1' = ?2"), "'it''s ?1' = $2");
        assert_eq!(
            translate("a = ? AND b = ?3 AND c = ?"),
            "a = $1 AND b = $3 AND c = $4"
        );
        assert_eq!(
            translate("SELECT max(d) FROM (SELECT 1 AS d UNION ALL SELECT 2) WHERE x IN (1, 2)"),
            "SELECT max(d) FROM (SELECT 1 AS d UNION ALL SELECT 2) AS subquery1 WHERE x IN (1, 2)"
        );
        assert_eq!(
            translate("SELECT * FROM (SELECT 1) t, (SELECT 2) u"),
            "SELECT * FROM (SELECT 1) t, (SELECT 2) u"
        );
    }

    #[test]
    fn json_is_made_compact_outside_its_strings() {
        assert_eq!(
            compact_json(r#"{"a b" : 1, "c" : ["x \" y", null]}"#),
            r#"{"a b":1,"c":["x \" y",null]}"#
        );
    }

    #[test]
    fn passwords_never_show() {
        assert_eq!(
            redact("postgresql://ann:s3cret@db.example/log?sslmode=verify-full"),
            "postgresql://ann:***@db.example/log?sslmode=verify-full"
        );
        assert_eq!(
            redact("postgresql://db.example/log?user=ann&password=s3cret"),
            "postgresql://db.example/log?user=ann&password=***"
        );
        assert_eq!(redact("postgresql://ann@h/db"), "postgresql://ann@h/db");
    }

    #[test]
    fn the_password_file_is_read_as_libpq_reads_it() {
        let file = "# comment\nother:5432:*:ann:no\ndb.example:*:log:ann:pa\\:ss\n*:*:*:*:any\n";
        assert_eq!(
            pgpass_lookup(file, "db.example", "5432", "log", "ann").as_deref(),
            Some("pa:ss")
        );
        assert_eq!(
            pgpass_lookup(file, "x", "1", "y", "bob").as_deref(),
            Some("any")
        );
    }

    #[test]
    fn numeric_round_trips_through_the_binary_form() {
        for text in ["0", "12345", "-7", "3.25", "10000.0001", "0.5"] {
            let mut out = bytes::BytesMut::new();
            numeric_to_sql(text, &mut out).unwrap();
            assert_eq!(numeric_text(&out).unwrap(), text, "{text}");
        }
    }
}
