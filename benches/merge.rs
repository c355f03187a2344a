//! Merge at national scale, next to the bare SQLite floor measured in the same run.
//!
//! Run with `cargo bench --bench merge` (release profile; several minutes, a few GB of disk in the
//! temporary folder or `$CONSTAT_BENCH_DIR`). Cases:
//! (a) 2,000 observer files of 70 events each, (b) one file of 3,000,000 events; each merged into
//! an empty national database and into a full one (already holding 1,000,000 other events).
//! The floor: the same files `ATTACH`ed to the target and copied with
//! `INSERT OR IGNORE INTO event SELECT * FROM f.event`, one transaction per file, no validation.
//! Set `CONSTAT_BENCH_SMALL=1` for a quick run (200 files, 300,000 events),
//! `CONSTAT_BENCH_ONLY=big` for the one big file alone, and `CONSTAT_BENCH_ONLY=files` for the
//! many files alone (into both targets; no big file, no reference case, no memory case).
//!
//! `CONSTAT_BENCH_ONLY=photos` (issue 19): `CONSTAT_BENCH_PHOTO_FILES` observer files (50 by
//! default: 600 MB of photos) of 34 ticks and three 4 MB photos each, merged into an empty
//! national database, against the floor of the same events copied by `INSERT … SELECT` and the
//! same photo bytes copied with SQLite's incremental blob I/O, in the same run; peak RSS of each
//! merge over the first and the second half of the files (flat: the photos are streamed). The
//! case streams: each file is generated just before it is merged and deleted after, and the
//! floor's database is recreated every `CONSTAT_BENCH_PHOTO_FLOOR_EVERY` files (250), so 2,000
//! files need about 26 GB of disk (constat's target) instead of 72 GB.

use std::error::Error;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use constat::domain::chain::{self, Keypair};
use constat::domain::referential::ElectionData;
use constat::domain::{
    Bureau, BureauCode, Candidate, Circonscription, CirconscriptionCode, Election, ElectionKind,
    Event, EventBody, EventId, Item, Mark, ObserverId, Panel, Referential, Sex,
};
use constat::sample;
use constat::storage::{KeyDir, LocalObserver, MergeOptions, Store};
use rusqlite::{Connection, OpenFlags, params};

type Res<T> = Result<T, Box<dyn Error>>;

fn rw(path: &Path) -> Res<Connection> {
    Ok(Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE,
    )?)
}

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default()
}

/// The bench's key folder (never the user's).
fn keys_of(path: &Path) -> KeyDir {
    KeyDir::at(path.parent().unwrap_or_else(|| Path::new(".")).join("keys"))
}

/// A database from the Paris sample, owned by a new observer, holding `events` ticks written in
/// one transaction (the bench's own fast path, not the app's one-commit-per-tick), each signed
/// as `Store::append` signs it (schema 5), with the signed head.
fn observer_file(path: &Path, observer: u128, events: u64) -> Res<()> {
    let data = sample::find("paris-1-2017")
        .ok_or("sample")?
        .election_data()?;
    let me = LocalObserver {
        id: ObserverId(uuid::Uuid::from_u128(observer)),
        name: format!("Observateur {observer}"),
    };
    let key_dir = keys_of(path);
    drop(Store::create_with_keys(path, &data, &me, now(), &key_dir)?);
    let keys = key_dir
        .read(me.id)
        .map_err(|e| format!("{e:?}"))?
        .ok_or("no key file")?;
    write_ticks(path, &me, &keys, events, ("7501", "75056_0911"), 22)
}

