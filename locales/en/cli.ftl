# constat: cli messages (en).
#
# `constat --help` and clap's own errors. The ids of commands and arguments are computed by
# src/cli/help.rs from the command path and the argument id, so that the derive in src/cli.rs stays
# the one definition of the command line:
#   cli-about, cli-tick-about, cli-import-candidates-about     a command's about (required)
#   …-long-about, …-after-help                                 shown by --help / after the options (optional)
#   cli-arg-db (a global flag), cli-tick-arg-candidate         an argument's help (required)
#   …-long                                                     its --help text (optional)
#   …-value-VALUE                                              each of its possible values (required)
#   cli-value-name-file                                        a value name, FILE (required)
# The test cli::tests::every_command_and_argument_has_its_messages checks them in both languages.
# A paragraph is one line: clap wraps it to the terminal's width.

## The root command and its global flags.

cli-about = constat: record what election material reached voters and bureaux de vote, and turn it into evidence.
cli-long-about =
    constat: record, per candidate, whether the envelope mailed by the commission de propagande held the profession de foi and the ballot, and whether the bureau de vote had the ballot on its table. Every tick is saved at once in a SQLite file, as an append-only event.

    Start with `constat demo`: it opens the bundled sample (législatives 2017, Paris 1st circonscription) in a temporary database.
cli-after-help =
    Examples:
      constat                                        open the interface (first run: creates the database)
      constat demo                                   try the interface on the bundled sample
      constat --db obs.db init --sample paris-1-2017 --observer 'Marie Curie'
      constat --db nat.db init --election legislatives-2024 --round 1 --observer 'Coordination'
      constat --db nat.db import candidates lg2024-resultats-circonscriptions-une-ligne-par-candidat2.csv
      constat --db nat.db import bureaux table-bv-reu.csv
      constat --db obs.db ui                         open the interface on your database
      constat --db obs.db tick --circonscription 7501 --bureau 75056_0911 --candidate 3 --item bureau --value present
      constat --db obs.db envelope --circonscription 7501 --voters 4 --received 1
      constat --db obs.db non-receipt --circonscription 7501 --bureau 75056_0911 --voter 'Jean Dupont'
      constat --db obs.db report --format csv -o record.csv
      constat --db obs.db export db -o to-send.db
      constat merge --into national.db inbox/
      constat --db national.db report --conflicts

    Database: --db FILE, else $CONSTAT_DB, else constat.db in the platform data directory.
    Language: --lang fr|en, else $CONSTAT_LANG, else LC_ALL / LC_MESSAGES / LANG (en* gives English),
    else French.
    Exit status: 0 success; 1 error (nothing was written); 2 bad command line.
cli-arg-db = Database file [default: constat.db in the platform data directory]
cli-arg-lang = Language of the interface and reports [default: from LC_ALL, LC_MESSAGES or LANG, else fr]
cli-arg-lang-value-fr = Français
cli-arg-lang-value-en = English
cli-arg-plain = With `ui` or `demo`: plain mode, for a screen reader or a dumb terminal (typed commands answered line by line; no full-screen drawing, colours or box drawing)

## Subcommands.

cli-demo-about = Open the interface on a temporary copy of the bundled sample (Paris 1st circonscription, 2017)
cli-demo-after-help = The database is kept; its path is printed when you quit. With --db FILE the demo uses FILE (created if missing, reopened otherwise).
cli-demo-arg-record = Start with the 2017 reference record already entered
cli-demo-arg-sample = Bundled sample to open (paris-1-2017, presidentielle-2022)

cli-init-about = Create a new observer database (never overwrites an existing file)
cli-init-arg-sample = Bundled sample to start from [default: paris-1-2017 when --election is not given]
cli-init-arg-election = An election to fill with `constat import`: KIND-YEAR, KIND one of legislatives, presidentielle, europeennes, municipales, regionales, departementales
cli-init-arg-round = The round, with --election
cli-init-arg-date = The day of the vote, with --election (YYYY-MM-DD)
cli-init-arg-observer = Your name, as it will appear in evidence [default: your login name]
cli-init-arg-bureau = Your bureau (code such as 75056_0911) [default: the sample's; none with --election, whose bureaux are imported later]
cli-init-arg-qualite = Your qualité for réclamations: electeur, candidat or delegue:NAME

cli-ui-about = Open the interface (the default command; on first run it creates your database)
cli-ui-long-about =
    Open the interface (the default command; on first run it creates your database)

    With no database at the path yet, a short first-run form creates one: your name, an optional contact, and the election (the bundled sample, or a reference file of official data from your coordinators); then the picker opens to choose your circonscription and bureau. Screens: 1 envelope, 2 bureau de vote, 3 summary (Tab switches); ? shows every key.

cli-tick-about = Record one cell of the record: a candidate's item, present, absent or unchecked
cli-tick-after-help =
    Example: constat tick --circonscription 7501 --bureau 75056_0911 --candidate 1 --item foi --value absent

    Items: foi = profession de foi in the envelope, courrier = ballot in the envelope, bureau = ballot on the bureau's table (needs a bureau: --bureau, or the database's current bureau).
