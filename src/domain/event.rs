//! Observation events: the append-only log from which every state and report is derived.
//!
//! An event is never changed or deleted. A correction is a new event: a new tick of the same cell,
//! or a [`EventBody::Retract`] of an earlier event (that is how "undo" works).

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::codes::{BureauCode, CirconscriptionCode, Panel};

/// Globally unique id of an event (a UUID v7: unique across observers, so merging is a union).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EventId(pub Uuid);

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Id of an observer, created once with the observer's database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ObserverId(pub Uuid);

impl fmt::Display for ObserverId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// What is checked for a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Item {
    /// The profession de foi (circulaire) in the envelope mailed to the voter.
    Foi,
    /// The bulletin de vote in the envelope mailed to the voter.
    Courrier,
    /// The bulletin de vote on the table of the bureau de vote.
    Bureau,
}

impl Item {
    /// The three items in the order of the record's columns.
    pub const ALL: [Self; 3] = [Self::Foi, Self::Courrier, Self::Bureau];

    /// The identifier used on the command line and in storage.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Foi => "foi",
            Self::Courrier => "courrier",
            Self::Bureau => "bureau",
        }
    }

    /// True for the items checked in the mailed envelope, false for the bureau's table.
    pub fn is_in_envelope(self) -> bool {
        !matches!(self, Self::Bureau)
    }

    /// Column index in the record (0, 1, 2).
    pub fn index(self) -> usize {
        self as usize
    }
}

impl FromStr for Item {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|i| i.slug() == s)
            .ok_or_else(|| s.to_owned())
    }
}

/// The state of one cell of the record.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    /// Not checked yet (or cleared).
    #[default]
    Unchecked,
    /// Seen.
    Present,
    /// Looked for and not found.
    Absent,
}

impl Mark {
    /// Every mark, in cycling order.
    pub const ALL: [Self; 3] = [Self::Unchecked, Self::Present, Self::Absent];

    /// The identifier used on the command line, in storage and in CSV.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Unchecked => "unchecked",
            Self::Present => "present",
            Self::Absent => "absent",
        }
    }

    /// The next mark when cycling with the space bar: unchecked → present → absent → unchecked.
    pub fn cycled(self) -> Self {
        match self {
            Self::Unchecked => Self::Present,
            Self::Present => Self::Absent,
            Self::Absent => Self::Unchecked,
        }
    }
}

impl FromStr for Mark {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|m| m.slug() == s)
            .ok_or_else(|| s.to_owned())
    }
}

/// The highest envelope number of a household (the schema's bound).
pub const MAX_ENVELOPE: u16 = 999;

/// The years a household's envelopes can have arrived in: anything else is a typing mistake.
pub const ARRIVAL_YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

/// A day as an observer types it (interface form, plain mode, `--received-on`): `JJ/MM/AAAA` or
/// `JJ/MM/AA` (as written in France; `AA` is 20AA), `AAAA-MM-JJ`, or nothing. The year must lie in
/// [`ARRIVAL_YEARS`]. `Err` holds the text that is not such a day.
pub fn parse_day(text: &str) -> Result<Option<chrono::NaiveDate>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let number = |s: &str, digits: &[usize]| -> Option<u32> {
        (digits.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let parts: Vec<&str> = t.split(['/', '-']).collect();
    let (day, month, year) = match parts.as_slice() {
        [d, m, y] if t.contains('/') && !t.contains('-') => {
            let year = number(y, &[2, 4]).map(|n| if y.len() == 2 { 2000 + n } else { n });
            (number(d, &[1, 2]), number(m, &[1, 2]), year)
        }
        [y, m, d] if t.contains('-') && !t.contains('/') => {
            (number(d, &[2]), number(m, &[2]), number(y, &[4]))
        }
        _ => (None, None, None),
    };
    let date = match (day, month, year.and_then(|y| i32::try_from(y).ok())) {
        (Some(d), Some(m), Some(y)) if ARRIVAL_YEARS.contains(&y) => {
            chrono::NaiveDate::from_ymd_opt(y, m, d)
        }
        _ => None,
    };
    date.map(Some).ok_or_else(|| t.to_owned())
}

#[cfg(test)]
mod day_tests {
    use super::*;

    #[test]
    fn days_are_read_as_typed_in_france_or_in_iso_and_nothing_else() {
        let june_6 = chrono::NaiveDate::from_ymd_opt(2024, 6, 6);
        for typed in ["06/06/2024", "6/6/2024", "06/06/24", " 2024-06-06 "] {
            assert_eq!(parse_day(typed), Ok(june_6), "{typed}");
        }
        assert_eq!(parse_day("  "), Ok(None));
        for wrong in [
            "31/02/2024",
            "06/06/0024",
            "06/06/2124",
            "+10000-01-01",
            "-0001-01-01",
            "2024-6-6",
            "06/06/202",
            "06-06-2024",
            "2024/06/06",
            "06/06",
            "demain",
        ] {
            assert_eq!(parse_day(wrong), Err(wrong.to_owned()), "{wrong}");
        }
    }
}

/// A moment as an observer types it for "seen at" (`--seen-at`, the forms, plain mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// A day and a time in the place's legal local time (`11/06/2017 15:40`, `2017-06-11 15 h 40`).
    Local(chrono::NaiveDateTime),
    /// A time of the election day, local (`15:40`, `15 h 40`, `15h40`).
    TimeOfElectionDay(chrono::NaiveTime),
    /// An instant with its offset (`2017-06-11T13:40:00Z`, `…+02:00`).
    Instant(DateTime<Utc>),
}

