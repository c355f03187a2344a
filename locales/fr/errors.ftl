# constat: errors messages (fr).
# Le texte venu d'ailleurs (SQLite, le système, un fichier) arrive dans $detail, $value…, montré
# tel quel après la phrase de constat.

## crate::error::Error

error-sample = échantillon intégré défectueux : { $detail }
error-unknown-sample = échantillon « { $name } » inconnu ; échantillons intégrés : { $known }
error-unknown-circonscription = la circonscription { $code } n'est pas dans cette base ; connues : { $known }
error-unknown-candidate = aucun candidat n° { $panel } dans la circonscription { $circ } ; numéros valides : { $known }
error-unknown-bureau = le bureau { $code } n'est pas un bureau de la circonscription { $circ } ; ses bureaux : { $known }
error-bureau-required = --item bureau demande un bureau : ajoutez --bureau CODE (bureaux de { $circ } : { $known })
error-bad-text = { $field } : { $why }
error-text-empty = ne doit pas être vide
error-text-too-long = est trop long (1000 caractères au plus)
error-text-control = ne doit pas contenir de caractères de contrôle
error-bad-election = « { $election } » n'est pas une élection : attendu TYPE-ANNÉE, TYPE parmi legislatives, presidentielle, europeennes, municipales, regionales, departementales (par exemple legislatives-2024)
error-bureau-without-circonscription = le bureau { $bureau } n'a pas encore de circonscription connue : importez la table bureaux ↔ circonscriptions d'Etalab (constat import bureaux FICHIER)
error-export-over-database = { $path } est cette base elle-même : choisissez un autre fichier d'export
error-merge-aborted = fusion arrêtée au premier fichier refusé (--strict) : { $path } est exactement comme avant
error-merge-target-failed = la base cible { $target } a échoué pendant la fusion de { $file } : { $why }
    Fusion arrêtée : rien de { $file } n'a été écrit ; { $merged ->
        [one] { $merged } fichier fusionné avant reste fusionné
       *[other] { $merged } fichiers fusionnés avant restent fusionnés
    } (voir le tableau) ; { $left ->
        [one] { $left } fichier n'a pas été lu.
       *[other] { $left } fichiers n'ont pas été lus.
    }
    Libérez de la place sur le disque ou rendez { $target } inscriptible, puis relancez la même commande : ce qui est déjà fusionné sera compté « déjà là ».
error-merge-target-failed-strict = la base cible { $target } a échoué pendant la fusion de { $file } : { $why }
    Fusion arrêtée, et avec --strict rien n'a été fusionné : { $target } est exactement comme avant.
    Libérez de la place sur le disque ou rendez { $target } inscriptible, puis relancez la même commande.
