//! The two header lines: election and save indicator; circonscription, bureau and observer.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit;
use crate::tui::model::{Model, SaveStatus};

pub(super) fn draw(model: &Model, frame: &mut Frame<'_>, area: Rect) {
    let cat = model.lang.catalog();
    let theme = model.theme;
    let (save_text, save_style) = match &model.save {
        SaveStatus::Idle => (cat.save_idle.to_owned(), theme.dim()),
        SaveStatus::Pending => (cat.save_pending.to_owned(), theme.title()),
        SaveStatus::Saved => (cat.save_saved.to_owned(), theme.saved()),
        SaveStatus::Failed(e) => ((cat.save_failed)(e), theme.failure()),
    };
    let width = area.width;
    let e = &model.election;
    let wide = width >= 80;
    let election = if wide {
        format!(
            "{} {} · {}",
            (cat.election_kind)(e.kind),
            e.year,
            (cat.round)(e.round)
        )
    } else {
        format!("{} {} T{}", short_kind(e.kind.slug()), e.year, e.round)
    };
    // A failure takes the whole first line: it must be read.
    let first = if matches!(model.save, SaveStatus::Failed(_)) {
        Line::from(Span::styled(fit(&save_text, width), save_style))
    } else {
        let save_len = save_text.chars().count() as u16;
        let room = width.saturating_sub(save_len + 1);
        let left = fit(&election, room);
        let pad = usize::from(width).saturating_sub(left.chars().count() + save_text.chars().count());
        Line::from(vec![
            Span::styled(left, theme.title()),
            Span::raw(" ".repeat(pad)),
            Span::styled(save_text, save_style),
        ])
    };
    let c = &model.circonscription;
    let bureau = match &model.bureau {
        Some(b) if wide && !b.address.is_empty() => format!("{} {} ({})", cat.bureau, b.code, b.address),
        Some(b) => format!("{} {}", cat.bureau, b.code),
        None => cat.no_bureau.to_owned(),
    };
    let circ = if wide {
        format!("{} {} {}", cat.circonscription_short, c.code, c.label)
    } else {
        format!("{} {}", cat.circonscription_short, c.code)
    };
    let second = format!("{circ} · {bureau} · {} : {}", cat.observer, model.observer_name)
        .replace(" : ", cat.list_sep);
    frame.render_widget(
        Paragraph::new(vec![first, Line::raw(fit(&second, width))]),
        area,
    );
}

/// A short election name for narrow screens.
fn short_kind(slug: &str) -> String {
    let mut s: String = slug.chars().take(4).collect();
    if let Some(first) = s.get(..1) {
        s = first.to_uppercase() + &s[1..];
    }
    format!("{s}.")
}