/// Reads a moment: a day as [`parse_day`] reads it, a space or `T`, and a time `HH:MM` or
/// `HH h MM` (`15 h`, `15h40`); or a time alone; or RFC 3339 with an offset. `Err` holds the text.
pub fn parse_moment(text: &str) -> Result<Moment, String> {
    let t = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(t) {
        return Ok(Moment::Instant(at.to_utc()));
    }
    let time = |s: &str| -> Option<chrono::NaiveTime> {
        let s = s.trim();
        let (h, m) = match s.split_once(['h', 'H', ':']) {
            Some((h, m)) => (h.trim(), m.trim()),
            None => return None,
        };
        let digits = |x: &str, max: u32| -> Option<u32> {
            (matches!(x.len(), 1 | 2) && x.bytes().all(|b| b.is_ascii_digit()))
                .then(|| x.parse().ok())
                .flatten()
                .filter(|n| *n <= max)
        };
        let m = if m.is_empty() { Some(0) } else { digits(m, 59) };
        chrono::NaiveTime::from_hms_opt(digits(h, 23)?, m?, 0)
    };
    if let Some(at) = time(t) {
        return Ok(Moment::TimeOfElectionDay(at));
    }
    let Some((day, clock)) = t.split_once(['T', ' ']) else {
        return Err(t.to_owned());
    };
    match (parse_day(day), time(clock)) {
        (Ok(Some(day)), Some(at)) => Ok(Moment::Local(day.and_time(at))),
        _ => Err(t.to_owned()),
    }
}

#[cfg(test)]
mod moment_tests {
    use super::*;

    #[test]
    fn moments_are_read_as_typed_in_france() {
        let local = |s: &str| {
            Ok(Moment::Local(
                chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap(),
            ))
        };
        for typed in [
            "11/06/2017 15:40",
            "11/06/17 15 h 40",
            "2017-06-11T15:40",
            " 2017-06-11 15h40 ",
        ] {
            assert_eq!(parse_moment(typed), local("2017-06-11 15:40"), "{typed}");
        }
        assert_eq!(parse_moment("11/06/2017 15 h"), local("2017-06-11 15:00"));
        assert_eq!(
            parse_moment("15 h 40"),
            Ok(Moment::TimeOfElectionDay(
                chrono::NaiveTime::from_hms_opt(15, 40, 0).unwrap()
            ))
        );
        assert_eq!(
            parse_moment("2017-06-11T13:40:00+00:00"),
            Ok(Moment::Instant("2017-06-11T13:40:00Z".parse().unwrap()))
        );
        for wrong in [
            "",
            "demain",
            "25:00",
            "15:60",
            "11/06/2017",
            "31/02/2017 10:00",
            "1540",
        ] {
            assert_eq!(parse_moment(wrong), Err(wrong.trim().to_owned()), "{wrong}");
        }
    }
}

