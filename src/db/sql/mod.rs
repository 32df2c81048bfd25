//! One connection type over the two backends, SQLite and PostgreSQL, with the small part of
//! rusqlite's interface the repository uses: cached statements, `query_row`, `query_map`,
//! `execute`, rows read by column index, and `params!`.
//!
//! The repository writes each statement once, in SQLite's dialect with numbered parameters
//! (`?1`). On PostgreSQL [`pg::translate`] rewrites the few constructs that differ (see its
//! table), and the PostgreSQL schema defines the few SQLite functions the statements call.
//! Values cross as SQLite sees them: a day is `YYYY-MM-DD` text and an instant RFC 3339 text on
//! both backends, though PostgreSQL stores them as `date` and `timestamptz` ([`pg`] converts
//! at the boundary, by the column's and the parameter's declared types).

pub mod pg;

use std::fmt;

/// Which backend a connection talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A failure from either driver, or a value that could not be read as the type asked for.
#[derive(Debug)]
pub enum Error {
    Sqlite(rusqlite::Error),
    Postgres(postgres::Error),
    /// A column could not be read as the Rust type asked for.
    Conversion {
        column: usize,
        message: String,
    },
    /// `query_row` found no row.
    NoRows,
    /// Something only one backend can do was asked of the other.
    Unsupported(&'static str),
    /// The server cannot be reached as given: a bad address, TLS settings, or a schema this
    /// role may not use.
    Setup(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Sqlite(e) => write!(f, "{e}"),
            Error::Postgres(e) => write!(f, "{}", pg::describe(e)),
            Error::Conversion { column, message } => {
                write!(f, "column {column} could not be read: {message}")
            }
            Error::NoRows => write!(f, "no row was found"),
            Error::Unsupported(what) => write!(f, "{what}"),
            Error::Setup(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::QueryReturnedNoRows => Error::NoRows,
            e => Error::Sqlite(e),
        }
    }
}

impl From<postgres::Error> for Error {
    fn from(e: postgres::Error) -> Self {
        Error::Postgres(e)
    }
}

impl Error {
    pub(crate) fn conversion(column: usize, message: impl fmt::Display) -> Error {
        Error::Conversion {
            column,
            message: message.to_string(),
        }
    }
}

/// `query_row(...).optional()`: no row is `None`, as with rusqlite.
pub trait OptionalExtension<T> {
    fn optional(self) -> Result<Option<T>>;
}

impl<T> OptionalExtension<T> for Result<T> {
    fn optional(self) -> Result<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(Error::NoRows) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// A parameter value as both backends take it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
    Blob(&'a [u8]),
}

/// A Rust value that can be bound to a statement parameter.
pub trait ToSql {
    fn to_value(&self) -> Value<'_>;
}

macro_rules! int_to_sql {
    ($($t:ty),*) => {$(
        impl ToSql for $t {
            fn to_value(&self) -> Value<'_> {
                Value::Int(i64::from(*self))
            }
        }
    )*};
}
int_to_sql!(i64, i32, i16, i8, u32, u16, u8, bool);

impl ToSql for usize {
    fn to_value(&self) -> Value<'_> {
        // Counts and limits, far below i64::MAX; saturate rather than wrap.
        Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}

impl ToSql for u64 {
    fn to_value(&self) -> Value<'_> {
        Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}

impl ToSql for f64 {
    fn to_value(&self) -> Value<'_> {
        Value::Real(*self)
    }
}

impl ToSql for str {
    fn to_value(&self) -> Value<'_> {
        Value::Text(self)
    }
}

impl ToSql for String {
    fn to_value(&self) -> Value<'_> {
        Value::Text(self)
    }
}

impl ToSql for [u8] {
    fn to_value(&self) -> Value<'_> {
        Value::Blob(self)
    }
}

impl ToSql for Vec<u8> {
    fn to_value(&self) -> Value<'_> {
        Value::Blob(self)
    }
}

impl<T: ToSql + ?Sized> ToSql for &T {
    fn to_value(&self) -> Value<'_> {
        (**self).to_value()
    }
}

