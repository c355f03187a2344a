# constat: the interface's grid, forms, picker and help (the main catalogue's part).

## Save indicator

save-idle = ○ prêt
save-saved = ● enregistré
save-pending = ◌ enregistrement…
save-failed = ✗ NON ENREGISTRÉ : { $error }

## Hints

hint-grid = ↑↓←→ bouger · espace/p/a/⌫ cocher · P colonne · e enveloppe · n non-réception · f photo · / lieu · u annuler · ? aide · q quitter
hint-form = Tab champ suivant · Entrée valider · Échap annuler
hint-help-scroll = ↑↓ défiler · Échap fermer
hint-picker = ↑↓ choisir · Entrée ouvrir · Échap annuler

## Help: each message says what its keys do; its `keys` attribute names them.

help-title = Aide
help-move = se déplacer dans la grille
    .keys = ↑ ↓ ← → / h j k l
help-cycle = changer la case : non vérifié → présent → absent
    .keys = espace
help-mark = marquer présent / absent, puis passer au candidat suivant (v : rester sur la ligne)
    .keys = p / a
help-clear = remettre la case à « non vérifié »
    .keys = ⌫ (retour arrière)
help-column = marquer toute la colonne présente (demande confirmation)
    .keys = P
help-screens = écran : enveloppe, bureau de vote, bilan
    .keys = Tab / 1 2 3
help-envelope = enveloppe du foyer : électeurs à l'adresse, enveloppes reçues, date, note
    .keys = e
help-envelopes = écran enveloppe : enveloppe suivante / précédente du foyer
    .keys = + / - (ou > / <)
help-non-receipt = non-réception : un électeur n'a reçu aucune enveloppe
    .keys = n
help-note = note sur la case (ex. « bulletins épuisés à 15 h ») ; i : historique de la case avec l'heure et la note de chaque constat (ou toucher deux fois le nom)
    .keys = c
help-seen-at = saisie différée : l'heure où les constats suivants ont été vus (par exemple 15 h 10 ou 11/06/2017 15 h 10 ; vide : maintenant)
    .keys = t
help-machines = bureau sur machines à voter, ou non (demande confirmation)
    .keys = m
help-move-bureau = déplacer les constats du bureau vers le bon bureau (historique conservé)
    .keys = M
help-export = bilan : exporter les preuves dans un dossier ou sur une clé USB
    .keys = x
help-place = choisir une autre circonscription ou un autre bureau
    .keys = / ou b
help-undo = annuler la dernière modification, même d'une session précédente après confirmation (enregistrée comme un nouvel événement)
    .keys = u
help-help = afficher ou fermer cette aide
    .keys = ?
help-quit = quitter (tout est déjà enregistré)
    .keys = q
help-legend = ✓ présent   ✗ absent   · non vérifié
    .keys = {""}
help-saved = Chaque case est enregistrée dans le fichier dès qu'elle est cochée.
    .keys = {""}

## The household's envelope and non-receipts

envelope-title = Enveloppe du foyer
envelope-voters = Électeurs à l'adresse
envelope-received = Enveloppes reçues
envelope-line = Enveloppe : { $received } { $received ->
    [one] reçue
   *[other] reçues
} pour { $voters } { $voters ->
    [one] électeur
   *[other] électeurs
}{ $missing ->
    [0] {""}
    [one] {" "}({ $missing } manquante)
   *[other] {" "}({ $missing } manquantes)
}
envelope-none = Enveloppe : non renseignée (touche e)
facts-short = Env. { $received }/{ $voters } électeurs · Non-réc. { $count }
facts-short-unknown = Env. ? (touche e) · Non-réc. { $count }
non-receipt-title = Non-réception d'enveloppe
non-receipt-voter = Nom de l'électeur (facultatif)
non-receipt-count = Non-réceptions : { $count }

## The picker

picker-title = Votre circonscription ou bureau
picker-prompt = Chercher (code, nom, adresse, commune)
picker-count = { $count } { $count ->
    [one] résultat
   *[other] résultats
}

## Forms and status messages

form-bad-number = « { $value } » n'est pas un nombre entier
form-needs-bureau = Choisissez d'abord un bureau
nothing-to-undo = Rien à annuler
undone = Dernière modification annulée
column-marked = Colonne « { $column } » marquée présente
screen-too-small = Fenêtre trop petite : agrandissez-la (40×15 au moins)

## Photos (issue 19): the photo form, the grid's mark, the history, the help.

# The mark of a cell that has a photo (one column wide, on every screen size).
photo-marker = ⊡
# The grid's status line: the photos of the cell under the cursor.
photo-count = { $marker } { $count } { $count ->
    [one] photo
   *[other] photos
} (i : historique)
photo-title = Joindre une photo
photo-for = Pour
# $other: the other choice Tab gives.
photo-tab-for = (Tab : { $other })
photo-target-household = les enveloppes du foyer
photo-target-bureau = le bureau { $bureau }
photo-path = Fichier ou dossier
photo-busy = Photo en cours…
photo-looking = Recherche des images récentes…
photo-no-folder = Pas de dossier de photos : tapez le chemin d'un dossier (~/storage/dcim/Camera) pour choisir parmi ses dernières images.
photo-folder-empty = Aucune image dans { $folder }.
photo-recent = Dernières images de { $folder } :
photo-camera = Ctrl-P ou F2 : prendre la photo avec l'appareil
photo-hint = ↑↓ image · Tab pour quoi · Entrée joindre · Échap annuler
photo-path-empty = Tapez ou collez le chemin de la photo, ou choisissez une image récente avec ↓.
photo-no-camera = Pas d'appareil photo ici : la commande termux-camera-photo (Termux:API) est absente.
photo-not-recorded = Rien n'a été enregistré.
# Once saved: $name the file's name, $sha the start of its SHA-256.
photo-attached = Photo jointe : { $name } (sha256 { $sha }…)
# A photo in a cell's history, after its time: $taken is photo-taken, photo-taken-day or nothing.
photo-history = photo « { $name } »{ $taken }
photo-taken = , prise à { $time }
photo-taken-day = , prise le { $day } à { $time }
photo-pick-folder-unreadable = Le dossier { $folder } ne peut pas être lu ({ $why }).
photo-pick-camera-failed = L'appareil photo n'a pas pris la photo ({ $why }) : rien n'a été enregistré.
photo-pick-camera-timeout = L'appareil photo n'a pas répondu en { $seconds } s (l'application Termux:API est-elle installée ?) : rien n'a été enregistré.
photo-pick-camera-no-photo = L'appareil photo n'a écrit aucune photo (accès à la caméra refusé ?) : rien n'a été enregistré.
help-photo-keys = f / F
help-photo = joindre une photo à la case (Tab : au foyer, au bureau) : chemin tapé ou collé, image récente du dossier, ou appareil photo (Ctrl-P) ; F : prendre la photo tout de suite
help-photo-legend = ⊡ la case a une photo (i : son historique)
