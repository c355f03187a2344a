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
import-candidates-done = { $count } candidates in { $circonscriptions } circonscriptions: { $added } new, { $same } unchanged
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
    [none] head not signed
   *[other] head signed at position { $signed }
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
import-format-list-2022 = candidate list (2022)
import-format-list-xml = candidate list (columns of the ministry's XML feeds)
import-format-list = candidate list
import-format-bureaux-reu = table of bureaux de vote of the REU (INSEE)
import-format-bureaux-etalab = bureaux de vote ↔ circonscriptions table (Etalab)
import-format-bureaux-results-2017 = results by bureau de vote 2017 (fixed columns)

# Issue 16, point 5: the same mark again on the bureau's table, once committed ($time: 15:40,
# the bureau's legal time).
rechecked-event = re-checked at { $time }: event { $id }

## coordination (issue 18): reference files, init --reference, machines --from, pv --all
reference-written = Reference file written: { $path } ({ $circs } circonscriptions, { $candidates } candidates, { $bureaux } bureaux; no observation, observer or key); each observer creates their database with: constat init --reference { $path } --observer NAME
created-from-reference = Database created: { $path } (observer: { $who }, new identity and new key) from the reference file { $reference } ({ $circs } circonscriptions, { $bureaux } bureaux)
machines-from-done = { $file }: { $on } { $on ->
    [one] bureau recorded as voting on machines
   *[other] bureaux recorded as voting on machines
}, { $off } without machines (one transaction)
pv-all-written = { $count ->
    [0] no bureau has a finding to write into its procès-verbal
    [one] 1 bureau with a finding: its réclamation and annex
   *[other] { $count } bureaux with a finding: one réclamation and annex per bureau
} in { $dir } (list: { $index })
