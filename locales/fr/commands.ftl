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
import-candidates-done = { $count } candidats dans { $circonscriptions } circonscriptions : { $added } nouveaux, { $same } inchangés
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
    [none] tête non signée
   *[other] tête signée à la position { $signed }
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
import-format-list-2022 = liste des candidats (2022)
import-format-list-xml = liste des candidats (colonnes des flux XML du ministère)
import-format-list = liste des candidats
import-format-bureaux-reu = table des bureaux de vote du REU (INSEE)
import-format-bureaux-etalab = table bureaux de vote ↔ circonscriptions (Etalab)
import-format-bureaux-results-2017 = résultats par bureau de vote 2017 (colonnes fixes)

# Issue 16, point 5: the same mark again on the bureau's table, once committed ($time: 15 h 40,
# the bureau's legal time).
rechecked-event = revérifié à { $time } : événement { $id }

## coordination (issue 18): reference files, init --reference, machines --from, pv --all
reference-written = Fichier de référence écrit : { $path } ({ $circs } circonscriptions, { $candidates } candidats, { $bureaux } bureaux ; ni observation, ni observateur, ni clé) ; chaque observateur crée sa base avec : constat init --reference { $path } --observer NOM
created-from-reference = Base créée : { $path } (observateur : { $who }, nouvelle identité et nouvelle clé) depuis le fichier de référence { $reference } ({ $circs } circonscriptions, { $bureaux } bureaux)
machines-from-done = { $file } : { $on } { $on ->
    [one] bureau enregistré sur machines
   *[other] bureaux enregistrés sur machines
}, { $off } sans machines (une seule transaction)
pv-all-written = { $count ->
    [0] aucun bureau n'a de constat à porter au procès-verbal
    [one] 1 bureau avec un constat : sa réclamation et son annexe
   *[other] { $count } bureaux avec un constat : une réclamation et son annexe par bureau
} dans { $dir } (liste : { $index })
