//! Sample data: a realistic, deterministic record of someone's working life, for trying the app,
//! for tests and for benchmarks.
//!
//! The same seed, row target and end date always give the same database. Everything is written
//! through the repository (so it obeys the same rules as typed data) in one transaction; the
//! search index is built once, at the end.

use crate::db::{Backend, Error, Repo, Result};
use crate::model::*;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use rand::prelude::*;
use rand_chacha::ChaCha8Rng;

/// About a year of daily use.
pub const DEFAULT_ROWS: usize = 5_500;
/// The most `worklog demo` will generate.
pub const MAX_ROWS: usize = 1_000_000;
/// Rows a typical day adds (tasks, check-ins, meetings and their links...), weekends included.
const ROWS_PER_DAY: usize = 15;
/// The history never reaches back further than this; past it, days get busier instead.
const MAX_DAYS: usize = 20 * 365;
/// Below this many rows the cast (organizations, people, skills, goals) shrinks in proportion,
/// so that a small target still gets days of use rather than only the cast.
const FULL_CAST_ROWS: usize = 1_500;
/// About how many rows the whole cast takes.
const CAST_ROWS: usize = 50;

/// What was generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub rows: i64,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

/// Fills an empty database with about `rows` rows ending on `today`.
///
/// On PostgreSQL the rows are made in a SQLite file first and then copied across
/// ([`crate::copy::copy`]: multi-row inserts in one transaction, verified): made on the
/// server, each of the generator's repository calls was a round trip or several, and 100,000
/// rows took 93 s. The data is the same either way.
pub fn generate(repo: &Repo, rows: usize, seed: u64, today: NaiveDate) -> Result<Summary> {
    if repo.backend() == Backend::Postgres {
        return generate_through_sqlite(repo, rows, seed, today);
    }
    let rows = rows.clamp(1, MAX_ROWS);
    let cast = (rows as f64 / FULL_CAST_ROWS as f64).min(1.0);
    let cast_rows = (CAST_ROWS as f64 * cast).round() as usize;
    let days = (rows.saturating_sub(cast_rows) / ROWS_PER_DAY).clamp(1, MAX_DAYS);
    let first_day = today - Duration::days(days as i64 - 1);
    let mut g = Gen {
        rng: ChaCha8Rng::seed_from_u64(seed),
        repo,
        people: Vec::new(),
        skills: Vec::new(),
        goals: Vec::new(),
        open: Vec::new(),
    };
    // One transaction, with the search index built once at the end (see
    // `Repo::load_in_bulk`): per-row index triggers were most of the time of a big demo.
    repo.load_in_bulk(|_| -> Result<()> {
        g.setup(first_day, cast)?;
        // The same density every day: a day's use, or several when the target outgrows
        // MAX_DAYS of history.
        let busy = (rows / (days * ROWS_PER_DAY)).max(1);
        let mut day = first_day;
        while day <= today {
            for _ in 0..busy {
                g.day(day, today)?;
            }
            day += Duration::days(1);
        }
        Ok(())
    })?;
    Ok(Summary {
        rows: repo.row_counts()?.total(),
        first_day,
        last_day: today,
    })
}

/// [`generate`] into a temporary SQLite file, then copied into `repo` (a server's schema).
fn generate_through_sqlite(
    repo: &Repo,
    rows: usize,
    seed: u64,
    today: NaiveDate,
) -> Result<Summary> {
    let dir = tempfile::Builder::new()
        .prefix("worklog-demo-")
        .tempdir()
        .map_err(|e| Error::Io(format!("cannot make a temporary folder for the demo: {e}")))?;
    let lite = Repo::open_migrated(&dir.path().join("worklog.db"), repo.clock().clone())?;
    let made = generate(&lite, rows, seed, today)?;
    crate::copy::copy(&lite, repo, &mut |_, _| {}).map_err(|e| Error::Io(format!("{e:#}")))?;
    Ok(Summary {
        rows: repo.row_counts()?.total(),
        ..made
    })
}

struct Gen<'a> {
    rng: ChaCha8Rng,
    repo: &'a Repo,
    people: Vec<Id>,
    skills: Vec<Id>,
    goals: Vec<Id>,
    /// Tasks left open on the last working day, to be carried (or not) to the next.
    open: Vec<Id>,
}

