# constat: reasons messages (fr).
# Les valeurs du fichier d'un autre observateur ($id, $name, $value…) et le texte venu d'ailleurs
# ($detail) sont montrés tels quels.

## Ce qu'a dit le système

reason-system = { $kind ->
        [not-found] fichier ou dossier introuvable
        [denied] permission refusée
        [directory] c'est un dossier
        [sqlite] erreur de SQLite
       *[other] erreur du système
    } (détail { $kind ->
        [sqlite] SQLite
       *[other] du système
    } : « { $detail } »)

## Pourquoi un fichier ne peut pas être lu comme une base constat

refusal-empty-file = pas un fichier de base de données (fichier vide)
refusal-no-sqlite-header = pas un fichier de base de données (pas d'en-tête SQLite)
refusal-utf16-text = un fichier texte en UTF-16 (l'enregistrement « Texte Unicode » d'un tableur), ni une base constat ni un export CSV tel que constat le relit : enregistrez-le au format « CSV UTF-8 », ou envoyez le fichier exporté tel quel
refusal-events-table-other-layout = un tableau d'événements dont les colonnes ont été déplacées ou renommées (la première doit être « election », dans l'ordre où `constat export csv` les écrit) : constat ne relit pas un tableau remanié ; envoyez le fichier exporté tel quel
refusal-not-constat = un fichier SQLite, mais pas une base constat
refusal-newer-schema = écrit par une version plus récente de constat (schéma { $found }, celle-ci connaît jusqu'à { $supported }) : mettez constat à jour
refusal-damaged = fichier endommagé : { $kind ->
        [too-big] texte ou donnée binaire trop gros
        [corrupt] SQLite ne peut pas le lire
       *[other] erreur de SQLite en le lisant
    } (détail SQLite : « { $detail } »)
refusal-damaged-check = fichier endommagé : la vérification d'intégrité de SQLite signale des erreurs (détail SQLite : « { $detail } »)
refusal-damaged-observer-id = fichier endommagé : l'identifiant d'observateur « { $id } » n'est pas un UUID
refusal-schema-foreign = structure de base inattendue : { $kind ->
        [table] la table « { $name } » n'est pas celle de constat
        [index] l'index « { $name } » n'est pas celui de constat
        [trigger] le déclencheur « { $name } » n'est pas celui de constat
        [view] la vue « { $name } » n'est pas celle de constat
       *[other] l'objet { $kind } « { $name } » n'est pas celui de constat
    }
refusal-schema-altered = structure de base inattendue : { $kind ->
        [table] la table « { $name } » manque ou a été modifiée
        [index] l'index « { $name } » manque ou a été modifié
        [trigger] le déclencheur « { $name } » manque ou a été modifié
        [view] la vue « { $name } » manque ou a été modifiée
       *[other] l'objet { $kind } « { $name } » manque ou a été modifié
    }
refusal-schema-differs = structure de base inattendue : les objets diffèrent
refusal-schema-expected = structure de base inattendue : constat n'a pas pu construire son propre schéma (détail SQLite : « { $detail } »)
refusal-too-large = un fichier de { $bytes } octets est plus gros que toute base d'observateur (limite : { $limit } octets) : est-ce le bon fichier ?
refusal-unreadable = impossible de lire le fichier : { $why }
refusal-not-regular = pas un fichier ordinaire ({ $kind }) : jamais ouvert
refusal-in-use = le fichier a changé pendant sa lecture : son observateur l'écrit encore ; réessayez quand constat y est fermé, ou demandez un `constat export db`

## Pourquoi une fusion refuse un fichier

refusal-other-election = autre élection : le fichier enregistre { $theirs }, cette base { $ours } ; fusionnez-le dans une base de la même élection
refusal-candidate-differs = listes de candidats différentes : dans la circonscription { $circ }, le n° { $panel } est { $theirs } dans le fichier mais { $ours } ici (importez ici la liste officielle la plus récente pour rapprocher les coches par numéro de panneau)
refusal-unknown-candidate = l'événement { $event } désigne le candidat n° { $panel } de la circonscription { $circ }, absent de la liste des candidats de cette base ; importez la liste officielle des candidats ici
refusal-unknown-bureau = l'événement { $event } désigne le bureau { $bureau }, absent des données de référence de cette base, alors que les observateurs du fichier ont signé les mêmes données de référence que cette base : le fichier ne correspond pas à sa propre signature
refusal-unknown-circonscription = l'événement { $event } désigne la circonscription { $circ }, absente des données de référence de cette base, alors que les observateurs du fichier ont signé les mêmes données de référence que cette base : le fichier ne correspond pas à sa propre signature
refusal-invalid = contenu invalide : { $what }
refusal-bad-retraction = l'événement { $event } retire { $target }, qui n'est pas un événement antérieur du même observateur
refusal-chain-mismatch = l'événement { $event } ne correspond pas à son empreinte : modifié, déplacé ou copié d'un autre observateur
refusal-chain-gap = l'événement { $event } est à la position { $found } mais les événements de cet observateur s'arrêtent à { $last } : des événements antérieurs manquent
refusal-bad-signature = observateur { $observer } : { $why }
refusal-unknown-observer = l'événement { $event } a un observateur que le fichier ne liste pas
refusal-ours = cette base : { $what }
refusal-signature-unlisted-observer = le fichier signe une tête de chaîne pour un observateur qu'il ne liste pas
refusal-signature-no-public-key = la tête de chaîne est signée mais l'observateur n'a pas de clé publique
refusal-signature-malformed-hash = empreinte de tête de chaîne malformée
refusal-signature-malformed = signature malformée
refusal-signature-does-not-verify = la signature de la tête de chaîne n'est pas valide : le fichier a été modifié
refusal-signature-head-mismatch = la tête de chaîne signée ne correspond pas aux événements de l'observateur
refusal-signature-other-key = cet observateur est connu ici avec une autre clé publique
refusal-reference-altered = les données de référence du fichier (élection, candidats, bureaux) ne sont pas celles que son observateur a signées : elles ont été modifiées depuis ; demandez à l'observateur un nouvel export
refusal-key-conflict = conflit de clés : l'observateur « { $name } » ({ $observer }) { $ours ->
    [none] est déjà ici sans clé, avec des observations que la chaîne signée de ce fichier contredit
   *[other] est déjà ici avec la clé { $ours }
 } ; ce fichier le donne avec la clé { $theirs }. L'une des deux versions n'est pas la sienne : rien de ce fichier n'est fusionné. Comparez avec l'empreinte relevée dans le procès-verbal ou donnée par l'observateur (`constat whoami`) ; si celle de ce fichier est la bonne, refaites la base cible à partir des fichiers reçus en écartant celui qui a apporté l'autre version, ou avec `--accept-key { $theirs }`
