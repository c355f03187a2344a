# constat: journey messages (fr).

## Tabs, wide and short, in screen order.

journey-tab-envelope = 1 Enveloppe
journey-tab-bureau = 2 Bureau de vote
journey-tab-summary = 3 Bilan
journey-tab-envelope-short = 1 Env.
journey-tab-bureau-short = 2 Bureau
journey-tab-summary-short = 3 Bilan

## Key hints.

journey-hint-envelope = espace/p/a cocher · e enveloppe · n non-réception · c note · Tab écran · / lieu · u annuler · ? aide · q quitter
journey-hint-bureau = espace/p/a cocher · c note · m machines · M déplacer · Tab écran · / lieu · u annuler · ? aide · q quitter
journey-hint-summary = x exporter · ↑↓ défiler · Tab écran · u annuler · ? aide · q quitter
journey-hint-confirm = o oui · n non
journey-hint-move-picker = ↑↓ choisir · Entrée déplacer ici · Échap annuler

## Grid and bureau screen.

journey-col-checked-at = Vérifié à
journey-col-checked-at-short = À
# Marks a cell that carries a note.
journey-note-marker = ✎
journey-bureau-none = Aucun bureau choisi : appuyez sur / pour choisir votre bureau.
journey-bureau-machines = machines à voter : aucun bulletin attendu sur table
journey-bureau-no-machines = bulletins sur table
journey-bureau-machines-short = machines à voter
journey-bureau-no-machines-short = table
# $time: the time of the last observation.
journey-bureau-last-check = dernier constat à { $time }
journey-bureau-last-check-short = vérifié à { $time }
journey-picker-prompt-short = Chercher
journey-bureau-not-checked = pas encore vérifié

## Confirmation.

journey-confirm-title = Confirmer
journey-yes = [o] Oui
journey-no = [n] Non
journey-button-ok = [Entrée] Valider
journey-button-cancel = [Échap] Annuler
# $count: the unchecked candidates of the column (at least 1); $column: the column's title.
journey-ask-mark-column =
    { $count ->
        [one] Marquer présent le candidat restant de la colonne « { $column } » ?
       *[other] Marquer présents les { $count } candidats restants de la colonne « { $column } » ?
    }
# $count: the observations moved; $replaced: those already made at bureau $to, which they replace.
journey-ask-move =
    Déplacer { $count } { $count ->
        [one] constat
       *[other] constats
    } du bureau { $from } vers le bureau { $to } ? Ils sont retirés ici et enregistrés là-bas ; l'historique est conservé.{ $replaced ->
        [0] {""}
        [one] {" "}Cela remplace { $replaced } constat déjà fait au bureau { $to }.
       *[other] {" "}Cela remplace { $replaced } constats déjà faits au bureau { $to }.
    }
# $machines: yes when the bureau is being set to voting machines.
journey-ask-machines =
    { $machines ->
        [yes] Le bureau { $bureau } vote-t-il sur machines à voter (aucun bulletin sur table) ?
       *[no] Le bureau { $bureau } a-t-il des bulletins sur table (pas de machines à voter) ?
    }
journey-cancelled = Rien n'a été fait

## Notes and envelopes.

journey-note-title = Note sur la case
journey-note-label = Note
journey-note-saved = Note enregistrée avec la case
journey-envelope-note = Note (facultatif)
journey-envelope-received-on = Reçues le (JJ/MM/AAAA)
journey-envelope-bad-date = « { $value } » n'est pas une date : un jour qui existe, d'une année de 2000 à 2099, écrit JJ/MM/AAAA (par exemple 06/06/2024)
journey-envelope-no-voters = Il faut au moins un électeur à l'adresse
journey-export-suggested = Ce dossier contient déjà des preuves : Entrée pour exporter dans { $path }, ou changez le nom
journey-picker-no-bureau-yet = Aucun bureau choisi pour l'instant : / pour en choisir un
# A profession de foi or courrier marked while the household's count says 0 envelopes received.
journey-envelope-none-received = Aucune enveloppe reçue au foyer : rien à cocher. Si une enveloppe est arrivée, corrigez le nombre (e).
journey-envelope-arrival-without-envelope = Aucune enveloppe reçue : effacez la date d'arrivée
# The envelope shown ($number) of how many ($of), in the grid's header.
journey-envelope-shown = enveloppe { $number } sur { $of } (+/-)
journey-envelope-shown-short = env. { $number }/{ $of } (+/-)
journey-envelope-switched = Enveloppe { $number } sur { $of } affichée
journey-envelope-first = C'est la première enveloppe
# At the last envelope, when the observer gave the count ($count, at least 1).
journey-envelope-last-counted =
    { $count ->
        [one] Une seule enveloppe reçue (e pour corriger)
       *[other] { $count } enveloppes reçues (e pour corriger)
    }
