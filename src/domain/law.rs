//! The law of each election kind, as data: who mails the envelopes, what the bureau's table must
//! hold, how many rounds, and how a citizen contests the election (the remedy, the judge, the
//! deadline and its hour, who may file and where). The findings, the réclamation, the requête and
//! the documentation read their legal wording and their article numbers from [`Law::of`]: no
//! other code names an article.
//!
//! Source: `/work/shared/law.md` (code électoral, ordonnance n° 58-1067, décret n° 2001-213,
//! loi n° 77-729, as in force in December 2026); each row cites its article beside it, and the
//! unit tests below check each row against the same source.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::{BureauCode, CirconscriptionCode, ElectionKind};

/// A legal text articles are cited from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegalText {
    /// The code électoral.
    CodeElectoral,
    /// Ordonnance n° 58-1067 of 7 November 1958 (loi organique sur le Conseil constitutionnel).
    Ordonnance58_1067,
    /// Décret n° 2001-213 of 8 March 2001 (the présidentielle).
    Decret2001_213,
    /// Loi n° 77-729 of 7 July 1977 (the européennes).
    Loi77_729,
    /// The Constitution of 4 October 1958.
    Constitution,
}

impl LegalText {
    /// The text's number as it is cited (`58-1067`); empty for the code and the Constitution.
    pub fn number(self) -> &'static str {
        match self {
            Self::CodeElectoral | Self::Constitution => "",
            Self::Ordonnance58_1067 => "58-1067",
            Self::Decret2001_213 => "2001-213",
            Self::Loi77_729 => "77-729",
        }
    }

    /// The stable name of the text, as the catalogue's selector spells it.
    pub fn slug(self) -> &'static str {
        match self {
            Self::CodeElectoral => "code",
            Self::Ordonnance58_1067 => "ordonnance",
            Self::Decret2001_213 => "decret",
            Self::Loi77_729 => "loi",
            Self::Constitution => "constitution",
        }
    }
}

/// One article of one text (`R.34` of the code électoral, `35` of ordonnance 58-1067).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Citation {
    /// The text.
    pub text: LegalText,
    /// The article as cited (`R.34`, `R.34 al. 6`, `35`).
    pub article: &'static str,
}

const fn code(article: &'static str) -> Citation {
    Citation {
        text: LegalText::CodeElectoral,
        article,
    }
}

const fn ord(article: &'static str) -> Citation {
    Citation {
        text: LegalText::Ordonnance58_1067,
        article,
    }
}

const fn decret(article: &'static str) -> Citation {
    Citation {
        text: LegalText::Decret2001_213,
        article,
    }
}

const fn loi(article: &'static str) -> Citation {
    Citation {
        text: LegalText::Loi77_729,
        article,
    }
}

const fn constitution(article: &'static str) -> Citation {
    Citation {
        text: LegalText::Constitution,
        article,
    }
}

/// A court decision cited for a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// The court.
    pub court: Judge,
    /// The day of the decision.
    pub date: (i32, u32, u32),
    /// Its number (`382218`).
    pub number: &'static str,
    /// The name it is known by (`Élections municipales de Pineuilh`), or empty.
    pub name: &'static str,
}

/// CE 14 November 2014, Pineuilh, n° 382218 (law.md §3a): a PV mention seizes the tribunal
/// administratif only if it asks for annulment or plainly challenges the validity of the
/// operations with precise griefs.
pub const PINEUILH: Decision = Decision {
    court: Judge::ConseilEtat,
    date: (2014, 11, 14),
    number: "382218",
    name: "Pineuilh",
};

/// CE 15 April 1996, n° 173986 (law.md §1b): before administrative courts, a deadline ending on a
/// weekend or a public holiday moves to the next working day.
pub const NEXT_WORKING_DAY: Decision = Decision {
    court: Judge::ConseilEtat,
    date: (1996, 4, 15),
    number: "173986",
    name: "",
};

/// Who mails each voter's envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mailer {
    /// The commission de propagande.
    CommissionDePropagande,
    /// The commissions locales de contrôle, under the CNCCEP (présidentielle).
    CommissionsLocalesDeControle,
}

/// The leaflet each voter's envelope holds beside the ballot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaflet {
    /// The candidate's (or list's, binôme's) circulaire, the "profession de foi".
    Circulaire,
    /// The présidentielle candidate's déclaration, printed by the State.
    Declaration,
}

/// What each voter's envelope must hold and who mails it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mailing {
    /// Who mails.
    pub by: Mailer,
    /// The leaflet beside the ballot.
    pub leaflet: Leaflet,
    /// Nothing is mailed in communes below this many inhabitants (municipales, L.241).
    pub min_inhabitants: Option<u32>,
    /// The article that sets that threshold (empty when there is none).
    pub min_inhabitants_cite: &'static [Citation],
    /// The articles that say it.
    pub cite: &'static [Citation],
    /// The articles a failure to mail breaches (the requête's moyens).
    pub duty: &'static [Citation],
}

/// Who supplies the ballots on the bureau's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableSupply {
    /// The ballots the commission sent through the mayor, and those the candidates (or lists)
    /// deposit with the mayor or the bureau's president (L.58, R.55).
    CandidatesAndMayor,
    /// The administration's ballots only: mayors refuse candidates' ballots, and ballots brought
    /// by others are not counted (présidentielle).
    AdministrationOnly,
}

/// The citizen's way to contest the election.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remedy {
    /// A written requête to the judge of the election.
    Requete,
    /// A protestation, written into the bureau's PV or lodged in writing.
    Protestation,
    /// Only a réclamation written into the bureau's PV before it is closed; a letter is
    /// inadmissible.
    PvMentionOnly,
}