cli-tick-arg-circonscription = Circonscription code (département + 2 digits: 7501)
cli-tick-arg-bureau = Bureau code (commune_number: 75056_0911) [default: the database's current bureau]
cli-tick-arg-candidate = Candidate's panel number
cli-tick-arg-item = Which column
cli-tick-arg-item-value-foi = Profession de foi in the envelope
cli-tick-arg-item-value-courrier = Ballot in the envelope
cli-tick-arg-item-value-bureau = Ballot on the bureau's table
cli-tick-arg-value = What was seen
cli-tick-arg-value-value-present = Seen
cli-tick-arg-value-value-absent = Looked for and not found
cli-tick-arg-value-value-unchecked = Clear the cell
cli-tick-arg-note = Free text kept with the tick (e.g. "bulletins épuisés à 15h")
cli-tick-arg-envelope = Which of the household's envelopes was opened (1, 2, …), for --item foi or courrier when several envelopes came [default: 1]

cli-envelope-about = Record a household's envelopes: voters registered at the address vs envelopes received
cli-envelope-arg-circonscription = Circonscription code (7501)
cli-envelope-arg-bureau = Your bureau [default: the database's current bureau]
cli-envelope-arg-voters = Voters registered at the address
cli-envelope-arg-received = Envelopes received at the address
cli-envelope-arg-received-on = Day the envelopes arrived (YYYY-MM-DD or DD/MM/YYYY)
cli-envelope-arg-note = Free text kept with the record
cli-envelope-arg-confirm-more = Confirms more envelopes received than voters at the address (refused without this flag)

cli-non-receipt-about = Record a non-receipt: a voter of a bureau who received no envelope at all
cli-non-receipt-arg-circonscription = Circonscription code (7501)
cli-non-receipt-arg-bureau = The voter's bureau (75056_0911)
cli-non-receipt-arg-voter = The voter's name
cli-non-receipt-arg-note = Free text (e.g. "procès-verbal en deux exemplaires")
cli-non-receipt-arg-household = Whose envelope: your own household's, or another's [default: own without --voter, other with it]
cli-non-receipt-arg-household-value-own = A voter of your own household (counted once among your household's missing envelopes)
cli-non-receipt-arg-household-value-other = Another household's voter
cli-non-receipt-arg-seen-at = When it was seen, in the bureau's legal local time (UTC for French abroad, whose zone the code does not tell) (DD/MM/YYYY HH:MM, or HH:MM on the bureau's own election day, the Saturday where it votes then) [default: now]
cli-tick-arg-seen-at = When it was seen, in the bureau's legal local time (UTC for French abroad, whose zone the code does not tell) (DD/MM/YYYY HH:MM, or HH:MM on the bureau's own election day, the Saturday where it votes then) [default: now]
cli-envelope-arg-seen-at = When it was seen, in the bureau's legal local time (UTC for French abroad, whose zone the code does not tell) (DD/MM/YYYY HH:MM, or HH:MM on the bureau's own election day, the Saturday where it votes then) [default: now]
cli-machines-about = Record that a bureau votes on machines (no ballots on its table, none mailed to its voters)
cli-machines-long-about = Record that a bureau votes on machines: its table holds no ballots and its voters are mailed none (code électoral; see docs/findings.md), so no finding is drawn from either. It is a signed observation, like a tick: it merges, exports and can be undone. With --off: the bureau does not vote on machines (a correction, or what you saw).
cli-machines-after-help =
    Examples:
      constat machines --bureau 75056_0913
      constat machines --bureau 75056_0913 --off --note "ballot boxes and booths, no machine"
