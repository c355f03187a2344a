//! Every reason, error, warning and hint, variant by variant: each says itself in French with
//! no English left and no message id unrendered, and values from outside are shown as found.

use std::path::{Path, PathBuf};

use chrono::TimeZone;

use crate::app::evidence::FolderProblem;
use crate::domain::chain::ChainBreak;
use crate::domain::merge::{EventProblem, MergeConflict};
use crate::domain::{CodeError, EventId, ObserverId};
use crate::error::{Error, IoContext, TextProblem};
use crate::export::events_csv::{CsvProblem, RowError, RowWhy};
use crate::i18n::{Lang, Localize};
use crate::import::{Binary, Column, Expected, Field, Found, ImportError, ImportText, Listing};
use crate::storage::{
    ChainProblem, Damage, DataProblem, Doing, MergeRejection, MergeWarning, NotSqlite, Refusal,
    RowProblem, SchemaProblem, SignatureProblem, StorageError, SystemProblem,
};

/// English words that a French text must not hold outside quotes (`«…»`, `` `…` ``) and
/// labelled details (`(détail SQLite : …)`, which end a message).
fn english(text: &str) -> Vec<&'static str> {
    let text = match (text.find("(détail"), text.rfind(')')) {
        (Some(open), Some(close)) if open < close => {
            format!("{}{}", &text[..open], &text[close + 1..])
        }
        _ => text.to_owned(),
    };
    let mut unquoted = String::new();
    let mut rest = text.as_str();
    loop {
        let next = rest.find(['«', '`']);
        let Some(at) = next else {
            unquoted.push_str(rest);
            break;
        };
        unquoted.push_str(&rest[..at]);
        let close = if rest[at..].starts_with('«') {
            '»'
        } else {
            '`'
        };
        let after = &rest[at + rest[at..].chars().next().map_or(1, char::len_utf8)..];
        rest = after.split_once(close).map_or("", |(_, a)| a);
    }
    const WORDS: &[&str] = &[
        "the", "is", "not", "does", "of", "expected", "has", "with", "missing", "file", "event",
        "line", "column", "found", "hint", "nothing", "was", "this", "another", "which", "cannot",
        "database", "damaged", "unknown", "imported", "broken", "differs", "listed", "invalid",
        "reading", "writing", "error", "bytes", "sequence", "record", "field", "at", "most", "and",
        "or", "an", "to",
    ];
    // A flag (`--seen-at`) is a name, not English.
    let lower = unquoted.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| !w.starts_with("--"))
        .flat_map(|w| w.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '_'))
        .collect();
    WORDS
        .iter()
        .copied()
        .filter(|w| words.contains(w))
        .collect()
}

/// A message id left in a text: a message the catalogue lacks renders as its id.
fn unrendered(text: &str) -> bool {
    text.contains("{$")
        || text.contains("{ $")
        || ["error-", "reason-", "refusal-", "warning-", "import-"]
            .iter()
            .any(|p| {
                text.match_indices(p).any(|(at, _)| {
                    text[at + p.len()..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_lowercase())
                })
            })
}

fn check(what: &str, value: &dyn Localize) {
    let fr = value.text(Lang::Fr);
    let en = value.text(Lang::En);
    assert!(!unrendered(&fr), "{what}: unrendered in French: {fr}");
    assert!(!unrendered(&en), "{what}: unrendered in English: {en}");
    assert_eq!(
        english(&fr),
        Vec::<&str>::new(),
        "{what}: {fr}\n(English: {en})"
    );
    assert_ne!(fr, en, "{what}: the same in both languages: {fr}");
}

fn sqlite(code: i32, text: &str) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), Some(text.into()))
}

fn io(kind: std::io::ErrorKind) -> std::io::Error {
    std::io::Error::new(kind, "No such file or directory (os error 2)")
}

fn system_problems() -> Vec<SystemProblem> {
    use std::io::ErrorKind as K;
    vec![
        io(K::NotFound).into(),
        io(K::PermissionDenied).into(),
        io(K::IsADirectory).into(),
        io(K::Other).into(),
        SystemProblem::sqlite(&sqlite(rusqlite::ffi::SQLITE_CANTOPEN, "unable to open")),
        SystemProblem::said("it failed".into()),
    ]
}

/// What constat may be doing when SQLite fails: every variant.
fn doings() -> Vec<Doing> {
    vec![
        Doing::CheckingIntegrity,
        Doing::CommittingCreation,
        Doing::CommittingEvent,
        Doing::SavingPhoto,
        Doing::ReadingPhoto,
        Doing::CommittingImport,
        Doing::CommittingSchema,
        Doing::CreatingDatabase,
        Doing::DeferringCirconscriptionIndex,
        Doing::EnlargingPageCache,
        Doing::FinishingMerge,
        Doing::ImportingBureaux,
        Doing::ImportingCandidates,
        Doing::IndexingBureaux,
        Doing::LimitingFileSize,
        Doing::ListingCodes,
        Doing::LoggingImport,
        Doing::MakingReadOnly,
        Doing::MarkingAsConstat,
        Doing::MarkingWithdrawnCandidates,
        Doing::NumberingEvent,
        Doing::OpeningDatabase,
        Doing::OpeningExport,
        Doing::PreparingImport,
        Doing::ReadingBureau,
        Doing::ReadingBureaux,
        Doing::ReadingCandidates,
        Doing::ReadingChainHeads,
        Doing::ReadingCirconscription,
        Doing::ReadingCirconscriptions,
        Doing::ReadingElection,
        Doing::ReadingEventRow,
        Doing::ReadingEvents,
        Doing::ReadingLocalObserver,
        Doing::ReadingObserverKey,
        Doing::ReadingObservers,
        Doing::ReadingPageCacheSize,
        Doing::ReadingReferenceData,
        Doing::ReadingSchema,
        Doing::ReadingSchemaVersion,
        Doing::ReadingSetting,
        Doing::RecordingSchemaVersion,
        Doing::RecordingVotingMachines,
        Doing::RemovingSecretKey,
        Doing::ResettingPageCacheSize,
        Doing::SavingEvent,
        Doing::SavingObserver,
        Doing::SavingObserverKey,
        Doing::SavingReferenceData,
        Doing::SavingSetting,
        Doing::SettingPragmas,
        Doing::SigningChainHead,
        Doing::StartingCreation,
        Doing::StartingImport,
        Doing::StartingMerge,
        Doing::StartingSchemaCheck,
        Doing::StartingToSaveEvent,
        Doing::SwitchingToWal,
        Doing::UpgradingSchema,
        Doing::WritingExport,
        Doing::ReadingMergedFiles,
        Doing::RecordingMergedFile,
        Doing::ReadingRoster,
        Doing::SavingRoster,
        Doing::RefusedFiles,
        Doing::KeyDisputes,
    ]
}

