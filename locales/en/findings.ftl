# constat: the findings' wording (what each observation proves; see docs/findings.md).

## The bureau's table as a time series (docs/findings.md, "Absent from the table")

# One observer's period of absence: $single is yes when it was seen absent only once (or within
# one minute), $notes the observer's quoted notes (", "…"" each), $back the restock or nothing.
period-absent = { $single ->
    [yes] absent at { $from }
   *[no] absent from { $from } until at least { $until }
} ({ $observer }{ $notes }){ $back }
period-present-again = {", present again at "}{ $at }

## The procès-verbal: irregularities only (law.md §3a)

pv-nothing-to-write = Nothing observed at bureau { $bureau } is an irregularity to write into the procès-verbal: no réclamation is drafted.
