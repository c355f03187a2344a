## The coordinator's live view: `constat coordination` (issue 18 point 3).

coord-data-time = Data as of { $time } (Paris time) · events: { $events } · observers: { $observers }
coord-no-event = No event yet · observers: { $observers }
coord-files = Files received: { $count } · latest: { $name } at { $time }
coord-files-none = Files received: none by "merge --watch" yet
coord-silent = Nothing sent: { $count } of { $enrolled } enrolled — { $names }
coord-silent-none = Every enrolled observer has sent ({ $enrolled })
coord-coverage = Coverage: circonscriptions { $circs }/{ $circs_total } · bureaux { $bureaux }/{ $bureaux_total }
coord-findings = Findings: { $list }
coord-findings-none = Findings: none yet
coord-kind-absent-from-table = absent from the table { $count }
coord-kind-distribution-failure = distribution failures { $count }
coord-kind-not-supplied = not supplied { $count }
coord-kind-disagreement = disagreements { $count }
coord-kind-machines-disputed = machines disputed { $count }
coord-kind-non-receipts = non-receipts { $count }
coord-kind-seen-after-polls = after the close { $count }
coord-kind-received-after-election = received after the election { $count }
coord-rate = { $value } [{ $low } – { $high }], { $households } { $households ->
        [one] household
       *[other] households
    }
coord-rate-no-interval = { $value }, { $households } { $households ->
        [one] household
       *[other] households
    } (no interval below 10)
coord-shortfall = Missing envelopes: { $rate }
coord-shortfall-none = Missing envelopes: no household recorded
coord-non-receipt = Non-receipts: { $rate }
coord-facts-title = Latest ballots absent from a table
coord-facts-none = none
coord-time-zoned = { $time } ({ $zone })
coord-fact = { $time } · { $bureau } · no. { $panel } { $candidate } ({ $observer })
coord-fact-here = { $time } · no. { $panel } { $candidate } ({ $observer })
coord-more = … and { $count } more
coord-list-departements = Départements
coord-list-circonscriptions = Circonscriptions
coord-list-bureaux = Bureaux
coord-list-observers = Observers
coord-item-departement = { $code } { $name } · circ. { $circs }/{ $circs_total } · bur. { $bureaux }/{ $bureaux_total } · absent { $absences }
coord-item-circonscription = { $code } { $label } · obs. { $observers } · bur. { $bureaux }/{ $bureaux_total } · absent { $absences }
coord-item-bureau = { $code } { $label } · obs. { $observers } · latest { $time } · absent { $absences }
coord-item-bureau-unobserved = { $code } { $label } · no observer
coord-item-observer = { $name } · latest event { $time }
coord-item-observer-file = { $name } · last file { $file } · latest event { $time }
coord-item-observer-file-only = { $name } · last file { $file } · no event
coord-item-observer-nothing = { $name } · nothing received
coord-item-silent = { $name } · enrolled, nothing received
coord-observers-here = Observers: { $observers }
coord-hint = ↑↓ Enter open · Esc up · o observers · r refused · ? help · q quit
coord-hint-short = ↑↓ Enter Esc o r ? q
coord-help-title = Coordination help
coord-help-keys = ↑ ↓ (or k j), Page↑ Page↓: choose a line. Enter: open (France → département → circonscription → bureau). Backspace or Esc: go up. o: the observers, when their last file was merged and their latest event, in their bureau's legal time. q: quit. ?: close this help.
coord-help-refresh = The view updates itself as soon as a merge lands in the database (for instance "constat merge --into … --watch FOLDER" running in another terminal).
coord-help-refusals = Refused files (by "merge" or "merge --watch") are kept in the database with their reason: their count and the latest show at the top of the national view; r shows them in full, each with its reason. The "merge --watch" terminal shows them too.
coord-help-figures = Findings and rates (95 % range from 10 households) are the report's. A bureau is covered once an observer recorded anything there; départements are named from constat's table of codes (ZA Guadeloupe, ZX Saint-Barthélemy et Saint-Martin, ZZ French abroad…).
coord-too-small = Window too small: enlarge it (40×15 at least).
coord-loading = Reading the database…
coord-failed = Cannot read: { $error }

## Issue 18 (night): refused files first.
coord-refused = ✗ Refused files: { $count } (the latest below, with their reason)
coord-refused-item =   ✗ { $time } { $name }: { $reason }
coord-refusals-title = Refused files (r or Esc: close)
coord-refusals-none = No refused file.
