//! Fault injection for tests: named points on the paths that must never lose data, which a
//! test can make fail or crash through the environment.
//!
//! `WORKLOG_FAULT=NAME=ACTION[,NAME=ACTION...]`, where ACTION is:
//! - `abort`: the process dies on the spot (SIGABRT; no destructor, no cleanup), as a crash,
//!   a power cut or `kill -9` would leave it;
//! - `enospc`: the step fails with "No space left on device" (`StorageFull`);
//! - `eio`: the step fails with an I/O error;
//! - `hold`: the process says `worklog: fault: holding at NAME` on stderr and waits there (up
//!   to a minute, then goes on), so that a test can signal or kill it at a known point. If
//!   `WORKLOG_FAULT_RELEASE=PATH` is set, it goes on as soon as PATH exists: a test lets a
//!   held process (say, a detached backup whose stderr nobody reads) finish when it chooses.
//!
//! Only debug builds (which `cargo test` uses) read the variable; in a release build [`point`]
//! is an empty inline function, so users can never trip it.

use std::io;

/// A place where a test may inject a failure. Returns the injected error, if any; `abort`
/// does not return.
#[inline]
pub fn point(name: &str) -> io::Result<()> {
    #[cfg(debug_assertions)]
    {
        if let Some(action) = injected(name) {
            return act(name, action);
        }
    }
    let _ = name;
    Ok(())
}

/// What a test asked of the point `name`, if anything.
#[cfg(debug_assertions)]
fn injected(name: &str) -> Option<&'static str> {
    use std::sync::OnceLock;
    static FAULTS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    FAULTS
        .get_or_init(|| {
            std::env::var("WORKLOG_FAULT")
                .unwrap_or_default()
                .split(',')
                .filter_map(|pair| pair.split_once('='))
                .map(|(n, a)| (n.trim().to_string(), a.trim().to_string()))
                .collect()
        })
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, a)| a.as_str())
}

#[cfg(debug_assertions)]
fn act(name: &str, action: &str) -> io::Result<()> {
    match action {
        "abort" => std::process::abort(),
        "enospc" => Err(io::Error::new(
            io::ErrorKind::StorageFull,
            format!("No space left on device (injected at {name})"),
        )),
        "eio" => Err(io::Error::other(format!(
            "Input/output error (injected at {name})"
        ))),
        "hold" => {
            eprintln!("worklog: fault: holding at {name}");
            let release = std::env::var_os("WORKLOG_FAULT_RELEASE").map(std::path::PathBuf::from);
            let until = std::time::Instant::now() + std::time::Duration::from_secs(60);
            while std::time::Instant::now() < until {
                if release.as_ref().is_some_and(|p| p.exists()) {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_unset_point_passes() {
        assert!(super::point("fault.test.never-set").is_ok());
    }
}
