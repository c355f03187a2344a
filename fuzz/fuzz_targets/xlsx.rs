//! The 2017 results workbook reader (`constat import candidates FILE.xlsx`): any bytes, as an
//! `.xlsx` file. The seed corpus holds real workbooks (zip archives), so that the fuzzer works
//! inside the zip and the sheet XML rather than on the sniffing of text files.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    // libfuzzer-sys's panic hook aborts at once; the workbook reader catches a panic of
    // `calamine` and refuses the file, so this target lets panics unwind (back to the default
    // hook): one that is not caught still reaches libfuzzer-sys's `catch_unwind` and aborts.
    static DEFAULT_HOOK: std::sync::Once = std::sync::Once::new();
    DEFAULT_HOOK.call_once(|| drop(std::panic::take_hook()));
    let path = common::write_input("input.xlsx", data);
    let _ = constat::import::read_candidates(&path, &mut |_row| Ok(()));
});