refusal-key-disputed = litige de clé : l'observateur « { $name } » ({ $observer }) est déjà ici { $held ->
    [none] sans clé
   *[other] avec la clé { $held }
 } ; ce fichier le donne avec la clé { $claimed }. L'une des deux versions n'est pas la sienne : rien de ce fichier n'est fusionné, et les observations de cet observateur déjà ici sont écartées des constats, des rapports et des procès-verbaux jusqu'à ce que vous tranchiez. Demandez-lui son empreinte (`constat whoami`) ou comparez avec celle du procès-verbal, puis : constat merge --into { $target } --accept-key EMPREINTE
refusal-key-rejected = clé { $claimed } de « { $name } » écartée : le litige de clé a été tranché pour la clé { $kept }, gardée ici ; rien de ce fichier n'est fusionné
refusal-held-key-rejected = « { $name } » : le litige de clé a été tranché pour la clé { $accepted }, celle de ce fichier ; les observations déjà ici { $held ->
    [none] sans clé
   *[other] sous la clé { $held }
 } restent écartées. Cette base ne garde que des ajouts et ne peut pas les remplacer par celles de ce fichier : créez une nouvelle base cible et fusionnez-y les fichiers reçus avec --accept-key { $accepted }

## Un événement du fichier d'un autre observateur

reason-event-future = l'événement { $id } est daté du { $at }, dans le futur (horloge fausse ou falsification)
reason-event-too-old = l'événement { $id } est daté du { $at }, avant que constat n'existe
reason-event-too-long = événement { $id } : le champ { $field ->
        [note] « note »
        [voter] « électeur »
       *[other] { $field }
    } fait { $len } caractères (au plus { $max })
