# constat: errors messages (en).
# Text from outside (SQLite, the system, a file) comes in $detail, $value and the like, shown as
# it is after constat's own sentence.

## crate::error::Error

error-sample = built-in sample is broken: { $detail }
error-unknown-sample = unknown sample `{ $name }`; bundled samples: { $known }
error-unknown-circonscription = circonscription { $code } is not in this database; known: { $known }
error-unknown-candidate = no candidate n° { $panel } in circonscription { $circ }; valid panel numbers: { $known }
error-unknown-bureau = bureau { $code } is not a bureau of circonscription { $circ }; its bureaux: { $known }
error-bureau-required = --item bureau needs a bureau: add --bureau CODE (bureaux of { $circ }: { $known })
error-bad-text = { $field }: { $why }
error-text-empty = must not be empty
error-text-too-long = is too long (at most 1000 characters)
error-text-control = must not contain control characters
error-bad-election = `{ $election }` is not an election: expected KIND-YEAR, KIND one of legislatives, presidentielle, europeennes, municipales, regionales, departementales (e.g. legislatives-2024)
error-bureau-without-circonscription = bureau { $bureau } has no known circonscription yet: import Etalab's bureau/circonscription table (constat import bureaux FILE)
error-export-over-database = { $path } is this database itself: choose another file to export to
error-merge-aborted = merge stopped at the first bad file (--strict): { $path } is exactly as it was
error-merge-target-failed = the target database { $target } failed while merging { $file }: { $why }
    Merge stopped: nothing of { $file } was written; { $merged ->
        [one] { $merged } file merged before stays merged
       *[other] { $merged } files merged before stay merged
    } (see the table); { $left ->
        [one] { $left } file was not read.
       *[other] { $left } files were not read.
    }
    Free disk space or make { $target } writable, then run the same command again: what is already merged will be counted as already there.
error-merge-target-failed-strict = the target database { $target } failed while merging { $file }: { $why }
    Merge stopped, and with --strict nothing was merged: { $target } is exactly as it was.
    Free disk space or make { $target } writable, then run the same command again.
error-verify-failed = { $path }: verification failed (see above)
error-untrusted = { $path }: { $why }
error-export-folder-missing = the folder { $path } does not exist: is the USB stick plugged in? Check the path, or create the folder, then try again; nothing was written
error-evidence-folder-not-empty = { $path } exists and is not empty: give a new folder for the evidence
error-empty-referential = this database has no circonscription yet: import the candidate list first (constat import candidates FILE)
error-import = { $error }; nothing was imported
error-no-such-round = { $kind }: no round { $round }; { $rounds ->
    [1] this vote has a single round: leave out --round or give --round 1
   *[other] give --round 1 or --round 2
}
error-proclamation-before-vote = the results cannot have been proclaimed ({ $proclamation }) before the vote ({ $vote }): give with --proclamation the day the results were proclaimed (YYYY-MM-DD)
error-seen-at-without-day = --seen-at gives a time alone, but this database does not know the election day: write the day and the time (DD/MM/YYYY HH:MM)
error-seen-at-nonexistent = --seen-at: { $at } does not exist in the bureau's legal time (the hour skipped when summer time starts): check the time
error-seen-at-future = --seen-at: { $at } is in the future: give the moment you saw it
error-no-such-bureau = bureau { $code } is not in this database: check the code (commune_number, e.g. 75056_0913), or import the table of bureaux (constat import bureaux FILE)
error-no-voters = --voters must be at least 1 (the voters registered at the address)
error-arrival-without-envelope = --received-on gives the day the envelopes arrived, but --received is 0: leave out --received-on, or give the number of envelopes received
error-envelope-on-bureau = --envelope is for what the mail brought (--item foi or courrier), not the bureau's table
error-no-envelope-received = the household received no envelope (constat envelope --received 0): there is nothing to tick in an envelope; if an envelope arrived, record their number first (constat envelope --received N), then tick
error-envelope-beyond-count = no envelope { $number }: cells go up to envelope { $limit }; if the household received more envelopes, record their number first (constat envelope --received N), then tick envelope { $number }
error-no-terminal = the interface needs an interactive terminal ({ $detail }); for scripts, use the tick, envelope, non-receipt and report commands
error-terminal = terminal error: { $detail }
error-io = { $path }: { $doing }: { $detail }
error-io-reading-input = reading an input
error-io-writing-report = writing the report
error-io-creating-folder = creating the folder
error-no-data-dir = no data directory on this system: pass --db FILE or set CONSTAT_DB

