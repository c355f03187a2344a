# constat: plain messages (fr).
# Words only: no symbol carries meaning alone, so that a screen reader reads every line as it is.

# The prompt, written without a newline.
plain-prompt = constat>{" "}
# Between a label and its value.
plain-sep = {" : "}
plain-circonscription = Circonscription
plain-bureau = Bureau
plain-no-bureau = aucun bureau choisi (tapez bureau CODE) : les bulletins au bureau et les non-réceptions ne peuvent pas être notés
plain-observer = Observateur
plain-item-foi = profession de foi
plain-item-courrier = bulletin (courrier)
plain-item-bureau = bulletin (bureau)
plain-mark-present = présent
plain-mark-absent = absent
plain-mark-unchecked = non vérifié
plain-candidates =
    { $count } { $count ->
        [one] candidat
       *[other] candidats
    } :
plain-non-receipts = Non-réceptions notées : { $count }.
plain-start-hint = Tapez « aide » pour la liste des commandes, « quitter » pour sortir.
# One line of the list per line here.
plain-help =
    Commandes :
    3 foi p : candidat 3, profession de foi présente. Colonnes : foi, courrier, bureau (ou f, c, b). Valeurs : p (présent), a (absent), - (effacer).
    tous bureau p : toute la colonne pour tous les candidats, après confirmation.
    enveloppe 4 1 : 4 électeurs à l'adresse (de 1 à 99), 1 enveloppe reçue ; enveloppe 4 2 06/06/2024 : 2 enveloppes, arrivées le 6 juin 2024. Plus d'enveloppes que d'électeurs : une question le fait confirmer.
    numero 2 : les cases foi et courrier suivantes sont celles de la 2e enveloppe du foyer (numero 1 pour revenir à la première).
    non-recu Jean Dupont : un électeur du bureau n'a reçu aucune enveloppe (le nom est facultatif) ; votre foyer sans nom ou à votre nom, sinon tapez non-recu foyer NOM ou non-recu autre NOM.
    note 3 bureau TEXTE : ajoute une note à la case, avec sa valeur actuelle.
    bureau 75056_0911 : passe à ce bureau (ou bureau 7501 : à cette circonscription).
    machines oui : le bureau vote sur machines (pas de bulletins sur la table) ; machines non : il ne vote pas sur machines.
    heure 11/06/2017 15:40 : les observations suivantes ont été vues à ce moment (une saisie après coup) ; heure 15 h 40 : le jour du scrutin ; heure maintenant : revenir à l'heure de saisie.
    annuler : retire la dernière modification, puis la précédente ; une modification d'une session précédente après confirmation (o/n).
    liste : relit les candidats et leurs cases.
    historique 3 bureau : toutes vos observations de la case, avec leur heure.
    bilan : les constats de la circonscription, comme dans le rapport.
    pv : la réclamation à porter au procès-verbal du bureau, comme constat pv.
    annexe : l'annexe de la réclamation (tous les faits du bureau, sa référence et l'empreinte complète), comme constat pv --annex.
    export DOSSIER : écrit les preuves dans ce dossier (par exemple sur une clé USB), comme constat export evidence.
    verifier : revérifie les chaînes d'empreintes et les signatures de la base.
    photo 8 bureau CHEMIN : joint une photo (JPEG, PNG ou HEIC, 20 Mo au plus) à la case du candidat 8 ; photo bureau CHEMIN : au bureau ; photo enveloppe CHEMIN : aux enveloppes du foyer. ~/ est votre dossier personnel ; la position GPS et l'appareil sont retirés de la copie gardée.
    aide : cette liste. quitter (ou Ctrl-C) : termine la session. Flèches haut et bas : les lignes déjà tapées.

## What a command did.

plain-saved-at = enregistré à { $time }.
# A change seen at the time the observer gave with « heure » ($seen), recorded at $time.
plain-saved-seen-at = vu à { $seen }, enregistré à { $time }.
plain-not-saved = NON ENREGISTRÉ : { $error }
# $done of $total changes were saved before the error.
plain-partly-saved =
    { $done } sur { $total } { $done ->
        [one] enregistré
       *[other] enregistrés
    } avant l'erreur ; « annuler » les retire.
# $what: a cell and its value, already as they were.
plain-already = { $what }, déjà : rien à enregistrer.
plain-note-said = , note : « { $text } »
plain-column-summary =
    { $what } pour { $count } { $count ->
        [one] candidat
       *[other] candidats
    }
plain-column-nothing = Rien à changer : tous les candidats ont déjà { $what }.
# The prompt of a whole-column command, written without a newline.
plain-column-confirm =
    Noter { $what } pour { $count } { $count ->
        [one] candidat
       *[other] candidats
    } ? Confirmer ? (o/n){" "}
plain-column-cancelled = Abandonné : rien n'a été enregistré.

## Envelopes and non-receipts.

plain-envelope-summary =
    Enveloppes du foyer : { $voters } { $voters ->
        [one] électeur
       *[other] électeurs
    } à l'adresse, { $count } { $count ->
        [one] enveloppe reçue
       *[other] enveloppes reçues
    }