impl Gen<'_> {
    fn pick<'s>(&mut self, from: &'s [&'s str]) -> &'s str {
        from.choose(&mut self.rng).copied().unwrap_or_default()
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p.clamp(0.0, 1.0))
    }

    fn tags(&mut self, n_max: usize) -> Vec<String> {
        let n = self.rng.random_range(0..=n_max);
        (0..n).map(|_| self.pick(TAGS).to_string()).collect()
    }

    fn time(&mut self, from_hour: u32, to_hour: u32) -> NaiveTime {
        let h = self.rng.random_range(from_hour..to_hour);
        let m = *[0u32, 15, 30, 45].choose(&mut self.rng).unwrap_or(&0);
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
    }

    /// People, organizations, skills and the goal tree that the days refer to: all of them, or
    /// the share `cast` (0–1) of each list, at least one.
    fn setup(&mut self, first_day: NaiveDate, cast: f64) -> Result<()> {
        let share = |len: usize| ((len as f64 * cast).ceil() as usize).clamp(1, len);
        let orgs: Vec<Id> = ORGANIZATIONS
            .iter()
            .take(share(ORGANIZATIONS.len()))
            .map(|o| self.repo.add_organization(o).map(|o| o.id))
            .collect::<Result<_>>()?;
        self.repo.set_profile(&Profile {
            name: "Sam Rivera".into(),
            role: "Senior software engineer".into(),
            organization_id: orgs.first().copied(),
        })?;
        for (i, (name, role)) in PEOPLE.iter().take(share(PEOPLE.len())).enumerate() {
            let p = self.repo.add_person(&PersonDraft {
                name: (*name).into(),
                organization_id: orgs.get(i % 3).copied().filter(|_| i % 5 != 4),
                role: (*role).into(),
                email: String::new(),
                notes: String::new(),
            })?;
            self.people.push(p.id);
        }
        for (name, category) in SKILLS.iter().take(share(SKILLS.len())) {
            let target = self.rng.random_range(2..=5u8);
            let s = self.repo.add_skill(&SkillDraft {
                name: (*name).into(),
                category: (*category).into(),
                description: String::new(),
                target_level: Some(target),
                organization_id: None,
                tags: vec![(*category).to_lowercase()],
            })?;
            let start = self.rng.random_range(0..=target.min(3));
            self.repo
                .record_skill_level(s.id, start, first_day, "starting point")?;
            self.skills.push(s.id);
        }
        for (title, children) in GOALS.iter().take(share(GOALS.len())) {
            let target = first_day + Duration::days(self.rng.random_range(60..400));
            let parent = self.repo.add_goal(&GoalDraft {
                title: (*title).into(),
                target_date: Some(target),
                tags: self.tags(1),
                ..GoalDraft::default()
            })?;
            self.goals.push(parent.id);
            for child in *children {
                let g = self.repo.add_goal(&GoalDraft {
                    parent_id: Some(parent.id),
                    title: (*child).into(),
                    target_date: Some(target - Duration::days(self.rng.random_range(0..60))),
                    ..GoalDraft::default()
                })?;
                self.goals.push(g.id);
                for m in 0..self.rng.random_range(1..4) {
                    let due = target - Duration::days(30 * (3 - m));
                    let title = format!("{} — step {}", child, m + 1);
                    self.repo.add_milestone(g.id, &title, Some(due))?;
                }
            }
        }
        Ok(())
    }

    /// One day of use: focus tasks, check-ins, and now and then a learning, a meeting,
    /// feedback, a skill assessment or progress on a goal.
    fn day(&mut self, day: NaiveDate, today: NaiveDate) -> Result<()> {
        let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        let past = day < today;

        // Yesterday's leftovers: most are carried to today, and most of those then get done.
        if !weekend {
            let leftovers = std::mem::take(&mut self.open);
            let (carry, abandon): (Vec<Id>, Vec<Id>) = leftovers
                .into_iter()
                .partition(|_| self.rng.random_bool(0.7));
            // What is not carried is let go, as people do, rather than left open for ever.
            for id in abandon {
                let t = self.repo.task(id)?;
                self.repo
                    .set_task_status(id, t.stamp.version, TaskStatus::Dropped)?;
            }
            self.repo.carry_tasks(&carry, day)?;
            for id in carry {
                if past && self.chance(0.6) {
                    let t = self.repo.task(id)?;
                    let at = day.and_time(self.time(9, 19));
                    self.repo
                        .set_task_status_at(id, t.stamp.version, TaskStatus::Done, at)?;
                } else if past {
                    self.open.push(id);
                }
            }
        }

        // Focus: most done in the past, some left open to be carried.
        let n_tasks = if weekend {
            self.rng.random_range(0..2)
        } else {
            self.rng.random_range(3..7)
        };
        for _ in 0..n_tasks {
            let title = format!("{} {}", self.pick(TASK_VERBS), self.pick(TASK_OBJECTS));
            let goal_id = if self.chance(0.3) {
                self.goals.choose(&mut self.rng).copied()
            } else {
                None
            };
            let priority = Priority::ALL
                .choose(&mut self.rng)
                .copied()
                .unwrap_or_default();
            let estimate = if self.chance(0.5) {
                Some(
                    *[15u32, 30, 45, 60, 90, 120]
                        .choose(&mut self.rng)
                        .unwrap_or(&30),
                )
            } else {
                None
            };
            let tags = self.tags(2);
            let notes = if self.chance(0.2) {
                self.pick(NOTES).to_string()
            } else {
                String::new()
            };
            let t = self.repo.add_task(
                day,
                &TaskDraft {
                    title,
                    notes,
                    priority,
                    estimate_minutes: estimate,
                    goal_id,
                    tags,
                },
            )?;
            if past {
                let roll: f64 = self.rng.random();
                let status = if roll < 0.78 {
                    Some(TaskStatus::Done)
                } else if roll < 0.84 {
                    Some(TaskStatus::Dropped)
                } else {
                    None
                };
                match status {
                    Some(s) => {
                        let at = day.and_time(self.time(9, 19));
                        self.repo.set_task_status_at(t.id, t.stamp.version, s, at)?;
                    }
                    None => self.open.push(t.id),
                }
            }
        }

        // Energy: a few check-ins, lower late in the afternoon and on Mondays.
        let n_checkins = if weekend {
            self.rng.random_range(0..2)
        } else {
            self.rng.random_range(2..5)
        };
        for _ in 0..n_checkins {
            let time = self.time(8, 19);
            let base = if time.hour_of_day() >= 15 { 2.6 } else { 3.6 }
                - if day.weekday() == Weekday::Mon {
                    0.4
                } else {
                    0.0
                };
            let level = (base + self.rng.random_range(-1.5..1.5f64))
                .round()
                .clamp(1.0, 5.0) as u8;
            let note = if self.chance(0.3) {
                self.pick(ENERGY_NOTES).to_string()
            } else {
                String::new()
            };
            let tags = if self.chance(0.2) {
                vec![self.pick(&["coffee", "sleep", "focus", "walk"]).to_string()]
            } else {
                vec![]
            };
            // Nobody checks in from the future: today stops at the clock.
            if day.and_time(time) > self.repo.clock().now() {
                continue;
            }
            self.repo.add_checkin(&CheckinDraft {
                at: day.and_time(time),
                level,
                note,
                tags,
            })?;
        }

        if weekend {
            return Ok(());
        }

        // Journal.
        if self.chance(0.6) {
            let title = format!("{} {}", self.pick(LEARN_PREFIX), self.pick(LEARN_TOPICS));
            let skill_ids = if self.chance(0.5) {
                self.skills
                    .choose(&mut self.rng)
                    .copied()
                    .into_iter()
                    .collect()
            } else {
                vec![]
            };
            let starred = self.chance(0.1);
            let tags = self.tags(3);
            let body = (0..self.rng.random_range(1..4))
                .map(|_| self.pick(NOTES))
                .collect::<Vec<_>>()
                .join("\n\n");
            self.repo.add_learning(&LearningDraft {
                at: Some(day.and_time(self.time(9, 18))),
                title,
                body,
                starred,
                tags,
                skill_ids,
            })?;
        }

        // Meetings with attendees and action items.
        for _ in 0..self.rng.random_range(0..3) {
            let kind = *MeetingKind::ALL
                .choose(&mut self.rng)
                .unwrap_or(&MeetingKind::Other);
            let n = if kind == MeetingKind::OneOnOne {
                1
            } else {
                self.rng.random_range(2..5)
            };
            let attendee_ids: Vec<Id> = self
                .people
                .choose_multiple(&mut self.rng, n)
                .copied()
                .collect();
            let title = self.pick(meeting_titles(kind)).to_string();
            let notes = (0..self.rng.random_range(0..3))
                .map(|_| format!("- {}", self.pick(NOTES)))
                .collect::<Vec<_>>()
                .join("\n");
            let m = self.repo.add_meeting(&MeetingDraft {
                starts_at: day.and_time(self.time(9, 17)),
                duration_minutes: Some(*[15u32, 30, 45, 60].choose(&mut self.rng).unwrap_or(&30)),
                title,
                kind,
                notes,
                attendee_ids: attendee_ids.clone(),
                tags: self.tags(1),
            })?;
            if self.chance(0.5) {
                let owner_id = if self.chance(0.5) {
                    None
                } else {
                    attendee_ids.first().copied()
                };
                let due = day + Duration::days(self.rng.random_range(1..10));
                let item = self.repo.add_action_item(&ActionItemDraft {
                    title: format!("{} {}", self.pick(TASK_VERBS), self.pick(TASK_OBJECTS)),
                    source: ActionSource::Meeting(m.id),
                    owner_id,
                    due_date: Some(due),
                })?;
                // Most past items get closed; a few linger, as they do.
                if due < today && self.chance(0.95) {
                    // Closed on a working day between the meeting and the due date.
                    let after = self.rng.random_range(0..=(due - day).num_days());
                    let at = (day + Duration::days(after)).and_time(self.time(9, 19));
                    self.repo
                        .set_action_item_done_at(item.id, item.stamp.version, true, at)?;
                }
            }
        }

        // Feedback, about weekly.
        if self.chance(0.2) {
            let Some(&person_id) = self.people.choose(&mut self.rng) else {
                return Ok(());
            };
            let direction = if self.chance(0.5) {
                Direction::Given
            } else {
                Direction::Received
            };
            let kind = *FeedbackKind::ALL
                .choose(&mut self.rng)
                .unwrap_or(&FeedbackKind::Other);
            self.repo.add_feedback(&FeedbackDraft {
                direction,
                person_id,
                day,
                kind,
                content: self.pick(FEEDBACK).to_string(),
                meeting_id: None,
                tags: self.tags(1),
            })?;
        }

        // Skills move now and then; goals' milestones get done.
        if self.chance(0.08)
            && let Some(&skill) = self.skills.choose(&mut self.rng)
        {
            let s = self.repo.skill(skill)?;
            let current = s.current_level.unwrap_or(0);
            // Growth toward the target; past it, levels mostly hold.
            let below_target = current < s.target_level.unwrap_or(5);
            let level =
                (current + u8::from(self.chance(if below_target { 0.8 } else { 0.1 }))).min(5);
            self.repo
                .record_skill_level(skill, level, day, self.pick(EVIDENCE))?;
        }
        if past
            && self.chance(0.05)
            && let Some(&goal) = self.goals.choose(&mut self.rng)
            && let Some(m) = self
                .repo
                .goal(goal)?
                .milestones
                .into_iter()
                .find(|m| m.done_on.is_none())
        {
            self.repo
                .set_milestone_done_on(m.id, m.version, true, day)?;
        }
        Ok(())
    }
}

