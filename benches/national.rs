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

/// A national candidate list in the 2024 ministry format (`;`, UTF-8): 577 circonscriptions,
/// 7,877 candidates.
fn write_candidates(path: &std::path::Path) -> Res<()> {
    let mut text = String::from("Code département;Département;Code circonscription;Libellé circonscription;Numéro de panneau;N° dépôt;Sexe du candidat;Nom du candidat;Prénom du candidat;Date de naissance du candidat;Code nuance;Profession;Sortant\n");
    let deps = departements();
    let mut written = 0;
    for i in 0..577 {
        let dep = &deps[i % deps.len()];
        let circ = format!("{dep}{:02}", i / deps.len() + 1);
        let n = if i < 377 { 14 } else { 13 } - usize::from(i % 7 == 0);
        for panel in 1..=n {
            if written == 7_877 {
                break;
            }
            written += 1;
            text.push_str(&format!(
                "{dep};Département {dep};{circ};{}e circonscription;{panel};{written};{};NOM-{written} ÉÇŒ;Prénom;01/01/1970;DIV;Profession;\n",
                i / deps.len() + 1,
                if panel % 2 == 0 { "F" } else { "M" }
            ));
        }
    }
    std::fs::write(path, text)?;
    Ok(())
}

/// Etalab's bureau ↔ circonscription table at national size (69,000 bureaux).
fn write_bureaux(path: &std::path::Path) -> Res<()> {
    let referential = national_referential()?;
    let mut text = String::from("codeDepartement,nomDepartement,codeCirconscription,nomCirconscription,codeCommune,nomCommune,numeroBureauVote,codeBureauVote\n");
    for b in referential.bureaux.values() {
        let circ = b.circonscription.as_ref().ok_or("circonscription")?;
        let (commune, number) = b.code.as_str().split_once('_').ok_or("code")?;
        text.push_str(&format!(
            "{},Département,{},{},{},\"{}\",{},{}\n",
            circ.departement(),
            circ,
            circ.number(),
            commune,
            b.commune,
            number,
            b.code
        ));
    }
    std::fs::write(path, text)?;
    Ok(())
}

fn time_command(runs: usize, mut setup: impl FnMut() -> Res<()>, mut command: impl FnMut() -> std::process::Command) -> Res<Duration> {
    let mut samples = Vec::new();
    for _ in 0..runs {
        setup()?;
        let mut cmd = command();
        let start = Instant::now();
        let out = cmd.output()?;
        samples.push(start.elapsed());
        if !out.status.success() {
            return Err(format!("{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr)).into());
        }
    }
    samples.sort();
    Ok(samples[samples.len() / 2])
}

fn imports() -> Res<()> {
    let constat = env!("CARGO_BIN_EXE_constat");
    let dir = tempfile::tempdir()?;
    let d = dir.path();
    let candidates = d.join("candidats.csv");
    let bureaux = d.join("bureaux.csv");
    write_candidates(&candidates)?;
    write_bureaux(&bureaux)?;
    let db = d.join("nat.db");
    let raw = d.join("raw.db");
    let fresh = || -> Res<()> {
        for p in [&db, &raw] {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", p.display()));
            }
        }
        let out = std::process::Command::new(constat)
            .arg("--db")
            .arg(&db)
            .args(["init", "--election", "legislatives-2024", "--observer", "bench"])
            .output()?;
        if !out.status.success() {
            return Err("init failed".into());
        }
        Ok(())
    };
    let runs = 5;
    println!("\nimport, median of {runs} runs, each into a fresh database (process start included):");
    println!("| file | rows | constat import | sqlite3 .import | ratio |");
    println!("|---|---|---|---|---|");
    for (what, file, rows, sep) in [("candidates", &candidates, 7_877, ";"), ("bureaux", &bureaux, 69_000, ",")] {
        let ours = time_command(runs, fresh, || {
            let mut c = std::process::Command::new(constat);
            c.arg("--db").arg(&db).args(["import", what]).arg(file);
            c
        })?;
        let floor = time_command(runs, fresh, || {
            let mut c = std::process::Command::new("sqlite3");
            c.arg(&raw).arg(format!(".separator \"{sep}\"")).arg(format!(".import {} t", file.display()));
            c
        })?;
        println!(
            "| {what} (generated) | {rows} | {:.0} ms | {:.0} ms | {:.2}× |",
            ours.as_secs_f64() * 1e3,
            floor.as_secs_f64() * 1e3,
            ours.as_secs_f64() / floor.as_secs_f64()
        );
    }
    // The real national files, when ../shared is beside the project.
    let official = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/official");
    for (file, election) in [
        ("lg2024-resultats-circonscriptions-une-ligne-par-candidat2.csv", "legislatives-2024"),
        ("Leg_2017_Resultats_T1_c.xlsx", "legislatives-2017"),
    ] {
        let path = official.join(file);
        if !path.exists() {
            println!("(not found: {})", path.display());
            continue;
        }
        let init = || -> Res<()> {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
            }
            std::process::Command::new(constat).arg("--db").arg(&db).args(["init", "--election", election]).output()?;
            Ok(())
        };
        let ours = time_command(runs, init, || {
            let mut c = std::process::Command::new(constat);
            c.arg("--db").arg(&db).args(["import", "candidates"]).arg(&path);
            c
        })?;
        println!("| {file} (real) | | {:.0} ms | | |", ours.as_secs_f64() * 1e3);
    }
    Ok(())
}

fn main() -> Res<()> {
    println!(
        "machine: {} cores",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    picker()?;
    imports()?;
    Ok(())
}
