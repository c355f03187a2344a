# constat: cli messages (fr).
#
# `constat --help` et les erreurs de clap. Les identifiants des commandes et des arguments sont
# calculés par src/cli/help.rs à partir du chemin de la commande et de l'identifiant de l'argument
# (cli-tick-about, cli-tick-arg-candidate) : voir locales/en/cli.ftl. Un paragraphe tient sur une
# ligne : clap le coupe à la largeur du terminal.

## La commande racine et ses options globales.

cli-about = constat : consigner quel matériel électoral est parvenu aux électeurs et aux bureaux de vote, et en faire une preuve.
cli-long-about =
    constat : consigner, pour chaque candidat, si l'enveloppe envoyée par la commission de propagande contenait la profession de foi et le bulletin, et si le bureau de vote avait le bulletin sur sa table. Chaque coche est enregistrée aussitôt dans un fichier SQLite, comme un événement qui ne s'efface jamais.

    Commencez par `constat demo` : il ouvre l'exemple fourni (législatives 2017, 1re circonscription de Paris) dans une base temporaire.
cli-after-help =
    Exemples :
      constat                                        ouvrir l'interface (au premier lancement : crée la base)
      constat demo                                   essayer l'interface sur l'exemple fourni
      constat --db obs.db init --sample paris-1-2017 --observer 'Marie Curie'
      constat --db nat.db init --election legislatives-2024 --round 1 --observer 'Coordination'
      constat --db nat.db import candidates lg2024-resultats-circonscriptions-une-ligne-par-candidat2.csv
      constat --db nat.db import bureaux table-bv-reu.csv
      constat --db obs.db ui                         ouvrir l'interface sur votre base
      constat --db obs.db tick --circonscription 7501 --bureau 75056_0911 --candidate 3 --item bureau --value present
      constat --db obs.db envelope --circonscription 7501 --voters 4 --received 1
      constat --db obs.db non-receipt --circonscription 7501 --bureau 75056_0911 --voter 'Jean Dupont'
      constat --db obs.db report --format csv -o releve.csv
      constat --db obs.db export db -o a-envoyer.db
      constat merge --into national.db reception/
      constat --db national.db report --conflicts

    Base : --db FICHIER, sinon $CONSTAT_DB, sinon constat.db dans le dossier de données du système.
    Langue : --lang fr|en, sinon $CONSTAT_LANG, sinon LC_ALL / LC_MESSAGES / LANG (en* donne l'anglais),
    sinon le français.
    Code de sortie : 0 succès ; 1 erreur (rien n'a été écrit) ; 2 ligne de commande incorrecte.
cli-arg-db = Fichier de la base [par défaut : constat.db dans le dossier de données du système]
cli-arg-lang = Langue de l'interface et des rapports [par défaut : selon LC_ALL, LC_MESSAGES ou LANG, sinon fr]
cli-arg-lang-value-fr = Français
cli-arg-lang-value-en = English
cli-arg-plain = Avec `ui` ou `demo` : mode texte, pour un lecteur d'écran ou un terminal simple (des commandes tapées, une réponse par ligne ; ni dessin plein écran, ni couleurs, ni cadres)

## Les commandes.

cli-demo-about = Ouvrir l'interface sur une copie temporaire de l'exemple fourni (1re circonscription de Paris, 2017)
cli-demo-after-help = La base est conservée ; son chemin est affiché quand vous quittez. Avec --db FICHIER, la démo utilise FICHIER (créé s'il n'existe pas, rouvert sinon).
cli-demo-arg-record = Commencer avec le relevé de référence de 2017 déjà saisi
cli-demo-arg-sample = Exemple fourni à ouvrir (paris-1-2017, presidentielle-2022)

cli-init-about = Créer une nouvelle base d'observateur (n'écrase jamais un fichier existant)
cli-init-arg-sample = Exemple fourni de départ [par défaut : paris-1-2017 quand --election n'est pas donné]
cli-init-arg-election = Une élection à remplir avec `constat import` : TYPE-ANNÉE, TYPE parmi legislatives, presidentielle, europeennes, municipales, regionales, departementales
cli-init-arg-round = Le tour, avec --election
cli-init-arg-date = Le jour du scrutin, avec --election (AAAA-MM-JJ)
cli-init-arg-observer = Votre nom, tel qu'il figurera dans les preuves [par défaut : votre nom de connexion]
cli-init-arg-bureau = Votre bureau (un code comme 75056_0911) [par défaut : celui de l'exemple ; aucun avec --election, dont les bureaux sont importés ensuite]
cli-init-arg-qualite = Votre qualité pour les réclamations : electeur, candidat ou delegue:NOM

cli-ui-about = Ouvrir l'interface (la commande par défaut ; au premier lancement, elle crée votre base)
cli-ui-long-about =
    Ouvrir l'interface (la commande par défaut ; au premier lancement, elle crée votre base)

    Tant qu'il n'y a pas de base au chemin indiqué, un court formulaire de premier lancement en crée une : votre nom, un contact facultatif, et l'élection (l'exemple fourni, ou un fichier de référence des données officielles venant de vos coordinateurs) ; puis le sélecteur s'ouvre pour choisir votre circonscription et votre bureau. Écrans : 1 enveloppe, 2 bureau de vote, 3 bilan (Tab pour passer de l'un à l'autre) ; ? montre toutes les touches.

cli-tick-about = Consigner une case du relevé : un élément d'un candidat, présent, absent ou non vérifié
cli-tick-after-help =
    Exemple : constat tick --circonscription 7501 --bureau 75056_0911 --candidate 1 --item foi --value absent

    Éléments : foi = profession de foi dans l'enveloppe, courrier = bulletin dans l'enveloppe, bureau = bulletin sur la table du bureau (il faut un bureau : --bureau, ou le bureau courant de la base).
cli-tick-arg-circonscription = Code de la circonscription (département + 2 chiffres : 7501)
cli-tick-arg-bureau = Code du bureau (commune_numéro : 75056_0911) [par défaut : le bureau courant de la base]
cli-tick-arg-candidate = Numéro de panneau du candidat
cli-tick-arg-item = Quelle colonne
cli-tick-arg-item-value-foi = Profession de foi dans l'enveloppe
cli-tick-arg-item-value-courrier = Bulletin dans l'enveloppe
cli-tick-arg-item-value-bureau = Bulletin sur la table du bureau
cli-tick-arg-value = Ce qui a été constaté
cli-tick-arg-value-value-present = Vu
cli-tick-arg-value-value-absent = Cherché et pas trouvé
cli-tick-arg-value-value-unchecked = Effacer la case
cli-tick-arg-note = Texte libre gardé avec la coche (par exemple « bulletins épuisés à 15h »)
cli-tick-arg-envelope = Laquelle des enveloppes du foyer a été ouverte (1, 2, …), pour --item foi ou courrier quand plusieurs enveloppes sont arrivées [par défaut : 1]

cli-envelope-about = Consigner les enveloppes d'un foyer : électeurs inscrits à l'adresse et enveloppes reçues
cli-envelope-arg-circonscription = Code de la circonscription (7501)
cli-envelope-arg-bureau = Votre bureau [par défaut : le bureau courant de la base]
cli-envelope-arg-voters = Électeurs inscrits à l'adresse
cli-envelope-arg-received = Enveloppes reçues à l'adresse
cli-envelope-arg-received-on = Jour d'arrivée des enveloppes (AAAA-MM-JJ ou JJ/MM/AAAA)
cli-envelope-arg-note = Texte libre gardé avec l'enregistrement
cli-envelope-arg-confirm-more = Confirme plus d'enveloppes reçues que d'électeurs à l'adresse (refusé sans cette option)

cli-non-receipt-about = Consigner une non-réception : un électeur d'un bureau qui n'a reçu aucune enveloppe
cli-non-receipt-arg-circonscription = Code de la circonscription (7501)
cli-non-receipt-arg-bureau = Le bureau de l'électeur (75056_0911)
cli-non-receipt-arg-voter = Le nom de l'électeur
cli-non-receipt-arg-note = Texte libre (par exemple « procès-verbal en deux exemplaires »)
cli-non-receipt-arg-household = À qui est l'enveloppe : votre propre foyer, ou un autre [par défaut : le vôtre sans --voter, un autre avec]
cli-non-receipt-arg-household-value-own = Un électeur de votre foyer (comptée une fois parmi les enveloppes manquantes de votre foyer)
cli-non-receipt-arg-household-value-other = L'électeur d'un autre foyer
cli-non-receipt-arg-seen-at = Quand cela a été vu, dans l'heure légale du bureau (heure UTC pour les Français de l'étranger, dont le code ne dit pas le fuseau) (JJ/MM/AAAA HH:MM, ou HH:MM le jour du scrutin du bureau, le samedi là où il vote ce jour-là) [par défaut : maintenant]
cli-tick-arg-seen-at = Quand cela a été vu, dans l'heure légale du bureau (heure UTC pour les Français de l'étranger, dont le code ne dit pas le fuseau) (JJ/MM/AAAA HH:MM, ou HH:MM le jour du scrutin du bureau, le samedi là où il vote ce jour-là) [par défaut : maintenant]
cli-envelope-arg-seen-at = Quand cela a été vu, dans l'heure légale du bureau (heure UTC pour les Français de l'étranger, dont le code ne dit pas le fuseau) (JJ/MM/AAAA HH:MM, ou HH:MM le jour du scrutin du bureau, le samedi là où il vote ce jour-là) [par défaut : maintenant]
cli-machines-about = Consigner qu'un bureau vote sur machines (pas de bulletins sur sa table, aucun envoyé à ses électeurs)
cli-machines-long-about = Consigner qu'un bureau vote sur machines : sa table n'a pas de bulletins et ses électeurs n'en reçoivent pas par courrier (code électoral ; voir docs/findings.md), donc aucun constat n'en est tiré. C'est une observation signée, comme une case cochée : elle se fusionne, s'exporte et s'annule. Avec --off : le bureau ne vote pas sur machines (une correction, ou ce que vous avez vu).
cli-machines-after-help =
    Exemples :
      constat machines --bureau 75056_0913
      constat machines --bureau 75056_0913 --off --note "urnes et isoloirs, pas de machine"