impl<T: ToSql> ToSql for Option<T> {
    fn to_value(&self) -> Value<'_> {
        match self {
            Some(v) => v.to_value(),
            None => Value::Null,
        }
    }
}

impl ToSql for Value<'_> {
    fn to_value(&self) -> Value<'_> {
        self.clone()
    }
}

impl rusqlite::ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match *self {
            Value::Null => ValueRef::Null,
            Value::Int(i) => ValueRef::Integer(i),
            Value::Real(r) => ValueRef::Real(r),
            Value::Text(t) => ValueRef::Text(t.as_bytes()),
            Value::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

/// The parameters of one statement.
pub trait Params {
    fn values(&self) -> Vec<Value<'_>>;
}

impl Params for [&dyn ToSql] {
    fn values(&self) -> Vec<Value<'_>> {
        self.iter().map(|p| p.to_value()).collect()
    }
}

impl Params for &[&dyn ToSql] {
    fn values(&self) -> Vec<Value<'_>> {
        self.iter().map(|p| p.to_value()).collect()
    }
}

/// `[]`: no parameters (as in rusqlite, the one array type an empty `[]` can be).
impl Params for [&dyn ToSql; 0] {
    fn values(&self) -> Vec<Value<'_>> {
        Vec::new()
    }
}

macro_rules! array_params {
    ($($n:literal)*) => {$(
        impl<T: ToSql> Params for [T; $n] {
            fn values(&self) -> Vec<Value<'_>> {
                self.iter().map(ToSql::to_value).collect()
            }
        }

        impl<T: ToSql> Params for &[T; $n] {
            fn values(&self) -> Vec<Value<'_>> {
                self.iter().map(ToSql::to_value).collect()
            }
        }
    )*};
}
array_params!(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16);

impl Params for () {
    fn values(&self) -> Vec<Value<'_>> {
        Vec::new()
    }
}

/// Parameters gathered at run time (`params_from_iter`).
pub struct ParamsFromIter<T>(Vec<T>);

impl<T: ToSql> Params for ParamsFromIter<T> {
    fn values(&self) -> Vec<Value<'_>> {
        self.0.iter().map(ToSql::to_value).collect()
    }
}

pub fn params_from_iter<T: ToSql>(iter: impl IntoIterator<Item = T>) -> ParamsFromIter<T> {
    ParamsFromIter(iter.into_iter().collect())
}

/// `params![a, b]`: a list of parameters of mixed types, as in rusqlite.
#[macro_export]
macro_rules! sql_params {
    () => {
        &[] as &[&dyn $crate::db::sql::ToSql]
    };
    ($($p:expr),+ $(,)?) => {
        &[$(&$p as &dyn $crate::db::sql::ToSql),+] as &[&dyn $crate::db::sql::ToSql]
    };
}
pub use crate::sql_params as params;

