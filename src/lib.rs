//! worklog: a keyboard-driven terminal record of one person's working life.
//!
//! The binary (`src/main.rs`) only parses the command line; everything else lives here so
//! tests and benchmarks can use it.

pub mod attachments;
pub mod backup;
pub mod capture;
pub mod cli;
pub mod clock;
pub mod config;
pub mod copy;
pub mod dates;
pub mod db;
pub mod demo;
pub mod export;
pub mod fault;
pub mod import;
pub mod launch;
pub mod model;
pub mod output;
pub mod paths;
pub mod report;
pub mod search;
pub mod text;
pub mod tui;
