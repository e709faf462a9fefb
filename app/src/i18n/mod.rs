//! Translations: Fluent files in `app/locales/`, German first and the fallback for every key.
//!
//! The language of a request comes from the `plenum_lang` cookie, else `Accept-Language`,
//! else German. The server writes it into `<html lang>`, where the browser reads it back
//! on hydration, so both sides render the same words.

use std::{collections::HashMap, sync::OnceLock};

use chrono::{Datelike, NaiveDate};
use fluent_bundle::{FluentArgs, FluentResource, concurrent::FluentBundle};

use crate::error::Msg;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// Name of the cookie that keeps the chosen language.
pub const LANG_COOKIE: &str = "plenum_lang";

/// A language Plenum has a translation file for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lang(&'static str);

impl Default for Lang {
    fn default() -> Self {
        Self("de")
    }
}

impl Lang {
    /// The language with this code, if a translation file exists for it.
    #[must_use]
    pub fn parse(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_lowercase();
        LOCALES.iter().find(|(c, _)| *c == code).map(|(c, _)| Self(c))
    }

    #[must_use]
    pub fn code(self) -> &'static str {
        self.0
    }

    pub fn all() -> impl Iterator<Item = Self> {
        LOCALES.iter().map(|(c, _)| Self(c))
    }

    /// The best language for an `Accept-Language` header, by its order of preference.
    #[must_use]
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut ranked: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut it = part.trim().split(';');
                let tag = it.next()?.trim();
                let q = it.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.parse::<f32>().ok()).unwrap_or(1.0);
                Some((q, tag))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked.into_iter().find_map(|(_, tag)| Self::parse(tag.split('-').next().unwrap_or(tag)))
    }

    /// The language of a request: cookie, then `Accept-Language`, then German.
    #[must_use]
    pub fn from_headers(cookie_value: Option<&str>, accept_language: Option<&str>) -> Self {
        cookie_value
            .and_then(Self::parse)
            .or_else(|| accept_language.and_then(Self::from_accept_language))
            .unwrap_or_default()
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static HashMap<&'static str, Bundle> {
    static BUNDLES: OnceLock<HashMap<&'static str, Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        LOCALES
            .iter()
            .map(|(code, source)| {
                let lang = code.parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![lang]);
                // Isolation marks around arguments would show up as stray characters in
                // attributes and tests; right-to-left languages can turn them back on.
                bundle.set_use_isolating(false);
                let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(res, _)| res);
                let _ = bundle.add_resource(resource);
                (*code, bundle)
            })
            .collect()
    })
}

fn lookup(lang: Lang, key: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = bundles().get(lang.code())?;
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, args, &mut errors).into_owned())
}

/// The text of `key` in `lang`, falling back to German, then to the key itself.
#[must_use]
pub fn t(lang: Lang, key: &str) -> String {
    t_args(lang, key, &[])
}

/// Like [`t`], with named arguments.
#[must_use]
pub fn t_args(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    let fluent_args = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::new();
        for (name, value) in args {
            // Whole numbers go in as numbers, so that plural variants ([one], [other]) match.
            match value.parse::<i64>().ok().filter(|n| n.to_string() == *value) {
                Some(n) => a.set(*name, n),
                None => a.set(*name, value.clone()),
            }
        }
        a
    });
    lookup(lang, key, fluent_args.as_ref())
        .or_else(|| lookup(Lang::default(), key, fluent_args.as_ref()))
        .unwrap_or_else(|| key.to_owned())
}

/// A date as people in `lang` write it ("22.11.2026", "22 Nov 2026").
#[must_use]
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    let month_name = t(lang, &format!("month-{}", date.month()));
    t_args(
        lang,
        "date-format",
        &[
            ("day", format!("{:02}", date.day())),
            ("dayshort", date.day().to_string()),
            ("month", format!("{:02}", date.month())),
            ("monthname", month_name),
            ("year", date.year().to_string()),
        ],
    )
}

/// The translation helper that components take from context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct I18n {
    pub lang: Lang,
}

impl I18n {
    #[must_use]
    pub fn t(self, key: &str) -> String {
        t(self.lang, key)
    }

    #[must_use]
    pub fn ta(self, key: &str, args: &[(&str, String)]) -> String {
        t_args(self.lang, key, args)
    }

    /// A message from the server. Its key may come from a URL (`__err` after a post without
    /// JavaScript): an unknown key shows the generic error, never the key itself.
    #[must_use]
    pub fn msg(self, msg: &Msg) -> String {
        if lookup(Lang::default(), &msg.key, None).is_none() {
            return t(self.lang, "error-internal");
        }
        let args: Vec<(&str, String)> = msg.args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        t_args(self.lang, &msg.key, &args)
    }

    #[must_use]
    pub fn date(self, date: NaiveDate) -> String {
        format_date(self.lang, date)
    }
}

/// The translation helper of the current page.
#[must_use]
pub fn use_i18n() -> I18n {
    leptos::prelude::use_context::<I18n>().unwrap_or_default()
}

#[cfg(test)]
mod tests;