/// Writes `events` ticks of `me` at `place` (circonscription, bureau) over panels 1 to
/// `panels`, each signed, and the signed head, in one transaction.
fn write_ticks(
    path: &Path,
    me: &LocalObserver,
    keys: &Keypair,
    events: u64,
    place: (&str, &str),
    panels: u64,
) -> Res<()> {
    let observer = me.id.0.as_u128();
    let mut conn = rw(path)?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    let tx = conn.transaction()?;
    {
        let mut stmt = tx.prepare(
            "INSERT INTO event (id, observer, seq, recorded_at, kind, circonscription, bureau, panel, item, value, hash)
             VALUES (?1, ?2, ?3, ?4, 'tick', ?9, ?10, ?5, ?6, ?7, ?8)",
        )?;
        let mut sign =
            tx.prepare("INSERT INTO event_signature (event, signature) VALUES (?1, ?2)")?;
        let observer_id = me.id.to_string();
        let mut previous = chain::GENESIS;
        for seq in 1..=events {
            let id = EventId(uuid::Uuid::from_u128(observer << 64 | u128::from(seq)));
            let at = DateTime::from_timestamp(1_497_160_000 + seq as i64, 0).unwrap_or_default();
            let (panel, item, mark) = (
                (seq % panels + 1) as u16,
                Item::ALL[(seq % 3) as usize],
                [Mark::Present, Mark::Absent][(seq / 3 % 2) as usize],
            );
            let event = Event {
                id,
                observer: me.id,
                seq,
                recorded_at: at,
                seen_at: None,
                body: EventBody::Tick {
                    circonscription: CirconscriptionCode::parse(place.0)?,
                    bureau: Some(BureauCode::parse(place.1)?),
                    panel: Panel::new(panel)?,
                    item,
                    mark,
                    note: None,
                    envelope: None,
                },
            };
            previous = chain::link(&previous, &event);
            stmt.execute(params![
                id.to_string(),
                observer_id,
                seq as i64,
                at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
                i64::from(panel),
                item.slug(),
                mark.slug(),
                hex::encode(previous),
                place.0,
                place.1,
            ])?;
            let signature = keys.sign_head(me.id, seq, &previous);
            sign.execute(params![id.to_string(), hex::encode(signature)])?;
        }
        if events > 0 {
            tx.execute(
                "INSERT INTO chain_head (observer, seq, hash, signature) VALUES (?1, ?2, ?3, ?4)",
                params![
                    observer_id,
                    events as i64,
                    hex::encode(previous),
                    hex::encode(keys.sign_head(me.id, events, &previous))
                ],
            )?;
        }
    }
    tx.commit()?;
    Ok(())
}

fn national(path: &Path, id: u128) -> Res<()> {
    let data = sample::find("paris-1-2017")
        .ok_or("sample")?
        .election_data()?;
    let me = LocalObserver {
        id: ObserverId(uuid::Uuid::from_u128(id)),
        name: "Coordination".into(),
    };
    drop(Store::create_with_keys(
        path,
        &data,
        &me,
        now(),
        &keys_of(path),
    )?);
    Ok(())
}

/// Bureaux of the national reference file (INSEE's REU table is about this size).
const NATIONAL_BUREAUX: usize = 69_000;
/// Candidates per circonscription (577 × 7 = 4,039, the order of the 4,009 of 2024).
const CANDIDATES_PER_CIRC: u16 = 7;
/// Events per realistic observer file (34 on average in the files measured in issue 18).
const REALISTIC_EVENTS: u64 = 34;