/// What an event says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventBody {
    /// A cell of the record was checked: candidate `panel`'s `item` is `mark`. For
    /// [`Item::Bureau`] the bureau is required; for envelope items it is the observer's bureau,
    /// kept for context.
    Tick {
        /// Where.
        circonscription: CirconscriptionCode,
        /// The bureau (required for [`Item::Bureau`]).
        bureau: Option<BureauCode>,
        /// Which candidate.
        panel: Panel,
        /// Which column.
        item: Item,
        /// What was seen.
        mark: Mark,
        /// Free text, such as "bulletins épuisés à 15h".
        note: Option<String>,
        /// For envelope items, which of the household's envelopes (1, 2, …) was checked; `None`
        /// is the first (files before schema version 3 know only one). Always `None` for
        /// [`Item::Bureau`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        envelope: Option<u16>,
    },
    /// A household's envelope count: `voters` registered at the address, `received` envelopes.
    /// An observer's later envelope event for the same circonscription replaces the earlier one.
    Envelope {
        /// Where.
        circonscription: CirconscriptionCode,
        /// The observer's bureau, for context.
        bureau: Option<BureauCode>,
        /// Voters registered at the address.
        voters: u32,
        /// Envelopes that arrived.
        received: u32,
        /// Free text.
        note: Option<String>,
        /// The day the envelopes arrived, when given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        received_on: Option<NaiveDate>,
    },
    /// A voter of `bureau` received no envelope at all (the procès-verbal of non-receipt).
    NonReceipt {
        /// Where.
        circonscription: CirconscriptionCode,
        /// The voter's bureau.
        bureau: BureauCode,
        /// The voter's name, when given.
        voter: Option<String>,
        /// Free text.
        note: Option<String>,
        /// Whether the voter belongs to the observer's own household (their envelope is then one
        /// of the household's missing envelopes, counted once: law.md §2.10). `None` in files
        /// before schema version 4: read as "own" when no voter is named ([`EventBody::own_household`]).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        household: Option<bool>,
    },
    /// The observer saw whether `bureau` votes on machines (`machines`): then no ballot is laid
    /// out on its table and none is mailed to its voters (L.57-1, L.58 al. 2, R.34 last paragraph).
    /// An observer's later statement about the same bureau replaces the earlier one.
    Machines {
        /// Where.
        circonscription: CirconscriptionCode,
        /// The bureau.
        bureau: BureauCode,
        /// True: the bureau votes on machines; false: it does not (a correction, or another
        /// observer's reading).
        machines: bool,
        /// Free text.
        note: Option<String>,
    },
    /// Withdraws an earlier event of the same observer (undo). The withdrawn event stays in the log.
    Retract {
        /// The withdrawn event.
        target: EventId,
    },
    /// A photo attached as evidence (issue 19): its bytes are stored by content (SHA-256) in the
    /// same transaction; the event carries their hash, so that nothing changes a photo without
    /// `verify` noticing.
    Photo {
        /// Where.
        circonscription: CirconscriptionCode,
        /// The bureau concerned (the observer's bureau for envelope items).
        bureau: BureauCode,
        /// What it shows and what is stored.
        photo: Box<Photo>,
        /// Free text.
        note: Option<String>,
    },
    /// The observer's signing key changed (issue 15 point 3, `constat key new`): `from` signed
    /// their chain up to the position before, `to` signs it from the next one on (public keys,
    /// 64 lowercase hex digits each, see [`EventBody::key_change`]). The event itself is signed
    /// with `from` when the observer still held it, so that the chain proves the continuity, or
    /// with `to` when the old secret was lost (`--lost`: nothing proves it but the observer).
    /// Stored and encoded in the `voter` (`from`) and `note` (`to`) fields of version 1.
    KeyChange {
        /// The previous public key (hex).
        from: String,
        /// The new public key (hex).
        to: String,
    },
}

/// What a photo is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "of", rename_all = "snake_case")]
pub enum PhotoSubject {
    /// The bureau as a whole (its table, its entrance).
    Bureau,
    /// A cell of the record: candidate `panel`'s `item`.
    Cell {
        /// Which candidate.
        panel: Panel,
        /// Which column.
        item: Item,
    },
    /// The household's envelope record (the envelopes received).
    Household,
    /// A non-receipt, by its event.
    NonReceipt {
        /// The non-receipt event.
        event: EventId,
    },
}

impl PhotoSubject {
    /// The identifier stored (`photo_of`): `bureau`, `cell`, `household`, `non_receipt`.
    pub fn slug(&self) -> &'static str {
        match self {
            Self::Bureau => "bureau",
            Self::Cell { .. } => "cell",
            Self::Household => "household",
            Self::NonReceipt { .. } => "non_receipt",
        }
    }
}

/// The media types constat accepts for photos.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MediaType {
    /// `image/jpeg`.
    Jpeg,
    /// `image/png`.
    Png,
    /// `image/heic` (HEIC/HEIF as phones write it; stored as received).
    Heic,
}

impl MediaType {
    /// Every media type.
    pub const ALL: [Self; 3] = [Self::Jpeg, Self::Png, Self::Heic];

