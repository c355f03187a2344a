# constat: the réclamation for the procès-verbal, its annex and the remedy of each election kind
# (constat pv). Articles, judges and deadlines come from the law table (src/domain/law.rs) as
# $cite: no article number is written here.

pv-title = COMPLAINT TO WRITE INTO THE BUREAU'S PROCÈS-VERBAL
pv-bureau = Bureau de vote { $code }: { $label }
# The catalogue's older texts (PvText), kept for its shape.
pv-intro = I, the undersigned { $name }, ask that the following facts be recorded in this bureau's procès-verbal.
pv-at-bureau = At the bureau de vote:
pv-bureau-absent = the ballot of { $candidate }{": "}{ $who }.
pv-bureau-disagreement = observations differ on the ballot of { $candidate }: { $views }.
pv-envelopes = Envelopes mailed to the voters:
pv-not-supplied = { $candidate }: { $fact }.
pv-household = a household of { $voters } { $voters ->
    [one] voter
   *[other] voters
} received { $received } { $received ->
    [one] envelope
   *[other] envelopes
}: { $missing ->
    [0] { $excess ->
        [0] none missing
       *[other] { $excess } more than voters (confirmed by the observer)
    }
   *[other] { $missing } missing
}; seen by { $who }.
pv-household-of-bureau = household registered at bureau { $bureau }
pv-households = { $count } households observed in the circonscription: { $missing } { $missing ->
    [one] envelope
   *[other] envelopes
} missing out of { $voters } voters{ $percent }; households concerned: { $short }.
pv-non-receipt = the voter { $voter } of this bureau received no envelope at all (procès-verbal of non-receipt); recorded by { $who }.
pv-non-receipt-anonymous = a voter of this bureau received no envelope at all (procès-verbal of non-receipt); recorded by { $who }.
pv-non-receipt-in-household = a voter of the observer's household received no envelope (non-receipt record): it is one of that household's missing envelopes above, not one more; recorded by { $who }.
pv-non-receipts-elsewhere = { $count } other { $count ->
    [one] non-receipt
   *[other] non-receipts
} recorded at other bureaux of the circonscription.
pv-seen-by = {" "}Seen by { $who }.
pv-closing = Done at the bureau de vote, on ____________ at ____:____.
pv-signature = Signature: ____________________
pv-appeal-title = DRAFT REQUÊTE: STATEMENT OF FACTS
pv-appeal-deadline = Deadline: by { $deadline } at the latest (results proclaimed on { $proclamation }).
pv-appeal-who = Who may contest the election: voters and candidates.
pv-appeal-facts = Statement of facts (draft, to read, complete and sign):
pv-appeal-pv = These facts were, or must be, written into the procès-verbal of bureau { $bureau }.
pv-appeal-pieces = Attach: a copy of the bureau's procès-verbal, constat's report of the observations with the digest below.
pv-deadline = { $date } at { $time }

## The réclamation (law.md §3a): the signer's own facts, short, to copy by hand

