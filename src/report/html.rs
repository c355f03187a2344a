//! The HTML report: one self-contained page (inline CSS, inline SVG charts, no script, nothing
//! fetched from the network) that a browser prints to PDF with one circonscription per page.
//!
//! Every piece of text goes through [`esc`], the one escape function; there is no template
//! engine: the page is written element by element.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use super::{
    Report, bureau_line, departement_lines, detail_sections, digest_line, finding_sentences,
    presence_share, symbol, title,
};
use crate::domain::findings::DepartementRates;
use crate::domain::{CircRecord, Item, Mark};
use crate::i18n::Catalog;

// The national report: its page, its map (issue 18 point 4).
pub(in crate::report) mod map;
pub(in crate::report) mod national;
// Photos beside the findings (issue 19 point 3).
pub mod photos;

/// Colour of a present observation (bars, legend).
pub const PRESENT: &str = "#2e7d32";
/// Colour of an absent observation.
pub const ABSENT: &str = "#c62828";
/// Colour of a column nobody checked.
pub const UNCHECKED: &str = "#cfcfcf";
/// Colour of the non-receipt bars.
pub const NON_RECEIPT: &str = "#ef6c00";

/// Escapes text for HTML element content and quoted attribute values, with bidirectional
/// controls shown as escapes ([`crate::domain::outside::without_bidi`]).
pub fn esc(s: &str) -> Cow<'_, str> {
    let s = crate::domain::outside::without_bidi(s);
    if !s.contains(['&', '<', '>', '"', '\'']) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

