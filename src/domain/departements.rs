//! The départements and overseas collectivities as circonscription codes write them, with their
//! names (INSEE's official geographic code, COG): `01`–`95` bar `20`, `2A`, `2B`, `971`–`978`,
//! `986`–`988`, `ZZ` (and `99`) for the French abroad, and the 2017 files' overseas letters
//! (`ZA` Guadeloupe … `ZW` Wallis-et-Futuna, aliases of the INSEE codes; `ZX`, the single
//! circonscription of Saint-Barthélemy and Saint-Martin, a place of its own). `FR` is the présidentielle's single
//! national circonscription (`FR01`, law.md §4.2). PURE data.
//!
//! Place names are proper nouns, the same in every language of the interface.

/// (code, name) in the order reports list them: metropolitan France in INSEE order (Corse after
/// 19), the overseas départements and collectivities, the French abroad.
pub const DEPARTEMENTS: &[(&str, &str)] = &[
    ("01", "Ain"),
    ("02", "Aisne"),
    ("03", "Allier"),
    ("04", "Alpes-de-Haute-Provence"),
    ("05", "Hautes-Alpes"),
    ("06", "Alpes-Maritimes"),
    ("07", "Ardèche"),
    ("08", "Ardennes"),
    ("09", "Ariège"),
    ("10", "Aube"),
    ("11", "Aude"),
    ("12", "Aveyron"),
    ("13", "Bouches-du-Rhône"),
    ("14", "Calvados"),
    ("15", "Cantal"),
    ("16", "Charente"),
    ("17", "Charente-Maritime"),
    ("18", "Cher"),
    ("19", "Corrèze"),
    ("2A", "Corse-du-Sud"),
    ("2B", "Haute-Corse"),
    ("21", "Côte-d'Or"),
    ("22", "Côtes-d'Armor"),
    ("23", "Creuse"),
    ("24", "Dordogne"),
    ("25", "Doubs"),
    ("26", "Drôme"),
    ("27", "Eure"),
    ("28", "Eure-et-Loir"),
    ("29", "Finistère"),
    ("30", "Gard"),
    ("31", "Haute-Garonne"),
    ("32", "Gers"),
    ("33", "Gironde"),
    ("34", "Hérault"),
    ("35", "Ille-et-Vilaine"),
    ("36", "Indre"),
    ("37", "Indre-et-Loire"),
    ("38", "Isère"),
    ("39", "Jura"),
    ("40", "Landes"),
    ("41", "Loir-et-Cher"),
    ("42", "Loire"),
    ("43", "Haute-Loire"),
    ("44", "Loire-Atlantique"),
    ("45", "Loiret"),
    ("46", "Lot"),
    ("47", "Lot-et-Garonne"),
    ("48", "Lozère"),
    ("49", "Maine-et-Loire"),
    ("50", "Manche"),
    ("51", "Marne"),
    ("52", "Haute-Marne"),
    ("53", "Mayenne"),
    ("54", "Meurthe-et-Moselle"),
    ("55", "Meuse"),
    ("56", "Morbihan"),
    ("57", "Moselle"),
    ("58", "Nièvre"),
    ("59", "Nord"),
    ("60", "Oise"),
    ("61", "Orne"),
    ("62", "Pas-de-Calais"),
    ("63", "Puy-de-Dôme"),
    ("64", "Pyrénées-Atlantiques"),
    ("65", "Hautes-Pyrénées"),
    ("66", "Pyrénées-Orientales"),
    ("67", "Bas-Rhin"),
    ("68", "Haut-Rhin"),
    ("69", "Rhône"),
    ("70", "Haute-Saône"),
    ("71", "Saône-et-Loire"),
    ("72", "Sarthe"),
    ("73", "Savoie"),
    ("74", "Haute-Savoie"),
    ("75", "Paris"),
    ("76", "Seine-Maritime"),
    ("77", "Seine-et-Marne"),
    ("78", "Yvelines"),
    ("79", "Deux-Sèvres"),
    ("80", "Somme"),
    ("81", "Tarn"),
    ("82", "Tarn-et-Garonne"),
    ("83", "Var"),
    ("84", "Vaucluse"),
    ("85", "Vendée"),
    ("86", "Vienne"),
    ("87", "Haute-Vienne"),
    ("88", "Vosges"),
    ("89", "Yonne"),
    ("90", "Territoire de Belfort"),
    ("91", "Essonne"),
    ("92", "Hauts-de-Seine"),
    ("93", "Seine-Saint-Denis"),
    ("94", "Val-de-Marne"),
    ("95", "Val-d'Oise"),
    ("971", "Guadeloupe"),
    ("972", "Martinique"),
    ("973", "Guyane"),
    ("974", "La Réunion"),
    ("975", "Saint-Pierre-et-Miquelon"),
    ("976", "Mayotte"),
    ("977", "Saint-Barthélemy"),
    ("978", "Saint-Martin"),
    // The 2017 files' `ZX`: the single circonscription of both collectivities (977 and 978),
    // a place of its own (its commune codes say which island).
    ("ZX", "Saint-Barthélemy et Saint-Martin"),
    ("986", "Wallis-et-Futuna"),
    ("987", "Polynésie française"),
    ("988", "Nouvelle-Calédonie"),
    ("ZZ", "Français établis hors de France"),
];

