//! Overlays drawn over the grid: help, the picker, the forms and the yes/no question.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::centered;
use crate::i18n::Message;
use crate::tui::forms::{Confirm, History, Picker};
use crate::tui::model::Mode;
use crate::tui::model::Model;

/// The help's lines for a help box of `width` columns.
fn help_lines(model: &Model, width: u16) -> Vec<Line<'static>> {
    let cat = model.lang.catalog();
    let key_width = cat
        .help_lines
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let narrow = width < 70;
    // The photo key (issue 19) before the legend, and what its mark means after it.
    let text = |id: &'static str| Message::new(id).render(model.lang);
    let legend_at = cat
        .help_lines
        .iter()
        .position(|(k, _)| k.is_empty())
        .unwrap_or(cat.help_lines.len());
    let mut entries: Vec<(String, String)> = cat
        .help_lines
        .iter()
        .map(|(k, d)| ((*k).to_owned(), (*d).to_owned()))
        .collect();
    entries.insert(legend_at, (text("help-photo-keys"), text("help-photo")));
    let after_legend = (legend_at + 2).min(entries.len());
    entries.insert(after_legend, (String::new(), text("help-photo-legend")));
    entries
        .into_iter()
        .map(|(k, d)| {
            if narrow || k.is_empty() {
                let gap = if k.is_empty() { "" } else { " " };
                Line::from(vec![
                    Span::styled(k, model.theme.title()),
                    Span::raw(gap),
                    Span::raw(d),
                ])
            } else {
                Line::from(vec![
                    Span::styled(format!("{k:<key_width$}  "), model.theme.title()),
                    Span::raw(d),
                ])
            }
        })
        .collect()
}

/// Where the help box goes in `area` (the screen above the hint line).
fn help_area(area: Rect) -> Rect {
    centered(area, 96, area.height)
}

/// The furthest the help scrolls in `area`: its wrapped rows less the rows inside the box.
pub(super) fn help_last_scroll(model: &Model, area: Rect) -> u16 {
    let rect = help_area(area);
    let inner = usize::from(rect.width.saturating_sub(2).max(1));
    let rows: usize = help_lines(model, area.width)
        .iter()
        .map(|l| super::wrapped_rows(&l.to_string(), inner))
        .sum();
    u16::try_from(rows.saturating_sub(usize::from(rect.height.saturating_sub(2))))
        .unwrap_or(u16::MAX)
}

pub(super) fn help(model: &Model, frame: &mut Frame<'_>, area: Rect) {
    let cat = model.lang.catalog();
    let lines = help_lines(model, area.width);
    let rect = help_area(area);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((model.help_scroll, 0))
            .block(super::titled(cat.help_title, rect.width)),
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
            format!("{marker}{label}{}", crate::tui::words::sep(model.lang)),
            style,
        ),
        Span::styled(format!("{value}{cursor}"), style),
    ])
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
    // On a phone the long prompt would hide what is typed.
    let long = format!(
        "{}{}",
        cat.picker_prompt,
        crate::tui::words::sep(model.lang)
    );
    let prompt = if long.chars().count() + picker.query.chars().count() < usize::from(inner_width) {
        long
    } else {
        format!(
            "{}{}",
            model.lang.journey().picker_prompt_short,
            crate::tui::words::sep(model.lang)
        )
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(prompt, model.theme.title()),
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
        let text = keep_match(
            &text,
            &picker.query,
            usize::from(inner_width.saturating_sub(2)),
        );
        if n == picker.selected {
            lines.push(Line::styled(format!("▸ {text}"), model.theme.cursor()));
        } else {
            lines.push(Line::raw(format!("  {text}")));
        }
    }
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).block(super::titled(title, rect.width)),
        rect,
    );
}

