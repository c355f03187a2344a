//! The coordinator's live national picture (issue 18 point 3): coverage, arrivals, the national
//! counts of each finding kind with the report's rates, and the latest ballots seen absent from a
//! bureau's table. PURE.
//!
//! [`Tracker`] is fed the events one by one in storage order ([`Tracker::apply`], as
//! [`RecordState::apply`] is) and keeps, per circonscription, the figures drawn from its record
//! ([`build_record_with`], the report's own function). Only circonscriptions that new events
//! touched are rebuilt ([`Tracker::update`]): a merge of one observer's file rebuilds one
//! record, not 577. [`build`] then sums the cached figures into a [`Picture`].

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Utc};

use super::codes::{BureauCode, CirconscriptionCode};
use super::election::Election;
use super::event::{Event, EventBody, ObserverId};
use super::findings::{Detail, HouseholdSums, Names, observer_name};
use super::legal_time::LegalZone;
use super::record::build_record_with;
use super::referential::Referential;
use super::state::RecordState;
use super::stats::Rate;

/// The kinds of finding counted nationally, in the order the view lists them (most serious
/// first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A candidate's ballot seen absent from a bureau's table ([`Detail::AbsentFromTable`]).
    AbsentFromTable,
    /// A candidate's item absent from some envelopes, present in others.
    DistributionFailure,
    /// A candidate's item absent from every observed envelope.
    NotSupplied,
    /// Observers of a bureau contradict each other.
    Disagreement,
    /// Observers disagree on a bureau's voting machines.
    MachinesDisputed,
    /// Voters who received no envelope.
    NonReceipts,
    /// Observations dated after the polls closed.
    SeenAfterPolls,
    /// Households whose envelopes came after the election day.
    ReceivedAfterElection,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Self; 8] = [
        Self::AbsentFromTable,
        Self::DistributionFailure,
        Self::NotSupplied,
        Self::Disagreement,
        Self::MachinesDisputed,
        Self::NonReceipts,
        Self::SeenAfterPolls,
        Self::ReceivedAfterElection,
    ];

    /// Its stable slug (`absent_from_table`…), used by message ids.
    pub fn slug(self) -> &'static str {
        match self {
            Self::AbsentFromTable => "absent-from-table",
            Self::DistributionFailure => "distribution-failure",
            Self::NotSupplied => "not-supplied",
            Self::Disagreement => "disagreement",
            Self::MachinesDisputed => "machines-disputed",
            Self::NonReceipts => "non-receipts",
            Self::SeenAfterPolls => "seen-after-polls",
            Self::ReceivedAfterElection => "received-after-election",
        }
    }
}

/// How many findings of each kind (indexed as [`Kind::ALL`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts(pub [usize; 8]);

impl Counts {
    /// The count of `kind`.
    pub fn get(&self, kind: Kind) -> usize {
        self.0[kind as usize]
    }

    fn add_to(&mut self, kind: Kind, n: usize) {
        self.0[kind as usize] += n;
    }

    fn add(&mut self, o: &Self) {
        for (a, b) in self.0.iter_mut().zip(o.0) {
            *a += b;
        }
    }

    /// Counts of one record's findings, one per [`Detail`] (one per candidate and bureau for the
    /// table, one per non-receipt, one per late observation or household).
    pub fn of(details: &[Detail]) -> Self {
        let mut c = Self::default();
        for d in details {
            match d {
                Detail::NotSupplied { .. } => c.add_to(Kind::NotSupplied, 1),
                Detail::DistributionFailure { .. } => c.add_to(Kind::DistributionFailure, 1),
                Detail::AbsentFromTable { .. } => c.add_to(Kind::AbsentFromTable, 1),
                Detail::Disagreement { .. } => c.add_to(Kind::Disagreement, 1),
                Detail::MachinesDisputed { .. } => c.add_to(Kind::MachinesDisputed, 1),
                Detail::NonReceipts { count, .. } => c.add_to(Kind::NonReceipts, *count),
                Detail::SeenAfterPolls { count, .. } => c.add_to(Kind::SeenAfterPolls, *count),
                Detail::ReceivedAfterElection { observations, .. } => {
                    c.add_to(Kind::ReceivedAfterElection, observations.len());
                }
                Detail::Shortfall { .. } => {}
            }
        }
        c
    }
}

/// A serious fact: a ballot seen absent from a bureau's table (one observer's period of absence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// First seen absent (UTC).
    pub at: DateTime<Utc>,
    /// Where.
    pub bureau: BureauCode,
    /// Its circonscription.
    pub circonscription: CirconscriptionCode,
    /// The candidate's panel number.
    pub panel: u16,
    /// The candidate's name.
    pub candidate: String,
    /// Who saw it.
    pub observer: String,
}