cli-machines-arg-bureau = The bureau (75056_0913)
cli-machines-arg-off = The bureau does not vote on machines (a correction)
cli-machines-arg-note = Free text kept with the record
cli-machines-arg-seen-at = When it was seen, in the bureau's legal local time (UTC for French abroad, whose zone the code does not tell) (DD/MM/YYYY HH:MM, or HH:MM on the bureau's own election day, the Saturday where it votes then) [default: now]
cli-value-name-moment = MOMENT
cli-value-name-household = HOUSEHOLD

cli-import-about = Import official data: a candidate list (or results file), or a table of bureaux
cli-import-candidates-about = Candidates from the ministry's candidate list or results file (2017 xlsx, 2022, 2024 …)
cli-import-candidates-after-help = Separator and encoding (UTF-8, Latin-1/Windows-1252, CP850) are detected. The whole file is imported in one transaction, or nothing is. Re-importing shows what changed (renamed, withdrawn candidates); importing the same file again changes nothing.
cli-import-candidates-arg-file = The file (.csv, .txt or .xlsx)
cli-import-candidates-arg-accept-renames = Accept that candidates already observed are renamed or withdrawn (the official list really changed); refused otherwise, since ticks are matched by panel number
cli-import-bureaux-about = Bureaux from INSEE's table-bv-reu.csv, Etalab's bureau/circonscription table, or the ministry's by-bureau results
cli-import-bureaux-arg-file = The file

cli-merge-about = Merge observers' databases and events CSV files into one database
cli-merge-after-help = Directories are searched recursively. Each file is checked (read-only, defensive SQLite settings, integrity, schema, every value) and merged in one transaction: a bad file contributes nothing and is listed with the reason. Merging the same file twice adds nothing. Example: constat merge --into national.db reports/ late/marie.db
cli-merge-arg-into = The database to merge into (create it with `constat init --election …` first)
cli-merge-arg-strict = Stop at the first bad file and leave the target exactly as it was
cli-merge-arg-follow-symlinks = Follow symbolic links that lead out of the folders given (never followed otherwise)
cli-merge-arg-inputs = Observer databases, events CSV files, or folders holding them
cli-merge-arg-watch = Keep running and merge every file that arrives in this folder or its subfolders (Ctrl-C or SIGTERM stops)
cli-merge-arg-watch-long = Keep running and merge every file that arrives in this folder or its subfolders at once when it is a complete database, else once it stops changing (see --settle), each in one transaction. A file already merged (same size, same SHA-256) is skipped; a refused file is listed with its reason and tried again if it changes; nothing in the folder is moved or deleted (it may be synced). Ctrl-C or SIGTERM stops cleanly. Example: constat merge --into national.db --watch ~/Sync/constat-inbox (docs/coordination.md)
cli-merge-arg-settle = With --watch: seconds a file must stay unchanged before it is merged; a database that arrives complete (renamed into the folder, its size the one its SQLite header gives) is merged at once
cli-value-name-inbox = INBOX
cli-value-name-seconds = SECONDS

cli-export-about = Export this database: a self-contained copy to send, its events as CSV, or an evidence folder
cli-export-db-about = A single self-contained database file, safe to send (made with VACUUM INTO, synced, renamed)
cli-export-db-arg-output = Where to write it
cli-export-csv-about = Every event as CSV (columns in docs/formats.md); `constat merge` accepts it
cli-export-csv-arg-output = Where to write it
cli-export-evidence-about = An evidence folder: the events and observations CSV, the report in every format, every observer's key and signed head, and a MANIFEST of SHA-256 digests signed with your key (MANIFEST.sig)
cli-export-evidence-arg-output = The folder to create (must not exist, or be empty)
cli-export-evidence-arg-semicolon = Separate CSV fields with `;` (for spreadsheets set to French conventions)

cli-pv-about = Print the réclamation to copy into the bureau's procès-verbal (--annex: its annex; --appeal: the election kind's remedy)
cli-pv-arg-bureau = The bureau whose procès-verbal receives the réclamation (75056_0911)
cli-pv-arg-appeal = Print the election kind's remedy instead: requête, protestation, or the présidentielle's note
cli-pv-arg-proclamation = Day the results were proclaimed (YYYY-MM-DD), where the remedy's deadline counts from it
cli-pv-arg-annex = Print the annex instead: every fact observed, the reference and the full digest
cli-pv-arg-margin = The deciding vote margin, for the remedy's paragraph on the influence on the result
cli-pv-arg-elected = The person (or list) elected, named in the remedy
cli-pv-arg-as-observer = Sign as another observer of a merged file (their réclamation, in their name only)
cli-pv-arg-qualite = Your qualité: electeur, candidat or delegue:NAME (saved in the database, unless with --as)