fn code_errors() -> Vec<CodeError> {
    vec![
        CodeError::Circonscription("x".into()),
        CodeError::Bureau("x".into()),
        CodeError::Panel("0".into()),
    ]
}

fn event_problems() -> Vec<EventProblem> {
    let id = EventId(uuid::Uuid::nil());
    let at = chrono::Utc.with_ymd_and_hms(2999, 1, 1, 0, 0, 0).unwrap();
    vec![
        EventProblem::FromTheFuture { id, at },
        EventProblem::TooOld { id, at },
        EventProblem::TooLong {
            id,
            field: "note",
            len: 2000,
            max: 1000,
        },
        EventProblem::TooLong {
            id,
            field: "voter",
            len: 300,
            max: 200,
        },
        EventProblem::BadEnvelope { id, number: 0 },
        EventProblem::BadKeyChange { id },
        EventProblem::BadDay {
            id,
            day: chrono::NaiveDate::MIN,
        },
        EventProblem::ControlCharacters { id, field: "note" },
    ]
}

fn row_problems() -> Vec<RowProblem> {
    let mut all = vec![
        RowProblem::NotUtf8 {
            column: 14,
            valid_up_to: 1,
            bad_len: Some(1),
        },
        RowProblem::NotUtf8 {
            column: 14,
            valid_up_to: 1,
            bad_len: None,
        },
        RowProblem::NotText(3),
        RowProblem::Missing("voter"),
        RowProblem::OutOfRange("voters"),
        RowProblem::NotUuid {
            field: "id",
            value: "x".into(),
        },
        RowProblem::UnknownItem("x".into()),
        RowProblem::UnknownValue("maybe".into()),
        RowProblem::UnknownKind("x".into()),
        RowProblem::EnvelopeOutOfRange(1000),
        RowProblem::BadArrival("06/06/2017".into()),
        RowProblem::NegativeSeq(-1),
        RowProblem::BadTime("x".into()),
    ];
    all.extend(code_errors().into_iter().map(RowProblem::Code));
    all
}

fn data_problems() -> Vec<DataProblem> {
    let mut all: Vec<DataProblem> = row_problems()
        .into_iter()
        .map(|problem| DataProblem::Event {
            id: "1234".into(),
            problem,
        })
        .collect();
    all.extend(event_problems().into_iter().map(DataProblem::EventRefused));
    all.extend(code_errors().into_iter().map(DataProblem::Code));
    all.extend([
        DataProblem::EventHash {
            id: "1".into(),
            hash: "zz".into(),
        },
        DataProblem::Constraint("1".into()),
        DataProblem::ChainHead("o".into()),
        DataProblem::NoBureau("75056_0911".into()),
        DataProblem::NoLocalObserver,
        DataProblem::ObserverId("x".into()),
        DataProblem::ObserverName("x".into()),
        DataProblem::ObserverKey {
            observer: "o".into(),
            key: "zz".into(),
        },
        DataProblem::LastHash("zz".into()),
        DataProblem::Integrity("*** in database main ***\nPage 2 is never used".into()),
        DataProblem::ExportUnwritable("Permission denied (os error 13)".into()),
        DataProblem::ExportNotAFile,
        DataProblem::NoRandom("no entropy".into()),
        DataProblem::ElectionKind("x".into()),
        DataProblem::ElectionDate("x".into()),
        DataProblem::Sex("X".into()),
    ]);
    all
}

fn refusals() -> Vec<Refusal> {
    let mut all = vec![
        Refusal::NotSqlite(NotSqlite::Empty),
        Refusal::NotSqlite(NotSqlite::NoHeader),
        Refusal::NotSqlite(NotSqlite::Utf16Text),
        Refusal::NotSqlite(NotSqlite::EventsTableOtherLayout),
        Refusal::NotConstat,
        Refusal::NewerSchema {
            found: 9,
            supported: 2,
        },
        Refusal::Damaged(Damage::Check("*** in database main ***".into())),
        Refusal::Damaged(Damage::ObserverId("x".into())),
        Refusal::Schema(SchemaProblem::Differs),
        Refusal::Schema(SchemaProblem::Expected("out of memory".into())),
        Refusal::TooLarge(5 << 30),
    ];
    for code in [
        rusqlite::ffi::SQLITE_TOOBIG,
        rusqlite::ffi::SQLITE_CORRUPT,
        rusqlite::ffi::SQLITE_NOTADB,
        rusqlite::ffi::SQLITE_IOERR,
    ] {
        all.push(Refusal::Damaged(Damage::sqlite(&sqlite(
            code,
            "database disk image is malformed",
        ))));
    }
    for kind in ["table", "index", "trigger", "view", "thing"] {
        all.push(Refusal::Schema(SchemaProblem::Foreign {
            kind: kind.into(),
            name: "evil".into(),
        }));
        all.push(Refusal::Schema(SchemaProblem::Altered {
            kind: kind.into(),
            name: "evil".into(),
        }));
    }
    all.extend(system_problems().into_iter().map(Refusal::Unreadable));
    all
}

