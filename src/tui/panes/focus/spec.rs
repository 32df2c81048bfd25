//! What the task form saves, and how a conflict shows the saved version: the [`FormSpec`]
//! of the Focus pane. It needs nothing from the pane itself, so the pane's module can hold
//! one without the two importing each other.

use crate::dates::Lean;
use crate::db::Error as DbError;
use crate::model::{Id, Priority, Task, TaskDraft};
use crate::tui::form::controller::{Conflict, FormSpec, FormTarget};
use crate::tui::form::{Form, format_minutes, parse_minutes};
use crate::tui::panes::Ctx;
use crate::tui::panes::pick::{NONE_ID, parse_day};
use chrono::NaiveDate;

/// The task form: a new task on `day`, or an edit of a task on `day` (`open` while it is
/// still to do or doing: only then can it move).
pub(super) struct TaskForm {
    pub(super) day: NaiveDate,
    pub(super) open: bool,
}

impl FormSpec for TaskForm {
    type Saved = Task;

    fn save(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget) -> Result<Task, DbError> {
        self.save_one(ctx, form, target)
    }

    fn conflict(&mut self, ctx: &Ctx, form: &Form, id: Id, _: i64) -> Result<Conflict, DbError> {
        let theirs = ctx.repo.task(id)?;
        Ok(Conflict {
            yours: draft_lines(&read_form(form)?),
            theirs: task_lines(&theirs),
            version: theirs.stamp.version,
        })
    }
}

impl TaskForm {
    fn save_one(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget) -> Result<Task, DbError> {
        let draft = read_form(form)?;
        let to = parse_day(&form.text("day"), ctx.today, "day", Lean::Future)
            .map_err(|e| DbError::invalid("day", e))?
            .unwrap_or(self.day);
        match *target {
            FormTarget::New => ctx.repo.add_task(to, &draft),
            FormTarget::Edit { id, version } => {
                // A task changes day the way the carry offer moves it (remembering where it
                // came from), which goes only forward and only for an open task: both are
                // checked before anything is written.
                if to < self.day {
                    return Err(DbError::invalid(
                        "day",
                        format!(
                            "a task moves only to a later day than {}",
                            self.day.format("%a %-d %b")
                        ),
                    ));
                }
                if to > self.day && !self.open {
                    return Err(DbError::invalid(
                        "day",
                        "only a task still to do moves to another day",
                    ));
                }
                ctx.repo.update_task_on(id, version, &draft, to)
            }
        }
    }
}

/// The form's values as a draft for the repository; a value that cannot be read is an
/// error on its field.
pub(super) fn read_form(form: &Form) -> Result<TaskDraft, DbError> {
    let estimate =
        parse_minutes(&form.text("estimate")).map_err(|e| DbError::invalid("estimate", e))?;
    let priority = form
        .picked("priority")
        .first()
        .and_then(|o| u8::try_from(o.id).ok())
        .and_then(|p| Priority::new(p).ok())
        .unwrap_or_default();
    Ok(TaskDraft {
        title: form.text("title"),
        notes: form.text("notes"),
        priority,
        estimate_minutes: estimate,
        goal_id: form
            .picked("goal")
            .first()
            .map(|o| o.id)
            .filter(|id| *id != NONE_ID),
        tags: form.picked("tags").into_iter().map(|o| o.label).collect(),
    })
}

/// (label, value) lines of a draft, for the conflict view.
pub(super) fn draft_lines(d: &TaskDraft) -> Vec<(String, String)> {
    vec![
        ("title".into(), d.title.clone()),
        ("notes".into(), d.notes.clone()),
        ("priority".into(), d.priority.label().into()),
        (
            "estimate".into(),
            d.estimate_minutes.map(format_minutes).unwrap_or_default(),
        ),
        ("tags".into(), d.tags.join(" ")),
    ]
}

/// The saved task's lines: the same fields as [`draft_lines`] (the form has no status).
pub(super) fn task_lines(t: &Task) -> Vec<(String, String)> {
    draft_lines(&TaskDraft {
        title: t.title.clone(),
        notes: t.notes.clone(),
        priority: t.priority,
        estimate_minutes: t.estimate_minutes,
        goal_id: t.goal_id,
        tags: t.tags.clone(),
    })
}
