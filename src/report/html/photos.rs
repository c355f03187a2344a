//! Photos in the HTML report (issue 19 point 3): each circonscription's photos, grouped by bureau
//! and by what they show (a candidate's cell, the bureau, a household's envelopes, a
//! non-receipt), as thumbnails embedded in the page (`data:` URIs: the page stays
//! self-contained), each with its file name (escaped), short hash and times; a placeholder where
//! there is no thumbnail (HEIC, or one that could not be made). At most [`PER_GROUP`] thumbnails a
//! group ("et N autres"), [`PER_CIRC_NATIONAL`] a circonscription in the national report.
//!
//! Beside each detailed finding, the thumbnails of the photos that support it ([`supports`],
//! [`beside`]): a photo of a bureau's table, or of a candidate's cell there, beside that
//! bureau's findings (that candidate's); a photo of an envelope's cell beside that candidate's
//! envelope findings only, never the bureau's; a household's or a non-receipt's beside those.
//! Each photo is embedded once: met again, it is a link to the first. The circonscription's
//! photo section then lists the photos shown beside no finding.
//!
//! Pure: the application layer reads the photos and their thumbnails ([`group`] says which are
//! shown, so that only those are read) and passes them in.

use std::collections::BTreeSet;
use std::io::{self, Write};

use chrono::{DateTime, NaiveDateTime, Utc};

use super::esc;
use crate::domain::findings::Detail;
use crate::domain::legal_time::LegalZone;
use crate::domain::state::PhotoFact;
use crate::domain::{
    BureauCode, CircRecord, CirconscriptionCode, Item, MediaType, ObserverId, PhotoSubject,
};
use crate::i18n::{Catalog, Message};

/// The thumbnails shown for one group of photos in a circonscription's page.
pub const PER_GROUP: usize = 3;
/// The thumbnails shown for one circonscription in the national report.
pub const PER_CIRC_NATIONAL: usize = 3;

/// A photo as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownPhoto {
    /// The file name given (untrusted: escaped).
    pub name: String,
    /// SHA-256 of the bytes stored.
    pub sha256: [u8; 32],
    /// Its media type.
    pub media: MediaType,
    /// When it was attached.
    pub at: DateTime<Utc>,
    /// When it was taken (EXIF, the camera's local time).
    pub taken_at: Option<NaiveDateTime>,
    /// The observer's name.
    pub observer: String,
    /// Its thumbnail (a JPEG), when one is held; `None`: a placeholder.
    pub thumbnail: Option<Vec<u8>>,
    /// Who attached it.
    pub observer_id: ObserverId,
    /// The bureau of its event (the observer's own for an envelope's cell or household).
    pub bureau: BureauCode,
    /// What it is attached to (a non-receipt's event kept).
    pub of: PhotoSubject,
    /// What of it the database holds, when looked up (`None`: not read).
    pub held: Option<Held>,
}

/// What of a photo the report's database holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    /// Its bytes (the original, or its stripped copy).
    Original,
    /// Its thumbnail only (a copy made by `export db --thumbnails`): "vignette seulement".
    ThumbnailOnly,
    /// Neither: announced by its event, not received ("photo annoncée, non reçue").
    Nothing,
}

impl Held {
    /// From whether the thumbnail and the bytes are held.
    pub fn of(thumbnail: bool, bytes: bool) -> Self {
        match (bytes, thumbnail) {
            (true, _) => Self::Original,
            (false, true) => Self::ThumbnailOnly,
            (false, false) => Self::Nothing,
        }
    }
}

/// The photos of one bureau showing one thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoGroup {
    /// The circonscription.
    pub circonscription: CirconscriptionCode,
    /// The bureau.
    pub bureau: BureauCode,
    /// What they show (a non-receipt's event is not kept: all non-receipts of the bureau make
    /// one group).
    pub of: PhotoSubject,
    /// The photos shown, in the order attached.
    pub shown: Vec<ShownPhoto>,
    /// How many more the group has (not shown).
    pub more: usize,
}

