# constat: journey messages (en).

## Tabs, wide and short, in screen order.

journey-tab-envelope = 1 Envelope
journey-tab-bureau = 2 Polling station
journey-tab-summary = 3 Summary
journey-tab-envelope-short = 1 Env.
journey-tab-bureau-short = 2 Bureau
journey-tab-summary-short = 3 Summary

## Key hints.

journey-hint-envelope = space/p/a mark · e envelope · n non-receipt · c note · Tab screen · / place · u undo · ? help · q quit
journey-hint-bureau = space/p/a mark · c note · m machines · M move · Tab screen · / place · u undo · ? help · q quit
journey-hint-summary = x export · ↑↓ scroll · Tab screen · u undo · ? help · q quit
journey-hint-confirm = y yes · n no
journey-hint-move-picker = ↑↓ choose · Enter move here · Esc cancel

## Grid and bureau screen.

journey-col-checked-at = Checked at
journey-col-checked-at-short = At
# Marks a cell that carries a note.
journey-note-marker = ✎
journey-bureau-none = No bureau chosen: press / to choose your bureau.
journey-bureau-machines = voting machines: no ballots expected on a table
journey-bureau-no-machines = ballots on a table
journey-bureau-machines-short = voting machines
journey-bureau-no-machines-short = table
# $time: the time of the last observation.
journey-bureau-last-check = last check at { $time }
journey-bureau-last-check-short = checked { $time }
journey-picker-prompt-short = Search
journey-bureau-not-checked = not checked yet

## Confirmation.

journey-confirm-title = Confirm
journey-yes = [y] Yes
journey-no = [n] No
journey-button-ok = [Enter] Confirm
journey-button-cancel = [Esc] Cancel
# $count: the unchecked candidates of the column (at least 1); $column: the column's title.
journey-ask-mark-column =
    { $count ->
        [one] Mark the remaining candidate of the "{ $column }" column present?
       *[other] Mark the { $count } remaining candidates of the "{ $column }" column present?
    }
# $count: the observations moved; $replaced: those already made at bureau $to, which they replace.
journey-ask-move =
    Move { $count } { $count ->
        [one] observation
       *[other] observations
    } from bureau { $from } to bureau { $to }? They are withdrawn here and recorded there; the history is kept.{ $replaced ->
        [0] {""}
        [one] {" "}This replaces { $replaced } observation already made at bureau { $to }.
       *[other] {" "}This replaces { $replaced } observations already made at bureau { $to }.
    }
# $machines: yes when the bureau is being set to voting machines.
journey-ask-machines =
    { $machines ->
        [yes] Does bureau { $bureau } use voting machines (no ballots on a table)?
       *[no] Does bureau { $bureau } have ballots on a table (no voting machines)?
    }
journey-cancelled = Nothing was done

## Notes and envelopes.

journey-note-title = Note on the cell
journey-note-label = Note
journey-note-saved = Note saved with the cell
journey-envelope-note = Note (optional)
journey-envelope-received-on = Received on (DD/MM/YYYY)
journey-envelope-bad-date = "{ $value }" is not a date: a day that exists, in a year from 2000 to 2099, written DD/MM/YYYY (e.g. 06/06/2024)
journey-envelope-no-voters = There must be at least one voter at the address
journey-export-suggested = This folder already holds evidence: Enter to export into { $path }, or change the name
journey-picker-no-bureau-yet = No bureau chosen yet: / to choose one
# A profession de foi or courrier marked while the household's count says 0 envelopes received.
journey-envelope-none-received = No envelope received at the household: nothing to tick. If an envelope arrived, correct the count (e).
journey-envelope-arrival-without-envelope = No envelope received: clear the day of arrival
# The envelope shown ($number) of how many ($of), in the grid's header.
journey-envelope-shown = envelope { $number } of { $of } (+/-)
journey-envelope-shown-short = env. { $number }/{ $of } (+/-)
journey-envelope-switched = Showing envelope { $number } of { $of }
journey-envelope-first = This is the first envelope
# At the last envelope, when the observer gave the count ($count, at least 1).
journey-envelope-last-counted =
    { $count ->
        [one] Only one envelope received (e to correct)
       *[other] { $count } envelopes received (e to correct)
    }