/// A value read from a row.
pub trait FromSql: Sized {
    fn from_lite(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self>;
    fn from_pg(row: &postgres::Row, idx: usize) -> Result<Self>;
}

macro_rules! from_sql_via_rusqlite {
    ($($t:ty),*) => {$(
        impl FromSql for $t {
            fn from_lite(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                <$t as rusqlite::types::FromSql>::column_result(v)
            }
            fn from_pg(row: &postgres::Row, idx: usize) -> Result<Self> {
                pg::read_int(row, idx).and_then(|i| match i {
                    Some(i) => <$t>::try_from(i).map_err(|e| Error::conversion(idx, e)),
                    None => Err(Error::conversion(idx, "NULL where a number was expected")),
                })
            }
        }
    )*};
}
from_sql_via_rusqlite!(i64, i32, u32, u16, u8);

impl FromSql for bool {
    fn from_lite(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        <bool as rusqlite::types::FromSql>::column_result(v)
    }
    fn from_pg(row: &postgres::Row, idx: usize) -> Result<Self> {
        match pg::read_int(row, idx)? {
            Some(i) => Ok(i != 0),
            None => Err(Error::conversion(idx, "NULL where a flag was expected")),
        }
    }
}

impl FromSql for f64 {
    fn from_lite(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        <f64 as rusqlite::types::FromSql>::column_result(v)
    }
    fn from_pg(row: &postgres::Row, idx: usize) -> Result<Self> {
        pg::read_real(row, idx)?
            .ok_or_else(|| Error::conversion(idx, "NULL where a number was expected"))
    }
}

impl FromSql for String {
    fn from_lite(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        <String as rusqlite::types::FromSql>::column_result(v)
    }
    fn from_pg(row: &postgres::Row, idx: usize) -> Result<Self> {
        pg::read_text(row, idx)?
            .ok_or_else(|| Error::conversion(idx, "NULL where text was expected"))
    }
}

impl FromSql for Vec<u8> {
    fn from_lite(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        <Vec<u8> as rusqlite::types::FromSql>::column_result(v)
    }
    fn from_pg(row: &postgres::Row, idx: usize) -> Result<Self> {
        row.try_get::<_, Option<Vec<u8>>>(idx)?
            .ok_or_else(|| Error::conversion(idx, "NULL where bytes were expected"))
    }
}

impl<T: FromSql> FromSql for Option<T> {
    fn from_lite(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        match v {
            rusqlite::types::ValueRef::Null => Ok(None),
            v => T::from_lite(v).map(Some),
        }
    }
    fn from_pg(row: &postgres::Row, idx: usize) -> Result<Self> {
        if pg::is_null(row, idx)? {
            Ok(None)
        } else {
            T::from_pg(row, idx).map(Some)
        }
    }
}

/// One row of a result.
pub enum Row<'r> {
    Lite(&'r rusqlite::Row<'r>),
    Pg(&'r postgres::Row),
}

impl Row<'_> {
    /// The value of column `idx` (from 0).
    pub fn get<I: RowIndex, T: FromSql>(&self, idx: I) -> Result<T> {
        let idx = idx.index();
        match self {
            Row::Lite(r) => {
                let v = r.get_ref(idx)?;
                T::from_lite(v).map_err(|e| Error::conversion(idx, e))
            }
            Row::Pg(r) => T::from_pg(r, idx),
        }
    }
}

/// A column index (rusqlite also takes names; the repository only uses positions).
pub trait RowIndex {
    fn index(self) -> usize;
}

impl RowIndex for usize {
    fn index(self) -> usize {
        self
    }
}

/// An open database on either backend.
pub enum Connection {
    Lite(rusqlite::Connection),
    Pg(Box<pg::Session>),
}

impl Connection {
    pub fn backend(&self) -> Backend {
        match self {
            Connection::Lite(_) => Backend::Sqlite,
            Connection::Pg(_) => Backend::Postgres,
        }
    }

    /// The SQLite connection, for what only SQLite has (pragmas, the online backup, tracing).
    pub fn lite(&self) -> Result<&rusqlite::Connection> {
        match self {
            Connection::Lite(c) => Ok(c),
            Connection::Pg(_) => Err(Error::Unsupported(
                "this works on a SQLite database only, not on PostgreSQL",
            )),
        }
    }

    pub fn lite_mut(&mut self) -> Result<&mut rusqlite::Connection> {
        match self {
            Connection::Lite(c) => Ok(c),
            Connection::Pg(_) => Err(Error::Unsupported(
                "this works on a SQLite database only, not on PostgreSQL",
            )),
        }
    }

    pub fn pg(&self) -> Option<&pg::Session> {
        match self {
            Connection::Pg(s) => Some(s),
            Connection::Lite(_) => None,
        }
    }