const CSS: &str = "
:root { --present: #2e7d32; --absent: #c62828; --unchecked: #cfcfcf; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif; color: #111;
  background: #fff; line-height: 1.4; margin: 2rem auto; max-width: 62rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #333; padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
h4 { font-size: 1rem; margin: .8rem 0 .3rem; }
p.meta, p.legend, figcaption, footer { color: #444; font-size: .9rem; }
ul { padding-left: 1.2rem; margin: .2rem 0; }
li { margin: .15rem 0; }
table.record { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .6rem 0; }
table.record th, table.record td { border: 1px solid #bbb; padding: .15rem .4rem; }
table.record th { background: #eee; text-align: left; }
td.num { text-align: right; }
td.mark { text-align: center; font-weight: bold; width: 7rem; }
td.present { background: #e8f5e9; color: #1b5e20; }
td.absent { background: #ffebee; color: #b71c1c; }
td.unchecked { color: #777; }
td.disputed { outline: 2px dashed #ef6c00; outline-offset: -3px; }
figure { margin: .8rem 0; }
figure svg { width: 100%; height: auto; display: block; }
.machines { color: #555; font-style: italic; }
footer { margin-top: 2rem; border-top: 1px solid #999; padding-top: .5rem; }
footer .digest { font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; color: #111;
  word-break: break-all; }
p.lead { font-size: 1.05rem; margin: .3rem 0; }
figure.map svg { max-width: 46rem; }
figure.totals svg { max-width: 46rem; }
table.compact { border-collapse: collapse; width: 100%; font-size: .8rem; }
table.compact th, table.compact td { border: 1px solid #ccc; padding: 0 .3rem; }
table.compact th { background: #eee; text-align: left; }
table.compact tr.has td { background: #fff3e0; }
table.record.compact { font-size: .8rem; margin: .2rem 0 .2rem .8rem; width: auto; float: right; }
section.circ.compact { display: flow-root; }
table.record.compact td.mark { width: 4.5rem; }
.nodata { color: #666; font-style: italic; }
nav.toc ol { columns: 2; font-size: .85rem; padding-left: 1.5rem; }
nav.toc li { break-inside: avoid; }
nav.toc .circs { color: #444; font-size: .8rem; }
section.dep h2 { font-size: 1.2rem; margin: 1rem 0 .2rem; }
section.dep > p.meta { margin: .1rem 0 .3rem; }
section.circ.compact { border-left: 3px solid #999; padding-left: .5rem; margin: .5rem 0; }
section.circ.compact h3 { margin: .1rem 0; font-size: 1rem; }
section.circ.compact p.bureaux { font-size: .8rem; margin: .1rem 0; color: #333; }
section.circ.compact ul { font-size: .85rem; margin: .1rem 0; }
section.circ.compact li { margin: .05rem 0; }
ul.details { list-style: none; padding-left: 0; }
ul.details li { border-left: 4px solid #bbb; padding-left: .4rem; }
ul.details li.not-supplied { border-left-color: #78909c; }
ul.details li.distribution { border-left-color: #d81b60; }
ul.details li.bureau { border-left-color: #b71c1c; }
ul.details li.households { border-left-color: #ef6c00; }
span.tag { font-weight: bold; font-size: .9em; }
li.not-supplied span.tag { color: #455a64; }
li.distribution span.tag { color: #ad1457; }
li.bureau span.tag { color: #b71c1c; }
ul.quiet { list-style: none; padding-left: 0; font-size: .78rem; color: #333; margin: .2rem 0; }
ul.quiet li { margin: 0; break-inside: avoid; }
section.dep ul.quiet { columns: 2; column-gap: 1.5rem; }
section.quietdeps .cols { columns: 2; column-gap: 1.5rem; }
section.quietdeps h4 { margin: .3rem 0 0; font-size: .85rem; break-after: avoid; }
div.photos { display: flow-root; }
div.photo-group { clear: both; }
div.photo-group h4 { font-size: .95rem; }
figure.photo { display: inline-block; vertical-align: top; width: 12rem; margin: .2rem .6rem .4rem 0; }
figure.photo img { max-width: 12rem; max-height: 12rem; display: block; border: 1px solid #999; }
figure.photo figcaption { font-size: .75rem; word-break: break-word; }
div.finding-photos { margin: .2rem 0 .4rem; }
div.finding-photos figure.photo, div.finding-photos figure.photo img { width: 9rem; max-width: 9rem; max-height: 9rem; }
main.national div.finding-photos figure.photo, main.national div.finding-photos figure.photo img { width: 7rem; max-width: 7rem; max-height: 7rem; }
a.photo-ref { font-size: .75rem; margin-right: .6rem; }
figure.photo p.held { font-size: .75rem; margin: .1rem 0; color: #8a4b00; }
div.no-thumbnail { width: 12rem; height: 8rem; border: 1px dashed #999; color: #555;
  display: flex; align-items: center; justify-content: center; font-size: .8rem; text-align: center; }
section.photos.national figure.photo, section.photos.national figure.photo img { width: 7rem; max-width: 7rem; max-height: 7rem; }
section.photos.national div.no-thumbnail { width: 7rem; height: 5rem; }
p.more { font-size: .8rem; color: #444; margin: .1rem 0; }
@page { size: A4; margin: 10mm 10mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.circ:not(.compact) + section.circ, section.departements { break-before: page; }
  section.coverage, section.dep.first { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  tr, li, figure, section.circ.compact table { break-inside: avoid; }
  main.national { font-size: 8.5pt; line-height: 1.25; }
  main.national h2 { font-size: 12pt; margin-top: .6rem; }
  main.national figure.map svg { width: 150mm; }
  main.national figure.totals svg { width: 150mm; }
  main.national table.compact, main.national ul.quiet { font-size: 7.5pt; }
  main.national section.circ.compact ul, main.national table.record.compact { font-size: 8pt; }
}
";

/// The page's opening: doctype, `lang`, inline style, `<body>`.
fn head(title: &str, cat: &Catalog, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"{}\">", esc(cat.lang_code))?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<meta name=\"generator\" content=\"constat\">")?;
    writeln!(out, "<title>{}</title>", esc(title))?;
    writeln!(out, "<style>{CSS}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")
}

/// A page holding preformatted text (the `--conflicts` listing as HTML).
pub(super) fn text_page(
    title: &str,
    text: &str,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    head(title, cat, out)?;
    writeln!(out, "<h1>{}</h1>", esc(title))?;
    writeln!(out, "<pre>{}</pre>", esc(text))?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

pub(super) fn render(
    report: &Report<'_>,
    coverage: Option<&super::Coverage>,
    signer: Option<&crate::domain::fingerprint::ChainReference>,
    shown: Option<&photos::ReportPhotos>,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    let heading = title(report.election, cat);
    head(&heading, cat, out)?;
    writeln!(out, "<header>")?;
    writeln!(out, "<h1>{}</h1>", esc(&heading))?;
    if let Some(date) = report.election.date {
        writeln!(
            out,
            "<p class=\"meta\">{}</p>",
            esc(&date.format("%Y-%m-%d").to_string())
        )?;
    }
    writeln!(out, "</header>")?;
    // Several circonscriptions, or the présidentielle's national one (FR01), split by the
    // bureaux' départements and communes.
    let national = report.records.len() > 1 || national::is_national_scope(&report.records);
    writeln!(
        out,
        "{}",
        if national {
            "<main class=\"national\">"
        } else {
            "<main>"
        }
    )?;
    if report.records.is_empty() {
        writeln!(out, "<p>{}</p>", esc(&super::no_record_line(report, cat)))?;
    }
    let law = crate::domain::law::Law::of(report.election.kind);
    if national {
        // The thumbnails beside the findings they support; those beside none after.
        let mut beside = photos::Beside::new(shown);
        national::render(&report.records, coverage, law, &mut beside, cat, out)?;
        if let Some(shown) = shown.filter(|s| {
            s.groups.iter().any(|g| {
                g.shown.is_empty() || g.shown.iter().any(|p| !beside.embedded.contains(&p.sha256))
            })
        }) {
            writeln!(out, "<section class=\"photos national\">")?;
            for record in &report.records {
                photos::section(record, shown, &beside.embedded, true, cat, out)?;
            }
            writeln!(out, "</section>")?;
        }
        return foot(report, signer, cat, out);
    }
    for record in &report.records {
        circonscription(record, law, shown, cat, out)?;
    }
    let rates = report.departements();
    if !rates.is_empty() {
        writeln!(out, "<section class=\"departements\">")?;
        writeln!(out, "<h2>{}</h2>", esc(cat.departements_title))?;
        writeln!(
            out,
            "<p>{}</p>",
            esc(&(cat.departements_intro)(
                crate::domain::stats::MIN_HOUSEHOLDS
            ))
        )?;
        writeln!(out, "<figure>")?;
        out.write_all(rates_chart(&rates, cat).as_bytes())?;
        writeln!(out, "<figcaption>{}</figcaption>", esc(cat.chart_rates))?;
        writeln!(out, "</figure>")?;
        writeln!(out, "<ul>")?;
        for line in departement_lines(&rates, cat) {
            writeln!(out, "<li>{}</li>", esc(&line))?;
        }
        writeln!(out, "</ul>")?;
        writeln!(out, "</section>")?;
    }
    foot(report, signer, cat, out)
}

/// `</main>`, the footer with the digest, the end of the page.
fn foot(
    report: &Report<'_>,
    signer: Option<&crate::domain::fingerprint::ChainReference>,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    if let Some((title, lines)) = super::dispute_lines(report, cat.lang) {
        writeln!(out, "<section class=\"disputes\">")?;
        writeln!(out, "<h2>{}</h2>", esc(&title))?;
        writeln!(out, "<ul>")?;
        for line in lines {
            writeln!(out, "<li>{}</li>", esc(&line))?;
        }
        writeln!(out, "</ul>")?;
        writeln!(out, "</section>")?;
    }
    writeln!(out, "</main>")?;
    writeln!(out, "<footer>")?;
    writeln!(out, "<p>{}</p>", esc(cat.html_generated_by))?;
    if let Some(signer) = signer {
        writeln!(
            out,
            "<p class=\"digest\">{}</p>",
            esc(&super::signer_line(signer, cat.lang))
        )?;
    }
    writeln!(
        out,
        "<p class=\"digest\">{}</p>",
        esc(&digest_line(report, cat))
    )?;
    writeln!(out, "</footer>")?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

fn circonscription(
    record: &CircRecord,
    law: &crate::domain::law::Law,
    shown: Option<&photos::ReportPhotos>,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    let c = &record.circonscription;
    writeln!(
        out,
        "<section class=\"circ\" id=\"c{}\">",
        esc(c.code.as_str())
    )?;
    writeln!(
        out,
        "<h2>{} {}{}{}</h2>",
        esc(cat.circonscription),
        esc(c.code.as_str()),
        esc(cat.list_sep),
        esc(&c.label)
    )?;
    if !record.bureaux.is_empty() {
        writeln!(
            out,
            "<p>{}{}</p>",
            esc(cat.report_bureaux),
            esc(cat.list_sep)
        )?;
        writeln!(out, "<ul>")?;
        for b in &record.bureaux {
            let class = if b.voting_machines {
                " class=\"machines\""
            } else {
                ""
            };
            writeln!(out, "<li{class}>{}</li>", esc(&bureau_line(b, cat)))?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "<figure>")?;
    out.write_all(presence_chart(record, cat).as_bytes())?;
    writeln!(out, "<figcaption>{}</figcaption>", esc(cat.chart_presence))?;
    writeln!(out, "</figure>")?;
    writeln!(out, "<table class=\"record\">")?;
    writeln!(
        out,
        "<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>",
        esc(cat.col_panel),
        esc(cat.col_candidate),
        esc(cat.col_nuance),
        esc(&super::leaflet_column(law, true, cat)),
        esc(cat.col_courrier),
        esc(cat.col_bureau)
    )?;
    writeln!(out, "<tbody>")?;
    for row in &record.rows {
        let cand = &row.candidate;
        write!(
            out,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td>",
            cand.panel,
            esc(&cand.display_name()),
            esc(&cand.nuance)
        )?;
        for item in Item::ALL {
            let mark = row.mark(item);
            let class = match mark {
                Mark::Present => "present",
                Mark::Absent => "absent",
                Mark::Unchecked => "unchecked",
            };
            let disputed = if row.disputed[item.index()] {
                " disputed"
            } else {
                ""
            };
            write!(
                out,
                "<td class=\"mark {class}{disputed}\" title=\"{}\">{}</td>",
                esc(cat.mark(mark)),
                esc(symbol(mark))
            )?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "<p class=\"legend\">{}</p>", esc(cat.report_legend))?;
    writeln!(out, "<h3>{}</h3>", esc(cat.report_findings))?;
    writeln!(out, "<ul>")?;
    let sentences = finding_sentences(record, law, cat);
    if sentences.is_empty() {
        writeln!(out, "<li>{}</li>", esc(&super::no_findings(record, cat)))?;
    }
    for s in sentences {
        writeln!(out, "<li>{}</li>", esc(&s))?;
    }
    writeln!(out, "</ul>")?;
    let sections = detail_sections(record, law, cat);
    if !sections.is_empty() {
        writeln!(out, "<h3>{}</h3>", esc(cat.report_details))?;
    }
    // Each finding with the thumbnails of the photos that support it (issue 19 point 3); the
    // photos beside no finding after.
    let mut beside = photos::Beside::new(shown);
    for section in sections {
        writeln!(out, "<h4>{}</h4>", esc(&section.title))?;
        writeln!(out, "<ul>")?;
        for (line, n) in section.lines.iter().zip(&section.details) {
            write!(out, "<li>{}", esc(line))?;
            if let Some(d) = record.details.get(*n) {
                beside.write(d, record, cat, out)?;
            }
            writeln!(out, "</li>")?;
        }
        writeln!(out, "</ul>")?;
    }
    if let Some(shown) = shown {
        photos::section(record, shown, &beside.embedded, false, cat, out)?;
    }
    writeln!(out, "</section>")
}

const LABEL_WIDTH: u32 = 250;
const BAR_WIDTH: u32 = 120;
const BAR_GAP: u32 = 16;
const ROW_HEIGHT: u32 = 20;
const HEADER_HEIGHT: u32 = 22;

/// Per candidate, three bars (profession de foi, ballot in the envelope, ballot at the bureau):
/// green for the share of observers who saw it, red for those who did not, grey when nobody
/// looked.
fn presence_chart(record: &CircRecord, cat: &Catalog) -> String {
    let width = LABEL_WIDTH + 3 * (BAR_WIDTH + BAR_GAP);
    let height = HEADER_HEIGHT + ROW_HEIGHT * record.rows.len() as u32 + 4;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">",
        esc(cat.chart_presence)
    );
    for (i, label) in [cat.col_foi, cat.col_courrier, cat.col_bureau]
        .iter()
        .enumerate()
    {
        let x = LABEL_WIDTH + i as u32 * (BAR_WIDTH + BAR_GAP);
        let _ = writeln!(
            svg,
            "<text x=\"{x}\" y=\"14\" font-weight=\"bold\">{}</text>",
            esc(label)
        );
    }
    for (r, row) in record.rows.iter().enumerate() {
        let y = HEADER_HEIGHT + r as u32 * ROW_HEIGHT;
        let _ = writeln!(
            svg,
            "<text x=\"0\" y=\"{}\">{} {}</text>",
            y + 14,
            row.candidate.panel,
            esc(&row.candidate.display_name())
        );
        for item in Item::ALL {
            let x = LABEL_WIDTH + item.index() as u32 * (BAR_WIDTH + BAR_GAP);
            let tally = row.tally[item.index()];
            let tip = format!(
                "{} : {} {}, {} {}",
                row.candidate.display_name(),
                tally.present,
                cat.mark_present,
                tally.absent,
                cat.mark_absent
            );
            let _ = write!(svg, "<g><title>{}</title>", esc(&tip));
            match presence_share(tally) {
                None => {
                    let _ = write!(
                        svg,
                        "<rect x=\"{x}\" y=\"{}\" width=\"{BAR_WIDTH}\" height=\"14\" fill=\"{UNCHECKED}\"/><text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#333\">0</text>",
                        y + 2,
                        x + BAR_WIDTH / 2,
                        y + 13
                    );
                }
                Some(share) => {
                    let green = (share * f64::from(BAR_WIDTH)).round() as u32;
                    if green > 0 {
                        let _ = write!(
                            svg,
                            "<rect x=\"{x}\" y=\"{}\" width=\"{green}\" height=\"14\" fill=\"{PRESENT}\"/>",
                            y + 2
                        );
                    }
                    if green < BAR_WIDTH {
                        let _ = write!(
                            svg,
                            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"{ABSENT}\"/>",
                            x + green,
                            y + 2,
                            BAR_WIDTH - green
                        );
                    }
                    // The counts on the bar: present on the green part, absent on the red one
                    // (on the other part's edge when a part is too narrow for its number).
                    if tally.present > 0 {
                        let cx = if green >= 14 { x + green / 2 } else { x + 7 };
                        let _ = write!(
                            svg,
                            "<text x=\"{cx}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#fff\">{}</text>",
                            y + 13,
                            tally.present
                        );
                    }
                    if tally.absent > 0 {
                        let red = BAR_WIDTH - green;
                        let cx = if red >= 14 {
                            x + green + red / 2
                        } else {
                            x + BAR_WIDTH - 7
                        };
                        let _ = write!(
                            svg,
                            "<text x=\"{cx}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#fff\">{}</text>",
                            y + 13,
                            tally.absent
                        );
                    }
                }
            }
            let _ = writeln!(svg, "</g>");
        }
    }
    svg.push_str("</svg>\n");
    svg
}

const AXIS_LEFT: u32 = 60;
const AXIS_WIDTH: u32 = 500;

/// Per département, the missing-envelope rate (red) and the non-receipt rate (orange) on a
/// 0–100 % axis, each with its 95 % interval as a black line when there is one.
fn rates_chart(rates: &[DepartementRates], cat: &Catalog) -> String {
    let row = 36;
    let height = 24 + row * rates.len() as u32 + 8;
    let width = AXIS_LEFT + AXIS_WIDTH + 60;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">",
        esc(cat.chart_rates)
    );
    for tick in [0u32, 25, 50, 75, 100] {
        let x = AXIS_LEFT + AXIS_WIDTH * tick / 100;
        let _ = writeln!(
            svg,
            "<line x1=\"{x}\" y1=\"18\" x2=\"{x}\" y2=\"{}\" stroke=\"#ddd\"/><text x=\"{x}\" y=\"12\" text-anchor=\"middle\">{}</text>",
            height - 4,
            esc(&(cat.percent)(f64::from(tick)))
        );
    }
    let x_of = |p: f64| f64::from(AXIS_LEFT) + f64::from(AXIS_WIDTH) * p.clamp(0.0, 1.0);
    for (i, d) in rates.iter().enumerate() {
        let y = 24 + row * i as u32;
        let _ = writeln!(
            svg,
            "<text x=\"0\" y=\"{}\" font-weight=\"bold\">{}</text>",
            y + 16,
            esc(&d.departement)
        );
        let bars = [
            (Some(d.shortfall), ABSENT, cat.missing_short, 0),
            (d.non_receipt_rate, NON_RECEIPT, cat.non_receipts_short, 15),
        ];
        for (rate, colour, label, dy) in bars {
            let Some(rate) = rate else { continue };
            let share = rate.percent.unwrap_or(0.0) / 100.0;
            let tip = format!(
                "{} {}{}{}/{}",
                d.departement, label, cat.list_sep, rate.count, rate.total
            );
            let _ = write!(svg, "<g><title>{}</title>", esc(&tip));
            let _ = write!(
                svg,
                "<rect x=\"{AXIS_LEFT}\" y=\"{}\" width=\"{:.1}\" height=\"12\" fill=\"{colour}\"/>",
                y + dy,
                x_of(share) - f64::from(AXIS_LEFT)
            );
            if let Some(i) = rate.interval {
                let _ = write!(
                    svg,
                    "<line x1=\"{:.1}\" y1=\"{}\" x2=\"{:.1}\" y2=\"{}\" stroke=\"#111\" stroke-width=\"2\"><title>{}</title></line>",
                    x_of(i.low),
                    y + dy + 6,
                    x_of(i.high),
                    y + dy + 6,
                    esc(cat.chart_interval)
                );
            }
            // The figure at the end of the bar (or of its interval).
            let end = rate.interval.map_or(share, |i| i.high.max(share));
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{}\" font-size=\"10\">{}</text>",
                x_of(end) + 4.0,
                y + dy + 10,
                esc(&(cat.percent)(rate.percent.unwrap_or(0.0)))
            );
            let _ = writeln!(svg, "</g>");
        }
    }
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn the_escape_function_covers_text_and_attributes() {
        assert_eq!(
            esc("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert!(matches!(
            esc("MAILLARD Sylvain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