fn row_errors() -> Vec<RowError> {
    let whys = vec![
        RowWhy::Csv(CsvProblem::UnequalLengths {
            pos: Some((1, 2, 135)),
            found: 2,
            expected: 18,
        }),
        RowWhy::Csv(CsvProblem::UnequalLengths {
            pos: None,
            found: 2,
            expected: 18,
        }),
        RowWhy::Csv(CsvProblem::Utf8 {
            pos: Some((1, 2, 135)),
            field: 3,
            valid_up_to: 4,
        }),
        RowWhy::Csv(CsvProblem::Utf8 {
            pos: None,
            field: 3,
            valid_up_to: 4,
        }),
        RowWhy::Csv(CsvProblem::Other("Broken pipe".into())),
        RowWhy::Header {
            found: "election,id,observer,name".into(),
        },
        RowWhy::NotUuid("x".into()),
        RowWhy::Code(CodeError::Panel("0".into())),
        RowWhy::NotCount("x".into()),
        RowWhy::NotItem("x".into()),
        RowWhy::NotMark("x".into()),
        RowWhy::NotEnvelope("x".into()),
        RowWhy::NotDate("x".into()),
        RowWhy::MachinesNeedsBureau,
        RowWhy::NotFlag("x".into()),
        RowWhy::NonReceiptNeedsBureau,
        RowWhy::NotKind("x".into()),
        RowWhy::NotTime("x".into()),
        RowWhy::NotHash("x".into()),
        RowWhy::NotSeq("x".into()),
        RowWhy::OtherElection {
            found: "x".into(),
            first: "y".into(),
        },
        RowWhy::Refused,
        // Issue 15 (sign).
        RowWhy::NotSignature("x".into()),
        RowWhy::NotKey("x".into()),
        RowWhy::ObserverDiffers,
        RowWhy::OutOfOrder,
    ];
    whys.into_iter()
        .map(|why| RowError {
            line: 3,
            column: "id",
            why,
        })
        .collect()
}

fn rejections() -> Vec<MergeRejection> {
    let id = EventId(uuid::Uuid::nil());
    let observer = ObserverId(uuid::Uuid::nil());
    let mut all: Vec<MergeRejection> = refusals()
        .into_iter()
        .map(MergeRejection::Refused)
        .collect();
    all.extend(data_problems().into_iter().map(MergeRejection::Invalid));
    all.extend(data_problems().into_iter().map(MergeRejection::OursInvalid));
    all.extend(row_errors().into_iter().map(MergeRejection::Row));
    all.extend(event_problems().into_iter().map(MergeRejection::Event));
    all.extend(system_problems().into_iter().map(MergeRejection::Storage));
    for why in [
        SignatureProblem::UnlistedObserver,
        SignatureProblem::NoPublicKey,
        SignatureProblem::MalformedHash,
        SignatureProblem::MalformedSignature,
        SignatureProblem::DoesNotVerify,
        SignatureProblem::HeadMismatch,
        SignatureProblem::OtherKey,
    ] {
        all.push(MergeRejection::BadSignature("o".into(), why));
    }
    all.extend([
        MergeRejection::OtherElection {
            theirs: "legislatives-2022-1".into(),
            ours: "legislatives-2017-1".into(),
        },
        MergeRejection::CandidateDiffers {
            circ: "7501".into(),
            panel: 3,
            theirs: "A B".into(),
            ours: "C D".into(),
        },
        MergeRejection::UnknownCandidate {
            event: id,
            circ: "7501".into(),
            panel: 40,
        },
        MergeRejection::Conflict(MergeConflict::SameIdOtherContent(id)),
        MergeRejection::Conflict(MergeConflict::SameSeqOtherId {
            observer,
            seq: 2,
            ours: id,
            theirs: id,
        }),
        MergeRejection::BadRetraction {
            event: id,
            target: id,
        },
        MergeRejection::ChainMismatch(id),
        MergeRejection::ChainGap {
            event: id,
            expected: 2,
            found: 3,
        },
        MergeRejection::UnknownObserver(id),
        // Issue 15 (sign).
        MergeRejection::Unsigned {
            observer,
            first: 6,
            last: 7,
            signed: 5,
        },
        MergeRejection::EventSignature { observer, seq: 5 },
        MergeRejection::KeyConflict {
            observer,
            name: "Marie".into(),
            ours: Some(crate::domain::fingerprint::Fingerprint::of(&[1; 32])),
            theirs: crate::domain::fingerprint::Fingerprint::of(&[2; 32]),
        },
        MergeRejection::ReferenceAltered,
        MergeRejection::KeyDisputed {
            observer,
            name: "Marie".into(),
            held: Some(crate::domain::fingerprint::Fingerprint::of(&[1; 32])),
            claimed: crate::domain::fingerprint::Fingerprint::of(&[2; 32]),
            target: "national.db".into(),
        },
        MergeRejection::KeyDisputed {
            observer,
            name: "Marie".into(),
            held: None,
            claimed: crate::domain::fingerprint::Fingerprint::of(&[2; 32]),
            target: "national.db".into(),
        },
        MergeRejection::KeyRejected {
            name: "Marie".into(),
            claimed: crate::domain::fingerprint::Fingerprint::of(&[2; 32]),
            kept: crate::domain::fingerprint::Fingerprint::of(&[1; 32]),
        },
        MergeRejection::HeldKeyRejected {
            name: "Marie".into(),
            held: Some(crate::domain::fingerprint::Fingerprint::of(&[1; 32])),
            accepted: crate::domain::fingerprint::Fingerprint::of(&[2; 32]),
        },
        MergeRejection::KeyConflict {
            observer,
            name: "Marie".into(),
            ours: None,
            theirs: crate::domain::fingerprint::Fingerprint::of(&[2; 32]),
        },
        MergeRejection::NotEnrolled {
            observer,
            name: "Ève".into(),
            fingerprint: None,
        },
        MergeRejection::NotEnrolled {
            observer,
            name: "Ève".into(),
            fingerprint: crate::domain::fingerprint::Fingerprint::parse("K7QF-3M2X-9PZA-W4TR-HN6C"),
        },
        MergeRejection::BadStatement {
            observer,
            name: "LÃ©a".into(),
        },
        MergeRejection::KeyChangeNotAccepted {
            observer,
            name: "Léa".into(),
            seq: 7,
            fingerprint: crate::domain::fingerprint::Fingerprint::parse("K7QF-3M2X-9PZA-W4TR-HN6C")
                .unwrap_or_else(|| crate::domain::fingerprint::Fingerprint::of(&[0; 32])),
        },
        MergeRejection::StatementMissing {
            observer,
            name: "LÃ©a".into(),
        },
        MergeRejection::Unkeyed {
            observer,
            name: "Marie".into(),
        },
        MergeRejection::TimeGoesBack {
            observer,
            seq: 3,
            at: chrono::DateTime::from_timestamp(1_497_160_000, 0).unwrap_or_default(),
            previous: chrono::DateTime::from_timestamp(1_497_160_100, 0).unwrap_or_default(),
        },
        MergeRejection::FromTheFuture {
            observer,
            seq: 3,
            at: chrono::DateTime::from_timestamp(1_497_170_000, 0).unwrap_or_default(),
            now: chrono::DateTime::from_timestamp(1_497_160_000, 0).unwrap_or_default(),
        },
        MergeRejection::PhotoMismatch {
            sha256: "ab".repeat(32),
            found: "cd".repeat(32),
        },
        MergeRejection::PhotoTooLarge {
            sha256: "ab".repeat(32),
            size: 30_000_000,
        },
        MergeRejection::TooManyPhotos { count: 3000 },
        // Issue 18 point 1 (night).
        MergeRejection::CopiedDatabase {
            observer,
            name: "Marie".into(),
            seq: 4,
        },
    ]);
    all
}