# At the last envelope ($number), when the observer has not given the count yet.
journey-envelope-last-unticked = Cochez d'abord l'enveloppe { $number } (ou e)

## Moving observations to another bureau.

journey-move-title = Déplacer les constats vers quel bureau ?
journey-move-nothing = Aucun constat de bulletin à déplacer dans ce bureau
journey-move-same-bureau = C'est déjà le bureau courant
journey-move-unknown = Ce bureau n'est pas dans ce fichier
journey-move-other-circ = Le bureau { $bureau } n'est pas dans la circonscription { $circonscription }
journey-moved =
    { $count } { $count ->
        [one] constat déplacé
       *[other] constats déplacés
    } vers { $to } (historique conservé)
journey-machines-set =
    { $machines ->
        [yes] Bureau { $bureau } : machines à voter
       *[no] Bureau { $bureau } : bulletins sur table
    }

## Summary and export.

journey-summary-loading = Préparation du bilan…
journey-summary-findings = Constats de la circonscription
journey-summary-pv = Réclamation pour le procès-verbal
journey-summary-pv-needs-bureau = Choisissez votre bureau (touche /) pour préparer la réclamation.
journey-summary-digest = Référence à recopier dans le procès-verbal
journey-summary-digest-short = Référence
# On the summary screen, instead of the report's lines naming the statistics and the chain heads.
journey-summary-rates-intro = Enveloppes manquantes et non-réceptions rapportées aux électeurs des foyers observés ; fourchette à 95 % à partir de { $min } foyers.
journey-summary-digest-full = Empreinte complète des observations : { $digest }
journey-summary-no-digest = pas encore d'empreinte : rien n'est enregistré
journey-export-title = Exporter les preuves
journey-export-label = Dossier à créer (clé USB : /media/…/preuves)
# The folder proposed for the export, for circonscription $circonscription.
journey-export-default = constat-preuves-{ $circonscription }
journey-exported = Preuves exportées : { $path }
journey-export-empty = Indiquez un dossier

## The first-run form.

