//! Drawing: the popup with its three lists, and the confirmation over it.

use super::*;

impl Manager {
    pub fn render(&mut self, frame: &mut Frame, area: Rect) {
        let t = self.theme;
        if area.width < 10 || area.height < 4 {
            return;
        }
        let w = area.width.min(100);
        let popup = Rect {
            x: area.x + (area.width - w) / 2,
            width: w,
            ..area
        };
        frame.render_widget(Clear, popup);
        let mut title = vec![Span::raw(" ")];
        for s in Section::ALL {
            let style = if s == self.section {
                t.active()
            } else {
                t.dim()
            };
            title.push(Span::styled(format!(" {} ", s.name()), style));
            title.push(Span::raw(" "));
        }
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.focus())
            .title(Line::from(title));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        if inner.height < 2 || inner.width < 4 {
            return;
        }
        let mut y = inner.y;
        let shown = match self.organization.and_then(|id| self.org_name(Some(id))) {
            Some(o) if self.section == Section::People => {
                format!("{} people in {}", self.visible.len(), sanitize(o))
            }
            _ => format!(
                "{} {}",
                self.visible.len(),
                self.section.name().to_lowercase()
            ),
        };
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&shown, usize::from(inner.width)).into_owned(),
                t.dim(),
            )),
            Rect {
                y,
                height: 1,
                ..inner
            },
        );
        y += 1;
        if self.filter.is_active() || self.filter.typing {
            let total = match self.section {
                Section::People => self.people.len(),
                Section::Tags => self.tags.len(),
                Section::Organizations => self.orgs.len(),
            };
            render_filter(
                frame,
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                &self.filter,
                self.visible.len(),
                total,
                t,
            );
            y += 1;
        }
        let body = Rect {
            y,
            height: inner.bottom().saturating_sub(y),
            ..inner
        };
        if self.visible.is_empty() {
            let msg = match self.section {
                Section::People => {
                    "No people yet: a adds one (meetings and feedback add them too)."
                }
                Section::Tags => "No tags yet: they are made where you use them.",
                Section::Organizations => "No organizations yet: a adds one.",
            };
            render_empty(frame, body, msg, t);
        } else {
            self.render_rows(frame, body);
        }
        match &mut self.modal {
            Modal::None => {}
            Modal::Merge { form, .. } => form.render(frame, area),
            Modal::Confirm { question, .. } => render_confirm(frame, area, question, t),
        }
        self.form.render(frame, area);
    }

    pub(super) fn render_rows(&mut self, frame: &mut Frame, body: Rect) {
        let t = self.theme;
        let w = usize::from(body.width);
        let range = self
            .cursor
            .window(self.visible.len(), usize::from(body.height));
        let hits = range
            .clone()
            .zip(body.y..body.bottom())
            .map(|(row, y)| {
                (
                    Rect {
                        y,
                        height: 1,
                        ..body
                    },
                    row,
                )
            })
            .collect();
        crate::tui::mouse::popup(hits, self.cursor.selected);
        let mut lines = Vec::new();
        for row in range {
            let Some(&i) = self.visible.get(row) else {
                continue;
            };
            let text = match self.section {
                Section::People => {
                    let Some(p) = self.people.get(i) else {
                        continue;
                    };
                    let org = self.org_name(p.organization_id).unwrap_or("");
                    let name_w = (w / 3).max(10);
                    let org_w = (w / 5).max(8);
                    let rest = w.saturating_sub(name_w + org_w + 2);
                    let detail = [p.role.as_str(), p.email.as_str()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                    format!(
                        "{} {} {}",
                        fit(&sanitize(&p.name), name_w),
                        fit(&sanitize(org), org_w),
                        fit(&sanitize(&detail), rest)
                    )
                }
                Section::Tags => {
                    let Some(tag) = self.tags.get(i) else {
                        continue;
                    };
                    let uses = format!("{} use{}", tag.uses, if tag.uses == 1 { "" } else { "s" });
                    format!(
                        "{} {}",
                        fit(
                            &format!("#{}", sanitize(&tag.name)),
                            w.saturating_sub(width(&uses) + 1)
                        ),
                        uses
                    )
                }
                Section::Organizations => {
                    let Some(o) = self.orgs.get(i) else {
                        continue;
                    };
                    let n = self
                        .people
                        .iter()
                        .filter(|p| p.organization_id == Some(o.id))
                        .count();
                    let mark = if self.organization == Some(o.id) {
                        "  ● shown alone"
                    } else {
                        ""
                    };
                    let tail = format!("{n} {}{mark}", if n == 1 { "person" } else { "people" });
                    format!(
                        "{} {}",
                        fit(&sanitize(&o.name), w.saturating_sub(width(&tail) + 1)),
                        tail
                    )
                }
            };
            let style = if row == self.cursor.selected {
                t.selected()
            } else {
                t.plain()
            };
            lines.push(Line::from(Span::styled(fit(&text, w), style)));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }
}

pub(super) fn render_confirm(frame: &mut Frame, area: Rect, question: &str, t: Theme) {
    let w = area.width.min(64);
    // The question wrapped (one line of slack for word breaks), a blank line, the keys.
    let text_w = usize::from(w.saturating_sub(2)).max(1);
    let q_lines = width(question).div_ceil(text_w) + 1;
    let h = area
        .height
        .min(u16::try_from(q_lines + 4).unwrap_or(u16::MAX));
    if w < 4 || h < 3 {
        return;
    }
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.warning())
        .title(Span::styled(" Are you sure? ", t.warning()));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let mut spans = Vec::new();
    for (k, h) in keymap::footer(&[Context::Confirm]) {
        spans.push(Span::styled(k, t.key()));
        spans.push(Span::raw(format!(" {h}   ")));
    }
    let lines = vec![
        Line::from(sanitize(question).into_owned()),
        Line::from(""),
        Line::from(spans),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}
