//! What the action item form saves, and how a conflict shows the saved version: the
//! [`FormSpec`] of the item popups.

use crate::dates::Lean;
use crate::db::Error as DbError;
use crate::model::{ActionItem, ActionItemDraft, ActionSource, Id, Task};
use crate::tui::form::controller::{Conflict, FormSpec, FormTarget};
use crate::tui::form::{Form, PickOption};
use crate::tui::panes::Ctx;
use crate::tui::panes::pick::{parse_day, resolve_people};
use chrono::NaiveDate;

/// The item popups: the action item form, or the day to promote an item to a focus task.
pub(super) enum ItemForm {
    Item { source: ActionSource },
    Promote { id: Id, title: String },
}

pub(super) enum ItemSaved {
    Item(ActionItem),
    Promoted { id: Id, title: String, task: Task },
}

/// The item form's values, the owner as picked (a new name is created on save).
pub(super) fn read_item(
    form: &Form,
    today: NaiveDate,
) -> Result<(String, Vec<PickOption>, Option<NaiveDate>), DbError> {
    let due = parse_day(&form.text("due"), today, "due date", Lean::Future)
        .map_err(|e| DbError::invalid("due", e))?;
    Ok((form.text("title"), form.picked("owner"), due))
}

impl FormSpec for ItemForm {
    type Saved = ItemSaved;

    fn draft_key(&self, target: &FormTarget) -> Option<String> {
        match (self, target) {
            (ItemForm::Promote { .. }, _) => None,
            (ItemForm::Item { .. }, FormTarget::Edit { id, .. }) => Some(format!("item:edit:{id}")),
            (ItemForm::Item { source }, FormTarget::New) => Some(match source {
                ActionSource::Meeting(m) => format!("item:new:meeting:{m}"),
                ActionSource::Feedback(f) => format!("item:new:feedback:{f}"),
                ActionSource::None => "item:new".into(),
            }),
        }
    }

    fn save(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget) -> Result<ItemSaved, DbError> {
        match self {
            ItemForm::Item { source } => {
                let (title, owner, due) = read_item(form, ctx.today)?;
                let source = *source;
                ctx.repo
                    .in_transaction(|r| {
                        let draft = ActionItemDraft {
                            title: title.clone(),
                            source,
                            owner_id: resolve_people(r, &owner)?.first().copied(),
                            due_date: due,
                        };
                        match *target {
                            FormTarget::New => r.add_action_item(&draft),
                            FormTarget::Edit { id, version } => {
                                r.update_action_item(id, version, &draft)
                            }
                        }
                    })
                    .map(ItemSaved::Item)
            }
            ItemForm::Promote { id, title } => {
                let day = parse_day(&form.text("day"), ctx.today, "day", Lean::Future)
                    .map_err(|e| DbError::invalid("day", e))?
                    .unwrap_or(ctx.today);
                let task = ctx.repo.promote_action_item(*id, day)?;
                Ok(ItemSaved::Promoted {
                    id: *id,
                    title: title.clone(),
                    task,
                })
            }
        }
    }

    fn conflict(&mut self, ctx: &Ctx, form: &Form, id: Id, _: i64) -> Result<Conflict, DbError> {
        let theirs = ctx.repo.action_item(id)?;
        let yours = match self {
            ItemForm::Item { .. } => {
                let (title, owner, due) = read_item(form, ctx.today)?;
                vec![
                    ("title".into(), title),
                    (
                        "owner".into(),
                        owner.first().map(|o| o.label.clone()).unwrap_or_default(),
                    ),
                    ("due".into(), due.map(|d| d.to_string()).unwrap_or_default()),
                ]
            }
            ItemForm::Promote { .. } => vec![("day".into(), form.text("day"))],
        };
        Ok(Conflict {
            yours,
            theirs: item_lines(&theirs),
            version: theirs.stamp.version,
        })
    }
}

pub(super) fn item_lines(i: &ActionItem) -> Vec<(String, String)> {
    vec![
        ("title".into(), i.title.clone()),
        (
            "owner".into(),
            i.owner
                .as_ref()
                .map(|o| o.name.clone())
                .unwrap_or_else(|| "me".into()),
        ),
        (
            "due".into(),
            i.due_date.map(|d| d.to_string()).unwrap_or_default(),
        ),
    ]
}