/// What one circonscription's record gives the picture.
#[derive(Debug, Clone, Default, PartialEq)]
struct CircFigures {
    counts: Counts,
    sums: HouseholdSums,
    facts: Vec<Fact>,
}

/// The incremental state of the live view: the folded events and the figures of each
/// circonscription, rebuilt only where new events landed.
#[derive(Debug, Clone, Default)]
pub struct Tracker {
    state: RecordState,
    events: u64,
    latest: Option<DateTime<Utc>>,
    last_by_observer: BTreeMap<ObserverId, DateTime<Utc>>,
    /// The legal time of the place of each observer's latest event that names one.
    zone_of_observer: HashMap<ObserverId, (DateTime<Utc>, LegalZone)>,
    circs_of_observer: HashMap<ObserverId, BTreeSet<CirconscriptionCode>>,
    observers_of_circ: BTreeMap<CirconscriptionCode, BTreeSet<ObserverId>>,
    observers_of_bureau: BTreeMap<BureauCode, BTreeMap<ObserverId, DateTime<Utc>>>,
    dirty: BTreeSet<CirconscriptionCode>,
    figures: BTreeMap<CirconscriptionCode, CircFigures>,
    /// The bureaux recorded since the last update: their circonscription's line is rebuilt even
    /// when the events named another.
    touched_bureaux: BTreeSet<BureauCode>,
    /// The bureaux each observer was seen at (a name shows in their lines).
    bureaux_of_observer: HashMap<ObserverId, BTreeSet<BureauCode>>,
    /// Each observer's name when the lines were last built: a name that changes rebuilds the
    /// lines of that observer's circonscriptions.
    names_seen: HashMap<ObserverId, String>,
    /// Each circonscription's line, built at [`Tracker::update`] for those that changed (all of
    /// them after [`Tracker::invalidate`]): a refresh after one file builds one
    /// circonscription's bureau lines, not France's 69,000.
    lines: BTreeMap<CirconscriptionCode, CircLine>,
}

impl Tracker {
    /// Applies one more event; each observer's events must come in `seq` order (storage order).
    pub fn apply(&mut self, e: &Event) {
        self.state.apply(e);
        self.events += 1;
        let seen = e.seen();
        self.latest = self.latest.max(Some(seen));
        let last = self.last_by_observer.entry(e.observer).or_insert(seen);
        *last = (*last).max(seen);
        match &e.body {
            EventBody::Retract { .. } => {
                // A retraction names no place: every circonscription of its observer is rebuilt.
                if let Some(circs) = self.circs_of_observer.get(&e.observer) {
                    self.dirty.extend(circs.iter().cloned());
                }
            }
            body => {
                // A machines statement says what a bureau is, not that someone watched it: a
                // coordinator's flags from official data (`machines --from`) cover nothing.
                let watched = !matches!(body, EventBody::Machines { .. });
                if let Some(circ) = body.circonscription() {
                    let zone = LegalZone::of_place(circ, body.flat().bureau);
                    let held = self
                        .zone_of_observer
                        .entry(e.observer)
                        .or_insert((seen, zone));
                    if seen >= held.0 {
                        *held = (seen, zone);
                    }
                    self.dirty.insert(circ.clone());
                    self.circs_of_observer
                        .entry(e.observer)
                        .or_default()
                        .insert(circ.clone());
                    if watched {
                        self.observers_of_circ
                            .entry(circ.clone())
                            .or_default()
                            .insert(e.observer);
                    }
                }
                if let Some(b) = body.flat().bureau.filter(|_| watched) {
                    self.touched_bureaux.insert(b.clone());
                    self.bureaux_of_observer
                        .entry(e.observer)
                        .or_default()
                        .insert(b.clone());
                    let at = self
                        .observers_of_bureau
                        .entry(b.clone())
                        .or_default()
                        .entry(e.observer)
                        .or_insert(seen);
                    *at = (*at).max(seen);
                }
            }
        }
    }

    /// Every circonscription is to be rebuilt (the reference data changed).
    pub fn invalidate(&mut self) {
        let circs: Vec<CirconscriptionCode> =
            self.circs_of_observer.values().flatten().cloned().collect();
        self.dirty.extend(circs);
        self.lines.clear();
    }

    /// True when some circonscription waits to be rebuilt.
    pub fn is_dirty(&self) -> bool {
        !self.dirty.is_empty()
    }

