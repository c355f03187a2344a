//! The candidate list and results importer (`constat import candidates FILE`): any bytes, as a
//! file (the importer sniffs the encoding, the separator and the layout from the file).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let path = common::write_input("input.csv", data);
    let _ = constat::import::read_candidates(&path, &mut |_row| Ok(()));
});