/// The photos a report shows, by group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportPhotos {
    /// Every group, by circonscription, bureau, then subject.
    pub groups: Vec<PhotoGroup>,
}

/// The groups of `facts`, keeping at most `per_group` photos in each (the first attached) and
/// at most `per_circ` in each circonscription (`usize::MAX` for no limit); `observer` names the
/// observers. Thumbnails are left empty: the caller reads those of the photos kept.
pub fn group<'a>(
    facts: impl IntoIterator<Item = &'a PhotoFact>,
    per_group: usize,
    per_circ: usize,
    observer: &dyn Fn(&PhotoFact) -> String,
) -> ReportPhotos {
    let key = |f: &PhotoFact| {
        let of = match f.photo.of {
            PhotoSubject::NonReceipt { .. } => PhotoSubject::NonReceipt {
                event: crate::domain::EventId(uuid::Uuid::nil()),
            },
            other => other,
        };
        (f.circonscription.clone(), f.bureau.clone(), rank(&of), of)
    };
    let mut sorted: Vec<&PhotoFact> = facts.into_iter().collect();
    sorted.sort_by(|a, b| key(a).cmp(&key(b)).then(a.at.cmp(&b.at)));
    let mut groups: Vec<PhotoGroup> = Vec::new();
    let mut in_circ = 0usize;
    for f in sorted {
        let (circ, bureau, _, of) = key(f);
        let same_circ = groups.last().is_some_and(|g| g.circonscription == circ);
        if !same_circ {
            in_circ = 0;
        }
        let same = groups
            .last()
            .is_some_and(|g| same_circ && g.bureau == bureau && g.of == of);
        if !same {
            groups.push(PhotoGroup {
                circonscription: circ,
                bureau,
                of,
                shown: Vec::new(),
                more: 0,
            });
        }
        let Some(g) = groups.last_mut() else {
            continue;
        };
        if g.shown.len() < per_group && in_circ < per_circ {
            in_circ += 1;
            g.shown.push(ShownPhoto {
                name: f.photo.name.clone(),
                sha256: f.photo.sha256,
                media: f.photo.media,
                at: f.at,
                taken_at: f.photo.taken_at,
                observer: observer(f),
                thumbnail: None,
                observer_id: f.observer,
                bureau: f.bureau.clone(),
                of: f.photo.of,
                held: None,
            });
        } else {
            g.more += 1;
        }
    }
    ReportPhotos { groups }
}

/// Cells first (by candidate and column), then the bureau, households, non-receipts.
fn rank(of: &PhotoSubject) -> u8 {
    match of {
        PhotoSubject::Cell { .. } => 0,
        PhotoSubject::Bureau => 1,
        PhotoSubject::Household => 2,
        PhotoSubject::NonReceipt { .. } => 3,
    }
}

/// The title of a group: the bureau and what its photos show.
fn group_title(g: &PhotoGroup, record: &CircRecord, cat: &Catalog) -> String {
    // An envelope's cell is the observer's household's, not the bureau's table: said so.
    let of = match g.of {
        PhotoSubject::Cell {
            item: Item::Foi | Item::Courrier,
            ..
        } => "envelope",
        other => other.slug(),
    };
    let base = Message::new("html-photos-group")
        .arg("bureau", g.bureau.as_str())
        .arg("of", of);
    match g.of {
        PhotoSubject::Cell { panel, item } => {
            let candidate = record
                .rows
                .iter()
                .find(|r| r.candidate.panel == panel)
                .map_or_else(String::new, |r| r.candidate.display_name());
            let item = match item {
                Item::Foi => cat.col_foi,
                Item::Courrier => cat.col_courrier,
                Item::Bureau => cat.col_bureau,
            };
            base.arg("panel", panel.get())
                .arg("candidate", candidate)
                .arg("item", item)
        }
        _ => base,
    }
    .render(cat.lang)
}

/// The hash as the report shows it: its first 12 hex digits.
fn short_hash(sha256: &[u8; 32]) -> String {
    hex::encode(&sha256[..6])
}

