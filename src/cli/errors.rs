//! clap's own errors (an unknown flag, a missing argument, a value that is not one of the
//! choices…) in the user's language, rendered from the error's kind and context with the same
//! information and layout clap gives: what is wrong, the valid choices, a tip, the usage line, and
//! how to get help.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{Lang, Message};

use super::BadValue;

/// Text typed by the user, shown as typed but with control characters (and the invisible
/// characters that reorder or hide text) written as escapes, so that none reaches the terminal
/// ([`crate::domain::outside::escape`]).
pub(crate) fn escape(text: &str) -> String {
    crate::domain::outside::escape(text).into_owned()
}

/// A text put between the language's quotation marks (`« x »`, `'x'`).
fn quoted(lang: Lang, text: &str) -> String {
    Message::new("cli-quoted").arg("text", text).render(lang)
}

/// Names put between quotation marks and joined with commas.
fn quoted_list(lang: Lang, names: &[String]) -> String {
    names
        .iter()
        .map(|n| quoted(lang, n))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The error as constat prints it on standard error, in `lang`.
pub fn render(err: &clap::Error, lang: Lang) -> String {
    let one = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(escape(s)),
        _ => None,
    };
    let many = |kind| match err.get(kind) {
        Some(ContextValue::Strings(v)) => Some(v.iter().map(|s| escape(s)).collect::<Vec<_>>()),
        _ => None,
    };
    let number = |kind| match err.get(kind) {
        Some(ContextValue::Number(n)) => i64::try_from(*n).ok(),
        _ => None,
    };
    let q = |t: &str| quoted(lang, t);

    let headline = match err.kind() {
        ErrorKind::UnknownArgument => one(ContextKind::InvalidArg).map(|arg| {
            Message::new("cli-error-unknown-argument")
                .arg("arg", q(&arg))
                .render(lang)
        }),
        ErrorKind::InvalidValue => {
            match (one(ContextKind::InvalidArg), one(ContextKind::InvalidValue)) {
                (Some(arg), Some(value)) => {
                    let mut text = if value.is_empty() {
                        Message::new("cli-error-value-required")
                            .arg("arg", q(&arg))
                            .render(lang)
                    } else {
                        Message::new("cli-error-invalid-value")
                            .arg("value", q(&value))
                            .arg("arg", q(&arg))
                            .render(lang)
                    };
                    if let Some(values) = many(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
                        text.push_str("\n  ");
                        text.push_str(
                            &Message::new("cli-error-possible-values")
                                .arg("values", values.join(", "))
                                .render(lang),
                        );
                    }
                    Some(text)
                }
                _ => None,
            }
        }
        ErrorKind::ValueValidation => {
            match (one(ContextKind::InvalidArg), one(ContextKind::InvalidValue)) {
                (Some(arg), Some(value)) => Some(
                    Message::new("cli-error-value-validation")
                        .arg("value", q(&value))
                        .arg("arg", q(&arg))
                        .arg("reason", reason(err, lang))
                        .render(lang),
                ),
                _ => None,
            }
        }
        ErrorKind::InvalidSubcommand => one(ContextKind::InvalidSubcommand).map(|sub| {
            Message::new("cli-error-unknown-subcommand")
                .arg("subcommand", q(&sub))
                .render(lang)
        }),
        ErrorKind::MissingRequiredArgument => many(ContextKind::InvalidArg).map(|args| {
            let mut text = Message::new("cli-error-missing-arguments")
                .arg("count", args.len())
                .render(lang);
            for arg in args {
                text.push_str("\n  ");
                text.push_str(&arg);
            }
            text
        }),
        ErrorKind::MissingSubcommand => one(ContextKind::InvalidSubcommand).map(|command| {
            let mut text = Message::new("cli-error-missing-subcommand")
                .arg("command", q(&command))
                .render(lang);
            if let Some(subs) = many(ContextKind::ValidSubcommand).filter(|v| !v.is_empty()) {
                text.push_str("\n  ");
                text.push_str(
                    &Message::new("cli-error-subcommands")
                        .arg("values", subs.join(", "))
                        .render(lang),
                );
            }
            text
        }),
        ErrorKind::ArgumentConflict => conflict(err, lang),
        ErrorKind::NoEquals => one(ContextKind::InvalidArg).map(|arg| {
            Message::new("cli-error-no-equals")
                .arg("arg", q(&arg))
                .render(lang)
        }),
        ErrorKind::TooManyValues => {
            match (one(ContextKind::InvalidArg), one(ContextKind::InvalidValue)) {
                (Some(arg), Some(value)) => Some(
                    Message::new("cli-error-too-many-values")
                        .arg("value", q(&value))
                        .arg("arg", q(&arg))
                        .render(lang),
                ),
                _ => None,
            }
        }
        ErrorKind::TooFewValues => match (
            one(ContextKind::InvalidArg),
            number(ContextKind::ActualNumValues),
            number(ContextKind::MinValues),
        ) {
            (Some(arg), Some(actual), Some(min)) => Some(
                Message::new("cli-error-too-few-values")
                    .arg("arg", q(&arg))
                    .arg("count", actual)
                    .arg("min", min)
                    .render(lang),
            ),
            _ => None,
        },
        ErrorKind::WrongNumberOfValues => match (
            one(ContextKind::InvalidArg),
            number(ContextKind::ActualNumValues),
            number(ContextKind::ExpectedNumValues),
        ) {
            (Some(arg), Some(actual), Some(expected)) => Some(
                Message::new("cli-error-wrong-number-of-values")
                    .arg("arg", q(&arg))
                    .arg("count", actual)
                    .arg("expected", expected)
                    .render(lang),
            ),
            _ => None,
        },
        ErrorKind::InvalidUtf8 => Some(Message::new("cli-error-invalid-utf8").render(lang)),
        _ => None,
    };
    // A kind (or a context) not handled above: a sentence of the catalogue, with clap's own
    // English text labelled as such.
    let headline = headline.unwrap_or_else(|| {
        Message::new("cli-error-other")
            .arg("detail", escape(&clap_detail(err)))
            .render(lang)
    });

    let mut out = Message::new("cli-error")
        .arg("message", headline)
        .render(lang);
    let mut tips = Vec::new();
    if let Some(subs) = many(ContextKind::SuggestedSubcommand).filter(|v| !v.is_empty()) {
        tips.push(
            Message::new("cli-tip-similar-subcommand")
                .arg("count", subs.len())
                .arg("names", quoted_list(lang, &subs))
                .render(lang),
        );
    }
    for (kind, id) in [
        (ContextKind::SuggestedArg, "arg"),
        (ContextKind::SuggestedValue, "value"),
    ] {
        let names = match err.get(kind) {
            Some(ContextValue::String(s)) => vec![escape(s)],
            Some(ContextValue::Strings(v)) => v.iter().map(|s| escape(s)).collect(),
            _ => continue,
        };
        let message = if id == "arg" {
            Message::new("cli-tip-similar-argument")
        } else {
            Message::new("cli-tip-similar-value")
        };
        tips.push(
            message
                .arg("count", names.len())
                .arg("names", quoted_list(lang, &names))
                .render(lang),
        );
    }
    if let Some(ContextValue::StyledStrs(suggestions)) = err.get(ContextKind::Suggested) {
        for s in suggestions {
            tips.push(suggestion(&s.to_string(), lang));
        }
    }
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            out.push_str("\n  ");
            out.push_str(&Message::new("cli-tip").arg("text", tip).render(lang));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = err.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        out.push_str("\n\n");
        out.push_str(&Message::new("cli-heading-usage").render(lang));
        out.push(' ');
        out.push_str(&escape_keeping_lines(usage));
    }
    out.push_str("\n\n");
    out.push_str(
        &Message::new("cli-error-try-help")
            .arg("help", q("--help"))
            .render(lang),
    );
    out.push('\n');
    out
}

