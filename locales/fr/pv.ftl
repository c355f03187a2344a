# constat: the réclamation for the procès-verbal, its annex and the remedy of each election kind
# (constat pv). Articles, judges and deadlines come from the law table (src/domain/law.rs) as
# $cite: no article number is written here.

pv-title = RÉCLAMATION À PORTER AU PROCÈS-VERBAL DU BUREAU DE VOTE
pv-bureau = Bureau de vote { $code } : { $label }
# The catalogue's older texts (PvText), kept for its shape.
pv-intro = Je soussigné(e) { $name } demande que soient consignés au procès-verbal de ce bureau les faits suivants.
pv-at-bureau = Au bureau de vote :
pv-bureau-absent = le bulletin de { $candidate }{" : "}{ $who }.
pv-bureau-disagreement = observations divergentes sur le bulletin de { $candidate } : { $views }.
pv-envelopes = Enveloppes adressées aux électeurs :
pv-not-supplied = { $candidate } : { $fact }.
pv-household = un foyer de { $voters } { $voters ->
    [one] électeur
   *[other] électeurs
} a reçu { $received } { $received ->
    [one] enveloppe
   *[other] enveloppes
} : { $missing ->
    [0] { $excess ->
        [0] aucune manquante
       *[other] { $excess } de plus que d'électeurs (confirmé par l'observateur)
    }
    [one] { $missing } manquante
   *[other] { $missing } manquantes
} ; constaté par { $who }.
pv-household-of-bureau = foyer inscrit au bureau { $bureau }
pv-households = { $count } foyers observés dans la circonscription : { $missing } { $missing ->
    [one] enveloppe manquante
   *[other] enveloppes manquantes
} sur { $voters } électeurs{ $percent } ; foyers concernés : { $short }.
pv-non-receipt = l'électeur { $voter } de ce bureau n'a reçu aucune enveloppe (procès-verbal de non-réception) ; constaté par { $who }.
pv-non-receipt-anonymous = un électeur de ce bureau n'a reçu aucune enveloppe (procès-verbal de non-réception) ; constaté par { $who }.
pv-non-receipt-in-household = un électeur du foyer de l'observateur n'a reçu aucune enveloppe (procès-verbal de non-réception) : c'est l'une des enveloppes manquantes de ce foyer ci-dessus, pas une de plus ; constaté par { $who }.
pv-non-receipts-elsewhere = { $count } { $count ->
    [one] autre non-réception enregistrée
   *[other] autres non-réceptions enregistrées
} dans d'autres bureaux de la circonscription.
pv-seen-by = {" "}Constaté par { $who }.
pv-closing = Fait au bureau de vote, le ____________ à ____ h ____.
pv-signature = Signature : ____________________
pv-appeal-title = PROJET DE REQUÊTE : EXPOSÉ DES FAITS
pv-appeal-deadline = Délai : au plus tard le { $deadline } (proclamation des résultats le { $proclamation }).
pv-appeal-who = Peuvent contester l'élection : les électeurs et les candidats.
pv-appeal-facts = Exposé des faits (projet, à relire, compléter et signer) :
pv-appeal-pv = Ces faits ont été portés, ou doivent l'être, au procès-verbal du bureau { $bureau }.
pv-appeal-pieces = Pièces à joindre : copie du procès-verbal du bureau, rapport constat des observations avec l'empreinte ci-dessous.
pv-deadline = { $date } à { $time }

## The réclamation (law.md §3a): the signer's own facts, short, to copy by hand