# The day the $count envelopes came.
plain-envelope-day =
    , { $count ->
        [one] arrivée
       *[other] arrivées
    } le { $day }
# The household's envelopes: $summary is plain-envelope-summary, $day plain-envelope-day or
# nothing, $note plain-note-said or nothing.
plain-envelope-fact = { $summary }{ $day }{ $note }.
# After an item, when the household has several envelopes.
plain-envelope-tag = {" "}(enveloppe { $number })
plain-envelope-number = Enveloppe { $number } : les cases foi et courrier suivantes sont celles de cette enveloppe.
plain-no-envelope-received = Pas enregistré : le foyer n'a reçu aucune enveloppe, il n'y a rien à cocher. Si une enveloppe est arrivée, donnez d'abord leur nombre (enveloppe V R).
plain-arrival-without-envelope = Pas de jour d'arrivée sans enveloppe reçue : tapez enveloppe V 0 sans date.
plain-envelope-beyond = Pas d'enveloppe { $number } : numero va jusqu'à { $last }. Si le foyer a reçu davantage d'enveloppes, donnez d'abord leur nombre (enveloppe V R), puis numero { $number }.
# The line before the grid when it shows an envelope after the first.
plain-envelope-shown = Enveloppe { $number } du foyer (foi et courrier) :
# Whose household a non-receipt is of, after its summary.
plain-household-own = votre foyer
plain-household-other = autre foyer
plain-non-receipt-named = Non-réception : { $voter }, bureau { $bureau }
plain-non-receipt-unnamed = Non-réception sans nom, bureau { $bureau }

## Replies.

plain-undone = Annulé : { $what }
plain-nothing-to-undo = Rien à annuler.
plain-needs-bureau = Aucun bureau choisi : le bulletin au bureau et les non-réceptions demandent un bureau (tapez bureau CODE, par exemple bureau 75056_0911).
plain-place-unknown = « { $code } » n'est ni un bureau ni une circonscription de cette base (exemple : bureau 75056_0911, bureau 7501).
# The question before undoing a change recorded in an earlier session ($what: what it undoes).
plain-undo-earlier-confirm = Annuler « { $what } », enregistré lors d'une session précédente ? (o/n){" "}
plain-confirm-again = Répondez o (oui) ou n (non).
# $known: the panel numbers of the circonscription.
plain-unknown-panel = Pas de candidat numéro { $number } ici. Numéros : { $known }.
# Followed by the problem and an example.
plain-not-understood = Pas compris :{" "}
plain-bye = Fin de la session.

## What was wrong in a line ($word: the word in question).

plain-problem-unknown-command = « { $word } » n'est pas une commande
plain-problem-missing-panel = il manque le numéro du candidat
plain-problem-bad-panel = « { $word } » n'est pas un numéro de candidat (un nombre de 1 à 999)
plain-problem-missing-item = il manque la colonne : foi, courrier ou bureau
plain-problem-bad-item = « { $word } » n'est pas une colonne : écrivez foi, courrier ou bureau
plain-problem-missing-mark = il manque la valeur : p (présent), a (absent) ou - (effacer)
plain-problem-bad-mark = « { $word } » n'est pas une valeur : écrivez p (présent), a (absent) ou - (effacer)
plain-problem-missing-number = il manque un nombre
plain-problem-bad-number = « { $word } » n'est pas un nombre entier positif
plain-problem-no-voters = il faut au moins un électeur à l'adresse
plain-problem-bad-date = « { $word } » n'est pas une date : un jour qui existe, d'une année de 2000 à 2099, écrit JJ/MM/AAAA
plain-problem-bad-envelope-number = « { $word } » n'est pas un numéro d'enveloppe (de 1 à 999)
# $word: the words left over.
plain-problem-extra = mots en trop : « { $word } »
plain-problem-missing-text = il manque le texte de la note
plain-problem-too-long =
    texte trop long ({ $max } { $max ->
        [one] caractère
       *[other] caractères
    } au plus)
plain-problem-control = le texte contient des caractères de contrôle

## The right form of the command a mistake was made in.

plain-example-any = Exemples : 3 foi p, enveloppe 4 1, aide
plain-example-set = Exemple : 3 foi p (candidat 3, profession de foi présente)
plain-example-column = Exemple : tous bureau p (bulletin au bureau présent pour tous)
plain-example-envelope = Exemple : enveloppe 4 1 (4 électeurs, 1 enveloppe reçue), ou enveloppe 4 1 06/06/2024
plain-example-envelope-number = Exemple : numero 2 (la 2e enveloppe du foyer)
plain-example-non-receipt = Exemple : non-recu Jean Dupont
plain-example-note = Exemple : note 3 bureau bulletins épuisés à 15h
plain-example-place = Exemple : bureau 75056_0911 (ou une circonscription : bureau 7501)
plain-example-bare = Exemple : annuler (sans rien après)

## Issue 16: limits, re-checks, findings, réclamation, annex, export, history, verification.