/// True when photo `p` supports the finding `d`: it shows what the finding is about.
/// - the bureau as a whole: that bureau's table findings (absences, disagreements, machines);
/// - a cell of the bureau's table: that bureau's findings on that candidate's ballot;
/// - a cell of an envelope (profession de foi, ballot received): that candidate's findings on
///   that item of the envelopes its observer saw without it, never the bureau's;
/// - a household's envelopes: the shortfall and late envelopes its observer recorded;
/// - a non-receipt: the non-receipts finding that holds it.
pub fn supports(d: &Detail, p: &ShownPhoto) -> bool {
    let at = |bureau: &BureauCode| &p.bureau == bureau;
    match (d, p.of) {
        (
            Detail::AbsentFromTable { bureau, .. } | Detail::Disagreement { bureau, .. },
            PhotoSubject::Bureau,
        )
        | (Detail::MachinesDisputed { bureau, .. }, PhotoSubject::Bureau) => at(bureau),
        (
            Detail::AbsentFromTable {
                bureau, candidate, ..
            },
            PhotoSubject::Cell {
                panel,
                item: Item::Bureau,
            },
        ) => at(bureau) && candidate.panel == panel,
        (
            Detail::Disagreement {
                bureau,
                candidate,
                item,
                ..
            },
            PhotoSubject::Cell { panel, item: of },
        ) => at(bureau) && candidate.panel == panel && *item == of,
        (
            Detail::NotSupplied {
                candidate,
                items,
                observations,
                ..
            },
            PhotoSubject::Cell { panel, item },
        ) => {
            item != Item::Bureau
                && candidate.panel == panel
                && items.contains(&item)
                && observations.iter().any(|o| o.observer == p.observer_id)
        }
        (
            Detail::DistributionFailure {
                candidate,
                item,
                observations,
                ..
            },
            PhotoSubject::Cell { panel, item: of },
        ) => {
            of != Item::Bureau
                && candidate.panel == panel
                && *item == of
                && observations.iter().any(|o| o.observer == p.observer_id)
        }
        (
            Detail::Shortfall { observations, .. }
            | Detail::ReceivedAfterElection { observations, .. },
            PhotoSubject::Household,
        ) => observations.iter().any(|h| h.observer == p.observer_id),
        (Detail::NonReceipts { observations, .. }, PhotoSubject::NonReceipt { event }) => {
            observations.iter().any(|n| n.event == event)
        }
        _ => false,
    }
}

/// Writes, beside the finding `d` of `record`, the thumbnails of the photos of `photos` that
/// support it ([`supports`]; at most [`PER_GROUP`], the others counted). A photo already in
/// `embedded` (shown beside an earlier finding) is a link to it; the others are embedded and
/// added. Nothing when no photo supports it.
pub fn beside(
    d: &Detail,
    record: &CircRecord,
    photos: &ReportPhotos,
    embedded: &mut BTreeSet<[u8; 32]>,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    let code = &record.circonscription.code;
    let mut support: Vec<&ShownPhoto> = Vec::new();
    let mut more = 0usize;
    for g in photos.groups.iter().filter(|g| &g.circonscription == code) {
        let before = support.len();
        support.extend(g.shown.iter().filter(|p| supports(d, p)));
        // The photos of the group left out are counted when the group's shown ones all
        // support the finding (they show the same thing).
        if support.len() - before == g.shown.len() && !g.shown.is_empty() {
            more += g.more;
        }
    }
    if support.is_empty() {
        return Ok(());
    }
    more += support.len().saturating_sub(PER_GROUP);
    support.truncate(PER_GROUP);
    let zone = LegalZone::of_circonscription(code);
    writeln!(out, "<div class=\"finding-photos\">")?;
    for p in support {
        if embedded.insert(p.sha256) {
            figure(p, zone, cat, out)?;
        } else {
            writeln!(
                out,
                "<a class=\"photo-ref\" href=\"#p{}\">{}</a>",
                hex::encode(p.sha256),
                esc(&Message::new("html-photo-see")
                    .arg("name", p.name.as_str())
                    .arg("sha", short_hash(&p.sha256))
                    .render(cat.lang))
            )?;
        }
    }
    if more > 0 {
        writeln!(
            out,
            "<p class=\"more\">{}</p>",
            esc(&Message::new("html-photos-more")
                .arg("count", more)
                .render(cat.lang))
        )?;
    }
    writeln!(out, "</div>")
}