cli-machines-arg-bureau = Le bureau (75056_0913)
cli-machines-arg-off = Le bureau ne vote pas sur machines (une correction)
cli-machines-arg-note = Texte libre gardé avec l'enregistrement
cli-machines-arg-seen-at = Quand cela a été vu, dans l'heure légale du bureau (heure UTC pour les Français de l'étranger, dont le code ne dit pas le fuseau) (JJ/MM/AAAA HH:MM, ou HH:MM le jour du scrutin du bureau, le samedi là où il vote ce jour-là) [par défaut : maintenant]
cli-value-name-moment = MOMENT
cli-value-name-household = FOYER

cli-import-about = Importer des données officielles : une liste de candidats (ou un fichier de résultats), ou une table des bureaux
cli-import-candidates-about = Les candidats de la liste du ministère ou d'un fichier de résultats (xlsx de 2017, 2022, 2024 …)
cli-import-candidates-after-help = Le séparateur et l'encodage (UTF-8, Latin-1/Windows-1252, CP850) sont détectés. Tout le fichier est importé en une transaction, ou rien ne l'est. Un nouvel import montre ce qui a changé (candidats renommés, retirés) ; importer de nouveau le même fichier ne change rien.
cli-import-candidates-arg-file = Le fichier (.csv, .txt ou .xlsx)
cli-import-candidates-arg-accept-renames = Accepter que des candidats déjà observés soient renommés ou retirés (la liste officielle a vraiment changé) ; refusé sinon, puisque les coches sont rapprochées par numéro de panneau
cli-import-bureaux-about = Les bureaux de table-bv-reu.csv de l'INSEE, de la table bureaux/circonscriptions d'Etalab, ou des résultats par bureau du ministère
cli-import-bureaux-arg-file = Le fichier

