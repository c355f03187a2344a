//! Import errors: the file, the line, the column by its header name, the value found, what was
//! expected, and a hint.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::domain::CodeError;
use crate::export::events_csv::CsvProblem;
use crate::i18n::{Lang, Localize, Message, cut};
use crate::system::SystemProblem;

/// Why a file was not imported. Nothing of the file was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The file.
    pub file: PathBuf,
    /// The line (from 1, header included), when the problem is on one line.
    pub line: Option<u64>,
    /// The column, by its header name.
    pub column: Option<Column>,
    /// The value found.
    pub value: Option<Box<Found>>,
    /// What was expected.
    pub expected: Box<Expected>,
    /// How to fix it.
    pub hint: Option<Box<ImportText>>,
}

/// A column of the file: its header name (or its number when the header leaves it unnamed), and
/// which candidate of the line it belongs to in a file with one block of columns per candidate
/// (from the second on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The header's name, as in the file; `None` when the header leaves the column unnamed.
    pub name: Option<String>,
    /// The column's number, from 1.
    pub number: usize,
    /// The candidate's place on the line, from 2.
    pub candidate: Option<usize>,
}

impl Column {
    /// Column `i` (from 0) named `name` in the header (unnamed when blank).
    pub fn new(i: usize, name: &str) -> Self {
        let name = name.trim();
        Self {
            name: (!name.is_empty()).then(|| name.to_owned()),
            number: i + 1,
            candidate: None,
        }
    }
}

impl From<&str> for Column {
    fn from(name: &str) -> Self {
        Self::new(0, name)
    }
}

/// The value found: the file's own text (shown as it is), or constat's description of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Text of the file, or a message of the system or a library, shown as it is.
    Text(String),
    /// constat's description (`nothing`, `a directory`…).
    Said(ImportText),
    /// What is not text in a file that should be.
    NotText(Binary),
    /// What the CSV reader said of a row.
    Csv(CsvProblem),
    /// What the system said of the file.
    System(SystemProblem),
}

impl From<&str> for Found {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

impl From<String> for Found {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

impl From<ImportText> for Found {
    fn from(t: ImportText) -> Self {
        Self::Said(t)
    }
}

/// What a file holds instead of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binary {
    /// A PNG image.
    Png,
    /// A PDF document.
    Pdf,
    /// A gzip archive.
    Gzip,
    /// An Excel 97-2003 workbook.
    Xls,
    /// UTF-16 text.
    Utf16,
    /// A control byte at an offset.
    Byte {
        /// The byte.
        byte: u8,
        /// Where.
        offset: usize,
    },
}

/// What was expected: constat's description, or a code's own message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// constat's description.
    Said(ImportText),
    /// A column for a field, by one of its names.
    Column {
        /// The field.
        what: Field,
        /// The names accepted, quoted.
        accepted: String,
    },
    /// A field, by what it is.
    Field(Field),
    /// A well-formed code (the code's own message says what).
    Code(CodeError),
}

impl From<ImportText> for Expected {
    fn from(t: ImportText) -> Self {
        Self::Said(t)
    }
}

impl From<Field> for Expected {
    fn from(f: Field) -> Self {
        Self::Field(f)
    }
}

impl From<CodeError> for Expected {
    fn from(e: CodeError) -> Self {
        Self::Code(e)
    }
}

/// A field that an import reads from a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The panel number.
    PanelNumber,
    /// The candidate's panel number.
    CandidatePanelNumber,
    /// The candidate's surname.
    CandidateSurname,
    /// The candidate's given name.
    CandidateGivenName,
    /// The candidate's sex.
    CandidateSex,
    /// The surname.
    Surname,
    /// The given name.
    GivenName,
    /// The sex.
    Sex,
    /// The nuance.
    Nuance,
    /// The commune's INSEE code.
    CommuneInsee,
    /// The bureau's number in its commune.
    BureauNumberInCommune,
    /// The bureau's number.
    BureauNumber,
    /// The département.
    Departement,
    /// The circonscription.
    Circonscription,
    /// The commune.
    Commune,
}

