//! JSON export and import of a database of about 100,000 rows, in process. Run with
//! `cargo bench --bench exchange`.

mod common;

use common::{clock, cpu_time, filled, median, ms};
use std::time::Instant;
use worklog::db::exchange::Range;
use worklog::model::ImportSource;
use worklog::paths::DataDir;

const RUNS: usize = 5;

fn main() -> anyhow::Result<()> {
    if !common::run_as_bench() {
        return Ok(());
    }
    let tmp = tempfile::tempdir()?;
    let dir = DataDir::new(tmp.path().join("data"));
    let rows = filled(&dir)?;
    let repo = worklog::launch::open(&dir, clock())?;

    let mut exports = Vec::with_capacity(RUNS);
    let mut export_cpu = Vec::with_capacity(RUNS);
    let mut text = Vec::new();
    for _ in 0..RUNS {
        text.clear();
        let (started, cpu) = (Instant::now(), cpu_time());
        worklog::export::write_json(&repo, Range::default(), &mut text)?;
        exports.push(started.elapsed());
        export_cpu.push(cpu_time() - cpu);
    }
    let text = String::from_utf8(text)?;
    let export = median(exports);

    let mut imports = Vec::with_capacity(RUNS);
    let mut import_cpu = Vec::with_capacity(RUNS);
    for run in 0..RUNS {
        let target = DataDir::new(tmp.path().join(format!("import-{run}")));
        let into = worklog::launch::open(&target, clock())?;
        let (started, cpu) = (Instant::now(), cpu_time());
        worklog::import::import(
            &into,
            &text,
            Some(ImportSource::Worklog),
            false,
            &worklog::import::system_local,
        )?;
        imports.push(started.elapsed());
        import_cpu.push(cpu_time() - cpu);
        if run == 0 {
            // Sanity: the round trip is exact.
            let mut again = Vec::new();
            worklog::export::write_json(&into, Range::default(), &mut again)?;
            anyhow::ensure!(again == text.as_bytes(), "round trip differs");
        }
    }
    let import = median(imports);
    let mb = text.len() as f64 / 1e6;
    println!("medians over {RUNS} runs, {rows} rows, JSON of {mb:.1} MB:");
    println!(
        "  export json: {:>8.1} ms wall, {:>8.1} ms CPU  ({:.0} rows/s wall)",
        ms(export),
        ms(median(export_cpu)),
        rows as f64 / export.as_secs_f64()
    );
    println!(
        "  import json: {:>8.1} ms wall, {:>8.1} ms CPU  ({:.0} rows/s wall; into an empty database, one transaction)",
        ms(import),
        ms(median(import_cpu)),
        rows as f64 / import.as_secs_f64()
    );
    Ok(())
}