reason-event-envelope = événement { $id } : l'enveloppe n° { $number } ne peut pas être notée (de 1 à { $max } et seulement pour la profession de foi ou le bulletin reçus par courrier)
reason-event-day = événement { $id } : le jour d'arrivée { $day } n'est pas d'une année de 2000 à 2099
reason-event-control = événement { $id } : le champ { $field ->
        [note] « note »
        [voter] « électeur »
       *[other] { $field }
    } contient des caractères de contrôle
reason-event-bad-key-change = l'événement { $id } est un changement de clé dont les clés ne sont pas deux clés publiques (64 chiffres hexadécimaux chacune)
reason-conflict-same-id = l'événement { $id } existe avec un autre contenu (copie modifiée ou corrompue)
reason-conflict-same-seq = l'observateur { $observer } a deux événements différents à la position { $seq } : { $ours } et { $theirs }

## Vérification

reason-chain-gap = l'événement à la position { $expected } manque (position { $found } trouvée ensuite)
reason-chain-mismatch = l'événement { $id } à la position { $seq } ne correspond pas à son empreinte : modifié, déplacé ou copié d'ailleurs
reason-chain-mismatch-at-line = { $why } (ligne { $line })
reason-chain-invalid = { $path } : { $what }
reason-chain-unreadable = événement illisible (détail SQLite : « { $detail } »)
reason-chain-head-mismatch = la tête de chaîne signée (position { $seq }) ne correspond pas aux événements
reason-chain-no-public-key = la tête de chaîne est signée mais l'observateur n'a pas de clé publique
reason-chain-bad-head-signature = la signature de la tête de chaîne (position { $seq }) n'est pas valide
reason-folder-not-manifest-line = pas de la forme `SHA256  FICHIER`
reason-folder-outside = un fichier hors du dossier
reason-folder-digest-differs = l'empreinte SHA-256 diffère de celle du MANIFEST (MANIFEST : { $listed }…, fichier : { $found }…)
reason-folder-unreadable = { $why }
reason-folder-not-listed = absent du MANIFEST

## Lignes d'un CSV d'événements

reason-row = ligne { $line }, colonne « { $column } » : { $why }
reason-csv-unequal-at = erreur CSV : enregistrement { $record } (ligne { $line }, octet { $byte }) : { $found } champs trouvés, alors que l'enregistrement précédent en a { $expected } : une ligne a perdu ou gagné un séparateur
reason-csv-unequal = erreur CSV : { $found } champs trouvés, alors que l'enregistrement précédent en a { $expected } : une ligne a perdu ou gagné un séparateur
reason-csv-utf8-at = erreur de lecture CSV : enregistrement { $record } (ligne { $line }, champ { $field }, octet { $byte }) : UTF-8 invalide dans le champ { $field } près de l'octet { $index } : enregistrez le fichier en UTF-8
reason-csv-utf8 = erreur de lecture CSV : champ { $field } : UTF-8 invalide dans le champ { $field } près de l'octet { $index } : enregistrez le fichier en UTF-8
reason-csv-other = erreur de lecture CSV (détail : « { $detail } »)
reason-row-header = attendu les colonnes d'événements de constat « { $expected } », trouvé « { $found } »
reason-row-not-uuid = « { $value } » n'est pas un UUID
reason-row-not-count = « { $value } » n'est pas un nombre
reason-row-not-item = « { $value } » n'est pas foi, courrier ou bureau
reason-row-not-mark = « { $value } » n'est pas present, absent ou unchecked
reason-row-not-envelope = « { $value } » n'est pas un numéro d'enveloppe (de 1 à 999)
reason-row-not-date = « { $value } » n'est pas une date AAAA-MM-JJ
reason-row-machines-bureau = une indication de machines à voter demande un bureau
reason-row-not-flag = « { $value } » n'est ni true ni false
reason-row-non-receipt-bureau = une non-réception demande un bureau
reason-row-not-kind = « { $value } » n'est pas tick, envelope, non_receipt, machines ou retract
reason-row-not-time = « { $value } » n'est pas une heure RFC 3339
reason-row-not-hash = « { $value } » n'a pas 64 chiffres hexadécimaux
reason-row-not-seq = « { $value } » n'est pas une position (à partir de 1)
reason-row-other-election = « { $found } » diffère de celui de la première ligne, « { $first } »
reason-row-refused = l'événement a été refusé