impl Localize for Field {
    fn message(&self) -> Message<'_> {
        match self {
            Self::PanelNumber => Message::new("import-field-panel-number"),
            Self::CandidatePanelNumber => Message::new("import-field-candidate-panel-number"),
            Self::CandidateSurname => Message::new("import-field-candidate-surname"),
            Self::CandidateGivenName => Message::new("import-field-candidate-given-name"),
            Self::CandidateSex => Message::new("import-field-candidate-sex"),
            Self::Surname => Message::new("import-field-surname"),
            Self::GivenName => Message::new("import-field-given-name"),
            Self::Sex => Message::new("import-field-sex"),
            Self::Nuance => Message::new("import-field-nuance"),
            Self::CommuneInsee => Message::new("import-field-commune-insee"),
            Self::BureauNumberInCommune => Message::new("import-field-bureau-number-in-commune"),
            Self::BureauNumber => Message::new("import-field-bureau-number"),
            Self::Departement => Message::new("import-field-departement"),
            Self::Circonscription => Message::new("import-field-circonscription"),
            Self::Commune => Message::new("import-field-commune"),
        }
    }
}

/// constat's own words in an import error: what was expected, a value described, a hint.
/// Values in fields are the file's or constat's numbers, shown as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportText {
    /// “a file that can be read”.
    ReadableFile,
    /// “a file”.
    AFile,
    /// “a file with a header line and rows”.
    HeaderAndRows,
    /// “a file of at most {mib} MiB”.
    FileAtMost {
        #[allow(missing_docs)]
        mib: String,
    },
    /// “a workbook of at most {mib} MiB”.
    WorkbookAtMost {
        #[allow(missing_docs)]
        mib: String,
    },
    /// “a header line with columns separated by `;`, tab or `,`”.
    HeaderSeparated,
    /// “text in UTF-8, Windows-1252 (Latin-1) or CP850”.
    TextEncodings,
    /// “a text file (CSV) or an .xlsx workbook”.
    TextOrXlsx,
    /// “a header line naming the columns”.
    HeaderNaming,
    /// “lines of at most {mib} MiB”.
    LinesAtMost {
        #[allow(missing_docs)]
        mib: String,
    },
    /// “a readable row”.
    ReadableRow,
    /// “UTF-8 text, as the start of the file is”.
    Utf8AsStart,
    /// “at least one candidate block after the circonscription's columns”.
    CandidateBlock,
    /// “at least one candidate after the header”.
    CandidateAfterHeader,
    /// “a candidate list or results by circonscription”.
    CandidateListOrResults,
    /// “a bureau table: INSEE's REU table (`id_brut_reu`, `code_commune`, `code`, `libelle_reu`, …), Etalab's (`codeCommune`, `numeroBureauVote`, `codeCirconscription`, …) or the 2017 results by bureau (`Code du département`, …, `Code du b.vote`)”.
    BureauTable,
    /// “at least one bureau after the header”.
    BureauAfterHeader,
    /// “a readable .xlsx workbook”.
    ReadableXlsx,
    /// “a readable sheet `{name}`”.
    ReadableSheet {
        #[allow(missing_docs)]
        name: String,
    },
    /// “a sheet with a header naming the circonscription and the panel numbers (as `Circo. leg. T1`)”.
    SheetWithHeader,
    /// “each panel number once per circonscription”.
    EachPanelOnce,
    /// “each candidate once per circonscription”.
    EachCandidateOnce,
    /// “each bureau once”.
    EachBureauOnce,
    /// “text without control characters”.
    TextWithoutControl,
    /// “the candidate's sex: `F` or `M` (also `Mme` or `M.`)”.
    SexFOrM,
    /// “a panel number: a whole number from 1 to 999”.
    PanelNumber,
    /// “a nuance code (letters, as `REM`, `DVD`), or nothing”.
    NuanceCode,
    /// “an INSEE commune code of 5 characters (75056, 2A004)”.
    CommuneInsee,
    /// “a bureau number (0001, 0911; letters and digits only)”.
    BureauNumberCode,
    /// A voting-machines column's value: yes or no.
    MachinesYesNo,
    /// “a bureau code: the commune's INSEE code, `_`, the bureau number (75056_0911)”.
    BureauCodeWhole,
    /// “a département code (01–95, 2A, 2B, 971–988, ZA–ZZ); `{value}` is none”.
    DepartementNotValue {
        #[allow(missing_docs)]
        value: String,
    },
    /// “a département code (01–95, 2A, 2B, 971–988, ZA–ZZ)”.
    DepartementCode,
    /// “the commune's number in its département (056), or its INSEE code”.
    CommuneNumber,
    /// “a circonscription number from 01 to 99 after the département, not `{value}`”.
    CircNumber {
        #[allow(missing_docs)]
        value: String,
    },
    /// “a circonscription code with its département (7501), or a département column beside the number”.
    CircWithDepartement,
    /// “a circonscription of the département of the line (`{departement}`)”.
    CircOfLine {
        #[allow(missing_docs)]
        departement: String,
    },
    /// “a circonscription: the département then 2 digits (7501, 2A01, 97101, ZZ01), or its number beside a département column”.
    Circonscription,
    /// “a CSV file”.
    CsvFile,
    /// “a file of this database's election (`{kind} {year}`)”.
    FileOfElection {
        #[allow(missing_docs)]
        kind: crate::domain::ElectionKind,
        #[allow(missing_docs)]
        year: u16,
    },
    /// “a file of the `{year}` législatives (`{format}`)”.
    FileOfLegislatives {
        #[allow(missing_docs)]
        year: u16,
        #[allow(missing_docs)]
        format: super::FileFormat,
    },
    /// How to import the right election's list.
    ImportThisElectionsList,
    /// “a list that keeps the candidates already observed (same names at the same panel
    /// numbers)”.
    KeepsObservedCandidates,
    /// “`{count}` candidates already observed would be renamed or withdrawn, e.g. `{example}`”.
    ObservedCandidatesChanged {
        #[allow(missing_docs)]
        count: usize,
        #[allow(missing_docs)]
        example: String,
    },
    /// How to go on when the official list really changed: `--accept-renames`.
    AcceptRenamesHint,
    /// “a file of this database's round (`{round}`)”.
    FileOfRound {
        #[allow(missing_docs)]
        round: u8,
    },
    /// “a file of round `{round}` (its name says so / its columns are that round's list's)”.
    FileOfOtherRound {
        #[allow(missing_docs)]
        round: u8,
        #[allow(missing_docs)]
        sign: super::RoundSign,
    },
    /// How to import the right round's list.
    ImportThisRoundsList,
    /// “the présidentielle's national list (a single national circonscription)”.
    FileOfNationalList,
    /// “a list by circonscription (`{example}`…)”.
    FileOfCirconscriptions {
        #[allow(missing_docs)]
        example: String,
    },
    /// “a database write that succeeds”.
    DatabaseWrite,
    /// “a file constat knows how to import”.
    KnownFile,
    /// “no such column”.
    NoSuchColumn,
    /// “none of their columns”.
    NoneOfTheirColumns,
    /// “a header and no rows”.
    HeaderNoRows,
    /// “nothing”.
    Nothing,
    /// “results by bureau de vote (one line per bureau)”.
    ResultsByBureau,
    /// “a table of bureaux de vote”.
    TableOfBureaux,
    /// “a directory”.
    Directory,
    /// “an empty file (0 bytes)”.
    EmptyFile,
    /// “a file of {mib} MiB ({bytes} bytes)”.
    FileOf {
        #[allow(missing_docs)]
        mib: String,
        #[allow(missing_docs)]
        bytes: String,
    },
    /// “a zip archive of {mib} MiB”.
    ZipOf {
        #[allow(missing_docs)]
        mib: String,
    },
    /// “sheets {sheets}”.
    Sheets {
        #[allow(missing_docs)]
        sheets: String,
    },
    /// “a longer line”.
    LongerLine,
    /// “only blank lines”.
    OnlyBlankLines,
    /// “an .xlsx workbook”.
    XlsxWorkbook,
    /// “the download probably failed: fetch the file again”.
    DownloadFailed,
    /// “official candidate lists and bureau tables are well under 100 MiB: is this the right file?”.
    WellUnder,
    /// “a workbook is read whole into memory; export the sheet as CSV instead”.
    WorkbookInMemory,
    /// “export the table as CSV”.
    ExportAsCsv,
    /// “neither reading looks like French text; open the file and save it as UTF-8”.
    NeitherReading,
    /// “give the ministry's, INSEE's or Etalab's file as published; a spreadsheet can be exported as CSV (UTF-8)”.
    GiveAsPublished,
    /// “the file has no content: download it again”.
    NoContent,
    /// “this is not a table of candidates or bureaux, or its line ends are lost”.
    NotATable,
    /// “the file mixes encodings: open it and save it again as UTF-8”.
    MixesEncodings,
    /// “the file is probably cut short: download it again”.
    CutShort,
    /// “this looks like the results by bureau: each candidate would come once per bureau. Import the candidate list or the results by circonscription; this file's bureaux can be imported with `constat import bureaux`”.
    LooksLikeResultsByBureau,
    /// “this looks like the bureau table, not the candidate list: import it with `constat import bureaux`”.
    LooksLikeBureauTable,
    /// “this file names candidates but gives no panel numbers, and constat does not invent them: import the ministry's candidate list or its results by circonscription (the file's columns are {columns})”.
    NoPanelNumbers {
        #[allow(missing_docs)]
        columns: Listing,
    },
    /// “no name holds such a character: the file may mix encodings; save it again as UTF-8”.
    NoNameHolds,
    /// “the file gives circonscription numbers, which need a département column named one of {names}”.
    NeedsDepartementColumn {
        #[allow(missing_docs)]
        names: String,
    },
    /// “column `{column}` says `{value}`”.
    ColumnSays {
        #[allow(missing_docs)]
        column: Column,
        #[allow(missing_docs)]
        value: String,
    },
    /// “constat does not invent panel numbers: import a file that gives them (the candidate list)”.
    NoInventPanel,
    /// “this looks like a candidate list or results by circonscription, not the bureau table: import it with `constat import candidates`”.
    LooksLikeCandidates,
    /// “the file's columns are {columns}”.
    FileColumns {
        #[allow(missing_docs)]
        columns: Listing,
    },
    /// “line {first} already has bureau {code}: lines {first} and {line} give the same bureau”.
    DuplicateBureau {
        #[allow(missing_docs)]
        first: String,
        #[allow(missing_docs)]
        code: String,
        #[allow(missing_docs)]
        line: String,
    },
    /// “the file may mix encodings; save it again as UTF-8”.
    MayMixEncodings,
    /// “the file is a zip archive but not a workbook constat can read: if it is an archive, extract the CSV file first”.
    NotAWorkbook,
    /// “this workbook holds no candidates by circonscription”.
    NoCandidatesInWorkbook,
    /// “line {at} already has candidate n° {panel} in circonscription {circ}: lines {first} and {line} give the same candidate number”.
    DuplicateCandidate {
        #[allow(missing_docs)]
        at: String,
        #[allow(missing_docs)]
        panel: String,
        #[allow(missing_docs)]
        circ: String,
        #[allow(missing_docs)]
        first: String,
        #[allow(missing_docs)]
        line: String,
    },
    /// “line {first} already has this circonscription and panel number”.
    DuplicatePanelHere {
        #[allow(missing_docs)]
        first: String,
    },
    /// “bureau tables are published as CSV: export the sheet as CSV (UTF-8)”.
    BureauTablesAreCsv,
    /// “a table of constat events (`constat export csv`), its columns in their place or not”.
    EventsTable,
    /// “a table of events is merged, not imported: `constat merge --into …`, as exported”.
    MergeEventsTable,
    /// “a workbook whose parts unpack to at most {mib} MiB in all, in at most {entries} parts,
    /// none packed more than {ratio} times”.
    UnpackedAtMost {
        #[allow(missing_docs)]
        mib: String,
        #[allow(missing_docs)]
        entries: String,
        #[allow(missing_docs)]
        ratio: String,
    },
    /// “{count} parts”.
    PartsCount {
        #[allow(missing_docs)]
        count: String,
    },
    /// “{part}, which brings the parts to {mib} MiB unpacked as declared”.
    PartsDeclare {
        #[allow(missing_docs)]
        part: String,
        #[allow(missing_docs)]
        mib: String,
    },
    /// “{part}, packed {ratio} times”.
    PartRatio {
        #[allow(missing_docs)]
        part: String,
        #[allow(missing_docs)]
        ratio: String,
    },
    /// “{part}, which brings the parts past {mib} MiB unpacked, more than declared”.
    PartUnpacksPast {
        #[allow(missing_docs)]
        part: String,
        #[allow(missing_docs)]
        mib: String,
    },
    /// “an official workbook unpacks to a few MiB: this file is damaged or built to exhaust
    /// memory (a zip bomb); fetch it again from the official site, or export the sheet as CSV”.
    ZipBomb,
    /// “a workbook whose sheets span at most {cells} cells (rows × columns)”.
    SheetAtMost {
        #[allow(missing_docs)]
        cells: String,
    },
    /// “{part}, which reaches row {rows} and column {columns}”.
    SheetSpans {
        #[allow(missing_docs)]
        part: String,
        #[allow(missing_docs)]
        rows: String,
        #[allow(missing_docs)]
        columns: String,
    }, // --- coordination (issue 18 point 7): `constat machines --from FILE` ---
    /// “a table of machine bureaux: a bureau code column and a yes/no column”.
    MachinesTable,
    /// “at least one bureau with a yes or a no after the header”.
    MachinesAfterHeader,
    /// “a bureau of this database, in a circonscription”.
    BureauOfThisDatabase,
    /// “import the table of bureaux first, or correct the code”.
    ImportBureauxFirst,
}

