//! A way for tests to write what worklog itself never would, on either backend.

use super::Repo;
use crate::db::Result;
use crate::db::sql::params;

impl Repo {
    /// Runs one statement (in SQLite's dialect, translated for PostgreSQL as every statement
    /// of the repository is) outside the repository's rules: no validation, no transaction
    /// of worklog's, no history. Tests use it to write what a hand edit or a buggy tool could
    /// (a bad value, a deletion for good) and to see worklog's sentence for what the database
    /// refuses. Nothing in worklog calls it.
    #[doc(hidden)]
    pub fn raw_execute_for_tests(&self, sql: &str) -> Result<usize> {
        Ok(self.conn().prepare(sql)?.execute(params![])?)
    }

    /// The single integer a query gives (a count), read as by [`Repo::raw_execute_for_tests`].
    #[doc(hidden)]
    pub fn raw_count_for_tests(&self, sql: &str) -> Result<i64> {
        Ok(self
            .conn()
            .prepare(sql)?
            .query_row(params![], |r| r.get(0))?)
    }
}