fn chain_problems() -> Vec<ChainProblem> {
    let mut all: Vec<ChainProblem> = data_problems()
        .into_iter()
        .map(|what| ChainProblem::Invalid {
            path: "x.db".into(),
            what,
        })
        .collect();
    all.extend([
        ChainProblem::Unreadable("string or blob too big".into()),
        ChainProblem::Break(ChainBreak::Gap {
            expected: 2,
            found: 3,
        }),
        ChainProblem::Break(ChainBreak::Mismatch {
            id: "1".into(),
            seq: 2,
        }),
        ChainProblem::HeadMismatch { seq: 4 },
        ChainProblem::NoPublicKey,
        ChainProblem::BadHeadSignature { seq: 4 },
        // Issue 15 (sign).
        ChainProblem::Unsigned {
            events: 6,
            signed: 5,
        },
        ChainProblem::Orphan,
        ChainProblem::BadStatement,
        ChainProblem::StatementMissing,
        ChainProblem::KeyChangeUnproven {
            seq: 7,
            fingerprint: crate::domain::fingerprint::Fingerprint::of(&[0; 32]),
        },
        ChainProblem::KeyChangeBroken { seq: 7 },
        ChainProblem::ReferenceAltered,
        ChainProblem::LocalKeyMissing,
        ChainProblem::TimeGoesBack { seq: 3 },
    ]);
    all
}