/// The reference data of a national file: 577 circonscriptions, their candidates, 69,000
/// bureaux with labels, addresses and communes as long as real ones.
fn national_data() -> Res<ElectionData> {
    let mut deps: Vec<String> = (1..=95)
        .filter(|n| *n != 20)
        .map(|n| format!("{n:02}"))
        .collect();
    deps.extend(["2A", "2B", "971", "972", "973", "974", "976", "ZZ"].map(String::from));
    let mut r = Referential::default();
    let mut circs = Vec::new();
    for i in 0..577 {
        let dep = &deps[i % deps.len()];
        let n = i / deps.len() + 1;
        let code = CirconscriptionCode::parse(&format!("{dep}{n:02}"))?;
        r.circonscriptions.insert(
            code.clone(),
            Circonscription {
                code: code.clone(),
                label: format!("{n}e circonscription du département {dep}"),
            },
        );
        r.candidates.insert(
            code.clone(),
            (1..=CANDIDATES_PER_CIRC)
                .map(|p| {
                    Ok(Candidate {
                        circonscription: code.clone(),
                        panel: Panel::new(p)?,
                        surname: format!("CANDIDAT-{i}-{p}"),
                        given_name: "Marie-Christine".into(),
                        sex: if p % 2 == 0 { Sex::F } else { Sex::M },
                        nuance: "DVG".into(),
                    })
                })
                .collect::<Res<Vec<_>>>()?,
        );
        circs.push(code);
    }
    for i in 0..NATIONAL_BUREAUX {
        let circ = &circs[i % circs.len()];
        let code = BureauCode::parse(&format!("{:05}_{:04}", 1000 + i / 100, i % 100))?;
        r.bureaux.insert(
            code.clone(),
            Bureau {
                code,
                circonscription: Some(circ.clone()),
                label: format!("Bureau {} - École élémentaire Jules Ferry", i % 100 + 1),
                address: format!("{} rue de la République", i % 90 + 1),
                commune: format!("Saint-Martin-de-la-Commune-{}", i / 100),
                voting_machines: i % 50 == 0,
            },
        );
    }
    Ok(ElectionData {
        election: Election {
            kind: ElectionKind::Legislatives,
            year: 2024,
            round: 1,
            date: chrono::NaiveDate::from_ymd_opt(2024, 6, 30),
        },
        referential: r,
    })
}

/// `n` observer files as `constat init --reference FILE --bureau CODE` makes them from a
/// national reference file: the slice of the observer's bureau (its circonscription, its
/// candidates and bureaux) under a statement signing the WHOLE file's digest, a new identity and
/// key each, each with [`REALISTIC_EVENTS`] signed ticks at that bureau; and the national target
/// made from the whole reference data. With `full`, every file carries all the reference data
/// (what `init --reference` without `--bureau` writes, and every file did before the slices).
fn realistic_files(d: &Path, n: usize, full: bool) -> Res<(Vec<PathBuf>, PathBuf)> {
    let data = national_data()?;
    let target = d.join("national-empty.db");
    drop(Store::create_with_keys(
        &target,
        &data,
        &LocalObserver {
            id: ObserverId(uuid::Uuid::from_u128(3)),
            name: "Coordination".into(),
        },
        now(),
        &keys_of(&target),
    )?);
    let digest = constat::domain::reference_digest::reference_digest(&data);
    // Full files: one made by the app's own creation, copied for each observer with its
    // identity, key and statement replaced (minus the time to insert 69,000 rows 2,000 times).
    let template = d.join("reference-template.db");
    if full {
        drop(Store::create_with_keys(
            &template,
            &data,
            &LocalObserver {
                id: ObserverId(uuid::Uuid::from_u128(4)),
                name: "Modèle".into(),
            },
            now(),
            &keys_of(&template),
        )?);
    }
    let places: Vec<(String, BureauCode)> = data
        .referential
        .bureaux
        .values()
        .filter_map(|b| {
            b.circonscription
                .as_ref()
                .map(|c| (c.to_string(), b.code.clone()))
        })
        .collect();
    let mut files = Vec::with_capacity(n);
    for i in 0..n {
        let path = d.join(format!("ref-obs-{i:05}.db"));
        let me = LocalObserver {
            id: ObserverId(uuid::Uuid::from_u128(100_000 + i as u128)),
            name: format!("Observatrice {i}"),
        };
        let (circ, bureau) = &places[(i * 37) % places.len()];
        let keys = if full {
            std::fs::copy(&template, &path)?;
            let mut secret = [7u8; 32];
            secret[..8].copy_from_slice(&(i as u64).to_le_bytes());
            let keys = Keypair::from_secret(&secret);
            rw(&path)?.execute(
                "UPDATE observer SET id = ?1, name = ?2, public_key = ?3, statement = ?4
                 WHERE is_local = 1",
                params![
                    me.id.to_string(),
                    me.name,
                    hex::encode(keys.public()),
                    hex::encode(keys.sign_statement(me.id, &me.name, &digest))
                ],
            )?;
            keys
        } else {
            // What `init --reference … --bureau` writes (its own creation, key file included).
            let slice = constat::domain::reference_digest::slice(&data, bureau)
                .ok_or("a bureau of a circonscription")?;
            let key_dir = keys_of(&path);
            drop(Store::create_slice_with_keys(
                &path,
                &slice,
                &digest,
                &me,
                now(),
                &key_dir,
            )?);
            key_dir
                .read(me.id)
                .map_err(|e| format!("{e:?}"))?
                .ok_or("key")?
        };
        write_ticks(
            &path,
            &me,
            &keys,
            REALISTIC_EVENTS,
            (circ, bureau.as_str()),
            u64::from(CANDIDATES_PER_CIRC),
        )?;
        files.push(path);
    }
    Ok((files, target))
}