    /// The MIME type, as stored.
    pub fn mime(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Heic => "image/heic",
        }
    }

    /// The file extension used when photos are written out (`export evidence`).
    pub fn extension(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::Heic => "heic",
        }
    }

    /// The media type of a MIME text.
    pub fn from_mime(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.mime() == text)
    }

    /// The media type of a file's first bytes (its signature; HEIC by its `ftyp` box brand
    /// `heic`, `heix`, `mif1`, `msf1`, `heim`, `heis`, `hevc`); `None`: not an image constat takes.
    pub fn sniff(head: &[u8]) -> Option<Self> {
        if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            return Some(Self::Jpeg);
        }
        if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Some(Self::Png);
        }
        if head.len() >= 12 && &head[4..8] == b"ftyp" {
            let brand = &head[8..12];
            if [
                b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"hevc",
            ]
            .iter()
            .any(|b| brand == *b)
            {
                return Some(Self::Heic);
            }
        }
        None
    }
}

/// A photo as its event records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    /// What it is attached to.
    pub of: PhotoSubject,
    /// SHA-256 of the bytes stored (after metadata was stripped, when it was).
    pub sha256: [u8; 32],
    /// SHA-256 of the file as the observer gave it: equal to `sha256` when stored as received.
    pub original: [u8; 32],
    /// Size in bytes of what is stored.
    pub size: u64,
    /// The media type.
    pub media: MediaType,
    /// The file's name as given (untrusted text: escaped wherever shown).
    pub name: String,
    /// When it was taken, from EXIF `DateTimeOriginal` (the camera's local time), when present.
    pub taken_at: Option<chrono::NaiveDateTime>,
}

impl Photo {
    /// True when what is stored is not the file as given (metadata stripped).
    pub fn stripped(&self) -> bool {
        self.sha256 != self.original
    }
}

/// The largest photo constat takes (20 MB).
pub const MAX_PHOTO_BYTES: u64 = 20 * 1024 * 1024;

impl EventBody {
    /// The kind as stored: `tick`, `envelope`, `non_receipt`, `machines`, `retract`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Tick { .. } => "tick",
            Self::Envelope { .. } => "envelope",
            Self::NonReceipt { .. } => "non_receipt",
            Self::Machines { .. } => "machines",
            Self::Retract { .. } => "retract",
            Self::Photo { .. } => "photo",
            Self::KeyChange { .. } => "key_change",
        }
    }

    /// A key change from `from` to `to`.
    pub fn key_change(from: &[u8; 32], to: &[u8; 32]) -> Self {
        Self::KeyChange {
            from: hex::encode(from),
            to: hex::encode(to),
        }
    }

    /// The keys of a key-change event (`from`, `to`), when both are well formed.
    pub fn changed_keys(&self) -> Option<([u8; 32], [u8; 32])> {
        let Self::KeyChange { from, to } = self else {
            return None;
        };
        let key = |h: &str| -> Option<[u8; 32]> {
            if h.len() != 64 || h.bytes().any(|b| b.is_ascii_uppercase()) {
                return None;
            }
            hex::decode(h).ok()?.try_into().ok()
        };
        Some((key(from)?, key(to)?))
    }

    /// For a non-receipt, whether the voter is of the observer's own household: as recorded, or,
    /// in files before schema version 4, when no voter was named. `None` for other events.
    pub fn own_household(&self) -> Option<bool> {
        match self {
            Self::NonReceipt {
                household, voter, ..
            } => Some(household.unwrap_or(voter.is_none())),
            _ => None,
        }
    }

    /// The circonscription concerned, if any (a retraction has none of its own).
    pub fn circonscription(&self) -> Option<&CirconscriptionCode> {
        match self {
            Self::Tick {
                circonscription, ..
            }
            | Self::Envelope {
                circonscription, ..
            }
            | Self::NonReceipt {
                circonscription, ..
            }
            | Self::Machines {
                circonscription, ..
            }
            | Self::Photo {
                circonscription, ..
            } => Some(circonscription),
            Self::Retract { .. } | Self::KeyChange { .. } => None,
        }
    }
}