fn import_texts() -> Vec<ImportText> {
    let listing = Listing {
        shown: "`Nom`, `Prénom`".into(),
        total: 41,
        more: true,
    };
    vec![
        ImportText::ReadableFile,
        ImportText::AFile,
        ImportText::HeaderAndRows,
        ImportText::FileAtMost { mib: "7".into() },
        ImportText::WorkbookAtMost { mib: "7".into() },
        ImportText::HeaderSeparated,
        ImportText::TextEncodings,
        ImportText::TextOrXlsx,
        ImportText::HeaderNaming,
        ImportText::LinesAtMost { mib: "7".into() },
        ImportText::ReadableRow,
        ImportText::Utf8AsStart,
        ImportText::CandidateBlock,
        ImportText::CandidateAfterHeader,
        ImportText::CandidateListOrResults,
        ImportText::BureauTable,
        ImportText::BureauAfterHeader,
        ImportText::ReadableXlsx,
        ImportText::ReadableSheet { name: "7".into() },
        ImportText::SheetWithHeader,
        ImportText::EachPanelOnce,
        ImportText::EachCandidateOnce,
        ImportText::EachBureauOnce,
        ImportText::TextWithoutControl,
        ImportText::SexFOrM,
        ImportText::PanelNumber,
        ImportText::NuanceCode,
        ImportText::CommuneInsee,
        ImportText::BureauNumberCode,
        ImportText::MachinesYesNo,
        ImportText::BureauCodeWhole,
        ImportText::DepartementNotValue { value: "7".into() },
        ImportText::DepartementCode,
        ImportText::CommuneNumber,
        ImportText::CircNumber { value: "7".into() },
        ImportText::CircWithDepartement,
        ImportText::CircOfLine {
            departement: "7".into(),
        },
        ImportText::Circonscription,
        ImportText::CsvFile,
        ImportText::FileOfNationalList,
        ImportText::FileOfRound { round: 1 },
        ImportText::FileOfOtherRound {
            round: 2,
            sign: crate::import::RoundSign::Name("candidatures-tour-2.csv".into()),
        },
        ImportText::FileOfOtherRound {
            round: 2,
            sign: crate::import::RoundSign::Columns,
        },
        ImportText::ImportThisRoundsList,
        ImportText::FileOfCirconscriptions {
            example: "7501".into(),
        },
        ImportText::DatabaseWrite,
        ImportText::KnownFile,
        ImportText::NoSuchColumn,
        ImportText::NoneOfTheirColumns,
        ImportText::HeaderNoRows,
        ImportText::Nothing,
        ImportText::ResultsByBureau,
        ImportText::TableOfBureaux,
        ImportText::Directory,
        ImportText::EmptyFile,
        ImportText::FileOf {
            mib: "7".into(),
            bytes: "7".into(),
        },
        ImportText::ZipOf { mib: "7".into() },
        ImportText::Sheets { sheets: "7".into() },
        ImportText::LongerLine,
        ImportText::OnlyBlankLines,
        ImportText::XlsxWorkbook,
        ImportText::DownloadFailed,
        ImportText::WellUnder,
        ImportText::WorkbookInMemory,
        ImportText::ExportAsCsv,
        ImportText::NeitherReading,
        ImportText::GiveAsPublished,
        ImportText::NoContent,
        ImportText::NotATable,
        ImportText::MixesEncodings,
        ImportText::CutShort,
        ImportText::LooksLikeResultsByBureau,
        ImportText::LooksLikeBureauTable,
        ImportText::NoPanelNumbers {
            columns: listing.clone(),
        },
        ImportText::NoNameHolds,
        ImportText::NeedsDepartementColumn { names: "7".into() },
        ImportText::ColumnSays {
            column: Column::new(2, "Nom"),
            value: "7".into(),
        },
        ImportText::NoInventPanel,
        ImportText::LooksLikeCandidates,
        ImportText::FileColumns {
            columns: listing.clone(),
        },
        ImportText::DuplicateBureau {
            first: "7".into(),
            code: "7".into(),
            line: "7".into(),
        },
        ImportText::MayMixEncodings,
        ImportText::NotAWorkbook,
        ImportText::NoCandidatesInWorkbook,
        ImportText::DuplicateCandidate {
            at: "7".into(),
            panel: "7".into(),
            circ: "7".into(),
            first: "7".into(),
            line: "7".into(),
        },
        ImportText::DuplicatePanelHere { first: "7".into() },
        ImportText::BureauTablesAreCsv,
        ImportText::EventsTable,
        ImportText::MergeEventsTable,
        ImportText::MachinesTable,
        ImportText::MachinesAfterHeader,
        ImportText::BureauOfThisDatabase,
        ImportText::ImportBureauxFirst,
    ]
}

fn import_errors() -> Vec<ImportError> {
    let path = Path::new("c.csv");
    let mut all = Vec::new();
    let fields = [
        Field::PanelNumber,
        Field::CandidatePanelNumber,
        Field::CandidateSurname,
        Field::CandidateGivenName,
        Field::CandidateSex,
        Field::Surname,
        Field::GivenName,
        Field::Sex,
        Field::Nuance,
        Field::CommuneInsee,
        Field::BureauNumberInCommune,
        Field::BureauNumber,
        Field::Departement,
        Field::Circonscription,
        Field::Commune,
    ];
    for what in fields {
        all.push(ImportError::at(path, 1, what));
        all.push(
            ImportError::at(
                path,
                1,
                Expected::Column {
                    what,
                    accepted: "`Nom`".into(),
                },
            )
            .column("Nom")
            .value(ImportText::NoSuchColumn),
        );
    }
    for text in import_texts() {
        all.push(ImportError::file(path, text.clone()));
        all.push(
            ImportError::at(path, 2, ImportText::ReadableRow)
                .value(text.clone())
                .hint(text),
        );
    }
    for kind in [
        Binary::Png,
        Binary::Pdf,
        Binary::Gzip,
        Binary::Xls,
        Binary::Utf16,
        Binary::Byte { byte: 0, offset: 3 },
    ] {
        all.push(ImportError::file(path, ImportText::TextOrXlsx).value(Found::NotText(kind)));
    }
    for p in system_problems() {
        all.push(ImportError::file(path, ImportText::ReadableFile).value(Found::System(p)));
    }
    all.push(
        ImportError::at(path, 3, ImportText::ReadableRow).value(Found::Csv(
            CsvProblem::UnequalLengths {
                pos: Some((2, 3, 99)),
                found: 2,
                expected: 6,
            },
        )),
    );
    all.extend(
        code_errors()
            .into_iter()
            .map(|c| ImportError::at(path, 2, c).column(Column::new(4, ""))),
    );
    all.push(
        ImportError::at(path, 2, ImportText::PanelNumber).column(Column {
            candidate: Some(2),
            ..Column::new(3, "N°Panneau")
        }),
    );
    all
}

