# constat: plain messages (en).
# Words only: no symbol carries meaning alone, so that a screen reader reads every line as it is.

# The prompt, written without a newline.
plain-prompt = constat>{" "}
# Between a label and its value.
plain-sep = {": "}
plain-circonscription = Circonscription
plain-bureau = Bureau
plain-no-bureau = no bureau chosen (type bureau CODE): ballots at the bureau and non-receipts cannot be recorded
plain-observer = Observer
plain-item-foi = profession de foi
plain-item-courrier = ballot (mail)
plain-item-bureau = ballot (bureau)
plain-mark-present = present
plain-mark-absent = absent
plain-mark-unchecked = not checked
plain-candidates =
    { $count } { $count ->
        [one] candidate
       *[other] candidates
    }:
plain-non-receipts = Non-receipts recorded: { $count }.
plain-start-hint = Type "help" for the list of commands, "quit" to leave.
# One line of the list per line here.
plain-help =
    Commands:
    3 foi p: candidate 3, profession de foi present. Columns: foi, courrier, bureau (or f, c, b). Values: p (present), a (absent), - (clear).
    all bureau p: the whole column for every candidate, after confirmation.
    envelope 4 1: 4 voters at the address (1 to 99), 1 envelope received; envelope 4 2 06/06/2024: 2 envelopes, arrived on 6 June 2024. More envelopes than voters: a question asks you to confirm.
    number 2: the foi and courrier cells that follow are those of the household's 2nd envelope (number 1 goes back to the first).
    non-receipt Jean Dupont: a voter of the bureau received no envelope (the name is optional); your household without a name or with yours, else type non-receipt own NAME or non-receipt other NAME.
    note 3 bureau TEXT: adds a note to the cell, with its current value.
    bureau 75056_0911: goes to that bureau (or bureau 7501: to that circonscription).
    machines yes: the bureau votes on machines (no ballots on the table); machines no: it does not.
    time 11/06/2017 15:40: the observations that follow were seen then (a record typed in later); time 15:40: on the election day; time now: back to the time of entry.
    undo: withdraws the last change, then the one before; a change of an earlier session after confirmation (y/n).
    list: reads the candidates and their cells again.
    history 3 bureau: every observation of yours of the cell, with its time.
    findings: the findings of the circonscription, as in the report.
    pv: the réclamation for the bureau's procès-verbal, as constat pv.
    annex: the réclamation's annex (every fact of the bureau, its reference and the full digest), as constat pv --annex.
    export FOLDER: writes the evidence into that folder (on a USB stick, for instance), as constat export evidence.
    verify: re-checks the database's hash chains and signatures.
    photo 8 bureau PATH: attaches a photo (JPEG, PNG or HEIC, 20 MB at most) to candidate 8's cell; photo bureau PATH: to the bureau; photo envelope PATH: to the household's envelopes. ~/ is your home folder; the GPS position and the camera are removed from the stored copy.
    help: this list. quit (or Ctrl-C): ends the session. Up and down arrows: the lines typed before.

## What a command did.

plain-saved-at = saved at { $time }.
# A change seen at the time the observer gave with « heure » ($seen), recorded at $time.
plain-saved-seen-at = seen at { $seen }, saved at { $time }.
plain-not-saved = NOT SAVED: { $error }
# $done of $total changes were saved before the error.
plain-partly-saved = { $done } of { $total } saved before the error; "undo" withdraws them.
# $what: a cell and its value, already as they were.
plain-already = { $what } already: nothing to save.
plain-note-said = , note: "{ $text }"
plain-column-summary =
    { $what } for { $count } { $count ->
        [one] candidate
       *[other] candidates
    }
plain-column-nothing = Nothing to change: every candidate already has { $what }.
# The prompt of a whole-column command, written without a newline.
plain-column-confirm =
    Record { $what } for { $count } { $count ->
        [one] candidate
       *[other] candidates
    }? Confirm? (y/n){" "}
plain-column-cancelled = Cancelled: nothing was saved.

## Envelopes and non-receipts.

plain-envelope-summary =
    Household envelopes: { $voters } { $voters ->
        [one] voter
       *[other] voters
    } at the address, { $count } { $count ->
        [one] envelope
       *[other] envelopes
    } received
# The day the $count envelopes came (English does not agree "arrived" with the count; the
# selector keeps the same variables as the French).
plain-envelope-day =
    , arrived on { $count ->
        [one] { $day }
       *[other] { $day }
    }