plain-interrupted = Interrompu (Ctrl-C).
plain-rechecked-at = revérifié à { $time }.
plain-too-many-voters = Pas enregistré : les électeurs inscrits à l'adresse vont de 1 à { $max }. Exemple : enveloppe 4 1.
plain-too-many-envelopes = Pas enregistré : { $max } enveloppes reçues au plus. Exemple : enveloppe 4 1.
# The question before recording more envelopes than voters, written without a newline.
plain-more-than-voters-confirm =
    { $voters } { $voters ->
        [one] électeur
       *[other] électeurs
    } à l'adresse mais { $count } { $count ->
        [one] enveloppe reçue
       *[other] enveloppes reçues
    } : { $more } de plus que d'électeurs. Est-ce bien ce que vous avez constaté ? Confirmer ? (o/n){" "}
# After the envelope summary: envelopes received beyond the voters.
plain-envelope-excess =
    {" "}({ $count } { $count ->
        [one] enveloppe
       *[other] enveloppes
    } de plus que d'électeurs)
plain-findings-none = Aucun constat : rien n'est encore observé dans cette circonscription.
plain-pv-needs-bureau = Aucun bureau choisi : la réclamation est celle d'un bureau (tapez bureau CODE, par exemple bureau 75056_0911, puis pv).
plain-exported = Preuves exportées dans { $folder }.
plain-export-not-empty = Rien n'a été écrit : le dossier { $folder } contient déjà des fichiers. Pour un dossier libre à côté, tapez : export { $free }
plain-history-title =
    Historique de { $what } : { $count } { $count ->
        [one] observation
       *[other] observations
    } :
plain-history-line = le { $day } à { $time } : { $mark }
plain-history-line-noted = le { $day } à { $time } : { $mark }, note : « { $note } »
plain-history-none = Historique de { $what } : aucune observation enregistrée par vous.
plain-verify-ok = intact : { $what }
plain-verify-broken = ALTÉRÉ : { $what } : { $why }
plain-verify-all-ok = Vérification terminée : tout est intact.
plain-verify-some-broken =
    Vérification terminée : { $count } { $count ->
        [one] contrôle ALTÉRÉ
       *[other] contrôles ALTÉRÉS
    }.
plain-problem-missing-folder = il manque le dossier
plain-example-export = Exemple : export /media/cle/preuves (un dossier vide ou qui n'existe pas encore)
plain-example-history = Exemple : historique 3 bureau (candidat 3, bulletin au bureau)
plain-example-machines = Exemple : machines oui (le bureau vote sur machines), machines non (il ne vote pas sur machines).
plain-example-seen-at = Exemple : heure 11/06/2017 15:40, heure 15 h 40 (le jour du scrutin, à l'heure légale du bureau ; en heure UTC pour les Français de l'étranger), heure maintenant.
plain-problem-bad-moment = « { $word } » n'est pas un moment : écrivez le jour et l'heure (11/06/2017 15:40), ou l'heure seule le jour du scrutin (15 h 40)
plain-problem-bad-yes-no = « { $word } » n'est ni oui ni non
plain-machines-on = bureau { $bureau } : vote sur machines (pas de bulletins sur la table, aucun constat sur elle)
plain-machines-off = bureau { $bureau } : ne vote pas sur machines
plain-seen-at = Les observations suivantes sont datées du { $moment } (« heure maintenant » pour revenir à l'heure de saisie).
plain-seen-now = Les observations suivantes sont datées de l'heure où vous les tapez.

## Photos (issue 19).

# $what: the cell (as plain-history names it), the bureau or the household; $name: the file's
# name; $sha: the start of its SHA-256; $kept: stripped, heic or kept.
plain-photo-saved = Photo jointe à { $what } : { $name } (sha256 { $sha }…{ $kept ->
    [stripped] , position GPS et appareil retirés de la copie gardée
    [heic] , HEIC gardé tel quel
   *[kept] {""}
})
plain-photo-bureau = bureau { $bureau }
plain-photo-household = enveloppes du foyer
plain-photo-needs-bureau = Aucun bureau choisi : une photo se joint dans un bureau (tapez bureau CODE, par exemple bureau 75056_0911, puis photo).
plain-example-photo = Exemple : photo 8 bureau ~/storage/dcim/Camera/IMG_0001.jpg (ou photo bureau CHEMIN, photo enveloppe CHEMIN)
plain-problem-missing-photo-subject = il manque ce que montre la photo : un numéro de candidat et une colonne, bureau ou enveloppe
plain-problem-bad-photo-subject = « { $word } » n'est ni un numéro de candidat, ni bureau, ni enveloppe
plain-problem-missing-path = il manque le chemin du fichier de la photo
# `historique N ITEM`: the cell's photos, after its observations.
plain-history-photos =
    Photos de { $what } : { $count } { $count ->
        [one] photo
       *[other] photos
    } :
# $taken: plain-photo-taken, plain-photo-taken-day or nothing.
plain-history-photo = le { $day } à { $time } : photo « { $name } »{ $taken }
plain-photo-taken = , prise à { $time }
plain-photo-taken-day = , prise le { $day } à { $time }
# After a cell's value in the candidate lines: its photos.
plain-cell-photos =
    {" "}({ $count } { $count ->
        [one] photo
       *[other] photos
    })
