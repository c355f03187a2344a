# constat: the findings' wording (what each observation proves; see docs/findings.md).

## The bureau's table as a time series (docs/findings.md, "Absent from the table")

# One observer's period of absence: $single is yes when it was seen absent only once (or within
# one minute), $notes the observer's quoted notes (", "…"" each), $back the restock or nothing.
period-absent = { $single ->
    [yes] absent on { $day } at { $from }
   *[no] absent on { $day } from { $from } until at least { $until }
}{ $zone } ({ $observer }{ $notes }){ $back }
period-present-again = {", present again at "}{ $at }

## The procès-verbal: irregularities only (law.md §3a)

pv-nothing-to-write = { $late ->
    [yes] Nothing observed at bureau { $bureau } before the polls closed is an irregularity: no réclamation is drafted. Some facts are dated after the close (the annex lists them under "Facts to check"): if they were seen earlier, give the moment they were seen (--seen-at, "time" in plain mode, t in the interface), then prepare the réclamation again.
   *[no] Nothing observed at bureau { $bureau } is an irregularity to write into the procès-verbal: no réclamation is drafted.
}

## Partial supply is lawful (R.34 al. 4 and 6, R.38; law.md §2.1–2.3)

# After "absent from every envelope" when the candidate's ballot is on the bureau's table.
finding-mairies-only = {" "}{ $count ->
    [one] Their ballot on the bureau's table is
   *[other] Their ballots on the bureau's table are
} consistent with ballots supplied for the mairies only ({ $cite }).