cli-verify-about = Re-check every hash chain, signature and manifest of a database or an evidence folder
cli-verify-arg-path = A constat database, or a folder written by `constat export evidence`
# Evidence folders (issue 15 point 5).
cli-verify-arg-pv = The chain reference written in a procès-verbal (“42 / 1a2b 3c4d 5e6f 7a8b / K7QF-3M2X-9PZA-W4TR-HN6C”): check that PATH holds exactly that state and extends it
cli-value-name-reference = REFERENCE

cli-report-about = Print the record and its findings
cli-report-after-help =
    CSV columns (a stable contract, see docs/formats.md):
      circonscription,panel,candidate,nuance,profession_de_foi,bulletin_courrier,bulletin_bureau
cli-report-arg-circonscription = Only this circonscription [default: every circonscription with an observation]
cli-report-arg-format = Output format
cli-report-arg-format-value-text = The record as a table with its findings, as on the 2017 original
cli-report-arg-format-value-csv = One row per candidate and circonscription (columns in `docs/formats.md`)
cli-report-arg-format-value-md = Markdown, for a web page or a message
cli-report-arg-format-value-json = Machine-readable, with every finding
cli-report-arg-format-value-html = One self-contained web page (inline CSS and SVG charts), printable to PDF
cli-report-arg-conflicts = List the cells on which observers contradict each other, with who said what and when
cli-report-arg-output = Write to FILE (atomically) instead of standard output

## Value names, as in `--db <FILE>`.

cli-value-name-command = COMMAND
cli-value-name-file = FILE
cli-value-name-lang = LANG
cli-value-name-name = NAME
cli-value-name-kind-year = KIND-YEAR
cli-value-name-1-2 = 1|2
cli-value-name-date = DATE
cli-value-name-code = CODE
cli-value-name-panel = PANEL
cli-value-name-item = ITEM
cli-value-name-value = VALUE
cli-value-name-text = TEXT
cli-value-name-n = N
cli-value-name-file-or-dir = FILE_OR_DIR
cli-value-name-dir = DIR
cli-value-name-format = FORMAT
cli-value-name-path = PATH
cli-value-name-observer = OBSERVER
cli-value-name-qualite = QUALITE
cli-value-name-votes = VOTES

## clap's own parts of the help.

cli-heading-usage = Usage:
cli-heading-commands = Commands:
cli-heading-arguments = Arguments:
cli-heading-options = Options:
cli-heading-possible-values = Possible values:
cli-possible-value = - { $name }:{ $pad } { $help }
cli-spec-env = [env: { $name }]
cli-spec-env-set = [env: { $name }={ $value }]
cli-spec-default = [default: { $value }]
cli-spec-possible-values = [possible values: { $values }]
cli-help = Print help
cli-help-more = Print help (see more with '--help')
cli-help-summary = Print help (see a summary with '-h')
cli-version = Print version
cli-help-subcommand = Print this message or the help of the given subcommand(s)

## clap's errors, rendered by src/cli/errors.rs with the same information and layout as clap's.

cli-quoted = '{ $text }'
cli-error = error: { $message }
cli-error-unknown-argument = unexpected argument { $arg } found
cli-error-invalid-value = invalid value { $value } for { $arg }
cli-error-value-required = a value is required for { $arg } but none was supplied
cli-error-possible-values = [possible values: { $values }]
cli-error-value-validation = invalid value { $value } for { $arg }: { $reason }
cli-error-unknown-subcommand = unrecognized subcommand { $subcommand }
cli-error-missing-arguments =
    { $count ->
       *[other] the following required arguments were not provided:
    }
cli-error-missing-subcommand = { $command } requires a subcommand but one was not provided
cli-error-subcommands = [subcommands: { $values }]
cli-error-argument-repeated = the argument { $arg } cannot be used multiple times
cli-error-argument-conflict =
    { $count ->
        [0] the argument { $subject } cannot be used with one or more of the other specified arguments
        [one] the argument { $subject } cannot be used with { $others }
       *[other] the argument { $subject } cannot be used with:{ $others }
    }