trait HourOfDay {
    fn hour_of_day(&self) -> u32;
}

impl HourOfDay for NaiveTime {
    fn hour_of_day(&self) -> u32 {
        chrono::Timelike::hour(self)
    }
}

const ORGANIZATIONS: &[&str] = &["Northwind Labs", "Acme Cloud", "Open Source"];

const PEOPLE: &[(&str, &str)] = &[
    ("Ana Souza", "Engineering manager"),
    ("Bilal Khan", "Staff engineer"),
    ("Chen Wei 陈伟", "Product manager"),
    ("Dana Kowalski", "Designer"),
    ("Emeka Obi", "SRE"),
    ("Fatima Zahra", "Data scientist"),
    ("Giulia Rossi", "Tech lead"),
    ("Hiro Tanaka 田中", "Backend engineer"),
    ("Inès Dubois", "QA engineer"),
    ("Jonas Berg", "Director"),
    ("Kavya Iyer", "Frontend engineer"),
    ("Liam O'Brien", "Mentor"),
];

const SKILLS: &[(&str, &str)] = &[
    ("Rust", "Languages"),
    ("SQL", "Languages"),
    ("TypeScript", "Languages"),
    ("Kubernetes", "Infrastructure"),
    ("Observability", "Infrastructure"),
    ("System design", "Architecture"),
    ("API design", "Architecture"),
    ("Code review", "Craft"),
    ("Testing", "Craft"),
    ("Public speaking", "People"),
    ("Mentoring", "People"),
    ("Writing", "People"),
];

