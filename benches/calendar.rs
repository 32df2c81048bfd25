//! Importing a calendar of 5,000 events, 200 of them weekly series, and importing it again
//! (which must change nothing), in process. Run with `cargo bench --bench calendar`.

mod common;

use common::{clock, cpu_time, median, ms};
use std::fmt::Write as _;
use std::time::Instant;
use worklog::import::ics::Options;
use worklog::model::ImportSource;
use worklog::paths::DataDir;

const RUNS: usize = 3;
const EVENTS: usize = 5_000;
const SERIES: usize = 200;

/// A calendar like a busy year's export: single meetings over a year in UTC, and weekly
/// series in Europe/Berlin (so across both DST changes), each with an exception and a move.
fn calendar() -> String {
    let mut s = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n");
    let person = |i: usize| format!("ATTENDEE;CN=Person {i}:mailto:p{i}@corp.example\r\n");
    for i in 0..EVENTS {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default()
            + chrono::Duration::days((i % 365) as i64);
        let d = day.format("%Y%m%d");
        let hour = 8 + i % 9;
        if i < SERIES {
            let _ = write!(
                s,
                "BEGIN:VEVENT\r\nUID:series-{i}@bench\r\nDTSTART;TZID=Europe/Berlin:{d}T{hour:02}0000\r\n\
                 DURATION:PT30M\r\nRRULE:FREQ=WEEKLY;COUNT=20\r\n\
                 EXDATE;TZID=Europe/Berlin:{}T{hour:02}0000\r\nSUMMARY:Series {i}\r\n\
                 ORGANIZER;CN=Me:mailto:me@corp.example\r\n{}{}END:VEVENT\r\n",
                (day + chrono::Duration::days(7)).format("%Y%m%d"),
                person(i % 300),
                person((i + 1) % 300),
            );
            let _ = write!(
                s,
                "BEGIN:VEVENT\r\nUID:series-{i}@bench\r\nRECURRENCE-ID;TZID=Europe/Berlin:{}T{hour:02}0000\r\n\
                 DTSTART;TZID=Europe/Berlin:{}T{:02}0000\r\nDURATION:PT30M\r\nSUMMARY:Series {i} (moved)\r\n\
                 ORGANIZER;CN=Me:mailto:me@corp.example\r\n{}END:VEVENT\r\n",
                (day + chrono::Duration::days(14)).format("%Y%m%d"),
                (day + chrono::Duration::days(14)).format("%Y%m%d"),
                hour + 1,
                person(i % 300),
            );
        } else {
            let _ = write!(
                s,
                "BEGIN:VEVENT\r\nUID:event-{i}@bench\r\nDTSTART:{d}T{hour:02}0000Z\r\nDURATION:PT45M\r\n\
                 SUMMARY:Meeting {i}\r\nLOCATION:Room {}\r\nDESCRIPTION:Agenda for {i}\r\n\
                 ORGANIZER;CN=Me:mailto:me@corp.example\r\nATTENDEE;CN=Me:mailto:me@corp.example\r\n{}{}END:VEVENT\r\n",
                i % 20,
                person(i % 300),
                person((i * 7) % 300),
            );
        }
    }
    s.push_str("END:VCALENDAR\r\n");
    s
}

fn main() -> anyhow::Result<()> {
    if !common::run_as_bench() {
        return Ok(());
    }
    let text = calendar();
    let opts = Options {
        from: chrono::NaiveDate::from_ymd_opt(2025, 12, 1).unwrap_or_default(),
        to: chrono::NaiveDate::from_ymd_opt(2027, 6, 30).unwrap_or_default(),
        all_day: false,
        domain: None,
        calendar: Some("bench".to_string()),
        path: None,
    };
    let tmp = tempfile::tempdir()?;
    let (mut first, mut first_cpu, mut again, mut again_cpu) = (vec![], vec![], vec![], vec![]);
    let mut meetings = 0;
    for run in 0..RUNS {
        let dir = DataDir::new(tmp.path().join(format!("data-{run}")));
        let repo = worklog::launch::open(&dir, clock())?;
        let import = || {
            worklog::import::import_with(
                &repo,
                &text,
                Some(ImportSource::Ics),
                false,
                &worklog::import::system_local,
                &opts,
            )
        };
        let (t, c) = (Instant::now(), cpu_time());
        let o = import()?;
        first.push(t.elapsed());
        first_cpu.push(cpu_time() - c);
        meetings = o.added.total();
        let (t, c) = (Instant::now(), cpu_time());
        let o = import()?;
        again.push(t.elapsed());
        again_cpu.push(cpu_time() - c);
        // Sanity: the second import changes nothing.
        anyhow::ensure!(
            o.added.total() == 0 && o.updated.total() == 0 && o.cancelled.total() == 0,
            "re-import changed something: {o:?}"
        );
        anyhow::ensure!(o.present.total() == meetings, "re-import saw {o:?}");
    }
    let mb = text.len() as f64 / 1e6;
    println!(
        "medians over {RUNS} runs: {EVENTS} events ({SERIES} weekly series), {mb:.1} MB, {meetings} meetings:"
    );
    println!(
        "  import into an empty database: {:>8.1} ms wall, {:>8.1} ms CPU",
        ms(median(first)),
        ms(median(first_cpu))
    );
    println!(
        "  import again (nothing changes): {:>8.1} ms wall, {:>8.1} ms CPU",
        ms(median(again)),
        ms(median(again_cpu))
    );
    Ok(())
}