pv-r-bureau = { $election } — bureau n° { $number } : { $place } ({ $code })
pv-r-intro = Je { $feminine ->
    [yes] soussignée
    [no] soussigné
   *[unsaid] soussigné(e)
} { $name }, { $qualite }, demande que soient consignés au procès-verbal les faits suivants ({ $cite }) :
# The signer's registration bureau (where their household is recorded), not the PV's by default.
pv-qualite-electeur = { $feminine ->
    [yes] électrice inscrite
   *[other] électeur inscrit
} au bureau n° { $number } { $article ->
    [le] du { $rest }
    [les] des { $rest }
   *[other] de { $commune }
}
pv-qualite-electeur-here = { $feminine ->
    [yes] électrice inscrite
   *[other] électeur inscrit
} au bureau n° { $number }
pv-qualite-electeur-unknown = { $feminine ->
    [yes] électrice inscrite
   *[other] électeur inscrit
} au bureau n° ______ de ______________
pv-qualite-delegue = { $feminine ->
    [yes] déléguée
   *[other] délégué
} de { $of }
pv-qualite-candidat = { $feminine ->
    [yes] candidate
   *[other] candidat
}
# Before the réclamation, not to be copied: an électeur signing another bureau's PV.
pv-not-your-bureau = (Note pour vous, à ne pas recopier : vous êtes inscrit·e au bureau n° { $home }, pas à celui-ci ({ $bureau }). Les faits de votre foyer n'y figurent pas ; seuls les faits constatés à ce bureau sont repris. Vérifiez auprès du président que vous pouvez porter une réclamation au procès-verbal d'un bureau où vous n'êtes pas inscrit·e.)
pv-qualite-blank = en qualité de ______________ (électeur inscrit au bureau, délégué de …, candidat)
# A moment in the bureau's legal time: "le 11 juin 2017 à 7 h 47".
pv-at = le { $day } à { $clock }{ $zone }
pv-own-period = { $single ->
    [yes] le { $day } à { $from }
    [seen] le { $day } à { $times }
   *[no] le { $day } de { $from } à au moins { $until }
}{ $zone }{ $back }
pv-own-absent = Le bulletin de { $candidate } manquait sur la table de ce bureau { $periods }.
pv-own-envelope = Dans l'enveloppe reçue à mon adresse d'inscription : { $items } de { $candidates } (constaté { $at }).
pv-own-envelopes = { $absent ->
    [one] Dans l'enveloppe n° { $numbers }, l'une des { $total } reçues à mon adresse d'inscription
   *[other] Dans { $absent } des { $total } enveloppes reçues à mon adresse d'inscription (n° { $numbers })
} : { $items } de { $candidates } (constaté { $at }){ $partial ->
    [yes] {" "}; absence d'une partie seulement des enveloppes du foyer : défaut de distribution possible, à moins que le candidat n'ait remis moins d'exemplaires que d'électeurs et choisi leur répartition ({ $cite })
   *[no] {""}
}.
pv-own-items-some = des documents manquaient
pv-own-household = À mon adresse d'inscription, { $received } { $received ->
    [one] enveloppe reçue
   *[other] enveloppes reçues
} pour { $voters } électeurs inscrits : { $missing } { $missing ->
    [one] manquante
   *[other] manquantes
}{ $mine ->
    [yes] , dont la mienne
   *[no] {""}
} (constaté { $at }).
pv-own-non-receipt = Je n'ai reçu aucune enveloppe de propagande à mon adresse d'inscription (constaté { $at }).
pv-r-conclusions = Je conteste la régularité des opérations électorales de ce bureau et en demande l'annulation ({ $cite }).
pv-r-annex = Je demande que le relevé joint (réf. { $reference }) soit annexé au procès-verbal et paraphé.
pv-r-annex-unreferenced = Je demande que le relevé joint soit annexé au procès-verbal et paraphé.
pv-done = Fait { $article ->
    [le] au { $rest }
    [les] aux { $rest }
   *[other] à { $commune }
}, le { $day } à ____ h ____.
pv-done-undated = Fait { $article ->
    [le] au { $rest }
    [les] aux { $rest }
   *[other] à { $commune }
}, le ____________ à ____ h ____.
pv-done-here = Fait au bureau de vote, le { $day } à ____ h ____.
pv-done-here-undated = Fait au bureau de vote, le ____________ à ____ h ____.

## The annex (constat pv --annex): every fact observed, the reference and the full digest