impl Localize for ImportText {
    fn message(&self) -> Message<'_> {
        match self {
            Self::ReadableFile => Message::new("import-readable-file"),
            Self::AFile => Message::new("import-a-file"),
            Self::HeaderAndRows => Message::new("import-header-and-rows"),
            Self::FileAtMost { mib } => Message::new("import-file-at-most").arg("mib", mib),
            Self::WorkbookAtMost { mib } => Message::new("import-workbook-at-most").arg("mib", mib),
            Self::HeaderSeparated => Message::new("import-header-separated"),
            Self::TextEncodings => Message::new("import-text-encodings"),
            Self::TextOrXlsx => Message::new("import-text-or-xlsx"),
            Self::HeaderNaming => Message::new("import-header-naming"),
            Self::LinesAtMost { mib } => Message::new("import-lines-at-most").arg("mib", mib),
            Self::ReadableRow => Message::new("import-readable-row"),
            Self::Utf8AsStart => Message::new("import-utf8-as-start"),
            Self::CandidateBlock => Message::new("import-candidate-block"),
            Self::CandidateAfterHeader => Message::new("import-candidate-after-header"),
            Self::CandidateListOrResults => Message::new("import-candidate-list-or-results"),
            Self::BureauTable => Message::new("import-bureau-table"),
            Self::BureauAfterHeader => Message::new("import-bureau-after-header"),
            Self::ReadableXlsx => Message::new("import-readable-xlsx"),
            Self::ReadableSheet { name } => {
                Message::new("import-readable-sheet").arg("name", cut(name))
            }
            Self::SheetWithHeader => Message::new("import-sheet-with-header"),
            Self::EachPanelOnce => Message::new("import-each-panel-once"),
            Self::EachCandidateOnce => Message::new("import-each-candidate-once"),
            Self::EachBureauOnce => Message::new("import-each-bureau-once"),
            Self::TextWithoutControl => Message::new("import-text-without-control"),
            Self::SexFOrM => Message::new("import-sex-f-or-m"),
            Self::PanelNumber => Message::new("import-panel-number"),
            Self::NuanceCode => Message::new("import-nuance-code"),
            Self::CommuneInsee => Message::new("import-commune-insee"),
            Self::BureauNumberCode => Message::new("import-bureau-number-code"),
            Self::MachinesYesNo => Message::new("import-machines-yes-no"),
            Self::BureauCodeWhole => Message::new("import-bureau-code-whole"),
            Self::DepartementNotValue { value } => {
                Message::new("import-departement-not-value").arg("value", cut(value))
            }
            Self::DepartementCode => Message::new("import-departement-code"),
            Self::CommuneNumber => Message::new("import-commune-number"),
            Self::CircNumber { value } => {
                Message::new("import-circ-number").arg("value", cut(value))
            }
            Self::CircWithDepartement => Message::new("import-circ-with-departement"),
            Self::CircOfLine { departement } => {
                Message::new("import-circ-of-line").arg("departement", cut(departement))
            }
            Self::Circonscription => Message::new("import-circonscription"),
            Self::CsvFile => Message::new("import-csv-file"),
            Self::FileOfElection { kind, year } => Message::new("import-file-of-election")
                .arg("kind", kind)
                .arg("year", year.to_string()),
            Self::FileOfLegislatives { year, format } => {
                Message::new("import-file-of-legislatives")
                    .arg("year", year.to_string())
                    .arg("format", format)
            }
            Self::ImportThisElectionsList => Message::new("import-this-elections-list"),
            Self::KeepsObservedCandidates => Message::new("import-keeps-observed-candidates"),
            Self::ObservedCandidatesChanged { count, example } => {
                Message::new("import-observed-candidates-changed")
                    .arg("count", *count)
                    .arg("example", cut(example))
            }
            Self::AcceptRenamesHint => Message::new("import-accept-renames-hint"),
            Self::FileOfRound { round } => {
                Message::new("import-file-of-round").arg("round", u64::from(*round))
            }
            Self::FileOfOtherRound { round, sign } => match sign {
                super::RoundSign::Name(name) => Message::new("import-file-of-round-by-name")
                    .arg("round", u64::from(*round))
                    .arg("name", cut(name)),
                super::RoundSign::Columns => {
                    Message::new("import-file-of-round-by-columns").arg("round", u64::from(*round))
                }
            },
            Self::ImportThisRoundsList => Message::new("import-this-rounds-list"),
            Self::FileOfNationalList => Message::new("import-file-of-national-list"),
            Self::FileOfCirconscriptions { example } => {
                Message::new("import-file-of-circonscriptions").arg("example", cut(example))
            }
            Self::DatabaseWrite => Message::new("import-database-write"),
            Self::KnownFile => Message::new("import-known-file"),
            Self::NoSuchColumn => Message::new("import-no-such-column"),
            Self::NoneOfTheirColumns => Message::new("import-none-of-their-columns"),
            Self::HeaderNoRows => Message::new("import-header-no-rows"),
            Self::Nothing => Message::new("import-nothing"),
            Self::ResultsByBureau => Message::new("import-results-by-bureau"),
            Self::TableOfBureaux => Message::new("import-table-of-bureaux"),
            Self::Directory => Message::new("import-directory"),
            Self::EmptyFile => Message::new("import-empty-file"),
            Self::FileOf { mib, bytes } => Message::new("import-file-of")
                .arg("mib", mib)
                .arg("bytes", bytes),
            Self::ZipOf { mib } => Message::new("import-zip-of").arg("mib", mib),
            Self::Sheets { sheets } => Message::new("import-sheets").arg("sheets", sheets),
            Self::LongerLine => Message::new("import-longer-line"),
            Self::OnlyBlankLines => Message::new("import-only-blank-lines"),
            Self::XlsxWorkbook => Message::new("import-xlsx-workbook"),
            Self::DownloadFailed => Message::new("import-download-failed"),
            Self::WellUnder => Message::new("import-well-under"),
            Self::WorkbookInMemory => Message::new("import-workbook-in-memory"),
            Self::ExportAsCsv => Message::new("import-export-as-csv"),
            Self::NeitherReading => Message::new("import-neither-reading"),
            Self::GiveAsPublished => Message::new("import-give-as-published"),
            Self::NoContent => Message::new("import-no-content"),
            Self::NotATable => Message::new("import-not-a-table"),
            Self::MixesEncodings => Message::new("import-mixes-encodings"),
            Self::CutShort => Message::new("import-cut-short"),
            Self::LooksLikeResultsByBureau => Message::new("import-looks-like-results-by-bureau"),
            Self::LooksLikeBureauTable => Message::new("import-looks-like-bureau-table"),
            Self::NoPanelNumbers { columns } => {
                Message::new("import-no-panel-numbers").arg("columns", columns)
            }
            Self::NoNameHolds => Message::new("import-no-name-holds"),
            Self::NeedsDepartementColumn { names } => {
                Message::new("import-needs-departement-column").arg("names", names)
            }
            Self::ColumnSays { column, value } => Message::new("import-column-says")
                .arg("column", column)
                .arg("value", cut(value)),
            Self::NoInventPanel => Message::new("import-no-invent-panel"),
            Self::LooksLikeCandidates => Message::new("import-looks-like-candidates"),
            Self::FileColumns { columns } => {
                Message::new("import-file-columns").arg("columns", columns)
            }
            Self::DuplicateBureau { first, code, line } => Message::new("import-duplicate-bureau")
                .arg("first", first)
                .arg("code", cut(code))
                .arg("line", line),
            Self::MayMixEncodings => Message::new("import-may-mix-encodings"),
            Self::NotAWorkbook => Message::new("import-not-a-workbook"),
            Self::NoCandidatesInWorkbook => Message::new("import-no-candidates-in-workbook"),
            Self::DuplicateCandidate {
                at,
                panel,
                circ,
                first,
                line,
            } => Message::new("import-duplicate-candidate")
                .arg("at", at)
                .arg("panel", panel)
                .arg("circ", circ)
                .arg("first", first)
                .arg("line", line),
            Self::DuplicatePanelHere { first } => {
                Message::new("import-duplicate-panel-here").arg("first", first)
            }
            Self::BureauTablesAreCsv => Message::new("import-bureau-tables-are-csv"),
            Self::EventsTable => Message::new("import-events-table"),
            Self::MergeEventsTable => Message::new("import-merge-events-table"),
            Self::UnpackedAtMost {
                mib,
                entries,
                ratio,
            } => Message::new("import-unpacked-at-most")
                .arg("mib", mib)
                .arg("entries", entries)
                .arg("ratio", ratio),
            Self::PartsCount { count } => Message::new("import-parts-count").arg("count", count),
            Self::PartsDeclare { part, mib } => Message::new("import-parts-declare")
                .arg("part", cut(part))
                .arg("mib", mib),
            Self::PartRatio { part, ratio } => Message::new("import-part-ratio")
                .arg("part", cut(part))
                .arg("ratio", ratio),
            Self::PartUnpacksPast { part, mib } => Message::new("import-part-unpacks-past")
                .arg("part", cut(part))
                .arg("mib", mib),
            Self::ZipBomb => Message::new("import-zip-bomb"),
            Self::SheetAtMost { cells } => Message::new("import-sheet-at-most").arg("cells", cells),
            Self::SheetSpans {
                part,
                rows,
                columns,
            } => Message::new("import-sheet-spans")
                .arg("part", cut(part))
                .arg("rows", rows)
                .arg("columns", columns),
            Self::MachinesTable => Message::new("import-machines-table"),
            Self::MachinesAfterHeader => Message::new("import-machines-after-header"),
            Self::BureauOfThisDatabase => Message::new("import-bureau-of-this-database"),
            Self::ImportBureauxFirst => Message::new("import-import-bureaux-first"),
        }
    }
}

