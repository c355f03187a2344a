# constat: reasons messages (en).
# Values from another observer's file ($id, $name, $value…) and text from outside ($detail) are
# shown as they are.

## What the system said

reason-system = { $kind ->
       *[other] { $detail }
    }

## Why a file cannot be read as a constat database

refusal-empty-file = not a database file (empty file)
refusal-no-sqlite-header = not a database file (no SQLite header)
refusal-utf16-text = a text file in UTF-16 (a spreadsheet's “Unicode text” save), neither a constat database nor an export CSV as constat reads it back: save it as “CSV UTF-8”, or send the exported file as it is
refusal-events-table-other-layout = a table of events whose columns were moved or renamed (the first must be “election”, in the order `constat export csv` writes them): constat does not read back a reworked table; send the exported file as it is
refusal-not-constat = an SQLite file, but not a constat database
refusal-newer-schema = written by a newer constat (schema { $found }, this one knows up to { $supported }): update constat
refusal-damaged = damaged file: { $kind ->
       *[other] { $detail }
    }
refusal-damaged-check = damaged file: { $detail }
refusal-damaged-observer-id = damaged file: observer id `{ $id }` is not a UUID
refusal-schema-foreign = unexpected database structure: { $kind } `{ $name }` is not constat's
refusal-schema-altered = unexpected database structure: { $kind } `{ $name }` is missing or altered
refusal-schema-differs = unexpected database structure: objects differ
refusal-schema-expected = unexpected database structure: { $detail }
refusal-too-large = file of { $bytes } bytes is larger than any observer's database (limit { $limit })
refusal-unreadable = cannot read the file: { $why }
refusal-not-regular = not a regular file ({ $kind }): never opened
refusal-in-use = the file changed while it was being read: its observer is still writing it; try again once constat is closed on it, or ask for `constat export db`

## Why a merge refuses a file

refusal-other-election = another election: the file records { $theirs }, this database { $ours }
refusal-candidate-differs = candidate list differs: circonscription { $circ } n° { $panel } is { $theirs } in the file but { $ours } here (import the newer official list here to map ticks by panel number)
refusal-unknown-candidate = event { $event } names candidate n° { $panel } of circonscription { $circ }, which is not in this database's candidate list
refusal-unknown-bureau = event { $event } names bureau { $bureau }, which is not in this database's reference data, although the file's observers signed the same reference data as this database: the file does not match its own signature
refusal-unknown-circonscription = event { $event } names circonscription { $circ }, which is not in this database's reference data, although the file's observers signed the same reference data as this database: the file does not match its own signature
refusal-invalid = invalid content: { $what }
refusal-bad-retraction = event { $event } withdraws { $target }, which is not an earlier event of the same observer
refusal-chain-mismatch = event { $event } does not match its hash: altered, moved or copied from another observer
refusal-chain-gap = event { $event } is at position { $found } but this observer's events stop at { $last }: earlier events are missing
refusal-bad-signature = observer { $observer }: { $why }
refusal-unknown-observer = event { $event } has an observer the file does not list
refusal-ours = this database: { $what }
refusal-signature-unlisted-observer = the file signs a chain head for an observer it does not list
refusal-signature-no-public-key = the chain head is signed but the observer has no public key
refusal-signature-malformed-hash = malformed chain head hash
refusal-signature-malformed = malformed signature
refusal-signature-does-not-verify = the chain head signature does not verify: the file was altered
refusal-signature-head-mismatch = the signed chain head does not match the observer's events
refusal-signature-other-key = this observer is known here with another public key
refusal-reference-altered = the file's reference data (election, candidates, bureaux) are not those its observer signed: they were changed since; ask the observer for a new export
refusal-key-conflict = key conflict: observer “{ $name }” ({ $observer }) { $ours ->
    [none] is already here without a key, with observations that this file's signed chain contradicts
   *[other] is already here with key { $ours }
 }; this file gives them key { $theirs }. One of the two versions is not theirs: nothing of this file is merged. Compare with the fingerprint written in the procès-verbal or given by the observer (`constat whoami`); if this file's is the right one, rebuild the target from the files received, leaving out the one that brought the other version, or with `--accept-key { $theirs }`
refusal-key-disputed = key dispute: observer “{ $name }” ({ $observer }) is already here { $held ->
    [none] without a key
   *[other] with key { $held }
 }; this file gives them key { $claimed }. One of the two versions is not theirs: nothing of this file is merged, and this observer's observations already here are set aside from findings, reports and procès-verbaux until you settle it. Ask them for their fingerprint (`constat whoami`) or compare with the one in the procès-verbal, then: constat merge --into { $target } --accept-key FINGERPRINT
refusal-key-rejected = key { $claimed } of “{ $name }” rejected: the key dispute was settled for key { $kept }, kept here; nothing of this file is merged
refusal-held-key-rejected = “{ $name }”: the key dispute was settled for key { $accepted }, this file's; the observations already here { $held ->
    [none] without a key
   *[other] under key { $held }
 } stay set aside. This database only ever grows and cannot replace them with this file's: create a new target database and merge the files received into it with --accept-key { $accepted }