fn merge_constat(target: &Path, files: &[PathBuf]) -> Res<(Duration, u64)> {
    let mut store = Store::open_with_keys(target, Some(&keys_of(target)))?;
    let options = MergeOptions {
        now: now(),
        strict: false,
        accept_unsigned: false,
    };
    let start = Instant::now();
    let mut added = 0;
    for f in files {
        added += store
            .merge_database(f, options, &mut |_| {})
            .map_err(|e| e.to_string())?
            .new;
    }
    Ok((start.elapsed(), added))
}

/// The floor's copy of the attached file `f`'s observers, events and signatures (the signatures
/// travel too since schema 5: the floor copies them as merge does); the events added.
fn floor_events(conn: &Connection) -> Res<u64> {
    conn.execute(
        "INSERT OR IGNORE INTO observer (id, name, public_key, is_local, created_at,
                                         reference_digest, statement)
         SELECT id, name, public_key, 0, created_at, reference_digest, statement
         FROM f.observer",
        [],
    )?;
    let added = conn.execute("INSERT OR IGNORE INTO event SELECT * FROM f.event", [])? as u64;
    conn.execute(
        "INSERT OR IGNORE INTO event_signature SELECT * FROM f.event_signature",
        [],
    )?;
    Ok(added)
}

fn merge_floor(target: &Path, files: &[PathBuf]) -> Res<(Duration, u64)> {
    let conn = rw(target)?;
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")?;
    let start = Instant::now();
    let mut added = 0;
    for f in files {
        conn.execute("ATTACH ?1 AS f", [f.to_string_lossy()])?;
        conn.execute_batch("BEGIN IMMEDIATE")?;
        added += floor_events(&conn)?;
        conn.execute_batch("COMMIT; DETACH f;")?;
    }
    Ok((start.elapsed(), added))
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_owned)
        })
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|k| k.parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

fn copy_db(from: &Path, to: &Path) -> Res<()> {
    let conn = rw(from)?;
    let _ = std::fs::remove_file(to);
    conn.execute("VACUUM INTO ?1", [to.to_string_lossy()])?;
    Ok(())
}

fn row(case: &str, target: &str, ours: (Duration, u64), floor: (Duration, u64)) {
    println!(
        "| {case} | {target} | {:.2} s | {:.2} s | {:.2}× | {} / {} |",
        ours.0.as_secs_f64(),
        floor.0.as_secs_f64(),
        ours.0.as_secs_f64() / floor.0.as_secs_f64().max(1e-9),
        ours.1,
        floor.1
    );
}