/// The header's columns, for a message: `` `A`, `B`, … `` (the first 40), and how many in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// The first columns' names, quoted and joined.
    pub shown: String,
    /// How many columns the header has.
    pub total: usize,
    /// Whether some columns are left out.
    pub more: bool,
}

impl Localize for Listing {
    fn message(&self) -> Message<'_> {
        Message::new("import-listing")
            .arg("shown", &self.shown)
            .arg("more", self.more)
            .arg("total", self.total.to_string())
    }
}

impl Localize for Binary {
    fn message(&self) -> Message<'_> {
        match self {
            Self::Png => Message::new("import-binary-png"),
            Self::Pdf => Message::new("import-binary-pdf"),
            Self::Gzip => Message::new("import-binary-gzip"),
            Self::Xls => Message::new("import-binary-xls"),
            Self::Utf16 => Message::new("import-binary-utf16"),
            Self::Byte { byte, offset } => Message::new("import-binary-byte")
                .arg("byte", format!("{byte:02X}"))
                .arg("offset", offset.to_string()),
        }
    }
}

impl Localize for Found {
    fn message(&self) -> Message<'_> {
        match self {
            Self::Text(t) => Message::new("import-value-text").arg("value", cut(t)),
            Self::Said(t) => t.message(),
            Self::NotText(b) => Message::new("import-not-text").arg("kind", b),
            Self::Csv(p) => p.message(),
            Self::System(p) => p.message(),
        }
    }
}

