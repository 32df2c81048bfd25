//! What Space does on the selected item: a task or an action item done.

use super::*;

impl TodayPane {
    pub(super) fn toggle_done(&mut self, ctx: &mut Ctx) -> Outcome {
        let Some(item) = self.items.get(self.selected).copied() else {
            return Outcome::Handled;
        };
        match item.section {
            Section::Focus => {
                let Some(t) = self.tasks.get(item.index) else {
                    return Outcome::Handled;
                };
                let status = if t.status == TaskStatus::Done {
                    TaskStatus::Todo
                } else {
                    TaskStatus::Done
                };
                match ctx.repo.set_task_status(t.id, t.stamp.version, status) {
                    Ok(t) => ctx
                        .status
                        .info(format!("“{}” is {}", sanitize(&t.title), t.status)),
                    Err(e @ DbError::Conflict { .. }) => {
                        ctx.status.error(format!("{e} — reloaded, try again"));
                    }
                    Err(e) => ctx.status.error(e),
                }
                Outcome::Wrote
            }
            Section::Actions => {
                let Some(a) = self.actions.first.get(item.index) else {
                    return Outcome::Handled;
                };
                match ctx.repo.set_action_item_done(a.id, a.stamp.version, true) {
                    Ok(a) => ctx.status.info(format!(
                        "action item “{}” done (it stays with its meeting)",
                        truncate(&sanitize(&a.title), 40)
                    )),
                    Err(e @ DbError::Conflict { .. }) => {
                        ctx.status.error(format!("{e} — reloaded, try again"));
                    }
                    Err(e) => ctx.status.error(e),
                }
                Outcome::Wrote
            }
            _ => {
                ctx.status
                    .info("Space marks tasks and action items done; Enter opens this one");
                Outcome::Handled
            }
        }
    }
}