/// The photos a report shows beside its findings, and those already embedded (a photo met
/// again is a link to the first).
#[derive(Debug, Default)]
pub struct Beside<'p> {
    /// The report's photos (`None`: none shown).
    pub shown: Option<&'p ReportPhotos>,
    /// The hashes of the photos embedded so far.
    pub embedded: BTreeSet<[u8; 32]>,
}

impl<'p> Beside<'p> {
    /// Nothing embedded yet.
    pub fn new(shown: Option<&'p ReportPhotos>) -> Self {
        Self {
            shown,
            embedded: BTreeSet::new(),
        }
    }

    /// [`beside`] the finding `d` of `record`, when photos are shown.
    pub fn write(
        &mut self,
        d: &Detail,
        record: &CircRecord,
        cat: &Catalog,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        match self.shown {
            Some(shown) => beside(d, record, shown, &mut self.embedded, cat, out),
            None => Ok(()),
        }
    }
}

/// Writes the photos of `record` (the groups of `photos` in its circonscription) that are not
/// in `embedded` (shown beside a finding), if any. In the national report (`national`), the
/// title names the circonscription.
pub fn section(
    record: &CircRecord,
    photos: &ReportPhotos,
    embedded: &BTreeSet<[u8; 32]>,
    national: bool,
    cat: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    let code = &record.circonscription.code;
    // A group whose every photo shown is beside a finding was counted there, its others too.
    let groups: Vec<(&PhotoGroup, Vec<&ShownPhoto>)> = photos
        .groups
        .iter()
        .filter(|g| &g.circonscription == code)
        .filter_map(|g| {
            let left: Vec<&ShownPhoto> = g
                .shown
                .iter()
                .filter(|p| !embedded.contains(&p.sha256))
                .collect();
            (!left.is_empty() || g.shown.is_empty()).then_some((g, left))
        })
        .collect();
    if groups.is_empty() {
        return Ok(());
    }
    let zone = LegalZone::of_circonscription(code);
    writeln!(out, "<div class=\"photos\">")?;
    writeln!(
        out,
        "<h3>{}</h3>",
        esc(&Message::new("html-photos-title")
            .arg("code", national.then_some(code.as_str()))
            .arg("label", record.circonscription.label.as_str())
            .render(cat.lang))
    )?;
    for (g, left) in groups {
        writeln!(out, "<div class=\"photo-group\">")?;
        writeln!(out, "<h4>{}</h4>", esc(&group_title(g, record, cat)))?;
        for p in left {
            figure(p, zone, cat, out)?;
        }
        if g.more > 0 {
            writeln!(
                out,
                "<p class=\"more\">{}</p>",
                esc(&Message::new("html-photos-more")
                    .arg("count", g.more)
                    .render(cat.lang))
            )?;
        }
        writeln!(out, "</div>")?;
    }
    writeln!(out, "</div>")
}