impl Localize for Expected {
    fn message(&self) -> Message<'_> {
        match self {
            Self::Said(t) => t.message(),
            Self::Column { what, accepted } => Message::new("import-column-for")
                .arg("what", what)
                .arg("accepted", accepted),
            Self::Field(f) => f.message(),
            Self::Code(c) => c.message(),
        }
    }
}

impl Localize for Column {
    fn message(&self) -> Message<'_> {
        Message::new("import-column")
            .arg("named", self.name.is_some())
            .arg("name", self.name.as_deref().map(cut))
            .arg("number", self.number.to_string())
            .arg("candidate", self.candidate.map(|k| k.to_string()))
    }
}

impl Localize for ImportError {
    fn message(&self) -> Message<'_> {
        let part = |m: Option<Message<'static>>| -> crate::i18n::Arg<'static> {
            m.map_or_else(|| "".into(), Into::into)
        };
        Message::new("import-error")
            .arg("file", self.file.display().to_string())
            .arg(
                "at",
                part(
                    self.line
                        .map(|l| Message::new("import-at-line").arg("line", l.to_string())),
                ),
            )
            .arg(
                "column",
                match &self.column {
                    Some(c) => Message::new("import-at-column").arg("column", c).into(),
                    None => part(None),
                },
            )
            .arg(
                "found",
                match &self.value {
                    Some(v) => Message::new("import-found").arg("value", &**v).into(),
                    None => part(None),
                },
            )
            .arg("expected", &*self.expected)
            .arg(
                "hint",
                match &self.hint {
                    Some(h) => Message::new("import-hint").arg("hint", &**h).into(),
                    None => part(None),
                },
            )
    }
}

