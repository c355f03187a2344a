//! The events CSV reader (`constat merge FILE.csv`, `constat verify FOLDER`): any bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut rows = 0u32;
    let _ = constat::export::events_csv::read(data, &mut |_row| {
        rows += 1;
        Ok(())
    });
});