# The household's envelopes: $summary is plain-envelope-summary, $day plain-envelope-day or
# nothing, $note plain-note-said or nothing.
plain-envelope-fact = { $summary }{ $day }{ $note }.
# After an item, when the household has several envelopes.
plain-envelope-tag = {" "}(envelope { $number })
plain-envelope-number = Envelope { $number }: the foi and courrier cells that follow are this envelope's.
plain-no-envelope-received = Not recorded: the household received no envelope, there is nothing to tick. If an envelope arrived, give their number first (enveloppe V R).
plain-arrival-without-envelope = No day of arrival without an envelope received: type enveloppe V 0 without a day.
plain-envelope-beyond = No envelope { $number }: numero goes up to { $last }. If the household received more envelopes, give their number first (enveloppe V R), then numero { $number }.
# The line before the grid when it shows an envelope after the first.
plain-envelope-shown = Household envelope { $number } (foi and courrier):
# Whose household a non-receipt is of, after its summary.
plain-household-own = your household
plain-household-other = another household
plain-non-receipt-named = Non-receipt: { $voter }, bureau { $bureau }
plain-non-receipt-unnamed = Non-receipt without a name, bureau { $bureau }

## Replies.

plain-undone = Undone: { $what }
plain-nothing-to-undo = Nothing to undo.
plain-needs-bureau = No bureau chosen: the ballot at the bureau and non-receipts need one (type bureau CODE, for instance bureau 75056_0911).
plain-place-unknown = "{ $code }" is neither a bureau nor a circonscription of this database (example: bureau 75056_0911, bureau 7501).
# The question before undoing a change recorded in an earlier session ($what: what it undoes).
plain-undo-earlier-confirm = Undo “{ $what }”, recorded in an earlier session? (y/n){" "}
plain-confirm-again = Answer y (yes) or n (no).
# $known: the panel numbers of the circonscription.
plain-unknown-panel = No candidate number { $number } here. Numbers: { $known }.
# Followed by the problem and an example.
plain-not-understood = Not understood:{" "}
plain-bye = End of the session.

## What was wrong in a line ($word: the word in question).

plain-problem-unknown-command = "{ $word }" is not a command
plain-problem-missing-panel = the candidate's number is missing
plain-problem-bad-panel = "{ $word }" is not a candidate number (a number from 1 to 999)
plain-problem-missing-item = the column is missing: foi, courrier or bureau
plain-problem-bad-item = "{ $word }" is not a column: write foi, courrier or bureau
plain-problem-missing-mark = the value is missing: p (present), a (absent) or - (clear)
plain-problem-bad-mark = "{ $word }" is not a value: write p (present), a (absent) or - (clear)
plain-problem-missing-number = a number is missing
plain-problem-bad-number = "{ $word }" is not a whole number
plain-problem-no-voters = there must be at least one voter at the address
plain-problem-bad-date = "{ $word }" is not a date: a day that exists, in a year from 2000 to 2099, written DD/MM/YYYY
plain-problem-bad-envelope-number = "{ $word }" is not an envelope number (1 to 999)
# $word: the words left over.
plain-problem-extra = words left over: "{ $word }"
plain-problem-missing-text = the note's text is missing
plain-problem-too-long =
    text too long (at most { $max } { $max ->
        [one] character
       *[other] characters
    })
plain-problem-control = the text contains control characters

## The right form of the command a mistake was made in.