    /// Rebuilds the figures of the circonscriptions touched since the last update, from the
    /// report's own record ([`build_record_with`]).
    pub fn update(&mut self, referential: &Referential, names: &Names) {
        // A name that changed (or came): the lines showing that observer are rebuilt.
        for (o, n) in names {
            if self.names_seen.get(o) != Some(n) {
                if let Some(circs) = self.circs_of_observer.get(o) {
                    self.dirty.extend(circs.iter().cloned());
                }
                if let Some(bureaux) = self.bureaux_of_observer.get(o) {
                    self.touched_bureaux.extend(bureaux.iter().cloned());
                }
                self.names_seen.insert(*o, n.clone());
            }
        }
        for b in std::mem::take(&mut self.touched_bureaux) {
            if let Some(c) = referential
                .bureaux
                .get(&b)
                .and_then(|r| r.circonscription.clone())
            {
                self.dirty.insert(c);
            }
        }
        let dirty = std::mem::take(&mut self.dirty);
        self.update_figures(referential, names, &dirty);
        let all = self.lines.is_empty();
        let codes: Vec<CirconscriptionCode> = if all {
            all_circs(self, referential).into_iter().cloned().collect()
        } else {
            dirty.iter().cloned().collect()
        };
        let bureaux_of = bureaux_by_circ(referential, &self.figures, (!all).then_some(&dirty));
        let lines: Vec<CircLine> = codes
            .iter()
            .map(|code| circ_line(self, referential, names, code, bureaux_of.get(code)))
            .collect();
        self.lines.extend(codes.into_iter().zip(lines));
    }

    fn update_figures(
        &mut self,
        referential: &Referential,
        names: &Names,
        dirty: &BTreeSet<CirconscriptionCode>,
    ) {
        for circ in dirty.iter().cloned() {
            let figures = build_record_with(referential, &self.state, &circ, names)
                .map(|r| {
                    let mut facts = Vec::new();
                    for d in &r.details {
                        if let Detail::AbsentFromTable {
                            bureau,
                            candidate,
                            periods,
                        } = d
                        {
                            for p in periods {
                                facts.push(Fact {
                                    at: p.from,
                                    bureau: bureau.clone(),
                                    circonscription: circ.clone(),
                                    panel: candidate.panel.get(),
                                    candidate: candidate.display_name(),
                                    observer: p.observer_name.clone(),
                                });
                            }
                        }
                    }
                    CircFigures {
                        counts: Counts::of(&r.details),
                        sums: HouseholdSums::of(&r.households, r.non_receipts),
                        facts,
                    }
                })
                .unwrap_or_default();
            self.figures.insert(circ, figures);
        }
    }
}

/// What the coordinator received: from the `merged_file` table and the roster.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Arrivals {
    /// Files merged by `merge --watch`.
    pub files: usize,
    /// The latest: its name and when it was merged.
    pub latest: Option<(String, DateTime<Utc>)>,
    /// When the latest file carrying each observer's events was merged.
    pub last_file_by_observer: BTreeMap<ObserverId, DateTime<Utc>>,
    /// Keys enrolled in the roster (`None`: no roster).
    pub enrolled: Option<usize>,
    /// The names of enrolled observers whose key is in no observer row of the file.
    pub silent: Vec<String>,
    /// Files refused (issue 18, night): how many.
    pub refused: usize,
    /// The latest refused, newest first (a few).
    pub latest_refused: Vec<RefusedFile>,
}

/// A file `constat merge` refused, as the target keeps it (schema 0009, issue 18 point 3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedFile {
    /// Its file name.
    pub name: String,
    /// When it was refused.
    pub at: DateTime<Utc>,
    /// The reason's message id (`refusal-copied-database`, …).
    pub reason: String,
    /// The reason in French.
    pub text_fr: String,
    /// The reason in English.
    pub text_en: String,
}

impl RefusedFile {
    /// The reason in `lang`.
    pub fn text(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Fr => &self.text_fr,
            crate::i18n::Lang::En => &self.text_en,
        }
    }
}

/// Coverage and findings of an area (France, a département, a circonscription).
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// Circonscriptions with at least one observer.
    pub circs_covered: usize,
    /// Circonscriptions of the area.
    pub circs_total: usize,
    /// Bureaux with at least one observer.
    pub bureaux_covered: usize,
    /// Bureaux of the area.
    pub bureaux_total: usize,
    /// Findings of each kind.
    pub counts: Counts,
    /// Households and non-receipts summed.
    pub sums: HouseholdSums,
}

impl Area {
    /// An area with nothing in it.
    pub(crate) fn new() -> Self {
        Self {
            circs_covered: 0,
            circs_total: 0,
            bureaux_covered: 0,
            bureaux_total: 0,
            counts: Counts::default(),
            sums: HouseholdSums::default(),
        }
    }