## Avertissements

warning-leftover-wal = { $wal } est à côté du fichier : il a été copié en cours d'utilisation et peut manquer de ses dernières coches ; demandez un `constat export db`

# What a path is when it is not a regular file.
reason-not-regular-fifo = tube nommé (FIFO)
reason-not-regular-socket = socket
reason-not-regular-device = périphérique
reason-not-regular-directory = dossier
reason-not-regular-symlink = lien symbolique
reason-not-regular-other = ni fichier ni dossier
reason-folder-not-regular = pas un fichier ordinaire ({ $kind }) : non lu

# Entries of a merge's inputs that are not read.
reason-skipped-not-regular = ignoré : { $kind }, pas un fichier ordinaire
reason-skipped-loop = ignoré : boucle de liens ou de dossiers (déjà parcouru)
reason-skipped-dangling = ignoré : lien vers rien
reason-skipped-outside = ignoré : lien hors de la boîte de réception, vers { $target } ; suivi seulement avec --follow-symlinks
reason-skipped-unreadable = ignoré : illisible : { $why }
reason-skipped-total = { $count ->
    [one] { $count } entrée ignorée (voir le tableau)
   *[other] { $count } entrées ignorées (voir le tableau)
}

## Issue 15 (sign) : signatures, déclarations, temps, fichiers de clé