pv-r-bureau = { $election } — bureau n° { $number }: { $place } ({ $code })
pv-r-intro = I, the undersigned{ $feminine ->
   *[other] {""}
} { $name }, { $qualite }, ask that the following facts be recorded in the procès-verbal ({ $cite }):
# The signer's registration bureau (where their household is recorded), not the PV's by default.
pv-qualite-electeur = { $feminine ->
   *[other] voter
} registered at bureau n° { $number } of { $article ->
    [le] Le { $rest }
    [les] Les { $rest }
   *[other] { $commune }
}
pv-qualite-electeur-here = { $feminine ->
   *[other] voter
} registered at bureau n° { $number }
pv-qualite-electeur-unknown = { $feminine ->
   *[other] voter
} registered at bureau n° ______ of ______________
pv-qualite-delegue = { $feminine ->
   *[other] délégué
} of { $of }
pv-qualite-candidat = { $feminine ->
   *[other] candidate
}
# Before the réclamation, not to be copied: an électeur signing another bureau's PV.
pv-not-your-bureau = (A note for you, not to be copied: you are registered at bureau n° { $home }, not at this one ({ $bureau }). Your household's facts are left out; only the facts seen at this bureau are written. Check with the president that you may write a réclamation into the procès-verbal of a bureau where you are not registered.)
pv-qualite-blank = in the capacity of ______________ (voter registered at the bureau, délégué of …, candidate)
# A moment in the bureau's legal time: "on 11 June 2017 at 07:47".
pv-at = on { $day } at { $clock }{ $zone }
pv-own-period = { $single ->
    [yes] on { $day } at { $from }
    [seen] on { $day } at { $times }
   *[no] on { $day } from { $from } until at least { $until }
}{ $zone }{ $back }
pv-own-absent = The ballot of { $candidate } was missing from this bureau's table { $periods }.
pv-own-envelope = In the envelope received at my registered address: { $items } of { $candidates } (seen { $at }).
pv-own-envelopes = { $absent ->
    [one] In envelope n° { $numbers }, one of the { $total } received at my registered address
   *[other] In { $absent } of the { $total } envelopes received at my registered address (n° { $numbers })
}: { $items } of { $candidates } (seen { $at }){ $partial ->
    [yes] {" "}; absent from only some of the household's envelopes: a possible distribution failure, unless the candidate supplied fewer copies than voters and chose their distribution ({ $cite })
   *[no] {""}
}.
pv-own-items-some = documents were missing
pv-own-household = At my registered address, { $received } { $received ->
    [one] envelope
   *[other] envelopes
} received for { $voters } registered voters: { $missing } missing{ $mine ->
    [yes] , mine among them
   *[no] {""}
} (seen { $at }).
pv-own-non-receipt = I received no propaganda envelope at my registered address (seen { $at }).
pv-r-conclusions = I contest the regularity of this bureau's electoral operations and ask for their annulment ({ $cite }).
pv-r-annex = I ask that the attached record (ref. { $reference }) be annexed to the procès-verbal and initialled.
pv-r-annex-unreferenced = I ask that the attached record be annexed to the procès-verbal and initialled.
pv-done = Done at { $article ->
    [le] Le { $rest }
    [les] Les { $rest }
   *[other] { $commune }
}, on { $day } at ____:____.
pv-done-undated = Done at { $article ->
    [le] Le { $rest }
    [les] Les { $rest }
   *[other] { $commune }
}, on ____________ at ____:____.
pv-done-here = Done at the bureau de vote, on { $day } at ____:____.
pv-done-here-undated = Done at the bureau de vote, on ____________ at ____:____.

## The annex (constat pv --annex): every fact observed, the reference and the full digest

pv-annex-title = ANNEX TO THE RÉCLAMATION: RECORD OF THE OBSERVATIONS
pv-annex-intro = Record made by { $name } with constat (local legal times): attestation of the facts observed, to annex to the procès-verbal and initial.
pv-annex-late = Facts to check, left out of the réclamation: dated after the polls closed (20:00 at the latest) on this bureau's vote day (typed in later without the time they were seen, or a mistake), envelopes said to arrive after it, or facts that contradict each other:
pv-annex-contradiction = { $who } recorded their own non-receipt and, for the same household, { $received } { $received ->
    [one] envelope
   *[other] envelopes
} received with none missing: both cannot be true; the non-receipt is left out of the réclamation, to be checked.
pv-annex-nothing = { $late ->
    [yes] No fact observed before the polls closed is an irregularity; the facts dated after the close are listed below, to be checked.
   *[no] No fact observed is an irregularity.
}
pv-annex-at-bureau = At the bureau de vote ({ $cite }: { $supply ->
    [administration] only the ballots the administration supplies are counted, and they must be available to voters on a table
   *[candidates] the ballots must be available to voters on a table
}):
pv-annex-envelopes = Envelopes mailed to the voters by { $mailer } ({ $cite }{ $threshold ->
    [yes] {"; nothing is mailed in communes of fewer than "}{ $inhabitants } inhabitants
   *[no] {""}
}):
pv-annex-reference = Reference of the record: { $reference } (the first 16 digits of the full digest).
pv-annex-due = { $items } of { $candidates } in one or more observed envelopes: every envelope must hold every candidate's { $leaflet ->
    [declaration] déclaration
   *[circulaire] profession de foi
} and ballot ({ $cite }).