## One event of another observer's file

reason-event-future = event { $id } is dated { $at }, in the future
reason-event-too-old = event { $id } is dated { $at }, before constat existed
reason-event-too-long = event { $id }: { $field } is { $len } characters long (at most { $max })
reason-event-envelope = event { $id }: envelope number { $number } is not allowed (1 to { $max }, envelope items only)
reason-event-day = event { $id }: the day of arrival { $day } is not a year from 2000 to 2099
reason-event-control = event { $id }: { $field } contains control characters
reason-event-bad-key-change = event { $id } is a key change whose keys are not two public keys (64 hex digits each)
reason-conflict-same-id = event { $id } exists with different content (altered or corrupt copy)
reason-conflict-same-seq = observer { $observer } has two different events at position { $seq }: { $ours } and { $theirs }

## Verification

reason-chain-gap = event at position { $expected } is missing (found position { $found } next)
reason-chain-mismatch = event { $id } at position { $seq } does not match its hash: altered, moved or copied from elsewhere
reason-chain-mismatch-at-line = { $why } (line { $line })
reason-chain-invalid = { $path }: { $what }
reason-chain-unreadable = unreadable event: { $detail }
reason-chain-head-mismatch = the signed head (position { $seq }) does not match the events
reason-chain-no-public-key = the chain head is signed but the observer has no public key
reason-chain-bad-head-signature = the signature of the chain head (position { $seq }) does not verify
reason-folder-not-manifest-line = not `SHA256  FILE`
reason-folder-outside = a file outside the folder
reason-folder-digest-differs = SHA-256 differs from the MANIFEST (MANIFEST: { $listed }…, file: { $found }…)
reason-folder-unreadable = { $why }
reason-folder-not-listed = not listed in the MANIFEST

## Rows of an events CSV

reason-row = line { $line }, column `{ $column }`: { $why }
reason-csv-unequal-at = CSV error: record { $record } (line: { $line }, byte: { $byte }): found record with { $found } fields, but the previous record has { $expected } fields
reason-csv-unequal = CSV error: found record with { $found } fields, but the previous record has { $expected } fields
reason-csv-utf8-at = CSV parse error: record { $record } (line { $line }, field: { $field }, byte: { $byte }): invalid utf-8: invalid UTF-8 in field { $field } near byte index { $index }
reason-csv-utf8 = CSV parse error: field { $field }: invalid utf-8: invalid UTF-8 in field { $field } near byte index { $index }
reason-csv-other = { $detail }
reason-row-header = expected the constat events columns `{ $expected }`, found `{ $found }`
reason-row-not-uuid = `{ $value }` is not a UUID
reason-row-not-count = `{ $value }` is not a count
reason-row-not-item = `{ $value }` is not foi, courrier or bureau
reason-row-not-mark = `{ $value }` is not present, absent or unchecked
reason-row-not-envelope = `{ $value }` is not an envelope number (1 to 999)
reason-row-not-date = `{ $value }` is not a YYYY-MM-DD date
reason-row-machines-bureau = a machines statement needs a bureau
reason-row-not-flag = `{ $value }` is not true or false
reason-row-non-receipt-bureau = a non-receipt needs a bureau
reason-row-not-kind = `{ $value }` is not tick, envelope, non_receipt, machines or retract
reason-row-not-time = `{ $value }` is not an RFC 3339 time
reason-row-not-hash = `{ $value }` is not 64 hex digits
reason-row-not-seq = `{ $value }` is not a position from 1
reason-row-other-election = `{ $found }` differs from the first row's `{ $first }`
reason-row-refused = the event was refused

## Warnings

warning-leftover-wal = { $wal } is beside the file: it was copied while in use and may lack its latest ticks; ask for `constat export db`

# What a path is when it is not a regular file.
reason-not-regular-fifo = named pipe (FIFO)
reason-not-regular-socket = socket
reason-not-regular-device = device
reason-not-regular-directory = folder
reason-not-regular-symlink = symbolic link
reason-not-regular-other = neither a file nor a folder
reason-folder-not-regular = not a regular file ({ $kind }): not read