    fn add(&mut self, o: &Self) {
        self.circs_covered += o.circs_covered;
        self.circs_total += o.circs_total;
        self.bureaux_covered += o.bureaux_covered;
        self.bureaux_total += o.bureaux_total;
        self.counts.add(&o.counts);
        self.sums.add(o.sums);
    }

    /// Missing envelopes out of voters, with its 95 % interval (the report's [`Rate`]).
    pub fn shortfall(&self) -> Rate {
        self.sums.shortfall()
    }

    /// Non-receipts out of voters, when that makes a proportion.
    pub fn non_receipt_rate(&self) -> Option<Rate> {
        self.sums.non_receipt_rate()
    }
}

/// One observer seen at a bureau.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    /// Their name.
    pub name: String,
    /// Their latest event there (UTC).
    pub last: DateTime<Utc>,
}

/// One observer of the file, for the observers list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObserverLine {
    /// Their name.
    pub name: String,
    /// Their latest event (UTC), if any.
    pub last: Option<DateTime<Utc>>,
    /// When the latest file carrying their events was merged (UTC), if any was.
    pub last_file: Option<DateTime<Utc>>,
    /// The legal time of their bureau (the place of their latest event; Paris's when none
    /// names a place), in which both times are shown.
    pub zone: LegalZone,
}

/// A bureau of a circonscription.
#[derive(Debug, Clone, PartialEq)]
pub struct BureauLine {
    /// Its code.
    pub code: BureauCode,
    /// Its label (the code when not in the reference data).
    pub label: String,
    /// Observers who recorded something there, latest first.
    pub observers: Vec<Seen>,
    /// Ballots seen absent from its table, newest first.
    pub facts: Vec<Fact>,
}

/// A circonscription.
#[derive(Debug, Clone, PartialEq)]
pub struct CircLine {
    /// Its code.
    pub code: CirconscriptionCode,
    /// Its label.
    pub label: String,
    /// Its figures.
    pub area: Area,
    /// Its observers.
    pub observers: usize,
    /// Its bureaux: those observed first, then the others, each in code order.
    pub bureaux: Vec<BureauLine>,
}

/// A département.
#[derive(Debug, Clone, PartialEq)]
pub struct DepLine {
    /// Its code (`75`, `2A`, `971`, `ZZ`).
    pub code: String,
    /// Its name ([`super::departements`]; for a code not in the table, as the reference data's
    /// circonscription labels give it, "Ain, 1ère circonscription" → "Ain"); `None` when
    /// neither gives one.
    pub name: Option<String>,
    /// Its figures.
    pub area: Area,
    /// Its circonscriptions, in code order.
    pub circs: Vec<CircLine>,
}

/// The national picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// The election.
    pub election: Election,
    /// The latest event seen (UTC): the time of the data.
    pub latest: Option<DateTime<Utc>>,
    /// Events in the file.
    pub events: u64,
    /// Observers in the file.
    pub observers: usize,
    /// Files received and who has not sent.
    pub arrivals: Arrivals,
    /// Each observer who recorded something or sent a file, with their latest event and last
    /// file, the latest event first.
    pub last_by_observer: Vec<ObserverLine>,
    /// France.
    pub national: Area,
    /// By département, in code order.
    pub departements: Vec<DepLine>,
    /// Ballots seen absent from a table, newest first.
    pub facts: Vec<Fact>,
}