fn errors() -> Vec<Error> {
    let path = PathBuf::from("obs.db");
    let mut all: Vec<Error> = code_errors().into_iter().map(Error::Code).collect();
    all.extend(
        refusals()
            .into_iter()
            .map(|r| Error::Untrusted(path.clone(), r)),
    );
    all.extend(import_errors().into_iter().map(Error::Import));
    for why in [
        TextProblem::Empty,
        TextProblem::TooLong,
        TextProblem::Control,
    ] {
        all.push(Error::BadText {
            field: "--note",
            why,
        });
    }
    for context in [
        IoContext::ReadingInput,
        IoContext::WritingReport,
        IoContext::CreatingFolder,
    ] {
        all.push(Error::Io {
            path: path.clone(),
            context,
            source: io(std::io::ErrorKind::NotFound),
        });
    }
    let storage = |e: StorageError| Error::Storage(e);
    for problem in [
        crate::storage::KeyFileProblem::NoFolder,
        crate::storage::KeyFileProblem::Malformed,
        crate::storage::KeyFileProblem::OtherKey,
        crate::storage::KeyFileProblem::Exists,
        crate::storage::KeyFileProblem::Io("Permission denied".into()),
    ] {
        all.push(storage(StorageError::KeyFile {
            path: path.clone(),
            key_file: Some(PathBuf::from("k.key")),
            problem,
        }));
    }
    all.extend([
        storage(StorageError::NotFound(path.clone())),
        // Issue 15 (sign).
        storage(StorageError::KeyMissing {
            path: path.clone(),
            key_file: PathBuf::from("/home/marie/.local/share/constat/keys/x.key"),
        }),
        storage(StorageError::NoKeyToReplace(path.clone())),
        storage(StorageError::KeyStillHeld(path.clone())),
        storage(StorageError::AlreadyExists(path.clone())),
        storage(StorageError::NotConstat(path.clone())),
        storage(StorageError::NewerSchema {
            path: path.clone(),
            found: 9,
            supported: 2,
        }),
        storage(StorageError::Refused {
            path: path.clone(),
            why: crate::storage::Refusal::InUse,
        }),
    ]);
    for what in data_problems() {
        all.push(storage(StorageError::Invalid {
            path: path.clone(),
            what,
        }));
    }
    for (context, code) in [
        (Doing::SavingEvent, rusqlite::ffi::SQLITE_CONSTRAINT_CHECK),
        (Doing::ReadingEvents, rusqlite::ffi::SQLITE_BUSY),
        (Doing::ReadingEvents, rusqlite::ffi::SQLITE_LOCKED),
        (Doing::ReadingEvents, rusqlite::ffi::SQLITE_CORRUPT),
        (Doing::OpeningDatabase, rusqlite::ffi::SQLITE_CANTOPEN),
        (Doing::SavingEvent, rusqlite::ffi::SQLITE_IOERR),
        (Doing::SavingEvent, rusqlite::ffi::SQLITE_READONLY),
        (Doing::SavingEvent, rusqlite::ffi::SQLITE_FULL),
        (Doing::SavingEvent, rusqlite::ffi::SQLITE_TOOBIG),
        (Doing::SavingEvent, rusqlite::ffi::SQLITE_ERROR),
    ] {
        all.push(storage(StorageError::sqlite(
            &path,
            context,
            sqlite(code, "it failed"),
        )));
    }
    for context in doings() {
        all.push(storage(StorageError::sqlite(
            &path,
            context,
            sqlite(rusqlite::ffi::SQLITE_ERROR, "it failed"),
        )));
    }
    all.extend([
        Error::UnknownSample {
            name: "x".into(),
            known: vec!["paris-1-2017"],
        },
        Error::UnknownCirconscription {
            code: "9999".into(),
            known: vec!["7501".into()],
        },
        Error::UnknownCandidate {
            circ: "7501".into(),
            panel: "40".into(),
            known: vec!["1".into()],
        },
        Error::UnknownBureau {
            code: "x".into(),
            circ: "7501".into(),
            known: vec![],
        },
        Error::BureauRequired {
            circ: "7501".into(),
            known: vec![],
        },
        Error::BadElection("x".into()),
        Error::BureauWithoutCirconscription("75056_0911".into()),
        Error::ExportOverDatabase(path.clone()),
        Error::MergeAborted(path.clone()),
        Error::WatchNotAFolder(path.clone()),
        Error::WatchSignals(crate::storage::SystemProblem::said("x".into())),
        Error::MergeTargetFailed {
            target: path.clone(),
            file: path.clone(),
            why: crate::storage::MergeRejection::Storage(crate::storage::SystemProblem::said(
                "disk full".into(),
            )),
            merged: 2,
            left: 1,
            strict: false,
        },
        Error::VerifyFailed(path.clone()),
        Error::EvidenceFolderNotEmpty(path.clone()),
        Error::ExportFolderMissing(path.clone()),
        Error::EmptyReferential,
        Error::NoVoters,
        Error::SeenAtWithoutDay,
        Error::NoSuchBureau("75056_9999".into()),
        Error::SeenAtNonexistent("26 mars 2017, 2 h 30".into()),
        Error::SeenAtInFuture("3 décembre 2027, 10 h 00".into()),
        Error::ProclamationNeeded {
            kind: crate::domain::ElectionKind::Legislatives,
        },
        Error::PvNotObserved {
            bureau: "75056_0911".into(),
            observer: "Coordination".into(),
            observers: vec!["Alice".into(), "Bob".into()],
        },
        Error::UnknownObserver {
            name: "Carol".into(),
            known: vec!["Alice".into()],
        },
        Error::BadQualite("maire".into()),
        Error::NoSuchRound {
            kind: crate::domain::ElectionKind::Europeennes,
            round: 2,
        },
        Error::ProclamationBeforeVote {
            proclamation: chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap(),
            vote: chrono::NaiveDate::from_ymd_opt(2024, 6, 9).unwrap(),
        },
        Error::ArrivalWithoutEnvelope,
        Error::NoEnvelopeReceived,
        Error::TooManyVoters { max: 99 },
        Error::TooManyEnvelopes { max: 999 },
        Error::MoreEnvelopesThanVoters {
            voters: 4,
            received: 9,
        },
        Error::EnvelopeOnBureau,
        Error::EnvelopeBeyondCount {
            number: 3,
            limit: 1,
        },
        Error::NoTerminal(io(std::io::ErrorKind::Other)),
        Error::Terminal(io(std::io::ErrorKind::Other)),
        Error::NoDataDir,
        Error::EvidenceWithoutKey(path.clone()),
        Error::PvReferenceMalformed("42 / 1a2b".into()),
        Error::BureauBeforeImport("75056_0911".into()),
        Error::BureauNotInReference {
            code: "75056_9999".into(),
            known: vec!["75056_0911".into()],
        },
        Error::PvFolderNotEmpty("pv".into()),
        Error::NoSuchNonReceipt("x".into()),
        Error::PhotoCellNeedsBoth,
    ]);
    {
        use crate::app::photos::PhotoRefusal;
        for why in [
            PhotoRefusal::NotAFile,
            PhotoRefusal::Unreadable(SystemProblem::said("x".into())),
            PhotoRefusal::TooLarge { size: 30_000_000 },
            PhotoRefusal::NotAnImage,
            PhotoRefusal::Damaged,
        ] {
            all.push(Error::PhotoRefused {
                path: path.clone(),
                why,
            });
        }
    }
    // The output guard and the roster (issue 15 points 2 and 7).
    use crate::app::output::OutputRefusal;
    use crate::error::RosterProblem;
    all.extend(
        [
            OutputRefusal::DatabaseInUse {
                path: path.clone(),
                database: path.clone(),
            },
            OutputRefusal::ConstatDatabase(path.clone()),
            OutputRefusal::SqliteDatabase(path.clone()),
            OutputRefusal::Exists(path.clone()),
            OutputRefusal::NotAFolder(path.clone()),
        ]
        .into_iter()
        .chain(
            system_problems()
                .into_iter()
                .map(|why| OutputRefusal::Unreadable {
                    path: path.clone(),
                    why,
                }),
        )
        .map(Error::Output),
    );
    all.push(Error::BadFingerprint {
        field: "--accept-key",
        typed: "K7QF".into(),
    });
    for (n, why) in [
        RosterProblem::FieldCount(1),
        RosterProblem::FieldCount(3),
        RosterProblem::Name(TextProblem::Empty),
        RosterProblem::Name(TextProblem::TooLong),
        RosterProblem::Name(TextProblem::Control),
        RosterProblem::Fingerprint("K7QF".into()),
        RosterProblem::Duplicate {
            line: 2,
            name: "Marie".into(),
        },
        RosterProblem::Unreadable("CSV error: record 2".into()),
    ]
    .into_iter()
    .enumerate()
    {
        all.push(Error::RosterLine {
            path: path.clone(),
            line: n + 1,
            field: "fingerprint",
            why,
        });
    }
    all
}