## Codes

error-code-circonscription = `{ $code }` is not a circonscription code: expected the département then 2 digits, as in 7501, 2A01, 97101, ZZ01
error-code-bureau = `{ $code }` is not a bureau code: expected the INSEE commune code, `_`, then the bureau number, as in 75056_0911
error-code-panel = `{ $code }` is not a panel number: expected a whole number from 1 to 999

## Storage

error-db-not-found = no constat database at { $path }: create one with `constat init --db { $path } --sample paris-1-2017 --observer NAME`, or pass the right --db
error-db-exists = { $path } already exists: constat never overwrites a database; choose another path or remove the file yourself
error-db-not-constat = { $path } is not a constat database (wrong or missing application id)
error-db-newer = { $path } was written by a newer constat (schema version { $found }; this constat knows up to { $supported }): install the newer constat to open it; the file was not changed
error-db-invalid = { $path }: { $what }
# $doing: what constat was doing (storage-doing-* messages); $detail: SQLite's words.
error-sqlite = { $path }: { $doing }: { $detail }{ $kind ->
        [full] {" "}(the disk is full: free some space and try again; nothing was half-written)
        [read-only] {" "}(the file is read-only: check its permissions)
        [busy] {" "}(another constat is writing to this file: try again in a moment)
       *[other] {""}
    }

## What constat was doing when SQLite failed

storage-doing-checking-integrity = checking integrity
storage-doing-committing-creation = committing the creation
storage-doing-committing-event = committing the event
storage-doing-committing-import = committing the import
storage-doing-committing-schema = committing the schema
storage-doing-creating-database = creating the database
storage-doing-deferring-circonscription-index = deferring the index by circonscription
storage-doing-enlarging-page-cache = enlarging the page cache
storage-doing-finishing-merge = finishing the merge
storage-doing-importing-bureaux = importing bureaux
storage-doing-importing-candidates = importing candidates
storage-doing-indexing-bureaux = indexing the bureaux by circonscription
storage-doing-limiting-file-size = limiting the file size
storage-doing-listing-codes = listing codes
storage-doing-logging-import = logging the import
storage-doing-making-read-only = making the file read-only
storage-doing-marking-as-constat = marking the file as a constat database
storage-doing-marking-withdrawn-candidates = marking withdrawn candidates
storage-doing-numbering-event = numbering the event
storage-doing-opening-database = opening the database
storage-doing-opening-export = opening the export
storage-doing-preparing-import = preparing the import
storage-doing-reading-bureau = reading a bureau
storage-doing-reading-bureaux = reading the bureaux
storage-doing-reading-candidates = reading the candidates
storage-doing-reading-chain-heads = reading chain heads
storage-doing-reading-circonscription = reading a circonscription
storage-doing-reading-circonscriptions = reading the circonscriptions
storage-doing-reading-election = reading the election
storage-doing-reading-event-row = reading an event row
storage-doing-reading-events = reading events
storage-doing-reading-local-observer = reading the local observer
storage-doing-reading-observer-key = reading the observer's key
storage-doing-reading-observers = reading observers
storage-doing-reading-page-cache-size = reading the page cache size
storage-doing-reading-reference-data = reading the reference data
storage-doing-reading-schema = reading the schema
storage-doing-reading-schema-version = reading the schema version
storage-doing-reading-setting = reading a setting
storage-doing-recording-schema-version = recording the schema version
storage-doing-recording-voting-machines = recording the bureau's voting machines
storage-doing-removing-secret-key = removing the secret key from the export
storage-doing-resetting-page-cache-size = resetting the page cache size
storage-doing-saving-event = saving the event
storage-doing-saving-observer = saving the observer
storage-doing-saving-observer-key = saving the observer's key
storage-doing-saving-reference-data = saving the reference data
storage-doing-saving-setting = saving a setting
storage-doing-setting-pragmas = setting pragmas
storage-doing-signing-chain-head = signing the chain head
storage-doing-starting-creation = starting the creation
storage-doing-starting-import = starting the import
storage-doing-starting-merge = starting the merge
storage-doing-starting-schema-check = starting the schema check
storage-doing-starting-to-save-event = starting to save the event
storage-doing-switching-to-wal = switching to WAL
storage-doing-upgrading-schema = upgrading the schema
storage-doing-writing-export = writing the export
storage-doing-reading-merged-files = reading the list of files already merged
storage-doing-recording-merged-file = recording the file as merged

