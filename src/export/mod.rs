//! Exports: what an observer sends (a self-contained database, or a CSV of their events) and the
//! evidence formats. The CSV of events is also read back by `constat merge`.

pub mod events_csv;
pub mod evidence;
pub mod spreadsheet;
pub mod xlsx;