#[test]
fn every_reason_error_warning_and_hint_says_itself_in_french_without_english() {
    for e in errors() {
        check(&format!("{e:?}"), &e);
    }
    for r in rejections() {
        check(&format!("{r:?}"), &r);
    }
    for p in chain_problems() {
        check(&format!("{p:?}"), &p);
    }
    for r in row_errors() {
        check(&format!("{r:?}"), &r);
    }
    for p in [
        FolderProblem::NotManifestLine,
        FolderProblem::OutsideFolder,
        FolderProblem::DigestDiffers {
            listed: "ab".repeat(32),
            found: "cd".repeat(32),
        },
        FolderProblem::NotListed,
        FolderProblem::EmptyFolder,
        FolderProblem::ManifestMissing,
        FolderProblem::EmptyManifest,
        FolderProblem::ListedButMissing,
        FolderProblem::NoEventsCsv,
        FolderProblem::PartMissing,
        FolderProblem::SignatureMissing,
        FolderProblem::SignatureMalformed { line: 3 },
        FolderProblem::SignatureInvalid,
        FolderProblem::SignerKeyDiffers,
        FolderProblem::SignaturesMissing,
        FolderProblem::SignaturesMalformed { line: 2 },
        FolderProblem::ChainDigestDiffers {
            written: "ab".repeat(32),
            recomputed: "cd".repeat(32),
        },
        FolderProblem::ChainDigestMissing,
        FolderProblem::ObservationDiffers {
            line: 4,
            column: "value",
        },
        FolderProblem::ObservationDiffers {
            line: 0,
            column: "id",
        },
        FolderProblem::PhotoDiffersFromEvent {
            event: "0190f0e4-0000-7000-8000-000000000001".into(),
            announced: "ab".repeat(32),
            found: "cd".repeat(32),
        },
    ]
    .into_iter()
    .chain(system_problems().into_iter().map(FolderProblem::Unreadable))
    {
        check(&format!("{p:?}"), &p);
    }
    use crate::app::folder_check::{PvDifference, SealProblem};
    for p in [
        SealProblem::Orphan { events: 3 },
        SealProblem::NotSigned { events: 1 },
        SealProblem::SignedUpTo {
            signed: 5,
            events: 6,
        },
        SealProblem::HeadBeyondChain {
            signed: 6,
            events: 5,
        },
        SealProblem::HeadDiffers { seq: 4 },
        SealProblem::BadSignature { seq: 4 },
        SealProblem::NameDiffers {
            in_events: "LÃ©a Bernard".into(),
            in_signatures: "Léa Bernard".into(),
        },
        SealProblem::BadStatement,
        SealProblem::StatementMissing,
        SealProblem::OtherKey { seq: 4 },
        SealProblem::BadEventSignature { seq: 4 },
        SealProblem::KeyChangeUnproven {
            seq: 4,
            fingerprint: crate::domain::fingerprint::Fingerprint::of(&[0; 32]),
        },
        SealProblem::KeyChangeBroken { seq: 4 },
    ] {
        check(&format!("{p:?}"), &p);
    }
    for p in [
        PvDifference::NoSuchKey,
        PvDifference::ChainShorter {
            name: "Marie".into(),
            events: 3,
        },
        PvDifference::HashDiffers {
            name: "Marie".into(),
            found: "0123456789abcdef".into(),
        },
        PvDifference::NotIntact(Box::new(crate::app::evidence::Verdict {
            subject: crate::app::evidence::Subject::File("events.csv".into()),
            broken: Some(crate::app::evidence::Broken::Folder(
                FolderProblem::SignatureInvalid,
            )),
        })),
    ] {
        check(&format!("{p:?}"), &p);
    }
    let w = MergeWarning::LeftoverWal("obs.db-wal".into());
    check("wal", &w);
}

