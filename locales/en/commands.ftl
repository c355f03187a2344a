# constat: what the commands print (init, tick, demo, report, import, export, merge, verify).

saved-event = saved: event { $id }
already-recorded = already recorded: the database already holds exactly this observation, nothing was added
created-db = Database created: { $path } (observer: { $who })
demo-db-was =
    Demo database: { $path }
    It is kept; to reopen it: constat --db { $path } ui
report-written = Report written: { $path }
import-recognised = { $file }: { $format }, encoding { $encoding }{ $separator ->
    [none] {""}
    [tab] , separator 'tab'
   *[other] , separator '{ $separator }'
}
import-candidates-done = { $count } candidates in { $circonscriptions } { $circonscriptions ->
    [one] circonscription
   *[other] circonscriptions
}: { $added } new, { $same } unchanged
import-changed = changed: { $circ } n° { $panel }: { $before } → { $after }
import-withdrawn = withdrawn (not in the file, kept as withdrawn): { $circ } n° { $panel } { $name }
import-nothing-changed = Nothing changed: the database already held exactly this data.
import-bureaux-done = { $count } bureaux: { $added } new, { $changed } completed or corrected, { $same } unchanged
import-bureaux-without-circ = { $count } bureaux with no known circonscription: also import Etalab's bureau/circonscription table
exported = Exported: { $path }
merge-progress = { $events } events added, { $rejected } files rejected
merge-col-file = file
merge-col-new = new
merge-col-already = present
merge-col-rejected = rejected (why)
merge-total = { $files } files: { $events } new events, { $already } already present, { $rejected } files rejected
verify-ok = intact: { $what }
verify-broken = BROKEN: { $what }: { $why }
verify-chain = { $name } ({ $id }), { $events } events, { $signed ->
    [none] not signed
   *[other] signed up to position { $signed }
}
error-prefix = error
hint-prefix = hint

## What an imported file was recognised as

