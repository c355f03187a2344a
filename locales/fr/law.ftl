# constat: the law's words (src/domain/law.rs): legal texts cited, judges, places, who may file.
# Article numbers are never written here: they come from the law table as $articles.

law-and = {" et "}
law-or = {" ou "}
# A whole text, cited without an article.
law-text = { $text ->
    [decret] décret n° { $number } du 8 mars 2001
    [ordonnance] ordonnance n° { $number } du 7 novembre 1958
    [loi] loi n° { $number } du 7 juillet 1977
    [constitution] Constitution
   *[code] code électoral
}
law-cite-code = { $count ->
    [one] article
   *[other] articles
} { $articles } du code électoral
law-cite-ordonnance = { $count ->
    [one] article
   *[other] articles
} { $articles } de l'ordonnance n° { $number } du 7 novembre 1958
law-cite-decret = { $count ->
    [one] article
   *[other] articles
} { $articles } du décret n° { $number } du 8 mars 2001
law-cite-loi = { $count ->
    [one] article
   *[other] articles
} { $articles } de la loi n° { $number } du 7 juillet 1977
law-cite-constitution = { $count ->
    [one] article
   *[other] articles
} { $articles } de la Constitution
law-place-cc = au secrétariat général du Conseil constitutionnel
law-place-prefecture = à la préfecture
law-place-sous-prefecture = à la préfecture (ou sous-préfecture)
law-place-ce-only = au Conseil d'État (et non à la préfecture)
# Régionales: whether the préfecture may receive it is unverified (law.md §1b): no claim.
law-place-ce = au Conseil d'État
law-place-ta = au greffe du tribunal administratif
law-place-pv = au procès-verbal du bureau de vote
law-filer-circonscription = les électeurs inscrits sur les listes électorales (ou consulaires) de la circonscription
law-filer-any-voter = tout électeur
law-filer-pv = les électeurs du bureau, par une réclamation au procès-verbal
law-filer-commune = les électeurs et les éligibles de la commune
law-filer-canton = les électeurs du canton, les binômes de candidats, leurs remplaçants et les conseillers départementaux
law-filer-region = les électeurs de la région
law-filer-candidates = les candidats
law-filer-prefet = le préfet
law-mailer-propagande = la commission de propagande
law-mailer-locales = les commissions locales de contrôle
