# constat: the interface's grid, forms, picker and help (the main catalogue's part).

## Save indicator

save-idle = ○ ready
save-saved = ● saved
save-pending = ◌ saving…
save-failed = ✗ NOT SAVED: { $error }

## Hints

hint-grid = ↑↓←→ move · space/p/a/⌫ mark · P column · e envelope · n non-receipt · f photo · / place · u undo · ? help · q quit
hint-form = Tab next field · Enter confirm · Esc cancel
hint-help-scroll = ↑↓ scroll · Esc close
hint-picker = ↑↓ choose · Enter open · Esc cancel

## Help: each message says what its keys do; its `keys` attribute names them.

help-title = Help
help-move = move in the grid
    .keys = ↑ ↓ ← → / h j k l
help-cycle = cycle the cell: not checked → present → absent
    .keys = space
help-mark = mark present / absent, then go on to the next candidate (v: stay on the row)
    .keys = p / a
help-clear = clear the cell back to "not checked"
    .keys = ⌫ (Backspace)
help-column = mark the whole column present (asks first)
    .keys = P
help-screens = screen: envelope, polling station, summary
    .keys = Tab / 1 2 3
help-envelope = household envelope: voters at the address, envelopes received, date, note
    .keys = e
help-envelopes = envelope screen: the household's next / previous envelope
    .keys = + / - (or > / <)
help-non-receipt = non-receipt: a voter received no envelope at all
    .keys = n
help-note = note on the cell (e.g. "ballots ran out at 3pm"); i: the cell's history, with the time and note of each observation (or tap its name twice)
    .keys = c
help-seen-at = typing in later: when the next observations were seen ("15:10", "11/06/2017 15:10"; empty: now)
    .keys = t
help-machines = bureau votes on machines, or not (asks first)
    .keys = m
help-move-bureau = move the bureau's observations to the right bureau (history kept)
    .keys = M
help-export = summary: export the evidence to a folder or a USB stick
    .keys = x
help-place = choose another circonscription or bureau
    .keys = / or b
help-undo = undo the last change, even from an earlier session after a question (recorded as a new event)
    .keys = u
help-help = show or close this help
    .keys = ?
help-quit = quit (everything is already saved)
    .keys = q
help-legend = ✓ present   ✗ absent   · not checked
    .keys = {""}
help-saved = Every cell is saved to the file the moment it is marked.
    .keys = {""}

## The household's envelope and non-receipts

envelope-title = Household envelope
envelope-voters = Voters at the address
envelope-received = Envelopes received
envelope-line = Envelope: { $received } received for { $voters } { $voters ->
    [one] voter
   *[other] voters
}{ $missing ->
    [0] {""}
   *[other] {" "}({ $missing } missing)
}
envelope-none = Envelope: not recorded (key e)
facts-short = Env. { $received }/{ $voters } voters · Non-rec. { $count }
facts-short-unknown = Env. ? (key e) · Non-rec. { $count }
non-receipt-title = Envelope not received
non-receipt-voter = Voter's name (optional)
non-receipt-count = Non-receipts: { $count }

## The picker

picker-title = Your circonscription or bureau
picker-prompt = Search (code, name, address, commune)
picker-count = { $count } { $count ->
    [one] result
   *[other] results
}

## Forms and status messages

form-bad-number = "{ $value }" is not a whole number
form-needs-bureau = Choose a bureau first
nothing-to-undo = Nothing to undo
undone = Last change undone
column-marked = Column "{ $column }" marked present
screen-too-small = Window too small: enlarge it (at least 40×15)

## Photos (issue 19): the photo form, the grid's mark, the history, the help.

# The mark of a cell that has a photo (one column wide, on every screen size).
photo-marker = ⊡
# The grid's status line: the photos of the cell under the cursor.
photo-count = { $marker } { $count } { $count ->
    [one] photo
   *[other] photos
} (i: history)
photo-title = Attach a photo
photo-for = For
# $other: the other choice Tab gives.
photo-tab-for = (Tab: { $other })
photo-target-household = the household's envelopes
photo-target-bureau = bureau { $bureau }
photo-path = File or folder
photo-busy = Photo in progress…
photo-looking = Looking for recent images…
photo-no-folder = No photo folder: type a folder's path (~/storage/dcim/Camera) to choose among its latest images.
photo-folder-empty = No image in { $folder }.
photo-recent = Latest images of { $folder }:
photo-camera = Ctrl-P or F2: take the photo with the camera
photo-hint = ↑↓ image · Tab for what · Enter attach · Esc cancel
photo-path-empty = Type or paste the photo's path, or choose a recent image with ↓.
photo-no-camera = No camera here: the termux-camera-photo command (Termux:API) is missing.
photo-not-recorded = Nothing was recorded.
# Once saved: $name the file's name, $sha the start of its SHA-256.
photo-attached = Photo attached: { $name } (sha256 { $sha }…)
# A photo in a cell's history, after its time: $taken is photo-taken, photo-taken-day or nothing.
photo-history = photo "{ $name }"{ $taken }
photo-taken = , taken at { $time }
photo-taken-day = , taken on { $day } at { $time }
photo-pick-folder-unreadable = The folder { $folder } cannot be read ({ $why }).
photo-pick-camera-failed = The camera did not take the photo ({ $why }): nothing was recorded.
photo-pick-camera-timeout = The camera did not answer within { $seconds } s (is the Termux:API app installed?): nothing was recorded.
photo-pick-camera-no-photo = The camera wrote no photo (camera access refused?): nothing was recorded.
help-photo-keys = f / F
help-photo = attach a photo to the cell (Tab: the household, the bureau): a path typed or pasted, a recent image of the folder, or the camera (Ctrl-P); F: take the photo at once
help-photo-legend = ⊡ the cell has a photo (i: its history)
