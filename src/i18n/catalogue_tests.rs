//! The catalogue's own checks: every `.ftl` file parses, no id is defined twice, French and
//! English define the same messages with the same attributes and variables, every message
//! renders without a Fluent error in both languages, and every id the source code names exists.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;
use fluent_syntax::parser;

use super::fluent::{EN, FR, Resource, defined_ids};
use super::{Arg, Lang, format_attribute, has_message};

/// A message's shape: its attributes, and the variables used anywhere in it.
#[derive(Debug, PartialEq, Eq, Default)]
struct Shape {
    attributes: BTreeSet<String>,
    variables: BTreeSet<String>,
    has_value: bool,
}

/// The messages and terms a pattern refers to, anywhere in it.
fn references(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    use ast::InlineExpression as I;
    fn inline(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            I::MessageReference { id, .. } => {
                out.insert(id.name.to_owned());
            }
            I::TermReference { id, .. } => {
                out.insert(format!("-{}", id.name));
            }
            I::Placeable { expression: e } => expression(e, out),
            _ => {}
        }
    }
    fn expression(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Inline(i) => inline(i, out),
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    references(&v.value, out);
                }
            }
        }
    }
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression: e } = element {
            expression(e, out);
        }
    }
}

fn inline_vars(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    use ast::InlineExpression as I;
    match e {
        I::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        I::Placeable { expression } => expression_vars(expression, out),
        I::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
            for a in &arguments.named {
                inline_vars(&a.value, out);
            }
        }
        I::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.named {
                inline_vars(&a.value, out);
            }
        }
        _ => {}
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, out),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
    }
}

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

/// Every message of one language, by id, with the file that defines it; fails on a file that
/// does not parse and on an id defined twice.
fn shapes(resources: &[Resource]) -> BTreeMap<String, (&'static str, Shape)> {
    let mut all = BTreeMap::new();
    for (file, text) in resources {
        let resource = match parser::parse(*text) {
            Ok(r) => r,
            Err((_, errors)) => panic!("{file} does not parse: {errors:?}"),
        };
        for entry in resource.body {
            let (id, shape) = match entry {
                ast::Entry::Message(m) => {
                    let mut shape = Shape {
                        has_value: m.value.is_some(),
                        ..Shape::default()
                    };
                    if let Some(v) = &m.value {
                        pattern_vars(v, &mut shape.variables);
                    }
                    for a in &m.attributes {
                        shape.attributes.insert(a.id.name.to_owned());
                        pattern_vars(&a.value, &mut shape.variables);
                    }
                    (m.id.name.to_owned(), shape)
                }
                ast::Entry::Term(t) => {
                    let mut shape = Shape {
                        has_value: true,
                        ..Shape::default()
                    };
                    pattern_vars(&t.value, &mut shape.variables);
                    (format!("-{}", t.id.name), shape)
                }
                ast::Entry::Junk { content } => panic!("{file}: unreadable entry: {content}"),
                _ => continue,
            };
            if let Some((first, _)) = all.insert(id.clone(), (*file, shape)) {
                panic!("{id} is defined twice: in {first} and {file}");
            }
        }
    }
    all
}

#[test]
fn french_and_english_define_the_same_messages_with_the_same_variables() {
    let fr = shapes(FR);
    let en = shapes(EN);
    let only_fr: Vec<_> = fr.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !fr.contains_key(*k)).collect();
    assert!(only_fr.is_empty(), "only in French: {only_fr:?}");
    assert!(only_en.is_empty(), "only in English: {only_en:?}");
    for (id, (file, shape)) in &fr {
        let (en_file, en_shape) = &en[id];
        assert_eq!(
            shape, en_shape,
            "{id}: {file} and {en_file} differ in attributes or variables"
        );
        assert_eq!(
            file.trim_start_matches("fr/"),
            en_file.trim_start_matches("en/"),
            "{id} lives in different files"
        );
    }
    assert_eq!(FR.len(), EN.len(), "both languages list the same files");
}

