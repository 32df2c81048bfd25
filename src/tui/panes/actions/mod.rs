//! Action items as every pane shows them: the list in a meeting, in a piece of feedback and on
//! a person's page; the item form (title, owner with create-new, due date); done toggling (the
//! linked focus task follows); promoting an item to a focus task on a chosen day; and the
//! one-line rendering with the link to the task ("→ task #42 on 2026-11-23").
//!
//! [`ItemForms`] holds the popups and does the writes; [`ItemList`] is a cursor over one
//! source's items. A pane owns one of each and forwards keys.

mod forms;
mod line;
mod list;
mod spec;

pub use forms::ItemForms;
pub use line::{ItemCols, compact_day, item_line, link_text, linked_tasks, split_text_and_items};
pub use list::{ITEMS, ItemList};