pv-annex-title = ANNEXE À LA RÉCLAMATION : RELEVÉ DES OBSERVATIONS
pv-annex-intro = Relevé établi par { $name } avec constat (heures légales du lieu) : attestation des faits observés, à annexer au procès-verbal et à parapher.
pv-annex-late = Faits à vérifier, non repris dans la réclamation : datés après la clôture du scrutin (20 h au plus tard) du jour du vote de ce bureau (saisis après coup sans l'heure où ils ont été vus, ou erreur), enveloppes dites arrivées après lui, ou faits contradictoires :
pv-annex-contradiction = { $who } a enregistré sa propre non-réception et, pour le même foyer, { $received } { $received ->
    [one] enveloppe reçue
   *[other] enveloppes reçues
} sans enveloppe manquante : les deux ne peuvent être vrais ; la non-réception n'est pas reprise dans la réclamation, à vérifier.
pv-annex-nothing = { $late ->
    [yes] Aucun fait observé avant la clôture du scrutin n'est une irrégularité ; les faits datés après elle sont listés plus bas, à vérifier.
   *[no] Aucun fait observé n'est une irrégularité.
}
pv-annex-at-bureau = Au bureau de vote ({ $cite } : { $supply ->
    [administration] seuls les bulletins fournis par l'administration sont décomptés et doivent être à la disposition des électeurs sur une table
   *[candidates] les bulletins doivent être à la disposition des électeurs sur une table
}) :
pv-annex-envelopes = Enveloppes adressées aux électeurs par { $mailer } ({ $cite }{ $threshold ->
    [yes] {" ; rien n'est envoyé dans les communes de moins de "}{ $inhabitants } habitants
   *[no] {""}
}) :
pv-annex-reference = Référence du relevé : { $reference } (les 16 premiers chiffres de l'empreinte complète).
pv-annex-due = { $items } de { $candidates } dans une ou plusieurs enveloppes observées : chaque enveloppe doit contenir { $leaflet ->
    [declaration] la déclaration
   *[circulaire] la profession de foi
} et le bulletin de chaque candidat ({ $cite }).

## The remedy (constat pv --appeal): requête, protestation, or the présidentielle's note

pv-remedy-title = { $court ->
    [cc] PROJET DE REQUÊTE AU CONSEIL CONSTITUTIONNEL
    [ce] PROJET DE REQUÊTE AU CONSEIL D'ÉTAT
   *[ta] PROJET DE PROTESTATION ÉLECTORALE DEVANT LE TRIBUNAL ADMINISTRATIF
} (à relire, compléter et signer)
pv-remedy-requerant = Requérant : { $name } (nom et prénoms), { $qualite }.
pv-remedy-address = Adresse : ________________________________________________
pv-remedy-qualite-circonscription = électeur inscrit sur les listes électorales de la circonscription
pv-remedy-qualite-commune = électeur inscrit sur les listes électorales de la commune
pv-remedy-qualite-canton = électeur inscrit dans le canton
pv-remedy-qualite-region = électeur inscrit dans la région
pv-remedy-qualite-voter = électeur inscrit sur les listes électorales
pv-remedy-election = Élection contestée : { $elects ->
    [list] celle de la liste { $elected }
    [binome] celle du binôme { $elected }
   *[person] celle de { $elected }
}, { $circonscription } ; { $rounds } ; { $proclaimed }.
pv-remedy-round = scrutin du { $day }
pv-remedy-rounds = premier tour le { $first }, second tour le { $second }
pv-remedy-proclaimed = résultats proclamés le { $day }
pv-remedy-proclaimed-blank = résultats proclamés le ____________
pv-remedy-conclusions = Conclusions : le requérant demande l'annulation des opérations électorales, ou à défaut de celles du bureau de vote ci-dessus.
pv-remedy-facts = Faits (chacun renvoie à sa pièce jointe) :
pv-remedy-fact = { $n }. { $fact } (pièce n° { $piece })
pv-remedy-no-fact = (aucun fait observé n'est une irrégularité : un recours sans fait précis est rejeté)
pv-remedy-in-pv = Ces faits ont été portés, ou doivent l'être, au procès-verbal du bureau { $bureau } ({ $cite }).
pv-remedy-moyens = { $any ->
    [yes] Moyens : méconnaissance des dispositions suivantes : { $cite }.
   *[no] Moyens : ______________________
}
pv-remedy-influence = Influence sur le résultat : l'écart décisif est de { $margin } voix ; les faits observés privent au moins { $concerned } électeurs de tout ou partie de la propagande. Le requérant soutient que ces irrégularités ont pu altérer la sincérité du scrutin.
pv-remedy-influence-blank = Influence sur le résultat : écart de voix décisif ______ (d'après les résultats proclamés) ; expliquer en quoi les faits ont pu modifier le résultat.
pv-remedy-influence-thresholds = Influence sur le résultat : écart de voix décisif ______ (élu au premier tour : ses voix au-dessus de la majorité absolue et du quart des inscrits, { $cite } ; sinon, son avance sur le suivant) ; expliquer en quoi les faits ont pu modifier le résultat.
pv-remedy-consult = Les procès-verbaux de recensement peuvent être consultés pendant dix jours ({ $cite }).
pv-remedy-warn-not-supplied = Attention : un candidat absent de toutes les enveloppes observées peut n'avoir pas remis ses documents, ou en nombre insuffisant, ce qui est permis ({ $cite }) : n'en faire un grief qu'avec la preuve d'une remise.
pv-remedy-warn-margin = Attention : l'écart de voix dépasse largement le nombre d'électeurs concernés par les faits observés ; le juge écarte les griefs sans influence possible sur le résultat.
pv-remedy-warn-rejected = Attention : les requêtes irrecevables et les griefs manifestement sans influence sur le résultat de l'élection sont rejetés sans instruction contradictoire ({ $cite }) ; les griefs vagues, tardifs ou portant sur un autre tour aussi.
pv-remedy-deadline-six = le { $day } à 18 h
pv-remedy-deadline-midnight = le { $day } à minuit
pv-remedy-deadline-blank = le ____________ (date de la proclamation à préciser)
pv-remedy-filing = Dépôt : { $places }, au plus tard { $when } ({ $days }e jour suivant { $start ->
    [proclamation] la proclamation des résultats
   *[election] l'élection
}{ $moved ->
    [yes] , reporté au premier jour ouvré s'il tombe un samedi, un dimanche ou un jour férié
   *[no] {""}
} ; { $cite } ; lieu : { $where }).
pv-remedy-who = Peuvent former ce recours : { $filers } ({ $cite }).
pv-remedy-contents = Mentions exigées ({ $cite }) : nom, prénoms, adresse et qualité du requérant, élu contesté, moyens d'annulation ; pièces jointes.
pv-remedy-pieces = Pièces jointes : n° 1 copie du procès-verbal du bureau { $bureau } portant la réclamation ; n° 2 relevé constat des observations (réf. { $reference }), avec l'empreinte complète ci-dessous.
pv-remedy-done = Fait à ______________, le ____________.
pv-pres-title = ÉLECTION PRÉSIDENTIELLE : PAS DE REQUÊTE, LA RÉCLAMATION AU PROCÈS-VERBAL
pv-pres-remedy = Un électeur ne conteste l'élection que par une réclamation écrite au procès-verbal de son bureau, avant sa clôture le jour du vote ({ $cite }) : c'est la réclamation que prépare « constat pv ». Une lettre ou une requête adressée ensuite au Conseil constitutionnel est irrecevable. Les procès-verbaux portant des réclamations sont transmis au Conseil constitutionnel.
pv-pres-referral = Dans les { $hours } heures suivant la clôture du scrutin du { $day }, { $who } peuvent saisir le Conseil constitutionnel ({ $cite }) : la note ci-dessous est pour le représentant du candidat.
pv-note-title = NOTE POUR LE REPRÉSENTANT DU CANDIDAT (une page)
pv-note-bureau = Bureau { $code } : { $place } (département { $departement }).
pv-note-signer = Observateur : { $name }, { $qualite }.
pv-note-facts = Faits constatés :
pv-note-written = Réclamation portée au procès-verbal du bureau : oui / non, à ____ h ____ ; réponse du président : ______________________
pv-note-escalate = Suites : prévenir le délégué du Conseil constitutionnel présent dans le département et le représentant départemental du candidat, qui peut saisir le Conseil dans les { $hours } heures.

## Errors of constat pv

error-proclamation-needed = { $kind } : le délai du recours se compte à partir de la proclamation des résultats ; ajoutez --proclamation AAAA-MM-JJ
error-pv-not-observed = { $observer } n'a pas observé le bureau { $bureau } : lancez « constat pv » sur le fichier de l'observateur, ou ajoutez --as OBSERVATEUR pour la réclamation d'un observateur de ce bureau, signée de son seul nom (observateurs de ce bureau : { $observers })
error-unknown-observer = aucun observateur ne s'appelle { $name } dans ce fichier ; observateurs : { $known }
error-bad-qualite = qualité « { $qualite } » inconnue : écrivez electeur, candidat, ou delegue:NOM (délégué de quel candidat)

## coordination (issue 18 point 5): the index of `constat pv --all`
pv-all-index-title = Réclamations à porter aux procès-verbaux — { $election }
pv-all-index-none = Aucun bureau n'a de constat à porter au procès-verbal.
pv-all-index-line = { $file } : bureau { $bureau } ({ $label }), circonscription { $circ } ; observé par { $observers }
pv-annex-photos = { $count ->
    [one] Photo jointe
   *[other] Photos jointes
} par { $name } dans ce bureau, par empreinte SHA-256 des octets gardés (16 premiers chiffres ; chaque photo est dans le dossier de preuves sous photos/EMPREINTE) :
pv-annex-photo = { $sha } · { $name } · { $of ->
    [cell] { $candidate }, { $item }
    [household] enveloppes reçues par un foyer
    [non_receipt] non-réception
   *[other] le bureau
} · jointe { $attached }{ $taken ->
    [none] {""}
   *[other] , prise le { $taken } (heure de l'appareil)
}{ $held ->
    [thumbnail] {" "}· vignette seulement : l'original n'est pas dans ce fichier (quand il arrivera, il sera vérifié contre cette empreinte)
    [nothing] {" "}· photo annoncée, non reçue : ses octets ne sont pas dans ce fichier
   *[original] {""}
}
