# constat: the findings' wording (what each observation proves; see docs/findings.md).

## The bureau's table as a time series (docs/findings.md, "Absent from the table")

# One observer's period of absence: $single is yes when it was seen absent only once (or within
# one minute), $notes the observer's quoted notes (", « … »" each), $back the restock or nothing.
period-absent = { $single ->
    [yes] absent le { $day } à { $from }
   *[no] absent le { $day } de { $from } à au moins { $until }
}{ $zone } ({ $observer }{ $notes }){ $back }
period-present-again = {", présent de nouveau à "}{ $at }

## The procès-verbal: irregularities only (law.md §3a)

pv-nothing-to-write = { $late ->
    [yes] Rien de ce qui a été observé au bureau { $bureau } avant la clôture du scrutin n'est une irrégularité : aucune réclamation n'est proposée. Des faits sont datés après la clôture (l'annexe les liste, « Faits à vérifier ») : s'ils ont été vus plus tôt, donnez l'heure où ils l'ont été (--seen-at, « heure » en mode texte, t dans l'interface), puis préparez de nouveau la réclamation.
   *[no] Rien de ce qui a été observé au bureau { $bureau } n'est une irrégularité à porter au procès-verbal : aucune réclamation n'est proposée.
}

## Partial supply is lawful (R.34 al. 4 and 6, R.38; law.md §2.1–2.3)

# After "absent from every envelope" when the candidate's ballot is on the bureau's table.
finding-mairies-only = {" "}La présence de { $count ->
    [one] son bulletin
   *[other] leurs bulletins
} sur la table du bureau est compatible avec des bulletins remis pour les seules mairies ({ $cite }).