    /// A statement, prepared once per connection and kept.
    pub fn prepare_cached(&self, sql: &str) -> Result<Statement<'_>> {
        match self {
            Connection::Lite(c) => Ok(Statement::Lite(c.prepare_cached(sql)?)),
            Connection::Pg(s) => Ok(Statement::Pg(s, s.prepare(sql)?)),
        }
    }

    /// A statement used once (built from a variable list of clauses, say).
    pub fn prepare(&self, sql: &str) -> Result<Statement<'_>> {
        self.prepare_cached(sql)
    }

    pub fn execute<P: Params>(&self, sql: &str, params: P) -> Result<usize> {
        self.prepare_cached(sql)?.execute(params)
    }

    pub fn query_row<T, P: Params>(
        &self,
        sql: &str,
        params: P,
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        self.prepare_cached(sql)?.query_row(params, f)
    }

    /// Runs statements separated by `;`, with no parameters and no results.
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        match self {
            Connection::Lite(c) => Ok(c.execute_batch(sql)?),
            Connection::Pg(s) => s.batch(sql),
        }
    }

    /// True outside a transaction.
    pub fn is_autocommit(&self) -> bool {
        match self {
            Connection::Lite(c) => c.is_autocommit(),
            Connection::Pg(s) => !s.in_transaction(),
        }
    }

    /// Begins the one write transaction worklog allows at a time: SQLite's `BEGIN IMMEDIATE`,
    /// or on PostgreSQL a transaction holding the schema's writer lock, so that writers queue
    /// as they do on SQLite. Rolls back when dropped uncommitted.
    pub fn begin_write(&self) -> Result<Transaction<'_>> {
        self.begin(true)?;
        Ok(Transaction {
            conn: self,
            open: true,
        })
    }

    /// Begins a write transaction (`write`) or a read transaction (one consistent view over
    /// several statements) that the caller ends with [`Connection::end`].
    pub fn begin(&self, write: bool) -> Result<()> {
        match (self, write) {
            (Connection::Lite(c), true) => Ok(c.execute_batch("BEGIN IMMEDIATE")?),
            (Connection::Lite(c), false) => Ok(c.execute_batch("BEGIN DEFERRED")?),
            (Connection::Pg(s), true) => s.begin_write(),
            (Connection::Pg(s), false) => s.begin_read(),
        }
    }

    /// Ends the transaction [`Connection::begin`] began: commits it, or rolls it back.
    pub fn end(&self, commit: bool) -> Result<()> {
        let how = if commit { "COMMIT" } else { "ROLLBACK" };
        match self {
            Connection::Lite(c) => Ok(c.execute_batch(how)?),
            Connection::Pg(s) => s.end(how),
        }
    }
}

/// An open transaction: [`Transaction::commit`] ends it; dropping it rolls back.
pub struct Transaction<'c> {
    conn: &'c Connection,
    open: bool,
}

impl Transaction<'_> {
    pub fn commit(mut self) -> Result<()> {
        self.open = false;
        self.conn.end(true)
    }
}

impl std::ops::Deref for Transaction<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.conn
    }
}

impl Drop for Transaction<'_> {
    fn drop(&mut self) {
        if self.open {
            // Nothing can be reported from a drop; a failed rollback leaves the transaction
            // to end with the connection, which writes nothing either.
            let _ = self.conn.end(false);
        }
    }
}

