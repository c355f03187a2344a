## The coordinator's live view: `constat coordination` (issue 18 point 3).

coord-data-time = Données de { $time } (heure de Paris) · événements : { $events } · observateurs : { $observers }
coord-no-event = Aucun événement encore · observateurs : { $observers }
coord-files = Fichiers reçus : { $count } · dernier : { $name } à { $time }
coord-files-none = Fichiers reçus : aucun par « merge --watch » pour l'instant
coord-silent = Sans aucun envoi : { $count } { $count ->
        [one] inscrit
       *[other] inscrits
    } sur { $enrolled } — { $names }
coord-silent-none = Tous les inscrits ont envoyé ({ $enrolled })
coord-coverage = Couverture : circonscriptions { $circs }/{ $circs_total } · bureaux { $bureaux }/{ $bureaux_total }
coord-findings = Constats : { $list }
coord-findings-none = Constats : aucun pour l'instant
coord-kind-absent-from-table = absents de la table { $count }
coord-kind-distribution-failure = défauts de distribution { $count }
coord-kind-not-supplied = non fournis { $count }
coord-kind-disagreement = désaccords { $count }
coord-kind-machines-disputed = machines contestées { $count }
coord-kind-non-receipts = non-réceptions { $count }
coord-kind-seen-after-polls = après la clôture { $count }
coord-kind-received-after-election = reçues après le scrutin { $count }
coord-rate = { $value } [{ $low } – { $high }], { $households } { $households ->
        [one] foyer
       *[other] foyers
    }
coord-rate-no-interval = { $value }, { $households } { $households ->
        [one] foyer
       *[other] foyers
    } (pas d'intervalle avant 10)
coord-shortfall = Enveloppes manquantes : { $rate }
coord-shortfall-none = Enveloppes manquantes : aucun foyer consigné
coord-non-receipt = Non-réceptions : { $rate }
coord-facts-title = Derniers bulletins absents d'une table
coord-facts-none = aucun
coord-time-zoned = { $time } ({ $zone })
coord-fact = { $time } · { $bureau } · n° { $panel } { $candidate } ({ $observer })
coord-fact-here = { $time } · n° { $panel } { $candidate } ({ $observer })
coord-more = … et { $count } de plus
coord-list-departements = Départements
coord-list-circonscriptions = Circonscriptions
coord-list-bureaux = Bureaux
coord-list-observers = Observateurs
coord-item-departement = { $code } { $name } · circ. { $circs }/{ $circs_total } · bur. { $bureaux }/{ $bureaux_total } · absents { $absences }
coord-item-circonscription = { $code } { $label } · obs. { $observers } · bur. { $bureaux }/{ $bureaux_total } · absents { $absences }
coord-item-bureau = { $code } { $label } · obs. { $observers } · dernier { $time } · absents { $absences }
coord-item-bureau-unobserved = { $code } { $label } · aucun observateur
coord-item-observer = { $name } · dernier événement { $time }
coord-item-observer-file = { $name } · dernier fichier { $file } · dernier événement { $time }
coord-item-observer-file-only = { $name } · dernier fichier { $file } · aucun événement
coord-item-observer-nothing = { $name } · rien reçu
coord-item-silent = { $name } · inscrit, rien reçu
coord-observers-here = Observateurs : { $observers }
coord-hint = ↑↓ Entrée ouvrir · Échap retour · o observateurs · r refus · ? aide · q quitter
coord-hint-short = ↑↓ Entrée Échap o r ? q
coord-help-title = Aide de la coordination
coord-help-keys = ↑ ↓ (ou k j), Page↑ Page↓ : choisir une ligne. Entrée : ouvrir (France → département → circonscription → bureau). Retour arrière ou Échap : remonter. o : les observateurs, l'heure de fusion de leur dernier fichier et leur dernier événement, à l'heure légale de leur bureau. q : quitter. ? : fermer cette aide.
coord-help-refresh = La vue se met à jour d'elle-même dès qu'une fusion arrive dans la base (par exemple « constat merge --into … --watch DOSSIER » lancé dans un autre terminal).
coord-help-refusals = Les fichiers refusés (par « merge » ou « merge --watch ») sont notés dans la base avec leur raison : leur nombre et les plus récents s'affichent en tête de la vue nationale ; r les montre en entier, chacun avec sa raison. Le terminal de « merge --watch » les affiche aussi.
coord-help-figures = Les constats et les taux (fourchette à 95 % à partir de 10 foyers) sont ceux du rapport. Un bureau est couvert dès qu'un observateur y a enregistré quelque chose ; les départements sont nommés d'après la table des codes de constat (ZA Guadeloupe, ZX Saint-Barthélemy et Saint-Martin, ZZ Français établis hors de France…).
coord-too-small = Fenêtre trop petite : agrandissez-la (40×15 au moins).
coord-loading = Lecture de la base…
coord-failed = Lecture impossible : { $error }

## Issue 18 (night): refused files first.
coord-refused = ✗ Fichiers refusés : { $count } (les plus récents ci-dessous, avec leur raison)
coord-refused-item =   ✗ { $time } { $name } : { $reason }
coord-refusals-title = Fichiers refusés (r ou Échap : fermer)
coord-refusals-none = Aucun fichier refusé.