fn main() -> Res<()> {
    let small = std::env::var_os("CONSTAT_BENCH_SMALL").is_some();
    if std::env::var("CONSTAT_BENCH_ONLY").is_ok_and(|v| v == "photos") {
        return photos_case();
    }
    if std::env::var("CONSTAT_BENCH_ONLY").is_ok_and(|v| v == "reference") {
        return reference_case(small);
    }
    let (files_n, per_file, big_n, full_n) = if small {
        (200, 70, 300_000, 100_000)
    } else {
        (2_000, 70, 3_000_000, 1_000_000)
    };
    let base = std::env::var_os("CONSTAT_BENCH_DIR").map_or_else(std::env::temp_dir, PathBuf::from);
    let dir = tempfile::tempdir_in(base)?;
    let d = dir.path();
    let t = Instant::now();
    let only_files = std::env::var("CONSTAT_BENCH_ONLY").is_ok_and(|v| v == "files");
    let files_n = if std::env::var("CONSTAT_BENCH_ONLY").is_ok_and(|v| v == "big") {
        0
    } else {
        files_n
    };
    let big_n = if only_files { 0 } else { big_n };
    println!(
        "generating {files_n} files of {per_file} events, one of {big_n}, a full target of {full_n} …"
    );
    let files: Vec<PathBuf> = (0..files_n)
        .map(|i| {
            let p = d.join(format!("obs-{i:05}.db"));
            observer_file(&p, 1_000 + i as u128, per_file).map(|()| p)
        })
        .collect::<Res<_>>()?;
    let big = d.join("big.db");
    observer_file(&big, 7, big_n)?;
    let filler = d.join("filler.db");
    observer_file(&filler, 8, full_n)?;
    let empty = d.join("empty.db");
    national(&empty, 1)?;
    let full = d.join("full.db");
    national(&full, 2)?;
    merge_floor(&full, std::slice::from_ref(&filler))?;
    println!("generated in {:.1} s\n", t.elapsed().as_secs_f64());

    println!(
        "| case | target | constat merge | SQLite floor | ratio | events added (constat / floor) |"
    );
    println!("|---|---|---|---|---|---|");
    // CONSTAT_BENCH_ONLY=big: the one big file alone (no many-files case, no memory case).
    let only_big = std::env::var("CONSTAT_BENCH_ONLY").is_ok_and(|v| v == "big");
    let mut cases = if only_files {
        Vec::new()
    } else {
        vec![(format!("1 file × {big_n} events"), vec![big.clone()])]
    };
    if !only_big {
        cases.insert(
            0,
            (
                format!("{files_n} files × {per_file} events"),
                files.clone(),
            ),
        );
    }
    for (case, inputs) in cases {
        for (label, template) in [
            ("empty", &empty),
            (&*format!("full ({full_n} events)"), &full),
        ] {
            let ours = d.join("ours.db");
            let floor = d.join("floor.db");
            copy_db(template, &ours)?;
            copy_db(template, &floor)?;
            let o = merge_constat(&ours, &inputs)?;
            let f = merge_floor(&floor, &inputs)?;
            row(&case, label, o, f);
        }
    }
    if only_big || only_files {
        return Ok(());
    }
    reference_case(small)?;
    // Peak memory while merging more and more files: flat means streaming.
    let target = d.join("rss.db");
    copy_db(&empty, &target)?;
    let mut done = 0;
    for upto in [files_n / 4, files_n / 2, files_n] {
        merge_constat(&target, &files[done..upto])?;
        done = upto;
        println!("peak RSS after {upto} files: {:.1} MiB", peak_rss_mib());
    }
    Ok(())
}