/// Every message and attribute renders in both languages, with every variable given, without
/// a Fluent error: no reference to a missing message or term, nothing left as `{$x}`.
#[test]
fn every_message_renders_in_both_languages() {
    for (lang, resources) in [(Lang::Fr, FR), (Lang::En, EN)] {
        for (id, (file, shape)) in shapes(resources) {
            if id.starts_with('-') {
                continue;
            }
            // Each variable once as a count, once as a text: both must render.
            for value in [Arg::Num(2.0), Arg::Str("x".into())] {
                let args: Vec<(&str, Arg)> = shape
                    .variables
                    .iter()
                    .map(|v| (v.as_str(), value.clone()))
                    .collect();
                let mut targets: Vec<Option<&str>> =
                    shape.attributes.iter().map(|a| Some(a.as_str())).collect();
                if shape.has_value {
                    targets.push(None);
                }
                for attribute in targets {
                    let text = format_attribute(lang, &id, attribute, &args);
                    assert!(
                        !text.contains("{$") && !text.contains("{-") && !text.contains("{???}"),
                        "{file}: {id} {attribute:?} renders with an error: {text}"
                    );
                    assert_ne!(text, id, "{file}: {id} {attribute:?} did not render");
                }
            }
        }
    }
}

/// The ids named in the source code: literals after `Message::new(`, and the first literal of
/// the catalogue builder's `tr!(EN, "…"` and `st!(EN, "…"`.
fn ids_in_source(dir: &std::path::Path, out: &mut BTreeSet<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            ids_in_source(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            // Comments may show the forms with made-up ids.
            for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for marker in ["Message::new(\"", "tr!(EN, \"", "st!(EN, \"", "msg!(\""] {
                    for (at, _) in line.match_indices(marker) {
                        let rest = &line[at + marker.len()..];
                        if let Some(end) = rest.find('"') {
                            out.insert((rest[..end].to_owned(), path.display().to_string()));
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn every_id_the_code_names_exists_in_both_languages() {
    let mut ids = BTreeSet::new();
    ids_in_source(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut ids,
    );
    assert!(ids.len() > 50, "the scan found the catalogue's users");
    for (id, file) in ids {
        // The scanner's own markers, written in this file.
        if file.ends_with("catalogue_tests.rs") {
            continue;
        }
        for lang in [Lang::Fr, Lang::En] {
            assert!(
                has_message(lang, &id),
                "{file} names {id}, missing in {lang:?}"
            );
        }
    }
}

/// Each file is parsed only when one of its messages is first rendered, found through a scan of
/// its lines: the scan must find exactly the messages the parser finds, and no message may refer
/// to a message or term of another file (that file might not be parsed).
#[test]
fn the_line_scan_finds_every_message_and_no_message_refers_outside_its_file() {
    for (file, text) in FR.iter().chain(EN) {
        let resource = parser::parse(*text).unwrap_or_else(|(r, _)| r);
        let mut parsed = BTreeSet::new();
        let mut referred = BTreeSet::new();
        for entry in &resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    parsed.insert(m.id.name.to_owned());
                    if let Some(v) = &m.value {
                        references(v, &mut referred);
                    }
                    for a in &m.attributes {
                        references(&a.value, &mut referred);
                    }
                }
                ast::Entry::Term(t) => {
                    parsed.insert(format!("-{}", t.id.name));
                    references(&t.value, &mut referred);
                }
                _ => {}
            }
        }
        let scanned: BTreeSet<String> = defined_ids(text).map(str::to_owned).collect();
        let messages: BTreeSet<String> = parsed
            .iter()
            .filter(|id| !id.starts_with('-'))
            .cloned()
            .collect();
        assert_eq!(
            scanned, messages,
            "{file}: the line scan and the parser disagree"
        );
        let outside: Vec<_> = referred.difference(&parsed).collect();
        assert!(
            outside.is_empty(),
            "{file} refers to {outside:?}, defined elsewhere"
        );
    }
}

/// Article numbers live in the law table (`domain::law`) and reach a message as an argument:
/// no message outside `law.ftl` spells one, so that a rule changed in one place is changed in
/// every text (issue 14 point 1).
#[test]
fn no_message_outside_the_law_catalogue_spells_an_article() {
    // `R.34`, `L.58`, `LO.180`: a code prefix not inside a word, a dot, a digit.
    let article = |line: &str| {
        let chars: Vec<char> = line.chars().collect();
        (0..chars.len()).any(|i| {
            ["R.", "L.", "LO."].iter().any(|p| {
                let p: Vec<char> = p.chars().collect();
                chars[i..].starts_with(&p)
                    && (i == 0 || !chars[i - 1].is_alphabetic())
                    && chars.get(i + p.len()).is_some_and(char::is_ascii_digit)
            })
        })
    };
    assert!(article("(art. R.41)") && article("LO.180") && !article("NOR.5"));
    for (file, text) in FR.iter().chain(EN) {
        if file.ends_with("/law.ftl") {
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            assert!(
                !article(line),
                "{file}:{}: an article number in a message: {line}",
                n + 1
            );
        }
    }
}
