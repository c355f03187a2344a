//! The plain mode's line parser (src/plain/parse.rs): any typed line, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
    let _ = constat::plain::parse::parse(line);
    let _ = constat::plain::parse::is_yes(line);
    let _ = constat::plain::parse::is_no(line);
    let _ = constat::plain::parse::item(line);
    let _ = constat::plain::parse::mark(line);
});