# At the last envelope ($number), when the observer has not given the count yet.
journey-envelope-last-unticked = Tick envelope { $number } first (or e)

## Moving observations to another bureau.

journey-move-title = Move the observations to which bureau?
journey-move-nothing = No ballot observation to move at this bureau
journey-move-same-bureau = That is already the current bureau
journey-move-unknown = That bureau is not in this file
journey-move-other-circ = Bureau { $bureau } is not in circonscription { $circonscription }
journey-moved =
    { $count } { $count ->
        [one] observation
       *[other] observations
    } moved to { $to } (history kept)
journey-machines-set =
    { $machines ->
        [yes] Bureau { $bureau }: voting machines
       *[no] Bureau { $bureau }: ballots on a table
    }

## Summary and export.

journey-summary-loading = Preparing the summary…
journey-summary-findings = Findings of the circonscription
journey-summary-pv = Réclamation for the procès-verbal
journey-summary-pv-needs-bureau = Choose your bureau (key /) to prepare the réclamation.
journey-summary-digest = Reference to copy into the procès-verbal
journey-summary-digest-short = Reference
# On the summary screen, instead of the report's lines naming the statistics and the chain heads.
journey-summary-rates-intro = Missing envelopes and non-receipts over the voters of the households observed; 95 % range from { $min } households.
journey-summary-digest-full = Full digest of the observations: { $digest }
journey-summary-no-digest = no digest yet: nothing is recorded
journey-export-title = Export the evidence
journey-export-label = Folder to create (USB stick: /media/…/evidence)
# The folder proposed for the export, for circonscription $circonscription.
journey-export-default = constat-evidence-{ $circonscription }
journey-exported = Evidence exported: { $path }
journey-export-empty = Enter a folder

## The first-run form.

setup-title = Welcome to constat
setup-intro = No database here yet: let us create it (no existing file is ever overwritten).
setup-database = Database
setup-name = Your name (it will appear in the evidence)
setup-contact = Contact (optional: phone, email)
setup-election = Election
# $sample: the sample to try.
setup-sample = sample to try: { $sample } ({ $sample ->
    [presidentielle-2022] présidentielle 2022, 1st round, a few bureaux
   *[other] législatives 2017, Paris 1st
})
setup-reference = reference file from your coordinators (official data)
setup-reference-path = Path of the reference file
setup-hint = Tab next field · ←→ choose · Enter create · Esc quit
setup-name-required = Give your name: it signs your observations.
setup-reference-required = Give the reference file's path (e.g. /media/usb/legislatives.db).
setup-created = Database created. Your bureau: type a code, a street or a commune
setup-reference-missing = the reference file { $path } does not exist: check the path (is the USB stick mounted?)
setup-cancelled = No database created ({ $path } does not exist). Run constat again to create it.

## Issue 16: paste, cursor, grid status, undo, a cell's history, other writers.