/// The 2017 files' overseas letters and other spellings, with the INSEE code they stand for.
const ALIASES: &[(&str, &str)] = &[
    ("ZA", "971"),
    ("ZB", "972"),
    ("ZC", "973"),
    ("ZD", "974"),
    ("ZS", "975"),
    ("ZM", "976"),
    ("ZW", "986"),
    ("ZP", "987"),
    ("ZN", "988"),
    ("99", "ZZ"),
];

/// The présidentielle's national circonscription (`FR01`).
pub const NATIONAL: &str = "FR";

/// The code of the table that `code` stands for: an alias (`ZA`, `99`) gives its INSEE code,
/// any other code itself.
pub fn canonical(code: &str) -> &str {
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == code)
        .map_or(code, |(_, c)| c)
}

/// The name of the département or collectivity `code` (`75` → Paris, `2A` → Corse-du-Sud,
/// `ZA` → Guadeloupe); `None` for a code not in the table (including `FR`, France as a whole,
/// which the report words itself).
pub fn name(code: &str) -> Option<&'static str> {
    let code = canonical(code);
    DEPARTEMENTS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, n)| *n)
}

/// Where `code` comes in [`DEPARTEMENTS`] (unknown codes after every known one, then by code):
/// Corse between 19 and 21, overseas after metropolitan France.
pub fn order(code: &str) -> (usize, &str) {
    let canonical = canonical(code);
    (
        DEPARTEMENTS
            .iter()
            .position(|(c, _)| *c == canonical)
            .unwrap_or(DEPARTEMENTS.len()),
        code,
    )
}