error-verify-failed = { $path } : la vérification a échoué (voir ci-dessus)
error-untrusted = { $path } : { $why }
error-export-folder-missing = le dossier { $path } n'existe pas : la clé USB est-elle branchée ? Vérifiez le chemin, ou créez le dossier, puis recommencez ; rien n'a été écrit
error-evidence-folder-not-empty = { $path } existe et n'est pas vide : donnez un nouveau dossier pour les preuves
error-empty-referential = cette base n'a encore aucune circonscription : importez d'abord la liste des candidats (constat import candidates FICHIER)
error-import = { $error } ; rien n'a été importé
error-no-such-round = { $kind } : pas de tour { $round } ; { $rounds ->
    [1] ce scrutin se joue en un seul tour : retirez --round ou donnez --round 1
   *[other] donnez --round 1 ou --round 2
}
error-proclamation-before-vote = la proclamation des résultats ({ $proclamation }) ne peut pas précéder le scrutin ({ $vote }) : donnez avec --proclamation le jour où les résultats ont été proclamés (AAAA-MM-JJ)
error-seen-at-without-day = --seen-at donne une heure seule, mais le jour du scrutin n'est pas connu de cette base : écrivez le jour et l'heure (JJ/MM/AAAA HH:MM)
error-seen-at-nonexistent = --seen-at : { $at } n'existe pas dans l'heure légale du bureau (l'heure sautée au passage à l'heure d'été) : vérifiez l'heure
error-seen-at-future = --seen-at : { $at } est dans le futur : donnez le moment où vous l'avez vu
error-no-such-bureau = le bureau { $code } n'est pas dans cette base : vérifiez le code (commune_numéro, par exemple 75056_0913), ou importez la table des bureaux (constat import bureaux FICHIER)
error-no-voters = --voters doit valoir au moins 1 (les électeurs inscrits à l'adresse)
error-arrival-without-envelope = --received-on donne le jour où les enveloppes sont arrivées, mais --received vaut 0 : retirez --received-on, ou donnez le nombre d'enveloppes reçues
error-envelope-on-bureau = --envelope désigne une enveloppe reçue par courrier (--item foi ou courrier), pas la table du bureau
error-no-envelope-received = le foyer n'a reçu aucune enveloppe (constat envelope --received 0) : il n'y a rien à cocher dans une enveloppe ; si une enveloppe est arrivée, enregistrez d'abord leur nombre (constat envelope --received N), puis cochez
error-envelope-beyond-count = pas d'enveloppe { $number } : les cases vont jusqu'à l'enveloppe { $limit } ; si le foyer a reçu davantage d'enveloppes, enregistrez d'abord leur nombre (constat envelope --received N), puis cochez l'enveloppe { $number }
error-no-terminal = l'interface a besoin d'un terminal interactif ; pour les scripts, utilisez les commandes tick, envelope, non-receipt et report (détail du système : { $detail })
error-terminal = erreur du terminal (détail du système : { $detail })
error-io = { $path } : { $doing } (détail du système : { $detail })
error-io-reading-input = accès au fichier
error-io-writing-report = écriture du rapport
error-io-creating-folder = création du dossier
error-no-data-dir = aucun dossier de données sur ce système : passez --db FICHIER ou définissez CONSTAT_DB

## Codes

error-code-circonscription = « { $code } » n'est pas un code de circonscription : attendu le département puis 2 chiffres, comme 7501, 2A01, 97101, ZZ01
error-code-bureau = « { $code } » n'est pas un code de bureau : attendu le code INSEE de la commune, « _ », puis le numéro du bureau, comme 75056_0911
error-code-panel = « { $code } » n'est pas un numéro de panneau : attendu un nombre entier de 1 à 999

## Storage

error-db-not-found = aucune base constat à { $path } : créez-la avec `constat init --db { $path } --sample paris-1-2017 --observer NOM`, ou indiquez la bonne avec --db
error-db-exists = { $path } existe déjà : constat n'écrase jamais une base ; choisissez un autre chemin ou supprimez le fichier vous-même
error-db-not-constat = { $path } n'est pas une base constat
error-db-newer = { $path } a été écrit par une version plus récente de constat (schéma { $found }, celle-ci connaît jusqu'à { $supported }) : installez la version récente pour l'ouvrir ; le fichier n'a pas été modifié
error-db-invalid = { $path } : donnée incohérente : { $what }
# $doing : ce que faisait constat (« en créant la base »…, messages storage-doing-*) ; $detail : les mots de SQLite.
error-sqlite = { $kind ->
        [read-only] fichier en lecture seule, écriture impossible { $doing } : rien n'a été enregistré ; vérifiez ses droits ou le support (clé USB protégée en écriture ?) puis recommencez
        [full] disque plein { $doing } : libérez de la place et recommencez ; rien n'a été écrit à moitié
       *[other] { $path } : échec { $doing } : { $kind ->
            [constraint] une contrainte de la base refuse cette donnée ; rien n'a été enregistré
            [busy] la base est occupée par un autre constat : réessayez dans un instant
            [locked] la base est occupée par un autre constat : réessayez dans un instant
            [corrupt] le fichier est endommagé : utilisez une copie (constat export db) ou la sauvegarde
            [cannot-open] impossible d'ouvrir le fichier : le dossier existe-t-il, les droits le permettent-ils ?
            [io] erreur d'entrée-sortie du disque : vérifiez le support (clé USB retirée ?)
            [too-big] une donnée est trop grosse pour la base
           *[other] erreur de la base ; recommencez, et si l'erreur revient, vérifiez la base avec constat verify
        }
    } (détail SQLite : { $detail })

## Ce que faisait constat quand SQLite a échoué (après « échec », « disque plein »…)

storage-doing-checking-integrity = en vérifiant l'intégrité de la base
storage-doing-committing-creation = en terminant la création de la base
storage-doing-committing-event = en enregistrant l'événement
storage-doing-committing-import = en terminant l'import
storage-doing-committing-schema = en terminant la mise à jour du schéma
storage-doing-creating-database = en créant la base
storage-doing-deferring-circonscription-index = en suspendant l'index par circonscription
storage-doing-enlarging-page-cache = en agrandissant le cache de pages
storage-doing-finishing-merge = en terminant la fusion
storage-doing-importing-bureaux = en important les bureaux
storage-doing-importing-candidates = en important les candidats
storage-doing-indexing-bureaux = en indexant les bureaux par circonscription
storage-doing-limiting-file-size = en limitant la taille du fichier
storage-doing-listing-codes = en listant les codes
storage-doing-logging-import = en inscrivant l'import au journal des imports
storage-doing-making-read-only = en passant la base en lecture seule
storage-doing-marking-as-constat = en marquant le fichier comme base constat
storage-doing-marking-withdrawn-candidates = en marquant les candidats retirés
storage-doing-numbering-event = en numérotant l'événement
storage-doing-opening-database = en ouvrant la base
storage-doing-opening-export = en ouvrant l'export
storage-doing-preparing-import = en préparant l'import
storage-doing-reading-bureau = en lisant un bureau
storage-doing-reading-bureaux = en lisant les bureaux
storage-doing-reading-candidates = en lisant les candidats
storage-doing-reading-chain-heads = en lisant les têtes de chaîne
storage-doing-reading-circonscription = en lisant une circonscription
storage-doing-reading-circonscriptions = en lisant les circonscriptions
storage-doing-reading-election = en lisant l'élection
storage-doing-reading-event-row = en lisant une ligne d'événement
storage-doing-reading-events = en lisant les événements
storage-doing-reading-local-observer = en lisant l'observateur local
storage-doing-reading-observer-key = en lisant la clé de l'observateur
storage-doing-reading-observers = en lisant les observateurs
storage-doing-reading-page-cache-size = en lisant la taille du cache de pages
storage-doing-reading-reference-data = en lisant le référentiel
storage-doing-reading-schema = en lisant le schéma
storage-doing-reading-schema-version = en lisant la version du schéma
storage-doing-reading-setting = en lisant un réglage
storage-doing-recording-schema-version = en enregistrant la version du schéma
storage-doing-recording-voting-machines = en enregistrant les machines à voter du bureau
storage-doing-removing-secret-key = en retirant la clé secrète de l'export
storage-doing-resetting-page-cache-size = en rétablissant la taille du cache de pages
storage-doing-saving-event = en écrivant l'événement
storage-doing-saving-observer = en enregistrant l'observateur
storage-doing-saving-observer-key = en enregistrant la clé de l'observateur
storage-doing-saving-reference-data = en enregistrant le référentiel
storage-doing-saving-setting = en enregistrant un réglage
storage-doing-setting-pragmas = en réglant les paramètres de SQLite
storage-doing-signing-chain-head = en signant la tête de chaîne
storage-doing-starting-creation = en commençant la création de la base
storage-doing-starting-import = en commençant l'import
storage-doing-starting-merge = en commençant la fusion
storage-doing-starting-schema-check = en commençant la vérification du schéma
storage-doing-starting-to-save-event = en préparant l'enregistrement de l'événement
storage-doing-switching-to-wal = en passant au journal WAL
storage-doing-upgrading-schema = en mettant à jour le schéma
storage-doing-writing-export = en écrivant l'export
storage-doing-reading-merged-files = en lisant la liste des fichiers déjà fusionnés
storage-doing-recording-merged-file = en notant le fichier comme fusionné

## Données enregistrées incohérentes

error-data-event = événement { $id } : { $problem }
error-data-event-hash = événement { $id } : l'empreinte « { $hash } » n'a pas 64 chiffres hexadécimaux
error-data-constraint = l'événement { $id } viole une contrainte de la base
error-data-chain-head = la tête de chaîne de l'observateur { $observer } est malformée
error-data-no-bureau = aucun bureau { $code }
error-data-no-local-observer = la base n'a pas d'observateur local
error-data-observer-id = l'identifiant d'observateur « { $id } » n'est pas un UUID
error-data-observer-name = le nom d'observateur « { $name } » est trop long ou contient des caractères de contrôle
error-data-observer-key = observateur { $observer } : la clé publique « { $key } » n'a pas 64 chiffres hexadécimaux
error-data-last-hash = l'empreinte du dernier événement, « { $hash } », n'a pas 64 chiffres hexadécimaux
error-data-integrity = la vérification d'intégrité a échoué (détail SQLite : « { $detail } »)
error-data-export-unwritable = impossible d'écrire l'export (détail du système : « { $detail } »)
error-data-export-not-a-file = impossible d'écrire l'export : ce n'est pas un fichier ordinaire ; donnez le chemin d'un fichier
error-data-no-random = aucune source d'aléa pour la clé de l'observateur (détail du système : « { $detail } »)
error-data-election-kind = type d'élection « { $kind } » inconnu
error-data-election-date = date d'élection « { $date } » invalide
error-data-sex = sexe « { $sex } » invalide
error-row-not-utf8 = colonne { $column } : séquence UTF-8 invalide ({ $length ->
        [none] séquence incomplète à partir de l'octet { $index }
       *[other] séquence de { $length } octet(s) invalide à partir de l'octet { $index }
    })
error-row-not-text = la colonne { $column } n'est pas du texte
error-row-missing = { $field } manque
error-row-out-of-range = { $field } manque ou est hors limites
error-row-not-uuid = { $field } « { $value } » n'est pas un UUID
error-row-unknown-item = élément « { $value } » inconnu
error-row-unknown-value = valeur « { $value } » inconnue
error-row-unknown-kind = type « { $value } » inconnu
error-row-envelope = le numéro d'enveloppe { $number } est hors limites
error-row-arrival = le jour d'arrivée « { $value } » n'est pas une date AAAA-MM-JJ
error-row-negative-seq = la position { $seq } est négative
error-row-time = l'heure « { $value } » n'est pas au format RFC 3339

## Import

import-error = { $file }{ $at }{ $column }{ $found }, attendu : { $expected }{ $hint }
import-at-line = , ligne { $line }
import-at-column = , colonne « { $column } »
import-found = {" "}: trouvé « { $value } »
import-hint = {" "}(conseil : { $hint })
import-column = { $named ->
        [yes] { $name }
       *[no] colonne { $number }
    }{ $candidate ->
        [none] {""}
       *[other] {" "}(candidat { $candidate } de la ligne)
    }
import-value-text = { $value }
import-not-text = pas un fichier texte : { $kind }
import-column-for = une colonne pour { $what }, nommée parmi { $accepted }
import-listing = { $shown }{ $more ->
        [yes] , … ({ $total } colonnes en tout)
       *[no] {""}
    }
import-binary-png = une image PNG
import-binary-pdf = un document PDF
import-binary-gzip = une archive gzip
import-binary-xls = un classeur Excel 97-2003 (.xls)
import-binary-utf16 = du texte UTF-16
import-binary-byte = des données binaires (octet 0x{ $byte } à la position { $offset })
import-field-panel-number = le numéro de panneau
import-field-candidate-panel-number = le numéro de panneau du candidat
import-field-candidate-surname = le nom du candidat
import-field-candidate-given-name = le prénom du candidat
import-field-candidate-sex = le sexe du candidat
import-field-surname = le nom
import-field-given-name = le prénom
import-field-sex = le sexe
import-field-nuance = la nuance
import-field-commune-insee = le code INSEE de la commune
import-field-bureau-number-in-commune = le numéro du bureau dans sa commune
import-field-bureau-number = le numéro du bureau
import-field-departement = le département
import-field-circonscription = la circonscription
import-field-commune = la commune
import-readable-file = un fichier lisible
import-a-file = un fichier
import-header-and-rows = un fichier avec une ligne d'en-tête et des lignes
import-file-at-most = un fichier d'au plus { $mib } Mio
import-workbook-at-most = un classeur d'au plus { $mib } Mio
import-header-separated = une ligne d'en-tête aux colonnes séparées par « ; », une tabulation ou « , »
import-text-encodings = du texte en UTF-8, Windows-1252 (Latin-1) ou CP850
import-text-or-xlsx = un fichier texte (CSV) ou un classeur .xlsx
import-header-naming = une ligne d'en-tête nommant les colonnes
import-lines-at-most = des lignes d'au plus { $mib } Mio
import-readable-row = une ligne lisible
import-utf8-as-start = du texte UTF-8, comme le début du fichier
import-candidate-block = au moins un bloc de candidat après les colonnes de la circonscription
import-candidate-after-header = au moins un candidat après l'en-tête
import-candidate-list-or-results = une liste de candidats ou des résultats par circonscription
import-bureau-table = une table de bureaux : celle du REU de l'INSEE (`id_brut_reu`, `code_commune`, `code`, `libelle_reu`, …), celle d'Etalab (`codeCommune`, `numeroBureauVote`, `codeCirconscription`, …) ou les résultats par bureau de 2017 (`Code du département`, …, `Code du b.vote`)
import-bureau-after-header = au moins un bureau après l'en-tête
import-readable-xlsx = un classeur .xlsx lisible
import-readable-sheet = une feuille « { $name } » lisible
import-sheet-with-header = une feuille dont l'en-tête nomme la circonscription et les numéros de panneau (comme `Circo. leg. T1`)
import-each-panel-once = chaque numéro de panneau une seule fois par circonscription
import-each-candidate-once = chaque candidat une seule fois par circonscription
import-each-bureau-once = chaque bureau une seule fois
import-text-without-control = du texte sans caractères de contrôle
import-sex-f-or-m = le sexe du candidat : `F` ou `M` (ou `Mme`, `M.`)
import-panel-number = un numéro de panneau : un nombre entier de 1 à 999
import-nuance-code = un code de nuance (des lettres, comme `REM`, `DVD`), ou rien
import-commune-insee = un code INSEE de commune de 5 caractères (75056, 2A004)
import-bureau-number-code = un numéro de bureau (0001, 0911 ; lettres et chiffres seulement)
import-machines-yes-no = oui ou non (1 ou 0) : le bureau vote-t-il sur machines ?
import-bureau-code-whole = un code de bureau : le code INSEE de la commune, `_`, le numéro du bureau (75056_0911)
import-departement-not-value = un code de département (01–95, 2A, 2B, 971–988, ZA–ZZ) ; « { $value } » n'en est pas un
import-departement-code = un code de département (01–95, 2A, 2B, 971–988, ZA–ZZ)
import-commune-number = le numéro de la commune dans son département (056), ou son code INSEE
import-circ-number = un numéro de circonscription de 01 à 99 après le département, pas « { $value } »
import-circ-with-departement = un code de circonscription avec son département (7501), ou une colonne de département à côté du numéro
import-circ-of-line = une circonscription du département de la ligne (« { $departement } »)
import-circonscription = une circonscription : le département puis 2 chiffres (7501, 2A01, 97101, ZZ01), ou son numéro à côté d'une colonne de département
import-csv-file = un fichier CSV
import-file-of-election = un fichier de l'élection de cette base ({ $kind } { $year })
import-file-of-legislatives = un fichier des législatives { $year } ({ $format })
import-this-elections-list = importez la liste des candidats de l'élection de cette base : rapprocher les coches par numéro de panneau avec la liste d'une autre élection attribuerait les constats à d'autres candidats
import-keeps-observed-candidates = une liste qui garde les candidats déjà observés (les mêmes noms aux mêmes numéros de panneau)
import-observed-candidates-changed = { $count } { $count ->
    [one] candidat déjà observé changerait
   *[other] candidats déjà observés changeraient
} de nom ou disparaîtrait de la liste, dont { $example }
import-accept-renames-hint = les coches sont rapprochées par numéro de panneau : importez la liste de l'élection et du tour de cette base ; si la liste officielle a vraiment changé (un candidat remplacé), relancez avec --accept-renames
import-file-of-round = un fichier du { $round ->
    [1] 1er tour
   *[other] { $round }e tour
} (le tour de cette base)
import-file-of-round-by-name = un fichier du { $round ->
    [1] 1er tour
   *[other] { $round }e tour
} : son nom « { $name } » le dit (renommez-le s'il est bien du tour de cette base)
import-file-of-round-by-columns = un fichier du { $round ->
    [1] 1er tour
   *[other] { $round }e tour
} : ses colonnes sont celles de la liste des candidats de ce tour
import-this-rounds-list = importez la liste des candidats du tour de cette base : les candidats et leurs numéros de panneau changent d'un tour à l'autre, et les coches rapprochées par numéro de panneau désigneraient d'autres candidats
import-database-write = une écriture en base qui réussit
import-known-file = un fichier que constat sait importer
import-no-such-column = aucune colonne de ce nom
import-none-of-their-columns = aucune de leurs colonnes
import-header-no-rows = un en-tête sans lignes
import-nothing = rien
import-results-by-bureau = des résultats par bureau de vote (une ligne par bureau)
import-table-of-bureaux = une table de bureaux de vote
import-directory = un dossier
import-empty-file = un fichier vide (0 octet)
import-file-of = un fichier de { $mib } Mio ({ $bytes } octets)
import-zip-of = une archive zip de { $mib } Mio
import-sheets = feuilles { $sheets }
import-longer-line = une ligne plus longue
import-only-blank-lines = uniquement des lignes vides
import-xlsx-workbook = un classeur .xlsx
import-download-failed = le téléchargement a probablement échoué : téléchargez à nouveau le fichier
import-well-under = les listes officielles de candidats et les tables de bureaux font bien moins de 100 Mio : est-ce le bon fichier ?
import-workbook-in-memory = un classeur est lu en entier en mémoire ; exportez plutôt la feuille en CSV
import-export-as-csv = exportez le tableau en CSV
import-neither-reading = aucune lecture ne ressemble à du texte français ; ouvrez le fichier et enregistrez-le en UTF-8
import-give-as-published = donnez le fichier du ministère, de l'INSEE ou d'Etalab tel que publié ; un tableur peut être exporté en CSV (UTF-8)
import-no-content = le fichier est vide : téléchargez-le à nouveau
import-not-a-table = ce n'est pas une table de candidats ou de bureaux, ou ses fins de ligne sont perdues
import-mixes-encodings = le fichier mélange des encodages : ouvrez-le et enregistrez-le à nouveau en UTF-8
import-cut-short = le fichier est probablement tronqué : téléchargez-le à nouveau
import-looks-like-results-by-bureau = cela ressemble aux résultats par bureau : chaque candidat y figure une fois par bureau. Importez la liste des candidats ou les résultats par circonscription ; les bureaux de ce fichier peuvent être importés avec `constat import bureaux`
import-looks-like-bureau-table = cela ressemble à la table des bureaux, pas à la liste des candidats : importez-la avec `constat import bureaux`
import-no-panel-numbers = ce fichier nomme des candidats sans donner de numéros de panneau, et constat ne les invente pas : importez la liste des candidats du ministère ou ses résultats par circonscription (colonnes du fichier : { $columns })
import-no-name-holds = aucun nom ne contient un tel caractère : le fichier mélange peut-être des encodages ; enregistrez-le à nouveau en UTF-8
import-needs-departement-column = le fichier donne des numéros de circonscription, qui demandent une colonne de département nommée { $names } (l'un de ces noms)
import-column-says = la colonne « { $column } » indique « { $value } »
import-no-invent-panel = constat n'invente pas les numéros de panneau : importez un fichier qui les donne (la liste des candidats)
import-looks-like-candidates = cela ressemble à une liste de candidats ou à des résultats par circonscription, pas à la table des bureaux : importez-le avec `constat import candidates`
import-file-columns = les colonnes du fichier sont { $columns }
import-duplicate-bureau = la ligne { $first } a déjà le bureau { $code } : les lignes { $first } et { $line } donnent le même bureau
import-may-mix-encodings = le fichier mélange peut-être des encodages ; enregistrez-le à nouveau en UTF-8
import-not-a-workbook = le fichier est une archive zip mais pas un classeur que constat sait lire : si c'est une archive, extrayez d'abord le fichier CSV
import-no-candidates-in-workbook = ce classeur ne contient aucun candidat par circonscription
import-duplicate-candidate = la ligne { $at } a déjà le candidat n° { $panel } dans la circonscription { $circ } : les lignes { $first } et { $line } donnent le même numéro de candidat
import-duplicate-panel-here = la ligne { $first } a déjà cette circonscription et ce numéro de panneau
import-bureau-tables-are-csv = les tables de bureaux sont publiées en CSV : exportez la feuille en CSV (UTF-8)
import-events-table = un tableau d'événements de constat (`constat export csv`), ses colonnes à leur place ou déplacées
import-merge-events-table = un tableau d'événements ne s'importe pas, il se fusionne avec `constat merge --into BASE FICHIER`, tel qu'exporté : un tableau aux colonnes déplacées ou renommées y est refusé
import-unpacked-at-most = un classeur dont les parties se décompressent en au plus { $mib } Mio en tout, en au plus { $entries } parties, aucune compressée plus de { $ratio } fois
import-parts-count = { $count } parties
import-parts-declare = { $part }, qui porte les parties à { $mib } Mio décompressés selon l'archive
import-part-ratio = { $part }, compressée { $ratio } fois
import-part-unpacks-past = { $part }, qui porte les parties au-delà de { $mib } Mio décompressés, plus que ne le déclare l'archive
import-zip-bomb = un classeur officiel se décompresse en quelques Mio : ce fichier est abîmé ou fait pour épuiser la mémoire (une bombe zip) ; téléchargez-le à nouveau sur le site officiel, ou exportez la feuille en CSV

# Issue 16, point 4: a household count that no household has.
error-too-many-voters = --voters donne les électeurs inscrits à une adresse : de 1 à { $max } ; vérifiez le nombre tapé
error-too-many-envelopes = --received donne les enveloppes reçues à une adresse : { $max } au plus ; vérifiez le nombre tapé
error-more-envelopes-than-voters = { $count } { $count ->
    [one] enveloppe reçue
   *[other] enveloppes reçues
} pour { $voters } { $voters ->
    [one] électeur
   *[other] électeurs
} à l'adresse : plus d'enveloppes que d'électeurs ; si c'est bien ce que vous avez constaté, ajoutez --confirm-more, sinon corrigez --voters ou --received
import-sheet-at-most = un classeur dont les feuilles s'étendent sur au plus { $cells } cellules (lignes × colonnes)
import-sheet-spans = { $part }, qui va jusqu'à la ligne { $rows } et la colonne { $columns }

# merge --watch
error-watch-not-a-folder = { $path } n'est pas un dossier : --watch attend le dossier où arrivent les fichiers des observateurs (créez-le, ou donnez le bon chemin)
error-watch-signals = impossible de surveiller Ctrl-C et SIGTERM, nécessaires pour arrêter proprement --watch ; rien n'a été fusionné.
    Détail du système : { $why }
## output guard (issue 15 point 7)
output-refused-database-in-use = { $path } est la base de données en cours d'utilisation ({ $database }) ou l'un de ses fichiers : l'écraser détruirait les preuves. Rien n'a été écrit ; choisissez un autre nom de fichier
output-refused-constat = { $path } est une base constat (celle d'un observateur ou un export) : constat n'écrase jamais une base de données, même avec --force. Rien n'a été écrit ; choisissez un autre nom de fichier
output-refused-sqlite = { $path } est une base de données SQLite : constat n'écrase jamais une base de données, même avec --force. Rien n'a été écrit ; choisissez un autre nom de fichier
output-refused-exists = { $path } existe déjà : rien n'a été écrit. Choisissez un autre nom de fichier, ou ajoutez --force pour le remplacer (seulement si ce n'est pas une base de données)
output-refused-not-a-folder = { $path } est un fichier, pas un dossier : rien n'a été écrit. Choisissez le nom d'un dossier qui n'existe pas encore, ou d'un dossier vide
output-refused-unreadable = { $path } existe mais ne peut pas être lu pour vérifier que ce n'est pas une base de données : rien n'a été écrit. Choisissez un autre nom de fichier ({ $why })

## roster (issue 15 point 2)
error-bad-fingerprint = { $field } : « { $typed } » n'est pas une empreinte de clé. Une empreinte a 20 caractères (chiffres et lettres majuscules sans I, L, O ni U), souvent écrits en 5 groupes de 4 : K7QF-3M2X-9PZA-W4TR-HN6C ; recopiez celle que `constat whoami` affiche chez l'observateur
error-roster-line = { $path }, ligne { $line }, champ { $field } : { $why }. Rien n'a été inscrit ; corrigez la ligne et importez de nouveau le fichier
error-roster-field-count = { $count } { $count ->
    [one] champ
   *[other] champs
} au lieu de 2 : écrivez une ligne par observateur, « nom,empreinte »
error-roster-name = le nom { $why }
error-roster-fingerprint = « { $value } » n'est pas une empreinte de clé (20 caractères, en 5 groupes de 4 : K7QF-3M2X-9PZA-W4TR-HN6C)
error-roster-duplicate = cette empreinte est déjà donnée ligne { $line } pour « { $name } » : une clé appartient à un seul observateur
error-roster-unreadable = la ligne ne peut pas être lue comme du CSV (détail : { $detail })
storage-doing-reading-roster = en lisant la liste des observateurs inscrits
storage-doing-saving-roster = en enregistrant la liste des observateurs inscrits

# Issue 14: a candidate list of the wrong shape for the database's election
import-file-of-national-list = la liste nationale de la présidentielle (une seule circonscription, nationale)
import-file-of-circonscriptions = une liste par circonscription ({ $example }…), alors que la présidentielle n'a qu'une circonscription nationale
## Issue 15 (sign) : la clé secrète hors de la base

error-key-missing = impossible d'enregistrer dans { $path } : la clé de signature de son observateur est introuvable (cherchée à { $key }). Remettez le fichier de clé à cette place depuis une sauvegarde, ou indiquez son dossier avec CONSTAT_KEY_DIR ; si la clé est perdue, créez-en une nouvelle avec `constat key new --lost` et donnez la nouvelle empreinte au coordinateur, qui l'accepte avec `constat merge --accept-key EMPREINTE`
error-key-file = { $path } : fichier de clé { $key } : { $why }
error-no-key-to-replace = { $path } n'a pas de clé de signature à remplacer (une copie faite par `constat export db`, une base de lecteur, ou une base d'avant les signatures) : lancez `constat key new` sur la base de l'observateur
error-key-still-held = le fichier de clé de { $path } est là : `--lost` ne sert que quand l'ancienne clé est perdue ; lancez `constat key new` sans `--lost`, l'ancienne clé signe alors le changement et le coordinateur l'accepte sans rien faire
# Evidence folders (issue 15 points 4, 5).
error-evidence-without-key = { $path } n'a pas de clé de signature (une copie faite par `constat export db`, ou une base sur un support en lecture seule) : exportez les preuves depuis la base de l'observateur, qui les signe
error-pv-reference-malformed = « { $typed } » n'est pas une référence de chaîne : écrivez-la comme dans le PV, position / 16 chiffres hexadécimaux de l'empreinte / empreinte de la clé, par exemple « 42 / 1a2b 3c4d 5e6f 7a8b / K7QF-3M2X-9PZA-W4TR-HN6C »
## coordination (issue 18): reference files, init --reference, machines --from, pv --all
error-bureau-before-import = le bureau { $code } ne peut pas encore être choisi : une base créée avec --election n'a aucun bureau ; retirez --bureau, importez la table des bureaux (constat import bureaux FICHIER), puis choisissez votre bureau dans l'interface
error-bureau-not-in-reference = le bureau { $code } n'est pas dans le fichier de référence (ou n'y a pas de circonscription) ; bureaux connus : { $known } ; vérifiez le code avec votre coordinateur
import-machines-table = une table des bureaux à machines : une colonne du code du bureau (`bureau`, `code_bureau`, `codeBureauVote`, `id_brut_miom`) et une colonne oui/non (`machines`, `machine_a_voter`, `voting_machines`, …)
import-machines-after-header = au moins un bureau avec un oui ou un non après l'en-tête
import-bureau-of-this-database = un bureau de cette base, rattaché à une circonscription
import-import-bureaux-first = importez d'abord la table des bureaux (constat import bureaux FICHIER), ou corrigez le code
error-pv-folder-not-empty = { $path } existe et n'est pas vide (ou n'est pas un dossier) : donnez un nouveau dossier pour les réclamations, rien n'y est jamais écrasé

## Photos (issue 19)
storage-doing-saving-photo = en enregistrant les octets d'une photo
storage-doing-reading-photo = en lisant les octets d'une photo
error-photo-refused = { $path } est refusé comme photo : { $why }. Rien n'a été enregistré : retirez ou remplacez ce fichier et recommencez
error-photo-no-such-non-receipt = aucune de vos non-réceptions n'a l'identifiant « { $id } » dans cette circonscription : copiez l'identifiant affiché à l'enregistrement de la non-réception
error-photo-cell-needs-both = une case se désigne par --candidate et --item ensemble
## Issue 18 (night): refused files.
storage-doing-refused-files = en lisant ou en notant les fichiers refusés
storage-doing-key-disputes = en lisant ou en notant les litiges de clé
