//! Says, in one line, whether this machine runs the PostgreSQL tests: they need PostgreSQL's
//! `initdb` and `postgres` (Debian's package `postgresql`), and without them they return at
//! once. With `WORKLOG_REQUIRE_POSTGRES=1` (CI sets it) their absence fails here, and in each
//! test that needs a server. No harness: the line is printed whatever the test filter.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

fn main() {
    match common::pg::bin_dir() {
        Some(dir) => println!("PostgreSQL tests: run, with {}", dir.display()),
        None if common::pg::required() => {
            eprintln!(
                "PostgreSQL tests: WORKLOG_REQUIRE_POSTGRES=1, but initdb and postgres were not \
                 found (install the postgresql package)"
            );
            std::process::exit(1);
        }
        None => println!(
            "PostgreSQL tests: SKIPPED, initdb and postgres were not found (install the \
             postgresql package to run them)"
        ),
    }
}