#[test]
fn each_thing_constat_does_with_sqlite_is_its_own_phrase_in_both_languages() {
    for lang in [Lang::Fr, Lang::En] {
        let mut seen = std::collections::HashSet::new();
        for d in doings() {
            let text = d.text(lang);
            assert!(seen.insert(text.clone()), "{d:?}: said twice: {text}");
            if lang == Lang::Fr {
                assert!(text.starts_with("en "), "{d:?}: {text}");
            }
        }
    }
}

#[test]
fn a_storage_failure_is_said_in_french_with_sqlite_s_words_as_a_detail() {
    let path = Path::new("obs.db");
    let sqlite = |code: i32, text: &str| {
        Error::Storage(StorageError::sqlite(
            path,
            Doing::SavingEvent,
            sqlite(code, text),
        ))
    };
    let constraint = sqlite(
        rusqlite::ffi::SQLITE_CONSTRAINT_CHECK,
        "CHECK constraint failed: envelope",
    )
    .message(Lang::Fr);
    assert_eq!(
        constraint,
        "obs.db : échec en écrivant l'événement : une contrainte de la base refuse cette donnée ; rien n'a été enregistré (détail SQLite : CHECK constraint failed: envelope)"
    );
    let busy = sqlite(rusqlite::ffi::SQLITE_BUSY, "database is locked").message(Lang::Fr);
    assert!(busy.contains("occupée par un autre constat"), "{busy}");
    let full = sqlite(rusqlite::ffi::SQLITE_FULL, "database or disk is full").message(Lang::Fr);
    assert_eq!(
        full,
        "disque plein en écrivant l'événement : libérez de la place et recommencez ; rien n'a été écrit à moitié (détail SQLite : database or disk is full)"
    );
    let en = sqlite(rusqlite::ffi::SQLITE_FULL, "database or disk is full").message(Lang::En);
    assert_eq!(
        en,
        "obs.db: saving the event: database or disk is full (the disk is full: free some space and try again; nothing was half-written)"
    );
    let invalid = Error::Storage(StorageError::Invalid {
        path: path.to_owned(),
        what: DataProblem::Event {
            id: "x".into(),
            problem: RowProblem::EnvelopeOutOfRange(1000),
        },
    })
    .message(Lang::Fr);
    assert_eq!(
        invalid,
        "obs.db : donnée incohérente : événement x : le numéro d'enveloppe 1000 est hors limites"
    );
}

#[test]
fn english_texts_are_the_ones_constat_always_wrote() {
    let e = ImportError::file(
        Path::new("big.csv"),
        ImportText::FileAtMost {
            mib: "100.0".into(),
        },
    )
    .value(ImportText::FileOf {
        mib: "120.0".into(),
        bytes: "125829120".into(),
    })
    .hint(ImportText::WellUnder);
    assert_eq!(
        e.to_string(),
        "big.csv: found `a file of 120.0 MiB (125829120 bytes)`, expected a file of at most 100.0 MiB (hint: official candidate lists and bureau tables are well under 100 MiB: is this the right file?)"
    );
    assert_eq!(
        e.text(Lang::Fr),
        "big.csv : trouvé « un fichier de 120.0 Mio (125829120 octets) », attendu : un fichier d'au plus 100.0 Mio (conseil : les listes officielles de candidats et les tables de bureaux font bien moins de 100 Mio : est-ce le bon fichier ?)"
    );
    let row = RowError {
        line: 2,
        column: "row",
        why: RowWhy::Csv(CsvProblem::UnequalLengths {
            pos: Some((1, 2, 135)),
            found: 2,
            expected: 18,
        }),
    };
    assert_eq!(
        row.to_string(),
        "line 2, column `row`: CSV error: record 1 (line: 2, byte: 135): found record with 2 fields, but the previous record has 18 fields"
    );
    assert_eq!(
        row.text(Lang::Fr),
        "ligne 2, colonne « row » : erreur CSV : enregistrement 1 (ligne 2, octet 135) : 2 champs trouvés, alors que l'enregistrement précédent en a 18 : une ligne a perdu ou gagné un séparateur"
    );
    let schema = Refusal::Schema(SchemaProblem::Foreign {
        kind: "trigger".into(),
        name: "evil".into(),
    });
    assert_eq!(
        schema.text(Lang::Fr),
        "structure de base inattendue : le déclencheur « evil » n'est pas celui de constat"
    );
    assert_eq!(
        schema.to_string(),
        "unexpected database structure: trigger `evil` is not constat's"
    );
}

#[test]
fn a_value_that_looks_like_a_reason_many_times_over_is_cut_not_recursed() {
    let evil = format!("event 1234: {} is missing", "event a: ".repeat(20_000));
    let start = std::time::Instant::now();
    let r = MergeRejection::Invalid(DataProblem::Event {
        id: "1234".into(),
        problem: RowProblem::UnknownValue(evil),
    });
    for lang in [Lang::Fr, Lang::En] {
        let text = r.text(lang);
        assert!(text.contains("event a: event a: "), "{text}");
        assert!(text.contains('…'), "{text}");
        assert!(text.chars().count() < 1_000, "{}", text.len());
    }
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
}

#[test]
fn a_value_holding_a_placeholder_or_a_message_id_is_shown_as_it_is() {
    for value in ["{$x} {1} { $id }", "refusal-not-constat", "{ -term }"] {
        let r = MergeRejection::Invalid(DataProblem::ObserverId(value.into()));
        for lang in [Lang::Fr, Lang::En] {
            let text = r.text(lang);
            assert!(text.contains(value), "{text}");
        }
        let e = Error::Import(
            ImportError::at(Path::new("c.csv"), 2, ImportText::PanelNumber)
                .column(value)
                .value(value),
        );
        let text = e.message(Lang::Fr);
        assert_eq!(text.matches(value).count(), 2, "{text}");
    }
}