cli-error-subcommand-conflict =
    { $count ->
        [0] the subcommand { $subject } cannot be used with one or more of the other specified arguments
        [one] the subcommand { $subject } cannot be used with { $others }
       *[other] the subcommand { $subject } cannot be used with:{ $others }
    }
cli-error-no-equals = equal sign is needed when assigning values to { $arg }
cli-error-too-many-values = unexpected value { $value } for { $arg } found; no more were expected
cli-error-too-few-values =
    { $min } values required by { $arg }; only { $count } { $count ->
        [one] was
       *[other] were
    } provided
cli-error-wrong-number-of-values =
    { $expected } values required for { $arg } but { $count } { $count ->
        [one] was
       *[other] were
    } provided
cli-error-invalid-utf8 = invalid UTF-8 was detected
cli-error-other = { $detail }
cli-error-try-help = For more information, try { $help }.
cli-reason-not-a-number = not a whole number
cli-reason-out-of-range = not a whole number from { $min } to { $max }
cli-reason-not-a-day = not a day between 2000 and 2099: write YYYY-MM-DD or DD/MM/YYYY (e.g. 2024-06-06)
cli-reason-not-a-moment = not a moment: write DD/MM/YYYY HH:MM, or HH:MM on the election day (e.g. 11/06/2017 15:40)
cli-reason-not-a-date = not a date written YYYY-MM-DD (e.g. 2024-06-30)
cli-reason-refused = the value is refused
cli-reason-other = { $detail }
cli-tip = tip: { $text }
cli-tip-similar-subcommand =
    { $count ->
        [one] a similar subcommand exists: { $names }
       *[other] some similar subcommands exist: { $names }
    }
cli-tip-similar-argument =
    { $count ->
        [one] a similar argument exists: { $names }
       *[other] some similar arguments exist: { $names }
    }
cli-tip-similar-value =
    { $count ->
        [one] a similar value exists: { $names }
       *[other] some similar values exist: { $names }
    }
cli-tip-trailing-value = to pass { $value } as a value, use { $fix }
cli-tip-remove-dashes = subcommand { $subcommand } exists; to use it, remove the '--' before it
cli-tip-exists = { $usage } exists
cli-tip-other = { $detail }

## roster (issue 15 point 2)
cli-value-name-fingerprint = FINGERPRINT
cli-roster-about = Enrol observers' keys beforehand (a coordinator's roster): with a roster, merge refuses keys not enrolled
cli-roster-long-about = Enrol observers' key fingerprints beforehand, in the coordinator's database (--db). With a non-empty roster, `constat merge` refuses any file one of whose observers signs with a key not enrolled, naming the fingerprint and the command to run. Each observer reads their fingerprint with `constat whoami`.
cli-roster-add-about = Enrol one observer's key fingerprint
cli-roster-add-arg-name = The observer's name
cli-roster-add-arg-fingerprint = The fingerprint `constat whoami` printed for them (K7QF-3M2X-9PZA-W4TR-HN6C; dashes, spaces and lower case accepted)
cli-roster-import-about = Enrol every line of a CSV file “name,fingerprint” (header optional, `;` accepted): all or nothing
cli-roster-import-arg-file = The CSV file
cli-roster-list-about = List the enrolled keys
cli-whoami-about = Print this database's observer: name, id, key fingerprint and chain reference (to send to the coordinator and write in the procès-verbal)
cli-merge-arg-accept-key = Settle a key conflict: merge the files signed with this key fingerprint, refuse the others claiming the same observer; accept a key change signed with this new key only (`key new --lost`) (repeatable)
cli-merge-arg-accept-unsigned = Take the events of observers with no key (files of constat from before December 2026); refused otherwise, since a genuine observer's file has been signed since then

## output guard (issue 15 point 7)
cli-report-arg-force = With -o: replace an existing file (never a database)
cli-export-db-arg-force = Replace an existing file (never a database)
cli-export-db-arg-thumbnails = Leave the photos' bytes out, keep their thumbnails and events (with the originals' hashes): a file small enough to mail; the originals, sent later, still verify
cli-export-csv-arg-force = Replace an existing file (never a database)
## coordination (issue 18): reference files, init --reference, machines --from, pv --all
cli-reference-about = Write a reference file to hand out to observers: the election, circonscriptions, candidates and bureaux of this database (no event, no observer, no key)
cli-reference-after-help =
    Example: constat --db national.db reference -o reference.db
    Each observer then creates their database: constat init --reference reference.db --observer NAME --bureau 75056_0911