/// The judge of the election.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Judge {
    /// The Conseil constitutionnel.
    ConseilConstitutionnel,
    /// The Conseil d'État.
    ConseilEtat,
    /// The tribunal administratif.
    TribunalAdministratif,
}

impl Judge {
    /// An administrative court: a deadline ending on a weekend or a public holiday moves to the
    /// next working day ([`NEXT_WORKING_DAY`]). Whether the Conseil constitutionnel does so is
    /// unverified (law.md §1b): its deadline is not moved.
    pub fn is_administrative(self) -> bool {
        matches!(self, Self::ConseilEtat | Self::TribunalAdministratif)
    }
}

/// From which day the deadline counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// The proclamation of the results (the day after it is the first day).
    Proclamation,
    /// The day of the vote (the day after it is the first day).
    Election,
    /// While the bureau's PV is open on the day of the vote.
    PvOpen,
}

/// The hour the last day ends at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hour {
    /// 18:00.
    SixPm,
    /// Midnight, the end of the day.
    Midnight,
}

/// When the remedy must be filed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    /// The day it counts from.
    pub from: Start,
    /// The last day, counted after `from` (0 with [`Start::PvOpen`]).
    pub days: u64,
    /// The hour of the last day.
    pub until: Hour,
    /// The articles that say it.
    pub cite: &'static [Citation],
}

/// Who may file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filer {
    /// Voters on the roll (or the consular roll) of the circonscription.
    VotersOfCirconscription,
    /// Any voter.
    AnyVoter,
    /// Voters of the bureau, in its PV.
    VotersInThePv,
    /// Voters and éligibles of the commune.
    VotersAndEligiblesOfCommune,
    /// Voters of the canton, the binômes, their remplaçants, the conseillers.
    VotersOfCantonAndBinomes,
    /// Voters of the région.
    VotersOfRegion,
    /// Candidates (or lists, binômes).
    Candidates,
    /// The préfet.
    Prefet,
}

/// Where the remedy is lodged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The secrétariat général of the Conseil constitutionnel.
    ConseilConstitutionnel,
    /// The préfecture (forwarded to the judge).
    Prefecture,
    /// The préfecture or a sous-préfecture.
    PrefectureOrSousPrefecture,
    /// The Conseil d'État, only there (européennes: the ministry, 2014, says not the préfecture).
    ConseilEtatOnly,
    /// The Conseil d'État, with no claim about another route (régionales: whether a préfecture
    /// may receive it is unverified, law.md §1b).
    ConseilEtat,
    /// The greffe of the tribunal administratif.
    TribunalAdministratif,
    /// The bureau's procès-verbal.
    BureauPv,
}

/// Who may refer the election to the judge apart from voters (the présidentielle's 48 hours).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Referral {
    /// Hours after the close of the vote.
    pub hours: u32,
    /// Who.
    pub by: &'static [Filer],
    /// The articles that say it.
    pub cite: &'static [Citation],
}

/// Who the election elects: what a remedy names as contested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Elects {
    /// One person (a deputy, the President).
    Person,
    /// A binôme (départementales).
    Binome,
    /// A list (européennes, municipales, régionales).
    List,
}

/// The law of one election kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Law {
    /// Which kind.
    pub kind: ElectionKind,
    /// Who is elected.
    pub elects: Elects,
    /// What is mailed to each voter, and by whom.
    pub mailing: Mailing,
    /// A candidate may lawfully not supply (or supply too few) documents for mailing: then
    /// "absent from every envelope" is no irregularity by itself.
    pub may_not_supply: bool,
    /// The articles on what is mailed when a candidate supplies too little or nothing.
    pub not_supplied_cite: &'static [Citation],
    /// Who supplies the bureau's table.
    pub table: TableSupply,
    /// The articles on the bureau's table.
    pub table_cite: &'static [Citation],
    /// Rounds.
    pub rounds: u8,
    /// Days from round 1 to round 2.
    pub second_round_after: u64,
    /// The article on rounds.
    pub rounds_cite: &'static [Citation],
    /// The citizen's remedy.
    pub remedy: Remedy,
    /// The judge.
    pub judge: Judge,
    /// The deadline.
    pub deadline: Deadline,
    /// Who may file.
    pub filers: &'static [Filer],
    /// The articles on who may file.
    pub filers_cite: &'static [Citation],
    /// Where to file.
    pub places: &'static [Place],
    /// The articles on where to file.
    pub places_cite: &'static [Citation],
    /// The articles the requête's contents follow (ord. 58-1067 art. 35 for the CC).
    pub contents_cite: &'static [Citation],
    /// The article on griefs rejected without hearing, when the judge has one.
    pub rejection_cite: &'static [Citation],
    /// The article on consulting the recensement PVs, when there is one.
    pub consultation_cite: &'static [Citation],
    /// The article on the thresholds that elect in round 1 (absolute majority and a quarter of
    /// the registered voters), which a margin is measured against, when there is one.
    pub threshold_cite: &'static [Citation],
    /// The referral by others than voters, when there is one.
    pub referral: Option<Referral>,
    /// The PV mention must contest the regularity of the operations (ask for annulment) to count
    /// as a protestation ([`PINEUILH`]), or the réclamation is itself the remedy.
    pub conclusions_in_pv: bool,
    /// The decision that requires them, when it is case law.
    pub conclusions_cite: Option<Decision>,
    /// The kind is a national election: the places that vote a day earlier do so (law.md §4.6).
    pub national: bool,
}