# Entries of a merge's inputs that are not read.
reason-skipped-not-regular = skipped: { $kind }, not a regular file
reason-skipped-loop = skipped: a loop of links or folders (already walked)
reason-skipped-dangling = skipped: link to nothing
reason-skipped-outside = skipped: link outside the inbox, to { $target }; followed only with --follow-symlinks
reason-skipped-unreadable = skipped: unreadable: { $why }
reason-skipped-total = { $count ->
    [one] { $count } entry skipped (see the table)
   *[other] { $count } entries skipped (see the table)
}

## Issue 15 (sign): signatures, statements, time, key files

reason-key-no-folder = no folder for keys: none of CONSTAT_KEY_DIR, XDG_DATA_HOME and HOME is set; set CONSTAT_KEY_DIR
reason-key-malformed = not a constat key file (first line `constat-key/1` expected)
reason-key-other-key = this key file is another observer's, or holds another key than the database's
reason-key-exists = a key file is already there: constat never replaces a key
reason-key-io = the system refused (detail: "{ $detail }")
refusal-unsigned = observer { $observer }: positions { $first } to { $last } are covered by no valid signature (signed up to position { $signed }): ask the observer for a new export of their database
refusal-event-signature = observer { $observer }: the signature of position { $seq } does not verify: the file was altered; ask the observer for a new export
refusal-bad-statement = observer { $observer }: the signed statement (name "{ $name }", key, reference data) does not verify: name or data altered; ask the observer for a new export
refusal-unkeyed = observer { $observer } (“{ $name }”): no key, neither in the file nor here: nothing proves who wrote their events (a file stripped of its keys and signatures, or one of a constat from before December 2026); ask the observer for a new export, or merge with --accept-unsigned if you know where this file comes from
refusal-statement-missing = observer { $observer }: their events are signed but the signed statement (name "{ $name }", key, reference data) was removed from the file: nothing covers their name or data any more; ask the observer for a new export
refusal-key-change-not-accepted = observer { $observer } (“{ $name }”): the key change at position { $seq } is signed with its new key { $fingerprint } only (old key lost): nothing proves it comes from the observer; check this fingerprint with them, then merge with --accept-key { $fingerprint }
refusal-time-goes-back = observer { $observer }: position { $seq } is dated { $at }, before the position before it ({ $previous }): the chain goes back in time; ask the observer for a new export
refusal-from-the-future = observer { $observer }: position { $seq } is dated { $at }, more than { $minutes } minutes after this machine's clock ({ $now }): check this machine's clock and the observer's
refusal-not-enrolled = observer “{ $name }” ({ $observer }): { $fingerprint ->
    [none] an unsigned file, while the target has a roster of enrolled observers: only enrolled keys are accepted; ask the observer for an export made with a current constat, then enrol their fingerprint (`constat whoami`)
   *[other] key { $fingerprint } is not in the target's roster; if it is their key (the observer reads it with `constat whoami`), enrol it with `constat roster add` and merge again
}
reason-chain-unsigned = { $events } events, signed only up to position { $signed }: the rest is covered by no signature
reason-chain-orphan = events of an observer missing from the observer table
reason-chain-bad-statement = the observer's signed statement (name, key, reference data) does not verify
reason-chain-statement-missing = the events are signed but the observer's signed statement (name, key, reference data) was removed: their name and data are not verified
reason-chain-key-change-unproven = the key change at position { $seq } is signed with its new key { $fingerprint } only (old key lost): nothing in the file proves that this key is the observer's; compare the fingerprint with them (a coordinator accepts it with `merge --accept-key { $fingerprint }`)
reason-chain-key-change-broken = the key change at position { $seq } does not hold: it is signed with neither of its keys, or its keys do not follow those of the chain
reason-chain-reference-altered = the file's reference data (election, candidates, bureaux) are not those its observer signed: changed since
reason-chain-local-key-missing = the database gives its own observer no key, though they have events: constat always gives a database's own observer one, so it was removed (nothing proves any more who wrote these events)
reason-chain-time-goes-back = at position { $seq }, the recording time goes back before the position before it
reason-row-not-signature = "{ $value }" is not a signature (128 hex digits)
reason-row-not-key = "{ $value }" is not a key or digest (64 hex digits)
reason-row-observer-differs = this row says other things of its observer (name, key, statement) than their first row
reason-row-out-of-order = this row comes after a later position of the same observer: the rows were put in another order (sorted in a spreadsheet?); constat reads an export back in the order it wrote it: send the exported file as it is
# Evidence folders (issue 15 points 4, 5): what `verify DIR` and `verify --pv` find wrong.
reason-folder-empty = the folder is empty: no evidence to check
reason-folder-manifest-missing = the folder has no `MANIFEST`: nothing says which files it must hold
reason-folder-manifest-empty = the `MANIFEST` lists no file
reason-folder-listed-missing = listed in the MANIFEST but not in the folder
reason-folder-no-events-csv = the folder has no `events.csv`: no chain to re-check
reason-folder-part-missing = this file is missing: every evidence folder written by `constat export evidence` holds it; the folder is incomplete (ask whoever exported it for the whole folder)
reason-folder-signature-missing = the folder has no `MANIFEST.sig`: no one signed the MANIFEST
reason-folder-signature-malformed = line { $line } of `MANIFEST.sig` is not as constat writes it
reason-folder-signature-invalid = the signature does not match the MANIFEST: the MANIFEST was changed or signed with another key
reason-folder-signer-key-differs = the key that signs the MANIFEST is not this observer's key in `signatures.csv`
reason-folder-signatures-missing = the folder has no `signatures.csv`: no key checks the chains
reason-folder-signatures-malformed = line { $line } of `signatures.csv` is not as constat writes it
reason-folder-chain-digest-differs = the digest written ({ $written }…) is not the one recomputed from `events.csv` ({ $recomputed }…)
reason-folder-chain-digest-missing = `events.csv` holds events but the folder has no `chain-digest.txt`
reason-seal-orphan = { $events ->
    [one] { $events } event of an observer not in `signatures.csv`: no key checks it
   *[other] { $events } events of an observer not in `signatures.csv`: no key checks them
}
reason-seal-not-signed = { $events ->
    [one] { $events } event, signed by no one (no key or no signed head in `signatures.csv`)
   *[other] { $events } events, signed by no one (no key or no signed head in `signatures.csv`)
}
reason-seal-signed-up-to = { $events } events, signed up to position { $signed } only: the later ones are covered by no signature
reason-seal-head-beyond = the signed head is at position { $signed } but the chain stops at { $events }: events were removed from its end
reason-seal-head-differs = the signed head (position { $seq }) does not match the event at that position in `events.csv`
reason-seal-bad-signature = the signature of the chain head (position { $seq }) does not verify with the key of `signatures.csv`
reason-seal-name-differs = the name “{ $events }” of `events.csv` is not “{ $signatures }” of `signatures.csv`
reason-folder-observation-differs = { $line ->
    [0] `observations.csv` does not have one row per event of `events.csv`
   *[other] line { $line } of `observations.csv` does not match the event of `events.csv` it shows (column `{ $column }`)
}
reason-folder-photo-differs = this photo hashes to { $found }…, its event { $event } announces { $announced }…: it was changed after it was recorded
reason-pv-no-such-key = no observer of this file has a key with this fingerprint
reason-pv-chain-shorter = { $name }'s chain has only { $events } events: it stops before the PV's position
reason-pv-hash-differs = at the PV's position, { $name }'s chain has hash { $found }: not the state written in the PV
reason-pv-not-intact = the file does not verify (see above)
reason-seal-bad-statement = the observer's signed statement carried by `events.csv` (name, key, reference data) does not verify: the name or the data was altered
reason-seal-statement-missing = the rows of `events.csv` are signed but carry no signed statement of the observer (name, key, reference data): it was removed, their name and data are not verified
reason-seal-other-key = at position { $seq }, the key in `events.csv` is not the observer's key in `signatures.csv`
reason-seal-bad-event-signature = the signature of position { $seq } does not verify: the event was altered or signed with another key

## Photos (issue 19)
reason-photo-not-a-file = it is not a regular file
reason-photo-unreadable = it cannot be read ({ $why })
reason-photo-too-large = it is { $size } MB, over the { $max } MB limit
reason-photo-not-an-image = it is not a JPEG, PNG or HEIC image (its first bytes are not)
reason-photo-damaged = it starts like an image but its structure cannot be read (truncated or damaged file)
refusal-photo-mismatch = a photo's bytes do not hash to what its event announces (announced { $sha }, found { $found }): the photo was changed after it was recorded
refusal-photo-too-large = photo { $sha } is { $size } bytes, over the { $max } limit
refusal-too-many-photos = the file brings { $count } photos, over the limit of { $max } per file
## Issue 18 point 1 (night): a database copied by hand.
refusal-copied-database = copy of another database: observer "{ $name }" ({ $observer }) already has other events here from position { $seq } on, signed with the same key. This file comes from a database copied by hand and used beside the original. Each observer must create their own database with "constat init --reference FILE --observer NAME": keep the file merged first; the observer of the other copy creates their database that way, records their findings again and sends their file again.