const GOALS: &[(&str, &[&str])] = &[
    (
        "Grow into a staff role 🚀",
        &["Lead a cross-team design", "Mentor two engineers"],
    ),
    (
        "Ship the billing rewrite",
        &[
            "Migrate invoices",
            "Retire the old cron jobs",
            "Load test at 10×",
        ],
    ),
    (
        "Get better at Rust",
        &[
            "Finish the async book",
            "Contribute to an open-source crate",
        ],
    ),
    (
        "Speak at a conference",
        &["Write the proposal", "Give a practice talk"],
    ),
];

const TAGS: &[&str] = &[
    "rust", "sql", "ops", "review", "design", "oncall", "docs", "hiring", "infra", "perf", "学习",
];

const TASK_VERBS: &[&str] = &[
    "Review",
    "Write",
    "Fix",
    "Plan",
    "Refactor",
    "Benchmark",
    "Document",
    "Deploy",
    "Debug",
    "Draft",
];

const TASK_OBJECTS: &[&str] = &[
    "the billing migration",
    "PR #482 (connection pool)",
    "flaky integration test",
    "on-call handover notes",
    "the Q3 roadmap doc",
    "latency dashboard",
    "schema for invoices",
    "release notes",
    "the design review deck",
    "retry logic in the worker",
    "interview feedback",
    "Kubernetes upgrade runbook",
];