setup-title = Bienvenue dans constat
setup-intro = Pas encore de fichier des constats ici : créons-le (aucun fichier existant n'est écrasé).
setup-database = Fichier des constats
setup-name = Votre nom (il figurera dans les preuves)
setup-contact = Contact (facultatif : téléphone, courriel)
setup-election = Élection
# $sample: the sample to try.
setup-sample = exemple pour essayer : { $sample } ({ $sample ->
    [presidentielle-2022] présidentielle 2022, 1er tour, quelques bureaux
   *[other] législatives 2017, Paris 1re
})
setup-reference = fichier de référence de votre coordination (données officielles)
setup-reference-path = Chemin du fichier de référence
setup-hint = Tab champ suivant · ←→ choisir · Entrée créer · Échap quitter
setup-name-required = Indiquez votre nom : il signe vos constats.
setup-reference-required = Indiquez le chemin du fichier de référence (ex. /media/usb/legislatives.db).
setup-created = Fichier des constats créé. Votre bureau : tapez un code, une rue ou une commune
setup-reference-missing = le fichier de référence { $path } n'existe pas : vérifiez le chemin (clé USB montée ?)
setup-cancelled = Aucune base créée ({ $path } n'existe pas). Relancez constat pour la créer.

## Issue 16: paste, cursor, grid status, undo, a cell's history, other writers.

# $on: yes when p and a move the cursor to the next row.
journey-advance = { $on ->
    [yes] Après p ou a, le curseur passe à la ligne suivante (v pour l'arrêter)
   *[no] Après p ou a, le curseur reste sur la ligne (v pour le faire avancer)
}
journey-reloaded = Mis à jour depuis le fichier (ligne de commande, fusion) : vérifiez l'écran, rien d'autre n'a été fait
# A note longer than $max: $refused characters were not added.
journey-note-too-long = Note limitée à { $max } caractères : { $refused } { $refused ->
    [one] non ajouté
   *[other] non ajoutés
}
journey-note-count = { $count }/{ $max } caractères
journey-ask-quit-form = Quitter sans enregistrer ce qui est tapé dans le formulaire ?
# $what: what the undo withdraws (journey-undone-cell, -column, -cells).
journey-ask-undo-earlier = Annuler « { $what } », enregistré lors d'une session précédente ?
journey-undone = Annulé : { $what }
# $cell: journey-cell; $was: the mark undone; $now: the mark shown again.
journey-undone-envelope = le décompte des enveloppes du foyer ({ $voters } { $voters ->
    [one] électeur
   *[other] électeurs
}, { $received } { $received ->
    [one] reçue
   *[other] reçues
})
journey-undone-non-receipt = la non-réception
journey-undone-machines = bureau { $bureau } : { $machines ->
    [yes] vote sur machines
   *[other] pas de machines à voter
}
journey-undone-photo = la photo jointe
journey-undone-cell = { $cell } { $was } → { $now }
journey-undone-column = { $count } { $count ->
    [one] case
   *[other] cases
} de la colonne « { $column } »
journey-undone-cells = { $count } { $count ->
    [one] case
   *[other] cases
}
# $item: foi, courrier or bureau.
journey-cell = n° { $panel } { $item ->
    [foi] profession de foi
    [courrier] bulletin (enveloppe)
   *[bureau] bulletin (bureau)
}
journey-rows-above = ↑ { $count } au-dessus
journey-rows-below = ↓ { $count } de plus
journey-all-checked = tous vérifiés
journey-progress = { $item ->
    [foi] foi
    [courrier] courrier
   *[bureau] bureau
} { $done }/{ $total }
journey-history-title = Historique : { $cell }
journey-history-loading = Lecture de l'historique…
journey-history-empty = Aucun constat sur cette case
journey-history-withdrawn = (retiré)
journey-hint-history = ↑↓ défiler · Échap fermer

journey-button-note = c note
# The non-receipt form's field: is the voter of the observer's own household (o/n)?
journey-non-receipt-household = Votre foyer (o/n)
journey-household-yes = oui
journey-household-no = non
journey-household-default-yes = oui (défaut)
journey-household-default-no = non (défaut)
journey-button-export = x preuves
journey-button-undo = u annuler
journey-button-help = ? aide
journey-button-quit = q quitter
# A phone's column titles: words, not abbreviations. $item: foi, courrier or bureau.
journey-col-phone = { $item ->
    [foi] foi
    [courrier] courrier
   *[bureau] bulletin
}
journey-col-checked-at-phone = heure

# Between a label and its value: a no-break space before the colon.
journey-sep = {"\u00A0: "}

# Issue 13 point 6: when the observations typed next were seen (key t)
journey-seen-at-title = Heure des constats
journey-seen-at-hint = Quand les constats suivants ont-ils été vus ? ({ $utc ->
    [yes] heure UTC : le code de ce bureau de l'étranger ne dit pas son fuseau
   *[no] heure légale du bureau
} ; vide : maintenant)
journey-seen-at-label = Vu à
journey-seen-at-unreadable = « { $text } » n'est pas une heure lisible : écrivez par exemple 15 h 10 ou 11/06/2017 15 h 10 (vide : maintenant)
journey-seen-at-set = Les constats suivants sont datés du { $moment } (t pour changer ; vide : maintenant)
journey-seen-at-now = Les constats suivants sont datés de l'heure où vous les saisissez
journey-seen-at-badge = vu { $time }

# Issue 16 points 4 and 5 in the interface
journey-rechecked-at = Revérifié à { $time } : le même constat, vu de nouveau, est enregistré.
journey-too-many-voters = Les électeurs inscrits à l'adresse vont de 1 à { $max } : vérifiez le nombre tapé.
journey-too-many-envelopes = { $max } enveloppes reçues au plus : vérifiez le nombre tapé.
journey-more-than-voters = { $voters } { $voters ->
    [one] électeur
   *[other] électeurs
} à l'adresse mais { $count } { $count ->
    [one] enveloppe reçue
   *[other] enveloppes reçues
} : { $more } de plus que d'électeurs. Est-ce bien ce que vous avez constaté ?

# Issue 16 point 17: the observer says how to be named (first-run form)
setup-bureau = Votre bureau (facultatif, ex. 75056_0911)
setup-qualite = Qualité pour vos réclamations (espace pour changer)
setup-qualite-unsaid = non précisé (demandé au moment de la réclamation)
setup-qualite-electeur = électeur inscrit dans ce bureau
setup-qualite-delegue = délégué d'un candidat ou d'une liste
setup-qualite-candidat = candidat
setup-delegate = Délégué de (nom du candidat ou de la liste)
setup-delegate-required = Indiquez de quel candidat ou de quelle liste vous êtes délégué, ou choisissez une autre qualité.
setup-created-with-bureau = Fichier des constats créé pour votre bureau. Cochez ce que vous voyez ; ? pour l'aide
setup-word = Je signe comme (espace pour changer)
setup-word-unsaid = observateur ou observatrice (non précisé)
setup-word-observateur = observateur
setup-word-observatrice = observatrice