/// The département's name: the table's ([`super::departements::name`], every code of the
/// results files), else the text before the first comma of a circonscription label.
fn departement_name(code: &str, label: &str) -> Option<String> {
    if let Some(name) = super::departements::name(code) {
        return Some(name.to_owned());
    }
    let (name, _) = label.split_once(',')?;
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

fn newest_first(facts: &mut [Fact]) {
    facts.sort_by(|a, b| {
        b.at.cmp(&a.at)
            .then_with(|| a.bureau.cmp(&b.bureau))
            .then_with(|| a.panel.cmp(&b.panel))
            .then_with(|| a.observer.cmp(&b.observer))
    });
}

/// The picture from the tracker's figures (call [`Tracker::update`] first: circonscriptions
/// still to rebuild count as they were).
pub fn build(
    tracker: &Tracker,
    election: &Election,
    referential: &Referential,
    names: &Names,
    arrivals: Arrivals,
) -> Picture {
    let mut national = Area::new();
    // A bureau of no known circonscription counts nationally only.
    for b in referential.bureaux.values() {
        if b.circonscription.is_none() {
            national.bureaux_total += 1;
            national.bureaux_covered +=
                usize::from(tracker.observers_of_bureau.contains_key(&b.code));
        }
    }
    let name = |o: &ObserverId| observer_name(names, *o);
    let mut deps: BTreeMap<&str, DepLine> = BTreeMap::new();
    // The lines kept by the tracker; one it has not built (a tracker not updated since) is
    // built here.
    let mut bureaux_of = None;
    for code in all_circs(tracker, referential) {
        let line = match tracker.lines.get(code) {
            Some(line) => line.clone(),
            None => {
                let of = bureaux_of
                    .get_or_insert_with(|| bureaux_by_circ(referential, &tracker.figures, None));
                circ_line(tracker, referential, names, code, of.get(code))
            }
        };
        let dep = deps.entry(code.departement()).or_insert_with(|| DepLine {
            code: code.departement().to_owned(),
            name: departement_name(code.departement(), &line.label),
            area: Area::new(),
            circs: Vec::new(),
        });
        dep.area.add(&line.area);
        dep.circs.push(line);
    }
    let departements: Vec<DepLine> = deps.into_values().collect();
    for d in &departements {
        national.add(&d.area);
    }
    let mut facts: Vec<Fact> = tracker
        .figures
        .values()
        .flat_map(|f| f.facts.iter().cloned())
        .collect();
    newest_first(&mut facts);
    let mut ids: BTreeSet<&ObserverId> = tracker.last_by_observer.keys().collect();
    ids.extend(arrivals.last_file_by_observer.keys());
    let mut last_by_observer: Vec<ObserverLine> = ids
        .into_iter()
        .map(|o| ObserverLine {
            name: name(o),
            last: tracker.last_by_observer.get(o).copied(),
            last_file: arrivals.last_file_by_observer.get(o).copied(),
            zone: tracker
                .zone_of_observer
                .get(o)
                .map_or(LegalZone::Metropole, |(_, z)| *z),
        })
        .collect();
    last_by_observer.sort_by(|a, b| {
        b.last
            .cmp(&a.last)
            .then_with(|| b.last_file.cmp(&a.last_file))
            .then_with(|| a.name.cmp(&b.name))
    });
    Picture {
        election: election.clone(),
        latest: tracker.latest,
        events: tracker.events,
        observers: names.len(),
        arrivals,
        last_by_observer,
        national,
        departements,
        facts,
    }
}

/// The circonscriptions of the picture: the reference data's and any observed beyond them.
fn all_circs<'a>(
    tracker: &'a Tracker,
    referential: &'a Referential,
) -> BTreeSet<&'a CirconscriptionCode> {
    let mut codes: BTreeSet<&CirconscriptionCode> = referential.circonscriptions.keys().collect();
    codes.extend(tracker.observers_of_circ.keys());
    codes
}

/// The bureaux of each circonscription of `wanted` (all when `None`): the reference data's, and
/// observed bureaux not in them under the circonscription whose facts name them. Borrowed, not
/// copied: an update after one file looks up one circonscription's.
fn bureaux_by_circ<'a>(
    referential: &'a Referential,
    figures: &'a BTreeMap<CirconscriptionCode, CircFigures>,
    wanted: Option<&BTreeSet<CirconscriptionCode>>,
) -> BTreeMap<&'a CirconscriptionCode, BTreeSet<&'a BureauCode>> {
    let wants = |c: &CirconscriptionCode| wanted.is_none_or(|w| w.contains(c));
    let mut bureaux_of: BTreeMap<&CirconscriptionCode, BTreeSet<&BureauCode>> = BTreeMap::new();
    for b in referential.bureaux.values() {
        if let Some(c) = b.circonscription.as_ref().filter(|c| wants(c)) {
            bureaux_of.entry(c).or_default().insert(&b.code);
        }
    }
    for (c, f) in figures.iter().filter(|(c, _)| wants(c)) {
        for fact in &f.facts {
            if !referential.bureaux.contains_key(&fact.bureau) {
                bureaux_of.entry(c).or_default().insert(&fact.bureau);
            }
        }
    }
    bureaux_of
}