/// The single national circonscription of the présidentielle (law.md §4.2): its code and its
/// label, as the bundled sample and the national candidate list give it.
pub const NATIONAL_CIRCONSCRIPTION: (&str, &str) =
    ("FR01", "France (circonscription nationale unique)");

/// The article on the réclamation written into a bureau's PV (every kind).
pub const RECLAMATION: &[Citation] = &[code("R.52")];

/// The articles on the mailing that do not depend on the kind (R.34, R.38).
const MAILING: &[Citation] = &[code("R.34"), code("R.38")];
/// Partial supply is lawful; non-conforming or late material is not sent (R.38; R.34 al. 6).
const NOT_SUPPLIED: &[Citation] = &[code("R.38"), code("R.34 al. 6")];
/// A candidate may supply fewer copies than voters and choose their distribution (R.34 al. 6).
pub const PARTIAL_SUPPLY: &[Citation] = &[code("R.34 al. 6")];
/// Ballots supplied for the mairies only, sent on to the bureaux by the commission (R.34 al. 4).
pub const MAIRIES_ONLY: &[Citation] = &[code("R.34 al. 4")];
/// The polls close at 18 h, 20 h at the latest where the préfet delays them (R.41).
pub const POLLS_CLOSE: &[Citation] = &[code("R.41")];
/// The table: candidates' deposits (L.58) and what the bureau must lay out (R.55).
const TABLE: &[Citation] = &[code("L.58"), code("R.55")];
/// Round 2 the next Sunday (L.56).
const ROUNDS: &[Citation] = &[code("L.56")];