/// One photo: its thumbnail (or a placeholder) and its caption.
fn figure(p: &ShownPhoto, zone: LegalZone, cat: &Catalog, out: &mut dyn Write) -> io::Result<()> {
    let sha = short_hash(&p.sha256);
    let taken = p
        .taken_at
        .map(|t| format!("{} {}", (cat.pv.date)(t.date()), cat.clock(t)));
    let caption = Message::new("html-photo-caption")
        .arg("name", p.name.as_str())
        .arg("sha", sha.as_str())
        .arg("attached", cat.moment(p.at, zone))
        .arg("taken", taken)
        .arg("observer", p.observer.as_str())
        .render(cat.lang);
    writeln!(
        out,
        "<figure class=\"photo\" id=\"p{}\">",
        hex::encode(p.sha256)
    )?;
    match &p.thumbnail {
        // Only a JPEG is embedded (the app layer made it, or checked it when merged).
        Some(t) if t.starts_with(&[0xFF, 0xD8, 0xFF]) => writeln!(
            out,
            "<img src=\"data:image/jpeg;base64,{}\" alt=\"{}\">",
            base64(t),
            esc(&p.name)
        )?,
        _ => writeln!(
            out,
            "<div class=\"no-thumbnail\">{}</div>",
            esc(&Message::new("html-photo-no-thumbnail")
                .arg("type", p.media.mime())
                .render(cat.lang))
        )?,
    }
    writeln!(out, "<figcaption>{}</figcaption>", esc(&caption))?;
    // Its original not here: said, distinctly for a thumbnail-only copy (issue 19).
    let held = match p.held {
        Some(Held::ThumbnailOnly) => Some(("thumbnail-only", "html-photo-thumbnail-only")),
        Some(Held::Nothing) => Some(("not-received", "html-photo-not-received")),
        Some(Held::Original) | None => None,
    };
    if let Some((class, id)) = held {
        writeln!(
            out,
            "<p class=\"held {class}\">{}</p>",
            esc(&Message::new(id).render(cat.lang))
        )?;
    }
    writeln!(out, "</figure>")
}

/// Standard base64 (RFC 4648, with padding).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn fact(circ: &str, bureau: &str, of: PhotoSubject, n: u8) -> PhotoFact {
        PhotoFact {
            event: crate::domain::EventId(uuid::Uuid::from_u128(u128::from(n))),
            observer: crate::domain::ObserverId(uuid::Uuid::from_u128(1)),
            at: DateTime::from_timestamp(1_497_160_000 + i64::from(n), 0).unwrap_or_default(),
            circonscription: CirconscriptionCode::parse(circ).unwrap(),
            bureau: BureauCode::parse(bureau).unwrap(),
            photo: crate::domain::Photo {
                of,
                sha256: [n; 32],
                original: [n; 32],
                size: 1,
                media: MediaType::Jpeg,
                name: format!("{n}.jpg"),
                taken_at: None,
            },
            note: None,
        }
    }

    #[test]
    fn photos_are_grouped_by_bureau_and_subject_and_limited() {
        let cell = PhotoSubject::Cell {
            panel: crate::domain::Panel::new(8).unwrap(),
            item: Item::Bureau,
        };
        let mut facts: Vec<PhotoFact> = (0..5)
            .map(|n| fact("7501", "75056_0913", cell, n))
            .collect();
        facts.push(fact("7501", "75056_0913", PhotoSubject::Bureau, 10));
        facts.push(fact("7501", "75056_0914", PhotoSubject::Household, 11));
        facts.push(fact("7502", "75056_0201", PhotoSubject::Bureau, 12));
        let name = |_: &PhotoFact| "Obs".to_owned();
        let page = group(&facts, PER_GROUP, usize::MAX, &name);
        let shape: Vec<(&str, &str, usize, usize)> = page
            .groups
            .iter()
            .map(|g| {
                (
                    g.circonscription.as_str(),
                    g.of.slug(),
                    g.shown.len(),
                    g.more,
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                ("7501", "cell", 3, 2),
                ("7501", "bureau", 1, 0),
                ("7501", "household", 1, 0),
                ("7502", "bureau", 1, 0)
            ]
        );
        assert_eq!(
            page.groups[0].shown[0].sha256, [0; 32],
            "first attached first"
        );
        // National: three a circonscription, the rest counted.
        let national = group(&facts, PER_GROUP, PER_CIRC_NATIONAL, &name);
        let shown: usize = national
            .groups
            .iter()
            .filter(|g| g.circonscription.as_str() == "7501")
            .map(|g| g.shown.len())
            .sum();
        let more: usize = national.groups.iter().map(|g| g.more).sum();
        assert_eq!((shown, more), (3, 4));
    }

    #[test]
    fn base64_is_the_standard_one() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xFF, 0xD8, 0xFF]), "/9j/");
    }
}