cli-reference-arg-output = The reference file to write (never over an existing file)
cli-init-arg-reference = A reference file from your coordinator (`constat reference`): its election, candidates and bureaux, with a new identity and key of your own
cli-machines-arg-from = Every bureau of a CSV table instead: a bureau code column and a yes/no column (as the bureaux import's `machine_a_voter`), recorded in one transaction
cli-pv-arg-all = Every bureau with a finding instead: one file per bureau (for each observer who saw it: their réclamation and its annex) and an index, in the folder given with -o
cli-pv-arg-output = With --all: the folder to write (must not exist, or be empty)

## coordination (issue 18 point 3)

cli-coordination-about = The coordinator's live national picture: files received, coverage, findings, the latest ballots absent from a table; updated as merges land
cli-coordination-long-about = The coordinator's live national picture of the --db database (alias: coord). At the top: the election, the time of the data (latest event, Paris time), the events and observers in the file, the files received by "merge --watch" and, with a roster, who has sent nothing. Then coverage (circonscriptions and bureaux with at least one observer), the report's findings by kind, the missing-envelope and non-receipt rates with their 95 % interval, and the latest ballots seen absent from a table. Enter goes down to a département, a circonscription, a bureau; Esc goes up; o lists the observers; ? help; q quits. Refused files are printed by "merge --watch" in its own terminal.
cli-coordination-arg-once = Print the national view once as text, then exit (for scripts)

## photos (issue 19)
cli-photo-about = Attach photos as evidence to a cell, the household's envelopes, a non-receipt or the bureau
cli-photo-long-about = Attach photos as evidence. Each photo is a signed event of your chain (its SHA-256, size, type, file name, the EXIF time it was taken when present); its bytes are kept in the database, by their hash, in the same transaction. By default the stored copy loses its EXIF, XMP and IPTC metadata (GPS position, camera serial number), without re-encoding the picture; the event keeps the original's hash, so the original still verifies. A HEIC photo is stored as received (nothing is stripped from it). Every file is checked before anything is recorded: one refused file (not a JPEG, PNG or HEIC image, over 20 MB, unreadable) and nothing is recorded.
cli-photo-after-help =
    Examples:
      constat photo --circonscription 7501 --bureau 75056_0911 table.jpg
      constat photo --circonscription 7501 --bureau 75056_0911 --candidate 3 --item bureau pile.jpg
      constat photo --circonscription 7501 --household envelopes.heic
cli-photo-arg-circonscription = Circonscription code (7501)
cli-photo-arg-bureau = Bureau code (75056_0911) [default: the database's current bureau]
cli-photo-arg-candidate = The cell's candidate (panel number), with --item
cli-photo-arg-item = The cell's column, with --candidate
cli-photo-arg-item-value-foi = Profession de foi in the envelope
cli-photo-arg-item-value-courrier = Ballot in the envelope
cli-photo-arg-item-value-bureau = Ballot on the bureau's table
cli-photo-arg-household = The photo shows the household's envelopes
cli-photo-arg-non-receipt = The photo belongs to this non-receipt (its event id)
cli-photo-arg-note = Free text kept with each photo
cli-photo-arg-keep-metadata = Store the files as received, with their EXIF (GPS position, camera serial number)
cli-photo-arg-files = The photos (JPEG, PNG, HEIC; 20 MB at most each)
cli-value-name-id = ID
## Issue 18 point 6 (night): export xlsx.
cli-export-xlsx-about = The observations and the findings as an Excel workbook (codes as text, dates as dates)
cli-export-xlsx-arg-output = Where to write it
cli-export-xlsx-arg-force = Replace an existing file (never a database)
## key (issue 15 point 3)
cli-key-about = Replace this database's signing key: a new key pair, announced in the observer's chain
cli-key-new-about = Make a new key pair for this database's observer, announced in their chain by a key-change event signed with the old key; print the new fingerprint
cli-key-new-arg-lost = The old key is lost: the change is signed with the new key only, and a coordinator takes it with `merge --accept-key NEW-FINGERPRINT`