reason-key-no-folder = aucun dossier pour les clés : ni CONSTAT_KEY_DIR, ni XDG_DATA_HOME, ni HOME n'est défini ; définissez CONSTAT_KEY_DIR
reason-key-malformed = ce n'est pas un fichier de clé constat (première ligne `constat-key/1` attendue)
reason-key-other-key = ce fichier de clé est celui d'un autre observateur ou d'une autre clé que celle de la base
reason-key-exists = un fichier de clé est déjà à cette place : constat ne remplace jamais une clé
reason-key-io = le système refuse (détail : « { $detail } »)
refusal-unsigned = observateur { $observer } : les positions { $first } à { $last } ne sont couvertes par aucune signature valide (signées jusqu'à la position { $signed }) : demandez à l'observateur un nouvel export de sa base
refusal-event-signature = observateur { $observer } : la signature de la position { $seq } n'est pas valide : fichier modifié ; demandez à l'observateur un nouvel export
refusal-bad-statement = observateur { $observer } : la déclaration signée (nom « { $name } », clé, données de référence) n'est pas valide : nom ou données modifiés ; demandez à l'observateur un nouvel export
refusal-unkeyed = observateur { $observer } (« { $name } ») : aucune clé, ni dans le fichier ni ici : rien ne prouve qui a écrit ses événements (un fichier dont on a retiré clés et signatures, ou un fichier d'une version de constat d'avant décembre 2026) ; demandez à l'observateur un nouvel export, ou fusionnez avec --accept-unsigned si vous savez d'où vient ce fichier
refusal-statement-missing = observateur { $observer } : ses événements sont signés mais la déclaration signée (nom « { $name } », clé, données de référence) a été retirée du fichier : rien ne couvre plus son nom ni ses données ; demandez à l'observateur un nouvel export
refusal-key-change-not-accepted = observateur { $observer } (« { $name } ») : le changement de clé de la position { $seq } est signé par sa nouvelle clé { $fingerprint } seulement (ancienne clé perdue) : rien ne prouve qu'il vient de l'observateur ; vérifiez cette empreinte avec lui, puis fusionnez avec --accept-key { $fingerprint }
refusal-time-goes-back = observateur { $observer } : la position { $seq } est datée { $at }, avant la position précédente ({ $previous }) : la chaîne remonte le temps ; demandez à l'observateur un nouvel export
refusal-from-the-future = observateur { $observer } : la position { $seq } est datée { $at }, plus de { $minutes } minutes après l'heure de cette machine ({ $now }) : vérifiez l'horloge de cette machine et celle de l'observateur
refusal-not-enrolled = observateur « { $name } » ({ $observer }) : { $fingerprint ->
    [none] fichier non signé, alors que la base cible a une liste d'observateurs inscrits : seules les clés inscrites sont acceptées ; demandez à l'observateur un export fait avec une version actuelle de constat, puis inscrivez son empreinte (`constat whoami`)
   *[other] clé { $fingerprint } absente de la liste des observateurs inscrits de la base cible ; si c'est bien sa clé (l'observateur la lit avec `constat whoami`), inscrivez-la avec `constat roster add` puis fusionnez de nouveau
}
reason-chain-unsigned = { $events } événements, signés seulement jusqu'à la position { $signed } : la suite n'est couverte par aucune signature
reason-chain-orphan = événements d'un observateur absent de la table des observateurs
reason-chain-bad-statement = la déclaration signée de l'observateur (nom, clé, données de référence) n'est pas valide
reason-chain-statement-missing = les événements sont signés mais la déclaration signée de l'observateur (nom, clé, données de référence) a été retirée : son nom et ses données ne sont pas vérifiés
reason-chain-key-change-unproven = le changement de clé de la position { $seq } est signé par sa nouvelle clé { $fingerprint } seulement (ancienne clé perdue) : rien dans le fichier ne prouve que cette clé est celle de l'observateur ; comparez l'empreinte avec lui (un coordinateur l'accepte avec `merge --accept-key { $fingerprint }`)
reason-chain-key-change-broken = le changement de clé de la position { $seq } ne tient pas : il n'est signé par aucune de ses deux clés, ou ses clés ne suivent pas celles de la chaîne
reason-chain-reference-altered = les données de référence du fichier (élection, candidats, bureaux) ne sont pas celles que son observateur a signées : modifiées depuis
reason-chain-local-key-missing = la base ne donne aucune clé à son propre observateur, qui a pourtant des événements : constat en donne toujours une à l'observateur d'une base, elle a été retirée (rien ne prouve plus qui a écrit ces événements)
reason-chain-time-goes-back = à la position { $seq }, l'heure d'enregistrement remonte avant celle de la position précédente
reason-row-not-signature = « { $value } » n'est pas une signature (128 chiffres hexadécimaux)
reason-row-not-key = « { $value } » n'est pas une clé ni une empreinte (64 chiffres hexadécimaux)
reason-row-observer-differs = cette ligne dit autre chose de son observateur (nom, clé, déclaration) que sa première ligne
reason-row-out-of-order = cette ligne vient après une position plus loin du même observateur : les lignes ont été mises dans un autre ordre (triées dans un tableur ?) ; constat relit un export dans l'ordre où il l'a écrit : envoyez le fichier exporté tel quel
# Evidence folders (issue 15 points 4, 5): what `verify DIR` and `verify --pv` find wrong.
reason-folder-empty = le dossier est vide : aucune preuve à vérifier
reason-folder-manifest-missing = le dossier n'a pas de `MANIFEST` : rien ne dit quels fichiers il doit contenir
reason-folder-manifest-empty = le `MANIFEST` ne liste aucun fichier
reason-folder-listed-missing = listé dans le MANIFEST mais absent du dossier
reason-folder-no-events-csv = le dossier n'a pas de `events.csv` : aucune chaîne à revérifier
reason-folder-part-missing = ce fichier manque : tout dossier de preuves écrit par `constat export evidence` le contient ; le dossier est incomplet (demandez le dossier entier à qui l'a exporté)
reason-folder-signature-missing = le dossier n'a pas de `MANIFEST.sig` : le MANIFEST n'est signé par personne
reason-folder-signature-malformed = la ligne { $line } de `MANIFEST.sig` n'est pas telle que constat l'écrit
reason-folder-signature-invalid = la signature ne correspond pas au MANIFEST : le MANIFEST a été modifié ou signé avec une autre clé
reason-folder-signer-key-differs = la clé qui signe le MANIFEST n'est pas celle de cet observateur dans `signatures.csv`
reason-folder-signatures-missing = le dossier n'a pas de `signatures.csv` : aucune clé ne vérifie les chaînes
reason-folder-signatures-malformed = la ligne { $line } de `signatures.csv` n'est pas telle que constat l'écrit
reason-folder-chain-digest-differs = le condensé écrit ({ $written }…) n'est pas celui recalculé depuis `events.csv` ({ $recomputed }…)
reason-folder-chain-digest-missing = `events.csv` contient des événements mais le dossier n'a pas de `chain-digest.txt`
reason-seal-orphan = { $events ->
    [one] { $events } événement d'un observateur absent de `signatures.csv` : aucune clé ne le vérifie
   *[other] { $events } événements d'un observateur absent de `signatures.csv` : aucune clé ne les vérifie
}
reason-seal-not-signed = { $events ->
    [one] { $events } événement, signé par personne (pas de clé ou pas de tête signée dans `signatures.csv`)
   *[other] { $events } événements, signés par personne (pas de clé ou pas de tête signée dans `signatures.csv`)
}
reason-seal-signed-up-to = { $events } événements, signés jusqu'à la position { $signed } seulement : les suivants ne sont couverts par aucune signature
reason-seal-head-beyond = la tête signée est à la position { $signed } mais la chaîne s'arrête à { $events } : des événements de la fin ont été retirés
reason-seal-head-differs = la tête signée (position { $seq }) ne correspond pas à l'événement de cette position dans `events.csv`
reason-seal-bad-signature = la signature de la tête de chaîne (position { $seq }) n'est pas valide avec la clé de `signatures.csv`
reason-seal-name-differs = le nom « { $events } » de `events.csv` n'est pas « { $signatures } » de `signatures.csv`
reason-folder-observation-differs = { $line ->
    [0] `observations.csv` n'a pas une ligne par événement de `events.csv`
   *[other] la ligne { $line } de `observations.csv` ne correspond pas à l'événement de `events.csv` qu'elle montre (colonne `{ $column }`)
}
reason-folder-photo-differs = cette photo a l'empreinte { $found }…, son événement { $event } annonce { $announced }… : elle a été modifiée après son enregistrement
reason-pv-no-such-key = aucun observateur de ce fichier n'a une clé de cette empreinte
reason-pv-chain-shorter = la chaîne de { $name } n'a que { $events } événements : elle s'arrête avant la position du PV
reason-pv-hash-differs = à la position du PV, la chaîne de { $name } a l'empreinte { $found } : ce n'est pas l'état écrit dans le PV
reason-pv-not-intact = le fichier ne se vérifie pas (voir ci-dessus)
reason-seal-bad-statement = la déclaration signée de l'observateur portée par `events.csv` (nom, clé, données de référence) n'est pas valide : le nom ou les données ont été modifiés
reason-seal-statement-missing = les lignes de `events.csv` sont signées mais ne portent pas la déclaration signée de l'observateur (nom, clé, données de référence) : elle a été retirée, son nom et ses données ne sont pas vérifiés
reason-seal-other-key = à la position { $seq }, la clé de `events.csv` n'est pas celle de l'observateur dans `signatures.csv`
reason-seal-bad-event-signature = la signature de la position { $seq } ne correspond pas : l'événement a été modifié ou signé avec une autre clé

## Photos (issue 19)
reason-photo-not-a-file = ce n'est pas un fichier ordinaire
reason-photo-unreadable = il ne peut pas être lu ({ $why })
reason-photo-too-large = il pèse { $size } Mo, plus que la limite de { $max } Mo
reason-photo-not-an-image = ce n'est pas une image JPEG, PNG ou HEIC (ses premiers octets n'en sont pas)
reason-photo-damaged = il commence comme une image mais sa structure est illisible (fichier tronqué ou abîmé)
refusal-photo-mismatch = les octets d'une photo n'ont pas l'empreinte que son événement annonce (annoncée { $sha }, trouvée { $found }) : la photo a été modifiée après son enregistrement
refusal-photo-too-large = la photo { $sha } pèse { $size } octets, plus que la limite de { $max }
refusal-too-many-photos = le fichier apporte { $count } photos, plus que la limite de { $max } par fichier
## Issue 18 point 1 (night): a database copied by hand.
refusal-copied-database = copie d'une autre base : l'observateur « { $name } » ({ $observer }) a déjà ici d'autres événements à partir de la position { $seq }, signés de la même clé. Ce fichier vient d'une base copiée à la main et utilisée à côté de l'originale. Chaque observateur doit créer sa propre base avec « constat init --reference FICHIER --observer NOM » : gardez le fichier fusionné en premier ; l'observateur de l'autre copie recrée sa base ainsi, saisit à nouveau ses constats et renvoie son fichier.
