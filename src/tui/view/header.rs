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
        SaveStatus::Saved => match model.last_saved_at {
            // "7 h 46 min 40 s" on a wide screen; the minute on a phone.
            Some(at) => {
                let local = model.zone().local(at);
                let time = if area.width >= 80 {
                    crate::tui::words::clock_seconds(model.lang, local)
                } else {
                    crate::tui::words::clock(model.lang, local)
                };
                (format!("{} {time}", cat.save_saved), theme.saved())
            }
            None => (cat.save_saved.to_owned(), theme.saved()),
        },
        SaveStatus::Failed(e) => ((cat.save_failed)(e), theme.failure()),
    };
    // A record typed in later: the moment its observations are dated stays in view.
    let save_text = match (model.seen_at, &model.save) {
        (Some(at), SaveStatus::Idle | SaveStatus::Pending | SaveStatus::Saved) => {
            let time = crate::tui::words::clock(model.lang, model.zone().local(at));
            let badge = crate::i18n::Message::new("journey-seen-at-badge")
                .arg("time", time)
                .render(model.lang);
            format!("{badge} · {save_text}")
        }
        _ => save_text,
    };
    let width = area.width;
    let e = &model.election;
    let wide = width >= 80;
    let election = if wide {
        format!(
            "{} {} · {}",
            cat.election_kind(e.kind),
            e.year,
            (cat.round)(e.round)
        )
    } else {
        format!(
            "{} {} T{}",
            cat.election_kind_short(e.kind),
            e.year,
            e.round
        )
    };
    // A failure takes the whole first line: it must be read.
    let first = if matches!(model.save, SaveStatus::Failed(_)) {
        Line::from(Span::styled(fit(&save_text, width), save_style))
    } else {
        let save_len = save_text.chars().count() as u16;
        let room = width.saturating_sub(save_len + 1);
        let left = fit(&election, room);
        let pad =
            usize::from(width).saturating_sub(left.chars().count() + save_text.chars().count());
        Line::from(vec![
            Span::styled(left, theme.title()),
            Span::raw(" ".repeat(pad)),
            Span::styled(save_text, save_style),
        ])
    };
    let second = second_line(model, width);
    frame.render_widget(Paragraph::new(vec![first, Line::raw(second)]), area);
}

/// Circonscription, bureau and observer: with labels and address when they fit, codes otherwise.
fn second_line(model: &Model, width: u16) -> String {
    let cat = model.lang.catalog();
    let c = &model.circonscription;
    let word = if model.feminine == Some(true) {
        crate::i18n::Message::new("observer-feminine").render(model.lang)
    } else {
        cat.observer.to_owned()
    };
    let observer = format!(
        "{}{}{}",
        word,
        crate::tui::words::sep(model.lang),
        model.observer_name
    );
    let bureau_code = match &model.bureau {
        Some(b) => format!("{} {}", cat.bureau, b.code),
        None => cat.no_bureau.to_owned(),
    };
    let bureau_long = match &model.bureau {
        Some(b) if !b.address.is_empty() => format!("{bureau_code} ({})", b.address),
        _ => bureau_code.clone(),
    };
    let circ_short = format!("{} {}", cat.circonscription_short, c.code);
    let circ_long = format!("{circ_short} {}", c.label);
    let candidates = [
        format!("{circ_long} · {bureau_long} · {observer}"),
        format!("{circ_short} · {bureau_long} · {observer}"),
        format!("{circ_short} · {bureau_code} · {observer}"),
        format!("{} · {bureau_code} · {}", c.code, model.observer_name),
    ];
    let fits = |s: &&String| s.chars().count() <= usize::from(width);
    let chosen = candidates.iter().find(fits).unwrap_or(&candidates[3]);
    fit(chosen, width)
}