/// The line of circonscription `code`, whose bureaux are `bureaux`: its figures, observers and
/// each bureau's observers and facts.
fn circ_line(
    tracker: &Tracker,
    referential: &Referential,
    names: &Names,
    code: &CirconscriptionCode,
    bureaux: Option<&BTreeSet<&BureauCode>>,
) -> CircLine {
    let empty = CircFigures::default();
    let figures = tracker.figures.get(code).unwrap_or(&empty);
    let name = |o: &ObserverId| observer_name(names, *o);
    let label = referential
        .circonscriptions
        .get(code)
        .map_or_else(|| code.to_string(), |c| c.label.clone());
    // The circonscription's facts by bureau, in their order (looked up per bureau below: one
    // pass over the facts instead of one per bureau).
    let mut facts_at: HashMap<&BureauCode, Vec<&Fact>> = HashMap::new();
    for f in &figures.facts {
        facts_at.entry(&f.bureau).or_default().push(f);
    }
    let mut lines: Vec<BureauLine> = bureaux
        .into_iter()
        .flatten()
        .map(|b| {
            let mut observers: Vec<Seen> = tracker
                .observers_of_bureau
                .get(*b)
                .into_iter()
                .flatten()
                .map(|(o, at)| Seen {
                    name: name(o),
                    last: *at,
                })
                .collect();
            observers.sort_by(|a, b| b.last.cmp(&a.last).then_with(|| a.name.cmp(&b.name)));
            let mut facts: Vec<Fact> = facts_at
                .get(*b)
                .into_iter()
                .flatten()
                .map(|f| (*f).clone())
                .collect();
            newest_first(&mut facts);
            BureauLine {
                code: (*b).clone(),
                label: referential
                    .bureaux
                    .get(*b)
                    .map_or_else(|| b.to_string(), |r| r.label.clone()),
                observers,
                facts,
            }
        })
        .collect();
    // Observed bureaux first (they are what the coordinator drills into).
    lines.sort_by_key(|b| b.observers.is_empty());
    let observers = tracker.observers_of_circ.get(code).map_or(0, BTreeSet::len);
    let area = Area {
        circs_covered: usize::from(observers > 0),
        circs_total: 1,
        bureaux_covered: lines.iter().filter(|b| !b.observers.is_empty()).count(),
        bureaux_total: lines.len(),
        counts: figures.counts,
        sums: figures.sums,
    };
    CircLine {
        code: code.clone(),
        label,
        area,
        observers,
        bureaux: lines,
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use uuid::Uuid;

    use super::*;
    use crate::domain::{EventId, Item, Mark, Panel};
    use crate::sample;

    fn event(i: usize, observer: u128, seq: u64, body: EventBody) -> Event {
        Event {
            id: EventId(Uuid::from_u128(1 << 64 | i as u128)),
            observer: ObserverId(Uuid::from_u128(observer)),
            seq,
            recorded_at: DateTime::from_timestamp(1_497_160_000 + i as i64 * 60, 0).unwrap(),
            seen_at: None,
            body,
        }
    }

    /// The sample's reference record by one observer, then a second observer's absences at a
    /// bureau, one of them retracted.
    fn log() -> Vec<Event> {
        let s = sample::find("paris-1-2017").unwrap();
        let mut events: Vec<Event> = s
            .record_events()
            .unwrap()
            .into_iter()
            .enumerate()
            .map(|(i, body)| event(i, 1, i as u64 + 1, body))
            .collect();
        let n = events.len();
        let circ = CirconscriptionCode::parse("7501").unwrap();
        let bureau = BureauCode::parse("75056_0911").unwrap();
        let absent = |panel: u16| EventBody::Tick {
            circonscription: circ.clone(),
            bureau: Some(bureau.clone()),
            panel: Panel::new(panel).unwrap(),
            item: Item::Bureau,
            mark: Mark::Absent,
            note: None,
            envelope: None,
        };
        events.push(event(n, 2, 1, absent(3)));
        events.push(event(n + 1, 2, 2, absent(5)));
        let target = events[n + 1].id;
        events.push(event(n + 2, 2, 3, EventBody::Retract { target }));
        events.push(event(n + 3, 2, 4, absent(7)));
        events
    }

    fn picture(tracker: &mut Tracker) -> Picture {
        picture_of(tracker, &["Alice", "Bruno"], Arrivals::default())
    }

    /// The picture of the sample's reference data, observers 1, 2… named `names`.
    fn picture_of(tracker: &mut Tracker, names: &[&str], arrivals: Arrivals) -> Picture {
        let data = sample::find("paris-1-2017")
            .unwrap()
            .election_data()
            .unwrap();
        let names: Names = (1u128..)
            .zip(names)
            .map(|(i, n)| (ObserverId(Uuid::from_u128(i)), (*n).to_owned()))
            .collect();
        tracker.update(&data.referential, &names);
        build(tracker, &data.election, &data.referential, &names, arrivals)
    }

    /// A tick of `panel`'s ballot at `bureau`'s table.
    fn table_tick(circ: &str, bureau: &str, panel: u16, mark: Mark) -> EventBody {
        EventBody::Tick {
            circonscription: CirconscriptionCode::parse(circ).unwrap(),
            bureau: Some(BureauCode::parse(bureau).unwrap()),
            panel: Panel::new(panel).unwrap(),
            item: Item::Bureau,
            mark,
            note: None,
            envelope: None,
        }
    }

    #[test]
    fn an_incremental_fold_gives_the_picture_of_a_full_fold() {
        let events = log();
        let mut full = Tracker::default();
        for e in &events {
            full.apply(e);
        }
        let whole = picture(&mut full);
        // Fed in uneven chunks with an update (a refresh of the view) after each.
        for chunk in [1, 3, 7, 50] {
            let mut live = Tracker::default();
            for part in events.chunks(chunk) {
                for e in part {
                    live.apply(e);
                }
                picture(&mut live);
            }
            assert_eq!(picture(&mut live), whole, "chunks of {chunk}");
        }
    }

    #[test]
    fn the_picture_counts_the_reports_findings_and_the_latest_absences_come_first() {
        let events = log();
        let mut t = Tracker::default();
        for e in &events {
            t.apply(e);
        }
        let p = picture(&mut t);
        let data = sample::find("paris-1-2017")
            .unwrap()
            .election_data()
            .unwrap();
        let record = crate::domain::build_record(
            &data.referential,
            &RecordState::fold(&events),
            &CirconscriptionCode::parse("7501").unwrap(),
        )
        .unwrap();
        assert_eq!(p.national.counts, Counts::of(&record.details));
        assert_eq!(
            p.national.shortfall(),
            HouseholdSums::of(&record.households, record.non_receipts).shortfall()
        );
        assert_eq!(p.events, events.len() as u64);
        assert_eq!(p.observers, 2);
        assert_eq!(p.national.circs_covered, 1);
        // The retracted absence (panel 5) is not a fact; the newest is first.
        let at_0911: Vec<u16> = p
            .facts
            .iter()
            .filter(|f| f.bureau.as_str() == "75056_0911" && f.observer == "Bruno")
            .map(|f| f.panel)
            .collect();
        assert_eq!(at_0911, [7, 3]);
        assert!(p.facts.windows(2).all(|w| w[0].at >= w[1].at));
        let dep = &p.departements[0];
        assert_eq!(dep.code, "75");
        assert_eq!(dep.name.as_deref(), Some("Paris"));
        let bureau = dep.circs[0]
            .bureaux
            .iter()
            .find(|b| b.code.as_str() == "75056_0911")
            .unwrap();
        assert!(bureau.observers.iter().any(|o| o.name == "Bruno"));
        assert!(
            !dep.circs[0].bureaux[0].observers.is_empty(),
            "observed bureaux first"
        );
    }

    /// Issue 18 point 3: a coordinator's machines flags from official data (`machines --from`)
    /// say what bureaux are, not that anyone watched them: they cover nothing.
    #[test]
    fn machines_statements_alone_cover_no_bureau() {
        let circ = CirconscriptionCode::parse("7501").unwrap();
        let mut t = Tracker::default();
        for (i, code) in ["75056_0911", "75056_0912"].into_iter().enumerate() {
            t.apply(&event(
                i,
                1,
                i as u64 + 1,
                EventBody::Machines {
                    circonscription: circ.clone(),
                    bureau: BureauCode::parse(code).unwrap(),
                    machines: true,
                    note: None,
                },
            ));
        }
        let p = picture(&mut t);
        assert_eq!(p.national.circs_covered, 0);
        assert_eq!(p.national.bureaux_covered, 0);
        // A tick there does.
        t.apply(&event(
            2,
            2,
            1,
            table_tick("7501", "75056_0911", 1, Mark::Present),
        ));
        let p = picture(&mut t);
        assert_eq!(p.national.circs_covered, 1);
        assert_eq!(p.national.bureaux_covered, 1);
    }

    /// Issue 18 point 1 (coordination): each observer's line carries their last file's merge
    /// time (from the merged-files log) and the legal time of their latest event's bureau; an
    /// observer who sent a file of no event is listed too.
    #[test]
    fn each_observer_has_their_last_file_time_and_their_bureaus_zone() {
        let mut events = log();
        let n = events.len();
        events.push(event(
            n,
            2,
            5,
            table_tick("97401", "97411_0001", 1, Mark::Present),
        ));
        let mut t = Tracker::default();
        for e in &events {
            t.apply(e);
        }
        let file = DateTime::from_timestamp(1_497_200_000, 0).unwrap();
        let arrivals = Arrivals {
            last_file_by_observer: [
                (ObserverId(Uuid::from_u128(1)), file),
                (ObserverId(Uuid::from_u128(3)), file),
            ]
            .into(),
            ..Arrivals::default()
        };
        let p = picture_of(&mut t, &["Alice", "Bruno", "Chloé"], arrivals);
        let line = |name: &str| {
            p.last_by_observer
                .iter()
                .find(|o| o.name == name)
                .unwrap()
                .clone()
        };
        let (alice, bruno, chloe) = (line("Alice"), line("Bruno"), line("Chloé"));
        assert_eq!(alice.last_file, Some(file));
        assert_eq!(alice.zone, LegalZone::Metropole);
        assert_eq!(bruno.last_file, None);
        assert_eq!(bruno.last, Some(events[n].seen()));
        assert_eq!(
            bruno.zone,
            LegalZone::of_bureau(&BureauCode::parse("97411_0001").unwrap())
        );
        assert_ne!(bruno.zone, LegalZone::Metropole);
        assert_eq!((chloe.last, chloe.last_file), (None, Some(file)));
        assert_eq!(p.last_by_observer.len(), 3);
    }

    /// Issue 18 point 4: a département is named from the table, whatever its circonscriptions'
    /// labels say (an overseas letter code, a label without a comma).
    #[test]
    fn departements_are_named_from_the_table() {
        assert_eq!(
            departement_name("ZA", "1ère circonscription").as_deref(),
            Some("Guadeloupe")
        );
        assert_eq!(
            departement_name("ZX", "Saint-Martin/Saint-Barthélemy").as_deref(),
            Some("Saint-Barthélemy et Saint-Martin")
        );
        assert_eq!(
            departement_name("2A", "Corse du Sud, 1ère").as_deref(),
            Some("Corse-du-Sud")
        );
        assert_eq!(departement_name("FR", "France").as_deref(), None);
        assert_eq!(
            departement_name("FR", "France entière, circonscription unique").as_deref(),
            Some("France entière")
        );
    }

    /// The kept lines follow what the picture shows: an event naming a bureau of another
    /// circonscription than its own (nothing in a hostile file forbids it) rebuilds that
    /// circonscription's line, and an observer's name arriving later renames them in every line;
    /// each time the picture of a tracker fed everything at once.
    #[test]
    fn kept_lines_follow_a_bureau_named_from_another_circonscription_and_a_late_name() {
        use crate::domain::{Bureau, Circonscription};
        let mut data = sample::find("paris-1-2017")
            .unwrap()
            .election_data()
            .unwrap();
        let other = CirconscriptionCode::parse("7502").unwrap();
        data.referential.circonscriptions.insert(
            other.clone(),
            Circonscription {
                code: other.clone(),
                label: "Paris, 2e circonscription".into(),
            },
        );
        let far = BureauCode::parse("75056_0201").unwrap();
        data.referential.bureaux.insert(
            far.clone(),
            Bureau {
                code: far.clone(),
                circonscription: Some(other.clone()),
                label: "Paris 2e - bureau 1".into(),
                address: String::new(),
                commune: "Paris".into(),
                voting_machines: false,
            },
        );
        let tick = |bureau: &str| EventBody::Tick {
            circonscription: CirconscriptionCode::parse("7501").unwrap(),
            bureau: Some(BureauCode::parse(bureau).unwrap()),
            panel: Panel::new(1).unwrap(),
            item: Item::Bureau,
            mark: Mark::Present,
            note: None,
            envelope: None,
        };
        let events = [
            event(0, 1, 1, tick("75056_0911")),
            event(1, 1, 2, tick("75056_0201")),
        ];
        let unnamed = Names::new();
        let named: Names = [(ObserverId(Uuid::from_u128(1)), "Alice".to_owned())]
            .into_iter()
            .collect();
        let shown = |t: &Tracker, names: &Names| {
            build(
                t,
                &data.election,
                &data.referential,
                names,
                Arrivals::default(),
            )
        };
        let mut live = Tracker::default();
        live.apply(&events[0]);
        live.update(&data.referential, &unnamed);
        live.apply(&events[1]);
        live.update(&data.referential, &unnamed);
        let mut whole = Tracker::default();
        for e in &events {
            whole.apply(e);
        }
        whole.update(&data.referential, &unnamed);
        let p = shown(&live, &unnamed);
        assert_eq!(p, shown(&whole, &unnamed));
        let line = p
            .departements
            .iter()
            .flat_map(|d| &d.circs)
            .find(|c| c.code == other)
            .unwrap();
        assert_eq!(line.area.bureaux_covered, 1);
        // The name arrives: every line showing observer 1 says it.
        live.update(&data.referential, &named);
        whole.update(&data.referential, &named);
        let p = shown(&live, &named);
        assert_eq!(p, shown(&whole, &named));
        let mut fresh = Tracker::default();
        for e in &events {
            fresh.apply(e);
        }
        fresh.update(&data.referential, &named);
        assert_eq!(p, shown(&fresh, &named));
        assert!(
            p.departements
                .iter()
                .flat_map(|d| &d.circs)
                .flat_map(|c| &c.bureaux)
                .flat_map(|b| &b.observers)
                .all(|o| o.name == "Alice")
        );
    }
}