/// An event body as the columns of a table row: what storage, CSV and the canonical encoding
/// write. Absent fields are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flat<'a> {
    /// `tick`, `envelope`, `non_receipt`, `machines`, `retract`.
    pub kind: &'static str,
    /// The circonscription.
    pub circonscription: Option<&'a CirconscriptionCode>,
    /// The bureau.
    pub bureau: Option<&'a BureauCode>,
    /// A tick's panel number.
    pub panel: Option<u16>,
    /// A tick's item slug.
    pub item: Option<&'static str>,
    /// A tick's mark slug.
    pub value: Option<&'static str>,
    /// An envelope's voters.
    pub voters: Option<u32>,
    /// An envelope's received count.
    pub received: Option<u32>,
    /// A non-receipt's voter.
    pub voter: Option<&'a str>,
    /// A retraction's target.
    pub target: Option<EventId>,
    /// The note.
    pub note: Option<&'a str>,
    /// A tick's envelope number, when given (schema version 3).
    pub envelope: Option<u16>,
    /// An envelope event's day of arrival, when given (schema version 3).
    pub received_on: Option<NaiveDate>,
    /// A machines event's statement (schema version 4).
    pub machines: Option<bool>,
    /// A non-receipt's "own household", when recorded (schema version 4).
    pub household: Option<bool>,
    /// A photo event's photo (schema version 8); its cell's panel and item are in `panel`, `item`.
    pub photo: Option<&'a Photo>,
}

impl EventBody {
    /// The body as flat columns.
    pub fn flat(&self) -> Flat<'_> {
        let mut f = Flat {
            kind: self.kind(),
            circonscription: None,
            bureau: None,
            panel: None,
            item: None,
            value: None,
            voters: None,
            received: None,
            voter: None,
            target: None,
            note: None,
            envelope: None,
            received_on: None,
            machines: None,
            household: None,
            photo: None,
        };
        match self {
            Self::Tick {
                circonscription,
                bureau,
                panel,
                item,
                mark,
                note,
                envelope,
            } => {
                f.circonscription = Some(circonscription);
                f.bureau = bureau.as_ref();
                f.panel = Some(panel.get());
                f.item = Some(item.slug());
                f.value = Some(mark.slug());
                f.note = note.as_deref();
                f.envelope = *envelope;
            }
            Self::Envelope {
                circonscription,
                bureau,
                voters,
                received,
                note,
                received_on,
            } => {
                f.circonscription = Some(circonscription);
                f.bureau = bureau.as_ref();
                f.voters = Some(*voters);
                f.received = Some(*received);
                f.note = note.as_deref();
                f.received_on = *received_on;
            }
            Self::NonReceipt {
                circonscription,
                bureau,
                voter,
                note,
                household,
            } => {
                f.circonscription = Some(circonscription);
                f.bureau = Some(bureau);
                f.voter = voter.as_deref();
                f.note = note.as_deref();
                f.household = *household;
            }
            Self::Machines {
                circonscription,
                bureau,
                machines,
                note,
            } => {
                f.circonscription = Some(circonscription);
                f.bureau = Some(bureau);
                f.machines = Some(*machines);
                f.note = note.as_deref();
            }
            Self::Retract { target } => f.target = Some(*target),
            Self::KeyChange { from, to } => {
                f.voter = Some(from);
                f.note = Some(to);
            }
            Self::Photo {
                circonscription,
                bureau,
                photo,
                note,
            } => {
                f.circonscription = Some(circonscription);
                f.bureau = Some(bureau);
                if let PhotoSubject::Cell { panel, item } = photo.of {
                    f.panel = Some(panel.get());
                    f.item = Some(item.slug());
                }
                f.note = note.as_deref();
                f.photo = Some(photo);
            }
        }
        f
    }
}

/// One recorded observation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Globally unique.
    pub id: EventId,
    /// Who recorded it.
    pub observer: ObserverId,
    /// Position in the observer's own series, from 1, without gaps.
    pub seq: u64,
    /// When it was recorded (UTC; shown in local time).
    pub recorded_at: DateTime<Utc>,
    /// When it was seen, when the observer said so (a record typed in later); `None`: at
    /// `recorded_at` (schema version 4; see [`Event::seen`]).
    pub seen_at: Option<DateTime<Utc>>,
    /// What it says.
    pub body: EventBody,
}

impl Event {
    /// The moment the observation was made: what reports, the procès-verbal and the summary
    /// state (law.md §2.8: the observation's time, not the data entry's).
    pub fn seen(&self) -> DateTime<Utc> {
        self.seen_at.unwrap_or(self.recorded_at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_cycles_unchecked_present_absent() {
        assert_eq!(Mark::Unchecked.cycled(), Mark::Present);
        assert_eq!(Mark::Present.cycled(), Mark::Absent);
        assert_eq!(Mark::Absent.cycled(), Mark::Unchecked);
    }

    #[test]
    fn slugs_round_trip() {
        for i in Item::ALL {
            assert_eq!(i.slug().parse::<Item>(), Ok(i));
        }
        for m in Mark::ALL {
            assert_eq!(m.slug().parse::<Mark>(), Ok(m));
        }
        assert!("maybe".parse::<Mark>().is_err());
    }
}
