//! National scale: the picker over all of France's bureaux, and imports of national files next to
//! `sqlite3`'s own `.import` of the same file.
//!
//! Run with `cargo bench --bench national` (release profile). No harness: a plain `main` timing
//! with [`Instant`] and printing medians and 95th percentiles.
//!
//! The data is generated (577 circonscriptions, 7,877 candidates, 69,000 bureaux with labels,
//! addresses and communes), so the bench runs anywhere; the import case writes it as files in the
//! formats of the official publications.

use std::error::Error;
use std::time::{Duration, Instant};

use constat::domain::search::PlaceIndex;
use constat::domain::{Bureau, BureauCode, Circonscription, CirconscriptionCode, Referential};

type Res<T> = Result<T, Box<dyn Error>>;

const BUREAUX: usize = 69_000;
const STREETS: [&str; 8] = [
    "rue de la République",
    "avenue Jean Jaurès",
    "place de la Mairie",
    "rue Victor Hugo",
    "boulevard Pasteur",
    "rue Clauzel",
    "chemin des Écoles",
    "allée des Tilleuls",
];
const COMMUNES: [&str; 8] = [
    "Saint-Étienne",
    "Besançon",
    "Orléans",
    "Châlons-en-Champagne",
    "Nîmes",
    "Périgueux",
    "Évry-Courcouronnes",
    "Montréal-la-Cluse",
];

/// Départements as in circonscription codes, 96 + overseas + abroad.
fn departements() -> Vec<String> {
    let mut d: Vec<String> = (1..=95)
        .filter(|n| *n != 20)
        .map(|n| format!("{n:02}"))
        .collect();
    d.extend(["2A", "2B", "971", "972", "973", "974", "976", "ZZ"].map(String::from));
    d
}

/// A national-size referential: 577 circonscriptions, 69,000 bureaux.
pub fn national_referential() -> Res<Referential> {
    let mut r = Referential::default();
    let deps = departements();
    let mut circs = Vec::new();
    for i in 0..577 {
        let dep = &deps[i % deps.len()];
        let code = CirconscriptionCode::parse(&format!("{dep}{:02}", i / deps.len() + 1))?;
        r.circonscriptions.insert(
            code.clone(),
            Circonscription {
                label: format!("Département {dep}, {}e circonscription", code.number()),
                code: code.clone(),
            },
        );
        circs.push(code);
    }
    for i in 0..BUREAUX {
        let commune = 10_000 + i / 12;
        let code = BureauCode::parse(&format!("{commune:05}_{:04}", i % 12 + 1))?;
        r.bureaux.insert(
            code.clone(),
            Bureau {
                code,
                circonscription: Some(circs[i % circs.len()].clone()),
                label: format!("Bureau {}", i % 12 + 1),
                address: format!("{} {}", i % 97 + 1, STREETS[i % STREETS.len()]),
                commune: format!("{} {}", COMMUNES[i % COMMUNES.len()], i / 1000),
                voting_machines: false,
            },
        );
    }
    Ok(r)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn picker() -> Res<()> {
    let referential = national_referential()?;
    let start = Instant::now();
    let index = PlaceIndex::new(&referential);
    let build = start.elapsed();
    println!(
        "picker: index of {} places built in {:.1} ms",
        index.len(),
        build.as_secs_f64() * 1e3
    );
    // Each query is typed one key at a time; every prefix is one keystroke.
    let queries = [
        "7501",
        "paris 1",
        "clauzel",
        "10911_0003",
        "saint etienne",
        "besancon 12",
        "rue victor hugo 5",
    ];
    let mut samples = Vec::new();
    let mut hits_total = 0usize;
    for _ in 0..5 {
        for q in queries {
            for end in 1..=q.len() {
                if !q.is_char_boundary(end) {
                    continue;
                }
                let t = Instant::now();
                let (hits, total) = index.search(&q[..end], 50);
                samples.push(t.elapsed());
                hits_total += hits.len() + total;
            }
        }
    }
    samples.sort();
    println!(
        "picker: per keystroke over {} places: median {:.2} ms, p95 {:.2} ms, max {:.2} ms ({} keystrokes; checksum {hits_total})",
        index.len(),
        percentile(&samples, 0.5).as_secs_f64() * 1e3,
        percentile(&samples, 0.95).as_secs_f64() * 1e3,
        samples.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
        samples.len()
    );
    Ok(())
}

fn main() -> Res<()> {
    println!(
        "machine: {} cores",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    picker()?;
    Ok(())
}
