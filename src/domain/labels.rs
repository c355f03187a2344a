//! The words of the domain's own types (marks, items, election kinds), looked up in the
//! catalogue. They live here rather than in `i18n`, so that the catalogue stays a leaf that
//! knows nothing of the domain.

use crate::i18n::{Catalog, Localize, Message};

use chrono::{DateTime, NaiveDateTime, Timelike, Utc};

use super::legal_time::{LegalZone, Overseas};
use super::{ElectionKind, Item, Mark};

impl Mark {
    /// The mark's symbol, the same on screen and in every printed output: `✓` present, `✗`
    /// absent, `·` not checked (the legend gives the words).
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Present => "✓",
            Self::Absent => "✗",
            Self::Unchecked => "·",
        }
    }
}

/// The kind's full name (`Élections législatives`).
impl Localize for ElectionKind {
    fn message(&self) -> Message<'_> {
        Message::new(match self {
            Self::Legislatives => "election-legislatives",
            Self::Presidentielle => "election-presidentielle",
            Self::Europeennes => "election-europeennes",
            Self::Municipales => "election-municipales",
            Self::Regionales => "election-regionales",
            Self::Departementales => "election-departementales",
        })
    }
}

/// The name of a legal time, said after the times of a place outside metropolitan France.
impl Localize for LegalZone {
    fn message(&self) -> Message<'_> {
        use Overseas as O;
        Message::new(match self {
            Self::Metropole => "zone-metropole",
            Self::Overseas(O::Guadeloupe) => "zone-guadeloupe",
            Self::Overseas(O::Martinique) => "zone-martinique",
            Self::Overseas(O::Guyane) => "zone-guyane",
            Self::Overseas(O::Reunion) => "zone-reunion",
            Self::Overseas(O::SaintPierreEtMiquelon) => "zone-saint-pierre-et-miquelon",
            Self::Overseas(O::Mayotte) => "zone-mayotte",
            Self::Overseas(O::SaintBarthelemyEtSaintMartin) => "zone-saint-barthelemy-saint-martin",
            Self::Overseas(O::WallisEtFutuna) => "zone-wallis-et-futuna",
            Self::Overseas(O::NouvelleCaledonie) => "zone-nouvelle-caledonie",
            Self::Overseas(O::Polynesie) => "zone-polynesie",
            Self::Unknown => "zone-utc",
        })
    }
}

impl Catalog {
    /// A moment as people read it at the place: its legal local day and time, the French way
    /// (`11 juin 2017, 15 h 00`), with the zone named outside metropolitan France
    /// (`…, 8 h 00, heure de la Guadeloupe`; `…, heure UTC` where the zone is not known).
    pub fn moment(&self, at: DateTime<Utc>, zone: LegalZone) -> String {
        let local = zone.local(at);
        let date = (self.pv.date)(local.date());
        let clock = self.clock(local);
        match zone {
            LegalZone::Metropole => Message::new("moment")
                .arg("date", date)
                .arg("clock", clock)
                .render(self.lang),
            _ => Message::new("moment-zoned")
                .arg("date", date)
                .arg("clock", clock)
                .arg("zone", &zone)
                .render(self.lang),
        }
    }

    /// A local time of day the French way (`15 h 40`; English `15:40`).
    pub fn clock(&self, local: NaiveDateTime) -> String {
        Message::new("clock")
            .arg("hour", local.hour())
            .arg("minute", format!("{:02}", local.minute()))
            .render(self.lang)
    }

    /// `, heure de la Guadeloupe` after the times of a place outside metropolitan France (and
    /// `, heure UTC` where the zone is not known); nothing in metropolitan France.
    pub fn zone_suffix(&self, zone: LegalZone) -> String {
        match zone {
            LegalZone::Metropole => String::new(),
            _ => Message::new("zone-suffix")
                .arg("zone", &zone)
                .render(self.lang),
        }
    }

    /// The long name of a mark.
    pub fn mark(&self, mark: Mark) -> &'static str {
        match mark {
            Mark::Present => self.mark_present,
            Mark::Absent => self.mark_absent,
            Mark::Unchecked => self.mark_unchecked,
        }
    }

    /// A column's title: long (`Prof. de foi`) or short (`Foi`).
    pub fn column(&self, item: Item, long: bool) -> &'static str {
        match (item, long) {
            (Item::Foi, true) => self.col_foi,
            (Item::Courrier, true) => self.col_courrier,
            (Item::Bureau, true) => self.col_bureau,
            (Item::Foi, false) => self.col_foi_short,
            (Item::Courrier, false) => self.col_courrier_short,
            (Item::Bureau, false) => self.col_bureau_short,
        }
    }

    /// The election kind's full name (`Élections législatives`).
    pub fn election_kind(&self, kind: ElectionKind) -> String {
        kind.text(self.lang)
    }

    /// The election kind's abbreviation, for narrow headers (`Législ.`).
    pub fn election_kind_short(&self, kind: ElectionKind) -> String {
        Message::new(match kind {
            ElectionKind::Legislatives => "election-legislatives-short",
            ElectionKind::Presidentielle => "election-presidentielle-short",
            ElectionKind::Europeennes => "election-europeennes-short",
            ElectionKind::Municipales => "election-municipales-short",
            ElectionKind::Regionales => "election-regionales-short",
            ElectionKind::Departementales => "election-departementales-short",
        })
        .render(self.lang)
    }

    /// What is missing from every envelope: the profession de foi, the ballot, or both.
    pub fn not_supplied_items(&self, items: &[Item]) -> String {
        Message::new(match items {
            [Item::Foi] => "not-supplied-foi",
            [Item::Courrier] => "not-supplied-courrier",
            _ => "not-supplied-both",
        })
        .render(self.lang)
    }

    /// One item absent from some of the envelopes observed and present in the others: what,
    /// from how many out of how many, seen by whom, and in how many it was present.
    pub fn detail_distribution(
        &self,
        item: Item,
        absent: usize,
        total: usize,
        who_absent: &str,
        present: usize,
    ) -> String {
        Message::new("detail-distribution")
            .arg("foi", item == Item::Foi)
            .arg("absent", absent)
            .arg("total", total)
            .arg("who", who_absent)
            .arg("present", present)
            .render(self.lang)
    }
}