## Stored data that makes no sense

error-data-event = event { $id }: { $problem }
error-data-event-hash = event { $id }: hash `{ $hash }` is not 64 hex digits
error-data-constraint = event { $id } breaks a database constraint
error-data-chain-head = chain head of observer { $observer } is malformed
error-data-no-bureau = no bureau { $code }
error-data-no-local-observer = the database has no local observer
error-data-observer-id = observer id `{ $id }` is not a UUID
error-data-observer-name = observer name `{ $name }` is too long or has control characters
error-data-observer-key = observer { $observer }: public key `{ $key }` is not 64 hex digits
error-data-last-hash = the last event's hash `{ $hash }` is not 64 hex digits
error-data-integrity = integrity check failed: { $detail }
error-data-export-unwritable = cannot write the export: { $detail }
error-data-export-not-a-file = cannot write the export: not a regular file; give a file path
error-data-no-random = no random source for the observer's key: { $detail }
error-data-election-kind = unknown election kind `{ $kind }`
error-data-election-date = bad election date `{ $date }`
error-data-sex = bad sex `{ $sex }`
error-row-not-utf8 = column { $column }: invalid utf-8 sequence ({ $length ->
        [none] incomplete utf-8 byte sequence from index { $index }
       *[other] invalid utf-8 sequence of { $length } bytes from index { $index }
    })
error-row-not-text = column { $column } is not text
error-row-missing = { $field } is missing
error-row-out-of-range = { $field } is missing or out of range
error-row-not-uuid = { $field } `{ $value }` is not a UUID
error-row-unknown-item = unknown item `{ $value }`
error-row-unknown-value = unknown value `{ $value }`
error-row-unknown-kind = unknown kind `{ $value }`
error-row-envelope = envelope number { $number } is out of range
error-row-arrival = day of arrival `{ $value }` is not a YYYY-MM-DD date
error-row-negative-seq = seq { $seq } is negative
error-row-time = time `{ $value }` is not RFC 3339

## Import

import-error = { $file }{ $at }{ $column }{ $found }, expected { $expected }{ $hint }
import-at-line = :{ $line }
import-at-column = , column `{ $column }`
import-found = : found `{ $value }`
import-hint = {" "}(hint: { $hint })
import-column = { $named ->
        [yes] { $name }
       *[no] column { $number }
    }{ $candidate ->
        [none] {""}
       *[other] {" "}(candidate { $candidate } on the line)
    }
import-value-text = { $value }
import-not-text = not a text file: { $kind }
import-column-for = a column for { $what }, named one of { $accepted }
import-listing = { $shown }{ $more ->
        [yes] , … ({ $total } columns in all)
       *[no] {""}
    }