/// [`escape`] line by line (a usage can take several lines).
fn escape_keeping_lines(text: &str) -> String {
    text.lines().map(escape).collect::<Vec<_>>().join("\n")
}

/// clap's English text of the error, without its `error: ` prefix and its usage and help lines.
fn clap_detail(err: &clap::Error) -> String {
    let text = err.render().to_string();
    let text = text.trim();
    let text = text.strip_prefix("error: ").unwrap_or(text);
    let text = text.split("\n\nUsage: ").next().unwrap_or(text);
    let text = text
        .split("\n\nFor more information")
        .next()
        .unwrap_or(text);
    text.trim().to_owned()
}

/// `the argument 'X' cannot be used with 'Y'` and its variants.
fn conflict(err: &clap::Error, lang: Lang) -> Option<String> {
    let q = |t: &str| quoted(lang, &escape(t));
    let prior = err.get(ContextKind::PriorArg);
    let (message, subject) = match err.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(arg)) => {
            if prior == Some(&ContextValue::String(arg.clone())) {
                return Some(
                    Message::new("cli-error-argument-repeated")
                        .arg("arg", q(arg))
                        .render(lang),
                );
            }
            (Message::new("cli-error-argument-conflict"), q(arg))
        }
        _ => match err.get(ContextKind::InvalidSubcommand) {
            Some(ContextValue::String(sub)) => {
                (Message::new("cli-error-subcommand-conflict"), q(sub))
            }
            _ => return None,
        },
    };
    let (count, others) = match prior {
        Some(ContextValue::String(other)) => (1, q(other)),
        Some(ContextValue::Strings(others)) => (
            others.len(),
            others
                .iter()
                .map(|o| format!("\n  {}", escape(o)))
                .collect::<String>(),
        ),
        _ => (0, String::new()),
    };
    Some(
        message
            .arg("subject", subject)
            .arg("count", count)
            .arg("others", others)
            .render(lang),
    )
}