/// The six rows, in [`ElectionKind::ALL`] order.
const LAWS: [Law; 6] = [
    Law {
        kind: ElectionKind::Legislatives,
        elects: Elects::Person,
        // Commission de propagande (L.166, législatives only; R.34, R.38).
        mailing: Mailing {
            by: Mailer::CommissionDePropagande,
            leaflet: Leaflet::Circulaire,
            min_inhabitants: None,
            min_inhabitants_cite: &[],
            cite: &[code("L.166"), code("R.34"), code("R.38")],
            duty: &[code("L.166"), code("R.34"), code("R.38")],
        },
        // Late or non-conforming material is not sent (R.38); partial supply lawful (R.34 al. 6).
        may_not_supply: true,
        not_supplied_cite: NOT_SUPPLIED,
        // Commission's ballots via the mayor (R.34 al. 4) + candidates' deposits (L.58, R.55).
        table: TableSupply::CandidatesAndMayor,
        table_cite: TABLE,
        // Two rounds, the second the next Sunday (L.56).
        rounds: 2,
        second_round_after: 7,
        rounds_cite: ROUNDS,
        // Written requête (ord. 58-1067 art. 34) to the Conseil constitutionnel.
        remedy: Remedy::Requete,
        judge: Judge::ConseilConstitutionnel,
        // 18:00 on the 10th day after the proclamation (ord. 58-1067 art. 33; LO.180).
        deadline: Deadline {
            from: Start::Proclamation,
            days: 10,
            until: Hour::SixPm,
            cite: &[ord("33"), code("LO.180")],
        },
        // Voters on the circonscription's (or consular) roll; candidates (ord. 58-1067 art. 33).
        filers: &[Filer::VotersOfCirconscription, Filer::Candidates],
        filers_cite: &[ord("33")],
        // CC secrétariat général or préfet (art. 34; LO.181).
        places: &[Place::ConseilConstitutionnel, Place::Prefecture],
        places_cite: &[ord("34"), code("LO.181")],
        // The requête's mentions (ord. 58-1067 art. 35).
        contents_cite: &[ord("35")],
        // Inadmissible requêtes and griefs that cannot have affected the result are rejected
        // without hearing (art. 38 al. 2).
        rejection_cite: &[ord("38 al. 2")],
        // Voters may consult the recensement PVs for 10 days (art. 32).
        consultation_cite: &[ord("32")],
        // Elected in round 1 with an absolute majority and a quarter of the registered voters
        // (L.126): the margin is measured against them (law.md §3b).
        threshold_cite: &[code("L.126")],
        referral: None,
        conclusions_in_pv: false,
        conclusions_cite: None,
        national: true,
    },
    Law {
        kind: ElectionKind::Presidentielle,
        elects: Elects::Person,
        // Commissions locales de contrôle under the CNCCEP (décret 2001-213), State-funded.
        mailing: Mailing {
            by: Mailer::CommissionsLocalesDeControle,
            leaflet: Leaflet::Declaration,
            min_inhabitants: None,
            min_inhabitants_cite: &[],
            cite: &[Citation {
                text: LegalText::Decret2001_213,
                article: "",
            }],
            duty: &[Citation {
                text: LegalText::Decret2001_213,
                article: "",
            }],
        },
        // Every candidate's déclaration and ballot in every envelope: no "not supplied" case.
        may_not_supply: false,
        not_supplied_cite: &[],
        // The administration's ballots only; others are not counted (law.md §1a, which names
        // no article: the décret's scheme is cited as a whole).
        table: TableSupply::AdministrationOnly,
        table_cite: &[Citation {
            text: LegalText::Decret2001_213,
            article: "",
        }],
        // Round 2 on the 14th day after round 1 (Constitution art. 7).
        rounds: 2,
        second_round_after: 14,
        rounds_cite: &[constitution("7")],
        // PV mention only; a letter to the CC is inadmissible (décret 2001-213 art. 30).
        remedy: Remedy::PvMentionOnly,
        judge: Judge::ConseilConstitutionnel,
        deadline: Deadline {
            from: Start::PvOpen,
            days: 0,
            until: Hour::Midnight,
            cite: &[decret("30")],
        },
        filers: &[Filer::VotersInThePv],
        filers_cite: &[decret("30")],
        places: &[Place::BureauPv],
        places_cite: &[decret("30")],
        contents_cite: &[],
        rejection_cite: &[],
        consultation_cite: &[],
        threshold_cite: &[],
        // Préfet and candidates: 48 h after the close (décret 2001-213 art. 30).
        referral: Some(Referral {
            hours: 48,
            by: &[Filer::Prefet, Filer::Candidates],
            cite: &[decret("30")],
        }),
        // The réclamation is the remedy: it contests the regularity (art. 30).
        conclusions_in_pv: true,
        conclusions_cite: None,
        national: true,
    },
    Law {
        kind: ElectionKind::Europeennes,
        elects: Elects::List,
        // Commission de propagande (R.34).
        mailing: Mailing {
            by: Mailer::CommissionDePropagande,
            leaflet: Leaflet::Circulaire,
            min_inhabitants: None,
            min_inhabitants_cite: &[],
            cite: MAILING,
            duty: MAILING,
        },
        may_not_supply: true,
        not_supplied_cite: NOT_SUPPLIED,
        // Lists' ballots (L.58, R.55).
        table: TableSupply::CandidatesAndMayor,
        table_cite: TABLE,
        // Single round (loi 77-729 art. 3).
        rounds: 1,
        second_round_after: 0,
        rounds_cite: &[loi("3")],
        // Requête to the Conseil d'État (loi 77-729 art. 25).
        remedy: Remedy::Requete,
        judge: Judge::ConseilEtat,
        // Midnight, 10th day after the proclamation (loi 77-729 art. 25; ministry 2014).
        deadline: Deadline {
            from: Start::Proclamation,
            days: 10,
            until: Hour::Midnight,
            cite: &[loi("25")],
        },
        // Any voter (loi 77-729 art. 25).
        filers: &[Filer::AnyVoter],
        filers_cite: &[loi("25")],
        // The CE only, not the préfecture (ministry 2014).
        places: &[Place::ConseilEtatOnly],
        places_cite: &[loi("25")],
        contents_cite: &[],
        rejection_cite: &[],
        consultation_cite: &[],
        threshold_cite: &[],
        referral: None,
        conclusions_in_pv: false,
        conclusions_cite: None,
        national: true,
    },
    Law {
        kind: ElectionKind::Municipales,
        elects: Elects::List,
        // Commission only in communes of 2,500 inhabitants or more (L.241); nothing below.
        mailing: Mailing {
            by: Mailer::CommissionDePropagande,
            leaflet: Leaflet::Circulaire,
            min_inhabitants: Some(2_500),
            min_inhabitants_cite: &[code("L.241")],
            cite: &[code("L.241"), code("R.34")],
            // L.241 sets the threshold; what a failure breaches is R.34, R.38.
            duty: MAILING,
        },
        may_not_supply: true,
        not_supplied_cite: NOT_SUPPLIED,
        table: TableSupply::CandidatesAndMayor,
        table_cite: TABLE,
        rounds: 2,
        second_round_after: 7,
        rounds_cite: ROUNDS,
        // Protestation: PV mention or written, to the tribunal administratif (R.119).
        remedy: Remedy::Protestation,
        judge: Judge::TribunalAdministratif,
        // 18:00, 5th day after the election (R.119).
        deadline: Deadline {
            from: Start::Election,
            days: 5,
            until: Hour::SixPm,
            cite: &[code("R.119")],
        },
        // Voters and éligibles of the commune (L.248).
        filers: &[Filer::VotersAndEligiblesOfCommune],
        filers_cite: &[code("L.248")],
        // PV; (sous-)préfecture; TA greffe (R.119).
        places: &[
            Place::BureauPv,
            Place::PrefectureOrSousPrefecture,
            Place::TribunalAdministratif,
        ],
        places_cite: &[code("R.119")],
        contents_cite: &[],
        rejection_cite: &[],
        consultation_cite: &[],
        threshold_cite: &[],
        referral: None,
        // A PV mention seizes the TA only with conclusions (CE 2014 Pineuilh).
        conclusions_in_pv: true,
        conclusions_cite: Some(PINEUILH),
        national: false,
    },
    Law {
        kind: ElectionKind::Regionales,
        elects: Elects::List,
        // Commission de propagande (R.34).
        mailing: Mailing {
            by: Mailer::CommissionDePropagande,
            leaflet: Leaflet::Circulaire,
            min_inhabitants: None,
            min_inhabitants_cite: &[],
            cite: MAILING,
            duty: MAILING,
        },
        may_not_supply: true,
        not_supplied_cite: NOT_SUPPLIED,
        table: TableSupply::CandidatesAndMayor,
        table_cite: TABLE,
        rounds: 2,
        second_round_after: 7,
        rounds_cite: ROUNDS,
        // Requête to the Conseil d'État (L.361).
        remedy: Remedy::Requete,
        judge: Judge::ConseilEtat,
        // 10 days after the proclamation (L.361); midnight per the ministry (2015).
        deadline: Deadline {
            from: Start::Proclamation,
            days: 10,
            until: Hour::Midnight,
            cite: &[code("L.361")],
        },
        // Candidates, voters of the région (L.361).
        filers: &[Filer::VotersOfRegion, Filer::Candidates],
        filers_cite: &[code("L.361")],
        // The CE (préfecture route unverified).
        places: &[Place::ConseilEtat],
        places_cite: &[code("L.361")],
        contents_cite: &[],
        rejection_cite: &[],
        consultation_cite: &[],
        threshold_cite: &[],
        referral: None,
        conclusions_in_pv: false,
        conclusions_cite: None,
        national: false,
    },
    Law {
        kind: ElectionKind::Departementales,
        elects: Elects::Binome,
        // Commission de propagande (R.34).
        mailing: Mailing {
            by: Mailer::CommissionDePropagande,
            leaflet: Leaflet::Circulaire,
            min_inhabitants: None,
            min_inhabitants_cite: &[],
            cite: MAILING,
            duty: MAILING,
        },
        may_not_supply: true,
        not_supplied_cite: NOT_SUPPLIED,
        table: TableSupply::CandidatesAndMayor,
        table_cite: &[code("R.55")],
        rounds: 2,
        second_round_after: 7,
        rounds_cite: ROUNDS,
        // Protestation: PV mention (the préfet forwards it) or written, to the TA (R.113).
        remedy: Remedy::Protestation,
        judge: Judge::TribunalAdministratif,
        // 18:00, 5th day after the election (R.113).
        deadline: Deadline {
            from: Start::Election,
            days: 5,
            until: Hour::SixPm,
            cite: &[code("R.113")],
        },
        // The canton's voters, binômes, remplaçants, conseillers (L.222).
        filers: &[Filer::VotersOfCantonAndBinomes],
        filers_cite: &[code("L.222")],
        // PV; TA greffe (R.113).
        places: &[Place::BureauPv, Place::TribunalAdministratif],
        places_cite: &[code("R.113")],
        contents_cite: &[],
        rejection_cite: &[],
        consultation_cite: &[],
        threshold_cite: &[],
        referral: None,
        // Same rule as the municipales (CE 2014 Pineuilh, applied to a PV mention).
        conclusions_in_pv: true,
        conclusions_cite: Some(PINEUILH),
        national: false,
    },
];