/// True for the overseas départements and collectivities (drawn as insets on the map).
pub fn is_overseas(code: &str) -> bool {
    let c = canonical(code);
    c == "ZX" || (c.len() == 3 && (c.starts_with("97") || c.starts_with("98")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::codes::is_departement;

    #[test]
    fn the_table_has_every_departement_once_in_insee_order() {
        let metropolitan = DEPARTEMENTS
            .iter()
            .filter(|(c, _)| c.len() == 2 && !c.starts_with('Z'));
        assert_eq!(metropolitan.count(), 96);
        // 101 départements: 96 metropolitan and 5 overseas (971–974, 976).
        let departements = DEPARTEMENTS
            .iter()
            .filter(|(c, _)| {
                (c.len() == 2 && !c.starts_with('Z'))
                    || ["971", "972", "973", "974", "976"].contains(c)
            })
            .count();
        assert_eq!(departements, 101);
        let mut codes: Vec<&str> = DEPARTEMENTS.iter().map(|(c, _)| *c).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), DEPARTEMENTS.len(), "a code twice");
        for (code, name) in DEPARTEMENTS {
            assert!(
                is_departement(code),
                "{code} is not written in circonscription codes"
            );
            assert!(!name.is_empty());
        }
        assert!(order("19") < order("2A") && order("2B") < order("21"));
        assert!(order("95") < order("971") && order("988") < order("ZZ"));
        assert!(order("978") < order("ZX") && order("ZX") < order("986"));
        assert!(order("ZZ") < order("FR"));
    }

    #[test]
    fn names_come_from_codes_as_circonscription_codes_write_them() {
        use crate::domain::CirconscriptionCode;
        let dep = |c: &str| {
            CirconscriptionCode::parse(c)
                .unwrap()
                .departement()
                .to_owned()
        };
        assert_eq!(name(&dep("7501")), Some("Paris"));
        assert_eq!(name(&dep("0101")), Some("Ain"));
        assert_eq!(name(&dep("2A01")), Some("Corse-du-Sud"));
        assert_eq!(name(&dep("2B02")), Some("Haute-Corse"));
        assert_eq!(name(&dep("97101")), Some("Guadeloupe"));
        assert_eq!(name(&dep("97601")), Some("Mayotte"));
        assert_eq!(name(&dep("98801")), Some("Nouvelle-Calédonie"));
        assert_eq!(name(&dep("ZZ01")), Some("Français établis hors de France"));
        assert_eq!(name(&dep("ZA01")), Some("Guadeloupe"));
        assert_eq!(name("99"), name("ZZ"));
        assert_eq!(name(&dep("FR01")), None);
        assert_eq!(name("20"), None);
        assert!(is_overseas("974") && is_overseas("ZD") && !is_overseas("75"));
        assert!(!is_overseas("ZZ") && !is_overseas("2A"));
    }

    /// Issue 18 point 4 (département names, not codes): every code of the results files has its
    /// name, the 2017 overseas letters the same as the INSEE codes they stand for, and each
    /// overseas place is drawn as an inset.
    #[test]
    fn every_code_of_the_results_files_has_its_name() {
        let letters = [
            ("ZA", "971", "Guadeloupe"),
            ("ZB", "972", "Martinique"),
            ("ZC", "973", "Guyane"),
            ("ZD", "974", "La Réunion"),
            ("ZM", "976", "Mayotte"),
            ("ZN", "988", "Nouvelle-Calédonie"),
            ("ZP", "987", "Polynésie française"),
            ("ZS", "975", "Saint-Pierre-et-Miquelon"),
            ("ZW", "986", "Wallis-et-Futuna"),
        ];
        for (letter, insee, expected) in letters {
            assert_eq!(name(letter), Some(expected), "{letter}");
            assert_eq!(name(insee), Some(expected), "{insee}");
            assert_eq!(canonical(letter), insee);
            assert_eq!(order(letter).0, order(insee).0, "{letter} sorts as {insee}");
            assert!(is_overseas(letter) && is_overseas(insee), "{letter}");
        }
        // ZX: one circonscription for both collectivities, each of which keeps its own name.
        assert_eq!(name("ZX"), Some("Saint-Barthélemy et Saint-Martin"));
        assert_eq!(name("977"), Some("Saint-Barthélemy"));
        assert_eq!(name("978"), Some("Saint-Martin"));
        assert!(is_overseas("ZX") && is_overseas("977") && is_overseas("978"));
        assert_eq!(name("ZZ"), Some("Français établis hors de France"));
        assert!(!is_overseas("ZZ"));
        assert_eq!(name("2A"), Some("Corse-du-Sud"));
        assert_eq!(name("2B"), Some("Haute-Corse"));
        // Every département code a circonscription code can carry that the results files use
        // has a name: 01–95 (bar 20), 2A, 2B, 971–978, 986–988, the letters, ZZ and 99.
        let mut codes: Vec<String> = (1..=95)
            .filter(|n| *n != 20)
            .map(|n| format!("{n:02}"))
            .collect();
        codes.extend(
            [
                "2A", "2B", "971", "972", "973", "974", "975", "976", "977", "978", "986", "987",
                "988", "ZA", "ZB", "ZC", "ZD", "ZM", "ZN", "ZP", "ZS", "ZW", "ZX", "ZZ", "99",
            ]
            .map(str::to_owned),
        );
        for code in &codes {
            assert!(name(code).is_some(), "{code} has no name");
        }
    }
}