/// Why a value was refused by its parser: constat's own parsers say it with a [`BadValue`];
/// numbers and dates parsed by the standard library and chrono are recognised; anything else is
/// clap's (English) text, labelled.
fn reason(err: &clap::Error, lang: Lang) -> String {
    let Some(source) = std::error::Error::source(err) else {
        return Message::new("cli-reason-refused").render(lang);
    };
    if let Some(bad) = source.downcast_ref::<BadValue>() {
        return match *bad {
            BadValue::NotANumber => Message::new("cli-reason-not-a-number").render(lang),
            BadValue::OutOfRange { min, max } => Message::new("cli-reason-out-of-range")
                .arg("min", min)
                .arg("max", max)
                .render(lang),
            BadValue::NotADay => Message::new("cli-reason-not-a-day").render(lang),
            BadValue::NotAMoment => Message::new("cli-reason-not-a-moment").render(lang),
        };
    }
    if source.downcast_ref::<std::num::ParseIntError>().is_some() {
        return Message::new("cli-reason-not-a-number").render(lang);
    }
    if source.downcast_ref::<chrono::ParseError>().is_some() {
        return Message::new("cli-reason-not-a-date").render(lang);
    }
    Message::new("cli-reason-other")
        .arg("detail", escape(&source.to_string()))
        .render(lang)
}

/// One of clap's free-text suggestions (`to pass '-x' as a value, use '-- -x'`, `'tick --note'
/// exists`, `subcommand 'x' exists; to use it, remove the '--' before it`) in `lang`; another
/// one is kept in clap's words, labelled.
fn suggestion(text: &str, lang: Lang) -> String {
    let q = |t: &str| quoted(lang, &escape(t));
    if let Some(rest) = text.strip_prefix("to pass '")
        && let Some((value, fix)) = rest.rsplit_once("' as a value, use '")
        && let Some(fix) = fix.strip_suffix('\'')
    {
        return Message::new("cli-tip-trailing-value")
            .arg("value", q(value))
            .arg("fix", q(fix))
            .render(lang);
    }
    if let Some(rest) = text.strip_prefix("subcommand '")
        && let Some(sub) = rest.strip_suffix("' exists; to use it, remove the '--' before it")
    {
        return Message::new("cli-tip-remove-dashes")
            .arg("subcommand", q(sub))
            .render(lang);
    }
    if let Some(rest) = text.strip_prefix('\'')
        && let Some(usage) = rest.strip_suffix("' exists")
    {
        return Message::new("cli-tip-exists")
            .arg("usage", q(usage))
            .render(lang);
    }
    Message::new("cli-tip-other")
        .arg("detail", escape(text))
        .render(lang)
}