/// A prepared statement.
pub enum Statement<'c> {
    Lite(rusqlite::CachedStatement<'c>),
    Pg(&'c pg::Session, postgres::Statement),
}

impl Statement<'_> {
    /// Runs a statement that returns no rows; returns how many rows it changed.
    pub fn execute<P: Params>(&mut self, params: P) -> Result<usize> {
        let values = params.values();
        match self {
            Statement::Lite(s) => Ok(s.execute(rusqlite::params_from_iter(values.iter()))?),
            Statement::Pg(session, stmt) => session.execute(stmt, &values),
        }
    }

    /// The first row, or [`Error::NoRows`].
    pub fn query_row<T, P: Params>(
        &mut self,
        params: P,
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        let values = params.values();
        match self {
            Statement::Lite(s) => {
                let mut rows = s.query(rusqlite::params_from_iter(values.iter()))?;
                match rows.next()? {
                    Some(r) => f(&Row::Lite(r)),
                    None => Err(Error::NoRows),
                }
            }
            Statement::Pg(session, stmt) => {
                let rows = session.query(stmt, &values)?;
                match rows.first() {
                    Some(r) => f(&Row::Pg(r)),
                    None => Err(Error::NoRows),
                }
            }
        }
    }

    /// Every row, mapped. The rows are read in full before this returns; for results too
    /// large to hold, use [`Statement::for_each`].
    pub fn query_map<T, P: Params>(
        &mut self,
        params: P,
        mut f: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<std::vec::IntoIter<Result<T>>> {
        let mut out = Vec::new();
        self.for_each(params, |r| {
            out.push(f(r));
            Ok::<(), Error>(())
        })?;
        Ok(out.into_iter())
    }

    /// Calls `f` on each row as it arrives; an error from `f` (of the caller's own type)
    /// stops the query and is returned as it is.
    pub fn for_each<P: Params, E: From<Error>>(
        &mut self,
        params: P,
        mut f: impl FnMut(&Row<'_>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let values = params.values();
        match self {
            Statement::Lite(s) => {
                let mut rows = s
                    .query(rusqlite::params_from_iter(values.iter()))
                    .map_err(Error::from)?;
                while let Some(r) = rows.next().map_err(Error::from)? {
                    f(&Row::Lite(r))?;
                }
                Ok(())
            }
            Statement::Pg(session, stmt) => session.for_each(stmt, &values, |r| f(&Row::Pg(r))),
        }
    }

    /// True if the statement returns at least one row.
    pub fn exists<P: Params>(&mut self, params: P) -> Result<bool> {
        self.query_row(params, |_| Ok(()))
            .optional()
            .map(|o| o.is_some())
    }
}

/// Owned values, for parameters gathered at run time and columns of any type.
pub mod types {
    use super::{Error, FromSql, Result, ToSql, pg};

    #[derive(Debug, Clone, PartialEq)]
    pub enum Value {
        Null,
        Integer(i64),
        Real(f64),
        Text(String),
        Blob(Vec<u8>),
    }

    impl From<i64> for Value {
        fn from(i: i64) -> Self {
            Value::Integer(i)
        }
    }

    impl From<String> for Value {
        fn from(s: String) -> Self {
            Value::Text(s)
        }
    }

    impl From<&str> for Value {
        fn from(s: &str) -> Self {
            Value::Text(s.to_string())
        }
    }

    impl ToSql for Value {
        fn to_value(&self) -> super::Value<'_> {
            match self {
                Value::Null => super::Value::Null,
                Value::Integer(i) => super::Value::Int(*i),
                Value::Real(r) => super::Value::Real(*r),
                Value::Text(t) => super::Value::Text(t),
                Value::Blob(b) => super::Value::Blob(b),
            }
        }
    }

    impl FromSql for Value {
        fn from_lite(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
            use rusqlite::types::ValueRef as V;
            Ok(match v {
                V::Null => Value::Null,
                V::Integer(i) => Value::Integer(i),
                V::Real(r) => Value::Real(r),
                V::Text(t) => Value::Text(
                    std::str::from_utf8(t)
                        .map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))?
                        .to_string(),
                ),
                V::Blob(b) => Value::Blob(b.to_vec()),
            })
        }

        fn from_pg(row: &postgres::Row, idx: usize) -> Result<Self> {
            use postgres::types::Type;
            if pg::is_null(row, idx)? {
                return Ok(Value::Null);
            }
            let ty = row
                .columns()
                .get(idx)
                .map(|c| c.type_().clone())
                .ok_or_else(|| Error::conversion(idx, "no such column"))?;
            Ok(match ty {
                Type::INT8 | Type::INT4 | Type::INT2 | Type::BOOL => {
                    Value::Integer(pg::read_int(row, idx)?.unwrap_or_default())
                }
                Type::FLOAT8 | Type::FLOAT4 | Type::NUMERIC => {
                    Value::Real(pg::read_real(row, idx)?.unwrap_or_default())
                }
                Type::BYTEA => Value::Blob(Vec::<u8>::from_pg(row, idx)?),
                _ => Value::Text(pg::read_text(row, idx)?.unwrap_or_default()),
            })
        }
    }
}
