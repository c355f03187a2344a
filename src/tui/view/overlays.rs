//! Overlays drawn over the grid: help and the two forms.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::centered;
use crate::tui::forms::{Confirm, EnvelopeForm, ExportForm, NonReceiptForm, NoteForm, Picker};
use crate::tui::model::Model;

pub(super) fn help(model: &Model, frame: &mut Frame<'_>, area: Rect) {
    let cat = model.lang.catalog();
    let key_width = cat
        .help_lines
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let narrow = area.width < 70;
    let lines: Vec<Line<'_>> = cat
        .help_lines
        .iter()
        .map(|(k, d)| {
            if narrow || k.is_empty() {
                Line::from(vec![
                    Span::styled(*k, model.theme.title()),
                    Span::raw(if k.is_empty() { "" } else { " " }),
                    Span::raw(*d),
                ])
            } else {
                Line::from(vec![
                    Span::styled(format!("{k:<key_width$}  "), model.theme.title()),
                    Span::raw(*d),
                ])
            }
        })
        .collect();
    let rect = centered(area, 96, area.height);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((model.help_scroll, 0))
            .block(Block::bordered().title(format!(" {} ", cat.help_title))),
        rect,
    );
}

fn field<'a>(label: &str, value: &str, focused: bool, model: &Model) -> Line<'a> {
    let marker = if focused { "▸ " } else { "  " };
    let cursor = if focused { "_" } else { "" };
    let style = if focused {
        model.theme.title()
    } else {
        ratatui::style::Style::default()
    };
    Line::from(vec![
        Span::styled(
            format!("{marker}{label}{}", model.lang.catalog().list_sep),
            style,
        ),
        Span::styled(format!("{value}{cursor}"), style),
    ])
}

fn form_box(
    model: &Model,
    title: &str,
    mut lines: Vec<Line<'_>>,
    error: Option<&String>,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let cat = model.lang.catalog();
    if let Some(e) = error {
        lines.push(Line::styled(e.clone(), model.theme.failure()));
    }
    lines.push(Line::styled(cat.hint_form, model.theme.dim()));
    let height = lines.len() as u16 + 4;
    let rect = centered(area, 60, height);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(format!(" {title} "))),
        rect,
    );
}

pub(super) fn envelope(model: &Model, form: &EnvelopeForm, frame: &mut Frame<'_>, area: Rect) {
    let cat = model.lang.catalog();
    let lines = vec![
        field(cat.envelope_voters, &form.voters, form.focus == 0, model),
        field(
            cat.envelope_received,
            &form.received,
            form.focus == 1,
            model,
        ),
        field(
            model.lang.journey().envelope_note,
            &form.note,
            form.focus == 2,
            model,
        ),
    ];
    form_box(
        model,
        cat.envelope_title,
        lines,
        form.error.as_ref(),
        frame,
        area,
    );
}

pub(super) fn non_receipt(model: &Model, form: &NonReceiptForm, frame: &mut Frame<'_>, area: Rect) {
    let cat = model.lang.catalog();
    let bureau = model
        .bureau
        .as_ref()
        .map(|b| format!("{} {}", cat.bureau, b.code))
        .unwrap_or_default();
    let lines = vec![
        Line::raw(format!("  {bureau}")),
        field(cat.non_receipt_voter, &form.voter, form.focus == 0, model),
        field(
            model.lang.journey().envelope_note,
            &form.note,
            form.focus == 1,
            model,
        ),
    ];
    form_box(
        model,
        cat.non_receipt_title,
        lines,
        form.error.as_ref(),
        frame,
        area,
    );
}

pub(super) fn picker(model: &Model, picker: &Picker, frame: &mut Frame<'_>, area: Rect) {
    let cat = model.lang.catalog();
    let title = match picker.purpose {
        crate::tui::forms::PickerPurpose::Switch => cat.picker_title,
        crate::tui::forms::PickerPurpose::MoveTo => model.lang.journey().move_title,
    };
    let rect = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let inner_width = rect.width.saturating_sub(2);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                format!("{}{}", cat.picker_prompt, cat.list_sep),
                model.theme.title(),
            ),
            Span::raw(format!("{}_", picker.query)),
        ]),
        Line::styled((cat.picker_count)(picker.total), model.theme.dim()),
    ];
    let room = usize::from(rect.height.saturating_sub(4));
    let first = picker.selected.saturating_sub(room.saturating_sub(1));
    for (n, i) in picker.hits.iter().enumerate().skip(first).take(room) {
        let Some(entry) = model.places.get(*i) else {
            continue;
        };
        let text = if entry.detail.is_empty() {
            entry.title.clone()
        } else {
            format!("{} · {}", entry.title, entry.detail)
        };
        let text = super::fit(&text, inner_width.saturating_sub(2));
        if n == picker.selected {
            lines.push(Line::styled(format!("▸ {text}"), model.theme.cursor()));
        } else {
            lines.push(Line::raw(format!("  {text}")));
        }
    }
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(format!(" {title} "))),
        rect,
    );
}

pub(super) fn note(model: &Model, form: &NoteForm, frame: &mut Frame<'_>, area: Rect) {
    let cat = model.lang.catalog();
    let j = model.lang.journey();
    let who = model
        .candidates
        .get(form.row)
        .map(|c| format!("  {} {}", c.panel, c.display_name()))
        .unwrap_or_default();
    let column = match form.item {
        crate::domain::Item::Foi => cat.col_foi,
        crate::domain::Item::Courrier => cat.col_courrier,
        crate::domain::Item::Bureau => cat.col_bureau,
    };
    let lines = vec![
        Line::raw(who),
        Line::raw(format!("  {column}{}{}", cat.list_sep, cat.mark(form.mark))),
        field(j.note_label, &form.text, true, model),
    ];
    form_box(model, j.note_title, lines, None, frame, area);
}

pub(super) fn export(model: &Model, form: &ExportForm, frame: &mut Frame<'_>, area: Rect) {
    let j = model.lang.journey();
    let lines = vec![field(j.export_label, &form.path, true, model)];
    form_box(
        model,
        j.export_title,
        lines,
        form.error.as_ref(),
        frame,
        area,
    );
}

pub(super) fn confirm(model: &Model, confirm: &Confirm, frame: &mut Frame<'_>, area: Rect) {
    let j = model.lang.journey();
    let rect = super::layout::confirm_area(area);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(confirm.question.clone())
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(format!(" {} ", j.confirm_title))),
        rect,
    );
    let [yes, no] = super::layout::confirm_buttons(area);
    frame.render_widget(Clear, yes);
    frame.render_widget(Clear, no);
    frame.render_widget(
        Paragraph::new(Line::styled(j.yes, model.theme.cursor())).centered(),
        yes,
    );
    frame.render_widget(
        Paragraph::new(Line::styled(j.no, model.theme.title())).centered(),
        no,
    );
}