/// `text` in `room` characters, keeping in view the part that matched the query (the street that
/// matched "clauzel" at the end of a long address): the middle is cut with `…` when needed.
pub(super) fn keep_match(text: &str, query: &str, room: usize) -> String {
    let width = u16::try_from(room).unwrap_or(u16::MAX);
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= room {
        return text.to_owned();
    }
    // Accents and case do not matter to the search: nor here. Each folded character remembers
    // the character it came from.
    let mut folded = String::new();
    let mut origin = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        let f = deunicode::deunicode_char(*c).unwrap_or("?").to_lowercase();
        for fc in f.chars() {
            folded.push(fc);
            origin.push(i);
        }
    }
    let word = query
        .split_whitespace()
        .map(|w| deunicode::deunicode(w).to_lowercase())
        .max_by_key(String::len)
        .unwrap_or_default();
    let found = (!word.is_empty())
        .then(|| folded.find(&word))
        .flatten()
        .map(|byte| folded[..byte].chars().count());
    let Some(at) = found.and_then(|i| origin.get(i).copied()) else {
        return super::fit(text, width);
    };
    let end = origin
        .get(found.unwrap_or(0) + word.chars().count().saturating_sub(1))
        .copied()
        .unwrap_or(at)
        + 1;
    if end < room {
        return super::fit(text, width);
    }
    // Keep the start (the place's code) and the match with a little before it.
    let tail_len = room / 2;
    let head_len = room.saturating_sub(tail_len + 1);
    let from = at.min(chars.len().saturating_sub(tail_len));
    let head: String = chars[..head_len.min(from)].iter().collect();
    let tail: String = chars[from..].iter().take(tail_len).collect();
    let tail = if from + tail_len < chars.len() {
        let t: String = tail.chars().take(tail_len.saturating_sub(1)).collect();
        format!("{t}…")
    } else {
        tail
    };
    format!("{head}…{tail}")
}

pub(super) fn confirm(model: &Model, confirm: &Confirm, frame: &mut Frame<'_>, area: Rect) {
    let j = model.lang.journey();
    let rect = super::layout::confirm_area(area);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(confirm.question.clone())
            .wrap(Wrap { trim: true })
            .block(super::titled(j.confirm_title, rect.width)),
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

/// The history of one cell: every observation with its local time and note, oldest first.
pub(super) fn history(model: &Model, history: &History, frame: &mut Frame<'_>, area: Rect) {
    let lang = model.lang;
    let cat = lang.catalog();
    let title = match model.candidates.get(history.row) {
        Some(c) => Message::new("journey-history-title")
            .arg("cell", cell_name(model, c.panel.get(), history.item))
            .render(lang),
        None => Message::new("journey-history-loading").render(lang),
    };
    let lines: Vec<Line<'static>> = match &history.lines {
        None => vec![Line::raw(
            Message::new("journey-history-loading").render(lang),
        )],
        Some(lines) if lines.is_empty() => {
            vec![Line::raw(
                Message::new("journey-history-empty").render(lang),
            )]
        }
        Some(lines) => lines
            .iter()
            .map(|l| {
                let mut text = match &l.photo {
                    // A photo: "⊡ 15 h 42 photo « table.jpg », prise à 15 h 10".
                    Some(photo) => format!(
                        "{} {} {}",
                        Message::new("photo-marker").render(lang),
                        l.at,
                        Message::new("photo-history")
                            .arg("name", photo.name.as_str())
                            .arg("taken", photo.taken.clone().unwrap_or_default())
                            .render(lang)
                    ),
                    None => format!(
                        "{} {} {}",
                        crate::tui::theme::symbol(l.mark),
                        l.at,
                        cat.mark(l.mark)
                    ),
                };
                if let Some(note) = &l.note {
                    text.push_str(" · ");
                    text.push_str(note);
                }
                if l.withdrawn {
                    text.push(' ');
                    text.push_str(&Message::new("journey-history-withdrawn").render(lang));
                    Line::styled(text, model.theme.dim())
                } else {
                    Line::raw(text)
                }
            })
            .collect(),
    };
    let inner = usize::from(70.min(area.width).saturating_sub(2)).max(1);
    let rows: usize = lines
        .iter()
        .map(|l| super::wrapped_rows(&l.to_string(), inner))
        .sum();
    let height = u16::try_from(rows + 2).unwrap_or(u16::MAX);
    let rect = centered(area, 70, height);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((history.scroll, 0))
            .block(super::titled(&title, rect.width)),
        rect,
    );
}

/// A cell said in words: "n° 8 bulletin (bureau)".
pub(super) fn cell_name(model: &Model, panel: u16, item: crate::domain::Item) -> String {
    Message::new("journey-cell")
        .arg("panel", panel)
        .arg("item", item.slug())
        .render(model.lang)
}

/// A note field's value as shown: its end when it is longer than `room` characters (what was
/// typed last stays in view; the counter says the length).
fn shown_tail(value: &str, room: usize) -> String {
    let n = value.chars().count();
    if n <= room || room < 2 {
        return value.to_owned();
    }
    let kept: String = value.chars().skip(n - (room - 1)).collect();
    format!("…{kept}")
}