/// Issue 18: observer files made from a national reference file (every candidate, 69,000
/// bureaux) merged into the national database made from the same reference data.
/// `CONSTAT_BENCH_REFERENCE_FILES=N` sets how many (2,000; 200 with `CONSTAT_BENCH_SMALL`);
/// `CONSTAT_BENCH_REFERENCE_FULL=1` makes files that carry all the reference data instead of
/// their bureau's slice.
fn reference_case(small: bool) -> Res<()> {
    let n = std::env::var("CONSTAT_BENCH_REFERENCE_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if small { 200 } else { 2_000 });
    let full = std::env::var_os("CONSTAT_BENCH_REFERENCE_FULL").is_some();
    let base = std::env::var_os("CONSTAT_BENCH_DIR").map_or_else(std::env::temp_dir, PathBuf::from);
    let dir = tempfile::tempdir_in(base)?;
    let d = dir.path();
    let t = Instant::now();
    let (files, empty) = realistic_files(d, n, full)?;
    let mut sizes: Vec<u64> = files
        .iter()
        .map(|f| std::fs::metadata(f).map(|m| m.len()))
        .collect::<Result<_, _>>()?;
    sizes.sort_unstable();
    println!(
        "\ngenerated {n} observer files from a national reference file ({} bureaux, {} candidates; \
         {}; {REALISTIC_EVENTS} events; median {:.1} KiB, largest {:.1} KiB each) in {:.1} s\n",
        NATIONAL_BUREAUX,
        577 * CANDIDATES_PER_CIRC,
        if full {
            "every file carries all of it"
        } else {
            "each file its bureau's slice"
        },
        sizes.get(sizes.len() / 2).copied().unwrap_or(0) as f64 / 1024.0,
        sizes.last().copied().unwrap_or(0) as f64 / 1024.0,
        t.elapsed().as_secs_f64()
    );
    println!(
        "| case | target | constat merge | SQLite floor | ratio | events added (constat / floor) |"
    );
    println!("|---|---|---|---|---|---|");
    let ours = d.join("ours.db");
    let floor = d.join("floor.db");
    copy_db(&empty, &ours)?;
    copy_db(&empty, &floor)?;
    // The floor first, then constat: both read the same files, which the floor's run brings
    // into the page cache no more than constat's would.
    let f = merge_floor(&floor, &files)?;
    let o = merge_constat(&ours, &files)?;
    row(
        &format!("{n} files from a national reference × {REALISTIC_EVENTS} events"),
        "national (same reference)",
        o,
        f,
    );
    Ok(())
}

/// The size of each photo of the photos case (a phone's JPEG is 2 to 6 MB).
const PHOTO_BYTES: usize = 4 * 1024 * 1024;
/// Photos per observer file in the photos case.
const PHOTOS_PER_FILE: usize = 3;

/// An observer file of [`REALISTIC_EVENTS`] ticks and [`PHOTOS_PER_FILE`] photos of
/// [`PHOTO_BYTES`] each, attached by the app (`app::photos::attach`: signed photo events, the
/// bytes in `photo_blob`). The photos are HEIC-shaped (an `ftyp heic` box, then bytes that
/// differ from file to file): stored as received, no thumbnail; the merge reads neither.
fn photo_file(d: &Path, i: usize) -> Res<PathBuf> {
    let path = d.join(format!("photo-obs-{i:05}.db"));
    observer_file(&path, 50_000 + i as u128, REALISTIC_EVENTS)?;
    let mut store = Store::open_with_keys(&path, Some(&keys_of(&path)))?;
    let mut files = Vec::with_capacity(PHOTOS_PER_FILE);
    for k in 0..PHOTOS_PER_FILE {
        let mut bytes = Vec::with_capacity(PHOTO_BYTES);
        bytes.extend(24u32.to_be_bytes());
        bytes.extend(b"ftypheic\0\0\0\0mif1heic");
        // A cheap generator: each file's bytes differ (a different hash, no deduplication).
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15 ^ ((i * PHOTOS_PER_FILE + k) as u64 + 1);
        while bytes.len() < PHOTO_BYTES {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            bytes.extend(x.to_le_bytes());
        }
        bytes.truncate(PHOTO_BYTES);
        let file = d.join(format!("photo-{i:05}-{k}.heic"));
        std::fs::write(&file, &bytes)?;
        files.push(file);
    }
    let what = constat::app::photos::Attach {
        circonscription: CirconscriptionCode::parse("7501")?,
        bureau: BureauCode::parse("75056_0911")?,
        of: constat::domain::PhotoSubject::Bureau,
        note: None,
        keep_metadata: false,
    };
    constat::app::photos::attach(&mut store, &what, &files).map_err(|e| format!("{e:?}"))?;
    for f in files {
        std::fs::remove_file(f)?;
    }
    Ok(path)
}

/// The floor of the photos case for one file, on an open connection to the floor's database:
/// [`merge_floor`]'s copy of the events, then each photo's bytes copied from the attached file
/// with SQLite's incremental blob I/O (64 KiB pieces), in one transaction, nothing checked or
/// hashed. Returns the events added.
fn floor_photo_file(conn: &Connection, buf: &mut [u8], f: &Path) -> Res<u64> {
    use std::io::{Read, Write};
    conn.execute("ATTACH ?1 AS f", [f.to_string_lossy()])?;
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let added = floor_events(conn)?;
    let blobs: Vec<(i64, String, i64)> = conn
        .prepare("SELECT rowid, sha256, length(bytes) FROM f.photo_blob")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    for (rowid, sha256, len) in blobs {
        conn.execute(
            "INSERT INTO main.photo_blob (sha256, size, bytes) VALUES (?1, ?2, zeroblob(?2))",
            params![sha256, len],
        )?;
        let target_row = conn.last_insert_rowid();
        let mut from = conn.blob_open("f", "photo_blob", "bytes", rowid, true)?;
        let mut to = conn.blob_open("main", "photo_blob", "bytes", target_row, false)?;
        loop {
            let n = from.read(buf)?;
            if n == 0 {
                break;
            }
            to.write_all(&buf[..n])?;
        }
    }
    conn.execute_batch("COMMIT; DETACH f;")?;
    Ok(added)
}

/// Opens the floor's database as [`merge_floor`] does (WAL, synchronous FULL).
fn floor_conn(path: &Path) -> Res<Connection> {
    let conn = rw(path)?;
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")?;
    Ok(conn)
}

/// Removes a database and its WAL and shared-memory files.
fn remove_db(path: &Path) -> Res<()> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        match std::fs::remove_file(PathBuf::from(p)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    Ok(())
}

/// Resets this process's peak RSS (`VmHWM`) to its current RSS (Linux: `5` into
/// `/proc/self/clear_refs`). False where the kernel does not allow it.
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Bytes used by the files of a folder (not recursive: the bench writes no subfolder but keys).
fn dir_bytes(d: &Path) -> u64 {
    std::fs::read_dir(d).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter_map(|e| e.metadata().ok())
            .filter(std::fs::Metadata::is_file)
            .map(|m| m.len())
            .sum()
    })
}

