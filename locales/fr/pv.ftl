# constat: the réclamation for the procès-verbal and the draft requête (constat pv).

pv-title = RÉCLAMATION À PORTER AU PROCÈS-VERBAL DU BUREAU DE VOTE
pv-bureau = Bureau de vote { $code } : { $label }
pv-intro = Je soussigné(e) { $name } demande que soient consignés au procès-verbal de ce bureau les faits suivants (article R.52 du code électoral).
pv-at-bureau = Au bureau de vote (articles L.58 et R.55 du code électoral : les bulletins de tous les candidats doivent être mis à la disposition des électeurs sur une table) :
pv-bureau-absent = le bulletin de { $candidate }{" : "}{ $who }.
pv-bureau-disagreement = observations divergentes sur le bulletin de { $candidate } : { $views }.
pv-envelopes = Enveloppes adressées aux électeurs de la circonscription par la commission de propagande (articles R.34 et R.38 du code électoral) :
pv-not-supplied = { $candidate } : { $fact } ; documents non remis ou en nombre insuffisant pour l'envoi aux électeurs (R.38, R.34).
pv-household = un foyer de { $voters } { $voters ->
    [one] électeur
   *[other] électeurs
} a reçu { $received } { $received ->
    [one] enveloppe
   *[other] enveloppes
} : { $missing } { $missing ->
    [one] manquante
   *[other] manquantes
} ; constaté par { $who }.
pv-households = { $count } foyers observés dans la circonscription : { $missing } { $missing ->
    [one] enveloppe manquante
   *[other] enveloppes manquantes
} sur { $voters } électeurs{ $percent } ; foyers concernés : { $short }.
pv-non-receipt = l'électeur { $voter } de ce bureau n'a reçu aucune enveloppe (procès-verbal de non-réception) ; constaté par { $who }.
pv-non-receipt-anonymous = un électeur de ce bureau n'a reçu aucune enveloppe (procès-verbal de non-réception) ; constaté par { $who }.
pv-non-receipts-elsewhere = { $count } { $count ->
    [one] autre non-réception enregistrée
   *[other] autres non-réceptions enregistrées
} dans d'autres bureaux de la circonscription.
pv-seen-by = {" "}Constaté par { $who }.
pv-closing = Fait au bureau de vote, le ____________ à ____ h ____.
pv-signature = Signature : ____________________
pv-appeal-title = PROJET DE REQUÊTE AU CONSEIL CONSTITUTIONNEL : EXPOSÉ DES FAITS
pv-appeal-deadline = Délai : la requête doit être déposée au plus tard le { $deadline } (dixième jour suivant la proclamation des résultats, le { $proclamation } ; article LO.180 du code électoral, article 33 de l'ordonnance n° 58-1067 du 7 novembre 1958).
pv-appeal-who = Peuvent contester l'élection : tout électeur inscrit dans la circonscription et tout candidat.
pv-appeal-facts = Exposé des faits (projet, à relire, compléter et signer) :
pv-appeal-pv = Ces faits ont été portés, ou doivent l'être, au procès-verbal du bureau { $bureau } (article R.52 du code électoral).
pv-appeal-pieces = Pièces à joindre : copie du procès-verbal du bureau, rapport constat des observations avec l'empreinte ci-dessous.
pv-deadline = { $date } à { $time }
