# constat: the réclamation for the procès-verbal and the draft requête (constat pv).

pv-title = COMPLAINT TO WRITE INTO THE BUREAU'S PROCÈS-VERBAL
pv-bureau = Bureau de vote { $code }: { $label }
pv-intro = I, the undersigned { $name }, ask that the following facts be recorded in this bureau's procès-verbal (article R.52 of the code électoral).
pv-at-bureau = At the bureau de vote (articles L.58 and R.55 of the code électoral: the ballots of every candidate must be available to voters on a table):
pv-bureau-absent = the ballot of { $candidate }{": "}{ $who }.
pv-bureau-disagreement = observations differ on the ballot of { $candidate }: { $views }.
pv-envelopes = Envelopes mailed to the circonscription's voters by the commission de propagande (articles R.34 and R.38 of the code électoral):
pv-not-supplied = { $candidate }: { $fact }; documents not supplied, or not in sufficient number, for mailing to the voters (R.38, R.34).
pv-household = a household of { $voters } { $voters ->
    [one] voter
   *[other] voters
} received { $received } { $received ->
    [one] envelope
   *[other] envelopes
}: { $missing } missing; seen by { $who }.
pv-households = { $count } households observed in the circonscription: { $missing } { $missing ->
    [one] envelope
   *[other] envelopes
} missing out of { $voters } voters{ $percent }; households concerned: { $short }.
pv-non-receipt = the voter { $voter } of this bureau received no envelope at all (procès-verbal of non-receipt); recorded by { $who }.
pv-non-receipt-anonymous = a voter of this bureau received no envelope at all (procès-verbal of non-receipt); recorded by { $who }.
pv-non-receipts-elsewhere = { $count } other { $count ->
    [one] non-receipt
   *[other] non-receipts
} recorded at other bureaux of the circonscription.
pv-seen-by = {" "}Seen by { $who }.
pv-closing = Done at the bureau de vote, on ____________ at ____:____.
pv-signature = Signature: ____________________
pv-appeal-title = DRAFT REQUÊTE TO THE CONSEIL CONSTITUTIONNEL: STATEMENT OF FACTS
pv-appeal-deadline = Deadline: the requête must be lodged by { $deadline } at the latest (the 10th day after the results were proclaimed on { $proclamation }; article LO.180 of the code électoral, article 33 of ordonnance n° 58-1067 of 7 November 1958).
pv-appeal-who = Who may contest the election: any voter registered in the circonscription and any candidate.
pv-appeal-facts = Statement of facts (draft, to read, complete and sign):
pv-appeal-pv = These facts were, or must be, written into the procès-verbal of bureau { $bureau } (article R.52 of the code électoral).
pv-appeal-pieces = Attach: a copy of the bureau's procès-verbal, constat's report of the observations with the digest below.
pv-deadline = { $date } at { $time }