impl Law {
    /// The law of `kind`.
    pub fn of(kind: ElectionKind) -> &'static Self {
        match kind {
            ElectionKind::Legislatives => &LAWS[0],
            ElectionKind::Presidentielle => &LAWS[1],
            ElectionKind::Europeennes => &LAWS[2],
            ElectionKind::Municipales => &LAWS[3],
            ElectionKind::Regionales => &LAWS[4],
            ElectionKind::Departementales => &LAWS[5],
        }
    }

    /// Whether a bureau of département `dep` (as bureau and circonscription codes write it) votes
    /// on the Saturday before the kind's Sunday: the Antilles (Guadeloupe, Martinique,
    /// Saint-Barthélemy, Saint-Martin), Guyane, Saint-Pierre-et-Miquelon and French Polynesia at
    /// national elections (circulaire TA1702262C, 2017; law.md §4.6). French abroad in the
    /// Americas: see [`Self::abroad_votes_on_saturday`].
    pub fn votes_on_saturday(&self, dep: &str) -> bool {
        self.national
            && matches!(
                dep,
                "971"
                    | "972"
                    | "973"
                    | "975"
                    | "977"
                    | "978"
                    | "987"
                    | "ZA"
                    | "ZB"
                    | "ZC"
                    | "ZS"
                    | "ZX"
                    | "ZP"
            )
    }

    /// Whether the French established abroad of circonscription `circ` vote on the Saturday: the
    /// 1st (United States, Canada) and 2nd (Central and South America, the Caribbean)
    /// circonscriptions of French abroad, `ZZ01` and `ZZ02`, at national elections (law.md §4.6:
    /// "French abroad in the Americas"). Bureaux abroad filed under a national circonscription
    /// (the présidentielle's `FR01`) cannot be told apart and keep the election's date.
    pub fn abroad_votes_on_saturday(&self, circ: &str) -> bool {
        self.national && matches!(circ, "ZZ01" | "ZZ02")
    }

    /// The day a bureau of département `dep` votes when the kind's vote is on `sunday`.
    pub fn vote_day(&self, sunday: NaiveDate, dep: &str) -> NaiveDate {
        if self.votes_on_saturday(dep) && sunday.weekday() == Weekday::Sun {
            sunday.pred_opt().unwrap_or(sunday)
        } else {
            sunday
        }
    }

    /// The day the place votes when the kind's vote is on `sunday`: a bureau's own day, from its
    /// commune's département (else the circonscription's), a day earlier where the kind votes on
    /// Saturday there or abroad in the Americas (law.md §4.6). What a time typed alone is read on.
    pub fn vote_day_at(
        &self,
        sunday: NaiveDate,
        circ: &CirconscriptionCode,
        bureau: Option<&BureauCode>,
    ) -> NaiveDate {
        let saturday = || {
            if sunday.weekday() == Weekday::Sun {
                sunday.pred_opt().unwrap_or(sunday)
            } else {
                sunday
            }
        };
        if self.abroad_votes_on_saturday(circ.as_str()) {
            return saturday();
        }
        let dep = bureau.map_or_else(|| circ.departement(), BureauCode::departement);
        self.vote_day(sunday, dep)
    }

    /// The days of both rounds from the day of `round` (`None` past the calendar). A
    /// single-round kind gives its one day as round 1.
    pub fn round_days(&self, round: u8, day: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let gap = Days::new(self.second_round_after);
        match (self.rounds, round) {
            (1, _) => (Some(day), None),
            (_, 2) => (day.checked_sub_days(gap), Some(day)),
            _ => (Some(day), day.checked_add_days(gap)),
        }
    }

    /// The last day to file the remedy and its hour, counted from the bureau's own vote day
    /// `vote` (Saturday where it votes a day earlier) or from `proclamation`, as the row says;
    /// moved to the next working day before an administrative court. `None` when the start the
    /// row needs is not given, or for [`Start::PvOpen`] (the PV's close is the deadline).
    pub fn last_day(
        &self,
        vote: Option<NaiveDate>,
        proclamation: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        let from = match self.deadline.from {
            Start::Proclamation => proclamation?,
            Start::Election => vote?,
            Start::PvOpen => return None,
        };
        let last = from.checked_add_days(Days::new(self.deadline.days))?;
        Some(if self.judge.is_administrative() {
            next_working_day(last)
        } else {
            last
        })
    }
}