/// A note's length and its limit: "12/1000 caractères".
fn counter<'a>(model: &Model, value: &str) -> Line<'a> {
    Line::styled(
        format!(
            "  {}",
            Message::new("journey-note-count")
                .arg("count", value.chars().count())
                .arg("max", crate::domain::merge::MAX_NOTE)
                .render(model.lang)
        ),
        model.theme.dim(),
    )
}

/// What a form shows: its title, its lines, and why the last submission was refused.
struct FormContent<'a> {
    title: String,
    lines: Vec<Line<'a>>,
    error: Option<String>,
    /// The photo form's recent images: the line of the first one shown, its index among the
    /// images, and how many are shown (for taps).
    images: Option<(usize, usize, usize)>,
}

/// The open form's content, if a form is open; a note shows at most three rows of a box
/// `inner` columns wide.
fn form_content(model: &Model, area: Rect) -> Option<FormContent<'static>> {
    let inner = form_inner(area);
    let cat = model.lang.catalog();
    let j = model.lang.journey();
    let room = |label: &str| (inner * 3).saturating_sub(label.chars().count() + 6);
    let note = |v: &str| shown_tail(v, room(j.envelope_note));
    let content = match &model.mode {
        Mode::Envelope(form) => FormContent {
            title: cat.envelope_title.to_owned(),
            lines: vec![
                field(cat.envelope_voters, &form.voters, form.focus == 0, model),
                field(
                    cat.envelope_received,
                    &form.received,
                    form.focus == 1,
                    model,
                ),
                field(
                    j.envelope_received_on,
                    &form.received_on,
                    form.focus == 2,
                    model,
                ),
                // The day typed, said in words ("mardi 6 juin 2017"), so a slip shows.
                Line::styled(
                    crate::domain::event::parse_day(&form.received_on)
                        .ok()
                        .flatten()
                        .map(|d| format!("  {}", crate::tui::words::day(model.lang, d)))
                        .unwrap_or_default(),
                    model.theme.dim(),
                ),
                field(j.envelope_note, &note(&form.note), form.focus == 3, model),
                counter(model, &form.note),
            ],
            error: form.error.clone(),
            images: None,
        },
        Mode::NonReceipt(form) => {
            let bureau = model
                .bureau
                .as_ref()
                .map(|b| format!("{} {}", cat.bureau, b.code))
                .unwrap_or_default();
            FormContent {
                title: cat.non_receipt_title.to_owned(),
                lines: vec![
                    Line::raw(format!("  {bureau}")),
                    field(cat.non_receipt_voter, &form.voter, form.focus == 0, model),
                    field(j.envelope_note, &note(&form.note), form.focus == 1, model),
                    counter(model, &form.note),
                    household_field(model, form),
                ],
                error: form.error.clone(),
                images: None,
            }
        }
        Mode::Note(form) => {
            let who = model
                .candidates
                .get(form.row)
                .map(|c| format!("  {} {}", c.panel, c.display_name()))
                .unwrap_or_default();
            let column = cat.column(form.item, true);
            FormContent {
                title: j.note_title.to_owned(),
                lines: vec![
                    Line::raw(who),
                    Line::raw(format!(
                        "  {column}{}{}",
                        crate::tui::words::sep(model.lang),
                        cat.mark(form.mark)
                    )),
                    field(
                        j.note_label,
                        &shown_tail(&form.text, room(j.note_label)),
                        true,
                        model,
                    ),
                    counter(model, &form.text),
                ],
                error: form.error.clone(),
                images: None,
            }
        }
        Mode::Export(form) => FormContent {
            title: j.export_title.to_owned(),
            lines: vec![field(j.export_label, &form.path, true, model)],
            error: form.error.clone(),
            images: None,
        },
        Mode::SeenAt(form) => FormContent {
            title: j.seen_at_title.to_owned(),
            lines: vec![
                Line::raw(format!("  {}", seen_at_hint(model))),
                field(j.seen_at_label, &form.text, true, model),
            ],
            error: form.error.clone(),
            images: None,
        },
        Mode::Photo(form) => photo_form(model, form, area),
        _ => return None,
    };
    Some(content)
}

/// The seen-at form's question, saying which clock the time is read on: the bureau's legal
/// time, or UTC for the French abroad whose code gives no zone.
pub(crate) fn seen_at_hint(model: &Model) -> String {
    let zone = crate::domain::legal_time::LegalZone::of_place(
        &model.circonscription.code,
        model.bureau.as_ref().map(|b| &b.code),
    );
    crate::i18n::Message::new("journey-seen-at-hint")
        .arg("utc", zone == crate::domain::legal_time::LegalZone::Unknown)
        .render(model.lang)
}

