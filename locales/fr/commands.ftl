# constat: what the commands print (init, tick, demo, report, import, export, merge, verify).

saved-event = enregistré : événement { $id }
already-recorded = déjà enregistré : la base tient déjà exactement cette observation, rien n'a été ajouté
created-db = Base créée : { $path } (observateur : { $who })
demo-db-was =
    Base de démonstration : { $path }
    Elle est conservée ; pour la rouvrir : constat --db { $path } ui
report-written = Rapport écrit : { $path }
import-recognised = { $file } : { $format }, encodage { $encoding }{ $separator ->
    [none] {""}
    [tab] , séparateur « tabulation »
   *[other] , séparateur « { $separator } »
}
import-candidates-done = { $count } candidats dans { $circonscriptions } { $circonscriptions ->
    [one] circonscription
   *[other] circonscriptions
} : { $added } nouveaux, { $same } inchangés
import-changed = modifié : { $circ } n° { $panel } : { $before } → { $after }
import-withdrawn = retiré (absent du fichier, conservé comme retiré) : { $circ } n° { $panel } { $name }
import-nothing-changed = Rien n'a changé : la base avait déjà exactement ces données.
import-bureaux-done = { $count } bureaux : { $added } nouveaux, { $changed } complétés ou corrigés, { $same } inchangés
import-bureaux-without-circ = { $count } bureaux sans circonscription connue : importez aussi la table bureaux ↔ circonscriptions d'Etalab
exported = Exporté : { $path }
merge-progress = { $events } { $events ->
    [one] événement ajouté
   *[other] événements ajoutés
}, { $rejected } { $rejected ->
    [one] fichier refusé
   *[other] fichiers refusés
}
merge-col-file = fichier
merge-col-new = nouveaux
merge-col-already = déjà là
merge-col-rejected = refusé (raison)
merge-total = { $files } { $files ->
    [one] fichier
   *[other] fichiers
} : { $events } { $events ->
    [one] événement nouveau
   *[other] événements nouveaux
}, { $already } { $already ->
    [one] déjà présent
   *[other] déjà présents
}, { $rejected } { $rejected ->
    [one] fichier refusé
   *[other] fichiers refusés
}
verify-ok = intact : { $what }
verify-broken = ALTÉRÉ : { $what } : { $why }
verify-chain = { $name } ({ $id }), { $events } événements, { $signed ->
    [none] non signés
   *[other] signés jusqu'à la position { $signed }
}
error-prefix = erreur
hint-prefix = conseil

## What an imported file was recognised as

import-format-results-2017-xlsx = résultats par circonscription 2017 (xlsx)
import-format-list-xlsx = liste des candidats (xlsx)
import-format-results-blocks = résultats par circonscription (un bloc par candidat)
import-format-results-blocks-2022 = résultats par circonscription 2022 (un bloc par candidat)
import-format-results-lines-2024 = résultats par circonscription, une ligne par candidat (2024)
import-format-list-heads = liste des têtes de liste
import-format-list-2024 = liste des candidats (2024)
import-format-list-2024-round-2 = liste des candidats du 2e tour (2024)
import-format-list-2022 = liste des candidats (2022)
import-format-list-xml = liste des candidats (colonnes des flux XML du ministère)
import-format-list = liste des candidats
import-format-bureaux-reu = table des bureaux de vote du REU (INSEE)
import-format-bureaux-etalab = table bureaux de vote ↔ circonscriptions (Etalab)
import-format-bureaux-results-2017 = résultats par bureau de vote 2017 (colonnes fixes)

# Issue 16, point 5: the same mark again on the bureau's table, once committed ($time: 15 h 40,
# the bureau's legal time).
rechecked-event = revérifié à { $time } : événement { $id }

## merge --watch (issue 18 point 2): one line per file as it lands, then a summary