/// `day`, or the next day that is neither a Saturday, a Sunday nor a public holiday.
pub fn next_working_day(day: NaiveDate) -> NaiveDate {
    let mut d = day;
    while !is_working_day(d) {
        match d.succ_opt() {
            Some(next) => d = next,
            None => return d,
        }
    }
    d
}

/// Neither a weekend nor a public holiday.
pub fn is_working_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !is_public_holiday(d)
}

/// The eleven public holidays of metropolitan France (code du travail L.3133-1): 1 January,
/// Easter Monday, 1 May, 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 November,
/// 11 November, 25 December. (Overseas days commemorating the abolition of slavery, and
/// Alsace-Moselle's Good Friday and 26 December, are not modelled.)
pub fn is_public_holiday(d: NaiveDate) -> bool {
    let fixed = matches!(
        (d.month(), d.day()),
        (1, 1) | (5, 1) | (5, 8) | (7, 14) | (8, 15) | (11, 1) | (11, 11) | (12, 25)
    );
    fixed
        || easter(d.year()).is_some_and(|e| {
            [1, 39, 50]
                .into_iter()
                .any(|n| e.checked_add_days(Days::new(n)) == Some(d))
        })
}

/// Easter Sunday of `year` (Gregorian; the anonymous "Meeus/Jones/Butcher" computus).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn articles(c: &[Citation]) -> Vec<&'static str> {
        c.iter().map(|c| c.article).collect()
    }

    #[test]
    fn legislatives_row() {
        let l = Law::of(ElectionKind::Legislatives);
        // law.md §1a: commission de propagande (L.166; R.34, R.38); partial supply lawful
        // (R.34 al. 6); the table holds the commission's and the candidates' ballots (L.58, R.55).
        assert_eq!(l.mailing.by, Mailer::CommissionDePropagande);
        assert_eq!(l.mailing.leaflet, Leaflet::Circulaire);
        assert_eq!(articles(l.mailing.cite), ["L.166", "R.34", "R.38"]);
        assert!(l.may_not_supply);
        assert_eq!(l.table, TableSupply::CandidatesAndMayor);
        assert_eq!(articles(l.table_cite), ["L.58", "R.55"]);
        assert_eq!((l.rounds, l.second_round_after), (2, 7), "L.56");
        // law.md §1b: requête to the CC, 18:00 on the 10th day after the proclamation
        // (ord. 58-1067 art. 33; LO.180), voters of the circonscription and candidates, filed at
        // the CC or the préfecture (art. 34; LO.181); contents art. 35; rejection art. 38 al. 2.
        assert_eq!(
            (l.remedy, l.judge),
            (Remedy::Requete, Judge::ConseilConstitutionnel)
        );
        assert_eq!(
            (l.deadline.from, l.deadline.days, l.deadline.until),
            (Start::Proclamation, 10, Hour::SixPm)
        );
        assert_eq!(articles(l.deadline.cite), ["33", "LO.180"]);
        assert_eq!(l.deadline.cite[0].text, LegalText::Ordonnance58_1067);
        assert_eq!(
            l.filers,
            [Filer::VotersOfCirconscription, Filer::Candidates]
        );
        assert_eq!(l.places, [Place::ConseilConstitutionnel, Place::Prefecture]);
        assert_eq!(articles(l.contents_cite), ["35"]);
        assert_eq!(articles(l.rejection_cite), ["38 al. 2"]);
        assert_eq!(articles(l.consultation_cite), ["32"]);
        assert_eq!(articles(l.threshold_cite), ["L.126"]);
        assert!(!l.conclusions_in_pv && l.referral.is_none());
    }

    #[test]
    fn presidentielle_row() {
        let l = Law::of(ElectionKind::Presidentielle);
        // law.md §1a: commissions locales de contrôle mail every candidate's déclaration and
        // ballot; no "not supplied" case; administration's ballots only on the table.
        assert_eq!(l.mailing.by, Mailer::CommissionsLocalesDeControle);
        assert_eq!(l.mailing.leaflet, Leaflet::Declaration);
        assert!(!l.may_not_supply);
        assert_eq!(l.table, TableSupply::AdministrationOnly);
        // Round 2 on the 14th day after round 1 (Constitution art. 7).
        assert_eq!((l.rounds, l.second_round_after), (2, 14));
        assert_eq!(l.rounds_cite[0].text, LegalText::Constitution);
        // law.md §1b, §3c: PV mention only (décret 2001-213 art. 30), before the PV closes;
        // préfet and candidates may refer to the CC within 48 h.
        assert_eq!(
            (l.remedy, l.judge),
            (Remedy::PvMentionOnly, Judge::ConseilConstitutionnel)
        );
        assert_eq!(l.deadline.from, Start::PvOpen);
        assert_eq!(l.places, [Place::BureauPv]);
        let r = l.referral.unwrap();
        assert_eq!(
            (r.hours, r.by),
            (48, &[Filer::Prefet, Filer::Candidates][..])
        );
        assert_eq!(r.cite, [decret("30")]);
        assert!(l.conclusions_in_pv);
        assert_eq!(
            l.last_day(Some(day(2022, 4, 10)), Some(day(2022, 4, 13))),
            None
        );
    }

    #[test]
    fn europeennes_row() {
        let l = Law::of(ElectionKind::Europeennes);
        // law.md §1a: single round (loi 77-729 art. 3); commission de propagande (R.34).
        assert_eq!(l.rounds, 1);
        assert_eq!(l.mailing.by, Mailer::CommissionDePropagande);
        // law.md §1b: requête to the CE, midnight on the 10th day after the proclamation
        // (loi 77-729 art. 25), any voter, CE only.
        assert_eq!((l.remedy, l.judge), (Remedy::Requete, Judge::ConseilEtat));
        assert_eq!(
            (l.deadline.from, l.deadline.days, l.deadline.until),
            (Start::Proclamation, 10, Hour::Midnight)
        );
        assert_eq!(l.deadline.cite, [loi("25")]);
        assert_eq!(
            (l.filers, l.places),
            (&[Filer::AnyVoter][..], &[Place::ConseilEtatOnly][..])
        );
        // Européennes 2014: the deadline fell on Whit Monday and moved to Tuesday 10 June.
        assert_eq!(
            l.last_day(None, Some(day(2014, 5, 30))),
            Some(day(2014, 6, 10))
        );
        assert_eq!(
            l.round_days(1, day(2024, 6, 9)),
            (Some(day(2024, 6, 9)), None)
        );
    }

    #[test]
    fn municipales_row() {
        let l = Law::of(ElectionKind::Municipales);
        // law.md §1a: nothing mailed below 2,500 inhabitants (L.241).
        assert_eq!(l.mailing.min_inhabitants, Some(2_500));
        assert_eq!(l.mailing.cite[0], code("L.241"));
        // law.md §1b: protestation at the TA, 18:00 on the 5th day after the election (R.119),
        // voters and éligibles of the commune (L.248), in the PV, at the (sous-)préfecture or
        // the TA's greffe; conclusions required in the PV (CE 2014 Pineuilh, n° 382218).
        assert_eq!(
            (l.remedy, l.judge),
            (Remedy::Protestation, Judge::TribunalAdministratif)
        );
        assert_eq!(
            (l.deadline.from, l.deadline.days, l.deadline.until),
            (Start::Election, 5, Hour::SixPm)
        );
        assert_eq!(l.deadline.cite, [code("R.119")]);
        assert_eq!(l.filers_cite, [code("L.248")]);
        assert_eq!(
            l.places,
            [
                Place::BureauPv,
                Place::PrefectureOrSousPrefecture,
                Place::TribunalAdministratif
            ]
        );
        assert!(l.conclusions_in_pv);
        assert_eq!(l.conclusions_cite.map(|d| d.number), Some("382218"));
        // Municipales of 15 March 2026: Friday 20 March.
        assert_eq!(
            l.last_day(Some(day(2026, 3, 15)), None),
            Some(day(2026, 3, 20))
        );
        // Not a national election: no Saturday vote in Guadeloupe.
        assert!(!l.votes_on_saturday("971"));
    }

    #[test]
    fn regionales_row() {
        let l = Law::of(ElectionKind::Regionales);
        // law.md §1b: requête to the CE within 10 days of the proclamation (L.361), midnight
        // per the ministry (2015); candidates and voters of the région.
        assert_eq!((l.remedy, l.judge), (Remedy::Requete, Judge::ConseilEtat));
        assert_eq!(
            (l.deadline.from, l.deadline.days, l.deadline.until),
            (Start::Proclamation, 10, Hour::Midnight)
        );
        assert_eq!(l.deadline.cite, [code("L.361")]);
        assert_eq!(l.filers, [Filer::VotersOfRegion, Filer::Candidates]);
        assert_eq!(l.rounds, 2);
        // law.md §1b: the préfecture route is unverified, so no "not at the préfecture" claim.
        assert_eq!(l.places, [Place::ConseilEtat]);
    }

    #[test]
    fn departementales_row() {
        let l = Law::of(ElectionKind::Departementales);
        // law.md §1b: protestation at the TA, 18:00 on the 5th day after the election (R.113),
        // the canton's voters, binômes, remplaçants, conseillers (L.222); conclusions required.
        assert_eq!(
            (l.remedy, l.judge),
            (Remedy::Protestation, Judge::TribunalAdministratif)
        );
        assert_eq!(
            (l.deadline.from, l.deadline.days, l.deadline.until),
            (Start::Election, 5, Hour::SixPm)
        );
        assert_eq!(l.deadline.cite, [code("R.113")]);
        assert_eq!(l.filers_cite, [code("L.222")]);
        assert_eq!(l.places, [Place::BureauPv, Place::TribunalAdministratif]);
        assert!(l.conclusions_in_pv);
    }

    #[test]
    fn every_kind_has_its_row_and_every_row_cites_its_deadline() {
        for kind in ElectionKind::ALL {
            let l = Law::of(kind);
            assert_eq!(l.kind, kind);
            // Lists at the européennes, municipales (from 2026 everywhere) and régionales; a
            // binôme at the départementales; one person otherwise (law.md §1a).
            let elects = match kind {
                ElectionKind::Legislatives | ElectionKind::Presidentielle => Elects::Person,
                ElectionKind::Departementales => Elects::Binome,
                _ => Elects::List,
            };
            assert_eq!(l.elects, elects, "{kind}");
            assert_eq!(l.rounds, kind.rounds(), "{kind}");
            assert!(!l.deadline.cite.is_empty(), "{kind}");
            assert!(!l.filers.is_empty() && !l.places.is_empty(), "{kind}");
        }
    }

    #[test]
    fn the_cc_deadline_is_not_moved_but_administrative_ones_are() {
        let l = Law::of(ElectionKind::Legislatives);
        // Proclaimed 18 June 2017: 28 June (a Wednesday).
        assert_eq!(
            l.last_day(None, Some(day(2017, 6, 18))),
            Some(day(2017, 6, 28))
        );
        // Proclaimed Wednesday 1 July 2026: Saturday 11 July, not moved (unverified for the CC).
        assert_eq!(
            l.last_day(None, Some(day(2026, 7, 1))),
            Some(day(2026, 7, 11))
        );
        assert_eq!(l.last_day(None, None), None);
        // Before the TA: Sunday 10 May 2026 + 5 = Friday 15 May, the day after Ascension (a
        // working day).
        let d = Law::of(ElectionKind::Departementales);
        assert_eq!(
            d.last_day(Some(day(2026, 5, 10)), None),
            Some(day(2026, 5, 15))
        );
        // Sunday 9 May 2027 + 5 = Friday 14 May 2027; Ascension 2027 is 6 May.
        assert_eq!(
            d.last_day(Some(day(2027, 5, 9)), None),
            Some(day(2027, 5, 14))
        );
        // Tuesday 10 November 2026 + 5 = Sunday 15 → Monday 16 November.
        assert_eq!(
            d.last_day(Some(day(2026, 11, 10)), None),
            Some(day(2026, 11, 16))
        );
        // Thursday 6 November 2025 + 5 = Tuesday 11 November (holiday) → Wednesday 12.
        assert_eq!(
            d.last_day(Some(day(2025, 11, 6)), None),
            Some(day(2025, 11, 12))
        );
    }

    #[test]
    fn easter_and_the_holidays_that_follow_it() {
        assert_eq!(easter(2014), Some(day(2014, 4, 20)));
        assert_eq!(easter(2024), Some(day(2024, 3, 31)));
        assert_eq!(easter(2027), Some(day(2027, 3, 28)));
        assert!(is_public_holiday(day(2014, 6, 9)), "Whit Monday 2014");
        assert!(is_public_holiday(day(2027, 5, 6)), "Ascension 2027");
        assert!(is_public_holiday(day(2027, 3, 29)), "Easter Monday 2027");
        assert!(!is_public_holiday(day(2027, 5, 7)));
        assert_eq!(next_working_day(day(2026, 12, 25)), day(2026, 12, 28));
    }

    #[test]
    fn a_place_votes_on_its_own_day_by_bureau_or_circonscription() {
        // law.md §4.6: the Antilles, Guyane, Saint-Pierre-et-Miquelon, Polynésie and French
        // abroad in the Americas vote on Saturday at national elections.
        let circ = |c: &str| CirconscriptionCode::parse(c).unwrap();
        let bureau = |b: &str| BureauCode::parse(b).unwrap();
        let p = Law::of(ElectionKind::Presidentielle);
        let sunday = day(2022, 4, 10);
        let fr = circ("FR01");
        assert_eq!(
            p.vote_day_at(sunday, &fr, Some(&bureau("97101_0001"))),
            day(2022, 4, 9)
        );
        assert_eq!(
            p.vote_day_at(sunday, &fr, Some(&bureau("75056_0911"))),
            sunday
        );
        let leg = Law::of(ElectionKind::Legislatives);
        let sunday = day(2024, 6, 30);
        for c in ["97101", "97201", "97301", "97501", "98701", "ZZ01"] {
            assert_eq!(
                leg.vote_day_at(sunday, &circ(c), None),
                day(2024, 6, 29),
                "{c}"
            );
        }
        assert_eq!(leg.vote_day_at(sunday, &circ("97401"), None), sunday);
        let municipales = Law::of(ElectionKind::Municipales);
        assert_eq!(
            municipales.vote_day_at(sunday, &circ("97101"), Some(&bureau("97101_0001"))),
            sunday
        );
    }

    #[test]
    fn national_elections_vote_on_saturday_in_the_americas_and_polynesia() {
        // law.md §4.6 (circulaire TA1702262C, 2017): Antilles, Guyane, Saint-Pierre-et-Miquelon,
        // Polynésie française.
        let p = Law::of(ElectionKind::Presidentielle);
        for dep in ["971", "972", "973", "975", "977", "978", "987", "ZA", "ZP"] {
            assert!(p.votes_on_saturday(dep), "{dep}");
        }
        for dep in ["75", "974", "976", "988", "2A", "ZZ"] {
            assert!(!p.votes_on_saturday(dep), "{dep}");
        }
        assert_eq!(p.vote_day(day(2022, 4, 10), "971"), day(2022, 4, 9));
        assert_eq!(p.vote_day(day(2022, 4, 10), "75"), day(2022, 4, 10));
        assert_eq!(
            p.round_days(1, day(2022, 4, 10)),
            (Some(day(2022, 4, 10)), Some(day(2022, 4, 24)))
        );
        let leg = Law::of(ElectionKind::Legislatives);
        // French abroad in the Americas: the 1st and 2nd circonscriptions of French abroad.
        assert!(leg.abroad_votes_on_saturday("ZZ01") && leg.abroad_votes_on_saturday("ZZ02"));
        assert!(!leg.abroad_votes_on_saturday("ZZ03") && !leg.abroad_votes_on_saturday("7501"));
        assert!(!Law::of(ElectionKind::Municipales).abroad_votes_on_saturday("ZZ01"));
        assert_eq!(
            leg.round_days(2, day(2017, 6, 18)),
            (Some(day(2017, 6, 11)), Some(day(2017, 6, 18)))
        );
    }
}