## The remedy (constat pv --appeal): requête, protestation, or the présidentielle's note

pv-remedy-title = { $court ->
    [cc] DRAFT REQUÊTE TO THE CONSEIL CONSTITUTIONNEL
    [ce] DRAFT REQUÊTE TO THE CONSEIL D'ÉTAT
   *[ta] DRAFT ELECTORAL PROTESTATION BEFORE THE TRIBUNAL ADMINISTRATIF
} (to read, complete and sign)
pv-remedy-requerant = Requérant: { $name } (surname and first names), { $qualite }.
pv-remedy-address = Address: ________________________________________________
pv-remedy-qualite-circonscription = voter registered on the electoral rolls of the circonscription
pv-remedy-qualite-commune = voter registered on the electoral rolls of the commune
pv-remedy-qualite-canton = voter registered in the canton
pv-remedy-qualite-region = voter registered in the région
pv-remedy-qualite-voter = registered voter
pv-remedy-election = Election contested: { $elects ->
    [list] that of the list { $elected }
    [binome] that of the binôme { $elected }
   *[person] that of { $elected }
}, { $circonscription }; { $rounds }; { $proclaimed }.
pv-remedy-round = vote of { $day }
pv-remedy-rounds = first round on { $first }, second round on { $second }
pv-remedy-proclaimed = results proclaimed on { $day }
pv-remedy-proclaimed-blank = results proclaimed on ____________
pv-remedy-conclusions = Conclusions: the requérant asks for the annulment of the electoral operations, or failing that of those of the bureau de vote above.
pv-remedy-facts = Facts (each refers to its attached pièce):
pv-remedy-fact = { $n }. { $fact } (pièce n° { $piece })
pv-remedy-no-fact = (no fact observed is an irregularity: a remedy without a precise fact is rejected)
pv-remedy-in-pv = These facts were, or must be, written into the procès-verbal of bureau { $bureau } ({ $cite }).
pv-remedy-moyens = { $any ->
    [yes] Moyens: breach of the following provisions: { $cite }.
   *[no] Moyens: ______________________
}
pv-remedy-influence = Influence on the result: the deciding margin is { $margin } votes; the facts observed deprived at least { $concerned } voters of all or part of the propaganda. The requérant argues that these irregularities may have altered the sincerity of the vote.
pv-remedy-influence-blank = Influence on the result: deciding margin ______ votes (from the proclaimed results); explain how the facts may have changed the result.
pv-remedy-influence-thresholds = Influence on the result: deciding margin ______ votes (elected in round 1: their votes above the absolute majority and a quarter of the registered voters, { $cite }; otherwise, their lead over the runner-up); explain how the facts may have changed the result.
pv-remedy-consult = The recensement procès-verbaux may be consulted for ten days ({ $cite }).
pv-remedy-warn-not-supplied = Warning: a candidate absent from every observed envelope may not have supplied their documents, or too few, which is lawful ({ $cite }): make it a grief only with proof that they were supplied.
pv-remedy-warn-margin = Warning: the margin far exceeds the number of voters concerned by the facts observed; the judge sets aside griefs that cannot have affected the result.
pv-remedy-warn-rejected = Warning: inadmissible requêtes and griefs that plainly cannot have affected the result are rejected without hearing ({ $cite }); so are vague, late and wrong-round griefs.
pv-remedy-deadline-six = on { $day } at 18:00
pv-remedy-deadline-midnight = on { $day } at midnight
pv-remedy-deadline-blank = on ____________ (give the day of the proclamation)
pv-remedy-filing = Filing: { $places }, by { $when } at the latest (day { $days } after { $start ->
    [proclamation] the proclamation of the results
   *[election] the election
}{ $moved ->
    [yes] , moved to the next working day if it falls on a Saturday, a Sunday or a public holiday
   *[no] {""}
}; { $cite }; place: { $where }).
pv-remedy-who = Who may file: { $filers } ({ $cite }).
pv-remedy-contents = Required mentions ({ $cite }): the requérant's surname, first names, address and qualité, the person elected contested, the moyens of annulment; attached pièces.
pv-remedy-pieces = Attached pièces: n° 1 copy of the procès-verbal of bureau { $bureau } with the réclamation; n° 2 constat's record of the observations (ref. { $reference }), with the full digest below.
pv-remedy-done = Done at ______________, on ____________.
pv-pres-title = PRÉSIDENTIELLE: NO REQUÊTE, THE RÉCLAMATION IN THE PROCÈS-VERBAL
pv-pres-remedy = A voter contests the election only by a réclamation written into their bureau's procès-verbal, before it is closed on voting day ({ $cite }): the réclamation "constat pv" prepares. A letter or a requête sent afterwards to the Conseil constitutionnel is inadmissible. The procès-verbaux holding réclamations go to the Conseil constitutionnel.
pv-pres-referral = Within { $hours } hours of the close of the vote of { $day }, { $who } may refer to the Conseil constitutionnel ({ $cite }): the note below is for the candidate's représentant.
pv-note-title = NOTE FOR THE CANDIDATE'S REPRÉSENTANT (one page)
pv-note-bureau = Bureau { $code }: { $place } (département { $departement }).
pv-note-signer = Observer: { $name }, { $qualite }.
pv-note-facts = Facts seen:
pv-note-written = Réclamation written into the bureau's procès-verbal: yes / no, at ____:____; the president's answer: ______________________
pv-note-escalate = Next: tell the Conseil constitutionnel's délégué in the département and the candidate's représentant départemental, who may refer within { $hours } hours.