const LEARN_PREFIX: &[&str] = &["TIL:", "Note on", "Learned:", "Notes on"];

const LEARN_TOPICS: &[&str] = &[
    "SQLite WAL checkpoints work",
    "borrowck errors read backwards",
    "EXPLAIN QUERY PLAN shows covering indexes",
    "tokio's select! cancels branches",
    "backpressure in bounded channels",
    "writing a good incident review",
    "estimating with reference classes",
    "CSS grid auto-fit vs auto-fill",
    "property-based tests find edge cases",
    "giving feedback with SBI",
];

const NOTES: &[&str] = &[
    "Worth revisiting next week.",
    "Paired with the team on this; good discussion.",
    "The benchmark showed a 3× improvement after the index.",
    "Blocked on review — pinged twice.",
    "Keep the scope small: one migration at a time.",
    "Follow up with the on-call about alert noise.",
    "Link: see the design doc in the wiki ✅",
    "会议记录已共享。",
];

const ENERGY_NOTES: &[&str] = &[
    "good sleep",
    "after lunch dip",
    "back-to-back meetings",
    "deep work morning ☕",
    "long on-call night",
    "walked at lunch",
];

/// Titles that fit each kind of meeting.
fn meeting_titles(kind: MeetingKind) -> &'static [&'static str] {
    match kind {
        MeetingKind::OneOnOne => &["1:1"],
        MeetingKind::Team => &["Standup", "Team retro", "Team sync"],
        MeetingKind::Interview => &[
            "Interview: backend engineer",
            "Interview: SRE",
            "Interview debrief",
        ],
        MeetingKind::Review => &[
            "Design review: billing",
            "Incident retro",
            "Architecture review",
        ],
        MeetingKind::Planning => &["Sprint planning", "Quarterly planning", "Roadmap planning"],
        MeetingKind::External => &["Customer call", "Vendor sync", "Partner demo"],
        MeetingKind::Other => &["Hiring sync", "Architecture forum", "Lunch and learn"],
    }
}

const FEEDBACK: &[&str] = &[
    "The design doc was clear and the trade-offs well argued.",
    "Jumped in quickly on the incident; great calm communication.",
    "Could share progress earlier so others can plan around it.",
    "The code review comments were thorough and kind.",
    "Try to leave more time for questions in demos.",
    "Thanks for mentoring the new hire — it made a real difference.",
];

const EVIDENCE: &[&str] = &[
    "Led the design review",
    "Shipped without reviewer changes",
    "Gave a brown-bag talk",
    "Mentored a teammate through it",
    "Solved the incident root cause",
    "Completed the course exercises",
];