/// The photo form's content: what the photo shows (Tab for the other choice), the path typed,
/// the folder's recent images (as many as the screen holds, the highlighted one in view) and
/// the camera's key when the camera is there.
fn photo_form(
    model: &Model,
    form: &crate::tui::forms::PhotoForm,
    area: Rect,
) -> FormContent<'static> {
    use crate::tui::forms::PhotoTarget;
    let lang = model.lang;
    let sep = crate::tui::words::sep(lang);
    let target_name = |t: PhotoTarget| match t {
        PhotoTarget::Cell { row, item } => model
            .candidates
            .get(row)
            .map(|c| cell_name(model, c.panel.get(), item))
            .unwrap_or_default(),
        PhotoTarget::Household => Message::new("photo-target-household").render(lang),
        PhotoTarget::Bureau => Message::new("photo-target-bureau")
            .arg(
                "bureau",
                model
                    .bureau
                    .as_ref()
                    .map(|b| b.code.to_string())
                    .unwrap_or_default(),
            )
            .render(lang),
    };
    let mut lines = Vec::new();
    if let Some(chosen) = form.chosen() {
        let mut line = vec![
            Span::styled(
                format!("  {}{sep}", Message::new("photo-for").render(lang)),
                model.theme.title(),
            ),
            Span::raw(target_name(chosen)),
        ];
        if form.targets.len() > 1 {
            let other = form.targets[(form.target + 1) % form.targets.len()];
            line.push(Span::styled(
                format!(
                    " {}",
                    Message::new("photo-tab-for")
                        .arg("other", target_name(other))
                        .render(lang)
                ),
                model.theme.dim(),
            ));
        }
        lines.push(Line::from(line));
    }
    let label = Message::new("photo-path").render(lang);
    let room = form_inner(area).saturating_sub(label.chars().count() + 6);
    lines.push(field(
        &label,
        &shown_tail(&form.path, room),
        form.selected.is_none(),
        model,
    ));
    let status = match &form.sources {
        // The camera takes seconds: the form says it is at work.
        _ if form.group.is_some() => Message::new("photo-busy").render(lang),
        None => Message::new("photo-looking").render(lang),
        Some(sources) => match (&sources.folder, &sources.recent) {
            (None, _) => Message::new("photo-no-folder").render(lang),
            (Some(_), Err(why)) => why.clone(),
            (Some(folder), Ok(images)) if images.is_empty() => Message::new("photo-folder-empty")
                .arg(
                    "folder",
                    crate::domain::outside::escape(folder).into_owned(),
                )
                .render(lang),
            (Some(folder), Ok(_)) => Message::new("photo-recent")
                .arg(
                    "folder",
                    crate::domain::outside::escape(folder).into_owned(),
                )
                .render(lang),
        },
    };
    lines.push(Line::styled(format!("  {status}"), model.theme.dim()));
    let camera = form.camera().then(|| {
        Line::styled(
            format!("  {}", Message::new("photo-camera").render(lang)),
            model.theme.dim(),
        )
    });
    // The rows of the other lines (wrapped), the error's, the borders, the blank line, the
    // buttons and the hint line: what the list of images leaves (one row each).
    let inner = form_inner(area);
    let rows = |l: &Line<'_>| super::wrapped_rows(&l.to_string(), inner);
    let fixed = lines.iter().map(rows).sum::<usize>()
        + camera.as_ref().map_or(0, rows)
        + form
            .error
            .as_deref()
            .map_or(0, |e| super::wrapped_rows(e, inner))
        + 5;
    let room = usize::from(area.height).saturating_sub(fixed).max(1);
    let images = form.recent();
    let first = form.selected.map_or(0, |s| (s + 1).saturating_sub(room));
    let width = form_inner(area).saturating_sub(4);
    let shown = (
        lines.len(),
        first,
        images.len().saturating_sub(first).min(room),
    );
    for (i, image) in images.iter().enumerate().skip(first).take(room) {
        let when = crate::tui::words::clock(lang, model.zone().local(image.modified));
        let name = crate::domain::outside::escape(&image.name).into_owned();
        let text = super::fit(
            &format!("{name} · {when}"),
            u16::try_from(width).unwrap_or(u16::MAX),
        );
        if form.selected == Some(i) {
            lines.push(Line::styled(format!("▸ {text}"), model.theme.cursor()));
        } else {
            lines.push(Line::raw(format!("  {text}")));
        }
    }
    lines.extend(camera);
    FormContent {
        title: Message::new("photo-title").render(lang),
        lines,
        error: form.error.clone(),
        images: Some(shown),
    }
}