watch-started = Surveillance de { $inbox } → { $target } : chaque fichier arrivé est fusionné tout de suite si c'est une base complète, sinon dès qu'il ne change plus. Ctrl-C pour arrêter.
watch-started-polling = Surveillance de { $inbox } → { $target } par balayage toutes les { $seconds } s (les notifications du système ne sont pas disponibles ici : { $why }). Ctrl-C pour arrêter.
watch-merged = { $time }  fusionné   { $file } : { $new } { $new ->
    [one] nouvel événement
   *[other] nouveaux événements
}, { $already } déjà { $already ->
    [one] connu
   *[other] connus
}
watch-duplicate = { $time }  déjà reçu { $file } : même contenu qu'un fichier déjà fusionné, ignoré
watch-refused = { $time }  REFUSÉ    { $file } : { $why }
watch-unreadable = { $time }  illisible { $file } : { $why } (sera relu s'il change)
watch-skipped = { $time }  non lu    { $file } : { $why }
watch-stopped = Arrêt de la surveillance : { $merged } { $merged ->
    [one] fichier fusionné
   *[other] fichiers fusionnés
} ({ $new } { $new ->
    [one] nouvel événement
   *[other] nouveaux événements
}), { $duplicates } en double, { $refused } { $refused ->
    [one] refusé
   *[other] refusés
}.
watch-refused-again = REFUSÉ {"  "}{ $file } : { $why }
## roster (issue 15 point 2)
roster-added = { $count ->
    [0] Aucune clé nouvelle inscrite.
    [one] { $count } clé inscrite.
   *[other] { $count } clés inscrites.
}
roster-already = Déjà inscrite : { $fingerprint } (« { $name } », nom gardé)
roster-empty = Aucune clé inscrite : sans liste, `constat merge` accepte toute clé. Inscrivez les observateurs avec `constat roster add NOM EMPREINTE` ou `constat roster import FICHIER`.
roster-entry = { $fingerprint }  { $name }  (inscrite le { $added })
whoami-name = Observateur : { $name }
whoami-id = Identifiant : { $id }
whoami-fingerprint = Empreinte de la clé : { $fingerprint }
whoami-no-key = Empreinte de la clé : aucune (cette base ne contient pas de clé publique)
whoami-reference = Référence de chaîne (position / début de l'empreinte de chaîne / clé) : { $reference }
whoami-no-reference = Référence de chaîne : aucune pour l'instant (aucune observation enregistrée)
whoami-send = À envoyer à votre coordinateur, qui vous inscrit avec : constat roster add "{ $name }" { $fingerprint }
merge-gate-not-enrolled = clé { $fingerprint } de « { $name } » absente de la liste des observateurs inscrits de la base cible. Si c'est bien sa clé (vérifiez avec l'observateur, qui la lit avec `constat whoami`), inscrivez-la puis fusionnez de nouveau : constat --db { $target } roster add "{ $name }" { $fingerprint }
merge-gate-key-conflict = conflit de clés : « { $name } » ({ $observer }) porte ici la clé { $fingerprint }, un autre fichier une autre clé ; aucun de ces fichiers n'est fusionné (voir les conflits de clés sous le tableau)
merge-gate-not-accepted = clé { $fingerprint } de « { $name } » écartée : --accept-key { $accepted } a été choisie pour cet observateur
merge-conflict-head = Conflit de clés : l'observateur { $observer } est revendiqué avec plusieurs clés ; aucun de ces fichiers n'est fusionné :
merge-conflict-settled = Conflit de clés de l'observateur { $observer }, tranché par --accept-key { $accepted } :
merge-conflict-claim = « { $name } », clé { $fingerprint } : { $file }
merge-conflict-how = Pour trancher, demandez à l'observateur son empreinte (`constat whoami`) et fusionnez de nouveau avec la bonne clé : constat merge --into { $target } --accept-key EMPREINTE … (empreintes en présence : { $fingerprints })
merge-accept-key-unused = --accept-key { $fingerprint } : aucun conflit de clés entre ces fichiers ne met en jeu cette clé (elle ne sert alors qu'à un changement de clé signé par cette seule clé, `constat key new --lost`).
merge-dispute-settled = Litige de clé de « { $name } » ({ $observer }) tranché pour la clé { $accepted } : { $kept ->
    [yes] ses observations déjà ici comptent de nouveau ; les fichiers d'une autre clé sont refusés.
   *[no] ses observations déjà ici { $held ->
        [none] sans clé
       *[other] sous la clé { $held }
    } restent écartées pour de bon. Pour prendre celles de la clé { $accepted }, créez une nouvelle base cible et fusionnez-y les fichiers reçus avec --accept-key { $accepted } ({ $target } ne garde que des ajouts).
}
# Evidence folders (issue 15 points 4, 5): what `verify DIR` and `verify --pv` print.
verify-subject-csv-chain = { $file } · { $name } ({ $observer }), { $events } événements, { $signed ->
    [none] non signés
   *[other] signés jusqu'à la position { $signed }
} · position { $seq } : { $head } · { $fingerprint ->
    [none] sans clé
   *[other] clé { $fingerprint }
}
verify-subject-manifest-signature = { $file } · signé par { $name ->
    [none] { $observer }
   *[other] { $name } ({ $observer })
}, clé { $fingerprint }
verify-subject-digest = { $file } · condensé recalculé depuis `events.csv` : { $digest ->
    [none] aucun événement
   *[other] { $digest }
}
verify-pv-holds = conforme au PV « { $reference } » : { $name } ({ $observer }) a exactement cet état à la position { $seq }, { $after ->
    [0] et rien après
    [one] et { $after } événement après
   *[other] et { $after } événements après
}
verify-pv-differs = NON CONFORME au PV « { $reference } » : { $why }
## coordination (issue 18): reference files, init --reference, machines --from, pv --all
reference-written = Fichier de référence écrit : { $path } ({ $circs } { $circs ->
    [one] circonscription
   *[other] circonscriptions
}, { $candidates } candidats, { $bureaux } bureaux ; ni observation, ni observateur, ni clé) ; chaque observateur crée sa base avec : constat init --reference { $path } --observer NOM
created-from-reference = Base créée : { $path } (observateur : { $who }, nouvelle identité et nouvelle clé) depuis le fichier de référence { $reference } ({ $circs } { $circs ->
    [one] circonscription
   *[other] circonscriptions
}, { $bureaux } bureaux)
machines-from-done = { $file } : { $on } { $on ->
    [one] bureau enregistré sur machines
   *[other] bureaux enregistrés sur machines
}, { $off } sans machines (une seule transaction)
pv-all-written = { $count ->
    [0] aucun bureau n'a de constat à porter au procès-verbal
    [one] 1 bureau avec un constat : sa réclamation et son annexe
   *[other] { $count } bureaux avec un constat : une réclamation et son annexe par bureau
} dans { $dir } (liste : { $index })

## Photos (issue 19)
photo-saved = photo enregistrée : { $name } ({ $size } octets, sha256 { $sha }…), événement { $id }{ $kept ->
    [stripped] , métadonnées EXIF retirées de la copie gardée
    [heic] , HEIC gardé tel quel (métadonnées non retirées)
   *[kept] , gardée telle quelle
}
verify-photo-intact = photo intacte : { $name } (sha256 { $sha }…, événement { $id })
verify-photo-not-received = photo annoncée, non reçue : { $name } (sha256 { $sha }…, événement { $id }) ; ce n'est pas une rupture de la chaîne : l'original envoyé plus tard se vérifiera
verify-photo-thumbnail-only = vignette seulement : { $name } (sha256 { $sha }…, événement { $id }) ; l'original n'a pas été reçu (copie « export db --thumbnails ») ; ce n'est pas une rupture de la chaîne : l'original envoyé plus tard se vérifiera
verify-photo-altered = ALTÉRÉ : photo { $name } (événement { $id }) : ses octets gardés ont l'empreinte { $found }, l'événement annonce { $sha }
# Key rotation (issue 15 point 3): `constat key new [--lost]`.
key-new-done = Nouvelle clé pour { $name } : { $fingerprint } (remplace { $old }). Le changement de clé est l'événement { $seq } de la chaîne, signé par l'ancienne clé : la continuité est prouvée, le coordinateur l'accepte sans rien faire.
key-new-lost = Nouvelle clé pour { $name } : { $fingerprint } (remplace { $old }, perdue). Le changement de clé est l'événement { $seq } de la chaîne, signé par la nouvelle clé seulement : rien ne prouve qu'il vient de vous, sauf vous.
key-new-file = Clé secrète : { $path } (ne la copiez nulle part ; aucun export ne la contient)
key-new-send = Donnez la nouvelle empreinte { $fingerprint } à votre coordinateur et recopiez-la dans les procès-verbaux suivants.
key-new-send-lost = Donnez vous-même la nouvelle empreinte { $fingerprint } à votre coordinateur (de vive voix, par téléphone) : il vérifie qu'elle vient de vous, puis fusionne avec constat merge --accept-key { $fingerprint }.