import-format-results-2017-xlsx = results by circonscription 2017 (xlsx)
import-format-list-xlsx = candidate list (xlsx)
import-format-results-blocks = results by circonscription (a block per candidate)
import-format-results-blocks-2022 = results by circonscription 2022 (a block per candidate)
import-format-results-lines-2024 = results by circonscription, one line per candidate (2024)
import-format-list-heads = list of list heads
import-format-list-2024 = candidate list (2024)
import-format-list-2024-round-2 = candidate list of round 2 (2024)
import-format-list-2022 = candidate list (2022)
import-format-list-xml = candidate list (columns of the ministry's XML feeds)
import-format-list = candidate list
import-format-bureaux-reu = table of bureaux de vote of the REU (INSEE)
import-format-bureaux-etalab = bureaux de vote ↔ circonscriptions table (Etalab)
import-format-bureaux-results-2017 = results by bureau de vote 2017 (fixed columns)

# Issue 16, point 5: the same mark again on the bureau's table, once committed ($time: 15:40,
# the bureau's legal time).
rechecked-event = re-checked at { $time }: event { $id }

## merge --watch (issue 18 point 2): one line per file as it lands, then a summary

watch-started = Watching { $inbox } → { $target }: each file that arrives is merged at once when it is a complete database, else once it stops changing. Ctrl-C stops.
watch-started-polling = Watching { $inbox } → { $target } by scanning every { $seconds } s (the system's notifications are not available here: { $why }). Ctrl-C stops.
watch-merged = { $time }  merged    { $file }: { $new } new { $new ->
    [one] event
   *[other] events
}, { $already } already known
watch-duplicate = { $time }  duplicate { $file }: same content as a file already merged, ignored
watch-refused = { $time }  REFUSED   { $file }: { $why }
watch-unreadable = { $time }  unreadable { $file }: { $why } (read again if it changes)
watch-skipped = { $time }  not read  { $file }: { $why }
watch-stopped = Watch stopped: { $merged } { $merged ->
    [one] file merged
   *[other] files merged
} ({ $new } new { $new ->
    [one] event
   *[other] events
}), { $duplicates } duplicate, { $refused } refused.
watch-refused-again = REFUSED {"  "}{ $file }: { $why }
## roster (issue 15 point 2)
roster-added = { $count ->
    [0] No new key enrolled.
    [one] { $count } key enrolled.
   *[other] { $count } keys enrolled.
}
roster-already = Already enrolled: { $fingerprint } (“{ $name }”, name kept)
roster-empty = No key enrolled: without a roster, `constat merge` accepts any key. Enrol observers with `constat roster add NAME FINGERPRINT` or `constat roster import FILE`.
roster-entry = { $fingerprint }  { $name }  (enrolled { $added })
whoami-name = Observer: { $name }
whoami-id = Id: { $id }
whoami-fingerprint = Key fingerprint: { $fingerprint }
whoami-no-key = Key fingerprint: none (this database holds no public key)
whoami-reference = Chain reference (position / start of the chain hash / key): { $reference }
whoami-no-reference = Chain reference: none yet (no observation recorded)
whoami-send = Send this to your coordinator, who enrols you with: constat roster add "{ $name }" { $fingerprint }
merge-gate-not-enrolled = key { $fingerprint } of “{ $name }” is not in the target's roster. If it is their key (check with the observer, who reads it with `constat whoami`), enrol it and merge again: constat --db { $target } roster add "{ $name }" { $fingerprint }
merge-gate-key-conflict = key conflict: “{ $name }” ({ $observer }) has key { $fingerprint } here and another key in another file; none of these files is merged (see the key conflicts below the table)
merge-gate-not-accepted = key { $fingerprint } of “{ $name }” set aside: --accept-key { $accepted } was chosen for this observer
merge-conflict-head = Key conflict: observer { $observer } is claimed with several keys; none of these files is merged:
merge-conflict-settled = Key conflict of observer { $observer }, settled by --accept-key { $accepted }:
merge-conflict-claim = “{ $name }”, key { $fingerprint }: { $file }
merge-conflict-how = To settle it, ask the observer for their fingerprint (`constat whoami`) and merge again with the right key: constat merge --into { $target } --accept-key FINGERPRINT … (keys claimed: { $fingerprints })
merge-accept-key-unused = --accept-key { $fingerprint }: no key conflict between these files involves this key (it then serves only a key change signed with this key alone, `constat key new --lost`).
merge-dispute-settled = Key dispute over “{ $name }” ({ $observer }) settled for key { $accepted }: { $kept ->
    [yes] their observations already here count again; files with another key are refused.
   *[no] their observations already here { $held ->
        [none] without a key
       *[other] under key { $held }
    } stay set aside for good. To take those of key { $accepted }, create a new target database and merge the files received into it with --accept-key { $accepted } ({ $target } only ever grows).
}
# Evidence folders (issue 15 points 4, 5): what `verify DIR` and `verify --pv` print.
verify-subject-csv-chain = { $file } · { $name } ({ $observer }), { $events } events, { $signed ->
    [none] not signed
   *[other] signed up to position { $signed }
} · position { $seq }: { $head } · { $fingerprint ->
    [none] no key
   *[other] key { $fingerprint }
}
verify-subject-manifest-signature = { $file } · signed by { $name ->
    [none] { $observer }
   *[other] { $name } ({ $observer })
}, key { $fingerprint }
verify-subject-digest = { $file } · digest recomputed from `events.csv`: { $digest ->
    [none] no event
   *[other] { $digest }
}
verify-pv-holds = matches the PV “{ $reference }”: { $name } ({ $observer }) holds exactly this state at position { $seq }, { $after ->
    [0] and nothing after
    [one] and { $after } event after
   *[other] and { $after } events after
}
verify-pv-differs = DOES NOT MATCH the PV “{ $reference }”: { $why }
## coordination (issue 18): reference files, init --reference, machines --from, pv --all
reference-written = Reference file written: { $path } ({ $circs } { $circs ->
    [one] circonscription
   *[other] circonscriptions
}, { $candidates } candidates, { $bureaux } bureaux; no observation, observer or key); each observer creates their database with: constat init --reference { $path } --observer NAME
created-from-reference = Database created: { $path } (observer: { $who }, new identity and new key) from the reference file { $reference } ({ $circs } { $circs ->
    [one] circonscription
   *[other] circonscriptions
}, { $bureaux } bureaux)
machines-from-done = { $file }: { $on } { $on ->
    [one] bureau recorded as voting on machines
   *[other] bureaux recorded as voting on machines
}, { $off } without machines (one transaction)
pv-all-written = { $count ->
    [0] no bureau has a finding to write into its procès-verbal
    [one] 1 bureau with a finding: its réclamation and annex
   *[other] { $count } bureaux with a finding: one réclamation and annex per bureau
} in { $dir } (list: { $index })

## Photos (issue 19)
photo-saved = photo recorded: { $name } ({ $size } bytes, sha256 { $sha }…), event { $id }{ $kept ->
    [stripped] , EXIF metadata removed from the stored copy
    [heic] , HEIC stored as received (metadata not removed)
   *[kept] , stored as received
}
verify-photo-intact = photo intact: { $name } (sha256 { $sha }…, event { $id })
verify-photo-not-received = photo announced, not received: { $name } (sha256 { $sha }…, event { $id }); not a break of the chain: the original sent later will verify
verify-photo-thumbnail-only = thumbnail only: { $name } (sha256 { $sha }…, event { $id }); the original was not received (an "export db --thumbnails" copy); not a break of the chain: the original sent later will verify
verify-photo-altered = ALTERED: photo { $name } (event { $id }): its stored bytes hash to { $found }, the event announces { $sha }
# Key rotation (issue 15 point 3): `constat key new [--lost]`.
key-new-done = New key for { $name }: { $fingerprint } (replaces { $old }). The key change is event { $seq } of the chain, signed with the old key: the continuity is proven, the coordinator accepts it with nothing to do.
key-new-lost = New key for { $name }: { $fingerprint } (replaces { $old }, lost). The key change is event { $seq } of the chain, signed with the new key only: nothing proves it comes from you, but you.
key-new-file = Secret key: { $path } (copy it nowhere; no export holds it)
key-new-send = Give the new fingerprint { $fingerprint } to your coordinator and copy it into later procès-verbaux.
key-new-send-lost = Give the new fingerprint { $fingerprint } to your coordinator yourself (in person, by phone): they check that it comes from you, then merge with constat merge --accept-key { $fingerprint }.