/// Issue 19: observer files with three 4 MB photos each merged, against the blob I/O floor.
///
/// Streamed, so that 2,000 files fit a machine's disk: each observer file is generated just
/// before it is merged (not timed), copied into the floor's database (timed), merged by constat
/// into its target (timed), then deleted. constat's target keeps every file (the issue's
/// figure: one national database receiving them all); the floor's database is recreated from the
/// empty national database every `CONSTAT_BENCH_PHOTO_FLOOR_EVERY` files (250 by default; not
/// timed), so that the disk holds constat's target, at most that many files' worth of floor and
/// one observer file. Peak RSS: `VmHWM` reset before each constat merge and read after it, the
/// largest over the first half and over the second half of the files (flat: the photos are
/// streamed); where the reset is refused, the process's own peak (generation included).
fn photos_case() -> Res<()> {
    let n: usize = std::env::var("CONSTAT_BENCH_PHOTO_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50)
        .max(2);
    let floor_every: usize = std::env::var("CONSTAT_BENCH_PHOTO_FLOOR_EVERY")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(250)
        .max(1);
    let base = std::env::var_os("CONSTAT_BENCH_DIR").map_or_else(std::env::temp_dir, PathBuf::from);
    let dir = tempfile::tempdir_in(base)?;
    let d = dir.path();
    let empty = d.join("empty.db");
    national(&empty, 1)?;
    let photo_mb = (n * PHOTOS_PER_FILE * PHOTO_BYTES) as f64 / 1_048_576.0;
    println!(
        "{n} observer files × ({REALISTIC_EVENTS} ticks + {PHOTOS_PER_FILE} photos of {} MiB): \
         {photo_mb:.0} MiB of photos, each file generated just before its merge and deleted \
         after; floor recreated every {floor_every} files\n",
        PHOTO_BYTES / 1_048_576,
    );
    let ours = d.join("ours.db");
    let floor = d.join("floor.db");
    copy_db(&empty, &ours)?;
    copy_db(&empty, &floor)?;
    let mut store = Store::open_with_keys(&ours, Some(&keys_of(&ours)))?;
    let options = MergeOptions {
        now: now(),
        strict: false,
        accept_unsigned: false,
    };
    let mut floor_db = floor_conn(&floor)?;
    let mut buf = vec![0u8; 1 << 16];
    let (mut generating, mut floor_time, mut ours_time) =
        (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let (mut floor_added, mut ours_added) = (0u64, 0u64);
    let mut floor_files = 0;
    let reset = reset_peak_rss();
    let (mut rss_half, mut rss_rest, mut rss_other) = (0.0f64, 0.0f64, 0.0f64);
    let mut peak_disk = 0u64;
    let half = n / 2;
    let started = Instant::now();
    for i in 0..n {
        if floor_files == floor_every {
            drop(floor_db);
            remove_db(&floor)?;
            copy_db(&empty, &floor)?;
            floor_db = floor_conn(&floor)?;
            floor_files = 0;
        }
        let t = Instant::now();
        let file = photo_file(d, i)?;
        generating += t.elapsed();
        peak_disk = peak_disk.max(dir_bytes(d));
        // The floor first: it brings the file into the page cache no more than constat would
        // (the file was just written: both read it from the cache).
        let t = Instant::now();
        floor_added += floor_photo_file(&floor_db, &mut buf, &file)?;
        floor_time += t.elapsed();
        floor_files += 1;
        if reset {
            // The peak since the last reset: the last merge, this file's generation and floor.
            rss_other = rss_other.max(peak_rss_mib());
            reset_peak_rss();
        }
        let t = Instant::now();
        ours_added += store
            .merge_database(&file, options, &mut |_| {})
            .map_err(|e| e.to_string())?
            .new;
        ours_time += t.elapsed();
        let rss = peak_rss_mib();
        if i < half {
            rss_half = rss_half.max(rss);
        } else {
            rss_rest = rss_rest.max(rss);
        }
        peak_disk = peak_disk.max(dir_bytes(d));
        remove_db(&file)?;
        if (i + 1) % 100 == 0 {
            println!(
                "  {} files: constat {:.1} s, floor {:.1} s, generation {:.1} s, disk {:.1} GiB, \
                 {:.0} s elapsed",
                i + 1,
                ours_time.as_secs_f64(),
                floor_time.as_secs_f64(),
                generating.as_secs_f64(),
                dir_bytes(d) as f64 / 1_073_741_824.0,
                started.elapsed().as_secs_f64()
            );
        }
    }
    drop(store);
    println!(
        "\n| case | target | constat merge | SQLite floor | ratio | events added (constat / floor) |"
    );
    println!("|---|---|---|---|---|---|");
    row(
        &format!("{n} files × ({REALISTIC_EVENTS} ticks + {PHOTOS_PER_FILE} × 4 MiB photos)"),
        "empty",
        (ours_time, ours_added),
        (floor_time, floor_added),
    );
    let held: i64 = rw(&ours)?.query_row(
        "SELECT count(*) FROM photo_blob WHERE bytes IS NOT NULL",
        [],
        |r| r.get(0),
    )?;
    println!(
        "\nphotos held after the merge: {held} of {}; throughput {:.0} MiB/s (floor {:.0} MiB/s); \
         generation {:.1} s (not timed); peak disk {:.1} GiB",
        n * PHOTOS_PER_FILE,
        photo_mb / ours_time.as_secs_f64().max(1e-9),
        photo_mb / floor_time.as_secs_f64().max(1e-9),
        generating.as_secs_f64(),
        peak_disk as f64 / 1_073_741_824.0
    );
    if reset {
        println!(
            "peak RSS of one file's merge: {rss_half:.1} MiB at most over the first {half} files, \
             {rss_rest:.1} MiB over the other {}; generating the files and the floor: {:.1} MiB \
             at most",
            n - half,
            rss_other.max(peak_rss_mib())
        );
    } else {
        println!(
            "peak RSS (the process's, generation included; clear_refs refused): {rss_half:.1} MiB \
             after {half} files, {rss_rest:.1} MiB after {n}"
        );
    }
    Ok(())
}