import-binary-png = a PNG image
import-binary-pdf = a PDF document
import-binary-gzip = a gzip archive
import-binary-xls = an Excel 97-2003 workbook (.xls)
import-binary-utf16 = UTF-16 text
import-binary-byte = binary data (byte 0x{ $byte } at offset { $offset })
import-field-panel-number = the panel number
import-field-candidate-panel-number = the candidate's panel number
import-field-candidate-surname = the candidate's surname
import-field-candidate-given-name = the candidate's given name
import-field-candidate-sex = the candidate's sex
import-field-surname = the surname
import-field-given-name = the given name
import-field-sex = the sex
import-field-nuance = the nuance
import-field-commune-insee = the commune's INSEE code
import-field-bureau-number-in-commune = the bureau's number in its commune
import-field-bureau-number = the bureau's number
import-field-departement = the département
import-field-circonscription = the circonscription
import-field-commune = the commune
import-readable-file = a file that can be read
import-a-file = a file
import-header-and-rows = a file with a header line and rows
import-file-at-most = a file of at most { $mib } MiB
import-workbook-at-most = a workbook of at most { $mib } MiB
import-header-separated = a header line with columns separated by `;`, tab or `,`
import-text-encodings = text in UTF-8, Windows-1252 (Latin-1) or CP850
import-text-or-xlsx = a text file (CSV) or an .xlsx workbook
import-header-naming = a header line naming the columns
import-lines-at-most = lines of at most { $mib } MiB
import-readable-row = a readable row
import-utf8-as-start = UTF-8 text, as the start of the file is
import-candidate-block = at least one candidate block after the circonscription's columns
import-candidate-after-header = at least one candidate after the header
import-candidate-list-or-results = a candidate list or results by circonscription
import-bureau-table = a bureau table: INSEE's REU table (`id_brut_reu`, `code_commune`, `code`, `libelle_reu`, …), Etalab's (`codeCommune`, `numeroBureauVote`, `codeCirconscription`, …) or the 2017 results by bureau (`Code du département`, …, `Code du b.vote`)
import-bureau-after-header = at least one bureau after the header
import-readable-xlsx = a readable .xlsx workbook
import-readable-sheet = a readable sheet `{ $name }`
import-sheet-with-header = a sheet with a header naming the circonscription and the panel numbers (as `Circo. leg. T1`)
import-each-panel-once = each panel number once per circonscription
import-each-candidate-once = each candidate once per circonscription
import-each-bureau-once = each bureau once
import-text-without-control = text without control characters
import-sex-f-or-m = the candidate's sex: `F` or `M` (also `Mme` or `M.`)
import-panel-number = a panel number: a whole number from 1 to 999
import-nuance-code = a nuance code (letters, as `REM`, `DVD`), or nothing
import-commune-insee = an INSEE commune code of 5 characters (75056, 2A004)
import-bureau-number-code = a bureau number (0001, 0911; letters and digits only)
import-machines-yes-no = yes or no (1 or 0): does the bureau vote on machines?
import-bureau-code-whole = a bureau code: the commune's INSEE code, `_`, the bureau number (75056_0911)
import-departement-not-value = a département code (01–95, 2A, 2B, 971–988, ZA–ZZ); `{ $value }` is none
import-departement-code = a département code (01–95, 2A, 2B, 971–988, ZA–ZZ)
import-commune-number = the commune's number in its département (056), or its INSEE code
import-circ-number = a circonscription number from 01 to 99 after the département, not `{ $value }`
import-circ-with-departement = a circonscription code with its département (7501), or a département column beside the number
import-circ-of-line = a circonscription of the département of the line (`{ $departement }`)
import-circonscription = a circonscription: the département then 2 digits (7501, 2A01, 97101, ZZ01), or its number beside a département column
import-csv-file = a CSV file
import-file-of-election = a file of this database's election ({ $kind } { $year })
import-file-of-legislatives = a file of the { $year } législatives ({ $format })
import-this-elections-list = import the candidate list of this database's election: matching ticks by panel number against another election's list would give the findings to other candidates
import-keeps-observed-candidates = a list that keeps the candidates already observed (the same names at the same panel numbers)
import-observed-candidates-changed = { $count } { $count ->
    [one] candidate already observed would be
   *[other] candidates already observed would be
} renamed or dropped from the list, e.g. { $example }
import-accept-renames-hint = ticks are matched by panel number: import the list of this database's election and round; if the official list really changed (a candidate replaced), run again with --accept-renames
import-file-of-round = a file of { $round ->
    [1] round 1
   *[other] round { $round }
} (this database's round)
import-file-of-round-by-name = a file of { $round ->
    [1] round 1
   *[other] round { $round }
}: its name “{ $name }” says so (rename it if it really is of this database's round)
import-file-of-round-by-columns = a file of { $round ->
    [1] round 1
   *[other] round { $round }
}: its columns are that round's candidate list's
import-this-rounds-list = import the candidate list of this database's round: candidates and their panel numbers change from one round to the next, and ticks matched by panel number would name other candidates
import-database-write = a database write that succeeds
import-known-file = a file constat knows how to import
import-no-such-column = no such column
import-none-of-their-columns = none of their columns
import-header-no-rows = a header and no rows
import-nothing = nothing
import-results-by-bureau = results by bureau de vote (one line per bureau)
import-table-of-bureaux = a table of bureaux de vote
import-directory = a directory
import-empty-file = an empty file (0 bytes)
import-file-of = a file of { $mib } MiB ({ $bytes } bytes)
import-zip-of = a zip archive of { $mib } MiB
import-sheets = sheets { $sheets }
import-longer-line = a longer line
import-only-blank-lines = only blank lines
import-xlsx-workbook = an .xlsx workbook
import-download-failed = the download probably failed: fetch the file again
import-well-under = official candidate lists and bureau tables are well under 100 MiB: is this the right file?
import-workbook-in-memory = a workbook is read whole into memory; export the sheet as CSV instead
import-export-as-csv = export the table as CSV
import-neither-reading = neither reading looks like French text; open the file and save it as UTF-8
import-give-as-published = give the ministry's, INSEE's or Etalab's file as published; a spreadsheet can be exported as CSV (UTF-8)
import-no-content = the file has no content: download it again
import-not-a-table = this is not a table of candidates or bureaux, or its line ends are lost
import-mixes-encodings = the file mixes encodings: open it and save it again as UTF-8
import-cut-short = the file is probably cut short: download it again
import-looks-like-results-by-bureau = this looks like the results by bureau: each candidate would come once per bureau. Import the candidate list or the results by circonscription; this file's bureaux can be imported with `constat import bureaux`
import-looks-like-bureau-table = this looks like the bureau table, not the candidate list: import it with `constat import bureaux`
import-no-panel-numbers = this file names candidates but gives no panel numbers, and constat does not invent them: import the ministry's candidate list or its results by circonscription (the file's columns are { $columns })
import-no-name-holds = no name holds such a character: the file may mix encodings; save it again as UTF-8
import-needs-departement-column = the file gives circonscription numbers, which need a département column named one of { $names }
import-column-says = column `{ $column }` says `{ $value }`
import-no-invent-panel = constat does not invent panel numbers: import a file that gives them (the candidate list)
import-looks-like-candidates = this looks like a candidate list or results by circonscription, not the bureau table: import it with `constat import candidates`
import-file-columns = the file's columns are { $columns }
import-duplicate-bureau = line { $first } already has bureau { $code }: lines { $first } and { $line } give the same bureau
import-may-mix-encodings = the file may mix encodings; save it again as UTF-8
import-not-a-workbook = the file is a zip archive but not a workbook constat can read: if it is an archive, extract the CSV file first
import-no-candidates-in-workbook = this workbook holds no candidates by circonscription
import-duplicate-candidate = line { $at } already has candidate n° { $panel } in circonscription { $circ }: lines { $first } and { $line } give the same candidate number
import-duplicate-panel-here = line { $first } already has this circonscription and panel number
import-bureau-tables-are-csv = bureau tables are published as CSV: export the sheet as CSV (UTF-8)
import-events-table = a table of constat events (`constat export csv`), its columns in their place or moved
import-merge-events-table = a table of events is not imported but merged with `constat merge --into DATABASE FILE`, as exported: a table whose columns were moved or renamed is refused there
import-unpacked-at-most = a workbook whose parts unpack to at most { $mib } MiB in all, in at most { $entries } parts, none packed more than { $ratio } times
import-parts-count = { $count } parts
import-parts-declare = { $part }, which brings the parts to { $mib } MiB unpacked as declared
import-part-ratio = { $part }, packed { $ratio } times
import-part-unpacks-past = { $part }, which brings the parts past { $mib } MiB unpacked, more than declared
import-zip-bomb = an official workbook unpacks to a few MiB: this file is damaged or built to exhaust memory (a zip bomb); fetch it again from the official site, or export the sheet as CSV

# Issue 16, point 4: a household count that no household has.
error-too-many-voters = --voters is the voters registered at one address: 1 to { $max }; check the number typed
error-too-many-envelopes = --received is the envelopes received at one address: { $max } at most; check the number typed
error-more-envelopes-than-voters = { $count } { $count ->
    [one] envelope received
   *[other] envelopes received
} for { $voters } { $voters ->
    [one] voter
   *[other] voters
} at the address: more envelopes than voters; if that is what you saw, add --confirm-more, otherwise correct --voters or --received
import-sheet-at-most = a workbook whose sheets span at most { $cells } cells (rows × columns)
import-sheet-spans = { $part }, which reaches row { $rows } and column { $columns }

# merge --watch
error-watch-not-a-folder = { $path } is not a folder: --watch takes the folder where the observers' files arrive (create it, or give the right path)
error-watch-signals = could not listen for Ctrl-C and SIGTERM, needed to stop --watch cleanly; nothing was merged.
    System detail: { $why }
## output guard (issue 15 point 7)
output-refused-database-in-use = { $path } is the database in use ({ $database }) or one of its files: overwriting it would destroy the evidence. Nothing was written; choose another file name
output-refused-constat = { $path } is a constat database (an observer's, or an export): constat never overwrites a database, even with --force. Nothing was written; choose another file name
output-refused-sqlite = { $path } is an SQLite database: constat never overwrites a database, even with --force. Nothing was written; choose another file name
output-refused-exists = { $path } already exists: nothing was written. Choose another file name, or add --force to replace it (only when it is not a database)
output-refused-not-a-folder = { $path } is a file, not a folder: nothing was written. Choose the name of a folder that does not exist yet, or of an empty folder
output-refused-unreadable = { $path } exists but cannot be read to check that it is not a database: nothing was written. Choose another file name ({ $why })

## roster (issue 15 point 2)
error-bad-fingerprint = { $field }: “{ $typed }” is not a key fingerprint. A fingerprint has 20 characters (digits and capital letters without I, L, O or U), often written as 5 groups of 4: K7QF-3M2X-9PZA-W4TR-HN6C; copy the one `constat whoami` prints on the observer's machine
error-roster-line = { $path }, line { $line }, field { $field }: { $why }. Nothing was enrolled; fix the line and import the file again
error-roster-field-count = { $count } { $count ->
    [one] field
   *[other] fields
} instead of 2: write one line per observer, “name,fingerprint”
error-roster-name = the name { $why }
error-roster-fingerprint = “{ $value }” is not a key fingerprint (20 characters, in 5 groups of 4: K7QF-3M2X-9PZA-W4TR-HN6C)
error-roster-duplicate = this fingerprint is already given on line { $line } for “{ $name }”: a key belongs to one observer only
error-roster-unreadable = the line cannot be read as CSV (detail: { $detail })
storage-doing-reading-roster = reading the roster
storage-doing-saving-roster = saving the roster

# Issue 14: a candidate list of the wrong shape for the database's election
import-file-of-national-list = the présidentielle's national list (a single, national circonscription)
import-file-of-circonscriptions = a list by circonscription ({ $example }…), whereas the présidentielle has a single national circonscription
## Issue 15 (sign): the secret key out of the database

error-key-missing = cannot record into { $path }: its observer's signing key was not found (looked for { $key }). Put the key file back there from a backup, or name its folder with CONSTAT_KEY_DIR; if the key is lost, make a new one with `constat key new --lost` and give its fingerprint to the coordinator, who accepts it with `constat merge --accept-key FINGERPRINT`
error-key-file = { $path }: key file { $key }: { $why }
error-no-key-to-replace = { $path } has no signing key to replace (a copy made by `constat export db`, a reader's database, or a database from before signatures): run `constat key new` on the observer's database
error-key-still-held = the key file of { $path } is there: `--lost` is only for a lost old key; run `constat key new` without `--lost`, the old key then signs the change and the coordinator accepts it with nothing to do
# Evidence folders (issue 15 points 4, 5).
error-evidence-without-key = { $path } has no signing key (a copy made by `constat export db`, or a database on a read-only medium): export the evidence from the observer's own database, which signs it
error-pv-reference-malformed = “{ $typed }” is not a chain reference: write it as in the PV, position / 16 hex digits of the hash / key fingerprint, for example “42 / 1a2b 3c4d 5e6f 7a8b / K7QF-3M2X-9PZA-W4TR-HN6C”
## coordination (issue 18): reference files, init --reference, machines --from, pv --all
error-bureau-before-import = bureau { $code } cannot be chosen yet: a database created with --election has no bureau; remove --bureau, import the table of bureaux (constat import bureaux FILE), then choose your bureau in the interface
error-bureau-not-in-reference = bureau { $code } is not in the reference file (or has no circonscription there); known bureaux: { $known }; check the code with your coordinator
import-machines-table = a table of machine bureaux: a bureau code column (`bureau`, `code_bureau`, `codeBureauVote`, `id_brut_miom`) and a yes/no column (`machines`, `machine_a_voter`, `voting_machines`, …)
import-machines-after-header = at least one bureau with a yes or a no after the header
import-bureau-of-this-database = a bureau of this database, in a circonscription
import-import-bureaux-first = import the table of bureaux first (constat import bureaux FILE), or correct the code
error-pv-folder-not-empty = { $path } exists and is not empty (or is not a folder): give a new folder for the réclamations, nothing there is ever overwritten

## Photos (issue 19)
storage-doing-saving-photo = saving a photo's bytes
storage-doing-reading-photo = reading a photo's bytes
error-photo-refused = { $path } is refused as a photo: { $why }. Nothing was recorded: remove or replace this file and try again
error-photo-no-such-non-receipt = none of your non-receipts has the id "{ $id }" in this circonscription: copy the id shown when the non-receipt was recorded
error-photo-cell-needs-both = a cell is named by --candidate and --item together
## Issue 18 (night): refused files.
storage-doing-refused-files = reading or recording the refused files
storage-doing-key-disputes = reading or recording the key disputes