/// The form's box on a screen of `area`, and its two buttons (confirm, cancel) on the box's last
/// inner line. Drawing and taps use the same geometry.
fn form_geometry(area: Rect, content: &FormContent<'_>) -> (Rect, [Rect; 2]) {
    let inner = form_inner(area);
    let rows: usize = content
        .lines
        .iter()
        .map(|l| super::wrapped_rows(&l.to_string(), inner))
        .sum::<usize>()
        + content
            .error
            .as_deref()
            .map_or(0, |e| super::wrapped_rows(e, inner));
    // Borders, a blank line and the buttons' line; never over the message line.
    let above = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let height = u16::try_from(rows + 4).unwrap_or(u16::MAX);
    let rect = centered(above, 60, height);
    let line = Rect::new(
        rect.x + 1,
        rect.y + rect.height.saturating_sub(2),
        rect.width.saturating_sub(2),
        1,
    );
    let [ok, cancel] =
        ratatui::layout::Layout::horizontal([ratatui::layout::Constraint::Ratio(1, 2); 2])
            .areas(line);
    (rect, [ok, cancel])
}

/// The open form's buttons (confirm, cancel) on a screen of `area`, for taps.
pub fn form_buttons(model: &Model, area: Rect) -> Option<[Rect; 2]> {
    form_content(model, area).map(|c| form_geometry(area, &c).1)
}

/// The recent image of the photo form at (`x`, `y`) on a screen of `area`, if a tap there is on
/// one (its index among the images). Drawing and taps use the same geometry.
pub fn photo_image_target(model: &Model, area: Rect, x: u16, y: u16) -> Option<usize> {
    let content = form_content(model, area)?;
    let (line, first, count) = content.images?;
    let (rect, _) = form_geometry(area, &content);
    if x <= rect.x || x + 1 >= rect.x + rect.width {
        return None;
    }
    let inner = form_inner(area);
    let mut row = usize::from(rect.y) + 1;
    for (i, l) in content.lines.iter().enumerate() {
        let rows = super::wrapped_rows(&l.to_string(), inner);
        if (row..row + rows).contains(&usize::from(y)) {
            return (line..line + count)
                .contains(&i)
                .then(|| first + (i - line));
        }
        row += rows;
    }
    None
}

/// The width inside a form's box on a screen of `area`.
fn form_inner(area: Rect) -> usize {
    usize::from(60.min(area.width).saturating_sub(2)).max(1)
}

/// Draws the open form, if any.
pub(super) fn form(model: &Model, frame: &mut Frame<'_>, area: Rect) {
    let Some(content) = form_content(model, area) else {
        return;
    };
    let j = model.lang.journey();
    let (rect, [ok, cancel]) = form_geometry(area, &content);
    let mut lines = content.lines;
    if let Some(e) = content.error {
        // French punctuation stays with its word when the error wraps (no row starts with ":").
        let e = super::summary::unbreakable(&e);
        lines.push(Line::styled(e, model.theme.failure()));
    }
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(super::titled(&content.title, rect.width)),
        rect,
    );
    frame.render_widget(Clear, ok);
    frame.render_widget(Clear, cancel);
    frame.render_widget(
        Paragraph::new(Line::styled(j.button_ok, model.theme.cursor())).centered(),
        ok,
    );
    frame.render_widget(
        Paragraph::new(Line::styled(j.button_cancel, model.theme.title())).centered(),
        cancel,
    );
}

/// The non-receipt form's "Votre foyer (o/n)" field: the answer typed, or the default it takes
/// from the name (yes without another voter's name).
fn household_field<'a>(model: &Model, form: &crate::tui::forms::NonReceiptForm) -> Line<'a> {
    use crate::i18n::Message;
    let voter = Some(form.voter.trim()).filter(|v| !v.is_empty());
    let own = crate::domain::session::own_household(voter, &model.observer_name, form.household);
    let id = match (form.household.is_some(), own) {
        (true, true) => "journey-household-yes",
        (true, false) => "journey-household-no",
        (false, true) => "journey-household-default-yes",
        (false, false) => "journey-household-default-no",
    };
    field(
        &Message::new("journey-non-receipt-household").render(model.lang),
        &Message::new(id).render(model.lang),
        form.focus == 2,
        model,
    )
}