plain-example-any = Examples: 3 foi p, envelope 4 1, help
plain-example-set = Example: 3 foi p (candidate 3, profession de foi present)
plain-example-column = Example: all bureau p (ballot at the bureau present for everyone)
plain-example-envelope = Example: envelope 4 1 (4 voters, 1 envelope received), or envelope 4 1 06/06/2024
plain-example-envelope-number = Example: number 2 (the household's 2nd envelope)
plain-example-non-receipt = Example: non-receipt Jean Dupont
plain-example-note = Example: note 3 bureau ran out of ballots at 3 pm
plain-example-place = Example: bureau 75056_0911 (or a circonscription: bureau 7501)
plain-example-bare = Example: undo (with nothing after it)

## Issue 16: limits, re-checks, findings, réclamation, annex, export, history, verification.

plain-interrupted = Interrupted (Ctrl-C).
plain-rechecked-at = re-checked at { $time }.
plain-too-many-voters = Not saved: the voters registered at the address go from 1 to { $max }. Example: envelope 4 1.
plain-too-many-envelopes = Not saved: { $max } envelopes received at most. Example: envelope 4 1.
# The question before recording more envelopes than voters, written without a newline.
plain-more-than-voters-confirm =
    { $voters } { $voters ->
        [one] voter
       *[other] voters
    } at the address but { $count } { $count ->
        [one] envelope received
       *[other] envelopes received
    }: { $more } more than voters. Is that what you saw? Confirm? (y/n){" "}
# After the envelope summary: envelopes received beyond the voters.
plain-envelope-excess =
    {" "}({ $count } { $count ->
        [one] envelope
       *[other] envelopes
    } more than voters)
plain-findings-none = No findings: nothing is observed in this circonscription yet.
plain-pv-needs-bureau = No bureau chosen: the réclamation is a bureau's (type bureau CODE, for example bureau 75056_0911, then pv).
plain-exported = Evidence exported to { $folder }.
plain-export-not-empty = Nothing was written: the folder { $folder } already holds files. For a free folder beside it, type: export { $free }
plain-history-title =
    History of { $what }: { $count } { $count ->
        [one] observation
       *[other] observations
    }:
plain-history-line = on { $day } at { $time }: { $mark }
plain-history-line-noted = on { $day } at { $time }: { $mark }, note: "{ $note }"
plain-history-none = History of { $what }: no observation recorded by you.
plain-verify-ok = intact: { $what }
plain-verify-broken = ALTERED: { $what }: { $why }
plain-verify-all-ok = Verification done: everything is intact.
plain-verify-some-broken =
    Verification done: { $count } { $count ->
        [one] check ALTERED
       *[other] checks ALTERED
    }.
plain-problem-missing-folder = the folder is missing
plain-example-export = Example: export /media/stick/evidence (an empty folder, or one that does not exist yet)
plain-example-history = Example: history 3 bureau (candidate 3, ballot at the bureau)
plain-example-machines = Example: machines yes (the bureau votes on machines), machines no (it does not).
plain-example-seen-at = Example: time 11/06/2017 15:40, time 15:40 (on the election day, in the bureau's legal time; in UTC for the French abroad), time now.
plain-problem-bad-moment = "{ $word }" is not a moment: write the day and the time (11/06/2017 15:40), or the time alone on the election day (15:40)
plain-problem-bad-yes-no = "{ $word }" is neither yes nor no
plain-machines-on = bureau { $bureau }: votes on machines (no ballots on the table, no finding about it)
plain-machines-off = bureau { $bureau }: does not vote on machines
plain-seen-at = The observations that follow are dated { $moment } ("time now" goes back to the time of entry).
plain-seen-now = The observations that follow are dated when you type them.

## Photos (issue 19).

# $what: the cell (as plain-history names it), the bureau or the household; $name: the file's
# name; $sha: the start of its SHA-256; $kept: stripped, heic or kept.
plain-photo-saved = Photo attached to { $what }: { $name } (sha256 { $sha }…{ $kept ->
    [stripped] , GPS position and camera removed from the stored copy
    [heic] , HEIC stored as received
   *[kept] {""}
})
plain-photo-bureau = bureau { $bureau }
plain-photo-household = the household's envelopes
plain-photo-needs-bureau = No bureau chosen: a photo is attached in a bureau (type bureau CODE, for instance bureau 75056_0911, then photo).
plain-example-photo = Example: photo 8 bureau ~/storage/dcim/Camera/IMG_0001.jpg (or photo bureau PATH, photo envelope PATH)
plain-problem-missing-photo-subject = what the photo shows is missing: a candidate number and a column, bureau or envelope
plain-problem-bad-photo-subject = "{ $word }" is neither a candidate number, bureau nor envelope
plain-problem-missing-path = the path of the photo's file is missing
# `historique N ITEM`: the cell's photos, after its observations.
plain-history-photos =
    Photos of { $what }: { $count } { $count ->
        [one] photo
       *[other] photos
    }:
# $taken: plain-photo-taken, plain-photo-taken-day or nothing.
plain-history-photo = on { $day } at { $time }: photo "{ $name }"{ $taken }
plain-photo-taken = , taken at { $time }
plain-photo-taken-day = , taken on { $day } at { $time }
# After a cell's value in the candidate lines: its photos.
plain-cell-photos =
    {" "}({ $count } { $count ->
        [one] photo
       *[other] photos
    })