impl ImportError {
    /// An error about the whole file.
    pub fn file(path: &Path, expected: impl Into<Expected>) -> Self {
        Self {
            file: path.to_owned(),
            line: None,
            column: None,
            value: None,
            expected: Box::new(expected.into()),
            hint: None,
        }
    }

    /// An error at a line.
    pub fn at(path: &Path, line: u64, expected: impl Into<Expected>) -> Self {
        Self {
            line: Some(line),
            ..Self::file(path, expected)
        }
    }

    /// Names the column.
    #[must_use]
    pub fn column(mut self, column: impl Into<Column>) -> Self {
        self.column = Some(column.into());
        self
    }

    /// Gives the value found.
    #[must_use]
    pub fn value(mut self, value: impl Into<Found>) -> Self {
        self.value = Some(Box::new(value.into()));
        self
    }

    /// Adds a hint.
    #[must_use]
    pub fn hint(mut self, hint: ImportText) -> Self {
        self.hint = Some(Box::new(hint));
        self
    }

    /// The file is of no kind this importer knows.
    pub fn unsupported(path: &Path) -> Self {
        Self::file(path, ImportText::KnownFile)
    }
}

#[cfg(test)]
impl ImportError {
    /// The column as the English message names it.
    pub(crate) fn column_en(&self) -> Option<String> {
        self.column.as_ref().map(|c| c.text(Lang::En))
    }

    /// The value found as the English message quotes it.
    pub(crate) fn value_en(&self) -> Option<String> {
        self.value.as_ref().map(|v| v.text(Lang::En))
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for ImportError {}