## Errors of constat pv

error-proclamation-needed = { $kind }: the remedy's deadline counts from the proclamation of the results; add --proclamation YYYY-MM-DD
error-pv-not-observed = { $observer } did not observe bureau { $bureau }: run "constat pv" on the observer's own file, or add --as OBSERVER for the réclamation of an observer of this bureau, signed in their name only (observers of this bureau: { $observers })
error-unknown-observer = no observer is called { $name } in this file; observers: { $known }
error-bad-qualite = unknown qualité "{ $qualite }": write electeur, candidat, or delegue:NAME (délégué of which candidate)

## coordination (issue 18 point 5): the index of `constat pv --all`
pv-all-index-title = Réclamations for the procès-verbaux — { $election }
pv-all-index-none = No bureau has a finding to write into its procès-verbal.
pv-all-index-line = { $file }: bureau { $bureau } ({ $label }), circonscription { $circ }; observed by { $observers }
pv-annex-photos = { $count ->
    [one] Photo
   *[other] Photos
} attached by { $name } in this bureau, by SHA-256 of the bytes kept (first 16 digits; each photo is in the evidence folder as photos/HASH):
pv-annex-photo = { $sha } · { $name } · { $of ->
    [cell] { $candidate }, { $item }
    [household] envelopes a household received
    [non_receipt] non-receipt
   *[other] the bureau
} · attached { $attached }{ $taken ->
    [none] {""}
   *[other] , taken { $taken } (camera time)
}{ $held ->
    [thumbnail] {" "}· thumbnail only: the original is not in this file (it will verify against this hash when it arrives)
    [nothing] {" "}· photo announced, not received: its bytes are not in this file
   *[original] {""}
}
