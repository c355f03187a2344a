# constat: the findings' wording (what each observation proves; see docs/findings.md).

## The bureau's table as a time series (docs/findings.md, "Absent from the table")

# One observer's period of absence: $single is yes when it was seen absent only once (or within
# one minute), $notes the observer's quoted notes (", « … »" each), $back the restock or nothing.
period-absent = { $single ->
    [yes] absent à { $from }
   *[no] absent de { $from } à au moins { $until }
} ({ $observer }{ $notes }){ $back }
period-present-again = {", présent de nouveau à "}{ $at }

## The procès-verbal: irregularities only (law.md §3a)

pv-nothing-to-write = Rien de ce qui a été observé au bureau { $bureau } n'est une irrégularité à porter au procès-verbal : aucune réclamation n'est proposée.
