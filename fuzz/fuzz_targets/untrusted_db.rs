//! Another observer's database (`constat merge --into T FILE`, `constat verify FILE`): any bytes
//! as a file. Opened and checked by the untrusted open (src/storage/untrusted.rs); when accepted,
//! its chains are verified and it is merged into a target database (rolled back every time, so
//! that each input meets the same target).
#![no_main]

use std::sync::Mutex;

use libfuzzer_sys::fuzz_target;

use constat::storage::{MergeOptions, Store};

#[path = "common.rs"]
mod common;

fn target() -> &'static Mutex<Store> {
    static TARGET: std::sync::OnceLock<Mutex<Store>> = std::sync::OnceLock::new();
    TARGET.get_or_init(|| {
        let path = common::folder().join("target.db");
        match constat::app::database::create_from_sample(&path, "paris-1-2017", "Cible", None) {
            Ok(store) => Mutex::new(store),
            Err(e) => {
                eprintln!("cannot make the target: {e:?}");
                std::process::abort()
            }
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let path = common::write_input("observer.db", data);
    if constat::storage::Untrusted::open(&path).is_err() {
        return;
    }
    let _ = constat::storage::verify_database(&path);
    let options = MergeOptions {
        now: chrono::Utc::now(),
        strict: true,
        // Unkeyed observers too: the fuzzer reaches the whole merge, not only its key refusal.
        accept_unsigned: true,
    };
    let Ok(mut store) = target().lock() else {
        return;
    };
    if store.begin_merge(options).is_ok() {
        let _ = store.merge_database(&path, options, &mut |_| {});
        let _ = store.finish_merge(options, true);
    }
});
