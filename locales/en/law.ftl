# constat: the law's words (src/domain/law.rs): legal texts cited, judges, places, who may file.
# Article numbers are never written here: they come from the law table as $articles.

law-and = {" and "}
law-or = {" or "}
# A whole text, cited without an article.
law-text = { $text ->
    [decret] décret n° { $number } of 8 March 2001
    [ordonnance] ordonnance n° { $number } of 7 November 1958
    [loi] loi n° { $number } of 7 July 1977
    [constitution] Constitution
   *[code] code électoral
}
law-cite-code = { $count ->
    [one] article
   *[other] articles
} { $articles } of the code électoral
law-cite-ordonnance = { $count ->
    [one] article
   *[other] articles
} { $articles } of ordonnance n° { $number } of 7 November 1958
law-cite-decret = { $count ->
    [one] article
   *[other] articles
} { $articles } of décret n° { $number } of 8 March 2001
law-cite-loi = { $count ->
    [one] article
   *[other] articles
} { $articles } of loi n° { $number } of 7 July 1977
law-cite-constitution = { $count ->
    [one] article
   *[other] articles
} { $articles } of the Constitution
law-place-cc = at the secrétariat général of the Conseil constitutionnel
law-place-prefecture = at the préfecture
law-place-sous-prefecture = at the préfecture (or a sous-préfecture)
law-place-ce-only = at the Conseil d'État (not at the préfecture)
# Régionales: whether the préfecture may receive it is unverified (law.md §1b): no claim.
law-place-ce = at the Conseil d'État
law-place-ta = at the greffe of the tribunal administratif
law-place-pv = in the bureau de vote's procès-verbal
law-filer-circonscription = voters on the electoral (or consular) rolls of the circonscription
law-filer-any-voter = any voter
law-filer-pv = the bureau's voters, by a réclamation in the procès-verbal
law-filer-commune = the commune's voters and éligibles
law-filer-canton = the canton's voters, the binômes of candidates, their remplaçants and the conseillers départementaux
law-filer-region = the région's voters
law-filer-candidates = the candidates
law-filer-prefet = the préfet
law-mailer-propagande = the commission de propagande
law-mailer-locales = the commissions locales de contrôle