cli-merge-about = Fusionner dans une seule base les bases des observateurs et des fichiers CSV d'événements
cli-merge-after-help = Les dossiers sont parcourus récursivement. Chaque fichier est vérifié (lecture seule, réglages SQLite défensifs, intégrité, schéma, chaque valeur) et fusionné en une transaction : un fichier défectueux n'apporte rien et est listé avec la raison. Fusionner deux fois le même fichier n'ajoute rien. Exemple : constat merge --into national.db rapports/ retard/marie.db
cli-merge-arg-into = La base dans laquelle fusionner (créez-la d'abord avec `constat init --election …`)
cli-merge-arg-strict = S'arrêter au premier fichier défectueux et laisser la base cible exactement comme elle était
cli-merge-arg-follow-symlinks = Suivre les liens symboliques qui sortent des dossiers donnés (jamais suivis sinon)
cli-merge-arg-inputs = Bases d'observateurs, fichiers CSV d'événements, ou dossiers qui en contiennent
cli-merge-arg-watch = Rester ouvert et fusionner chaque fichier qui arrive dans ce dossier ou ses sous-dossiers (Ctrl-C ou SIGTERM arrête)
cli-merge-arg-watch-long = Rester ouvert et fusionner chaque fichier qui arrive dans ce dossier ou ses sous-dossiers, tout de suite si c'est une base complète, sinon dès qu'il ne change plus (voir --settle), chacun en une transaction. Un fichier déjà fusionné (même taille, même SHA-256) est ignoré ; un fichier refusé est listé avec la raison et réessayé s'il change ; rien n'est déplacé ni effacé dans le dossier (il peut être synchronisé). Ctrl-C ou SIGTERM arrête proprement. Exemple : constat merge --into national.db --watch ~/Sync/constat-inbox (docs/coordination.md)
cli-merge-arg-settle = Avec --watch : secondes pendant lesquelles un fichier doit rester inchangé avant d'être fusionné ; une base arrivée complète (renommée dans le dossier, de la taille que donne son en-tête SQLite) est fusionnée tout de suite
cli-value-name-inbox = DOSSIER
cli-value-name-seconds = SECONDES

cli-export-about = Exporter cette base : une copie autonome à envoyer, ses événements en CSV, ou un dossier de preuves
cli-export-db-about = Un seul fichier de base autonome, sûr à envoyer (fait avec VACUUM INTO, synchronisé, renommé)
cli-export-db-arg-output = Où l'écrire
cli-export-csv-about = Tous les événements en CSV (colonnes dans docs/formats.md) ; `constat merge` l'accepte
cli-export-csv-arg-output = Où l'écrire
cli-export-evidence-about = Un dossier de preuves : les CSV des événements et des observations, le rapport dans chaque format, la clé et la tête signée de chaque observateur, et un MANIFEST des empreintes SHA-256 signé avec votre clé (MANIFEST.sig)
cli-export-evidence-arg-output = Le dossier à créer (il ne doit pas exister, ou être vide)
cli-export-evidence-arg-semicolon = Séparer les champs CSV par `;` (pour les tableurs réglés sur les conventions françaises)

cli-pv-about = Afficher la réclamation à recopier dans le procès-verbal du bureau (--annex : son annexe ; --appeal : le recours propre au type d'élection)
cli-pv-arg-bureau = Le bureau dont le procès-verbal reçoit la réclamation (75056_0911)
cli-pv-arg-appeal = Afficher à la place le recours du type d'élection : requête, protestation, ou la note de la présidentielle
cli-pv-arg-proclamation = Jour de la proclamation des résultats (AAAA-MM-JJ), quand le délai du recours se compte à partir d'elle
cli-pv-arg-annex = Afficher à la place l'annexe : tous les faits observés, la référence et l'empreinte complète
cli-pv-arg-margin = L'écart de voix décisif, pour le paragraphe du recours sur l'influence sur le résultat
cli-pv-arg-elected = La personne (ou la liste) élue, nommée dans le recours
cli-pv-arg-as-observer = Signer comme un autre observateur d'un fichier fusionné (sa réclamation, en son seul nom)
cli-pv-arg-qualite = Votre qualité : electeur, candidat ou delegue:NOM (enregistrée dans la base, sauf avec --as)

cli-verify-about = Revérifier chaque chaîne d'empreintes, signature et manifeste d'une base ou d'un dossier de preuves
cli-verify-arg-path = Une base constat, ou un dossier écrit par `constat export evidence`
# Evidence folders (issue 15 point 5).
cli-verify-arg-pv = La référence de chaîne écrite dans un procès-verbal (« 42 / 1a2b 3c4d 5e6f 7a8b / K7QF-3M2X-9PZA-W4TR-HN6C ») : vérifie que CHEMIN contient exactement cet état et le prolonge
cli-value-name-reference = RÉFÉRENCE

cli-report-about = Afficher le relevé et ses constats
cli-report-after-help =
    Colonnes CSV (un contrat stable, voir docs/formats.md) :
      circonscription,panel,candidate,nuance,profession_de_foi,bulletin_courrier,bulletin_bureau
cli-report-arg-circonscription = Seulement cette circonscription [par défaut : chaque circonscription ayant une observation]
cli-report-arg-format = Format de sortie
cli-report-arg-format-value-text = Le relevé en tableau avec ses constats, comme l'original de 2017
cli-report-arg-format-value-csv = Une ligne par candidat et par circonscription (colonnes dans `docs/formats.md`)
cli-report-arg-format-value-md = Markdown, pour une page web ou un message
cli-report-arg-format-value-json = Lisible par un programme, avec chaque constat
cli-report-arg-format-value-html = Une page web autonome (CSS et graphiques SVG intégrés), imprimable en PDF
cli-report-arg-conflicts = Lister les cases sur lesquelles des observateurs se contredisent, avec qui a dit quoi et quand
cli-report-arg-output = Écrire dans FICHIER (de façon atomique) au lieu de la sortie standard

## Les noms des valeurs, comme dans `--db <FICHIER>`.

cli-value-name-command = COMMANDE
cli-value-name-file = FICHIER
cli-value-name-lang = LANGUE
cli-value-name-name = NOM
cli-value-name-kind-year = TYPE-ANNÉE
cli-value-name-1-2 = 1|2
cli-value-name-date = DATE
cli-value-name-code = CODE
cli-value-name-panel = PANNEAU
cli-value-name-item = COLONNE
cli-value-name-value = VALEUR
cli-value-name-text = TEXTE
cli-value-name-n = N
cli-value-name-file-or-dir = FICHIER_OU_DOSSIER
cli-value-name-dir = DOSSIER
cli-value-name-format = FORMAT
cli-value-name-path = CHEMIN
cli-value-name-observer = OBSERVATEUR
cli-value-name-qualite = QUALITÉ
cli-value-name-votes = VOIX

## Les parties de l'aide que clap écrit lui-même.

cli-heading-usage = Utilisation :
cli-heading-commands = Commandes :
cli-heading-arguments = Arguments :
cli-heading-options = Options :
cli-heading-possible-values = Valeurs possibles :
cli-possible-value = - { $name }{ $pad } : { $help }
cli-spec-env = [variable d'environnement : { $name }]
cli-spec-env-set = [variable d'environnement : { $name }={ $value }]
cli-spec-default = [par défaut : { $value }]
cli-spec-possible-values = [valeurs possibles : { $values }]
cli-help = Afficher l'aide
cli-help-more = Afficher l'aide (plus de détails avec « --help »)
cli-help-summary = Afficher l'aide (un résumé avec « -h »)
cli-version = Afficher la version
cli-help-subcommand = Afficher ce message ou l'aide des commandes données

## Les erreurs de clap, écrites par src/cli/errors.rs avec les mêmes informations que clap.

cli-quoted = « { $text } »
cli-error = erreur : { $message }
cli-error-unknown-argument = argument inattendu : { $arg }
cli-error-invalid-value = valeur { $value } invalide pour { $arg }
cli-error-value-required = une valeur est attendue pour { $arg }, et aucune n'a été donnée
cli-error-possible-values = [valeurs possibles : { $values }]
cli-error-value-validation = valeur { $value } invalide pour { $arg } : { $reason }
cli-error-unknown-subcommand = commande inconnue : { $subcommand }
cli-error-missing-arguments =
    { $count ->
        [one] cet argument obligatoire manque :
       *[other] ces arguments obligatoires manquent :
    }
cli-error-missing-subcommand = { $command } attend une commande, et aucune n'a été donnée
cli-error-subcommands = [commandes : { $values }]
cli-error-argument-repeated = l'argument { $arg } ne peut être donné qu'une fois
cli-error-argument-conflict =
    { $count ->
        [0] l'argument { $subject } ne peut pas être utilisé avec un ou plusieurs des autres arguments donnés
        [one] l'argument { $subject } ne peut pas être utilisé avec { $others }
       *[other] l'argument { $subject } ne peut pas être utilisé avec :{ $others }
    }
cli-error-subcommand-conflict =
    { $count ->
        [0] la commande { $subject } ne peut pas être utilisée avec un ou plusieurs des arguments donnés
        [one] la commande { $subject } ne peut pas être utilisée avec { $others }
       *[other] la commande { $subject } ne peut pas être utilisée avec :{ $others }
    }
cli-error-no-equals = il faut un signe égal pour donner une valeur à { $arg }
cli-error-too-many-values = valeur inattendue { $value } pour { $arg } : aucune autre n'était attendue
cli-error-too-few-values =
    { $arg } attend au moins { $min } valeurs ; { $count ->
        [one] { $count } seulement a été donnée
       *[other] { $count } seulement ont été données
    }
cli-error-wrong-number-of-values =
    { $arg } attend { $expected } valeurs, mais { $count ->
        [one] { $count } a été donnée
       *[other] { $count } ont été données
    }
cli-error-invalid-utf8 = un argument n'est pas du texte UTF-8 valide
cli-error-other = la ligne de commande est incorrecte (détail de clap, en anglais : { $detail })
cli-error-try-help = Pour en savoir plus, essayez { $help }.
cli-reason-not-a-number = un nombre entier est attendu
cli-reason-out-of-range = un nombre entier de { $min } à { $max } est attendu
cli-reason-not-a-day = un jour de 2000 à 2099 est attendu : écrivez AAAA-MM-JJ ou JJ/MM/AAAA (par exemple 2024-06-06)
cli-reason-not-a-moment = un moment est attendu : écrivez JJ/MM/AAAA HH:MM, ou HH:MM le jour du scrutin (par exemple 11/06/2017 15:40)
cli-reason-not-a-date = une date écrite AAAA-MM-JJ est attendue (par exemple 2024-06-30)
cli-reason-refused = la valeur est refusée
cli-reason-other = la valeur est refusée (détail, en anglais : { $detail })
cli-tip = astuce : { $text }
cli-tip-similar-subcommand =
    { $count ->
        [one] une commande semblable existe : { $names }
       *[other] des commandes semblables existent : { $names }
    }
cli-tip-similar-argument =
    { $count ->
        [one] un argument semblable existe : { $names }
       *[other] des arguments semblables existent : { $names }
    }
cli-tip-similar-value =
    { $count ->
        [one] une valeur semblable existe : { $names }
       *[other] des valeurs semblables existent : { $names }
    }
cli-tip-trailing-value = pour passer { $value } comme valeur, écrivez { $fix }
cli-tip-remove-dashes = la commande { $subcommand } existe : pour l'utiliser, retirez le « -- » qui la précède
cli-tip-exists = { $usage } existe
cli-tip-other = { $detail } (astuce de clap, en anglais)

## roster (issue 15 point 2)
cli-value-name-fingerprint = EMPREINTE
cli-roster-about = Inscrire à l'avance les clés des observateurs (la liste d'un coordinateur) : avec une liste, merge refuse les clés non inscrites
cli-roster-long-about = Inscrire à l'avance les empreintes de clé des observateurs, dans la base du coordinateur (--db). Avec une liste non vide, `constat merge` refuse tout fichier dont un observateur signe avec une clé non inscrite, en nommant l'empreinte et la commande à lancer. Chaque observateur lit son empreinte avec `constat whoami`.
cli-roster-add-about = Inscrire l'empreinte de clé d'un observateur
cli-roster-add-arg-name = Le nom de l'observateur
cli-roster-add-arg-fingerprint = L'empreinte que `constat whoami` lui a affichée (K7QF-3M2X-9PZA-W4TR-HN6C ; tirets, espaces et minuscules acceptés)
cli-roster-import-about = Inscrire chaque ligne d'un fichier CSV « nom,empreinte » (en-tête facultatif, `;` accepté) : tout ou rien
cli-roster-import-arg-file = Le fichier CSV
cli-roster-list-about = Lister les clés inscrites
cli-whoami-about = Afficher l'observateur de cette base : nom, identifiant, empreinte de clé et référence de chaîne (à envoyer au coordinateur et à écrire dans le procès-verbal)
cli-merge-arg-accept-key = Trancher un conflit de clés : fusionner les fichiers signés avec cette empreinte de clé, refuser les autres qui revendiquent le même observateur ; accepter un changement de clé signé par cette seule nouvelle clé (`key new --lost`) (répétable)
cli-merge-arg-accept-unsigned = Prendre les événements d'observateurs sans clé (fichiers de constat d'avant décembre 2026) ; refusés sinon, puisque le fichier d'un vrai observateur est signé depuis

## output guard (issue 15 point 7)
cli-report-arg-force = Avec -o : remplacer un fichier existant (jamais une base de données)
cli-export-db-arg-force = Remplacer un fichier existant (jamais une base de données)
cli-export-db-arg-thumbnails = Laisser de côté les octets des photos, garder leurs vignettes et leurs événements (avec les empreintes des originaux) : un fichier assez petit pour un courriel ; les originaux, envoyés plus tard, se vérifient toujours
cli-export-csv-arg-force = Remplacer un fichier existant (jamais une base de données)
## coordination (issue 18): reference files, init --reference, machines --from, pv --all
cli-reference-about = Écrire un fichier de référence à distribuer aux observateurs : l'élection, les circonscriptions, les candidats et les bureaux de cette base (ni observation, ni observateur, ni clé)
cli-reference-after-help =
    Exemple : constat --db national.db reference -o reference.db
    Chaque observateur crée ensuite sa base : constat init --reference reference.db --observer NOM --bureau 75056_0911
cli-reference-arg-output = Le fichier de référence à écrire (jamais par-dessus un fichier existant)
cli-init-arg-reference = Un fichier de référence de votre coordinateur (`constat reference`) : son élection, ses candidats et ses bureaux, avec une identité et une clé nouvelles, les vôtres
cli-machines-arg-from = Tous les bureaux d'une table CSV à la place : une colonne du code du bureau et une colonne oui/non (comme `machine_a_voter` de l'import des bureaux), enregistrés en une seule transaction
cli-pv-arg-all = Tous les bureaux qui ont un constat à la place : un fichier par bureau (pour chaque observateur qui l'a vu : sa réclamation et son annexe) et une liste, dans le dossier donné par -o
cli-pv-arg-output = Avec --all : le dossier à écrire (qui ne doit pas exister, ou être vide)

## coordination (issue 18 point 3)

cli-coordination-about = La vue nationale du coordinateur, en direct : fichiers reçus, couverture, constats, derniers bulletins absents d'une table ; mise à jour dès qu'une fusion arrive
cli-coordination-long-about = La vue nationale du coordinateur, en direct, sur la base --db (alias : coord). En tête : l'élection, l'heure des données (dernier événement, heure de Paris), les événements et observateurs de la base, les fichiers reçus par « merge --watch » et, avec une liste d'inscrits, qui n'a rien envoyé. Puis la couverture (circonscriptions et bureaux ayant au moins un observateur), les constats du rapport par type, les taux d'enveloppes manquantes et de non-réception avec leur intervalle à 95 %, et les derniers bulletins vus absents d'une table. Entrée descend vers un département, une circonscription, un bureau ; Échap remonte ; o liste les observateurs ; ? l'aide ; q quitte. Les fichiers refusés sont affichés par « merge --watch » dans son terminal.
cli-coordination-arg-once = Afficher une fois la vue nationale en texte, puis quitter (pour les scripts)

## photos (issue 19)
cli-photo-about = Joindre des photos comme preuves à une case, aux enveloppes du foyer, à une non-réception ou au bureau
cli-photo-long-about = Joindre des photos comme preuves. Chaque photo est un événement signé de votre chaîne (son SHA-256, sa taille, son type, le nom du fichier, l'heure de prise de vue EXIF quand elle existe) ; ses octets sont gardés dans la base, par leur empreinte, dans la même transaction. Par défaut la copie gardée perd ses métadonnées EXIF, XMP et IPTC (position GPS, numéro de série de l'appareil), sans réencodage de l'image ; l'événement garde l'empreinte de l'original, qui se vérifie donc toujours. Une photo HEIC est gardée telle quelle (rien n'en est retiré). Tous les fichiers sont vérifiés avant d'enregistrer : un fichier refusé (pas une image JPEG, PNG ou HEIC, plus de 20 Mo, illisible) et rien n'est enregistré.
cli-photo-after-help =
    Exemples :
      constat photo --circonscription 7501 --bureau 75056_0911 table.jpg
      constat photo --circonscription 7501 --bureau 75056_0911 --candidate 3 --item bureau pile.jpg
      constat photo --circonscription 7501 --household enveloppes.heic
cli-photo-arg-circonscription = Code de la circonscription (7501)
cli-photo-arg-bureau = Code du bureau (75056_0911) [par défaut : le bureau courant de la base]
cli-photo-arg-candidate = Le candidat de la case (numéro de panneau), avec --item
cli-photo-arg-item = La colonne de la case, avec --candidate
cli-photo-arg-item-value-foi = Profession de foi dans l'enveloppe
cli-photo-arg-item-value-courrier = Bulletin dans l'enveloppe
cli-photo-arg-item-value-bureau = Bulletin sur la table du bureau
cli-photo-arg-household = La photo montre les enveloppes du foyer
cli-photo-arg-non-receipt = La photo se rapporte à cette non-réception (son identifiant d'événement)
cli-photo-arg-note = Texte libre gardé avec chaque photo
cli-photo-arg-keep-metadata = Garder les fichiers tels quels, avec leurs EXIF (position GPS, numéro de série de l'appareil)
cli-photo-arg-files = Les photos (JPEG, PNG, HEIC ; 20 Mo au plus chacune)
cli-value-name-id = ID
## Issue 18 point 6 (night): export xlsx.
cli-export-xlsx-about = Les observations et les constats dans un classeur Excel (codes en texte, dates en dates)
cli-export-xlsx-arg-output = Où l'écrire
cli-export-xlsx-arg-force = Remplacer un fichier existant (jamais une base de données)
## key (issue 15 point 3)
cli-key-about = Remplacer la clé de signature de cette base : une nouvelle paire de clés, annoncée dans la chaîne de l'observateur
cli-key-new-about = Créer une nouvelle paire de clés pour l'observateur de cette base, annoncée dans sa chaîne par un événement de changement de clé signé par l'ancienne clé ; afficher la nouvelle empreinte
cli-key-new-arg-lost = L'ancienne clé est perdue : le changement est signé par la nouvelle clé seulement, et le coordinateur l'accepte avec `merge --accept-key NOUVELLE-EMPREINTE`
