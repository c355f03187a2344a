//! The bureau table importer (`constat import bureaux FILE`): any bytes, as a file.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let path = common::write_input("input.csv", data);
    let _ = constat::import::read_bureaux(&path, &mut |_row| Ok(()));
});