# $on: yes when p and a move the cursor to the next row.
journey-advance = { $on ->
    [yes] After p or a, the cursor moves to the next row (v to stop it)
   *[no] After p or a, the cursor stays on the row (v to make it move)
}
journey-reloaded = Updated from the file (command line, merge): check the screen, nothing else was done
# A note longer than $max: $refused characters were not added.
journey-note-too-long = Notes are limited to { $max } characters: { $refused } not added
journey-note-count = { $count }/{ $max } characters
journey-ask-quit-form = Leave without saving what is typed in the form?
# $what: what the undo withdraws (journey-undone-cell, -column, -cells).
journey-ask-undo-earlier = Undo “{ $what }”, recorded in an earlier session?
journey-undone = Undone: { $what }
# $cell: journey-cell; $was: the mark undone; $now: the mark shown again.
journey-undone-envelope = the household's envelope count ({ $voters } { $voters ->
    [one] voter
   *[other] voters
}, { $received } received)
journey-undone-non-receipt = the non-receipt
journey-undone-machines = bureau { $bureau }: { $machines ->
    [yes] votes on machines
   *[other] no voting machines
}
journey-undone-photo = the photo attached
journey-undone-cell = { $cell } { $was } → { $now }
journey-undone-column = { $count } { $count ->
    [one] cell
   *[other] cells
} of the “{ $column }” column
journey-undone-cells = { $count } { $count ->
    [one] cell
   *[other] cells
}
# $item: foi, courrier or bureau.
journey-cell = no. { $panel } { $item ->
    [foi] profession de foi
    [courrier] ballot (envelope)
   *[bureau] ballot (bureau)
}
journey-rows-above = ↑ { $count } above
journey-rows-below = ↓ { $count } more
journey-all-checked = all checked
journey-progress = { $item ->
    [foi] foi
    [courrier] courrier
   *[bureau] bureau
} { $done }/{ $total }
journey-history-title = History: { $cell }
journey-history-loading = Reading the history…
journey-history-empty = No observation of this cell
journey-history-withdrawn = (withdrawn)
journey-hint-history = ↑↓ scroll · Esc close

journey-button-note = c note
# The non-receipt form's field: is the voter of the observer's own household (y/n)?
journey-non-receipt-household = Your household (y/n)
journey-household-yes = yes
journey-household-no = no
journey-household-default-yes = yes (default)
journey-household-default-no = no (default)
journey-button-export = x export
journey-button-undo = u undo
journey-button-help = ? help
journey-button-quit = q quit
# A phone's column titles: words, not abbreviations. $item: foi, courrier or bureau.
journey-col-phone = { $item ->
    [foi] foi
    [courrier] envelope
   *[bureau] ballot
}
journey-col-checked-at-phone = time

# Between a label and its value.
journey-sep = {": "}

# Issue 13 point 6: when the observations typed next were seen (key t)
journey-seen-at-title = Time of the observations
journey-seen-at-hint = When were the next observations seen? ({ $utc ->
    [yes] UTC: the code of this bureau abroad gives no time zone
   *[no] the bureau's legal time
}; empty: now)
journey-seen-at-label = Seen at
journey-seen-at-unreadable = "{ $text }" is not a readable time: write for example 15:10 or 11/06/2017 15:10 (empty: now)
journey-seen-at-set = The next observations are dated { $moment } (t to change; empty: now)
journey-seen-at-now = The next observations are dated when you type them
journey-seen-at-badge = seen { $time }

# Issue 16 points 4 and 5 in the interface
journey-rechecked-at = Re-checked at { $time }: the same observation, seen again, is recorded.
journey-too-many-voters = Voters registered at the address go from 1 to { $max }: check the number typed.
journey-too-many-envelopes = At most { $max } envelopes received: check the number typed.
journey-more-than-voters = { $voters } { $voters ->
    [one] voter
   *[other] voters
} at the address but { $count } { $count ->
    [one] envelope received
   *[other] envelopes received
}: { $more } more than voters. Is this what you saw?

# Issue 16 point 17: the observer says how to be named (first-run form)
setup-bureau = Your bureau (optional, e.g. 75056_0911)
setup-qualite = Your qualité in réclamations (space to change)
setup-qualite-unsaid = not said (asked when a réclamation is prepared)
setup-qualite-electeur = a voter registered at this bureau
setup-qualite-delegue = a délégué of a candidate or list
setup-qualite-candidat = a candidate
setup-delegate = Délégué of (the candidate's or list's name)
setup-delegate-required = Say which candidate or list you are délégué of, or choose another qualité.
setup-created-with-bureau = Database created for your bureau. Tick what you see; ? for help
setup-word = I sign as (space to change)
setup-word-unsaid = observer (not said)
setup-word-observateur = observer (observateur)
setup-word-observatrice = observer (observatrice)
