//! Finding a circonscription or a bureau by anything a person would type: a code (`7501`,
//! `75056_0911`), words of a label or an address (`paris 1`, `clauzel`), a commune with or without
//! its accents. Pure; built once, then searched on every keystroke.

use super::codes::{BureauCode, CirconscriptionCode};
use super::referential::Referential;

/// What a search result designates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A circonscription.
    Circonscription(CirconscriptionCode),
    /// A bureau.
    Bureau(BureauCode),
}

/// One searchable place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceEntry {
    /// What it designates.
    pub place: Place,
    /// What to show: code and label.
    pub title: String,
    /// Where it is (address, commune, circonscription), possibly empty.
    pub detail: String,
    /// Folded text searched: lower case, no accents, punctuation as spaces, starting with a space
    /// so that " word" finds word starts.
    haystack: String,
}

/// Lower case, accents removed (`é` → `e`, `œ` → `oe`), anything but letters, digits and `_` turned
/// into single spaces.
pub fn fold(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_ascii_lowercase();
    let mut out = String::with_capacity(ascii.len());
    let mut space = true;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    out.trim_end().to_owned()
}

/// All circonscriptions and bureaux of a referential, ready to search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlaceIndex {
    entries: Vec<PlaceEntry>,
}

impl PlaceIndex {
    /// Indexes every circonscription (first) and bureau of `referential`.
    pub fn new(referential: &Referential) -> Self {
        let mut entries =
            Vec::with_capacity(referential.circonscriptions.len() + referential.bureaux.len());
        for c in referential.circonscriptions.values() {
            let title = format!("{} {}", c.code, c.label);
            let haystack = format!(
                " {} {} {}",
                fold(&title),
                c.code.departement().to_lowercase(),
                c.code.number()
            );
            entries.push(PlaceEntry {
                place: Place::Circonscription(c.code.clone()),
                title,
                detail: String::new(),
                haystack,
            });
        }
        for b in referential.bureaux.values() {
            let title = format!("{} {}", b.code, b.label);
            let mut detail = [b.address.as_str(), b.commune.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            if let Some(c) = &b.circonscription {
                if !detail.is_empty() {
                    detail.push_str(" · ");
                }
                detail.push_str(c.as_str());
            }
            let number = b.code.as_str().split_once('_').map_or("", |(_, n)| n);
            let haystack = format!(
                " {} {} {}",
                fold(&title),
                fold(&detail),
                number.trim_start_matches('0')
            );
            entries.push(PlaceEntry {
                place: Place::Bureau(b.code.clone()),
                title,
                detail,
                haystack,
            });
        }
        Self { entries }
    }

    /// How many places are indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The place at `i` (an index returned by [`PlaceIndex::search`]).
    pub fn get(&self, i: usize) -> Option<&PlaceEntry> {
        self.entries.get(i)
    }

    /// The places matching every word of `query`, best first, at most `limit`, and how many
    /// matched in all. A place ranks higher when its words start with the query's words, and
    /// circonscriptions come before bureaux at equal rank. An empty query matches everything.
    pub fn search(&self, query: &str, limit: usize) -> (Vec<usize>, usize) {
        let folded = fold(query);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        let starts: Vec<String> = words.iter().map(|w| format!(" {w}")).collect();
        let mut hits: Vec<(u8, usize)> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            if !words.iter().all(|w| e.haystack.contains(w)) {
                continue;
            }
            let at_word_start = starts
                .iter()
                .filter(|s| e.haystack.contains(s.as_str()))
                .count();
            // Lower is better: every word at a word start first.
            let rank = u8::try_from(words.len() - at_word_start).unwrap_or(u8::MAX);
            hits.push((rank, i));
        }
        let total = hits.len();
        if hits.len() > limit {
            hits.select_nth_unstable(limit);
            hits.truncate(limit);
        }
        hits.sort_unstable();
        (hits.into_iter().map(|(_, i)| i).collect(), total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Bureau, Circonscription};

    fn index() -> PlaceIndex {
        let mut r = Referential::default();
        for (code, label) in [
            ("7501", "Paris, 1re circonscription"),
            ("7518", "Paris, 18e circonscription"),
            ("0101", "Ain, 1re circonscription"),
            ("6901", "Rhône, 1re circonscription"),
        ] {
            let code = CirconscriptionCode::parse(code).unwrap();
            r.circonscriptions.insert(
                code.clone(),
                Circonscription {
                    code,
                    label: label.into(),
                },
            );
        }
        for (code, circ, label, address, commune) in [
            (
                "75056_0911",
                "7501",
                "Paris 9e - bureau 11",
                "11 rue Clauzel, 75009 Paris",
                "Paris",
            ),
            ("75056_0912", "7501", "Paris 9e - bureau 12", "", "Paris"),
            (
                "69123_0101",
                "6901",
                "Bureau 101",
                "Place de la Comédie",
                "Lyon",
            ),
            ("01053_0001", "0101", "Bureau 1", "", "Bourg-en-Bresse"),
            ("42218_0003", "6901", "Bureau 3", "", "Saint-Étienne"),
        ] {
            let code = BureauCode::parse(code).unwrap();
            r.bureaux.insert(
                code.clone(),
                Bureau {
                    code,
                    circonscription: Some(CirconscriptionCode::parse(circ).unwrap()),
                    label: label.into(),
                    address: address.into(),
                    commune: commune.into(),
                    voting_machines: false,
                },
            );
        }
        PlaceIndex::new(&r)
    }

    fn first(index: &PlaceIndex, q: &str) -> Place {
        let (hits, _) = index.search(q, 10);
        index.get(hits[0]).unwrap().place.clone()
    }

    fn bureau(code: &str) -> Place {
        Place::Bureau(BureauCode::parse(code).unwrap())
    }

    fn circ(code: &str) -> Place {
        Place::Circonscription(CirconscriptionCode::parse(code).unwrap())
    }

    #[test]
    fn folding_drops_accents_case_and_punctuation() {
        assert_eq!(fold("Saint-Étienne, Rhône"), "saint etienne rhone");
        assert_eq!(fold("  Œuvre  "), "oeuvre");
        assert_eq!(fold("75056_0911"), "75056_0911");
    }

    #[test]
    fn finds_places_by_what_a_person_types() {
        let idx = index();
        assert_eq!(first(&idx, "7501"), circ("7501"));
        assert_eq!(first(&idx, "paris 1"), circ("7501"));
        assert_eq!(first(&idx, "clauzel"), bureau("75056_0911"));
        assert_eq!(first(&idx, "75056_0911"), bureau("75056_0911"));
        assert_eq!(first(&idx, "saint etienne"), bureau("42218_0003"));
        assert_eq!(first(&idx, "SAINT-ÉTIENNE"), bureau("42218_0003"));
        assert_eq!(first(&idx, "comedie"), bureau("69123_0101"));
        assert_eq!(first(&idx, "rhone"), circ("6901"));
    }

    #[test]
    fn every_word_must_match_and_the_total_is_counted() {
        let idx = index();
        let (hits, total) = idx.search("paris bureau 12", 10);
        assert_eq!(total, 1);
        assert_eq!(idx.get(hits[0]).unwrap().place, bureau("75056_0912"));
        assert_eq!(idx.search("nowhere", 10), (vec![], 0));
        let (hits, total) = idx.search("", 3);
        assert_eq!((hits.len(), total), (3, 9));
    }
}
